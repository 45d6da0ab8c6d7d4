"""Take an answer to the open question: a topic, the rating, consent, who is answering.

No patient is ever stuck. When an answer is not understood (a filler such as "hmm", no
number for the rating, no yes or no for consent) the question is put another way, with
buttons; when it is still not understood, the answer is kept where it can be one, or the
topic is recorded as skipped with the reason "unclear", and the conversation moves on.
Consent that stays unclear is taken as not given (nothing is stored), never as a loop.
A first "dunno" is asked once more another way; "skip" or "rather not say" is respected at
once.
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.context import REQUESTED_SLOT, Turn
from actions.conversation import Conversation
from actions.prompts import Prompt
from actions.respondent import answering_for_someone
from actions.turns import MAX_ANSWER_CHARS, advance, is_skip, only_dont_know, stay
from coproduce.aims import topics
from coproduce.nlp import cues, extraction, requests, respondent, vague, yes_no

Events = list[dict[str, Any]]
#: A question not understood this many times is put another way; one more and we move on.
TRIES_BEFORE_MOVING_ON = 2
_BACK = re.compile(r"^\W*(?:sorry,?\s+)?(?:i'?m|i am|im)\s+back\b[\s.!,:;-]*", re.IGNORECASE)


#: Topics whose answer of a few words gets one "could you say a little more?", and how.
PROBES = {
    topics.AIM: "utter_probe_aim",
    topics.WHAT_MATTERS: "utter_probe_what_matters",
    topics.ILLNESS_BURDEN: "utter_probe_illness_burden",
}
#: What matters is thin at fewer words than the others: "my grandchildren" says who.
_THIN_WHAT_MATTERS = 1


def _wants_probe(topic: str, text: str) -> bool:
    """True when an answer names a thing but not what about it, or nothing in particular."""
    if topic == topics.WHAT_MATTERS:
        return vague.is_thin(text, _THIN_WHAT_MATTERS)
    if topic == topics.AIM and vague.is_vague_aim(text):
        return True  # "just feel rubbish really", "a bit of a personal matter"
    return topic in PROBES and vague.is_thin(text)


def misunderstood(tracker: Tracker, slot: str) -> int:
    """Return how many times in a row the answer to this slot was not understood."""
    state = tracker.get_slot("misunderstood") or {}
    return int(state.get("count") or 0) if state.get("slot") == slot else 0


def not_understood(tracker: Tracker, slot: str) -> tuple[int, dict[str, Any]]:
    """Count one more misunderstanding of this slot; return the count and its slot event."""
    count = misunderstood(tracker, slot) + 1
    return count, SlotSet("misunderstood", {"slot": slot, "count": count})


def ask_again_for(tracker: Tracker, slot: str) -> Events:
    """Put the question once more, another way with an example, after a first "dunno".

    Not knowing what to say is not choosing to skip: one more try often finds an answer, and
    a second "dunno" (or "skip") is taken as a skip.
    """
    _, counted = not_understood(tracker, slot)
    return stay(counted, prompt=Prompt.REPHRASE)


def _reset() -> dict[str, Any]:
    return SlotSet("misunderstood", None)


def _skipped(tracker: Tracker, topic: str, reason: str) -> Events:
    """The events that record a topic as skipped, and why."""
    skipped = list(dict.fromkeys([*(tracker.get_slot("skipped_topics") or []), topic]))
    reasons = {**(tracker.get_slot("skip_reasons") or {}), topic: reason}
    return [
        SlotSet(topic, topics.SKIPPED),
        SlotSet("skipped_topics", skipped),
        SlotSet("skip_reasons", reasons),
        _reset(),
    ]


def _unclear_so_far(tracker: Tracker, topic: str) -> Events:
    """Leave a topic as not understood, with no acknowledgement: the next question follows."""
    return advance(tracker, _skipped(tracker, topic, "unclear"), prompt=Prompt.ASK)


def skip(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    topic: str,
    *,
    reason: str = "patient",
    response: str = "utter_skip_ack",
) -> Events:
    """Record a topic as skipped (with why) and move on to the next question."""
    dispatcher.utter_message(response=response)
    # The skip has had its acknowledgement; the next question needs no "thank you".
    return advance(tracker, _skipped(tracker, topic, reason), prompt=Prompt.ASK)


def unskip(tracker: Tracker, topic: str) -> list[dict[str, Any]]:
    """Events that take a topic off the skipped list (it has an answer now)."""
    skipped = [t for t in (tracker.get_slot("skipped_topics") or []) if t != topic]
    reasons = {k: v for k, v in (tracker.get_slot("skip_reasons") or {}).items() if k != topic}
    return [SlotSet("skipped_topics", skipped), SlotSet("skip_reasons", reasons)]


def answer_text(tracker: Tracker, topic: str, text: str) -> str:
    """Keep the patient's words; an edit of one item keeps the other items."""
    text = _BACK.sub("", text[:MAX_ANSWER_CHARS]).strip() or text.strip()
    target, original = tracker.get_slot("edit_target"), None
    if tracker.get_slot("edit_topic") == topic and isinstance(target, dict):
        original, target = target.get("original"), target.get("target")
    if original and target:
        return extraction.apply_item_correction(original, target, text)
    return text


def topic_turn(
    dispatcher: CollectingDispatcher, tracker: Tracker, turn: Turn, topic: str
) -> Events:
    """Take the answer to a topic question, or put the question another way."""
    if (
        tracker.get_slot("probed") == topic
        and isinstance(tracker.get_slot(topic), str)
        and tracker.get_slot("edit_topic") != topic
    ):
        return _more_said(tracker, turn, topic)
    statement = topic in topics.STATEMENT_TOPICS
    if topic == topics.IMPROVEMENT_MEASURE and only_dont_know(turn):
        # "not sure" how they'd know: the concrete question ("what's one thing you'd be doing
        # again?") is the other way of asking it.
        return _unclear_so_far(tracker, topic)
    if only_dont_know(turn) and not misunderstood(tracker, topic):
        return ask_again_for(tracker, topic)
    if (
        topic in (topics.WHAT_MATTERS, topics.ASSETS)
        and cues.is_none_answer(turn.text)
        and not misunderstood(tracker, topic)
    ):
        # "nothing really", "not much": asked once more, gently, with examples; a second
        # is a skip (or, for what helps, the "nothing" it is).
        return ask_again_for(tracker, topic)
    fine = cues.is_hedged_fine(turn.text)
    if (
        topic in (topics.CONCERNS, topics.TREATMENT_BURDEN)
        and (fine or cues.is_hedged_none(turn.text))
        and not misunderstood(tracker, topic)
    ):
        # "not really" to what worries them or is hard about their treatment, "it's fine I
        # suppose", often hold something back (the work of treatment is under-reported): asked
        # once more, another way with examples; a plain "no" is taken at once.
        return ask_again_for(tracker, topic)
    if is_skip(turn) or (statement and cues.is_none_answer(turn.text)):
        return skip(dispatcher, tracker, topic)
    if not turn.text or vague.is_filler(turn.text):
        count, counted = not_understood(tracker, topic)
        if count >= TRIES_BEFORE_MOVING_ON:
            return skip(
                dispatcher, tracker, topic, reason="unclear", response="utter_moving_on_nothing"
            )
        return stay(counted, prompt=Prompt.REPHRASE)
    editing = tracker.get_slot("edit_topic") == topic
    text = answer_text(tracker, topic, turn.text)
    if topic in PROBES and not editing and _wants_probe(topic, text):
        # "its my skin", "family": kept, and one gentle "could you say a little more?".
        dispatcher.utter_message(response=PROBES[topic])
        events = [SlotSet(topic, text), SlotSet("probed", topic), *unskip(tracker, topic)]
        Conversation(tracker, events).save()
        # The slot is filled, so the question is named again to stay on it.
        return stay(*events, _reset(), SlotSet(REQUESTED_SLOT, topic))
    events = [SlotSet(topic, text), *unskip(tracker, topic), _reset()]
    if editing:
        events += [SlotSet("edit_topic", None), SlotSet("edit_target", None)]
    return advance(tracker, events, prompt=Prompt.UPDATED if editing else Prompt.NEXT)


def _more_said(tracker: Tracker, turn: Turn, topic: str) -> Events:
    """After "could you say a little more?": what they add joins what they said first."""
    first = str(tracker.get_slot(topic))
    said = turn.text.strip()
    done = [SlotSet("probed", None), _reset()]
    if (
        is_skip(turn)
        or cues.is_none_answer(said)
        or vague.is_filler(said)
        or said.lower() in first.lower()
    ):
        return advance(tracker, [SlotSet(topic, first), *done])
    more = said[:MAX_ANSWER_CHARS] if first.lower() in said.lower() else f"{first}. {said}"
    return advance(tracker, [SlotSet(topic, more[:MAX_ANSWER_CHARS]), *done])


def rating_turn(dispatcher: CollectingDispatcher, tracker: Tracker, turn: Turn) -> Events:
    """Take a 0-10 rating, in figures or words, exact or approximate."""
    slot = topics.BASELINE_RATING
    if only_dont_know(turn) and not misunderstood(tracker, slot):
        return ask_again_for(tracker, slot)
    if is_skip(turn):
        return skip(dispatcher, tracker, slot)
    rating = extraction.parse_rating(turn.text, relayed=answering_for_someone(tracker))
    if rating.status == "ok" and rating.value is not None:
        editing = tracker.get_slot("edit_topic") == slot
        events = [
            SlotSet(slot, rating.value),
            *unskip(tracker, slot),
            SlotSet("edit_topic", None),
            _reset(),
        ]
        return advance(tracker, events, prompt=Prompt.UPDATED if editing else Prompt.NEXT)
    count, counted = not_understood(tracker, slot)
    if count >= TRIES_BEFORE_MOVING_ON:
        return skip(dispatcher, tracker, slot, reason="unclear", response="utter_moving_on_nothing")
    if rating.status == "out_of_range":
        dispatcher.utter_message(response="utter_rating_out_of_range")
        return stay(counted, prompt=Prompt.REASK)
    return stay(counted, prompt=Prompt.REPHRASE)


def consent_turn(dispatcher: CollectingDispatcher, tracker: Tracker, turn: Turn) -> Events:
    """Take a yes or a no to going ahead; unclear twice is taken as not given."""
    said = yes_no.answer(turn.text, intent=turn.intent, confidence=turn.confidence)
    if (
        said == yes_no.NO
        and yes_no.said_yes_somewhere(turn.text)
        and requests.wants_callback(turn.text)
    ):
        # "Yes that's alright, but I'd rather speak to somebody": a yes, with a call-back
        # asked for (already recorded, or offered where the message is first routed).
        said = yes_no.YES
    if said == yes_no.YES:
        if yes_no.has_condition(turn.text):
            # "Aye ok, as long as it's no going to the social": say who sees the answers.
            dispatcher.utter_message(response="utter_who_sees")
        dispatcher.utter_message(response="utter_consent_given")
        return advance(tracker, [SlotSet("consent", True), _reset()])
    if said == yes_no.NO:
        return decline(dispatcher, tracker, "utter_consent_declined")
    count, counted = not_understood(tracker, "consent")
    if count >= TRIES_BEFORE_MOVING_ON:
        return decline(dispatcher, tracker, "utter_consent_not_given")
    return stay(counted, prompt=Prompt.REPHRASE)


def decline(dispatcher: CollectingDispatcher, tracker: Tracker, response: str) -> Events:
    """Consent not given: keep nothing, stop asking (a call-back asked for still happens)."""
    events = [SlotSet("consent", False), _reset()]
    Conversation(tracker).decline()
    dispatcher.utter_message(response=response)
    return advance(tracker, events, prompt=Prompt.ASK)


def respondent_turn(dispatcher: CollectingDispatcher, tracker: Tracker, turn: Turn) -> Events:
    """Take who is answering: the patient, or a proxy and their relationship to the patient."""
    text = "" if turn.is_payload else turn.text
    said = yes_no.answer(turn.text, intent=turn.intent, confidence=turn.confidence)
    relationship = respondent.relationship_in(text)
    if relationship is None and (said == yes_no.NO or respondent.answers_for_self(text)):
        dispatcher.utter_message(response="utter_respondent_self")
        who: dict[str, Any] = {"type": "patient", "relationship": None}
    elif relationship is not None or said == yes_no.YES or is_skip(turn):
        if relationship is not None or said == yes_no.YES:
            dispatcher.utter_message(response="utter_respondent_noted")
        who = {"type": "proxy", "relationship": relationship}
    else:
        count, counted = not_understood(tracker, "respondent")
        if count < TRIES_BEFORE_MOVING_ON:
            return stay(counted, prompt=Prompt.REPHRASE)
        who = {"type": "proxy", "relationship": None}
    return advance(tracker, [SlotSet("respondent", who), _reset()], prompt=Prompt.ASK)


def still_open(tracker: Tracker) -> str | None:
    """The slot the form is asking for."""
    value = tracker.get_slot(REQUESTED_SLOT)
    return str(value) if value else None
