"""Write the conversation's state through the shared data layer, without ever losing it."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Tracker
from sqlalchemy.exc import SQLAlchemyError

from actions.context import aim_state, merged_slots
from coproduce.aims import service as aim_service
from coproduce.database import session_scope
from coproduce.visits import service as visit_service

logger = logging.getLogger(__name__)


def persist(tracker: Tracker, events: list[dict[str, Any]]) -> bool:
    """Upsert the whole state the tracker will hold after `events`; False if it failed.

    The write is idempotent and always carries the full state, so a failed write is
    repaired by the next one: the tracker keeps every answer in its slots meanwhile.
    """
    slots = merged_slots(tracker, events)
    visit_id = slots.get("visit_id")
    if not visit_id or not slots.get("consent"):
        return True
    try:
        with session_scope() as session:
            aim_service.save_state(session=session, visit_id=visit_id, state=aim_state(slots))
    except SQLAlchemyError as exc:
        # The exception text can hold patient words (SQL parameters): class names only here.
        logger.warning("Saving the answers of visit %s failed (%s: %s); will retry next turn",
                       visit_id, type(exc).__name__, type(getattr(exc, "orig", exc)).__name__)
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


def resolve(token: str | None) -> str | None:
    """Return the visit id a live invite token opens, or None."""
    if not token:
        return None
    try:
        with session_scope() as session:
            found = visit_service.resolve_invite(session=session, token=token)
            return found[0].id if found else None
    except SQLAlchemyError:
        logger.warning("Checking an invite token failed")
        return None


def bind_and_load(*, sender_id: str, visit_id: str) -> aim_service.AimState | None:
    """Bind the sender to the visit and return what was already stored for it."""
    try:
        with session_scope() as session:
            visit_service.bind_conversation(session=session, sender_id=sender_id, visit_id=visit_id)
            return aim_service.load_state(session=session, visit_id=visit_id)
    except SQLAlchemyError:
        logger.warning("Loading visit %s failed", visit_id)
        return None
