"""Improvement per clinic against hand-computed cases; follow-up routes and FHIR."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from fhir.resources.R4B.bundle import Bundle

from api.main import create_app
from coproduce.aims import service as aim_service
from coproduce.aims.service import AimState
from coproduce.database import session_scope
from coproduce.followups import service as follow_up_service
from coproduce.followups.service import FollowUpState
from tests.conftest import API_TOKEN

AUTH = {"Authorization": f"Bearer {API_TOKEN}"}


@pytest.fixture
def client(database_url: str) -> TestClient:
    return TestClient(create_app())


def _patient(client: TestClient, baseline: int, rating: int, attainment: int) -> str:
    visit_id = client.post("/api/v1/visits", json={"patient_ref": "P"}, headers=AUTH).json()["id"]
    with session_scope() as session:
        aim_service.save_state(
            session=session,
            visit_id=visit_id,
            state=AimState(
                answers={"aim": "walk further", "improvement_measure": "walk to shop"},
                baseline_rating=baseline,
                consent=True,
                confirmed=True,
            ),
        )
    follow_up_id = client.post(f"/api/v1/visits/{visit_id}/follow-ups", headers=AUTH).json()["id"]
    with session_scope() as session:
        follow_up_service.save_state(
            session=session,
            follow_up_id=follow_up_id,
            state=FollowUpState(rating=rating, goal_attainment=attainment, completed=True),
        )
    return visit_id


def test_improvement_figures_match_hand_computed_values(client: TestClient) -> None:
    # changes: +4, +1, -1, +2 -> improved by >= 2: 2 of 4; median change 1.5
    # GAS scores 1, 0, -1, 2 -> T = 50 + 10*2/sqrt(0.7*4 + 0.3*16) = 57.25
    for baseline, rating, attainment in [(2, 6, 1), (5, 6, 0), (4, 3, -1), (3, 5, 2)]:
        _patient(client, baseline, rating, attainment)
    [figures] = client.get("/api/v1/improvement", headers=AUTH).json()
    assert figures["patients_with_follow_up"] == 4
    assert figures["share_improved_by_2_or_more"] == 0.5
    assert figures["median_change"] == 1.5
    assert figures["gas_t_score"] == pytest.approx(57.25, abs=0.01)


def test_summary_and_fhir_show_the_follow_up(client: TestClient) -> None:
    visit_id = _patient(client, 2, 6, 1)
    summary = client.get(f"/api/v1/visits/{visit_id}/summary", headers=AUTH).json()
    assert summary["improvement"]["latest_rating"] == 6
    assert summary["improvement"]["change"] == 4
    assert summary["follow_ups"][0]["goal_attainment"] == 1
    bundle = client.get(f"/api/v1/visits/{visit_id}/fhir", headers=AUTH).json()
    parsed = Bundle.parse_obj(bundle)
    resources = [entry.resource for entry in parsed.entry]
    observations = [r for r in resources if r.resource_type == "Observation"]
    assert sorted(o.valueInteger for o in observations) == [2, 6]
    goal = next(r for r in resources if r.resource_type == "Goal")
    assert goal.achievementStatus.coding[0].code == "improving"


def test_follow_up_needs_a_visit_that_can_be_followed_up(client: TestClient) -> None:
    assert client.post("/api/v1/visits/nope/follow-ups", headers=AUTH).status_code == 404
    visit_id = client.post("/api/v1/visits", json={"patient_ref": "P"}, headers=AUTH).json()["id"]
    client.post(f"/api/v1/visits/{visit_id}/cancel", headers=AUTH)
    assert client.post(f"/api/v1/visits/{visit_id}/follow-ups", headers=AUTH).status_code == 409
    bad = client.post(
        f"/api/v1/visits/{visit_id}/follow-ups", json={"due_at": "soon"}, headers=AUTH
    )
    assert bad.status_code == 422
