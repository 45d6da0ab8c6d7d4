"""Fuzz every documented API operation from its OpenAPI schema: no input gives a server error."""

from __future__ import annotations

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from api.main import create_app
from coproduce.config import get_settings
from coproduce.database import session_scope
from coproduce.visits import service as visit_service
from tests.conftest import API_TOKEN

# Routes read their settings per request, so the app can be built before the fixtures run.
app = create_app()
# The health check takes no input, and its 503 (a part of the product down, as here: no Rasa
# runs in this test) is its answer, not a failure: tests/api/test_health.py covers it.
schema = schemathesis.openapi.from_asgi("/openapi.json", app).exclude(path="/api/v1/health")
ADMIN = {"Authorization": f"Bearer {API_TOKEN}"}


@pytest.fixture
def configured(database_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """A fresh database and every secret set, as in a deployment."""
    monkeypatch.setenv("COPRODUCE_SESSION_SECRET", "test-session-secret")
    monkeypatch.setenv("COPRODUCE_CHAT_JWT_SECRET", "test-chat-jwt-secret-with-enough-length")
    monkeypatch.setenv("COPRODUCE_RASA_TOKEN", "test-rasa-token")
    get_settings.cache_clear()
    return database_url


def _real_visit() -> str:
    with session_scope() as session:
        visit, _ = visit_service.create_visit(
            session=session, patient_ref="MRN-FUZZ", scheduled_for=None
        )
        return str(visit.id)


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_no_input_makes_the_api_fail(case: schemathesis.Case, configured: str) -> None:
    case.call_and_validate(headers=ADMIN, checks=[not_a_server_error])
    if case.path_parameters and "visit_id" in case.path_parameters:
        # Random ids only reach the 404; the same input against a real visit goes further.
        case.path_parameters["visit_id"] = _real_visit()
        case.call_and_validate(headers=ADMIN, checks=[not_a_server_error])


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "/api/v1/visits?date_from=9999-12-31T23:59:59-23:00", None),
        ("GET", "/api/v1/visits?date_to=0001-01-01T00:00:00%2B23:00", None),
        ("POST", "/api/v1/visits", {"patient_ref": "x", "scheduled_for": "9999-12-31T00:00:00"}),
        (
            "POST",
            "/api/v1/visits",
            {"patient_ref": "x", "scheduled_for": "0001-01-01T00:00:00+05:00"},
        ),
    ],
)
def test_times_at_the_ends_of_the_calendar_are_not_server_errors(
    configured: str, method: str, path: str, body: dict | None
) -> None:
    response = TestClient(app).request(method, path, json=body, headers=ADMIN)
    assert response.status_code in (200, 422), response.text
    if response.status_code == 422:
        assert "scheduled_for" in response.json()["message"]
