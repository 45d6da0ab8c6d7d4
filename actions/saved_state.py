"""The conversation's slots and its stored state, mapped both ways in one place.

`aim_state`/`follow_up_state` turn slot values into what the aims database stores;
`aim_slots`/`follow_up_slots` turn a stored state back into the slot events that resume a
conversation. A field added to one direction and not the other is caught by
`tests/bot/test_one_source.py`.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk.events import SlotSet

from coproduce.aims import topics
from coproduce.aims.service import AimState
from coproduce.followups.service import FOLLOWUP_TOPICS, FollowUpState

Events = list[dict[str, Any]]


def _text(value: Any) -> str | None:
    return None if value in (None, topics.SKIPPED) else str(value)


def _number(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _respondent(value: Any) -> dict[str, Any] | None:
    if not isinstance(value, dict) or value.get("type") not in ("patient", "proxy"):
        return None
    return {"type": value["type"], "relationship": value.get("relationship")}


def aim_state(slots: dict[str, Any]) -> AimState:
    """Build the storable state of the pre-visit conversation from slot values."""
    return AimState(
        answers={topic: slots.get(topic) for topic in topics.TEXT_TOPICS},
        skipped=list(slots.get("skipped_topics") or []),
        baseline_rating=_number(slots.get(topics.BASELINE_RATING)),
        consent=slots.get("consent"),
        confirmed=bool(slots.get("confirm_summary")),
        category_overrides=dict(slots.get("category_overrides") or {}),
        skip_reasons=dict(slots.get("skip_reasons") or {}),
        respondent=_respondent(slots.get("respondent")),
        callback=slots.get("callback") if isinstance(slots.get("callback"), dict) else None,
    )


def aim_slots(state: AimState | None) -> Events:
    """Turn a stored AimState into the slot events that resume the conversation."""
    if state is None:
        return []
    events: Events = [SlotSet(topic, text) for topic, text in state.answers.items() if text]
    if state.baseline_rating is not None:
        events.append(SlotSet(topics.BASELINE_RATING, state.baseline_rating))
    if state.skipped:
        events.append(SlotSet("skipped_topics", list(state.skipped)))
        if topics.BASELINE_RATING in state.skipped:
            events.append(SlotSet(topics.BASELINE_RATING, topics.SKIPPED))
    if state.consent:
        events.append(SlotSet("consent", True))
    if state.confirmed:
        events.append(SlotSet("confirm_summary", True))
    if state.category_overrides:
        events.append(SlotSet("category_overrides", dict(state.category_overrides)))
    if state.skip_reasons:
        events.append(SlotSet("skip_reasons", dict(state.skip_reasons)))
    if state.respondent:
        events.append(SlotSet("respondent", dict(state.respondent)))
    if state.callback:
        events.append(SlotSet("callback", dict(state.callback)))
    return events


#: Follow-up slot name -> the FollowUpState field that stores it.
_FOLLOW_UP_FIELDS = {
    "followup_rating": "rating",
    "goal_attainment": "goal_attainment",
    "followup_helped": "helped",
    "followup_barriers": "barriers",
    "aim_update": "aim_update",
    "worry_resolved": "worry_resolved",
}


def _plan_answers(value: Any) -> dict[str, dict[str, str | None]]:
    """The plan answers slot as stored: only well-formed entries (the slot crosses Rasa)."""
    if not isinstance(value, dict):
        return {}
    kept: dict[str, dict[str, str | None]] = {}
    for key, answer in value.items():
        if isinstance(key, str) and isinstance(answer, dict) and "status" in answer:
            kept[key] = {"status": _text(answer.get("status"))}
            if "barriers" in answer:
                kept[key]["barriers"] = _text(answer.get("barriers"))
    return kept


def follow_up_state(slots: dict[str, Any]) -> FollowUpState:
    """Build the storable state of a follow-up conversation from slot values."""
    return FollowUpState(
        rating=_number(slots.get("followup_rating")),
        goal_attainment=_number(slots.get("goal_attainment")),
        helped=_text(slots.get("followup_helped")),
        barriers=_text(slots.get("followup_barriers")),
        aim_update=_text(slots.get("aim_update")),
        worry_resolved=_text(slots.get("worry_resolved")),
        skipped=[name for name in FOLLOWUP_TOPICS if slots.get(name) == topics.SKIPPED],
        completed=bool(slots.get("followup_done")),
        plan=_plan_answers(slots.get("plan_answers")),
    )


def follow_up_slots(state: FollowUpState | None) -> Events:
    """Turn a stored FollowUpState into the slot events that resume the follow-up."""
    if state is None:
        return []
    skipped = set(state.skipped)
    events = []
    for name, field in _FOLLOW_UP_FIELDS.items():
        value = getattr(state, field)
        if name in skipped:
            events.append(SlotSet(name, topics.SKIPPED))
        elif value is not None:
            events.append(SlotSet(name, value))
    if state.plan_items:
        events.append(SlotSet("plan_items", list(state.plan_items)))
    if state.plan:
        events.append(SlotSet("plan_answers", dict(state.plan)))
    if state.completed:
        events.append(SlotSet("followup_done", True))
    return events
