"""extract_supports: who helps the patient, and whom the patient cares for."""

from __future__ import annotations

import pytest

from coproduce.nlp.extraction import SUPPORT_KINDS, Support, extract_supports


def test_example_from_the_brief() -> None:
    answer = (
        "my daughter does my shopping and my neighbour drives me sometimes. "
        "I look after my husband, he has dementia"
    )
    assert extract_supports(answer) == [
        Support("my daughter does my shopping", "daughter", "support"),
        Support("my neighbour drives me sometimes", "neighbour", "support"),
        Support("I look after my husband, he has dementia", "husband", "caring_for"),
    ]


@pytest.mark.parametrize(
    ("answer", "relationship"),
    [
        ("the wife", "wife"),
        ("the missus does most things", "wife"),
        ("my other half", "partner"),
        ("my partner", "partner"),
        ("our Sharon next door", "neighbour"),
        ("my neighbor checks on me", "neighbour"),
        ("my eldest", "child"),
        ("my eldest son rings every day", "son"),
        ("the kids pop round", "child"),
        ("my mam", "mum"),
        ("my mom drives me", "mum"),
        ("my mother", "mum"),
        ("me dad", "dad"),
        ("my father in law", "family"),
        ("our kid", "brother"),
        ("my sister", "sister"),
        ("my brother", "brother"),
        ("the grandkids", "grandchild"),
        ("my granddaughter", "grandchild"),
        ("friends from church", "friend"),
        ("people at church", "church"),
        ("the lunch club", "community"),
        ("carers come in twice a day", "carer"),
        ("a care worker in the mornings", "carer"),
        ("the district nurse", "nurse"),
        ("my GP is good", "gp"),
        ("the pharmacist delivers my meds", "pharmacist"),
        ("my mates from work", "friend"),
        ("my colleagues", "colleague"),
        ("my husband", "husband"),
        ("hubby", "husband"),
        # Typed as said: a silent "gh" left out, "mum's" without its apostrophe.
        ("my dauter", "daughter"),
        ("ma neebur Isa", "neighbour"),
        ("mums alright", "mum"),
        ("my bruther Liam takes her to hospital", "brother"),
        ("lass across road, Pam, gets me bits in", "neighbour"),
    ],
)
def test_relationship_is_normalised(answer: str, relationship: str) -> None:
    supports = extract_supports(answer)
    assert len(supports) == 1
    assert supports[0].relationship == relationship
    assert supports[0].kind == "support"
    assert supports[0].text == answer


def test_each_person_a_caring_phrase_ends_on_is_their_own_item() -> None:
    found = extract_supports("I mind Callum and Ava after school")
    assert [s.text for s in found] == ["I mind Callum", "Ava after school"]
    assert {s.kind for s in found} == {"caring_for"}


@pytest.mark.parametrize(
    ("answer", "relationship"),
    [
        ("I look after my husband", "husband"),
        ("i look after mum", "mum"),
        ("im a carer for my mum", "mum"),
        ("I'm a carer for my son, he's autistic", "son"),
        ("mum lives with me and I do everything for her", "mum"),
        ("i care for my wife she had a stroke", "wife"),
        ("I mind the grandkids on tuesdays", "grandchild"),
        ("look after my grandkids after school", "grandchild"),
        ("I'm her carer", None),
        ("i help my dad with his shopping", "dad"),
        ("I drive my dad to his clinic appointments", "dad"),
        ("i keep an eye on my brother, he lives alone", "brother"),
        ("I do my nephew's washing since his op", "family"),
        ("I collect the grandchildren from nursery on Fridays", "grandchild"),
        ("i help with my grandson after school", "grandchild"),
        ("i have the grandkids every tuesday", "grandchild"),
        ("I take my nan round the shops on a saturday", "family"),
        ("I help out with my dad who has dementia", "dad"),
        ("I've got the two boys to look after, 15 and 17", "son"),
        ("I've got Isla and Finn to look after", None),
        ("I'm also my mum's main carer now", "mum"),
        ("I visit my mum in the home every day", "mum"),
        ("I mind my grandweans after school", "grandchild"),
    ],
)
def test_patient_caring_for_someone(answer: str, relationship: str | None) -> None:
    assert extract_supports(answer) == [Support(answer, relationship, "caring_for")]


@pytest.mark.parametrize(
    "answer",
    [
        "my daughter looks after me",
        "I'm looked after by my son",
        "my wife cares for me",
        "the carers look after me well",
    ],
)
def test_being_cared_for_is_support(answer: str) -> None:
    assert [s.kind for s in extract_supports(answer)] == ["support"]


def test_nobody_is_one_support_without_relationship() -> None:
    answer = "nobody really, I manage on my own"
    assert extract_supports(answer) == [Support(answer, None, "support")]


def test_a_list_of_people_in_one_clause_is_one_support_each() -> None:
    assert [(s.text, s.relationship) for s in extract_supports("the wife and my daughter")] == [
        ("the wife", "wife"),
        ("my daughter", "daughter"),
    ]
    supports = extract_supports("my fiance tom, my mum and my sister take turns doing tea")
    assert [s.relationship for s in supports] == ["partner", "mum", "sister"]
    assert supports[0].text == "my fiance tom"
    assert supports[-1].text == "my sister take turns doing tea"


@pytest.mark.parametrize(
    ("answer", "relationship"),
    [
        ("my nieghbour jim takes me shopping", "neighbour"),
        ("my husbnd is good", "husband"),
        ("My grandaughter Kayleigh does my shopping", "grandchild"),
        ("my flatmates are nice about it", "friend"),
    ],
)
def test_relationships_typed_with_a_slip_are_read(answer: str, relationship: str) -> None:
    assert [s.relationship for s in extract_supports(answer)] == [relationship]


def test_the_same_person_said_twice_is_one_support() -> None:
    answer = "the lady next door pops in, our neighbour"
    assert extract_supports(answer) == [Support(answer, "neighbour", "support")]


def test_someone_answering_for_the_patient_who_names_themself_is_a_support() -> None:
    supports = extract_supports("Me, and our son Gary takes him fishing", respondent="wife")
    assert [(s.text, s.relationship) for s in supports] == [
        ("Me", "wife"),
        ("our son Gary takes him fishing", "son"),
    ]
    answer = "Our son Peter comes on Saturdays. Otherwise it is me who looks after Margaret."
    supports = extract_supports(answer, respondent="husband")
    assert supports[-1].text == "Otherwise it is me who looks after Margaret"
    assert supports[-1].relationship == "husband"


def test_a_parent_role_is_the_patients_own() -> None:
    [support] = extract_supports("I'm a single mum to my two sons")
    assert (support.relationship, support.kind) == ("son", "caring_for")


def test_unnamed_item_stays_with_the_person_it_is_about() -> None:
    answer = "I'm lucky really. My eldest rings every day"
    assert extract_supports(answer) == [Support(answer, "child", "support")]


def test_british_filler_mind_is_not_caring() -> None:
    answer = "I'm lucky. Nobody else to help mind"
    assert extract_supports(answer) == [Support(answer, None, "support")]


def test_professional_carers_and_family_are_separate_supports() -> None:
    supports = extract_supports("carers twice a day and my sister rings every night")
    assert [(s.text, s.relationship) for s in supports] == [
        ("carers twice a day", "carer"),
        ("my sister rings every night", "sister"),
    ]


def test_helper_and_caring_role_together() -> None:
    supports = extract_supports("my daughter helps me and I look after my husband")
    assert [(s.relationship, s.kind) for s in supports] == [
        ("daughter", "support"),
        ("husband", "caring_for"),
    ]
    assert all(s.kind in SUPPORT_KINDS for s in supports)


@pytest.mark.parametrize("answer", ["", "  "])
def test_no_supports_in_an_empty_answer(answer: str) -> None:
    assert extract_supports(answer) == []


def test_people_named_by_work_or_slang_are_their_own_supports() -> None:
    found = extract_supports("me fella, and my boss lets me work from home")
    assert [(s.relationship, s.kind) for s in found] == [
        ("partner", "support"),
        ("colleague", "support"),
    ]


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (
            "My sister Pam does my shopping, and Doreen from chapel, she runs me to the GP. "
            "Kieran pops round to fix the telly.",
            [("sister", "support"), (None, "support"), (None, "support")],
        ),
        (
            "Husband Tony. Lad's just round the corner.",
            [("husband", "support"), ("son", "support")],
        ),
        ("Nadia, my wife, and my son Yusuf", [("wife", "support"), ("son", "support")]),
        (
            "my husband, and i look after the 2 boys",
            [("husband", "support"), ("son", "caring_for")],
        ),
        ("i do the school runs for my daughter", [("daughter", "caring_for")]),
        ("I drive my husband Keith to his dialysis", [("husband", "caring_for")]),
        ("I will ask. my daughter may help", [("daughter", "support")]),
    ],
)
def test_people_named_by_name_alone_are_their_own_item(
    answer: str, expected: list[tuple[str | None, str]]
) -> None:
    found = extract_supports(answer)
    assert [(s.relationship, s.kind) for s in found] == expected, found


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (
            "Mrs Okoro from the chapel does my shopping. My brother Kevin rings. "
            "And I still see to my aunt.",
            [(None, "support"), ("brother", "support"), ("family", "caring_for")],
        ),
        ("my nan takes Kayden when I'm on shift", [("family", "support")]),
        ("Our Sean sits with Moira when I go to the shops", [(None, "support")]),
        ("i have my 3 girls weekends", [("daughter", "caring_for")]),
        (
            "I walk my nephew to school and do a lot for my uncle",
            [("family", "caring_for"), ("family", "caring_for")],
        ),
        ("me brother rings most nights", [("brother", "support")]),
        ("my bf and my bandmates", [("partner", "support"), ("friend", "support")]),
    ],
)
def test_who_helps_and_who_is_helped_by_name_and_by_deed(
    answer: str, expected: list[tuple[str | None, str]]
) -> None:
    found = extract_supports(answer, respondent=None)
    assert [(s.relationship, s.kind) for s in found] == expected, found


def test_a_letter_s_greeting_and_sign_off_are_not_people() -> None:
    letter = "Dear Sir or Madam,\n\nMy niece Joanna visits weekly.\n\nYours sincerely,\nG. Hart"
    assert [(s.text, s.relationship) for s in extract_supports(letter)] == [
        ("My niece Joanna visits weekly", "family")
    ]


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        # A name and the relationship said after it ("is a", "he's me") are one person.
        ("Maureen is an old friend from work", [("friend", "support")]),
        ("Dougie comes Tuesdays, he's me brother", [("brother", "support")]),
        # Someone named again later in the answer is not a new person.
        (
            "Nadia is a star. My dad drives me when Nadia is on nights",
            [(None, "support"), ("dad", "support")],
        ),
        # Whom the patient has on given days is whom they care for.
        ("I have Freya after school three days a week", [(None, "caring_for")]),
        ("n my little lad, i have him most weekends", [("son", "caring_for")]),
        ("Ron's got dementia so I do most things for him", [(None, "caring_for")]),
    ],
)
def test_names_said_twice_or_beside_their_relationship_are_one_person(
    answer: str, expected: list[tuple[str | None, str]]
) -> None:
    found = extract_supports(answer, respondent=None)
    assert [(s.relationship, s.kind) for s in found] == expected, found


@pytest.mark.parametrize(
    ("answer", "respondent", "expected"),
    [
        # In brackets: the same person, with the relationship to the patient.
        ("Me (Donna) every day", "daughter", ["daughter"]),
        ("my dad (her husband) does the cooking", "son", ["husband"]),
        # "my ..." from a relative typing is said from where they stand.
        ("my brother does her garden and my sister rings", "daughter", ["son", "daughter"]),
        ("my dad does his tablets, my auntie takes him out", "grandchild", ["son", "daughter"]),
        ("my husband and I take turns with the nights", "mum", ["dad"]),
        # "her", "his" and "our" already name the patient's people.
        ("her sister visits and our son helps", "husband", ["sister", "son"]),
        ("my sister pops in", None, ["sister"]),
        # "my lad" is one term with its "my" inside it.
        ("she has my lad after school twice a week", "son", ["grandchild"]),
    ],
)
def test_someone_answering_for_the_patient_names_people_as_the_patient_would(
    answer: str, respondent: str | None, expected: list[str]
) -> None:
    found = extract_supports(answer, respondent=respondent)
    assert [s.relationship for s in found] == expected, found


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        # "ma" before a word is "my" (Scots); "ma man" is a partner.
        ("Ma brother Shug and ma man Eck", [("brother", "support"), ("partner", "support")]),
        # Whose someone is, and where they are from, are not more people.
        ("I fetch my grandson from nursery, my son's boy", [("grandchild", "caring_for")]),
        ("a friend from the Parkinson's UK support group", [("friend", "support")]),
        ("the chapel brothers and sisters pray for me", [("church", "support")]),
        # The one a pronoun points back to is the one cared for.
        ("My father is 90, I drive him to the surgery", [("dad", "caring_for")]),
        ("I'm Derek's main carer", [(None, "caring_for")]),
        # A verb after a comma goes with the person before it.
        ("my son Kwame, 15, does the hoovering", [("son", "support")]),
    ],
)
def test_whose_where_from_and_whom_a_pronoun_means(
    answer: str, expected: list[tuple[str | None, str]]
) -> None:
    found = extract_supports(answer, respondent=None)
    assert [(s.relationship, s.kind) for s in found] == expected, found


def test_a_name_given_a_relationship_in_another_answer_keeps_it() -> None:
    elsewhere = ["Mostly my wife Brenda, she's not been well, and the allotment"]
    [support] = extract_supports("I do everything for Brenda these days", elsewhere=elsewhere)
    assert (support.relationship, support.kind) == ("wife", "caring_for")
    # Someone typing for the patient: their "my wife" is not the patient's.
    [support] = extract_supports("Brenda helps", respondent="son", elsewhere=elsewhere)
    assert support.relationship is None


@pytest.mark.parametrize(
    ("text", "relationship", "kind"),
    [
        ("my PA Marcus does the mornings", "carer", "support"),
        ("I send money home to my father every month", "dad", "caring_for"),
        ("my nan's got dementia so I pop round to do her dinner", "family", "caring_for"),
    ],
)
def test_helpers_and_caring_said_in_other_words(text: str, relationship: str, kind: str) -> None:
    [support] = extract_supports(text)
    assert (support.relationship, support.kind) == (relationship, kind)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our Bev, that's my sister, rings daily", [("sister", "support")]),
        ("My husband Ted has his chest so I do for him", [("husband", "caring_for")]),
        ("I'm the one who looks after my mum now", [("mum", "caring_for")]),
        ("I pick up my grandson from nursery Fridays", [("grandchild", "caring_for")]),
        ("Father Doyle calls in", [("church", "support")]),
        ("the CPN Josie, and my brother", [("nurse", "support"), ("brother", "support")]),
        ("I'm the main support for my uncle", [("family", "caring_for")]),
        ("I send parcels home to my dad", [("dad", "caring_for")]),
        ("i take me nan for her shopping", [("family", "caring_for")]),
        ("I sit with my aunt on Sundays", [("family", "caring_for")]),
        ("I pick Kacper up from nursery", [(None, "caring_for")]),
        ("I look in on my dad most evenings", [("dad", "caring_for")]),
        ("The lady across the road, Pat, gets my bits", [("neighbour", "support")]),
        ("my swimming coach", [("other", "support")]),
        ("we have my niece and nephew every school holiday", [("family", "caring_for")] * 2),
    ],
)
def test_who_someone_is_and_who_cares_for_whom_in_more_words(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(s.relationship, s.kind) for s in extract_supports(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Dialect words for family.
        ("wor lass does the lot", [("wife", "support")]),
        ("me da's in a home now, I visit", [("dad", "support")]),
        ("my maw comes Tuesdays", [("mum", "support")]),
        ("ma boy Kyle runs me about", [("son", "support")]),
        ("my mama lives in Lagos", [("mum", "support")]),
        ("a neighbouring farmer helps at lambing", [("neighbour", "support")]),
        ("my social worker Dev", [("carer", "support")]),
        # Whom someone else has is not another helper; "X's Y" is one person.
        ("my brother has the weans at the weekend", [("brother", "support")]),
        ("next door's girl does my shopping", [("neighbour", "support")]),
        # The patient caring, in more words.
        ("i do everything else for my gran", [("family", "caring_for")]),
        ("I do for my husband, he can't manage", [("husband", "caring_for")]),
        ("I do my dad's hospital runs", [("dad", "caring_for")]),
        ("my sister back home, I send money for her", [("sister", "caring_for")]),
        (
            "my father is in Lahore, I ring daily and arrange his appointments",
            [("dad", "caring_for")],
        ),
        ("ringing my auntie every night, she relies on me", [("family", "caring_for")]),
        ("I look after me granddad Fridays", [("family", "caring_for")]),
        ("ah look efter ma mum", [("mum", "caring_for")]),
        (
            "I have my son and my daughter weds and thurs",
            [("son", "caring_for"), ("daughter", "caring_for")],
        ),
        # Not the patient caring.
        ("my daughter sorts my tablets. she relies on her car", [("daughter", "support")]),
        (
            "the wife, and my daughter's always popping in",
            [("wife", "support"), ("daughter", "support")],
        ),
        ("my dad has my son on Fridays", [("dad", "support"), ("son", "caring_for")]),
        ("I pop round to my aunt most evenings", [("family", "caring_for")]),
        ("I'm forever running round after the kids", [("child", "caring_for")]),
        ("I do all the running around for my grandad", [("family", "caring_for")]),
        ("my mum helps with the wee man", [("mum", "support")]),
        ("his form tutor is good", [("colleague", "support")]),
        ("my wife, though she needs my help more these days", [("wife", "caring_for")]),
        ("my nephew comes to me with everything", [("family", "caring_for")]),
        ("I try to be there for my sister", [("sister", "caring_for")]),
    ],
)
def test_dialect_family_words_and_caring_said_more_ways(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(s.relationship, s.kind) for s in extract_supports(text)] == expected


def test_whom_the_caring_phrase_names_wins_over_someone_named_after() -> None:
    [support] = extract_supports("I do my gran's washing since grandad passed")
    assert (support.relationship, support.kind) == ("family", "caring_for")
    [support] = extract_supports("I do my dad's tablets now mum's gone")
    assert (support.relationship, support.kind) == ("dad", "caring_for")


@pytest.mark.parametrize(
    ("text", "relationship"),
    [
        ("and my youngest, i do everything for her", "daughter"),
        ("the baby, he's up all night", "son"),
        ("my nain is lovely", "family"),
    ],
)
def test_a_child_said_with_she_or_he_and_welsh_grandparents(text: str, relationship: str) -> None:
    assert [s.relationship for s in extract_supports(text)] == [relationship]


def test_what_someone_typing_does_for_the_patient_is_support() -> None:
    [me] = extract_supports(
        "Me (his daughter), I do his shopping and his tablets", respondent="daughter"
    )
    assert (me.relationship, me.kind) == ("daughter", "support")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ewa help me put socks lol. my brother Tomek he take some jobs for me",
            [None, "brother"],
        ),
        ("Wai Keung very supportive. My mother lives with us, she cooks", [None, "mum"]),
        ("Linda's sticking by me. My AA sponsor Phil", [None, "other"]),
        ("Church helps a lot. Physio is good.", ["church"]),
    ],
)
def test_a_name_the_list_lacks_still_starts_a_person(text: str, expected: list[str | None]) -> None:
    assert [s.relationship for s in extract_supports(text)] == expected


def test_a_name_the_list_lacks_keeps_the_relationship_said_in_another_answer() -> None:
    [support] = extract_supports("Ewa helps me with socks", elsewhere=["my wife Ewa and the dog"])
    assert support.relationship == "wife"


@pytest.mark.parametrize(
    ("text", "elsewhere", "expected"),
    [
        # "Sue. grandkids." are two things; "not Sue (wife)" says who Sue is.
        (
            "Sue everything. carers 3x day",
            ["Sue. grandkids. watching Spurs", "not Sue (wife) doing everything"],
            ["wife", "carer"],
        ),
        # A name the list lacks, said with its relationship after it elsewhere.
        (
            "Wai Keung very supportive. My mother lives with us",
            ["Evening better when Wai Keung my husband is home"],
            ["husband", "mum"],
        ),
        # A name from elsewhere, wherever it comes in this answer.
        ("And I look after Hei Yin of course", ["My daughter Hei Yin, she is 9."], ["daughter"]),
    ],
)
def test_who_a_name_is_said_in_another_answer(
    text: str, elsewhere: list[str], expected: list[str]
) -> None:
    supports = extract_supports(text, elsewhere=elsewhere)
    assert [s.relationship for s in supports] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "My sister Bethan rings every day. And I look after Rhys full time, his dad's not on "
            "the scene.",
            [("sister", "support"), (None, "caring_for")],
        ),
        ("my husband passed away last year, my daughter helps now", [("daughter", "support")]),
        ("my son's away at uni but rings every day", [("son", "support")]),
    ],
)
def test_someone_named_only_to_say_they_are_gone_is_not_a_support(
    text: str, expected: list[tuple[str | None, str]]
) -> None:
    assert [(s.relationship, s.kind) for s in extract_supports(text)] == expected


@pytest.mark.parametrize(
    ("text", "respondent", "expected"),
    [
        ("Me, June. Our son Peter does the lawn.", "wife", ["wife", "son"]),
        ("My mum, she's a nurse, she's my advocate.", None, ["mum"]),
    ],
)
def test_the_typist_naming_themself_and_a_relative_by_trade(
    text: str, respondent: str | None, expected: list[str]
) -> None:
    assert [s.relationship for s in extract_supports(text, respondent=respondent)] == expected


def test_a_day_of_the_week_is_not_a_name() -> None:
    supports = extract_supports(
        "Mi daughter Marcia come every Sunday and do mi pill box.",
        elsewhere=["church Sunday and mi grandchildren"],
    )
    assert [s.relationship for s in supports] == ["daughter"]


def test_whom_someone_else_has_to_look_after_is_not_cared_for_by_the_patient() -> None:
    answer = "my daughter has the kids to look after so she cant help much"
    assert extract_supports(answer) == [Support(answer, "daughter", "support")]


@pytest.mark.parametrize(
    ("answer", "respondent", "expected"),
    [
        (
            "Myself (Ravi), my wife Lakshmi who gives his tablets. Also a helper, Murugan.",
            "son",
            [("Myself (Ravi)", "son"), ("my wife Lakshmi who gives his tablets", "family"),
             ("a helper, Murugan", "carer")],
        ),
        (
            "I (Ruth) do most things. Our daughter Carol comes on Wednesdays.",
            "wife",
            [("I (Ruth) do most things", "wife"), ("Our daughter Carol comes on Wednesdays",
              "daughter")],
        ),
        (
            "My brother Peter does her shopping. She has carers twice a day.",
            "daughter",
            [("My brother Peter does her shopping", "son"),
             ("She has carers twice a day", "carer")],
        ),
        (
            "Rohan, my college friend, talking to him helps. My driver takes me to physio.",
            None,
            [("Rohan, my college friend, talking to him helps", "friend"),
             ("My driver takes me to physio", "other")],
        ),
    ],
)  # fmt: skip
def test_each_person_keeps_their_own_words_and_relationship(
    answer: str, respondent: str | None, expected: list[tuple[str, str]]
) -> None:
    found = extract_supports(answer, respondent=respondent)
    assert [(s.text, s.relationship) for s in found] == expected


def test_an_age_after_a_relationship_is_what_they_are() -> None:
    found = extract_supports("my boys are 8 and 13 and my daughter's 16")
    assert [s.relationship for s in found] == ["son", "daughter"]


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (
            "The boys in the choir are very good to me. And we mind two of the grandchildren "
            "after school.",
            [("friend", "support"), ("grandchild", "caring_for")],
        ),
        (
            "school mums doing the school run for me atm. i drive my old man to his dialysis",
            [("friend", "support"), ("dad", "caring_for")],
        ),
        ("Never mind my daughter, she's useless. My son helps.", [
            ("daughter", "support"), ("son", "support")]),
        ("Lad on the next farm helps at lambing", [("neighbour", "support")]),
        # Scots: "a" and "ah" for I, "neebor" for neighbour.
        ("ma neebor Betty. a mind ma grandson Kai efter school", [
            ("neighbour", "support"), ("grandchild", "caring_for")]),
        ("ma maw helps. an a look efter Callum obviously", [
            ("mum", "support"), (None, "caring_for")]),
    ],
)  # fmt: skip
def test_friends_by_where_they_are_met_and_minding_the_grandchildren(
    answer: str, expected: list[tuple[str | None, str]]
) -> None:
    assert [(s.relationship, s.kind) for s in extract_supports(answer)] == expected


@pytest.mark.parametrize(
    ("answer", "respondent", "expected"),
    [
        # Someone typing for the patient: what they do is support for the patient.
        ("I am his main carer, as his wife. Our son Michael comes on Saturdays", "wife", [
            ("wife", "support"), ("son", "support")]),
        ("Me, Ken, I do the driving and cooking now. Our daughter Claire rings every day",
         "husband", [("husband", "support"), ("daughter", "support")]),
        # Someone known by where they come from is a person of their own.
        ("our daughter Linda comes on Sundays and the lady from the Alzheimer's Society rings "
         "on a Thursday", None, [("daughter", "support"), ("other", "support")]),
        ("my son helps and a man from the council comes on fridays", None, [
            ("son", "support"), ("other", "support")]),
    ],
)  # fmt: skip
def test_what_a_proxy_does_and_people_known_by_where_they_come_from(
    answer: str, respondent: str | None, expected: list[tuple[str | None, str]]
) -> None:
    assert [(s.relationship, s.kind) for s in extract_supports(answer, respondent)] == expected


def test_one_person_singled_out_of_a_group_keeps_the_group_s_relationship() -> None:
    found = extract_supports("A few close friends who've known me forever, especially Jo.")
    assert [(s.text, s.relationship) for s in found] == [
        ("A few close friends who've known me forever", "friend"),
        ("especially Jo", "friend"),
    ]


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("I look after Alfie and Maisie the rest of the time obviously", [
            ("I look after Alfie", None), ("Maisie the rest of the time obviously", None)]),
        ("I look after Jake and mum", [("I look after Jake", None), ("mum", "mum")]),
        ("i care for my husband and my son who has autism", [
            ("i care for my husband", "husband"), ("my son who has autism", "son")]),
    ],
)  # fmt: skip
def test_one_caring_phrase_for_several_people_is_one_item_each(
    answer: str, expected: list[tuple[str, str | None]]
) -> None:
    found = extract_supports(answer)
    assert [(s.text, s.relationship) for s in found] == expected
    assert {s.kind for s in found} == {"caring_for"}


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("I'm still running after Alfie all day x", [(None, "caring_for")]),
        ("And I go round to Dad's every day after school to do his tea and his tablets.", [
            ("dad", "caring_for")]),
        ("I keep an eye on old Mr Dent across the lane, he is ninety-three.", [
            ("neighbour", "caring_for")]),
        ("mum back home rings every day. the uni disability advisor helped with extensions", [
            ("mum", "support"), ("other", "support")]),
        # Someone gone is not a support.
        ("my husband passed two years ago. my son helps", [("son", "support")]),
        # "our" and a name with its own verb starts the next person, without punctuation.
        ("Ron is my rock he drives me to all the eye appointments and reads my post our Karen "
         "comes on a Wednesday", [(None, "support"), (None, "support")]),
    ],
)  # fmt: skip
def test_running_after_going_round_to_across_the_lane_and_our_karen(
    answer: str, expected: list[tuple[str | None, str]]
) -> None:
    assert [(s.relationship, s.kind) for s in extract_supports(answer)] == expected


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        # A role the patient gives themself is not a person in their life.
        ("My mum helps with the girls. I'm a single parent so I look after the girls myself",
         [("mum", "support"), ("daughter", "caring_for")]),
        ("im a single parent so i do everything for my daughter", [("daughter", "caring_for")]),
        ("otherwise it's me looking after my daughter", [("daughter", "caring_for")]),
        ("my sister is a single mum herself but she helps", [("sister", "support")]),
        # A friend who lives next door is a friend; "the day centre staff" are carers.
        ("My friend Siobhan next door has the kids when I need", [("friend", "support")]),
        ("The day centre staff are very good with him", [("carer", "support")]),
        # "the" children had are looked after; "two grandkids" only says how many.
        ("and i have the grandkids like i said", [("grandchild", "caring_for")]),
        ("I have two grandkids", [("grandchild", "support")]),
        # A job said of someone is what they do, not another person.
        ("My sister Louise is a nurse so she translates the medical jargon", [("sister", "support")]),
        # Caring for nobody is not a caring role; alone, it is the answer's nobody.
        ("Our neighbour Colin drives me. I don't look after anybody myself.",
         [("neighbour", "support")]),
        ("Nobody depends on me, thank goodness.", [(None, "support")]),
        ("Oor son Graham phones every night. Naebody I look after.", [("son", "support")]),
    ],
)  # fmt: skip
def test_the_patients_own_role_and_one_person_named_twice(
    answer: str, expected: list[tuple[str | None, str]]
) -> None:
    assert [(s.relationship, s.kind) for s in extract_supports(answer)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "next door" after a verb says where someone lives, not who a neighbour is.
        (
            "Our son Rhys farms next door and does the heavy work.",
            [("Our son Rhys farms next door and does the heavy work", "son", "support")],
        ),
        (
            "Jean next door brings a dinner round",
            [("Jean next door brings a dinner round", "neighbour", "support")],
        ),
        # An in-law typed as one word is family, not a brother.
        (
            "i do my brother inlaw's shopping since his op",
            [("i do my brother inlaw's shopping since his op", "family", "caring_for")],
        ),
    ],
)
def test_where_someone_lives_and_in_laws(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(s.text, s.relationship, s.kind) for s in extract_supports(text)] == expected
