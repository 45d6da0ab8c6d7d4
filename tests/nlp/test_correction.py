"""parse_correction and apply_item_correction: changing one part of the summary."""

from __future__ import annotations

import pytest

from coproduce.nlp.extraction import TOPICS, Correction, apply_item_correction, parse_correction


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            "actually my main goal is to sleep through the night",
            Correction("aim", "to sleep through the night", None),
        ),
        (
            "the tablets bit should say I forget the evening ones",
            Correction("treatment_burden", "I forget the evening ones", "tablets"),
        ),
        ("change the bit about my tablets", Correction("treatment_burden", None, "tablets")),
        ("it should be a 5 not a 3", Correction("baseline_rating", "5", None)),
        (
            "not my daughter, my son does the shopping",
            Correction("supports", "my son does the shopping", "daughter"),
        ),
        ("sorry, it's my son not my daughter", Correction("supports", "my son", "daughter")),
        ("what matters is my grandkids", Correction("what_matters", "my grandkids", None)),
        ("my score is 6", Correction("baseline_rating", "6", None)),
        ("actually its a 6", Correction("baseline_rating", "6", None)),
        ("6 not 3", Correction("baseline_rating", "6", None)),
        ("the rating should be seven", Correction("baseline_rating", "7", None)),
        ("the bit about my knee is wrong", Correction("illness_burden", None, "knee")),
        ("change my aim to walking the dog", Correction("aim", "walking the dog", None)),
        (
            "change the bit about going to physio to say the buses are the problem",
            Correction("treatment_burden", "the buses are the problem", "physio"),
        ),
        (
            "the exercises bit should say swimming helps",
            Correction("assets", "swimming helps", "exercises"),
        ),
        (
            "how i'd know it's better should say I can walk to the shops",
            Correction("improvement_measure", "I can walk to the shops", None),
        ),
        ("who helps should say nobody really", Correction("supports", "nobody really", None)),
        (
            "oops the part about the pain should say it's worse at night",
            Correction("illness_burden", "it's worse at night", "pain"),
        ),
        (
            'the appointments bit should say "the parking is a nightmare".',
            Correction("treatment_burden", "the parking is a nightmare", "appointments"),
        ),
        (
            "what's important to me should say seeing my friends",
            Correction("what_matters", "seeing my friends", None),
        ),
        ("change the bit about the wife", Correction("supports", None, "wife")),
        ("the water tablets bit is wrong", Correction("treatment_burden", None, "water tablets")),
    ],
)
def test_parse_correction(message: str, expected: Correction) -> None:
    correction = parse_correction(message)
    assert correction == expected
    assert correction.topic in TOPICS


@pytest.mark.parametrize("message", ["", "that's wrong", "hmm"])
def test_correction_without_a_topic(message: str) -> None:
    assert parse_correction(message).topic is None


@pytest.mark.parametrize(
    ("original", "target", "new_text", "expected"),
    [
        (
            "too many tablets, I never know which to take when, and physio is two buses away",
            "tablets",
            "I forget the evening ones",
            "I forget the evening ones, and physio is two buses away",
        ),
        (
            "my daughter does my shopping and my neighbour drives me sometimes",
            "daughter",
            "my son does the shopping",
            "my son does the shopping and my neighbour drives me sometimes",
        ),
        (
            "physio is far. My pills are a faff",
            "tablets",
            "the white ones make me sick",
            "physio is far. the white ones make me sick",
        ),
        (
            "the wife does the cooking. our kid drives me",
            "Wife",
            "my sister does the cooking",
            "my sister does the cooking. our kid drives me",
        ),
        ("my knee, my back", "insulin", "the insulin", "the insulin"),
        ("my knee hurts", None, "my hip hurts", "my hip hurts"),
        ("", "tablets", "the tablets", "the tablets"),
    ],
)
def test_apply_item_correction(
    original: str, target: str | None, new_text: str, expected: str
) -> None:
    assert apply_item_correction(original, target, new_text) == expected


def test_ambiguous_kind_match_replaces_the_whole_answer() -> None:
    original = "the pills make me sick; the injections hurt"
    assert apply_item_correction(original, "inhaler", "my inhaler") == "my inhaler"


def test_a_rating_corrected_in_a_sentence_takes_the_number_settled_on() -> None:
    correction = parse_correction("The rating. I said 6 but that's generous, put 4")
    assert (correction.topic, correction.new_text) == ("baseline_rating", "4")


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # Which to sort first, changed: not a change to the burden it names.
        (
            "yes but put the mood first please not the hands",
            Correction("one_thing", "the mood", None),
        ),
        ("the mood is the main thing then the hands", Correction("one_thing", "the mood", None)),
        # A care preference added at the read-back.
        (
            "yes, but can you add i'd prefer a woman doctor if possible",
            Correction("care_preferences", None, None),
        ),
        # The rating given the wrong way round or misspoken: the number meant.
        (
            "Nearly. That 7 - I had it the wrong way round, I was thinking how bad it is. "
            "Where I want to be, I'm about a 3.",
            Correction("baseline_rating", "3", None),
        ),
        ("I said 7 but I meant 3", Correction("baseline_rating", "3", None)),
        ("i said 5 but i meant 6 out of 10", Correction("baseline_rating", "6", None)),
        ("I said my daughter but I meant my son", Correction("supports", None, "daughter")),
    ],
)
def test_corrections_after_a_yes_and_of_order(message: str, expected: Correction) -> None:
    assert parse_correction(message) == expected
