"""The clinic's improvement over time: patients followed up and the share improved, by period.

Everything here is counted over visits (one per patient per visit) in one clinic, or in all
clinics for an admin. What patients share is in `shared_themes.py`; where they drop out, in
`funnel.py`.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from coproduce.followups.models import FollowUp
from coproduce.followups.service import gas_t_score
from coproduce.quality import spc
from coproduce.quality.periods import day_bounds, next_period, period_start, periods, scoped
from coproduce.visits.models import Visit

#: Improved: a rise of at least this many points on the patient's own 0-10 measure.
IMPROVED_BY = 2


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
    start, end = day_bounds(date_from, date_to)
    query = scoped(
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
