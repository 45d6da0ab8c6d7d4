"""Read a 0-10 rating from a free-text answer.

Decisions: the number the patient offers wins: the first one marked as a rating ("today a 3" in
"10 on a good day but today a 3", "about a 6 now"), else the first number ("maybe 2 or 3" and
"2-3" give 2; a hedged range keeps the number said first: "3 maybe 4", "2. maybe 1" and "4,
maybe 4 and a half" give 3, 2 and 4); a scale ("on a scale of 1 to 10"), a duration, an age or
a year is not a rating; a denominator is ignored ("4/10", "4 out of 10"); halves round half up
("6.5" and "6 and a half" give 7); a number for another kind of day is not today's ("3, maybe 2
on a bad week" gives 3), and a number the patient revises to wins ("a generous 5, realistically
4" gives 4, "like a 3. maybe 2. yeah 2" gives 2); with no number, "half way" or "in the
middle" gives 5 and "nowhere near" 0; number words, Scots ones and a few cheap typos count
("three", "fower", "nought", "sevn"); a number outside 0-10, "minus ten" too, keeps its value
with status "out_of_range"; no number is "unclear".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_DOWN, ROUND_HALF_UP, Decimal

SCALE_MIN, SCALE_MAX = 0, 10

_NUMBER_WORDS = re.findall(
    r"\w+",
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty",
)
_WORD_VALUES: dict[str, int] = {
    **{word: value for value, word in enumerate(_NUMBER_WORDS)},
    **{"nought": 0, "naught": 0, "nil": 0, "thirty": 30, "forty": 40, "fifty": 50},
    "hundred": 100,
    # Cheap typos seen on phone keyboards.
    **{"zer": 0, "thre": 3, "threee": 3, "fout": 4, "fiv": 5, "fve": 5, "fivr": 5, "siz": 6},
    **{"sixx": 6, "sevn": 7, "sevan": 7, "seveb": 7, "eigth": 8, "eigt": 8, "eihgt": 8},
    **{"nin": 9, "nien": 9, "tem": 10},
    # Scots.
    **{"twa": 2, "fower": 4},
}
# Words that sound like a number, taken as one only right before "out of ten": "bout for out
# of ten" (four), "to outta 10" (two).
_SOUNDS_LIKE: dict[str, int] = {"won": 1, "to": 2, "too": 2, "for": 4, "fore": 4, "ate": 8}
_OUT_OF_TEN = re.compile(r"^\s*(?:out of|outta|/)\s*(?:10|ten)\b")
# "one" is a pronoun shortly after these words: "no one", "the white one".
_ONE_NOT_NUMBER_AFTER = frozenset(
    {"no", "any", "some", "every", "the", "this", "that", "which", "another", "each", "other"}
    | {"good", "bad", "better", "worse", "rough", "ropey", "grim", "decent", "last", "next"}
)

_TOKEN = re.compile(
    r"(?P<neg>(?:(?<![\w.])-|\bminus\s+))?(?P<num>\d+(?:\.\d+)?)(?!\d)|(?P<word>[a-z]+)"
)
_HALF = re.compile(r"^\s*(?:and a half|½)")
_DENOMINATOR = re.compile(r"(?:/|\bout of|\boutta)\s*$")


@dataclass
class Rating:
    """A parsed rating: the value and whether it is usable."""

    value: int | None
    status: str  # "ok" | "out_of_range" | "unclear"


def _round_half_down(number: Decimal) -> int:
    """Round to a whole rating; a half goes down.

    A half is between two numbers, and a range gives the lower: "6.5" and "five and a half"
    are 6 and 5, as every persona writer who used one meant it (and "3 or 4" is 3).
    """
    return int(number.quantize(Decimal(1), rounding=ROUND_HALF_DOWN))


_SCALE = re.compile(
    r"\b(?:on |in )?(?:a |the |your )?(?:scale|range)? ?(?:of |from |between )?(?:0|zero|nought|"
    r"1|one) ?(?:to|-|and|through|till) ?(?:10|ten)\b(?! out)|"
    # The scale's own ends said back: "where 0 is nowhere near? then 4".
    r"\b(?:0|zero|nought|10|ten) (?:is|=|being|means|meaning) (?:nowhere|exactly|the (?:worst|"
    r"best|bottom|top)|perfect|nothing)"
)
# A number followed by one of these is a duration, a time, an age or a count, not a rating.
_UNIT_AFTER = re.compile(
    r"^\s*(?:quarters?|thirds?|years?|yrs?|months?|weeks?|wks?|days?|hours?|hrs?|mins?|minutes?|times|am|pm|"
    r"o'?clock|kg|kilos?|stone|lbs?|pounds?|%|percent|pills?|tablets?|miles?|steps|metres?|"
    r"meters?|yards?|flights?|floors?|nights?|kids?|children|grandchildren|dogs?|cats?|"
    r"operations?|ops|strokes?|falls?|units?|mg|ml|quid|\.\d)\b"
)
_AGE_BEFORE = re.compile(r"(?:\bi'?m|\bi am|\baged?|\bsince|\bin|\bfor|\bturned|\bturning)\s*$")
# A number right after these is what the patient offers as the rating.
_MARKED_BEFORE = frozenset(
    [
        "a",
        "an",
        "say",
        "about",
        "around",
        "maybe",
        "probably",
        "roughly",
        "approx",
        "approximately",
        "like",
        "at",
        "it's",
        "its",
        "is",
        "be",
        "call",
        "give",
        "today",
        "now",
        "honestly",
        "guess",
        "reckon",
    ]
)


# "maybe 2 on a bad week": the number for another kind of day, not today's rating.
_CONDITIONAL_AFTER = re.compile(
    r"^\s*(?:on|in|for) (?:a |the )?(?:\w+ )?(?:good|bad|better|worse|damp|wet|cold|rough|"
    r"flare|off|busy)\w* (?:day|days|week|weeks|night|nights|month|months|spell|one|ones)|"
    # "would be 8 if the prescription worked", "6 if I'm being generous": what it is not.
    r"^\s*(?:if|once|when)\b(?! i'?m (?:being )?(?:honest|truthful|realistic))"
)
# The number for another kind of day said first: "On a good day a 4, today more like a 3".
_CONDITIONAL_BEFORE = re.compile(
    r"\b(?:on|in) (?:a |the )?(?:\w+ )?(?:good|bad|better|worse|rough|flare)\w* (?:day|days|"
    r"week|weeks|night|nights|month|months|spell)\W*(?:i'?d say |it'?s |its |maybe |about |"
    r"around )?(?:a |an )?$"
)
# Below the number said: "Not even a 3" is 2, "less than 5" is 4.
_BELOW_BEFORE = re.compile(r"\b(?:not even|less than|not quite)\s+(?:a |an )?$")
# Someone else's number after the patient's own: "he'd probably say 2", "mum would say 6".
_THEIR_SAY = re.compile(
    r"\b(?!i\b|we\b)(\w+)(?:'d| would| might| will| 'd)(?: probably| maybe| definitely| "
    r"prob)? say (?:a |an |about |it'?s )?$"
)
# Where they were before: "she used to be a 0 so that's something".
_PAST_BEFORE = re.compile(
    r"\b(?:used to be|was|were|had been) (?:a |an |at |on )?$|"
    # "7, no flare this week. When it's bad, zero": what it is on another day.
    r"\bwhen (?:it'?s|i'?m|things are|it is|i am|she'?s|he'?s) (?:bad|worse|good|better|"
    r"flaring|at (?:its|my) worst|at (?:its|my) best)\W*(?:a |an |about )?$"
)
# "3 maybe 4", "2. maybe 1", "4 or 5": one hedged answer, a range; the first said stands.
_RANGE_GAP = re.compile(
    r"^[\s,.;:!?/-]*(?:(?:or|maybe|perhaps|possibly|probably|to|or maybe|might be|could be|"
    r"even)[\s,.;:!?-]*)*$"
)
_TODAY_AFTER = re.compile(r"^\s*(?:today|right now|at the moment|atm|this week)\b")
# "No - I'll be kinder to myself, 5", "realistically 4": the patient revises their number.
_REVISED_BEFORE = re.compile(
    r"\b(?:no|actually|realistically|honestly|honest|really|kidding myself|make (?:it|that)|"
    r"call it|i mean|sorry|or rather|scratch that|on second thoughts?|kinder|joking|only joking|"
    r"just joking|jk|kidding|only kidding|just kidding|lol|haha|seriously|in truth|truthfully|"
    r"go with|let'?s say|put (?:me )?down (?:as|for)|put (?:his|hers|her|theirs|mine|that|it)|"
    r"so|overall|on average|average|all in all|yeah|yep|aye|okay|say|"
    r"in between|split the difference|somewhere in between|put|change (?:it|that) to|"
    r"should be|ought to be|correct (?:it|that) to|well|wait)\b"
)


def _numbers(text: str) -> list[tuple[Decimal, bool]]:
    """Return the rating-like numbers in lower-cased text, each with whether it is offered."""
    return [(number, offered) for number, offered, _ in _read_numbers(text)]


def _read_numbers(text: str) -> list[tuple[Decimal, bool, bool]]:
    """Each rating-like number, whether it is offered, and whether it revises an earlier one."""
    text = _SCALE.sub(" ", text)
    found: list[tuple[Decimal, bool, bool]] = []
    # Kept only when there is no other number: "prob a 6 on a good day" is still a 6.
    conditional: list[tuple[Decimal, bool, bool]] = []
    last_end = 0
    previous_words: list[str] = []
    for match in _TOKEN.finditer(text):
        if _DENOMINATOR.search(text[: match.start()]):
            continue
        number: Decimal | None = None
        if match.group("num") is not None:
            number = Decimal(match.group("num"))
            if match.group("neg"):
                number = -number
            if len(match.group("num")) == 4:  # a year
                number = None
        else:
            word = match.group("word")
            pronoun = word == "one" and bool(
                _ONE_NOT_NUMBER_AFTER.intersection(previous_words[-2:])
            )
            if word in _WORD_VALUES and not pronoun:
                number = Decimal(_WORD_VALUES[word])
                if previous_words[-1:] == ["minus"]:
                    number = -number  # "minus ten": off the scale, asked again
            elif word in _SOUNDS_LIKE and _OUT_OF_TEN.match(text[match.end() :]):
                number = Decimal(_SOUNDS_LIKE[word])
            previous_words.append(word)
        after, before = text[match.end() :], text[: match.start()]
        if number is None or _UNIT_AFTER.match(after) or _AGE_BEFORE.search(before):
            continue
        if _HALF.match(after):
            number += Decimal("0.5") if number >= 0 else Decimal("-0.5")
        if _BELOW_BEFORE.search(before[-20:]) and number > SCALE_MIN:
            number -= 1
        if (
            _CONDITIONAL_AFTER.match(after)
            or _PAST_BEFORE.search(before)
            or _CONDITIONAL_BEFORE.search(before[-40:])
        ):
            conditional.append((number, True, False))
            continue
        if found and _THEIR_SAY.search(before[-40:]):
            continue  # "about a 4 I'd say, he'd probably say 2": someone else's number
        offered = bool(_MARKED_BEFORE.intersection(re.findall(r"[a-z']+", before)[-2:]))
        # The words since the number before: "6? maybe I'm kidding myself. 5".
        gap = text[last_end : match.start()]
        # "Maybe 4? Or 3. Probably 3 today": the number said for today settles it.
        revised = bool(found) and (
            bool(_REVISED_BEFORE.search(gap)) or bool(_TODAY_AFTER.match(after))
        )
        last_end = match.end()
        if found and not revised and _RANGE_GAP.match(gap):
            earlier, earlier_offered, earlier_revised = found[-1]
            found[-1] = (earlier, earlier_offered or offered, earlier_revised)
            continue
        found.append((number, offered or after.strip().startswith(("now", "today")), revised))
    return found or conditional


# Someone typing for the patient, giving both numbers and settling on the patient's: "Josh says
# 5, I'd say 4. Go with his."
_THEIRS = re.compile(
    r"\b(?:(?:go|going|stick|put it down) with (?:his|hers|theirs|him|her|them|(?:mum|mam|"
    r"mom|dad|mother|father|nan|gran|grandad|grandma|grandpa|husband|wife)'?s)|"
    r"put (?:his|hers|theirs)"
    r"(?![\s,.]*(?:\d|one|two|three|four|five|six|seven|eight|nine|ten)\b))\b"
)


# The patient's number passed on by someone typing for them: "He says 4. I'd say 3."
_RELAYED = re.compile(
    r"\b(?!i\b|we\b)[a-z]+ (?:says|said|reckons|thinks|would say|'d say|wants to say|"
    r"wants to put)(?: it'?s| about| a| an| maybe| probably){0,2}\s*$"
)


# Both numbers given, then one settled on: "Go with 5", "lets say 4".
_SETTLED = re.compile(
    r"\b(?:let'?s say|lets say|go with|call it|put (?:it|me|him|her|them|that)(?: down)?"
    r"(?: as)?|put down(?: as)?|make it|"
    r"settle (?:on|for))\s*(?:a |an )?(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"zero)"
)


def _relayed(text: str) -> Decimal | None:
    """Return the first number said as the patient's own by someone typing for them."""
    for match in _TOKEN.finditer(text):
        if _RELAYED.search(text[: match.start()][-40:]):
            read = _read_numbers(text[match.start() :])
            return read[0][0] if read else None
    return None


def _chosen_number(text: str, *, relayed: bool = False) -> Decimal | None:
    """Return the number the patient offers as their rating.

    The first one they mark as it ("about a 6", "today a 3"), else the first number at all
    ("4 or 5" gives 4). With `relayed` (someone typing for the patient), the patient's own
    number passed on ("he says 4") comes before the typist's ("I'd say 3").
    """
    read = _read_numbers(text)
    if read and _THEIRS.search(text):
        return read[0][0]  # the patient's own, said first
    settled = _SETTLED.search(text)
    theirs = _relayed(text) if relayed and len(read) > 1 and not settled else None
    if theirs is not None and SCALE_MIN <= theirs <= SCALE_MAX:
        return theirs
    revised = [number for number, _, again in read if again and SCALE_MIN <= number <= SCALE_MAX]
    if revised:
        return revised[-1]  # "a generous 5. realistically 4"
    numbers = [(number, offered) for number, offered, _ in read]
    if not numbers:
        return None
    offered = [number for number, marked in numbers if marked]
    on_scale = [number for number in offered if SCALE_MIN <= number <= SCALE_MAX]
    # "She says 7, she says at 97 she's not complaining": the number on the scale.
    any_on_scale = [number for number, _ in numbers if SCALE_MIN <= number <= SCALE_MAX]
    return (on_scale or any_on_scale or offered or [numbers[0][0]])[0]


# With no number at all, the scale's own words: its middle, and its bottom ("nowhere near").
_MIDDLE = re.compile(
    r"\b(?:half ?way|half-way|in the middle|the middle|middle of the road|middling|"
    r"fifty[ -]fifty|50[ /-]50|so-so|so so)\b"
)
_BOTTOM = re.compile(r"\b(?:nowhere near|rock bottom|nowhere at all)\b")
# "three quarters of the way there", "a third of the way": a share of the way.
_FRACTIONS = {
    "a": Decimal(1),
    "one": Decimal(1),
    "two": Decimal(2),
    "three": Decimal(3),
    "quarter": Decimal(4),
    "quarters": Decimal(4),
    "third": Decimal(3),
    "thirds": Decimal(3),
}
_FRACTION = re.compile(r"\b(a|one|two|three) (quarters?|thirds?)\b")
# Either side of the middle: "a bit under the middle", "just over half way".
_BELOW_MIDDLE = re.compile(
    r"\b(?:under|below|less than|short of|not quite) (?:the )?(?:middle|half ?way|half)\b"
)
_ABOVE_MIDDLE = re.compile(
    r"\b(?:over|above|more than|past|better than) (?:the )?(?:middle|half ?way|half)\b"
)


def parse_rating(text: str, *, relayed: bool = False) -> Rating:
    """Parse a 0-10 rating from what the patient typed.

    `relayed` when someone is typing for the patient: the patient's own number, passed on,
    is the rating.
    """
    lowered = (text or "").lower().replace("\u2019", "'")
    number = _chosen_number(lowered, relayed=relayed)
    fraction = _FRACTION.search(lowered)
    if number is None and fraction is not None:
        # "three quarters of the way" is 7.5 of 10, nearer the top than a half said as such.
        share = Decimal(10) * _FRACTIONS[fraction.group(1)] / _FRACTIONS[fraction.group(2)]
        number = share.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    elif number is None and _BELOW_MIDDLE.search(lowered):
        number = Decimal(4)
    elif number is None and _ABOVE_MIDDLE.search(lowered):
        number = Decimal(6)
    elif number is None and _MIDDLE.search(lowered):
        number = Decimal(5)
    elif number is None and _BOTTOM.search(lowered):
        number = Decimal(0)
    if number is None:
        return Rating(None, "unclear")
    value = _round_half_down(number)
    status = "ok" if SCALE_MIN <= value <= SCALE_MAX else "out_of_range"
    return Rating(value, status)
