"""Split a multi-part answer into items, keeping the patient's own words.

The answer is cut into clauses (`clauses`), and each clause either continues the item before
it or starts a new one (`merging`). Lists of things, where splitting is looser, are split by
`lists`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from coproduce.nlp.clauses import cut_clauses
from coproduce.nlp.letters import letter_body
from coproduce.nlp.merging import should_merge
from coproduce.nlp.pipeline import get_nlp


def item_spans(doc: Doc) -> list[Span]:
    """Return one span per item of an answer, in order."""
    items: list[Span] = []
    previous: Span | None = None
    for clause, kind in cut_clauses(doc):
        if items and previous is not None and should_merge(items[-1], previous, clause, kind):
            items[-1] = doc[items[-1].start : clause.end]
        else:
            items.append(clause)
        previous = clause
    return items


def split_items(text: str) -> list[str]:
    """Split a multi-part answer into items in the patient's own words."""
    if not text or not text.strip():
        return []
    return [span.text for span in item_spans(get_nlp()(letter_body(text)))]
