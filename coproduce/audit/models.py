"""The audit log: who read or deleted which visit's record, when and from where."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Integer, String

from coproduce.database import Base, utcnow


class AuditEvent(Base):
    """One access to patient data. Never holds patient text."""

    __tablename__ = "audit_events"

    id = Column(Integer, primary_key=True, autoincrement=True)
    at = Column(DateTime, nullable=False, default=utcnow, index=True)
    actor = Column(String(80), nullable=False)
    clinic_id = Column(String(36), nullable=True)
    visit_id = Column(String(36), nullable=True, index=True)  # kept after the visit is deleted
    action = Column(String(40), nullable=False)
    source = Column(String(80), nullable=True)
