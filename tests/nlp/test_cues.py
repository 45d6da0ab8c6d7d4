"""The words a control intent needs before a message is taken as a command, not an answer."""

from __future__ import annotations

import pytest

from coproduce.nlp import cues


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hi", True),
        ("Hello there!", True),
        ("good morning", True),
        ("hiya love", True),
        ("money", False),
        ("good days", False),
        ("I want my life back", False),
        ("hi, I want to walk again", False),
    ],
)
def test_a_greeting_is_only_a_greeting(text: str, expected: bool) -> None:
    assert cues.is_greeting(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("please delete my answers", True),
        ("can you erase everything I said", True),
        ("forget me", True),
        ("I don't want you to keep any of this, delete it all", True),
        ("scrap that", False),
        ("forget it", False),
        ("having the catheter removed", False),
        ("remove my catheter", False),
        ("forget about the tablets bit", False),
    ],
)
def test_deletion_needs_an_explicit_request(text: str, expected: bool) -> None:
    assert cues.asks_to_delete(text) is expected


@pytest.mark.parametrize(
    ("intent", "text", "expected"),
    [
        ("ask_how_long", "how long will this take?", True),
        ("ask_how_long", "how many more questions", True),
        ("ask_how_long", "how long I can walk", False),
        ("ask_how_long", "early nights", False),
        ("ask_why", "why do you need to know?", True),
        ("ask_why", "why I am so tired", False),
        ("ask_who_sees", "will my GP get a copy?", True),
        ("ask_who_sees", "what happens to my data after?", True),
        ("ask_who_sees", "is this shared with anyone?", True),
        ("ask_who_sees", "the shared care thing", False),  # a GP and specialist agreement
        ("ask_who_sees", "getting the shared-care signed", False),
        ("bot_challenge", "am I talking to a real person", True),
        ("bot_challenge", "my husband", False),
    ],
)
def test_a_question_intent_needs_the_questions_words(
    intent: str, text: str, expected: bool
) -> None:
    assert cues.asks_faq(intent, text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bye", True),
        ("gotta go, the nurse is here", True),
        ("can we finish this later", True),
        ("bye bye pain", False),
        ("later in the day", False),
    ],
)
def test_goodbye_needs_leaving_words(text: str, expected: bool) -> None:
    assert cues.is_goodbye(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nothing really", True),
        ("None to speak of", True),
        ("no", True),
        ("no one, I live alone", True),
        ("nobody", True),
        ("I manage on my own, thank you", True),
        ("not applicable", True),
        ("nothing comes to mind", True),
        ("nothing helps except my dog", False),
        ("no one helps, but I look after my husband", False),
        ("my daughter", False),
        # The same none, said again.
        ("said no", True),
        ("ah said no", True),
        ("I said my knee", False),
    ],
)
def test_none_answers(text: str, expected: bool) -> None:
    assert cues.is_none_answer(text) is expected


@pytest.mark.parametrize(
    ("text", "confirms", "no_change"),
    [
        ("yes thats lovely thank you", True, False),
        ("that's grand", True, False),
        ("spot on ta", True, False),
        ("Accurate, thanks", True, False),
        ("looks accurate to me", True, False),
        ("bang on", True, False),
        ("yes that's right", True, False),
        ("it's all correct", True, True),
        ("no it's fine, leave it", False, True),
        ("nothing", False, True),
        ("leave it as it is", False, True),
        ("never mind", False, True),
        ("yes but change the aim to sleeping better", False, False),
        ("my son not my daughter", False, False),
    ],
)
def test_read_back_agreement_and_nothing_to_change(
    text: str, confirms: bool, no_change: bool
) -> None:
    assert cues.confirms(text) is confirms
    assert cues.wants_no_change(text) is no_change


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("yes", "affirm"),
        ("yes, it's just my periods", "affirm"),
        ("I'm fine thanks", "affirm"),
        ("no", "deny"),
        ("not really", "deny"),
        ("my knees", None),
    ],
)
def test_the_answer_to_are_you_safe(text: str, answer: str | None) -> None:
    assert cues.safe_answer(text) == answer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sorry I meant my son not my daughter", True),
        ("actually change the first answer to sleeping better", True),
        ("wait, go back, what matters most is my wife not work", True),
        ("hang on, what matters most is my wife not work", True),
        ("change my answer about sleep, it's the pain that wakes me", True),
        ("change what I said about my son", True),
        ("my son helps", False),
        ("I don't know what you mean", False),
        ("no, my son not my daughter", True),
        # Answers that start with no and say not are answers.
        ("No injections. Not happening", False),
        ("no, I'm not worried", False),
        # What a patient hopes the clinician will do is not a correction.
        ("change my tablets", False),
        ("change the dose of my inhaler", False),
    ],
)
def test_a_correction_of_an_earlier_answer(text: str, expected: bool) -> None:
    assert cues.corrects_earlier(text) is expected


def test_not_understood_and_pauses() -> None:
    assert cues.not_understood("I don't understand the question")
    assert cues.not_understood("what do you mean?")
    assert not cues.not_understood("I mean my knee")
    assert cues.not_understood("I don't know what you mean")
    assert cues.not_understood("what does the number mean?")
    assert cues.is_pause("hang on, the doorbell's going")
    assert not cues.is_pause("wait, go back, what matters most is my wife not work")
    assert not cues.is_pause("hanging on for dear life")
    assert cues.sounds_like_dont_know("dunnoo")
    assert not cues.sounds_like_dont_know("next door neighbour")


def test_idioms_are_neither_goodbyes_nor_deletion_requests() -> None:
    assert not cues.asks_to_delete("the school run wipes me out")
    assert cues.asks_to_delete("please delete what I've said")
    assert not cues.is_goodbye("I might have to stop driving")
    assert cues.is_goodbye("sorry have to go now")


def test_not_getting_worse_is_not_not_understanding() -> None:
    assert not cues.not_understood("as long as it doesn't get any worse")
    assert cues.not_understood("sorry I don't get the question")


@pytest.mark.parametrize(
    ("text", "lost"),
    [
        ("Do you mean this visit or in general?", True),
        ("sorry, did you mean my health or my life?", True),
        ("like what?", True),
        ("in what way", True),
        ("how do you mean", True),
        ("walking like what the physio showed me", False),
        ("it's like what my mum had", False),
    ],
)
def test_a_question_back_about_the_question_is_not_an_answer(text: str, lost: bool) -> None:
    assert cues.not_understood(text) is lost


@pytest.mark.parametrize(
    ("text", "corrects"),
    [
        ("No antidepressants. And not a group.", False),
        ("no, my son not my daughter", True),
    ],
)
def test_a_correction_has_its_not_in_the_same_sentence(text: str, corrects: bool) -> None:
    assert cues.corrects_earlier(text) is corrects


@pytest.mark.parametrize(
    ("text", "none", "hedged"),
    [
        ("Not much at the minute", True, True),
        ("nothing at the moment", True, False),
        ("not really", True, True),
        ("no", True, False),
        ("not really, just want it sorted", False, False),
    ],
)
def test_a_nothing_for_now_and_a_hedged_one(text: str, none: bool, hedged: bool) -> None:
    assert cues.is_none_answer(text) is none
    assert cues.is_hedged_none(text) is hedged


@pytest.mark.parametrize(
    ("text", "hedged"),
    [
        ("It's fine I suppose", True),
        ("all ok really", True),
        ("its fine", False),
        ("the tablets are fine I suppose but the appointments are a pain", False),
    ],
)
def test_fine_with_a_hedge_on_it(text: str, hedged: bool) -> None:
    assert cues.is_hedged_fine(text) is hedged


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("is this going in my record?", "ask_who_sees"),
        ("why only one?", "ask_why"),
        ("why does that matter?", "ask_why"),
        ("is that a normal question to ask?", "ask_why"),
    ],
)
def test_a_question_back_about_the_question_is_answered(text: str, intent: str) -> None:
    assert cues.asks_faq(intent, text)


def test_a_why_about_their_health_is_not_a_question_about_the_chat() -> None:
    assert not cues.asks_faq("ask_why", "why do I feel so tired all the time?")


@pytest.mark.parametrize(
    ("text", "lost"),
    [
        ("what does 10 mean?", True),
        ("how would anyone know that?", True),
        ("I would know when I can walk the dog", False),
        ("how can i tell if im better", False),
    ],
)
def test_asking_what_the_scale_or_the_question_means(text: str, lost: bool) -> None:
    assert cues.not_understood(text) is lost


@pytest.mark.parametrize(
    ("text", "asks"),
    [("What you mean?", True), ("wat do u mean", True), ("meaning?", True),
     ("I know what you mean about the knees", False)],
)  # fmt: skip
def test_what_you_mean_said_without_do_is_not_understanding(text: str, asks: bool) -> None:
    assert cues.not_understood(text) is asks
