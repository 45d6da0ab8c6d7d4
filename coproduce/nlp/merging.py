"""Whether a clause continues the item before it.

* Each clause's topic categories come from the entity ruler (the six treatment-burden labels
  and, as one category, any named person).
* A clause that starts like a continuation ("he has dementia", "so I can walk again",
  "which is a pain") and brings no new category is merged into the item before it, at any
  boundary; so is an effect that points back at a medicine just named ("the letrozole is the
  main thing, the joint pain from it is horrible", "..., it gives me the runs") unless the
  medicine was a burden of its own ("that many tablets, and one of them gives me a cough");
  so is a correction ("Actually no, it's not fine"), a short comment on what nobody said
  ("... apply to me? Nobody's told me"), reported speech ("neuro says GP"), what it cost
  ("a taxi, £12 each way", "the parking, six quid a go"), a subject-less "and never heard
  the result", a clause about a bare thing named before a comma ("the patches, no idea
  if they work"), and how a body part is, said after "and" ("my stomach is red and sore").
* Otherwise a hard boundary always splits.
* At a soft boundary two full clauses (each with a subject or a finite verb) are split unless
  the new clause names no topic while the item so far does: "the tablets make me drowsy and I
  can't drive" stays whole because the second clause only elaborates the first.
* At a soft boundary where either side is a fragment, in order:
  a fragment after a prepositional phrase stays ("advice from the hospital and the GP");
  a short fragment ending on the kind of topic the next clause names shares its subject and
  stays ("my son and my daughter help me", "the tablets and the injections make me sick"),
  as does a list of one kind after "and" ("cut the beer and red meat, which is hard");
  a clause naming a topic splits from a fragment that does not end on one ("carers twice a
  day and my sister rings every night");
  otherwise the parts stay together ("too many tablets, I never know which to take when",
  "salt and pepper", "aches and pains") unless the new part adds a different topic to an
  item that has one ("tablets, physio and blood tests" are three items).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from coproduce.nlp import patterns
from coproduce.nlp.clause_kinds import (
    REPORTED,
    effect_said_as_verb,
    gapped,
    is_bare,
    is_continuation,
    is_own_burden,
    is_price,
    refers_back,
    said_together,
    says_more_of_someone,
    stands_alone,
    told_apart,
    what_it_costs,
)
from coproduce.nlp.clause_words import (
    CAUSE_VERBS,
    FINITE_VERBS,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
    in_entity,
    is_clause,
    word_set,
)
from coproduce.nlp.run_ons import after_how_often

PERSON = "PERSON"  # every named relationship counts as one topic when splitting
# A clause that takes back or mends the one before: "the metformin is fine. Actually no it's
# not fine, it gives me the runs".
_CORRECTIONS = (("actually",), ("no", "wait"), ("i", "mean"), ("scratch", "that"), ("correction",))
# Words in the finite-verb list that can also start a clause of their own.
_NOT_A_PREDICATE = word_set(
    "'m \u2019m m 're \u2019re 've \u2019ve 'll \u2019ll 'd \u2019d n't nt ca can could wo will "
    "would should must might may am is are was were be been"
)
#: A fragment this short before "and" may be the first half of a subject ("my son | and my
#: daughter help me"); "blood test every month at hospital | and parking is costly" is not.
_SHORTEST_SUBJECT = 4
#: How a part of the body is, said after "and" ("my stomach is red and sore").
_BODY_STATES = word_set(
    "sore red swollen itchy painful stiff tender raw weak numb bruised hot achy achey "
    "puffy inflamed burning bleeding blistered flaky cracked dry sweaty shaky tingly"
)
#: The words of such a clause: the states and "very", "really", "so".
_STATE_WORDS = _BODY_STATES | word_set("very really so")
#: A clause after "and" that starts with these has the subject of the clause before.
_SAME_SUBJECT = word_set("never still didn't didnt haven't havent hasn't hasnt couldn't couldnt")


def topic_categories(span: Span) -> set[str]:
    """Return the topic categories named in a span (burden labels and PERSON)."""
    found: set[str] = set()
    causes = False
    for ent in span.ents:
        if ent.label_ in (patterns.RELATIONSHIP, patterns.PERSON):
            found.add(PERSON)
        elif ent.label_ in patterns.BURDEN_LABELS:
            found.add(ent.label_)
        causes = causes or ent.label_ == patterns.CAUSE
        if ent.label_ == patterns.CAUSE and ent.text.lower().startswith("from "):
            found.add(patterns.MEDICATION)  # "from the tablets" names the medicine
    if causes and patterns.MEDICATION in found:
        found.add(patterns.SIDE_EFFECT)  # "the statin gives him achy legs"
    return found


def _ends_in_prepositional_phrase(span: Span) -> bool:
    """Return whether a fragment after the span may share its preposition ("from X and Y")."""
    return any(token.lower_ in PREPOSITIONS for token in span[-4:])


def _token_topic(token: Token) -> str | None:
    """Return the topic category of a token: a person, a burden label, or None."""
    if token.ent_type_ in (patterns.RELATIONSHIP, patterns.PERSON):
        return PERSON
    return token.ent_type_ if token.ent_type_ in patterns.BURDEN_LABELS else None


def _last_topic(span: Span) -> str | None:
    """Return the topic category of the span's last token, as "son" in "my son | and ..."."""
    return _token_topic(span[-1])


#: A remark on how many, said after a list: "Too many.", "Far too many!"
_HOW_MANY = word_set("too so way far many much loads lots")


def should_merge(item: Span, previous: Span, clause: Span, kind: str) -> bool:
    """Decide whether a clause continues the item before it (see the module docstring)."""
    item_topics, clause_topics = topic_categories(item), topic_categories(clause)
    opens_on_pronoun = clause[0].lower_ in SUBJECT_PRONOUNS
    joiner = clause.doc[clause.start - 1].lower_ if clause.start > 0 else ""
    joiner = "and" if joiner == "an" else joiner  # "... an the oxygen man never turns up"
    if kind == "soft" and joiner in ("and", ","):
        state = [t.lower_ for t in clause if not t.is_punct]
        if 0 < len(state) <= 2 and all(word in _STATE_WORDS for word in state):
            return True  # "my stomach is red and sore": how the body part is, not a burden
    after_pause = joiner in (",", "-", "\u2013", "\u2014", ":")
    points_back = any(t.lower_ in SUBJECT_PRONOUNS | {"them"} for t in clause)
    if (
        kind == "soft"
        and after_pause
        and is_bare(item)
        and (
            points_back or (is_clause(clause) and not (item_topics and clause_topics - item_topics))
        )
    ):
        # "the statins, they make me ache", "the patches, no idea if they work", "the fluid,
        # I can only drink a litre": the bare thing named first is what the rest is about.
        return True
    its_effect = (
        opens_on_pronoun
        and patterns.MEDICATION in item_topics
        and any(
            ent.label_ == patterns.CAUSE
            or (ent.label_ == patterns.SIDE_EFFECT and ent[0].lower_ in CAUSE_VERBS)
            for ent in clause.ents
        )
    )
    its_effect = its_effect or (
        opens_on_pronoun
        and kind == "soft"
        and patterns.MEDICATION in item_topics
        and len([t for t in clause if not t.is_punct]) <= _SHORTEST_SUBJECT + 1
        and any(ent.label_ == patterns.SIDE_EFFECT for ent in clause.ents)
    )  # "the letrozole is the problem really, it's the side effects"

    if its_effect:
        clause_topics.add(patterns.SIDE_EFFECT)  # "... inhalers. They make my voice hoarse"
    new_topics = clause_topics - item_topics
    if (
        is_continuation(clause)
        and not new_topics
        and not stands_alone(clause, kind)
        and not says_more_of_someone(clause, kind, clause_topics)
    ):
        return True
    if (
        kind == "soft"
        and patterns.MEDICATION in item_topics
        and new_topics <= {patterns.SIDE_EFFECT}
        and (refers_back(clause) or its_effect)
    ):
        # "the letrozole is the main thing, the joint pain from it is horrible"; but "that
        # many tablets, and one of them gives me a cough" is two burdens.
        return not (new_topics and is_own_burden(item))
    said = [t.lower_ for t in clause if not t.is_punct]
    if (
        kind == "soft"
        and joiner == ","
        and item.start == previous.start
        and not item_topics
        and clause_topics - {PERSON}
        and len([t for t in item if not t.is_punct]) <= _SHORTEST_SUBJECT + 1
    ):
        return True  # what it is about comes after: "I work shifts, very hard to make appointment"
    if any(tuple(said[: len(words)]) == words for words in _CORRECTIONS):
        return True
    if after_how_often(clause.doc, previous.start, clause.start):
        return False  # "the blood tests every three months | I have to take a morning off"
    if said and all(word in _HOW_MANY for word in said):
        return True  # "Gliclazide, metformin, now insulin at night also. Too many."
    if (
        kind == "soft"
        and joiner in ("and", "&")
        and item.start == previous.start
        and not is_clause(previous)
        and said_together(said)
    ):
        return True  # one subject of two: "the renal team and the GP don't talk to each other"
    if (
        len(said) <= _SHORTEST_SUBJECT
        and new_topics == {patterns.INFORMATION}
        and all(in_entity(t) for t in clause if not t.is_punct)
    ):
        # "... apply to me? Nobody's told me": what nobody said is about what came before.
        return True
    if kind == "soft" and (
        (after_pause and is_price(clause))
        or (joiner == "," and what_it_costs(clause))
        or (joiner == "and" and what_it_costs(clause) and len(said) <= _SHORT_PRICE)
    ):
        return True  # "a taxi, £12 each way", "the parking, six quid a go": what it costs
    if kind == "soft" and clause[0].lower_ in ("which", "that") and new_topics == {patterns.COST}:
        return True  # "needs a taxi, which is 18 pounds each way"
    if kind == "soft" and joiner == "," and clause[0].lower_ == "which":
        return True  # "my own tablets and his to sort, which gets muddled"
    if kind == "soft" and (told_apart(item, clause) or gapped(clause)):
        # Advice that does not agree is one burden: "the GP said use it sparingly, the
        # pharmacist said use it properly"; "told by one person to keep active and by
        # another to rest it"; "the oncologist says one thing and the breast nurse another".
        return True
    if kind == "soft" and joiner in ("and", "but") and clause[0].lower_ in _SAME_SUBJECT:
        return True  # "I had a PSA test in May and never heard the result"
    if (
        kind == "soft"
        and after_pause
        and len(said) <= _SHORTEST_SUBJECT
        and (is_clause(clause) or all(in_entity(t) for t in clause if not t.is_punct))
        and (new_topics == {patterns.INFORMATION} or REPORTED.intersection(said))
    ):
        # A comment on what came before: "the blood pressure pills, dunno if they make it
        # worse, no one's said"; "nobody knows whose job it is, neuro says GP, GP says neuro".
        return True
    if kind == "soft" and (
        clause[0].ent_type_ == patterns.CAUSE
        or effect_said_as_verb(clause)
        or (
            after_pause
            and clause[0].lower_ in FINITE_VERBS
            and clause[0].lower_ not in _NOT_A_PREDICATE
            and not (len(clause) > 1 and clause[1].lower_ in ("n't", "n\u2019t", "nt", "not"))
        )
    ):
        # The subject came before: "the water tablets, as they are called, mean I ...",
        # "my daughter Abena, 17, does the cooking".
        return True
    if kind == "hard":
        return False
    last_topic = _last_topic(previous)
    if (
        joiner in ("and", "or", "&", "n")
        and last_topic is not None
        and clause_topics == {last_topic}
        and any(_token_topic(t) == last_topic for t in clause[:3])
        # "blood tests for the methotrexate | an the oxygen man never turns up": a clause of
        # its own after a long item is a second burden.
        and not _own_subject_after_a_long_item(previous, clause)
        # "the brown one gives me a croaky voice | and i got thrush in my mouth": two
        # sentences, each with its own subject and verb, are two burdens.
        and not (
            clause[0].lower_ in _PERSONAL_SUBJECTS and is_clause(clause) and is_clause(previous)
        )
    ):
        return True  # one list of one kind: "told to cut the beer | and red meat, which ..."
    if (
        joiner == "but"
        and clause_topics - {PERSON}
        and clause_topics <= item_topics
        and not is_own_burden(clause)
    ):
        return True  # the same thing, and what is hard about it: "weigh myself | but the scales"
    if is_clause(item) and is_clause(clause):
        # "The water tablets mean I can't go out in the mornings, I'm up and down to the loo":
        # after a pause, more of the same effect of the same medicine.
        said_more = (
            after_pause
            and clause_topics == {patterns.SIDE_EFFECT}
            and {patterns.MEDICATION, patterns.SIDE_EFFECT} <= item_topics
        )
        return bool(item_topics) and (not clause_topics or said_more)
    if _ends_in_prepositional_phrase(previous) and not is_clause(clause):
        return True
    if (
        last_topic is not None
        and last_topic in clause_topics
        and not is_clause(previous)
        and len(previous) <= _SHORTEST_SUBJECT
    ):
        return True  # one subject: "the tablets | and the injections make me sick"
    if clause_topics and is_clause(clause) and last_topic is None:
        return False  # "carers twice a day | and my sister rings every night"
    if _own_subject_after_a_long_item(previous, clause):
        return False
    return not (new_topics and item_topics)


_OWN_SUBJECT_OPENERS = word_set("the my her his our their")
_PERSONAL_SUBJECTS = word_set("i she he we they")


def _own_subject_after_a_long_item(previous: Span, clause: Span) -> bool:
    """True for a clause with its own subject and verb after a long item without a verb.

    "blood tests every month for the methotrexate | an the oxygen man never turns up" is two
    burdens, though both name a treatment.
    """
    return (
        clause[0].lower_ in _OWN_SUBJECT_OPENERS
        and is_clause(clause)
        and not is_clause(previous)
        and len(previous) > _SHORTEST_SUBJECT + 2
    )


#: "... and they cost like 30 quid" is the price of what came before; "and it costs us 12
#: pounds to park every time" is a burden of its own.
_SHORT_PRICE = 6
