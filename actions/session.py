"""Start (or resume) a session: bind it to the visit its invite token opens."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import store
from actions.elicitation import slots_from_state

#: Slots that describe one moment of the conversation, never carried into a new session.
TRANSIENT = {
    "requested_slot",
    "form_prompt",
    "session_started_metadata",
    "correction_pending",
    "safety_pending",
    "safety_stop",
    "resumed",
}


def _token(tracker: Tracker) -> str | None:
    metadata = tracker.get_slot("session_started_metadata") or {}
    token = metadata.get("invite_token") if isinstance(metadata, dict) else None
    return token if isinstance(token, str) else None


class ActionSessionStart(Action):
    """Carry the conversation over and reload the visit's stored answers."""

    def name(self) -> str:
        return "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        events: list[dict[str, Any]] = [SessionStarted()]
        token = _token(tracker) or tracker.get_slot("invite_token")
        visit_id = store.resolve(token)
        if visit_id is None:
            events.append(SlotSet("invite_valid", False))
        else:
            same_visit = tracker.get_slot("visit_id") == visit_id
            if same_visit:
                events += [
                    SlotSet(name, value)
                    for name, value in tracker.slots.items()
                    if value is not None and name not in TRANSIENT
                ]
            state = store.bind_and_load(sender_id=tracker.sender_id, visit_id=visit_id)
            carried = {e["name"] for e in events if e.get("event") == "slot"}
            events += [e for e in slots_from_state(state) if e["name"] not in carried]
            events += [
                SlotSet("visit_id", visit_id),
                SlotSet("invite_token", token),
                SlotSet("invite_valid", True),
            ]
        events.append(ActionExecuted("action_listen"))
        return events
