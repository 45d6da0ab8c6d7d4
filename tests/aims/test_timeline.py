"""The rating timeline: one list of the patient's ratings, read by the FHIR export and the chart."""

from __future__ import annotations

from datetime import datetime

from coproduce.aims.schemas import AimSummary, FollowUpOut, Improvement
from coproduce.aims.timeline import BASELINE, FOLLOW_UP, RatingPoint, rating_timeline

CREATED = datetime(2026, 3, 1, 9, 0)


def _summary(baseline: int | None, *follow_ups: FollowUpOut) -> AimSummary:
    return AimSummary.construct(
        improvement=Improvement(baseline_rating=baseline), follow_ups=list(follow_ups)
    )


def _follow_up(day: int | None, rating: int | None, gas: int | None = None) -> FollowUpOut:
    return FollowUpOut(
        id=f"f{day}",
        at=None if day is None else datetime(2026, 4, day, 10, 0),
        due_at=datetime(2026, 4, day or 28),
        status="completed" if day else "pending",
        rating=rating,
        goal_attainment=gas,
    )


def test_the_baseline_comes_first_then_rated_follow_ups_oldest_first() -> None:
    summary = _summary(3, _follow_up(20, 6, 1), _follow_up(5, 4), _follow_up(None, None))
    assert rating_timeline(summary, baseline_at=CREATED) == [
        RatingPoint(at=CREATED, rating=3, kind=BASELINE),
        RatingPoint(at=datetime(2026, 4, 5, 10, 0), rating=4, kind=FOLLOW_UP),
        RatingPoint(at=datetime(2026, 4, 20, 10, 0), rating=6, kind=FOLLOW_UP, goal_attainment=1),
    ]


def test_a_skipped_baseline_or_an_unrated_follow_up_is_not_a_point() -> None:
    summary = _summary(None, _follow_up(9, None, 0))
    assert rating_timeline(summary, baseline_at=CREATED) == []
