"""Dangers found in a fresh red-flag set (session 7) and the look-alikes around them.

Each case is written here in other words than the set's, so that the rule is tested and not
the sentence.
"""

from __future__ import annotations

import pytest

from coproduce.safety.assess import EMERGENCY, NONE, URGENT, assess
from coproduce.safety.detector import detect_red_flags


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("I tried to tell her but the words wouldn't come and my face feels odd", "stroke"),
        ("gave the dog to my brother today so I can finally go through with it", "self_harm"),
        ("my sister has taken the cats so now I can end it all", "self_harm"),
        ("she gave him 5ml of calpol instead of 2.5ml twice and he's really drowsy", "overdose"),
        ("on warfarin and my nose has been bleeding for hours, it won't stop", "bleeding"),
        ("I'm scared of cutting myself again, the urges are bad", "self_harm"),
        (
            "my boyfriend texted me that tonight is the night, he knows where I am",
            "harm_from_others",
        ),
    ],
)
def test_these_are_named_as_danger(text: str, category: str) -> None:
    assert category in [flag.category for flag in detect_red_flags(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Tight squeezing pain in my chest, I'm sweating, it hasn't eased, 20 minutes now",
        "heavy pressure in my chest and I've gone clammy since I sat down",
    ],
)
def test_a_named_danger_going_on_as_they_write_is_never_left_at_same_day(text: str) -> None:
    assert assess(text).level not in (URGENT, NONE)


@pytest.mark.parametrize(
    "text",
    [
        "I self harmed at school, I'm 40 now and fine, can the scars be treated?",
        "Took an overdose in my twenties. I'm 52 now and happy, just so it's on file.",
        "I had a big bleed after my first baby, all dealt with, now pregnant again",
        "coughed some blood with a chest infection a few weeks ago, cleared up with antibiotics",
        "Overdosed on mince pies again haha, here about my cholesterol",
        "can't breathe in my work trousers lol, want to talk about my weight",
        "I want to end it with my phone contract, it's a rip off",
        "I'm a youth worker and deal with self-harm in teenagers every day at work",
        "slurring my words after a few glasses of prosecco at the party, here about my liver",
        "doubled my tablets by mistake last month, the pharmacist said no harm done",
        "my ribs hurt when I lift the shopping, physio said it's muscular",
        "on the apixaban I bruise like a peach and I'm scared of cutting meself in the garden",
        "I'm on warfarin so I'm careful not to cut myself shaving",
    ],
)
def test_look_alikes_get_no_alarm(text: str) -> None:
    assert assess(text).level != EMERGENCY
    assert not detect_red_flags(text), text
