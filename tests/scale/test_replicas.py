"""Two Rasa replicas on PostgreSQL and Redis: turns alternate, bursts are serialised."""

from __future__ import annotations

import concurrent.futures
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import redis

from tests.conftest import reset_postgres
from tests.e2e.servers import (
    ANSWERS,
    RASA_TOKEN,
    Chat,
    Stack,
    free_port,
    running_stack,
    start_rasa,
    tracker_endpoints,
)

POSTGRES_URL = os.environ.get("COPRODUCE_TEST_DATABASE_URL")
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.postgres,
    pytest.mark.model,
    pytest.mark.skipif(not POSTGRES_URL, reason="COPRODUCE_TEST_DATABASE_URL not set"),
]


def _redis_up() -> bool:
    try:
        return bool(redis.Redis(host="127.0.0.1", port=6379, socket_timeout=2).ping())
    except redis.RedisError:
        return False


def scaled_endpoints(path: Path, *, action_url: str, database_url: str) -> Path:
    """The stack's endpoints (PostgreSQL tracker store, action secret) plus a Redis lock store."""
    tracker_endpoints(path, action_url=action_url, database_url=database_url, tracker_db=path)
    with path.open("a") as endpoints:
        endpoints.write(
            "lock_store:\n  type: rasa_server.lock_store.AtomicRedisLockStore\n  url: 127.0.0.1\n"
            f"  port: 6379\n  db: 3\n  key_prefix: t{uuid.uuid4().hex[:8]}\n"
        )
    return path


@pytest.fixture(scope="module")
def replicas(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Stack, str]]:
    if not _redis_up():
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    assert POSTGRES_URL
    reset_postgres(POSTGRES_URL)
    workdir = tmp_path_factory.mktemp("replicas")
    env = {
        "SQL_POOL_SIZE": "3",
        "SQL_MAX_OVERFLOW": "3",
        "COPRODUCE_OUTBOX_URL": "redis://127.0.0.1:6379/3",
    }
    with running_stack(workdir, database_url=POSTGRES_URL, extra_env=env) as stack:
        # The first replica runs with the stack's own SQL tracker store; restart it with the
        # Redis lock store too, and add a second replica with the same endpoints.
        endpoints = scaled_endpoints(
            workdir / "endpoints.scaled.yml", action_url=stack.action_url, database_url=POSTGRES_URL
        )
        from tests.e2e.servers import stop

        stop(stack, "rasa")
        start_rasa(stack, endpoints)
        second_port = free_port()
        start_rasa(stack, endpoints, port=second_port, name="rasa2")
        yield stack, f"http://127.0.0.1:{second_port}"


def _say(rasa_url: str, chat: Chat, text: str) -> list[dict]:
    response = httpx.post(
        f"{rasa_url}/webhooks/rest/webhook",
        json={
            "sender": chat.sender,
            "message": text,
            "metadata": {"invite_token": chat.invite_token},
        },
        timeout=120,
    )
    response.raise_for_status()
    return list(response.json())


def test_a_conversation_alternating_between_replicas_completes(
    replicas: tuple[Stack, str],
) -> None:
    stack, second = replicas
    visit = stack.create_visit()
    chat = Chat(stack, visit["invite_token"])
    answers = {
        **ANSWERS,
        "aim": "to get my sugar under control",
        "what_matters": "my grandchildren",
        "illness_burden": "the fatigue stops me going out",
        "treatment_burden": "finger pricks four times a day",
        "assets": "my walking group",
        "supports": "my husband helps, I look after my mum",
        "improvement_measure": "if my readings were steady for a month",
        "baseline_rating": "4",
    }
    assert _say(stack.rasa_url, chat, "hi"), "no reply to 'hi'"
    for number in range(1, 30):
        slot = chat.requested_slot()
        if slot is None:
            break
        replies = _say(stack.rasa_url if number % 2 == 0 else second, chat, answers[slot])
        assert replies, f"no reply to {answers[slot]!r} (asked {slot})"
    summary = stack.summary(visit["id"])
    assert summary["status"] == "completed"
    assert summary["aim"]["statement"] == "to get my sugar under control"
    assert summary["improvement"]["baseline_rating"] == 4
    assert [s["kind"] for s in summary["supports"]] == ["support", "caring_for"]


def test_bursts_to_both_replicas_are_serialised(replicas: tuple[Stack, str]) -> None:
    stack, second = replicas
    visit = stack.create_visit()
    chat = Chat(stack, visit["invite_token"])
    _say(stack.rasa_url, chat, "hi")
    _say(second, chat, "yes")
    burst = [f"who will see this? ({n})" for n in range(10)]
    with concurrent.futures.ThreadPoolExecutor(max_workers=10) as pool:
        futures = [
            pool.submit(_say, stack.rasa_url if n % 2 else second, chat, text)
            for n, text in enumerate(burst)
        ]
        replies = [f.result() for f in futures]
    assert all(replies), "every message got its own reply"
    tracker = httpx.get(
        f"{stack.rasa_url}/conversations/{chat.sender}/tracker",
        params={"token": RASA_TOKEN},
        timeout=60,
    ).json()
    user_texts = [e["text"] for e in tracker["events"] if e["event"] == "user"]
    assert sorted(user_texts[2:]) == sorted(burst), "no lost or duplicated turns"
    assert tracker["slots"]["requested_slot"] == "aim"
