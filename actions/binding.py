"""Bind a conversation to what its invite token opens, and reload what was already said."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions import store
from actions.authority import Authority
from coproduce.aims import topics

Events = list[dict[str, Any]]


def slots_from_state(state: Any) -> Events:
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


def _follow_up_slots(follow_up_id: str) -> Events:
    state = store.load_follow_up(follow_up_id)
    if state is None:
        return []
    skipped = set(state.skipped)
    values = {
        "followup_rating": state.rating,
        "goal_attainment": state.goal_attainment,
        "followup_helped": state.helped,
        "followup_barriers": state.barriers,
        "aim_update": state.aim_update,
        "worry_resolved": state.worry_resolved,
    }
    events = [
        SlotSet(name, topics.SKIPPED if name in skipped else value)
        for name, value in values.items()
        if value is not None or name in skipped
    ]
    if state.plan_items:
        events.append(SlotSet("plan_items", list(state.plan_items)))
    if state.plan:
        events.append(SlotSet("plan_answers", dict(state.plan)))
    if state.completed:
        events.append(SlotSet("followup_done", True))
    return events


def bind(tracker: Tracker, granted: Authority) -> Events:
    """Return the slot events binding this sender to the granted invite's visit.

    The `invite_token` slot keeps the invite's hash, never the token itself.
    """
    state = store.bind_and_load(sender_id=tracker.sender_id)
    events: Events = [
        SlotSet("visit_id", granted.visit_id),
        SlotSet("invite_token", granted.invite_hash),
        SlotSet("invite_valid", True),
        SlotSet("conversation_kind", "followup" if granted.follow_up_id else "previsit"),
        SlotSet("follow_up_id", granted.follow_up_id),
    ]
    events += slots_from_state(state)
    if granted.follow_up_id:
        events += _follow_up_slots(granted.follow_up_id)
    return events


def same_binding(tracker: Tracker, events: Events) -> bool:
    """True when the new binding is the conversation the tracker already holds."""
    new = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    return tracker.get_slot("visit_id") == new.get("visit_id") and tracker.get_slot(
        "follow_up_id"
    ) == new.get("follow_up_id")
