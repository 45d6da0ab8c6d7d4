"""Extract who supports the patient and whom the patient cares for.

Decisions:

* One ``Support`` per person named. Items come from ``split_items``; inside an item each
  person's words run from their name to the next person's ("my son Rhys does the heavy
  stuff"), so a list in one clause ("the wife and my daughter") gives one support each.
* Someone answering for the patient who names themself ("me, and our son Gary") is a
  support too, with their own relationship to the patient when it is known.
* Items that name nobody ("I'm lucky really") are attached to the neighbouring item that does,
  so their words stay with the person they are about. When nobody is named at all ("nobody
  really, I manage on my own") the whole answer is one ``Support`` with ``relationship=None``
  and kind "support": the gap in support is itself worth showing the clinician.
* ``kind`` is "caring_for" when the patient is the one caring ("I look after my husband",
  "I'm a carer for my mum", "mum lives with me and I do everything for her"). The carer is the
  nearest subject before the caring phrase; with no subject ("look after my mum") it is the
  patient. "looks after me", "cared for by" are support.
* For caring_for the relationship is the first person named after the caring phrase (else
  the first in the item), never "carer" itself.

Who an item names is `people.py`; the caring phrases are `caring.py`; a relative named by
someone answering for the patient is turned into the patient's relative by `perspective.py`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from coproduce.nlp import patterns
from coproduce.nlp.caring import care_matcher, caring_phrases, own_caring
from coproduce.nlp.letters import letter_body
from coproduce.nlp.people import (
    LIST_JOINERS,
    absent,
    is_or_has,
    merge_same_person,
    named_relatives,
    names_known,
    object_of_the_last,
    people_in,
    phrase_start,
    relationship_of,
    respondent_mention,
    said_again,
    subject_start,
    unknown_names,
    where_from,
    whose,
)
from coproduce.nlp.perspective import to_patient
from coproduce.nlp.pipeline import get_nlp
from coproduce.nlp.segment import item_spans

SUPPORT_KINDS = ("support", "caring_for")

RELATIONSHIPS = tuple(patterns.RELATIONSHIP_TERMS)

_ROLES = frozenset({"carer", "mum", "dad", "parent", "family"})

_MINE = frozenset({"my", "our", "ma", "me", "wor"})
#: Whom a caring phrase with no name is about: someone named before, or (said by someone
#: typing for them) the patient.
_PATIENT_PRONOUNS = frozenset({"him", "her", "his", "them", "their"})

_BEING = frozenset({"'m", "\u2019m", "m", "am", "was", "been", "be", "being"})

#: People who are also places one is taken to ("runs me to the GP").
_PLACES = frozenset({"gp", "nurse", "pharmacist", "church", "community"})


@dataclass
class Support:
    """A person or group in the patient's life, in the patient's words."""

    text: str
    relationship: str | None
    kind: str  # "support" | "caring_for"


#: Words that say where someone lives rather than name a neighbour.
_WHERE_SOMEONE_LIVES = frozenset({"next door", "nextdoor", "across the road", "over the road"})
_LIVING = frozenset(
    {"lives", "live", "living", "lived", "farms", "farm", "works", "stays", "moved", "is"}
    | {"'s", "\u2019s", "just", "right"}
)


def _supports_in(
    span: Span,
    respondent: str | None,
    known: set[str] | None = None,
    relatives: Mapping[str, str] | None = None,
) -> list[Support]:
    """One support per person named in the span (the span itself when it names nobody)."""
    doc = span.doc
    phrases = caring_phrases(span)
    own = own_caring(span, phrases)
    caring_end = own[1] if own else None
    ends = {end for _, end in phrases}
    together = _cared_for_together(span, own)
    if len(together) > 1 and own is not None and not _for_the_patient(span, own, respondent):
        return _each_cared_for(span, together, relatives or {})
    people = [(p, s) for p, s in people_in(span, ends, known) if not _own_role(p)]
    if own is not None and doc[own[0]].lower_ in _BEING:
        # "I'm her carer", "I'm a single mum to...": the patient's role, not a person.
        people = [
            (p, s) for p, s in people if p.ent_id_ not in _ROLES or not own[0] <= p.start < own[1]
        ]
    mentions: list[tuple[int, str]] = []
    dependants: set[int] = set()
    anchors: dict[int, int] = {}  # where each mention's words start -> where its person is
    for person, named_from in people:
        if absent(doc, person) and (mentions or len(people) > 1 or own is None):
            # "I look after Rhys full time, his dad's not on the scene"; "my husband passed
            # away last year": named only to say they are gone.
            continue
        if named_from is None:
            start = phrase_start(doc, person.start, span.start)
        elif mentions:
            # "Gary, my husband, and Dawn, my sister": the one before ends where this name is.
            start = phrase_start(doc, named_from, span.start)
        else:
            start = named_from
        if mentions and mentions[-1][1] == person.ent_id_ and said_again(doc, start, person, span):
            continue  # the same person again ("the lady next door pops in, our neighbour")
        if mentions and where_from(doc, mentions[-1][0], start):
            continue  # where the last person is from ("friends from church")
        if (
            mentions
            and person.text.lower() in _WHERE_SOMEONE_LIVES
            and person.start > span.start
            and doc[person.start - 1].lower_ in _LIVING
        ):
            continue  # where the last person lives: "our son Rhys farms next door"
        if (
            mentions
            and person.end + 1 < span.end
            and doc[person.end].lower_ in ("'s", "\u2019s")
            and not is_or_has(doc[person.end + 1])
        ):
            continue  # whose: "my eldest daughter's boy", "my sister does Mum's Sundays"
        if mentions and own is None and person.end in ends:
            continue  # whom someone else helps: "her mum comes round to help with the baby"
        if mentions and person.ent_id_ in _PLACES and doc[start - 1].lower_ == "to":
            continue  # where the last person takes them ("she runs me to the GP")
        if mentions and own is None and object_of_the_last(doc, mentions[-1][0], start):
            if doc[start].lower_ not in _MINE:
                continue  # whom the last person has: "my sister Bev has the kids"
            dependants.add(start)  # "my mother has my daughter after school": the patient's
        elif mentions:
            start = subject_start(doc, mentions[-1][0], start)
        said_as = to_patient(doc, person, respondent)
        joined = whose(doc, start, mentions[-1][1], said_as) if mentions else None
        if joined is not None:
            mentions[-1] = (mentions[-1][0], joined)  # one person: "next door's lad"
            continue
        if not said_as and person.label_ == patterns.PERSON and relatives:
            # "I look after Mike": who Mike is was said in another answer ("my husband Mike").
            said_as = relatives.get(person.text.lower(), "")
        mentions.append((start, said_as))
        anchors[start] = person.start
    me = respondent_mention(span) if respondent else None
    if me is not None:
        mentions = sorted([*mentions, (me, respondent or "")])
    mentions = merge_same_person(doc, mentions)
    if not mentions and people and own is None and me is None:
        return []  # only someone who is gone
    if len(mentions) <= 1:
        kind = (
            "support"
            if caring_end is None or _for_the_patient(span, own, respondent)
            else "caring_for"
        )
        relationship = (mentions[0][1] or None) if mentions else None
        if caring_end is not None and me is None and own is not None:
            named = mentions[0][1] if mentions else ""
            inside = [
                ent.ent_id_
                for ent in span.ents
                if ent.label_ == patterns.RELATIONSHIP
                and own[0] <= ent.start < own[1]
                and ent.ent_id_ != "carer"
                # "a single mum to" is the patient's role; "my dad's shopping" is a person.
                and (ent.ent_id_ not in _ROLES or doc[ent.start - 1].lower_ in _MINE)
            ]
            # "I do my dad's shopping since mum died": whom the caring phrase names.
            relationship = (
                (inside[0] if inside else "")
                or (named if named not in _ROLES else "")
                or relationship_of(span, caring_end)
            )
        if relationship is None and relatives:
            said = (ent.text.lower() for ent in span.ents if ent.label_ == patterns.PERSON)
            relationship = next((relatives[n] for n in said if n in relatives), None)
        return [Support(span.text, _child_said_as(relationship, span.text), kind)]
    supports = []
    for index, (start, relationship) in enumerate(mentions):
        begin = span.start if index == 0 else start
        end = mentions[index + 1][0] if index + 1 < len(mentions) else span.end
        text = _trimmed(doc[begin:end])
        if not text:
            continue
        # Whom the patient's own caring phrase names, and anyone after it, is cared for.
        caring = (own is not None and anchors.get(start, start) >= own[0]) or start in dependants
        kind = "caring_for" if caring else "support"
        supports.append(Support(text, _child_said_as(relationship, text) or None, kind))
    return supports


_ARTICLES = frozenset({"a", "an", "the"})
#: Jobs someone may be said to have: "she's a nurse", "he is a doctor".
_JOBS = frozenset({"nurse", "doctor", "gp", "pharmacist", "colleague", "church"})
#: Words that may stand between "I'm a" and the role: "a single parent", "the main carer".
_MOST_ROLE_WORDS = 2


def _own_role(person: Span) -> bool:
    """True for a role given to the speaker or the person before: "I'm a single parent".

    So also "I am the carer", "my sister is a single mum herself" and "my sister Louise is a
    nurse": not a person of its own.
    """
    if person.ent_id_ not in _ROLES_AND_JOBS:
        return False
    doc = person.doc
    i = person.start - 1
    while (
        i > 0
        and person.start - 1 - i < _MOST_ROLE_WORDS
        and doc[i].is_alpha
        and doc[i].lower_ not in _BEFORE_A_ROLE
    ):
        i -= 1  # "single", "full-time", "main"
    return i > 0 and doc[i].lower_ in _ARTICLES and doc[i - 1].lower_ in _BEING_OR_IS


_IS = frozenset({"is", "'s", "\u2019s", "was", "are", "were"})
_ROLES_AND_JOBS = _ROLES | _JOBS
_BEFORE_A_ROLE = _ARTICLES | _MINE
_BEING_OR_IS = _BEING | _IS


_AND = frozenset({"and", "&", "n", "an"})


def _cared_for_together(span: Span, own: tuple[int, int] | None) -> list[Span]:
    """The people one caring phrase is for, when it names several.

    "I look after Alfie and Maisie", "I look after Jake and mum".
    """
    if own is None:
        return []
    doc = span.doc
    people = {
        ent.start: ent
        for ent in span.ents
        if ent.label_ in (patterns.RELATIONSHIP, patterns.PERSON)
    }
    found: list[Span] = []
    i = own[1]
    # "I mind Callum and Ava": the phrase may end on the first of them.
    ending = next((e for e in people.values() if e.end == own[1] and e.start > own[0]), None)
    if ending is not None:
        before = ending.start - 1
        i = before if before > own[0] and doc[before].lower_ in _MINE else ending.start
    while i < span.end:
        begin = i
        if doc[i].lower_ in _MINE and i + 1 < span.end:
            i += 1  # "my grandson and my granddaughter"
        person = people.get(i)
        if person is None:
            break
        found.append(doc[begin : person.end])
        i = person.end
        if i + 1 < span.end and doc[i].lower_ in _AND:
            i += 1
        else:
            break
    if i + 1 < span.end and doc[i].text == "," and doc[i + 1].lower_ in _MINE:
        return []  # who they are follows: "Isla and Finn, my daughter and son"
    return found


def _each_cared_for(span: Span, people: list[Span], relatives: Mapping[str, str]) -> list[Support]:
    """One support per person a caring phrase names, each with its own relationship."""
    doc = span.doc
    supports = []
    for index, said in enumerate(people):
        person = said.ents[-1]
        begin = span.start if index == 0 else said.start
        end = people[index + 1].start if index + 1 < len(people) else span.end
        relationship = (
            person.ent_id_
            if person.label_ == patterns.RELATIONSHIP
            else relatives.get(person.text.lower())
        )
        text = _trimmed(doc[begin:end])
        supports.append(Support(text, _child_said_as(relationship, text) or None, "caring_for"))
    return supports


#: A child said with "she" or "he": "rosie obvs, i look after her 24/7" is a daughter.
_SHE = frozenset({"she", "her", "shes", "she's", "herself"})
_HE = frozenset({"he", "him", "his", "hes", "he's", "himself"})


def _child_said_as(relationship: str | None, text: str) -> str | None:
    if relationship != "child":
        return relationship
    words = set(text.lower().replace("\u2019", "'").split())
    if words & _SHE and not words & _HE:
        return "daughter"
    if words & _HE and not words & _SHE:
        return "son"
    return relationship


def _for_the_patient(span: Span, own: tuple[int, int] | None, respondent: str | None) -> bool:
    """True when someone typing for the patient says what they do for them ("I do his shopping").

    Their help is support for the patient, not someone else the patient cares for.
    """
    if respondent is None or own is None:
        return False
    doc = span.doc
    near = doc[own[0] : min(own[1] + 3, span.end)]
    # "I am his main carer, as his wife": their own role names nobody else.
    named = any(
        ent.label_ in (patterns.RELATIONSHIP, patterns.PERSON)
        and ent.ent_id_ not in ("carer", respondent)
        for ent in near.ents
    )
    # "I do the driving and cooking now": with nobody else named, whom they do it for is
    # the patient.
    return not named


def _trimmed(span: Span) -> str:
    words = list(span)
    while words and (words[-1].lower_ in LIST_JOINERS or words[-1].is_punct):
        words.pop()
    while words and (words[0].lower_ in LIST_JOINERS or words[0].is_punct):
        words.pop(0)
    if not words:
        return ""
    end = words[-1].i + 1
    said = span.doc[words[0].i : end].text
    if said.count("(") > said.count(")") and end < len(span.doc) and span.doc[end].text == ")":
        end += 1  # "Myself (Ravi)": keep the bracket the name is in
    return span.doc[words[0].i : end].text


def _names_someone(span: Span) -> bool:
    if any(ent.label_ in (patterns.RELATIONSHIP, patterns.PERSON) for ent in span.ents):
        return True
    return bool(care_matcher()(span))


def _cares_for_someone_before(span: Span) -> bool:
    """True for a caring phrase about "him", "her" or "them" that names nobody itself."""
    if any(ent.label_ in (patterns.RELATIONSHIP, patterns.PERSON) for ent in span.ents):
        return False
    return bool(care_matcher()(span)) and any(t.lower_ in _PATIENT_PRONOUNS for t in span)


def _groups(doc: Doc) -> list[Span]:
    """Attach items that name nobody to the nearest item that does."""
    groups: list[Span] = []
    pending: Span | None = None  # leading unnamed items wait for the next named one
    for span in item_spans(doc):
        if groups and pending is None and _cares_for_someone_before(span):
            # "My mother lives with us, I take her to her appointments": her is the mother.
            groups[-1] = doc[groups[-1].start : span.end]
        elif _names_someone(span):
            groups.append(doc[pending.start : span.end] if pending is not None else span)
            pending = None
        elif groups:
            groups[-1] = doc[groups[-1].start : span.end]
        else:
            pending = span if pending is None else doc[pending.start : span.end]
    if pending is not None:
        groups.append(pending)
    return groups


def _with_names(doc: Doc, relatives: Iterable[str] = ()) -> Doc:
    """The doc with given names the name list lacks, and names known from elsewhere, as people."""
    doc.ents = [*doc.ents, *unknown_names(doc)]  # type: ignore[assignment]
    doc.ents = [*doc.ents, *names_known(doc, relatives)]  # type: ignore[assignment]
    return doc


def extract_supports(
    text: str, respondent: str | None = None, elsewhere: Iterable[str] = ()
) -> list[Support]:
    """Return the supports and caring roles named in an answer.

    Args:
        text: the answer.
        respondent: when someone answers for the patient, their relationship to the patient
            ("son"), so "me" in the answer is them.
        elsewhere: the patient's other answers; a name given a relationship there ("my
            husband Mike") keeps it here ("I look after Mike"). Not used when someone
            answers for the patient: their "my husband" may not be the patient's.
    """
    if not text or not text.strip():
        return []
    nlp = get_nlp()
    relatives: dict[str, str] = {}
    if respondent is None:
        for other in elsewhere:
            for name, relationship in named_relatives(_with_names(nlp(letter_body(other)))).items():
                relatives.setdefault(name, relationship)
    doc = _with_names(nlp(letter_body(text)), relatives)
    known: set[str] = set()
    found: list[Support] = []
    for span in _groups(doc):
        for support in _supports_in(span, respondent, known, relatives):
            if found and support.relationship is None and _singled_out(support.text):
                # "A few close friends who've known me forever, especially Jo": one of them.
                support = Support(support.text, found[-1].relationship, found[-1].kind)
            found.append(support)
    return _without_nobody_cared_for(found)


#: Caring for nobody: "I don't look after anybody myself", "Nobody depends on me".
_NOBODY_CARED_FOR = re.compile(
    r"\b(?:(?:do|does|did)(?:n'?t| not)|dont|not|never) (?:\w+ )?(?:look(?:ing)? after|care for|"
    r"caring for|have to look after) (?:any ?body|any ?one|any ?1|no ?one|nobody)\b|"
    r"\b(?:no ?one|nobody|no-one|naebody) (?:depends|relies|needs looking after|to look after|"
    r"(?:that |who )?(?:i|a|ah) (?:look after|care for|look efter))\b",
    re.IGNORECASE,
)


def _without_nobody_cared_for(found: list[Support]) -> list[Support]:
    """Drop "I don't look after anybody" beside the people named; alone, it says nobody."""
    nobody = [
        s
        for s in found
        if s.kind == "caring_for" and s.relationship is None and _NOBODY_CARED_FOR.search(s.text)
    ]
    if not nobody:
        return found
    if len(nobody) == len(found):
        return [Support(s.text, None, "support") for s in found]
    return [s for s in found if s not in nobody]


#: Words that pick one person out of the group before: "especially Jo", "mainly our Dave".
_SINGLING_OUT = frozenset(
    {"especially", "particularly", "mainly", "mostly", "esp", "including", "incl", "notably"}
)


def _singled_out(text: str) -> bool:
    words = text.lower().split()
    return bool(words) and words[0].strip(",.") in _SINGLING_OUT
