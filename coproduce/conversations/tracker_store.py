"""Remove a conversation's events from Rasa's SQL tracker store ("forget me")."""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import bindparam, inspect, text
from sqlalchemy.exc import SQLAlchemyError

from coproduce.config import get_settings
from coproduce.conversations import outbox
from coproduce.database import get_engine

logger = logging.getLogger(__name__)


def delete_events(sender_ids: list[str], *, before: datetime | None = None) -> int:
    """Delete the tracker events of these conversations; return how many rows went.

    Args:
        sender_ids: Rasa conversation ids bound to the visit.
        before: only events stamped before this UTC time (the in-chat deletion keeps the
            bot's confirmation, which holds no patient text).
    """
    if not sender_ids:
        return 0
    try:
        outbox.forget(list(sender_ids))
    except Exception as error:
        logger.error("Dropping kept chat messages failed (%s)", type(error).__name__)
        raise
    engine = get_engine(get_settings().tracker_url)
    try:
        if not inspect(engine).has_table("events"):
            return 0
        query = "DELETE FROM events WHERE sender_id IN :senders"
        params: dict[str, object] = {"senders": list(sender_ids)}
        if before is not None:
            query += " AND timestamp < :before"
            params["before"] = (
                before.timestamp()
                if before.tzinfo
                else (before.replace(tzinfo=__import__("datetime").timezone.utc).timestamp())
            )
        statement = text(query).bindparams(bindparam("senders", expanding=True))
        with engine.begin() as connection:
            return int(connection.execute(statement, params).rowcount or 0)
    except SQLAlchemyError:
        logger.error("Deleting tracker events failed for %d conversation(s)", len(sender_ids))
        raise
