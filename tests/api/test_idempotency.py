"""Idempotency-Key on POST /visits and POST /visits/{id}/follow-ups."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.main import create_app
from coproduce.clinics import service as clinic_service
from coproduce.database import session_scope, utcnow
from coproduce.idempotency.models import IdempotentRequest
from coproduce.visits.models import Visit
from tests.conftest import API_TOKEN

ADMIN = {"Authorization": f"Bearer {API_TOKEN}"}


@pytest.fixture
def client(database_url: str) -> TestClient:
    return TestClient(create_app())


@pytest.fixture
def clinic_token(database_url: str) -> str:
    with session_scope() as session:
        clinic = clinic_service.create_clinic(session=session, name="Riverside")
        doctor = clinic_service.create_clinician(session=session, clinic_id=clinic.id, name="Dr A")
        return clinic_service.create_token(session=session, clinician_id=doctor.id)


def _count_visits(session: Session) -> int:
    session.expire_all()
    return len(session.execute(select(Visit.id)).all())


def test_the_same_key_and_body_return_the_first_visit(client: TestClient, session: Session) -> None:
    key = {"Idempotency-Key": str(uuid.uuid4())}
    body = {"patient_ref": "MRN-7", "scheduled_for": "2031-02-03T09:00:00Z"}
    first = client.post("/api/v1/visits", json=body, headers={**ADMIN, **key})
    again = client.post("/api/v1/visits", json=body, headers={**ADMIN, **key})
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert _count_visits(session) == 1


def test_the_same_key_with_another_body_is_refused(client: TestClient, session: Session) -> None:
    key = {"Idempotency-Key": "retry-1"}
    client.post("/api/v1/visits", json={"patient_ref": "MRN-1"}, headers={**ADMIN, **key})
    other = client.post("/api/v1/visits", json={"patient_ref": "MRN-2"}, headers={**ADMIN, **key})
    assert other.status_code == 422
    assert "different request" in other.json()["message"]
    assert _count_visits(session) == 1


def test_without_a_key_each_request_makes_a_visit(client: TestClient, session: Session) -> None:
    for _ in range(2):
        assert client.post("/api/v1/visits", json={"patient_ref": "X"}, headers=ADMIN).is_success
    assert _count_visits(session) == 2


def test_keys_belong_to_their_caller(client: TestClient, clinic_token: str) -> None:
    key = {"Idempotency-Key": "shared-key"}
    body = {"patient_ref": "MRN-9"}
    mine = client.post("/api/v1/visits", json=body, headers={**ADMIN, **key})
    theirs = client.post(
        "/api/v1/visits", json=body, headers={"Authorization": f"Bearer {clinic_token}", **key}
    )
    assert mine.status_code == theirs.status_code == 201
    assert mine.json()["id"] != theirs.json()["id"]


def test_a_key_is_forgotten_after_a_day(client: TestClient, session: Session) -> None:
    key = {"Idempotency-Key": "old-key"}
    body = {"patient_ref": "MRN-3"}
    first = client.post("/api/v1/visits", json=body, headers={**ADMIN, **key}).json()
    for row in session.execute(select(IdempotentRequest)).scalars():
        row.created_at = utcnow() - timedelta(hours=25)
    session.commit()
    later = client.post("/api/v1/visits", json=body, headers={**ADMIN, **key}).json()
    assert later["id"] != first["id"]


def test_the_stored_response_does_not_give_away_the_invite(
    client: TestClient, session: Session
) -> None:
    key = "k-" + uuid.uuid4().hex
    made = client.post(
        "/api/v1/visits", json={"patient_ref": "MRN-4"}, headers={**ADMIN, "Idempotency-Key": key}
    ).json()
    session.expire_all()
    [row] = session.execute(select(IdempotentRequest)).scalars().all()
    assert made["invite_token"].encode() not in bytes(row.response)
    assert key not in row.key_hash


def test_a_follow_up_retried_with_its_key_is_made_once(
    client: TestClient, session: Session
) -> None:
    visit = client.post("/api/v1/visits", json={"patient_ref": "MRN-5"}, headers=ADMIN).json()
    key = {"Idempotency-Key": str(uuid.uuid4())}
    url = f"/api/v1/visits/{visit['id']}/follow-ups"
    first = client.post(url, json={}, headers={**ADMIN, **key})
    again = client.post(url, json={}, headers={**ADMIN, **key})
    assert first.status_code == again.status_code == 201
    assert again.json()["id"] == first.json()["id"]
    assert len(client.get(url, headers=ADMIN).json()) == 1


def test_the_header_is_documented(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    parameters = spec["paths"]["/api/v1/visits"]["post"]["parameters"]
    assert any(p["name"] == "Idempotency-Key" and p["in"] == "header" for p in parameters)
