"""Safety inside the form: emergency, check question, same-day advice; nothing said is lost."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from actions.elicitation import ValidateElicitationForm
from coproduce.aims import service as aim_service
from coproduce.safety.assess import Assessment
from coproduce.visits.service import hash_token
from tests.builders import make_visit, tracker

DOMAIN: dict[str, Any] = {"responses": {}}


def run(**kwargs: Any) -> tuple[dict[str, Any], list[str], CollectingDispatcher]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateElicitationForm().run(dispatcher, tracker(**kwargs), DOMAIN))
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    return slots, [m.get("response") or m.get("text") for m in dispatcher.messages], dispatcher


@pytest.fixture
def visit(session: Session) -> dict[str, Any]:
    made, token = make_visit(session)
    return {"visit_id": made.id, "invite_token": hash_token(token), "token": token}


EARLIER = {"aim": "my knee", "what_matters": "my garden", "illness_burden": "can't kneel"}


def bound(visit: dict[str, Any], **slots: Any) -> dict[str, Any]:
    return {"visit_id": visit["visit_id"], "invite_token": visit["invite_token"], **slots}


def _judged(
    level: str, *categories: str, about: str = "patient", spans: Any = (), by_rule: bool = True
) -> dict:
    return Assessment(level, categories, about, 0.9, tuple(spans), by_rule).to_metadata()


def _flags(session: Session, visit_id: str) -> list[Any]:
    session.expire_all()
    summary = aim_service.get_summary(session=session, visit_id=visit_id)
    assert summary is not None
    return list(summary.red_flags)


def test_an_emergency_comes_first_and_the_rest_still_answers(
    visit: dict[str, Any], session: Session
) -> None:
    danger = "and right now my chest is crushing and I'm sweating"
    text = f"the tablets are a nightmare, I never know which is which. {danger}"
    start = text.index(danger)
    slots, responses, dispatcher = run(
        text=text,
        requested_slot="treatment_burden",
        slots=bound(visit, consent=True, **EARLIER),
        token=visit["token"],
        safety=_judged("emergency", "chest_pain", spans=[(start, len(text))]),
    )
    assert responses == ["utter_safety_emergency", "utter_ask_safe_to_continue"]
    assert dispatcher.messages[0]["emergency_number"] == "999"
    assert slots["treatment_burden"] == "the tablets are a nightmare, I never know which is which"
    assert slots["requested_slot"] == "safe_to_continue" and slots["form_prompt"] == "silent"
    assert slots["safety_pending"] is True and slots["safety_flags"]
    [flag] = _flags(session, visit["visit_id"])
    assert flag.urgency == "emergency" and flag.category == "chest_pain"
    assert flag.guidance == "utter_safety_emergency"

    # "yes I'm safe, I just feel low" is kept with the flag, and the next question follows.
    slots, responses, _ = run(
        text="yes I'm safe, I just feel low",
        requested_slot="assets",
        slots=bound(visit, consent=True, safety_pending=True, safety_flags=slots["safety_flags"]),
        token=visit["token"],
    )
    assert responses == ["utter_safe_continue"]
    assert slots["safety_pending"] is False and slots["form_prompt"] == "ask"
    [flag] = _flags(session, visit["visit_id"])
    assert flag.safety_reply == "yes I'm safe, I just feel low"
    assert flag.safe_to_continue is True


def test_someone_elses_emergency_gets_guidance_for_the_person_typing(
    visit: dict[str, Any], session: Session
) -> None:
    _, responses, _ = run(
        text="my wife's face has dropped and she can't get her words out",
        requested_slot="supports",
        slots=bound(visit, consent=True),
        token=visit["token"],
        safety=_judged("emergency", "stroke", about="someone_else"),
    )
    assert responses[0] == "utter_safety_someone_else"
    [flag] = _flags(session, visit["visit_id"])
    assert flag.about == "someone_else"


def test_an_uncertain_message_gets_the_check_question_then_yes_is_an_emergency(
    visit: dict[str, Any], session: Session
) -> None:
    text = "i think i may have taken my heart tablets twice this morning"
    slots, responses, dispatcher = run(
        text=text,
        requested_slot="treatment_burden",
        slots=bound(visit, consent=True),
        token=visit["token"],
        safety=_judged("check", "overdose"),
    )
    assert responses == ["utter_safety_check_overdose", None]
    # The contract for chat pages and clinic systems: a check question is open, about what.
    assert dispatcher.messages[1]["custom"] == {"type": "safety_check", "category": "overdose"}
    assert slots["treatment_burden"] == text  # the answer is kept
    assert slots["safety_check"]["categories"] == ["overdose"]
    assert _flags(session, visit["visit_id"]) == []
    previous = [
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": text, "message_id": slots["safety_check"]["message_id"]},
    ]
    slots, responses, _ = run(
        text="yes it was just now",
        requested_slot="assets",
        slots=bound(visit, consent=True, safety_check=slots["safety_check"]),
        token=visit["token"],
        events=previous,
    )
    assert responses == ["utter_safety_emergency", "utter_ask_safe_to_continue"]
    [flag] = _flags(session, visit["visit_id"])
    assert flag.text == text and flag.urgency == "emergency"


def test_no_to_the_check_carries_on(visit: dict[str, Any], session: Session) -> None:
    pending = {
        "categories": ["chest_pain"],
        "ask_about": ["chest_pain"],
        "about": "patient",
        "message_id": "m1",
        "asked": 1,
    }
    slots, responses, _ = run(
        text="no that was years ago",
        requested_slot="assets",
        slots=bound(visit, consent=True, safety_check=pending),
        token=visit["token"],
    )
    assert responses == ["utter_safety_check_no"]
    assert slots["safety_check"] is None and slots["form_prompt"] == "ask"
    assert _flags(session, visit["visit_id"]) == []
    # Nothing flagged, but the clinician sees what was asked and the answer.
    [check] = aim_service.get_summary(session=session, visit_id=visit["visit_id"]).safety_checks
    assert check.category == "chest_pain" and check.answer == "no that was years ago"


def test_no_to_the_check_about_a_same_day_message_still_gets_the_same_day_advice(
    visit: dict[str, Any], session: Session
) -> None:
    text = "my ankles have ballooned this week and now i'm puffed out going to the loo"
    pending = {
        "categories": ["breathing"],
        "ask_about": ["breathing"],
        "about": "patient",
        "message_id": "m7",
        "asked": 1,
        "fallback": "urgent",
    }
    previous = [
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": text, "message_id": "m7"},
    ]
    slots, responses, _ = run(
        text="no, not this minute, I'm sat down now",
        requested_slot="assets",
        slots=bound(visit, consent=True, safety_check=pending),
        token=visit["token"],
        events=previous,
    )
    assert responses == ["utter_safety_urgent"]
    assert slots["safety_check"] is None and slots["form_prompt"] == "ask"
    [flag] = _flags(session, visit["visit_id"])
    assert flag.urgency == "urgent" and flag.text == text


def test_an_answer_to_the_check_that_is_neither_yes_nor_no_carries_on_with_the_number(
    visit: dict[str, Any], session: Session
) -> None:
    pending = {"categories": ["breathing"], "about": "patient", "message_id": "m1", "asked": 1}
    slots, responses, dispatcher = run(
        text="my garden and the grandkids",
        requested_slot="safety_check",
        slots=bound(visit, consent=True, **EARLIER, safety_check=pending),
        token=visit["token"],
    )
    assert responses == ["utter_safety_check_unclear"]
    assert dispatcher.messages[0]["emergency_number"] == "999"
    assert slots["safety_check"] is None
    assert slots["requested_slot"] == "treatment_burden"  # never asked again: no loop
    assert _flags(session, visit["visit_id"]) == []


def test_while_safety_questions_wait_they_are_the_requested_slot(visit: dict[str, Any]) -> None:
    slots, _, _ = run(
        text="i might have taken my tablets twice",
        requested_slot="treatment_burden",
        slots=bound(visit, consent=True, **EARLIER),
        token=visit["token"],
        safety=_judged("check", "overdose"),
    )
    assert slots["requested_slot"] == "safety_check"
    slots, _, _ = run(
        text="my chest is crushing right now",
        requested_slot="treatment_burden",
        slots=bound(visit, consent=True, **EARLIER),
        token=visit["token"],
        safety=_judged("emergency", "chest_pain"),
    )
    assert slots["requested_slot"] == "safe_to_continue"


def test_same_day_advice_and_the_message_is_still_the_answer(
    visit: dict[str, Any], session: Session
) -> None:
    text = "I've had to sleep sat up in the chair the last week or I can't breathe"
    slots, responses, dispatcher = run(
        text=text,
        requested_slot="illness_burden",
        slots=bound(visit, consent=True, aim="my knee", what_matters="my garden"),
        token=visit["token"],
        safety=_judged("urgent", "breathing"),
    )
    assert responses[0] == "utter_safety_urgent"
    assert "111" in dispatcher.messages[0]["urgent_advice"]
    assert slots["illness_burden"] == text
    assert slots["requested_slot"] == "treatment_burden"
    [flag] = _flags(session, visit["visit_id"])
    assert flag.urgency == "urgent" and flag.category == "breathing"


def test_a_button_payload_is_never_a_red_flag(visit: dict[str, Any]) -> None:
    slots, responses, _ = run(
        text="/affirm",
        intent="affirm",
        requested_slot="consent",
        slots=bound(visit),
        token=visit["token"],
        safety=_judged("emergency", "self_harm"),
        entities=[
            {
                "entity": "red_flag_category",
                "value": "self_harm",
                "assessment": _judged("emergency", "self_harm"),
            }
        ],
    )
    assert "utter_safety_self_harm" not in responses
    assert slots["consent"] is True


def test_the_same_words_again_after_the_safety_question_are_the_answer(
    visit: dict[str, Any],
) -> None:
    # A worry the classifier took for danger; the patient said they were safe, the question
    # was asked again, and they gave the same answer: it is kept, with the number once more.
    text = "That I will not cope, and she will have to go into a home. I am 84 myself."
    earlier = [{"event": "user", "text": text, "parse_data": {}}]
    slots, responses, dispatcher = run(
        text=text,
        requested_slot="concerns",
        slots=bound(visit, consent=True, **EARLIER),
        token=visit["token"],
        safety=_judged("emergency", "self_harm"),
        events=earlier,
    )
    assert responses[0] == "utter_safety_reminder"
    assert dispatcher.messages[0]["emergency_number"] == "999"
    assert slots["concerns"] == text
    assert slots["requested_slot"] != "concerns"


def test_a_first_message_that_needs_a_check_asks_it_before_the_welcome(
    visit: dict[str, Any],
) -> None:
    slots, responses, _ = run(
        text="hi sorry typing one handed feeding the baby",
        intent="red_flag",
        in_form=False,
        token=visit["token"],
        safety=_judged("check", "self_harm", by_rule=False),
    )
    # The classifier alone: the general question, not one about ending their life.
    assert responses == ["utter_safety_check", None]
    assert slots["requested_slot"] == "safety_check"
    assert slots["visit_id"] == visit["visit_id"]

    # "no" to the check: the welcome and the consent question follow.
    slots, responses, _ = run(
        text="no",
        intent="deny",
        requested_slot="safety_check",
        slots=bound(visit, safety_check=slots["safety_check"]),
        token=visit["token"],
    )
    assert responses == ["utter_safety_check_no_general"]
    assert slots["requested_slot"] == "consent" and slots["form_prompt"] == "ask"


def test_an_emergency_said_among_symptoms_stays_in_that_answer(
    visit: dict[str, Any], session: Session
) -> None:
    danger = "and right now I can't get my breath at all"
    text = f"my knees stop me gardening, I'm tired all day {danger}"
    start = text.index(danger)
    slots, responses, _ = run(
        text=text,
        requested_slot="illness_burden",
        slots=bound(visit, consent=True, **EARLIER),
        token=visit["token"],
        safety=_judged("emergency", "breathing", spans=[(start, len(text))]),
    )
    assert responses == ["utter_safety_emergency", "utter_ask_safe_to_continue"]
    assert slots["illness_burden"] == text


def test_a_call_back_asked_for_in_a_message_that_is_checked_is_kept_for_after(
    visit: dict[str, Any],
) -> None:
    slots, responses, _ = run(
        text="the tablets do nothing and my chest is tight. can someone just ring me",
        requested_slot="treatment_burden",
        slots=bound(visit, consent=True, **EARLIER),
        token=visit["token"],
        safety=_judged("check", "chest_pain"),
    )
    assert responses[0].startswith("utter_safety_check")
    assert slots["callback_wanted"] is True and "ring me" in slots["callback_reason"]
    assert slots["requested_slot"] == "safety_check"
