"""Forget a visit: the one way a visit and everything said in it are deleted.

Two callers, one path: a clinic system's `DELETE /api/v1/visits/{id}` and the patient's own
"delete my answers" in the chat. Both delete the visit's rows and record who asked; the chat
transcripts (Rasa's tracker events and the channel's kept messages) go with them. The API
deletes the transcripts first, inside the request, so a failure leaves the visit to retry; the
chat deletes them after the action has returned, because Rasa stores that turn's events only
then (`forget_transcripts_later`).
"""

from __future__ import annotations

import logging
import threading
import time
from datetime import datetime, timezone

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from coproduce.audit import service as audit_service
from coproduce.conversations import tracker_store
from coproduce.visits import service as visit_service

logger = logging.getLogger(__name__)

#: Seconds to wait before each try at deleting a transcript the chat is still writing.
TRANSCRIPT_DELETE_DELAYS_S = (5.0, 30.0)


def forget_visit(
    *,
    session: Session,
    visit_id: str,
    actor: str,
    action: str,
    source: str | None,
    clinic_id: str | None = None,
    with_transcripts: bool = True,
) -> list[str]:
    """Delete the visit and everything said in it, and record who asked.

    Return its conversation ids. With `with_transcripts`, the transcripts are deleted first.
    """
    if with_transcripts:
        tracker_store.delete_events(
            visit_service.conversation_ids(session=session, visit_id=visit_id)
        )
    senders = visit_service.delete_visit(session=session, visit_id=visit_id)
    audit_service.record(
        session=session,
        actor=actor,
        action=action,
        visit_id=visit_id,
        clinic_id=clinic_id,
        source=source,
    )
    return senders


def forget_transcripts_later(senders: list[str]) -> None:
    """Delete these conversations' transcripts once the chat has stored its last turn.

    In a background thread, retried; the deletion's own confirmation is kept: it holds no
    patient text.
    """
    before = datetime.now(timezone.utc)
    threading.Thread(target=_forget, args=(list(senders), before), daemon=True).start()


def _forget(senders: list[str], before: datetime) -> None:
    for delay in TRANSCRIPT_DELETE_DELAYS_S:
        time.sleep(delay)
        try:
            tracker_store.delete_events(senders, before=before)
        except SQLAlchemyError:
            logger.error("Deleting a chat transcript failed; will retry")
