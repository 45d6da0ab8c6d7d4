"""Write and read the audit log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from coproduce.audit.models import AuditEvent
from coproduce.database import utcnow


def record(
    *,
    session: Session,
    actor: str,
    action: str,
    visit_id: str | None,
    clinic_id: str | None = None,
    source: str | None = None,
) -> None:
    """Record one access (who, which visit, what, when, from where)."""
    session.add(
        AuditEvent(
            at=utcnow(),
            actor=actor[:80],
            action=action[:40],
            visit_id=visit_id,
            clinic_id=clinic_id,
            source=(source or "")[:80] or None,
        )
    )
    session.flush()


def list_events(
    *,
    session: Session,
    visit_id: str | None = None,
    since: datetime | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[AuditEvent]:
    """Return audit events, newest first."""
    query = select(AuditEvent)
    if visit_id:
        query = query.where(AuditEvent.visit_id == visit_id)
    if since:
        query = query.where(AuditEvent.at >= since)
    query = query.order_by(AuditEvent.at.desc(), AuditEvent.id.desc()).limit(limit).offset(offset)
    return list(session.execute(query).scalars())
