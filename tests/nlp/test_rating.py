"""parse_rating: a 0-10 rating from what the patient typed."""

from __future__ import annotations

import pytest

from coproduce.nlp.extraction import Rating, parse_rating


@pytest.mark.parametrize(
    ("answer", "value"),
    [
        ("3", 3),
        ("three", 3),
        ("Three.", 3),
        ("about a 4", 4),
        ("4/10", 4),
        ("4 / 10", 4),
        ("4 out of 10", 4),
        ("out of 10 id say 6", 6),
        ("maybe 2 or 3", 2),
        # A hedged range keeps the number said first, halves included.
        ("5 maybe 6", 5),
        ("three. perhaps three and a half", 3),
        ("7, or maybe 6", 7),
        ("Kind? 6. Honest? 4", 4),
        # "a bad one" is a week, not the number 1; "so 4" is the answer they settle on.
        ("about 5 on a good one, 3 on a bad one, so 4", 4),
        # Someone typing for the patient settles on the patient's number.
        ("She says 6, I'd say 4. Put hers, 6", 6),
        ("2-3", 2),
        ("a solid 7", 7),
        ("ten", 10),
        ("10/10", 10),
        ("zero", 0),
        ("0", 0),
        ("nought", 0),
        # A half is between two numbers: the lower, as for a range.
        ("6.5", 6),
        ("2.5", 2),
        ("6 and a half", 6),
        ("Five and a half?", 5),
        ("I'd say 5 but it changes", 5),
        ("I\u2019d say 5", 5),
        ("fiv", 5),
        ("sevn", 7),
        ("7ish", 7),
        ("prob a 6 on a good day", 6),
        ("no one asked me before, 4", 4),
        ("it won't go below 4", 4),
        # Scales, durations, ages and a better day are not the rating (simulated patients).
        ("on a scale of 0 to 10 I'd say 7", 7),
        ("on a scale of one to ten, a six", 6),
        ("It's been 2 years of this so I'd say about a 6 now", 6),
        ("10 on a good day but today a 3", 3),
        ("I'm 82 and I'd say a 4", 4),
        ("a solid 11/10 obviously. jk, like a 5", 5),
        ("since 2019 it's about a 5", 5),
    ],
)
def test_rating_in_range(answer: str, value: int) -> None:
    assert parse_rating(answer) == Rating(value, "ok")


@pytest.mark.parametrize(
    ("answer", "value"), [("11", 11), ("-1", -1), ("20", 20), ("minus 2", -2), ("a hundred", 100)]
)
def test_rating_out_of_range_keeps_the_number(answer: str, value: int) -> None:
    assert parse_rating(answer) == Rating(value, "out_of_range")


@pytest.mark.parametrize(
    "answer",
    ["not great", "dunno", "", "   ", "bad", "the white one", "no one", "3 tablets a day"],
)
def test_rating_without_a_number_is_unclear(answer: str) -> None:
    assert parse_rating(answer) == Rating(None, "unclear")


@pytest.mark.parametrize(
    ("answer", "value"),
    [
        ("about halfway I'd say", 5),
        ("somewhere in the middle", 5),
        ("so-so", 5),
        ("nowhere near", 0),
    ],
)
def test_the_scales_own_words_without_a_number(answer: str, value: int) -> None:
    assert parse_rating(answer) == Rating(value, "ok")


@pytest.mark.parametrize(
    ("answer", "value"),
    [
        ("4, maybe 3 on a rough day", 4),
        ("2? perhaps a 3 on a better week", 2),
        ("a kind 6. honestly more like 5", 5),
        ("7 - no, I'm fooling myself, 6", 6),
        ("prob a 6 on a good day", 6),
    ],
)
def test_another_days_number_or_a_revised_one(answer: str, value: int) -> None:
    assert parse_rating(answer).value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("9. Only kidding. Four.", 4),
        ("eight lol, seriously about 3", 3),
        ("my wife says 6, I say 2, let's say 4", 4),
    ],
)
def test_a_number_taken_back_as_a_joke_gives_way_to_the_next(text: str, value: int) -> None:
    assert parse_rating(text).value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a 4 i guess. maybe 3. yeah 3", 3),
        ("fower, three on a bad week, say fower", 4),
        ("twa", 2),
        ("minus five", -5),
    ],
)
def test_the_number_settled_on_dialect_numbers_and_a_negative(text: str, value: int) -> None:
    assert parse_rating(text).value == value


def test_someone_typing_who_settles_on_the_patients_number() -> None:
    assert parse_rating("Mum says 6, I'd say 5 tbh. Go with hers").value == 6


@pytest.mark.parametrize(
    ("text", "value"),
    [("Maybe 5? or 4. Probably 4 today", 4), ("Dad says 6, I'd say 5. Put his", 6)],
)
def test_the_number_for_today_and_the_patients_own(text: str, value: int) -> None:
    assert parse_rating(text).value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Hmm, a 5? Maybe less this week. Say 4.", 4),
        ("6 ish, would be 8 if the prescription worked", 6),
        ("5, maybe 6 if im being generous", 5),
        ("Where 0 is nowhere near? Then 4.", 4),
        ("Mum says 5, I'd say 4 - go with Mum's", 5),
        ("3 if im honest", 3),
    ],
)
def test_a_number_settled_on_said_as_a_condition_or_beside_the_scale(text: str, value: int) -> None:
    assert parse_rating(text).value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a bit under the middle Id say", 4),
        ("just over half way", 6),
        ("Freya says 1. She used to be a 0 so that's something.", 1),
    ],
)
def test_either_side_of_the_middle_and_where_they_used_to_be(text: str, value: int) -> None:
    assert parse_rating(text).value == value


def test_someone_elses_number_after_the_patients_own_is_not_theirs() -> None:
    assert parse_rating("About a 4 I'd say, he'd probably say 2 lol").value == 4


@pytest.mark.parametrize(
    ("text", "value"),
    [("I'd say 5, the wife would say 3.", 5), ("hmm 4, no I would say 3", 3)],
)
def test_what_someone_else_would_say_is_not_the_patients_rating(text: str, value: int) -> None:
    assert parse_rating(text).value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Three quarters of the way there - 7", 7),
        ("three quarters of the way", 8),
        ("a third of the way", 3),
        ("Right now? 7, no flare this week. When it's bad, zero.", 7),
    ],
)
def test_a_share_of_the_way_and_a_number_for_bad_days(text: str, value: int) -> None:
    assert parse_rating(text).value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("She says 7, she says at 97 she's not complaining", 7),
        ("I said 6 but put 4", 4),
        ("15", 15),
    ],
)
def test_the_number_on_the_scale_and_the_one_settled_on(text: str, value: int) -> None:
    assert parse_rating(text).value == value


@pytest.mark.parametrize(("text", "value"), [("Six. Well, five", 5), ("5 wait no 4", 4),
                                              ("doing well, 7", 7)])  # fmt: skip
def test_a_number_taken_back_with_well_or_wait(text: str, value: int) -> None:
    assert parse_rating(text).value == value


@pytest.mark.parametrize(
    ("text", "relayed", "value"),
    [
        # Someone typing for the patient: the patient's own number, passed on, is the rating.
        ("He says 4. I'd say 3.", True, 4),
        ("she reckons about a 5, I'd put 3", True, 5),
        # Both given, then one settled on: the one settled on.
        ("I'd say 4, Kai says 6. Go with 5", True, 5),
        ("about a 4, mum says 5, lets say 4", True, 4),
        # The patient themself: what someone else says is not their rating.
        ("my wife says 4, i would say 3", False, 3),
    ],
)
def test_the_patients_number_passed_on_by_someone_typing_for_them(
    text: str, relayed: bool, value: int
) -> None:
    assert parse_rating(text, relayed=relayed).value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [("bout for out of ten", 4), ("to out of 10", 2), ("I went for a walk, 6 out of ten", 6)],
)
def test_a_word_that_sounds_like_a_number_before_out_of_ten(text: str, value: int) -> None:
    assert parse_rating(text).value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Below the number said.
        ("Not even a 3", 2),
        ("not quite a 5", 4),
        ("less than 5", 4),
        # The number for another kind of day, said first, is not today's.
        ("On a good day a 4, today more like a 3.", 3),
        ("on a good day its a 6", 6),
    ],
)
def test_not_even_a_number_and_a_good_day_said_first(text: str, value: int) -> None:
    assert parse_rating(text).value == value
