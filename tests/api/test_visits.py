"""The visits API: creating visits with invites, reading summaries, clear errors."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from coproduce.aims import service as aim_service
from coproduce.aims.service import AimState
from coproduce.database import session_scope
from coproduce.visits import service as visit_service
from tests.builders import EXAMPLE_ANSWERS
from tests.conftest import API_TOKEN

AUTH = {"Authorization": f"Bearer {API_TOKEN}"}


@pytest.fixture
def client(database_url: str) -> TestClient:
    return TestClient(create_app())


def test_create_visit_returns_invite_and_chat_link(client: TestClient) -> None:
    # A visit a week ahead, whatever day the tests run: the invite lasts 14 days after it.
    scheduled = (datetime.now(timezone.utc) + timedelta(days=7)).replace(
        hour=9, minute=30, second=0, microsecond=0, tzinfo=None
    )
    response = client.post(
        "/api/v1/visits",
        json={"patient_ref": "MRN-123", "scheduled_for": f"{scheduled.isoformat()}Z"},
        headers=AUTH,
    )
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "invited"
    assert len(body["invite_token"]) >= 43  # 32 random bytes, URL-safe
    assert body["chat_url"].endswith(f"/chat/{body['invite_token']}")
    with session_scope() as session:
        found = visit_service.resolve_invite(session=session, token=body["invite_token"])
        assert found is not None
        visit, invite = found
        assert visit.id == body["id"]
        assert visit.scheduled_for == scheduled
        assert (invite.expires_at - visit.scheduled_for).days == 14


def test_an_invite_for_a_visit_already_past_lasts_14_days_from_now(client: TestClient) -> None:
    response = client.post(
        "/api/v1/visits",
        json={"patient_ref": "MRN-124", "scheduled_for": "2020-01-06T09:30:00Z"},
        headers=AUTH,
    )
    assert response.status_code == 201
    with session_scope() as session:
        found = visit_service.resolve_invite(session=session, token=response.json()["invite_token"])
        assert found is not None
        _, invite = found
        left = invite.expires_at - datetime.now(timezone.utc).replace(tzinfo=None)
        assert timedelta(days=13, hours=23) < left <= timedelta(days=14)


def test_scheduled_for_is_optional(client: TestClient) -> None:
    response = client.post("/api/v1/visits", json={"patient_ref": "MRN-9"}, headers=AUTH)
    assert response.status_code == 201


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong"},
        {"Authorization": API_TOKEN},
        {"Authorization": "Basic abc"},
    ],
)
def test_requests_without_a_valid_token_get_401(client: TestClient, headers: dict) -> None:
    response = client.post("/api/v1/visits", json={"patient_ref": "MRN-1"}, headers=headers)
    assert response.status_code == 401
    assert response.json()["error"] == "unauthorized"
    assert client.get("/api/v1/visits/x/summary", headers=headers).status_code == 401


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "patient_ref"),
        ({"patient_ref": ""}, "patient_ref"),
        ({"patient_ref": "   "}, "patient_ref"),
        ({"patient_ref": 12}, None),
        ({"patient_ref": "MRN-1", "scheduled_for": "next tuesday"}, "scheduled_for"),
        ({"patient_ref": "x" * 200}, "patient_ref"),
        ({"patient_ref": "MRN-1", "surprise": 1}, "surprise"),
    ],
)
def test_bad_bodies_get_a_clear_422(client: TestClient, body: dict, field: str | None) -> None:
    response = client.post("/api/v1/visits", json=body, headers=AUTH)
    if field is None:  # pydantic v1 coerces numbers to strings; that is a valid ref
        assert response.status_code == 201
        return
    assert response.status_code == 422
    payload = response.json()
    assert payload["error"] == "invalid_request"
    assert field in payload["message"]


def test_malformed_json_gets_422(client: TestClient) -> None:
    response = client.post(
        "/api/v1/visits", content=b"{not json", headers={**AUTH, "Content-Type": "application/json"}
    )
    assert response.status_code == 422


def test_unknown_visit_summary_is_404(client: TestClient) -> None:
    response = client.get("/api/v1/visits/no-such-visit/summary", headers=AUTH)
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


def test_summary_has_the_contract_shape(client: TestClient) -> None:
    visit_id = client.post("/api/v1/visits", json={"patient_ref": "MRN-1"}, headers=AUTH).json()[
        "id"
    ]
    summary = client.get(f"/api/v1/visits/{visit_id}/summary", headers=AUTH).json()
    assert summary["status"] == "invited"
    assert summary["aim"] == {"statement": None, "what_matters": None, "activities": []}
    assert summary["improvement"]["measure"] is None
    assert summary["improvement"]["baseline_rating"] is None
    assert summary["red_flags"] == [] and summary["patient_confirmed"] is False
    state = AimState(
        answers=dict(EXAMPLE_ANSWERS), baseline_rating=3, consent=True, confirmed=True, skipped=[]
    )
    with session_scope() as session:
        aim_service.save_state(session=session, visit_id=visit_id, state=state)
    summary = client.get(f"/api/v1/visits/{visit_id}/summary", headers=AUTH).json()
    assert set(summary) >= {
        "visit_id",
        "status",
        "updated_at",
        "aim",
        "illness_burdens",
        "treatment_burdens",
        "assets",
        "supports",
        "improvement",
        "skipped_topics",
        "red_flags",
        "patient_confirmed",
    }
    assert summary["status"] == "completed"
    assert summary["aim"]["statement"] == EXAMPLE_ANSWERS["aim"]
    assert "walk the dog" in summary["aim"]["activities"]
    assert [b["category"] for b in summary["treatment_burdens"]] == ["medications", "appointments"]
    assert [(s["relationship"], s["kind"]) for s in summary["supports"]] == [
        ("daughter", "support"),
        ("neighbour", "support"),
        ("husband", "caring_for"),
    ]
    assert summary["improvement"]["measure"] == EXAMPLE_ANSWERS["improvement_measure"]
    assert summary["improvement"]["baseline_rating"] == 3
    assert summary["updated_at"].endswith("Z")


def test_flagged_visits_are_listed_first(client: TestClient) -> None:
    ids = [
        client.post("/api/v1/visits", json={"patient_ref": f"MRN-{n}"}, headers=AUTH).json()["id"]
        for n in range(3)
    ]
    with session_scope() as session:
        aim_service.record_red_flag(
            session=session,
            visit_id=ids[2],
            category="chest_pain",
            text="crushing chest pain now",
            at=datetime(2026, 1, 1),
            dedupe_key="k1",
        )
    listed = client.get("/api/v1/visits", headers=AUTH).json()["items"]
    assert listed[0]["id"] == ids[2] and listed[0]["flagged"] is True
    flagged = client.get("/api/v1/visits?flagged=true", headers=AUTH).json()["items"]
    assert [v["id"] for v in flagged] == [ids[2]]
