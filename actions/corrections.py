"""The read-back step: the patient confirms the summary or says what to change."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.context import REQUESTED_SLOT, Turn, said_before
from actions.conversation import Conversation
from actions.prompts import FORM_PROMPT, Prompt, set_prompt
from actions.readback import edit_buttons
from actions.turns import advance
from coproduce.aims import topics
from coproduce.config import get_settings
from coproduce.nlp import cues, extraction, requests, yes_no

Events = list[dict[str, Any]]
#: The way back from "what would you like to change?": the summary is right after all.
NOTHING_TO_CHANGE = {"title": "Nothing to change", "payload": "/affirm"}
LIST_TOPICS = (topics.ILLNESS_BURDEN, topics.TREATMENT_BURDEN, topics.ASSETS, topics.SUPPORTS)
#: Topics something can be added to at the read-back ("can you add I'd prefer a woman doctor").
ADDABLE_TOPICS = (*LIST_TOPICS, topics.CARE_PREFERENCES, topics.CONCERNS, topics.EXPECTATIONS)


def _without_skip(tracker: Tracker, topic: str) -> dict[str, Any]:
    return SlotSet(
        "skipped_topics", [t for t in (tracker.get_slot("skipped_topics") or []) if t != topic]
    )


def _current(tracker: Tracker, topic: str) -> str | None:
    value = tracker.get_slot(topic)
    return None if value in (None, topics.SKIPPED) else str(value)


def _category_kept(original: str, target: str, new_text: str, tracker: Tracker) -> Events:
    """Keep a treatment burden's category when the patient rewords that item."""
    matches = [
        b
        for b in extraction.extract_treatment_burdens(original)
        if target.lower() in b.text.lower()
    ]
    if not matches:
        return []
    overrides = dict(tracker.get_slot("category_overrides") or {})
    overrides[new_text.strip()] = matches[0].category
    return [SlotSet("category_overrides", overrides)]


def apply(tracker: Tracker, topic: str, new_text: str, target: str | None) -> Events | None:
    """Return the events that put `new_text` in place of the topic's answer or of its `target` item.

    A rating that cannot be read returns None.
    """
    if topic == topics.BASELINE_RATING:
        rating = extraction.parse_rating(new_text)
        if rating.status != "ok":
            return None
        return [SlotSet(topic, rating.value), _without_skip(tracker, topic)]
    original = _current(tracker, topic)
    text = new_text.strip()
    events: Events = []
    if topic in LIST_TOPICS and original and target:
        text = extraction.apply_item_correction(original, target, new_text)
        if topic == topics.TREATMENT_BURDEN:
            events += _category_kept(original, target, new_text, tracker)
    return [*events, SlotSet(topic, text), _without_skip(tracker, topic)]


def _names(answer: str | None, target: str) -> bool:
    return (
        bool(answer)
        and re.search(rf"(?<!\w){re.escape(target)}(?!\w)", answer or "", re.I) is not None
    )


def _named_in(tracker: Tracker, correction: extraction.Correction) -> str | None:
    """The topic a change is to: the one it names, unless that answer lacks the item named.

    "it's not the GP i'm cross with, it's that nobody agrees who's responsible" names the GP,
    whom the people in the patient's life do not include: the change is to the one answer
    that mentions the GP, or, with none or several, it is asked about rather than made.
    """
    topic, target = correction.topic, correction.target
    if (
        not topic
        or not target
        or topic not in LIST_TOPICS
        or not _current(tracker, topic)
        or _names(_current(tracker, topic), target)
    ):
        return topic
    holding = [t for t in topics.TEXT_TOPICS if _names(_current(tracker, t), target)]
    return holding[0] if len(holding) == 1 else None


def redo(tracker: Tracker, topic: str, target: str | None) -> Events:
    """Ask the topic's question again; an item named by `target` is replaced by the answer."""
    original = _current(tracker, topic)
    edit = {"original": original, "target": target} if original and target else None
    events = [
        SlotSet(topic, None),
        SlotSet("edit_topic", topic),
        SlotSet("edit_target", edit),
        SlotSet("correction_pending", False),
        set_prompt(Prompt.EDIT),
    ]
    return [*events, SlotSet(REQUESTED_SLOT, topic)]


def _times_asked_what_to_change(tracker: Tracker) -> int:
    """How many times running "what would you like to change?" has been asked."""
    times = 0
    for event in reversed(tracker.events):
        if event.get("event") == "slot" and event.get("name") == "correction_pending":
            if event.get("value") is not True:
                break
            times += 1
    return times


def _ask_what_to_change(dispatcher: CollectingDispatcher, tracker: Tracker, **first: Any) -> Events:
    """Ask what to change; asked twice with no change named, keep the summary (never a loop).

    `first` replaces the first time's question (a response name and its values).
    """
    times = _times_asked_what_to_change(tracker)
    if times >= 2:
        dispatcher.utter_message(response="utter_summary_kept")
        done = [SlotSet("confirm_summary", True), SlotSet("correction_pending", False)]
        return advance(tracker, done, Prompt.SILENT)
    asked = (
        {"response": "utter_ask_what_to_change_again"}
        if times
        else {
            "response": "utter_ask_what_to_change",
            **first,
        }
    )
    dispatcher.utter_message(**asked, buttons=[*edit_buttons(), NOTHING_TO_CHANGE])
    return [SlotSet("correction_pending", True), set_prompt(Prompt.SILENT)]


_RATING_WORDS = re.compile(
    r"\b(?:it'?s|it is|its|it|be|make it|should be|more like|actually|about|around|a|an|maybe|"
    r"out of (?:ten|10)|/ ?10|please|sorry|no|not|i'?d say|say|rating|score|number|or|to|"
    r"between|ish)\b|[^\w\s]",
    re.IGNORECASE,
)


def _bare_rating(text: str) -> bool:
    """True for a message that is a rating and little else ("5", "more like a six", "4/10").

    "nearly, one thing" names no rating.
    """
    if extraction.parse_rating(text).status != "ok":
        return False
    rest = _RATING_WORDS.sub(" ", text.lower())
    rest = re.sub(r"\b(?:\d+|zero|one|two|three|four|five|six|seven|eight|nine|ten)\b", " ", rest)
    return not rest.split()


# Words that turn a yes into "yes, but...": a change is coming.
_CHANGE_CUE = re.compile(
    r"\b(?:but|except|apart from|other than|change|changed|wrong|missed|missing|left out|"
    r"forgot|forgotten|not quite|not right|instead|should|actually|although|however|though|"
    r"one thing|only thing|one bit|correct(?:ion)?|edit|fix|add|remove|delete|take out|mistake|"
    r"meant|nearly|almost|mostly|apart)\b",
    re.IGNORECASE,
)


def _yes_and_nothing_to_change(text: str) -> bool:
    """A yes with a thank-you or a remark, and no change asked for.

    For example "Yes. Thank you, it helps just writing it down".
    """
    return yes_no.answer(text) == yes_no.YES and not _CHANGE_CUE.search(text)


def _asks_for_call(turn: Turn) -> bool:
    if turn.is_payload:
        return False
    return requests.wants_callback(turn.text) or (
        turn.intent == "request_callback" and turn.confidence >= 0.7
    )


#: After this many changes at the read-back, asking for yet another keeps the summary as it
#: is, and the clinician hears the rest at the visit (never a loop).
MAX_CHANGES = 5


def _changes_made(tracker: Tracker) -> int:
    """How many times a part of the summary was changed or asked again at the read-back."""
    return sum(
        1
        for event in tracker.events
        if event.get("event") == "slot"
        and event.get("name") == FORM_PROMPT
        and event.get("value") in (Prompt.UPDATED, Prompt.EDIT)
    )


def handle_confirmation(dispatcher: CollectingDispatcher, tracker: Tracker, turn: Turn) -> Events:
    """Confirm the summary, apply a correction, or ask what to change."""
    if _changes_made(tracker) >= MAX_CHANGES and not (
        cues.confirms(turn.text) or turn.intent == "affirm"
    ):
        dispatcher.utter_message(response="utter_summary_kept")
        done = [SlotSet("confirm_summary", True), SlotSet("correction_pending", False)]
        return advance(tracker, done, Prompt.SILENT)
    chosen = turn.entity("edit_topic")
    if chosen in topics.TOPICS:
        return redo(tracker, chosen, None)
    correction = (
        extraction.parse_correction(turn.text)
        if not turn.is_payload
        else extraction.Correction(topic=None, new_text=None, target=None)
    )
    pending = bool(tracker.get_slot("correction_pending"))
    nothing_to_change = pending and cues.wants_no_change(turn.text)
    if not turn.is_payload and (
        cues.confirms(turn.text) or nothing_to_change or _yes_and_nothing_to_change(turn.text)
    ):
        done = [SlotSet("confirm_summary", True), SlotSet("correction_pending", False)]
        return advance(tracker, done, Prompt.SILENT)
    several = None if turn.is_payload else _several_changes(tracker, turn.text)
    if several is not None:
        return advance(tracker, [*several, SlotSet("correction_pending", False)], Prompt.UPDATED)
    if not turn.is_payload and correction.topic is None and _bare_rating(turn.text):
        rating = apply(tracker, topics.BASELINE_RATING, turn.text, None)
        if rating is not None:
            return advance(tracker, [*rating, SlotSet("correction_pending", False)], Prompt.UPDATED)
    if not turn.is_payload and said_before(tracker, turn.text):
        # The same words as before: whatever they asked for was done. With a yes in them
        # ("fewer, not less. Otherwise, yes, that is accurate") the summary is confirmed;
        # said once more after "what would you like to change?", it is kept as it is; else
        # ask what to change rather than redo the same part again (never a loop).
        if yes_no.said_yes_somewhere(turn.text) or pending:
            if not yes_no.said_yes_somewhere(turn.text):
                dispatcher.utter_message(response="utter_summary_kept")
            done = [SlotSet("confirm_summary", True), SlotSet("correction_pending", False)]
            return advance(tracker, done, Prompt.SILENT)
        return _ask_what_to_change(dispatcher, tracker)
    if tracker.get_slot("callback") and _asks_for_call(turn):
        if yes_no.said_yes_somewhere(turn.text):
            # "Yes, that is correct. I should still like the telephone call": the call is
            # already asked for, so the summary is confirmed.
            done = [SlotSet("confirm_summary", True), SlotSet("correction_pending", False)]
            return advance(tracker, done, Prompt.SILENT)
        # Asked for and recorded earlier: say so, rather than read it as a change.
        already = {"response": "utter_callback_already", "clinic_name": get_settings().clinic_name}
        return _ask_what_to_change(dispatcher, tracker, **already)
    if (
        correction.topic
        and correction.new_text
        and (pending or turn.intent != "affirm" or turn.words > 4)
    ):
        topic = _named_in(tracker, correction)
        if topic is None:
            # The item named is in no answer, or in several: ask, rather than overwrite.
            return _ask_what_to_change(dispatcher, tracker)
        events = apply(tracker, topic, correction.new_text, correction.target)
        if events is not None:
            return advance(tracker, [*events, SlotSet("correction_pending", False)], Prompt.UPDATED)
        return redo(tracker, correction.topic, correction.target)
    if turn.intent == "affirm" and not pending:
        return advance(tracker, [SlotSet("confirm_summary", True)], Prompt.SILENT)
    added = None if turn.is_payload else _added(tracker, correction, turn.text)
    if added is not None:
        return advance(tracker, [*added, SlotSet("correction_pending", False)], Prompt.UPDATED)
    if correction.topic:
        return redo(tracker, correction.topic, correction.target)
    if turn.intent == "affirm" and pending:
        done = [SlotSet("confirm_summary", True), SlotSet("correction_pending", False)]
        return advance(tracker, done, Prompt.SILENT)
    return _ask_what_to_change(dispatcher, tracker)


#: Where a second change starts: "... lose days. Also the main thing is missing work".
_NEXT_CHANGE = re.compile(
    r"(?<=[.!?])\s+(?=(?:also|plus|and also|oh and|and|as well|another thing)\b)", re.IGNORECASE
)


def _several_changes(tracker: Tracker, text: str) -> Events | None:
    """Apply a message that asks for two or more changes, to different parts, each in turn.

    "You missed that I look after my mum at weekends. Also the main thing is missing work,
    not the running" adds to the people and changes what to sort first. None unless every
    part is a change this step can make at once, to a different part of the summary.
    """
    parts = [part for part in _NEXT_CHANGE.split(text or "") if part.strip()]
    if len(parts) < 2:
        return None
    events: Events = []
    changed: set[str] = set()
    for part in parts:
        body = re.sub(
            r"^\W*(?:also|plus|and also|oh and|and|as well|another thing)\b\W*",
            "",
            part,
            flags=re.IGNORECASE,
        )
        correction = extraction.parse_correction(body)
        if correction.topic is None or correction.topic in changed:
            return None
        made = (
            apply(tracker, correction.topic, correction.new_text, correction.target)
            if correction.new_text
            else _added(tracker, correction, body)
        )
        if made is None:
            return None
        changed.add(correction.topic)
        events += made
    return events


#: The asking around something left out: "please add that", "you missed", "please put her".
_ASKING_TO_ADD = re.compile(
    r"^\W*(?:(?:please|pls|can you|could you|you)\s+)*(?:add|put(?: in| down)?|include|"
    r"missed(?: out)?|forgot|left out|also)\b(?:\s+that)?[\s,:;-]*|"
    r"(?:^|[.!,;]\s*)(?:please\s+)?(?:add|put|include)\s+(?:her|him|them|that|it|this)"
    r"(?:\s+(?:in|on|down|too|as well))?(?:\s+please)?[.!]*\s*$",
    re.IGNORECASE,
)
#: Fewest words that can say something to add.
_SHORTEST_ADDITION = 4


def _added(tracker: Tracker, correction: extraction.Correction, text: str) -> Events | None:
    """Add what the read-back left out ("My wife Harpreet does my tablets. Please put her.").

    Only for a list topic, when the message says a whole item and names nobody or nothing
    the answer already holds (a change to what is there is asked again instead).
    """
    topic, target = correction.topic, correction.target
    if topic not in ADDABLE_TOPICS:
        return None
    original = _current(tracker, topic) or ""
    if cues.is_none_answer(original):
        original = ""  # "nothing really": what is added is the answer (a skip is None already)
    if target and target.lower() in original.lower():
        return None
    item = _ASKING_TO_ADD.sub("", extraction.without_lead_in(text)).strip()
    if len(item.split()) < _SHORTEST_ADDITION:
        return None
    if topic == topics.SUPPORTS and not extraction.extract_supports(item):
        return None
    joined = f"{original.rstrip()}{'' if original.rstrip().endswith(('.', '!', '?')) else '.'} "
    return [SlotSet(topic, f"{joined}{item}" if original else item), _without_skip(tracker, topic)]


_OPENING = re.compile(
    r"^(?:\W*(?:sorry|oops|whoops|actually|wait|hang on|hold on|no|go back|can we go back)\b"
    r"[\s,.!:;-]*)+",
    re.IGNORECASE,
)
_NOT_TAIL = re.compile(r",?\s+(?:not|instead of|rather than)\s+[^,.;!?]{1,40}[.!?]*$", re.I)


def correct_earlier(
    dispatcher: CollectingDispatcher, tracker: Tracker, turn: Turn, requested: str | None
) -> Events | None:
    """Apply "sorry, I meant my son not my daughter" to the earlier answer it corrects."""
    if turn.is_payload or requested not in topics.TOPICS or not cues.corrects_earlier(turn.text):
        return None
    if said_before(tracker, turn.text):
        # The same words again after the earlier answer was redone: they answer this question.
        return None
    correction = extraction.parse_correction(_OPENING.sub("", turn.text))
    topic = correction.topic
    if topic is None or topic == requested or tracker.get_slot(topic) in (None, topics.SKIPPED):
        return None
    new_text = _NOT_TAIL.sub("", correction.new_text or "").strip()
    if new_text:
        events = apply(tracker, topic, new_text, correction.target)
        if events is not None:
            Conversation(tracker, events).save()
            dispatcher.utter_message(response="utter_changed_earlier")
            return [*events, set_prompt(Prompt.REASK)]
    return redo(tracker, topic, correction.target)
