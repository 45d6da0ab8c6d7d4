"""burden_domains: the learned second opinion on a treatment burden's domain."""

from __future__ import annotations

import pytest

from coproduce.nlp import burden_domains
from coproduce.nlp.burden import BURDEN_CATEGORIES
from coproduce.nlp.extraction import extract_treatment_burdens


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A classifier trained here from the shipped examples (as `make model` trains it)."""
    directory = tmp_path_factory.mktemp("burden")
    assert burden_domains.main([str(directory)]) == 0
    return str(directory)


def test_the_examples_are_labelled_with_the_summary_domains() -> None:
    examples = burden_domains.load_examples()
    assert len(examples) > 1000
    assert {domain for _, domain in examples} <= set(BURDEN_CATEGORIES)
    assert all(text.strip() for text, _ in examples)


def test_a_build_is_skipped_when_the_examples_have_not_changed(
    built: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert burden_domains.main([built]) == 0
    assert "up to date" in capsys.readouterr().out


def test_without_a_built_classifier_the_rules_stand(tmp_path: object) -> None:
    text = "a different doctor every single time I go in"
    assert burden_domains.settled_domain(text, "appointments", directory=str(tmp_path)) == (
        "appointments"
    )


def test_the_classifier_overrules_a_domain_word_when_it_is_far_surer(built: str) -> None:
    # The scan is named, but what is missing is what it showed.
    text = "nobody tells me anything about what the scan showed"
    assert burden_domains.settled_domain(text, "tests_monitoring", directory=built) == (
        "information"
    )


@pytest.mark.parametrize(
    ("text", "found", "named", "treats"),
    [
        # Money is the rules' alone: never made a cost, never unmade one.
        ("the prescriptions are nine pound something each now", "costs", True, True),
        ("the parking at the hospital is daylight robbery", "appointments", True, False),
        # Too few words to overrule a domain word.
        ("my water tablets", "medications", True, True),
        # A side effect needs a treatment: how a GP made them feel is not one.
        ("the GP made me feel like a time waster", "other", True, False),
    ],
)
def test_what_the_classifier_may_not_overrule(
    built: str, text: str, found: str, named: bool, treats: bool
) -> None:
    assert (
        burden_domains.settled_domain(text, found, named=named, treats=treats, directory=built)
        == found
    )


def test_the_rules_and_the_classifier_agree_on_plain_burdens() -> None:
    answer = "metformin gives me the runs, the eye clinic is two buses away"
    assert [b.category for b in extract_treatment_burdens(answer)] == [
        "side_effects",
        "appointments",
    ]
