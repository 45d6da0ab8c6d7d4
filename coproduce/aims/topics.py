"""The topics of a pre-visit conversation, in the order the bot asks them."""

from __future__ import annotations

AIM = "aim"
WHAT_MATTERS = "what_matters"
ILLNESS_BURDEN = "illness_burden"
TREATMENT_BURDEN = "treatment_burden"
ASSETS = "assets"
SUPPORTS = "supports"
IMPROVEMENT_MEASURE = "improvement_measure"
BASELINE_RATING = "baseline_rating"

TEXT_TOPICS: tuple[str, ...] = (
    AIM,
    WHAT_MATTERS,
    ILLNESS_BURDEN,
    TREATMENT_BURDEN,
    ASSETS,
    SUPPORTS,
    IMPROVEMENT_MEASURE,
)
TOPICS: tuple[str, ...] = (*TEXT_TOPICS, BASELINE_RATING)

#: The value a topic slot holds when the patient chose not to answer it.
SKIPPED = "__skipped__"

LABELS: dict[str, str] = {
    AIM: "What you want from this visit",
    WHAT_MATTERS: "What matters most to you",
    ILLNESS_BURDEN: "How your health gets in the way",
    TREATMENT_BURDEN: "What is hard about your treatment",
    ASSETS: "What already helps",
    SUPPORTS: "Who helps you, and who you look after",
    IMPROVEMENT_MEASURE: "How you would know things are better",
    BASELINE_RATING: "Today's rating (0-10)",
}
