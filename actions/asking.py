"""Ask for the next topic, the way the last turn calls for (first time, again, after an edit)."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.readback import CONFIRM_BUTTONS, summary_card, summary_text
from coproduce.aims import topics
from coproduce.config import get_settings

TOPIC_BUTTONS = [
    {"title": "Skip this one", "payload": "/dont_know"},
    {"title": "Who will see this?", "payload": "/ask_who_sees"},
]
CONSENT_BUTTONS = [
    {"title": "Yes, go ahead", "payload": "/affirm"},
    {"title": "No thanks", "payload": "/deny"},
    {"title": "Who will see this?", "payload": "/ask_who_sees"},
]
RATING_BUTTONS = [{"title": str(n), "payload": str(n)} for n in range(11)] + [
    {"title": "Skip this one", "payload": "/dont_know"}
]
LEADS = {
    "reask": "utter_reask_lead",
    "welcome_back": "utter_welcome_back",
    "edit": "utter_redo_topic",
    "updated": "utter_summary_updated",
}


def response_text(domain: dict[str, Any], name: str, **values: Any) -> str:
    """Return the text of a domain response with its {placeholders} filled."""
    text = str(domain["responses"][name][0]["text"])
    for key, value in values.items():
        text = text.replace("{" + key + "}", str(value))
    return text


def progress(slot: str) -> dict[str, Any]:
    """Say where the patient is: topic n of 8."""
    step = topics.TOPICS.index(slot) + 1 if slot in topics.TOPICS else None
    return {"type": "progress", "topic": slot, "step": step, "total": len(topics.TOPICS)}


class AskForSlot(Action):
    """Base for action_ask_<slot>: compose lead + question + buttons for one slot."""

    slot: str = ""

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    def question(self, tracker: Tracker, domain: dict[str, Any]) -> str:
        return response_text(domain, f"utter_ask_{self.slot}")

    def buttons(self) -> list[dict[str, str]]:
        return TOPIC_BUTTONS

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        prompt = tracker.get_slot("form_prompt")
        if prompt == "silent":
            return []
        if self.slot in topics.TOPICS:
            # The chat widget draws "3 of 8" from this; text-only channels ignore it.
            dispatcher.utter_message(json_message=progress(self.slot))
        lead = LEADS.get(prompt or "")
        text = self.question(tracker, domain)
        if prompt == "next" and self.slot in topics.TOPICS[1:]:
            acks = domain["responses"].get("utter_ack") or [{"text": ""}]
            ack = acks[topics.TOPICS.index(self.slot) % len(acks)]["text"]
            text = f"{ack} {text}".strip()
        elif lead == "utter_reask_lead":
            text = f"{response_text(domain, lead)} {text[0].lower()}{text[1:]}"
        elif lead:
            dispatcher.utter_message(response=lead)
        dispatcher.utter_message(text=text, buttons=self.buttons(), json_message=None)
        return []


class AskConsent(AskForSlot):
    slot = "consent"

    def buttons(self) -> list[dict[str, str]]:
        return CONSENT_BUTTONS

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        prompt = tracker.get_slot("form_prompt")
        if prompt == "silent":
            return []
        if prompt not in ("reask",):
            dispatcher.utter_message(response="utter_intro", clinic_name=get_settings().clinic_name)
        dispatcher.utter_message(response="utter_ask_consent", buttons=CONSENT_BUTTONS)
        return []


def _topic_action(slot_name: str) -> type[AskForSlot]:
    return type(f"Ask_{slot_name}", (AskForSlot,), {"slot": slot_name})


AskAim = _topic_action(topics.AIM)
AskWhatMatters = _topic_action(topics.WHAT_MATTERS)
AskIllnessBurden = _topic_action(topics.ILLNESS_BURDEN)
AskTreatmentBurden = _topic_action(topics.TREATMENT_BURDEN)
AskAssets = _topic_action(topics.ASSETS)
AskSupports = _topic_action(topics.SUPPORTS)
AskImprovementMeasure = _topic_action(topics.IMPROVEMENT_MEASURE)


_REACTION = re.compile(
    r"^(?:wow|hmm+|um+|erm+|well|oh|ooh|ok(?:ay)?|good|great|tough|hard|deep|big|interesting|"
    r"that'?s a|what a|blimey|gosh|crikey)\b[^.!?]{0,30}$",
    re.IGNORECASE,
)
_HEDGE = re.compile(r"[,\s]+(?:i guess|i suppose|i think|maybe|probably|i reckon)[\s.!?]*$", re.I)


def quotable(measure: str) -> str:
    """The patient's measure as quoted back: without an opening reaction or a trailing hedge.

    "wow deep question. fewer hypos I guess" is quoted as "fewer hypos".
    """
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", measure.strip()) if s.strip()]
    while len(sentences) > 1 and _REACTION.match(sentences[0].rstrip(".!?")):
        sentences.pop(0)
    return _HEDGE.sub("", " ".join(sentences)) or measure


class AskBaselineRating(AskForSlot):
    slot = topics.BASELINE_RATING

    def question(self, tracker: Tracker, domain: dict[str, Any]) -> str:
        measure = tracker.get_slot(topics.IMPROVEMENT_MEASURE)
        if not measure or measure == topics.SKIPPED:
            return response_text(domain, "utter_ask_baseline_rating_general")
        quoted = quotable(measure)
        short = quoted if len(quoted) <= 120 else quoted[:117].rstrip() + "..."
        return response_text(domain, "utter_ask_baseline_rating", measure=short)

    def buttons(self) -> list[dict[str, str]]:
        return RATING_BUTTONS


class AskConfirmSummary(AskForSlot):
    slot = "confirm_summary"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        prompt = tracker.get_slot("form_prompt")
        if prompt == "silent":
            return []
        if prompt == "updated":
            dispatcher.utter_message(response="utter_summary_updated")
        slots = dict(tracker.slots)
        dispatcher.utter_message(text=summary_text(slots), json_message=summary_card(slots))
        dispatcher.utter_message(response="utter_ask_confirm_summary", buttons=CONFIRM_BUTTONS)
        return []
