"""A tracker store (Rasa's `events` table) on the test database, SQLite or PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text, select
from sqlalchemy.engine import Engine

from coproduce.config import get_settings
from coproduce.database import get_engine

_metadata = MetaData()
#: The columns of Rasa's SQLTrackerStore that retention and "forget me" touch.
EVENTS = Table(
    "events",
    _metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("sender_id", String(255), nullable=False, index=True),
    Column("type_name", String(255), nullable=False),
    Column("timestamp", Float),
    Column("data", Text),
)

AddEvents = Callable[..., None]


@pytest.fixture
def tracker(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    """Point COPRODUCE_TRACKER_DATABASE_URL at the test database, with an empty events table."""
    monkeypatch.setenv("COPRODUCE_TRACKER_DATABASE_URL", database_url)
    get_settings.cache_clear()
    engine = get_engine(database_url)
    _metadata.create_all(engine)
    yield engine
    get_settings.cache_clear()


@pytest.fixture
def add_events(tracker: Engine) -> AddEvents:
    """Store events for a conversation, one per timestamp (seconds since the epoch)."""

    def add(sender: str, *timestamps: float) -> None:
        with tracker.begin() as connection:
            connection.execute(
                EVENTS.insert(),
                [
                    {"sender_id": sender, "type_name": "user", "timestamp": at, "data": "{}"}
                    for at in timestamps
                ],
            )

    return add


def senders_left(engine: Engine) -> list[str]:
    """The conversations that still have events, in order."""
    with engine.connect() as connection:
        query = select(EVENTS.c.sender_id).distinct().order_by(EVENTS.c.sender_id)
        return list(connection.execute(query).scalars())


def unique(name: str) -> str:
    """A conversation id no other test uses (the outbox file is shared by the session)."""
    return f"{name}-{uuid.uuid4().hex[:8]}"
