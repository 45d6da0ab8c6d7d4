"""Split a multi-part answer into items, keeping the patient's own words.

Rules, in order:

* Candidate boundaries are *hard* (end of sentence, ``;``, a line break) or *soft* (a comma,
  ``...``, a spaced dash, and the joiners "and", "but", "plus", "&").
* Each clause's topic categories come from the entity ruler (the six treatment-burden labels
  and, as one category, any named person).
* A clause that starts like a continuation ("he has dementia", "so I can walk again",
  "which is a pain") and brings no new category is merged into the item before it, at any
  boundary.
* Otherwise a hard boundary always splits.
* At a soft boundary two full clauses (each with a subject or a finite verb) are split unless
  the new clause has no topic while the item so far has one: "too many tablets, I never know
  which to take when" stays whole because the second clause only elaborates the first.
* At a soft boundary where either side is a fragment ("my son and daughter help me",
  "salt and pepper", "aches and pains") the parts stay together, unless both name topics and the
  new one adds a different category ("tablets, physio and blood tests" are three items).

Leading joiners ("and", "but", "also", "plus") and surrounding punctuation are trimmed.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from coproduce.nlp import patterns
from coproduce.nlp.pipeline import get_nlp

PERSON = "PERSON"  # every named relationship counts as one topic when splitting

_JOINERS = frozenset({"and", "but", "plus", "&"})
_LEADING_FILLER = frozenset({"and", "but", "also", "plus", "&", "oh"})
_SOFT_PUNCT = frozenset({",", "...", "…", "..", "-", "–", "—", "/"})
_CONTINUATIONS = frozenset(
    {"he", "she", "they", "it", "that", "this", "which", "who", "them", "him", "her", "so",
     "because", "cos", "coz", "cause", "as", "though", "although", "especially", "even", "when",
     "if", "except", "apart", "otherwise", "then", "too", "either"}
)
_SUBJECTS = frozenset({"i", "he", "she", "they", "we", "you", "it", "there", "u"})
_FINITE_VERBS = frozenset(
    {"am", "is", "are", "was", "were", "be", "been", "'m", "’m", "m", "'re", "’re", "'ve", "’ve",
     "'ll", "’ll", "'d", "’d", "do", "does", "did", "n't", "n’t", "nt", "have", "has", "had",
     "can", "ca", "could", "will", "wo", "would", "should", "must", "might", "may", "get",
     "gets", "got", "make", "makes", "made", "help", "helps", "helped", "take", "takes", "took",
     "drive", "drives", "drove", "bring", "brings", "cook", "cooks", "clean", "cleans", "shop",
     "shops", "visit", "visits", "ring", "rings", "call", "calls", "phone", "phones", "pop",
     "pops", "come", "comes", "came", "go", "goes", "went", "live", "lives", "lived", "work",
     "works", "look", "looks", "sort", "sorts", "pick", "picks", "keep", "keeps", "give",
     "gives", "gave", "need", "needs", "want", "wants", "feel", "feels", "felt", "know",
     "knows", "forget", "forgets", "manage", "manages", "struggle", "struggles", "hate",
     "hates", "worry", "worries", "mean", "means", "stop", "stops", "say", "says", "said",
     "tell", "tells", "told", "sleep", "sleeps", "walk", "walks", "care", "cares", "mind",
     "minds", "sees", "see", "saw", "hurts", "hurt", "aches", "runs", "does", "won't"}
)


def topic_categories(span: Span) -> set[str]:
    """Return the topic categories named in a span (burden labels and PERSON)."""
    found: set[str] = set()
    for ent in span.ents:
        if ent.label_ == patterns.RELATIONSHIP:
            found.add(PERSON)
        elif ent.label_ in patterns.BURDEN_LABELS:
            found.add(ent.label_)
    return found


def _in_entity(token: Token) -> bool:
    return token.ent_iob_ in ("B", "I")


def _is_clause(span: Span) -> bool:
    """Return whether a span reads as a full clause (it has a subject or a finite verb)."""
    for token in span:
        lower = token.lower_
        if lower in _SUBJECTS or (lower in _FINITE_VERBS and not _in_entity(token)):
            return True
        # "my neighbour drives me": a plain word ending in -s right after a named person.
        previous = token.nbor(-1) if token.i > span.start else None
        if (
            previous is not None
            and previous.ent_type_ == patterns.RELATIONSHIP
            and not _in_entity(token)
            and token.is_alpha
            and lower.endswith("s")
            and not lower.endswith("ss")
        ):
            return True
    return False


def _is_continuation(span: Span) -> bool:
    return span[0].lower_ in _CONTINUATIONS


def _boundary(doc: Doc, i: int) -> str | None:
    """Return "hard", "soft" or None for a token that separates clauses."""
    token = doc[i]
    if token.text == ";" or (token.is_space and "\n" in token.text):
        return "hard"
    if token.lower_ in _JOINERS:
        return "soft"
    if token.text in _SOFT_PUNCT:
        spaced = token.text in {",", "...", "…", ".."} or (
            i > 0 and bool(doc[i - 1].whitespace_) and bool(token.whitespace_)
        )
        return "soft" if spaced else None
    return None


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop leading joiners and punctuation and trailing punctuation from a token range."""
    while start < end and (
        doc[start].is_punct or doc[start].is_space or doc[start].lower_ in _LEADING_FILLER
    ):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def _clauses(doc: Doc) -> list[tuple[Span, str]]:
    """Cut a doc into trimmed clauses, each with the strongest boundary kind before it."""
    clauses: list[tuple[Span, str]] = []
    start, pending = 0, "hard"

    def flush(end: int, next_kind: str) -> None:
        nonlocal pending
        first, last = _trim(doc, start, end)
        if first < last:
            clauses.append((doc[first:last], pending))
            pending = next_kind
        elif next_kind == "hard":
            pending = "hard"

    for i, token in enumerate(doc):
        if token.is_sent_start and i > start:
            flush(i, "hard")
            start = i
        boundary = _boundary(doc, i)
        if boundary is not None:
            flush(i, boundary)
            start = i + 1
    flush(len(doc), "hard")
    return clauses


def _should_merge(item: Span, clause: Span, kind: str) -> bool:
    """Decide whether a clause continues the item before it (see the module docstring)."""
    item_topics, clause_topics = topic_categories(item), topic_categories(clause)
    new_topics = clause_topics - item_topics
    if _is_continuation(clause) and not new_topics:
        return True
    if kind == "hard":
        return False
    if _is_clause(item) and _is_clause(clause):
        return bool(item_topics) and not clause_topics
    return not (new_topics and item_topics)


def item_spans(doc: Doc) -> list[Span]:
    """Return one span per item of an answer, in order."""
    items: list[Span] = []
    for clause, kind in _clauses(doc):
        if items and _should_merge(items[-1], clause, kind):
            items[-1] = doc[items[-1].start : clause.end]
        else:
            items.append(clause)
    return items


def split_items(text: str) -> list[str]:
    """Split a multi-part answer into items in the patient's own words."""
    if not text or not text.strip():
        return []
    return [span.text for span in item_spans(get_nlp()(text))]
