"""The patient chat over HTTP: socket tokens for live invites, the page, the widget script."""

from __future__ import annotations

import time
import uuid
from datetime import timedelta

import jwt
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from api.main import create_app
from coproduce.clinics import service as clinic_service
from coproduce.config import get_settings
from coproduce.database import session_scope, utcnow
from coproduce.visits.models import Invite
from tests.conftest import API_TOKEN

AUTH = {"Authorization": f"Bearer {API_TOKEN}"}
SECRET = "chat-secret-for-tests-long-enough-for-hs256"
CLINIC_ORIGIN = "https://clinic.example"


@pytest.fixture
def client(database_url: str, monkeypatch: pytest.MonkeyPatch) -> TestClient:
    monkeypatch.setenv("COPRODUCE_CHAT_JWT_SECRET", SECRET)
    monkeypatch.setenv("COPRODUCE_RASA_URL", "https://rasa.coproduce.example/")
    monkeypatch.setenv("COPRODUCE_CLINIC_NAME", "Riverside Surgery")
    monkeypatch.setenv("COPRODUCE_ALLOWED_ORIGINS", CLINIC_ORIGIN)
    get_settings.cache_clear()
    return TestClient(create_app())


@pytest.fixture
def invite(client: TestClient) -> str:
    response = client.post("/api/v1/visits", json={"patient_ref": "MRN-9"}, headers=AUTH)
    assert response.status_code == 201
    return str(response.json()["invite_token"])


def test_a_live_invite_gets_a_short_lived_socket_token(client: TestClient, invite: str) -> None:
    response = client.post("/api/v1/chat-sessions", json={"invite_token": invite})
    assert response.status_code == 201
    body = response.json()
    assert body["socket_url"] == "https://rasa.coproduce.example"
    claims = jwt.decode(body["token"], SECRET, algorithms=["HS256"])
    assert claims["sub"] == body["session_id"]
    uuid.UUID(hex=body["session_id"])
    ttl = get_settings().chat_jwt_ttl_minutes * 60
    assert abs(claims["exp"] - time.time() - ttl) < 60
    with pytest.raises(jwt.InvalidSignatureError):
        jwt.decode(body["token"], "another-secret-of-the-same-length-ok", algorithms=["HS256"])


def test_an_earlier_session_is_continued(client: TestClient, invite: str) -> None:
    earlier = uuid.uuid4()
    response = client.post(
        "/api/v1/chat-sessions", json={"invite_token": invite, "session_id": str(earlier)}
    )
    assert response.status_code == 201
    assert response.json()["session_id"] == earlier.hex
    again = client.post(
        "/api/v1/chat-sessions", json={"invite_token": invite, "session_id": earlier.hex}
    )
    assert again.json()["session_id"] == earlier.hex


def test_unknown_and_expired_invites_get_a_neutral_404(client: TestClient, invite: str) -> None:
    response = client.post("/api/v1/chat-sessions", json={"invite_token": "not-a-real-invite"})
    assert response.status_code == 404
    assert "not-a-real-invite" not in response.text
    assert "new one" in response.json()["message"]
    with session_scope() as session:
        session.execute(update(Invite).values(expires_at=utcnow() - timedelta(minutes=1)))
    response = client.post("/api/v1/chat-sessions", json={"invite_token": invite})
    assert response.status_code == 404
    assert invite not in response.text


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"invite_token": ""},
        {"invite_token": "x" * 300},
        {"invite_token": "t", "session_id": "1"},
    ],
)
def test_a_bad_body_is_422(client: TestClient, body: dict) -> None:
    response = client.post("/api/v1/chat-sessions", json=body)
    assert response.status_code == 422


def test_chat_sessions_work_cross_origin_from_an_allowed_origin(client: TestClient) -> None:
    preflight = {
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
    }
    allowed = client.options(
        "/api/v1/chat-sessions", headers={"Origin": CLINIC_ORIGIN, **preflight}
    )
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == CLINIC_ORIGIN
    other = client.options(
        "/api/v1/chat-sessions", headers={"Origin": "https://evil.example", **preflight}
    )
    assert other.headers.get("access-control-allow-origin") != "https://evil.example"


def test_the_patient_page_names_the_clinic_and_loads_the_widget(
    client: TestClient, invite: str
) -> None:
    response = client.get(f"/chat/{invite}")
    assert response.status_code == 200
    assert "Riverside Surgery" in response.text
    assert "who will" in response.text.lower() or "read by" in response.text
    assert f'data-invite-token="{invite}"' in response.text
    assert 'src="/widget.js"' in response.text
    assert response.headers["referrer-policy"] == "no-referrer"
    assert "script-src 'self'" in response.headers["content-security-policy"]


def test_a_dead_link_shows_a_clear_page_without_the_token(client: TestClient) -> None:
    token = "dead-token-zz9-plural-z-alpha"
    response = client.get(f"/chat/{token}")
    assert response.status_code == 404
    assert "text/html" in response.headers["content-type"]
    assert "isn't working" in response.text
    assert token not in response.text
    assert "Traceback" not in response.text


def test_the_widget_script_is_served(client: TestClient) -> None:
    response = client.get("/widget.js")
    assert response.status_code == 200, "build it with `make widget`"
    assert response.headers["content-type"].startswith("text/javascript")
    assert "session_request" in response.text
    assert "EIO" in response.text  # socket.io-client is bundled in, not fetched from a CDN


def test_the_patient_page_names_the_visits_own_clinic(client: TestClient) -> None:
    with session_scope() as session:
        clinic = clinic_service.create_clinic(session=session, name="Hillview Health Centre")
        clinician = clinic_service.create_clinician(
            session=session, clinic_id=clinic.id, name="Dr Okafor"
        )
        token = clinic_service.create_token(session=session, clinician_id=clinician.id)
    response = client.post(
        "/api/v1/visits",
        json={"patient_ref": "MRN-10"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 201
    page = client.get(f"/chat/{response.json()['invite_token']}")
    assert page.status_code == 200
    assert "Hillview Health Centre" in page.text
    assert "Riverside Surgery" not in page.text
