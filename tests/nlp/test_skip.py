"""is_skip_answer: answers that only decline, versus answers with content."""

from __future__ import annotations

import pytest

from coproduce.nlp.extraction import is_skip_answer


@pytest.mark.parametrize(
    "answer",
    [
        "I don't know",
        "i dont know",
        "I don\u2019t know",
        "dont know",
        "i dont kno",
        "i dont no",
        "dunno",
        "Dunno.",
        "dunno sorry",
        "idk",
        "idkk",
        "skip",
        "skip this one please",
        "pass",
        "next",
        "next question",
        "rather not say",
        "I'd rather not say",
        "prefer not to say",
        "no idea",
        "no idea tbh",
        "no clue",
        "not sure",
        "not sure really",
        "I'm not sure",
        "im not sure",
        "erm... not sure",
        "Um, I really don't know sorry",
        "can we skip this",
        "can we skip this?",
        "can I skip",
        "dont know what to say",
        "i don't want to answer that",
        "move on",
        "i'd rather not get into my family stuff tbh. skip",
        "id rather not get into the family side",
        "id rather not gan into that thanks",
    ],
)
def test_bare_refusals_are_skips(answer: str) -> None:
    assert is_skip_answer(answer) is True


@pytest.mark.parametrize(
    "answer",
    [
        "I don't know which tablets to take when",
        "not sure, maybe my daughter",
        "dunno, the tablets I suppose",
        "i honestly dont know which ones",
        "not sure if it's the tablets or the knee",
        "no idea why they changed my pills",
        "next door helps",
        "passing urine hurts",
        "skipping meals",
        "my daughter",
        "nothing",
        "none",
        "no",
        "sure",
        "ok",
        "",
        "   ",
    ],
)
def test_answers_with_content_are_not_skips(answer: str) -> None:
    assert is_skip_answer(answer) is False


@pytest.mark.parametrize(
    ("text", "dont_know"),
    [
        ("dunno", True),
        ("honestly not sure", True),
        ("skip", False),
        ("rather not say", False),
        # Leaving it to the clinic says nothing of their own: asked once more.
        ("not sure pet, up to you", True),
        ("whatever you reckon, you're the doctor", True),
    ],
)
def test_not_knowing_is_told_apart_from_choosing_to_skip(text: str, dont_know: bool) -> None:
    from coproduce.nlp.extraction import is_dont_know_answer

    assert is_skip_answer(text)
    assert is_dont_know_answer(text) is dont_know


@pytest.mark.parametrize(
    ("text", "skipped"),
    [
        ("Not relevant to my asthma. Pass.", True),
        ("irrelevant really. next question", True),
        ("not relevant. it's my knee that's the problem", False),
    ],
)
def test_a_skip_after_saying_why_not_is_a_skip(text: str, skipped: bool) -> None:
    assert is_skip_answer(text) is skipped


@pytest.mark.parametrize(
    ("text", "skipped"),
    [
        ("none of your business mate", True),
        ("mind your own", True),
        ("thats private", True),
        ("my private pension helps", False),
    ],
)
def test_being_told_off_for_asking_is_a_skip(text: str, skipped: bool) -> None:
    assert is_skip_answer(text) is skipped


@pytest.mark.parametrize("text", ["dont really want to talk about that", "dont wanna go into it"])
def test_not_wanting_to_talk_about_it_is_a_skip(text: str) -> None:
    assert is_skip_answer(text)


@pytest.mark.parametrize(
    ("text", "skipped"),
    [
        ("Not answering that. You'll book what you book.", True),
        ("I won't answer that", True),
        ("None of your business. Doctors never listen anyway.", True),
        ("Pass. Mornings are bad.", False),  # an answer after all
        ("not telling you. mornings are bad for me because of the kids at school", False),
    ],
)
def test_a_refusal_then_a_parting_shot_is_a_skip(text: str, skipped: bool) -> None:
    assert is_skip_answer(text) is skipped


@pytest.mark.parametrize(
    ("text", "skipped"),
    [
        ("not going there", True),
        ("thats my business", True),
        ("I'd prefer not to go into that.", True),
        ("I'd rather keep that private, thank you.", True),
        ("I said I'd rather not", True),
        ("like I said, pass", True),
        ("i'd rather leave that one", True),
        ("never you mind", True),
        ("not really anything I want to go into.", True),
        ("I'd rather keep my family out of this, if that's OK.", True),
        ("I'd rather not go into that, can we stick to the medical side", True),
        ("I'd rather not go into that on here thanks", True),
        ("pass on that one", True),
        ("a said pass", True),
        ("I prefer not to talk about what happened before. Sorry.", True),
        ("not talking about that", True),
        ("no gonnae answer that", True),
        ("leave it to the doctor to decide", False),
        ("keep to the medical side of things please, my knee", False),
        # Content after all.
        ("my business is failing", False),
        ("not going there anymore because of my knees", False),
        ("I said my knee hurts", False),
    ],
)
def test_keeping_it_private_and_saying_so_again_is_a_skip(text: str, skipped: bool) -> None:
    assert is_skip_answer(text) is skipped


@pytest.mark.parametrize(
    "text",
    [
        "I'd rather not go into that today, if that's OK.",
        "I'd rather not get into my family, if you don't mind.",
        "i'd rather skip that one if thats ok",
        "Sorry, I'd prefer to skip that one",
        "Let's leave that one.",
        "lets move on",
        "sorry. i cant think about that right now. can we move on",
        "Not sure what that has to do with my back. I'd rather not answer that one",
        "what's that got to do with anything. next",
    ],
)
def test_polite_and_wrapped_declines_are_skips(text: str) -> None:
    assert is_skip_answer(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'd rather skip that, my family is complicated",
        "I'd rather not go into hospital again",
        "can't think about that without crying, it's my son",
        "not sure what that has to do with it but my daughter helps",
    ],
)
def test_a_decline_with_content_is_not_a_skip(text: str) -> None:
    assert not is_skip_answer(text)
