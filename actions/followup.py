"""The follow-up conversation: today's rating on the patient's own measure, and how it went."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.asking import LEADS, RATING_BUTTONS, AskForSlot, response_text
from actions.context import REQUESTED_SLOT, Turn, next_slot
from actions.turns import MAX_ANSWER_CHARS, advance, control, is_skip, set_prompt, stay
from coproduce.aims import topics
from coproduce.config import get_settings
from coproduce.followups.service import GOAL_ATTAINMENT_LABELS
from coproduce.nlp import extraction

Events = list[dict[str, Any]]
TEXT_SLOTS = ("followup_helped", "followup_barriers", "aim_update")
GOAL_BUTTONS = [
    {"title": label, "payload": f'/inform{{"goal_attainment": {score}}}'}
    for score, label in sorted(GOAL_ATTAINMENT_LABELS.items(), reverse=True)
]
_GOAL_PATTERNS: list[tuple[int, str]] = [
    (2, r"\b(much|lot|way|far|loads|so much) better\b|\bbrilliant\b|\bfantastic\b|\bexcellent\b"),
    (-2, r"\b(much|lot|way|far|loads) worse\b|\bterrible\b|\bawful\b|\bdisaster\b"),
    (-1, r"\bnot (as|so|that|very) (good|well|great)\b|\bnot great\b|\bno better\b"),
    (1, r"\b(a bit|bit|slightly|little|somewhat)? ?better\b|\bimproved\b|\bgood\b"),
    (-1, r"\b(a bit|bit|slightly|little|somewhat)? ?worse\b|\bdisappoint"),
    (0, r"\bas (i )?(hoped|expected)\b|\babout (what|right)\b|\bthe same\b|\bok\b|\bfine\b"),
]


def parse_goal_attainment(text: str) -> int | None:
    """Map the patient's words to Goal Attainment Scaling: -2 (much worse) .. +2 (much better)."""
    lowered = text.lower()
    if re.fullmatch(r"\s*[+-]?[0-2]\s*", lowered):
        return int(lowered)
    for score, pattern in _GOAL_PATTERNS:
        if re.search(pattern, lowered):
            return score
    return None


def activation(dispatcher: CollectingDispatcher, slots: dict[str, Any], events: Events) -> Events:
    """Open (or reopen) a follow-up: remind the patient of their aim in their own words."""
    if slots.get("followup_done"):
        dispatcher.utter_message(response="utter_followup_already_done")
        return [*events, set_prompt("silent_done"), SlotSet(REQUESTED_SLOT, None)]
    started = slots.get("followup_rating") is not None
    return [
        *events,
        set_prompt("welcome_back" if started else "ask"),
        SlotSet(REQUESTED_SLOT, next_slot(slots)),
    ]


def _finish_if_done(tracker: Tracker, events: Events) -> Events:
    done = [*events]
    slots = {**tracker.slots, **{e["name"]: e["value"] for e in events if e["event"] == "slot"}}
    if next_slot(slots) is None:
        done.append(SlotSet("followup_done", True))
    return advance(tracker, done)


def turn(
    dispatcher: CollectingDispatcher, tracker: Tracker, turn: Turn, requested: str | None
) -> Events:
    """Take one message of the follow-up conversation."""
    handled = control(dispatcher, tracker, turn)
    if handled is not None and not (
        requested == "goal_attainment"
        and turn.is_payload
        and turn.entity("goal_attainment") is not None
    ):
        return handled
    if requested and is_skip(turn):
        dispatcher.utter_message(response="utter_skip_ack")
        return _finish_if_done(tracker, [SlotSet(requested, topics.SKIPPED)])
    if requested == "followup_rating":
        rating = extraction.parse_rating(turn.text)
        if rating.status == "ok":
            return _finish_if_done(tracker, [SlotSet(requested, rating.value)])
        name = (
            "utter_rating_out_of_range"
            if rating.status == "out_of_range"
            else ("utter_rating_unclear")
        )
        dispatcher.utter_message(response=name, buttons=RATING_BUTTONS)
        return stay()
    if requested == "goal_attainment":
        chosen = turn.entity("goal_attainment")
        score = int(chosen) if chosen is not None else parse_goal_attainment(turn.text)
        if score is None or not -2 <= score <= 2:
            dispatcher.utter_message(response="utter_goal_attainment_unclear", buttons=GOAL_BUTTONS)
            return stay()
        return _finish_if_done(tracker, [SlotSet(requested, score)])
    if requested in TEXT_SLOTS and turn.text:
        return _finish_if_done(tracker, [SlotSet(requested, turn.text[:MAX_ANSWER_CHARS].strip())])
    return stay(prompt="reask")


def _quote(value: Any) -> str | None:
    return None if value in (None, topics.SKIPPED) else str(value)


class AskFollowUpSlot(AskForSlot):
    """Base for the follow-up's action_ask_<slot> actions: an introduction may come first."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        prompt = tracker.get_slot("form_prompt")
        if prompt in ("silent", "silent_done"):
            return []
        lead = LEADS.get(prompt or "")
        if lead and lead != "utter_reask_lead":
            dispatcher.utter_message(response=lead)
        self.introduce(dispatcher, tracker, prompt)
        text = self.question(tracker, domain)
        if lead == "utter_reask_lead":
            text = f"{response_text(domain, lead)} {text[0].lower()}{text[1:]}"
        dispatcher.utter_message(text=text, buttons=self.buttons())
        return []

    def introduce(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, prompt: str | None
    ) -> None:
        return None


class AskFollowUpRating(AskFollowUpSlot):
    slot = "followup_rating"

    def buttons(self) -> list[dict[str, str]]:
        return RATING_BUTTONS

    def question(self, tracker: Tracker, domain: dict[str, Any]) -> str:
        if _quote(tracker.get_slot(topics.IMPROVEMENT_MEASURE)) is None:
            return response_text(domain, "utter_ask_followup_rating_general")
        return response_text(domain, "utter_ask_followup_rating")

    def introduce(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, prompt: str | None
    ) -> None:
        if prompt != "ask":
            return
        dispatcher.utter_message(
            response="utter_followup_intro", clinic_name=get_settings().clinic_name
        )
        aim = _quote(tracker.get_slot(topics.AIM))
        measure = _quote(tracker.get_slot(topics.IMPROVEMENT_MEASURE))
        if aim and measure:
            dispatcher.utter_message(response="utter_followup_reminder", aim=aim, measure=measure)
        baseline = tracker.get_slot(topics.BASELINE_RATING)
        if isinstance(baseline, int) and not isinstance(baseline, bool):
            dispatcher.utter_message(response="utter_followup_reminder_baseline", baseline=baseline)


class AskGoalAttainment(AskFollowUpSlot):
    slot = "goal_attainment"

    def buttons(self) -> list[dict[str, str]]:
        return GOAL_BUTTONS


class AskFollowUpHelped(AskFollowUpSlot):
    slot = "followup_helped"


class AskFollowUpBarriers(AskFollowUpSlot):
    slot = "followup_barriers"


class AskAimUpdate(AskFollowUpSlot):
    slot = "aim_update"
