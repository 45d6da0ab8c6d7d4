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


@pytest.mark.parametrize("text", ["yes nan says thats fine", "he says fine by him", "ok fine"])
def test_short_words_are_not_taken_for_a_relationship_with_a_slip(text: str) -> None:
    assert respondent.relationship_in(text) is None
