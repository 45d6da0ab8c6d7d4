"""The plan form's two posts on a visit's summary page: save what was agreed, make a link."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response
from pydantic import ValidationError

from api import web_session
from api.clinician import pages, plan_form, summary_page
from api.deps import SessionDep, SourceDep
from api.errors import Conflict
from api.routes import plans as plan_routes
from coproduce.aims.schemas import AimSummary
from coproduce.clinics.service import Principal
from coproduce.plans import service as plan_service
from coproduce.visits.models import Visit

router = APIRouter(prefix="/clinician", tags=["clinician pages"], include_in_schema=False)


def _visit_for_form(
    request: Request, session: SessionDep, visit_id: str, csrf_token: str
) -> tuple[Principal, web_session.WebSession, Visit, AimSummary] | Response:
    """Check the sign-in, the form's CSRF token and the clinic; or say what is wrong."""
    signed = pages.require_sign_in(request, session)
    if isinstance(signed, Response):
        return signed
    principal, cookie = signed
    if not web_session.csrf_matches(cookie, csrf_token):
        return pages.error_page(
            request,
            403,
            "Please try again",
            "That form had expired. Go back, reload the page and save again.",
            csrf_token=cookie.csrf,
            principal=principal,
        )
    found = pages.visit_and_summary(request, session, principal, cookie, visit_id)
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
        ][: plan_service.MAX_ITEMS + plan_form.BLANK_ITEMS],
    }
    try:
        body = plan_form.plan_body(form)
        plan_routes.save_plan(session, principal, visit, body, source)
    except ValidationError as error:
        return summary_page.summary_page(
            request,
            session,
            principal,
            cookie,
            visit,
            summary,
            plan_form=form,
            plan_errors=plan_form.problems(error),
            status_code=422,
        )
    except Conflict as error:
        return pages.error_page(
            request, 409, "Not saved", str(error), csrf_token=cookie.csrf, principal=principal
        )
    return pages.redirect(f"/clinician/visits/{visit.id}#plan-heading")


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
        return pages.error_page(
            request,
            409,
            "Nothing to send yet",
            "Save what you agreed first, then make the patient's link.",
            csrf_token=cookie.csrf,
            principal=principal,
        )
    url, _ = plan_routes.issue_plan_link(session, visit)
    return summary_page.summary_page(
        request, session, principal, cookie, visit, summary, plan_link=url
    )
