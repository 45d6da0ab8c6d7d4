"""'Delete my answers': confirm, then forget the visit and its chat transcript."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import AllSlotsReset, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.context import REQUESTED_SLOT, Turn
from actions.conversation import Conversation
from actions.prompts import Prompt, set_prompt

Events = list[dict[str, Any]]
CONFIRM_BUTTONS = [
    {"title": "Yes, delete everything", "payload": "/affirm"},
    {"title": "No, keep my answers", "payload": "/deny"},
]


def ask_to_confirm(dispatcher: CollectingDispatcher) -> Events:
    """Ask the patient to confirm that everything should be deleted."""
    dispatcher.utter_message(response="utter_confirm_delete", buttons=CONFIRM_BUTTONS)
    return [SlotSet("delete_pending", True), set_prompt(Prompt.SILENT)]


def handle_reply(dispatcher: CollectingDispatcher, tracker: Tracker, turn: Turn) -> Events:
    """Delete on yes; on anything else keep everything and carry on."""
    if turn.intent == "affirm":
        if not Conversation(tracker).forget():
            dispatcher.utter_message(response="utter_delete_failed")
            return [SlotSet("delete_pending", False), set_prompt(Prompt.REASK)]
        dispatcher.utter_message(response="utter_answers_deleted")
        return [AllSlotsReset(), set_prompt(Prompt.SILENT), SlotSet(REQUESTED_SLOT, None)]
    dispatcher.utter_message(response="utter_delete_cancelled")
    return [SlotSet("delete_pending", False), set_prompt(Prompt.REASK)]


class ActionRequestDelete(Action):
    """Outside the form: ask to confirm the deletion (the reply restarts the form)."""

    def name(self) -> str:
        """Return the action's name."""
        return "action_request_delete"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> Events:
        """Ask to confirm the deletion, or say the link is invalid when no visit is bound."""
        if not tracker.get_slot("visit_id"):
            dispatcher.utter_message(response="utter_invite_invalid")
            return []
        return ask_to_confirm(dispatcher)
