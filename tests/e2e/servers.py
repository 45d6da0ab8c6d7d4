"""Start the real Rasa server, action server and API on free ports, for end-to-end tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
RASA_TOKEN = "test-rasa-token"
API_TOKEN = "test-admin-token"
CHAT_JWT_SECRET = "test-chat-jwt-secret-with-enough-length"
TRACKER_STORE = "rasa_server.tracker_store.CoproduceSQLTrackerStore"
ACTION_SECRET = "test-action-secret"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def current_model() -> Path:
    marker = ROOT / "models" / "current"
    if not marker.exists():
        raise RuntimeError("No trained model: run `make model` (make test does it).")
    return ROOT / "models" / marker.read_text().strip()


def tracker_endpoints(path: Path, *, action_url: str, database_url: str, tracker_db: Path) -> Path:
    """Write an endpoints.yml for this stack: SQLite or PostgreSQL tracker store."""
    if database_url.startswith("postgresql"):
        rest = database_url.split("://", 1)[1]
        user, _, hostpart = rest.rpartition("@")
        host, _, db = hostpart.partition("/")
        hostname, _, port = host.partition(":")
        store = (
            f"tracker_store:\n  type: {TRACKER_STORE}\n  dialect: postgresql\n"
            f"  url: {hostname}\n  port: {port or 5432}\n  db: {db}\n"
            f"  username: {user.split(':')[0] or 'postgres'}\n"
        )
    else:
        store = f"tracker_store:\n  type: {TRACKER_STORE}\n  dialect: sqlite\n  db: {tracker_db}\n"
    path.write_text(
        f"action_endpoint:\n  url: {action_url}\n  headers:\n"
        f"    Authorization: Bearer ${{COPRODUCE_ACTION_SECRET}}\n{store}"
    )
    return path


@dataclass
class Stack:
    rasa_url: str
    api_url: str
    action_url: str
    log_dir: Path
    env: dict[str, str]
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)

    def logs(self) -> str:
        return "\n".join(p.read_text(errors="replace") for p in self.log_dir.glob("*.log"))

    def api(self) -> httpx.Client:
        return httpx.Client(
            base_url=self.api_url, timeout=30, headers={"Authorization": f"Bearer {API_TOKEN}"}
        )

    def create_visit(self, **body: Any) -> dict[str, Any]:
        with self.api() as client:
            response = client.post("/api/v1/visits", json={"patient_ref": "MRN-123", **body})
            response.raise_for_status()
            return dict(response.json())

    def summary(self, visit_id: str) -> dict[str, Any]:
        with self.api() as client:
            response = client.get(f"/api/v1/visits/{visit_id}/summary")
            response.raise_for_status()
            return dict(response.json())


#: What a simple patient says to each question, for tests that need a whole conversation.
ANSWERS = {
    "consent": "yes",
    "aim": "to manage my breathing better",
    "what_matters": "my allotment",
    "illness_burden": "I get breathless on the stairs",
    "treatment_burden": "the inhaler technique confuses me",
    "one_thing": "the breathing",
    "concerns": "nothing really",
    "expectations": "check my inhaler",
    "assets": "my breathing exercises",
    "supports": "my son",
    "care_preferences": "no",
    "improvement_measure": "if I could do the stairs in one go",
    "improvement_detail": "the stairs",
    "baseline_rating": "3",
    "confirm_summary": "yes that's right",
    # The general safety question, when the classifier wonders about an ordinary answer.
    "safety_check": "no",
    "safe_to_continue": "yes",
}


@dataclass
class Chat:
    """One patient talking to Rasa over the REST channel."""

    stack: Stack
    invite_token: str | None
    sender: str = field(default_factory=lambda: str(uuid.uuid4()))

    def say(self, text: str, *, token: str | None = "same") -> list[dict[str, Any]]:
        metadata = (
            {}
            if token is None
            else {"invite_token": self.invite_token if token == "same" else token}
        )
        response = httpx.post(
            f"{self.stack.rasa_url}/webhooks/rest/webhook",
            json={"sender": self.sender, "message": text, "metadata": metadata},
            timeout=60,
        )
        response.raise_for_status()
        return list(response.json())

    def text(self, replies: list[dict[str, Any]]) -> str:
        return "\n".join(r.get("text", "") for r in replies if r.get("text"))

    def tracker(self) -> dict[str, Any]:
        response = httpx.get(
            f"{self.stack.rasa_url}/conversations/{self.sender}/tracker",
            params={"token": RASA_TOKEN},
            timeout=30,
        )
        response.raise_for_status()
        return dict(response.json())

    def requested_slot(self) -> str | None:
        return self.tracker()["slots"].get("requested_slot")

    def answer_the_rest(self, answers: dict[str, str] | None = None) -> None:
        """Answer whatever the bot asks next, from `answers` over `ANSWERS`, to the end."""
        chosen = {**ANSWERS, **(answers or {})}
        for _ in range(25):
            slot = self.requested_slot()
            if slot is None:
                return
            assert slot in chosen, f"no answer for {slot}"
            assert self.text(self.say(chosen[slot])), slot
        raise AssertionError("the conversation did not end")


def _wait(
    url: str, *, deadline: float, process: subprocess.Popen, name: str, check: Any = None
) -> None:
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited with {process.returncode}")
        try:
            response = httpx.get(url, timeout=2)
            if response.status_code == 200 and (check is None or check(response)):
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{name} did not become ready at {url}")


def _start(name: str, command: list[str], stack: Stack) -> subprocess.Popen:
    log = open(stack.log_dir / f"{name}.log", "wb")  # noqa: SIM115  (closed with the process)
    process = subprocess.Popen(
        command, cwd=ROOT, env=stack.env, stdout=log, stderr=subprocess.STDOUT
    )
    stack.processes[name] = process
    return process


def start_rasa(
    stack: Stack, endpoints: Path, *, port: int | None = None, name: str = "rasa"
) -> None:
    port = port or int(stack.rasa_url.rsplit(":", 1)[1])
    current_model()  # fails clearly when no model is trained
    process = _start(name, ["bash", "scripts/rasa_server.sh", str(port), str(endpoints)], stack)
    _wait(
        f"http://127.0.0.1:{port}/status?token={RASA_TOKEN}",
        deadline=time.monotonic() + 300,
        process=process,
        name=name,
        check=lambda r: bool(r.json().get("model_file")),
    )


def start_actions(stack: Stack) -> None:
    process = _start("actions", [str(VENV_BIN / "python"), "-m", "actions.server"], stack)
    _wait(
        stack.action_url.replace("/webhook", "/health"),
        deadline=time.monotonic() + 120,
        process=process,
        name="actions",
    )


def start_api(stack: Stack) -> None:
    port = stack.api_url.rsplit(":", 1)[1]
    process = _start(
        "api",
        [str(VENV_BIN / "uvicorn"), "api.main:app", "--host", "127.0.0.1", "--port", port],
        stack,
    )
    _wait(f"{stack.api_url}/healthz", deadline=time.monotonic() + 60, process=process, name="api")


def stop(stack: Stack, name: str) -> None:
    process = stack.processes.pop(name, None)
    if process is None:
        return
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def running_stack(
    workdir: Path, *, database_url: str, extra_env: dict[str, str] | None = None
) -> Iterator[Stack]:
    """Run the three services against `database_url` until the block ends."""
    from coproduce.database import create_all

    workdir.mkdir(parents=True, exist_ok=True)
    rasa_port, action_port, api_port = free_port(), free_port(), free_port()
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "RASA_TELEMETRY_ENABLED": "false",
        # Longer than aiohttp's 15 s pool keep-alive in Rasa, so the action server never closes
        # a connection Rasa is about to reuse ("Cannot write to closing transport").
        "SANIC_KEEP_ALIVE_TIMEOUT": "30",
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
        "COPRODUCE_DATABASE_URL": database_url,
        "COPRODUCE_API_TOKEN": API_TOKEN,
        "COPRODUCE_RASA_TOKEN": RASA_TOKEN,
        "COPRODUCE_CHAT_JWT_SECRET": CHAT_JWT_SECRET,
        "COPRODUCE_ACTION_SECRET": ACTION_SECRET,
        # Hostile tests send hundreds of wrong tokens from one address on purpose; the rate
        # limits themselves are tested in-process (tests/api/test_rate_limits.py and
        # tests/channels/test_channels.py), where their windows can be seconds long.
        "COPRODUCE_RATE_LIMIT_INVITE_FAILURES": "100000/minute",
        "COPRODUCE_RATE_LIMIT_AUTH_FAILURES": "100000/minute",
        "COPRODUCE_RATE_LIMIT_LOGIN": "100000/minute",
        "COPRODUCE_RATE_LIMIT_VISIT_CREATE": "100000/minute",
        "COPRODUCE_ACTION_PORT": str(action_port),
        "COPRODUCE_HOST": "127.0.0.1",
        "COPRODUCE_SESSION_SECRET": "test-session-secret",
        "COPRODUCE_PUBLIC_URL": f"http://127.0.0.1:{api_port}",
        "COPRODUCE_RASA_URL": f"http://127.0.0.1:{rasa_port}",
        "COPRODUCE_EMERGENCY_NUMBER": "999",
        "COPRODUCE_OUTBOX_URL": f"sqlite:///{workdir / 'outbox.db'}",
        "COPRODUCE_OUTBOX_RETRY_SECONDS": "0.5",
        "COPRODUCE_TRACKER_DATABASE_URL": (
            database_url
            if database_url.startswith("postgresql")
            else f"sqlite:///{workdir / 'tracker.db'}"
        ),
        **(extra_env or {}),
    }
    stack = Stack(
        rasa_url=f"http://127.0.0.1:{rasa_port}",
        api_url=f"http://127.0.0.1:{api_port}",
        action_url=f"http://127.0.0.1:{action_port}/webhook",
        log_dir=workdir,
        env=env,
    )
    create_all(database_url)
    endpoints = tracker_endpoints(
        workdir / "endpoints.yml",
        action_url=stack.action_url,
        database_url=database_url,
        tracker_db=workdir / "tracker.db",
    )
    try:
        start_actions(stack)
        start_api(stack)
        start_rasa(stack, endpoints)
        yield stack
    finally:
        for name in list(stack.processes):
            stop(stack, name)
