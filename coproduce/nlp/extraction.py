"""Turn raw topic answers into structure for the clinician summary.

Every function keeps the patient's own words (trimmed, never paraphrased). The public API
lives here; each concept is implemented in its own module.
"""

from __future__ import annotations

from coproduce.nlp.activities import extract_activities
from coproduce.nlp.burden import BURDEN_CATEGORIES, TreatmentBurden, extract_treatment_burdens
from coproduce.nlp.correction import (
    TOPICS,
    Correction,
    apply_item_correction,
    parse_correction,
    without_lead_in,
)
from coproduce.nlp.lists import split_list
from coproduce.nlp.rating import Rating, parse_rating
from coproduce.nlp.segment import split_items
from coproduce.nlp.skip import is_dont_know_answer, is_skip_answer
from coproduce.nlp.supports import SUPPORT_KINDS, Support, extract_supports

__all__ = [
    "BURDEN_CATEGORIES",
    "SUPPORT_KINDS",
    "TOPICS",
    "Correction",
    "Rating",
    "Support",
    "TreatmentBurden",
    "apply_item_correction",
    "extract_activities",
    "extract_supports",
    "extract_treatment_burdens",
    "is_dont_know_answer",
    "is_skip_answer",
    "parse_correction",
    "parse_rating",
    "split_items",
    "split_list",
    "without_lead_in",
]
