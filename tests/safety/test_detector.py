"""Behaviour of the red-flag detector on held-out patient phrasings."""

from __future__ import annotations

import collections

import pytest

from coproduce.safety.detector import RedFlag, detect_red_flags
from coproduce.safety.patterns import CATEGORIES
from tests.safety.evalsets import load_benign, load_danger, nlu_examples, squash

DANGER = load_danger()
BENIGN = load_benign()


def _categories(text: str) -> list[str]:
    return [flag.category for flag in detect_red_flags(text)]


def test_eval_sets_are_big_enough() -> None:
    counts = collections.Counter(item["category"] for item in DANGER)
    assert len(DANGER) >= 260
    assert len(BENIGN) >= 260
    assert set(counts) == set(CATEGORIES)
    assert min(counts.values()) >= 25


@pytest.mark.parametrize("item", DANGER, ids=lambda item: item["text"][:60])
def test_every_danger_phrasing_is_caught(item: dict[str, str]) -> None:
    assert detect_red_flags(item["text"]), item["text"]


def test_danger_category_is_right() -> None:
    top = [_categories(item["text"])[:1] == [item["category"]] for item in DANGER]
    anywhere = [item["category"] in _categories(item["text"]) for item in DANGER]
    assert sum(anywhere) / len(DANGER) >= 0.95
    assert sum(top) / len(DANGER) >= 0.95


def test_benign_false_alarms_at_most_three_percent() -> None:
    alarms = [item["text"] for item in BENIGN if detect_red_flags(item["text"])]
    assert len(alarms) / len(BENIGN) <= 0.03, alarms


def test_no_eval_sentence_is_in_the_training_data() -> None:
    training = {squash(example) for example in nlu_examples()}
    leaked = [item["text"] for item in DANGER + BENIGN if squash(item["text"]) in training]
    assert leaked == []


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("no chest pain last week but right now my chest is crushing", "chest_pain"),
        ("I never felt suicidal before, however now I want to die", "self_harm"),
        ("my dad had a stroke in 2010 and now my own face is drooping", "stroke"),
        ("had chest pain last year. this morning my chest is tight and heavy", "chest_pain"),
    ],
)
def test_negation_or_past_in_one_clause_does_not_cancel_another(text: str, category: str) -> None:
    assert _categories(text)[:1] == [category]


@pytest.mark.parametrize(
    "text",
    [
        "no chest pain, no breathlessness",
        "had chest pain last year, turned out to be indigestion",
        "my husband gets short of breath",
        "the wait is killing me",
        "I take blood thinners",
    ],
)
def test_non_current_mentions_are_not_flagged(text: str) -> None:
    assert detect_red_flags(text) == []


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("CHEAST PIAN", "chest_pain"),
        ("cnt breth", "breathing"),
        ("im feelin sucidal", "self_harm"),
        ("took a hole packet of paracetomol", "overdose"),
        ("bleading alot", "bleeding"),
        ("me face has gone all droopy", "stroke"),
    ],
)
def test_typos_and_text_speak(text: str, category: str) -> None:
    assert category in _categories(text)


def test_danger_in_a_long_answer_is_caught() -> None:
    text = (
        "well my main worry is the medication, there are too many tablets and I never know "
        "which is which, the pharmacist is nice but rushed, and honestly some nights I think "
        "about taking them all at once, anyway the other thing is my knee which clicks"
    )
    assert _categories(text) == ["self_harm"]


def test_evidence_is_the_span_of_the_original_text() -> None:
    text = "Honestly, it feels like an Elephant sitting on my chest."
    [flag] = detect_red_flags(text)
    assert flag == RedFlag("chest_pain", "Elephant sitting on my chest")
    assert text[flag.start : flag.end] == flag.evidence


def test_hits_are_deduplicated_and_ordered_by_severity() -> None:
    text = "he hit me, I'm coughing up blood, my chest hurts and I want to die, chest pain again"
    assert _categories(text) == ["self_harm", "chest_pain", "bleeding", "harm_from_others"]


def test_carer_reporting_someone_else_now_is_flagged() -> None:
    assert _categories("my wife's face has just dropped and she can't talk properly") == ["stroke"]


@pytest.mark.parametrize("text", ["", "   ", "thanks, see you tuesday", "my knee clicks"])
def test_ordinary_messages(text: str) -> None:
    assert detect_red_flags(text) == []


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("my parents are forcing me into a marriage in pakistan next month", "harm_from_others"),
        ("they're marrying me off to someone I've never met, I'm 17", "harm_from_others"),
        ("had double my paracetamol for the last five days because of my teeth", "overdose"),
        ("been taking extra co-codamol for a few days, the pain's bad", "overdose"),
    ],
)
def test_coercion_and_staggered_overdose(text: str, category: str) -> None:
    assert category in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "we read a book about forced marriage in my book club",
        "I take paracetamol for a week or so whenever my back goes",
    ],
)
def test_coercion_and_paracetamol_look_alikes_are_not_flagged(text: str) -> None:
    assert _categories(text) == []


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("we lost him in june and tonight im going to be with him", "self_harm"),
        ("im gonna join my wife, she died two years ago today", "self_harm"),
        ("after my last stroke, and now my face is going funny again", "stroke"),
        ("having a massive asthma attack now, used my blue inhaler 10 times", "breathing"),
        ("ate a prawn cracker and my lips are swelling and my throat is tightening", "breathing"),
        (
            "they make us work at the car wash for nothing and have our passports",
            "harm_from_others",
        ),
        ("he said he would hurt my mum if i told anyone", "harm_from_others"),
    ],
)
def test_stated_plans_recurrences_allergy_and_forced_labour(text: str, category: str) -> None:
    assert category in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "i passed my driving test and im going to be with them at the party",
        "going to join my son in australia for christmas",
        "my passport needs renewing before our holiday",
        "the job makes me work weekends for no extra pay",
    ],
)
def test_their_look_alikes_are_not_flagged(text: str) -> None:
    assert _categories(text) == []


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("sliced my thighs again and its gaping, needs stitches i reckon", "self_harm"),
        ("lying in the bath with the blades next to me", "self_harm"),
        ("i can not take this any more, doing it after work", "self_harm"),
        ("heartburn they said but now its moving into my jaw and left arm", "chest_pain"),
        (
            "my husband had double his insulin and too many tablets, now he's really drowsy",
            "overdose",
        ),
        ("he says if i leave he'll take the children and i'll never see them", "harm_from_others"),
        ("our 13 year old keeps going missing and came back with a new phone", "harm_from_others"),
        ("my mums boyfriend comes into my bedroom at night", "harm_from_others"),
        ("they're planning to cut my niece when we go back home", "harm_from_others"),
    ],
)
def test_wounds_means_threats_exploitation_and_fgm(text: str, category: str) -> None:
    assert category in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "the calpol made her a bit sleepy",
        "i had FGM as a girl and want to talk about the pain it still causes",
        "my son went missing for ten minutes in the supermarket once",
        "needed stitches in my hand after a kitchen knife slipped last year",
    ],
)
def test_their_everyday_look_alikes_are_not_flagged(text: str) -> None:
    assert _categories(text) == []


def test_fgm_planned_for_a_girl_is_flagged() -> None:
    assert "harm_from_others" in _categories("grandma wants fgm done on my daughter this summer")


@pytest.mark.parametrize(
    "text",
    [
        "hes been told he cant go on the school residential trip and hes gutted",
        "she can't go on holiday with her knees like this",
        "I can't go on long walks any more",
    ],
)
def test_not_going_on_a_trip_is_not_not_going_on(text: str) -> None:
    assert _categories(text) == []


@pytest.mark.parametrize(
    "text", ["I can't go on like this", "i cant go on anymore", "I can't go on"]
)
def test_cannot_go_on_is_still_flagged(text: str) -> None:
    assert "self_harm" in _categories(text)
