"""The tracker store and lock store classes that bot/endpoints*.yml name."""

from __future__ import annotations

import asyncio
import os
import time
import uuid
from pathlib import Path

import pytest
import yaml
from rasa.core.lock_store import LockError, LockStore
from rasa.core.tracker_store import TrackerStore, create_tracker_store
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig
from sqlalchemy.pool import QueuePool

from rasa_server.lock_store import AtomicRedisLockStore
from rasa_server.tracker_store import CoproduceSQLTrackerStore
from tests import aio

ROOT = Path(__file__).resolve().parents[2]


def _sqlite_store(path: Path) -> TrackerStore:
    config = EndpointConfig(
        type="rasa_server.tracker_store.CoproduceSQLTrackerStore", dialect="sqlite", db=str(path)
    )
    return create_tracker_store(config, Domain.empty())


@pytest.mark.parametrize("endpoints", ["bot/endpoints.yml", "bot/endpoints.scaled.yml"])
def test_the_endpoints_name_our_tracker_store(endpoints: str) -> None:
    # Rasa falls back to an in-memory store, silently, when a custom type does not import.
    config = yaml.safe_load((ROOT / endpoints).read_text())
    assert config["tracker_store"]["type"] == "rasa_server.tracker_store.CoproduceSQLTrackerStore"


def test_a_sqlite_tracker_store_is_pooled_and_write_ahead_logged(tmp_path: Path) -> None:
    store = _sqlite_store(tmp_path / "tracker.db")
    assert isinstance(store, CoproduceSQLTrackerStore)
    assert isinstance(store.engine.pool, QueuePool)
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10000


def test_a_sqlite_tracker_store_keeps_conversations(tmp_path: Path) -> None:
    store = _sqlite_store(tmp_path / "tracker.db")
    tracker = DialogueStateTracker.from_events("pat-1", [UserUttered("my hip", {"name": "inform"})])
    aio.run(store.save(tracker))
    again = _sqlite_store(tmp_path / "tracker.db")
    found = aio.run(again.retrieve("pat-1"))
    assert found is not None
    assert found.latest_message.text == "my hip"


@pytest.mark.postgres
def test_a_postgres_tracker_store_is_left_as_rasa_makes_it() -> None:
    url = os.environ.get("COPRODUCE_TEST_DATABASE_URL", "")
    if not url.startswith("postgresql"):
        pytest.skip("COPRODUCE_TEST_DATABASE_URL not set")
    rest = url.split("://", 1)[1]
    user, _, hostpart = rest.rpartition("@")
    host, _, db = hostpart.partition("/")
    hostname, _, port = host.partition(":")
    store = create_tracker_store(
        EndpointConfig(
            url=hostname,
            type="rasa_server.tracker_store.CoproduceSQLTrackerStore",
            dialect="postgresql",
            port=port or 5432,
            db=db,
            username=user.split(":")[0] or "postgres",
        ),
        Domain.empty(),
    )
    assert isinstance(store, CoproduceSQLTrackerStore)
    assert store.engine.dialect.name == "postgresql"


def _redis_up() -> bool:
    import redis

    try:
        return bool(redis.Redis(socket_timeout=1).ping())
    except redis.exceptions.RedisError:
        return False


needs_redis = pytest.mark.skipif(
    not _redis_up() and not os.environ.get("CI"), reason="no Redis on 127.0.0.1:6379"
)


def _lock_store() -> AtomicRedisLockStore:
    section = yaml.safe_load((ROOT / "bot" / "endpoints.scaled.yml").read_text())["lock_store"]
    section.update(url="127.0.0.1", port=6379, db=1, key_prefix=f"test{uuid.uuid4().hex[:8]}")
    store = LockStore.create(EndpointConfig.from_dict(section))
    assert isinstance(store, AtomicRedisLockStore)
    return store


@needs_redis
def test_turns_of_one_conversation_take_the_lock_one_at_a_time() -> None:
    store = _lock_store()
    inside: list[str] = []
    overlaps: list[bool] = []

    async def turn(name: str) -> None:
        async with store.lock("conv-1", lock_lifetime=5):
            inside.append(name)
            overlaps.append(len(inside) > 1)
            await asyncio.sleep(0.05)
            inside.remove(name)

    async def many() -> None:
        await asyncio.gather(*(turn(f"t{i}") for i in range(8)))

    started = time.monotonic()
    aio.run(many())
    assert overlaps == [False] * 8
    assert time.monotonic() - started >= 8 * 0.05


@needs_redis
def test_a_lock_held_too_long_gives_a_lock_error() -> None:
    store = _lock_store()

    async def blocked() -> None:
        async with store.lock("conv-2", lock_lifetime=5):
            with pytest.raises(LockError):
                async with store.lock("conv-2", lock_lifetime=0.2, wait_time_in_seconds=0.05):
                    pass

    aio.run(blocked())
