"""The rules alone meet their thresholds on the development set (tests/safety/dev.yml)."""

from __future__ import annotations

import collections

from coproduce.safety.detector import detect_red_flags
from coproduce.safety.patterns import CATEGORIES
from tests.safety.evalsets import load_benign, load_danger, load_dev, nlu_examples, squash

DEV = load_dev()


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
