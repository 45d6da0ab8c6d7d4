"""Visits, the invites that open their conversations, and the conversations bound to them."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Integer, String

from coproduce.database import Base, utcnow


class VisitStatus:
    """Where a visit stands, from invited to completed (or declined, or cancelled)."""

    INVITED = "invited"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    DECLINED = "declined"
    CANCELLED = "cancelled"

    ALL = (INVITED, IN_PROGRESS, COMPLETED, DECLINED, CANCELLED)


class Visit(Base):
    """A visit the patient is invited to prepare for: their answers and red flags belong to it."""

    __tablename__ = "visits"

    id = Column(String(36), primary_key=True)
    clinic_id = Column(
        String(36), ForeignKey("clinics.id", ondelete="SET NULL"), nullable=True, index=True
    )
    patient_ref = Column(String(128), nullable=False)
    scheduled_for = Column(DateTime, nullable=True, index=True)
    status = Column(String(16), nullable=False, default=VisitStatus.INVITED)
    consent_given = Column(Boolean, nullable=True)
    patient_confirmed = Column(Boolean, nullable=False, default=False)
    baseline_rating = Column(Integer, nullable=True)
    flagged = Column(Boolean, nullable=False, default=False, index=True)
    #: Who answered: patient | proxy (a parent, relative or carer for the patient).
    respondent_type = Column(String(16), nullable=True)
    respondent_relationship = Column(String(32), nullable=True)
    #: A call-back the patient asked for instead of (or besides) the chat.
    callback_requested_at = Column(DateTime, nullable=True, index=True)
    callback_phone = Column(String(32), nullable=True)
    callback_time = Column(String(200), nullable=True)
    callback_reason = Column(String(200), nullable=True)
    created_at = Column(DateTime, nullable=False, default=utcnow)
    updated_at = Column(DateTime, nullable=False, default=utcnow, onupdate=utcnow)


class Invite(Base):
    """An invite link to a visit's chat (before the visit or at a follow-up), stored as its hash."""

    __tablename__ = "invites"

    token_hash = Column(String(64), primary_key=True)
    visit_id = Column(String(36), ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    purpose = Column(String(16), nullable=False, default="previsit")  # previsit | followup
    follow_up_id = Column(
        String(36), ForeignKey("follow_ups.id", ondelete="CASCADE"), nullable=True
    )
    created_at = Column(DateTime, nullable=False, default=utcnow)
    expires_at = Column(DateTime, nullable=False)
    revoked_at = Column(DateTime, nullable=True)


class Conversation(Base):
    """One chat conversation (Rasa's sender id), bound to the visit whose invite opened it."""

    __tablename__ = "conversations"

    sender_id = Column(String(255), primary_key=True)
    visit_id = Column(String(36), ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    #: The invite a chat session id was issued for (POST /api/v1/chat-sessions); REST
    #: conversations, whose ids the client chooses, have none.
    invite_hash = Column(String(64), nullable=True)
    created_at = Column(DateTime, nullable=False, default=utcnow)
    turns = Column(Integer, nullable=False, default=0)
