"""The rules alone meet their thresholds on the development sets.

tests/safety/dev.yml, and dev2.yml: 300 messages written later by someone who saw neither the
rules nor the other sets. Measured before any rule was changed for it, dev2 gave the rules
recall 0.807 and false alarms 0.050 (the whole model 0.843 / 0.081); it has been used for
tuning since, so the blind set (bench/data) stays the honest figure.
"""

from __future__ import annotations

import collections

import pytest

from coproduce.safety.detector import detect_red_flags
from coproduce.safety.patterns import CATEGORIES
from tests.safety.evalsets import (
    load_benign,
    load_danger,
    load_dev,
    load_dev2,
    nlu_examples,
    squash,
)

DEV = load_dev()
DEV2 = load_dev2()


def test_dev_set_is_big_and_covers_every_category() -> None:
    counts = collections.Counter(item["category"] for item in DEV["danger"])
    assert len(DEV["danger"]) >= 210
    assert len(DEV["benign"]) >= 210
    assert set(counts) == set(CATEGORIES)
    assert min(counts.values()) >= 25


def test_dev_recall_is_at_least_97_percent() -> None:
    missed = [item["text"] for item in DEV["danger"] if not detect_red_flags(item["text"])]
    assert len(missed) / len(DEV["danger"]) <= 0.03, missed


def test_dev_false_alarms_at_most_three_percent() -> None:
    alarms = [item["text"] for item in DEV["benign"] if detect_red_flags(item["text"])]
    assert len(alarms) / len(DEV["benign"]) <= 0.03, alarms


def test_dev_set_is_new_and_not_in_the_training_data() -> None:
    older = {squash(item["text"]) for item in load_danger() + load_benign()}
    training = {squash(example) for example in nlu_examples()}
    texts = [squash(item["text"]) for item in DEV["danger"] + DEV["benign"]]
    assert [text for text in texts if text in older or text in training] == []


def test_dev2_covers_every_category_and_kind_of_look_alike() -> None:
    counts = collections.Counter(item["category"] for item in DEV2["danger"])
    kinds = collections.Counter(item["kind"] for item in DEV2["benign"])
    assert set(counts) == set(CATEGORIES) and min(counts.values()) >= 20
    assert len(kinds) == 8 and min(kinds.values()) >= 20


@pytest.mark.parametrize(("part", "most"), [("danger", 0.02), ("benign", 0.03)])
def test_dev2_misses_and_false_alarms_stay_low(part: str, most: float) -> None:
    wrong = [
        item["text"]
        for item in DEV2[part]
        if bool(detect_red_flags(item["text"])) != (part == "danger")
    ]
    assert len(wrong) / len(DEV2[part]) <= most, wrong


def test_dev2_is_new_and_not_in_the_training_data() -> None:
    older = {squash(item["text"]) for item in load_danger() + load_benign() + DEV["danger"]}
    older |= {squash(item["text"]) for item in DEV["benign"]}
    training = {squash(example) for example in nlu_examples()}
    texts = [squash(item["text"]) for item in DEV2["danger"] + DEV2["benign"]]
    assert [text for text in texts if text in older or text in training] == []
