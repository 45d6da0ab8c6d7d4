"""Import every table so metadata is complete (for Alembic and tests)."""

from coproduce.aims.models import (
    AnswerItem,
    ClinicianQuestion,
    RedFlagRecord,
    SafetyCheck,
    TopicAnswer,
)
from coproduce.audit.models import AuditEvent
from coproduce.clinics.models import ApiToken, Clinic, Clinician, ClinicianSession
from coproduce.followups.models import FollowUp
from coproduce.idempotency.models import IdempotentRequest
from coproduce.plans.models import CarePlan, CarePlanItem, PlanItemProgress
from coproduce.visits.models import Conversation, Invite, Visit

__all__ = [
    "AnswerItem",
    "ApiToken",
    "AuditEvent",
    "CarePlan",
    "CarePlanItem",
    "Clinic",
    "Clinician",
    "ClinicianQuestion",
    "ClinicianSession",
    "Conversation",
    "FollowUp",
    "IdempotentRequest",
    "Invite",
    "PlanItemProgress",
    "RedFlagRecord",
    "SafetyCheck",
    "TopicAnswer",
    "Visit",
]
