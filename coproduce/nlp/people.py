"""Who an item of a supports answer names, and where each person's words start.

People are named by relationship ("my son"), by given name ("Chloe"), or both ("my wife
Judith", "Pauline is a good friend", "me (Sarah)"); a name said again, whose someone is
("my son's boy") and where they are from ("friends from church") are not more people.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from coproduce.nlp import patterns


def _words(text: str) -> frozenset[str]:
    """Return the whitespace-separated words of a word list."""
    return frozenset(text.split())


LIST_JOINERS = frozenset({"and", "&", "plus", "or", ",", "also", "then", "both"})

OF_WHERE = frozenset({"from", "at", "of", "in"})

_DETERMINERS = frozenset(["my", "our", "his", "her", "their", "the", "a", "an", "me", "ma", "mi"])

_IT_IS = frozenset(
    ["it", "is", "'s", "its", "otherwise", "mostly", "mainly", "and", "but", "so", "well"]
)

# Words that end a person's name on its left: verbs and pronouns, not "memory" nurse.
FINITE_WORDS = _words(
    "i he she they we you it is are was were am be been has have had do does did can "
    "could will would who which that with to of for from at in on by comes come rings "
    "ring helps help does takes take looks look sits sit pops pop drives drive visits "
    "visit"
)

#: After "my daughter's": the person meant is hers ("my daughter's boy"), not her.
_PERSON_NOUNS = _words(
    "boy girl lad lass kids kid children child baby son daughter husband wife partner "
    "boys girls lads twins little youngest eldest"
)


def _whose(doc: Doc, ent: Span) -> bool:
    """True for "my daughter's boy": a relationship that only says whose the person is."""
    if ent.end + 1 >= len(doc) or doc[ent.end].lower_ not in ("'s", "\u2019s"):
        return False
    return doc[ent.end + 1].lower_ in _PERSON_NOUNS


def relationship_of(span: Span, after: int | None) -> str | None:
    """Return the first relationship named in the span, preferring one after ``after``."""
    doc = span.doc
    people = [
        ent
        for ent in span.ents
        if ent.label_ == patterns.RELATIONSHIP and not _whose(doc, ent) and not absent(doc, ent)
    ]
    if after is None:
        return people[0].ent_id_ if people else None
    cared = [ent for ent in people if ent.ent_id_ != "carer"]
    later = [ent for ent in cared if ent.start >= after]
    chosen = later or cared
    return chosen[0].ent_id_ if chosen else None


def phrase_start(doc: Doc, start: int, floor: int) -> int:
    """Extend a person's name left over its words: "my", "our big", "the memory" nurse."""
    modifiers = 0
    while start > floor:
        word = doc[start - 1]
        if word.lower_ in _DETERMINERS:
            return start - 1
        if (
            not word.is_alpha
            or word.lower_ in LIST_JOINERS
            or word.lower_ in FINITE_WORDS
            or modifiers == 2
        ):
            return start
        start, modifiers = start - 1, modifiers + 1
    return start


#: Words after which a name is whom something is done for, not someone new who helps:
#: "my mum takes Callum", "her mum has Lily Mondays", "Raj sits with Joan".
_BEFORE_AN_OBJECT = _words(
    "takes take took taking has have had having with after for sees see visit visits "
    "visiting help helps helping drive drives driving walk walks mind minds minding "
    "collect collects got get gets watch watches feed feeds bathe bathes to about"
)

#: Verbs after which a relative named by someone else's clause is whom they help: "my sister
#: Bev has the kids", "ma maw takes the wean tae school".
_HAS_SOMEONE = _words("has have had takes take took minds mind collects watches feeds bathes")
_CHILDREN = frozenset({"son", "daughter", "child"})


def object_of_the_last(doc: Doc, previous: int, start: int) -> bool:
    """True when the mention at `start` is whom the person mentioned at `previous` looks after.

    Not when the patient is the subject in between ("my son comes and I have the kids").
    """
    between = [t.lower_ for t in doc[previous:start]]
    if _other_subject(doc, previous, start):
        return False  # "my brother Peter does her shopping. She has carers": she is not Peter
    return (
        start > 0
        and doc[start - 1].lower_ in _HAS_SOMEONE
        and not any(w in ("i", "we", "me") for w in between)
    )


_GENDER = {"he": "m", "she": "f"}
_FEMALE = frozenset({"daughter", "wife", "mum", "sister", "girlfriend", "aunt", "niece", "nan"})
_MALE = frozenset({"son", "husband", "dad", "brother", "boyfriend", "uncle", "nephew", "grandad"})


def _other_subject(doc: Doc, previous: int, start: int) -> bool:
    """True when "she has"/"he has" before a mention cannot be the person mentioned before."""
    said = _GENDER.get(doc[start - 2].lower_) if start > 1 else None
    last = next(
        (t for t in doc[previous : previous + 4] if t.ent_type_ == patterns.RELATIONSHIP), None
    )
    known = _gender(last) if last is not None else None
    return said is not None and known is not None and said != known


def subject_start(doc: Doc, previous: int, start: int) -> int:
    """Where a mention's words start, taking in a "she has" that cannot be the one before.

    "She has carers twice a day" after "my brother Peter ...".
    """
    return start - 2 if _other_subject(doc, previous, start) else start


def _gender(token: Token) -> str | None:
    """The gender a relationship says ("sister": f), or None when it says none."""
    said = token.ent_id_ or token.lower_
    return "f" if said in _FEMALE else "m" if said in _MALE else None


#: Before "'s", words that make it "is": "he's me brother", "she's my rock".
_PRONOUNS_IS = frozenset({"he", "she", "it", "that", "who", "there", "this"})


def whose(doc: Doc, start: int, last: str, this: str) -> str | None:
    """The relationship of "X's Y" said as one person ("next door's lad"), or None if not.

    Y belongs to X: the neighbour's lad is from next door; a son's or daughter's child is a
    grandchild.
    """
    if start == 0 or doc[start - 1].lower_ not in ("'s", "\u2019s"):
        return None
    if start > 1 and doc[start - 2].lower_ in _PRONOUNS_IS:
        return None  # "he's me brother": he is
    if last in _CHILDREN and this in _CHILDREN:
        return "grandchild"
    return last


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
        if any(t.text in _SENTENCE_ENDS for t in between):
            continue  # "Sue. grandkids.": two things, not "Sue, my grandchild"
        if person.start > name.start and (
            any(t.text == ")" for t in between) or _named_after(person)
        ):
            # "Myself (Ravi), my wife Lakshmi": the name in brackets is the one before it,
            # and a relationship with its own name is someone else.
            continue
        if len(between) <= most and all(w in allowed for w in words):
            return person
        if (
            person.start > name.start
            and len(words) >= 2
            and words[-2] in _DETERMINERS
            and all(w in allowed for w in words[:-1])
        ):
            return person  # "Rohan, my college friend": one word said of the relationship
    return None


_SENTENCE_ENDS = frozenset({".", "!", "?", ";", "\n"})


def _named_after(person: Span) -> bool:
    """True when a relationship is followed by its own name ("my wife Lakshmi")."""
    doc = person.doc
    return person.end < len(doc) and doc[person.end].ent_type_ == patterns.PERSON


#: "Gary pops round, he's me son": the relationship said after the name is the same person.
_SAME_PERSON_AFTER = (("he", "'s"), ("she", "'s"), ("he", "\u2019s"), ("she", "\u2019s"))

_SAME_PERSON_AFTER_WORDS = (
    ("he", "is"), ("she", "is"), ("hes",), ("shes",), ("who", "is"),
    # "Our Sandra, that's the wife"; "me, his girlfriend, I'm Kirsty".
    ("that", "'s"), ("that", "\u2019s"), ("thats",), ("that", "is"),
    ("i", "'m"), ("i", "\u2019m"), ("i", "m"), ("im",), ("i", "am"),
)  # fmt: skip


def _is_same_person(doc: Doc, previous: tuple[int, str], start: int) -> bool:
    """True when the mention at `start` names again the one at `previous`.

    In brackets ("me (Sarah)", "my mum (her daughter)") or after "he's"/"she's" ("our
    Gary pops round sundays, he's me son").
    """
    if start > 0 and doc[start - 1].text == "(":
        return True
    if start > 1 and doc[start - 1].text == "," and doc[start - 2].lower_ in ("me", "myself"):
        return True  # "Me, June.": someone typing for the patient names themself
    before = tuple(t.lower_ for t in doc[max(previous[0], start - 2) : start])
    return (
        before in _SAME_PERSON_AFTER
        or before in _SAME_PERSON_AFTER_WORDS
        or before[-1:] in _SAME_PERSON_AFTER_WORDS
    )


#: After "Jo's", words that make it "Jo is" or "Jo has" ("Jo's my rock", "Linda's sticking by
#: me", "my son's only round the corner") rather than whose ("Jo's mum").
_IS_OR_HAS_AFTER = _words(
    "only always just round around been got a an the very so not never great good brilliant "
    "there here in at on away home back out up down over near nearby close local amazing fab "
    "fantastic really also too still my our me such like bin"
)


def is_or_has(token: Token) -> bool:
    """True when the word after a name's "'s" makes it "is" or "has", not "whose"."""
    word = token.lower_
    # "my daughter's 16": an age is what she is.
    return word in _IS_OR_HAS_AFTER or (word.endswith("ing") and len(word) > 4) or token.like_num


#: Capitalised words that start a sentence about help without being anyone's name.
_NOT_NAMES = _words(
    "church chapel mosque temple gurdwara synagogue work physio honestly carers carer friends "
    "neighbours family god jesus lord allah school college uni university hospital gp nhs "
    "social services council hospice macmillan age club group team staff home care boss nurse "
    "doctor doctors netflix facebook whatsapp zoom google alexa dog dogs cat cats walking "
    "reading music prayer tea coffee pills tablets insulin luckily thankfully unfortunately "
    "sadly definitely probably maybe usually normally occasionally lately currently recently "
    "obviously basically literally mostly mainly generally yes yeah yep no nope nah ok okay "
    "oh well thanks lol hmm also plus people everybody everyone nobody noone someone somebody "
    "anyone none nothing still just only both lots loads couple few meals wheels transport "
    "volunteers volunteer charity foodbank bingo gym pub library park garden swimming yoga "
    "tai chi monday tuesday wednesday thursday friday saturday sunday mondays tuesdays "
    "wednesdays thursdays fridays saturdays sundays january february march april june july "
    "august september october november december christmas easter eid diwali ramadan weekends"
)
#: Words after a given name that make it the subject of what someone does or is.
_NAME_THEN = _words(
    "is 's \u2019s was has have does did do helps help helped runs run drives drive takes take "
    "comes come pops rings ring calls phones texts cooks cleans gets sorts picks looks checks "
    "nags very really always brings visits lives stays works goes keeps will 'll says said "
    "who from , and & everything mostly too as"
)


def names_known(doc: Doc, names: Iterable[str]) -> list[Span]:
    """Where names said with a relationship in another answer come again, as people.

    "My daughter Hei Yin" in one answer makes "I look after Hei Yin" name her in another.
    """
    taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    found: list[Span] = []
    for name in names:
        size = len(name.split())
        for start in range(len(doc) - size + 1):
            span = doc[start : start + size]
            if span.text.lower() == name and not taken.intersection(range(start, start + size)):
                found.append(Span(doc, start, start + size, label=patterns.PERSON))
                taken.update(range(start, start + size))
    return found


_ABSENT = re.compile(
    r"^\W*(?:'s|\u2019s|s|is|was|has|had|has been|'s been)?\s*(?:(?:not|never|no longer|n'?t)\s+"
    r"(?:on the scene|around|in the picture|involved|about|in (?:his|her|their|our) li(?:fe|ves))|"
    r"left (?:us|years|when|ages)|walked out|passed away|passed on|died|in prison|inside|"
    # "since my wife passed": gone, unless it passed something ("passed his test").
    r"passed(?!\s+(?:his|her|my|the|a|an|their|me|it|them|him|on\s+(?:his|her|the|a))\b))\b"
)


def absent(doc: Doc, person: Span) -> bool:
    """True when the words after a person say they are not there ("his dad's not on the scene").

    Someone named only to say they are gone is not a support, nor anyone cared for.
    """
    after = doc[person.end : min(person.end + 7, len(doc))].text.lower()
    return bool(_ABSENT.match(after))


def _may_be_a_name(token: Token, taken: set[int]) -> bool:
    return not (
        token.i in taken
        or not token.is_title
        or not token.is_alpha
        or len(token) < 2
        or token.is_stop
        or token.lower_ in _NOT_NAMES
    )


def unknown_names(doc: Doc) -> list[Span]:
    """Given names not in the name list: right after a relationship, or starting a sentence.

    "my wife Ewa"; "Ewa help me put socks", "Nok runs the front of house", "Wai Keung very
    supportive": a capitalised word that is no common word, after a relationship, or at the
    start of a sentence (or after "and") and then a verb or "is". One next capitalised word is
    the rest of the name.
    """
    taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    relationship_ends = {ent.end for ent in doc.ents if ent.label_ == patterns.RELATIONSHIP}
    found: list[Span] = []
    for token in doc:
        if not _may_be_a_name(token, taken):
            continue
        end = token.i + 1
        if end < len(doc) and _may_be_a_name(doc[end], taken):
            end += 1  # "Wai Keung"
        before = doc[token.i - 1] if token.i > 0 else None
        after = doc[end] if end < len(doc) else None
        beside = token.i in relationship_ends  # "my wife Ewa", "my roommate Dayo"
        # "when Wai Keung my husband is home", "Graham (his dad)": the relationship after.
        said_after = (
            after is not None
            and end + 1 < len(doc)
            and (after.lower_ in _DETERMINERS or after.text == "(")
            and doc[end + 1].ent_type_ == patterns.RELATIONSHIP
        )
        starts = (
            before is None
            or token.is_sent_start
            or before.is_punct
            or before.lower_ in ("and", "&", "plus")
        )
        acts = (
            after is None
            or after.lower_ in _NAME_THEN
            or after.is_sent_start
            or after.text in ".!;"
        )
        if beside or said_after or (starts and acts):
            found.append(Span(doc, token.i, end, label=patterns.PERSON))
            taken.update(range(token.i, end))
    return found


def people_in(
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
            or (
                after in ("'s", "\u2019s", "s")
                and not (name.end + 1 < span.end and is_or_has(doc[name.end + 1]))
            )
            or said in known
        ):
            continue  # whom it is done for, whose ("Priya's mum"), or someone named before
        known.add(said)
        names.append(name)
    found = [(person, starts[person.start]) for person in relationships]
    found += [(name, None) for name in names]
    return sorted(found, key=lambda pair: pair[1] if pair[1] is not None else pair[0].start)


def where_from(doc: Doc, previous: int, start: int) -> bool:
    """True when the words just before a mention say where the one before is from.

    "friends from church", "a friend from the Prostate Cancer UK support group".
    """
    before = [t.lower_ for t in doc[max(previous, start - 5) : start]]
    if not before or any(w in FINITE_WORDS and w not in OF_WHERE for w in before):
        return False
    return before[-1] in OF_WHERE or "from" in before


#: What someone does for a living, said of a person already named by relationship.
_OCCUPATIONS = frozenset({"nurse", "doctor", "gp", "carer", "colleague", "pharmacist", "other"})


def merge_same_person(doc: Doc, mentions: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Fold a mention that names the one before again into it (see `_is_same_person`).

    The relationship the second names wins: in brackets it is the one to the patient ("my
    mum (her daughter)"), unless it is an occupation ("my mum, she's a nurse").
    """
    merged: list[tuple[int, str]] = []
    for start, relationship in mentions:
        if merged and start == merged[-1][0]:
            # One phrase naming one person twice: the last word says who ("the day centre
            # staff"), unless it only says where a friend lives ("my friend Siobhan next door").
            if not (merged[-1][1] == "friend" and relationship == "neighbour"):
                merged[-1] = (start, relationship or merged[-1][1])
        elif merged and _is_same_person(doc, merged[-1], start):
            if merged[-1][1] and relationship in _OCCUPATIONS:
                continue  # "my mum, she's a nurse": still the mum
            merged[-1] = (merged[-1][0], relationship or merged[-1][1])
        else:
            merged.append((start, relationship))
    return merged


def respondent_mention(span: Span) -> int | None:
    """Return where someone answering for the patient names themself, or None.

    As in "me, her granddaughter does..." or "it is me who looks after her".
    """
    tokens = list(span)
    for index, token in enumerate(tokens):
        if token.lower_ == "i" and index + 1 < len(tokens) and tokens[index + 1].text == "(":
            return token.i  # "I (Ruth) do most things"
        if token.lower_ not in ("me", "myself"):
            continue
        if index + 1 < len(tokens) and tokens[index + 1].ent_type_ == patterns.RELATIONSHIP:
            continue  # "me sister in Durham": "me" for "my"
        before = [t.lower_ for t in tokens[max(0, index - 2) : index]]
        after = tokens[index + 1].lower_ if index + 1 < len(tokens) else ""
        first = index == 0 or all(t in LIST_JOINERS for t in before)
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


def said_again(doc: Doc, start: int, person: Span, span: Span) -> bool:
    """True when a name after a comma closes the item: the same person said again."""
    after = [t for t in doc[person.end : span.end] if not t.is_punct]
    return start > span.start and doc[start - 1].text == "," and not after


def named_relatives(doc: Doc) -> dict[str, str]:
    """The given names a text ties to a relationship: "my husband Mike" gives {"mike": "husband"}.

    Used to know who a name is when the patient names them again elsewhere without saying.
    """
    relationships = [ent for ent in doc.ents if ent.label_ == patterns.RELATIONSHIP]
    found: dict[str, str] = {}
    for name in (ent for ent in doc.ents if ent.label_ == patterns.PERSON):
        beside = _apposition(name, relationships)
        if beside is not None and beside.ent_id_:
            found.setdefault(name.text.lower(), beside.ent_id_)
    return found
