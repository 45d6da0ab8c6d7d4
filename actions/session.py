"""Start (or resume) a session: bind it to what its invite token opens."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import authority
from actions.conversation import Conversation
from actions.prompts import FORM_PROMPT

#: Slots that describe one moment of the conversation, never carried into a new session.
TRANSIENT = {
    "requested_slot",
    FORM_PROMPT,
    "session_started_metadata",
    "correction_pending",
    "safety_pending",
    "safety_stop",
    "resumed",
    "delete_pending",
}


def _invite_hash(tracker: Tracker) -> str | None:
    """Return the invite hash of the message that started this session (never a slot's)."""
    return authority.message_hash(tracker.get_slot("session_started_metadata"))


class ActionSessionStart(Action):
    """Carry the conversation over and reload what was stored for its visit."""

    def name(self) -> str:
        """Return the action's name."""
        return "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Start a session bound to its invite: keep the chat's slots, reload the visit's."""
        events: list[dict[str, Any]] = [SessionStarted()]
        granted = authority.of(authority.check(_invite_hash(tracker)))
        if granted is None:
            events.append(SlotSet("invite_valid", False))
        elif tracker.get_slot("visit_id") not in (None, granted.visit_id):
            # Another visit's link on this conversation: bind nothing, keep nothing.
            events.append(SlotSet("invite_valid", False))
        else:
            with authority.granted(granted):
                bound = Conversation(tracker).bind(granted)
            if Conversation(tracker).bound_as(bound):
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
