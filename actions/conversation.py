"""One object owns the conversation's saved state: every read and write an action makes.

An action builds a `Conversation` from its tracker (and the events it is about to return)
and calls it; nothing else in `actions/` opens a database session for the visit.

Writes never take a visit id from the tracker's slots on trust: each asks
`authority.require` for the live invite the running action was granted, and acts only on
that invite's visit. A write without one is refused and nothing changes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from sqlalchemy.exc import SQLAlchemyError

from actions import authority
from actions.authority import Authority, NotAuthorized, StorageUnavailable
from actions.context import is_follow_up, merged_slots
from actions.saved_state import aim_slots, aim_state, follow_up_slots, follow_up_state
from coproduce.aims import service as aim_service
from coproduce.database import session_scope
from coproduce.followups import service as follow_up_service
from coproduce.safety import alerts, flagging
from coproduce.visits import service as visit_service
from coproduce.visits.forget import forget_transcripts_later, forget_visit

logger = logging.getLogger(__name__)

Events = list[dict[str, Any]]

__all__ = ["Conversation", "StorageUnavailable"]


class Conversation:
    """The conversation as it will be once an action's events apply, and its saved copy."""

    def __init__(self, tracker: Tracker, events: Sequence[dict[str, Any]] = ()) -> None:
        """Read the slots (with `events` applied), the sender and the current message."""
        self.slots = merged_slots(tracker, list(events))
        self.sender_id: str = tracker.sender_id
        self.message_id: str | None = (tracker.latest_message or {}).get("message_id")

    # -- authority ---------------------------------------------------------------------

    def _granted(self, what: str) -> Authority | None:
        """The running action's authority over this conversation's visit, or None (logged)."""
        if not self.slots.get("visit_id"):
            return None
        try:
            return authority.require(self.slots)
        except NotAuthorized:
            logger.warning("Refused to %s: the message carries no live invite of this visit", what)
            return None

    # -- reading -----------------------------------------------------------------------

    def bind(self, granted: Authority) -> Events:
        """Bind the sender to the granted invite's visit; return the slots that resume it.

        The `invite_token` slot keeps the invite's hash, never the token itself.
        """
        if authority.current() is None:
            raise NotAuthorized("Binding a conversation needs a live invite.")
        try:
            with session_scope() as session:
                visit_service.bind_conversation(
                    session=session, sender_id=self.sender_id, visit_id=granted.visit_id
                )
                state = aim_service.load_state(session=session, visit_id=granted.visit_id)
                follow_up = (
                    follow_up_service.load_state(session=session, follow_up_id=granted.follow_up_id)
                    if granted.follow_up_id
                    else None
                )
        except SQLAlchemyError as exc:
            failure = f"Loading visit {granted.visit_id} failed ({type(exc).__name__})"
            raise StorageUnavailable(failure) from None
        events: Events = [
            SlotSet("visit_id", granted.visit_id),
            SlotSet("invite_token", granted.invite_hash),
            SlotSet("invite_valid", True),
            SlotSet("conversation_kind", "followup" if granted.follow_up_id else "previsit"),
            SlotSet("follow_up_id", granted.follow_up_id),
        ]
        return [*events, *aim_slots(state), *follow_up_slots(follow_up)]

    def bound_as(self, events: Events) -> bool:
        """True when these binding events name the visit the conversation already holds."""
        new = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
        return self.slots.get("visit_id") == new.get("visit_id") and self.slots.get(
            "follow_up_id"
        ) == new.get("follow_up_id")

    # -- writing -----------------------------------------------------------------------

    def save(self) -> bool:
        """Upsert the whole state the conversation holds; False if it failed.

        The write is idempotent and always carries the full state, so a failed write is
        repaired by the next one: the tracker keeps every answer in its slots meanwhile.
        Nothing is stored before consent (or a call-back request, or who is answering).
        """
        if not self.slots.get("visit_id"):
            return True
        if is_follow_up(self.slots):
            return self._save_follow_up()
        if not (
            self.slots.get("consent") or self.slots.get("callback") or self.slots.get("respondent")
        ):
            return True
        return self._save_answers()

    def _save_answers(self) -> bool:
        granted = self._granted("save answers")
        if granted is None:
            return False
        try:
            with session_scope() as session:
                aim_service.save_state(
                    session=session, visit_id=granted.visit_id, state=aim_state(self.slots)
                )
        except SQLAlchemyError as exc:
            # The exception text can hold patient words (SQL parameters): class names only.
            logger.warning(
                "Saving the answers of visit %s failed (%s: %s); will retry next turn",
                granted.visit_id,
                type(exc).__name__,
                type(getattr(exc, "orig", exc)).__name__,
            )
            return False
        return True

    def _save_follow_up(self) -> bool:
        if not self.slots.get("follow_up_id"):
            return True
        granted = self._granted("save a follow-up")
        if granted is None or granted.follow_up_id is None:
            return False
        try:
            with session_scope() as session:
                follow_up_service.save_state(
                    session=session,
                    follow_up_id=granted.follow_up_id,
                    state=follow_up_state(self.slots),
                )
        except SQLAlchemyError as exc:
            logger.warning(
                "Saving follow-up %s failed (%s); will retry next turn",
                granted.follow_up_id,
                type(exc).__name__,
            )
            return False
        return True

    def decline(self) -> None:
        """Mark the visit declined and drop any answers (best effort, retried at the finish)."""
        granted = self._granted("record a decline")
        if granted is None:
            return
        try:
            with session_scope() as session:
                aim_service.mark_declined(session=session, visit_id=granted.visit_id)
        except SQLAlchemyError:
            logger.warning("Marking visit %s declined failed", granted.visit_id)

    def record_callback(self) -> bool:
        """Store a call-back request (with or without consent) and alert the clinic."""
        if not self._save_answers():
            return False
        granted = authority.current()
        if granted is not None:
            alerts.send_alert(visit_id=granted.visit_id, category="callback", kind="callback")
        return True

    def record_red_flags(
        self,
        *,
        message_id: str | None,
        text: str,
        categories: list[str],
        urgency: str = "emergency",
        about: str = "patient",
        guidance: str | None = None,
    ) -> list[str]:
        """Store a message's red flags on the granted visit and alert the clinic (once each).

        A red flag said before the conversation is bound to its visit (the very first
        message) is recorded on the visit the message's invite opens.
        """
        granted = authority.current()
        if granted is None or (self.slots.get("visit_id") and not granted.covers(self.slots)):
            logger.warning("Refused to record a red flag: no live invite of this visit")
            return []
        keys = flagging.dedupe_keys(self.sender_id, message_id or "", categories)
        try:
            return flagging.record(
                visit_id=granted.visit_id,
                sender_id=self.sender_id,
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

    def _keep_once(
        self, what: str, message_id: str | None, record: Callable[..., bool], **values: Any
    ) -> None:
        """Store one thing a message said with the granted visit, once per message and kind."""
        granted = self._granted(f"record {what}")
        if granted is None:
            return
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        key = f"{self.sender_id}:{message_id or now.timestamp()}:{what.split()[-1]}"
        try:
            with session_scope() as session:
                record(session=session, visit_id=granted.visit_id, at=now, dedupe_key=key, **values)
        except SQLAlchemyError:
            logger.error("Storing %s for visit %s failed", what, granted.visit_id)

    def record_question(self, *, text: str, kind: str) -> None:
        """List the message's question or request for the clinician (once per message)."""
        self._keep_once(
            "a question", self.message_id, aim_service.record_question, text=text, kind=kind
        )

    def record_safety_check(
        self, *, message_id: str | None, category: str, text: str, answer: str
    ) -> None:
        """Keep a check question the patient did not answer yes (once per checked message)."""
        self._keep_once(
            "a safety check",
            message_id,
            aim_service.record_safety_check,
            category=category,
            text=text,
            answer=answer,
        )

    def record_safety_reply(self, *, keys: list[str], reply: str, safe: bool) -> None:
        """Keep the patient's answer to "are you safe to carry on?" with the flags it follows."""
        granted = self._granted("record a safety reply")
        if granted is None or not keys:
            return
        try:
            with session_scope() as session:
                aim_service.record_safety_reply(
                    session=session,
                    visit_id=granted.visit_id,
                    dedupe_keys=keys,
                    reply=reply,
                    safe=safe,
                )
        except SQLAlchemyError:
            logger.error("Storing a safety reply for visit %s failed", granted.visit_id)

    def forget(self) -> bool:
        """Forget the granted visit and its chat transcripts, on the patient's request."""
        if not self.slots.get("visit_id"):
            return True
        granted = self._granted("delete a visit")
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
        forget_transcripts_later(list(dict.fromkeys([*senders, self.sender_id])))
        return True
