"""What simulated patients got wrong from the bot, turn by turn, now right.

Each case comes from a simulated-patient run on the real stack: a real answer taken for a
command, a skip phrase that offered to delete everything, a read-back that looped, an earlier
answer corrected mid-form, a "nothing" stored as a burden.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.orm import Session

from coproduce.aims import service as aim_service
from coproduce.visits.service import hash_token
from tests.actions.test_elicitation import bound, run
from tests.builders import EXAMPLE_ANSWERS, make_visit


@pytest.fixture
def visit(session: Session) -> dict[str, Any]:
    made, token = make_visit(session)
    return {"visit_id": made.id, "invite_token": hash_token(token), "token": token}


def say(visit: dict[str, Any], text: str, intent: str, requested: str, **slots: Any) -> Any:
    return run(
        text=text,
        intent=intent,
        confidence=0.97,
        requested_slot=requested,
        slots=bound(visit, consent=True, **slots),
        token=visit["token"],
    )


@pytest.mark.parametrize(
    ("text", "intent", "requested"),
    [
        ("next door neighbour", "dont_know", "supports"),
        ("early nights", "ask_how_long", "assets"),
        ("how long I can walk", "ask_how_long", "improvement_measure"),
        ("money worries", "greet", "what_matters"),
        ("I want my life back", "greet", "what_matters"),
        ("why I am so tired all the time", "ask_why", "illness_burden"),
    ],
)
def test_a_short_real_answer_is_kept_whatever_the_classifier_says(
    visit: dict[str, Any], text: str, intent: str, requested: str
) -> None:
    slots, responses, _ = say(visit, text, intent, requested)
    assert slots[requested] == text
    assert slots["requested_slot"] != requested
    assert "utter_skip_ack" not in responses


@pytest.mark.parametrize("text", ["scrap that", "forget it", "having the catheter removed"])
def test_only_an_explicit_request_offers_to_delete_everything(
    visit: dict[str, Any], text: str
) -> None:
    slots, responses, _ = say(visit, text, "delete_answers", "assets")
    assert "utter_confirm_delete" not in responses
    assert slots.get("delete_pending") is not True


def test_an_explicit_request_to_delete_is_confirmed_first(visit: dict[str, Any]) -> None:
    slots, responses, _ = say(visit, "please delete my answers", "delete_answers", "assets")
    assert responses == ["utter_confirm_delete"]
    assert slots["delete_pending"] is True


def test_a_skip_is_acknowledged_once(visit: dict[str, Any]) -> None:
    slots, responses, _ = say(visit, "I'd rather not get into that", "inform", "aim")
    assert responses == ["utter_skip_ack"]
    assert slots["form_prompt"] == "ask"


def test_not_understanding_gets_the_question_put_another_way(visit: dict[str, Any]) -> None:
    slots, responses, _ = say(visit, "I don't understand the question", "inform", "what_matters")
    assert responses == []
    assert slots["form_prompt"] == "rephrase"  # the ask action puts it another way
    assert "what_matters" not in slots


def test_the_bot_waits_when_asked_to(visit: dict[str, Any]) -> None:
    slots, responses, _ = say(visit, "hang on, the doorbell's going", "goodbye", "supports")
    assert responses == ["utter_wait"]
    assert "supports" not in slots


@pytest.mark.parametrize("text", ["yes thats lovely thank you", "spot on ta", "it's all correct"])
def test_agreeing_with_the_read_back_confirms_it(visit: dict[str, Any], text: str) -> None:
    slots, _, _ = say(visit, text, "thank", "confirm_summary", baseline_rating=3, **EXAMPLE_ANSWERS)
    assert slots["confirm_summary"] is True
    assert slots["requested_slot"] is None


@pytest.mark.parametrize("text", ["no it's fine, leave it", "nothing", "never mind", "cancel"])
def test_nothing_to_change_ends_the_read_back(visit: dict[str, Any], text: str) -> None:
    slots, _, _ = say(
        visit,
        text,
        "deny",
        "confirm_summary",
        correction_pending=True,
        baseline_rating=3,
        **EXAMPLE_ANSWERS,
    )
    assert slots["confirm_summary"] is True
    assert slots["requested_slot"] is None


def test_a_bare_number_when_asked_what_to_change_is_the_rating(visit: dict[str, Any]) -> None:
    slots, _, _ = say(
        visit,
        "7",
        "inform",
        "confirm_summary",
        correction_pending=True,
        baseline_rating=3,
        **EXAMPLE_ANSWERS,
    )
    assert slots["baseline_rating"] == 7


def test_a_mid_form_correction_changes_the_earlier_answer(
    visit: dict[str, Any], session: Session
) -> None:
    earlier = {
        "aim": "to walk to the shops",
        "what_matters": "my garden",
        "illness_burden": "breathless",
        "treatment_burden": "too many tablets",
        "assets": "my walks",
        "supports": "my daughter drives me to appointments",
    }
    slots, responses, _ = say(
        visit, "sorry I meant my son not my daughter", "inform", "improvement_measure", **earlier
    )
    assert slots["supports"] == "my son drives me to appointments"
    assert "improvement_measure" not in slots
    assert responses == ["utter_changed_earlier"]
    stored = aim_service.load_state(session=session, visit_id=visit["visit_id"])
    assert stored.answers["supports"] == "my son drives me to appointments"


def test_yes_with_words_after_it_answers_are_you_safe(visit: dict[str, Any]) -> None:
    slots, responses, _ = say(
        visit, "yes, it's just my periods", "inform", "illness_burden", safety_pending=True
    )
    assert responses == ["utter_safe_continue"]
    assert slots["safety_pending"] is False


def test_nothing_and_nobody_are_kept_in_the_patients_words_without_items(
    visit: dict[str, Any], session: Session
) -> None:
    # A hedged "nothing really" is asked once more; said again, it is the answer.
    slots, _, _ = say(
        visit, "nothing really", "inform", "treatment_burden", aim="sleep", what_matters="x"
    )
    assert "treatment_burden" not in slots and slots["form_prompt"] == "rephrase"
    say(
        visit,
        "nothing really",
        "inform",
        "treatment_burden",
        aim="sleep",
        what_matters="x",
        misunderstood=slots["misunderstood"],
    )
    summary = aim_service.get_summary(session=session, visit_id=visit["visit_id"])
    assert summary is not None
    assert summary.treatment_burdens == []
    assert summary.none_answers == {"treatment_burden": "nothing really"}


def test_nothing_as_the_measure_is_no_measure(visit: dict[str, Any]) -> None:
    slots, responses, _ = say(visit, "can't think of anything", "inform", "improvement_measure")
    assert slots["improvement_measure"] == "__skipped__"
    assert responses == ["utter_skip_ack"]


def test_a_question_at_consent_is_answered_before_asking_again(visit: dict[str, Any]) -> None:
    slots, responses, _ = run(
        text="what is this?",
        intent="inform",
        requested_slot="consent",
        slots=bound(visit),
        token=visit["token"],
    )
    assert responses == ["utter_why"]
    assert "consent" not in slots


def test_coming_back_is_not_part_of_the_answer(visit: dict[str, Any]) -> None:
    slots, _, _ = say(visit, "sorry I'm back. my singing group", "inform", "assets")
    assert slots["assets"] == "my singing group"


def test_wait_go_back_corrects_the_earlier_answer(visit: dict[str, Any]) -> None:
    slots, responses, _ = say(
        visit,
        "wait, go back, what matters most is my wife not work",
        "inform",
        "illness_burden",
        aim="to sleep",
        what_matters="work",
    )
    assert slots["what_matters"] == "my wife"
    assert responses == ["utter_changed_earlier"]


def test_a_bare_number_at_the_read_back_is_the_rating(visit: dict[str, Any]) -> None:
    slots, _, _ = say(visit, "7", "inform", "confirm_summary", baseline_rating=3, **EXAMPLE_ANSWERS)
    assert slots["baseline_rating"] == 7


def test_a_yes_and_the_call_back_again_confirms_when_the_call_is_recorded(
    visit: dict[str, Any],
) -> None:
    recorded = {"phone": "01632 960184", "preferred_time": None, "reason": "ring me",
                "requested_at": "2026-12-02T12:00:00Z"}  # fmt: skip
    text = "Yes, that is correct. I should still like the telephone call, please."
    slots, responses, _ = say(
        visit, text, "affirm", "confirm_summary", callback=recorded, baseline_rating=3,
        **EXAMPLE_ANSWERS,
    )  # fmt: skip
    assert slots["confirm_summary"] is True
    assert "utter_callback_already" not in responses


def test_the_call_back_again_without_a_yes_says_it_is_already_asked_for(
    visit: dict[str, Any],
) -> None:
    recorded = {"phone": "01632 960184", "preferred_time": None, "reason": "ring me",
                "requested_at": "2026-12-02T12:00:00Z"}  # fmt: skip
    slots, responses, _ = say(
        visit, "can someone ring me", "request_callback", "confirm_summary", callback=recorded,
        baseline_rating=3, **EXAMPLE_ANSWERS,
    )  # fmt: skip
    assert "confirm_summary" not in slots or slots["confirm_summary"] is not True
    assert responses == ["utter_callback_already"]
