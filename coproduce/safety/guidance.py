"""Which safety guidance answers which danger categories."""

from __future__ import annotations


def guidance_response(categories: list[str]) -> str:
    """Return the domain response that gives guidance for the most serious category."""
    if "self_harm" in categories:
        return "utter_safety_self_harm"
    if categories == ["harm_from_others"]:
        return "utter_safety_harm_from_others"
    return "utter_safety_emergency"
