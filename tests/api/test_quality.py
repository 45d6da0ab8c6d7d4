"""The improvement series, themes and funnel: hand-computed figures, clinic scoping, CSV."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from api.main import create_app
from coproduce.aims import service as aim_service
from coproduce.aims.service import AimState
from coproduce.clinics import service as clinic_service
from coproduce.database import session_scope
from coproduce.followups import service as follow_up_service
from coproduce.followups.models import FollowUp
from coproduce.followups.service import FollowUpState
from coproduce.quality import demo
from coproduce.visits import service as visit_service
from coproduce.visits.models import Visit
from tests.conftest import API_TOKEN

ROOT = Path(__file__).resolve().parents[2]
AUTH = {"Authorization": f"Bearer {API_TOKEN}"}


@pytest.fixture
def client(database_url: str) -> TestClient:
    return TestClient(create_app())


@pytest.fixture
def clinics(client: TestClient) -> dict[str, str]:
    """Two clinics with a clinician token each: {"a": ..., "b": ..., "a_id": ..., "b_id": ...}."""
    found = {}
    with session_scope() as session:
        for key, name in (("a", "Riverside"), ("b", "Hillview")):
            clinic = clinic_service.create_clinic(session=session, name=name)
            person = clinic_service.create_clinician(
                session=session, clinic_id=clinic.id, name=f"Dr {key.upper()}"
            )
            found[key] = clinic_service.create_token(session=session, clinician_id=person.id)
            found[f"{key}_id"] = clinic.id
    return found


def _patient(
    clinic_id: str | None,
    baseline: int,
    rating: int,
    answered: datetime,
    *,
    gas: int = 0,
    answers: dict[str, str | None] | None = None,
) -> str:
    with session_scope() as session:
        visit, _ = visit_service.create_visit(
            session=session, patient_ref="P", scheduled_for=None, clinic_id=clinic_id
        )
        aim_service.save_state(
            session=session,
            visit_id=visit.id,
            state=AimState(
                answers=answers or {"aim": "walk further"},
                baseline_rating=baseline,
                consent=True,
                confirmed=True,
            ),
        )
        follow_up, _ = follow_up_service.create_follow_up(session=session, visit=visit, due_at=None)
        follow_up_service.save_state(
            session=session,
            follow_up_id=follow_up.id,
            state=FollowUpState(rating=rating, goal_attainment=gas, completed=True),
        )
        session.get(FollowUp, follow_up.id).answered_at = answered
        return str(visit.id)


def test_monthly_series_matches_the_hand_worked_figures(
    client: TestClient, clinics: dict[str, str]
) -> None:
    a = clinics["a_id"]
    # January: changes +3, +2, 0, -1 -> 2 of 4 improved; median +1; GAS 1, 1, 0, -1 -> one-goal
    # T-scores 60, 60, 50, 40 -> mean 52.5.
    for baseline, rating, gas in [(2, 5, 1), (3, 5, 1), (4, 4, 0), (5, 4, -1)]:
        _patient(a, baseline, rating, datetime(2026, 1, 10), gas=gas)
    # February: nobody. March: +4, +4 -> 2 of 2; median +4; GAS 2, 2 -> T mean 70.
    for _ in range(2):
        _patient(a, 2, 6, datetime(2026, 3, 3), gas=2)
    # Another clinic's patient in January is never counted for clinic A.
    _patient(clinics["b_id"], 1, 9, datetime(2026, 1, 20))
    response = client.get(
        "/api/v1/improvement/series",
        params={"from": "2026-01-01", "to": "2026-03-31", "interval": "month"},
        headers={"Authorization": f"Bearer {clinics['a']}"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["clinic_id"] == a
    # Centre line: 4 improved of 6 followed up.
    assert body["centre_line"] == pytest.approx(4 / 6)
    january, february, march = body["periods"]
    assert (january["start"], january["end"]) == ("2026-01-01", "2026-01-31")
    assert (january["patients"], january["improved"], january["share_improved"]) == (4, 2, 0.5)
    assert january["median_change"] == 1.0 and january["mean_gas_t_score"] == 52.5
    # n = 4: 3 sigma = 3 * sqrt((2/3)(1/3)/4) = 0.7071; limits clip to 0 and 1.
    assert january["lower_limit"] == 0.0 and january["upper_limit"] == 1.0
    assert february["patients"] == 0 and february["share_improved"] is None
    assert february["lower_limit"] is None and february["median_change"] is None
    assert march["share_improved"] == 1.0 and march["median_change"] == 4.0
    assert march["mean_gas_t_score"] == 70.0
    # n = 2: 3 sigma = 3 * sqrt((2/9)/2) = 1.0 -> limits 0 and 1: nothing signals.
    assert march["special_cause"] is None
    # Run chart on the medians 1 and 4 (February empty): median 2.5, 2 useful points.
    assert body["runs"]["median"] == 2.5 and body["runs"]["useful_observations"] == 2
    assert body["runs"]["crossings"] == 1 and body["runs"]["crossings_limit"] == 0


def test_weekly_periods_start_on_monday_and_empty_weeks_are_kept(
    client: TestClient, clinics: dict[str, str]
) -> None:
    _patient(clinics["a_id"], 2, 6, datetime(2026, 3, 4))  # a Wednesday
    body = client.get(
        "/api/v1/improvement/series",
        params={"from": "2026-03-01", "to": "2026-03-20", "interval": "week"},
        headers={"Authorization": f"Bearer {clinics['a']}"},
    ).json()
    starts = [p["start"] for p in body["periods"]]
    assert starts == ["2026-02-23", "2026-03-02", "2026-03-09", "2026-03-16"]
    assert [p["patients"] for p in body["periods"]] == [0, 1, 0, 0]


def test_a_clinician_sees_only_their_clinic_and_an_admin_may_choose(
    client: TestClient, clinics: dict[str, str]
) -> None:
    theirs = {"Authorization": f"Bearer {clinics['a']}"}
    for path in ("series", "themes", "funnel"):
        other = client.get(
            f"/api/v1/improvement/{path}", params={"clinic_id": clinics["b_id"]}, headers=theirs
        )
        assert other.status_code == 404, path
        own = client.get(f"/api/v1/improvement/{path}", headers=theirs).json()
        assert own["clinic_id"] == clinics["a_id"]
        chosen = client.get(
            f"/api/v1/improvement/{path}", params={"clinic_id": clinics["b_id"]}, headers=AUTH
        ).json()
        assert chosen["clinic_id"] == clinics["b_id"]
    unknown = client.get("/api/v1/improvement/series", params={"clinic_id": "nope"}, headers=AUTH)
    assert unknown.status_code == 404


def test_themes_appear_only_when_five_patients_share_them_and_never_across_clinics(
    client: TestClient, clinics: dict[str, str]
) -> None:
    when = datetime.now().replace(microsecond=0) - timedelta(days=3)
    shared = {"aim": "to go dancing again", "treatment_burden": "the tablets make me sick"}
    for _ in range(5):
        _patient(clinics["a_id"], 3, 4, when, answers=dict(shared))
    for _ in range(4):  # four is not enough
        _patient(clinics["a_id"], 3, 4, when, answers={"aim": "to play golf again"})
    for _ in range(6):  # another clinic's patients, never in clinic A's themes
        _patient(clinics["b_id"], 3, 4, when, answers={"aim": "to go swimming again"})
    body = client.get(
        "/api/v1/improvement/themes", headers={"Authorization": f"Bearer {clinics['a']}"}
    ).json()
    assert body["conversations"] == 9
    activities = {t["name"]: t["patients"] for t in body["activities"]}
    assert activities == {"go dancing": 5}
    assert "play golf" not in str(body) and "swimming" not in str(body)
    assert body["hidden_themes"] >= 1
    assert [(t["name"], t["patients"]) for t in body["treatment_burdens"]] == [("side_effects", 5)]
    assert body["treatment_burdens"][0]["share"] == pytest.approx(5 / 9)
    assert body["red_flags_per_100"] == 0.0


def test_the_funnel_counts_each_step(client: TestClient, clinics: dict[str, str]) -> None:
    a = clinics["a_id"]
    with session_scope() as session:
        for _ in range(3):  # invited, never opened
            visit_service.create_visit(
                session=session, patient_ref="P", scheduled_for=None, clinic_id=a
            )
    _patient(a, 2, 6, datetime.now() - timedelta(days=1))  # through to a completed follow-up
    body = client.get(
        "/api/v1/improvement/funnel", headers={"Authorization": f"Bearer {clinics['a']}"}
    ).json()
    steps = {s["step"]: s["visits"] for s in body["steps"]}
    assert steps["invited"] == 4
    assert steps["consented"] == 1 and steps["confirmed"] == 1
    assert steps["follow_up_invited"] == 1 and steps["follow_up_completed"] == 1
    assert body["steps"][0]["share_of_invited"] == 1.0
    assert body["steps"][3]["share_of_invited"] == 0.25


def test_every_series_downloads_as_csv(client: TestClient, clinics: dict[str, str]) -> None:
    _patient(clinics["a_id"], 2, 6, datetime(2026, 1, 10))
    theirs = {"Authorization": f"Bearer {clinics['a']}"}
    params = {"from": "2026-01-01", "to": "2026-02-28", "format": "csv"}
    response = client.get("/api/v1/improvement/series", params=params, headers=theirs)
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["start"] for r in rows] == ["2026-01-01", "2026-02-01"]
    assert rows[0]["improved"] == "1"
    for path in ("themes", "funnel"):
        got = client.get(f"/api/v1/improvement/{path}", params=params, headers=theirs)
        assert got.status_code == 200 and got.text.count("\r\n") >= 2


@pytest.mark.parametrize(
    "params",
    [
        {"from": "2026-03-01", "to": "2026-01-01"},
        {"from": "2000-01-01", "to": "2026-01-01"},
        {"interval": "fortnight"},
        {"from": "yesterday"},
    ],
)
def test_a_bad_range_is_a_clear_422(client: TestClient, params: dict[str, str]) -> None:
    response = client.get("/api/v1/improvement/series", params=params, headers=AUTH)
    assert response.status_code == 422


def test_demo_data_is_marked_and_refused_beside_real_visits(
    client: TestClient, clinics: dict[str, str]
) -> None:
    with session_scope() as session:
        made = demo.create(
            session=session,
            clinic_id=clinics["a_id"],
            months=6,
            per_month=10,
            today=date(2026, 6, 30),
        )
        assert made.visits > 0 and made.follow_ups > 0 and made.plans > 0
        refs = session.execute(select(Visit.patient_ref)).scalars().all()
        assert refs and all(ref.startswith("DEMO-") for ref in refs)
        visit_service.create_visit(
            session=session, patient_ref="MRN-1", scheduled_for=None, clinic_id=clinics["a_id"]
        )
    with session_scope() as session, pytest.raises(demo.RealVisitsPresent):
        demo.create(session=session, clinic_id=clinics["a_id"], months=1, per_month=1)
    body = client.get(
        "/api/v1/improvement/series",
        params={"from": "2026-01-01", "to": "2026-06-30"},
        headers={"Authorization": f"Bearer {clinics['a']}"},
    ).json()
    assert sum(p["patients"] for p in body["periods"]) > 0


def test_the_api_counts_stored_activities_without_loading_spacy(
    client: TestClient, clinics: dict[str, str]
) -> None:
    """The activities were split out when the answer was saved: the API only reads them."""
    when = datetime.now().replace(microsecond=0) - timedelta(days=3)
    for _ in range(5):
        _patient(clinics["a_id"], 3, 4, when, answers={"what_matters": "walking the dog"})
    script = (
        "import sys\n"
        "from fastapi.testclient import TestClient\n"
        "from api.main import create_app\n"
        "body = TestClient(create_app()).get('/api/v1/improvement/themes',"
        f" headers={{'Authorization': 'Bearer {clinics['a']}'}}).json()\n"
        "print([t['name'] for t in body['activities']], 'spacy' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.stdout.split("\n")[-2] == "['walking the dog'] False"
