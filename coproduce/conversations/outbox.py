"""Where a chat channel keeps patient messages it could not get saved yet.

When the action server or the database is down, Rasa cannot store an answer. The channel then
keeps the message here, tells the patient kindly, and hands the kept messages to Rasa again
once it can (see `delivery.py`). One Rasa server keeps them in a SQLite file; replicas share
them through Redis, so whichever replica the patient's next message reaches can carry on.

Delivery is at least once: entries are removed only after Rasa has handled them.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, closing
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from coproduce.config import get_settings
from coproduce.database import private_file


@dataclass(frozen=True)
class PendingMessage:
    """One patient message that is waiting to be saved."""

    text: str
    input_channel: str
    metadata: dict[str, Any] = field(default_factory=dict)
    at: float = field(default_factory=time.time)
    id: str = field(default_factory=lambda: uuid.uuid4().hex)

    def dumps(self) -> str:
        """Return the message as JSON, as it is kept."""
        return json.dumps(asdict(self))

    @classmethod
    def loads(cls, raw: str | bytes) -> PendingMessage:
        """Return the message kept as JSON by `dumps`."""
        return cls(**json.loads(raw))


class Outbox(Protocol):
    """Pending messages per conversation, oldest first."""

    async def add(self, sender: str, message: PendingMessage) -> None:
        """Keep a message for a conversation, after those already kept."""
        ...

    async def pending(self, sender: str) -> list[PendingMessage]:
        """Return a conversation's kept messages, oldest first."""
        ...

    async def remove(self, sender: str, ids: list[str]) -> None:
        """Remove the messages with these ids from a conversation's entries."""
        ...

    async def senders(self) -> list[str]:
        """Return every conversation that has messages kept."""
        ...

    def lock(self, sender: str) -> Any:
        """Return an async context manager held while one conversation's entries are used."""
        ...


class _LocalLocks:
    """One asyncio lock per conversation, dropped when nobody holds or waits for it."""

    def __init__(self) -> None:
        self._locks: dict[str, asyncio.Lock] = {}
        self._users: dict[str, int] = {}

    @asynccontextmanager
    async def lock(self, sender: str) -> AsyncIterator[None]:
        """Hold the conversation's lock in this process."""
        lock = self._locks.setdefault(sender, asyncio.Lock())
        self._users[sender] = self._users.get(sender, 0) + 1
        try:
            async with lock:
                yield
        finally:
            self._users[sender] -= 1
            if not self._users[sender]:
                del self._users[sender]
                del self._locks[sender]


class SqliteOutbox(_LocalLocks):
    """Pending messages in a SQLite file, for a single Rasa server."""

    def __init__(self, path: Path) -> None:
        """Open (or create) the SQLite file at `path`, readable only by this user."""
        super().__init__()
        private_file(path)
        self._db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA secure_delete=ON")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS outbox ("
            "id TEXT PRIMARY KEY, sender TEXT NOT NULL, at REAL NOT NULL, body TEXT NOT NULL)"
        )
        self._db.execute("CREATE INDEX IF NOT EXISTS outbox_sender ON outbox (sender, at)")

    async def add(self, sender: str, message: PendingMessage) -> None:
        """Keep a message for a conversation, after those already kept."""
        self._db.execute(
            "INSERT INTO outbox (id, sender, at, body) VALUES (?, ?, ?, ?)",
            (message.id, sender, message.at, message.dumps()),
        )

    async def pending(self, sender: str) -> list[PendingMessage]:
        """Return a conversation's kept messages, oldest first."""
        rows = self._db.execute(
            "SELECT body FROM outbox WHERE sender = ? ORDER BY at, rowid", (sender,)
        ).fetchall()
        return [PendingMessage.loads(body) for (body,) in rows]

    async def remove(self, sender: str, ids: list[str]) -> None:
        """Remove the messages with these ids from a conversation's entries."""
        self._db.executemany(
            "DELETE FROM outbox WHERE sender = ? AND id = ?", [(sender, i) for i in ids]
        )

    async def senders(self) -> list[str]:
        """Return every conversation that has messages kept."""
        return [s for (s,) in self._db.execute("SELECT DISTINCT sender FROM outbox").fetchall()]


class RedisOutbox:
    """Pending messages in Redis lists shared by every Rasa replica."""

    PREFIX = "coproduce:outbox"

    def __init__(self, url: str) -> None:
        """Connect to the Redis at `url`."""
        from redis import asyncio as redis

        self._redis = redis.Redis.from_url(url)

    def _key(self, sender: str) -> str:
        return f"{self.PREFIX}:messages:{sender}"

    async def add(self, sender: str, message: PendingMessage) -> None:
        """Keep a message for a conversation, after those already kept."""
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.rpush(self._key(sender), message.dumps())
            pipe.sadd(f"{self.PREFIX}:senders", sender)
            await pipe.execute()

    async def pending(self, sender: str) -> list[PendingMessage]:
        """Return a conversation's kept messages, oldest first."""
        raws = await self._redis.lrange(self._key(sender), 0, -1)
        return [PendingMessage.loads(raw) for raw in raws]

    async def remove(self, sender: str, ids: list[str]) -> None:
        """Remove the messages with these ids; a conversation left with none is no longer listed."""
        wanted = set(ids)
        for raw in await self._redis.lrange(self._key(sender), 0, -1):
            if PendingMessage.loads(raw).id in wanted:
                await self._redis.lrem(self._key(sender), 1, raw)
        if not await self._redis.exists(self._key(sender)):
            await self._redis.srem(f"{self.PREFIX}:senders", sender)

    async def senders(self) -> list[str]:
        """Return every conversation that has messages kept, in order."""
        return sorted(s.decode() for s in await self._redis.smembers(f"{self.PREFIX}:senders"))

    @asynccontextmanager
    async def lock(self, sender: str) -> AsyncIterator[None]:
        """Hold the conversation's lock across every replica (a Redis lock)."""
        async with self._redis.lock(
            f"{self.PREFIX}:lock:{sender}", timeout=120, blocking_timeout=60, sleep=0.05
        ):
            yield


def forget(sender_ids: list[str], url: str | None = None) -> None:
    """Drop every kept message of these conversations (a patient asked to be forgotten).

    Synchronous, for the API and the action server, which delete outside Rasa's event loop.
    """
    url = url or get_settings().outbox_url
    if url.startswith(("redis://", "rediss://", "unix://")):
        import redis

        client = redis.Redis.from_url(url)
        for sender in sender_ids:
            client.delete(f"{RedisOutbox.PREFIX}:messages:{sender}")
            client.srem(f"{RedisOutbox.PREFIX}:senders", sender)
        return
    path = Path(url.removeprefix("sqlite:///"))
    if not path.exists():
        return
    with sqlite3.connect(str(path)) as db:
        db.execute("PRAGMA secure_delete=ON")
        db.executemany("DELETE FROM outbox WHERE sender = ?", [(s,) for s in sender_ids])


def backlog(url: str | None = None) -> int:
    """Count the messages kept and not yet saved (synchronous, for the health check)."""
    url = url or get_settings().outbox_url
    if url.startswith(("redis://", "rediss://", "unix://")):
        import redis

        client = redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2)
        senders = client.smembers(f"{RedisOutbox.PREFIX}:senders")
        return sum(int(client.llen(f"{RedisOutbox.PREFIX}:messages:{s.decode()}")) for s in senders)
    path = Path(url.removeprefix("sqlite:///"))
    if not path.exists():
        return 0
    with closing(sqlite3.connect(str(path), timeout=2)) as db:
        try:
            return int(db.execute("SELECT COUNT(*) FROM outbox").fetchone()[0])
        except sqlite3.OperationalError:  # no table yet: nothing was ever kept
            return 0


def outbox_for(url: str) -> Outbox:
    """Return the outbox a `sqlite:///path` or `redis://host:port/db` URL names."""
    if url.startswith(("redis://", "rediss://", "unix://")):
        return RedisOutbox(url)
    if url.startswith("sqlite:///"):
        return SqliteOutbox(Path(url.removeprefix("sqlite:///")))
    raise ValueError("COPRODUCE_OUTBOX_URL must start with sqlite:/// or redis://")


@lru_cache(maxsize=1)
def get_outbox() -> Outbox:
    """Return this process's outbox, from COPRODUCE_OUTBOX_URL."""
    return outbox_for(get_settings().outbox_url)
