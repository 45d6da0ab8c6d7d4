"""The clinician-facing API: visits, invites and aim summaries."""

from __future__ import annotations

import asyncio
import logging
from contextlib import suppress

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

from api import errors
from api.clinician import pages as clinician_pages
from api.limits import RequestGuard, SecurityHeaders
from api.routes import (
    audit,
    chat,
    clinician,
    clinician_improvement,
    clinician_plan,
    followups,
    health,
    plans,
    quality,
    visits,
)
from coproduce.config import get_settings
from coproduce.conversations import retention
from coproduce.database import session_scope
from coproduce.idempotency import service as idempotency

logger = logging.getLogger(__name__)
PURGE_EVERY_S = 6 * 60 * 60


async def purge_transcripts_forever() -> None:
    """Delete chat transcripts past retention now, then every six hours.

    Old idempotency keys are deleted with them.
    """
    while True:
        try:
            days = get_settings().transcript_retention_days
            await asyncio.to_thread(retention.purge_transcripts, older_than_days=days)
            await asyncio.to_thread(_purge_idempotency_keys)
        except Exception as error:  # the API must keep serving; the next round retries
            logger.error("Purging old transcripts failed (%s)", type(error).__name__)
        await asyncio.sleep(PURGE_EVERY_S)


def _purge_idempotency_keys() -> None:
    with session_scope() as session:
        idempotency.purge_expired(session)


def create_app() -> FastAPI:
    """Build the FastAPI application."""
    settings = get_settings()
    app = FastAPI(
        title="Coproduce API",
        version="0.1.0",
        description="Read what patients want from their visit, in their own words, before it.",
    )
    errors.install(app)
    app.add_middleware(RequestGuard)
    app.add_middleware(SecurityHeaders)
    if settings.allowed_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.allowed_origins,
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "Idempotency-Key"],
        )
    app.include_router(visits.router)
    app.include_router(health.router)
    app.include_router(chat.router)
    app.include_router(audit.router)
    app.include_router(followups.router)
    app.include_router(plans.router)
    app.include_router(quality.router)
    app.include_router(clinician_improvement.router)
    app.include_router(clinician.router)
    app.include_router(clinician_plan.router)
    app.mount(
        "/clinician/static",
        StaticFiles(directory=clinician_pages.STATIC_DIR),
        name="clinician_static",
    )

    tasks: list[asyncio.Task[None]] = []

    @app.on_event("startup")
    async def start_purging() -> None:
        tasks.append(asyncio.create_task(purge_transcripts_forever()))

    @app.on_event("shutdown")
    async def stop_purging() -> None:
        for task in tasks:
            task.cancel()
            with suppress(asyncio.CancelledError):
                await task

    @app.get("/healthz", tags=["health"])
    def healthz() -> dict[str, str]:
        """Report that the API is up."""
        return {"status": "ok"}

    return app


app = create_app()
