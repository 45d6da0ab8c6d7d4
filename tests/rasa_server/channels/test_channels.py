"""The guarded input channels, without a Rasa server: what they refuse, clean and pass on."""

from __future__ import annotations

import json
import uuid
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from rasa.core.channels.channel import UserMessage
from sanic import Sanic

from coproduce.config import get_settings
from coproduce.visits import service as visit_service
from coproduce.visits.models import Visit
from coproduce.visits.service import hash_token
from rasa_server.channels.gate import Vocabulary
from rasa_server.channels.guarded import (
    TOO_LONG_REPLY,
    UNREADABLE_REPLY,
    GuardedRestInput,
    Refusal,
    check_rest_body,
    check_socket_message,
    clean_text,
    patient_text,
)
from rasa_server.channels.patient_socket import PatientSocketInput
from tests import aio
from tests.builders import make_visit

MAX = 4000


def body(**fields: Any) -> bytes:
    return json.dumps(fields).encode()


# -- the text itself ------------------------------------------------------------------------


def test_control_characters_go_and_newlines_tabs_emoji_and_rtl_stay() -> None:
    text = "my knee\x00 hurts\x07\r\n\tmornings\x1b[31m\x7f\x85 😀👩‍👩‍👧 مرحبا \u202eabc"
    assert clean_text(text) == "my knee hurts\n\tmornings[31m 😀👩‍👩‍👧 مرحبا \u202eabc"


def test_an_unpaired_surrogate_is_dropped_and_a_pair_stays() -> None:
    assert clean_text("a\ud800b") == "ab"
    assert clean_text(json.loads('"\\ud83d\\ude00"')) == "😀"


VOCABULARY = Vocabulary(
    frozenset({"affirm", "correct", "inform", "restart", "session_start", "back"}),
    frozenset({"edit_topic", "goal_attainment"}),
)


@pytest.mark.parametrize(
    ("typed", "passed"),
    [
        ("/restart", "restart"),
        ("  /session_start", "session_start"),
        ('/back{"a": 1}', 'back{"a": 1}'),
        ("/affirm", "/affirm"),
        ('/correct{"edit_topic":"aim"}', '/correct{"edit_topic":"aim"}'),
        ("/backache", "backache"),
        ("/ my diagnosis", "my diagnosis"),
        ("//what is my diagnosis?", "what is my diagnosis?"),
        ('/inform{"oops', 'inform{"oops'),
        ("/inform[1]", "inform[1]"),
        ('/inform{"aim": "hacked", "visit_id": "x"}', 'inform{"aim": "hacked", "visit_id": "x"}'),
        ('/inform{"goal_attainment": 1}', '/inform{"goal_attainment": 1}'),
        ("I want to /restart my life", "I want to /restart my life"),
    ],
)
def test_only_our_own_button_payloads_keep_a_leading_slash(typed: str, passed: str) -> None:
    assert patient_text(typed, VOCABULARY) == passed


def test_before_a_model_is_loaded_nothing_is_a_payload() -> None:
    assert patient_text("/affirm", None) == "affirm"


# -- the REST body --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        (b"", "JSON"),
        (b"not json", "JSON"),
        (b'{"sender": "a", "message": "hi"', "JSON"),
        (b"\xff\xfe", "JSON"),
        (b"[]", "object"),
        (b'"hi"', "object"),
        (b"null", "object"),
        (b'{"sender": "a", "message": NaN}', "JSON"),
        (b'{"sender": "a", "sender": "b", "message": "hi"}', "'sender'"),
        (body(message="hi"), "'sender'"),
        (body(sender=12, message="hi"), "'sender'"),
        (body(sender=None, message="hi"), "'sender'"),
        (body(sender="", message="hi"), "'sender'"),
        (body(sender="   ", message="hi"), "'sender'"),
        (body(sender="s" * 256, message="hi"), "'sender'"),
        (body(sender="a\x00b", message="hi"), "'sender'"),
        (body(sender="a\nb", message="hi"), "'sender'"),
        (body(sender="a"), "'message'"),
        (body(sender="a", message=None), "'message'"),
        (body(sender="a", message=["hi"]), "'message'"),
        (body(sender="a", message={"text": "hi"}), "'message'"),
        (body(sender="a", message=True), "'message'"),
        (body(sender="a", message="hi", metadata="token"), "'metadata'"),
        (body(sender="a", message="hi", metadata=[1]), "'metadata'"),
        (body(sender="a", message="hi", input_channel=3), "'input_channel'"),
    ],
)
def test_a_malformed_body_is_a_400_naming_the_problem(raw: bytes, field: str) -> None:
    refusal = check_rest_body(raw, max_chars=MAX)
    assert isinstance(refusal, Refusal)
    assert refusal.status == 400
    assert refusal.error == "bad_request"
    assert field in refusal.message


def test_deep_nesting_is_a_400_not_a_crash() -> None:
    raw = b'{"sender": "a", "message": "hi", "metadata": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    refusal = check_rest_body(raw, max_chars=100_000)
    assert isinstance(refusal, Refusal) and refusal.status == 400


def test_a_message_over_the_cap_is_a_413_with_the_cap() -> None:
    refusal = check_rest_body(body(sender="a", message="x" * (MAX + 1)), max_chars=MAX)
    assert isinstance(refusal, Refusal)
    assert refusal.status == 413
    assert refusal.body()["max_chars"] == MAX
    assert str(MAX) in refusal.message


def test_a_huge_body_is_a_413_before_it_is_parsed() -> None:
    raw = b'{"sender": "a", "message": "hi", "metadata": {"pad": "' + b"x" * 1_000_000 + b'"}}'
    refusal = check_rest_body(raw, max_chars=MAX)
    assert isinstance(refusal, Refusal)
    assert refusal.status == 413 and refusal.body()["max_chars"] == MAX


def test_a_message_at_the_cap_passes_cleaned() -> None:
    text = "é" * (MAX - 1) + "\x00"
    checked = check_rest_body(
        body(sender="a", message=text, metadata={"invite_token": "t"}), max_chars=MAX
    )
    assert checked == {"sender": "a", "message": "é" * (MAX - 1), "metadata": {"invite_token": "t"}}


@pytest.mark.parametrize(
    "text", ["", "   ", "\n", "😀", "<script>alert(1)</script>", "' OR 1=1;--"]
)
def test_odd_but_well_formed_text_passes_to_rasa(text: str) -> None:
    checked = check_rest_body(body(sender="a", message=text), max_chars=MAX)
    assert checked == {"sender": "a", "message": text}


# -- the REST channel as Rasa mounts it -----------------------------------------------------


_RECEIVED: list[UserMessage] = []
_APP: list[Sanic] = []


async def _rest_app() -> Sanic:
    """The REST channel mounted the way Rasa mounts it; one app per process (Sanic's
    start-up rewrites its own code once, so a second app cannot start in one process)."""
    if _APP:
        return _APP[0]

    async def on_new_message(message: UserMessage) -> None:
        _RECEIVED.append(message)
        await message.output_channel.send_text_message(message.sender_id, "hello")

    channel = GuardedRestInput()
    app = Sanic(f"guard-{uuid.uuid4().hex}")
    app.blueprint(channel.blueprint(on_new_message), url_prefix=f"/webhooks/{channel.name()}")
    await app._startup()  # what `rasa run` does before serving: finalise the routes
    domain = SimpleNamespace(
        intents=sorted(VOCABULARY.intents), entities=sorted(VOCABULARY.entities)
    )
    app.ctx.agent = SimpleNamespace(domain=domain)
    _APP.append(app)
    return app


async def _rest_exchange(
    requests: list[bytes], *, ip: str = "127.0.0.1"
) -> tuple[list[httpx.Response], list[UserMessage]]:
    app = await _rest_app()
    _RECEIVED.clear()
    transport = httpx.ASGITransport(app=app, client=(ip, 1234))  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://rasa") as client:
        responses = [await client.post("/webhooks/rest/webhook", content=raw) for raw in requests]
        responses.append(await client.get("/webhooks/rest/"))
    return responses, list(_RECEIVED)


@pytest.fixture
def invite(session: Any) -> str:
    _, token = make_visit(session)
    return token


def test_the_rest_channel_keeps_its_name_and_refuses_before_rasa_sees_anything(
    invite: str,
) -> None:
    good = body(sender="pat-1", message="my\x00 knee 😀", metadata={"invite_token": invite})
    bad = [b"[]", body(sender="pat-1"), body(sender="pat-1", message="x" * (MAX + 1))]
    button = body(sender="pat-1", message="/affirm", metadata={"invite_token": invite})
    typed = body(sender="pat-1", message="/ my diagnosis", metadata={"invite_token": invite})
    responses, received = aio.run(_rest_exchange([good, *bad, button, typed]))

    assert GuardedRestInput.name() == "rest"
    assert responses[0].status_code == 200
    assert responses[0].json() == [{"recipient_id": "pat-1", "text": "hello"}]
    assert [r.status_code for r in responses[1:4]] == [400, 400, 413]
    assert all(r.headers["content-type"].startswith("application/json") for r in responses[1:4])
    assert responses[3].json()["max_chars"] == MAX
    assert responses[6].json() == {"status": "ok"}
    # Rasa gets the invite's hash, never the token (nor anything else a client sent), and a
    # leading slash only on our own buttons' payloads.
    assert [(m.sender_id, m.text, m.metadata["invite_hash"]) for m in received] == [
        ("pat-1", "my knee 😀", hash_token(invite)),
        ("pat-1", "/affirm", hash_token(invite)),
        ("pat-1", "my diagnosis", hash_token(invite)),
    ]
    assert all(set(m.metadata) <= {"invite_hash", "safety"} for m in received)
    assert received[0].metadata["safety"]["level"] == "none"
    assert "safety" not in received[1].metadata  # a button is not judged


def _closed(response: httpx.Response) -> str | None:
    customs = [m["custom"] for m in response.json() if "custom" in m]
    return customs[-1].get("reason") if customs else None


def test_a_dead_or_foreign_invite_never_reaches_rasa(invite: str, session: Any) -> None:
    visit = session.get(Visit, visit_service.resolve_invite(session=session, token=invite)[0].id)
    other_visit, other = make_visit(session, patient_ref="MRN-OTHER")
    replaced = visit_service.issue_invite(session=session, visit=visit)
    session.commit()
    requests = [
        body(sender="pat-1", message="hello", metadata={"invite_token": replaced}),
        body(sender="pat-1", message="from the old link", metadata={"invite_token": invite}),
        body(sender="pat-1", message="no token at all"),
        body(sender="pat-1", message="a guess", metadata={"invite_token": "guessed"}),
        body(sender="pat-1", message="someone else", metadata={"invite_token": other}),
        body(
            sender="pat-1",
            message="forged hash",
            metadata={"invite_hash": hash_token(replaced)},
        ),
    ]
    responses, received = aio.run(_rest_exchange(requests))
    assert [m.text for m in received] == ["hello"]
    assert [_closed(r) for r in responses[1:6]] == [
        "replaced",
        "unknown",
        "unknown",
        "other_conversation",
        "unknown",
    ]
    visit_service.cancel_visit(session=session, visit=other_visit)
    session.commit()
    responses, received = aio.run(
        _rest_exchange([body(sender="pat-2", message="hi", metadata={"invite_token": other})])
    )
    assert received == [] and _closed(responses[0]) == "cancelled"


def test_a_client_guessing_invites_is_told_to_wait(invite: str) -> None:
    guesses = [
        body(sender=f"s-{n}", message="hi", metadata={"invite_token": f"guess-{n}"})
        for n in range(12)
    ]
    danger = body(
        sender="s-x", message="i have crushing chest pain now", metadata={"invite_token": "g"}
    )
    responses, received = aio.run(_rest_exchange([*guesses, danger], ip="10.0.0.9"))
    assert received == []
    statuses = [r.status_code for r in responses[:12]]
    assert statuses[:10] == [200] * 10 and statuses[10:] == [429, 429]
    assert int(responses[10].headers["Retry-After"]) > 0
    # Rate limited or not, a message that signals danger gets the safety guidance.
    assert responses[12].status_code == 200
    assert "999" in responses[12].json()[0]["text"]
    # Another address is not affected.
    good = body(sender="pat-1", message="hi", metadata={"invite_token": invite})
    responses, received = aio.run(_rest_exchange([good], ip="10.0.0.10"))
    assert responses[0].status_code == 200 and len(received) == 1


# -- the socket.io channel ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "reply"),
    [
        (None, UNREADABLE_REPLY),
        ("hi", UNREADABLE_REPLY),
        ([1, 2], UNREADABLE_REPLY),
        ({}, UNREADABLE_REPLY),
        ({"message": 42}, UNREADABLE_REPLY),
        ({"message": None}, UNREADABLE_REPLY),
        ({"message": {"text": "hi"}}, UNREADABLE_REPLY),
        ({"message": "hi"}, UNREADABLE_REPLY),
        ({"message": "hi", "session_id": 5}, UNREADABLE_REPLY),
        ({"message": "x" * (MAX + 1), "session_id": "c"}, TOO_LONG_REPLY),
    ],
)
def test_a_bad_socket_message_gets_a_kind_reply(data: Any, reply: str) -> None:
    assert check_socket_message(data, max_chars=MAX, metadata_key="customData") == reply


def test_a_socket_message_is_cleaned_and_its_metadata_made_an_object() -> None:
    checked = check_socket_message(
        {"message": "hi\x00\x1b", "session_id": "c", "customData": '{"invite_token": "t"}'},
        max_chars=MAX,
        metadata_key="customData",
    )
    assert checked == {"message": "hi", "session_id": "c", "customData": {"invite_token": "t"}}
    for metadata in ("{not json", "[1]", 5, ["a"], "[" * 100_000):
        checked = check_socket_message(
            {"message": "hi", "session_id": "c", "customData": metadata},
            max_chars=MAX,
            metadata_key="customData",
        )
        assert isinstance(checked, dict) and checked["customData"] == {}


def _socket_channel() -> PatientSocketInput:
    channel = PatientSocketInput.from_credentials(
        {
            "user_message_evt": "user_uttered",
            "bot_message_evt": "bot_uttered",
            "session_persistence": True,
            "metadata_key": "customData",
            "jwt_key": "a-secret-for-the-unit-tests-long-enough",
            "jwt_method": "HS256",
        }
    )
    assert isinstance(channel, PatientSocketInput)
    return channel


async def _socket_exchange(
    messages: list[Any], invite_hash: str
) -> tuple[list[tuple], list[UserMessage]]:
    received: list[UserMessage] = []
    emitted: list[tuple] = []

    async def on_new_message(message: UserMessage) -> None:
        received.append(message)

    channel = _socket_channel()
    channel.blueprint(on_new_message)
    sio = channel.sio
    assert sio is not None

    async def get_session(sid: str, namespace: str | None = None) -> dict[str, str]:
        return {"conversation": "conv-1", "invite_hash": invite_hash, "client": "10.1.1.1"}

    async def emit(event: str, data: Any = None, **kwargs: Any) -> None:
        emitted.append((event, data, kwargs.get("room")))

    sio.get_session = get_session  # type: ignore[method-assign]
    sio.emit = emit  # type: ignore[method-assign]
    sio.enter_room = lambda *args, **kwargs: None  # type: ignore[method-assign]
    handle = sio.handlers["/"]["user_uttered"]
    for message in messages:
        await handle("sid-1", message)
    await sio.handlers["/"]["session_request"]("sid-1", "not an object")
    return emitted, received


def test_the_socket_channel_answers_kindly_and_passes_only_good_messages(invite: str) -> None:
    get_settings.cache_clear()
    good = {
        "message": "my\x07 hip",
        "session_id": "conv-1",
        "customData": {"invite_token": invite},
    }
    emitted, received = aio.run(
        _socket_exchange(
            [good, {"message": "x" * 100_000, "session_id": "conv-1"}, 7], hash_token(invite)
        )
    )

    assert PatientSocketInput.name() == "socketio"
    assert [(m.text, m.sender_id, m.metadata["invite_hash"]) for m in received] == [
        ("my hip", "conv-1", hash_token(invite))
    ]
    assert emitted == [
        ("bot_uttered", {"text": TOO_LONG_REPLY}, "sid-1"),
        ("bot_uttered", {"text": UNREADABLE_REPLY}, "sid-1"),
        ("session_confirm", "conv-1", "sid-1"),
    ]
