"""Start (or resume) a session: bind it to what its invite token opens."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import binding

#: Slots that describe one moment of the conversation, never carried into a new session.
TRANSIENT = {
    "requested_slot",
    "form_prompt",
    "session_started_metadata",
    "correction_pending",
    "safety_pending",
    "safety_stop",
    "resumed",
    "delete_pending",
}


def _token(tracker: Tracker) -> str | None:
    metadata = tracker.get_slot("session_started_metadata") or {}
    token = metadata.get("invite_token") if isinstance(metadata, dict) else None
    return token if isinstance(token, str) else None


class ActionSessionStart(Action):
    """Carry the conversation over and reload what was stored for its visit."""

    def name(self) -> str:
        return "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        events: list[dict[str, Any]] = [SessionStarted()]
        bound = binding.bind(tracker, _token(tracker) or tracker.get_slot("invite_token"))
        if bound is None:
            events.append(SlotSet("invite_valid", False))
        else:
            if binding.same_binding(tracker, bound):
                # The tracker may hold answers a failed write has not stored yet.
                events += [
                    SlotSet(name, value)
                    for name, value in tracker.slots.items()
                    if value is not None and name not in TRANSIENT
                ]
            carried = {e["name"] for e in events if e.get("event") == "slot"}
            fresh = [e for e in bound if e["name"] not in carried]
            keys = {"visit_id", "invite_token", "invite_valid", "conversation_kind", "follow_up_id"}
            events += fresh + [e for e in bound if e["name"] in keys and e["name"] in carried]
        events.append(ActionExecuted("action_listen"))
        return events
