"""The clinician's web pages: sign in with a token, today's list, and one visit's summary."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from pydantic import ValidationError

from api import web_session
from api.deps import ClientDep, SessionDep, SourceDep
from api.errors import Conflict
from api.routes import plans as plan_routes
from api.schemas import PlanIn
from coproduce import display, ratelimit
from coproduce.aims import service as aim_service
from coproduce.aims import topics
from coproduce.aims.schemas import AimSummary, PlanOut
from coproduce.aims.timeline import BASELINE, rating_timeline
from coproduce.audit import service as audit_service
from coproduce.clinics import service as clinic_service
from coproduce.clinics.service import Principal
from coproduce.followups.chart import ChartPoint, ratings_svg
from coproduce.plans import service as plan_service
from coproduce.visits import service as visit_service
from coproduce.visits.models import Visit

API_DIR = Path(__file__).resolve().parent.parent
STATIC_DIR = API_DIR / "static_clinician"
templates = Jinja2Templates(directory=str(API_DIR / "templates"))
templates.env.finalize = display.finalize  # no bidi overrides or hidden characters shown

# Visits are stored in UTC; clinicians read them in the clinic's local time (the service runs
# in UK clinics: 999, Samaritans). A COPRODUCE_ setting would be the place if that changes.
CLINIC_TZ = ZoneInfo("Europe/London")
DAY_LIMIT = 200
_SAFE_NEXT = re.compile(r"^/clinician(?:/visits/[A-Za-z0-9-]{1,64})?/?(?:\?[A-Za-z0-9=&_.-]*)?$")

SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
STATUS_LABELS = {
    "invited": "Invited, not started",
    "in_progress": "In progress",
    "completed": "Completed",
    "declined": "Declined",
    "cancelled": "Cancelled",
}
RED_FLAG_LABELS = {
    "self_harm": "Self-harm or suicide risk",
    "chest_pain": "Chest pain",
    "stroke": "Possible stroke",
    "breathing": "Breathing difficulty",
    "bleeding": "Bleeding",
    "overdose": "Overdose",
    "harm_from_others": "Harm from others",
}
BURDEN_LABELS = {
    "medications": "Medicines",
    "appointments": "Appointments",
    "tests_monitoring": "Tests and monitoring",
    "costs": "Costs",
    "side_effects": "Side effects",
    "information": "Information",
    "other": "Other",
}
TOPIC_LABELS = {
    topics.AIM: "Aim for the visit",
    topics.WHAT_MATTERS: "What matters most",
    topics.ILLNESS_BURDEN: "How illness gets in the way",
    topics.TREATMENT_BURDEN: "What is hard about treatment",
    topics.ONE_THING: "The one thing to sort first",
    topics.CONCERNS: "Worries and ideas",
    topics.EXPECTATIONS: "What they hope you will do",
    topics.ASSETS: "What they do that helps",
    topics.SUPPORTS: "Support and caring",
    topics.CARE_PREFERENCES: "Care preferences",
    topics.IMPROVEMENT_MEASURE: "How they would know things are better",
    topics.IMPROVEMENT_DETAIL: "One thing they would notice",
    topics.BASELINE_RATING: "Rating today",
}
URGENCY_LABELS = {"emergency": "Emergency", "urgent": "Same day"}
GUIDANCE_LABELS = {
    "utter_safety_emergency": "call 999 now",
    "utter_safety_self_harm": "call 999 if in danger now, and the crisis line",
    "utter_safety_harm_from_others": "call 999 if in danger now",
    "utter_safety_someone_else": "call 999 for the person with them now",
    "utter_safety_self_harm_someone_else": "call 999 for them if in danger, and the crisis line",
    "utter_safety_urgent": "contact the practice today or call 111",
}
QUESTION_LABELS = {"medicine": "Medicine", "appointment": "Appointment", "other": "Other"}

router = APIRouter(prefix="/clinician", tags=["clinician pages"], include_in_schema=False)


def _label(labels: dict[str, str], key: str | None) -> str:
    key = key or "other"
    return labels.get(key, key.replace("_", " ").capitalize())


def _local(value: datetime | None) -> datetime | None:
    return None if value is None else value.replace(tzinfo=timezone.utc).astimezone(CLINIC_TZ)


def _clock(value: datetime | None) -> str:
    local = _local(value)
    return "" if local is None else f"{local:%H:%M}"


def _secure(request: Request) -> bool:
    return request.url.scheme == "https"


def _page(
    request: Request, name: str, context: dict[str, Any], *, status_code: int = 200
) -> Response:
    response = templates.TemplateResponse(
        request,
        f"clinician/{name}",
        {
            "status_labels": STATUS_LABELS,
            "red_flag_label": lambda key: _label(RED_FLAG_LABELS, key),
            "burden_label": lambda key: _label(BURDEN_LABELS, key),
            "topic_label": lambda key: _label(TOPIC_LABELS, key),
            "urgency_label": lambda key: _label(URGENCY_LABELS, key),
            "guidance_label": lambda key: GUIDANCE_LABELS.get(key or "", "safety guidance"),
            "question_label": lambda key: _label(QUESTION_LABELS, key),
            "local": _local,
            "long_day": display.long_day,
            "clock": _clock,
            **context,
        },
        status_code=status_code,
    )
    response.headers.update(SECURITY_HEADERS)
    return response


def _redirect(url: str) -> Response:
    response = RedirectResponse(url, status_code=303)
    response.headers.update(SECURITY_HEADERS)
    return response


def _signed_in(
    request: Request, session: SessionDep
) -> tuple[Principal, web_session.WebSession] | None:
    """Return who the session cookie stands for, re-checking its token every time."""
    cookie = web_session.read_session(request.cookies.get(web_session.SESSION_COOKIE))
    if cookie is None or not clinic_service.sign_in_active(
        session=session, sign_in=cookie.sign_in, token=cookie.token
    ):
        return None
    principal = clinic_service.authenticate(session=session, token=cookie.token)
    return None if principal is None else (principal, cookie)


def _to_login(request: Request) -> Response:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return _redirect(f"/clinician/login?next={quote(target, safe='')}")


def _safe_next(value: str | None) -> str:
    """Follow `next` only to our own pages, so the login form cannot redirect elsewhere."""
    return value if value and _SAFE_NEXT.match(value) else "/clinician"


def _error(
    request: Request, status_code: int, title: str, message: str, **context: Any
) -> Response:
    return _page(
        request,
        "error.html",
        {"title": title, "message": message, **context},
        status_code=status_code,
    )


def _login_form(
    request: Request,
    *,
    next_url: str,
    message: str | None = None,
    message_is_error: bool = True,
    status_code: int = 200,
) -> Response:
    cookie, form_value = web_session.new_login_csrf()
    response = _page(
        request,
        "login.html",
        {
            "csrf_token": form_value,
            "next_url": next_url,
            "message": message,
            "message_is_error": message_is_error,
        },
        status_code=status_code,
    )
    web_session.set_cookie(
        response,
        web_session.LOGIN_CSRF_COOKIE,
        cookie,
        secure=_secure(request),
        max_age=web_session.LOGIN_FORM_MAX_AGE_S,
    )
    return response


@router.get("/login")
def login_page(
    request: Request,
    session: SessionDep,
    next_url: Annotated[str | None, Query(alias="next")] = None,
) -> Response:
    """Show the sign-in form."""
    if _signed_in(request, session) is not None:
        return _redirect(_safe_next(next_url))
    signed_out = request.query_params.get("signed_out") == "1"
    return _login_form(
        request,
        next_url=_safe_next(next_url),
        message="You have signed out." if signed_out else None,
        message_is_error=False,
    )


@router.post("/login")
def login(
    request: Request,
    session: SessionDep,
    client: ClientDep,
    token: Annotated[str, Form()] = "",
    csrf_token: Annotated[str, Form()] = "",
    next_page: Annotated[str, Form(alias="next")] = "/clinician",
) -> Response:
    """Check the token; on success start a session and go to the list."""
    next_url = _safe_next(next_page)
    limited = ratelimit.hit(ratelimit.LOGIN, client)
    if not limited.allowed:
        response = _login_form(
            request,
            next_url=next_url,
            message=f"Too many sign-in attempts. Please wait {limited.retry_after} seconds.",
            status_code=429,
        )
        response.headers["Retry-After"] = str(limited.retry_after)
        return response
    cookie = request.cookies.get(web_session.LOGIN_CSRF_COOKIE)
    if not web_session.login_csrf_matches(cookie, csrf_token):
        message = "The sign-in form had expired. Please enter your token again."
        return _login_form(request, next_url=next_url, message=message, status_code=403)
    token = token.strip()
    if not token or clinic_service.authenticate(session=session, token=token) is None:
        message = "That token was not recognised. Check it, or ask your admin for a new one."
        return _login_form(request, next_url=next_url, message=message, status_code=401)
    sign_in = clinic_service.open_sign_in(
        session=session, token=token, lifetime_s=web_session.SESSION_MAX_AGE_S
    )
    value, _ = web_session.new_session(token, sign_in)
    response = _redirect(next_url)
    secure = _secure(request)
    web_session.set_cookie(response, web_session.SESSION_COOKIE, value, secure=secure)
    web_session.clear_cookie(response, web_session.LOGIN_CSRF_COOKIE, secure=secure)
    return response


@router.post("/logout")
def logout(
    request: Request,
    session: SessionDep,
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    """End the session."""
    cookie = web_session.read_session(request.cookies.get(web_session.SESSION_COOKIE))
    if cookie is not None and not web_session.csrf_matches(cookie, csrf_token):
        return _error(
            request,
            403,
            "Please try again",
            "That form had expired. Go back, reload the page and press Sign out again.",
        )
    if cookie is not None:
        clinic_service.close_sign_in(session=session, sign_in=cookie.sign_in)
    response = _redirect("/clinician/login?signed_out=1")
    web_session.clear_cookie(response, web_session.SESSION_COOKIE, secure=_secure(request))
    return response


def _day(value: str | None) -> date | None:
    if not value:
        return datetime.now(CLINIC_TZ).date()
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _utc_bounds(day: date) -> tuple[datetime, datetime]:
    """Return the clinic-local day as naive-UTC [start, end), the way visits are stored."""
    start = datetime.combine(day, time.min, tzinfo=CLINIC_TZ)
    end = datetime.combine(day + timedelta(days=1), time.min, tzinfo=CLINIC_TZ)
    return (
        start.astimezone(timezone.utc).replace(tzinfo=None),
        end.astimezone(timezone.utc).replace(tzinfo=None),
    )


@router.get("")
def visit_list(
    request: Request,
    session: SessionDep,
    day_param: Annotated[str | None, Query(alias="date")] = None,
    flagged: str | None = None,
) -> Response:
    """Show the day's visits, red-flagged first, then by time."""
    signed_in = _signed_in(request, session)
    if signed_in is None:
        return _to_login(request)
    principal, cookie = signed_in
    flagged_only = (flagged or "").lower() in ("true", "1", "yes", "on")
    day = _day(day_param)
    if day is None:
        return _error(
            request,
            400,
            "Date not understood",
            "Use a date like 2026-03-14.",
            csrf_token=cookie.csrf,
            principal=principal,
        )
    date_from, date_to = _utc_bounds(day)
    visits = visit_service.list_visits(
        session=session,
        clinic_id=None if principal.is_admin else principal.clinic_id,
        flagged=True if flagged_only else None,
        date_from=date_from,
        date_to=date_to,
        limit=DAY_LIMIT,
    )
    return _page(
        request,
        "list.html",
        {
            "principal": principal,
            "clinic": _clinic_label(session, principal),
            "csrf_token": cookie.csrf,
            "visits": visits,
            # The aim in the patient's words, so the day can be read without opening each one.
            "aims": aim_service.aims_of(session=session, visit_ids=[v.id for v in visits]),
            "day": day,
            "today": datetime.now(CLINIC_TZ).date(),
            "flagged_only": flagged_only,
            "previous_day": day - timedelta(days=1),
            "next_day": day + timedelta(days=1),
        },
    )


def _clinic_label(session: SessionDep, principal: Principal) -> str:
    if principal.is_admin:
        return "All clinics"
    return clinic_service.clinic_name(session=session, clinic_id=principal.clinic_id)


def _visible(session: SessionDep, principal: Principal, visit_id: str) -> Visit | None:
    """Return the visit if this clinician may see it; another clinic's visit does not exist."""
    if len(visit_id) > 64:
        return None
    visit = visit_service.get_visit(session=session, visit_id=visit_id)
    if visit is None or (not principal.is_admin and visit.clinic_id != principal.clinic_id):
        return None
    return visit


def _visit_and_summary(
    request: Request,
    session: SessionDep,
    principal: Principal,
    cookie: web_session.WebSession,
    visit_id: str,
) -> tuple[Visit, AimSummary] | Response:
    """The visit and its summary, or the page saying there is no such visit for this clinic."""
    visit = _visible(session, principal, visit_id)
    summary = aim_service.get_summary(session=session, visit_id=visit.id) if visit else None
    if visit is None or summary is None:
        return _error(
            request,
            404,
            "Visit not found",
            "There is no visit at this address for your clinic.",
            csrf_token=cookie.csrf,
            principal=principal,
        )
    return visit, summary


@router.get("/visits/{visit_id}")
def visit_summary(
    request: Request, visit_id: str, session: SessionDep, source: SourceDep
) -> Response:
    """Show one visit's aim summary, red flags first; the reading is audited."""
    signed_in = _signed_in(request, session)
    if signed_in is None:
        return _to_login(request)
    principal, cookie = signed_in
    found = _visit_and_summary(request, session, principal, cookie, visit_id)
    if isinstance(found, Response):
        return found
    visit, summary = found
    audit_service.record(
        session=session,
        actor=principal.actor,
        action="page.read",
        visit_id=visit.id,
        clinic_id=visit.clinic_id,
        source=source,
    )
    return _summary_page(request, session, principal, cookie, visit, summary)


def _summary_page(
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
    plan = summary.plan  # the latest version, read once with the summary
    earlier = (
        plan_service.earlier_versions(session=session, visit_id=visit.id, before=plan.versions)
        if plan
        else []
    )
    return _page(
        request,
        "summary.html",
        {
            "principal": principal,
            "clinic": _clinic_label(session, principal),
            "csrf_token": cookie.csrf,
            "visit": visit,
            "summary": summary,
            "plan": plan,
            "earlier_plans": earlier,
            "plan_form": plan_form or _plan_form(plan, summary),
            "plan_errors": plan_errors or [],
            "plan_link": plan_link,
            "owners": PLAN_OWNERS,
            "plan_status": plan_service.STATUS_LABELS,
            "supporters": _supporters(summary),
            **_flag_context(summary),
            "status_text": _status_text(summary),
            "follow_up_aim": summary.headline.focus
            not in (summary.one_thing, summary.aim.statement),
            "helps": [s for s in summary.supports if s.kind != "caring_for"],
            "cares_for": [s for s in summary.supports if s.kind == "caring_for"],
            "printed_at": datetime.now(CLINIC_TZ),
            "chart": _ratings_chart(visit, summary),
        },
        status_code=status_code,
    )


#: Who can do a plan item, as the form offers it.
PLAN_OWNERS = {
    "patient": "The patient",
    "clinician": "Clinician or practice",
    "service": "Another service",
    "supporter": "Someone who helps them",
}
BLANK_ITEMS = 3


def _supporters(summary: AimSummary) -> list[str]:
    """The people the patient named as helping them, as a plan item's "who" may name them."""
    names = []
    for support in summary.supports:
        if support.kind != "caring_for":
            names.append(support.relationship or support.text[:60])
    return list(dict.fromkeys(names))


def _plan_form(plan: PlanOut | None, summary: AimSummary) -> dict[str, Any]:
    """The form's values: the latest plan, or the patient's own aim to start from."""
    blank = {"id": "", "what": "", "who": "patient", "who_name": "", "by": "", "notes": ""}
    if plan is None:
        return {
            "aim": summary.aim.statement or "",
            "target_rating": "",
            "target_by": "",
            "items": [dict(blank) for _ in range(BLANK_ITEMS)],
        }
    return {
        "aim": plan.aim,
        "target_rating": "" if plan.target.rating is None else str(plan.target.rating),
        "target_by": plan.target.by.isoformat() if plan.target.by else "",
        "items": [
            {
                "id": item.id,
                "what": item.what,
                "who": item.who,
                "who_name": item.who_name or "",
                "by": item.by.isoformat() if item.by else "",
                "notes": item.notes or "",
            }
            for item in plan.items
        ]
        + [dict(blank) for _ in range(BLANK_ITEMS)],
    }


def _plan_body(form: dict[str, Any]) -> PlanIn:
    """The submitted form as the API's plan body (rows left blank are not items)."""
    items = []
    for row in form["items"]:
        if not row["what"].strip() and not row["notes"].strip():
            continue
        items.append(
            {
                "id": row["id"] or None,
                "what": row["what"],
                "who": row["who"],
                "who_name": row["who_name"] or None,
                "by": row["by"] or None,
                "notes": row["notes"] or None,
            }
        )
    return PlanIn.parse_obj(
        {
            "aim": form["aim"],
            "target": {
                "rating": form["target_rating"] or None,
                "by": form["target_by"] or None,
            },
            "items": items,
        }
    )


def _plan_problems(error: ValidationError) -> list[str]:
    """Say what to fix in words a clinician reads, naming the row."""
    names = {"aim": "Aim", "target": "Target", "items": "Plan item"}
    problems = []
    for found in error.errors():
        where = found["loc"]
        label = names.get(str(where[0]), str(where[0]))
        if where[0] == "items" and len(where) > 1 and isinstance(where[1], int):
            label = f"Plan item {where[1] + 1}, {str(where[-1]).replace('_', ' ')}"
        elif len(where) > 1:
            label = f"{label} {str(where[-1]).replace('_', ' ')}"
        problems.append(f"{label}: {found['msg']}")
    return problems


def _visit_for_form(
    request: Request, session: SessionDep, visit_id: str, csrf_token: str
) -> tuple[Principal, web_session.WebSession, Visit, AimSummary] | Response:
    """Check the sign-in, the form's CSRF token and the clinic; or say what is wrong."""
    signed_in = _signed_in(request, session)
    if signed_in is None:
        return _to_login(request)
    principal, cookie = signed_in
    if not web_session.csrf_matches(cookie, csrf_token):
        return _error(
            request,
            403,
            "Please try again",
            "That form had expired. Go back, reload the page and save again.",
            csrf_token=cookie.csrf,
            principal=principal,
        )
    found = _visit_and_summary(request, session, principal, cookie, visit_id)
    if isinstance(found, Response):
        return found
    visit, summary = found
    return principal, cookie, visit, summary


@router.post("/visits/{visit_id}/plan")
def save_plan_form(
    request: Request,
    visit_id: str,
    session: SessionDep,
    source: SourceDep,
    csrf_token: Annotated[str, Form()] = "",
    aim: Annotated[str, Form()] = "",
    target_rating: Annotated[str, Form()] = "",
    target_by: Annotated[str, Form()] = "",
    item_id: Annotated[list[str] | None, Form()] = None,
    what: Annotated[list[str] | None, Form()] = None,
    who: Annotated[list[str] | None, Form()] = None,
    who_name: Annotated[list[str] | None, Form()] = None,
    by: Annotated[list[str] | None, Form()] = None,
    notes: Annotated[list[str] | None, Form()] = None,
) -> Response:
    """Save what was agreed (a new version when anything changed), then show the summary."""
    found = _visit_for_form(request, session, visit_id, csrf_token)
    if isinstance(found, Response):
        return found
    principal, cookie, visit, summary = found
    columns = [item_id or [], what or [], who or [], who_name or [], by or [], notes or []]
    rows = max(len(column) for column in columns)
    padded = [column + [""] * (rows - len(column)) for column in columns]
    form = {
        "aim": aim,
        "target_rating": target_rating,
        "target_by": target_by,
        "items": [
            dict(zip(("id", "what", "who", "who_name", "by", "notes"), values, strict=True))
            for values in zip(*padded, strict=True)
        ][: plan_service.MAX_ITEMS + BLANK_ITEMS],
    }
    try:
        body = _plan_body(form)
        plan_routes.save_plan(session, principal, visit, body, source)
    except ValidationError as error:
        return _summary_page(
            request,
            session,
            principal,
            cookie,
            visit,
            summary,
            plan_form=form,
            plan_errors=_plan_problems(error),
            status_code=422,
        )
    except Conflict as error:
        return _error(
            request, 409, "Not saved", str(error), csrf_token=cookie.csrf, principal=principal
        )
    return _redirect(f"/clinician/visits/{visit.id}#plan-heading")


@router.post("/visits/{visit_id}/plan/link")
def plan_link_form(
    request: Request,
    visit_id: str,
    session: SessionDep,
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    """Make a new link for the patient to keep what was agreed, and show it once."""
    found = _visit_for_form(request, session, visit_id, csrf_token)
    if isinstance(found, Response):
        return found
    principal, cookie, visit, summary = found
    if plan_service.plan_count(session=session, visit_id=visit.id) == 0:
        return _error(
            request,
            409,
            "Nothing to send yet",
            "Save what you agreed first, then make the patient's link.",
            csrf_token=cookie.csrf,
            principal=principal,
        )
    url, _ = plan_routes.issue_plan_link(session, visit)
    return _summary_page(request, session, principal, cookie, visit, summary, plan_link=url)


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


def _flag_context(summary: AimSummary) -> dict[str, Any]:
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


def _status_text(summary: AimSummary) -> str:
    """The visit's status as a clinician needs it: stopped for safety says so."""
    if any(f.safe_to_continue is False for f in summary.red_flags):
        return "Stopped for safety: said they were not safe to carry on"
    return STATUS_LABELS.get(summary.status, summary.status)


def _ratings_chart(visit: Visit, summary: AimSummary) -> Markup:
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


def require_sign_in(
    request: Request, session: SessionDep
) -> tuple[Principal, web_session.WebSession] | Response:
    """Who is signed in, or the redirect to the sign-in page (for pages in other modules)."""
    signed_in = _signed_in(request, session)
    return _to_login(request) if signed_in is None else signed_in


def render(
    request: Request, name: str, context: dict[str, Any], *, status_code: int = 200
) -> Response:
    """A clinician page with the shared labels and security headers."""
    return _page(request, name, context, status_code=status_code)


def clinic_label(session: SessionDep, principal: Principal) -> str:
    return _clinic_label(session, principal)
