"""Rate limits shared by the API and the chat channels, on the `limits` library.

Each limit is a setting in the `limits` notation ("10/minute", "5 per 30 seconds"). The
counters live in memory for one process, or in Redis (COPRODUCE_RATE_LIMIT_STORAGE) when
several replicas must share them. Failures are counted (wrong tokens, dead invites), so a
patient or clinician who gets things right is never slowed by someone else's guessing.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from limits import RateLimitItem, parse, storage, strategies

from coproduce.config import get_settings

#: The limits, by the name of the setting that holds each (COPRODUCE_RATE_LIMIT_<NAME>).
LOGIN = "login"
AUTH_FAILURES = "auth_failures"
INVITE_FAILURES = "invite_failures"
VISIT_CREATE = "visit_create"


@dataclass(frozen=True)
class Verdict:
    """Whether a caller may go on, and if not, how long to wait."""

    allowed: bool
    retry_after: int = 0


@lru_cache(maxsize=4)
def _storage(url: str) -> storage.Storage:
    found: storage.Storage = storage.storage_from_string(url)
    return found


@lru_cache(maxsize=4)
def _limiter(url: str) -> strategies.MovingWindowRateLimiter:
    # The strategy holds its storage weakly: the cached storage keeps it alive.
    return strategies.MovingWindowRateLimiter(_storage(url))


def _limit(name: str) -> RateLimitItem:
    return parse(str(getattr(get_settings(), f"rate_limit_{name}")))


def _limiter_now() -> strategies.MovingWindowRateLimiter:
    return _limiter(get_settings().rate_limit_storage)


def check(name: str, key: str) -> Verdict:
    """Say whether `key` is still within limit `name`, without counting this call."""
    item = _limit(name)
    if _limiter_now().test(item, name, key):
        return Verdict(True)
    return Verdict(False, _retry_after_named(item, name, key))


def hit(name: str, key: str) -> Verdict:
    """Count one event for `key` under limit `name`; say whether it was within the limit."""
    item = _limit(name)
    if _limiter_now().hit(item, name, key):
        return Verdict(True)
    return Verdict(False, _retry_after_named(item, name, key))


def _retry_after_named(item: RateLimitItem, name: str, key: str) -> int:
    reset_at, _remaining = _limiter_now().get_window_stats(item, name, key)
    return max(1, math.ceil(reset_at - time.time()))


def reset() -> None:
    """Forget every counter (tests, and an operator clearing a mistaken lock-out)."""
    found: Any = _storage(get_settings().rate_limit_storage)  # `reset` is untyped in limits
    found.reset()
