"""Builders for visits and trackers, shared by the tests."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from rasa_sdk import Tracker
from sqlalchemy.orm import Session

from coproduce.visits import service as visit_service
from coproduce.visits.models import Visit

EXAMPLE_ANSWERS = {
    "aim": "I want to sort my knee out so I can walk the dog again, mornings are agony",
    "what_matters": "my grandkids, and getting down the allotment",
    "illness_burden": "can't sleep for the pain and I've stopped going to the allotment",
    "treatment_burden": (
        "too many tablets, I never know which to take when, and physio is two buses away"
    ),
    "assets": "I still do my exercises most days, I'm stubborn",
    "supports": (
        "my daughter does my shopping and my neighbour drives me sometimes. "
        "I look after my husband, he has dementia"
    ),
    "one_thing": "the knee, definitely",
    "concerns": "worried I'll need an operation, I think it's wear and tear",
    "expectations": "have a look at it and talk about the options",
    "care_preferences": "I'd rather not have an operation if I can help it",
    "improvement_measure": "if I could walk to the park and back with the dog",
    "improvement_detail": "walking to the park and back without stopping",
}


def make_visit(
    session: Session, *, patient_ref: str = "MRN-123", scheduled_for: datetime | None = None
) -> tuple[Visit, str]:
    """Create and commit a visit; return it with its raw invite token."""
    visit, token = visit_service.create_visit(
        session=session, patient_ref=patient_ref, scheduled_for=scheduled_for
    )
    session.commit()
    return visit, token


def tracker(
    *,
    text: str = "",
    intent: str = "inform",
    confidence: float = 0.95,
    slots: dict[str, Any] | None = None,
    token: str | None = None,
    requested_slot: str | None = None,
    in_form: bool = True,
    entities: list[dict[str, Any]] | None = None,
    sender_id: str = "sender-1",
    safety: dict[str, Any] | None = None,
    events: list[dict[str, Any]] | None = None,
) -> Tracker:
    """Build a tracker whose latest message is `text`, inside or outside the form."""
    all_slots: dict[str, Any] = {"requested_slot": requested_slot, **(slots or {})}
    message = {
        "text": text,
        "intent": {"name": intent, "confidence": confidence},
        "entities": entities or [],
        # What the chat channel passes on: the hash of the invite token (never the token)
        # and the urgency it judged the message to have.
        "metadata": {
            **({"invite_hash": visit_service.hash_token(token)} if token else {}),
            **({"safety": safety} if safety else {}),
        },
        "message_id": f"m-{abs(hash(text)) % 10_000_000}",
    }
    history = [*(events or [])]
    history += [
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": text, "message_id": message["message_id"]},
    ]
    if not in_form:  # activation: Rasa sets the loop active before validating
        history.append({"event": "active_loop", "name": "elicitation_form"})
    history.append({"event": "action", "name": "elicitation_form"})
    return Tracker(
        sender_id=sender_id,
        slots=all_slots,
        latest_message=message,
        events=history,
        paused=False,
        followup_action=None,
        active_loop={"name": "elicitation_form"},
        latest_action_name="elicitation_form",
    )
