"""GET /api/v1/health: every part up or down, no patient data, 503 when anything is down."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from coproduce.config import get_settings
from tests.e2e.servers import free_port


@pytest.fixture
def client(database_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path) -> Iterator[TestClient]:
    # Nothing listens on these ports: Rasa and the action server are "down".
    monkeypatch.setenv("COPRODUCE_RASA_URL", f"http://127.0.0.1:{free_port()}")
    monkeypatch.setenv("COPRODUCE_ACTION_URL", f"http://127.0.0.1:{free_port()}/webhook")
    monkeypatch.setenv("COPRODUCE_TRACKER_DB", str(tmp_path / "tracker.db"))
    get_settings.cache_clear()
    yield TestClient(create_app())
    get_settings.cache_clear()


def test_a_part_that_is_down_makes_it_503_and_says_which(client: TestClient) -> None:
    response = client.get("/api/v1/health")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "degraded"
    assert body["checks"]["rasa"] == "down"
    assert body["checks"]["action_server"] == "down"
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["tracker_store"] == "ok"
    assert body["outbox_backlog"] == 0
    # Nothing but names and states: no addresses, no versions, no patient data.
    assert "127.0.0.1" not in response.text and "sqlite" not in response.text


def test_health_needs_no_token_and_is_in_the_openapi_document(client: TestClient) -> None:
    assert "/api/v1/health" in client.get("/openapi.json").json()["paths"]
