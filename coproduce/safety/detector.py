"""Spot messages that signal current danger, so the bot can react in the same turn."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from coproduce.safety import scope
from coproduce.safety.normalize import Word, words
from coproduce.safety.patterns import CATEGORIES, compiled

SEVERITY: dict[str, int] = {category: rank for rank, category in enumerate(CATEGORIES)}

# Danger topics mentioned loosely; used to tell a benign mention from an unrelated message.
_TOPIC = re.compile(
    r"\b(?:chest|heart|stroke|breath|breathe|breathing|breathless|blood|bleed|bleeding|bled|"
    r"suicid\w*|kill\w*|die|died|dying|dead|death|overdos\w*|tablets|pills|hurt\w*|hit|hits|"
    r"harm\w*|safe|unsafe|face|arm|speech|slur\w*|wheez\w*|inhaler|cut|cutting|abus\w*|"
    r"violent|attack|end it|myself|dose|doses|taken|took|insulin|meds|medication|asthma|life|"
    r"strangle\w*|swollen|numb|weak|slurred|drooping|wheezy|clots?)\b"
)
_BENIGN_PHRASES = re.compile(
    r"\b(?:killing me|dying (?:to|for)|kill for|to death|x ray|xray|blood (?:test|tests|"
    r"pressure|sugar|sugars|results|thinners|thinner|donor|count)|bloods|breathing "
    r"(?:exercises|test|tests|clinic)|stroke (?:clinic|nurse|unit|of luck|team)|"
    r"off my chest|chest (?:infection|clinic|of drawers|x|ct|scan)|heart (?:sank|goes out|"
    r"broke|failure)|breath away|breather|breaststroke|breast stroke|broke my heart|"
    r"broken heart\w*|heartbroken|heart ?ache|safety plan|strangle the|murder a|"
    r"(?:bank|account|wallet|purse|budget|pocket) (?:is |are )?bleeding|"
    r"can (?:you|people|someone|a person|anyone) (?:die|overdose|bleed|have a|get a))\b"
)
# Danger words the classifier's red_flag intent must come with. Single words that ordinary
# answers use ("tablets", "safe", "breathing", "heart") are not enough on their own: simulated
# patients saying "I want to stop some of my tablets", "I feel safe at home with him" or "my
# breathing app" were flagged.
_GUESS: dict[str, re.Pattern[str]] = {
    "self_harm": re.compile(
        r"\b(?:die|dying|dead|suicid\w*|kill\w* my ?self|end it|end things|end my life|"
        r"no point|not be here|be here any ?more|hopeless|worthless|give up on (?:life|"
        r"everything|living)|burden to|disappear|not wake up|better off|(?:hurt|harm|cut)\w* "
        r"my ?self)\b"
    ),
    "chest_pain": re.compile(
        r"\b(?:chest|heart|angina)\b.{0,40}\b(?:pain\w*|ache\w*|aching|tight\w*|pressure|"
        r"crush\w*|heavy|hurt\w*|attack|squeez\w*|burning)\b|\b(?:pain\w*|ache\w*|tight\w*|"
        r"pressure|crush\w*|heavy|hurt\w*|squeez\w*)\b.{0,40}\b(?:chest|heart|jaw)\b|"
        r"\bheart\b.{0,20}\b(?:racing|pounding|odd|funny|strange|weird|skipping|fluttering|"
        r"doing something|going crazy|all over the place)\b"
    ),
    "stroke": re.compile(
        r"\b(?:face|droop\w*|slur\w*|speech|stroke|vision|one side|tongue|smile|numb on|"
        r"weak on)\b"
    ),
    "breathing": re.compile(
        r"\b(?:can'?t|cannot|can not|could not|couldn'?t|struggl\w*|hard to|difficult\w*|"
        r"trouble) (?:breath\w*|get (?:my )?breath|get air)\b|\b(?:gasp\w*|chok\w*|"
        r"suffocat\w*|breathless|short of breath|out of breath|asthma attack|lips? (?:are |is |"
        r"going |gone |turning )?(?:blue|grey))\b"
    ),
    "bleeding": re.compile(r"\b(?:blood\w*|bleed\w*|bled|hemorrhag\w*|clots?)\b"),
    "overdose": re.compile(
        r"\b(?:overdos\w*|too many|too much|whole (?:box|packet|bottle|strip)|all (?:of )?my "
        r"(?:tablets|pills|meds)|swallowed|took (?:all|a lot|loads|lots|extra|double)|taken "
        r"(?:all|a lot|loads|lots|extra|double))\b|\b(?:thinking about|keep thinking|staring "
        r"at|counting|looking at)\b.{0,30}\b(?:pills|tablets|meds)\b"
    ),
    "harm_from_others": re.compile(
        r"\b(?:hit\w*|hurt\w*|beat\w*|abus\w*|scared|afraid|frightened|threat\w*|unsafe|"
        r"not safe|violent|attack\w*|kick\w*|punch\w*|push\w* me|grab\w*)\b"
    ),
}


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
    if scope.hypothetical(texts, span) and not _stated_intent(category, texts, span):
        return False
    if category not in scope.HABIT_EXEMPT and scope.habitual(texts, span):
        return False
    if scope.remote_past(texts, span) and not scope.revived_later(texts, span, following):
        return False
    exempt = category in scope.OTHER_PERSON_EXEMPT
    if exempt or not scope.other_person(texts, span) or scope.immediate(sentence.text):
        return True
    return category != "topic" and scope.other_now(texts, span)


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


def _benign_topic(sentences: list[_Sentence], number: int) -> bool:
    sentence = sentences[number]
    if _BENIGN_PHRASES.search(sentence.text):
        return True
    for match in _TOPIC.finditer(sentence.text):
        first, end = _word_span(sentence, match.start(), match.end())
        bounds = (first, end, match.start(), match.end())
        if not _is_current(sentences, number, "topic", bounds):
            return True
    return False


def is_benign_mention(text: str) -> bool:
    """Tell whether a message touches a danger topic only in a non-current way."""
    if not text or not text.strip() or detect_red_flags(text):
        return False
    sentences, found = _candidates(text)
    if any(not candidate.live for _, candidate in found):
        return True
    return any(_benign_topic(sentences, number) for number in range(len(sentences)))


def guess_category(text: str) -> str | None:
    """Guess the most severe category a message hints at, from looser keywords."""
    flags = detect_red_flags(text)
    if flags:
        return flags[0].category
    normalised = " ".join(word.text for word in words(text or ""))
    for category in CATEGORIES:
        if _GUESS[category].search(normalised):
            return category
    return None
