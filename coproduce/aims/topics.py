"""The topics of a pre-visit conversation, in the order the bot asks them: the one list.

The order follows a consultation (Calgary-Cambridge): the patient's aim and what matters,
then the burdens, the one thing to sort if there are several, their worries and ideas (ICE),
what they hope the clinician will do, what helps, who helps, care that would not fit, and how
they would know things got better (MYMOP-style), with a baseline rating. Two topics are asked
only when they are needed: the one thing (several problems named) and one probe for a
specific measure (the aim or the measure was vague).
"""

from __future__ import annotations

AIM = "aim"
WHAT_MATTERS = "what_matters"
ILLNESS_BURDEN = "illness_burden"
TREATMENT_BURDEN = "treatment_burden"
ONE_THING = "one_thing"
CONCERNS = "concerns"
EXPECTATIONS = "expectations"
ASSETS = "assets"
SUPPORTS = "supports"
CARE_PREFERENCES = "care_preferences"
IMPROVEMENT_MEASURE = "improvement_measure"
IMPROVEMENT_DETAIL = "improvement_detail"
BASELINE_RATING = "baseline_rating"

TEXT_TOPICS: tuple[str, ...] = (
    AIM,
    WHAT_MATTERS,
    ILLNESS_BURDEN,
    TREATMENT_BURDEN,
    ONE_THING,
    CONCERNS,
    EXPECTATIONS,
    ASSETS,
    SUPPORTS,
    CARE_PREFERENCES,
    IMPROVEMENT_MEASURE,
    IMPROVEMENT_DETAIL,
)
TOPICS: tuple[str, ...] = (*TEXT_TOPICS, BASELINE_RATING)
#: Asked only when needed (see actions/plan.py); every other topic is asked of everyone.
CONDITIONAL: frozenset[str] = frozenset({ONE_THING, IMPROVEMENT_DETAIL})
#: The questions everyone is asked, in order: what "Question 3 of 11" counts.
MAIN: tuple[str, ...] = tuple(topic for topic in TOPICS if topic not in CONDITIONAL)
#: Topics whose answer is one statement (not a list of items).
STATEMENT_TOPICS: tuple[str, ...] = (
    AIM,
    WHAT_MATTERS,
    ONE_THING,
    CONCERNS,
    EXPECTATIONS,
    CARE_PREFERENCES,
    IMPROVEMENT_MEASURE,
    IMPROVEMENT_DETAIL,
)
#: Topics whose answer is split into items for the summary.
LIST_TOPICS: tuple[str, ...] = (ILLNESS_BURDEN, TREATMENT_BURDEN, ASSETS, SUPPORTS)

#: The value a topic slot holds when the patient chose not to answer it.
SKIPPED = "__skipped__"

LABELS: dict[str, str] = {
    AIM: "What you want from this visit",
    WHAT_MATTERS: "What matters most to you",
    ILLNESS_BURDEN: "How your health gets in the way",
    TREATMENT_BURDEN: "What is hard about your treatment",
    ONE_THING: "The one thing to sort first",
    CONCERNS: "What worries you, and what you think is causing it",
    EXPECTATIONS: "What you hope the clinician will do",
    ASSETS: "What you do that helps",
    SUPPORTS: "People who help you, and people you look after",
    CARE_PREFERENCES: "Care you'd rather avoid, or that won't fit your life",
    IMPROVEMENT_MEASURE: "How you would know things are better",
    IMPROVEMENT_DETAIL: "One thing you would notice if it got better",
    BASELINE_RATING: "Today's rating (0-10)",
}
#: The same, in a word or two: the compact read-back's one line per topic on a phone.
SHORT_LABELS: dict[str, str] = {
    AIM: "You want",
    WHAT_MATTERS: "Matters most",
    ILLNESS_BURDEN: "Health",
    TREATMENT_BURDEN: "Treatment",
    ONE_THING: "First",
    CONCERNS: "Worries",
    EXPECTATIONS: "Hoping for",
    ASSETS: "What helps",
    SUPPORTS: "People",
    CARE_PREFERENCES: "Rather avoid",
    IMPROVEMENT_MEASURE: "Better if",
    IMPROVEMENT_DETAIL: "You'd notice",
    BASELINE_RATING: "Rating",
}
