"""Rasa NLU component: the message's urgency as the red_flag intent and entities.

An emergency, or a message that needs the check question, becomes the red_flag intent (the
rules answer it outside the form); every flagged message carries its assessment in its
red_flag_category entities, which is what the actions read.
"""

from __future__ import annotations

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

from coproduce.safety.assess import CHECK, EMERGENCY, NONE, Assessment, assess

RED_FLAG_INTENT = "red_flag"
FALLBACK_INTENT = "inform"
ENTITY_NAME = "red_flag_category"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class RedFlagClassifier(GraphComponent):
    """Set the red_flag intent and entities from the message's safety assessment."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """Return the default configuration (there is nothing to configure)."""
        return {}

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
        metadata = message.get("metadata")
        carried = metadata.get("safety") if isinstance(metadata, dict) else None
        # Judged once, by the chat channel, and carried with the message; judged here only
        # when a message arrives some other way (Rasa's HTTP API, `rasa shell`, tests).
        assessment = Assessment.from_metadata(carried) or assess(text)
        if assessment.level in (EMERGENCY, CHECK):
            _set_red_flag(message)
        else:
            intent = message.get(INTENT) or {}
            if intent.get(INTENT_NAME_KEY) == RED_FLAG_INTENT:
                _demote_red_flag(message)
        if assessment.level == NONE:
            return
        for category in assessment.categories or ("other",):
            _add_entity(message, category, assessment)


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


def _add_entity(message: Message, category: str, assessment: Assessment) -> None:
    start, end = assessment.spans[0] if assessment.spans else (0, len(message.get(TEXT) or ""))
    entity = {
        "entity": ENTITY_NAME,
        "value": category,
        "start": start,
        "end": end,
        "extractor": RedFlagClassifier.__name__,
        "confidence_entity": 1.0,
        "assessment": assessment.to_metadata(),
    }
    entities = [
        e
        for e in message.get(ENTITIES) or []
        if not (e.get("entity") == ENTITY_NAME and e.get("value") == category)
    ]
    message.set(ENTITIES, [*entities, entity], add_to_output=True)
