"""Hostile and malformed requests to the running API: each a clear 4xx, never a 5xx."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import update

from coproduce.database import session_scope, utcnow
from coproduce.visits.models import Invite
from tests.e2e.servers import API_TOKEN, Stack
from tests.hostile.cases import tried

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.model,
    pytest.mark.parametrize("stack", ["sqlite"], indirect=True),
]

AUTH = {"Authorization": f"Bearer {API_TOKEN}"}
JSON = {"Content-Type": "application/json"}
MISSING = "00000000-0000-0000-0000-000000000000"

#: (name, method, path, request options, headers) — each must be answered 4xx.
Case = tuple[str, str, str, dict[str, Any], dict[str, Any]]


def _chunks(size: int) -> Iterator[bytes]:
    for _ in range(size // 8192):
        yield b"x" * 8192


def api_cases(visit_id: str) -> list[Case]:
    """Return malformed requests to the API, with the admin token unless the case is auth."""
    visits = "/api/v1/visits"
    one = f"{visits}/{visit_id}"
    ok = {"patient_ref": "MRN-9"}
    prefix = b'{"patient_ref": "MRN-9", '
    cases: list[Case] = [
        ("no token", "GET", visits, {}, {}),
        ("empty bearer", "GET", visits, {}, {"Authorization": "Bearer"}),
        ("wrong token", "GET", visits, {}, {"Authorization": "Bearer not-the-token"}),
        ("basic auth", "GET", visits, {}, {"Authorization": "Basic dXNlcjpwYXNz"}),
        ("10 KB token", "GET", visits, {}, {"Authorization": "Bearer " + "t" * 10_000}),
        ("latin-1 token", "GET", visits, {}, {"Authorization": b"Bearer caf\xe9"}),
        ("token, no scheme", "GET", visits, {}, {"Authorization": API_TOKEN}),
        ("SQL token", "GET", visits, {}, {"Authorization": "Bearer ' OR 1=1 --"}),
    ]
    bodies: list[tuple[str, bytes]] = [
        ("not JSON", b"patient_ref=MRN-9"),
        ("truncated JSON", b'{"patient_ref": "MRN'),
        ("empty body", b""),
        ("JSON array", b"[]"),
        ("JSON null", b"null"),
        ("JSON string", b'"MRN-9"'),
        ("invalid UTF-8", b'{"patient_ref": "\xff\xfe"}'),
        ("NaN date", prefix + b'"scheduled_for": NaN}'),
        ("deep nesting", b'{"patient_ref": ' + b"[" * 10_000 + b"]" * 10_000 + b"}"),
        ("patient_ref twice", prefix + b'"patient_ref": "MRN-10"}'),
        ("scheduled_for twice", prefix + b'"scheduled_for": null, "scheduled_for": null}'),
    ]
    cases += [(name, "POST", visits, {"content": raw}, JSON) for name, raw in bodies]
    fields: list[tuple[str, dict[str, Any]]] = [
        ("no patient_ref", {}),
        ("patient_ref null", {"patient_ref": None}),
        ("patient_ref list", {"patient_ref": ["MRN"]}),
        ("patient_ref object", {"patient_ref": {"$ne": ""}}),
        ("patient_ref empty", {"patient_ref": ""}),
        ("patient_ref blank", {"patient_ref": "   "}),
        ("patient_ref 129 chars", {"patient_ref": "m" * 129}),
        ("patient_ref control", {"patient_ref": "MRN\x00-1"}),
        ("patient_ref newline", {"patient_ref": "MRN\n1"}),
        ("scheduled_for text", {**ok, "scheduled_for": "next tuesday"}),
        ("scheduled_for number", {**ok, "scheduled_for": 1e20}),
        ("scheduled_for year 99999", {**ok, "scheduled_for": "99999-01-01T00:00:00Z"}),
        ("scheduled_for year 9999 -14h", {**ok, "scheduled_for": "9999-12-31T23:59:59-14:00"}),
        ("scheduled_for year 1", {**ok, "scheduled_for": "0001-01-01T00:00:00+14:00"}),
        ("scheduled_for month 13", {**ok, "scheduled_for": "2026-13-01T00:00:00Z"}),
        ("unknown field", {**ok, "is_admin": True}),
    ]
    cases += [(name, "POST", visits, {"json": body}, {}) for name, body in fields]
    cases += [
        ("100 KB body", "POST", visits, {"json": {"patient_ref": "m" * 100_000}}, {}),
        ("1 MB chunked body", "POST", visits, {"content": _chunks(1 << 20)}, JSON),
        ("text/plain body", "POST", visits, {"content": json.dumps(ok)}, {"Content-Type": "t/p"}),
    ]
    ids = [
        ("unknown visit", MISSING),
        ("SQL visit id", "' OR '1'='1"),
        ("emoji visit id", "😀"),
        ("4 KB visit id", "v" * 4096),
        ("NUL in visit id", "abc%00def"),
        ("encoded traversal", "..%2F..%2Fetc%2Fpasswd"),
    ]
    for name, bad in ids:
        cases += [
            (f"{name}: read", "GET", f"{visits}/{bad}", {}, {}),
            (f"{name}: summary", "GET", f"{visits}/{bad}/summary", {}, {}),
        ]
    cases += [
        ("unknown visit: FHIR", "GET", f"{visits}/{MISSING}/fhir", {}, {}),
        ("unknown visit: cancel", "POST", f"{visits}/{MISSING}/cancel", {}, {}),
        ("unknown visit: invite", "POST", f"{visits}/{MISSING}/invite", {}, {}),
        ("unknown visit: delete", "DELETE", f"{visits}/{MISSING}", {}, {}),
        ("unknown visit: follow-up", "POST", f"{visits}/{MISSING}/follow-ups", {"json": {}}, {}),
        ("follow-up due text", "POST", f"{one}/follow-ups", {"json": {"due_at": "soon"}}, {}),
        ("follow-up unknown field", "POST", f"{one}/follow-ups", {"json": {"x": 1}}, {}),
        ("follow-up body list", "POST", f"{one}/follow-ups", {"json": [1]}, {}),
        ("PUT a visit", "PUT", one, {"json": ok}, {}),
        ("PATCH the list", "PATCH", visits, {"json": ok}, {}),
        ("unknown route", "GET", "/api/v1/nothing-here", {}, {}),
    ]
    queries: list[tuple[str, dict[str, str]]] = [
        ("limit 0", {"limit": "0"}),
        ("limit negative", {"limit": "-1"}),
        ("limit text", {"limit": "ten"}),
        ("limit huge", {"limit": "9" * 40}),
        ("offset negative", {"offset": "-5"}),
        ("offset huge", {"offset": "1e99"}),
        ("limit fraction", {"limit": "1.5"}),
        ("flagged maybe", {"flagged": "maybe"}),
        ("date_from text", {"date_from": "yesterday"}),
        ("date_to zero date", {"date_to": "0000-00-00"}),
        ("NUL in query", {"status": "invited\x00"}),
    ]
    cases += [(name, "GET", visits, {"params": params}, {}) for name, params in queries]
    cases += [
        ("audit limit negative", "GET", "/api/v1/audit", {"params": {"limit": "-1"}}, {}),
        ("improvement NUL", "GET", "/api/v1/improvement", {"params": {"clinic_id": "\x00"}}, {}),
    ]
    return cases


def chat_session_cases(expired: str, cancelled: str) -> list[Case]:
    """Return malformed or dead requests for a patient's socket token (no auth needed)."""
    path = "/api/v1/chat-sessions"
    bodies: list[tuple[str, Any]] = [
        ("unknown invite", {"invite_token": "not-a-real-token"}),
        ("expired invite", {"invite_token": expired}),
        ("cancelled visit's invite", {"invite_token": cancelled}),
        ("empty invite", {"invite_token": ""}),
        ("invite number", {"invite_token": 5}),
        ("invite object", {"invite_token": {"$ne": ""}}),
        ("invite 10 KB", {"invite_token": "t" * 10_000}),
        ("no invite", {}),
        ("session_id not a UUID", {"invite_token": expired, "session_id": "abc"}),
        ("session_id number", {"invite_token": expired, "session_id": 7}),
        ("body a list", [expired]),
    ]
    cases: list[Case] = [(name, "POST", path, {"json": body}, {}) for name, body in bodies]
    cases += [
        (
            "invite twice",
            "POST",
            path,
            {"content": b'{"invite_token": "a", "invite_token": "b"}'},
            JSON,
        ),
        ("chat page, unknown invite", "GET", "/chat/not-a-real-token", {}, {}),
        ("chat page, script invite", "GET", "/chat/%3Cscript%3Ealert(1)%3C%2Fscript%3E", {}, {}),
        ("chat page, expired invite", "GET", f"/chat/{expired}", {}, {}),
    ]
    return cases


def _send(client: httpx.Client, case: Case, authorised: bool) -> str | None:
    name, method, path, options, headers = case
    if authorised and "Authorization" not in headers and name.split(":")[0] not in _NO_AUTH:
        headers = {**AUTH, **headers}
    response = client.request(method, path, headers=headers, **options)
    status = response.status_code
    if not 400 <= status < 500:
        return f"{name}: {status} {response.text[:200]}"
    if path.startswith("/api/"):
        if not response.headers.get("content-type", "").startswith("application/json"):
            return f"{name}: {status} is not JSON"
        body = response.json()
        if not (body.get("message") or body.get("detail")):
            return f"{name}: {status} without a message"
    return None


_NO_AUTH = {"no token"}


def _expire(database_url: str, invite_token: str) -> None:
    from coproduce.visits.service import hash_token

    with session_scope(database_url) as session:
        session.execute(
            update(Invite)
            .where(Invite.token_hash == hash_token(invite_token))
            .values(expires_at=utcnow() - timedelta(minutes=1))
        )


def test_malformed_api_requests_are_clear_4xx(stack: Stack) -> None:
    visit = stack.create_visit()
    expired = stack.create_visit()
    cancelled = stack.create_visit()
    _expire(stack.env["COPRODUCE_DATABASE_URL"], expired["invite_token"])
    with httpx.Client(base_url=stack.api_url, timeout=60) as client:
        response = client.post(f"/api/v1/visits/{cancelled['id']}/cancel", headers=AUTH)
        assert response.status_code == 200, response.text
        admin = api_cases(visit["id"])
        public = chat_session_cases(expired["invite_token"], cancelled["invite_token"])
        failures = [f for case in admin if (f := _send(client, case, authorised=True))]
        failures += [f for case in public if (f := _send(client, case, authorised=False))]
        # The visit the cases aimed at is untouched.
        response = client.get(f"/api/v1/visits/{visit['id']}", headers=AUTH)
        assert response.status_code == 200 and response.json()["patient_ref"] == "MRN-123"
    tried("api", len(admin) + len(public))
    assert not failures, "\n".join(failures)
