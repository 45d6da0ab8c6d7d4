"""Which safety message answers which danger: by category, level and whose danger it is."""

from __future__ import annotations

#: The check question asked before deciding, by category (the most serious first).
_CHECKS = {
    "self_harm": "utter_safety_check_self_harm",
    "harm_from_others": "utter_safety_check_harm_from_others",
    "overdose": "utter_safety_check_overdose",
}


def guidance_response(categories: list[str], *, about: str = "patient") -> str:
    """Return the domain response that gives emergency guidance for the most serious category.

    Self-harm always gets the crisis line too. When the danger is someone else's (a parent,
    a partner, a child with the patient), the guidance is for the person typing: call for them.
    """
    if "self_harm" in categories:
        return (
            "utter_safety_self_harm_someone_else"
            if about == "someone_else"
            else ("utter_safety_self_harm")
        )
    if about == "someone_else":
        return "utter_safety_someone_else"
    if categories == ["harm_from_others"]:
        return "utter_safety_harm_from_others"
    return "utter_safety_emergency"


def check_response(categories: list[str]) -> str:
    """Return the check question for the most serious category of an uncertain message."""
    for category in categories:
        if category in _CHECKS:
            return _CHECKS[category]
    return "utter_safety_check"


#: The answers to a check question, as buttons (the same wherever it is asked).
CHECK_BUTTONS = [
    {"title": "Yes, I need help now", "payload": "/affirm"},
    {"title": "No, not right now", "payload": "/deny"},
]
