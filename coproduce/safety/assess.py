"""Decide, once per message, how urgent it is: emergency, a check question, urgent, or none.

Two opinions are combined, the way a triage nurse weighs a protocol and experience:

- the hand-written rules (`detector.py`): precise about the phrasings they know, with scope
  rules for negation, history, hypotheticals, figures of speech and other people;
- the learned classifier (`classifier.py`): trained on many voices, it recognises danger in
  wording nobody wrote a rule for, and says how sure it is.

Each sentence is judged as well as the whole message, so one alarming sentence inside a long
answer is not diluted. The result is carried with the message (the chat channel puts it in
the message metadata, the NLU component in the parse, the actions read it from there): the
same message is never judged twice with different answers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from coproduce.safety import classifier
from coproduce.safety.detector import SEVERITY, detect_red_flags
from coproduce.safety.normalize import words
from coproduce.safety.patterns import CATEGORIES

EMERGENCY = "emergency"
CHECK = "check"
URGENT = "urgent"
NONE = "none"
LEVELS = (EMERGENCY, CHECK, URGENT, NONE)


@dataclass(frozen=True)
class Thresholds:
    """Where the classifier's probabilities turn into each level.

    Tuned on the fresh sets 1 and 2 and the same-day set (none trained on), for danger
    reaching guidance, false alarms and checks on look-alikes, same-day messages given
    same-day advice rather than 999 (bench/red_flags.py prints all four), and alarms on the
    ordinary answers of simulated patients (bench/personas.py).
    """

    #: The classifier alone is sure enough for emergency guidance at once.
    emergency: float = 0.7
    #: A rule hit is confirmed unless the classifier is this sure it is not an emergency.
    rule_floor: float = 0.2
    #: Between this and `emergency`, a check question is asked first.
    check: float = 0.35
    #: Same-day advice.
    urgent: float = 0.55
    #: Where the whole message reads as same-day by this margin over an emergency, no one
    #: sentence of it is taken for an emergency.
    same_day_margin: float = 0.3
    #: One sentence on its own must be surer than the whole message by this much: short
    #: sentences of ordinary answers ("Bridge on Thursdays") are where the classifier is
    #: most often wrong.
    sentence_margin: float = 0.3
    #: A message of a word or three ("can't say really", "breathing") gives the classifier
    #: little to go on: without a rule naming a danger it must be this much surer.
    short_margin: float = 0.2


THRESHOLDS = Thresholds()
_MIN_WORDS_FOR_SENTENCE = 3
_MIN_WORDS_TO_JUDGE_ALONE = 4
# Another person as the one in danger, and the patient not: "my dad", "she", "the baby".
_OTHER = re.compile(
    r"\b(?:my|our|his|her|the) (?:dad|father|mum|mother|husband|wife|partner|son|daughter|"
    r"child|kid|baby|boy|girl|brother|sister|friend|mate|neighbour|grandad|grandma|nan|gran|"
    r"grandson|granddaughter|toddler|flatmate|boyfriend|girlfriend|uncle|aunt|auntie|cousin|"
    r"niece|nephew|carer|fiance|fiancee|other half)\b|\b(?:he|she|they)(?: is| are| has| have|"
    r" was| can| can not| will|'s| keeps| took| swallowed| drank)\b"
)
# Words that say a named danger is acute, here and now: such a message is never left with
# same-day advice alone, however much it otherwise reads like a same-day one; the check
# question decides, and a "no" to it still gets the same-day advice.
# A stroke sign said as lasting ("still weak") and not as new: it may be what a past stroke
# left behind.
_PERSISTING = re.compile(
    r"\b(?:still|ever since|since (?:then|his|her|my|the)|left (?:him|her|me) "
    r"with|hasn'?t come back|never came back|never recovered)\b"
)
# Chest or breathing said as long-standing, recurring with a trigger, or feared for the
# future ("burning in chest after eating, 6 month", "panicky before exams, chest goes tight",
# "I worry about struggling for breath at the end"): maybe danger, maybe not now. Asked.
_NOT_NOW = re.compile(
    r"\b(?:for (?:months|years|weeks|ages|a long time)|long time|(?:for|over|past|last) "
    r"(?:\d+|a few|several|two|three|six) (?:months?|years?)|(?:months|years) now|on and off|"
    r"before (?:exams?|work|bed|school)|when i(?:'m| am| get)? (?:anxious|stressed|nervous|"
    r"worried|panicky)|after (?:i )?(?:eat|eating|meals?|food|dinner)|at the end|"
    r"when the time comes|worr(?:y|ied|ying) (?:about|that)|(?:scared|afraid|frightened) "
    r"(?:of|that))\b"
)
_NOT_NOW_CATEGORIES = frozenset({"chest_pain", "breathing"})
_NEW_ONSET = re.compile(
    r"\b(?:suddenly|sudden|all of a sudden|just now|right now|this morning|today|tonight|"
    r"minutes? ago|hours? ago|an hour|woke up|started|came on|come on|gone|went|new|again)\b"
)
_ACUTE = re.compile(
    r"\b(?:right now|just now|won['\u2019]?t stop|not stopping|getting (?:worse|tight|tighter)|"
    r"suddenly|as we speak|"
    r"now (?:my|i|i['\u2019]?m|it['\u2019]?s|he['\u2019]?s|she['\u2019]?s|his|her)|"
    # Going on as they write: a duration up to now, not easing, sweating with it, at rest.
    r"(?:\d+|ten|fifteen|twenty|thirty|forty|forty five|half an?) ?(?:mins?|minutes|hours?) "
    r"(?:now|so far|and counting)|"
    r"(?:not|isn['\u2019]?t|won['\u2019]?t|will not|hasn['\u2019]?t) (?:easing|eased|ease|"
    r"settling|settled|settle|going away|gone away|go away|getting better)|"
    r"clammy|cold sweat|sweating|sweaty|gone grey|gone gray|"
    r"since i (?:sat down|started (?:this|typing|filling))|for hours|hours later|"
    r"(?:very|really|so) (?:sleepy|drowsy) now|"
    r"(?:today|tonight)(?:['\u2019]s| is) the (?:day|night))\b",
    re.IGNORECASE,
)
_SELF = re.compile(
    r"\b(?:i|i am|i have|i feel|i can|i can not|i took|i will|i want|i just|me|my ?self|"
    r"my (?:chest|arm|face|head|heart|breath|breathing|leg|vision|speech|jaw|stomach|wrists?))\b"
)


@dataclass(frozen=True)
class Assessment:
    """How urgent one message is, and about what."""

    level: str
    categories: tuple[str, ...] = ()
    about: str = "patient"
    score: float = 0.0
    #: Character spans (start, end) of the sentences that carried the danger.
    spans: tuple[tuple[int, int], ...] = field(default=(), compare=False)
    #: True when a hand-written rule named the danger (not the classifier alone): only then
    #: is a check question about one kind of danger ("are you having thoughts of ending your
    #: life?") asked; the classifier alone gets the general one.
    by_rule: bool = field(default=False, compare=False)
    #: For a check question: the level to act on when the answer is "no" (URGENT when the
    #: message also reads as same-day, so the patient still gets the same-day advice).
    fallback: str = field(default=NONE, compare=False)

    @property
    def flagged(self) -> bool:
        """True for a level that is recorded for the clinic (emergency or urgent)."""
        return self.level in (EMERGENCY, URGENT)

    def to_metadata(self) -> dict[str, Any]:
        """Return the assessment as JSON for a message's metadata (no patient text in it)."""
        return {
            "level": self.level,
            "categories": list(self.categories),
            "about": self.about,
            "score": round(self.score, 3),
            "spans": [list(span) for span in self.spans],
            "by_rule": self.by_rule,
            "fallback": self.fallback,
        }

    @classmethod
    def from_metadata(cls, value: Any) -> Assessment | None:
        """Read an assessment back from metadata; None when it is missing or malformed."""
        if not isinstance(value, dict) or value.get("level") not in LEVELS:
            return None
        categories = tuple(
            str(c) for c in value.get("categories") or () if c in CATEGORIES or c == "other"
        )
        spans = tuple(
            (int(s[0]), int(s[1]))
            for s in value.get("spans") or ()
            if isinstance(s, list | tuple) and len(s) == 2
        )
        about = "someone_else" if value.get("about") == "someone_else" else "patient"
        score = float(value.get("score") or 0.0)
        by_rule = value.get("by_rule") is True
        fallback = URGENT if value.get("fallback") == URGENT else NONE
        return cls(str(value["level"]), categories, about, score, spans, by_rule, fallback)


NOTHING = Assessment(NONE)


@dataclass(frozen=True)
class _Piece:
    text: str
    start: int
    end: int


def _pieces(text: str) -> list[_Piece]:
    """Return the whole message, then each sentence of it that has a few words."""
    pieces = [_Piece(text, 0, len(text))]
    by_sentence: dict[int, list[Any]] = {}
    for word in words(text):
        by_sentence.setdefault(word.sent, []).append(word)
    if len(by_sentence) < 2:
        return pieces
    for group in by_sentence.values():
        if len(group) >= _MIN_WORDS_FOR_SENTENCE:
            start, end = group[0].start, group[-1].end
            pieces.append(_Piece(text[start:end], start, end))
    return pieces


def _about(text: str) -> str:
    """Say whether the danger is someone else's (with the patient) or the patient's own."""
    lowered = " ".join(word.text for word in words(text))
    if _OTHER.search(lowered) and not _SELF.search(lowered):
        return "someone_else"
    return "patient"


def _category_from(opinion: classifier.Opinion | None) -> tuple[str, ...]:
    top = opinion.top_category() if opinion is not None else None
    return (top,) if top else ()


@lru_cache(maxsize=1024)
def assess(text: str, thresholds: Thresholds = THRESHOLDS) -> Assessment:
    """Judge one message: the most urgent of the whole message and each of its sentences.

    The spans name the sentences that carried the danger (the whole message when no single
    sentence does), so the rest of the message can still be kept as an answer.
    """
    if not text or not text.strip():
        return NOTHING
    flags = detect_red_flags(text)
    overall = classifier.opinion(text)
    # "Thoughts of ending it. No plan, I'm safe tonight": read whole, it is same-day.
    same_day = (
        overall is not None
        and overall.urgent > overall.emergency + thresholds.same_day_margin
        and overall.urgent >= thresholds.urgent
    )
    found = [
        judged
        for piece in _pieces(text)
        if (judged := _judge(piece, text, flags, thresholds, same_day=same_day))
    ]
    if not found:
        return NOTHING
    level = min((a.level for a in found), key=LEVELS.index)
    at_level = [a for a in found if a.level == level]
    whole = (0, len(text))
    sentences = [a for a in at_level if a.spans != (whole,)]
    top = max(at_level, key=lambda a: a.score)
    categories = tuple(
        sorted({c for a in at_level for c in a.categories}, key=lambda c: SEVERITY.get(c, 99))
    )
    spans = tuple(sorted({s for a in sentences for s in a.spans})) or (whole,)
    by_rule = any(a.by_rule for a in at_level)
    fallback = URGENT if any(a.fallback == URGENT for a in at_level) else NONE
    return Assessment(level, categories, top.about, top.score, spans, by_rule, fallback)


def _judge(
    piece: _Piece, text: str, flags: list[Any], thresholds: Thresholds, *, same_day: bool
) -> Assessment | None:
    opinion = classifier.opinion(piece.text)
    emergency = opinion.emergency if opinion is not None else 0.0
    urgent = opinion.urgent if opinion is not None else 0.0
    whole = piece.start == 0 and piece.end == len(text)
    in_piece = [f for f in flags if piece.start <= f.start < piece.end] or (flags if whole else [])
    categories = tuple(f.category for f in in_piece) or _category_from(opinion)
    span = ((piece.start, piece.end),)
    extra = 0.0 if whole else thresholds.sentence_margin
    if len(piece.text.split()) < _MIN_WORDS_TO_JUDGE_ALONE:
        extra += thresholds.short_margin
    prefers_same_day = same_day or (urgent > emergency and urgent >= thresholds.urgent + extra)
    if in_piece:
        level = EMERGENCY if opinion is None or emergency >= thresholds.rule_floor else CHECK
    elif emergency >= thresholds.emergency + extra:
        level = EMERGENCY
    elif emergency >= thresholds.check + extra:
        level = CHECK
    elif urgent >= thresholds.urgent + extra:
        level = URGENT
    else:
        return None
    ruled = bool(in_piece)
    if (
        level == EMERGENCY
        and in_piece
        and all(f.category == "stroke" for f in in_piece)
        and _PERSISTING.search(piece.text)
        and not _NEW_ONSET.search(piece.text)
    ):
        # "his right hand is still weak" after a stroke in May: maybe what was left, maybe new.
        # Asked ("did this come on suddenly?"), not 999 at once.
        level = CHECK
    if (
        level == EMERGENCY
        and in_piece
        and all(f.category in _NOT_NOW_CATEGORIES for f in in_piece)
        and _NOT_NOW.search(text.lower())
        and not _NEW_ONSET.search(text.lower())
        and not _ACUTE.search(text.lower())
    ):
        level = CHECK
    if prefers_same_day and level in (EMERGENCY, CHECK):
        if ruled and _ACUTE.search(piece.text):
            about = _about(piece.text)
            return Assessment(CHECK, categories, about, emergency, span, ruled, fallback=URGENT)
        level = URGENT
    if level == URGENT:
        return Assessment(URGENT, categories, "patient", max(urgent, emergency), span, ruled)
    return Assessment(level, categories, _about(piece.text), emergency, span, ruled)
