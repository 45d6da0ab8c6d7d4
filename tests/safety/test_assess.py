"""One message, one urgency: how the rules and the classifier's opinions are combined."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from coproduce.safety import assess as assess_module
from coproduce.safety import classifier
from coproduce.safety.assess import CHECK, EMERGENCY, NONE, URGENT, Assessment, assess


def test_the_same_day_fallback_travels_with_the_message() -> None:
    asked = Assessment(CHECK, ("breathing",), by_rule=True, fallback=URGENT)
    carried = Assessment.from_metadata(asked.to_metadata())
    assert carried is not None
    assert carried.level == CHECK and carried.fallback == URGENT


def test_a_fallback_that_is_not_a_level_is_dropped() -> None:
    value = Assessment(CHECK, ("stroke",)).to_metadata()
    value["fallback"] = "call the police"
    carried = Assessment.from_metadata(value)
    assert carried is not None and carried.fallback == NONE


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    """Judgements made with a stand-in classifier are not kept for later tests."""
    assess_module.assess.cache_clear()
    yield
    assess_module.assess.cache_clear()


def _reads_as_same_day(monkeypatch: Any) -> None:
    opinion = classifier.Opinion(
        levels={"emergency": 0.3, "urgent": 0.65, "none": 0.05}, categories={"chest_pain": 1.0}
    )
    monkeypatch.setattr(assess_module.classifier, "opinion", lambda text: opinion)


def test_a_named_danger_said_to_be_happening_now_is_checked_not_left_to_same_day(
    monkeypatch: Any,
) -> None:
    _reads_as_same_day(monkeypatch)
    found = assess_module.assess("I've got chest pain and it's getting worse right now")
    assert (found.level, found.fallback) == (CHECK, URGENT)
    assert found.categories == ("chest_pain",)


def test_a_named_danger_without_words_of_now_stays_same_day(monkeypatch: Any) -> None:
    _reads_as_same_day(monkeypatch)
    found = assess_module.assess("chest pain when I walk up the hill, goes when I stop")
    assert found.level in (URGENT, NONE)


def test_a_few_words_need_a_rule_or_a_surer_classifier(monkeypatch: Any) -> None:
    opinion = classifier.Opinion(
        levels={"emergency": 0.45, "urgent": 0.0, "none": 0.55}, categories={"breathing": 1.0}
    )
    monkeypatch.setattr(assess_module.classifier, "opinion", lambda text: opinion)
    assert assess_module.assess("can't say really").level == NONE
    assert assess_module.assess("honestly I can't say really, it comes and goes").level == CHECK


@pytest.mark.parametrize(
    "text",
    [
        "Since his stroke in the spring he struggles with words, and his left leg is still weak",
        "She gets tired easily and her arm is still weak",
    ],
)
def test_a_stroke_sign_said_as_lasting_is_not_sent_to_999(text: str) -> None:
    # Left by a stroke said to be past: nothing; said as lasting alone: the check question.
    assert assess(text).level in (CHECK, NONE)


@pytest.mark.parametrize(
    "text",
    ["his arm is still weak and it came on suddenly an hour ago", "my arm has gone weak"],
)
def test_a_stroke_sign_said_as_new_is_an_emergency(text: str) -> None:
    assert assess(text).level == EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "burning in my chest after meals, it's been a long time now",
        "my chest goes tight and I can't breathe before exams",
        "I'm scared of not being able to breathe at the end",
    ],
)
def test_chest_or_breathing_said_as_long_standing_or_feared_is_asked_about(text: str) -> None:
    assert assess(text).level == CHECK


@pytest.mark.parametrize(
    "text",
    [
        "I've had asthma for years and right now I can't breathe",
        "chest pain for months but today it's crushing and I'm sweating",
        "my 3 year old can't breathe properly, her lips are blue",
    ],
)
def test_long_standing_words_do_not_soften_danger_that_is_now(text: str) -> None:
    assert assess(text).level == EMERGENCY
