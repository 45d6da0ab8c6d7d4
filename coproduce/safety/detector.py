"""Spot messages that signal current danger, so the bot can react in the same turn."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from coproduce.safety import scope
from coproduce.safety.normalize import Word, words
from coproduce.safety.patterns import CATEGORIES, compiled

SEVERITY: dict[str, int] = {category: rank for rank, category in enumerate(CATEGORIES)}


@dataclass(frozen=True)
class RedFlag:
    """A current-danger hit: its category and the span of the patient's text that shows it."""

    category: str
    evidence: str
    start: int = field(default=-1, compare=False)
    end: int = field(default=-1, compare=False)


@dataclass(frozen=True)
class _Candidate:
    category: str
    start: int
    end: int
    live: bool


@dataclass(frozen=True)
class _Sentence:
    words: list[Word]
    text: str
    offsets: list[int]


def _sentences(all_words: list[Word]) -> list[_Sentence]:
    groups: dict[int, list[Word]] = {}
    for word in all_words:
        groups.setdefault(word.sent, []).append(word)
    result = []
    for group in groups.values():
        offsets, position = [], 0
        for word in group:
            offsets.append(position)
            position += len(word.text) + 1
        result.append(_Sentence(group, " ".join(w.text for w in group), offsets))
    return result


def _word_span(sentence: _Sentence, char_start: int, char_end: int) -> tuple[int, int]:
    first = max(i for i, off in enumerate(sentence.offsets) if off <= char_start)
    last = max(i for i, off in enumerate(sentence.offsets) if off < char_end)
    return first, last + 1


def _stated_intent(category: str, texts: list[str], span: scope.Span) -> bool:
    """Tell whether the patient says they will harm themselves, even on a condition."""
    opening = " ".join(texts[span.start : span.start + 3])
    return category == "self_harm" and opening.startswith(("i will", "i am going", "i am gonna"))


def _is_current(
    sentences: list[_Sentence], number: int, category: str, bounds: tuple[int, int, int, int]
) -> bool:
    """Run every veto on one candidate; bounds are (first word, end word, char start, end)."""
    sentence = sentences[number]
    texts = [w.text for w in sentence.words]
    span = scope.Span(category, bounds[0], bounds[1])
    following = [w.text for s in sentences[number + 1 : number + 2] for w in s.words]
    if scope.negated_before(texts, span) or scope.negated_after(texts[span.end :] + following):
        return False
    threat = category == "harm_from_others" and scope.THREAT.search(sentence.text)
    if not threat and scope.figurative(sentence.text, bounds[2], bounds[3]):
        return False
    if scope.category_veto(category, sentence.text) or scope.clinical(texts, span):
        return False
    # "He says if I tell anyone he'll take the kids": a stated threat is meant now.
    hypothetical = scope.hypothetical(texts, span) and not threat
    if hypothetical and not _stated_intent(category, texts, span):
        return False
    if category not in scope.HABIT_EXEMPT and scope.habitual(texts, span):
        return False
    if scope.remote_past(texts, span) and not scope.revived_later(texts, span, following):
        return False
    exempt = category in scope.OTHER_PERSON_EXEMPT
    if exempt or not scope.other_person(texts, span) or scope.immediate(sentence.text):
        return True
    return scope.other_now(texts, span)


def _candidates(text: str) -> tuple[list[_Sentence], list[tuple[int, _Candidate]]]:
    sentences = _sentences(words(text))
    found: list[tuple[int, _Candidate]] = []
    for number, sentence in enumerate(sentences):
        for category, pattern in compiled().items():
            for match in pattern.finditer(sentence.text):
                first, end = _word_span(sentence, match.start(), match.end())
                bounds = (first, end, match.start(), match.end())
                live = _is_current(sentences, number, category, bounds)
                start, stop = sentence.words[first].start, sentence.words[end - 1].end
                found.append((number, _Candidate(category, start, stop, live)))
    return sentences, found


@lru_cache(maxsize=512)
def _flags(text: str) -> tuple[RedFlag, ...]:
    _, found = _candidates(text)
    best: dict[str, RedFlag] = {}
    for _, candidate in found:
        if candidate.live and candidate.category not in best:
            evidence = text[candidate.start : candidate.end]
            flag = RedFlag(candidate.category, evidence, candidate.start, candidate.end)
            best[candidate.category] = flag
    return tuple(sorted(best.values(), key=lambda flag: SEVERITY[flag.category]))


def detect_red_flags(text: str) -> list[RedFlag]:
    """Return the current-danger categories in a message, most severe first."""
    if not text or not text.strip():
        return []
    return list(_flags(text))
