"""The clinic's improvement over time, the themes its patients share, and where they drop out.

Everything here is counted over visits (one per patient per visit) in one clinic, or in all
clinics for an admin. No free text of one patient leaves this module: a theme is shown only
when at least `MIN_PATIENTS` patients share it.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from coproduce.aims import topics
from coproduce.aims.models import AnswerItem, RedFlagRecord, TopicAnswer
from coproduce.followups.models import FollowUp, FollowUpStatus
from coproduce.followups.service import gas_t_score
from coproduce.quality import spc
from coproduce.quality.themes import illness_themes
from coproduce.visits.models import Conversation, Visit, VisitStatus

#: A theme is shown only when at least this many patients share it.
MIN_PATIENTS = 5
#: Improved: a rise of at least this many points on the patient's own 0-10 measure.
IMPROVED_BY = 2
INTERVALS = ("week", "month")


def period_start(day: date, interval: str) -> date:
    """The first day of the week (Monday) or month that `day` falls in."""
    if interval == "week":
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


def next_period(start: date, interval: str) -> date:
    """Return the first day of the week or month after the one starting on `start`."""
    if interval == "week":
        return start + timedelta(days=7)
    return (start.replace(day=28) + timedelta(days=4)).replace(day=1)


def periods(date_from: date, date_to: date, interval: str) -> list[date]:
    """Every period from the one holding `date_from` to the one holding `date_to`."""
    starts, current = [], period_start(date_from, interval)
    while current <= date_to:
        starts.append(current)
        current = next_period(current, interval)
    return starts


def _scoped(query: Select[Any], clinic_id: str | None) -> Select[Any]:
    return query if clinic_id is None else query.where(Visit.clinic_id == clinic_id)


def _day_bounds(date_from: date, date_to: date) -> tuple[datetime, datetime]:
    return datetime.combine(date_from, datetime.min.time()), datetime.combine(
        date_to + timedelta(days=1), datetime.min.time()
    )


@dataclass(frozen=True)
class Period:
    """One week or month: patients followed up, the share improved and its p-chart limits."""

    start: date
    end: date  # the last day of the period
    patients: int  # with a baseline and a rated follow-up answered in the period
    improved: int
    share_improved: float | None
    median_change: float | None
    mean_gas_t: float | None
    limits: spc.PLimits | None
    in_long_run: bool = False


@dataclass(frozen=True)
class Series:
    """The clinic's improvement period by period, with the p-chart's centre and the run analysis."""

    interval: str
    date_from: date
    date_to: date
    centre: float | None  # the p-chart's centre line: the pooled share improved
    periods: list[Period]
    runs: spc.RunAnalysis


def series(
    *, session: Session, clinic_id: str | None, date_from: date, date_to: date, interval: str
) -> Series:
    """Return the clinic's improvement, period by period.

    Per period: patients followed up, the share improved by ≥ 2 with its p-chart limits, the
    median change with Anhøj's run rules, and the mean GAS T-score.
    """
    start, end = _day_bounds(date_from, date_to)
    query = _scoped(
        select(Visit.id, Visit.baseline_rating, FollowUp)
        .join(FollowUp, FollowUp.visit_id == Visit.id)
        .where(
            FollowUp.rating.is_not(None),
            FollowUp.answered_at >= start,
            FollowUp.answered_at < end,
        ),
        clinic_id,
    )
    starts = periods(date_from, date_to, interval)
    # One patient per visit per period: their latest answered follow-up in it.
    latest: dict[tuple[date, str], tuple[int | None, FollowUp]] = {}
    for visit_id, baseline, follow_up in session.execute(query):
        key = (period_start(follow_up.answered_at.date(), interval), visit_id)
        kept = latest.get(key)
        if kept is None or follow_up.answered_at > kept[1].answered_at:
            latest[key] = (baseline, follow_up)
    grouped: dict[date, list[tuple[int | None, FollowUp]]] = {s: [] for s in starts}
    for (period, _), row in latest.items():
        grouped.setdefault(period, []).append(row)
    raw = []
    for period in starts:
        rows = grouped.get(period, [])
        changes = [f.rating - b for b, f in rows if b is not None]
        scores = [
            t
            for t in (
                gas_t_score([f.goal_attainment]) for _, f in rows if f.goal_attainment is not None
            )
            if t is not None
        ]
        raw.append((period, changes, scores))
    events = [sum(1 for c in changes if c >= IMPROVED_BY) for _, changes, _ in raw]
    totals = [len(changes) for _, changes, _ in raw]
    centre = spc.p_centre(events, totals)
    medians = [float(statistics.median(c)) if c else None for _, c, _ in raw]
    runs = spc.anhoej(medians)
    result = []
    for index, (period, _, scores) in enumerate(raw):
        n, improved = totals[index], events[index]
        result.append(
            Period(
                start=period,
                end=next_period(period, interval) - timedelta(days=1),
                patients=n,
                improved=improved,
                share_improved=improved / n if n else None,
                median_change=medians[index],
                mean_gas_t=statistics.fmean(scores) if scores else None,
                limits=spc.p_limits(improved, n, centre) if centre is not None else None,
                in_long_run=index in runs.run_points,
            )
        )
    return Series(interval, date_from, date_to, centre, result, runs)


@dataclass(frozen=True)
class Theme:
    """One theme patients share: how many, and their share of the conversations."""

    name: str
    patients: int
    share: float  # of the conversations in the range


@dataclass
class Themes:
    """What the clinic's patients share in a range; themes too few patients share are hidden."""

    conversations: int
    treatment_burdens: list[Theme] = field(default_factory=list)
    illness_burdens: list[Theme] = field(default_factory=list)
    activities: list[Theme] = field(default_factory=list)
    skipped_topics: list[Theme] = field(default_factory=list)
    #: Per 100 conversations, or None when fewer than MIN_PATIENTS conversations.
    red_flags_per_100: float | None = None
    callbacks_per_100: float | None = None
    hidden: int = 0  # themes left out because fewer than MIN_PATIENTS shared them


def _themes(counts: Counter[str], conversations: int, themes: Themes) -> list[Theme]:
    shown = [
        Theme(name, n, n / conversations)
        for name, n in counts.most_common()
        if n >= MIN_PATIENTS and conversations
    ]
    themes.hidden += sum(1 for n in counts.values() if n < MIN_PATIENTS)
    return shown


def themes(*, session: Session, clinic_id: str | None, date_from: date, date_to: date) -> Themes:
    """What the clinic's patients share: burdens, activities, skipped topics, red flags."""
    start, end = _day_bounds(date_from, date_to)
    visits = _scoped(
        select(Visit.id).where(
            Visit.consent_given.is_(True), Visit.created_at >= start, Visit.created_at < end
        ),
        clinic_id,
    ).subquery()
    ids = select(visits.c.id)
    conversations = session.execute(select(func.count()).select_from(visits)).scalar_one()
    found = Themes(conversations=conversations)
    rows = session.execute(
        select(AnswerItem.visit_id, AnswerItem.topic, AnswerItem.category, AnswerItem.text).where(
            AnswerItem.visit_id.in_(ids),
            AnswerItem.topic.in_((topics.TREATMENT_BURDEN, topics.ILLNESS_BURDEN)),
        )
    ).all()
    burdens: dict[str, set[str]] = {}
    illness: dict[str, set[str]] = {}
    for visit_id, topic, category, text in rows:
        if topic == topics.TREATMENT_BURDEN:
            burdens.setdefault(category or "other", set()).add(visit_id)
        else:
            for theme in illness_themes(text):
                illness.setdefault(theme, set()).add(visit_id)
    found.treatment_burdens = _themes(_sizes(burdens), conversations, found)
    found.illness_burdens = _themes(_sizes(illness), conversations, found)
    found.activities = _themes(_activity_counts(session, ids), conversations, found)
    skipped = session.execute(
        select(TopicAnswer.topic, func.count())
        .where(TopicAnswer.visit_id.in_(ids), TopicAnswer.skipped.is_(True))
        .group_by(TopicAnswer.topic)
    ).all()
    found.skipped_topics = _themes(
        Counter({str(t): int(n) for t, n in skipped}), conversations, found
    )
    if conversations >= MIN_PATIENTS:
        flagged = session.execute(
            select(func.count(func.distinct(RedFlagRecord.visit_id))).where(
                RedFlagRecord.visit_id.in_(ids)
            )
        ).scalar_one()
        callbacks = session.execute(
            select(func.count())
            .select_from(Visit)
            .where(Visit.id.in_(ids), Visit.callback_requested_at.is_not(None))
        ).scalar_one()
        found.red_flags_per_100 = 100 * flagged / conversations
        found.callbacks_per_100 = 100 * callbacks / conversations
    return found


def _sizes(groups: dict[str, set[str]]) -> Counter[str]:
    return Counter({name: len(visits) for name, visits in groups.items()})


def _activity_counts(session: Session, ids: Any) -> Counter[str]:
    """Patients naming each activity (what matters, the aim), as the summary extracts them."""
    from coproduce.nlp.activities import extract_activities

    named: dict[str, set[str]] = {}
    rows = session.execute(
        select(TopicAnswer.visit_id, TopicAnswer.text).where(
            TopicAnswer.visit_id.in_(ids),
            TopicAnswer.topic.in_((topics.AIM, topics.WHAT_MATTERS)),
            TopicAnswer.text.is_not(None),
        )
    ).all()
    for visit_id, text in rows:
        for activity in extract_activities(text):
            named.setdefault(" ".join(activity.lower().split()), set()).add(visit_id)
    return _sizes(named)


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
    start, end = _day_bounds(date_from, date_to)
    visits = (
        session.execute(
            _scoped(
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
