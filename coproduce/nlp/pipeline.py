"""Build the rule-based spaCy pipeline shared by Rasa and the extraction functions."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from coproduce.nlp import patterns

PIPELINE_NAME = "coproduce_en"
PIPELINE_VERSION = "0.1.0"


def build_nlp() -> Language:
    """Build a blank English pipeline with a sentencizer and the Coproduce entity ruler.

    Only built-in factories are used, so the saved pipeline loads with plain
    ``spacy.load`` (and Rasa's ``SpacyNLP``) without importing this package.
    """
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe(
        "entity_ruler", config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True}
    )
    ruler.add_patterns(patterns.all_patterns())  # type: ignore[attr-defined]
    nlp.meta.update(
        {
            "name": PIPELINE_NAME,
            "version": PIPELINE_VERSION,
            "description": "Rule-based Coproduce pipeline: sentencizer and entity ruler.",
        }
    )
    return nlp


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """Return the process-wide pipeline, building it on first use."""
    return build_nlp()
