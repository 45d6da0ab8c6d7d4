"""What every form turn shares: questions about the bot, skips, saving and moving on."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import deletion, store
from actions.context import REQUESTED_SLOT, Turn, merged_slots, next_slot
from coproduce.nlp import extraction

Events = list[dict[str, Any]]

FAQ_RESPONSES = {
    "ask_who_sees": "utter_who_sees",
    "ask_why": "utter_why",
    "ask_how_long": "utter_how_long",
    "bot_challenge": "utter_iamabot",
}
MAX_ANSWER_CHARS = 4000


def set_prompt(value: str | None) -> dict[str, Any]:
    """Say how the ask action should put the next question (see the form_prompt slot)."""
    return SlotSet("form_prompt", value)


def advance(tracker: Tracker, events: Events, prompt: str = "next") -> Events:
    """Finish a turn: save the state, then point the form at the next empty slot."""
    events = [*events, set_prompt(prompt)]
    store.persist(tracker, events)
    return [*events, SlotSet(REQUESTED_SLOT, next_slot(merged_slots(tracker, events)))]


def stay(*events: dict[str, Any], prompt: str = "silent") -> Events:
    """Keep the same question; the ask action puts it as `prompt` says."""
    return [*events, set_prompt(prompt)]


def control(dispatcher: CollectingDispatcher, tracker: Tracker, turn: Turn) -> Events | None:
    """Handle a message that is about the conversation rather than an answer."""
    intent, sure = turn.intent, turn.confidence >= 0.6
    if intent in FAQ_RESPONSES and (turn.is_payload or (sure and turn.words <= 20)):
        dispatcher.utter_message(response=FAQ_RESPONSES[intent])
        return stay(prompt="reask")
    if intent == "greet" and (turn.is_payload or turn.words <= 5):
        return stay(prompt="reask")
    if intent == "goodbye" and (turn.is_payload or (sure and turn.words <= 10)):
        dispatcher.utter_message(response="utter_pause")
        return stay()
    if intent == "delete_answers" and (turn.is_payload or (sure and turn.words <= 15)):
        return deletion.ask_to_confirm(dispatcher)
    if turn.is_payload and intent != "dont_know":
        return stay(prompt="reask")
    return None


def is_skip(turn: Turn) -> bool:
    """True when the patient chose not to answer (skip, dunno, rather not say)."""
    if turn.is_payload:
        return turn.intent == "dont_know"
    if extraction.is_skip_answer(turn.text):
        return True
    return turn.intent == "dont_know" and turn.confidence >= 0.8 and turn.words <= 4
