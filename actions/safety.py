"""Safety comes first: answer a red flag with emergency guidance in the same turn."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import authority, store
from actions.context import Turn
from coproduce.config import get_settings
from coproduce.safety.detector import detect_red_flags
from coproduce.safety.guidance import guidance_response

logger = logging.getLogger(__name__)

SAFE_BUTTONS = [
    {"title": "Yes, I'm safe to carry on", "payload": "/affirm"},
    {"title": "No", "payload": "/deny"},
]


def red_flag_categories(turn: Turn) -> list[str]:
    """Return the danger categories of the turn: NLU's and the rules' (either may catch it)."""
    categories = turn.entity_values("red_flag_category")
    if turn.text and not turn.is_payload:
        categories += [flag.category for flag in detect_red_flags(turn.text)]
    if turn.intent == "red_flag" and not categories:
        categories = ["self_harm"]
    return list(dict.fromkeys(categories))


def guide(dispatcher: CollectingDispatcher, categories: list[str]) -> None:
    """Give the safety guidance for the most serious category (nothing stored)."""
    settings = get_settings()
    numbers = {"emergency_number": settings.emergency_number, "crisis_line": settings.crisis_line}
    dispatcher.utter_message(response=guidance_response(categories), **numbers)


def respond(
    dispatcher: CollectingDispatcher, tracker: Tracker, turn: Turn, categories: list[str]
) -> list[dict[str, Any]]:
    """Give guidance for the most serious category, flag the visit, ask if they are safe."""
    store.record_red_flags(
        slots=dict(tracker.slots),
        sender_id=tracker.sender_id,
        message_id=turn.message_id,
        text=turn.text,
        categories=categories,
    )
    guide(dispatcher, categories)
    dispatcher.utter_message(response="utter_ask_safe_to_continue", buttons=SAFE_BUTTONS)
    return [SlotSet("safety_pending", True)]


class ActionRedFlag(Action):
    """Handle a red flag said outside the form (before it starts or after it ends)."""

    def name(self) -> str:
        return "action_red_flag"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        turn = Turn.from_tracker(tracker)
        with authority.granted(authority.of(authority.check(authority.latest_hash(tracker)))):
            return respond(dispatcher, tracker, turn, red_flag_categories(turn) or ["self_harm"])
