"""A question or request for the clinician: signposted, listed for them, never answered here.

"Is sertraline safe?", "should I stop my water tablet?", "can I be seen sooner?": the bot
gives no advice, says where to go, and lists the question for the clinician. It is not taken
as the answer to the open topic, except when the topic is what they hope the clinician will
do: there a request is the answer.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import store
from actions.asking import Prompt
from actions.context import Turn
from actions.turns import stay
from coproduce.aims import topics
from coproduce.nlp import requests

Events = list[dict[str, Any]]
RESPONSES = {
    "medicine": "utter_question_medicine",
    "appointment": "utter_question_appointment",
    "other": "utter_question_other",
}


def handle(
    dispatcher: CollectingDispatcher, tracker: Tracker, turn: Turn, requested: str | None
) -> Events | None:
    """Signpost and list a question for the clinician; None when the message is not one."""
    if turn.is_payload:
        return None
    classified = turn.intent == "ask_clinician" and turn.confidence >= 0.6
    question = requests.clinician_question(turn.text, classified=classified)
    if question is None:
        return None
    if tracker.get_slot("consent"):
        store.record_question(
            slots=dict(tracker.slots),
            sender_id=tracker.sender_id,
            message_id=turn.message_id,
            text=turn.text,
            kind=question.kind,
        )
    dispatcher.utter_message(response=RESPONSES[question.kind])
    if requested == topics.EXPECTATIONS:
        return None  # the request is also what they hope the clinician will do
    return stay(prompt=Prompt.REASK)
