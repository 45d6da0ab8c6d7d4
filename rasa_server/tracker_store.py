"""Rasa's SQL tracker store, with SQLite set up for a chat server.

SQLAlchemy 1.4 opens and closes a file database for every session, and SQLite's default
rollback journal costs three fsyncs per commit. For SQLite this store keeps a pool of
connections and turns on write-ahead logging (one fsync per commit), a busy timeout (the API
deletes transcripts from the same file) and secure delete (a forgotten conversation leaves no
text in the file). Other databases are left exactly as Rasa sets them up.

Named in `bot/endpoints.yml` and `bot/endpoints.scaled.yml` as
`tracker_store: type: rasa_server.tracker_store.CoproduceSQLTrackerStore`.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from sqlalchemy import event
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import QueuePool

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA busy_timeout=10000",
    "PRAGMA secure_delete=ON",
)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    for pragma in SQLITE_PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


class CoproduceSQLTrackerStore(SQLTrackerStore):
    """SQLTrackerStore with a pooled, write-ahead-logged engine when the database is SQLite."""

    engine: Any  # set by SQLTrackerStore (Rasa ships no types)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Create the store as Rasa does, then give a SQLite database its own engine."""
        super().__init__(*args, **kwargs)
        engine = self.engine
        if engine.dialect.name != "sqlite":
            return
        engine.dispose()
        self.engine = sa.create_engine(
            engine.url, poolclass=QueuePool, connect_args={"check_same_thread": False}
        )
        event.listen(self.engine, "connect", _sqlite_pragmas)
        self.sessionmaker = sessionmaker(bind=self.engine)
