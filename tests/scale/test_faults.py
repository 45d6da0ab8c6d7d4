"""Restarts and outages lose nothing.

The Rasa server restarts mid-conversation; the action server stops for a few turns; the
database goes away for a few seconds. Each time the patient is told kindly when saving is
delayed, and once everything is back the summary holds every answer given.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import socketio

from rasa_server.channels.delivery import DELAYED_NOTICE
from tests import aio
from tests.conftest import reset_postgres
from tests.e2e.proxy import CuttableProxy
from tests.e2e.servers import Chat, Stack, running_stack, start_actions, start_rasa, stop

pytestmark = [pytest.mark.e2e, pytest.mark.model]
POSTGRES_URL = os.environ.get("COPRODUCE_TEST_DATABASE_URL")
# REST clients get kept messages saved with their next message, not by the background retry.
QUIET_REST = {"COPRODUCE_OUTBOX_IDLE_SECONDS": "600"}

QUESTION_AFTER_WHAT_MATTERS = "How does your health get in the way"


@pytest.fixture(scope="module")
def own_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    workdir = tmp_path_factory.mktemp("faults")
    with running_stack(
        workdir, database_url=f"sqlite:///{workdir / 'aims.db'}", extra_env=QUIET_REST
    ) as stack:
        yield stack


def _check_rest_of_summary(summary: dict) -> None:
    assert summary["status"] == "completed"
    assert summary["aim"]["statement"] == "to manage my breathing better"
    assert summary["treatment_burdens"][0]["text"] == "the inhaler technique confuses me"
    assert summary["assets"] == [{"text": "my breathing exercises"}]
    assert summary["supports"][0]["relationship"] == "son"
    assert summary["improvement"]["measure"] == "if I could do the stairs in one go"
    assert summary["improvement"]["baseline_rating"] == 3


def test_a_rasa_restart_mid_conversation_keeps_every_answer(own_stack: Stack) -> None:
    stack = own_stack
    visit = stack.create_visit()
    chat = Chat(stack, visit["invite_token"])
    for text in ["hi", "yes", "to manage my breathing better", "my allotment"]:
        chat.say(text)
    assert chat.requested_slot() == "illness_burden"

    stop(stack, "rasa")
    start_rasa(stack, Path(stack.log_dir) / "endpoints.yml")

    assert chat.requested_slot() == "illness_burden"
    chat.answer_the_rest()
    summary = stack.summary(visit["id"])
    _check_rest_of_summary(summary)
    assert summary["aim"]["what_matters"] == "my allotment"
    assert summary["illness_burdens"] == [{"text": "I get breathless on the stairs"}]


def test_an_action_server_outage_keeps_every_answer_and_says_saving_is_delayed(
    own_stack: Stack,
) -> None:
    stack = own_stack
    visit, flagged_visit = stack.create_visit(), stack.create_visit()
    chat, other = Chat(stack, visit["invite_token"]), Chat(stack, flagged_visit["invite_token"])
    for text in ["hi", "yes", "to manage my breathing better"]:
        chat.say(text)
    other.say("hi")
    assert chat.requested_slot() == "what_matters"

    stop(stack, "actions")
    try:
        for text in ["my allotment", "and singing in the choir", "hello?"]:
            assert DELAYED_NOTICE in chat.text(chat.say(text)), text
        danger = other.text(other.say("I've got crushing chest pain right now"))
        assert "999" in danger and DELAYED_NOTICE in danger
    finally:
        start_actions(stack)

    # Everything typed while the question stood is one answer to it.
    assert chat.text(chat.say("oh and my dog Bess"))
    assert chat.requested_slot() == "illness_burden"
    chat.answer_the_rest()
    summary = stack.summary(visit["id"])
    _check_rest_of_summary(summary)
    what_matters = summary["aim"]["what_matters"]
    for words in ["my allotment", "singing in the choir", "my dog Bess"]:
        assert words in what_matters
    assert "hello" not in what_matters
    assert summary["illness_burdens"] == [{"text": "I get breathless on the stairs"}]

    # The danger said during the outage reaches the clinic once the actions are back.
    assert "999" in other.text(other.say("yes"))
    flags = stack.summary(flagged_visit["id"])["red_flags"]
    assert [flag["category"] for flag in flags] == ["chest_pain"]
    assert "crushing chest pain" in flags[0]["text"]


async def _socket_outage(stack: Stack, invite_token: str) -> list[str]:
    """Answer over socket.io while the action server is down, then wait for the bot."""
    async with httpx.AsyncClient(base_url=stack.api_url, timeout=30) as api:
        response = await api.post("/api/v1/chat-sessions", json={"invite_token": invite_token})
        session = response.raise_for_status().json()
    client = socketio.AsyncClient(reconnection=False)
    received: list[str] = []
    arrived = asyncio.Event()
    confirmed = asyncio.Event()

    def on_bot(data: dict) -> None:
        received.append(str(data.get("text", "")))
        arrived.set()

    async def say(text: str) -> None:
        arrived.clear()
        await client.emit(
            "user_uttered",
            {
                "message": text,
                "session_id": session["session_id"],
                "customData": {"invite_token": invite_token},
            },
        )
        await asyncio.wait_for(arrived.wait(), 60)
        await asyncio.sleep(1)  # the rest of this turn's messages

    client.on("bot_uttered", on_bot)
    client.on("session_confirm", lambda _sid: confirmed.set())
    await client.connect(
        session["socket_url"], auth={"token": session["token"]}, transports=["websocket"]
    )
    try:
        await client.emit("session_request", {"session_id": session["session_id"]})
        await asyncio.wait_for(confirmed.wait(), 10)
        for text in ["hi", "yes", "to manage my breathing better"]:
            await say(text)
        await asyncio.to_thread(stop, stack, "actions")
        try:
            await say("my allotment")
            assert received[-1] == DELAYED_NOTICE
            kept_at = len(received)
        finally:
            await asyncio.to_thread(start_actions, stack)
        # The patient types nothing more: the kept answer is saved and the chat moves on (the
        # replies may already have come while the action server was starting).
        for _ in range(180):
            if any(QUESTION_AFTER_WHAT_MATTERS in text for text in received[kept_at:]):
                break
            await asyncio.sleep(0.5)
    finally:
        await client.disconnect()
    return received


def test_a_socket_chat_carries_on_by_itself_once_the_action_server_is_back(
    own_stack: Stack,
) -> None:
    visit = own_stack.create_visit()
    received = aio.run(_socket_outage(own_stack, visit["invite_token"]))
    after = received[received.index(DELAYED_NOTICE) + 1 :]
    assert any(QUESTION_AFTER_WHAT_MATTERS in text for text in after), after
    assert own_stack.summary(visit["id"])["aim"]["what_matters"] == "my allotment"


@pytest.fixture(scope="module")
def stack_behind_proxy(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Stack, CuttableProxy]]:
    if not POSTGRES_URL:
        pytest.skip("COPRODUCE_TEST_DATABASE_URL not set")
    reset_postgres(POSTGRES_URL)
    prefix, _, rest = POSTGRES_URL.rpartition("@")
    host, _, database = rest.partition("/")
    hostname, _, port = host.partition(":")
    workdir = tmp_path_factory.mktemp("database-outage")
    with CuttableProxy(hostname, int(port or 5432)) as proxy:
        database_url = f"{prefix}@127.0.0.1:{proxy.port}/{database}"
        with running_stack(workdir, database_url=database_url, extra_env=QUIET_REST) as stack:
            yield stack, proxy


@pytest.mark.postgres
def test_a_database_outage_keeps_every_answer_and_says_saving_is_delayed(
    stack_behind_proxy: tuple[Stack, CuttableProxy],
) -> None:
    stack, proxy = stack_behind_proxy
    visit = stack.create_visit()
    chat = Chat(stack, visit["invite_token"])
    for text in ["hi", "yes", "to manage my breathing better", "my allotment"]:
        chat.say(text)
    assert chat.requested_slot() == "illness_burden"

    proxy.cut()
    try:
        for text in ["I get breathless on the stairs", "and I cough half the night"]:
            assert DELAYED_NOTICE in chat.text(chat.say(text)), text
        time.sleep(3)
    finally:
        proxy.restore()

    assert chat.text(chat.say("it wears me out"))
    assert chat.requested_slot() == "treatment_burden"
    chat.answer_the_rest()
    summary = stack.summary(visit["id"])
    _check_rest_of_summary(summary)
    assert summary["aim"]["what_matters"] == "my allotment"
    burdens = " | ".join(item["text"] for item in summary["illness_burdens"])
    for words in ["breathless on the stairs", "cough half the night", "wears me out"]:
        assert words in burdens
