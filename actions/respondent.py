"""Notice when someone is answering for the patient; ask once who they are to the patient."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions.context import Turn
from coproduce.aims import topics
from coproduce.nlp import respondent

Events = list[dict[str, Any]]

#: Questions whose answers are naturally about other people ("my daughter does my shopping",
#: "my husband is my rock"): the third person there says nothing about who is typing.
_ABOUT_OTHERS = frozenset(
    {topics.WHAT_MATTERS, topics.ASSETS, topics.SUPPORTS, topics.CARE_PREFERENCES}
)


def answering_for_someone(tracker: Tracker) -> bool:
    """True when someone is, or seems to be, typing for the patient."""
    known = tracker.get_slot("respondent") or {}
    return bool(tracker.get_slot("proxy_suspected")) or known.get("type") == "proxy"


def notice(tracker: Tracker, turn: Turn) -> Events:
    """Events that record a proxy said so, or that someone seems to be typing for the patient.

    "I'm his daughter" is enough to record `{"type": "proxy", "relationship": "daughter"}`;
    "she can't manage the stairs" only raises the question, asked once.
    """
    known = tracker.get_slot("respondent")
    if turn.is_payload or known or tracker.get_slot("proxy_suspected"):
        return []
    if respondent.says_on_behalf(turn.text):
        relationship = respondent.relationship_in(turn.text)
        if relationship is not None and relationship not in (
            "child",
            "parent",
            "family",
            "sibling",
        ):
            return [SlotSet("respondent", {"type": "proxy", "relationship": relationship})]
        return [SlotSet("proxy_suspected", True)]
    if (
        respondent.sounds_like_proxy(turn.text)
        and tracker.get_slot("consent") is not None
        and tracker.get_slot("requested_slot") not in _ABOUT_OTHERS
    ):
        return [SlotSet("proxy_suspected", True)]
    return []
