"""Every write the actions make, each authorised by the current message's invite.

Writes never take a visit id from the tracker's slots on trust: each asks
`authority.require` for the live invite the running action was granted, and acts only on
that invite's visit. A write without one is refused and nothing changes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

from rasa_sdk import Tracker
from sqlalchemy.exc import SQLAlchemyError

from actions import authority
from actions.authority import NotAuthorized, StorageUnavailable
from actions.context import aim_state, is_follow_up, merged_slots
from coproduce.aims import service as aim_service
from coproduce.aims.topics import SKIPPED
from coproduce.database import session_scope
from coproduce.followups import service as follow_up_service
from coproduce.safety import alerts, flagging
from coproduce.visits import service as visit_service
from coproduce.visits.forget import forget_transcripts_later, forget_visit

logger = logging.getLogger(__name__)

__all__ = ["StorageUnavailable"]


def _granted(slots: dict[str, Any], what: str) -> authority.Authority | None:
    try:
        return authority.require(slots)
    except NotAuthorized:
        logger.warning("Refused to %s: the message carries no live invite of this visit", what)
        return None


def persist(tracker: Tracker, events: list[dict[str, Any]]) -> bool:
    """Upsert the whole state the tracker will hold after `events`; False if it failed.

    The write is idempotent and always carries the full state, so a failed write is
    repaired by the next one: the tracker keeps every answer in its slots meanwhile.
    """
    slots = merged_slots(tracker, events)
    if not slots.get("visit_id"):
        return True
    if is_follow_up(slots):
        return _persist_follow_up(slots)
    if not (slots.get("consent") or slots.get("callback") or slots.get("respondent")):
        return True
    return persist_slots(slots)


def decline(slots: dict[str, Any]) -> None:
    """Mark the visit declined and drop any answers (best effort, retried at the finish)."""
    granted = _granted(slots, "record a decline") if slots.get("visit_id") else None
    if granted is None:
        return
    try:
        with session_scope() as session:
            aim_service.mark_declined(session=session, visit_id=granted.visit_id)
    except SQLAlchemyError:
        logger.warning("Marking visit %s declined failed", granted.visit_id)


def _text(value: Any) -> str | None:
    return None if value in (None, SKIPPED) else str(value)


def _number(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


FOLLOW_UP_SLOTS = follow_up_service.FOLLOWUP_TOPICS


def follow_up_state(slots: dict[str, Any]) -> follow_up_service.FollowUpState:
    """Build the storable state of a follow-up conversation from slot values."""
    return follow_up_service.FollowUpState(
        rating=_number(slots.get("followup_rating")),
        goal_attainment=_number(slots.get("goal_attainment")),
        helped=_text(slots.get("followup_helped")),
        barriers=_text(slots.get("followup_barriers")),
        aim_update=_text(slots.get("aim_update")),
        worry_resolved=_text(slots.get("worry_resolved")),
        skipped=[name for name in FOLLOW_UP_SLOTS if slots.get(name) == SKIPPED],
        completed=bool(slots.get("followup_done")),
        plan=_plan_answers(slots.get("plan_answers")),
    )


def _plan_answers(value: Any) -> dict[str, dict[str, str | None]]:
    """The plan answers slot as stored: only well-formed entries (the slot crosses Rasa)."""
    if not isinstance(value, dict):
        return {}
    kept: dict[str, dict[str, str | None]] = {}
    for key, answer in value.items():
        if isinstance(key, str) and isinstance(answer, dict) and "status" in answer:
            kept[key] = {"status": _text(answer.get("status"))}
            if "barriers" in answer:
                kept[key]["barriers"] = _text(answer.get("barriers"))
    return kept


def _persist_follow_up(slots: dict[str, Any]) -> bool:
    if not slots.get("follow_up_id"):
        return True
    granted = _granted(slots, "save a follow-up")
    if granted is None or granted.follow_up_id is None:
        return False
    try:
        with session_scope() as session:
            follow_up_service.save_state(
                session=session, follow_up_id=granted.follow_up_id, state=follow_up_state(slots)
            )
    except SQLAlchemyError as exc:
        logger.warning(
            "Saving follow-up %s failed (%s); will retry next turn",
            granted.follow_up_id,
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


def bind_and_load(*, sender_id: str) -> aim_service.AimState | None:
    """Bind the sender to the granted visit and return what was already stored for it."""
    granted = authority.current()
    if granted is None:
        raise NotAuthorized("Binding a conversation needs a live invite.")
    try:
        with session_scope() as session:
            visit_service.bind_conversation(
                session=session, sender_id=sender_id, visit_id=granted.visit_id
            )
            return aim_service.load_state(session=session, visit_id=granted.visit_id)
    except SQLAlchemyError as exc:
        failure = f"Loading visit {granted.visit_id} failed ({type(exc).__name__})"
        raise StorageUnavailable(failure) from None


def record_red_flags(
    *,
    slots: dict[str, Any],
    sender_id: str,
    message_id: str | None,
    text: str,
    categories: list[str],
    urgency: str = "emergency",
    about: str = "patient",
    guidance: str | None = None,
) -> list[str]:
    """Store a message's red flags on the granted visit and alert the clinic (once each).

    A red flag said before the conversation is bound to its visit (the very first message)
    is recorded on the visit the message's invite opens.
    """
    granted = authority.current()
    if granted is None or (slots.get("visit_id") and not granted.covers(slots)):
        logger.warning("Refused to record a red flag: no live invite of this visit")
        return []
    keys = flagging.dedupe_keys(sender_id, message_id or "", categories)
    try:
        return flagging.record(
            visit_id=granted.visit_id,
            sender_id=sender_id,
            message_key=message_id,
            text=text,
            categories=categories,
            urgency=urgency,
            about=about,
            guidance=guidance,
        )
    except SQLAlchemyError:
        logger.error("Storing a red flag for visit %s failed", granted.visit_id)
        # The clinic still hears of it: the alert carries no patient text.
        for category in categories:
            alerts.send_alert(visit_id=granted.visit_id, category=category, urgency=urgency)
        return keys


def record_callback(*, slots: dict[str, Any]) -> bool:
    """Store a call-back request with the visit (with or without consent) and alert the clinic."""
    if not persist_slots(slots):
        return False
    granted = authority.current()
    if granted is not None:
        alerts.send_alert(visit_id=granted.visit_id, category="callback", kind="callback")
    return True


def persist_slots(slots: dict[str, Any]) -> bool:
    """Upsert the state these slots describe (see `persist`); False if it failed."""
    granted = _granted(slots, "save answers") if slots.get("visit_id") else None
    if granted is None:
        return False
    try:
        with session_scope() as session:
            aim_service.save_state(
                session=session, visit_id=granted.visit_id, state=aim_state(slots)
            )
    except SQLAlchemyError as exc:
        # The exception text can hold patient words (SQL parameters): class names only here.
        logger.warning(
            "Saving the answers of visit %s failed (%s: %s); will retry next turn",
            granted.visit_id,
            type(exc).__name__,
            type(getattr(exc, "orig", exc)).__name__,
        )
        return False
    return True


def _keep_once(
    *,
    slots: dict[str, Any],
    what: str,
    sender_id: str,
    message_id: str | None,
    record: Callable[..., bool],
    **values: Any,
) -> None:
    """Store one thing a message said with the granted visit, once per message and kind."""
    granted = _granted(slots, f"record {what}") if slots.get("visit_id") else None
    if granted is None:
        return
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    key = f"{sender_id}:{message_id or now.timestamp()}:{what.split()[-1]}"
    try:
        with session_scope() as session:
            record(session=session, visit_id=granted.visit_id, at=now, dedupe_key=key, **values)
    except SQLAlchemyError:
        logger.error("Storing %s for visit %s failed", what, granted.visit_id)


def record_question(
    *, slots: dict[str, Any], sender_id: str, message_id: str | None, text: str, kind: str
) -> None:
    """List a question or request for the clinician with the granted visit (once per message)."""
    _keep_once(
        slots=slots,
        what="a question",
        sender_id=sender_id,
        message_id=message_id,
        record=aim_service.record_question,
        text=text,
        kind=kind,
    )


def record_safety_check(
    *,
    slots: dict[str, Any],
    sender_id: str,
    message_id: str | None,
    category: str,
    text: str,
    answer: str,
) -> None:
    """Keep a check question the patient did not answer yes, with the granted visit (once)."""
    _keep_once(
        slots=slots,
        what="a safety check",
        sender_id=sender_id,
        message_id=message_id,
        record=aim_service.record_safety_check,
        category=category,
        text=text,
        answer=answer,
    )


def record_safety_reply(*, slots: dict[str, Any], keys: list[str], reply: str, safe: bool) -> None:
    """Keep the patient's answer to "are you safe to carry on?" with the flags it follows."""
    granted = _granted(slots, "record a safety reply") if slots.get("visit_id") else None
    if granted is None or not keys:
        return
    try:
        with session_scope() as session:
            aim_service.record_safety_reply(
                session=session, visit_id=granted.visit_id, dedupe_keys=keys, reply=reply, safe=safe
            )
    except SQLAlchemyError:
        logger.error("Storing a safety reply for visit %s failed", granted.visit_id)


def delete_visit(*, slots: dict[str, Any], sender_id: str) -> bool:
    """Forget the granted visit and its chat transcripts, on the patient's request."""
    if not slots.get("visit_id"):
        return True
    granted = _granted(slots, "delete a visit")
    if granted is None:
        return False
    try:
        with session_scope() as session:
            senders = forget_visit(
                session=session,
                visit_id=granted.visit_id,
                actor="patient",
                action="visit.delete.patient",
                source="chat",
                with_transcripts=False,  # this turn is still being written: see below
            )
    except SQLAlchemyError:
        logger.error("Deleting visit %s on the patient's request failed", granted.visit_id)
        return False
    forget_transcripts_later(list(dict.fromkeys([*senders, sender_id])))
    return True
