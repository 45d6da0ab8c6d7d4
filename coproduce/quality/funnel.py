"""Where patients drop out: visits through each step, from the invite to a follow-up."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from coproduce.aims.models import TopicAnswer
from coproduce.followups.models import FollowUp, FollowUpStatus
from coproduce.quality.periods import day_bounds, scoped
from coproduce.visits.models import Conversation, Visit, VisitStatus

FUNNEL_STEPS = (
    ("invited", "Invited"),
    ("opened", "Opened the chat"),
    ("consented", "Agreed to go ahead"),
    ("completed", "Answered to the end"),
    ("confirmed", "Confirmed the summary"),
    ("follow_up_invited", "Invited to a follow-up"),
    ("follow_up_completed", "Completed the follow-up"),
)


@dataclass(frozen=True)
class FunnelStep:
    """One step of the funnel: how many visits reached it, and the median hours it took."""

    step: str
    label: str
    visits: int
    share_of_invited: float | None
    #: Median hours from the previous step (None where it cannot be timed).
    median_hours_from_previous: float | None


def funnel(
    *, session: Session, clinic_id: str | None, date_from: date, date_to: date
) -> list[FunnelStep]:
    """Visits created in the range, through each step to a completed follow-up."""
    start, end = day_bounds(date_from, date_to)
    visits = (
        session.execute(
            scoped(
                select(Visit).where(
                    Visit.created_at >= start,
                    Visit.created_at < end,
                    Visit.status != VisitStatus.CANCELLED,
                ),
                clinic_id,
            )
        )
        .scalars()
        .all()
    )
    ids = [v.id for v in visits]
    opened = _first_times(
        session,
        select(Conversation.visit_id, func.min(Conversation.created_at)),
        ids,
        Conversation.visit_id,
    )
    answered = {
        visit_id: (first, last)
        for visit_id, first, last in _chunked(
            session,
            lambda chunk: (
                select(
                    TopicAnswer.visit_id,
                    func.min(TopicAnswer.updated_at),
                    func.max(TopicAnswer.updated_at),
                )
                .where(TopicAnswer.visit_id.in_(chunk))
                .group_by(TopicAnswer.visit_id)
            ),
            ids,
        )
    }
    follow_ups: dict[str, list[FollowUp]] = {}
    for row in _chunked(
        session, lambda chunk: select(FollowUp).where(FollowUp.visit_id.in_(chunk)), ids
    ):
        follow_ups.setdefault(row[0].visit_id, []).append(row[0])
    moments: dict[str, list[tuple[datetime | None, datetime | None]]] = {
        step: [] for step, _ in FUNNEL_STEPS
    }
    counts: Counter[str] = Counter()
    for visit in visits:
        first, last = answered.get(visit.id, (None, None))
        done = [f for f in follow_ups.get(visit.id, []) if f.status == FollowUpStatus.COMPLETED]
        invited_follow_up = min((f.created_at for f in follow_ups.get(visit.id, [])), default=None)
        reached = {
            "invited": (True, None, visit.created_at),
            "opened": (visit.id in opened, visit.created_at, opened.get(visit.id)),
            "consented": (bool(visit.consent_given), opened.get(visit.id), first),
            "completed": (visit.status == VisitStatus.COMPLETED, first, last),
            "confirmed": (bool(visit.patient_confirmed), None, None),
            "follow_up_invited": (invited_follow_up is not None, last, invited_follow_up),
            "follow_up_completed": (
                bool(done),
                invited_follow_up,
                min((f.completed_at for f in done if f.completed_at), default=None),
            ),
        }
        for step, (yes, since, at) in reached.items():
            if yes:
                counts[step] += 1
                moments[step].append((since, at))
    invited = counts["invited"]
    steps = []
    for step, label in FUNNEL_STEPS:
        hours = [
            (at - since).total_seconds() / 3600
            for since, at in moments[step]
            if since is not None and at is not None and at >= since
        ]
        steps.append(
            FunnelStep(
                step=step,
                label=label,
                visits=counts[step],
                share_of_invited=counts[step] / invited if invited else None,
                median_hours_from_previous=float(statistics.median(hours)) if hours else None,
            )
        )
    return steps


CHUNK = 500


def _chunked(session: Session, build: Any, ids: list[str]) -> Iterable[Any]:
    for index in range(0, len(ids), CHUNK):
        yield from session.execute(build(ids[index : index + CHUNK]))


def _first_times(
    session: Session, query: Select[Any], ids: list[str], column: Any
) -> dict[str, datetime]:
    rows = _chunked(session, lambda chunk: query.where(column.in_(chunk)).group_by(column), ids)
    return {str(visit_id): at for visit_id, at in rows}
