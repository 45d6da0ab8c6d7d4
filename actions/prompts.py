"""How the next question is put: the `form_prompt` slot's protocol, in one place.

The validation action decides how the ask action should put the next question, and says so in
the `form_prompt` slot (one `Prompt` member); the ask action (`asking.py`) reads it.
"""

from __future__ import annotations

import enum
from typing import Any

from rasa_sdk.events import SlotSet

#: The slot that carries the protocol (declared in bot/domain/elicitation.yml).
FORM_PROMPT = "form_prompt"


class Prompt(str, enum.Enum):
    """How the validation action asks for the next question to be put."""

    ASK = "ask"  # plainly, with no acknowledgement
    NEXT = "next"  # after an answer: a short thank-you, then the question
    REASK = "reask"  # the same question again, after something else was answered
    REPHRASE = "rephrase"  # not understood: put another way, with an example and buttons
    SILENT = "silent"  # ask nothing (the validation action has said what was needed)
    SILENT_DONE = "silent_done"  # the conversation is over; ask nothing
    UPDATED = "updated"  # after an edit at the read-back
    EDIT = "edit"  # the patient chose a topic to redo at the read-back
    WELCOME_BACK = "welcome_back"  # the patient came back to carry on


def set_prompt(prompt: Prompt | None) -> dict[str, Any]:
    """Say how the ask action should put the next question (None: nothing pending)."""
    return SlotSet(FORM_PROMPT, prompt.value if prompt is not None else None)
