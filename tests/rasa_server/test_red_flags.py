"""The RedFlagClassifier NLU component turns a message's assessment into intent and entities."""

from __future__ import annotations

from typing import Any

from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from coproduce.safety.assess import Assessment
from rasa_server.red_flags import RedFlagClassifier


def _message(text: str, *ranking: tuple[str, float], safety: Assessment | None = None) -> Message:
    intents = [{"name": name, "confidence": confidence} for name, confidence in ranking]
    data: dict[str, Any] = {TEXT: text, INTENT_RANKING_KEY: intents, ENTITIES: []}
    if intents:
        data[INTENT] = dict(intents[0])
    if safety is not None:
        data["metadata"] = {"safety": safety.to_metadata()}
    return Message(data=data)


def _run(message: Message) -> Message:
    [processed] = RedFlagClassifier({}).process([message])
    return processed


def _entities(message: Message) -> list[dict[str, Any]]:
    return [e for e in message.get(ENTITIES) if e["entity"] == "red_flag_category"]


def test_an_emergency_carried_by_the_channel_becomes_the_red_flag_intent() -> None:
    text = "my dad has gone grey and is clutching his chest"
    carried = Assessment("emergency", ("chest_pain",), "someone_else", 0.97, ((0, len(text)),))
    message = _run(_message(text, ("inform", 0.91), ("greet", 0.05), safety=carried))
    assert message.get(INTENT) == {"name": "red_flag", "confidence": 1.0}
    assert [e["name"] for e in message.get(INTENT_RANKING_KEY)] == ["red_flag", "inform", "greet"]
    [entity] = _entities(message)
    assert entity["value"] == "chest_pain"
    assert entity["extractor"] == "RedFlagClassifier"
    assert Assessment.from_metadata(entity["assessment"]) == carried


def test_a_check_is_a_red_flag_intent_too_and_urgent_keeps_the_answer_intent() -> None:
    check = Assessment("check", ("overdose",), score=0.5)
    message = _run(_message("think i took my tablets twice", ("inform", 0.8), safety=check))
    assert message.get(INTENT)["name"] == "red_flag"
    urgent = Assessment("urgent", ("breathing",), score=0.8)
    message = _run(_message("i sleep in the chair to breathe", ("inform", 0.8), safety=urgent))
    assert message.get(INTENT)["name"] == "inform"
    [entity] = _entities(message)
    assert entity["assessment"]["level"] == "urgent"


def test_the_classifier_intent_alone_is_demoted_when_the_message_is_judged_safe() -> None:
    message = _run(
        _message("the wait is killing me", ("red_flag", 0.99), safety=Assessment("none"))
    )
    assert message.get(INTENT)["name"] == "inform"
    assert _entities(message) == []
    message = _run(
        _message("i feel a bit off", ("red_flag", 0.6), ("affirm", 0.3), safety=Assessment("none"))
    )
    assert message.get(INTENT)["name"] == "affirm"


def test_without_a_carried_assessment_the_message_is_judged_here() -> None:
    message = _run(_message("crushing pain in my chest right now and my arm is numb"))
    assert message.get(INTENT)["name"] == "red_flag"
    assert "chest_pain" in [e["value"] for e in _entities(message)]
