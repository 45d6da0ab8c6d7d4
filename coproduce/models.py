"""Import every table so metadata is complete (for Alembic and tests)."""

from coproduce.aims.models import AnswerItem, RedFlagRecord, TopicAnswer
from coproduce.visits.models import Conversation, Invite, Visit

__all__ = ["AnswerItem", "Conversation", "Invite", "RedFlagRecord", "TopicAnswer", "Visit"]
