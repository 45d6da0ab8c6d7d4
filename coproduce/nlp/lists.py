"""Split a list of things (what gets in the way, what helps) into items.

Looser than `segment.item_spans`: see `list_spans`. Also tells a list's own numbering
("1.", "b)") and the words that close an answer ("Anyway.") from items.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from coproduce.nlp.clause_words import (
    CONTINUATIONS,
    IS,
    JOINERS,
    SUBJECT_PRONOUNS,
    is_clause,
    word_set,
)
from coproduce.nlp.clauses import cut_clauses
from coproduce.nlp.letters import letter_body
from coproduce.nlp.pipeline import get_nlp

# In a list "he", "she" and "it" start the next item ("he's given up the club, and it takes
# him an hour to get dressed"); these words carry on the one before.
_LIST_CONTINUATIONS = CONTINUATIONS - word_set("he she they it them him her this otherwise")
#: A piece of a list this short after "and" or a comma belongs to the one before it
#: ("washed and dressed", "aches and pains").
_SHORTEST_LIST_ITEM = 3


_NOT_AN_ITEM = word_set(
    "mostly really too though tbh honestly lol mainly etc anyway sometimes always again now "
    "mind guess suppose basically"
)
#: A laugh or a "tbh" after a thing does not make it a remark: ", and Netflix lol".
_LAUGHS = word_set("lol tbh haha")
#: A clause this long before "and" is not the first half of a pair ("aches and pains", "fish
#: and chips"): "hot water bottle and netflix" is two things.
_LONGEST_PAIR_HALF = 2


def _listed_after_pause(doc: Doc, clause: Span) -> bool:
    """True for a short piece after a bare comma that names something of its own.

    "breathless, tired" and "leaking, erections" are two items ("aches and pains" is one);
    so is the last of a list after ", and" ("yoga on Sundays, and warm baths").
    """
    before = doc[clause.start - 1] if clause.start > 0 else None
    if before is not None and before.lower_ in JOINERS and clause.start > 1:
        before = doc[clause.start - 2]  # ", and warm baths": a list's last item
    if before is None or before.text != ",":
        return False
    said = [t.lower_ for t in clause if t.is_alpha]
    # ", mostly" and ", slow mind" are not items; ", and Netflix lol" is.
    return bool(said) and not any(word in _NOT_AN_ITEM - _LAUGHS for word in said)


def _second_thing(before: Span, words: list[Token]) -> bool:
    """True for a word or two after "and" that names a second thing, not the pair's half.

    "hot water bottle n netflix" is two things; "aches and pains", "washed and dressed" and
    "I get confused and feverish" are one.
    """
    said = [t.lower_ for t in words if t.is_alpha]
    joined = before.end < len(before.doc) and before.doc[before.end].lower_ in JOINERS
    opening = next((t.lower_ for t in before if t.is_alpha), "")
    if joined and said and said[0] == opening and len(before) > 1 and len(said) > 1:
        return True  # "gets tired quick and gets frustrated": the same start, a second thing
    return (
        joined
        and not is_clause(before)  # "I am very tired and thirsty" finishes one predicate
        and len([t for t in before if not t.is_punct]) > _LONGEST_PAIR_HALF
        and bool(said)
        and not said[0].endswith("ed")
        and said[0] not in _NOT_AN_ITEM
        and said[0] not in _LIST_CONTINUATIONS
        and said[0] not in _WHEN_WORDS  # "pain all day and all night"
    )


#: Words that start a when, not a thing: "pain all day and all night", "at night".
_WHEN_WORDS = word_set("all every most at during through overnight")


def _so_new_thing(clause: Span) -> bool:
    """True for "so" opening a new thing with no subject.

    "... school. so tired i fall asleep", "lost nearly a stone, so dizzy when i stand up".
    """
    return (
        clause[0].lower_ == "so"
        and len(clause) > 1
        and clause[1].lower_ not in SUBJECT_PRONOUNS
        and clause[1].lower_ not in ("i", "we", "you", "that", "then")
        # "..., so cookin is hard": what follows from the one before.
        and not (len(clause) > 2 and clause[2].lower_ in IS)
    )


def _pair(before: Span, words: list[Token]) -> bool:
    """True for a pair said as one thing: "fish and chips", "peace and quiet"."""
    first = next((t.lower_ for t in reversed(before) if t.is_alpha), "")
    return bool(words) and (first, words[0].lower_) in _PAIRS


_PAIRS = frozenset(
    tuple(pair.split(" and "))
    for pair in (
        "fish and chips",
        "peace and quiet",
        "tea and toast",
        "friends and family",
        "family and friends",
        "bits and bobs",
        "odds and ends",
        "rest and relaxation",
        "pen and paper",
        "rock and roll",
        "bed and breakfast",
        "salt and pepper",
        "tea and biscuits",
        "tea and cake",
        "cheese and wine",
        "arts and crafts",
        "knit and natter",
        "washing and dressing",
        "washed and dressed",
        "up and down",
        "in and out",
        "out and about",
        "here and there",
        "now and then",
        "on and off",
    )
)


def _another_thing(before: Span, words: list[Token]) -> bool:
    """In a list of what helps, a word or two after "and" is a thing of its own.

    "gym and gaming", "he likes his garden and watching cricket", "crossword and radio":
    persona writers list each as its own; pairs said as one ("fish and chips") stay.
    """
    said = [t.lower_ for t in words if t.is_alpha]
    joined = before.end < len(before.doc) and before.doc[before.end].lower_ in JOINERS
    return (
        joined
        and bool(said)
        and not said[0].endswith("ed")
        and said[0] not in _NOT_AN_ITEM
        and said[0] not in _LIST_CONTINUATIONS
        and not _pair(before, words)
    )


#: A clause that names the worst of it, which the next one after a comma goes on to tell.
_HEADLINE = re.compile(
    r"\b(?:is|are|'s|'re)\s+(?:the|my)\s+(?:big|biggest|main|worst|real|major)\s+"
    r"(?:one|ones|thing|things|problem|problems|issue|issues|bit|part|killer)\W*$|"
    r"\b(?:is|are|'s)\s+the\s+(?:worst|killer)\W*$",
    re.IGNORECASE,
)


def _headline(item: Span) -> bool:
    """True for "the fatigue is the big one": what follows after a comma tells of it."""
    return bool(_HEADLINE.search(item.text.replace("\u2019", "'")))


def list_spans(doc: Doc, *, things: bool = False) -> list[Span]:
    """Return one span per item of a list of things (burdens, what helps).

    Looser than `item_spans`: each clause after a comma or "and" is its own item ("not
    sleeping, stopped going to the gym, called in sick twice"), except a clause that
    continues the one before ("so I'm up changing the sheets", "which is mortifying") or
    a word or two after "and" that finishes it ("washed and dressed"); a word or two after
    a bare comma is an item of its own ("breathless, tired"). With `things` (what helps),
    a word or two after "and" is a thing of its own unless the two are a pair said as one
    ("gym and gaming" is two, "fish and chips" one).
    """
    items: list[Span] = []
    for clause, kind in cut_clauses(doc):
        words = [t for t in clause if not t.is_punct]
        another = bool(items) and (
            _another_thing(items[-1], words) if things else _second_thing(items[-1], words)
        )
        short = len(words) < _SHORTEST_LIST_ITEM and not (
            _listed_after_pause(doc, clause) or another
        )
        if items and _pair(items[-1], words):
            short = True  # "fish and chips on a friday", "cant get in and out of the car"
        continues = clause[0].lower_ in _LIST_CONTINUATIONS and not _so_new_thing(clause)
        if items and kind == "soft" and _headline(items[-1]):
            continues = True  # "the fatigue is the big one, I sleep most of Saturday"
        if items and (continues or (kind == "soft" and short)):
            items[-1] = doc[items[-1].start : clause.end]
        else:
            items.append(clause)
    return items


def split_list(text: str, *, things: bool = False) -> list[str]:
    """Split a list of things in one answer into items, in the patient's own words.

    `things` for a list of what helps, where a word after "and" is a thing of its own.
    """
    if not text or not text.strip():
        return []
    spans = list_spans(get_nlp()(letter_body(text)), things=things)
    return [span.text for span in spans if not is_list_marker(span.text)]


#: A list's own numbering or bullet letter: "1.", "2)", "a)".
_MARKER = re.compile(r"^\W*(?:\d{1,2}|[a-z])?\W*$", re.IGNORECASE)


def is_list_marker(text: str) -> bool:
    """True for an item that is only a list's numbering or bullet letter ("1.", "b)")."""
    return bool(_MARKER.match(text))


#: Words that close an answer without saying anything: "Anyway.", "That's about it".
_FILLER = word_set(
    "anyway anyways anyhoo so yeah yep ok okay well basically whatever etc lol haha tbh that "
    "that's thats 's is it about all really"
)


def closes_the_answer(span: Span) -> bool:
    """True for an item made only of words that close an answer ("Anyway", "that's it")."""
    said = [t.lower_ for t in span if not t.is_punct]
    return bool(said) and all(word in _FILLER for word in said)
