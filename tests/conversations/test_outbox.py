"""The outbox: patient messages kept while they cannot be saved, in SQLite or Redis."""

from __future__ import annotations

import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from coproduce.config import get_settings
from coproduce.conversations import outbox as outbox_module
from coproduce.conversations.outbox import (
    Outbox,
    PendingMessage,
    RedisOutbox,
    SqliteOutbox,
    backlog,
    forget,
    get_outbox,
    outbox_for,
)
from tests import aio
from tests.conversations.conftest import unique

#: A Redis database of its own: other suites use 3, 4 and 5.
REDIS_URL = "redis://127.0.0.1:6379/7"


def _redis_up() -> bool:
    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.fixture(params=["sqlite", "redis"])
def outbox_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An outbox URL of each kind (Redis skipped when it is not running)."""
    if request.param == "redis":
        if not _redis_up():
            pytest.skip("Redis is not running on 127.0.0.1:6379")
        yield REDIS_URL
    else:
        yield f"sqlite:///{tmp_path / 'outbox.db'}"


def test_kept_messages_outlive_a_restart_in_a_file_only_its_owner_reads(tmp_path: Path) -> None:
    path = tmp_path / "var" / "outbox.db"
    first = SqliteOutbox(path)
    sender = unique("pat")
    aio.run(first.add(sender, PendingMessage("my allotment", "rest", at=2.0)))
    aio.run(first.add(sender, PendingMessage("and the choir", "rest", at=1.0)))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600

    reopened = SqliteOutbox(path)
    assert [m.text for m in aio.run(reopened.pending(sender))] == ["and the choir", "my allotment"]
    assert aio.run(reopened.senders()) == [sender]


def test_removing_touches_only_that_conversations_messages(outbox_url: str) -> None:
    mine, theirs = unique("mine"), unique("theirs")
    kept, other = PendingMessage("my hip", "rest"), PendingMessage("my back", "rest")

    async def scenario() -> tuple[list[PendingMessage], ...]:
        store: Outbox = outbox_for(outbox_url)  # Redis clients belong to one event loop
        await store.add(mine, kept)
        await store.add(theirs, other)
        await store.remove(mine, [other.id, "no-such-id"])
        await store.remove(mine, [])
        found = (
            await store.pending(mine),
            await store.pending(theirs),
            await store.pending(unique("nobody")),
        )
        await store.remove(mine, [kept.id])
        await store.remove(theirs, [other.id])
        return found

    assert aio.run(scenario()) == ([kept], [other], [])


def test_the_backlog_counts_every_kept_message_and_forgetting_drops_them(
    outbox_url: str,
) -> None:
    gone, kept = unique("gone"), unique("kept")
    before = backlog(outbox_url)

    async def keep() -> None:
        store: Outbox = outbox_for(outbox_url)
        for sender, count in ((gone, 2), (kept, 1)):
            for n in range(count):
                await store.add(sender, PendingMessage(f"message {n}", "rest"))

    async def look() -> tuple[list[PendingMessage], list[str]]:
        store: Outbox = outbox_for(outbox_url)
        return await store.pending(gone), await store.senders()

    aio.run(keep())
    assert backlog(outbox_url) == before + 3
    forget([gone, unique("never-kept")], outbox_url)
    assert backlog(outbox_url) == before + 1
    pending, senders = aio.run(look())
    assert pending == [] and gone not in senders and kept in senders
    forget([kept], outbox_url)
    assert backlog(outbox_url) == before


def test_an_outbox_never_written_has_no_backlog_and_is_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "never" / "outbox.db"
    assert backlog(f"sqlite:///{missing}") == 0
    forget(["pat-1"], f"sqlite:///{missing}")
    assert not missing.exists()

    empty = tmp_path / "empty.db"
    sqlite3.connect(str(empty)).close()  # a file with no outbox table yet
    assert backlog(f"sqlite:///{empty}") == 0


def test_the_url_chooses_the_store_and_the_process_keeps_one(tmp_path: Path) -> None:
    assert isinstance(outbox_for(f"sqlite:///{tmp_path / 'o.db'}"), SqliteOutbox)
    assert isinstance(outbox_for("redis://127.0.0.1:6379/7"), RedisOutbox)  # connects lazily
    with pytest.raises(ValueError, match="COPRODUCE_OUTBOX_URL"):
        outbox_for("sqlite://relative.db")
    assert get_settings().outbox_url.startswith("sqlite:///")
    assert get_outbox() is get_outbox()
    assert isinstance(get_outbox(), outbox_module.SqliteOutbox)
