"""The clinician-facing API: visits, invites and aim summaries."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

from api import errors
from api.limits import RequestGuard
from api.routes import audit, chat, clinician, followups, visits
from coproduce.config import get_settings


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
    if settings.allowed_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.allowed_origins,
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.include_router(visits.router)
    app.include_router(chat.router)
    app.include_router(audit.router)
    app.include_router(followups.router)
    app.include_router(clinician.router)
    app.mount(
        "/clinician/static",
        StaticFiles(directory=clinician.STATIC_DIR),
        name="clinician_static",
    )

    @app.get("/healthz", tags=["health"])
    def healthz() -> dict[str, str]:
        """Report that the API is up."""
        return {"status": "ok"}

    return app


app = create_app()
