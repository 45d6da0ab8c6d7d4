"""Who may do what: admin, clinicians of two clinics, no token, bad and expired tokens."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from api.main import create_app
from coproduce.audit.models import AuditEvent
from coproduce.clinics import service as clinic_service
from coproduce.clinics.models import ApiToken
from coproduce.database import session_scope, utcnow
from coproduce.visits.models import Visit
from tests.conftest import API_TOKEN


@dataclass
class World:
    client: TestClient
    tokens: dict[str, str]
    visit_a: str
    visit_b: str


def _auth(token: str | None) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"} if token else {}


@pytest.fixture
def world(database_url: str) -> World:
    client = TestClient(create_app())
    with session_scope() as session:
        clinic_a = clinic_service.create_clinic(session=session, name="Riverside")
        clinic_b = clinic_service.create_clinic(session=session, name="Hillview")
        doc_a = clinic_service.create_clinician(session=session, clinic_id=clinic_a.id, name="Dr A")
        doc_b = clinic_service.create_clinician(session=session, clinic_id=clinic_b.id, name="Dr B")
        tokens = {
            "admin": API_TOKEN,
            "clinician_a": clinic_service.create_token(session=session, clinician_id=doc_a.id),
            "clinician_b": clinic_service.create_token(session=session, clinician_id=doc_b.id),
            "expired": clinic_service.create_token(
                session=session, clinician_id=doc_a.id, expires_in_days=1
            ),
            "issued_admin": clinic_service.create_token(session=session, admin=True),
        }
        expired = session.get(ApiToken, clinic_service._hash(tokens["expired"]))
        assert expired is not None
        expired.expires_at = utcnow() - timedelta(minutes=1)
    visit_a = client.post(
        "/api/v1/visits", json={"patient_ref": "A-1"}, headers=_auth(tokens["clinician_a"])
    ).json()["id"]
    visit_b = client.post(
        "/api/v1/visits", json={"patient_ref": "B-1"}, headers=_auth(tokens["clinician_b"])
    ).json()["id"]
    return World(client, tokens, visit_a, visit_b)


ROUTES = [
    ("GET", "/api/v1/visits/{id}"),
    ("GET", "/api/v1/visits/{id}/summary"),
    ("GET", "/api/v1/visits/{id}/fhir"),
    ("POST", "/api/v1/visits/{id}/invite"),
    ("POST", "/api/v1/visits/{id}/cancel"),
    ("DELETE", "/api/v1/visits/{id}"),
]
EXPECTED = {
    "admin": "ok",
    "issued_admin": "ok",
    "clinician_a": "ok",
    "clinician_b": 404,
    None: 401,
    "bad": 401,
    "expired": 401,
}


@pytest.mark.parametrize(("method", "path"), ROUTES)
@pytest.mark.parametrize("who", list(EXPECTED))
def test_visit_routes_are_scoped_to_the_clinic(
    world: World, method: str, path: str, who: str | None
) -> None:
    token = {"bad": "cpd_not-a-real-token", None: None}.get(who, world.tokens.get(who or ""))
    response = world.client.request(method, path.format(id=world.visit_a), headers=_auth(token))
    expected = EXPECTED[who]
    if expected == "ok":
        assert response.status_code in (200, 201, 204), response.text
    else:
        assert response.status_code == expected, response.text


def test_visits_created_by_a_clinician_belong_to_their_clinic(world: World) -> None:
    listed = world.client.get("/api/v1/visits", headers=_auth(world.tokens["clinician_a"]))
    assert [v["id"] for v in listed.json()["items"]] == [world.visit_a]
    everything = world.client.get("/api/v1/visits", headers=_auth(API_TOKEN)).json()["items"]
    assert {v["id"] for v in everything} == {world.visit_a, world.visit_b}
    with session_scope() as session:
        visit_a = session.get(Visit, world.visit_a)
        visit_b = session.get(Visit, world.visit_b)
        assert visit_a is not None and visit_b is not None
        assert visit_a.clinic_id != visit_b.clinic_id


def test_only_admins_read_the_audit_log(world: World) -> None:
    world.client.get(
        f"/api/v1/visits/{world.visit_a}/summary", headers=_auth(world.tokens["clinician_a"])
    )
    assert (
        world.client.get("/api/v1/audit", headers=_auth(world.tokens["clinician_a"])).status_code
        == 403
    )
    assert world.client.get("/api/v1/audit").status_code == 401
    events = world.client.get("/api/v1/audit", headers=_auth(API_TOKEN)).json()["items"]
    assert events[0]["action"] == "summary.read"
    assert events[0]["visit_id"] == world.visit_a
    assert events[0]["actor"].startswith("clinician:")
    assert events[0]["source"]


def test_reissuing_an_invite_stops_the_old_one(world: World) -> None:
    from coproduce.visits import service as visit_service

    first = world.client.post(
        f"/api/v1/visits/{world.visit_a}/invite", headers=_auth(API_TOKEN)
    ).json()
    second = world.client.post(
        f"/api/v1/visits/{world.visit_a}/invite", headers=_auth(API_TOKEN)
    ).json()
    with session_scope() as session:
        assert visit_service.resolve_invite(session=session, token=first["invite_token"]) is None
        assert visit_service.resolve_invite(session=session, token=second["invite_token"])


def test_cancel_stops_the_invite_and_shows_cancelled(world: World) -> None:
    response = world.client.post(f"/api/v1/visits/{world.visit_a}/cancel", headers=_auth(API_TOKEN))
    assert response.json()["status"] == "cancelled"
    again = world.client.post(f"/api/v1/visits/{world.visit_a}/invite", headers=_auth(API_TOKEN))
    assert again.status_code == 409


def test_delete_forgets_the_visit_and_audits_without_text(world: World) -> None:
    response = world.client.delete(f"/api/v1/visits/{world.visit_a}", headers=_auth(API_TOKEN))
    assert response.status_code == 204
    assert (
        world.client.get(f"/api/v1/visits/{world.visit_a}", headers=_auth(API_TOKEN)).status_code
        == 404
    )
    with session_scope() as session:
        actions = (
            session.execute(select(AuditEvent.action).where(AuditEvent.visit_id == world.visit_a))
            .scalars()
            .all()
        )
    assert "visit.delete" in actions


def test_fhir_export_is_a_valid_bundle_and_audited(world: World) -> None:
    from fhir.resources.R4B.bundle import Bundle

    response = world.client.get(
        f"/api/v1/visits/{world.visit_a}/fhir", headers=_auth(world.tokens["clinician_a"])
    )
    assert response.status_code == 200
    bundle = Bundle.parse_obj(response.json())
    assert bundle.type == "collection"
    kinds = [entry.resource.resource_type for entry in bundle.entry]
    assert "Goal" in kinds and "QuestionnaireResponse" in kinds
    events = world.client.get("/api/v1/audit", headers=_auth(API_TOKEN)).json()["items"]
    assert events[0]["action"] == "fhir.read"
