"""Cut an answer into clauses, each with the kind of boundary before it.

Candidate boundaries are *hard* (end of sentence, ``;``, a line break, the numbers of a list
numbered in the line) or *soft* (a comma, ``...``, a spaced dash, and the joiners "and",
"but", "plus", "&", and Scots or Irish "an"). In an answer that opens with a list mark
("- ", "* ", "\u2022 "), a spaced dash is a hard boundary too. An answer with no punctuation
is also cut where a new clause runs on (`run_ons`). Leading joiners ("and", "but", "also",
"plus"), list numbers and surrounding punctuation are trimmed from each clause.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from coproduce.nlp.clause_words import JOINERS, word_set
from coproduce.nlp.run_ons import after_how_often, is_unpunctuated, runs_on

#: "an" is "and" before these ("an a walk", "an ma maw"), an article before anything else.
_AN_AS_AND_BEFORE = word_set("a the my ma me i ah his her their our wor")
_LEADING_FILLER = word_set(
    "and but also plus & oh n further furthermore moreover additionally lastly finally firstly "
    "secondly thirdly"
)
_SOFT_PUNCT = word_set(", ... \u2026 .. - \u2013 \u2014 /")


def _boundary(doc: Doc, i: int) -> str | None:
    """Return "hard", "soft" or None for a token that separates clauses."""
    token = doc[i]
    if token.text == ";" or (token.is_space and "\n" in token.text):
        return "hard"
    if token.lower_ in JOINERS:
        if _there_and_back(doc, i) or _both_ways(doc, i):
            return None
        return "soft"
    if token.lower_ == "an" and i + 1 < len(doc) and doc[i + 1].lower_ in _AN_AS_AND_BEFORE:
        return "soft"  # Scots and Irish "an" for "and": "hot water bottle an a walk"
    if token.text in _SOFT_PUNCT:
        spaced = token.text in {",", "...", "\u2026", ".."} or (
            i > 0 and bool(doc[i - 1].whitespace_) and bool(token.whitespace_)
        )
        if spaced and token.text in _BULLETS and _is_bulleted(doc):
            return "hard"  # "- itch at night - hands crack - embarrassed": a list's own marks
        return "soft" if spaced else None
    return None


_BULLETS = word_set("- \u2013 \u2014 * \u2022")


def _is_bulleted(doc: Doc) -> bool:
    """True when the answer opens with a list mark ("- creams are greasy - ...")."""
    first = next((t for t in doc if not t.is_space), None)
    return first is not None and first.text in _BULLETS


def _there_and_back(doc: Doc, i: int) -> bool:
    """True for the "and" of a round trip: "the taxi to the unit and back does cost plenty"."""
    after = doc[i + 2] if i + 2 < len(doc) else None
    return (
        i + 1 < len(doc)
        and doc[i + 1].lower_ == "back"
        and (after is None or not after.is_alpha or after.lower_ in _AFTER_BACK)
    )


_AFTER_BACK = word_set("again does do is was costs cost takes took every each twice")

#: Two ways said as one: "getting in and out of the car", "up and down the stairs".
_BOTH_WAYS = frozenset(
    {("in", "out"), ("up", "down"), ("out", "about"), ("on", "off"), ("back", "forth")}
)


def _both_ways(doc: Doc, i: int) -> bool:
    """True for the "and" of "in and out", "up and down": one movement, not two things."""
    return 0 < i < len(doc) - 1 and (doc[i - 1].lower_, doc[i + 1].lower_) in _BOTH_WAYS


_NUMBER_ENDS = word_set(") . :")
_SHORTEST_NUMBERED_LIST = 2


def _numbered_marks(doc: Doc) -> frozenset[int]:
    """Return where a list numbered in line starts each item: "1) naproxen ... 2) physio ...".

    A number counts only as one of a run that starts at 1 and goes up by one, each with its
    bracket or stop, so "3 weeks" and "9.90" are left alone.
    """
    marks: list[int] = []
    for token in doc:
        following = token.nbor(1) if token.i + 1 < len(doc) else None
        if (
            token.is_digit
            and following is not None
            and following.text in _NUMBER_ENDS
            and int(token.text) == len(marks) + 1
        ):
            marks.append(token.i)
    return frozenset(marks) if len(marks) >= _SHORTEST_NUMBERED_LIST else frozenset()


def _trim(doc: Doc, start: int, end: int, marks: frozenset[int] = frozenset()) -> tuple[int, int]:
    """Drop leading joiners, list numbers and punctuation and trailing punctuation."""
    while start < end and (
        doc[start].is_punct
        or doc[start].is_space
        or doc[start].lower_ in _LEADING_FILLER
        or start in marks
    ):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def cut_clauses(doc: Doc) -> list[tuple[Span, str]]:
    """Cut a doc into trimmed clauses, each with the strongest boundary kind before it."""
    clauses: list[tuple[Span, str]] = []
    start, pending = 0, "hard"

    marks = _numbered_marks(doc)

    def flush(end: int, next_kind: str) -> None:
        nonlocal pending
        first, last = _trim(doc, start, end, marks)
        if first < last:
            clauses.append((doc[first:last], pending))
            pending = next_kind
        elif next_kind == "hard":
            pending = "hard"

    unpunctuated = is_unpunctuated(doc)
    for i, token in enumerate(doc):
        if (token.is_sent_start or i in marks) and i > start:
            flush(i, "hard")
            start = i
        elif i > start and (
            (unpunctuated and runs_on(doc, start, i)) or after_how_often(doc, start, i)
        ):
            flush(i, "soft")
            start = i
        boundary = _boundary(doc, i)
        if boundary is not None:
            flush(i, boundary)
            start = i + 1
    flush(len(doc), "hard")
    return clauses
