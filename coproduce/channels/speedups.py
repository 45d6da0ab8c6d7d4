"""Take repeated, constant work out of Rasa 3.6's per-turn path (found with py-spy).

- RemoteAction calls `jsonschema.validate` on every action-server reply, which checks the
  (constant) response schema against the meta-schema each time: about half of the Rasa
  server's CPU per turn. The reply is still fully validated, by the same schema, with a
  validator compiled once.
- Reading a conversation from the tracker store turns each stored event back into an object,
  and `Event.resolve_by_type` finds its class by walking every Event subclass, per event: 9 %
  of the CPU. The classes are looked up in a table instead, rebuilt when a name is missing.
- A SQLite tracker store gets a connection pool (SQLAlchemy 1.4 opens and closes a file
  database per session) and write-ahead logging (one fsync per commit, not three).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jsonschema import ValidationError, validators
from jsonschema.exceptions import best_match
from rasa import __version__ as rasa_version
from rasa.core import tracker_store
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.events import Event
from rasa.shared.utils.common import all_subclasses
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.pool import QueuePool

_EVENT_CLASSES: dict[str, type[Event]] = {}
_resolve_by_type_in_rasa = Event.resolve_by_type
_engine_kwargs_in_rasa = tracker_store.create_engine_kwargs


@lru_cache(maxsize=1)
def _validator() -> Any:
    schema = RemoteAction.action_response_format_spec()
    cls = validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    error = best_match(_validator().iter_errors(result))
    if error is not None:
        error.message += (
            ". Failed to validate Action server response from API, make sure your response "
            f"from the Action endpoint is valid. For more information see {DOCS_BASE_URL}"
            "/custom-actions"
        )
        raise error
    return True


def _resolve_by_type(type_name: str, default: type[Event] | None = None) -> type[Event] | None:
    found = _EVENT_CLASSES.get(type_name)
    if found is None:
        # Rasa returns the first match in `all_subclasses` order; `setdefault` keeps it.
        for cls in all_subclasses(Event):
            _EVENT_CLASSES.setdefault(cls.type_name, cls)
        found = _EVENT_CLASSES.get(type_name)
    return found or _resolve_by_type_in_rasa(type_name, default)


def _tracker_engine_kwargs(url: Any) -> dict[str, Any]:
    if str(url).startswith("sqlite"):
        return {"poolclass": QueuePool, "connect_args": {"check_same_thread": False}}
    return dict(_engine_kwargs_in_rasa(url))


def _sqlite_write_ahead_log(dbapi_connection: Any, _record: Any) -> None:
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()


#: The Rasa these replacements were written against: they replace private methods, so
#: another version must be checked (and this line changed) before they are installed.
SUPPORTED_RASA = "3.6."


def check_rasa_version(version: str | None = None) -> None:
    """Refuse to patch a Rasa other than the one the patches were written for."""
    found = version if version is not None else rasa_version
    if not found.startswith(SUPPORTED_RASA):
        raise RuntimeError(
            f"coproduce.channels patches Rasa {SUPPORTED_RASA}x internals, but Rasa {found} is "
            "installed: check speedups.py, delivery.py and guarded.py against it first"
        )


def install() -> None:
    """Install the three speed-ups in this (Rasa server) process; idempotent."""
    check_rasa_version()
    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]
    Event.resolve_by_type = staticmethod(_resolve_by_type)  # type: ignore[assignment]
    tracker_store.create_engine_kwargs = _tracker_engine_kwargs
    if not event.contains(Engine, "connect", _sqlite_write_ahead_log):
        event.listen(Engine, "connect", _sqlite_write_ahead_log)


__all__ = ["ValidationError", "install"]
