"""Who may talk in a visit's chat: the invite a message carries, checked on the server.

A patient's invite token is the only credential of the chat. The Rasa channels check it
before Rasa sees a message and pass on only its hash (under `METADATA_KEY`), which is also
all the aims database keeps; the action server checks that hash again before any write.
Nothing a caller can set in a tracker's slots gives authority over a visit.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from coproduce.database import utcnow
from coproduce.visits.models import Conversation, Invite, Visit, VisitStatus
from coproduce.visits.service import hash_token

#: The message metadata key that carries the invite's hash from the channel to the actions.
METADATA_KEY = "invite_hash"
_HASH_LENGTH = 64


class InviteStatus(str, enum.Enum):
    """What an invite token opens now."""

    LIVE = "live"
    UNKNOWN = "unknown"
    EXPIRED = "expired"
    REPLACED = "replaced"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class InviteCheck:
    """The result of checking one invite: its status and, when known, its visit."""

    status: InviteStatus
    visit_id: str | None = None
    follow_up_id: str | None = None
    invite_hash: str | None = None

    @property
    def live(self) -> bool:
        """True when the invite opens its visit's chat now."""
        return self.status is InviteStatus.LIVE


def is_invite_hash(value: object) -> bool:
    """True for a string shaped like an invite hash (64 lower-case hex digits)."""
    return (
        isinstance(value, str)
        and len(value) == _HASH_LENGTH
        and all(c in "0123456789abcdef" for c in value)
    )


def hash_of(token: object) -> str | None:
    """Return the hash of a raw invite token from a chat message, or None if it is not one."""
    if not isinstance(token, str) or not token or len(token) > 256:
        return None
    try:
        token.encode("utf-8")
    except UnicodeEncodeError:
        return None
    return hash_token(token)


#: An invite that opens only the page of what was agreed at the visit (`plan_invite`).
PLAN_PURPOSE = "plan"


def plan_invite(*, session: Session, token: str) -> Visit | None:
    """Return the visit whose agreed plan this link may open: any live link of the visit."""
    invite_hash = hash_of(token)
    if not is_invite_hash(invite_hash):
        return None
    row = session.execute(
        select(Invite, Visit)
        .join(Visit, Visit.id == Invite.visit_id)
        .where(Invite.token_hash == invite_hash)
    ).first()
    if row is None:
        return None
    invite: Invite = row[0]
    visit: Visit = row[1]
    if (
        visit.status == VisitStatus.CANCELLED
        or invite.revoked_at is not None
        or invite.expires_at <= utcnow()
    ):
        return None
    return visit


def check_invite(*, session: Session, invite_hash: str | None) -> InviteCheck:
    """Say what the invite with this hash opens now: live, or why not."""
    if not is_invite_hash(invite_hash):
        return InviteCheck(InviteStatus.UNKNOWN)
    row = session.execute(
        select(Invite, Visit.status)
        .join(Visit, Visit.id == Invite.visit_id)
        .where(Invite.token_hash == invite_hash)
    ).first()
    if row is None:
        return InviteCheck(InviteStatus.UNKNOWN)
    invite, visit_status = row
    if invite.purpose == PLAN_PURPOSE:
        return InviteCheck(InviteStatus.UNKNOWN)  # opens the agreed plan, never a chat
    found = {
        "visit_id": invite.visit_id,
        "follow_up_id": invite.follow_up_id,
        "invite_hash": invite_hash,
    }
    if visit_status == VisitStatus.CANCELLED:
        return InviteCheck(InviteStatus.CANCELLED, **found)
    if invite.revoked_at is not None:
        return InviteCheck(InviteStatus.REPLACED, **found)
    if invite.expires_at <= utcnow():
        return InviteCheck(InviteStatus.EXPIRED, **found)
    return InviteCheck(InviteStatus.LIVE, **found)


def conversation_visit(*, session: Session, sender_id: str) -> str | None:
    """Return the visit a chat conversation id is bound to, or None if it is not bound yet."""
    row = session.get(Conversation, sender_id)
    return None if row is None else str(row.visit_id)


def bind_conversation_once(*, session: Session, sender_id: str, check: InviteCheck) -> bool:
    """Bind a conversation id to the live invite's visit on first use; False if bound elsewhere.

    Two first messages at once for the same new id both try to insert; the loser reads the
    winner's row and is judged by it.
    """
    assert check.live and check.visit_id
    row = session.get(Conversation, sender_id)
    if row is None:
        try:
            with session.begin_nested():
                session.add(Conversation(sender_id=sender_id, visit_id=check.visit_id))
            return True
        except IntegrityError:
            row = session.get(Conversation, sender_id)
    return row is not None and row.visit_id == check.visit_id


def claim_session(*, session: Session, sender_id: str, check: InviteCheck) -> bool:
    """Record that a chat session id belongs to this live invite; False if it is taken.

    A session id issued for one invite is never handed to another: the caller gets a new
    one instead, so nobody can read another patient's conversation by naming its id.
    """
    assert check.live and check.visit_id and check.invite_hash
    row = session.get(Conversation, sender_id)
    if row is None:
        session.add(
            Conversation(
                sender_id=sender_id, visit_id=check.visit_id, invite_hash=check.invite_hash
            )
        )
        session.flush()
        return True
    return bool(row.visit_id == check.visit_id and row.invite_hash == check.invite_hash)
