"""Extract who supports the patient and whom the patient cares for.

Decisions:

* One ``Support`` per item from ``split_items``. A list inside one clause ("my son and
  daughter take turns") is one support whose relationship is the first person named (son);
  the text keeps everyone.
* Items that name nobody ("I'm lucky really") are attached to the neighbouring item that does,
  so their words stay with the person they are about. When nobody is named at all ("nobody
  really, I manage on my own") the whole answer is one ``Support`` with ``relationship=None``
  and kind "support": the gap in support is itself worth showing the clinician.
* ``kind`` is "caring_for" when the patient is the one caring ("I look after my husband",
  "I'm a carer for my mum", "mum lives with me and I do everything for her"). The carer is the
  nearest subject before the caring phrase; with no subject ("look after my mum") it is the
  patient. "looks after me", "cared for by" are support.
* For caring_for the relationship is the first person named after the caring phrase (else
  the first in the item), never "carer" itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from coproduce.nlp import patterns
from coproduce.nlp.pipeline import get_nlp
from coproduce.nlp.segment import item_spans

SUPPORT_KINDS = ("support", "caring_for")
RELATIONSHIPS = tuple(patterns.RELATIONSHIP_TERMS)

_SELF = frozenset({"i", "we"})
_OTHERS = frozenset({"he", "she", "they", "you"})
_CARED_BY_ME = frozenset({"me", "us", "myself", "by"})


@dataclass
class Support:
    """A person or group in the patient's life, in the patient's words."""

    text: str
    relationship: str | None
    kind: str  # "support" | "caring_for"


def _lower_in(*words: str) -> dict[str, dict[str, list[str]]]:
    """Return a token pattern matching any of the words, ignoring case."""
    return {"LOWER": {"IN": list(words)}}


@lru_cache(maxsize=1)
def _care_matcher() -> Matcher:
    """Build the matcher for phrases that say someone cares for someone."""
    matcher = Matcher(get_nlp().vocab)
    matcher.add(
        "CARE",
        [
            [_lower_in("look", "looks", "looking", "looked"), {"LOWER": "after"}],
            [_lower_in("care", "cares", "caring", "cared"), {"LOWER": "for"}],
            [_lower_in("take", "takes", "taking"), {"LOWER": "care"}, {"LOWER": "of"}],
            [
                _lower_in("do", "does", "doing"),
                {"LOWER": "it", "OP": "?"},
                _lower_in("everything", "all", "most", "loads", "lots"),
                {"LOWER": "for"},
            ],
            [_lower_in("help", "helping"), _lower_in("my", "our", "look", "care", "him", "her")],
            [_lower_in("support", "supporting"), _lower_in("my", "our", "him", "her")],
            [_lower_in("cook", "cooking", "shop", "shopping"), {"LOWER": "for"}],
            [_lower_in("babysit", "babysitting")],
            [_lower_in("mind", "minding"), _lower_in("my", "our", "the", "his", "her", "their")],
            [
                _lower_in("'m", "\u2019m", "m", "am", "was", "been", "be", "being"),
                {
                    "LOWER": {
                        "IN": [
                            "a",
                            "the",
                            "her",
                            "his",
                            "their",
                            "main",
                            "sole",
                            "only",
                            "full",
                            "-",
                            "time",
                            "full-time",
                            "unpaid",
                            "primary",
                            "family",
                        ]
                    },
                    "OP": "*",
                },
                _lower_in("carer", "caregiver", "caretaker"),
            ],
        ],
    )
    return matcher


def _patient_cares(span: Span, start: int, end: int) -> bool:
    """Return whether the patient is the subject of the caring phrase at [start, end)."""
    doc = span.doc
    if end < span.end and doc[end].lower_ in _CARED_BY_ME:
        return False
    for token in reversed(doc[span.start : start]):
        if token.lower_ in _SELF:
            return True
        if token.lower_ in _OTHERS or token.ent_type_ == patterns.RELATIONSHIP:
            return False
    return True


def _relationship(span: Span, after: int | None) -> str | None:
    """Return the first relationship named in the span, preferring one after ``after``."""
    people = [ent for ent in span.ents if ent.label_ == patterns.RELATIONSHIP]
    if after is None:
        return people[0].ent_id_ if people else None
    cared = [ent for ent in people if ent.ent_id_ != "carer"]
    later = [ent for ent in cared if ent.start >= after]
    chosen = later or cared
    return chosen[0].ent_id_ if chosen else None


def _support_for(span: Span) -> Support:
    caring_end = None
    for _, start, end in _care_matcher()(span):
        if _patient_cares(span, span.start + start, span.start + end):
            caring_end = span.start + end
            break
    kind = "support" if caring_end is None else "caring_for"
    return Support(span.text, _relationship(span, caring_end), kind)


def _names_someone(span: Span) -> bool:
    if any(ent.label_ == patterns.RELATIONSHIP for ent in span.ents):
        return True
    return bool(_care_matcher()(span))


def _groups(doc: Doc) -> list[Span]:
    """Attach items that name nobody to the nearest item that does."""
    groups: list[Span] = []
    pending: Span | None = None  # leading unnamed items wait for the next named one
    for span in item_spans(doc):
        if _names_someone(span):
            groups.append(doc[pending.start : span.end] if pending is not None else span)
            pending = None
        elif groups:
            groups[-1] = doc[groups[-1].start : span.end]
        else:
            pending = span if pending is None else doc[pending.start : span.end]
    if pending is not None:
        groups.append(pending)
    return groups


def extract_supports(text: str) -> list[Support]:
    """Return the supports and caring roles named in an answer."""
    if not text or not text.strip():
        return []
    return [_support_for(span) for span in _groups(get_nlp()(text))]
