"""Red-flag alerts: posted in the background with retries, never with patient text."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from coproduce.config import get_settings
from coproduce.safety import alerts


@pytest.fixture
def receiver(monkeypatch: pytest.MonkeyPatch):
    received: list[dict] = []
    statuses = iter([503, 200])

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers["Content-Length"])
            received.append(json.loads(self.rfile.read(length)))
            self.send_response(next(statuses, 200))
            self.end_headers()

        def log_message(self, *args: object) -> None:
            return None

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("COPRODUCE_ALERT_WEBHOOK_URL", f"http://127.0.0.1:{server.server_port}/")
    monkeypatch.setattr(alerts, "RETRY_DELAYS_S", (0.0, 0.05, 0.05))
    get_settings.cache_clear()
    yield received
    server.shutdown()
    get_settings.cache_clear()


def test_an_alert_is_retried_and_carries_no_patient_text(receiver: list[dict]) -> None:
    thread = alerts.send_alert(visit_id="visit-1", category="chest_pain")
    assert thread is not None
    thread.join(timeout=10)
    assert len(receiver) == 2  # the first attempt got a 503, the retry a 200
    assert receiver[-1] == {
        "event": "red_flag",
        "kind": "red_flag",
        "visit_id": "visit-1",
        "category": "chest_pain",
        "urgency": "emergency",
    }


def test_no_webhook_configured_sends_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COPRODUCE_ALERT_WEBHOOK_URL", raising=False)
    get_settings.cache_clear()
    assert alerts.send_alert(visit_id="v", category="stroke") is None
    get_settings.cache_clear()
