"""Tell an answer that says nothing yet ("hmm", "?") and a measure too vague to re-rate.

A MYMOP-style measure names a symptom, an activity or something the patient would notice
("walk the dog to the park", "sleep through the night"). "I'd just feel better I guess" or
"ok" cannot be re-rated meaningfully at follow-up, so the bot asks one gentle probe.
"""

from __future__ import annotations

import re

_FILLER = re.compile(
    r"^\W*(?:h+m+|hm+|u+m+|e+r+m*|u+h+|a+h+|e+h+|o+h+|huh|what|eh\?|lol|k|\.+|\?+|!+|x+|"
    r"o+k+|okay|yes|no|yep|nope|right|so|well|and|but|hi|hello|test|testing)\W*$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[a-z']+")
_VAGUE_WORDS = frozenset(
    [
        "i",
        "i'd",
        "id",
        "i'll",
        "ill",
        "i'm",
        "im",
        "would",
        "will",
        "just",
        "feel",
        "feeling",
        "felt",
        "be",
        "being",
        "been",
        "get",
        "getting",
        "got",
        "better",
        "good",
        "ok",
        "okay",
        "fine",
        "well",
        "normal",
        "happy",
        "happier",
        "healthy",
        "healthier",
        "improve",
        "improved",
        "improvement",
        "improving",
        "generally",
        "overall",
        "things",
        "thing",
        "everything",
        "stuff",
        "life",
        "myself",
        "me",
        "my",
        "again",
        "bit",
        "little",
        "lot",
        "more",
        "less",
        "sort",
        "sorted",
        "back",
        "to",
        "the",
        "a",
        "an",
        "it",
        "like",
        "guess",
        "suppose",
        "think",
        "maybe",
        "probably",
        "dunno",
        "know",
        "don't",
        "not",
        "sure",
        "really",
        "much",
        "able",
        "so",
        "and",
        "or",
        "in",
        "of",
        "on",
        "with",
        "also",
        "all",
        "round",
        "around",
        "general",
        "ill",
        "unwell",
        "poorly",
        "sick",
        "quality",
        "whole",
        "basically",
        "hopefully",
        "hope",
        "want",
        "wanted",
        "nicer",
        "nice",
        "great",
        "best",
        "positive",
        "about",
        "that",
        "this",
        "idk",
        "yeah",
        "if",
        "was",
        "were",
        "dont",
        "right",
        "it's",
        "its",
        "quite",
        "very",
        "bit",
        "of",
        "he'd",
        "she'd",
        "they'd",
        "he",
        "she",
        "they",
        "himself",
        "herself",
        "themselves",
        "going",
        "happening",
        # Hedges and manners around a feeling: "I should feel more like myself", "better, sir".
        "should",
        "could",
        "sir",
        "madam",
        "thanks",
        "thank",
        "you",
        "please",
    ]
)


def is_filler(text: str | None) -> bool:
    """True when a message carries no answer at all: "hmm", "?", "erm", "...", gibberish."""
    cleaned = (text or "").strip()
    if not cleaned or _FILLER.match(cleaned):
        return True
    # Letters of any script: an answer in Arabic or Polish is an answer.
    letters = "".join(ch for ch in cleaned.lower() if ch.isalpha())
    if not letters:
        return not re.search(r"\d", cleaned)
    words = cleaned.split()
    # "sdfghj": a keyboard slip.
    return (
        len(words) == 1
        and len(letters) >= 5
        and re.fullmatch(r"[a-z]+", letters) is not None
        and not re.search(r"[aeiouy]", letters)
    )


def _words_of(text: str | None) -> list[str]:
    return _WORD.findall((text or "").lower().replace("\u2019", "'"))


def is_vague(text: str | None) -> bool:
    """True when an aim or measure names no activity, symptom or observable change."""
    words = _words_of(text)
    if not words:
        return True
    content = [w for w in words if w not in _VAGUE_WORDS]
    return not content


# A measure the patient could not re-rate from their own life: how they would feel in general
# ("feel less flat", "more like me") or what the clinic would do ("a diagnosis", "answers").
_GENERAL_OUTCOMES = frozenset(
    re.findall(
        r"\S+",
        """flat low down brighter lighter human rubbish crap awful terrible worse sad calmer calm
    relaxed hopeful yourself normal diagnosis diagnosed answer answers knowing what's whats
    wrong fixed fix cure cured treatment treated help helped someone somebody listen listens
    listened listening taken seriously honestly seen heard plan proper properly some any
    chaotic overwhelmed stressed frazzled mess together sane have has had having days day
    hours hour anxious worried worry worrying done risk cope coping manage managing control
    controlled him her his them their old self selves usual
    tired tiredness exhausted knackered shattered drained wiped energy energetic muddled
    foggy fog fuzzy confused""",
    )
)


#: A measure of this many words or fewer names a thing but not what they would notice.
_THINNEST_MEASURE = 2


def is_vague_measure(text: str | None) -> bool:
    """True when a measure of improvement names nothing the patient would notice doing.

    Stricter than `is_vague`: a general feeling or something the clinic would do is not yet
    a measure ("dunno. feel less flat", "honestly? a diagnosis"), so the bot asks once what
    they would notice.
    """
    if is_vague(text):
        return True
    words = _words_of(text)
    if len(words) <= _THINNEST_MEASURE:
        return True  # "playing", "lose weight": what would they notice, doing it?
    return all(w in _VAGUE_WORDS or w in _GENERAL_OUTCOMES for w in words)


#: At most this many words is a thin answer to what they want or how health gets in the way.
THIN_WORDS = 4


def is_thin(text: str | None, most: int = THIN_WORDS) -> bool:
    """True for an answer of a few words that names a thing but not what about it.

    "its my skin", "work", "need a new inhaler": worth one gentle "could you say a bit
    more?"; the patient's words are kept either way.
    """
    words = _words_of(text)
    return 0 < len(words) <= most and not is_filler(text)


#: Words that keep a subject private without naming it ("a personal matter", "a man's problem").
_DISCREET = frozenset(
    re.findall(
        r"\S+",
        """personal private matter matters embarrassing delicate sensitive problem problems
    issue issues man's mans men's mens woman's womans women's womens lady ladies there down""",
    )
)
#: "it's complicated. lots going on", "a few things really": something, but nothing named.
_NOTHING_NAMED = frozenset(
    re.findall(
        r"\S+",
        """it's its it is a of complicated lots lot going on few couple things thing stuff
    everything various loads bits bobs all sorts usual routine review check checkup check-up
    annual yearly regular appointment""",
    )
)
#: An aim this long or longer says something, however general its words.
_LONGEST_VAGUE_AIM = 12


def is_vague_aim(text: str | None) -> bool:
    """True when what they want from the visit names no part, symptom or thing to do.

    "just feel rubbish really", "i dont really know. i just dont feel right", "it's a bit of
    a personal matter": kept, and worth one gentle "could you say a little more?".
    """
    words = _words_of(text)
    if not words or len(words) > _LONGEST_VAGUE_AIM:
        return False
    return all(
        w in _VAGUE_WORDS or w in _GENERAL_OUTCOMES or w in _DISCREET or w in _NOTHING_NAMED
        for w in words
    )
