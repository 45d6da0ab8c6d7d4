"""Visits: create one with its invite, list them, read one's aim summary."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response, status
from fastapi.responses import JSONResponse

from api import idempotency
from api.deps import PrincipalDep, SessionDep, SourceDep, visible_visit
from api.errors import Conflict, NotFound, TooManyRequests
from api.schemas import (
    InviteOut,
    VisitCreate,
    VisitCreated,
    VisitOut,
    VisitPage,
    iso_utc,
    to_utc_naive,
)
from coproduce import ratelimit
from coproduce.aims import service as aim_service
from coproduce.aims.schemas import AimSummary
from coproduce.aims.timeline import rating_timeline
from coproduce.audit import service as audit_service
from coproduce.fhir.export import build_bundle
from coproduce.visits import service as visit_service
from coproduce.visits.forget import forget_visit
from coproduce.visits.models import Invite, Visit, VisitStatus

router = APIRouter(prefix="/api/v1/visits", tags=["visits"])


def _visit_out(visit: Visit) -> VisitOut:
    return VisitOut(
        id=visit.id,
        patient_ref=visit.patient_ref,
        scheduled_for=iso_utc(visit.scheduled_for),
        status=visit.status,
        flagged=bool(visit.flagged),
        patient_confirmed=bool(visit.patient_confirmed),
        callback_requested=visit.callback_requested_at is not None,
        created_at=iso_utc(visit.created_at) or "",
        updated_at=iso_utc(visit.updated_at) or "",
    )


@router.post("", status_code=status.HTTP_201_CREATED, response_model=VisitCreated)
def create_visit(
    body: VisitCreate,
    session: SessionDep,
    principal: PrincipalDep,
    idempotency_key: idempotency.IdempotencyKey = None,
) -> VisitCreated | JSONResponse:
    """Create a visit and an invite link for its pre-visit conversation.

    Send an `Idempotency-Key` to make a retry safe: the same key and body within 24 hours
    return the first visit (with the header `Idempotent-Replayed: true`), not a second one.
    """
    limited = ratelimit.hit(ratelimit.VISIT_CREATE, principal.actor)
    if not limited.allowed:
        raise TooManyRequests(
            "Too many visits created by this caller.", retry_after=limited.retry_after
        )
    claimed = idempotency.start(
        session, principal, idempotency_key, method="POST", path="/api/v1/visits", body=body.dict()
    )
    if isinstance(claimed, JSONResponse):
        return claimed
    visit, token = visit_service.create_visit(
        session=session,
        patient_ref=body.patient_ref,
        scheduled_for=body.scheduled_for,
        clinic_id=principal.clinic_id,
    )
    result = VisitCreated(
        id=visit.id,
        invite_token=token,
        chat_url=visit_service.chat_url(token),
        status=visit.status,
    )
    idempotency.finish(claimed, principal, status.HTTP_201_CREATED, result)
    return result


@router.get("", response_model=VisitPage)
def list_visits(
    session: SessionDep,
    principal: PrincipalDep,
    flagged: bool | None = None,
    callback: Annotated[
        bool | None, Query(description="Only visits whose patient asked for a call-back")
    ] = None,
    status: Annotated[str | None, Query(enum=list(VisitStatus.ALL))] = None,
    date_from: datetime | None = None,
    date_to: datetime | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> VisitPage:
    """List visits, red-flagged first, then by scheduled time."""
    visits = visit_service.list_visits(
        session=session,
        clinic_id=None if principal.is_admin else principal.clinic_id,
        flagged=flagged,
        callback=callback,
        status=status,
        date_from=to_utc_naive(date_from),
        date_to=to_utc_naive(date_to),
        limit=limit + 1,
        offset=offset,
    )
    more = len(visits) > limit
    return VisitPage(
        items=[_visit_out(v) for v in visits[:limit]],
        next_offset=offset + limit if more else None,
    )


@router.get("/{visit_id}", response_model=VisitOut)
def get_visit(visit_id: str, session: SessionDep, principal: PrincipalDep) -> VisitOut:
    """Return one visit."""
    return _visit_out(visible_visit(session, principal, visit_id))


@router.get("/{visit_id}/summary", response_model=AimSummary)
def get_summary(
    visit_id: str, session: SessionDep, principal: PrincipalDep, source: SourceDep
) -> Response:
    """Return the patient's aim, context and measure, as structure, in their own words."""
    visit = visible_visit(session, principal, visit_id)
    summary = aim_service.get_summary(session=session, visit_id=visit.id)
    if summary is None:
        raise NotFound(f"No visit with id '{visit_id}'.")
    audit_service.record(
        session=session,
        actor=principal.actor,
        action="summary.read",
        visit_id=visit.id,
        clinic_id=visit.clinic_id,
        source=source,
    )
    # Already a validated model: serialise it once instead of validating it again.
    return Response(content=summary.json(), media_type="application/json")


@router.get("/{visit_id}/fhir")
def get_fhir_bundle(
    visit_id: str, session: SessionDep, principal: PrincipalDep, source: SourceDep
) -> dict[str, Any]:
    """Export the aim as a FHIR R4B Bundle: Goal, QuestionnaireResponse and Observations."""
    visit = visible_visit(session, principal, visit_id)
    summary = aim_service.get_summary(session=session, visit_id=visit.id)
    if summary is None:
        raise NotFound(f"No visit with id '{visit_id}'.")
    ratings = rating_timeline(summary, baseline_at=visit.created_at)
    audit_service.record(
        session=session,
        actor=principal.actor,
        action="fhir.read",
        visit_id=visit.id,
        clinic_id=visit.clinic_id,
        source=source,
    )
    return build_bundle(summary=summary, patient_ref=visit.patient_ref, ratings=ratings)


@router.post("/{visit_id}/invite", response_model=InviteOut, status_code=201)
def reissue_invite(visit_id: str, session: SessionDep, principal: PrincipalDep) -> InviteOut:
    """Issue a new invite link for the visit; the old link stops working."""
    visit = visible_visit(session, principal, visit_id, for_update=True)
    if visit.status == VisitStatus.CANCELLED:
        raise Conflict("The visit is cancelled; create a new visit instead.")
    token = visit_service.issue_invite(session=session, visit=visit)
    invite = session.get(Invite, visit_service.hash_token(token))
    return InviteOut(
        visit_id=visit.id,
        invite_token=token,
        chat_url=visit_service.chat_url(token),
        expires_at=iso_utc(invite.expires_at) if invite else None,
    )


@router.post("/{visit_id}/cancel", response_model=VisitOut)
def cancel_visit(visit_id: str, session: SessionDep, principal: PrincipalDep) -> VisitOut:
    """Cancel the visit: its invite stops working; what was said is kept."""
    visit = visible_visit(session, principal, visit_id, for_update=True)
    visit_service.cancel_visit(session=session, visit=visit)
    return _visit_out(visit)


@router.delete("/{visit_id}", status_code=204, response_class=Response)
def delete_visit(
    visit_id: str, session: SessionDep, principal: PrincipalDep, source: SourceDep
) -> Response:
    """Forget the visit: its answers, red flags, invites and chat transcripts are deleted."""
    visit = visible_visit(session, principal, visit_id, for_update=True)
    forget_visit(
        session=session,
        visit_id=visit.id,
        actor=principal.actor,
        action="visit.delete",
        source=source,
        clinic_id=visit.clinic_id,
    )
    return Response(status_code=204)
