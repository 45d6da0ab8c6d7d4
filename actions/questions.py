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

from actions.context import Turn, said_before
from actions.conversation import Conversation
from actions.prompts import Prompt
from actions.turns import stay
from coproduce.aims import topics
from coproduce.nlp import requests

Events = list[dict[str, Any]]
#: Topics a request for the clinic answers in itself ("need a sick note" is what they want;
#: "is it my dose?" is the worry). A medicine question is not what they want from the visit:
#: it is signposted and the question asked again.
ANSWERED_BY_A_REQUEST = frozenset(
    {topics.AIM, topics.EXPECTATIONS, topics.ONE_THING, topics.CONCERNS}
)
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
    again = said_before(tracker, turn.text)
    if tracker.get_slot("consent") and not again:
        Conversation(tracker).record_question(
            text=turn.text,
            kind=question.kind,
        )
    if not again:
        dispatcher.utter_message(response=RESPONSES[question.kind])
    answers_it = requested in ANSWERED_BY_A_REQUEST and (
        question.kind != "medicine" or requested in (topics.EXPECTATIONS, topics.CONCERNS)
    )
    if answers_it or again:
        # A request is also what they want from the visit; and the same message twice is
        # the patient's answer, whatever it asks.
        return None
    return stay(prompt=Prompt.REASK)
