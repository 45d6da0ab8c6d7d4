"""What was agreed at the visit: saved by the clinic, kept by the patient, asked at follow-up.

The clinic saves a new version each time; the patient keeps it on a plain page their link
opens.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from fastapi import APIRouter, Request, status
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.deps import ClientDep, PrincipalDep, SessionDep, SourceDep, visible_visit
from api.errors import Conflict, NotFound, TooManyRequests
from api.schemas import PlanIn, PlanLinkOut, iso_utc
from coproduce import display, ratelimit
from coproduce.aims import summary as aim_summary
from coproduce.aims import topics
from coproduce.aims.schemas import PlanOut
from coproduce.audit import service as audit_service
from coproduce.clinics import service as clinic_service
from coproduce.clinics.models import Clinician
from coproduce.clinics.service import Principal
from coproduce.config import get_settings
from coproduce.followups import service as follow_up_service
from coproduce.followups.models import FollowUp, FollowUpStatus
from coproduce.plans import service as plan_service
from coproduce.plans.service import ItemDraft, PlanDraft
from coproduce.visits import access
from coproduce.visits import service as visit_service
from coproduce.visits.models import Invite, Visit, VisitStatus

API_DIR = Path(__file__).resolve().parent.parent
templates = Jinja2Templates(directory=str(API_DIR / "templates"))
templates.env.finalize = display.finalize

router = APIRouter(tags=["plans"])

PAGE_HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self'; "
        "frame-ancestors 'none'; "
        "base-uri 'none'; form-action 'none'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def draft_of(body: PlanIn) -> PlanDraft:
    """The validated request as the plan service takes it."""
    return PlanDraft(
        aim=body.aim,
        target_rating=body.target.rating,
        target_by=body.target.by,
        items=tuple(
            ItemDraft(
                key=item.id,
                what=item.what,
                who=item.who,
                who_name=item.who_name,
                by=item.by,
                notes=item.notes,
            )
            for item in body.items
        ),
    )


def agreed_by(session: Session, principal: Principal) -> tuple[str, str | None]:
    """Name who recorded the plan, for the patient and the record: the clinician's name."""
    if principal.clinician_id:
        clinician = session.get(Clinician, principal.clinician_id)
        if clinician is not None:
            return str(clinician.name), str(clinician.id)
    return "Clinic admin", None


def save_plan(
    session: Session, principal: Principal, visit: Visit, body: PlanIn, source: str
) -> bool:
    """Save a new version of the plan (audited); return whether anything changed."""
    if visit.status == VisitStatus.CANCELLED:
        raise Conflict("The visit is cancelled; its plan can no longer change.")
    name, clinician_id = agreed_by(session, principal)
    _, changed = plan_service.save(
        session=session,
        visit=visit,
        draft=draft_of(body),
        agreed_by=name,
        agreed_by_id=clinician_id,
    )
    if changed:
        audit_service.record(
            session=session,
            actor=principal.actor,
            action="plan.write",
            visit_id=visit.id,
            clinic_id=visit.clinic_id,
            source=source,
        )
    return changed


def issue_plan_link(session: Session, visit: Visit) -> tuple[str, datetime | None]:
    """A new link to the patient's page of what was agreed (the previous one stops working).

    It lasts until well after the latest follow-up, so the patient can look again before it.
    """
    due = session.execute(
        select(FollowUp.due_at)
        .where(FollowUp.visit_id == visit.id)
        .order_by(FollowUp.due_at.desc())
    ).scalar()
    token = visit_service.issue_invite(
        session=session, visit=visit, purpose=access.PLAN_PURPOSE, valid_from=due
    )
    invite = session.get(Invite, visit_service.hash_token(token))
    return f"{get_settings().public_url}/plan/{token}", invite.expires_at if invite else None


@router.get("/api/v1/visits/{visit_id}/plan", response_model=PlanOut)
def get_plan(visit_id: str, session: SessionDep, principal: PrincipalDep) -> PlanOut:
    """Return what was agreed at the visit (the latest version), with how each item went."""
    visit = visible_visit(session, principal, visit_id)
    plan = aim_summary.plan_out(session=session, visit_id=visit.id)
    if plan is None:
        raise NotFound("Nothing has been agreed for this visit yet.")
    return plan


@router.put("/api/v1/visits/{visit_id}/plan", response_model=PlanOut)
def put_plan(
    visit_id: str, body: PlanIn, session: SessionDep, principal: PrincipalDep, source: SourceDep
) -> PlanOut:
    """Record what the clinician and the patient agreed.

    Each change keeps a new version; sending the same plan again changes nothing. Items sent
    with the `id` of an item of the previous version keep it, so follow-up answers about them
    stay with them.
    """
    visit = visible_visit(session, principal, visit_id, for_update=True)
    save_plan(session, principal, visit, body, source)
    plan = aim_summary.plan_out(session=session, visit_id=visit.id)
    assert plan is not None
    return plan


@router.post(
    "/api/v1/visits/{visit_id}/plan/link",
    response_model=PlanLinkOut,
    status_code=status.HTTP_201_CREATED,
)
def create_plan_link(visit_id: str, session: SessionDep, principal: PrincipalDep) -> PlanLinkOut:
    """Issue a link the patient keeps to read what was agreed; an earlier one stops working."""
    visit = visible_visit(session, principal, visit_id, for_update=True)
    if plan_service.plan_count(session=session, visit_id=visit.id) == 0:
        raise Conflict("Record what was agreed first (PUT .../plan).")
    if visit.status == VisitStatus.CANCELLED:
        raise Conflict("The visit is cancelled.")
    url, expires = issue_plan_link(session, visit)
    return PlanLinkOut(plan_url=url, expires_at=iso_utc(expires))


def _next_follow_up(session: Session, visit_id: str) -> date | None:
    for follow_up in follow_up_service.list_follow_ups(session=session, visit_id=visit_id):
        if follow_up.status != FollowUpStatus.COMPLETED:
            due: date = follow_up.due_at.date()
            return due
    return None


@router.get("/plan/{invite_token}", response_class=HTMLResponse, include_in_schema=False)
def plan_page(
    invite_token: str, request: Request, session: SessionDep, client: ClientDep
) -> Response:
    """The patient's own page of what was agreed: plain, printable, opened by their link."""
    settings = get_settings()
    limited = ratelimit.check(ratelimit.INVITE_FAILURES, client)
    if not limited.allowed:
        raise TooManyRequests(
            "Too many links that don't work from this address.", retry_after=limited.retry_after
        )
    visit = access.plan_invite(session=session, token=invite_token)
    plan = plan_service.view(session=session, visit_id=visit.id) if visit else None
    context = {"clinic_name": settings.clinic_name, "emergency_number": settings.emergency_number}
    if visit is None:
        ratelimit.hit(ratelimit.INVITE_FAILURES, client)
    else:
        context["clinic_name"] = clinic_service.clinic_name(
            session=session, clinic_id=visit.clinic_id
        )
    if visit is None or plan is None:
        return templates.TemplateResponse(
            request,
            "chat/plan_missing.html",
            {**context, "link_works": visit is not None},
            status_code=status.HTTP_404_NOT_FOUND,
            headers=PAGE_HEADERS,
        )
    follow_up = _next_follow_up(session, visit.id)
    return templates.TemplateResponse(
        request,
        "chat/plan.html",
        {
            **context,
            "plan": plan,
            "measure": plan_service.patient_words(
                session=session, visit_id=visit.id, topic=topics.IMPROVEMENT_MEASURE
            ),
            "baseline": visit.baseline_rating,
            "follow_up": follow_up,
            "long_day": display.long_day,
            "status_labels": plan_service.STATUS_LABELS,
        },
        headers=PAGE_HEADERS,
    )
