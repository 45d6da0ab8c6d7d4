"""GET /api/v1/health: is every part of the product up? For monitoring and load balancers.

No patient data and no addresses: each part is "ok" or "down", and the number of chat
messages kept during an outage and not saved yet. 503 when any part is down, so a monitor
needs to read nothing but the status code.
"""

from __future__ import annotations

import asyncio
from typing import Literal

import httpx
from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine

from coproduce.config import get_settings
from coproduce.conversations import outbox
from coproduce.database import get_engine

router = APIRouter(tags=["health"])
TIMEOUT_S = 2.0
Status = Literal["ok", "down"]


class HealthOut(BaseModel):
    """Each part of the product, and the backlog of chat messages waiting to be saved."""

    status: Literal["ok", "degraded"]
    checks: dict[str, Status]
    outbox_backlog: int | None


def _database() -> None:
    with get_engine().connect() as connection:
        connection.execute(text("SELECT 1"))


def _tracker_store() -> None:
    url = get_settings().tracker_url
    engine = _tracker_engines.get(url)
    if engine is None:
        engine = _tracker_engines[url] = create_engine(url, future=True, pool_pre_ping=True)
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))


_tracker_engines: dict[str, Engine] = {}


def _redis(url: str) -> None:
    import redis

    if not redis.Redis.from_url(url, socket_connect_timeout=TIMEOUT_S).ping():
        raise ConnectionError


async def _http(client: httpx.AsyncClient, url: str) -> None:
    response = await client.get(url)
    response.raise_for_status()


async def _check(work: object) -> Status:
    try:
        if asyncio.iscoroutine(work):
            await asyncio.wait_for(work, TIMEOUT_S + 1)
        else:
            await asyncio.wait_for(asyncio.to_thread(work), TIMEOUT_S + 1)  # type: ignore[arg-type]
    except Exception:
        return "down"
    return "ok"


@router.get(
    "/api/v1/health",
    response_model=HealthOut,
    responses={503: {"model": HealthOut, "description": "A part of the product is down."}},
)
async def health() -> JSONResponse:
    """Report Rasa, the action server, the databases, Redis (when used) and the outbox."""
    settings = get_settings()
    action_health = settings.action_webhook.rsplit("/webhook", 1)[0].rstrip("/") + "/health"
    async with httpx.AsyncClient(timeout=TIMEOUT_S) as client:
        work: dict[str, object] = {
            "rasa": _http(client, f"{settings.rasa_url}/"),
            "action_server": _http(client, action_health),
            "database": _database,
            "tracker_store": _tracker_store,
        }
        redis_urls = {
            u
            for u in (settings.outbox_url, settings.rate_limit_storage)
            if u.startswith(("redis://", "rediss://"))
        }
        for url in sorted(redis_urls):
            work["redis"] = lambda url=url: _redis(url)
        names = list(work)
        results = await asyncio.gather(*(_check(work[name]) for name in names))
    checks: dict[str, Status] = dict(zip(names, results, strict=True))
    try:
        backlog: int | None = await asyncio.to_thread(outbox.backlog)
    except Exception:
        backlog, checks["outbox"] = None, "down"
    healthy = all(value == "ok" for value in checks.values())
    body = HealthOut(status="ok" if healthy else "degraded", checks=checks, outbox_backlog=backlog)
    return JSONResponse(body.dict(), status_code=200 if healthy else 503)
