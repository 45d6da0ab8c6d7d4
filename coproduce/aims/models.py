"""What the patient said: one answer per topic, its structured items, and red flags."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)

from coproduce.database import Base, utcnow


class TopicAnswer(Base):
    """The patient's own words for one topic, or the fact that they skipped it."""

    __tablename__ = "topic_answers"

    visit_id = Column(String(36), ForeignKey("visits.id", ondelete="CASCADE"), primary_key=True)
    topic = Column(String(32), primary_key=True)
    text = Column(Text, nullable=True)
    skipped = Column(Boolean, nullable=False, default=False)
    #: Why a topic was skipped: patient (they chose to) | unclear (asked twice, not understood)
    skip_reason = Column(String(16), nullable=True)
    updated_at = Column(DateTime, nullable=False, default=utcnow, onupdate=utcnow)


class AnswerItem(Base):
    """One item split out of a topic answer, with what extraction found in it."""

    __tablename__ = "answer_items"
    __table_args__ = (UniqueConstraint("visit_id", "topic", "position"),)

    id = Column(Integer, primary_key=True, autoincrement=True)
    visit_id = Column(String(36), ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    topic = Column(String(32), nullable=False)
    position = Column(Integer, nullable=False)
    text = Column(Text, nullable=False)
    category = Column(String(32), nullable=True)
    relationship = Column(String(32), nullable=True)
    kind = Column(String(16), nullable=True)


class RedFlagRecord(Base):
    """A message that signalled danger, kept even when nothing else is."""

    __tablename__ = "red_flags"
    __table_args__ = (UniqueConstraint("dedupe_key"),)

    id = Column(Integer, primary_key=True, autoincrement=True)
    visit_id = Column(String(36), ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    category = Column(String(32), nullable=False)
    text = Column(Text, nullable=False)
    detected_at = Column(DateTime, nullable=False, default=utcnow)
    dedupe_key = Column(String(128), nullable=False)
    #: emergency (999 now) | urgent (practice today or 111)
    urgency = Column(String(16), nullable=False, default="emergency")
    #: patient | someone_else (an emergency of someone with the patient)
    about = Column(String(16), nullable=False, default="patient")
    #: The safety message the patient was shown (a domain response name).
    guidance = Column(String(64), nullable=True)
    #: The patient's answer to "are you safe to carry on?", in their words.
    safety_reply = Column(Text, nullable=True)
    safe_to_continue = Column(Boolean, nullable=True)


class ClinicianQuestion(Base):
    """A question or request the patient has for the clinic; the bot never answers it."""

    __tablename__ = "clinician_questions"
    __table_args__ = (UniqueConstraint("dedupe_key"),)

    id = Column(Integer, primary_key=True, autoincrement=True)
    visit_id = Column(String(36), ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    text = Column(Text, nullable=False)
    kind = Column(String(16), nullable=False)  # medicine | appointment | other
    asked_at = Column(DateTime, nullable=False, default=utcnow)
    dedupe_key = Column(String(128), nullable=False)


class SafetyCheck(Base):
    """A check question ("Do you need urgent help right now?") the patient did not answer yes.

    The message that raised it, the patient's answer and when: the clinician sees what was
    asked and why, and that nothing was flagged.
    """

    __tablename__ = "safety_checks"
    __table_args__ = (UniqueConstraint("dedupe_key"),)

    id = Column(Integer, primary_key=True, autoincrement=True)
    visit_id = Column(String(36), ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    category = Column(String(32), nullable=False)  # a red-flag category, or "general"
    text = Column(Text, nullable=False)  # the message that raised the question
    answer = Column(Text, nullable=False)  # the patient's reply
    asked_at = Column(DateTime, nullable=False, default=utcnow)
    dedupe_key = Column(String(128), nullable=False)
