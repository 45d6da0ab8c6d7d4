"""Shared fixtures: an isolated aims database (SQLite, and PostgreSQL when configured), and
one running stack of real servers per database backend, shared by every test that needs it
(tests/e2e, tests/hostile)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from coproduce.config import get_settings
from coproduce.database import create_all, get_engine, new_session
from tests.e2e.servers import Stack, running_stack

API_TOKEN = "test-admin-token"
POSTGRES_URL = os.environ.get("COPRODUCE_TEST_DATABASE_URL")


def _backends() -> list:
    backends = [pytest.param("sqlite", id="sqlite")]
    backends.append(
        pytest.param(
            "postgresql",
            id="postgresql",
            marks=[
                pytest.mark.postgres,
                pytest.mark.skipif(not POSTGRES_URL, reason="COPRODUCE_TEST_DATABASE_URL not set"),
            ],
        )
    )
    return backends


def reset_postgres(url: str) -> None:
    """Empty the PostgreSQL test database, whatever schema version left tables in it."""
    engine = get_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))


@pytest.fixture(params=_backends())
def database_url(request: pytest.FixtureRequest, tmp_path, monkeypatch) -> Iterator[str]:
    """Point the settings at a fresh, empty aims database for one test."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'aims.db'}"
    else:
        assert POSTGRES_URL
        url = POSTGRES_URL
        reset_postgres(url)
    monkeypatch.setenv("COPRODUCE_DATABASE_URL", url)
    monkeypatch.setenv("COPRODUCE_API_TOKEN", API_TOKEN)
    monkeypatch.setenv("COPRODUCE_ENV", "test")
    get_settings.cache_clear()
    create_all(url)
    yield url
    get_settings.cache_clear()


@pytest.fixture
def session(database_url: str) -> Iterator[Session]:
    """A session on the test database, closed after the test."""
    db = new_session(database_url)
    try:
        yield db
    finally:
        db.rollback()
        db.close()


def _stack_backends() -> list:
    params = [pytest.param("sqlite", id="sqlite")]
    params.append(
        pytest.param(
            POSTGRES_URL or "postgresql",
            id="postgresql",
            marks=[
                pytest.mark.postgres,
                pytest.mark.skipif(not POSTGRES_URL, reason="COPRODUCE_TEST_DATABASE_URL not set"),
            ],
        )
    )
    return params


@pytest.fixture(scope="session", params=_stack_backends())
def stack(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Stack]:
    """Real Rasa, action and API servers on free ports, started once per session and backend."""
    workdir = tmp_path_factory.mktemp(f"stack-{request.param.split(':')[0]}")
    if request.param == "sqlite":
        url = f"sqlite:///{workdir / 'aims.db'}"
    else:
        url = request.param
        reset_postgres(url)
    with running_stack(workdir, database_url=url) as running:
        yield running


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> Iterator[None]:
    """Start every test with no failures counted against its client address."""
    from coproduce import ratelimit

    ratelimit.reset()
    yield


@pytest.fixture(autouse=True, scope="session")
def _outbox_in_a_temporary_file(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep the chat channels' outbox out of the project's var/ during tests."""
    from coproduce.conversations.outbox import get_outbox

    path = tmp_path_factory.mktemp("outbox") / "outbox.db"
    os.environ["COPRODUCE_OUTBOX_URL"] = f"sqlite:///{path}"
    get_settings.cache_clear()
    get_outbox.cache_clear()
    yield
    get_outbox.cache_clear()
