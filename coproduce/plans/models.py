"""What the clinician and the patient agreed at the visit, kept version by version.

Each save is a new version of the plan (nothing is overwritten). Items keep a stable
`item_key` across versions, so a follow-up's answer about an item still belongs to it after
the plan is revised.
"""

from __future__ import annotations

from sqlalchemy import Column, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint

from coproduce.database import Base, utcnow


class PlanOwner:
    """Who does a plan item."""

    PATIENT = "patient"
    CLINICIAN = "clinician"
    SERVICE = "service"
    SUPPORTER = "supporter"

    ALL = (PATIENT, CLINICIAN, SERVICE, SUPPORTER)


class ItemStatus:
    """How a plan item went, as the patient said at follow-up."""

    DONE = "done"
    PARTLY = "partly"
    NOT_YET = "not_yet"

    ALL = (DONE, PARTLY, NOT_YET)


class CarePlan(Base):
    """One version of a visit's plan: the aim as agreed, the target, and who agreed it when."""

    __tablename__ = "care_plans"
    __table_args__ = (UniqueConstraint("visit_id", "version"),)

    id = Column(String(36), primary_key=True)
    visit_id = Column(String(36), ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    version = Column(Integer, nullable=False)
    #: The aim as agreed together (starts as the patient's words, may be reworded).
    aim = Column(Text, nullable=False)
    #: The patient's own words for their aim when this version was agreed.
    patient_aim = Column(Text, nullable=True)
    target_rating = Column(Integer, nullable=True)
    target_by = Column(DateTime, nullable=True)
    agreed_at = Column(DateTime, nullable=False, default=utcnow)
    agreed_by = Column(String(200), nullable=True)
    agreed_by_id = Column(String(36), nullable=True)


class CarePlanItem(Base):
    """One item of a version of the plan: what will be done, by whom and by when."""

    __tablename__ = "care_plan_items"

    id = Column(Integer, primary_key=True, autoincrement=True)
    plan_id = Column(String(36), ForeignKey("care_plans.id", ondelete="CASCADE"), index=True)
    item_key = Column(String(36), nullable=False)
    position = Column(Integer, nullable=False)
    what = Column(Text, nullable=False)
    who = Column(String(16), nullable=False)
    #: The service, or the supporter by the name the patient gave.
    who_name = Column(String(200), nullable=True)
    due_by = Column(DateTime, nullable=True)
    #: Options discussed, and why this one fitted what matters to the patient.
    notes = Column(Text, nullable=True)


class PlanItemProgress(Base):
    """The patient's answer at a follow-up: did they manage this item, and what got in the way."""

    __tablename__ = "plan_item_progress"
    __table_args__ = (UniqueConstraint("follow_up_id", "item_key"),)

    id = Column(Integer, primary_key=True, autoincrement=True)
    follow_up_id = Column(String(36), ForeignKey("follow_ups.id", ondelete="CASCADE"), index=True)
    item_key = Column(String(36), nullable=False)
    status = Column(String(16), nullable=True)
    barriers = Column(Text, nullable=True)
    answered_at = Column(DateTime, nullable=False, default=utcnow)
