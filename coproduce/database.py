"""Engine and session lifetime for the aims database (SQLite by default, PostgreSQL by URL)."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import MetaData, Table, create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, declarative_base, sessionmaker
from sqlalchemy.pool import QueuePool

from coproduce.config import get_settings

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: How long a writer waits for another to finish before SQLite gives up ("database is locked").
SQLITE_BUSY_TIMEOUT_MS = 30_000

if TYPE_CHECKING:
    # SQLAlchemy 1.4 ships no types, so `declarative_base()` is Any to mypy and would erase
    # every model's type. Type checkers see this class instead; at run time it is the base.

    class Base:
        """The declarative base of every table in the aims database."""

        metadata: ClassVar[MetaData]
        __table__: ClassVar[Table]
        __tablename__: ClassVar[str]

        def __init__(self, **columns: Any) -> None:
            """Make a row from its column values, as SQLAlchemy's declarative base does."""
            ...

else:
    Base = declarative_base(metadata=MetaData(naming_convention=NAMING_CONVENTION))


def utcnow() -> datetime:
    """Return the current UTC time without tzinfo, the way every column stores it."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _enable_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # Deleted rows are overwritten with zeros, so "forget me" leaves no text in the file.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.close()


def private_file(path: Path) -> None:
    """Create a database file readable by its owner only (SQLite gives its journals the same).

    Patient text is health data: the file is 0600 in a 0700 folder, whatever the umask.
    """
    if not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.parent.chmod(0o700)
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    if path.stat().st_mode & 0o077:
        path.chmod(0o600)


@lru_cache(maxsize=8)
def get_engine(url: str | None = None) -> Engine:
    """Return the engine for `url` (default: COPRODUCE_DATABASE_URL), created once."""
    settings = get_settings()
    url = url or settings.database_url
    if url.startswith("sqlite"):
        path = url.split("sqlite:///", 1)[-1]
        if path and path != ":memory:":
            private_file(Path(path))
        # SQLAlchemy 1.4 opens and closes a file database's connection for every session
        # (NullPool); keeping a few open saves that on every answer written.
        engine = create_engine(
            url,
            future=True,
            poolclass=QueuePool,
            pool_size=settings.db_pool_size,
            max_overflow=settings.db_max_overflow,
            connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
        )
        event.listen(engine, "connect", _enable_sqlite_pragmas)
        return engine
    return create_engine(
        url,
        future=True,
        pool_pre_ping=True,
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_max_overflow,
    )


@lru_cache(maxsize=8)
def _session_factory(url: str) -> sessionmaker:
    # Every table must be known before the first flush, or foreign keys cannot resolve.
    from coproduce import models  # noqa: F401

    return sessionmaker(bind=get_engine(url), future=True, expire_on_commit=False)


def new_session(url: str | None = None) -> Session:
    """Open a session on the configured database."""
    session: Session = _session_factory(url or get_settings().database_url)()
    return session


def _begin_writing(session: Session) -> None:
    """Take SQLite's write lock now, at the start of a unit of work that will write.

    A transaction that reads first and writes later cannot wait for another writer (SQLite
    answers "database is locked" at once, to avoid a deadlock); one that begins IMMEDIATE
    waits its turn for up to the busy timeout, before anything has happened. Plain reads
    stay outside a transaction (the sqlite3 module's default), so they never hold a
    snapshot or block a writer. Units of work here are short: one request, one turn.
    """
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")


class DatabaseBusy(RuntimeError):
    """The embedded database stayed busy with other writers for longer than the busy timeout."""


_WRITERS: dict[str, threading.BoundedSemaphore] = {}
_WRITERS_GUARD = threading.Lock()


def _writer_queue(url: str) -> threading.BoundedSemaphore | None:
    """One writer at a time per SQLite file in this process, queued in Python.

    SQLite's own busy handler polls with sleeps of up to 100 ms, so under many waiting
    writers most of the time goes to sleeping and some wait past the timeout. Queued here,
    a process's writers hand the lock on at once; SQLite's lock still orders the processes.
    A semaphore, not a lock: FastAPI may end a request's unit of work on another thread.
    """
    if not url.startswith("sqlite"):
        return None
    with _WRITERS_GUARD:
        return _WRITERS.setdefault(url, threading.BoundedSemaphore(1))


@contextmanager
def session_scope(url: str | None = None, *, writes: bool = True) -> Iterator[Session]:
    """Run a unit of work: commit on success, roll back on any error.

    `writes` (the default) takes SQLite's write lock when the work begins, so two writers
    wait for each other instead of one failing; pass False for work that only reads.
    Raises DatabaseBusy when SQLite's write lock could not be had within the busy timeout.
    """
    url = url or get_settings().database_url
    queue = _writer_queue(url) if writes else None
    if queue is not None and not queue.acquire(timeout=SQLITE_BUSY_TIMEOUT_MS / 1000):
        raise DatabaseBusy("The database is busy with other writers.")
    try:
        session = new_session(url)
        if writes:
            _begin_writing(session)
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()
    finally:
        if queue is not None:
            queue.release()


def create_all(url: str | None = None) -> None:
    """Create every table directly (tests only; deployments run Alembic migrations)."""
    from coproduce import models  # noqa: F401  (registers the tables)

    Base.metadata.create_all(get_engine(url))
