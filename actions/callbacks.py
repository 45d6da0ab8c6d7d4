"""'I'd rather talk to a person': leave a call-back request for the clinic, then carry on.

The clinic's promise is a setting (COPRODUCE_CALLBACK_PROMISE): the bot never promises a time
the clinic has not set. The request is stored with the visit, shown to the clinician, listed
by `GET /api/v1/visits?callback=true`, and sent to the alert webhook as `kind: "callback"`.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answers import TRIES_BEFORE_MOVING_ON, not_understood
from actions.context import REQUESTED_SLOT, Turn, merged_slots
from actions.conversation import Conversation
from actions.plan import CALLBACK, next_slot
from actions.prompts import Prompt, set_prompt
from actions.turns import advance, stay
from coproduce.aims import topics
from coproduce.config import get_settings
from coproduce.nlp import requests, yes_no

Events = list[dict[str, Any]]
MAX_REASON_CHARS = 200


def asked_for(turn: Turn, tracker: Tracker | None = None) -> bool:
    """True when the message asks to talk to a person or to be called instead.

    Once the patient has said no to a call, only their own words ask again, and never the
    same message twice (an answer that mentions talking to the doctor is then an answer).
    """
    if turn.is_payload:
        return turn.intent == "request_callback"
    slots = dict(tracker.slots) if tracker is not None else {}
    if slots.get("callback"):
        return False  # already asked for and recorded: the words are an answer now
    declined = slots.get("callback_wanted") is False
    if requests.wants_callback(turn.text):
        return not (declined and _same(turn.text, slots.get("callback_reason")))
    # Where the question is about how care fits their life, "a phone appointment would be
    # easier" is the answer, not a request.
    answering_how = slots.get(REQUESTED_SLOT) == topics.CARE_PREFERENCES
    classified = turn.intent == "request_callback" and turn.confidence >= 0.7
    return (
        classified
        and turn.words <= 12
        and requests.mentions_contact(turn.text)
        and not declined
        and not answering_how
    )


def _same(text: str, other: Any) -> bool:
    return _reason(text).lower() == _reason(str(other or "")).lower()


def _reason(text: str) -> str:
    """The words kept as the reason: one space between words, at most 200 characters."""
    return " ".join(text.split())[:MAX_REASON_CHARS].strip()


def wanted(turn: Turn) -> Events:
    """The events that note a call-back is wanted, with the patient's words as the reason."""
    reason = _reason(turn.text) if not turn.is_payload else None
    return [SlotSet("callback_wanted", True), SlotSet("callback_reason", reason)]


def offer(dispatcher: CollectingDispatcher, tracker: Tracker, turn: Turn) -> Events:
    """Note that a call-back is wanted; take the number now if the message has one."""
    events = wanted(turn)
    if requests.phone_in(turn.text):
        return _record(dispatcher, tracker, turn, events)
    slots = merged_slots(tracker, events)
    return [*events, set_prompt(Prompt.ASK), SlotSet(REQUESTED_SLOT, next_slot(slots))]


def turn(dispatcher: CollectingDispatcher, tracker: Tracker, message: Turn) -> Events:
    """Take the answer to "what number, and when suits?"."""
    if requests.phone_in(message.text):
        return _record(dispatcher, tracker, message, [])
    said = yes_no.answer(message.text, intent=message.intent, confidence=message.confidence)
    if said == yes_no.NO:
        dispatcher.utter_message(response="utter_callback_cancelled")
        return advance(tracker, [SlotSet("callback_wanted", False)], prompt=Prompt.ASK)
    count, counted = not_understood(tracker, CALLBACK)
    if count >= TRIES_BEFORE_MOVING_ON:
        dispatcher.utter_message(response="utter_callback_cancelled")
        events = [SlotSet("callback_wanted", False), SlotSet("misunderstood", None)]
        return advance(tracker, events, prompt=Prompt.ASK)
    return stay(counted, prompt=Prompt.REPHRASE)


def _record(
    dispatcher: CollectingDispatcher, tracker: Tracker, message: Turn, events: Events
) -> Events:
    settings = get_settings()
    phone = requests.phone_in(message.text) or ""
    when = requests.time_preference(message.text)
    reason = merged_slots(tracker, events).get("callback_reason")
    callback = {
        "phone": phone,
        "preferred_time": when,
        "reason": reason,
        "requested_at": datetime.now(timezone.utc)
        .replace(tzinfo=None)
        .isoformat(timespec="seconds")
        + "Z",
    }
    events = [*events, SlotSet("callback", callback), SlotSet("misunderstood", None)]
    Conversation(tracker, events).record_callback()
    dispatcher.utter_message(
        response="utter_callback_recorded",
        clinic_name=settings.clinic_name,
        phone=phone,
        when=f" ({when})" if when else "",
        promise=settings.callback_promise,
        emergency_number=settings.emergency_number,
    )
    if tracker.get_slot("consent") is not False:
        dispatcher.utter_message(response="utter_callback_carry_on")
    return advance(tracker, events, prompt=Prompt.ASK)
