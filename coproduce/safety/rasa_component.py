"""Rasa NLU component that turns a rule-detected red flag into the red_flag intent."""

from __future__ import annotations

import re
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import (
    ENTITIES,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from coproduce.safety.detector import detect_red_flags, guess_category, is_benign_mention

RED_FLAG_INTENT = "red_flag"
FALLBACK_INTENT = "inform"
ENTITY_NAME = "red_flag_category"
# When only the classifier fired and no keyword hints at a category, answer as for self-harm:
# its response carries both the emergency number and the crisis line, so it is the safest.
DEFAULT_CATEGORY = "self_harm"
_URGENT = re.compile(
    r"\b(help me|emergency|ambulance|999|911|112|urgent(ly)?|right now|can'?t cope)\b", re.I
)
MIN_CLASSIFIER_CONFIDENCE_KEY = "min_classifier_confidence"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class RedFlagClassifier(GraphComponent):
    """Override the intent with red_flag when rules see current danger; veto false alarms."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """Return the default configuration."""
        return {MIN_CLASSIFIER_CONFIDENCE_KEY: 0.85}

    @staticmethod
    def required_packages() -> list[str]:
        """Return the Python packages this component needs."""
        return ["spacy"]

    def __init__(self, config: dict[str, Any]) -> None:
        """Keep the component configuration."""
        self.component_config = {**self.get_default_config(), **config}

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> RedFlagClassifier:
        """Create the component (it has nothing to train or persist)."""
        return cls(config)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Return the training data unchanged."""
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        """Set or veto the red_flag intent on each message and tag the categories."""
        for message in messages:
            self._process_one(message)
        return messages

    def _process_one(self, message: Message) -> None:
        text = message.get(TEXT) or ""
        flags = detect_red_flags(text)
        if flags:
            _set_red_flag(message)
            for flag in flags:
                _add_entity(message, flag.category, flag.start, flag.end)
            return
        intent = message.get(INTENT) or {}
        if intent.get(INTENT_NAME_KEY) != RED_FLAG_INTENT:
            return
        confidence = float(intent.get(PREDICTED_CONFIDENCE_KEY) or 0.0)
        threshold = float(self.component_config[MIN_CLASSIFIER_CONFIDENCE_KEY])
        category = guess_category(text) or (DEFAULT_CATEGORY if _URGENT.search(text) else None)
        # The classifier alone must be sure, name a danger topic (or an explicit call for
        # help), and not be a benign mention: without that it raised false alarms on everyday
        # answers ("it stops me sleeping", "the pain is awful most days").
        if confidence < threshold or is_benign_mention(text) or category is None:
            _demote_red_flag(message)
            return
        _add_entity(message, category, 0, len(text))


def _set_red_flag(message: Message) -> None:
    top = {INTENT_NAME_KEY: RED_FLAG_INTENT, PREDICTED_CONFIDENCE_KEY: 1.0}
    ranking = [
        entry
        for entry in message.get(INTENT_RANKING_KEY) or []
        if entry.get(INTENT_NAME_KEY) != RED_FLAG_INTENT
    ]
    message.set(INTENT, top, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [dict(top), *ranking], add_to_output=True)


def _demote_red_flag(message: Message) -> None:
    ranking = [
        entry
        for entry in message.get(INTENT_RANKING_KEY) or []
        if entry.get(INTENT_NAME_KEY) != RED_FLAG_INTENT
    ]
    replacement = (
        dict(ranking[0])
        if ranking
        else {INTENT_NAME_KEY: FALLBACK_INTENT, PREDICTED_CONFIDENCE_KEY: 1.0}
    )
    message.set(INTENT, replacement, add_to_output=True)
    message.set(INTENT_RANKING_KEY, ranking or [dict(replacement)], add_to_output=True)


def _add_entity(message: Message, category: str, start: int, end: int) -> None:
    entity = {
        "entity": ENTITY_NAME,
        "value": category,
        "start": start,
        "end": end,
        "extractor": RedFlagClassifier.__name__,
        "confidence_entity": 1.0,
    }
    entities = [
        e
        for e in message.get(ENTITIES) or []
        if not (e.get("entity") == ENTITY_NAME and e.get("value") == category)
    ]
    message.set(ENTITIES, [*entities, entity], add_to_output=True)
