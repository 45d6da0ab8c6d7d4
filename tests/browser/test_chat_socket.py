"""Rasa's socket.io channel takes only sockets that carry a chat token from the API."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone
from typing import Any

import httpx
import jwt
import pytest
import socketio

from tests.e2e.servers import CHAT_JWT_SECRET, Stack

pytestmark = [pytest.mark.e2e, pytest.mark.model]


def run(coroutine: Coroutine[Any, Any, Any]) -> Any:
    """Run a coroutine on its own thread: Playwright's sync API may own this thread's loop."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def chat_session(stack: Stack, invite_token: str) -> dict[str, Any]:
    response = httpx.post(
        f"{stack.api_url}/api/v1/chat-sessions", json={"invite_token": invite_token}, timeout=30
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


#: How long a reply may take on a loaded machine (the first one warms the action server up).
REPLY_SECONDS = 60
#: After the first reply, how long the rest of the bot's messages for that turn may take.
SETTLE_SECONDS = 2
#: How long to wait before concluding that nothing was sent back.
SILENCE_SECONDS = 5


async def talk(
    url: str, auth: dict | None, session_id: str, say: list[dict], *, answered: bool = True
) -> list[dict]:
    """Connect, join the conversation, send messages; return what the bot sent back.

    With `answered`, each message waits for the bot's reply (however long a loaded machine
    takes); without it, for a few seconds of silence.
    """
    client = socketio.AsyncClient(reconnection=False)
    received: list[dict] = []
    confirmed = asyncio.Event()
    replied = asyncio.Event()

    def uttered(data: dict) -> None:
        received.append(data)
        replied.set()

    client.on("bot_uttered", uttered)
    client.on("session_confirm", lambda _sid: confirmed.set())
    await client.connect(url, auth=auth, transports=["websocket"], wait_timeout=10)
    try:
        await client.emit("session_request", {"session_id": session_id})
        await asyncio.wait_for(confirmed.wait(), 10)
        for message in say:
            replied.clear()
            await client.emit("user_uttered", message)
            if answered:
                await asyncio.wait_for(replied.wait(), REPLY_SECONDS)
                await asyncio.sleep(SETTLE_SECONDS)
            else:
                await asyncio.sleep(SILENCE_SECONDS)
    finally:
        await client.disconnect()
    return received


def refused(url: str, auth: dict | None) -> bool:
    try:
        run(talk(url, auth, "0" * 32, []))
    except socketio.exceptions.ConnectionError:
        return True
    return False


def test_a_socket_without_a_valid_token_is_refused(chat_stack: Stack) -> None:
    visit = chat_stack.create_visit()
    session = chat_session(chat_stack, visit["invite_token"])
    now = datetime.now(timezone.utc)
    expired = jwt.encode(
        {"sub": session["session_id"], "exp": now - timedelta(minutes=1)},
        CHAT_JWT_SECRET,
        algorithm="HS256",
    )
    forged = jwt.encode(
        {"sub": session["session_id"], "exp": now + timedelta(minutes=5)},
        "not-the-secret-but-long-enough-to-sign",
        algorithm="HS256",
    )
    url = session["socket_url"]
    assert url == chat_stack.rasa_url
    assert refused(url, None)
    assert refused(url, {"token": "not-a-jwt"})
    assert refused(url, {"token": expired})
    assert refused(url, {"token": forged})


def test_a_token_opens_its_own_conversation_and_no_other(chat_stack: Stack) -> None:
    visit = chat_stack.create_visit()
    session = chat_session(chat_stack, visit["invite_token"])
    other = chat_session(chat_stack, visit["invite_token"])
    auth = {"token": session["token"]}
    hello = {
        "message": "/greet",
        "session_id": session["session_id"],
        "customData": {"invite_token": visit["invite_token"]},
    }
    replies = run(talk(session["socket_url"], auth, session["session_id"], [hello]))
    texts = " ".join(r.get("text", "") for r in replies)
    assert "clinician" in texts
    assert any(r.get("quick_replies") for r in replies)

    # The same token cannot join or write to another conversation.
    with pytest.raises((asyncio.TimeoutError, socketio.exceptions.ConnectionError)):
        run(talk(session["socket_url"], auth, other["session_id"], []))
    sneaky = {**hello, "session_id": other["session_id"]}
    silent = talk(session["socket_url"], auth, session["session_id"], [sneaky], answered=False)
    assert run(silent) == []
    # Sockets opened and closed leave no error traceback behind ("Invalid response type None").
    assert "Invalid response type" not in chat_stack.logs()


def test_an_old_link_stops_at_once_on_an_open_socket(chat_stack: Stack) -> None:
    visit = chat_stack.create_visit()
    session = chat_session(chat_stack, visit["invite_token"])
    auth = {"token": session["token"]}
    url, conversation = session["socket_url"], session["session_id"]

    def say(text: str) -> dict[str, Any]:
        return {
            "message": text,
            "session_id": conversation,
            "customData": {"invite_token": visit["invite_token"]},
        }

    async def reissue_between() -> list[dict]:
        client = socketio.AsyncClient(reconnection=False)
        received: list[dict] = []
        confirmed = asyncio.Event()
        replied = asyncio.Event()
        stopped = asyncio.Event()

        def uttered(data: dict) -> None:
            received.append(data)
            replied.set()
            if data.get("custom", {}).get("reason") == "replaced":
                stopped.set()

        client.on("bot_uttered", uttered)
        client.on("session_confirm", lambda _sid: confirmed.set())
        await client.connect(url, auth=auth, transports=["websocket"], wait_timeout=10)
        try:
            await client.emit("session_request", {"session_id": conversation})
            await asyncio.wait_for(confirmed.wait(), 10)
            for text in ("/greet", "/affirm"):
                replied.clear()
                await client.emit("user_uttered", say(text))
                await asyncio.wait_for(replied.wait(), REPLY_SECONDS)
                await asyncio.sleep(SETTLE_SECONDS)
            async with httpx.AsyncClient(base_url=chat_stack.api_url, timeout=30) as api:
                reissued = await api.post(
                    f"/api/v1/visits/{visit['id']}/invite",
                    headers={"Authorization": "Bearer test-admin-token"},
                )
                assert reissued.status_code == 201
            received.clear()
            await client.emit("user_uttered", say("my knee, typed after the link was replaced"))
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(stopped.wait(), REPLY_SECONDS)
        finally:
            await client.disconnect()
        return received

    replies = run(reissue_between())
    assert any(r.get("custom", {}).get("reason") == "replaced" for r in replies), replies
    assert chat_stack.summary(visit["id"])["aim"]["statement"] is None
    # The socket cannot even reconnect with the old link's token.
    assert refused(url, auth)
