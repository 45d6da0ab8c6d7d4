"""The example conversation over REST, against real servers, read back through the API."""

from __future__ import annotations

import pytest

from tests.e2e.servers import Chat, Stack

pytestmark = [pytest.mark.e2e, pytest.mark.model]


def test_the_example_conversation_is_stored_as_structure(stack: Stack) -> None:
    visit = stack.create_visit(scheduled_for="2026-12-01T09:30:00Z")
    chat = Chat(stack, visit["invite_token"])

    greeting = chat.text(chat.say("hi"))
    assert "clinician" in greeting
    assert chat.requested_slot() == "consent"

    answers = {
        "consent": "yes",
        "aim": "I want to sort my knee out so I can walk the dog again, mornings are agony",
        "what_matters": "my grandkids, and getting down the allotment",
        "illness_burden": "can't sleep for the pain and I've stopped going to the allotment",
        "treatment_burden": (
            "too many tablets, I never know which to take when, and physio is two buses away"
        ),
        "one_thing": "the knee",
        "concerns": "that I'll end up needing a new knee",
        "expectations": "look at my knee and sort the tablets out",
        "assets": "I still do my exercises most days, I'm stubborn",
        "supports": (
            "my daughter does my shopping and my neighbour drives me sometimes. "
            "I look after my husband, he has dementia"
        ),
        "care_preferences": "not early mornings, I need to get my husband up",
        "improvement_measure": "if I could walk to the park and back with the dog",
        "baseline_rating": "about a 3",
        # If the safety classifier wonders about an answer, the general question comes.
        "safety_check": "no",
    }
    asked: list[str] = []
    replies: list = []
    while (slot := chat.requested_slot()) != "confirm_summary":
        assert slot in answers and len(asked) < 20, (slot, asked)
        asked.append(slot)
        replies = chat.say(answers[slot])
        assert chat.text(replies), f"no reply to {answers[slot]!r}"
    main = [t for t in asked if t not in ("consent", "one_thing", "safety_check")]
    assert main == [
        "aim",
        "what_matters",
        "illness_burden",
        "treatment_burden",
        "concerns",
        "expectations",
        "assets",
        "supports",
        "care_preferences",
        "improvement_measure",
        "baseline_rating",
    ]
    assert asked.count("safety_check") <= 1

    readback = chat.text(replies)
    assert "walk the dog again" in readback and "3 out of 10" in readback

    replies = chat.say("the tablets bit should say I forget the evening ones")
    assert "I forget the evening ones" in chat.text(replies)
    assert chat.requested_slot() == "confirm_summary"
    replies = chat.say("yes that's right")
    assert "Thank you" in chat.text(replies)
    assert chat.requested_slot() is None

    summary = stack.summary(visit["id"])
    assert summary["status"] == "completed"
    assert summary["patient_confirmed"] is True
    assert summary["aim"]["statement"] == (
        "I want to sort my knee out so I can walk the dog again, mornings are agony"
    )
    assert summary["aim"]["what_matters"] == "my grandkids, and getting down the allotment"
    assert "walk the dog" in summary["aim"]["activities"]
    assert summary["illness_burdens"]
    assert any(
        "forget the evening ones" in b["text"] and b["category"] == "medications"
        for b in summary["treatment_burdens"]
    )
    assert any(
        b["category"] == "appointments" and "physio" in b["text"]
        for b in summary["treatment_burdens"]
    )
    assert summary["assets"][0]["text"].startswith("I still do my exercises")
    assert [(s["relationship"], s["kind"]) for s in summary["supports"]] == [
        ("daughter", "support"),
        ("neighbour", "support"),
        ("husband", "caring_for"),
    ]
    assert summary["improvement"]["measure"] == (
        "if I could walk to the park and back with the dog"
    )
    assert summary["improvement"]["baseline_rating"] == 3
    assert summary["skipped_topics"] == []
    assert summary["red_flags"] == []
    assert "new knee" in summary["concerns"]


def test_skip_and_questions_keep_the_same_topic(stack: Stack) -> None:
    visit = stack.create_visit()
    chat = Chat(stack, visit["invite_token"])
    chat.say("hello")
    chat.say("yes")
    assert chat.requested_slot() == "aim"
    reply = chat.text(chat.say("who will see this?"))
    assert "clinician" in reply
    assert chat.requested_slot() == "aim"
    chat.say("I'd like to get my breathing sorted so I can get back to bowls")
    assert chat.requested_slot() == "what_matters"
    reply = chat.text(chat.say("dunno"))
    assert chat.requested_slot() == "what_matters"  # once more, another way
    assert "another way" in reply
    chat.say("skip")
    assert chat.requested_slot() == "illness_burden"
    chat.say("how long will this take?")
    assert chat.requested_slot() == "illness_burden"
    summary = stack.summary(visit["id"])
    assert summary["skipped_topics"] == ["what_matters"]
    assert summary["status"] == "in_progress"


def test_declining_consent_stores_nothing(stack: Stack) -> None:
    visit = stack.create_visit()
    chat = Chat(stack, visit["invite_token"])
    chat.say("hi")
    reply = chat.text(chat.say("no thanks"))
    assert "fine" in reply
    summary = stack.summary(visit["id"])
    assert summary["status"] == "declined"
    assert summary["aim"]["statement"] is None


def test_unknown_invite_gets_a_kind_message_and_nothing_is_stored(stack: Stack) -> None:
    chat = Chat(stack, "not-a-real-token")
    reply = chat.text(chat.say("hi"))
    assert "link isn't working" in reply
    reply = chat.text(chat.say("I want help with my knee"))
    assert "knee" not in reply


def test_a_message_with_another_token_is_refused(stack: Stack) -> None:
    visit = stack.create_visit()
    other = stack.create_visit()
    chat = Chat(stack, visit["invite_token"])
    chat.say("hi")
    chat.say("yes")
    chat.say("I want my knee sorted")
    reply = chat.text(chat.say("my secret answer", token=other["invite_token"]))
    assert "can't continue" in reply
    assert "knee" not in reply
    reply = chat.text(chat.say("what about me", token=None))
    assert "link isn't working" in reply
    assert stack.summary(other["id"])["aim"]["statement"] is None
    assert stack.summary(visit["id"])["aim"]["statement"] == "I want my knee sorted"


def test_a_patient_who_comes_back_with_a_new_sender_continues(stack: Stack) -> None:
    visit = stack.create_visit()
    first = Chat(stack, visit["invite_token"])
    first.say("hi")
    first.say("yes")
    first.say("to stop being so tired all the time")
    first.say("my garden and my cat")
    second = Chat(stack, visit["invite_token"])
    reply = second.text(second.say("hello again"))
    assert "Welcome back" in reply
    assert second.requested_slot() == "illness_burden"
    summary = stack.summary(visit["id"])
    assert summary["aim"]["statement"] == "to stop being so tired all the time"


def test_patient_text_never_reaches_the_logs_at_info(stack: Stack) -> None:
    visit = stack.create_visit()
    chat = Chat(stack, visit["invite_token"])
    marker = "zebracrossing-wobbly-kneecap"
    chat.say("hi")
    chat.say("yes")
    chat.say(f"I want my {marker} looked at")
    assert marker not in stack.logs()
