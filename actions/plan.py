"""Which question comes next: the one place for the order and for when a question is needed.

Pre-visit: consent; who is answering (only when someone seems to be typing for the patient);
the topics in `coproduce.aims.topics` order, the conditional ones only when needed; a
call-back request whenever the patient asks for one; the read-back. Follow-up: today's
rating, how it went, whether the worry was dealt with (only if there was one), what helped,
what got in the way, and whether the aim still stands.
"""

from __future__ import annotations

from typing import Any

from coproduce.aims import topics
from coproduce.followups.service import FOLLOWUP_TOPICS
from coproduce.nlp import vague
from coproduce.nlp.segment import split_items

CONSENT = "consent"
RESPONDENT = "respondent"
CALLBACK = "callback_phone"
CONFIRM = "confirm_summary"
#: The follow-up conversation's slots, in the order it asks.
FOLLOWUP_SLOTS: tuple[str, ...] = FOLLOWUP_TOPICS
#: Several problems named this many times or more: ask which one matters most.
SEVERAL_PROBLEMS = 3


def is_follow_up(slots: dict[str, Any]) -> bool:
    """True in a follow-up conversation (after the visit), False in the pre-visit one."""
    return slots.get("conversation_kind") == "followup"


def _answer(slots: dict[str, Any], topic: str) -> str | None:
    value = slots.get(topic)
    return None if value in (None, topics.SKIPPED) else str(value)


def problem_count(slots: dict[str, Any]) -> int:
    """Count the problems named in the aim and in how health gets in the way."""
    count = 0
    for topic in (topics.AIM, topics.ILLNESS_BURDEN):
        text = _answer(slots, topic)
        if text:
            count += max(1, len(split_items(text)))
    return count


def needs_one_thing(slots: dict[str, Any]) -> bool:
    """Ask "if we could only sort one of these?" only when several problems were named."""
    return problem_count(slots) >= SEVERAL_PROBLEMS


def needs_detail(slots: dict[str, Any]) -> bool:
    """Probe once for something specific when the aim or the measure was vague."""
    measure = _answer(slots, topics.IMPROVEMENT_MEASURE)
    if slots.get(topics.IMPROVEMENT_MEASURE) == topics.SKIPPED:
        # Not understood twice ("ok", "dunno"): one concrete question with examples may
        # still find their measure. A skip they chose is respected.
        reasons = slots.get("skip_reasons") or {}
        return reasons.get(topics.IMPROVEMENT_MEASURE) == "unclear"
    aim = _answer(slots, topics.AIM)
    return bool(measure and vague.is_vague_measure(measure)) or bool(aim and vague.is_vague(aim))


def _applies(topic: str, slots: dict[str, Any]) -> bool:
    if topic == topics.ONE_THING:
        return needs_one_thing(slots)
    if topic == topics.IMPROVEMENT_DETAIL:
        return needs_detail(slots)
    return True


def wants_callback(slots: dict[str, Any]) -> bool:
    """True while a call-back was asked for and not yet recorded or called off."""
    return bool(slots.get("callback_wanted")) and not slots.get("callback")


#: While safety questions wait for their answer, they are what the form asks for.
SAFETY_CHECK = "safety_check"
SAFE_TO_CONTINUE = "safe_to_continue"


#: Follow-up: "Did you manage to ...?" for each plan item the patient owns, and, when it was
#: done only partly or not yet, "What got in the way?".
PLAN_STATUS = "plan_item_status"
PLAN_BARRIER = "plan_item_barrier"
NOT_DONE = ("partly", "not_yet")


def current_plan_item(slots: dict[str, Any]) -> tuple[dict[str, str], str] | None:
    """The plan item asked about now, and which of its two questions is due."""
    answers = slots.get("plan_answers") or {}
    for item in slots.get("plan_items") or []:
        if not isinstance(item, dict) or not item.get("id"):
            continue
        answer = answers.get(item["id"]) or {}
        if "status" not in answer:
            return item, PLAN_STATUS
        if answer.get("status") in NOT_DONE and "barriers" not in answer:
            return item, PLAN_BARRIER
    return None


def plan_question(slots: dict[str, Any]) -> str | None:
    """Return which of the current plan item's questions is due, or None when all are answered."""
    current = current_plan_item(slots)
    return None if current is None else current[1]


def next_slot(slots: dict[str, Any]) -> str | None:
    """Return the next question to ask, or None when the conversation is over."""
    if slots.get("safety_check"):
        return SAFETY_CHECK
    if slots.get("safety_pending"):
        return SAFE_TO_CONTINUE
    if is_follow_up(slots):
        if slots.get("followup_rating") is not None:
            # Right after today's rating: each thing they agreed to do at the visit.
            pending = plan_question(slots)
            if pending is not None:
                return pending
        return next(
            (
                name
                for name in FOLLOWUP_SLOTS
                if slots.get(name) is None
                and (name != "worry_resolved" or _answer(slots, topics.CONCERNS))
            ),
            None,
        )
    if wants_callback(slots):
        return CALLBACK
    if slots.get(CONSENT) is None:
        return CONSENT
    if slots.get(CONSENT) is False:
        return None
    if slots.get("proxy_suspected") and slots.get(RESPONDENT) is None:
        return RESPONDENT
    for topic in topics.TOPICS:
        if slots.get(topic) is None and _applies(topic, slots):
            return topic
    return CONFIRM if slots.get(CONFIRM) is None else None


def asked_topics(slots: dict[str, Any]) -> list[str]:
    """Return the topics this conversation asks (or asked), in order: for the read-back."""
    return [t for t in topics.TOPICS if _applies(t, slots) or slots.get(t) is not None]


def progress(slot: str) -> dict[str, Any] | None:
    """Say where the patient is: "question 3 of 11" (a conditional question shares a number)."""
    if slot not in topics.TOPICS:
        return None
    position = topics.TOPICS.index(slot)
    main_before = [t for t in topics.TOPICS[: position + 1] if t in topics.MAIN]
    step = max(1, len(main_before))
    return {"type": "progress", "topic": slot, "step": step, "total": len(topics.MAIN)}
