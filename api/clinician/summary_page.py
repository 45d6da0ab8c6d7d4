"""One visit's summary page: red flags first, the patient's words, the ratings, the plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from fastapi import Request
from fastapi.responses import Response
from markupsafe import Markup

from api import web_session
from api.clinician import pages
from api.clinician import plan_form as forms
from api.clinician.pages import CLINIC_TZ, STATUS_LABELS
from api.deps import SessionDep
from coproduce.aims.schemas import AimSummary
from coproduce.aims.timeline import BASELINE, rating_timeline
from coproduce.clinics.service import Principal
from coproduce.followups.chart import ChartPoint, ratings_svg
from coproduce.plans import service as plan_service
from coproduce.visits.models import Visit


def summary_page(
    request: Request,
    session: SessionDep,
    principal: Principal,
    cookie: web_session.WebSession,
    visit: Visit,
    summary: AimSummary,
    *,
    plan_form: dict[str, Any] | None = None,
    plan_errors: list[str] | None = None,
    plan_link: str | None = None,
    status_code: int = 200,
) -> Response:
    """Render one visit's summary page, with the plan form (its values, errors and link)."""
    plan = summary.plan  # the latest version, read once with the summary
    earlier = (
        plan_service.earlier_versions(session=session, visit_id=visit.id, before=plan.versions)
        if plan
        else []
    )
    return pages.render(
        request,
        "summary.html",
        {
            "principal": principal,
            "clinic": pages.clinic_label(session, principal),
            "csrf_token": cookie.csrf,
            "visit": visit,
            "summary": summary,
            "plan": plan,
            "earlier_plans": earlier,
            "plan_form": plan_form or forms.form_values(plan, summary),
            "plan_errors": plan_errors or [],
            "plan_link": plan_link,
            "owners": forms.PLAN_OWNERS,
            "plan_status": plan_service.STATUS_LABELS,
            "supporters": forms.supporters(summary),
            **flag_context(summary),
            "status_text": status_text(summary),
            "follow_up_aim": summary.headline.focus
            not in (summary.one_thing, summary.aim.statement),
            "helps": [s for s in summary.supports if s.kind != "caring_for"],
            "cares_for": [s for s in summary.supports if s.kind == "caring_for"],
            "printed_at": datetime.now(CLINIC_TZ),
            "chart": ratings_chart(visit, summary),
        },
        status_code=status_code,
    )


@dataclass(frozen=True)
class FlagMessage:
    """One message that raised red flags: every category it raised, once."""

    text: str
    at: datetime
    urgency: str
    about: str
    categories: tuple[str, ...]
    guidance: str | None
    safety_reply: str | None
    safe_to_continue: bool | None


def flag_context(summary: AimSummary) -> dict[str, Any]:
    """Red flags grouped by message (one entry each), emergencies apart from same-day ones."""
    messages: dict[tuple[str, datetime], FlagMessage] = {}
    for flag in summary.red_flags:
        key = (flag.text, flag.at)
        found = messages.get(key)
        categories = (*found.categories, flag.category) if found else (flag.category,)
        messages[key] = FlagMessage(
            flag.text,
            flag.at,
            flag.urgency,
            flag.about,
            tuple(dict.fromkeys(categories)),
            flag.guidance,
            flag.safety_reply,
            flag.safe_to_continue,
        )
    entries = list(messages.values())
    return {
        "flag_messages": entries,
        "flag_groups": [
            ("Emergency: told to call 999", [e for e in entries if e.urgency != "urgent"]),
            (
                "Same day: told to contact the practice or 111",
                [e for e in entries if e.urgency == "urgent"],
            ),
        ],
        "urgent_first": sorted(
            summary.red_flags, key=lambda f: (f.urgency != "emergency", f.category)
        ),
    }


def status_text(summary: AimSummary) -> str:
    """The visit's status as a clinician needs it: stopped for safety says so."""
    if any(f.safe_to_continue is False for f in summary.red_flags):
        return "Stopped for safety: said they were not safe to carry on"
    return STATUS_LABELS.get(summary.status, summary.status)


def ratings_chart(visit: Visit, summary: AimSummary) -> Markup:
    """Baseline and follow-up ratings over time, as an inline SVG."""
    points = [
        ChartPoint(
            "Before visit"
            if point.kind == BASELINE
            else point.at.replace(tzinfo=timezone.utc).astimezone(CLINIC_TZ).strftime("%-d %b"),
            point.rating,
        )
        for point in rating_timeline(summary, baseline_at=visit.created_at)
    ]
    if len(points) < 2:
        return Markup("")
    return ratings_svg(points, title="Ratings on the patient's own measure, 0 to 10, over time")
