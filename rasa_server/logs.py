"""Keep patient text out of the Rasa server's logs, at every level.

Rasa logs parsed messages, slot values and events through structlog at DEBUG (and passes
them to an anonymisation hook only in its commercial edition). The Rasa server's structlog
pipeline gets one more processor, first in line: every field that can hold patient text is
replaced before any renderer sees it. The field names are the ones Rasa itself marks as
anonymisable (rasa/utils/log_utils.py).
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

import structlog

REDACTED = "[patient text withheld]"
PATIENT_FIELDS = frozenset(
    {
        "text",
        "response_text",
        "user_text",
        "slot_values",
        "parse_data_text",
        "parse_data_entities",
        "prediction_events",
        "tracker_latest_message",
        "prefilled_slots",
        "message",
        "response",
        "slot_candidates",
        "rasa_event",
        "rasa_events",
        "tracker_states",
        "current_states",
        "old_states",
        "successes",
        "current_entity",
        "next_entity",
        "states",
        "entity",
        "token_text",
        "user_message",
        "json_message",
    }
)


def withhold_patient_text(
    _logger: Any, _name: str, event: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    """A structlog processor: replace every field that can hold patient text."""
    for key in PATIENT_FIELDS.intersection(event):
        event[key] = REDACTED
    return event


def install() -> None:
    """Put the processor first in this process's structlog pipeline (idempotent)."""
    processors = list(structlog.get_config().get("processors") or [])
    if withhold_patient_text not in processors:
        structlog.configure(processors=[withhold_patient_text, *processors])
