"""Follow-ups: re-rate the patient's own measure after the visit; improvement per clinic."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, validator

from api import idempotency
from api.deps import PrincipalDep, SessionDep, visible_visit
from api.errors import Conflict
from api.schemas import EARLIEST_VISIT, LATEST_FOLLOW_UP, iso_utc, to_utc_naive
from coproduce.followups import service as follow_up_service
from coproduce.followups.models import FollowUp
from coproduce.visits import service as visit_service
from coproduce.visits.models import VisitStatus

router = APIRouter(tags=["follow-ups"])


class FollowUpCreate(BaseModel):
    """The request to invite the patient to a follow-up."""

    due_at: datetime | None = Field(None, description="Default: six weeks after the visit")

    @validator("due_at")
    def _utc(cls, value: datetime | None) -> datetime | None:
        value = to_utc_naive(value)
        if value is not None and not EARLIEST_VISIT <= value <= LATEST_FOLLOW_UP:
            raise ValueError("must be between the years 2000 and 2999")
        return value

    class Config:
        """Pydantic settings for this model: no unknown fields, and an example."""

        extra = "forbid"
        schema_extra = {"example": {"due_at": "2027-01-12T09:00:00Z"}}


class FollowUpCreated(BaseModel):
    """A follow-up just created, with the invite for its chat."""

    id: str
    visit_id: str
    due_at: str
    status: str
    invite_token: str
    chat_url: str


class FollowUpListItem(BaseModel):
    """One follow-up of a visit, with the patient's rating and goal attainment once answered."""

    id: str
    visit_id: str
    due_at: str
    status: str
    rating: int | None
    goal_attainment: int | None
    answered_at: str | None


class ClinicImprovementOut(BaseModel):
    """How much a clinic's patients improved on their own measure, and how the plan items went."""

    clinic_id: str | None
    patients_with_follow_up: int
    share_improved_by_2_or_more: float | None
    median_change: float | None
    gas_t_score: float | None
    plan_items_answered: int = Field(
        0, description="Plan items the patients did themselves and answered about at follow-up"
    )
    share_plan_items_done: float | None = Field(
        None, description="Of those, the share done (partly and not yet are not done)"
    )
    median_change_items_done: float | None = Field(
        None, description="Median change in rating for patients who did every item"
    )
    median_change_items_not_done: float | None = Field(
        None, description="Median change for patients with an item done partly or not yet"
    )


def _item(follow_up: FollowUp) -> FollowUpListItem:
    return FollowUpListItem(
        id=follow_up.id,
        visit_id=follow_up.visit_id,
        due_at=iso_utc(follow_up.due_at) or "",
        status=follow_up.status,
        rating=follow_up.rating,
        goal_attainment=follow_up.goal_attainment,
        answered_at=iso_utc(follow_up.answered_at),
    )


@router.post(
    "/api/v1/visits/{visit_id}/follow-ups", status_code=201, response_model=FollowUpCreated
)
def create_follow_up(
    visit_id: str,
    session: SessionDep,
    principal: PrincipalDep,
    body: FollowUpCreate | None = None,
    idempotency_key: idempotency.IdempotencyKey = None,
) -> FollowUpCreated | JSONResponse:
    """Create a follow-up conversation with its own invite link.

    Send an `Idempotency-Key` to make a retry safe (as for `POST /api/v1/visits`).
    """
    visit = visible_visit(session, principal, visit_id, for_update=True)
    if visit.status in (VisitStatus.CANCELLED, VisitStatus.DECLINED):
        raise Conflict(f"The visit is {visit.status}; there is nothing to follow up.")
    claimed = idempotency.start(
        session,
        principal,
        idempotency_key,
        method="POST",
        path=f"/api/v1/visits/{visit.id}/follow-ups",
        body=body.dict() if body else None,
    )
    if isinstance(claimed, JSONResponse):
        return claimed
    follow_up, token = follow_up_service.create_follow_up(
        session=session, visit=visit, due_at=body.due_at if body else None
    )
    result = FollowUpCreated(
        id=follow_up.id,
        visit_id=visit.id,
        due_at=iso_utc(follow_up.due_at) or "",
        status=follow_up.status,
        invite_token=token,
        chat_url=visit_service.chat_url(token),
    )
    idempotency.finish(claimed, principal, 201, result)
    return result


@router.get("/api/v1/visits/{visit_id}/follow-ups", response_model=list[FollowUpListItem])
def list_follow_ups(
    visit_id: str, session: SessionDep, principal: PrincipalDep
) -> list[FollowUpListItem]:
    """List a visit's follow-ups."""
    visit = visible_visit(session, principal, visit_id)
    return [_item(f) for f in follow_up_service.list_follow_ups(session=session, visit_id=visit.id)]


@router.get("/api/v1/improvement", response_model=list[ClinicImprovementOut])
def improvement(
    session: SessionDep,
    principal: PrincipalDep,
    date_from: datetime | None = None,
    date_to: datetime | None = None,
) -> list[ClinicImprovementOut]:
    """Per clinic: follow-ups answered, share improved by ≥ 2 points, median change, GAS T."""
    rows = follow_up_service.improvement_by_clinic(
        session=session,
        clinic_id=None if principal.is_admin else principal.clinic_id,
        date_from=to_utc_naive(date_from),
        date_to=to_utc_naive(date_to),
    )
    return [
        ClinicImprovementOut(
            clinic_id=r.clinic_id,
            patients_with_follow_up=r.patients,
            share_improved_by_2_or_more=r.improved_by_2_or_more,
            median_change=r.median_change,
            gas_t_score=None if r.gas_t_score is None else round(r.gas_t_score, 2),
            plan_items_answered=r.plan_items_answered,
            share_plan_items_done=r.share_plan_items_done,
            median_change_items_done=r.median_change_items_done,
            median_change_items_not_done=r.median_change_items_not_done,
        )
        for r in rows
    ]
