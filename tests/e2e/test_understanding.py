"""Conversations as real patients have them, over REST with the trained model: nobody stuck."""

from __future__ import annotations

import itertools
import re

import httpx
import pytest

from tests.e2e.servers import API_TOKEN, Chat, Stack

pytestmark = [pytest.mark.e2e, pytest.mark.model]

ANSWERS = {
    "aim": "I want my knee sorted so I can walk the dog again",
    "what_matters": "the grandkids and my garden",
    "illness_burden": "can't sleep for the pain",
    "treatment_burden": "the tablets make me feel sick and the physio is two buses away",
    "one_thing": "the knee",
    "concerns": "worried I'll need an operation, I think it's wear and tear",
    "expectations": "look at my knee and talk about options",
    "assets": "I do my exercises most mornings",
    "supports": "my daughter does my shopping and I look after my husband",
    "care_preferences": "I'd rather not have injections",
    "improvement_measure": "walking to the park and back with the dog",
    "improvement_detail": "getting to the park without stopping",
    "baseline_rating": "4",
    "respondent": "no it's me",
    "callback_phone": "no thanks",
}


def talk_to_the_end(chat: Chat, answers: dict[str, str], *, limit: int = 40) -> list[str]:
    """Answer whatever the bot asks until the read-back; return the slots it asked for."""
    asked = []
    for _ in range(limit):
        slot = chat.requested_slot()
        if slot in (None, "confirm_summary"):
            return asked
        asked.append(slot)
        chat.say(answers.get(slot, "dunno"))
    raise AssertionError(f"not at the read-back after {limit} messages: {asked}")


def start(stack: Stack, consent: str = "yes") -> tuple[dict, Chat]:
    visit = stack.create_visit()
    chat = Chat(stack, visit["invite_token"])
    chat.say("hello")
    chat.say(consent)
    return visit, chat


def test_every_question_with_unintelligible_answers_still_reaches_the_read_back(
    stack: Stack,
) -> None:
    visit, chat = start(stack)
    asked: list[str] = []
    replies: list[str] = []
    for _ in range(45):
        slot = chat.requested_slot()
        if slot in (None, "confirm_summary"):
            break
        asked.append(slot)
        replies.append(chat.text(chat.say("hmm")))
    assert chat.requested_slot() == "confirm_summary", asked
    # Each question: asked, put another way once, then left with the reason.
    assert max(asked.count(slot) for slot in set(asked)) <= 2
    for one, two in itertools.pairwise(replies):
        assert one != two  # never the same words twice in a row
    summary = stack.summary(visit["id"])
    assert summary["skip_reasons"]["aim"] == "unclear"
    assert summary["skip_reasons"]["baseline_rating"] == "unclear"


def test_consent_said_the_way_people_say_it(stack: Stack) -> None:
    for consent in (
        "my daughter set this up for me, I'm not good with phones but yes go ahead",
        "suppose so",
        "mum says that's fine",
        "yse",
    ):
        _, chat = start(stack, consent)
        assert chat.tracker()["slots"]["consent"] is True, consent


def test_unclear_consent_is_asked_another_way_then_taken_as_no_never_a_loop(stack: Stack) -> None:
    visit, chat = start(stack, "what even is this")
    first = chat.text(chat.say("eh"))
    assert "nothing you've written here is kept" in first
    assert chat.tracker()["slots"]["consent"] is False
    assert stack.summary(visit["id"])["status"] == "declined"
    reply = chat.text(chat.say("oh ok yes then"))
    assert "OK to go ahead" in reply or "happy for you" in reply
    chat.say("yes")
    assert chat.tracker()["slots"]["consent"] is True


def test_no_and_the_doctor_instead_leaves_a_call_back(stack: Stack) -> None:
    visit, chat = start(stack, "no I'd rather just talk to the doctor")
    assert chat.requested_slot() == "callback_phone"
    reply = chat.text(chat.say("07700 900123, mornings are best"))
    assert "07700 900123" in reply and "within two working days" in reply
    summary = stack.summary(visit["id"])
    assert summary["status"] == "declined"
    assert summary["callback_request"]["phone"] == "07700 900123"
    assert summary["callback_request"]["preferred_time"] == "mornings are best"
    with httpx.Client(
        base_url=stack.api_url, headers={"Authorization": f"Bearer {API_TOKEN}"}
    ) as api:
        listed = api.get("/api/v1/visits", params={"callback": "true"}).json()["items"]
    assert visit["id"] in [v["id"] for v in listed]


def test_a_call_back_asked_for_mid_way_then_carry_on(stack: Stack) -> None:
    visit, chat = start(stack)
    chat.say(ANSWERS["aim"])
    chat.say("can someone just ring me instead")
    assert chat.requested_slot() == "callback_phone"
    reply = chat.text(chat.say("on 01632 960123 after 5pm"))
    assert "carry on" in reply
    assert chat.requested_slot() == "what_matters"
    assert stack.summary(visit["id"])["callback_request"]["phone"] == "01632 960123"


def test_someone_typing_for_the_patient_is_asked_once_and_recorded(stack: Stack) -> None:
    visit = stack.create_visit()
    chat = Chat(stack, visit["invite_token"])
    chat.say("hi I'm typing this for my dad, his eyes are bad")
    reply = chat.text(chat.say("he says yes"))
    assert chat.requested_slot() == "respondent", reply
    chat.say("I'm his dauhgter")
    assert chat.requested_slot() == "aim"
    talk_to_the_end(chat, ANSWERS)
    summary = stack.summary(visit["id"])
    assert summary["respondent"] == {"type": "proxy", "relationship": "daughter"}


def test_a_vague_aim_and_measure_are_probed_once(stack: Stack) -> None:
    visit, chat = start(stack)
    answers = {**ANSWERS, "aim": "just feel better I guess", "improvement_measure": "ok"}
    asked = talk_to_the_end(chat, answers)
    assert asked.count("improvement_detail") == 1
    reply = chat.text(chat.say("no"))  # back at the read-back, untouched
    summary = stack.summary(visit["id"])
    assert summary["improvement"]["measure_detail"] == ANSWERS["improvement_detail"]
    assert summary["improvement"]["measure_specific"] is True
    assert reply


def test_five_problems_lead_to_the_one_thing_and_worries_are_kept(stack: Stack) -> None:
    visit, chat = start(stack)
    answers = {
        **ANSWERS,
        "aim": "my knee, my breathing, the tiredness, my mood and my feet",
        "illness_burden": "can't sleep, can't walk far, can't do the garden",
        "concerns": "scared it's my heart, I think it's the new tablets",
    }
    asked = talk_to_the_end(chat, answers)
    assert "one_thing" in asked
    summary = stack.summary(visit["id"])
    assert summary["one_thing"] == "the knee"
    assert summary["concerns"] == "scared it's my heart"
    assert summary["ideas"] == "I think it's the new tablets"
    assert summary["headline"]["focus"] == "the knee"


def test_a_medicine_question_is_signposted_listed_and_the_topic_asked_again(
    stack: Stack,
) -> None:
    visit, chat = start(stack)
    reply = chat.text(chat.say("should I stop my blood pressure tablets before the appointment?"))
    assert "don't stop or change a medicine" in reply
    assert chat.requested_slot() == "aim"
    summary = stack.summary(visit["id"])
    assert summary["questions"][0]["kind"] == "medicine"
    assert summary["aim"]["statement"] is None


def test_an_approximate_rating_is_understood(stack: Stack) -> None:
    visit, chat = start(stack)
    talk_to_the_end(chat, {**ANSWERS, "baseline_rating": "four-ish"})
    assert stack.summary(visit["id"])["improvement"]["baseline_rating"] == 4


def test_the_follow_up_asks_todays_rating_before_showing_the_baseline(stack: Stack) -> None:
    visit, chat = start(stack)
    talk_to_the_end(chat, ANSWERS)
    chat.say("yes that's right")
    with httpx.Client(
        base_url=stack.api_url, headers={"Authorization": f"Bearer {API_TOKEN}"}
    ) as api:
        made = api.post(
            f"/api/v1/visits/{visit['id']}/follow-ups", json={"due_at": "2026-01-01T09:00:00Z"}
        ).json()
    follow = Chat(stack, made["invite_token"])
    opening = follow.text(follow.say("hi"))
    assert "rated it" not in opening and not re.search(r"\b4 out of 10", opening)
    assert follow.requested_slot() == "followup_rating"
    after = follow.text(follow.say("hello?"))  # not a number: asked another way, not restarted
    assert "Hello again" not in after
    reply = follow.text(follow.say("6"))
    assert "rated it 4 out of 10; today 6" in reply
    assert follow.requested_slot() == "goal_attainment"
    follow.say("a bit better")
    assert follow.requested_slot() == "worry_resolved"
    follow.say("yes the doctor said it's not arthritis")
    for _ in range(5):
        if follow.tracker()["slots"].get("followup_done"):
            break
        follow.say("walking more")
    latest = stack.summary(visit["id"])["follow_ups"][-1]
    assert latest["rating"] == 6 and latest["goal_attainment"] == 1
    assert latest["worry_resolved"] == "yes the doctor said it's not arthritis"


def test_a_question_put_another_way_still_offers_skip(stack: Stack) -> None:
    _, chat = start(stack)
    assert chat.requested_slot() == "aim"
    replies = chat.say("hmm")
    assert "another way" in chat.text(replies)
    titles = [b.get("title") for r in replies for b in r.get("buttons") or []]
    assert "Skip this one" in titles
    assert chat.requested_slot() == "aim"


def test_a_first_message_that_reads_like_goodbye_still_starts(stack: Stack) -> None:
    for opening in ("ey up", "oh great, another form"):
        visit = stack.create_visit()
        chat = Chat(stack, visit["invite_token"])
        chat.say(opening)
        assert chat.requested_slot() == "consent", opening


def test_nearly_right_at_the_read_back_asks_what_to_change_never_a_loop(stack: Stack) -> None:
    visit, chat = start(stack)
    talk_to_the_end(chat, ANSWERS)
    reply = chat.text(chat.say("almost, just one thing"))
    assert "What would you like to change" in reply
    assert stack.summary(visit["id"])["improvement"]["baseline_rating"] == 4
    for _ in range(3):
        if chat.tracker()["slots"].get("confirm_summary"):
            break
        chat.say("almost, just one thing")
    assert chat.tracker()["slots"]["confirm_summary"] is True
