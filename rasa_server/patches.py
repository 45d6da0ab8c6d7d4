"""The three places where Coproduce replaces part of Rasa 3.6, because Rasa has no hook there.

Each replacement is named, installed only by `install()` (which `python -m rasa_server` calls
before Rasa starts; importing this module changes nothing), and refused on any Rasa but the
one it was written for:

- `action_reply_validation`: RemoteAction calls `jsonschema.validate` on every action-server
  reply, which checks the (constant) response schema against the meta-schema each time: about
  half of the Rasa server's CPU per turn (found with py-spy). The reply is still fully
  validated, by the same schema, with a validator compiled once.
- `event_class_lookup`: reading a conversation from the tracker store turns each stored event
  back into an object, and `Event.resolve_by_type` finds its class by walking every Event
  subclass, per event: 9 % of the CPU. The classes are looked up in a table instead, rebuilt
  when a name is missing.
- `tracker_store_errors_raise`: the Agent wraps every tracker store in a FailSafeTrackerStore
  that, when the database is down, hands back an empty in-memory conversation: the patient
  would be greeted as a stranger and their answers written nowhere. The wrapper takes an error
  callback, but the Agent never passes one; here it passes one that raises, so the error
  reaches the channel's delivery (`channels/delivery.py`), which keeps the message.

The SQLite tracker store's connection pool and write-ahead log are not a patch: they are the
tracker store class in `tracker_store.py`, named in `bot/endpoints.yml`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from jsonschema import validators
from jsonschema.exceptions import best_match
from rasa import __version__ as rasa_version
from rasa.core.actions.action import RemoteAction
from rasa.core.agent import Agent
from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore, TrackerStore
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event
from rasa.shared.utils.common import all_subclasses

#: The Rasa these replacements were written against: they replace private methods, so
#: another version must be checked (and this line changed) before they are installed.
SUPPORTED_RASA = "3.6."

_EVENT_CLASSES: dict[str, type[Event]] = {}


@dataclass(frozen=True)
class Patch:
    """One replaced Rasa attribute: where it lives, what Rasa had, and ours."""

    name: str
    owner: Any
    attribute: str
    ours: Any

    @property
    def original(self) -> Any:
        """Return Rasa's own attribute, as it was before any install."""
        return _ORIGINALS[self.name]

    def installed(self) -> bool:
        """Return whether our replacement is the one in place now."""
        return self.owner.__dict__.get(self.attribute) is self.ours

    def install(self) -> None:
        """Put our replacement in place (idempotent)."""
        setattr(self.owner, self.attribute, self.ours)

    def uninstall(self) -> None:
        """Put Rasa's own attribute back (for tests)."""
        setattr(self.owner, self.attribute, self.original)


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
    resolve_in_rasa: Callable[..., type[Event] | None] = _ORIGINALS["event_class_lookup"].__func__
    return found or resolve_in_rasa(type_name, default)


def raise_tracker_store_error(error: Exception) -> None:
    """FailSafeTrackerStore error callback: let the error through instead of falling back."""
    raise error


def _create_tracker_store(store: TrackerStore | None, domain: Domain) -> TrackerStore:
    # Rasa 3.6's Agent._create_tracker_store, with the error callback passed.
    if store is not None:
        store.domain = domain
    else:
        store = InMemoryTrackerStore(domain)
    return FailSafeTrackerStore(store, on_tracker_store_error=raise_tracker_store_error)


_ORIGINALS: dict[str, Any] = {
    "action_reply_validation": RemoteAction.__dict__["_validate_action_result"],
    "event_class_lookup": Event.__dict__["resolve_by_type"],
    "tracker_store_errors_raise": Agent.__dict__["_create_tracker_store"],
}

PATCHES = (
    Patch(
        "action_reply_validation", RemoteAction, "_validate_action_result", _validate_action_result
    ),
    Patch("event_class_lookup", Event, "resolve_by_type", staticmethod(_resolve_by_type)),
    Patch(
        "tracker_store_errors_raise",
        Agent,
        "_create_tracker_store",
        staticmethod(_create_tracker_store),
    ),
)


def check_rasa_version(version: str | None = None) -> None:
    """Refuse to patch a Rasa other than the one the patches were written for."""
    found = version if version is not None else rasa_version
    if not found.startswith(SUPPORTED_RASA):
        raise RuntimeError(
            f"rasa_server patches Rasa {SUPPORTED_RASA}x internals, but Rasa {found} is "
            "installed: check rasa_server/patches.py against it first"
        )


def install() -> tuple[Patch, ...]:
    """Install every patch in this (Rasa server) process, after the version check."""
    check_rasa_version()
    for patch in PATCHES:
        patch.install()
    return PATCHES


def installed() -> bool:
    """Return whether every patch is in place in this process."""
    return all(patch.installed() for patch in PATCHES)


def require() -> None:
    """Fail loudly when the Rasa server was started without the patches."""
    if not installed():
        raise RuntimeError(
            "the Rasa server was started without Coproduce's patches: start it with "
            "`python -m rasa_server run ...` (scripts/rasa_server.sh does)"
        )
