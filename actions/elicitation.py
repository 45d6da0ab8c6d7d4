"""Take each patient message inside the form: an answer, a skip, a question, or a red flag."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import (
    answers,
    authority,
    callbacks,
    corrections,
    deletion,
    followup,
    plan,
    questions,
    respondent,
    safety,
)
from actions.authority import Authority
from actions.context import (
    FORM,
    REQUESTED_SLOT,
    Turn,
    is_follow_up,
    merged_slots,
    next_slot,
    said_before,
)
from actions.conversation import Conversation
from actions.corrections import handle_confirmation
from actions.prompts import FORM_PROMPT, Prompt, set_prompt
from actions.turns import FAQ_RESPONSES, MAX_ANSWER_CHARS, advance, control, faq_asked, stay
from coproduce.aims import topics
from coproduce.nlp import requests, yes_no
from coproduce.safety.assess import CHECK, EMERGENCY, NONE, NOTHING, URGENT, Assessment
from coproduce.visits.access import InviteCheck

logger = logging.getLogger(__name__)

Events = list[dict[str, Any]]


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
        return stay()
    if not granted.covers(dict(tracker.slots)):
        dispatcher.utter_message(response="utter_not_this_conversation")
        return stay()
    return [*_relinked(tracker, granted), *_answer_turn(dispatcher, tracker, turn)]


#: Topics whose answer is about symptoms (what they want seen to, how health gets in the way,
#: what worries them): a danger said there is kept in the answer too.
_SYMPTOM_TOPICS = frozenset({topics.AIM, topics.ILLNESS_BURDEN, topics.CONCERNS})


def _danger(
    dispatcher: CollectingDispatcher, tracker: Tracker, turn: Turn, assessment: Assessment
) -> Events:
    """Safety first; then what else the message said still answers the open question."""
    requested = tracker.get_slot(REQUESTED_SLOT)
    if assessment.level == EMERGENCY:
        events = safety.emergency(dispatcher, tracker, turn, assessment)
        answer = safety.rest_of(turn, assessment)
        if answer and requested in _SYMPTOM_TOPICS:
            # The danger is part of the answer there: the clinician reads it in the
            # patient's words.
            answer = turn.text[:MAX_ANSWER_CHARS].strip()
    else:
        events = safety.ask_check(dispatcher, tracker, turn, assessment)
        answer = turn.text[:MAX_ANSWER_CHARS].strip() or None
    if callbacks.asked_for(turn, tracker):
        # "... can someone just ring me": safety first, then the number is asked for.
        events = [*events, *callbacks.wanted(turn)]
    answerable = requested in (
        followup.TEXT_SLOTS if is_follow_up(tracker.slots) else topics.TEXT_TOPICS
    )
    if answer and answerable and not tracker.get_slot("edit_topic"):
        events = [*events, SlotSet(requested, answer), *answers.unskip(tracker, requested)]
        return advance(tracker, events, Prompt.SILENT)
    return stay(*events)


def _answer_turn(dispatcher: CollectingDispatcher, tracker: Tracker, turn: Turn) -> Events:
    assessment = safety.assessment_of(turn)
    if assessment.level != NONE and not _safety_open(tracker) and said_before(tracker, turn.text):
        # The same words again after the guidance and the safety question, which the
        # patient answered: the flag is recorded, so now they are the answer to the
        # question, with a reminder of the number (never a loop).
        dispatcher.utter_message(response="utter_safety_reminder", **safety.numbers())
        assessment = NOTHING
    if assessment.level in (EMERGENCY, CHECK):
        noticed = _who_is_typing(tracker, turn)
        return [*noticed, *_danger(dispatcher, tracker, turn, assessment)]
    if tracker.get_slot("safety_check"):
        return safety.check_reply(dispatcher, tracker, turn)
    if tracker.get_slot("safety_pending"):
        return safety.safe_reply(dispatcher, tracker, turn)
    if assessment.level == URGENT:
        # Same-day advice first; the message is still the answer it is.
        safety.urgent(dispatcher, tracker, turn, assessment)
    if tracker.get_slot("delete_pending"):
        return deletion.handle_reply(dispatcher, tracker, turn)
    return [*_who_is_typing(tracker, turn), *_route(dispatcher, tracker, turn)]


def _who_is_typing(tracker: Tracker, turn: Turn) -> Events:
    """Events that record who is typing, heard whatever else the message holds.

    A danger checked first does not lose "I'm writing on behalf of my mother". Later steps of
    this turn see who is answering (the tracker is this request's own copy).
    """
    noticed = respondent.notice(tracker, turn)
    tracker.slots.update({e["name"]: e["value"] for e in noticed})
    return noticed


def _safety_open(tracker: Tracker) -> bool:
    return bool(tracker.get_slot("safety_check") or tracker.get_slot("safety_pending"))


def _route(dispatcher: CollectingDispatcher, tracker: Tracker, turn: Turn) -> Events:
    """Send the message to what handles the open question, after what overrides it."""
    requested = tracker.get_slot(REQUESTED_SLOT)
    if is_follow_up(tracker.slots):
        return followup.turn(dispatcher, tracker, turn, requested)
    if requested == plan.CALLBACK:
        return callbacks.turn(dispatcher, tracker, turn)
    if callbacks.asked_for(turn, tracker):
        answered: Events = []
        if requested == plan.CONSENT and yes_no.said_yes_somewhere(turn.text):
            # "Yes that's fine, but I'd rather talk to someone": both.
            dispatcher.utter_message(response="utter_consent_given")
            answered = [SlotSet("consent", True)]
            tracker.slots["consent"] = True
        elif requested == plan.CONSENT and yes_no.answer(turn.text) == yes_no.NO:
            answered = [
                e
                for e in answers.decline(dispatcher, tracker, "utter_consent_declined")
                if e.get("name") not in (REQUESTED_SLOT, FORM_PROMPT)
            ]
            tracker.slots["consent"] = False
        elif (
            requested in topics.TEXT_TOPICS
            and not tracker.get_slot("edit_topic")
            and requests.says_more_than_the_request(turn.text)
        ):
            # "... I think I need to talk to someone": the answer is kept, then the call-back
            # offered; the question is not asked again after it.
            answered = [
                SlotSet(requested, answers.answer_text(tracker, requested, turn.text)),
                *answers.unskip(tracker, requested),
            ]
            tracker.slots.update({e["name"]: e["value"] for e in answered})
            Conversation(tracker, answered).save()
        return [*answered, *callbacks.offer(dispatcher, tracker, turn)]
    asked = questions.handle(dispatcher, tracker, turn, requested)
    if asked is not None:
        return asked
    if requested == plan.CONSENT:
        faq = faq_asked(turn, anywhere=True)
        if faq is not None:
            dispatcher.utter_message(response=FAQ_RESPONSES[faq])
            if yes_no.read(turn.text).answer != yes_no.YES:
                return stay(prompt=Prompt.REASK)  # answered; the consent question again
        return answers.consent_turn(dispatcher, tracker, turn)
    if requested == plan.RESPONDENT and not faq_asked(turn):
        return answers.respondent_turn(dispatcher, tracker, turn)
    if (
        requested == plan.CONFIRM
        and turn.is_payload
        and turn.intent in ("affirm", "correct", "deny")
    ):
        return handle_confirmation(dispatcher, tracker, turn)
    handled = control(dispatcher, tracker, turn)
    if handled is not None:
        return handled
    if requested == plan.CONFIRM:
        return handle_confirmation(dispatcher, tracker, turn)
    earlier = corrections.correct_earlier(dispatcher, tracker, turn, requested)
    if earlier is not None:
        return earlier
    if requested == topics.BASELINE_RATING:
        return answers.rating_turn(dispatcher, tracker, turn)
    if requested in topics.TEXT_TOPICS:
        return answers.topic_turn(dispatcher, tracker, turn, requested)
    return advance(tracker, [])


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
        return [set_prompt(Prompt.SILENT), SlotSet(REQUESTED_SLOT, None)]
    events: Events = []
    if not tracker.get_slot("visit_id"):
        events = Conversation(tracker).bind(granted)
    elif not granted.covers(dict(tracker.slots)):
        dispatcher.utter_message(response="utter_not_this_conversation")
        return [set_prompt(Prompt.SILENT), SlotSet(REQUESTED_SLOT, None)]
    else:
        events = _relinked(tracker, granted)
    assessment = safety.assessment_of(turn)
    if assessment.level in (EMERGENCY, CHECK) and not _safety_open(tracker):
        # Safety first, even before the welcome: the form asks the safety question next,
        # and the welcome and consent follow once it is answered.
        tracker.slots.update(merged_slots(tracker, events))
        events += _who_is_typing(tracker, turn)
        if assessment.level == EMERGENCY:
            danger = safety.emergency(dispatcher, tracker, turn, assessment)
        else:
            danger = safety.ask_check(dispatcher, tracker, turn, assessment)
        events += [*danger, set_prompt(Prompt.SILENT)]
        return [*events, SlotSet(REQUESTED_SLOT, next_slot(merged_slots(tracker, events)))]
    if tracker.get_slot("safety_check"):
        reply = safety.check_reply(dispatcher, tracker, turn)
        if _slot_in(reply, "safety_check") is not None or _slot_in(reply, "safety_pending"):
            return [*events, *reply, SlotSet(REQUESTED_SLOT, None)]
        events += [e for e in reply if e.get("name") != FORM_PROMPT]
    elif tracker.get_slot("safety_pending"):
        reply = safety.safe_reply(dispatcher, tracker, turn)
        if _slot_in(reply, "safety_pending") is not False:
            return [*events, *reply, SlotSet(REQUESTED_SLOT, None)]
        events += [e for e in reply if e.get("name") not in (FORM_PROMPT, REQUESTED_SLOT)]
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
        faq = faq_asked(turn)
        if faq is not None:
            dispatcher.utter_message(response=FAQ_RESPONSES[faq])
        dispatcher.utter_message(response="utter_already_done")
        return [*events, set_prompt(Prompt.SILENT_DONE), SlotSet(REQUESTED_SLOT, None)]
    started = slots.get("consent") is True
    if not started:
        tracker.slots.update(slots)  # this request's own copy: later steps see the binding
        events += _opening(dispatcher, tracker, turn)
        slots = merged_slots(tracker, events)
    return [
        *events,
        set_prompt(Prompt.WELCOME_BACK if started else Prompt.ASK),
        SlotSet(REQUESTED_SLOT, next_slot(slots)),
    ]


def _opening(dispatcher: CollectingDispatcher, tracker: Tracker, turn: Turn) -> Events:
    """Take what a first message says besides starting.

    Who is typing ("I'm filling this in for my dad"), a question about this chat, a call-back
    ("can I speak to a person instead?"), or a question for the clinician.
    """
    return [*_who_is_typing(tracker, turn), *_opening_asks(dispatcher, tracker, turn)]


def _opening_asks(dispatcher: CollectingDispatcher, tracker: Tracker, turn: Turn) -> Events:
    if turn.is_payload or not turn.text.strip():
        return []
    faq = faq_asked(turn)
    if faq is not None:
        dispatcher.utter_message(response=FAQ_RESPONSES[faq])
        return []
    if callbacks.asked_for(turn, tracker):
        offered = callbacks.offer(dispatcher, tracker, turn)
        return [e for e in offered if e.get("name") not in (REQUESTED_SLOT, FORM_PROMPT)]
    questions.handle(dispatcher, tracker, turn, None)
    return []


class ValidateElicitationForm(Action):
    """The form's validation action: every message inside the form passes through here."""

    def name(self) -> str:
        """Return the form's validation action name: validate_<form>."""
        return f"validate_{FORM}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> Events:
        """Take a message inside the form, or the activation; always name the next question."""
        in_form = (tracker.active_loop or {}).get("name") == FORM
        found = authority.check(authority.latest_hash(tracker))
        with authority.granted(authority.of(found)):
            if in_form and _answers_new_message(tracker):
                events = _in_form_turn(dispatcher, tracker, found)
            else:
                events = _activation(dispatcher, tracker, found)
        return with_next_question(tracker, events)


def with_next_question(tracker: Tracker, events: Events) -> Events:
    """Always name the next question.

    Left to itself, Rasa's form would ask the first empty required slot, which with questions
    asked only when needed is not the one we mean.
    """
    if any(e.get("event") == "slot" and e.get("name") == REQUESTED_SLOT for e in events):
        return events
    return [*events, SlotSet(REQUESTED_SLOT, next_slot(merged_slots(tracker, events)))]


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
