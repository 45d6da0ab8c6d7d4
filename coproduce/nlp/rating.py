"""Read a 0-10 rating from a free-text answer.

Decisions: the first number wins ("maybe 2 or 3" and "2-3" give 2; "I'd say 5 but it changes"
gives 5); a denominator is ignored ("4/10", "4 out of 10"); halves round half up ("6.5" and
"6 and a half" give 7); number words and a few cheap typos count ("three", "nought", "sevn");
a number outside 0-10 keeps its value with status "out_of_range"; no number is "unclear".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

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
}
# "one" is a pronoun shortly after these words: "no one", "the white one".
_ONE_NOT_NUMBER_AFTER = frozenset({"no", "any", "some", "every", "the", "this", "that", "which"})

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


def _round_half_up(number: Decimal) -> int:
    return int(number.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _first_number(text: str) -> Decimal | None:
    """Return the first rating-like number in lower-cased text, or None."""
    previous_words: list[str] = []
    for match in _TOKEN.finditer(text):
        if _DENOMINATOR.search(text[: match.start()]):
            continue
        number: Decimal | None = None
        if match.group("num") is not None:
            number = Decimal(match.group("num"))
            if match.group("neg"):
                number = -number
        else:
            word = match.group("word")
            pronoun = word == "one" and bool(
                _ONE_NOT_NUMBER_AFTER.intersection(previous_words[-2:])
            )
            if word in _WORD_VALUES and not pronoun:
                number = Decimal(_WORD_VALUES[word])
            previous_words.append(word)
        if number is not None:
            if _HALF.match(text[match.end() :]):
                number += Decimal("0.5") if number >= 0 else Decimal("-0.5")
            return number
    return None


def parse_rating(text: str) -> Rating:
    """Parse a 0-10 rating from what the patient typed."""
    number = _first_number((text or "").lower().replace("\u2019", "'"))
    if number is None:
        return Rating(None, "unclear")
    value = _round_half_up(number)
    status = "ok" if SCALE_MIN <= value <= SCALE_MAX else "out_of_range"
    return Rating(value, status)
