"""What every clinician page shares: templates, labels, security headers and sign-in."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from fastapi import Request
from fastapi.responses import RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from api import web_session
from api.deps import SessionDep
from coproduce import display
from coproduce.aims import service as aim_service
from coproduce.aims import topics
from coproduce.aims.schemas import AimSummary
from coproduce.clinics import service as clinic_service
from coproduce.clinics.service import Principal
from coproduce.visits import service as visit_service
from coproduce.visits.models import Visit

API_DIR = Path(__file__).resolve().parent.parent
STATIC_DIR = API_DIR / "static_clinician"
templates = Jinja2Templates(directory=str(API_DIR / "templates"))
templates.env.finalize = display.finalize  # no bidi overrides or hidden characters shown


# Visits are stored in UTC; clinicians read them in the clinic's local time (the service runs
# in UK clinics: 999, Samaritans). A COPRODUCE_ setting would be the place if that changes.
CLINIC_TZ = ZoneInfo("Europe/London")
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


def label(labels: dict[str, str], key: str | None) -> str:
    """Return the label for `key` (None: "other"), or the key itself in words."""
    key = key or "other"
    return labels.get(key, key.replace("_", " ").capitalize())


def local(value: datetime | None) -> datetime | None:
    """Return a stored naive-UTC time in the clinic's local time."""
    return None if value is None else value.replace(tzinfo=timezone.utc).astimezone(CLINIC_TZ)


def clock(value: datetime | None) -> str:
    """Return a stored time as the clinic's local HH:MM, or "" for none."""
    at = local(value)
    return "" if at is None else f"{at:%H:%M}"


def secure(request: Request) -> bool:
    """True when the page was asked for over https (cookies are then marked Secure)."""
    return request.url.scheme == "https"


def render(
    request: Request, name: str, context: dict[str, Any], *, status_code: int = 200
) -> Response:
    """Render a clinician template with the labels every page uses, and the security headers."""
    response = templates.TemplateResponse(
        request,
        f"clinician/{name}",
        {
            "status_labels": STATUS_LABELS,
            "red_flag_label": lambda key: label(RED_FLAG_LABELS, key),
            "burden_label": lambda key: label(BURDEN_LABELS, key),
            "topic_label": lambda key: label(TOPIC_LABELS, key),
            "urgency_label": lambda key: label(URGENCY_LABELS, key),
            "guidance_label": lambda key: GUIDANCE_LABELS.get(key or "", "safety guidance"),
            "question_label": lambda key: label(QUESTION_LABELS, key),
            "local": local,
            "long_day": display.long_day,
            "clock": clock,
            **context,
        },
        status_code=status_code,
    )
    response.headers.update(SECURITY_HEADERS)
    return response


def redirect(url: str) -> Response:
    """Return a 303 redirect to `url`, with the security headers."""
    response = RedirectResponse(url, status_code=303)
    response.headers.update(SECURITY_HEADERS)
    return response


def signed_in(
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


def to_login(request: Request) -> Response:
    """Redirect to the sign-in page, coming back to this page after."""
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return redirect(f"/clinician/login?next={quote(target, safe='')}")


def safe_next(value: str | None) -> str:
    """Follow `next` only to our own pages, so the login form cannot redirect elsewhere."""
    return value if value and _SAFE_NEXT.match(value) else "/clinician"


def error_page(
    request: Request, status_code: int, title: str, message: str, **context: Any
) -> Response:
    """Render the error page with this status, title and message."""
    return render(
        request,
        "error.html",
        {"title": title, "message": message, **context},
        status_code=status_code,
    )


def require_sign_in(
    request: Request, session: SessionDep
) -> tuple[Principal, web_session.WebSession] | Response:
    """Who is signed in, or the redirect to the sign-in page (for pages in other modules)."""
    found = signed_in(request, session)
    return to_login(request) if found is None else found


def clinic_label(session: SessionDep, principal: Principal) -> str:
    """Return the clinic the clinician acts for by name, or "All clinics" for an admin."""
    if principal.is_admin:
        return "All clinics"
    return clinic_service.clinic_name(session=session, clinic_id=principal.clinic_id)


def visible(session: SessionDep, principal: Principal, visit_id: str) -> Visit | None:
    """Return the visit if this clinician may see it; another clinic's visit does not exist."""
    if len(visit_id) > 64:
        return None
    visit = visit_service.get_visit(session=session, visit_id=visit_id)
    if visit is None or (not principal.is_admin and visit.clinic_id != principal.clinic_id):
        return None
    return visit


def visit_and_summary(
    request: Request,
    session: SessionDep,
    principal: Principal,
    cookie: web_session.WebSession,
    visit_id: str,
) -> tuple[Visit, AimSummary] | Response:
    """The visit and its summary, or the page saying there is no such visit for this clinic."""
    visit = visible(session, principal, visit_id)
    summary = aim_service.get_summary(session=session, visit_id=visit.id) if visit else None
    if visit is None or summary is None:
        return error_page(
            request,
            404,
            "Visit not found",
            "There is no visit at this address for your clinic.",
            csrf_token=cookie.csrf,
            principal=principal,
        )
    return visit, summary
