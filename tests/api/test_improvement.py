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


def _with_plan(client: TestClient, baseline: int, rating: int, statuses: list[str | None]) -> None:
    """A patient with one plan item of their own per status, answered at follow-up."""
    visit_id = _patient(client, baseline, rating, 0)
    items = [{"what": f"item {n}", "who": "patient"} for n in range(len(statuses))]
    items.append({"what": "referral", "who": "clinician"})  # never asked: not the patient's
    plan = {"aim": "walk further", "items": items}
    saved = client.put(f"/api/v1/visits/{visit_id}/plan", json=plan, headers=AUTH).json()
    follow_up_id = client.get(f"/api/v1/visits/{visit_id}/follow-ups", headers=AUTH).json()[0]["id"]
    with session_scope() as session:
        follow_up_service.save_state(
            session=session,
            follow_up_id=follow_up_id,
            state=FollowUpState(
                rating=rating,
                goal_attainment=0,
                completed=True,
                plan={
                    item["id"]: {"status": status}
                    for item, status in zip(saved["items"], statuses, strict=False)
                },
            ),
        )


def test_plan_items_done_and_the_change_with_and_without_them_match_hand_figures(
    client: TestClient,
) -> None:
    # Patient 1: 2 -> 7 (+5), items done, done.       -> did every item
    # Patient 2: 4 -> 5 (+1), items done, partly.     -> did not
    # Patient 3: 3 -> 3 (0),  items not_yet, skipped. -> did not (the skip is left out)
    # Patient 4: 5 -> 8 (+3), item done.              -> did every item
    # Patient 5: 6 -> 6 (0),  no plan: in neither group.
    # Items answered: 6 (the skip is not an answer); done: 4 -> share 4/6.
    # Median change: did every item [5, 3] -> 4.0; did not [1, 0] -> 0.5.
    _with_plan(client, 2, 7, ["done", "done"])
    _with_plan(client, 4, 5, ["done", "partly"])
    _with_plan(client, 3, 3, ["not_yet", None])
    _with_plan(client, 5, 8, ["done"])
    _patient(client, 6, 6, 0)
    [figures] = client.get("/api/v1/improvement", headers=AUTH).json()
    assert figures["patients_with_follow_up"] == 5
    assert figures["plan_items_answered"] == 6
    assert figures["share_plan_items_done"] == pytest.approx(4 / 6)
    assert figures["median_change_items_done"] == 4.0
    assert figures["median_change_items_not_done"] == 0.5
