"""Alembic environment: migrate the aims database named by COPRODUCE_DATABASE_URL."""

from __future__ import annotations

from alembic import context

from coproduce import models  # noqa: F401  (registers every table)
from coproduce.config import get_settings
from coproduce.database import Base, get_engine

target_metadata = Base.metadata


def _url() -> str:
    return context.config.attributes.get("url") or get_settings().database_url


def run_migrations_offline() -> None:
    context.configure(
        url=_url(), target_metadata=target_metadata, literal_binds=True, render_as_batch=True
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    with get_engine(_url()).connect() as connection:
        context.configure(
            connection=connection, target_metadata=target_metadata, render_as_batch=True
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
