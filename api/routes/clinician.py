"""The clinician's web pages: sign in with a token, today's list, and one visit's summary."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import Response

from api import web_session
from api.clinician import pages, summary_page
from api.clinician.pages import CLINIC_TZ
from api.deps import ClientDep, SessionDep, SourceDep
from coproduce import ratelimit
from coproduce.aims import service as aim_service
from coproduce.audit import service as audit_service
from coproduce.clinics import service as clinic_service
from coproduce.visits import service as visit_service

router = APIRouter(prefix="/clinician", tags=["clinician pages"], include_in_schema=False)
DAY_LIMIT = 200


def _login_form(
    request: Request,
    *,
    next_url: str,
    message: str | None = None,
    message_is_error: bool = True,
    status_code: int = 200,
) -> Response:
    cookie, form_value = web_session.new_login_csrf()
    response = pages.render(
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
        secure=pages.secure(request),
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
    if pages.signed_in(request, session) is not None:
        return pages.redirect(pages.safe_next(next_url))
    signed_out = request.query_params.get("signed_out") == "1"
    return _login_form(
        request,
        next_url=pages.safe_next(next_url),
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
    next_url = pages.safe_next(next_page)
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
    response = pages.redirect(next_url)
    secure = pages.secure(request)
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
        return pages.error_page(
            request,
            403,
            "Please try again",
            "That form had expired. Go back, reload the page and press Sign out again.",
        )
    if cookie is not None:
        clinic_service.close_sign_in(session=session, sign_in=cookie.sign_in)
    response = pages.redirect("/clinician/login?signed_out=1")
    web_session.clear_cookie(response, web_session.SESSION_COOKIE, secure=pages.secure(request))
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
    signed = pages.require_sign_in(request, session)
    if isinstance(signed, Response):
        return signed
    principal, cookie = signed
    flagged_only = (flagged or "").lower() in ("true", "1", "yes", "on")
    day = _day(day_param)
    if day is None:
        return pages.error_page(
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
    return pages.render(
        request,
        "list.html",
        {
            "principal": principal,
            "clinic": pages.clinic_label(session, principal),
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


@router.get("/visits/{visit_id}")
def visit_summary(
    request: Request, visit_id: str, session: SessionDep, source: SourceDep
) -> Response:
    """Show one visit's aim summary, red flags first; the reading is audited."""
    signed = pages.require_sign_in(request, session)
    if isinstance(signed, Response):
        return signed
    principal, cookie = signed
    found = pages.visit_and_summary(request, session, principal, cookie, visit_id)
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
    return summary_page.summary_page(request, session, principal, cookie, visit, summary)
