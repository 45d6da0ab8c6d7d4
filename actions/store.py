"""Write the conversation's state through the shared data layer, without ever losing it."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from rasa_sdk import Tracker
from sqlalchemy.exc import SQLAlchemyError

from actions.context import aim_state, is_follow_up, merged_slots
from coproduce.aims import service as aim_service
from coproduce.aims.topics import SKIPPED
from coproduce.database import session_scope
from coproduce.followups import service as follow_up_service
from coproduce.visits import service as visit_service

logger = logging.getLogger(__name__)


class StorageUnavailable(RuntimeError):
    """The aims database cannot be read, so the conversation cannot safely go on.

    Raised instead of carrying on as if nothing were stored: a conversation bound with no
    stored answers would overwrite them at its next write. The action fails, Rasa sends no
    reply, and the chat channel keeps the message until the database is back.
    """


def persist(tracker: Tracker, events: list[dict[str, Any]]) -> bool:
    """Upsert the whole state the tracker will hold after `events`; False if it failed.

    The write is idempotent and always carries the full state, so a failed write is
    repaired by the next one: the tracker keeps every answer in its slots meanwhile.
    """
    slots = merged_slots(tracker, events)
    visit_id = slots.get("visit_id")
    if is_follow_up(slots):
        return _persist_follow_up(slots)
    if not visit_id or not slots.get("consent"):
        return True
    try:
        with session_scope() as session:
            aim_service.save_state(session=session, visit_id=visit_id, state=aim_state(slots))
    except SQLAlchemyError as exc:
        # The exception text can hold patient words (SQL parameters): class names only here.
        logger.warning(
            "Saving the answers of visit %s failed (%s: %s); will retry next turn",
            visit_id,
            type(exc).__name__,
            type(getattr(exc, "orig", exc)).__name__,
        )
        logger.debug("Save failure detail", exc_info=True)
        return False
    return True


def decline(visit_id: str | None) -> None:
    """Mark the visit declined and drop any answers (best effort, retried at the finish)."""
    if not visit_id:
        return
    try:
        with session_scope() as session:
            aim_service.mark_declined(session=session, visit_id=visit_id)
    except SQLAlchemyError:
        logger.warning("Marking visit %s declined failed", visit_id)


@dataclass(frozen=True)
class Binding:
    """What an invite token opens: a visit, and for a follow-up link, which follow-up."""

    visit_id: str
    follow_up_id: str | None = None


def resolve(token: str | None) -> Binding | None:
    """Return what a live invite token opens, or None."""
    if not token:
        return None
    try:
        with session_scope() as session:
            found = visit_service.resolve_invite(session=session, token=token)
            if found is None:
                return None
            visit, invite = found
            return Binding(visit_id=visit.id, follow_up_id=invite.follow_up_id)
    except SQLAlchemyError as exc:
        failure = f"Checking an invite token failed ({type(exc).__name__})"
        raise StorageUnavailable(failure) from None


def _text(value: Any) -> str | None:
    return None if value in (None, SKIPPED) else str(value)


def _number(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def follow_up_state(slots: dict[str, Any]) -> follow_up_service.FollowUpState:
    """Build the storable state of a follow-up conversation from slot values."""
    names = (
        "followup_rating",
        "goal_attainment",
        "followup_helped",
        "followup_barriers",
        "aim_update",
    )
    return follow_up_service.FollowUpState(
        rating=_number(slots.get("followup_rating")),
        goal_attainment=_number(slots.get("goal_attainment")),
        helped=_text(slots.get("followup_helped")),
        barriers=_text(slots.get("followup_barriers")),
        aim_update=_text(slots.get("aim_update")),
        skipped=[name for name in names if slots.get(name) == SKIPPED],
        completed=bool(slots.get("followup_done")),
    )


def _persist_follow_up(slots: dict[str, Any]) -> bool:
    follow_up_id = slots.get("follow_up_id")
    if not follow_up_id:
        return True
    try:
        with session_scope() as session:
            follow_up_service.save_state(
                session=session, follow_up_id=follow_up_id, state=follow_up_state(slots)
            )
    except SQLAlchemyError as exc:
        logger.warning(
            "Saving follow-up %s failed (%s); will retry next turn",
            follow_up_id,
            type(exc).__name__,
        )
        return False
    return True


def load_follow_up(follow_up_id: str) -> follow_up_service.FollowUpState | None:
    """Return what was stored for a follow-up."""
    try:
        with session_scope() as session:
            return follow_up_service.load_state(session=session, follow_up_id=follow_up_id)
    except SQLAlchemyError as exc:
        raise StorageUnavailable(
            f"Loading follow-up {follow_up_id} failed ({type(exc).__name__})"
        ) from None


def bind_and_load(*, sender_id: str, visit_id: str) -> aim_service.AimState | None:
    """Bind the sender to the visit and return what was already stored for it."""
    try:
        with session_scope() as session:
            visit_service.bind_conversation(session=session, sender_id=sender_id, visit_id=visit_id)
            return aim_service.load_state(session=session, visit_id=visit_id)
    except SQLAlchemyError as exc:
        failure = f"Loading visit {visit_id} failed ({type(exc).__name__})"
        raise StorageUnavailable(failure) from None
