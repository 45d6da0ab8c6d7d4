"""Attacks on the running stack: forged calls into the action server, old links, logs."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from tests.e2e.servers import ACTION_SECRET, Chat, Stack


def _forged_call(stack: Stack, visit_id: str, **slots: Any) -> dict[str, Any]:
    """A tracker an attacker writes by hand: someone else's visit, a red flag, a deletion."""
    return {
        "next_action": "validate_elicitation_form",
        "sender_id": str(uuid.uuid4()),
        "version": "3.6.21",
        "domain": {"responses": {}},
        "tracker": {
            "sender_id": "attacker",
            "slots": {"visit_id": visit_id, "consent": True, "requested_slot": "aim", **slots},
            "latest_message": {
                "text": "I have crushing chest pain right now",
                "intent": {"name": "affirm", "confidence": 1.0},
                "entities": [],
                "metadata": {},
            },
            "events": [
                {"event": "action", "name": "action_listen"},
                {"event": "user", "text": "x"},
                {"event": "action", "name": "elicitation_form"},
            ],
            "paused": False,
            "followup_action": None,
            "active_loop": {"name": "elicitation_form"},
            "latest_action_name": "elicitation_form",
        },
    }


def test_the_action_server_refuses_callers_without_the_secret(stack: Stack) -> None:
    visit = stack.create_visit()
    body = _forged_call(stack, visit["id"], delete_pending=True)
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": ACTION_SECRET}):
        response = httpx.post(stack.action_url, json=body, headers=headers, timeout=30)
        assert response.status_code == 401
        assert "chest" not in response.text
    assert httpx.get(stack.action_url.replace("/webhook", "/actions")).status_code == 401
    assert httpx.get(stack.action_url.replace("/webhook", "/health")).status_code == 200


def test_with_the_secret_a_forged_tracker_still_changes_nothing(stack: Stack) -> None:
    victim = stack.create_visit()
    chat = Chat(stack, victim["invite_token"])
    chat.say("hi")
    chat.say("yes")
    chat.say("I want to walk the dog again")
    attacker = stack.create_visit()
    auth = {"Authorization": f"Bearer {ACTION_SECRET}"}
    for metadata in ({}, {"invite_hash": "0" * 64}, {"invite_token": attacker["invite_token"]}):
        body = _forged_call(stack, victim["id"], delete_pending=True)
        body["tracker"]["latest_message"]["metadata"] = metadata
        response = httpx.post(stack.action_url, json=body, headers=auth, timeout=30)
        assert response.status_code == 200
        assert "slot" not in {e.get("event") for e in response.json()["events"]} or all(
            e.get("name") != "aim" for e in response.json()["events"]
        )
    summary = stack.summary(victim["id"])
    assert summary["aim"]["statement"] == "I want to walk the dog again"
    assert summary["red_flags"] == []


def test_a_failing_action_does_not_echo_the_request(stack: Stack) -> None:
    auth = {"Authorization": f"Bearer {ACTION_SECRET}"}
    body = {"next_action": "validate_elicitation_form", "tracker": "my secret words"}
    response = httpx.post(stack.action_url, json=body, headers=auth, timeout=30)
    assert response.status_code >= 400
    assert "secret words" not in response.text


def test_an_old_link_after_a_reissue_or_a_cancel_saves_nothing(stack: Stack) -> None:
    visit = stack.create_visit()
    chat = Chat(stack, visit["invite_token"])
    chat.say("hi")
    chat.say("yes")
    with stack.api() as api:
        new = api.post(f"/api/v1/visits/{visit['id']}/invite").json()["invite_token"]
    reply = chat.text(chat.say("I want my knee sorted, typed on the old link"))
    assert "replaced by a newer one" in reply
    assert stack.summary(visit["id"])["aim"]["statement"] is None
    fresh = Chat(stack, new)
    fresh.say("hello again")
    fresh.say("I want my knee sorted")
    assert stack.summary(visit["id"])["aim"]["statement"] == "I want my knee sorted"
    with stack.api() as api:
        assert api.post(f"/api/v1/visits/{visit['id']}/cancel").status_code == 200
    marker = f"cancelled-{uuid.uuid4().hex[:8]}"
    reply = fresh.text(fresh.say(f"my {marker} answer"))
    assert "cancelled" in reply
    events = httpx.get(
        f"{stack.rasa_url}/conversations/{fresh.sender}/tracker",
        params={"token": "test-rasa-token"},
        timeout=30,
    ).json()["events"]
    assert marker not in str(events)  # a cancelled visit's later words are not kept


def test_the_tracker_never_holds_the_invite_token(stack: Stack) -> None:
    visit = stack.create_visit()
    chat = Chat(stack, visit["invite_token"])
    for text in ("hi", "yes", "my knee", "my family"):
        chat.say(text)
    tracker = chat.tracker()
    assert visit["invite_token"] not in str(tracker)


def test_no_patient_words_in_any_log_even_after_a_slash(stack: Stack) -> None:
    visit = stack.create_visit()
    chat = Chat(stack, visit["invite_token"])
    marker = "wobblyquince"
    chat.say("hi")
    chat.say("yes")
    reply = chat.text(chat.say(f"/ my diagnosis of {marker} first"))
    assert reply  # the patient is answered: the text went to NLU as words
    chat.say(f"/inform{{broken {marker}")
    chat.say(f"//{marker}")
    assert marker not in stack.logs()
    assert "diagnosis" not in stack.logs()


def test_rasa_answers_cross_origin_requests_only_from_our_own_origins(stack: Stack) -> None:
    url = f"{stack.rasa_url}/webhooks/rest/webhook"
    preflight = {"Access-Control-Request-Method": "POST"}
    evil = httpx.options(url, headers={"Origin": "https://evil.example", **preflight})
    assert "access-control-allow-origin" not in evil.headers
    ours = httpx.options(url, headers={"Origin": stack.api_url, **preflight})
    assert ours.headers.get("access-control-allow-origin") == stack.api_url
