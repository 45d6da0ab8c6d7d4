"""A measure too vague to rate, and worries apart from ideas."""

from __future__ import annotations

import pytest

from coproduce.nlp import ice, vague


@pytest.mark.parametrize("text", ["better", "feel better", "just be better", "normal"])
def test_a_vague_measure_is_probed(text: str) -> None:
    assert vague.is_vague(text)


@pytest.mark.parametrize("text", ["walk to the shops without stopping", "sleep through the night"])
def test_a_specific_measure_is_not(text: str) -> None:
    assert not vague.is_vague(text)
    assert not vague.is_vague_measure(text)


@pytest.mark.parametrize(
    "text",
    ["not sure. less low i suppose", "getting some answers", "being listened to properly"],
)
def test_a_general_feeling_or_what_the_clinic_would_do_is_not_yet_a_measure(text: str) -> None:
    assert vague.is_vague_measure(text)


@pytest.mark.parametrize("text", ["less pain in my hips", "feel less anxious on the bus"])
def test_a_symptom_or_a_situation_is_a_measure(text: str) -> None:
    assert not vague.is_vague_measure(text)


def test_a_worry_and_an_idea_are_kept_apart() -> None:
    assert ice.split_concerns("that it's cancer. I think it's the new tablets") == (
        "that it's cancer",
        "I think it's the new tablets",
    )
    assert ice.split_concerns("I think it is stress") == (None, "I think it is stress")


@pytest.mark.parametrize("text", ["hmm", "?", "erm", "...", "sdfghj", "🙂"])
def test_no_answer_at_all_is_filler(text: str) -> None:
    assert vague.is_filler(text)


@pytest.mark.parametrize(
    "text", ["أمشي مع كلبي \u200f🐕", "mój wnuk", "孫と散歩", "knee", "bbq", "5 miles"]
)
def test_an_answer_in_any_script_is_not_filler(text: str) -> None:
    assert not vague.is_filler(text)


@pytest.mark.parametrize("text", ["playing", "lose weight", "dunno just feel better about it"])
def test_a_word_or_two_or_a_feeling_about_it_gets_the_probe(text: str) -> None:
    assert vague.is_vague_measure(text)


@pytest.mark.parametrize(("text", "thin"), [("its my skin", True), ("work", True), ("hmm", False)])
def test_a_few_words_are_thin(text: str, thin: bool) -> None:
    assert vague.is_thin(text) is thin


def test_if_it_was_better_is_not_yet_a_measure() -> None:
    assert vague.is_vague_measure("idk just if it was better")


@pytest.mark.parametrize(
    ("text", "vague_aim"),
    [
        ("Just feel rubbish really", True),
        ("i dont really know. i just dont feel right", True),
        ("It's a bit of a personal matter. A man's problem.", True),
        ("I want to feel better about my diabetes", False),
        ("sort my back out", False),
    ],
)
def test_an_aim_that_names_nothing_in_particular(text: str, vague_aim: bool) -> None:
    assert vague.is_vague_aim(text) is vague_aim


@pytest.mark.parametrize("text", ["He'd feel more himself.", "I'd know what's going on"])
def test_a_feeling_said_of_someone_else_is_still_vague(text: str) -> None:
    assert vague.is_vague_measure(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("it's complicated. lots going on", True),
        ("a few things really", True),
        ("lots of pain in my back", False),
        ("everything hurts", False),
    ],
)
def test_an_aim_that_names_nothing_in_particular_is_probed(text: str, expected: bool) -> None:
    assert vague.is_vague_aim(text) is expected


def test_having_a_plan_is_not_yet_something_they_would_notice() -> None:
    assert vague.is_vague_measure(
        "I'd know what's going on and I'd have a plan and things would be better"
    )
    assert not vague.is_vague_measure("I'd have the energy to take the grandkids to the park")


@pytest.mark.parametrize(
    "text", ["I'd have more energy", "not be so tired", "not feeling so muddled", "less tired"]
)
def test_a_feeling_of_energy_alone_is_probed_for_what_they_would_do(text: str) -> None:
    # Persona writers (e27, am19, am42, aq11, aq12) meant these to be asked what they would
    # notice; with something to do or notice they are a measure ("not so tired i can walk
    # the dog").
    assert vague.is_vague_measure(text)
    assert not vague.is_vague_measure(f"{text} and walk the dog to the park")


@pytest.mark.parametrize(
    "text",
    ["more good hours", "id have more good days", "i guess i'd feel less anxious about it",
     "id get stuff done", "I'd know my risk and have a plan.", "him being himself again",
     "her being her old self", "I should feel more like myself, I think.", "I feel better, sir"],
)  # fmt: skip
def test_more_good_days_is_probed_for_what_they_would_do(text: str) -> None:
    assert vague.is_vague_measure(text)


@pytest.mark.parametrize(
    ("text", "vague_aim"),
    [("Just the usual review I think", True), ("my annual review", True),
     ("my diabetes review", False)],
)  # fmt: skip
def test_the_usual_review_is_probed_for_what_they_want_from_it(text: str, vague_aim: bool) -> None:
    assert vague.is_vague_aim(text) is vague_aim
