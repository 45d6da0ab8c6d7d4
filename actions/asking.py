"""Ask for the next topic, the way the last turn calls for, and never the same way twice in a row.

The validation action says how the next question should be put (the `form_prompt` slot, one
of `Prompt`); each ask action also remembers how it last put its question (`last_asked`), so
a question asked again is put differently: first plainly, then "So, when you're ready:"
before it, then reworded with an example (`utter_explain_<slot>`), and so on.
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import plan
from actions.prompts import FORM_PROMPT, Prompt
from actions.readback import CONFIRM_BUTTONS, summary_card, summary_text
from actions.respondent import answering_for_someone
from coproduce.aims import topics
from coproduce.config import get_settings
from coproduce.safety.guidance import CHECK_BUTTONS, check_response

Events = list[dict[str, Any]]


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
RESPONDENT_BUTTONS = [
    {"title": "No, I'm the patient", "payload": "/deny"},
    {"title": "Skip this one", "payload": "/dont_know"},
]
LEADS = {
    Prompt.WELCOME_BACK: "utter_welcome_back",
    # A topic asked after an edit: the summary is not shown (AskConfirmSummary says so there).
    Prompt.UPDATED: "utter_changed_earlier",
    Prompt.EDIT: "utter_redo_topic",
}


def response_text(domain: dict[str, Any], name: str, **values: Any) -> str:
    """Return the text of a domain response with its {placeholders} filled."""
    text = str(domain["responses"][name][0]["text"])
    for key, value in values.items():
        text = text.replace("{" + key + "}", str(value))
    return text


_FRESH = frozenset({Prompt.NEXT, Prompt.WELCOME_BACK, Prompt.UPDATED, Prompt.EDIT})


def form_of(slot: str, prompt: str | None, last: dict[str, Any] | None) -> str:
    """Choose how to put a question: "ask", "reask" or "rephrase", never twice the same."""
    last = last or {}
    previous = last.get("form") if last.get("slot") == slot else None
    if prompt == Prompt.REPHRASE:
        return "reask" if previous == "rephrase" else "rephrase"
    if previous is None or prompt in _FRESH:
        return "ask" if previous != "ask" else "reask"
    return {"ask": "reask", "reask": "rephrase", "rephrase": "reask"}.get(str(previous), "reask")


class AskForSlot(Action):
    """Base for action_ask_<slot>: compose lead + question + buttons for one slot."""

    slot: str = ""

    def name(self) -> str:
        """Return the action's name: action_ask_<slot>."""
        return f"action_ask_{self.slot}"

    def question(self, tracker: Tracker, domain: dict[str, Any]) -> str:
        """Return the question as first put: the domain's utter_ask_<slot>."""
        return response_text(domain, f"utter_ask_{self.slot}")

    def rephrased(self, tracker: Tracker, domain: dict[str, Any]) -> str:
        """Return the question reworded with an example (utter_explain_<slot>), or as first put."""
        name = f"utter_explain_{self.slot}"
        if name in domain.get("responses", {}):
            return response_text(domain, name, **self.values(tracker))
        return self.question(tracker, domain)

    def values(self, tracker: Tracker) -> dict[str, Any]:
        """Return the values of the {placeholders} in the reworded question (none by default)."""
        return {}

    def asked_key(self, tracker: Tracker) -> str:
        """What "asked the same way twice" is judged on: the slot, or one item of it."""
        return self.slot

    def buttons(self) -> list[dict[str, str]]:
        """Return the buttons under the question: skip it, or ask who will see the answers."""
        return TOPIC_BUTTONS

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> Events:
        """Put the question the way the last turn calls for, and remember how it was put."""
        prompt = tracker.get_slot(FORM_PROMPT)
        if prompt in (Prompt.SILENT, Prompt.SILENT_DONE):
            return []
        key = self.asked_key(tracker)
        form = form_of(key, prompt, tracker.get_slot("last_asked"))
        shown = plan.progress(self.slot)
        if shown is not None:
            # The chat widget draws "3 of 11" from this; text-only channels ignore it.
            dispatcher.utter_message(json_message=shown)
        lead = LEADS.get(Prompt(prompt)) if prompt in Prompt._value2member_map_ else None
        if lead and form == "ask":
            dispatcher.utter_message(response=lead)
        if form == "rephrase":
            text = self.rephrased(tracker, domain)
        else:
            text = self.question(tracker, domain)
        if form == "reask":
            text = f"{response_text(domain, 'utter_reask_lead')} {text[0].lower()}{text[1:]}"
        elif form == "ask" and prompt == Prompt.NEXT and self.slot in topics.TOPICS[1:]:
            acks = domain["responses"].get("utter_ack") or [{"text": ""}]
            ack = acks[topics.TOPICS.index(self.slot) % len(acks)]["text"]
            text = f"{ack} {text}".strip()
        dispatcher.utter_message(text=text, buttons=self.buttons())
        return [SlotSet("last_asked", {"slot": key, "form": form})]


class AskConsent(AskForSlot):
    """Ask whether the patient agrees to go ahead and share their answers with the clinician."""

    slot = "consent"

    def buttons(self) -> list[dict[str, str]]:
        """Return "Yes, go ahead", "No thanks" and "Who will see this?"."""
        return CONSENT_BUTTONS

    def question(self, tracker: Tracker, domain: dict[str, Any]) -> str:
        """Return the consent question, worded for someone else when a proxy is suspected."""
        proxy = answering_for_someone(tracker)
        return response_text(domain, "utter_ask_consent_proxy" if proxy else "utter_ask_consent")

    def rephrased(self, tracker: Tracker, domain: dict[str, Any]) -> str:
        """Return the question put again after an answer that was neither a yes nor a no."""
        return response_text(domain, "utter_consent_unclear")

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> Events:
        """Introduce the clinic and the emergency number the first time, then ask for consent."""
        prompt = tracker.get_slot(FORM_PROMPT)
        if prompt in (Prompt.SILENT, Prompt.SILENT_DONE):
            return []
        form = form_of(self.slot, prompt, tracker.get_slot("last_asked"))
        if form == "ask":
            settings = get_settings()
            dispatcher.utter_message(
                response="utter_intro",
                clinic_name=settings.clinic_name,
                emergency_number=settings.emergency_number,
            )
        text = (
            self.rephrased(tracker, domain)
            if form == "rephrase"
            else self.question(tracker, domain)
        )
        dispatcher.utter_message(text=text, buttons=CONSENT_BUTTONS)
        return [SlotSet("last_asked", {"slot": self.slot, "form": form})]


class AskRespondent(AskForSlot):
    """Ask whether someone else is answering for the patient, and who they are to them."""

    slot = "respondent"

    def buttons(self) -> list[dict[str, str]]:
        """Return "No, I'm the patient" and skip."""
        return RESPONDENT_BUTTONS


class AskCallbackPhone(AskForSlot):
    """Ask for a phone number the clinic can call back on."""

    slot = "callback_phone"

    def buttons(self) -> list[dict[str, str]]:
        """Return a "No thanks" button, to carry on without a call-back."""
        return [{"title": "No thanks", "payload": "/deny"}]

    def question(self, tracker: Tracker, domain: dict[str, Any]) -> str:
        """Return the question, naming the clinic that will call."""
        return response_text(
            domain, "utter_ask_callback_phone", clinic_name=get_settings().clinic_name
        )


def _topic_action(slot_name: str) -> type[AskForSlot]:
    return type(f"Ask_{slot_name}", (AskForSlot,), {"slot": slot_name})


AskAim = _topic_action(topics.AIM)
AskWhatMatters = _topic_action(topics.WHAT_MATTERS)
AskIllnessBurden = _topic_action(topics.ILLNESS_BURDEN)
AskTreatmentBurden = _topic_action(topics.TREATMENT_BURDEN)
AskOneThing = _topic_action(topics.ONE_THING)
AskConcerns = _topic_action(topics.CONCERNS)
AskExpectations = _topic_action(topics.EXPECTATIONS)
AskAssets = _topic_action(topics.ASSETS)
AskSupports = _topic_action(topics.SUPPORTS)
AskCarePreferences = _topic_action(topics.CARE_PREFERENCES)
AskImprovementMeasure = _topic_action(topics.IMPROVEMENT_MEASURE)
AskImprovementDetail = _topic_action(topics.IMPROVEMENT_DETAIL)


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


def rated_measure(tracker: Tracker) -> str | None:
    """The measure the rating is about: the specific one when the probe was asked."""
    for topic in (topics.IMPROVEMENT_DETAIL, topics.IMPROVEMENT_MEASURE):
        value = tracker.get_slot(topic)
        if value and value != topics.SKIPPED:
            return str(value)
    return None


class AskBaselineRating(AskForSlot):
    """Ask the patient to rate their own measure today, 0-10: the baseline."""

    slot = topics.BASELINE_RATING

    def question(self, tracker: Tracker, domain: dict[str, Any]) -> str:
        """Return the question, quoting the patient's measure (shortened) when they gave one."""
        measure = rated_measure(tracker)
        if not measure:
            return response_text(domain, "utter_ask_baseline_rating_general")
        quoted = quotable(measure)
        short = quoted if len(quoted) <= 120 else quoted[:117].rstrip() + "..."
        return response_text(domain, "utter_ask_baseline_rating", measure=short)

    def buttons(self) -> list[dict[str, str]]:
        """Return one button per rating, 0 to 10, and skip."""
        return RATING_BUTTONS


class AskConfirmSummary(AskForSlot):
    """Show the summary of the patient's answers and ask whether it is right."""

    slot = "confirm_summary"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> Events:
        """Show the summary (said to be updated after an edit) and ask to confirm it."""
        prompt = tracker.get_slot(FORM_PROMPT)
        if prompt in (Prompt.SILENT, Prompt.SILENT_DONE):
            return []
        if prompt == Prompt.UPDATED:
            dispatcher.utter_message(response="utter_summary_updated")
        slots = dict(tracker.slots)
        dispatcher.utter_message(text=summary_text(slots), json_message=summary_card(slots))
        dispatcher.utter_message(response="utter_ask_confirm_summary", buttons=CONFIRM_BUTTONS)
        return [SlotSet("last_asked", {"slot": self.slot, "form": "ask"})]


class AskSafetyCheck(AskForSlot):
    """Ask the check question again (after a break); the validation action asks it first."""

    slot = "safety_check"

    def buttons(self) -> list[dict[str, str]]:
        """Return the buttons that answer the safety check question."""
        return CHECK_BUTTONS

    def question(self, tracker: Tracker, domain: dict[str, Any]) -> str:
        """Return the check question for the dangers still to be asked about."""
        pending = tracker.get_slot("safety_check") or {}
        return response_text(domain, check_response(list(pending.get("ask_about") or [])))


class AskSafeToContinue(AskForSlot):
    """Ask "are you safe to carry on?" again (after a break)."""

    slot = "safe_to_continue"

    def buttons(self) -> list[dict[str, str]]:
        """Return "Yes, I'm safe to carry on" and "No"."""
        return [
            {"title": "Yes, I'm safe to carry on", "payload": "/affirm"},
            {"title": "No", "payload": "/deny"},
        ]

    def question(self, tracker: Tracker, domain: dict[str, Any]) -> str:
        """Return the question, as in the domain."""
        return response_text(domain, "utter_ask_safe_to_continue")
