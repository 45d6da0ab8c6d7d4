"""The patient's ratings on their own measure, in time order: one list, read by every view.

The baseline is given in the pre-visit conversation; each completed follow-up adds one
rating. The FHIR export (`api/routes/visits.py`) and the clinician's chart
(`api/routes/clinician.py`) both read this list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from coproduce.aims.schemas import AimSummary

BASELINE = "baseline"
FOLLOW_UP = "follow_up"


@dataclass(frozen=True)
class RatingPoint:
    """One rating on the patient's own 0-10 measure."""

    at: datetime  # naive UTC
    rating: int
    kind: str  # BASELINE | FOLLOW_UP
    goal_attainment: int | None = None  # -2..+2, follow-ups only


def rating_timeline(summary: AimSummary, *, baseline_at: datetime) -> list[RatingPoint]:
    """Return the baseline (dated `baseline_at`) and every rated follow-up, oldest first."""
    points = []
    if summary.improvement.baseline_rating is not None:
        points.append(
            RatingPoint(at=baseline_at, kind=BASELINE, rating=summary.improvement.baseline_rating)
        )
    follow_ups = [
        RatingPoint(at=f.at, rating=f.rating, kind=FOLLOW_UP, goal_attainment=f.goal_attainment)
        for f in summary.follow_ups
        if f.rating is not None and f.at is not None
    ]
    return points + sorted(follow_ups, key=lambda p: p.at)
