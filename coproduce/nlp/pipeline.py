"""Build the rule-based spaCy pipeline shared by Rasa and the extraction functions."""

from __future__ import annotations

import re
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


# An answer written as a letter: its greeting and sign-off are not items ("Dear Sir or Madam",
# "Yours faithfully, E. Whitcombe").
_GREETING = re.compile(
    r"^\s*(?:dear (?:sir|madam|sirs|doctor|dr|nurse|all|team|practice)[^\n]*|"
    r"to whom it may concern)[,:]?[ \t]*(?:\n|$)",
    re.IGNORECASE,
)
_SIGN_OFF = re.compile(
    r"\n\s*(?:yours (?:faithfully|sincerely|truly)|kind regards|best regards|warm regards|"
    r"many thanks|with thanks|all the best)\b.*\Z",
    re.IGNORECASE | re.DOTALL,
)


def letter_body(text: str) -> str:
    """Return an answer without a letter's greeting and sign-off (unchanged otherwise)."""
    return _SIGN_OFF.sub("", _GREETING.sub("", text)).strip() or text


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """Return the process-wide pipeline, building it on first use."""
    return build_nlp()
