"""The clinic leads' improvement page and its CSV downloads (signed in as a clinician)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from api import improvement
from api.clinician import pages
from api.deps import SessionDep
from api.errors import NotFound, Unprocessable
from coproduce.clinics import service as clinic_service
from coproduce.clinics.service import Principal
from coproduce.quality import charts
from coproduce.quality import service as quality
from coproduce.quality.periods import INTERVALS
from coproduce.quality.shared_themes import Theme

router = APIRouter(tags=["improvement"])


def _page_filters(request: Request) -> tuple[str, date | None, date | None, str | None, str | None]:
    """Read the page's filters; return an error message instead of failing on a bad one."""
    params = request.query_params
    interval = params.get("interval") or "month"
    problem = None if interval in INTERVALS else "Choose weeks or months."
    days: list[date | None] = []
    for name in ("from", "to"):
        value = params.get(name) or None
        try:
            days.append(date.fromisoformat(value) if value else None)
        except ValueError:
            days.append(None)
            problem = "Use dates like 2026-03-14."
    return (
        interval if problem is None else "month",
        days[0],
        days[1],
        params.get("clinic") or None,
        problem,
    )


@dataclass(frozen=True)
class PageFilters:
    """Who is signed in and what the page (or one of its downloads) asks for."""

    principal: Principal
    csrf: str
    clinic: str | None
    start: date
    end: date
    interval: str
    problem: str | None


def _filters(request: Request, session: Session) -> PageFilters | Response:
    """The signed-in lead's filters; a bad one is said on the page, never a failure."""
    signed = pages.require_sign_in(request, session)
    if isinstance(signed, Response):
        return signed
    principal, cookie = signed
    interval, date_from, date_to, clinic_param, problem = _page_filters(request)
    try:
        clinic = improvement.scope(session, principal, clinic_param)
        start, end = improvement.window(date_from, date_to, interval)
    except (NotFound, Unprocessable) as error:
        problem, clinic = str(error), principal.clinic_id
        start, end = improvement.window(None, None, interval)
    return PageFilters(principal, cookie.csrf, clinic, start, end, interval, problem)


@router.get("/clinician/improvement", include_in_schema=False)
def improvement_page(request: Request, session: SessionDep) -> Response:
    """The clinic lead's view: control charts, shared themes and the funnel; no scripts."""
    asked = _filters(request, session)
    if isinstance(asked, Response):
        return asked
    principal, clinic, start, end = asked.principal, asked.clinic, asked.start, asked.end
    found = quality.series(
        session=session, clinic_id=clinic, date_from=start, date_to=end, interval=asked.interval
    )
    context: dict[str, Any] = {
        "principal": principal,
        "csrf_token": asked.csrf,
        "clinic": pages.clinic_label(session, principal)
        if not principal.is_admin or clinic is None
        else clinic_service.clinic_name(session=session, clinic_id=clinic),
        "clinic_id": clinic,
        "clinics": clinic_service.list_clinics(session=session) if principal.is_admin else [],
        "interval": asked.interval,
        "date_from": start,
        "date_to": end,
        "problem": asked.problem,
        "series": improvement.series_out(clinic, found),
        "themes": improvement.report("themes", session, clinic, start, end, asked.interval),
        "funnel": improvement.report("funnel", session, clinic, start, end, asked.interval),
        "p_chart": charts.p_chart_svg(found),
        "run_chart": charts.run_chart_svg(found),
    }
    names = {
        "treatment_burdens": pages.BURDEN_LABELS,
        "skipped_topics": pages.TOPIC_LABELS,
    }
    context["bars"] = {
        kind: charts.bars_svg(
            [
                Theme(names.get(kind, {}).get(t.name, t.name), t.patients, t.share)
                for t in getattr(context["themes"], kind)
            ],
            title=title,
        )
        for kind, title in THEME_TITLES.items()
    }
    context["theme_titles"] = THEME_TITLES
    context["query"] = request.url.query
    return pages.render(request, "improvement.html", context)


THEME_TITLES = {
    "treatment_burdens": "What is hard about treatment",
    "illness_burdens": "How illness gets in the way",
    "activities": "Activities that matter to them",
    "skipped_topics": "Questions left out",
}


@router.get("/clinician/improvement/{name}.csv", include_in_schema=False)
def improvement_csv(name: str, request: Request, session: SessionDep) -> Response:
    """Download one of the page's tables as improvement.CSV (the same filters as the page)."""
    asked = _filters(request, session)
    if isinstance(asked, Response):
        return asked
    if name in improvement.CSV:
        # Only the table asked for is counted, not the whole page.
        out = improvement.report(
            name, session, asked.clinic, asked.start, asked.end, asked.interval
        )
        return improvement.CSV[name](out)
    return pages.render(
        request,
        "error.html",
        {
            "principal": asked.principal,
            "csrf_token": asked.csrf,
            "title": "Not found",
            "message": "There is no such download.",
        },
        status_code=404,
    )
