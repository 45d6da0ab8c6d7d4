"""Take each patient message inside the form: an answer, a skip, a question, or a red flag."""

from __future__ import annotations

import logging
import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import authority, binding, corrections, deletion, followup, safety, store
from actions.asking import CONSENT_BUTTONS, RATING_BUTTONS
from actions.authority import Authority
from actions.context import (
    FORM,
    REQUESTED_SLOT,
    Turn,
    is_follow_up,
    merged_slots,
    next_slot,
)
from actions.corrections import handle_confirmation
from actions.turns import (
    FAQ_RESPONSES,
    MAX_ANSWER_CHARS,
    faq_asked,
)
from actions.turns import (
    advance as _advance,
)
from actions.turns import (
    control as _control,
)
from actions.turns import (
    is_skip as _is_skip,
)
from actions.turns import (
    set_prompt as _prompt,
)
from actions.turns import (
    stay as _stay,
)
from coproduce.aims import topics
from coproduce.nlp import cues, extraction
from coproduce.safety.assess import CHECK, EMERGENCY, URGENT, Assessment
from coproduce.visits.access import InviteCheck

logger = logging.getLogger(__name__)

Events = list[dict[str, Any]]


def _skip(dispatcher: CollectingDispatcher, tracker: Tracker, topic: str) -> Events:
    dispatcher.utter_message(response="utter_skip_ack")
    skipped = list(dict.fromkeys([*(tracker.get_slot("skipped_topics") or []), topic]))
    events = [SlotSet(topic, topics.SKIPPED), SlotSet("skipped_topics", skipped)]
    # "ask": the skip has had its acknowledgement; the next question needs no "thank you".
    return _advance(tracker, events, prompt="ask")


def _unskip(tracker: Tracker, topic: str) -> dict[str, Any]:
    skipped = [t for t in (tracker.get_slot("skipped_topics") or []) if t != topic]
    return SlotSet("skipped_topics", skipped)


def _answer_text(tracker: Tracker, topic: str, text: str) -> str:
    """Keep the patient's words; an edit of one item keeps the other items."""
    text = _BACK.sub("", text[:MAX_ANSWER_CHARS]).strip() or text.strip()
    target, original = tracker.get_slot("edit_target"), None
    if tracker.get_slot("edit_topic") == topic and isinstance(target, dict):
        original, target = target.get("original"), target.get("target")
    if original and target:
        return extraction.apply_item_correction(original, target, text)
    return text


#: Topics whose answer is one statement: "can't think of anything" there is no answer at all.
SINGLE_TEXT_TOPICS = (topics.AIM, topics.WHAT_MATTERS, topics.IMPROVEMENT_MEASURE)
_BACK = re.compile(r"^\W*(?:sorry,?\s+)?(?:i'?m|i am|im)\s+back\b[\s.!,:;-]*", re.IGNORECASE)


def _topic_turn(
    dispatcher: CollectingDispatcher, tracker: Tracker, turn: Turn, topic: str
) -> Events:
    if _is_skip(turn) or (topic in SINGLE_TEXT_TOPICS and cues.is_none_answer(turn.text)):
        return _skip(dispatcher, tracker, topic)
    if not turn.text:
        return _stay(prompt="reask")
    editing = tracker.get_slot("edit_topic") == topic
    events = [SlotSet(topic, _answer_text(tracker, topic, turn.text)), _unskip(tracker, topic)]
    if editing:
        events += [SlotSet("edit_topic", None), SlotSet("edit_target", None)]
    return _advance(tracker, events, prompt="updated" if editing else "next")


def _rating_turn(dispatcher: CollectingDispatcher, tracker: Tracker, turn: Turn) -> Events:
    if _is_skip(turn):
        return _skip(dispatcher, tracker, topics.BASELINE_RATING)
    rating = extraction.parse_rating(turn.text)
    if rating.status == "ok" and rating.value is not None:
        editing = tracker.get_slot("edit_topic") == topics.BASELINE_RATING
        events = [
            SlotSet(topics.BASELINE_RATING, rating.value),
            _unskip(tracker, topics.BASELINE_RATING),
            SlotSet("edit_topic", None),
        ]
        return _advance(tracker, events, prompt="updated" if editing else "next")
    response = (
        "utter_rating_out_of_range" if rating.status == "out_of_range" else ("utter_rating_unclear")
    )
    dispatcher.utter_message(response=response, buttons=RATING_BUTTONS)
    return _stay()


def _consent_turn(dispatcher: CollectingDispatcher, tracker: Tracker, turn: Turn) -> Events:
    faq = faq_asked(turn)
    if faq is not None:
        dispatcher.utter_message(response=FAQ_RESPONSES[faq])
        return _stay(prompt="reask")
    if turn.intent == "affirm" and turn.confidence >= 0.5:
        dispatcher.utter_message(response="utter_consent_given")
        return _advance(tracker, [SlotSet("consent", True)])
    if turn.intent == "deny" and turn.confidence >= 0.5:
        store.decline(dict(tracker.slots))
        dispatcher.utter_message(response="utter_consent_declined")
        return [SlotSet("consent", False), _prompt("silent"), SlotSet(REQUESTED_SLOT, None)]
    dispatcher.utter_message(response="utter_consent_unclear", buttons=CONSENT_BUTTONS)
    return _stay()


def _refused(dispatcher: CollectingDispatcher, turn: Turn, found: InviteCheck) -> None:
    """Say why nothing is saved from a dead link; safety guidance still comes first."""
    safety.refused_guidance(dispatcher, turn)
    dispatcher.utter_message(response=authority.REFUSALS.get(found.status, "utter_invite_invalid"))


def _relinked(tracker: Tracker, granted: Authority) -> Events:
    """Keep the hash of the link in use (a re-issued link of the same visit carries on)."""
    if tracker.get_slot("invite_token") == granted.invite_hash:
        return []
    return [SlotSet("invite_token", granted.invite_hash)]


def _in_form_turn(dispatcher: CollectingDispatcher, tracker: Tracker, found: InviteCheck) -> Events:
    turn = Turn.from_tracker(tracker)
    granted = authority.current()
    if granted is None:
        _refused(dispatcher, turn, found)
        return _stay()
    if not granted.covers(dict(tracker.slots)):
        dispatcher.utter_message(response="utter_not_this_conversation")
        return _stay()
    return [*_relinked(tracker, granted), *_answer_turn(dispatcher, tracker, turn)]


def _danger(
    dispatcher: CollectingDispatcher, tracker: Tracker, turn: Turn, assessment: Assessment
) -> Events:
    """Safety first; then what else the message said still answers the open question."""
    if assessment.level == EMERGENCY:
        events = safety.emergency(dispatcher, tracker, turn, assessment)
        answer = safety.rest_of(turn, assessment)
    else:
        events = safety.ask_check(dispatcher, tracker, turn, assessment)
        answer = turn.text[:MAX_ANSWER_CHARS].strip() or None
    requested = tracker.get_slot(REQUESTED_SLOT)
    answerable = requested in (
        followup.TEXT_SLOTS if is_follow_up(tracker.slots) else topics.TEXT_TOPICS
    )
    if answer and answerable and not tracker.get_slot("edit_topic"):
        return _advance(
            tracker, [*events, SlotSet(requested, answer), _unskip(tracker, requested)], "silent"
        )
    return _stay(*events)


def _answer_turn(dispatcher: CollectingDispatcher, tracker: Tracker, turn: Turn) -> Events:
    assessment = safety.assessment_of(turn)
    if assessment.level in (EMERGENCY, CHECK):
        return _danger(dispatcher, tracker, turn, assessment)
    if tracker.get_slot("safety_check"):
        return safety.check_reply(dispatcher, tracker, turn)
    if tracker.get_slot("safety_pending"):
        return safety.safe_reply(dispatcher, tracker, turn)
    if assessment.level == URGENT:
        # Same-day advice first; the message is still the answer it is.
        safety.urgent(dispatcher, tracker, turn, assessment)
    if tracker.get_slot("delete_pending"):
        return deletion.handle_reply(dispatcher, tracker, turn)
    requested = tracker.get_slot(REQUESTED_SLOT)
    if is_follow_up(tracker.slots):
        return followup.turn(dispatcher, tracker, turn, requested)
    if requested == "consent":
        return _consent_turn(dispatcher, tracker, turn)
    if (
        requested == "confirm_summary"
        and turn.is_payload
        and turn.intent
        in (
            "affirm",
            "correct",
            "deny",
        )
    ):
        return handle_confirmation(dispatcher, tracker, turn)
    control = _control(dispatcher, tracker, turn)
    if control is not None:
        return control
    if requested == "confirm_summary":
        return handle_confirmation(dispatcher, tracker, turn)
    earlier = corrections.correct_earlier(dispatcher, tracker, turn, requested)
    if earlier is not None:
        return earlier
    if requested == topics.BASELINE_RATING:
        return _rating_turn(dispatcher, tracker, turn)
    if requested in topics.TEXT_TOPICS:
        return _topic_turn(dispatcher, tracker, turn, requested)
    return _advance(tracker, [])


def _slot_in(events: Events, name: str) -> Any:
    """Return the value the events give a slot (None when they do not set it)."""
    values = [e.get("value") for e in events if e.get("event") == "slot" and e.get("name") == name]
    return values[-1] if values else None


def _activation(dispatcher: CollectingDispatcher, tracker: Tracker, found: InviteCheck) -> Events:
    """Start (or restart) the form: check the invite, then ask the first empty slot."""
    turn = Turn.from_tracker(tracker)
    granted = authority.current()
    if granted is None:
        _refused(dispatcher, turn, found)
        return [_prompt("silent"), SlotSet(REQUESTED_SLOT, None)]
    events: Events = []
    if not tracker.get_slot("visit_id"):
        events = binding.bind(tracker, granted)
    elif not granted.covers(dict(tracker.slots)):
        dispatcher.utter_message(response="utter_not_this_conversation")
        return [_prompt("silent"), SlotSet(REQUESTED_SLOT, None)]
    else:
        events = _relinked(tracker, granted)
    assessment = safety.assessment_of(turn)
    if tracker.get_slot("safety_check"):
        reply = safety.check_reply(dispatcher, tracker, turn)
        if _slot_in(reply, "safety_check") is not None or _slot_in(reply, "safety_pending"):
            return [*events, *reply, SlotSet(REQUESTED_SLOT, None)]
        events += [e for e in reply if e.get("name") != "form_prompt"]
    elif tracker.get_slot("safety_pending"):
        reply = safety.safe_reply(dispatcher, tracker, turn)
        if _slot_in(reply, "safety_pending") is not False:
            return [*events, *reply, SlotSet(REQUESTED_SLOT, None)]
        events += [e for e in reply if e.get("name") not in ("form_prompt", REQUESTED_SLOT)]
    elif assessment.level == URGENT:
        safety.urgent(dispatcher, tracker, turn, assessment)
    if tracker.get_slot("delete_pending"):
        reply = deletion.handle_reply(dispatcher, tracker, turn)
        if turn.intent == "affirm":
            return reply
        events.append(SlotSet("delete_pending", False))
    events += [SlotSet("safety_stop", None)]
    slots = merged_slots(tracker, events)
    if is_follow_up(slots):
        return followup.activation(dispatcher, slots, events)
    if tracker.get_slot("consent") is False:
        events += [SlotSet("consent", None)]
        slots = merged_slots(tracker, events)
    if slots.get("confirm_summary"):
        dispatcher.utter_message(response="utter_already_done")
        return [*events, _prompt("silent_done"), SlotSet(REQUESTED_SLOT, None)]
    started = slots.get("consent") is True
    return [
        *events,
        _prompt("welcome_back" if started else "ask"),
        SlotSet(REQUESTED_SLOT, next_slot(slots)),
    ]


class ValidateElicitationForm(Action):
    """The form's validation action: every message inside the form passes through here."""

    def name(self) -> str:
        return f"validate_{FORM}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> Events:
        in_form = (tracker.active_loop or {}).get("name") == FORM
        found = authority.check(authority.latest_hash(tracker))
        with authority.granted(authority.of(found)):
            if in_form and _answers_new_message(tracker):
                return _in_form_turn(dispatcher, tracker, found)
            return _activation(dispatcher, tracker, found)


def _answers_new_message(tracker: Tracker) -> bool:
    """True when the form runs right after the patient spoke inside it.

    Rasa hands the validation action a tracker that ends with the form's own
    ActionExecuted; at activation an ActiveLoop event follows the patient's message.
    """
    since_user: list[dict[str, Any]] = []
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            break
        since_user.append(event)
    else:
        return False
    if any(e.get("event") == "active_loop" for e in since_user):
        return False
    actions = [e.get("name") for e in tracker.events if e.get("event") == "action"]
    return len(actions) >= 2 and actions[-1] == FORM and actions[-2] == "action_listen"
