"""What was agreed at the visit: saved in versions, clinic-scoped, kept by the patient."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from api.main import create_app
from coproduce.aims import service as aim_service
from coproduce.aims.service import AimState
from coproduce.audit.models import AuditEvent
from coproduce.clinics import service as clinic_service
from coproduce.database import session_scope
from coproduce.plans import service as plan_service
from coproduce.plans.models import CarePlan
from tests.conftest import API_TOKEN

AUTH = {"Authorization": f"Bearer {API_TOKEN}"}
AIM = "I want to walk the dog to the park again without my knee giving way"
PLAN: dict[str, Any] = {
    "aim": "Walk the dog to the park and back without stopping",
    "target": {"rating": 6, "by": "2027-02-01"},
    "items": [
        {
            "what": "Do the knee exercises from the leaflet every morning",
            "who": "patient",
            "by": "2027-01-15",
            "notes": "Physio classes were two buses away; home exercises fit round caring",
        },
        {"what": "Refer to community physiotherapy", "who": "clinician"},
        {"what": "Drive her to the first physio session", "who": "supporter", "who_name": "Sam"},
    ],
}


@pytest.fixture
def client(database_url: str) -> TestClient:
    return TestClient(create_app())


@pytest.fixture
def visit_id(client: TestClient) -> str:
    created = client.post("/api/v1/visits", json={"patient_ref": "MRN-77"}, headers=AUTH)
    visit_id = str(created.json()["id"])
    with session_scope() as session:
        aim_service.save_state(
            session=session,
            visit_id=visit_id,
            state=AimState(answers={"aim": AIM}, baseline_rating=3, consent=True, confirmed=True),
        )
    return visit_id


def test_a_plan_is_saved_read_back_and_shown_in_the_summary(
    client: TestClient, visit_id: str
) -> None:
    assert client.get(f"/api/v1/visits/{visit_id}/plan", headers=AUTH).status_code == 404
    saved = client.put(f"/api/v1/visits/{visit_id}/plan", json=PLAN, headers=AUTH)
    assert saved.status_code == 200, saved.text
    plan = saved.json()
    assert plan["aim"] == PLAN["aim"]
    assert plan["patient_aim"] == AIM  # the patient's words are kept beside the agreed aim
    assert plan["target"] == {"rating": 6, "by": "2027-02-01"}
    assert [i["who"] for i in plan["items"]] == ["patient", "clinician", "supporter"]
    assert plan["items"][2]["who_name"] == "Sam"
    assert plan["versions"] == 1
    assert plan["agreed_by"] == "Clinic admin"
    assert client.get(f"/api/v1/visits/{visit_id}/plan", headers=AUTH).json() == plan
    summary = client.get(f"/api/v1/visits/{visit_id}/summary", headers=AUTH).json()
    assert summary["plan"] == plan
    with session_scope() as session:
        actions = session.execute(
            select(AuditEvent.action).where(AuditEvent.visit_id == visit_id)
        ).scalars()
        assert "plan.write" in list(actions)


def test_a_revision_keeps_every_version_and_each_items_id(
    client: TestClient, visit_id: str
) -> None:
    first = client.put(f"/api/v1/visits/{visit_id}/plan", json=PLAN, headers=AUTH).json()
    again = client.put(f"/api/v1/visits/{visit_id}/plan", json=PLAN, headers=AUTH).json()
    assert again["versions"] == 1  # the same plan sent again is not a new version
    kept = first["items"][0]
    revised = {
        **PLAN,
        "items": [
            {**PLAN["items"][0], "id": kept["id"], "what": "Knee exercises, twice a day"},
            {"what": "Try a walking group on Tuesdays", "who": "patient"},
        ],
    }
    second = client.put(f"/api/v1/visits/{visit_id}/plan", json=revised, headers=AUTH).json()
    assert second["versions"] == 2
    assert second["items"][0]["id"] == kept["id"]
    assert second["items"][0]["what"] == "Knee exercises, twice a day"
    assert second["items"][1]["id"] not in {i["id"] for i in first["items"]}
    with session_scope() as session:
        plan = plan_service.view(session=session, visit_id=visit_id)
        assert plan is not None and [v.version for v in plan.earlier] == [1]
        assert plan.earlier[0].items[0] == PLAN["items"][0]["what"]
        assert session.execute(select(CarePlan)).scalars().all().__len__() == 2


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"aim": "   "}, "aim"),
        ({"target": {"rating": 11}}, "rating"),
        ({"items": [{"what": "", "who": "patient"}]}, "what"),
        ({"items": [{"what": "Help with shopping", "who": "supporter"}]}, "who_name"),
        ({"items": [{"what": "x", "who": "the patient's dog"}]}, "who"),
        ({"items": [{"what": "x", "who": "patient", "by": "9999-12-31"}]}, "by"),
        ({"items": [{"what": "x", "who": "patient"}] * 21}, "items"),
        ({"surprise": 1}, "surprise"),
    ],
)
def test_a_bad_plan_is_a_clear_422_and_changes_nothing(
    client: TestClient, visit_id: str, change: dict[str, Any], field: str
) -> None:
    client.put(f"/api/v1/visits/{visit_id}/plan", json=PLAN, headers=AUTH)
    response = client.put(f"/api/v1/visits/{visit_id}/plan", json={**PLAN, **change}, headers=AUTH)
    assert response.status_code == 422
    assert field in response.text
    assert client.get(f"/api/v1/visits/{visit_id}/plan", headers=AUTH).json()["versions"] == 1


def test_another_clinic_can_neither_read_nor_write_the_plan(
    client: TestClient, visit_id: str
) -> None:
    client.put(f"/api/v1/visits/{visit_id}/plan", json=PLAN, headers=AUTH)
    with session_scope() as session:
        other = clinic_service.create_clinic(session=session, name="Hillview")
        clinician = clinic_service.create_clinician(
            session=session, clinic_id=other.id, name="Dr Hill"
        )
        token = clinic_service.create_token(session=session, clinician_id=clinician.id)
    theirs = {"Authorization": f"Bearer {token}"}
    assert client.get(f"/api/v1/visits/{visit_id}/plan", headers=theirs).status_code == 404
    put = client.put(f"/api/v1/visits/{visit_id}/plan", json={**PLAN, "aim": "x"}, headers=theirs)
    assert put.status_code == 404
    assert client.post(f"/api/v1/visits/{visit_id}/plan/link", headers=theirs).status_code == 404
    assert client.get(f"/api/v1/visits/{visit_id}/plan", headers=AUTH).json()["aim"] == PLAN["aim"]


def test_the_patients_link_opens_a_plain_page_of_what_was_agreed(
    client: TestClient, visit_id: str
) -> None:
    assert client.post(f"/api/v1/visits/{visit_id}/plan/link", headers=AUTH).status_code == 409
    hostile = {**PLAN, "aim": PLAN["aim"] + " <script>alert(1)</script>"}
    client.put(f"/api/v1/visits/{visit_id}/plan", json=hostile, headers=AUTH)
    link = client.post(f"/api/v1/visits/{visit_id}/plan/link", headers=AUTH)
    assert link.status_code == 201
    url = link.json()["plan_url"]
    page = client.get(url[url.index("/plan/") :])
    assert page.status_code == 200
    assert "What we agreed" in page.text
    assert "Do the knee exercises from the leaflet every morning" in page.text
    assert "aiming for <strong>6 out of 10</strong>" in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text and "<script>" not in page.text
    assert AIM in page.text  # their words before the visit, beside the agreed aim
    assert "script-src" not in page.headers["content-security-policy"]
    assert page.headers["cache-control"] == "no-store"
    assert page.headers["referrer-policy"] == "no-referrer"
    # A new link replaces the old one; the plan link never opens the chat.
    newer = client.post(f"/api/v1/visits/{visit_id}/plan/link", headers=AUTH).json()["plan_url"]
    assert client.get(url[url.index("/plan/") :]).status_code == 404
    token = newer.rsplit("/", 1)[1]
    assert client.post("/api/v1/chat-sessions", json={"invite_token": token}).status_code == 404


def test_the_chat_invite_also_opens_the_plan_and_a_made_up_link_does_not(
    client: TestClient,
) -> None:
    created = client.post("/api/v1/visits", json={"patient_ref": "MRN-78"}, headers=AUTH).json()
    invite = created["invite_token"]
    before = client.get(f"/plan/{invite}")
    assert before.status_code == 404 and "Nothing written down yet" in before.text
    assert "What you agreed at your visit" not in client.get(f"/chat/{invite}").text
    client.put(f"/api/v1/visits/{created['id']}/plan", json=PLAN, headers=AUTH)
    assert client.get(f"/plan/{invite}").status_code == 200
    # The chat link now leads there too.
    assert f'href="/plan/{invite}"' in client.get(f"/chat/{invite}").text
    made_up = client.get("/plan/not-a-real-link-at-all-zz9")
    assert made_up.status_code == 404 and "isn't working" in made_up.text


def test_deleting_the_visit_deletes_its_plan(client: TestClient, visit_id: str) -> None:
    client.put(f"/api/v1/visits/{visit_id}/plan", json=PLAN, headers=AUTH)
    assert client.delete(f"/api/v1/visits/{visit_id}", headers=AUTH).status_code == 204
    with session_scope() as session:
        assert session.execute(select(CarePlan)).scalars().all() == []
