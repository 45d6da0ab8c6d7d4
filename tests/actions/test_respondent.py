"""Who is typing: a carer answering for the patient is noticed, a patient naming helpers is not."""

from __future__ import annotations

import pytest

from actions import respondent
from actions.context import Turn
from tests.builders import tracker


def noticed(text: str, asked: str) -> list[dict]:
    turn_tracker = tracker(text=text, requested_slot=asked, slots={"consent": True})
    return respondent.notice(turn_tracker, Turn.from_tracker(turn_tracker))


@pytest.mark.parametrize(
    ("asked", "text"),
    [
        ("illness_burden", "she can't manage the stairs any more"),
        ("aim", "my mum wants her tablets sorted"),
        ("treatment_burden", "dad forgets his inhaler"),
    ],
)
def test_the_patient_in_the_third_person_raises_the_question(asked: str, text: str) -> None:
    assert {"event": "slot", "timestamp": None, "name": "proxy_suspected", "value": True} in (
        noticed(text, asked)
    )


@pytest.mark.parametrize(
    ("asked", "text"),
    [
        ("supports", "my daughter does my shopping and my neighbour drives me sometimes"),
        ("assets", "my husband is my rock"),
        ("what_matters", "my grandson is getting married in June"),
        ("care_preferences", "my wife needs to come with me, she drives"),
    ],
)
def test_people_named_where_they_are_asked_about_are_not_a_proxy(asked: str, text: str) -> None:
    assert noticed(text, asked) == []


def test_saying_so_records_the_relationship_at_any_question() -> None:
    [event] = noticed("I'm his daughter, he can't type", "supports")
    assert event["value"] == {"type": "proxy", "relationship": "daughter"}
