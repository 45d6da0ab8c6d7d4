"""Phrases that say someone cares for someone, and whether the patient is the one caring.

"I look after my husband", "I do Mum's shopping", "I have Lily two days a week", "I'm
Derek's main carer": the patient gives care. "She looks after me", "cared for by" are support.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from coproduce.nlp import patterns
from coproduce.nlp.pipeline import get_nlp

_SELF = frozenset({"i", "we"})

_OTHERS = frozenset({"he", "she", "they", "you"})

_CARED_BY_ME = frozenset({"me", "us", "myself", "by"})


def lower_in(*words: str) -> dict[str, dict[str, list[str]]]:
    """Return a token pattern matching any of the words, ignoring case."""
    return {"LOWER": {"IN": list(words)}}


_DAYS = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mondays",
    "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays", "mon", "tues",
    "tue", "weds", "wed", "thurs", "thu", "fri", "weekends", "weekdays",
)  # fmt: skip

#: When someone is had ("I have Lily two days a week", "I have her weekends").
_WHEN_HAD = lower_in(
    "after", "every", "on", "at", "for", "most", "two", "three", "2", "3", "4", "some",
    "alternate", "half", *_DAYS,
)  # fmt: skip


@lru_cache(maxsize=1)
def care_matcher() -> Matcher:
    """Build the matcher for phrases that say someone cares for someone."""
    matcher = Matcher(get_nlp().vocab)
    matcher.add(
        "CARE",
        [
            [lower_in("look", "looks", "looking", "looked", "lookin"), lower_in("after", "efter")],
            [lower_in("look", "looks", "looking", "pop", "pops"), {"LOWER": "in"}, {"LOWER": "on"}],
            # "I pick Tyler up from school".
            [
                lower_in("pick", "picks", "picking", "fetch", "fetches", "collect", "collects"),
                {"ENT_TYPE": patterns.PERSON, "OP": "+"},
                {"LOWER": {"IN": ["up", "from"]}},
            ],
            [lower_in("care", "cares", "caring", "cared"), {"LOWER": "for"}],
            [lower_in("take", "takes", "taking"), {"LOWER": "care"}, {"LOWER": "of"}],
            [
                lower_in("do", "does", "doing"),
                {"LOWER": {"IN": ["it", "a"]}, "OP": "?"},
                lower_in("everything", "all", "most", "loads", "lots", "lot"),
                {
                    "LOWER": {
                        "IN": ["things", "of", "the", "stuff", "else", "running", "round", "around"]
                    },
                    "OP": "*",
                },
                {"LOWER": "for"},
            ],
            # "I have Lily two days a week", "I have Kayden after school", "I have her
            # weekends".
            [
                lower_in("have", "having", "got", "get"),
                {"ENT_TYPE": patterns.PERSON, "OP": "+"},
                _WHEN_HAD,
            ],
            [
                lower_in("have", "having", "got", "get"),
                lower_in("him", "her", "them"),
                _WHEN_HAD,
            ],
            # "i have the grandkids like i said", "I have the kids on my own": "the" children
            # are had to look after ("I have two grandkids" only says there are two).
            [
                lower_in("have", "having"),
                {"LOWER": "the"},
                {"IS_ALPHA": True, "OP": "?"},
                lower_in(
                    "kids",
                    "grandkids",
                    "grandchildren",
                    "children",
                    "boys",
                    "girls",
                    "twins",
                    "baby",
                    "bairns",
                    "weans",
                    "little",
                    "ones",
                    "young",
                ),
            ],
            [lower_in("help", "helping"), lower_in("my", "our", "look", "care", "him", "her")],
            # "I help out with my dad", "helping out with the grandkids".
            [
                lower_in("help", "helping", "helped"),
                {"LOWER": "out"},
                {"LOWER": "with"},
                lower_in("my", "our", "him", "her", "them", "the", "me"),
            ],
            [lower_in("support", "supporting"), lower_in("my", "our", "him", "her")],
            [lower_in("cook", "cooking", "shop", "shopping"), {"LOWER": "for"}],
            [lower_in("babysit", "babysitting")],
            # "we mind two of the grandchildren after school", "I mind my sister's boy".
            [
                lower_in("mind", "minds", "minding"),
                {
                    "LOWER": {
                        "IN": ["two", "three", "2", "3", "of", "the", "my", "our", "ma", "me"]
                    },
                    "OP": "*",
                },
                {"ENT_TYPE": patterns.RELATIONSHIP},
            ],
            # "I'm my mum's main carer", "I am Elizabeth's principal carer".
            [
                {"LOWER": {"IN": ["'s", "\u2019s"]}},
                {
                    "LOWER": {
                        "IN": ["main", "primary", "principal", "only", "full", "sole", "unpaid"]
                    },
                    "OP": "?",
                },
                {"LOWER": {"IN": ["time", "-"]}, "OP": "?"},
                lower_in("carer", "caregiver", "caretaker"),
            ],
            # "I keep an eye on my dad", "I do mum's shopping", "I pick the grandkids up from
            # school", "I help with the grandchildren".
            [
                lower_in("keep", "keeps", "keeping"),
                {"LOWER": "an"},
                {"LOWER": "eye"},
                {"LOWER": "on"},
            ],
            [
                lower_in("do", "does", "doing"),
                {"IS_ALPHA": True, "OP": "?"},
                {"IS_ALPHA": True, "OP": "?"},
                {"IS_ALPHA": True, "OP": "?"},  # "I do most of the cooking"
                {"LOWER": {"IN": ["'s", "\u2019s"]}, "OP": "?"},
                {"ENT_TYPE": patterns.APPOINTMENT, "OP": "?"},  # "mum's hospital runs"
                lower_in(
                    "shopping",
                    "washing",
                    "cleaning",
                    "meals",
                    "cooking",
                    "ironing",
                    "tea",
                    "dinner",
                    "dinners",
                    "breakfast",
                    "lunch",
                    "tablets",
                    "meds",
                    "pills",
                    "medication",
                    "bath",
                    "shower",
                    "hair",
                    "runs",
                    "errands",
                    "paperwork",
                    "bills",
                    "garden",
                    "lifts",
                ),
            ],
            # "I pop round to Doreen most days", "I'm running round after the boys".
            [
                lower_in("pop", "pops", "popping", "nip", "nips", "nipping"),
                lower_in("round", "over", "in", "across"),
                {"LOWER": "to"},
            ],
            [
                lower_in("run", "runs", "running", "chase", "chasing"),
                {"LOWER": {"IN": ["round", "around", "about"]}, "OP": "?"},
                {"LOWER": "after"},
            ],
            # "I go round to Dad's every day to do his tea", "I nip over to mum's".
            [
                lower_in("go", "goes", "going", "went", "pop", "pops", "nip", "nips"),
                lower_in("round", "over", "across"),
                {"LOWER": "to"},
            ],
            # "I visit Betty my wife" (in her care home), "ah feed ma pal Tam's dug".
            [
                lower_in("visit", "visits", "visiting", "feed", "feeds", "feeding"),
                lower_in("my", "ma", "me", "our", "mum's", "dad's"),
                {"ENT_TYPE": {"IN": [patterns.RELATIONSHIP, patterns.PERSON]}},
            ],
            [
                lower_in("visit", "visits", "visiting", "mind", "minds", "minding"),
                {"ENT_TYPE": patterns.PERSON, "OP": "+"},
            ],
            # "I'm the one who helps my dad"; "I do for him" (looks after him).
            [{"LOWER": "one"}, {"LOWER": "who"}, lower_in("helps", "looks", "cares", "sees")],
            [lower_in("do", "does", "doing"), {"LOWER": "for"}, lower_in("him", "her", "them")],
            [
                lower_in("do", "does", "doing"),
                {"LOWER": "for"},
                lower_in(
                    "my", "our", "me", "ma", "the", "his", "her", "their", "wor", "mum", "dad"
                ),
            ],
            # "I call her every day and arrange her helper", "I sort out dad's appointments".
            [
                lower_in(
                    "arrange",
                    "arranges",
                    "arranging",
                    "organise",
                    "organises",
                    "organize",
                    "organizes",
                    "organising",
                    "organizing",
                    "manage",
                    "manages",
                    "managing",
                ),
                {"LOWER": "all", "OP": "?"},
                lower_in(
                    "her",
                    "his",
                    "their",
                    "my",
                    "our",
                    "me",
                    "ma",
                    "mum",
                    "dad",
                    "mum's",
                    "dad's",
                    "the",
                ),
                {"LOWER": {"IN": ["'s", "\u2019s"]}, "OP": "?"},
                lower_in(
                    "care",
                    "carers",
                    "helper",
                    "helpers",
                    "appointments",
                    "tablets",
                    "meds",
                    "medication",
                    "medicines",
                    "money",
                    "bills",
                    "shopping",
                    "paperwork",
                ),
            ],
            # "she depends on me", "he relies on us", "she needs my help", "my niece turns to
            # me": the patient is the one giving.
            [
                lower_in("depends", "depend", "depending", "relies", "rely", "relying"),
                {"LOWER": "on"},
                lower_in("me", "us"),
            ],
            [
                lower_in("needs", "need", "needing"),
                {"LOWER": {"IN": ["my", "our"]}},
                lower_in("help", "care", "support"),
            ],
            [lower_in("turns", "turn", "comes", "come"), {"LOWER": "to"}, lower_in("me", "us")],
            [
                {"LOWER": "be"},
                {"LOWER": "there"},
                {"LOWER": "for"},
                lower_in("her", "him", "them", "my", "our"),
            ],
            # "I go and sit with my sister".
            [
                lower_in("sit", "sits", "sitting"),
                {"LOWER": "with"},
                lower_in("my", "our", "me", "ma"),
            ],
            # "I am the main support for my brother".
            [{"LOWER": "support"}, {"LOWER": "for"}, lower_in("my", "our", "him", "her", "them")],
            # "I send money home to my mum", "I send help to my mother".
            [
                lower_in("send", "sends", "sending", "sent"),
                lower_in(
                    "money",
                    "help",
                    "cash",
                    "what",
                    "i",
                    "can",
                    "some",
                    "a",
                    "bit",
                    "home",
                    "over",
                    "back",
                    "them",
                    "her",
                    "him",
                    "support",
                    "stuff",
                    "things",
                    "parcels",
                ),
                {"LOWER": {"IN": ["i", "can", "home", "over", "back", "money"]}, "OP": "*"},
                lower_in("to", "for"),
                lower_in(
                    "my", "our", "me", "ma", "the", "mum", "dad", "family", "him", "her", "them"
                ),
            ],
            [
                lower_in("pick", "picks", "picking", "fetch", "fetches", "collect", "collects"),
                {"LOWER": "up", "OP": "?"},
                lower_in("my", "our", "the", "ma", "me"),
                {"IS_ALPHA": True, "OP": "?"},
                {"ENT_TYPE": patterns.RELATIONSHIP, "OP": "+"},
            ],
            [
                lower_in("help", "helps", "helping"),
                {"LOWER": "with"},
                {"LOWER": {"IN": ["my", "our", "the", "his", "her"]}, "OP": "?"},
                {"ENT_TYPE": patterns.RELATIONSHIP, "OP": "+"},
            ],
            # "I have my two lads every other weekend", "I take my mother in law to the
            # hospital", "I run my neighbour to dialysis": the patient is the one giving.
            [
                lower_in("have", "having", "got", "get"),
                lower_in("my", "our", "the", "ma", "me"),
                {"IS_ALPHA": True, "OP": "?"},
                {"ENT_TYPE": patterns.RELATIONSHIP, "OP": "+"},
                {"ENT_TYPE": patterns.PERSON, "OP": "?"},
                {"IS_TITLE": True, "OP": "?"},  # a name the name list does not hold
                # "my son and daughter every other weekend": two of them.
                {"LOWER": {"IN": ["and", "&", "n"]}, "OP": "?"},
                {"LOWER": {"IN": ["my", "our", "the", "ma", "me"]}, "OP": "?"},
                {"ENT_TYPE": patterns.RELATIONSHIP, "OP": "*"},
                lower_in(
                    "two",
                    "three",
                    "2",
                    "3",
                    "at",
                    "every",
                    "on",
                    "for",
                    "most",
                    "half",
                    "alternate",
                    "some",
                    "after",
                    "the",
                    *_DAYS,
                ),
            ],
            # "I still see to my brother".
            [lower_in("see", "sees", "seeing"), {"LOWER": "to"}, lower_in("my", "our", "the")],
            [
                lower_in(
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
                lower_in("my", "our", "the", "her", "his", "me", "ma"),
                {"IS_ALPHA": True, "OP": "?"},
                {"ENT_TYPE": patterns.RELATIONSHIP, "OP": "+"},
                {"ENT_TYPE": patterns.PERSON, "OP": "?"},
                lower_in("to", "for", "into", "round", "in"),
            ],
            # "I take her to her appointments", "I drive him to dialysis".
            [
                lower_in("take", "taking", "drive", "driving", "run", "running", "ferry"),
                lower_in("him", "her", "them"),
                lower_in("to", "into", "round"),
            ],
            # "I do the school runs for my son".
            [
                lower_in("do", "does", "doing", "did"),
                lower_in("the", "all", "a"),
                {"LOWER": "school"},
                lower_in("run", "runs"),
            ],
            [lower_in("mind", "minding"), lower_in("my", "our", "the", "his", "her", "their")],
            [
                lower_in("'m", "\u2019m", "m", "am", "was", "been", "be", "being"),
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
                lower_in("carer", "caregiver", "caretaker"),
            ],
            # "I am Geoffrey's main carer".
            [
                lower_in("'m", "\u2019m", "m", "am", "was"),
                {"ENT_TYPE": patterns.PERSON, "OP": "+"},
                lower_in("'s", "\u2019s"),
                {
                    "LOWER": {"IN": ["main", "sole", "only", "full", "-", "time", "full-time"]},
                    "OP": "*",
                },
                lower_in("carer", "caregiver", "caretaker"),
            ],
            # "I'm a single mum to my two sons": the patient's role, then whom it is for.
            [
                lower_in("'m", "\u2019m", "m", "am"),
                lower_in("a", "the"),
                {"IS_ALPHA": True, "OP": "?"},
                lower_in("mum", "mom", "mam", "mother", "dad", "father", "parent", "nan", "gran"),
                {"LOWER": "to"},
            ],
        ],
    )
    return matcher


#: "she depends on me": the patient is the one leaned on, whoever the subject is.
_LEANS = frozenset(
    {"depends", "depend", "depending", "relies", "rely", "relying", "needs", "need", "needing"}
    | {"turns", "turn", "comes", "come"}
)


def patient_cares(span: Span, start: int, end: int) -> bool:
    """Return whether the patient is the subject of the caring phrase at [start, end)."""
    doc = span.doc
    if doc[start].lower_ in _LEANS:
        return True
    if (
        end < span.end
        and doc[end].lower_ in _CARED_BY_ME
        # "I look after me nan": "me" there is "my".
        and not (
            end + 1 < span.end
            and doc[end].lower_ == "me"
            and doc[end + 1].ent_type_ in (patterns.RELATIONSHIP, patterns.PERSON)
        )
    ):
        return False
    if _scots_i(doc, span.start, start):
        return True  # "an a look efter Callum", "ah mind ma grandson"
    if (
        start - 1 > span.start
        and doc[start - 1].lower_ in ("me", "myself")
        and doc[start - 2].lower_ in _ONLY_ME
    ):
        return True  # "it's me looking after my daughter", "just myself caring for him"
    before = start
    if doc[start].lower_ in ("'s", "\u2019s") or (
        before > span.start and doc[before - 1].lower_ == "to"
    ):
        # "I've got the two boys to look after", "I'm my mum's main carer": the people named
        # before are who is cared for; whoever has them is named before them ("my daughter
        # has the kids to look after").
        if doc[before - 1].lower_ == "to":
            before -= 1
        while before > span.start and (
            doc[before - 1].ent_type_ in (patterns.RELATIONSHIP, patterns.PERSON)
            or doc[before - 1].lower_ in _OBJECT_WORDS
            or doc[before - 1].like_num
            or (doc[before - 1].is_title and doc[before - 1].lower_ != "i")  # a name
        ):
            before -= 1
    for token in reversed(doc[span.start : before]):
        if token.lower_ in _SELF:
            return True
        if token.lower_ in _OTHERS or token.ent_type_ in (patterns.RELATIONSHIP, patterns.PERSON):
            return False
    return True


#: "it's me", "just me", "only myself" before a caring phrase: the patient cares.
_ONLY_ME = frozenset({"'s", "\u2019s", "its", "is", "was", "just", "only"})


def _scots_i(doc: Doc, first: int, start: int) -> bool:
    """True for Scots "a" or "ah" (I) said just before a caring phrase, opening a clause."""
    if start <= first or doc[start - 1].lower_ not in ("a", "ah"):
        return False
    opener = doc[start - 2] if start - 2 >= first else None
    return opener is None or opener.is_punct or opener.lower_ in ("an", "and", "but", "so", "n")


#: Words of the people named before "to look after": "the two little ones", "Isla and Finn".
_OBJECT_WORDS = frozenset(
    {"the", "my", "our", "his", "her", "their", "a", "an", "both", "little", "young", "wee"}
    | {"and", "&", "n", ","}
)


def caring_phrases(span: Span) -> list[tuple[int, int]]:
    """Return the (start, end) of every phrase in the span that says someone cares for someone."""
    return [
        (span.start + start, span.start + end)
        for _, start, end in care_matcher()(span)
        if not _never_mind(span.doc, span.start + start)
    ]


def _never_mind(doc: Doc, start: int) -> bool:
    """True for "never mind my daughter": not minding anyone."""
    return (
        doc[start].lower_ in ("mind", "minds")
        and start > 0
        and doc[start - 1].lower_ in ("never", "nevermind", "dont", "don't", "do", "n't", "nt")
    )


def own_caring(span: Span, phrases: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Return the patient's own caring phrase in the span, if it has one."""
    return next((p for p in phrases if patient_cares(span, *p)), None)
