"""Which visit an action may write: decided by the invite in the current message, never by slots.

The tracker an action receives comes from its caller, slots included, so a slot cannot say
which visit may be changed. The chat channel puts the hash of the patient's invite token in
each message's metadata; here that hash is looked up in the aims database, and only a live
invite of the visit the conversation is bound to gives authority to write.

Each action that writes runs its body inside `granted(...)`; the writes of
`actions.conversation.Conversation` ask `current()` for the authority and refuse
to write without one, or for any other visit. So no code path can write for a visit the
message's invite does not open.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from rasa_sdk import Tracker
from sqlalchemy.exc import SQLAlchemyError

from coproduce.database import session_scope
from coproduce.visits import access
from coproduce.visits.access import InviteCheck, InviteStatus

#: The response that tells the patient why nothing was saved, by the invite's status.
REFUSALS = {
    InviteStatus.UNKNOWN: "utter_invite_invalid",
    InviteStatus.EXPIRED: "utter_link_expired",
    InviteStatus.REPLACED: "utter_link_replaced",
    InviteStatus.CANCELLED: "utter_visit_cancelled",
}


class StorageUnavailable(RuntimeError):
    """The aims database cannot be read, so the conversation cannot safely go on.

    Raised instead of carrying on as if nothing were stored: a conversation bound with no
    stored answers would overwrite them at its next write. The action fails, Rasa sends no
    reply, and the chat channel keeps the message until the database is back.
    """


class NotAuthorized(RuntimeError):
    """A write was attempted without a live invite for the visit it would change."""


@dataclass(frozen=True)
class Authority:
    """A live invite, checked on the server: the one visit (and follow-up) it may write."""

    visit_id: str
    follow_up_id: str | None
    invite_hash: str

    def covers(self, slots: dict[str, Any]) -> bool:
        """True when the conversation's bound visit (and follow-up) is this invite's."""
        return slots.get("visit_id") == self.visit_id and (slots.get("follow_up_id") or None) == (
            self.follow_up_id or None
        )


_current: contextvars.ContextVar[Authority | None] = contextvars.ContextVar(
    "coproduce_authority", default=None
)


def message_hash(metadata: Any) -> str | None:
    """Return the invite hash the channel put in a message's metadata, if it is one."""
    value = metadata.get(access.METADATA_KEY) if isinstance(metadata, dict) else None
    return value if access.is_invite_hash(value) else None


def latest_hash(tracker: Tracker) -> str | None:
    """Return the invite hash of the patient's latest message."""
    return message_hash((tracker.latest_message or {}).get("metadata"))


def check(invite_hash: str | None) -> InviteCheck:
    """Look the invite up now (never cached: a re-issued or cancelled link stops at once)."""
    if invite_hash is None:
        return InviteCheck(InviteStatus.UNKNOWN)
    try:
        with session_scope() as session:
            return access.check_invite(session=session, invite_hash=invite_hash)
    except SQLAlchemyError as exc:
        raise StorageUnavailable(f"Checking an invite failed ({type(exc).__name__})") from None


def of(found: InviteCheck) -> Authority | None:
    """Return the authority a live invite gives, or None."""
    if not found.live or not found.visit_id or not found.invite_hash:
        return None
    return Authority(found.visit_id, found.follow_up_id, found.invite_hash)


@contextmanager
def granted(authority: Authority | None) -> Iterator[None]:
    """Let the writes inside the block act for this authority (none: nothing is written)."""
    token = _current.set(authority)
    try:
        yield
    finally:
        _current.reset(token)


def current() -> Authority | None:
    """Return the authority of the action that is running, if it has one."""
    return _current.get()


def require(slots: dict[str, Any]) -> Authority:
    """Return the running action's authority over the conversation's visit, or raise."""
    authority = _current.get()
    if authority is None or not authority.covers(slots):
        raise NotAuthorized("No live invite of this visit in the current message.")
    return authority
