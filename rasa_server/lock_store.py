"""A Redis lock store for several Rasa replicas that never loses a turn.

Rasa 3.6's RedisLockStore keeps each conversation's ticket queue as one JSON value that every
replica reads, changes and writes back; two replicas issuing tickets at the same moment can
overwrite each other, and the losing message then fails with a LockError (seen in
tests/scale/test_replicas.py under load). Here each conversation is guarded by a Redis lock
taken atomically (SET NX PX with a token; released only by its owner), so concurrent turns
reaching any replica are handled one at a time and each exactly once.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager
from typing import Any

import redis
import redis.asyncio
from rasa.core.lock import TicketLock
from rasa.core.lock_store import (
    DEFAULT_SOCKET_TIMEOUT_IN_SECONDS,
    LOCK_LIFETIME,
    LockError,
    RedisLockStore,
)
from rasa.utils.endpoints import EndpointConfig

logger = logging.getLogger(__name__)
#: The longest pause between two tries at a busy lock. Rasa passes `wait_time_in_seconds=1`
#: (its ticket queue is re-read from Redis each time); one atomic SET NX is cheap, so a
#: waiting turn tries again sooner than that, and never later than Rasa asked.
POLL_S = 0.02


class AtomicRedisLockStore(RedisLockStore):
    """RedisLockStore whose per-conversation lock is one atomic Redis lock."""

    def __init__(self, endpoint_config: EndpointConfig | None = None, **kwargs: Any) -> None:
        """Connect as Rasa's RedisLockStore does, plus an asyncio client for the locks."""
        if endpoint_config is not None:
            kwargs = {"host": endpoint_config.url or "localhost", **endpoint_config.kwargs}
        super().__init__(**kwargs)
        self.ared = redis.asyncio.Redis(
            host=kwargs.get("host", "localhost"),
            port=int(kwargs.get("port", 6379)),
            db=int(kwargs.get("db", 1)),
            username=kwargs.get("username"),
            password=kwargs.get("password"),
            ssl=bool(kwargs.get("use_ssl", False)),
            ssl_certfile=kwargs.get("ssl_certfile"),
            ssl_keyfile=kwargs.get("ssl_keyfile"),
            ssl_ca_certs=kwargs.get("ssl_ca_certs"),
            socket_timeout=kwargs.get("socket_timeout", DEFAULT_SOCKET_TIMEOUT_IN_SECONDS),
        )

    @asynccontextmanager
    async def lock(
        self,
        conversation_id: str,
        lock_lifetime: float = LOCK_LIFETIME,
        wait_time_in_seconds: float = 1,
    ) -> AsyncGenerator[TicketLock, None]:
        """Hold the conversation's lock while one message is handled.

        Waits up to `lock_lifetime` seconds (after which a holder's lock has expired anyway),
        trying again every `wait_time_in_seconds` or `POLL_S`, whichever is sooner.
        """
        mutex = self.ared.lock(
            f"{self.key_prefix}mutex:{conversation_id}",
            timeout=lock_lifetime,
            sleep=min(wait_time_in_seconds, POLL_S),
            blocking_timeout=lock_lifetime,
        )
        if not await mutex.acquire():
            raise LockError(f"Could not acquire lock for conversation_id '{conversation_id}'.")
        try:
            yield TicketLock(conversation_id)
        finally:
            try:
                await mutex.release()
            except redis.exceptions.LockError:
                logger.warning("A conversation lock expired before its turn finished")
