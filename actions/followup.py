"""The follow-up conversation: today's rating on the patient's own measure, and how it went.

Today's rating is asked before the baseline is shown (so the old number does not anchor the
new one); the change is then said back. If the patient had a worry, they are asked whether it
was dealt with; an aim that has changed becomes the headline, with the old one kept.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import plan
from actions.answers import TRIES_BEFORE_MOVING_ON, not_understood, skip
from actions.asking import RATING_BUTTONS, AskForSlot, rated_measure
from actions.context import REQUESTED_SLOT, Turn, next_slot
from actions.prompts import FORM_PROMPT, Prompt, set_prompt
from actions.turns import MAX_ANSWER_CHARS, advance, control, is_skip, stay
from coproduce.aims import topics
from coproduce.config import get_settings
from coproduce.followups.service import GOAL_ATTAINMENT_LABELS
from coproduce.nlp import cues, extraction, vague
from coproduce.nlp.followup_answers import parse_goal_attainment, parse_item_status, says_why
from coproduce.plans.models import ItemStatus

Events = list[dict[str, Any]]
TEXT_SLOTS = ("followup_helped", "followup_barriers", "aim_update", "worry_resolved")
GOAL_BUTTONS = [
    {"title": label, "payload": f'/inform{{"goal_attainment": {score}}}'}
    for score, label in sorted(GOAL_ATTAINMENT_LABELS.items(), reverse=True)
]


def activation(dispatcher: CollectingDispatcher, slots: dict[str, Any], events: Events) -> Events:
    """Open (or reopen) a follow-up: remind the patient of their aim in their own words."""
    if slots.get("followup_done"):
        dispatcher.utter_message(response="utter_followup_already_done")
        return [*events, set_prompt(Prompt.SILENT_DONE), SlotSet(REQUESTED_SLOT, None)]
    started = any(slots.get(name) is not None for name in ("followup_rating", "goal_attainment"))
    return [
        *events,
        set_prompt(Prompt.WELCOME_BACK if started else Prompt.ASK),
        SlotSet(REQUESTED_SLOT, next_slot(slots)),
    ]


def _finish_if_done(tracker: Tracker, events: Events, prompt: Prompt = Prompt.NEXT) -> Events:
    done = [*events, SlotSet("misunderstood", None)]
    slots = {**tracker.slots, **{e["name"]: e["value"] for e in events if e["event"] == "slot"}}
    if next_slot(slots) is None:
        done.append(SlotSet("followup_done", True))
    return advance(tracker, done, prompt=prompt)


def _rating(dispatcher: CollectingDispatcher, tracker: Tracker, turn: Turn) -> Events:
    rating = extraction.parse_rating(turn.text)
    if rating.status == "ok" and rating.value is not None:
        baseline = tracker.get_slot(topics.BASELINE_RATING)
        if isinstance(baseline, int) and not isinstance(baseline, bool):
            # Only now the old number: it must not anchor today's.
            dispatcher.utter_message(
                response="utter_followup_change", baseline=baseline, today=rating.value
            )
        return _finish_if_done(tracker, [SlotSet("followup_rating", rating.value)])
    count, counted = not_understood(tracker, "followup_rating")
    if count >= TRIES_BEFORE_MOVING_ON:
        return skip(
            dispatcher,
            tracker,
            "followup_rating",
            reason="unclear",
            response="utter_moving_on_nothing",
        )
    if rating.status == "out_of_range":
        dispatcher.utter_message(response="utter_rating_out_of_range")
        return stay(counted, prompt=Prompt.REASK)
    return stay(counted, prompt=Prompt.REPHRASE)


def _goal(dispatcher: CollectingDispatcher, tracker: Tracker, turn: Turn) -> Events:
    chosen = turn.entity("goal_attainment")
    score = int(chosen) if chosen is not None else parse_goal_attainment(turn.text)
    if score is not None and -2 <= score <= 2:
        return _finish_if_done(tracker, [SlotSet("goal_attainment", score)])
    count, counted = not_understood(tracker, "goal_attainment")
    if count >= TRIES_BEFORE_MOVING_ON:
        return skip(
            dispatcher,
            tracker,
            "goal_attainment",
            reason="unclear",
            response="utter_moving_on_nothing",
        )
    return stay(counted, prompt=Prompt.REPHRASE)


def _plan_answers(tracker: Tracker) -> dict[str, dict[str, Any]]:
    return {k: dict(v) for k, v in (tracker.get_slot("plan_answers") or {}).items()}


def _item_answered(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    answers: dict[str, dict[str, Any]],
    response: str | None = None,
) -> Events:
    """Keep the answers about the plan's items and go on (after `response`, if one is due)."""
    if response:
        dispatcher.utter_message(response=response)
    prompt = Prompt.ASK if response else Prompt.NEXT
    return _finish_if_done(tracker, [SlotSet("plan_answers", answers)], prompt=prompt)


def _plan_item_turn(
    dispatcher: CollectingDispatcher, tracker: Tracker, turn: Turn, slot: str
) -> Events:
    """Take an answer about a plan item: did they manage it, and what got in the way of it.

    The two questions are `plan_item_status` and `plan_item_barrier`; a skip or two
    misunderstandings leave the question unanswered and go on.
    """
    current = plan.current_plan_item(dict(tracker.slots))
    if current is None:
        return advance(tracker, [], prompt=Prompt.REASK)
    key = current[0]["id"]
    answers = _plan_answers(tracker)
    answer = answers.setdefault(key, {"status": None})
    unanswered = "status" if slot == plan.PLAN_STATUS else "barriers"
    if is_skip(turn):
        answer[unanswered] = None
        return _item_answered(dispatcher, tracker, answers, "utter_skip_ack")
    said = turn.text[:MAX_ANSWER_CHARS].strip()
    if slot == plan.PLAN_STATUS:
        chosen = turn.entity("plan_status")
        status = chosen if chosen in ItemStatus.ALL else parse_item_status(turn.text)
        if status is not None:
            answers[key] = {"status": status}
            if status in plan.NOT_DONE and not turn.is_payload and says_why(turn.text):
                # "partly, my knee was too sore": the reason is already given, in their words;
                # "mostly, missed a few days" is asked what got in the way.
                answers[key]["barriers"] = said
            return _item_answered(dispatcher, tracker, answers)
    elif said and (not vague.is_filler(said) or cues.is_none_answer(said)):
        answer["barriers"] = said
        return _item_answered(dispatcher, tracker, answers)
    count, counted = not_understood(tracker, slot)
    if count >= TRIES_BEFORE_MOVING_ON:
        answer[unanswered] = None
        return _item_answered(dispatcher, tracker, answers, "utter_moving_on_nothing")
    return stay(counted, prompt=Prompt.REPHRASE)


def turn(
    dispatcher: CollectingDispatcher, tracker: Tracker, turn: Turn, requested: str | None
) -> Events:
    """Take one message of the follow-up conversation."""
    button = turn.is_payload and (
        (requested == "goal_attainment" and turn.entity("goal_attainment") is not None)
        or (requested == plan.PLAN_STATUS and turn.entity("plan_status") is not None)
    )
    handled = None if button else control(dispatcher, tracker, turn)
    if handled is not None:
        return handled
    if requested in (plan.PLAN_STATUS, plan.PLAN_BARRIER):
        return _plan_item_turn(dispatcher, tracker, turn, requested)
    if requested and is_skip(turn):
        return skip(dispatcher, tracker, requested)
    if requested == "followup_rating":
        return _rating(dispatcher, tracker, turn)
    if requested == "goal_attainment":
        return _goal(dispatcher, tracker, turn)
    if requested in TEXT_SLOTS and turn.text and not vague.is_filler(turn.text):
        return _finish_if_done(tracker, [SlotSet(requested, turn.text[:MAX_ANSWER_CHARS].strip())])
    if requested in TEXT_SLOTS:
        count, counted = not_understood(tracker, requested)
        if count >= TRIES_BEFORE_MOVING_ON:
            return skip(
                dispatcher, tracker, requested, reason="unclear", response="utter_moving_on_nothing"
            )
        return stay(counted, prompt=Prompt.REPHRASE)
    return advance(tracker, [], prompt=Prompt.REASK)


def _quote(value: Any) -> str | None:
    return None if value in (None, topics.SKIPPED) else str(value)


class AskFollowUpSlot(AskForSlot):
    """Base for the follow-up's action_ask_<slot> actions."""


class AskFollowUpRating(AskFollowUpSlot):
    """Ask for today's rating on the patient's own measure, 0-10."""

    slot = "followup_rating"

    def buttons(self) -> list[dict[str, str]]:
        """Return one button per rating, 0 to 10, and skip."""
        return RATING_BUTTONS

    def question(self, tracker: Tracker, domain: dict[str, Any]) -> str:
        """Return the question: about the patient's measure, or general when they gave none."""
        from actions.asking import response_text

        if rated_measure(tracker) is None:
            return response_text(domain, "utter_ask_followup_rating_general")
        return response_text(domain, "utter_ask_followup_rating")

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> Events:
        """At the start, introduce the follow-up and remind the patient of their aim; then ask."""
        prompt = tracker.get_slot(FORM_PROMPT)
        if prompt == Prompt.ASK and tracker.get_slot("last_asked") is None:
            settings = get_settings()
            dispatcher.utter_message(
                response="utter_followup_intro", clinic_name=settings.clinic_name
            )
            aim = _quote(tracker.get_slot(topics.AIM))
            measure = rated_measure(tracker)
            if aim and measure:
                dispatcher.utter_message(
                    response="utter_followup_reminder", aim=aim, measure=measure
                )
        return await super().run(dispatcher, tracker, domain)


class AskGoalAttainment(AskFollowUpSlot):
    """Ask how it has gone compared with what the patient hoped (Goal Attainment Scaling)."""

    slot = "goal_attainment"

    def buttons(self) -> list[dict[str, str]]:
        """Return one button per answer on the -2..+2 scale."""
        return GOAL_BUTTONS


class AskWorryResolved(AskFollowUpSlot):
    """Ask whether the worry the patient had before the visit was dealt with."""

    slot = "worry_resolved"

    def question(self, tracker: Tracker, domain: dict[str, Any]) -> str:
        """Return the question, quoting the patient's worry (shortened)."""
        from actions.asking import response_text

        worry = _quote(tracker.get_slot(topics.CONCERNS)) or ""
        short = worry if len(worry) <= 100 else worry[:97].rstrip() + "..."
        return response_text(domain, "utter_ask_worry_resolved", worry=short)


class AskFollowUpHelped(AskFollowUpSlot):
    """Ask what has helped since the visit."""

    slot = "followup_helped"


class AskFollowUpBarriers(AskFollowUpSlot):
    """Ask what has got in the way since the visit."""

    slot = "followup_barriers"


class AskAimUpdate(AskFollowUpSlot):
    """Ask whether what the patient wants is still the same, or has changed."""

    slot = "aim_update"


PLAN_STATUS_BUTTONS = [
    {"title": "Yes, done", "payload": '/inform{"plan_status": "done"}'},
    {"title": "Partly", "payload": '/inform{"plan_status": "partly"}'},
    {"title": "Not yet", "payload": '/inform{"plan_status": "not_yet"}'},
    {"title": "Skip this one", "payload": "/dont_know"},
]


def _item_words(tracker: Tracker) -> str:
    current = plan.current_plan_item(dict(tracker.slots))
    what = str(current[0].get("what") or "") if current else ""
    return what if len(what) <= 140 else what[:137].rstrip() + "..."


class AskPlanItem(AskFollowUpSlot):
    """Base for the two questions asked about each plan item.

    The item is quoted, and the question is put afresh for the next item (never "So, when
    you're ready:" because the last item was asked the same way).
    """

    def asked_key(self, tracker: Tracker) -> str:
        """Return the slot and the item now asked about, so each item is asked afresh."""
        current = plan.current_plan_item(dict(tracker.slots))
        return f"{self.slot}:{current[0]['id']}" if current else self.slot

    def values(self, tracker: Tracker) -> dict[str, Any]:
        """Return the item's words (shortened), quoted in the question."""
        return {"what": _item_words(tracker)}

    def question(self, tracker: Tracker, domain: dict[str, Any]) -> str:
        """Return the question, quoting the item."""
        from actions.asking import response_text

        return response_text(domain, f"utter_ask_{self.slot}", **self.values(tracker))


class AskPlanItemStatus(AskPlanItem):
    """Ask "At your visit you agreed: ... Did you manage it?" for each of the patient's items."""

    slot = plan.PLAN_STATUS

    def buttons(self) -> list[dict[str, str]]:
        """Return "Yes, done", "Partly", "Not yet" and skip."""
        return PLAN_STATUS_BUTTONS


class AskPlanItemBarrier(AskPlanItem):
    """Ask "What got in the way?" when an item was done only partly or not yet."""

    slot = plan.PLAN_BARRIER
