"""Safety comes first: every message's urgency is acted on in the same turn.

The urgency of a message is decided once, before the actions see it (`coproduce.safety.assess`,
carried in the message's metadata and its red_flag_category entities). Here it is acted on:

- emergency: the guidance at once (phrased for the person typing when the danger is someone
  else's), recorded for the clinic, then "are you safe to carry on?";
- check: one plain question first ("is this happening right now?"); yes leads to the
  emergency guidance, no carries on;
- urgent: same-day advice ("contact your practice today or call 111"), recorded, and the
  conversation goes on with the message taken as the answer it is.

What else the message said still counts as the answer to the open question, and the patient's
reply to "are you safe to carry on?" is kept with the flag.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import authority
from actions.context import REQUESTED_SLOT, Turn
from actions.conversation import Conversation
from actions.prompts import Prompt, set_prompt
from coproduce.config import get_settings
from coproduce.nlp import cues
from coproduce.safety.assess import CHECK, EMERGENCY, NOTHING, URGENT, Assessment
from coproduce.safety.guidance import CHECK_BUTTONS, check_response, guidance_response

logger = logging.getLogger(__name__)

Events = list[dict[str, Any]]
EXTRACTOR = "RedFlagClassifier"
SAFE_BUTTONS = [
    {"title": "Yes, I'm safe to carry on", "payload": "/affirm"},
    {"title": "No", "payload": "/deny"},
]
#: The least a message must keep, once its danger sentences are set aside, to be an answer.
MIN_ANSWER_WORDS = 3


def assessment_of(turn: Turn) -> Assessment:
    """Return the urgency decided for this message (never decided again here).

    The NLU component puts it in the red_flag_category entities; the chat channel puts the
    same in the message metadata (used when the NLU component did not run).
    """
    if turn.is_payload:
        return NOTHING
    for entity in turn.entities:
        if entity.get("entity") == "red_flag_category" and entity.get("extractor") == EXTRACTOR:
            found = Assessment.from_metadata(entity.get("assessment"))
            if found is not None:
                return found
    return Assessment.from_metadata(turn.safety) or NOTHING


#: Sent with safety guidance: the chat page shows it as an alert (`role="alert"`).
GUIDANCE_SHOWN = {"type": "safety_guidance", "level": "emergency"}
URGENT_ADVICE_SHOWN = {"type": "safety_guidance", "level": "urgent"}


def numbers() -> dict[str, str]:
    """The numbers and advice every safety message may name."""
    settings = get_settings()
    return {
        "emergency_number": settings.emergency_number,
        "crisis_line": settings.crisis_line,
        "urgent_advice": settings.urgent_advice,
    }


def guide(dispatcher: CollectingDispatcher, assessment: Assessment) -> str:
    """Give the emergency guidance for the most serious category; return the response name."""
    response = guidance_response(list(assessment.categories), about=assessment.about)
    # The custom part tells the chat page to show the text as an alert, apart from the chat.
    dispatcher.utter_message(response=response, json_message=GUIDANCE_SHOWN, **numbers())
    return response


def _record(
    tracker: Tracker, turn: Turn, assessment: Assessment, *, level: str, guidance: str
) -> list[str]:
    return Conversation(tracker).record_red_flags(
        message_id=turn.message_id,
        text=turn.text,
        categories=list(assessment.categories) or ["other"],
        urgency=level,
        about=assessment.about,
        guidance=guidance,
    )


def rest_of(turn: Turn, assessment: Assessment) -> str | None:
    """Return what the message says besides its danger sentences, if it is an answer."""
    text = turn.text
    if assessment.spans == ((0, len(text)),) or not assessment.spans:
        return None
    kept, position = [], 0
    for start, end in sorted(assessment.spans):
        kept.append(text[position:start])
        position = max(position, end)
    kept.append(text[position:])
    rest = " ".join(" ".join(kept).split()).strip(" ,.;")
    return rest if len(rest.split()) >= MIN_ANSWER_WORDS else None


def emergency(
    dispatcher: CollectingDispatcher, tracker: Tracker, turn: Turn, assessment: Assessment
) -> Events:
    """Give the guidance now, record it, and ask whether the patient is safe to carry on."""
    guidance = guide(dispatcher, assessment)
    keys = _record(tracker, turn, assessment, level=EMERGENCY, guidance=guidance)
    dispatcher.utter_message(response="utter_ask_safe_to_continue", buttons=SAFE_BUTTONS)
    return [SlotSet("safety_pending", True), SlotSet("safety_flags", keys)]


def ask_check(
    dispatcher: CollectingDispatcher, tracker: Tracker, turn: Turn, assessment: Assessment
) -> Events:
    """Ask one plain question before deciding: is this happening right now?"""
    # A rule names the danger, so the question can be about it; the classifier alone is
    # not sure what it saw ("can't sleep for the pain"), so the question is the general one.
    named = list(assessment.categories) if assessment.by_rule else []
    dispatcher.utter_message(response=check_response(named), buttons=CHECK_BUTTONS)
    # For the chat page and clinic systems: a check question is open, and what it is about.
    dispatcher.utter_message(
        json_message={"type": "safety_check", "category": named[0] if named else "general"}
    )
    pending = {
        "categories": list(assessment.categories),
        "ask_about": named,
        "about": assessment.about,
        "message_id": turn.message_id,
        "asked": 1,
        "fallback": assessment.fallback,
    }
    return [SlotSet("safety_check", pending)]


def urgent(
    dispatcher: CollectingDispatcher, tracker: Tracker, turn: Turn, assessment: Assessment
) -> None:
    """Give same-day advice and let the clinic know; the conversation goes on."""
    dispatcher.utter_message(
        response="utter_safety_urgent", json_message=URGENT_ADVICE_SHOWN, **numbers()
    )
    _record(tracker, turn, assessment, level=URGENT, guidance="utter_safety_urgent")


def _message_text(tracker: Tracker, message_id: str | None) -> str:
    for event in reversed(tracker.events):
        if event.get("event") == "user" and (
            message_id is None or event.get("message_id") == message_id
        ):
            return str(event.get("text") or "")
    return ""


def check_reply(dispatcher: CollectingDispatcher, tracker: Tracker, turn: Turn) -> Events:
    """Act on the answer to the check question: yes is an emergency, anything else carries on.

    A reply that is neither yes nor no (the patient went on to something else) is not asked
    again: the conversation carries on, with the emergency number said once more. A reply
    that itself signals danger has already been acted on before this is reached.
    """
    pending = tracker.get_slot("safety_check") or {}
    said = _yes_no(turn)
    if said in ("deny", None):
        # Nothing is flagged; the clinician still sees what was asked, why and the answer.
        asked_about = list(pending.get("ask_about") or [])
        Conversation(tracker).record_safety_check(
            message_id=pending.get("message_id"),
            category=asked_about[0] if asked_about else "general",
            text=_message_text(tracker, pending.get("message_id")),
            answer=turn.text,
        )
    if said == "deny" and pending.get("fallback") == URGENT:
        # Not an emergency now, but the message read as needing a clinician today.
        same_day = Assessment(URGENT, tuple(pending.get("categories") or ()))
        urgent(dispatcher, tracker, _original(tracker, turn, pending), same_day)
        return [SlotSet("safety_check", None), set_prompt(Prompt.ASK)]
    if said == "deny":
        # After the general question a "no" needs nothing more; after a question about one
        # kind of danger, the clinician should hear about it at the visit.
        named = bool(pending.get("ask_about"))
        dispatcher.utter_message(
            response="utter_safety_check_no" if named else "utter_safety_check_no_general"
        )
        return [SlotSet("safety_check", None), set_prompt(Prompt.ASK)]
    if said is None:
        dispatcher.utter_message(response="utter_safety_check_unclear", **numbers())
        return [SlotSet("safety_check", None), set_prompt(Prompt.ASK)]
    assessment = Assessment(
        EMERGENCY,
        tuple(pending.get("categories") or ()),
        "someone_else" if pending.get("about") == "someone_else" else "patient",
    )
    events = emergency(dispatcher, tracker, _original(tracker, turn, pending), assessment)
    return [SlotSet("safety_check", None), *events, set_prompt(Prompt.SILENT)]


def _original(tracker: Tracker, turn: Turn, pending: dict[str, Any]) -> Turn:
    """The message the check question was asked about."""
    return Turn(
        text=_message_text(tracker, pending.get("message_id")),
        intent=None,
        confidence=0.0,
        entities=(),
        token=turn.token,
        message_id=pending.get("message_id"),
    )


def _yes_no(turn: Turn) -> str | None:
    if not turn.is_payload:
        said = cues.safe_answer(turn.text)
        if said is not None:
            return said
    return turn.intent if turn.intent in ("affirm", "deny") else None


def safe_reply(dispatcher: CollectingDispatcher, tracker: Tracker, turn: Turn) -> Events:
    """Act on the answer to "are you safe to carry on?"; keep it with the flag."""
    said = _yes_no(turn)
    Conversation(tracker).record_safety_reply(
        keys=list(tracker.get_slot("safety_flags") or []),
        reply=turn.text,
        safe=said != "deny",
    )
    if said is None:
        # Neither yes nor no: carry on, and say the number once more.
        dispatcher.utter_message(response="utter_safe_continue_unclear", **numbers())
    if said != "deny":
        if said == "affirm":
            dispatcher.utter_message(response="utter_safe_continue")
        return [
            SlotSet("safety_pending", False),
            SlotSet("safety_flags", None),
            set_prompt(Prompt.ASK),
        ]
    dispatcher.utter_message(response="utter_safety_stop", **numbers())
    return [
        SlotSet("safety_pending", False),
        SlotSet("safety_flags", None),
        SlotSet("safety_stop", True),
        set_prompt(Prompt.SILENT),
        SlotSet(REQUESTED_SLOT, None),
    ]


def refused_guidance(dispatcher: CollectingDispatcher, turn: Turn) -> None:
    """Safety guidance for a message that cannot be saved (its link is dead): nothing stored."""
    assessment = assessment_of(turn)
    if assessment.level in (EMERGENCY, CHECK):
        guide(dispatcher, assessment)
    elif assessment.level == URGENT:
        dispatcher.utter_message(response="utter_safety_urgent", **numbers())


class ActionRedFlag(Action):
    """A message that needs safety first outside the form (before it starts or after it ends)."""

    def name(self) -> str:
        """Return the action's name."""
        return "action_red_flag"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> Events:
        """Answer the message's danger: an emergency, a check question, or urgent guidance."""
        turn = Turn.from_tracker(tracker)
        assessment = assessment_of(turn)
        with authority.granted(authority.of(authority.check(authority.latest_hash(tracker)))):
            if assessment.level == CHECK:
                return ask_check(dispatcher, tracker, turn, assessment)
            if assessment.level == URGENT:
                urgent(dispatcher, tracker, turn, assessment)
                return []
            if assessment.level != EMERGENCY:
                # The classifier's intent alone, with nothing behind it: safest to ask.
                assessment = Assessment(CHECK, ("self_harm",))
                return ask_check(dispatcher, tracker, turn, assessment)
            return emergency(dispatcher, tracker, turn, assessment)
