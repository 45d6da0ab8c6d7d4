"""Hostile input over Rasa's REST channel: a clear 4xx or a kind reply, and nothing lost."""

from __future__ import annotations

import json
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from tests.e2e.servers import Chat, Stack
from tests.hostile.cases import (
    MAX_CHARS,
    TEXTS,
    rest_new_senders,
    rest_odd_but_valid,
    rest_refusals,
    tried,
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.model,
    pytest.mark.parametrize("stack", ["sqlite"], indirect=True),
]

AIM = "I want to walk the dog again without my knee giving way"
WHAT_MATTERS = "my grandchildren and the allotment"


def webhook(stack: Stack) -> str:
    return f"{stack.rasa_url}/webhooks/rest/webhook"


def started(stack: Stack, *answers: str) -> tuple[dict[str, Any], Chat]:
    """Open a fresh visit and conversation, consent, and give `answers` in order."""
    visit = stack.create_visit()
    chat = Chat(stack, visit["invite_token"])
    chat.say("hi")
    chat.say("yes")
    for answer in answers:
        chat.say(answer)
    return visit, chat


def kind_reply(response: httpx.Response) -> str | None:
    """Return what is wrong with a reply that should be a bot message, or None."""
    if response.status_code != 200:
        return f"status {response.status_code}: {response.text[:200]}"
    replies = response.json()
    if not any(isinstance(r, dict) and r.get("text") for r in replies):
        return f"no bot text in {replies!r:.200}"
    return None


def test_malformed_bodies_are_refused_and_nothing_is_lost(stack: Stack) -> None:
    visit, chat = started(stack, AIM)
    other = stack.create_visit()
    assert chat.requested_slot() == "what_matters"
    failures: list[str] = []

    refusals = rest_refusals(chat.sender, visit["invite_token"])
    for name, raw, status in refusals:
        response = httpx.post(
            webhook(stack), content=raw, headers={"Content-Type": "application/json"}, timeout=60
        )
        if response.status_code != status:
            failures.append(f"{name}: {response.status_code} (wanted {status})")
            continue
        body = response.json()
        if not (body.get("error") and body.get("message")):
            failures.append(f"{name}: no error and message in {body!r:.200}")
        if status == 413 and body.get("max_chars") != MAX_CHARS:
            failures.append(f"{name}: 413 without max_chars")

    odd = rest_odd_but_valid(chat.sender, visit["invite_token"], other["invite_token"])
    for name, fields in odd:
        problem = kind_reply(httpx.post(webhook(stack), json=fields, timeout=60))
        if problem:
            failures.append(f"{name}: {problem}")

    senders = rest_new_senders()
    for name, sender in senders:
        problem = kind_reply(
            httpx.post(webhook(stack), json={"sender": sender, "message": "hi"}, timeout=60)
        )
        if problem:
            failures.append(f"{name}: {problem}")

    streamed = httpx.post(
        webhook(stack),
        params={"stream": "true"},
        json={"sender": chat.sender, "message": "x" * (MAX_CHARS + 1)},
        timeout=60,
    )
    if streamed.status_code != 413:
        failures.append(f"streamed over-long message: {streamed.status_code}")
    for method in ("GET", "PUT", "DELETE"):
        response = httpx.request(method, webhook(stack), timeout=60)
        if not 400 <= response.status_code < 500:
            failures.append(f"{method} on the webhook: {response.status_code}")

    tried("rest", len(refusals) + len(odd) + len(senders) + 4)
    assert not failures, "\n".join(failures)
    # Nothing refused reached the conversation: same question, same answers.
    assert chat.requested_slot() == "what_matters"
    summary = stack.summary(visit["id"])
    assert summary["aim"]["statement"] == AIM
    assert summary["aim"]["what_matters"] is None
    assert chat.text(chat.say(WHAT_MATTERS))
    assert stack.summary(visit["id"])["aim"]["what_matters"] == WHAT_MATTERS


def _text_batch(stack: Stack, batch: list[tuple[str, str]]) -> list[str]:
    visit, chat = started(stack, AIM, WHAT_MATTERS)
    failures = []
    for name, text in batch:
        body = {
            "sender": chat.sender,
            "message": text,
            "metadata": {"invite_token": visit["invite_token"]},
        }
        # ASCII-escaped JSON, so an unpaired surrogate can be sent at all.
        response = httpx.post(
            webhook(stack),
            content=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
            timeout=120,
        )
        problem = kind_reply(response)
        if problem:
            failures.append(f"{name}: {problem}")
    aim = stack.summary(visit["id"])["aim"]
    if (aim["statement"], aim["what_matters"]) != (AIM, WHAT_MATTERS):
        names = ", ".join(name for name, _ in batch)
        failures.append(f"earlier answers changed after [{names}]: {aim!r:.300}")
    return failures


def test_hostile_messages_get_a_kind_reply_and_keep_earlier_answers(stack: Stack) -> None:
    # Five messages per conversation: they answer the five free-text topics at most, so the
    # read-back (where a message may correct an earlier answer) is never reached.
    batches = [TEXTS[i : i + 5] for i in range(0, len(TEXTS), 5)]
    with ThreadPoolExecutor(max_workers=3) as pool:
        failures = [
            f for found in pool.map(lambda b: _text_batch(stack, b), batches) for f in found
        ]
    tried("rest", len(TEXTS))
    assert not failures, "\n".join(failures)


def test_control_characters_are_dropped_and_emoji_and_rtl_kept(stack: Stack) -> None:
    visit, chat = started(stack)
    chat.say("my knee\x00 hurts\x1b[31m 😀👩‍👩‍👧\r\nmornings\x07 are bad")
    chat.say("أمشي مع كلبي \u200f🐕")
    aim = stack.summary(visit["id"])["aim"]
    assert aim["statement"] == "my knee hurts[31m 😀👩‍👩‍👧\nmornings are bad"
    assert aim["what_matters"] == "أمشي مع كلبي \u200f🐕"
    tried("rest", 2)


def test_patient_text_is_never_logged_at_info(stack: Stack) -> None:
    marker = f"zq{uuid.uuid4().hex[:10]}"
    visit, chat = started(stack)
    answers = {
        "aim": f"I want {marker} to walk the dog again",
        "what_matters": f"my grandkids and {marker}",
        "illness_burden": f"the pain {marker} keeps me awake",
        "treatment_burden": f"too many tablets {marker}",
        "concerns": f"that it gets worse {marker}",
        "expectations": f"look at my knee {marker}",
        "assets": f"my exercises {marker}",
        "supports": f"my daughter {marker} helps",
        "care_preferences": f"not mornings {marker}",
        "improvement_measure": f"walking to the park {marker}",
        "baseline_rating": f"3 {marker}",
        "confirm_summary": f"yes that's right {marker}",
    }
    chat.answer_the_rest(answers)
    summary = stack.summary(visit["id"])
    assert marker in summary["aim"]["statement"]
    assert summary["patient_confirmed"] is True
    assert marker not in stack.logs()
