"""extract_activities: the activities named in an aim or in what matters."""

from __future__ import annotations

import pytest

from coproduce.nlp.extraction import extract_activities


@pytest.mark.parametrize(
    ("answer", "activities"),
    [
        (
            "I want to sort my knee out so I can walk the dog again, mornings are agony",
            ["walk the dog"],
        ),
        ("my grandkids, and getting down the allotment", ["getting down the allotment"]),
        ("walk my dog", ["walk my dog"]),
        ("to play basketball", ["play basketball"]),
        ("play with my grandkids", ["play with my grandkids"]),
        ("sleep through the night", ["sleep through the night"]),
        ("i just want to go back to work", ["go back to work"]),
        ("dance at my granddaughter's wedding in june", ["dance at my granddaughter's wedding"]),
        ("gardening", ["gardening"]),
        ("swimming", ["swimming"]),
        ("gardening, swimming and golf", ["gardening", "swimming", "golf"]),
        ("play with my grandkids and go swimming", ["play with my grandkids", "go swimming"]),
        ("be able to pick up my grandson", ["pick up my grandson"]),
        ("walk without my stick", ["walk"]),
        ("walking is hard", ["walking"]),
        ("get out and about", ["get out"]),
        ("going on holiday with my wife next year", ["going on holiday with my wife"]),
        ("Walk The Dog properly", ["Walk The Dog"]),
        ("walk the dog, walk the dog!", ["walk the dog"]),
        ("cycling to work again", ["cycling to work"]),
    ],
)
def test_activities_in_the_patients_words(answer: str, activities: list[str]) -> None:
    assert extract_activities(answer) == activities


@pytest.mark.parametrize(
    "answer",
    [
        "",
        "less pain",
        "my grandkids",
        "get better",
        "see the doctor less",
        "go to the hospital less often",
        "my walk to the shops is too far",
        "mornings are agony",
    ],
)
def test_no_activity_named(answer: str) -> None:
    assert extract_activities(answer) == []
