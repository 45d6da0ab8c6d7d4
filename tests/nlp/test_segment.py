"""split_items: one item per thing the patient said, in their own words."""

from __future__ import annotations

import pytest

from coproduce.nlp.extraction import split_items, split_list


@pytest.mark.parametrize(
    ("answer", "items"),
    [
        (
            "too many tablets, I never know which to take when, and physio is two buses away",
            ["too many tablets, I never know which to take when", "physio is two buses away"],
        ),
        (
            "my daughter does my shopping and my neighbour drives me sometimes. "
            "I look after my husband, he has dementia",
            [
                "my daughter does my shopping",
                "my neighbour drives me sometimes",
                "I look after my husband, he has dementia",
            ],
        ),
        ("my son and daughter help me", ["my son and daughter help me"]),
        ("salt and pepper", ["salt and pepper"]),
        ("aches and pains", ["aches and pains"]),
        ("aches and pains mostly", ["aches and pains mostly"]),
        ("nobody really, I manage on my own", ["nobody really, I manage on my own"]),
        (
            "mum lives with me and I do everything for her",
            ["mum lives with me and I do everything for her"],
        ),
        (
            "i cant sleep, im tired all the time and i cant work",
            ["i cant sleep", "im tired all the time", "i cant work"],
        ),
        ("tablets, physio and blood tests", ["tablets", "physio", "blood tests"]),
        (
            "the tablets make me drowsy and I can't drive",
            ["the tablets make me drowsy and I can't drive"],
        ),
        (
            "my wife and my son help me and my neighbour does the garden",
            ["my wife and my son help me", "my neighbour does the garden"],
        ),
        ("I look after him. And my daughter helps", ["I look after him", "my daughter helps"]),
        (
            "the water tablets have me running to the loo; the bus to the hospital costs a fortune\nand nobody explains my results",
            [
                "the water tablets have me running to the loo",
                "the bus to the hospital costs a fortune",
                "nobody explains my results",
            ],
        ),
        ("walking", ["walking"]),
        ("and also the insulin.", ["the insulin"]),
        ("  my knee   ", ["my knee"]),
        ("my knee!!!", ["my knee"]),
        ("The pain. It wakes me up at night.", ["The pain. It wakes me up at night"]),
        (
            "my hip is agony, especially on the stairs",
            ["my hip is agony, especially on the stairs"],
        ),
        (
            "I want to sort my knee out so I can walk the dog again, mornings are agony",
            ["I want to sort my knee out so I can walk the dog again", "mornings are agony"],
        ),
        (
            "my grandkids, and getting down the allotment",
            ["my grandkids, and getting down the allotment"],
        ),
        ("the injections and the little white ones", ["the injections and the little white ones"]),
        (
            "my daughter helps but she works full time",
            ["my daughter helps but she works full time"],
        ),
        ("the insulin plus checking my sugars", ["the insulin", "checking my sugars"]),
        (
            "blood tests every month - the parking is a nightmare",
            ["blood tests every month", "the parking is a nightmare"],
        ),
        ("x-ray and scans", ["x-ray and scans"]),
        (
            "carers twice a day and my sister rings every night",
            ["carers twice a day", "my sister rings every night"],
        ),
        ("my son and my daughter help me", ["my son and my daughter help me"]),
        (
            "the tablets and the injections make me sick",
            ["the tablets and the injections make me sick"],
        ),
        (
            "conflicting advice from the hospital and the gp",
            ["conflicting advice from the hospital and the gp"],
        ),
        ("My wife, my son and our kid all muck in", ["My wife, my son and our kid all muck in"]),
    ],
)
def test_split_items_keeps_the_patients_words(answer: str, items: list[str]) -> None:
    assert split_items(answer) == items


@pytest.mark.parametrize("answer", ["", "   ", "\n\t", "...", " , "])
def test_split_items_of_nothing_is_empty(answer: str) -> None:
    assert split_items(answer) == []


def test_every_item_is_a_substring_of_the_answer() -> None:
    answer = "Too many pills, the blue ones esp. AND the clinic is miles away; cant afford the bus"
    for item in split_items(answer):
        assert item in answer


@pytest.mark.parametrize(
    ("answer", "items"),
    [
        (
            "not sleeping, stopped going to the gym, called in sick twice this month",
            ["not sleeping", "stopped going to the gym", "called in sick twice this month"],
        ),
        (
            "he cant get to the loft, he's given up the club, and it takes him an hour to get "
            "washed and dressed",
            [
                "he cant get to the loft",
                "he's given up the club",
                "it takes him an hour to get washed and dressed",
            ],
        ),
        (
            "Hot flushes in meetings, night sweats so I'm up changing the sheets",
            ["Hot flushes in meetings", "night sweats so I'm up changing the sheets"],
        ),
        ("walk the dog every morning, slow mind", ["walk the dog every morning, slow mind"]),
        # A word or two after a bare comma is a thing of its own; after "and" it finishes one.
        (
            "dizzy spells, exhausted, and my hands shake",
            ["dizzy spells", "exhausted", "my hands shake"],
        ),
        ("incontinence, pain", ["incontinence", "pain"]),
        ("aches and pains", ["aches and pains"]),
        ("bad back, mostly", ["bad back, mostly"]),
        # A word after "and" finishes a clause ("tired and thirsty") but is a second thing
        # after a thing named ("a heat pad and netflix"); "i knit" after a comma is its own.
        ("I get so tired and thirsty", ["I get so tired and thirsty"]),
        ("the heat pad n netflix", ["the heat pad", "netflix"]),
        ("a long soak, i knit, and my allotment", ["a long soak", "i knit", "my allotment"]),
        (
            "The arthritis stops me gardening. Otherwise I'm just tired",
            ["The arthritis stops me gardening", "Otherwise I'm just tired"],
        ),
        # A when is not a second thing, nor is the other half of "in and out"; the same
        # opening said again is ("gets tired ... and gets frustrated").
        ("Pain all day and all night", ["Pain all day and all night"]),
        (
            "Cant get in and out of the car without my wife helping",
            ["Cant get in and out of the car without my wife helping"],
        ),
        ("gets tired quick and gets frustrated", ["gets tired quick", "gets frustrated"]),
    ],
)
def test_split_list_gives_each_thing_in_a_list_its_own_item(answer: str, items: list[str]) -> None:
    assert split_list(answer) == items


def test_a_letter_s_greeting_and_sign_off_are_not_items() -> None:
    letter = "Dear Dr Shah,\nThe tablets make me sick. The bus fare.\nBest wishes\nJ. Lowe"
    assert split_items(letter) == ["The tablets make me sick", "The bus fare"]
    assert split_items("Dear me, my knee is bad") == ["Dear me, my knee is bad"]


def test_the_last_item_of_a_list_after_a_comma_and_and_is_its_own() -> None:
    assert split_list("the garden, reading, and my choir") == ["the garden", "reading", "my choir"]
    assert split_list("fish and chips") == ["fish and chips"]


def test_an_said_for_and_joins_a_list_but_an_article_does_not() -> None:
    assert split_list("the telly an a wee dram") == ["the telly", "a wee dram"]
    assert split_list("an hour in the garden") == ["an hour in the garden"]


@pytest.mark.parametrize(
    ("text", "items"),
    [
        (
            "Cotton gloves with cream on at night, my bridal bootcamp class, and Netflix lol",
            ["Cotton gloves with cream on at night", "my bridal bootcamp class", "Netflix lol"],
        ),
        (
            "being sick every morning, missed loads of school. so tired i fall asleep in maths",
            [
                "being sick every morning",
                "missed loads of school",
                "so tired i fall asleep in maths",
            ],
        ),
        ("cant walk far. so i stay in", ["cant walk far. so i stay in"]),
    ],
)
def test_a_list_ending_in_a_remark_and_a_sentence_opening_so(text: str, items: list[str]) -> None:
    assert split_list(text) == items


def test_so_with_no_subject_after_a_comma_is_a_new_thing() -> None:
    assert split_list("lost nearly a stone, so dizzy when i stand up") == [
        "lost nearly a stone",
        "so dizzy when i stand up",
    ]
    assert split_list("cant sleep, so i am tired") == ["cant sleep, so i am tired"]


def test_a_spaced_dash_divides_an_answer_written_as_a_dashed_list() -> None:
    answer = "- creams take ages - dermo is in Brisbane, 3 hrs drive - gap fee $180 every visit"
    assert split_items(answer) == [
        "creams take ages",
        "dermo is in Brisbane, 3 hrs drive",
        "gap fee $180 every visit",
    ]
    # Without list marks a spaced dash is weighed like a comma.
    assert split_items("The injections every two weeks - I get flu-like symptoms after") == [
        "The injections every two weeks",
        "I get flu-like symptoms after",
    ]


def test_a_round_trip_is_one_thing() -> None:
    assert split_items("The maxi taxi to the unit and back does cost plenty") == [
        "The maxi taxi to the unit and back does cost plenty"
    ]


@pytest.mark.parametrize(
    ("answer", "items"),
    [
        ("gym and gaming", ["gym", "gaming"]),
        ("He likes his garden and watching cricket", ["He likes his garden", "watching cricket"]),
        ("crossword and radio", ["crossword", "radio"]),
        ("fish and chips on a friday", ["fish and chips on a friday"]),
        ("peace and quiet", ["peace and quiet"]),
        ("I get washed and dressed early", ["I get washed and dressed early"]),
    ],
)
def test_in_a_list_of_what_helps_a_word_after_and_is_a_thing_of_its_own(
    answer: str, items: list[str]
) -> None:
    assert split_list(answer, things=True) == items


def test_in_a_list_of_burdens_a_word_after_and_may_finish_the_first() -> None:
    assert split_list("tired and thirsty") == ["tired and thirsty"]


def test_what_follows_the_worst_of_it_tells_of_it() -> None:
    assert split_list(
        "The fatigue is the big one, I sleep most of Saturday to recover. Bladder urgency"
    ) == ["The fatigue is the big one, I sleep most of Saturday to recover", "Bladder urgency"]


def test_so_with_a_subject_and_is_follows_from_the_one_before() -> None:
    assert split_list("Ma back is sair if ah stand ower lang, so cookin is hard. Ah'm feart") == [
        "Ma back is sair if ah stand ower lang, so cookin is hard",
        "Ah'm feart",
    ]


def test_a_numbered_list_gives_its_items_not_its_numbers() -> None:
    assert split_list(
        "1. Stiff hands for 2 hours. 2. I can't hold a pen. 3. Exhausted by 3pm."
    ) == [
        "Stiff hands for 2 hours",
        "I can't hold a pen",
        "Exhausted by 3pm",
    ]


@pytest.mark.parametrize(
    ("answer", "items"),
    [
        (
            "cant get down the allotment no more cant lie flat at night get puffed out",
            ["cant get down the allotment no more", "cant lie flat at night", "get puffed out"],
        ),
        (
            "the fatigue is awful i cant work full days anymore i nap every afternoon",
            ["the fatigue is awful", "i cant work full days anymore", "i nap every afternoon"],
        ),
        (
            "I am knackered all the time my knees are bad i cant walk the dog",
            ["I am knackered all the time", "my knees are bad", "i cant walk the dog"],
        ),
        (
            "I've had a couple of falls the last one in the kitchen my voice has gone quiet",
            ["I've had a couple of falls the last one in the kitchen", "my voice has gone quiet"],
        ),
        ("I can't do up buttons my hands shake", ["I can't do up buttons", "my hands shake"]),
        (
            "well I can't knit I can't open jars the mornings are the worst",
            ["well I can't knit", "I can't open jars", "the mornings are the worst"],
        ),
        ("i cant sleep i cant eat", ["i cant sleep", "i cant eat"]),
    ],
)
def test_an_answer_without_punctuation_is_cut_where_a_new_clause_starts(
    answer: str, items: list[str]
) -> None:
    assert split_list(answer) == items


@pytest.mark.parametrize(
    "answer",
    [
        "i get tired by the time i get home",  # "the time I" starts a clause
        "at night i cant sleep",  # nothing before "I" is a clause
        "it hurts every morning when i get up",
        "my knees ache so much more i cant do things",  # "more" without "no"
        "I hate the tablets my doctor gave me",  # what the tablets are, not a new subject
        "i act out my dreams Pat says",
        "I'm so tired all the time it's like having flu",
        "I hate the tablets the doctor gave me",
    ],
)
def test_a_run_on_cut_needs_a_whole_clause_before_it(answer: str) -> None:
    assert split_list(answer) == [answer]


@pytest.mark.parametrize(
    ("answer", "items"),
    [
        # "cant" said again, with no "I", starts the next thing each time.
        ("cant sew cant do buttons cant open jars", ["cant sew", "cant do buttons",
                                                      "cant open jars"]),
        # Not after "because": the reason goes with what it explains.
        ("I cant sleep because I cant get comfy", ["I cant sleep because I cant get comfy"]),
    ],
)  # fmt: skip
def test_cant_said_again_without_i(answer: str, items: list[str]) -> None:
    assert split_list(answer) == items


def test_i_said_again_after_a_thing_starts_the_next_item() -> None:
    answer = "I keep a headache diary on my phone I try to eat regular meals and I do yoga"
    assert split_list(answer, things=True) == [
        "I keep a headache diary on my phone",
        "I try to eat regular meals",
        "I do yoga",
    ]
    # Not after what they think or were told: "I told them I can't".
    assert split_list("I told them I cant manage the stairs") == [
        "I told them I cant manage the stairs"
    ]
