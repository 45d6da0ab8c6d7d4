"""An attacker's view of the API: rate limits, replayed cookies, foreign chat sessions, bad text."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
import uuid
from pathlib import Path

import jwt
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from api.main import create_app
from coproduce.aims import service as aim_service
from coproduce.clinics import service as clinic_service
from coproduce.clinics.models import ApiToken
from coproduce.config import get_settings
from coproduce.conversations import retention
from coproduce.database import get_engine, session_scope, utcnow
from coproduce.visits.service import hash_token
from tests.api.test_clinician_pages import SESSION_COOKIE, csrf_of, sign_in
from tests.conftest import API_TOKEN

AUTH = {"Authorization": f"Bearer {API_TOKEN}"}
SECRET = "chat-secret-for-tests-long-enough-for-hs256"
WINDOW_S = 2


@pytest.fixture
def client(database_url: str, monkeypatch: pytest.MonkeyPatch) -> TestClient:
    monkeypatch.setenv("COPRODUCE_CHAT_JWT_SECRET", SECRET)
    monkeypatch.setenv("COPRODUCE_SESSION_SECRET", "test-session-secret")
    for name in ("LOGIN", "AUTH_FAILURES", "INVITE_FAILURES", "VISIT_CREATE"):
        monkeypatch.setenv(f"COPRODUCE_RATE_LIMIT_{name}", f"3 per {WINDOW_S} seconds")
    get_settings.cache_clear()
    return TestClient(create_app())


def _visit(client: TestClient, ref: str = "MRN-1") -> dict:
    response = client.post("/api/v1/visits", json={"patient_ref": ref}, headers=AUTH)
    assert response.status_code == 201, response.text
    return dict(response.json())


# -- chat sessions belong to their invite --------------------------------------------------


def test_a_chat_session_of_another_invite_is_never_handed_out(client: TestClient) -> None:
    victim, attacker = _visit(client, "VICTIM"), _visit(client, "ATTACKER")
    mine = client.post("/api/v1/chat-sessions", json={"invite_token": victim["invite_token"]})
    victim_session = mine.json()["session_id"]
    claims = jwt.decode(mine.json()["token"], SECRET, algorithms=["HS256"])
    assert claims["inv"] == hash_token(victim["invite_token"])
    assert claims["vis"] == victim["id"]

    stolen = client.post(
        "/api/v1/chat-sessions",
        json={"invite_token": attacker["invite_token"], "session_id": victim_session},
    )
    assert stolen.status_code == 201
    assert stolen.json()["session_id"] != victim_session
    claims = jwt.decode(stolen.json()["token"], SECRET, algorithms=["HS256"])
    assert claims["sub"] != victim_session and claims["vis"] == attacker["id"]

    again = client.post(
        "/api/v1/chat-sessions",
        json={"invite_token": victim["invite_token"], "session_id": victim_session},
    )
    assert again.json()["session_id"] == victim_session


def test_a_reissued_link_starts_a_new_chat_session(client: TestClient) -> None:
    visit = _visit(client)
    first = client.post("/api/v1/chat-sessions", json={"invite_token": visit["invite_token"]})
    new = client.post(f"/api/v1/visits/{visit['id']}/invite", headers=AUTH).json()
    old_link = client.post(
        "/api/v1/chat-sessions",
        json={"invite_token": visit["invite_token"], "session_id": first.json()["session_id"]},
    )
    assert old_link.status_code == 404
    new_link = client.post(
        "/api/v1/chat-sessions",
        json={"invite_token": new["invite_token"], "session_id": first.json()["session_id"]},
    )
    assert new_link.status_code == 201
    assert new_link.json()["session_id"] != first.json()["session_id"]


# -- rate limits: 429 with Retry-After, then allowed again after the window ----------------


def _wait_out_the_window() -> None:
    time.sleep(WINDOW_S + 0.2)


def test_wrong_bearer_tokens_are_limited_per_client(client: TestClient) -> None:
    wrong = {"Authorization": "Bearer cpd_wrong"}
    statuses = [client.get("/api/v1/visits", headers=wrong).status_code for _ in range(4)]
    assert statuses == [401, 401, 401, 429]
    limited = client.get("/api/v1/visits", headers=AUTH)  # even the right token must wait
    assert limited.status_code == 429
    assert int(limited.headers["Retry-After"]) >= 1
    assert limited.json()["error"] == "rate_limited"
    _wait_out_the_window()
    assert client.get("/api/v1/visits", headers=AUTH).status_code == 200


def test_sign_in_attempts_are_limited(client: TestClient) -> None:
    form = client.get("/clinician/login")
    statuses = []
    for _ in range(4):
        form = client.post(
            "/clinician/login",
            data={"token": "cpd_guess", "csrf_token": csrf_of(form)},
            follow_redirects=False,
        )
        statuses.append(form.status_code)
    assert statuses == [401, 401, 401, 429]
    assert "Too many sign-in attempts" in form.text and int(form.headers["Retry-After"]) >= 1
    _wait_out_the_window()
    assert sign_in(client, API_TOKEN).status_code == 303


def test_guessed_invites_are_limited_on_the_page_and_the_session_api(client: TestClient) -> None:
    visit = _visit(client)
    statuses = [client.get(f"/chat/guess-{n}").status_code for n in range(3)]
    statuses.append(client.post("/api/v1/chat-sessions", json={"invite_token": "g"}).status_code)
    assert statuses == [404, 404, 404, 429]
    real = client.post("/api/v1/chat-sessions", json={"invite_token": visit["invite_token"]})
    assert real.status_code == 429 and "Retry-After" in real.headers
    _wait_out_the_window()
    assert client.get(f"/chat/{visit['invite_token']}").status_code == 200


def test_visit_creation_is_limited_per_caller(client: TestClient) -> None:
    statuses = [
        client.post("/api/v1/visits", json={"patient_ref": f"M-{n}"}, headers=AUTH).status_code
        for n in range(4)
    ]
    assert statuses == [201, 201, 201, 429]
    _wait_out_the_window()
    assert _visit(client)["id"]


# -- sessions and tokens --------------------------------------------------------------------


def test_a_cookie_replayed_after_sign_out_goes_to_the_sign_in_page(client: TestClient) -> None:
    sign_in(client, API_TOKEN)
    cookie = client.cookies[SESSION_COOKIE]
    page = client.get("/clinician")
    assert page.status_code == 200
    client.post("/clinician/logout", data={"csrf_token": csrf_of(page)}, follow_redirects=False)
    client.cookies.clear()
    client.cookies.set(SESSION_COOKIE, cookie, path="/clinician")
    replayed = client.get("/clinician", follow_redirects=False)
    assert replayed.status_code == 303
    assert replayed.headers["location"].startswith("/clinician/login")


def test_every_token_expires_and_a_zero_lifetime_is_refused(database_url: str) -> None:
    with session_scope() as session:
        clinic = clinic_service.create_clinic(session=session, name="Riverside")
        doc = clinic_service.create_clinician(session=session, clinic_id=clinic.id, name="Dr A")
        token = clinic_service.create_token(session=session, clinician_id=doc.id)
        row = session.get(ApiToken, clinic_service._hash(token))
        assert row is not None and row.expires_at is not None
        assert 89 <= (row.expires_at - utcnow()).days <= 90
        with pytest.raises(clinic_service.ClinicError, match="every token expires"):
            clinic_service.create_token(session=session, clinician_id=doc.id, expires_in_days=0)


def test_the_admin_tool_lists_and_revokes_tokens(database_url: str) -> None:
    with session_scope() as session:
        token = clinic_service.create_token(session=session, admin=True, label="ops")

    def admin(*args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
        return subprocess.run(
            [sys.executable, "-m", "api.admin", *args], capture_output=True, text=True, env=env
        )

    listed = admin("token", "list")
    assert token[:12] in listed.stdout and "live" in listed.stdout and token not in listed.stdout
    assert "revoked 1" in admin("token", "revoke", "--prefix", token[:12]).stdout
    assert "revoked" in admin("token", "list").stdout
    refused = admin("token", "create", "--admin", "--expires-days", "0")
    assert refused.returncode == 2 and "every token expires" in refused.stderr


# -- what responses carry ----------------------------------------------------------------


def test_responses_with_patient_data_are_never_cached(client: TestClient) -> None:
    visit = _visit(client)
    for path in (
        f"/api/v1/visits/{visit['id']}",
        f"/api/v1/visits/{visit['id']}/summary",
        f"/api/v1/visits/{visit['id']}/fhir",
        "/api/v1/visits",
    ):
        response = client.get(path, headers=AUTH)
        assert response.headers["cache-control"] == "no-store", path
        assert "strict-transport-security" not in response.headers


def test_https_responses_carry_hsts(database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    get_settings.cache_clear()
    secure = TestClient(create_app(), base_url="https://coproduce.example")
    response = secure.get("/healthz")
    assert response.headers["strict-transport-security"].startswith("max-age=")


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/v1/visits", '{"patient_ref": "\\ud800"}'),
        ("/api/v1/visits", '{"patient_ref": "MRN\\udfff-1"}'),
        ("/api/v1/chat-sessions", '{"invite_token": "\\ud800"}'),
    ],
)
def test_unwritable_text_is_a_clear_422(client: TestClient, path: str, body: str) -> None:
    response = client.post(path, content=body, headers={**AUTH, "Content-Type": "application/json"})
    assert response.status_code == 422
    assert "not valid text" in response.json()["message"]


def test_a_follow_up_in_the_year_9999_is_a_422(client: TestClient) -> None:
    visit = _visit(client)
    response = client.post(
        f"/api/v1/visits/{visit['id']}/follow-ups",
        json={"due_at": "9999-12-31T00:00:00Z"},
        headers=AUTH,
    )
    assert response.status_code == 422
    assert "2999" in response.json()["message"]


def test_a_right_to_left_override_is_not_shown_on_the_clinician_page(client: TestClient) -> None:
    visit = _visit(client)
    with session_scope() as session:
        aim_service.save_state(
            session=session,
            visit_id=visit["id"],
            state=aim_service.AimState(
                answers={"aim": "stop the \u202etablets\u202c and \u200bsee"}, consent=True
            ),
        )
    sign_in(client, API_TOKEN)
    page = client.get(f"/clinician/visits/{visit['id']}").text
    assert "stop the tablets and see" in page
    assert "\u202e" not in page and "\u200b" not in page


# -- data at rest ---------------------------------------------------------------------------


def test_sqlite_files_are_private_and_deleted_text_is_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "private" / "aims.db"
    url = f"sqlite:///{path}"
    from coproduce.database import create_all

    create_all(url)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    marker = f"zebra-{uuid.uuid4().hex}"
    engine = get_engine(url)
    with engine.begin() as connection:
        connection.execute(
            text("INSERT INTO clinics (id, name, created_at) VALUES ('c1', :n, '2026-01-01')"),
            {"n": marker * 20},
        )
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM clinics WHERE id = 'c1'"))
    engine.dispose()  # the last connection to close checkpoints the write-ahead log
    raw = b"".join(p.read_bytes() for p in path.parent.iterdir() if p.is_file())
    assert marker.encode() not in raw


def test_transcripts_past_retention_are_purged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tracker = tmp_path / "tracker.db"
    monkeypatch.setenv("COPRODUCE_TRACKER_DATABASE_URL", f"sqlite:///{tracker}")
    get_settings.cache_clear()
    engine = get_engine(f"sqlite:///{tracker}")
    now = time.time()
    with engine.begin() as connection:
        connection.execute(
            text("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, timestamp REAL)")
        )
        rows = [("old", now - 40 * 86400), ("old", now - 35 * 86400), ("recent", now - 86400)]
        rows.append(("mixed", now - 50 * 86400))
        rows.append(("mixed", now - 3600))  # still talking: kept whole
        for sender, at in rows:
            connection.execute(
                text("INSERT INTO events (sender_id, timestamp) VALUES (:s, :t)"),
                {"s": sender, "t": at},
            )
    assert retention.purge_transcripts(older_than_days=30, now=now) == 1
    with engine.connect() as connection:
        left = connection.execute(text("SELECT DISTINCT sender_id FROM events")).scalars().all()
    assert sorted(left) == ["mixed", "recent"]


def test_replicas_share_their_counters_through_redis(monkeypatch: pytest.MonkeyPatch) -> None:
    import redis

    from coproduce import ratelimit

    url = "redis://127.0.0.1:6379/5"
    try:
        redis.Redis.from_url(url).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    monkeypatch.setenv("COPRODUCE_RATE_LIMIT_STORAGE", url)
    monkeypatch.setenv("COPRODUCE_RATE_LIMIT_LOGIN", "2 per 30 seconds")
    get_settings.cache_clear()
    ratelimit.reset()
    client = f"10.9.9.{uuid.uuid4().int % 200}"
    assert ratelimit.hit(ratelimit.LOGIN, client).allowed
    ratelimit._limiter.cache_clear()  # another process: a limiter of its own, the same Redis
    ratelimit._storage.cache_clear()
    assert ratelimit.hit(ratelimit.LOGIN, client).allowed
    refused = ratelimit.hit(ratelimit.LOGIN, client)
    assert not refused.allowed and refused.retry_after >= 1
    ratelimit.reset()
