"""The floor for summary reads: a bare FastAPI route that reads one visit row, no more."""

from __future__ import annotations

import os

from fastapi import FastAPI
from sqlalchemy import create_engine, text

engine = create_engine(os.environ["BENCH_DATABASE_URL"], future=True, pool_size=5)
app = FastAPI()


@app.get("/visits/{visit_id}")
def read_visit(visit_id: str) -> dict:
    """Return one visit row as JSON."""
    with engine.connect() as connection:
        row = (
            connection.execute(text("SELECT * FROM visits WHERE id = :id"), {"id": visit_id})
            .mappings()
            .first()
        )
    return {key: str(value) for key, value in (row or {}).items()}


@app.get("/healthz")
def healthz() -> dict[str, str]:
    """Answer without touching the database."""
    return {"status": "ok"}
