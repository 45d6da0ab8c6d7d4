"""Safety first over REST: a red flag inside an answer gets guidance in the same reply."""

from __future__ import annotations

import httpx
import pytest

from tests.e2e.servers import API_TOKEN, Chat, Stack

pytestmark = [pytest.mark.e2e, pytest.mark.model]


def _answer_until_treatment_burden(chat: Chat) -> None:
    chat.say("hello")
    chat.say("yes")
    chat.say("get my breathing better so I can play with the grandkids")
    chat.say("my family, my church")
    chat.say("I get tired walking up the stairs")
    assert chat.requested_slot() == "treatment_burden"


def test_a_red_flag_inside_an_answer_comes_first_then_the_conversation_goes_on(
    stack: Stack,
) -> None:
    visit = stack.create_visit()
    chat = Chat(stack, visit["invite_token"])
    _answer_until_treatment_burden(chat)

    danger = (
        "the inhalers are a faff and to be honest theres a crushing pain in my chest "
        "right now going down my left arm"
    )
    reply = chat.text(chat.say(danger))
    assert "999" in reply
    assert "not watched in real time" in reply
    assert "safe to carry on" in reply
    assert chat.requested_slot() == "safe_to_continue"

    reply = chat.text(chat.say("yes I'm ok"))
    assert "carry on" in reply
    assert chat.requested_slot() == "treatment_burden"
    chat.say("the inhalers are a faff")
    chat.answer_the_rest()

    summary = stack.summary(visit["id"])
    assert summary["status"] == "completed"
    assert summary["treatment_burdens"] == [
        {"text": "the inhalers are a faff", "category": "medications"}
    ]
    assert [f["category"] for f in summary["red_flags"]] == ["chest_pain"]
    assert summary["red_flags"][0]["text"] == danger
    with httpx.Client(
        base_url=stack.api_url, headers={"Authorization": f"Bearer {API_TOKEN}"}
    ) as client:
        flagged = client.get("/api/v1/visits", params={"flagged": "true"}).json()["items"]
    assert visit["id"] in [v["id"] for v in flagged]


def test_self_harm_gives_the_crisis_line_and_no_ends_with_guidance(stack: Stack) -> None:
    visit = stack.create_visit()
    chat = Chat(stack, visit["invite_token"])
    chat.say("hi")
    chat.say("ok")
    reply = chat.text(chat.say("honestly i dont want to be here anymore"))
    assert "999" in reply and "116 123" in reply
    reply = chat.text(chat.say("no"))
    assert "999" in reply
    assert chat.requested_slot() is None
    assert [f["category"] for f in stack.summary(visit["id"])["red_flags"]] == ["self_harm"]


def test_a_red_flag_is_stored_even_after_declining(stack: Stack) -> None:
    visit = stack.create_visit()
    chat = Chat(stack, visit["invite_token"])
    chat.say("hi")
    chat.say("no")
    reply = chat.text(chat.say("he hits me when he's drunk"))
    assert "999" in reply
    summary = stack.summary(visit["id"])
    assert summary["status"] == "declined"
    assert [f["category"] for f in summary["red_flags"]] == ["harm_from_others"]


@pytest.mark.parametrize(
    "text",
    [
        "no chest pain at all, just the knee",
        "my dad had a stroke in 2010 so I worry",
        "this paperwork is killing me",
    ],
)
def test_look_alikes_stay_ordinary_answers(stack: Stack, text: str) -> None:
    visit = stack.create_visit()
    chat = Chat(stack, visit["invite_token"])
    chat.say("hi")
    chat.say("yes")
    reply = chat.text(chat.say(text))
    assert "999" not in reply
    assert chat.requested_slot() == "what_matters"
    assert stack.summary(visit["id"])["red_flags"] == []
