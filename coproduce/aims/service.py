"""The aims of a visit: one import for the services of this package, split by concept.

- `state`: store what the patient said as structure, and load it back to resume;
- `flags`: red flags (with urgency and the patient's safety reply) and questions for the
  clinician;
- `summary`: the structured summary the clinician reads, headline first.
"""

from __future__ import annotations

from coproduce.aims.flags import (
    list_questions,
    list_safety_checks,
    record_question,
    record_red_flag,
    record_safety_check,
    record_safety_reply,
)
from coproduce.aims.state import AimState, load_state, mark_declined, save_state
from coproduce.aims.summary import aims_of, get_summary

__all__ = [
    "AimState",
    "aims_of",
    "get_summary",
    "list_questions",
    "list_safety_checks",
    "load_state",
    "mark_declined",
    "record_question",
    "record_red_flag",
    "record_safety_check",
    "record_safety_reply",
    "save_state",
]
