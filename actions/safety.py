"""Safety comes first: answer a red flag with emergency guidance in the same turn."""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.context import Turn
from coproduce.aims import service as aim_service
from coproduce.config import get_settings
from coproduce.database import session_scope
from coproduce.safety import alerts
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


def _record(tracker: Tracker, turn: Turn, categories: list[str]) -> None:
    visit_id = tracker.get_slot("visit_id")
    if not visit_id:
        return
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    message_key = turn.message_id or f"{now.timestamp():.6f}"
    try:
        with session_scope() as session:
            for category in categories:
                aim_service.record_red_flag(
                    session=session,
                    visit_id=visit_id,
                    category=category,
                    text=turn.text,
                    at=now,
                    dedupe_key=f"{tracker.sender_id}:{message_key}:{category}",
                )
    except SQLAlchemyError:
        logger.error("Storing a red flag for visit %s failed", visit_id)
    for category in categories:
        alerts.send_alert(visit_id=visit_id, category=category)


def respond(
    dispatcher: CollectingDispatcher, tracker: Tracker, turn: Turn, categories: list[str]
) -> list[dict[str, Any]]:
    """Give guidance for the most serious category, flag the visit, ask if they are safe."""
    settings = get_settings()
    _record(tracker, turn, categories)
    numbers = {"emergency_number": settings.emergency_number, "crisis_line": settings.crisis_line}
    dispatcher.utter_message(response=guidance_response(categories), **numbers)
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
        return respond(dispatcher, tracker, turn, red_flag_categories(turn) or ["self_harm"])
