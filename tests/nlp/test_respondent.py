"""Who is answering: the patient, or someone for them."""

from __future__ import annotations

import pytest

from coproduce.nlp import respondent


@pytest.mark.parametrize(
    ("text", "relationship"),
    [
        ("I'm her daughter", "daughter"),
        ("I am her husband and her carer.", "husband"),
        ("im his son", "son"),
        ("carer", "carer"),
        # Right after "I'm his/her" a short slip is still the relationship.
        ("yeh im her sonn Dean", "son"),
        ("yes im his sun, dad doesnt read english good so im doing it with him", "son"),
        ("yes im his sistr and his carer", "sister"),
        # "For my brother" says a sister or a brother, not which.
        ("typing this for my brother", "sibling"),
        # "for Mammy" names the patient, not the typist; a neighbour is a neighbour.
        ("Hi this is Siobhan, I'm doing this for Mammy she hasn't a notion of phones", "child"),
        ("Yes I'm her neigbour Brenda, known her 30 year", "neighbour"),
    ],
)
def test_the_relationship_is_read(text: str, relationship: str) -> None:
    assert respondent.relationship_in(text) == relationship


@pytest.mark.parametrize("text", ["its me", "me, the patient"])
def test_the_patient_answering_for_themselves(text: str) -> None:
    assert respondent.answers_for_self(text)
    assert respondent.relationship_in(text) is None


def test_someone_typing_for_the_patient_sounds_like_a_proxy() -> None:
    assert respondent.sounds_like_proxy("my husband is typing for me")


@pytest.mark.parametrize("text", ["yes fine says he", "he says fine by him", "ok fine"])
def test_short_words_are_not_taken_for_a_relationship_with_a_slip(text: str) -> None:
    assert respondent.relationship_in(text) is None


@pytest.mark.parametrize(
    ("text", "on_behalf", "relationship"),
    [
        ("Hiya, I'm doing this for our Declan, he's at work", True, None),
        ("This is Mo, I'm Tariq's key worker", True, "other"),
        ("Nell says yes go ahead", True, None),
        ("he's sat next to me telling me what to put", True, None),
        ("writing this for Dad as his hands shake", True, "child"),
        ("I'm filling this in for Thursday's appointment", False, None),
    ],
)
def test_someone_typing_for_a_person_named_by_name_or_role(
    text: str, on_behalf: bool, relationship: str | None
) -> None:
    assert respondent.says_on_behalf(text) is on_behalf
    assert respondent.relationship_in(text) == relationship


def test_an_answer_about_his_or_her_things_sounds_like_someone_else() -> None:
    assert respondent.sounds_like_proxy("Her inhalers were changed last month")
    assert not respondent.sounds_like_proxy("My inhalers were changed last month")


@pytest.mark.parametrize(
    ("text", "on_behalf"),
    [
        # Relaying the patient's word is answering for them ...
        ("Nan says yes", True),
        ("my dad said that's fine", True),
        # ... but the patient saying what someone said of them is not.
        ("I've put on loads of weight my son says", False),
        ("my husband says I've been snappy since the new tablets", False),
    ],
)
def test_what_someone_says_is_relayed_only_without_the_typist_s_own_i(
    text: str, on_behalf: bool
) -> None:
    assert respondent.says_on_behalf(text) is on_behalf


@pytest.mark.parametrize(
    ("text", "proxy"),
    [
        ("yeah ok if my mum cant see it", False),
        ("fine as long as my dad can't see this", False),
        ("my mum can't see well enough to type", True),
    ],
)
def test_who_may_not_read_it_is_not_who_is_typing(text: str, proxy: bool) -> None:
    assert respondent.says_on_behalf(text) is proxy


@pytest.mark.parametrize(
    ("text", "relationship"),
    [
        ("Yes Mum says that's fine", "child"),
        ("yes nan says thats fine", "grandchild"),
        ("Hello, I'm doing this with Mum, she has Parkinson's and can't type easily", "child"),
        ("Yes, I'm her daughter. Mum is sat next to me", "daughter"),
    ],
)
def test_the_patient_named_as_the_one_who_says_or_has(text: str, relationship: str) -> None:
    assert respondent.relationship_in(text) == relationship


@pytest.mark.parametrize(
    "text",
    [
        "Good afternoon. I am completing this for my mother, Edna, who is 97.",
        "I am completing it for dad",
    ],
)
def test_completing_it_for_someone_is_answering_for_them(text: str) -> None:
    assert respondent.says_on_behalf(text)
    assert respondent.relationship_in(text) == "child"


def test_the_patient_named_as_mother_is_not_the_typists_relationship() -> None:
    assert respondent.relationship_in("Yes, Mother is happy for us to go ahead") == "child"


@pytest.mark.parametrize(
    "text",
    ["Hi its about my daughter Maisie shes 5", "hello, I am writing about my husband"],
)
def test_writing_about_someone_is_answering_for_them(text: str) -> None:
    assert respondent.says_on_behalf(text)
    # Their relationship is asked: "my daughter" says only that the typist is a parent.
    assert respondent.relationship_in(text) in ("parent", "wife")


def test_talking_about_someone_is_not_answering_for_them() -> None:
    assert not respondent.says_on_behalf("I want to talk about my mum dying")


def test_filling_it_in_for_my_lad_is_answering_for_him() -> None:
    assert respondent.says_on_behalf("Hello, I'm Mark, filling this in for my lad Callum who's 14.")
