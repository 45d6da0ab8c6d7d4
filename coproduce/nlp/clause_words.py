"""The words clauses are told apart by, and whether a run of words reads as a clause.

Shared by cutting an answer into clauses (`clauses`, `run_ons`), deciding which clauses
belong together (`clause_kinds`, `merging`) and splitting lists of things (`lists`).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from coproduce.nlp import patterns


def word_set(text: str) -> frozenset[str]:
    """Return the whitespace-separated words of a word list."""
    return frozenset(text.split())


JOINERS = word_set("and but plus & n")
CONTINUATIONS = word_set(
    "he she they it that this which who them him her so because cos coz cause as though "
    "although especially even when if except apart otherwise then too either"
)
PREPOSITIONS = word_set("from with between by at to of for about like")
SUBJECTS = word_set("i he she they we you it its there u")
FINITE_VERBS = word_set(
    "am is are was were be been 'm \u2019m m 're \u2019re 've \u2019ve 'll \u2019ll 'd \u2019d "
    "do does did n't n\u2019t nt have has had can ca could will wo would should must might may "
    "get gets got make makes made help helps helped take takes took drive drives drove bring "
    "brings cook cooks clean cleans shop shops visit visits ring rings call calls phone phones "
    "pop pops come comes came go goes went live lives lived work works look looks sort sorts "
    "pick picks keep keeps give gives gave need needs want wants feel feels felt know knows "
    "forget forgets manage manages struggle struggles hate hates worry worries mean means stop "
    "stops say says said tell tells told sleep sleeps walk walks care cares mind minds sees see "
    "saw hurts hurt aches runs"
)

SUBJECT_PRONOUNS = word_set("they it these those")
#: Adverbs that come before a verb: "never turns up", "always runs late".
_BEFORE_A_VERB = word_set("never always usually often rarely seldom constantly")
#: A side effect said with what caused it: "it made me dead dizzy".
CAUSE_VERBS = word_set("makes make made making leaves leave left gives gave give")
IS = word_set("is are was were 's isnt isn't")


def in_entity(token: Token) -> bool:
    """True for a token inside a named thing (a medicine, a person, a burden phrase)."""
    return token.ent_iob_ in ("B", "I")


def is_clause(span: Span) -> bool:
    """Return whether a span reads as a full clause (it has a subject or a finite verb)."""
    for token in span:
        lower = token.lower_
        verb = (
            lower in FINITE_VERBS
            and (not in_entity(token) or token.ent_type_ == patterns.CAUSE)  # "gives me"
        ) or (
            # "pregabalin makes me dizzy": the effect said with its verb.
            token.ent_type_ == patterns.SIDE_EFFECT
            and token.ent_iob_ == "B"
            and lower in CAUSE_VERBS
        )
        if lower in SUBJECTS or verb:
            return True
        following = token.nbor(1) if token.i + 1 < span.end else None
        if lower in _BEFORE_A_VERB and following is not None and following.is_alpha:
            return True  # "the interpreter never turns up": a verb the list does not hold
        # "my neighbour drives me": a plain word ending in -s right after a named person.
        previous = token.nbor(-1) if token.i > span.start else None
        if (
            previous is not None
            and previous.ent_type_ == patterns.RELATIONSHIP
            and not in_entity(token)
            and token.is_alpha
            and lower.endswith("s")
            and not lower.endswith("ss")
        ):
            return True
    return False
