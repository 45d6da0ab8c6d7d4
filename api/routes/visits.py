"""Visits: create one with its invite, list them, read one's aim summary."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query, status

from api.deps import PrincipalDep, SessionDep
from api.errors import NotFound
from api.schemas import VisitCreate, VisitCreated, VisitOut, VisitPage, iso_utc, to_utc_naive
from coproduce.aims import service as aim_service
from coproduce.aims.schemas import AimSummary
from coproduce.visits import service as visit_service
from coproduce.visits.models import Visit, VisitStatus

router = APIRouter(prefix="/api/v1/visits", tags=["visits"])


def _visit_out(visit: Visit) -> VisitOut:
    return VisitOut(
        id=visit.id,
        patient_ref=visit.patient_ref,
        scheduled_for=iso_utc(visit.scheduled_for),
        status=visit.status,
        flagged=bool(visit.flagged),
        patient_confirmed=bool(visit.patient_confirmed),
        created_at=iso_utc(visit.created_at) or "",
        updated_at=iso_utc(visit.updated_at) or "",
    )


def _visible_visit(session: SessionDep, principal: PrincipalDep, visit_id: str) -> Visit:
    visit = visit_service.get_visit(session=session, visit_id=visit_id)
    if visit is None or (not principal.is_admin and visit.clinic_id != principal.clinic_id):
        raise NotFound(f"No visit with id '{visit_id}'.")
    return visit


@router.post("", status_code=status.HTTP_201_CREATED, response_model=VisitCreated)
def create_visit(body: VisitCreate, session: SessionDep, principal: PrincipalDep) -> VisitCreated:
    """Create a visit and an invite link for its pre-visit conversation."""
    visit, token = visit_service.create_visit(
        session=session,
        patient_ref=body.patient_ref,
        scheduled_for=body.scheduled_for,
        clinic_id=principal.clinic_id,
    )
    return VisitCreated(
        id=visit.id,
        invite_token=token,
        chat_url=visit_service.chat_url(token),
        status=visit.status,
    )


@router.get("", response_model=VisitPage)
def list_visits(
    session: SessionDep,
    principal: PrincipalDep,
    flagged: bool | None = None,
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
    return _visit_out(_visible_visit(session, principal, visit_id))


@router.get("/{visit_id}/summary", response_model=AimSummary)
def get_summary(visit_id: str, session: SessionDep, principal: PrincipalDep) -> AimSummary:
    """Return the patient's aim, context and measure, as structure, in their own words."""
    visit = _visible_visit(session, principal, visit_id)
    summary = aim_service.get_summary(session=session, visit_id=visit.id)
    if summary is None:
        raise NotFound(f"No visit with id '{visit_id}'.")
    return summary
