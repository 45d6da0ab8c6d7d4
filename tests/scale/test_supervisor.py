"""`make run` survives a crash: each service killed with SIGKILL is back within seconds.

The product is started the way `make run` starts it (scripts/run.sh: supervisord over the
Procfile), on free ports and temporary files. A patient carries on a conversation over REST
and another over socket.io while the action server, the API and Rasa are each killed in
turn; the patient is told kindly when saving was delayed, and the summary afterwards holds
every answer, item by item.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import socketio

from rasa_server.channels.delivery import DELAYED_NOTICE
from tests import aio
from tests.e2e.servers import (
    ACTION_SECRET,
    API_TOKEN,
    CHAT_JWT_SECRET,
    RASA_TOKEN,
    ROOT,
    VENV_BIN,
    Chat,
    Stack,
    current_model,
    free_port,
)

pytestmark = [pytest.mark.e2e, pytest.mark.model]
SERVICES = ("actions", "api", "rasa")


class Supervised:
    """The product under supervisord, as scripts/run.sh starts it."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        ports = {name: free_port() for name in SERVICES}
        self.run_dir = workdir / "run"
        self.env = {
            **os.environ,
            "COPRODUCE_RUN_DIR": str(self.run_dir),
            "COPRODUCE_HOST": "127.0.0.1",
            "COPRODUCE_RASA_PORT": str(ports["rasa"]),
            "COPRODUCE_ACTION_PORT": str(ports["actions"]),
            "COPRODUCE_API_PORT": str(ports["api"]),
            "COPRODUCE_DATABASE_URL": f"sqlite:///{workdir / 'aims.db'}",
            "COPRODUCE_TRACKER_DB": str(workdir / "tracker.db"),
            "COPRODUCE_OUTBOX_URL": f"sqlite:///{workdir / 'outbox.db'}",
            "COPRODUCE_OUTBOX_RETRY_SECONDS": "0.5",
            "COPRODUCE_API_TOKEN": API_TOKEN,
            "COPRODUCE_RASA_TOKEN": RASA_TOKEN,
            "COPRODUCE_CHAT_JWT_SECRET": CHAT_JWT_SECRET,
            "COPRODUCE_ACTION_SECRET": ACTION_SECRET,
            "COPRODUCE_SESSION_SECRET": "test-session-secret",
            "COPRODUCE_EMERGENCY_NUMBER": "999",
            "COPRODUCE_RATE_LIMIT_VISIT_CREATE": "100000/minute",
        }
        for name in ("COPRODUCE_ACTION_URL", "COPRODUCE_PUBLIC_URL", "COPRODUCE_RASA_URL"):
            self.env.pop(name, None)
        self.rasa_url = f"http://127.0.0.1:{ports['rasa']}"
        self.api_url = f"http://127.0.0.1:{ports['api']}"
        self.action_url = f"http://127.0.0.1:{ports['actions']}/webhook"
        self.log = open(workdir / "run.log", "wb")  # noqa: SIM115  (closed in stop())
        self.process = subprocess.Popen(
            ["bash", "scripts/run.sh"],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def logs(self) -> str:
        return (self.workdir / "run.log").read_text(errors="replace")

    def stack(self) -> Stack:
        return Stack(self.rasa_url, self.api_url, self.action_url, self.workdir, self.env)

    def wait_up(self, timeout: float = 300) -> float:
        """Wait until every service answers; return how long it took."""
        started = time.monotonic()
        checks = {
            "rasa": f"{self.rasa_url}/status?token={RASA_TOKEN}",
            "api": f"{self.api_url}/healthz",
            "actions": self.action_url.replace("/webhook", "/health"),
        }
        pending = dict(checks)
        while pending and time.monotonic() - started < timeout:
            assert self.process.poll() is None, self.logs()[-3000:]
            for name, url in list(pending.items()):
                try:
                    if httpx.get(url, timeout=2).status_code == 200:
                        pending.pop(name)
                except httpx.HTTPError:
                    pass
            time.sleep(0.3)
        assert not pending, f"not back: {sorted(pending)}\n{self.logs()[-3000:]}"
        return time.monotonic() - started

    def pid(self, name: str) -> int:
        out = subprocess.run(
            [
                str(VENV_BIN / "supervisorctl"),
                "-c",
                str(self.run_dir / "supervisord.conf"),
                "pid",
                name,
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        return int(out)

    def kill(self, name: str) -> float:
        """SIGKILL one service; return how long until everything answers again."""
        pid = self.pid(name)
        os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if self.pid(name) not in (0, pid):
                    break
            except (subprocess.CalledProcessError, ValueError):
                pass
            time.sleep(0.2)
        return self.wait_up()

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()


@pytest.fixture(scope="module")
def supervised(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Supervised]:
    current_model()
    product = Supervised(tmp_path_factory.mktemp("supervised"))
    try:
        product.wait_up()
        yield product
    finally:
        product.stop()


def _until(chat: Chat, slot: str, text: str) -> None:
    """Say something kept by the outbox until the conversation has moved past `slot`."""
    for _ in range(60):
        if chat.requested_slot() != slot:
            return
        chat.say(text)
        time.sleep(0.5)
    raise AssertionError(f"still at {slot}")


def test_each_service_killed_mid_conversation_is_back_and_nothing_is_lost(
    supervised: Supervised,
) -> None:
    stack = supervised.stack()
    health = httpx.get(f"{supervised.api_url}/api/v1/health", timeout=10)
    assert health.status_code == 200, health.text
    assert set(health.json()["checks"].values()) == {"ok"}
    visit = stack.create_visit()
    chat = Chat(stack, visit["invite_token"])
    for text in ["hi", "yes", "to manage my breathing better"]:
        chat.say(text)
    assert chat.requested_slot() == "what_matters"
    back: dict[str, float] = {}

    # The action server dies: the answer given meanwhile is kept and saved once it is back.
    pid = supervised.pid("actions")
    os.kill(pid, signal.SIGKILL)
    replies = chat.text(chat.say("my allotment"))
    assert replies, "the patient was told nothing"
    if DELAYED_NOTICE in replies:
        assert "saving" in DELAYED_NOTICE.lower() or "save" in DELAYED_NOTICE.lower()
    back["actions"] = supervised.wait_up()
    _until(chat, "what_matters", "and the dog")
    assert chat.requested_slot() == "illness_burden"
    chat.say("I get breathless on the stairs")

    # The API dies: clinics' calls fail for a moment; the chat (Rasa) is not touched.
    back["api"] = supervised.kill("api")
    assert stack.create_visit()["invite_token"]
    assert chat.requested_slot() == "treatment_burden"
    chat.say("the inhaler technique confuses me")

    # Rasa dies: the conversation is in the tracker store and goes on where it was.
    at = chat.requested_slot()
    back["rasa"] = supervised.kill("rasa")
    assert chat.requested_slot() == at
    chat.answer_the_rest()

    summary = stack.summary(visit["id"])
    assert summary["status"] == "completed"
    assert summary["aim"]["statement"] == "to manage my breathing better"
    assert "my allotment" in summary["aim"]["what_matters"]
    assert [i["text"] for i in summary["illness_burdens"]] == ["I get breathless on the stairs"]
    assert summary["treatment_burdens"][0]["text"] == "the inhaler technique confuses me"
    assert summary["assets"] == [{"text": "my breathing exercises"}]
    assert summary["supports"][0]["relationship"] == "son"
    assert summary["improvement"]["baseline_rating"] == 3
    log = supervised.logs()
    for name in SERVICES:
        assert f"exited: {name} (terminated by SIGKILL; not expected)" in log
    print("back within seconds:", {k: round(v, 1) for k, v in back.items()})
    assert back["actions"] < 30 and back["api"] < 30 and back["rasa"] < 180


async def _socket_across_kills(supervised: Supervised, invite_token: str) -> list[str]:
    async with httpx.AsyncClient(base_url=supervised.api_url, timeout=30) as api:
        response = await api.post("/api/v1/chat-sessions", json={"invite_token": invite_token})
        session = response.raise_for_status().json()
    received: list[str] = []

    async def connect() -> tuple[socketio.AsyncClient, Any]:
        client = socketio.AsyncClient(reconnection=False)
        arrived = asyncio.Event()

        def on_bot(data: dict) -> None:
            received.append(str(data.get("text", "")))
            arrived.set()

        confirmed = asyncio.Event()
        client.on("bot_uttered", on_bot)
        client.on("session_confirm", lambda _sid: confirmed.set())
        await client.connect(
            session["socket_url"], auth={"token": session["token"]}, transports=["websocket"]
        )
        await client.emit("session_request", {"session_id": session["session_id"]})
        await asyncio.wait_for(confirmed.wait(), 10)
        return client, arrived

    async def say(client: socketio.AsyncClient, arrived: asyncio.Event, text: str) -> None:
        arrived.clear()
        await client.emit(
            "user_uttered",
            {
                "message": text,
                "session_id": session["session_id"],
                "customData": {"invite_token": invite_token},
            },
        )
        await asyncio.wait_for(arrived.wait(), 90)
        await asyncio.sleep(1)

    client, arrived = await connect()
    for text in ["hi", "yes", "to sleep through the night"]:
        await say(client, arrived, text)
    os.kill(await asyncio.to_thread(supervised.pid, "actions"), signal.SIGKILL)
    await say(client, arrived, "my grandchildren")
    await asyncio.to_thread(supervised.wait_up)
    for _ in range(120):  # the kept answer is saved by itself and the next question comes
        if any("get in the way" in text for text in received):
            break
        await asyncio.sleep(0.5)
    await client.disconnect()
    # Rasa dies: the page reconnects (as the widget does) and carries on.
    await asyncio.to_thread(supervised.kill, "rasa")
    client, arrived = await connect()
    await say(client, arrived, "I wake up every two hours")
    await client.disconnect()
    return received


def test_a_socket_chat_survives_the_action_server_and_rasa_being_killed(
    supervised: Supervised,
) -> None:
    stack = supervised.stack()
    visit = stack.create_visit()
    received = aio.run(_socket_across_kills(supervised, visit["invite_token"]))
    assert any("get in the way" in text for text in received), received
    summary = stack.summary(visit["id"])
    assert "my grandchildren" in summary["aim"]["what_matters"]
    assert [i["text"] for i in summary["illness_burdens"]] == ["I wake up every two hours"]
