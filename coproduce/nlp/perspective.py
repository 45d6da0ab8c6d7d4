"""People named by someone answering for the patient, as the patient would name them."""

from __future__ import annotations

from spacy.tokens import Doc, Span

#: Someone answering for the patient names people from where they stand: to a daughter
#: typing for her mum, "my brother" is the patient's son. Respondent -> (their word -> the
#: patient's). Words not listed (a friend, a neighbour, the carers) are the same to both.
_THEIR_WORD_TO_PATIENTS: dict[str, dict[str, str]] = {
    "child": {
        "sister": "daughter",
        "brother": "son",
        "mum": "wife",
        "dad": "husband",
        "parent": "partner",
        "son": "grandchild",
        "daughter": "grandchild",
        "child": "grandchild",
        "grandchild": "family",
        "wife": "family",
        "husband": "family",
        "partner": "family",
    },
    "grandchild": {
        "mum": "daughter",
        "dad": "son",
        "parent": "child",
        "sister": "grandchild",
        "brother": "grandchild",
        "family": "family",
        "child": "family",
        "son": "family",
        "daughter": "family",
    },
    "parent": {
        "wife": "mum",
        "husband": "dad",
        "partner": "parent",
        "son": "brother",
        "daughter": "sister",
        "child": "family",
        "mum": "family",
        "dad": "family",
        "parent": "family",
        "sister": "family",
        "brother": "family",
    },
    "partner": {
        "mum": "family",
        "dad": "family",
        "parent": "family",
        "sister": "family",
        "brother": "family",
    },
}
_RESPONDENT_GROUP = {
    "son": "child",
    "daughter": "child",
    "child": "child",
    "grandchild": "grandchild",
    "mum": "parent",
    "dad": "parent",
    "parent": "parent",
    "wife": "partner",
    "husband": "partner",
    "partner": "partner",
}

_THEIR_OWN = frozenset({"my", "me", "mi", "ma"})


def to_patient(doc: Doc, person: Span, respondent: str | None) -> str:
    """The relationship a person named by someone answering for the patient has to the patient.

    Only "my ..." is said from the respondent's side; "her son", "his carers" and "our
    daughter" already name the patient's.
    """
    said = person.ent_id_
    group = _RESPONDENT_GROUP.get(respondent or "")
    # "my lad" may be one term of its own, with "my" inside it.
    own = doc[person.start].lower_ in _THEIR_OWN or (
        person.start > 0 and doc[person.start - 1].lower_ in _THEIR_OWN
    )
    if group is None or not own:
        return said
    if group == "grandchild" and said == "family":
        # "my uncle", "my auntie": the patient's child; "my nan" is the patient.
        word = person.text.lower()
        if word in ("uncle",):
            return "son"
        if word in ("aunt", "auntie", "aunty"):
            return "daughter"
    return _THEIR_WORD_TO_PATIENTS[group].get(said, said)
