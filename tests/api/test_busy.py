"""A database that stays locked or cannot be reached gives a clear 503 to retry, never a 500."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.exc import OperationalError

from api.main import create_app
from api.routes import visits as visit_routes
from coproduce.database import DatabaseBusy
from tests.conftest import API_TOKEN

ADMIN = {"Authorization": f"Bearer {API_TOKEN}"}


@pytest.mark.parametrize(
    "error",
    [
        DatabaseBusy("busy"),
        OperationalError("INSERT INTO visits", {}, Exception("database is locked")),
    ],
)
def test_a_busy_database_is_a_503_with_retry_after(
    database_url: str, monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    def busy(**_: object) -> None:
        raise error

    create = visit_routes.visit_service.create_visit
    monkeypatch.setattr(visit_routes.visit_service, "create_visit", busy)
    client = TestClient(create_app(), raise_server_exceptions=False)
    response = client.post("/api/v1/visits", json={"patient_ref": "MRN-1"}, headers=ADMIN)
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "5"
    assert response.json()["error"] == "busy"
    assert "Nothing was saved" in response.json()["message"]
    # Nothing half-done: the same request succeeds once the database is free.
    monkeypatch.setattr(visit_routes.visit_service, "create_visit", create)
    retried = TestClient(create_app()).post(
        "/api/v1/visits", json={"patient_ref": "MRN-1"}, headers=ADMIN
    )
    assert retried.status_code == 201
