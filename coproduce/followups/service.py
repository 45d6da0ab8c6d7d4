"""Create follow-ups, store their answers, and measure improvement on the patient's own terms."""

from __future__ import annotations

import math
import statistics
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from coproduce.database import utcnow
from coproduce.followups.models import FollowUp, FollowUpStatus
from coproduce.plans import service as plan_service
from coproduce.plans.models import ItemStatus, PlanItemProgress
from coproduce.visits import service as visit_service
from coproduce.visits.models import Visit

DEFAULT_DELAY = timedelta(weeks=6)
GAS_RHO = 0.3
#: Goal attainment: how it went against what the patient hoped (Kiresuk & Sherman's -2..+2).
GOAL_ATTAINMENT_LABELS = {
    -2: "Much worse than I hoped",
    -1: "A bit worse than I hoped",
    0: "About what I hoped",
    1: "A bit better than I hoped",
    2: "Much better than I hoped",
}
#: The follow-up conversation's questions, in the order it asks them (the one list).
FOLLOWUP_TOPICS = (
    "followup_rating",
    "goal_attainment",
    "worry_resolved",
    "followup_helped",
    "followup_barriers",
    "aim_update",
)


@dataclass
class FollowUpState:
    """What the follow-up conversation holds, as its slots hold it."""

    rating: int | None = None
    goal_attainment: int | None = None
    helped: str | None = None
    barriers: str | None = None
    aim_update: str | None = None
    worry_resolved: str | None = None
    skipped: list[str] = field(default_factory=list)
    completed: bool = False
    #: The patient's answers about their own plan items: key -> {status, barriers}.
    plan: dict[str, dict[str, str | None]] = field(default_factory=dict)
    #: The plan items the patient does themselves, to ask about: [{id, what}] (read only).
    plan_items: list[dict[str, str]] = field(default_factory=list)


def create_follow_up(
    *, session: Session, visit: Visit, due_at: datetime | None
) -> tuple[FollowUp, str]:
    """Create a follow-up (default six weeks after the visit) and its invite token."""
    due = due_at or (visit.scheduled_for or utcnow()) + DEFAULT_DELAY
    follow_up = FollowUp(
        id=str(uuid.uuid4()), visit_id=visit.id, due_at=due, status=FollowUpStatus.INVITED
    )
    session.add(follow_up)
    session.flush()
    token = visit_service.issue_invite(
        session=session, visit=visit, purpose="followup", follow_up_id=follow_up.id, valid_from=due
    )
    return follow_up, token


def list_follow_ups(*, session: Session, visit_id: str) -> list[FollowUp]:
    """Return a visit's follow-ups, oldest first."""
    return list(
        session.execute(
            select(FollowUp)
            .where(FollowUp.visit_id == visit_id)
            .order_by(FollowUp.due_at, FollowUp.created_at)
        ).scalars()
    )


def save_state(*, session: Session, follow_up_id: str, state: FollowUpState) -> None:
    """Upsert what the patient said in a follow-up (idempotent)."""
    follow_up = session.get(FollowUp, follow_up_id)
    if follow_up is None:
        return
    follow_up.rating = state.rating
    follow_up.goal_attainment = state.goal_attainment
    follow_up.helped, follow_up.barriers = state.helped, state.barriers
    follow_up.aim_update = state.aim_update
    follow_up.worry_resolved = state.worry_resolved
    follow_up.skipped = ",".join(state.skipped) or None
    if state.plan:
        plan_service.save_progress(session=session, follow_up_id=follow_up_id, answers=state.plan)
    if state.rating is not None and follow_up.answered_at is None:
        follow_up.answered_at = utcnow()
    if state.completed:
        follow_up.status = FollowUpStatus.COMPLETED
        follow_up.completed_at = follow_up.completed_at or utcnow()
    else:
        follow_up.status = FollowUpStatus.IN_PROGRESS
    session.flush()


def load_state(*, session: Session, follow_up_id: str) -> FollowUpState:
    """Rebuild a follow-up conversation's state from what was stored."""
    row = session.get(FollowUp, follow_up_id)
    if row is None:
        return FollowUpState()
    return FollowUpState(
        rating=row.rating,
        goal_attainment=row.goal_attainment,
        helped=row.helped,
        barriers=row.barriers,
        aim_update=row.aim_update,
        worry_resolved=row.worry_resolved,
        skipped=[t for t in (row.skipped or "").split(",") if t],
        completed=row.status == FollowUpStatus.COMPLETED,
        plan=plan_service.load_progress(session=session, follow_up_id=follow_up_id),
        plan_items=[
            {"id": key, "what": what}
            for key, what in plan_service.patient_items(session=session, visit_id=row.visit_id)
        ],
    )


def gas_t_score(scores: list[int], *, rho: float = GAS_RHO) -> float | None:
    """Return the Goal Attainment Scaling T-score of goals scored -2..+2, equal weights.

    T = 50 + 10·Σwx / √((1−ρ)Σw² + ρ(Σw)²) with every w = 1 (Kiresuk & Sherman 1968).
    """
    if not scores:
        return None
    n = len(scores)
    return 50 + 10 * sum(scores) / math.sqrt((1 - rho) * n + rho * n * n)


@dataclass(frozen=True)
class ClinicImprovement:
    """How much a clinic's patients improved on their own measure, and how their plan items went."""

    clinic_id: str | None
    patients: int
    improved_by_2_or_more: float | None
    median_change: float | None
    gas_t_score: float | None
    #: Plan items the patient owned and answered about at their latest follow-up.
    plan_items_answered: int = 0
    share_plan_items_done: float | None = None
    #: Median change for patients who did every item they answered about, and for those who
    #: did at least one only partly or not yet.
    median_change_items_done: float | None = None
    median_change_items_not_done: float | None = None


def improvement_by_clinic(
    *,
    session: Session,
    clinic_id: str | None = None,
    date_from: datetime | None = None,
    date_to: datetime | None = None,
) -> list[ClinicImprovement]:
    """Per clinic: patients with a rated follow-up, share improved ≥ 2, median change, GAS T."""
    query = (
        select(Visit, FollowUp)
        .join(FollowUp, FollowUp.visit_id == Visit.id)
        .where(FollowUp.rating.is_not(None))
    )
    if clinic_id is not None:
        query = query.where(Visit.clinic_id == clinic_id)
    if date_from is not None:
        query = query.where(FollowUp.answered_at >= date_from)
    if date_to is not None:
        query = query.where(FollowUp.answered_at < date_to)
    latest: dict[str, tuple[Visit, FollowUp]] = {}
    for visit, follow_up in session.execute(query):
        kept = latest.get(visit.id)
        if kept is None or (follow_up.answered_at or utcnow()) > (kept[1].answered_at or utcnow()):
            latest[visit.id] = (visit, follow_up)
    by_clinic: dict[str | None, list[tuple[Visit, FollowUp]]] = {}
    for visit, follow_up in latest.values():
        by_clinic.setdefault(visit.clinic_id, []).append((visit, follow_up))
    statuses = _item_statuses(session, [f.id for _, f in latest.values()])
    return [
        _clinic_figures(cid, rows, statuses)
        for cid, rows in sorted(by_clinic.items(), key=lambda item: item[0] or "")
    ]


def _item_statuses(session: Session, follow_up_ids: list[str]) -> dict[str, list[str]]:
    """Per follow-up, how each plan item the patient answered about went (skips left out)."""
    found: dict[str, list[str]] = {}
    if not follow_up_ids:
        return found
    rows = session.execute(
        select(PlanItemProgress.follow_up_id, PlanItemProgress.status).where(
            PlanItemProgress.follow_up_id.in_(follow_up_ids),
            PlanItemProgress.status.is_not(None),
        )
    )
    for follow_up_id, item_status in rows:
        found.setdefault(follow_up_id, []).append(str(item_status))
    return found


def _median(values: list[int]) -> float | None:
    return float(statistics.median(values)) if values else None


def _clinic_figures(
    clinic_id: str | None,
    rows: list[tuple[Visit, FollowUp]],
    statuses: dict[str, list[str]] | None = None,
) -> ClinicImprovement:
    statuses = statuses or {}
    answered = [s for _, f in rows for s in statuses.get(f.id, [])]
    did: list[int] = []
    did_not: list[int] = []
    for visit, follow_up in rows:
        items = statuses.get(follow_up.id)
        if not items or visit.baseline_rating is None or follow_up.rating is None:
            continue
        change = follow_up.rating - visit.baseline_rating
        (did if all(s == ItemStatus.DONE for s in items) else did_not).append(change)
    changes = [
        f.rating - v.baseline_rating
        for v, f in rows
        if v.baseline_rating is not None and f.rating is not None
    ]
    scores = [f.goal_attainment for _, f in rows if f.goal_attainment is not None]
    return ClinicImprovement(
        clinic_id=clinic_id,
        patients=len(rows),
        improved_by_2_or_more=(
            sum(1 for c in changes if c >= 2) / len(changes) if changes else None
        ),
        median_change=float(statistics.median(changes)) if changes else None,
        gas_t_score=gas_t_score(scores),
        plan_items_answered=len(answered),
        share_plan_items_done=(
            sum(1 for s in answered if s == ItemStatus.DONE) / len(answered) if answered else None
        ),
        median_change_items_done=_median(did),
        median_change_items_not_done=_median(did_not),
    )
