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
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from coproduce.nlp import patterns
from coproduce.nlp.letters import letter_body
from coproduce.nlp.pipeline import get_nlp
from coproduce.nlp.segment import item_spans

SUPPORT_KINDS = ("support", "caring_for")
RELATIONSHIPS = tuple(patterns.RELATIONSHIP_TERMS)

_SELF = frozenset({"i", "we"})
_OTHERS = frozenset({"he", "she", "they", "you"})
_CARED_BY_ME = frozenset({"me", "us", "myself", "by"})
_LIST_JOINERS = frozenset({"and", "&", "plus", "or", ",", "also", "then", "both"})
_OF_WHERE = frozenset({"from", "at", "of", "in"})
_ROLES = frozenset({"carer", "mum", "dad", "parent", "family"})
_BEING = frozenset({"'m", "\u2019m", "m", "am", "was", "been", "be", "being"})
#: People who are also places one is taken to ("runs me to the GP").
_PLACES = frozenset({"gp", "nurse", "pharmacist", "church", "community"})
_DETERMINERS = frozenset(["my", "our", "his", "her", "their", "the", "a", "an", "me", "ma", "mi"])
_IT_IS = frozenset(
    ["it", "is", "'s", "its", "otherwise", "mostly", "mainly", "and", "but", "so", "well"]
)
# Words that end a person's name on its left: verbs and pronouns, not "memory" nurse.
_FINITE_WORDS = frozenset(
    [
        "i",
        "he",
        "she",
        "they",
        "we",
        "you",
        "it",
        "is",
        "are",
        "was",
        "were",
        "am",
        "be",
        "been",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "can",
        "could",
        "will",
        "would",
        "who",
        "which",
        "that",
        "with",
        "to",
        "of",
        "for",
        "from",
        "at",
        "in",
        "on",
        "by",
        "comes",
        "come",
        "rings",
        "ring",
        "helps",
        "help",
        "does",
        "takes",
        "take",
        "looks",
        "look",
        "sits",
        "sit",
        "pops",
        "pop",
        "drives",
        "drive",
        "visits",
        "visit",
    ]
)


@dataclass
class Support:
    """A person or group in the patient's life, in the patient's words."""

    text: str
    relationship: str | None
    kind: str  # "support" | "caring_for"


def _lower_in(*words: str) -> dict[str, dict[str, list[str]]]:
    """Return a token pattern matching any of the words, ignoring case."""
    return {"LOWER": {"IN": list(words)}}


#: When someone is had ("I have Lily two days a week", "I have her weekends").
_WHEN_HAD = _lower_in(
    "after", "every", "on", "at", "for", "most", "weekends", "two", "three", "2", "3", "4",
    "some", "alternate", "half",
)  # fmt: skip


@lru_cache(maxsize=1)
def _care_matcher() -> Matcher:
    """Build the matcher for phrases that say someone cares for someone."""
    matcher = Matcher(get_nlp().vocab)
    matcher.add(
        "CARE",
        [
            [_lower_in("look", "looks", "looking", "looked"), {"LOWER": "after"}],
            [_lower_in("care", "cares", "caring", "cared"), {"LOWER": "for"}],
            [_lower_in("take", "takes", "taking"), {"LOWER": "care"}, {"LOWER": "of"}],
            [
                _lower_in("do", "does", "doing"),
                {"LOWER": {"IN": ["it", "a"]}, "OP": "?"},
                _lower_in("everything", "all", "most", "loads", "lots", "lot"),
                {"LOWER": {"IN": ["things", "of", "the", "stuff"]}, "OP": "*"},
                {"LOWER": "for"},
            ],
            # "I have Lily two days a week", "I have Kayden after school", "I have her
            # weekends".
            [
                _lower_in("have", "having", "got", "get"),
                {"ENT_TYPE": patterns.PERSON, "OP": "+"},
                _WHEN_HAD,
            ],
            [
                _lower_in("have", "having", "got", "get"),
                _lower_in("him", "her", "them"),
                _WHEN_HAD,
            ],
            [_lower_in("help", "helping"), _lower_in("my", "our", "look", "care", "him", "her")],
            [_lower_in("support", "supporting"), _lower_in("my", "our", "him", "her")],
            [_lower_in("cook", "cooking", "shop", "shopping"), {"LOWER": "for"}],
            [_lower_in("babysit", "babysitting")],
            # "I keep an eye on my dad", "I do mum's shopping", "I pick the grandkids up from
            # school", "I help with the grandchildren".
            [
                _lower_in("keep", "keeps", "keeping"),
                {"LOWER": "an"},
                {"LOWER": "eye"},
                {"LOWER": "on"},
            ],
            [
                _lower_in("do", "does", "doing"),
                {"IS_ALPHA": True, "OP": "?"},
                {"IS_ALPHA": True, "OP": "?"},
                {"LOWER": {"IN": ["'s", "\u2019s"]}, "OP": "?"},
                _lower_in("shopping", "washing", "cleaning", "meals", "cooking", "ironing"),
            ],
            [
                _lower_in("pick", "picks", "picking", "fetch", "fetches", "collect", "collects"),
                _lower_in("my", "our", "the", "ma", "me"),
                {"ENT_TYPE": patterns.RELATIONSHIP, "OP": "+"},
            ],
            [
                _lower_in("help", "helps", "helping"),
                {"LOWER": "with"},
                {"LOWER": {"IN": ["my", "our", "the", "his", "her"]}, "OP": "?"},
                {"ENT_TYPE": patterns.RELATIONSHIP, "OP": "+"},
            ],
            # "I have my two lads every other weekend", "I take my mother in law to the
            # hospital", "I run my neighbour to dialysis": the patient is the one giving.
            [
                _lower_in("have", "having", "got", "get"),
                _lower_in("my", "our", "the", "ma", "me"),
                {"IS_ALPHA": True, "OP": "?"},
                {"ENT_TYPE": patterns.RELATIONSHIP, "OP": "+"},
                {"ENT_TYPE": patterns.PERSON, "OP": "?"},
                _lower_in(
                    "at",
                    "every",
                    "on",
                    "for",
                    "most",
                    "half",
                    "alternate",
                    "some",
                    "after",
                    "weekends",
                    "weekdays",
                    "the",
                    "mondays",
                    "tuesdays",
                    "wednesdays",
                    "thursdays",
                    "fridays",
                    "saturdays",
                    "sundays",
                ),
            ],
            # "I still see to my brother".
            [_lower_in("see", "sees", "seeing"), {"LOWER": "to"}, _lower_in("my", "our", "the")],
            [
                _lower_in(
                    "take",
                    "takes",
                    "taking",
                    "run",
                    "runs",
                    "drive",
                    "drives",
                    "ferry",
                    "walk",
                    "walks",
                ),
                _lower_in("my", "our", "the", "her", "his"),
                {"IS_ALPHA": True, "OP": "?"},
                {"ENT_TYPE": patterns.RELATIONSHIP, "OP": "+"},
                {"ENT_TYPE": patterns.PERSON, "OP": "?"},
                _lower_in("to", "for", "into", "round", "in"),
            ],
            # "I take her to her appointments", "I drive him to dialysis".
            [
                _lower_in("take", "taking", "drive", "driving", "run", "running", "ferry"),
                _lower_in("him", "her", "them"),
                _lower_in("to", "into", "round"),
            ],
            # "I do the school runs for my son".
            [
                _lower_in("do", "does", "doing", "did"),
                _lower_in("the", "all", "a"),
                {"LOWER": "school"},
                _lower_in("run", "runs"),
            ],
            [_lower_in("mind", "minding"), _lower_in("my", "our", "the", "his", "her", "their")],
            [
                _lower_in("'m", "\u2019m", "m", "am", "was", "been", "be", "being"),
                {
                    "LOWER": {
                        "IN": [
                            "a",
                            "the",
                            "her",
                            "his",
                            "their",
                            "main",
                            "sole",
                            "only",
                            "full",
                            "-",
                            "time",
                            "full-time",
                            "unpaid",
                            "primary",
                            "family",
                        ]
                    },
                    "OP": "*",
                },
                _lower_in("carer", "caregiver", "caretaker"),
            ],
            # "I am Geoffrey's main carer".
            [
                _lower_in("'m", "\u2019m", "m", "am", "was"),
                {"ENT_TYPE": patterns.PERSON, "OP": "+"},
                _lower_in("'s", "\u2019s"),
                {
                    "LOWER": {"IN": ["main", "sole", "only", "full", "-", "time", "full-time"]},
                    "OP": "*",
                },
                _lower_in("carer", "caregiver", "caretaker"),
            ],
            # "I'm a single mum to my two sons": the patient's role, then whom it is for.
            [
                _lower_in("'m", "\u2019m", "m", "am"),
                _lower_in("a", "the"),
                {"IS_ALPHA": True, "OP": "?"},
                _lower_in("mum", "mom", "mam", "mother", "dad", "father", "parent", "nan", "gran"),
                {"LOWER": "to"},
            ],
        ],
    )
    return matcher


def _patient_cares(span: Span, start: int, end: int) -> bool:
    """Return whether the patient is the subject of the caring phrase at [start, end)."""
    doc = span.doc
    if end < span.end and doc[end].lower_ in _CARED_BY_ME:
        return False
    for token in reversed(doc[span.start : start]):
        if token.lower_ in _SELF:
            return True
        if token.lower_ in _OTHERS or token.ent_type_ in (patterns.RELATIONSHIP, patterns.PERSON):
            return False
    return True


#: After "my daughter's": the person meant is hers ("my daughter's boy"), not her.
_PERSON_NOUNS = frozenset(
    [
        "boy",
        "girl",
        "lad",
        "lass",
        "kids",
        "kid",
        "children",
        "child",
        "baby",
        "son",
        "daughter",
        "husband",
        "wife",
        "partner",
        "boys",
        "girls",
        "lads",
        "twins",
        "little",
        "youngest",
        "eldest",
    ]
)


def _whose(doc: Doc, ent: Span) -> bool:
    """True for "my daughter's boy": a relationship that only says whose the person is."""
    if ent.end + 1 >= len(doc) or doc[ent.end].lower_ not in ("'s", "\u2019s"):
        return False
    return doc[ent.end + 1].lower_ in _PERSON_NOUNS


def _relationship(span: Span, after: int | None) -> str | None:
    """Return the first relationship named in the span, preferring one after ``after``."""
    doc = span.doc
    people = [
        ent for ent in span.ents if ent.label_ == patterns.RELATIONSHIP and not _whose(doc, ent)
    ]
    if after is None:
        return people[0].ent_id_ if people else None
    cared = [ent for ent in people if ent.ent_id_ != "carer"]
    later = [ent for ent in cared if ent.start >= after]
    chosen = later or cared
    return chosen[0].ent_id_ if chosen else None


def _caring_phrases(span: Span) -> list[tuple[int, int]]:
    """Return the (start, end) of every phrase in the span that says someone cares for someone."""
    return [(span.start + start, span.start + end) for _, start, end in _care_matcher()(span)]


def _own_caring(span: Span, phrases: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Return the patient's own caring phrase in the span, if it has one."""
    return next((p for p in phrases if _patient_cares(span, *p)), None)


def _phrase_start(doc: Doc, start: int, floor: int) -> int:
    """Extend a person's name left over its words: "my", "our big", "the memory" nurse."""
    modifiers = 0
    while start > floor:
        word = doc[start - 1]
        if word.lower_ in _DETERMINERS:
            return start - 1
        if (
            not word.is_alpha
            or word.lower_ in _LIST_JOINERS
            or word.lower_ in _FINITE_WORDS
            or modifiers == 2
        ):
            return start
        start, modifiers = start - 1, modifiers + 1
    return start


#: Words after which a name is whom something is done for, not someone new who helps:
#: "my mum takes Callum", "her mum has Lily Mondays", "Raj sits with Joan".
_BEFORE_AN_OBJECT = frozenset(
    (
        "takes",
        "take",
        "took",
        "taking",
        "has",
        "have",
        "had",
        "having",
        "with",
        "after",
        "for",
        "sees",
        "see",
        "visit",
        "visits",
        "visiting",
        "help",
        "helps",
        "helping",
        "drive",
        "drives",
        "driving",
        "walk",
        "walks",
        "mind",
        "minds",
        "minding",
        "collect",
        "collects",
        "got",
        "get",
        "gets",
        "watch",
        "watches",
        "feed",
        "feeds",
        "bathe",
        "bathes",
        "to",
        "about",
    )
)


#: Between a name and the relationship after it: "Pauline is a good friend", "Ann, my wife".
_NAME_IS = frozenset(
    [*_DETERMINERS, "is", "'s", "\u2019s", "was", "good", "old", "best", "close", "dear", "great"]
)


def _apposition(name: Span, relationships: list[Span]) -> Span | None:
    """Return the relationship a given name stands beside, if any.

    "my son Peter", "Peter, my son", "wife Maureen" and "Pauline is a good friend" are one
    person each.
    """
    doc = name.doc
    for person in relationships:
        if person.end <= name.start:
            between, allowed, most = doc[person.end : name.start], _DETERMINERS, 3
        else:
            between, allowed, most = doc[name.end : person.start], _NAME_IS, 5
        words = [t.lower_ for t in between if not t.is_punct]
        if len(between) <= most and all(w in allowed for w in words):
            return person
    return None


#: "Gary pops round, he's me son": the relationship said after the name is the same person.
_SAME_PERSON_AFTER = (("he", "'s"), ("she", "'s"), ("he", "\u2019s"), ("she", "\u2019s"))
_SAME_PERSON_AFTER_WORDS = (("he", "is"), ("she", "is"), ("hes",), ("shes",), ("who", "is"))


def _is_same_person(doc: Doc, previous: tuple[int, str], start: int) -> bool:
    """True when the mention at `start` names again the one at `previous`.

    In brackets ("me (Sarah)", "my mum (her daughter)") or after "he's"/"she's" ("our
    Gary pops round sundays, he's me son").
    """
    if start > 0 and doc[start - 1].text == "(":
        return True
    before = tuple(t.lower_ for t in doc[max(previous[0], start - 2) : start])
    return (
        before in _SAME_PERSON_AFTER
        or before in _SAME_PERSON_AFTER_WORDS
        or before[-1:] in _SAME_PERSON_AFTER_WORDS
    )


def _people(
    span: Span, cared_for: set[int], known: set[str] | None = None
) -> list[tuple[Span, int | None]]:
    """The people the span names, each with where its words start when that is not its own.

    People are named by relationship, or by given name when that is all; "Dawn, my sister"
    starts at "Dawn". A name where a caring phrase ends (`cared_for`) is whom the caring is
    for: with someone answering for the patient ("it is me who looks after Margaret") that is
    the patient. A name said earlier in the answer (`known`) is that person again ("jay is
    amazing. my mum comes with me when jay is working").
    """
    doc = span.doc
    known = set() if known is None else known
    relationships = [ent for ent in span.ents if ent.label_ == patterns.RELATIONSHIP]
    starts: dict[int, int | None] = {person.start: None for person in relationships}
    names: list[Span] = []
    for name in (ent for ent in span.ents if ent.label_ == patterns.PERSON):
        beside = _apposition(name, relationships)
        if beside is not None:
            if name.start < beside.start:
                starts[beside.start] = name.start
            continue
        before = doc[name.start - 1].lower_ if name.start > span.start else ""
        after = doc[name.end].lower_ if name.end < span.end else ""
        said = name.text.lower()
        if (
            name.start in cared_for
            or before in _BEFORE_AN_OBJECT
            or after in ("'s", "\u2019s", "s")
            or said in known
        ):
            continue  # whom it is done for, whose ("Priya's mum"), or someone named before
        known.add(said)
        names.append(name)
    found = [(person, starts[person.start]) for person in relationships]
    found += [(name, None) for name in names]
    return sorted(found, key=lambda pair: pair[1] if pair[1] is not None else pair[0].start)


def _supports_in(
    span: Span, respondent: str | None, known: set[str] | None = None
) -> list[Support]:
    """One support per person named in the span (the span itself when it names nobody)."""
    doc = span.doc
    phrases = _caring_phrases(span)
    own = _own_caring(span, phrases)
    caring_end = own[1] if own else None
    people = _people(span, {end for _, end in phrases}, known)
    if own is not None and doc[own[0]].lower_ in _BEING:
        # "I'm her carer", "I'm a single mum to...": the patient's role, not a person.
        people = [
            (p, s) for p, s in people if p.ent_id_ not in _ROLES or not own[0] <= p.start < own[1]
        ]
    mentions: list[tuple[int, str]] = []
    anchors: dict[int, int] = {}  # where each mention's words start -> where its person is
    for person, named_from in people:
        if named_from is None:
            start = _phrase_start(doc, person.start, span.start)
        elif mentions:
            # "Gary, my husband, and Dawn, my sister": the one before ends where this name is.
            start = _phrase_start(doc, named_from, span.start)
        else:
            start = named_from
        if mentions and mentions[-1][1] == person.ent_id_ and _said_again(doc, start, person, span):
            continue  # the same person again ("the lady next door pops in, our neighbour")
        if mentions and _where_from(doc, mentions[-1][0], start):
            continue  # where the last person is from ("friends from church")
        if mentions and person.end < span.end and doc[person.end].lower_ in ("'s", "\u2019s"):
            continue  # whose: "my eldest daughter's boy", "my sister does Mum's Sundays"
        if mentions and own is None and person.end in {end for _, end in phrases}:
            continue  # whom someone else helps: "her mum comes round to help with the baby"
        if mentions and person.ent_id_ in _PLACES and doc[start - 1].lower_ == "to":
            continue  # where the last person takes them ("she runs me to the GP")
        mentions.append((start, _to_patient(doc, person, respondent)))
        anchors[start] = person.start
    me = _respondent_mention(span) if respondent else None
    if me is not None:
        mentions = sorted([*mentions, (me, respondent or "")])
    mentions = _merge_same_person(doc, mentions)
    if len(mentions) <= 1:
        kind = "support" if caring_end is None else "caring_for"
        relationship = (mentions[0][1] or None) if mentions else None
        if caring_end is not None and me is None:
            named = mentions[0][1] if mentions else ""
            relationship = (named if named not in _ROLES else "") or _relationship(span, caring_end)
        return [Support(span.text, relationship, kind)]
    supports = []
    for index, (start, relationship) in enumerate(mentions):
        begin = span.start if index == 0 else start
        end = mentions[index + 1][0] if index + 1 < len(mentions) else span.end
        text = _trimmed(doc[begin:end])
        if not text:
            continue
        # Whom the patient's own caring phrase names, and anyone after it, is cared for.
        caring = own is not None and anchors.get(start, start) >= own[0]
        kind = "caring_for" if caring else "support"
        supports.append(Support(text, relationship or None, kind))
    return supports


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


def _to_patient(doc: Doc, person: Span, respondent: str | None) -> str:
    """The relationship a person named by someone answering for the patient has to the patient.

    Only "my ..." is said from the respondent's side; "her son", "his carers" and "our
    daughter" already name the patient's.
    """
    said = person.ent_id_
    group = _RESPONDENT_GROUP.get(respondent or "")
    if group is None or person.start == 0 or doc[person.start - 1].lower_ not in _THEIR_OWN:
        return said
    if group == "grandchild" and said == "family":
        # "my uncle", "my auntie": the patient's child; "my nan" is the patient.
        word = person.text.lower()
        if word in ("uncle",):
            return "son"
        if word in ("aunt", "auntie", "aunty"):
            return "daughter"
    return _THEIR_WORD_TO_PATIENTS[group].get(said, said)


def _where_from(doc: Doc, previous: int, start: int) -> bool:
    """True when the words just before a mention say where the one before is from.

    "friends from church", "a friend from the Prostate Cancer UK support group".
    """
    before = [t.lower_ for t in doc[max(previous, start - 5) : start]]
    if not before or any(w in _FINITE_WORDS and w not in _OF_WHERE for w in before):
        return False
    return before[-1] in _OF_WHERE or "from" in before


def _merge_same_person(doc: Doc, mentions: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Fold a mention that names the one before again into it (see `_is_same_person`).

    The relationship the second names wins: in brackets it is the one to the patient ("my
    mum (her daughter)").
    """
    merged: list[tuple[int, str]] = []
    for start, relationship in mentions:
        if merged and _is_same_person(doc, merged[-1], start):
            merged[-1] = (merged[-1][0], relationship or merged[-1][1])
        else:
            merged.append((start, relationship))
    return merged


def _trimmed(span: Span) -> str:
    words = list(span)
    while words and (words[-1].lower_ in _LIST_JOINERS or words[-1].is_punct):
        words.pop()
    while words and (words[0].lower_ in _LIST_JOINERS or words[0].is_punct):
        words.pop(0)
    if not words:
        return ""
    return span.doc[words[0].i : words[-1].i + 1].text


def _respondent_mention(span: Span) -> int | None:
    """Return where someone answering for the patient names themself, or None.

    As in "me, her granddaughter does..." or "it is me who looks after her".
    """
    tokens = list(span)
    for index, token in enumerate(tokens):
        if token.lower_ not in ("me", "myself"):
            continue
        if index + 1 < len(tokens) and tokens[index + 1].ent_type_ == patterns.RELATIONSHIP:
            continue  # "me sister in Durham": "me" for "my"
        before = [t.lower_ for t in tokens[max(0, index - 2) : index]]
        after = tokens[index + 1].lower_ if index + 1 < len(tokens) else ""
        first = index == 0 or all(t in _LIST_JOINERS for t in before)
        it_is = before[-2:] == ["it", "is"] or before[-2:] == ["it", "'s"] or before[-1:] == ["its"]
        if (first or it_is) and after not in ("to", "with", "about", "out"):
            start = token.i
            while start > span.start and doc_lower(span, start - 1) in _IT_IS:
                start -= 1
            return start
    return None


def doc_lower(span: Span, i: int) -> str:
    """Return the lower-case text of the span's document token `i`."""
    return span.doc[i].lower_


def _said_again(doc: Doc, start: int, person: Span, span: Span) -> bool:
    """True when a name after a comma closes the item: the same person said again."""
    after = [t for t in doc[person.end : span.end] if not t.is_punct]
    return start > span.start and doc[start - 1].text == "," and not after


def _names_someone(span: Span) -> bool:
    if any(ent.label_ in (patterns.RELATIONSHIP, patterns.PERSON) for ent in span.ents):
        return True
    return bool(_care_matcher()(span))


def _cares_for_someone_before(span: Span) -> bool:
    """True for a caring phrase about "him", "her" or "them" that names nobody itself."""
    if any(ent.label_ in (patterns.RELATIONSHIP, patterns.PERSON) for ent in span.ents):
        return False
    return bool(_care_matcher()(span)) and any(t.lower_ in ("him", "her", "them") for t in span)


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


def extract_supports(text: str, respondent: str | None = None) -> list[Support]:
    """Return the supports and caring roles named in an answer.

    Args:
        text: the answer.
        respondent: when someone answers for the patient, their relationship to the patient
            ("son"), so "me" in the answer is them.
    """
    if not text or not text.strip():
        return []
    doc = get_nlp()(letter_body(text))
    known: set[str] = set()
    return [s for span in _groups(doc) for s in _supports_in(span, respondent, known)]
