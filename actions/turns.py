"""What every form turn shares: questions about the bot, skips, saving and moving on."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import deletion
from actions.context import REQUESTED_SLOT, Turn, merged_slots, next_slot, said_before
from actions.conversation import Conversation
from actions.prompts import Prompt, set_prompt
from coproduce.aims import topics
from coproduce.nlp import cues, extraction

Events = list[dict[str, Any]]

FAQ_RESPONSES = {
    "ask_who_sees": "utter_who_sees",
    "ask_why": "utter_why",
    "ask_how_long": "utter_how_long",
    "bot_challenge": "utter_iamabot",
}
MAX_ANSWER_CHARS = 4000
#: A sentence that ends in a question mark, from the message's start or the last sentence end.
_QUESTION_SENTENCE = re.compile(r"[^.!?\n]*\?")
#: Topics with an `utter_explain_<topic>` response, for "I don't understand the question".
EXPLAINED = frozenset([*topics.TEXT_TOPICS, topics.BASELINE_RATING])


def advance(tracker: Tracker, events: Events, prompt: Prompt = Prompt.NEXT) -> Events:
    """Finish a turn: save the state, then point the form at the next empty slot."""
    events = [*events, set_prompt(prompt)]
    Conversation(tracker, events).save()
    return [*events, SlotSet(REQUESTED_SLOT, next_slot(merged_slots(tracker, events)))]


def stay(*events: dict[str, Any], prompt: Prompt = Prompt.SILENT) -> Events:
    """Keep the same question; the ask action puts it as `prompt` says."""
    return [*events, set_prompt(prompt)]


def faq_asked(turn: Turn, *, anywhere: bool = False) -> str | None:
    """Return the FAQ intent a message asks, checked against the question's own words."""
    if turn.is_payload:
        return turn.intent if turn.intent in FAQ_RESPONSES else None
    sure = turn.confidence >= 0.6 and turn.words <= 20
    if turn.intent in FAQ_RESPONSES and sure and cues.asks_faq(turn.intent, turn.text):
        return turn.intent
    # A short question the classifier took for an answer ("is this the NHS?"); where the
    # message answers nothing else (consent), also among other words ("before I say yes, who
    # exactly sees this? I don't want it going to my work").
    asked = _QUESTION_SENTENCE.findall(turn.text) if anywhere else [turn.text]
    for question in asked:
        if not question.rstrip().endswith("?"):
            continue
        if len(question.split()) <= 15:
            found = next((i for i in FAQ_RESPONSES if cues.asks_faq(i, question)), None)
            if found is not None:
                return found
    return None


def control(dispatcher: CollectingDispatcher, tracker: Tracker, turn: Turn) -> Events | None:
    """Handle a message that is about the conversation rather than an answer.

    The classifier's intent is acted on only when the message also has that intent's own
    words (coproduce/nlp/cues.py): otherwise a real answer would be lost.
    """
    intent = turn.intent
    # Said again, a message that was taken for a pause, a goodbye, a deletion request or (when
    # it says more than a short question, or asks nothing) a question about the chat is an
    # answer: the patient is answering the question, not asking again ("the shared care
    # thing", taken once for a question about who sees the answers).
    again = not turn.is_payload and said_before(tracker, turn.text)
    faq = None if again and (turn.words > 6 or "?" not in turn.text) else faq_asked(turn)
    if faq is not None:
        dispatcher.utter_message(response=FAQ_RESPONSES[faq])
        return stay(prompt=Prompt.REASK)
    if (turn.is_payload and intent == "greet") or cues.is_greeting(turn.text):
        return stay(prompt=Prompt.REASK)
    if cues.is_pause(turn.text) and turn.words <= 10 and not again:
        dispatcher.utter_message(response="utter_wait")
        return stay()
    if (turn.is_payload and intent == "goodbye") or (
        cues.is_goodbye(turn.text) and turn.words <= 12 and not again
    ):
        dispatcher.utter_message(response="utter_pause")
        return stay()
    if (turn.is_payload and intent == "delete_answers") or (
        turn.words <= 20 and cues.asks_to_delete(turn.text) and not again
    ):
        return deletion.ask_to_confirm(dispatcher)
    requested = tracker.get_slot(REQUESTED_SLOT)
    lost = not turn.is_payload and turn.words <= 15 and cues.not_understood(turn.text)
    if lost and requested in EXPLAINED and not again:
        # Put another way once; the same words again are taken as the answer.
        return stay(prompt=Prompt.REPHRASE)
    if turn.is_payload and intent != "dont_know":
        return stay(prompt=Prompt.REASK)
    return None


def only_dont_know(turn: Turn) -> bool:
    """True when a skip only says the patient does not know ("dunno").

    Not a choice not to answer ("skip", "rather not say", the Skip button).
    """
    if turn.is_payload:
        return False
    if extraction.is_skip_answer(turn.text):
        return extraction.is_dont_know_answer(turn.text)
    return is_skip(turn)


def is_skip(turn: Turn) -> bool:
    """True when the patient chose not to answer (skip, dunno, rather not say)."""
    if turn.is_payload:
        return turn.intent == "dont_know"
    if extraction.is_skip_answer(turn.text):
        return True
    return (
        turn.intent == "dont_know"
        and turn.confidence >= 0.8
        and turn.words <= 4
        and cues.sounds_like_dont_know(turn.text)
    )
