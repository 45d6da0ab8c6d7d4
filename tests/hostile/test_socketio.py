"""Hostile input over the socket.io chat: a kind bot message or a refused socket, nothing lost."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone
from typing import Any

import httpx
import jwt
import pytest
import socketio

from rasa_server.channels.guarded import TOO_LONG_REPLY, UNREADABLE_REPLY
from tests import aio
from tests.e2e.servers import CHAT_JWT_SECRET, RASA_TOKEN, Stack
from tests.hostile.cases import TEXTS, socket_odd_but_valid, socket_refusals, tried

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.model,
    pytest.mark.parametrize("stack", ["sqlite"], indirect=True),
]

AIM = "I want to get back to swimming without my shoulder hurting"
KIND = {"unreadable": UNREADABLE_REPLY, "too long": TOO_LONG_REPLY}
#: Texts also sent over the socket (all of them go over REST): storage and NLU risks.
SOCKET_TEXTS = {
    "NUL inside",
    "emoji family",
    "Arabic",
    "script tag",
    "SQL drop",
    "Rasa restart",
    "payload, slot injection",
    "zalgo",
    "at the cap, emoji",
    "unpaired surrogate",
}


def chat_session(stack: Stack, invite_token: str) -> dict[str, Any]:
    response = httpx.post(
        f"{stack.api_url}/api/v1/chat-sessions", json={"invite_token": invite_token}, timeout=30
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


class Patient:
    """One socket.io connection to the chat, joined to its conversation."""

    def __init__(self, url: str, token: str, session_id: str) -> None:
        self.url, self.token, self.session_id = url, token, session_id
        self.client = socketio.AsyncClient(reconnection=False)
        self.received: list[dict] = []
        self.confirmed = asyncio.Event()
        self.client.on("bot_uttered", self.received.append)
        self.client.on("session_confirm", lambda _sid: self.confirmed.set())

    async def __aenter__(self) -> Patient:
        await self.client.connect(
            self.url, auth={"token": self.token}, transports=["websocket"], wait_timeout=30
        )
        await self.join({"session_id": self.session_id})
        return self

    async def __aexit__(self, *_: Any) -> None:
        await self.client.disconnect()

    async def join(self, data: Any) -> None:
        self.confirmed.clear()
        await self.client.emit("session_request", data)
        await asyncio.wait_for(self.confirmed.wait(), 30)

    async def send(self, *args: Any, wait: float = 60.0) -> list[dict]:
        """Emit `user_uttered` with `args`; return the bot's messages of that turn."""
        self.received.clear()
        await self.client.emit("user_uttered", args[0] if len(args) == 1 else args)
        deadline = asyncio.get_running_loop().time() + wait
        while not self.received and asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(0.05)
        count = -1
        while count != len(self.received):  # the rest of the turn's messages
            count = len(self.received)
            await asyncio.sleep(0.5)
        return list(self.received)

    async def say(self, text: str, invite_token: str) -> list[dict]:
        data = {"message": text, "session_id": self.session_id}
        return await self.send({**data, "customData": {"invite_token": invite_token}})


def texts(replies: list[dict]) -> list[str]:
    return [r["text"] for r in replies if isinstance(r, dict) and r.get("text")]


def requested_slot(stack: Stack, session_id: str) -> str | None:
    response = httpx.get(
        f"{stack.rasa_url}/conversations/{session_id}/tracker",
        params={"token": RASA_TOKEN},
        timeout=30,
    )
    response.raise_for_status()
    return response.json()["slots"].get("requested_slot")


async def _malformed(stack: Stack) -> list[str]:
    visit = stack.create_visit()
    token = visit["invite_token"]
    session = chat_session(stack, token)
    other = chat_session(stack, token)
    failures: list[str] = []
    async with Patient(stack.rasa_url, session["token"], session["session_id"]) as patient:
        await patient.say("/greet", token)
        await patient.say("/affirm", token)
        await patient.say(AIM, token)
        if requested_slot(stack, session["session_id"]) != "what_matters":
            return ["the conversation did not reach what_matters"]

        refusals = socket_refusals(session["session_id"], token)
        for name, data, kind in refusals:
            if texts(await patient.send(data)) != [KIND[kind]]:
                failures.append(f"{name}: no '{kind}' reply")
        odd = socket_odd_but_valid(session["session_id"], token)
        for name, data in odd:
            if not texts(await patient.send(data)):
                failures.append(f"{name}: no bot message")
        extra = {"message": "who will see this?", "session_id": session["session_id"]}
        if not texts(await patient.send(extra, "second argument", 3)):
            failures.append("extra arguments: no bot message")
        # Another conversation's id is not this socket's to write to: dropped, no reply.
        if await patient.send({**extra, "session_id": other["session_id"]}, wait=3):
            failures.append("another conversation's id: a reply")
        await patient.join("not an object")
        await patient.join(None)
        if not texts(await patient.say("how long will this take?", token)):
            failures.append("after the odd session requests: no bot message")
    tried("socketio", len(refusals) + len(odd) + 5)
    if requested_slot(stack, session["session_id"]) != "what_matters":
        failures.append("the conversation moved on")
    aim = stack.summary(visit["id"])["aim"]
    if (aim["statement"], aim["what_matters"]) != (AIM, None):
        failures.append(f"answers changed: {aim!r:.300}")
    return failures


def test_malformed_socket_messages_get_a_kind_reply_and_nothing_is_lost(stack: Stack) -> None:
    failures = aio.run(_malformed(stack))
    assert not failures, "\n".join(failures)


async def _texts(stack: Stack, batch: list[tuple[str, str]]) -> list[str]:
    visit = stack.create_visit()
    token = visit["invite_token"]
    session = chat_session(stack, token)
    failures: list[str] = []
    async with Patient(stack.rasa_url, session["token"], session["session_id"]) as patient:
        for text in ("/greet", "/affirm", AIM, "my family"):
            await patient.say(text, token)
        for name, text in batch:
            if not texts(await patient.say(text, token)):
                failures.append(f"{name}: no bot message")
    aim = stack.summary(visit["id"])["aim"]
    if (aim["statement"], aim["what_matters"]) != (AIM, "my family"):
        failures.append(f"answers changed: {aim!r:.300}")
    return failures


def test_hostile_messages_over_the_socket_get_a_kind_reply(stack: Stack) -> None:
    chosen = [(name, text) for name, text in TEXTS if name in SOCKET_TEXTS]
    assert len(chosen) == len(SOCKET_TEXTS)

    async def both() -> list[str]:
        found = await asyncio.gather(_texts(stack, chosen[:5]), _texts(stack, chosen[5:]))
        return [failure for batch in found for failure in batch]

    failures = aio.run(both())
    tried("socketio", len(chosen))
    assert not failures, "\n".join(failures)


async def _refused(url: str, auth: Any, wait: float = 5) -> bool:
    """True when the server will not take a socket with `auth` (a refused one never connects)."""
    client = socketio.AsyncClient(reconnection=False)
    try:
        await client.connect(url, auth=auth, transports=["websocket"], wait_timeout=wait)
    except socketio.exceptions.ConnectionError:
        return True
    await client.disconnect()
    return False


async def _all_refused(url: str, auths: list[Any]) -> list[bool]:
    return list(await asyncio.gather(*(_refused(url, auth) for auth in auths)))


def test_sockets_with_bad_tokens_are_refused(stack: Stack) -> None:
    visit = stack.create_visit()
    session = chat_session(stack, visit["invite_token"])
    now = datetime.now(timezone.utc)
    sub = session["session_id"]

    def signed(claims: dict[str, Any], key: str = CHAT_JWT_SECRET, alg: str = "HS256") -> str:
        return jwt.encode(claims, key, algorithm=alg)

    bad = [
        ("no auth", None),
        ("auth not an object", "token"),
        ("token missing", {}),
        ("token number", {"token": 42}),
        ("token garbage", {"token": "not-a-jwt"}),
        ("token 10 KB", {"token": "x" * 10_000}),
        ("expired", {"token": signed({"sub": sub, "exp": now - timedelta(minutes=1)})}),
        (
            "forged",
            {"token": signed({"sub": sub, "exp": now + timedelta(minutes=5)}, "another-key" * 4)},
        ),
        ("no expiry", {"token": signed({"sub": sub})}),
        ("no subject", {"token": signed({"exp": now + timedelta(minutes=5)})}),
        (
            "alg none",
            {"token": jwt.encode({"sub": sub, "exp": now + timedelta(minutes=5)}, None, "none")},
        ),
    ]
    refused = aio.run(_all_refused(stack.rasa_url, [auth for _, auth in bad]))
    tried("socketio", len(bad))
    assert not [name for (name, _), no in zip(bad, refused, strict=True) if not no]
    assert not aio.run(_refused(stack.rasa_url, {"token": session["token"]}, wait=30))
