"""The patient's aim as a FHIR Goal, and each rating on their own measure as an Observation."""

from __future__ import annotations

from datetime import date
from typing import Any

from fhir.resources.R4B.goal import Goal
from fhir.resources.R4B.observation import Observation

from coproduce.aims import topics
from coproduce.aims.schemas import AimSummary
from coproduce.aims.timeline import BASELINE, FOLLOW_UP, RatingPoint
from coproduce.fhir.common import (
    GOAL_ACHIEVEMENT_SYSTEM,
    MEASURE_CODE,
    MEASURE_SYSTEM,
    MEASURE_TEXT,
    Urls,
    utc,
)

_ACHIEVEMENT_DISPLAY = {
    "in-progress": "In Progress",
    "improving": "Improving",
    "worsening": "Worsening",
    "no-change": "No Change",
    "achieved": "Achieved",
}


def achievement_status(*, baseline: int | None, ratings: list[RatingPoint]) -> str | None:
    """Return the goal-achievement code for the latest follow-up, or None without follow-ups.

    The rule, applied to the latest follow-up (by ``at``; ties go to the later in the list):

    1. ``achieved`` if its rating is >= 9, or its goal attainment is >= +1 and its rating >= 8;
    2. otherwise ``in-progress`` if no baseline is known (nothing to compare with);
    3. otherwise by rating minus baseline: >= +1 ``improving``, <= -1 ``worsening``,
       0 ``no-change``. Ratings are whole numbers, and a change of one point is the smallest
       that matters to patients (as in MYMOP).
    """
    follow_ups = [(p.at, i, p) for i, p in enumerate(ratings) if p.kind == FOLLOW_UP]
    if not follow_ups:
        return None
    latest = max(follow_ups, key=lambda entry: (entry[0], entry[1]))[2]
    attainment = latest.goal_attainment
    if latest.rating >= 9 or (attainment is not None and attainment >= 1 and latest.rating >= 8):
        return "achieved"
    if baseline is None:
        return "in-progress"
    change = latest.rating - baseline
    if change >= 1:
        return "improving"
    if change <= -1:
        return "worsening"
    return "no-change"


def goal(urls: Urls, summary: AimSummary, points: list[RatingPoint]) -> Goal:
    """The aim: proposed by the patient, or accepted as agreed at the visit, with its target."""
    patient = urls.reference("Patient", "patient")
    goal: dict[str, Any] = {
        "resourceType": "Goal",
        "id": urls.new_id("goal"),
        "lifecycleStatus": "proposed",
        "description": {"text": _aim_text(summary)},
        "subject": patient,
        "expressedBy": patient,
        "startDate": summary.updated_at.date(),
    }
    baseline = _baseline(summary, points)
    target = _target(summary.improvement.measure, baseline)
    notes = _goal_notes(summary)
    if summary.plan is not None:
        # Agreed at the visit: the aim as agreed, the patient's own words kept in a note,
        # and the target rating on their own measure with its date.
        goal["lifecycleStatus"] = "accepted"
        goal["description"] = {"text": summary.plan.aim}
        if summary.aim.statement and summary.aim.statement != summary.plan.aim:
            notes.append(
                {"text": f"In the patient's words before the visit: {summary.aim.statement}"}
            )
        if summary.plan.target.rating is not None:
            if target and target.get("detailString"):
                notes.append({"text": str(target["detailString"])})
            target = {
                "measure": {"text": summary.improvement.measure or MEASURE_TEXT},
                "detailInteger": summary.plan.target.rating,
            }
            if summary.plan.target.by is not None:
                target["dueDate"] = summary.plan.target.by
    if target:
        goal["target"] = [target]
    if notes:
        goal["note"] = notes
    code = achievement_status(baseline=baseline[0] if baseline else None, ratings=points)
    if code is not None:
        coding = {"system": GOAL_ACHIEVEMENT_SYSTEM, "code": code}
        goal["achievementStatus"] = {"coding": [{**coding, "display": _ACHIEVEMENT_DISPLAY[code]}]}
    return Goal.parse_obj(goal)


def _aim_text(summary: AimSummary) -> str:
    if summary.aim.statement:
        return summary.aim.statement
    return "Not stated (skipped)" if topics.AIM in summary.skipped_topics else "Not stated"


def _baseline(summary: AimSummary, points: list[RatingPoint]) -> tuple[int, date] | None:
    """Return the baseline rating and its date: the summary's, else the latest baseline point."""
    if summary.improvement.baseline_rating is not None:
        return summary.improvement.baseline_rating, summary.updated_at.date()
    baselines = [p for p in points if p.kind == BASELINE]
    if not baselines:
        return None
    latest = max(baselines, key=lambda p: p.at)
    return latest.rating, latest.at.date()


def _target(measure: str | None, baseline: tuple[int, date] | None) -> dict[str, Any] | None:
    if measure is None and baseline is None:
        return None
    # A target with a detail needs a measure (gdl-1), so a baseline alone names the scale.
    target: dict[str, Any] = {"measure": {"text": measure or MEASURE_TEXT}}
    if baseline is not None:
        rating, on = baseline
        target["detailString"] = f"baseline {rating}/10 on {on.isoformat()}"
    return target


def _goal_notes(summary: AimSummary) -> list[dict[str, str]]:
    notes = []
    if summary.aim.what_matters:
        notes.append({"text": f"What matters: {summary.aim.what_matters}"})
    if summary.aim.activities:
        notes.append({"text": f"Activities: {'; '.join(summary.aim.activities)}"})
    return notes


def checked_ratings(ratings: list[RatingPoint]) -> list[RatingPoint]:
    """The ratings sorted by time; ValueError on a kind or value out of range."""
    for point in ratings:
        if point.kind not in (BASELINE, FOLLOW_UP):
            raise ValueError(f"rating kind must be 'baseline' or 'follow_up', not {point.kind!r}")
        if not 0 <= point.rating <= 10:
            raise ValueError(f"rating must be 0-10, not {point.rating!r}")
        if point.goal_attainment is not None and not -2 <= point.goal_attainment <= 2:
            raise ValueError(f"goal_attainment must be -2..+2, not {point.goal_attainment!r}")
    return sorted(ratings, key=lambda p: p.at)  # stable: equal times keep the caller's order


def observation_roles(points: list[RatingPoint]) -> list[tuple[str, RatingPoint]]:
    """Name each rating by kind and time, so its uuid survives re-exports with more ratings."""
    seen: dict[str, int] = {}
    roles = []
    for point in points:
        role = f"observation:{point.kind}:{utc(point.at).isoformat()}"
        seen[role] = seen.get(role, 0) + 1
        roles.append((role if seen[role] == 1 else f"{role}#{seen[role]}", point))
    return roles


def observation(urls: Urls, role: str, point: RatingPoint) -> Observation:
    """One rating on the patient's measure (with its goal attainment at follow-up)."""
    label = "Baseline rating" if point.kind == BASELINE else "Follow-up rating"
    observation: dict[str, Any] = {
        "resourceType": "Observation",
        "id": urls.new_id(role),
        "status": "final",
        "code": {
            "coding": [{"system": MEASURE_SYSTEM, "code": MEASURE_CODE, "display": MEASURE_TEXT}],
            "text": MEASURE_TEXT,
        },
        "subject": urls.reference("Patient", "patient"),
        "focus": [urls.reference("Goal", "goal")],
        "effectiveDateTime": utc(point.at),
        "valueInteger": point.rating,
        "note": [{"text": label}],
    }
    if point.goal_attainment is not None:
        observation["component"] = [
            {"code": {"text": "Goal attainment (GAS)"}, "valueInteger": point.goal_attainment}
        ]
    return Observation.parse_obj(observation)
