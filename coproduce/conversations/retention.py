"""Delete chat transcripts once they are past retention (COPRODUCE_TRANSCRIPT_RETENTION_DAYS).

The transcript (Rasa's tracker events) holds every word the patient typed. What the clinic
needs is stored as structure in the aims database; the transcript is only needed while the
patient might come back to carry on. A conversation whose last message is older than the
retention period is deleted whole, with any message still kept in the outbox for it.
"""

from __future__ import annotations

import logging
import time

from sqlalchemy import column, delete, func, inspect, select, table
from sqlalchemy.exc import SQLAlchemyError

from coproduce.config import get_settings
from coproduce.conversations import outbox
from coproduce.database import get_engine

logger = logging.getLogger(__name__)

_events = table("events", column("sender_id"), column("timestamp"))
_BATCH = 500


def stale_conversations(*, older_than_days: float, now: float | None = None) -> list[str]:
    """Return the conversation ids whose last event is older than the retention period."""
    engine = get_engine(get_settings().tracker_url)
    if not inspect(engine).has_table("events"):
        return []
    cutoff = (now if now is not None else time.time()) - older_than_days * 86400
    query = (
        select(_events.c.sender_id)
        .group_by(_events.c.sender_id)
        .having(func.max(_events.c.timestamp) < cutoff)
    )
    with engine.connect() as connection:
        return [str(sender) for sender in connection.execute(query).scalars()]


def purge_transcripts(*, older_than_days: float, now: float | None = None) -> int:
    """Delete every transcript past retention; return how many conversations went."""
    senders = stale_conversations(older_than_days=older_than_days, now=now)
    engine = get_engine(get_settings().tracker_url)
    for start in range(0, len(senders), _BATCH):
        batch = senders[start : start + _BATCH]
        try:
            with engine.begin() as connection:
                connection.execute(delete(_events).where(_events.c.sender_id.in_(batch)))
            outbox.forget(batch)
        except SQLAlchemyError:
            logger.error("Deleting transcripts past retention failed; will retry")
            raise
    if senders:
        logger.info("Deleted %d chat transcript(s) past retention", len(senders))
    return len(senders)
