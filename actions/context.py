"""Read what an action needs from the tracker: the turn, the slots, the bound visit."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from rasa_sdk import Tracker

from actions.authority import message_hash
from actions.plan import FOLLOWUP_SLOTS, is_follow_up, next_slot

logger = logging.getLogger(__name__)

FORM = "elicitation_form"
REQUESTED_SLOT = "requested_slot"

__all__ = ["FOLLOWUP_SLOTS", "is_follow_up", "next_slot"]


@dataclass(frozen=True)
class Turn:
    """The patient's latest message, as NLU understood it."""

    text: str
    intent: str | None
    confidence: float
    entities: tuple[dict[str, Any], ...]
    #: The hash of the invite token the message came with (set by the chat channel).
    token: str | None
    message_id: str | None
    #: The urgency the chat channel decided for the message (`Assessment.to_metadata`).
    safety: dict[str, Any] | None = None

    @classmethod
    def from_tracker(cls, tracker: Tracker) -> Turn:
        message = tracker.latest_message or {}
        intent = message.get("intent") or {}
        return cls(
            text=(message.get("text") or "").strip(),
            intent=intent.get("name"),
            confidence=float(intent.get("confidence") or 0.0),
            entities=tuple(message.get("entities") or ()),
            token=message_hash(message.get("metadata")),
            message_id=message.get("message_id"),
            safety=_safety(message.get("metadata")),
        )

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def is_payload(self) -> bool:
        """True when the message came from a button (`/intent{...}`), not typed words."""
        return self.text.startswith("/")

    def entity(self, name: str) -> str | None:
        return next((str(e["value"]) for e in self.entities if e.get("entity") == name), None)

    def entity_values(self, name: str) -> list[str]:
        return [str(e["value"]) for e in self.entities if e.get("entity") == name]


def _safety(metadata: Any) -> dict[str, Any] | None:
    value = metadata.get("safety") if isinstance(metadata, dict) else None
    return value if isinstance(value, dict) else None


def merged_slots(tracker: Tracker, events: list[dict[str, Any]]) -> dict[str, Any]:
    """Return the tracker's slots as they will be once `events` are applied."""
    slots = dict(tracker.slots)
    for event in events:
        if event.get("event") == "slot":
            slots[event["name"]] = event["value"]
    return slots


def said_before(tracker: Tracker, text: str) -> bool:
    """True when the patient sent these same words earlier in this conversation."""
    said = " ".join(text.lower().split())
    earlier = [
        " ".join(str(e.get("text") or "").lower().split())
        for e in tracker.events
        if e.get("event") == "user"
    ]
    return said in earlier[:-1]
