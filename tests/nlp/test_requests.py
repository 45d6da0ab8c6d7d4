"""Asking for a person, questions for the clinician, phone numbers and times."""

from __future__ import annotations

import pytest

from coproduce.nlp import requests


@pytest.mark.parametrize(
    "text",
    [
        "can i speak to someone instead of a robot",
        # Said formally.
        "I should also be grateful if someone from the practice could telephone me",
        "Yes, that is correct. I should still like the telephone call, please.",
        "I would rather talk to a real person",
        "can someone ring me back please",
        "no i'd rather just talk to the doctor",
        "give me a call, I don't do computers",
        "can i just speak to sumbody its easier talking",
        # Wished for, at the end of an answer.
        "phone at 8am when ive just finished a shift. be easier if someone just rang me tbh",
        "it would be better if you could phone me",
    ],
)
def test_asking_for_a_person_is_a_call_back(text: str) -> None:
    assert requests.wants_callback(text)


@pytest.mark.parametrize(
    "text",
    [
        "am I talking to a real person?",
        "tell me the numbers are fine and let me go",
        "no need to call me, this is fine",
        "my daughter rings me every night",
        "I had a phone call from the nurse last week",
        "someone rang me last week about my bloods",
        # Talking to someone as a thing they do, not a person asked for.
        "chatting to the lads at the allotment, and talking to my sister on the phone",
    ],
)
def test_other_words_are_not_a_call_back(text: str) -> None:
    assert not requests.wants_callback(text)


def test_a_request_for_a_person_has_a_word_of_contact() -> None:
    assert requests.mentions_contact("can a human ring me")
    assert not requests.mentions_contact("tell me the numbers are fine and let me go")
    # What they want to talk about at the visit is an answer, not a person to talk to.
    assert not requests.mentions_contact("Talk about preventers, and check if the pill is safe")
    assert requests.mentions_contact("can I talk to someone about my meds")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("should I stop the statin", "medicine"),
        ("is it safe to take ibuprofen with my tablets?", "medicine"),
        ("can I mix sertraline and amitriptyline?", "medicine"),
        ("can I be seen sooner", "appointment"),
        ("can i get my repeat prescription", "other"),
    ],
)
def test_questions_for_the_clinician_are_named_by_kind(text: str, kind: str) -> None:
    question = requests.clinician_question(text)
    assert question is not None and question.kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "Not getting my results back, and having to take the levothyroxine on an empty stomach",
        "the metformin gives me the runs",
    ],
)
def test_a_burden_that_names_a_medicine_is_not_a_question(text: str) -> None:
    assert requests.clinician_question(text, classified=True) is None


def test_a_question_without_a_medicine_is_not_a_medicine_question() -> None:
    assert requests.clinician_question("is it fine if I come at 3?") is None


def test_a_request_without_a_question_needs_the_classifier() -> None:
    assert requests.clinician_question("need a sick note") is None
    assert requests.clinician_question("need a sick note", classified=True) is not None


@pytest.mark.parametrize(
    ("text", "phone", "when"),
    [
        ("07700 900123 after 6", "07700 900123", "after 6"),
        ("call me on 01632 960872 mornings", "01632 960872", "mornings"),
        ("+44 7700 900123", "07700 900123", None),
        ("any time after 1pm 07700900456", "07700 900456", "any time after 1pm"),
        ("0044 7700 900123", "07700 900123", None),
        # Numbers from elsewhere are kept as written, for the clinic to dial.
        ("0491 570 110, after 6pm", "0491 570 110", "after 6pm"),
        ("on 555-123-4567 evenings", "555-123-4567", "evenings"),
        ("+1 415 555 0134", "+14155550134", None),
        ("0061 491 570 110", "+61491570110", None),
    ],
)
def test_a_phone_number_and_a_time_are_read(text: str, phone: str, when: str | None) -> None:
    assert requests.phone_in(text) == phone
    assert requests.time_preference(text) == when


@pytest.mark.parametrize(
    "text", ["my number is 12345", "I was born 12 03 1950", "my nhs number is 485 777 3456"]
)
def test_something_that_is_not_a_phone_number_is_refused(text: str) -> None:
    assert requests.phone_in(text) is None


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("the physio told me to speak to the GP about my hip", False),
        ("I need to talk to the doctor about my sleep", False),
        ("I'd rather talk to the doctor about it than type", True),
        ("can I just speak to someone instead", True),
        ("my son says I should talk to a person, can you ring me", True),
    ],
)
def test_talking_to_someone_as_an_agenda_or_advice_is_not_a_call_back(
    text: str, wanted: bool
) -> None:
    assert requests.wants_callback(text) is wanted


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("honestly I'd prefer if somebody phoned me, typing is hard", True),
        ("could the nurse ring me instead", True),
        ("my sister rang me last night", False),
        ("the nurse rang me about my results", False),
    ],
)
def test_asking_to_be_rung_said_in_the_past_tense_or_as_a_preference(
    text: str, wanted: bool
) -> None:
    assert requests.wants_callback(text) is wanted


@pytest.mark.parametrize(
    ("text", "more"),
    [
        (
            "I cry every day and I feel like Im not doing it right and my mum says its just "
            "tiredness but I think I need to talk to someone",
            True,
        ),
        ("I'd rather talk to a person, I don't do computers", False),
        ("can I speak to the doctor", False),
        # A sentence of its own before the request is an answer, unless it says why not this.
        (
            "I go Dizzy when I get up out of my chair and I worry about falling. Can somebody "
            "Ring me instead please I am not good at this",
            True,
        ),
        (
            "I'm 89 and my eyes are bad and I don't understand computers at all. Can someone "
            "ring me instead?",
            False,
        ),
    ],
)
def test_a_request_that_is_also_an_answer(text: str, more: bool) -> None:
    assert requests.says_more_than_the_request(text) is more
