"""Close the form: thank the patient and make sure the final state is stored."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import authority
from actions.context import is_follow_up
from actions.conversation import Conversation
from actions.prompts import FORM_PROMPT, Prompt, set_prompt

#: Sent with the last words: the chat page replaces its text box with "All done".
CHAT_FINISHED = {"type": "chat_finished"}


class ActionFinish(Action):
    """Run once the form ends: completed, declined, stopped for safety or refused."""

    def name(self) -> str:
        """Return the action's name."""
        return "action_finish"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Store the conversation's final state, say the closing words, and clear the prompt."""
        with authority.granted(authority.of(authority.check(authority.latest_hash(tracker)))):
            self._store(dispatcher, tracker)
        return [set_prompt(None)]

    def _store(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
        visit_id = tracker.get_slot("visit_id")
        if is_follow_up(tracker.slots):
            Conversation(tracker).save()
            if tracker.get_slot("followup_done") and tracker.get_slot(FORM_PROMPT) != (
                Prompt.SILENT_DONE
            ):
                dispatcher.utter_message(
                    response="utter_followup_completed", json_message=CHAT_FINISHED
                )
        elif tracker.get_slot("consent") is False:
            Conversation(tracker).decline()
        elif visit_id and tracker.get_slot("confirm_summary"):
            Conversation(tracker).save()
            if tracker.get_slot(FORM_PROMPT) != Prompt.SILENT_DONE:
                dispatcher.utter_message(response="utter_completed", json_message=CHAT_FINISHED)
        elif visit_id:
            Conversation(tracker).save()
