"""A Redis lock store for several Rasa replicas that never loses a turn.

Rasa 3.6's RedisLockStore keeps each conversation's ticket queue as one JSON value that every
replica reads, changes and writes back; two replicas issuing tickets at the same moment can
overwrite each other, and the losing message then fails with a LockError (seen in
tests/scale/test_replicas.py under load). Here each conversation is guarded by a Redis lock
taken atomically (SET NX PX with a token; released only by its owner), so concurrent turns
reaching any replica are handled one at a time and each exactly once.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager
from typing import Any

import redis
from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

logger = logging.getLogger(__name__)
POLL_S = 0.02


class AtomicRedisLockStore(RedisLockStore):
    """RedisLockStore whose per-conversation lock is one atomic Redis lock."""

    def __init__(self, endpoint_config: EndpointConfig | None = None, **kwargs: Any) -> None:
        if endpoint_config is not None:
            kwargs = {"host": endpoint_config.url or "localhost", **endpoint_config.kwargs}
        super().__init__(**kwargs)

    @asynccontextmanager
    async def lock(
        self,
        conversation_id: str,
        lock_lifetime: float = LOCK_LIFETIME,
        wait_time_in_seconds: float = 1,
    ) -> AsyncGenerator[TicketLock, None]:
        """Hold the conversation's lock while one message is handled."""
        mutex = self.red.lock(f"{self.key_prefix}mutex:{conversation_id}", timeout=lock_lifetime)
        deadline = time.monotonic() + lock_lifetime
        while not mutex.acquire(blocking=False):
            if time.monotonic() >= deadline:
                raise LockError(f"Could not acquire lock for conversation_id '{conversation_id}'.")
            await asyncio.sleep(POLL_S)
        try:
            yield TicketLock(conversation_id)
        finally:
            try:
                mutex.release()
            except redis.exceptions.LockError:
                logger.warning("A conversation lock expired before its turn finished")
