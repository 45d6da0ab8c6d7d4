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
        "go 'ed",
        "gan on",
    ],
)
def test_yes_said_many_ways(text: str) -> None:
    assert yes_no.answer(text) == yes_no.YES


@pytest.mark.parametrize(
    "text", ["no thanks", "nah", "no i'd rather talk to the doctor", "I'm out."]
)
def test_no_said_many_ways(text: str) -> None:
    assert yes_no.answer(text) == yes_no.NO


@pytest.mark.parametrize(
    "text", ["hmm", "what is this for", "", "eh", "erm", "after 6pm, i'm out on the farm all day"]
)
def test_neither_is_none(text: str) -> None:
    assert yes_no.answer(text) is None


@pytest.mark.parametrize("text", ["eh", "eh?", "hmm", "erm...", "um er"])
def test_a_shrug_is_neither_whatever_the_classifier_guessed(text: str) -> None:
    # The intent classifier is trusted only for short messages with some word of their own.
    assert yes_no.answer(text, intent="affirm", confidence=0.99) is None


@pytest.mark.parametrize("text", ["uh huh", "mm hmm", "mhm."])
def test_a_murmured_yes_is_yes(text: str) -> None:
    assert yes_no.answer(text) == yes_no.YES


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Right. Carry on, though I'm not keen on it", "yes"),
        ("ok then, not that anyone reads these", "yes"),
        ("suppose so. not thrilled tbh", "yes"),
        ("not happy about it", "no"),
        ("No. Not keen on this at all.", "no"),
    ],
)
def test_a_grudging_remark_after_a_yes_keeps_the_yes(text: str, expected: str) -> None:
    assert yes_no.read(text).answer == expected


def test_a_letter_that_consents_with_a_condition_is_a_yes() -> None:
    letter = (
        "Dear Sir or Madam,\n\nI am content for my answers to go to the surgery, provided they "
        "go no further.\n\nYours sincerely,\nR. Ames"
    )
    assert yes_no.read(letter).answer == "yes"
    assert yes_no.read("No. I'd rather not.").answer == "no"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hi yes thats fine go ahead", "yes"),
        ("Hello Doctor,\nno thank you\nKind regards\nMo", "no"),
        ("Kind regards, happy to go ahead", "yes"),
    ],
)
def test_only_a_greeting_line_and_a_sign_off_are_set_aside(text: str, expected: str) -> None:
    assert yes_no.read(text).answer == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Dictated punctuation is punctuation, never a "stop".
        ("okay that's fine full stop", "yes"),
        ("no thanks full stop", "no"),
        # A condition or a question before answering is neither: answer it, ask again.
        ("before I agree who can see this? I don't want it sent to my employer", None),
        ("who reads this? fine go ahead", "yes"),
        ("I don't want it going to my work, so no", "no"),
    ],
)
def test_dictation_and_conditions(text: str, expected: str | None) -> None:
    assert yes_no.read(text).answer == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A yes with a condition on it is a yes ...
        ("aye alright, as long as my boss never sees it", "yes"),
        ("ok provided it stays with the practice", "yes"),
        # ... a no that is only a condition is not yet an answer either way.
        ("no, not unless you say who reads it", None),
        ("only if it's just my GP", None),
        # A no said with a question about the chat: the question first, then ask again.
        ("not keen tbh. who gets to see it", None),
    ],
)
def test_a_condition_on_an_answer(text: str, expected: str | None) -> None:
    assert yes_no.answer(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sweet", yes_no.YES),
        ("sound", yes_no.YES),
        ("nae bother", yes_no.YES),
        ("lush", yes_no.YES),
        ("not fine", yes_no.NO),
        ("not cool", yes_no.NO),
        ("its fine, not great but fine", yes_no.YES),
    ],
)
def test_everyday_yeses_and_a_negated_one(text: str, expected: str) -> None:
    assert yes_no.answer(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Yes no wahala", yes_no.YES), ("ok no rush", yes_no.YES), ("yes no thanks", yes_no.NO)],
)
def test_a_yes_then_none_of_something(text: str, expected: str) -> None:
    assert yes_no.answer(text) == expected
