"""Behaviour of the RedFlagClassifier NLU component on hand-built messages."""

from __future__ import annotations

from typing import Any

import pytest
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from coproduce.safety.rasa_component import RedFlagClassifier


def _message(text: str, *ranking: tuple[str, float]) -> Message:
    intents = [{"name": name, "confidence": confidence} for name, confidence in ranking]
    data: dict[str, Any] = {TEXT: text, INTENT_RANKING_KEY: intents, ENTITIES: []}
    if intents:
        data[INTENT] = dict(intents[0])
    return Message(data=data)


def _run(message: Message) -> Message:
    [processed] = RedFlagClassifier({}).process([message])
    return processed


def _categories(message: Message) -> list[str]:
    return [e["value"] for e in message.get(ENTITIES) if e["entity"] == "red_flag_category"]


def test_rule_hit_overrides_the_classifier_intent() -> None:
    text = "feels like an elephant sitting on my chest and it goes down my left arm"
    message = _run(_message(text, ("inform", 0.91), ("greet", 0.05)))
    assert message.get(INTENT) == {"name": "red_flag", "confidence": 1.0}
    assert message.get(INTENT_RANKING_KEY)[0] == {"name": "red_flag", "confidence": 1.0}
    assert [e["name"] for e in message.get(INTENT_RANKING_KEY)] == ["red_flag", "inform", "greet"]
    [entity] = message.get(ENTITIES)
    assert entity["value"] == "chest_pain"
    assert entity["extractor"] == "RedFlagClassifier"
    assert entity["confidence_entity"] == 1.0
    assert text[entity["start"] : entity["end"]] == "elephant sitting on my chest"


def test_rule_hit_overrides_the_fallback_intent() -> None:
    message = _run(_message("cant breath", ("nlu_fallback", 0.3), ("inform", 0.2)))
    assert message.get(INTENT)["name"] == "red_flag"
    assert _categories(message) == ["breathing"]


def test_every_hit_becomes_an_entity_most_severe_first() -> None:
    message = _run(_message("he hits me and I want to die", ("inform", 0.6)))
    assert _categories(message) == ["self_harm", "harm_from_others"]


def test_classifier_false_alarm_on_a_benign_mention_is_vetoed() -> None:
    message = _run(_message("my dad had a stroke in 2010", ("red_flag", 0.97), ("inform", 0.02)))
    assert message.get(INTENT) == {"name": "inform", "confidence": 0.02}
    assert "red_flag" not in [e["name"] for e in message.get(INTENT_RANKING_KEY)]
    assert _categories(message) == []


def test_unsure_classifier_red_flag_is_demoted() -> None:
    message = _run(_message("i feel a bit off today", ("red_flag", 0.6), ("affirm", 0.3)))
    assert message.get(INTENT)["name"] == "affirm"


def test_demotion_without_other_intents_falls_back_to_inform() -> None:
    message = _run(_message("the wait is killing me", ("red_flag", 0.99)))
    assert message.get(INTENT)["name"] == "inform"


def test_confident_classifier_red_flag_is_kept_with_a_guessed_category() -> None:
    text = "i feel like a burden to everyone and want to vanish"
    message = _run(_message(text, ("red_flag", 0.93), ("inform", 0.05)))
    assert message.get(INTENT)["name"] == "red_flag"
    [entity] = message.get(ENTITIES)
    assert entity["value"] == "self_harm"
    assert (entity["start"], entity["end"]) == (0, len(text))


def test_confident_red_flag_without_a_hint_defaults_to_the_safest_category() -> None:
    message = _run(_message("please help me now", ("red_flag", 0.95)))
    assert _categories(message) == ["self_harm"]


@pytest.mark.parametrize(
    "text", ["it stops me sleeping", "the pain is awful most days", "i've stopped drinking"]
)
def test_a_classifier_hit_on_an_everyday_answer_is_demoted(text: str) -> None:
    message = _run(_message(text, ("red_flag", 1.0), ("inform", 0.0)))
    assert message.get(INTENT)["name"] == "inform"
    assert _categories(message) == []


def test_ordinary_message_is_untouched() -> None:
    message = _run(_message("my knee hurts on the stairs", ("inform", 0.88), ("deny", 0.1)))
    assert message.get(INTENT) == {"name": "inform", "confidence": 0.88}
    assert message.get(ENTITIES) == []


def test_training_data_passes_through() -> None:
    data = TrainingData([Message(data={TEXT: "hello", INTENT: "greet"})])
    assert RedFlagClassifier({}).process_training_data(data) is data
