"""Follow-ups: weeks after the visit, the patient re-rates their own measure."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, ForeignKey, Integer, String, Text

from coproduce.database import Base, utcnow


class FollowUpStatus:
    """Where a follow-up stands: invited, in progress or completed."""

    INVITED = "invited"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"


class FollowUp(Base):
    """One follow-up of a visit: the patient's re-rating and their answers, in their words."""

    __tablename__ = "follow_ups"

    id = Column(String(36), primary_key=True)
    visit_id = Column(String(36), ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    due_at = Column(DateTime, nullable=False)
    status = Column(String(16), nullable=False, default=FollowUpStatus.INVITED)
    rating = Column(Integer, nullable=True)
    goal_attainment = Column(Integer, nullable=True)
    helped = Column(Text, nullable=True)
    barriers = Column(Text, nullable=True)
    aim_update = Column(Text, nullable=True)
    #: The patient's answer to "was the worry you had dealt with?"
    worry_resolved = Column(Text, nullable=True)
    skipped = Column(Text, nullable=True)  # comma-separated topic names
    created_at = Column(DateTime, nullable=False, default=utcnow)
    answered_at = Column(DateTime, nullable=True)
    completed_at = Column(DateTime, nullable=True)
