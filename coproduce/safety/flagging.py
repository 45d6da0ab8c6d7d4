"""Record a message's red flags on its visit, once per message and category, and alert the clinic.

Two places record red flags: the action server, for a message Rasa handled, and the chat
channel, for a message kept while the action server or Rasa's database was down (so the
clinic hears at once, not when the message is finally saved). Both key a flag by the
conversation, the message and the category, so the message saved later adds nothing, and the
clinic is alerted once.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from coproduce.aims import service as aim_service
from coproduce.database import session_scope
from coproduce.safety import alerts

logger = logging.getLogger(__name__)


def dedupe_keys(sender_id: str, message_key: str, categories: list[str]) -> list[str]:
    """The keys a message's flags are stored under: one per category."""
    return [f"{sender_id}:{message_key}:{category}"[:128] for category in categories]


def record(
    *,
    visit_id: str,
    sender_id: str,
    message_key: str | None,
    text: str,
    categories: list[str],
    urgency: str = "emergency",
    about: str = "patient",
    guidance: str | None = None,
) -> list[str]:
    """Store the flags not stored yet, alert the clinic of those; return every flag's key.

    Raises SQLAlchemyError when the database cannot be written.
    """
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    keys = dedupe_keys(sender_id, message_key or f"{now.timestamp():.6f}", categories)
    new: list[str] = []
    with session_scope() as session:
        for category, key in zip(categories, keys, strict=True):
            created = aim_service.record_red_flag(
                session=session,
                visit_id=visit_id,
                category=category,
                text=text,
                at=now,
                dedupe_key=key,
                urgency=urgency,
                about=about,
                guidance=guidance,
            )
            if created:
                new.append(category)
    for category in new:
        alerts.send_alert(visit_id=visit_id, category=category, urgency=urgency)
    return keys


def record_or_log(*, visit_id: str, **values: Any) -> list[str]:
    """`record`, logging (without the text) instead of raising when the database is down."""
    try:
        return record(visit_id=visit_id, **values)
    except SQLAlchemyError as error:
        logger.error("Storing a red flag for visit %s failed (%s)", visit_id, type(error).__name__)
        return []
