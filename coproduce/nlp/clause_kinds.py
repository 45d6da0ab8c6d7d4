"""What a clause is, as far as joining it to the one before goes.

Each test answers one question about a clause or an item: is it a bare thing named before a
comma ("the statins"), a burden in its own right ("that many tablets"), a price ("£12 each
way"), what somebody said ("the pharmacist said to check"), a clause whose verb is left out
("and by another to rest it"), or an effect said as a verb ("constipates me")? `merging`
puts the answers together.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from coproduce.nlp import patterns
from coproduce.nlp.clause_words import (
    CONTINUATIONS,
    FINITE_VERBS,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
    SUBJECTS,
    is_clause,
    word_set,
)

_BACK_PREPOSITIONS = word_set("from since after off on of o")
_BACK_PRONOUNS = word_set("it them those these that")
REPORTED = word_set("says said say tells told reckons reckoned")


def is_continuation(span: Span) -> bool:
    """True for a clause that opens like the rest of one ("so I can walk", "which is a pain").

    "Too many forms" starts something new; "too tired to go" carries on.
    """
    if span[0].lower_ == "too" and len(span) > 1 and span[1].lower_ in ("many", "much"):
        return False
    return span[0].lower_ in CONTINUATIONS


def refers_back(clause: Span) -> bool:
    """True when the clause points back at what came before ("the joint pain from it").

    "that", "those" and "these" point back only standing alone: "on that many tablets" and
    "from those pills" name something new.
    """
    words = [t.lower_ for t in clause if not t.is_punct] + [""]
    return any(
        a in _BACK_PREPOSITIONS and b in _BACK_PRONOUNS and (b in ("it", "them") or not after)
        for a, b, after in zip(words, words[1:], words[2:], strict=False)
    )


# An item that is a burden in its own right ("that many tablets", "three different drops ...
# I can't see to get them in"), not just the medicine an effect points back at.
_OWN_BURDEN = word_set(
    "many much lot lots loads different several too can't cant cannot never forget forgot "
    "remember hard difficult struggle battle fight nightmare hate rattle pain faff awkward"
)


def is_bare(span: Span) -> bool:
    """True for a bare thing named before a comma ("the statins", "my inhalers")."""
    said = [t for t in span if not t.is_punct]
    return len(said) <= 3 and not is_clause(span)


def is_own_burden(span: Span) -> bool:
    """True for a burden in its own right ("that many tablets"), not just a medicine named."""
    return any(t.lower_ in _OWN_BURDEN or _counts_medicines(t) for t in span)


#: "11 tablets", "3 different inhalers" count medicines; "3 weeks ago" says when.
_COUNTED = word_set("different separate types kinds lots sorts of")


def _counts_medicines(token: Token) -> bool:
    if not token.is_digit:
        return False
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return following is None or (
        following.ent_type_ == patterns.MEDICATION or following.lower_ in _COUNTED
    )


#: A sentence that opens with these carries its own main clause: "When I went to A&E I
#: waited four hours" is a burden of its own, whatever came before.
_OPENS_A_SENTENCE = word_set("when whenever if")


def stands_alone(clause: Span, kind: str) -> bool:
    """True for a sentence that opens with "When" or "If" and goes on to its own subject."""
    return (
        kind == "hard"
        and clause[0].lower_ in _OPENS_A_SENTENCE
        and any(t.lower_ in SUBJECTS for t in clause[2:])
    )


#: Who said what: a reported-speech verb near the start of a clause.
_ADVICE_VERBS = REPORTED | word_set("tell")
_ANOTHER = word_set("another other")


def _reports(span: Span) -> bool:
    """True for a clause that says what someone said: "the pharmacist said to check"."""
    return any(t.lower_ in _ADVICE_VERBS for t in span[:5])


def told_apart(item: Span, clause: Span) -> bool:
    """True when the clause is a second person's word on what the item reports."""
    return _reports(item) and _reports(clause) and clause[0].lower_ not in SUBJECTS - {"they"}


_COPULAS = word_set("'s ’s s is was")


def gapped(clause: Span) -> bool:
    """True for a clause whose verb is left out ("and by another to rest it").

    Not "that's another tablet", where "another" goes with a thing.
    """
    for token in clause[:4]:
        if token.lower_ in _ANOTHER:
            # "another" standing for a person ("by another to rest it"), not "another test".
            following = token.nbor(1) if token.i + 1 < clause.end else None
            alone = following is None or following.is_punct or following.lower_ in PREPOSITIONS
            return alone and not any(t.lower_ in FINITE_VERBS for t in clause)
        if token.lower_ in _COPULAS or token.lower_ in FINITE_VERBS:
            return False
    return False


_PEOPLE_PRONOUNS = word_set("he she")
_POSSESSIVES = word_set("his her their")


def says_more_of_someone(clause: Span, kind: str, topics: set[str]) -> bool:
    """True for a new sentence about the patient that names a burden of its own.

    "The water tablet makes him need the loo. He's on 11 different tablets and ...": "he" is
    the person, not the thing before, so the sentence is a burden of its own.
    """
    if kind != "hard":
        return False
    if clause[0].lower_ in _POSSESSIVES and len(clause) > 1 and not clause[1].is_punct:
        return is_clause(clause)  # "Her hearing aid batteries keep running out."
    return clause[0].lower_ in _PEOPLE_PRONOUNS and bool(topics or is_own_burden(clause))


#: What two people said together do: "X and Y each say the other should", "both say".
_SHARED = word_set("each both neither")
_SAY = word_set("think thinks thought blame blames say says said tell tells told reckon reckons")


def said_together(said: list[str]) -> bool:
    """True for what two do together or to each other.

    "... each say", "... both think", "... don't talk to each other", "... never know what
    the other is doing", "... tell me different things", "... contradict each other".
    """
    return any(
        (word in _SHARED and (after == "other" or after in _SAY or after in FINITE_VERBS))
        or (word == "the" and after == "other")
        or (word == "different" and after in _THINGS_SAID)
        or word in _DISAGREEING
        for word, after in zip(said, [*said[1:], ""], strict=True)
    )


_THINGS_SAID = word_set("things advice answers stories")
_DISAGREEING = word_set("contradict contradicts contradicting disagree disagrees")


_OBJECTS = word_set("me him her us them")


def effect_said_as_verb(clause: Span) -> bool:
    """True for an effect said as a verb with no subject: "... but constipates me"."""
    return (
        len(clause) > 1
        and clause[0].ent_type_ == patterns.SIDE_EFFECT
        and clause[0].ent_iob_ == "B"
        and clause[1].lower_ in _OBJECTS
    )


_CURRENCY = word_set("\u00a3 $ \u20ac")
_MONEY_WORDS = word_set("quid pounds pound p grand dollars bucks euros rupees naira rand")
_COUNTS = word_set("a one two three four five six seven eight nine ten twenty fifty few couple")


def is_price(clause: Span) -> bool:
    """True for a clause that opens with an amount of money ("£12 each way", "six quid")."""
    if clause[0].text in _CURRENCY:
        return True
    return (
        len(clause) > 1
        and (clause[0].like_num or clause[0].lower_ in _COUNTS)
        and clause[1].lower_ in _MONEY_WORDS
    )


_COST_VERBS = word_set("cost costs costing cost's is are was were")


def what_it_costs(clause: Span) -> bool:
    """True for "they cost like 30 quid", "it's £20": the price of what was just named."""
    said = [t for t in clause if not t.is_punct]
    return (
        len(said) >= 3
        and said[0].lower_ in SUBJECT_PRONOUNS
        and said[1].lower_ in _COST_VERBS
        and any(t.text in _CURRENCY or t.lower_ in _MONEY_WORDS for t in said[2:6])
    )
