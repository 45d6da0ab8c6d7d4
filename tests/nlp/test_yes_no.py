"""Yes and no, as people say them."""

from __future__ import annotations

import pytest

from coproduce.nlp import yes_no


@pytest.mark.parametrize(
    "text",
    [
        "yes",
        "yeah go on then",
        "suppose so",
        "👍",
        "I dont mind",
        "yse",
        "ok fine, but my back is killing me",
        "yes she says go ahead",
    ],
)
def test_yes_said_many_ways(text: str) -> None:
    assert yes_no.answer(text) == yes_no.YES


@pytest.mark.parametrize("text", ["no thanks", "nah", "no i'd rather talk to the doctor"])
def test_no_said_many_ways(text: str) -> None:
    assert yes_no.answer(text) == yes_no.NO


@pytest.mark.parametrize("text", ["hmm", "what is this for", "", "eh", "erm"])
def test_neither_is_none(text: str) -> None:
    assert yes_no.answer(text) is None
