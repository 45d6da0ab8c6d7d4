"""Run a coroutine to completion from a test, even while another event loop runs here.

Playwright's sync API keeps an event loop running in the main thread for the whole session,
so `asyncio.run` there fails; a short-lived thread gets a loop of its own.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    """Return the coroutine's result, run on a fresh event loop in a worker thread."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
