"""Split a multi-part answer into items, keeping the patient's own words.

Rules, in order:

* Candidate boundaries are *hard* (end of sentence, ``;``, a line break) or *soft* (a comma,
  ``...``, a spaced dash, and the joiners "and", "but", "plus", "&").
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
  the result", and a clause about a bare thing named before a comma ("the patches, no idea
  if they work").
* Otherwise a hard boundary always splits. In an answer that opens with a list mark ("- ",
  "* ", "\u2022 "), a spaced dash is a hard boundary too.
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

Leading joiners ("and", "but", "also", "plus") and surrounding punctuation are trimmed.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from coproduce.nlp import patterns
from coproduce.nlp.letters import letter_body
from coproduce.nlp.pipeline import get_nlp

PERSON = "PERSON"  # every named relationship counts as one topic when splitting


def _words(text: str) -> frozenset[str]:
    """Return the whitespace-separated words of a word list."""
    return frozenset(text.split())


_JOINERS = _words("and but plus & n")
#: "an" is "and" before these ("an a walk", "an ma maw"), an article before anything else.
_AN_AS_AND_BEFORE = _words("a the my ma me i ah his her their our wor")
_LEADING_FILLER = _words(
    "and but also plus & oh n further furthermore moreover additionally lastly finally firstly "
    "secondly thirdly"
)
# A clause that takes back or mends the one before: "the metformin is fine. Actually no it's
# not fine, it gives me the runs".
_CORRECTIONS = (("actually",), ("no", "wait"), ("i", "mean"), ("scratch", "that"), ("correction",))
_SOFT_PUNCT = _words(", ... \u2026 .. - \u2013 \u2014 /")
_CONTINUATIONS = _words(
    "he she they it that this which who them him her so because cos coz cause as though "
    "although especially even when if except apart otherwise then too either"
)
_PREPOSITIONS = _words("from with between by at to of for about like")
_BACK_PREPOSITIONS = _words("from since after off on of o")
# Words in the finite-verb list that can also start a clause of their own.
_NOT_A_PREDICATE = _words(
    "'m \u2019m m 're \u2019re 've \u2019ve 'll \u2019ll 'd \u2019d n't nt ca can could wo will "
    "would should must might may am is are was were be been"
)
_BACK_PRONOUNS = _words("it them those these that")
#: A fragment this short before "and" may be the first half of a subject ("my son | and my
#: daughter help me"); "blood test every month at hospital | and parking is costly" is not.
_SHORTEST_SUBJECT = 4
_REPORTED = _words("says said say tells told reckons reckoned")
#: A clause after "and" that starts with these has the subject of the clause before.
_SAME_SUBJECT = _words("never still didn't didnt haven't havent hasn't hasnt couldn't couldnt")
_SUBJECTS = _words("i he she they we you it its there u")
_FINITE_VERBS = _words(
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


def _in_entity(token: Token) -> bool:
    return token.ent_iob_ in ("B", "I")


def _is_clause(span: Span) -> bool:
    """Return whether a span reads as a full clause (it has a subject or a finite verb)."""
    for token in span:
        lower = token.lower_
        verb = (
            lower in _FINITE_VERBS
            and (not _in_entity(token) or token.ent_type_ == patterns.CAUSE)  # "gives me"
        ) or (
            # "pregabalin makes me dizzy": the effect said with its verb.
            token.ent_type_ == patterns.SIDE_EFFECT
            and token.ent_iob_ == "B"
            and lower in _CAUSE_VERBS
        )
        if lower in _SUBJECTS or verb:
            return True
        # "my neighbour drives me": a plain word ending in -s right after a named person.
        previous = token.nbor(-1) if token.i > span.start else None
        if (
            previous is not None
            and previous.ent_type_ == patterns.RELATIONSHIP
            and not _in_entity(token)
            and token.is_alpha
            and lower.endswith("s")
            and not lower.endswith("ss")
        ):
            return True
    return False


def _is_continuation(span: Span) -> bool:
    # "Too many forms" starts something new; "too tired to go" carries on.
    if span[0].lower_ == "too" and len(span) > 1 and span[1].lower_ in ("many", "much"):
        return False
    return span[0].lower_ in _CONTINUATIONS


def _boundary(doc: Doc, i: int) -> str | None:
    """Return "hard", "soft" or None for a token that separates clauses."""
    token = doc[i]
    if token.text == ";" or (token.is_space and "\n" in token.text):
        return "hard"
    if token.lower_ in _JOINERS:
        if _there_and_back(doc, i):
            return None
        return "soft"
    if token.lower_ == "an" and i + 1 < len(doc) and doc[i + 1].lower_ in _AN_AS_AND_BEFORE:
        return "soft"  # Scots and Irish "an" for "and": "hot water bottle an a walk"
    if token.text in _SOFT_PUNCT:
        spaced = token.text in {",", "...", "\u2026", ".."} or (
            i > 0 and bool(doc[i - 1].whitespace_) and bool(token.whitespace_)
        )
        if spaced and token.text in _BULLETS and _is_bulleted(doc):
            return "hard"  # "- itch at night - hands crack - embarrassed": a list's own marks
        return "soft" if spaced else None
    return None


_BULLETS = _words("- \u2013 \u2014 * \u2022")


def _is_bulleted(doc: Doc) -> bool:
    """True when the answer opens with a list mark ("- creams are greasy - ...")."""
    first = next((t for t in doc if not t.is_space), None)
    return first is not None and first.text in _BULLETS


def _there_and_back(doc: Doc, i: int) -> bool:
    """True for the "and" of a round trip: "the taxi to the unit and back does cost plenty"."""
    after = doc[i + 2] if i + 2 < len(doc) else None
    return (
        i + 1 < len(doc)
        and doc[i + 1].lower_ == "back"
        and (after is None or not after.is_alpha or after.lower_ in _AFTER_BACK)
    )


_AFTER_BACK = _words("again does do is was costs cost takes took every each twice")


_NUMBER_ENDS = _words(") . :")
_SHORTEST_NUMBERED_LIST = 2


def _numbered_marks(doc: Doc) -> frozenset[int]:
    """Return where a list numbered in line starts each item: "1) naproxen ... 2) physio ...".

    A number counts only as one of a run that starts at 1 and goes up by one, each with its
    bracket or stop, so "3 weeks" and "9.90" are left alone.
    """
    marks: list[int] = []
    for token in doc:
        following = token.nbor(1) if token.i + 1 < len(doc) else None
        if (
            token.is_digit
            and following is not None
            and following.text in _NUMBER_ENDS
            and int(token.text) == len(marks) + 1
        ):
            marks.append(token.i)
    return frozenset(marks) if len(marks) >= _SHORTEST_NUMBERED_LIST else frozenset()


def _trim(doc: Doc, start: int, end: int, marks: frozenset[int] = frozenset()) -> tuple[int, int]:
    """Drop leading joiners, list numbers and punctuation and trailing punctuation."""
    while start < end and (
        doc[start].is_punct
        or doc[start].is_space
        or doc[start].lower_ in _LEADING_FILLER
        or start in marks
    ):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def _clauses(doc: Doc) -> list[tuple[Span, str]]:
    """Cut a doc into trimmed clauses, each with the strongest boundary kind before it."""
    clauses: list[tuple[Span, str]] = []
    start, pending = 0, "hard"

    marks = _numbered_marks(doc)

    def flush(end: int, next_kind: str) -> None:
        nonlocal pending
        first, last = _trim(doc, start, end, marks)
        if first < last:
            clauses.append((doc[first:last], pending))
            pending = next_kind
        elif next_kind == "hard":
            pending = "hard"

    unpunctuated = _is_unpunctuated(doc)
    for i, token in enumerate(doc):
        if (token.is_sent_start or i in marks) and i > start:
            flush(i, "hard")
            start = i
        elif i > start and (
            (unpunctuated and _runs_on(doc, start, i)) or _after_how_often(doc, start, i)
        ):
            flush(i, "soft")
            start = i
        boundary = _boundary(doc, i)
        if boundary is not None:
            flush(i, boundary)
            start = i + 1
    flush(len(doc), "hard")
    return clauses


#: Words that end a clause said without punctuation, before the next one starts with
#: "I", "my", "can't", "don't" or "get" ("I can't get down the allotment no more can't lie
#: flat at night get puffed out walking to the toilet"): dictation, or a thumb in a hurry.
_RUN_ENDS = _words(
    "anymore more now night nights time day days morning mornings evening evenings long "
    "either too much lot alot again properly awful terrible bad worse badly everywhere"
)
_RUN_STARTS = _words("i my ca can cannot do get")
#: "the time I get home" and "every night I" begin a clause rather than end one.
_RUN_DETERMINERS = _words("the a an that this every each last one next some any which what")
_SENTENCE_PUNCT = _words(", . ; ! ? ... \u2026 :")
_SHORTEST_RUN = 3


def _is_unpunctuated(doc: Doc) -> bool:
    """True for an answer of several words with no punctuation between them."""
    inside = [t for t in doc[:-1] if t.text in _SENTENCE_PUNCT]
    return not inside and len(doc) > 2 * _SHORTEST_RUN


#: How often a treatment comes round, said before what it costs the patient: "The blood
#: tests every three months I have to take a morning off work".
_PERIODS = _words("month months week weeks day days year years fortnight")
_HOW_OFTEN = _words("every each per twice once couple")
_MUSTS = _words("have 've ve need must ca cannot lose lost miss")


def _after_how_often(doc: Doc, start: int, i: int) -> bool:
    """True where "I have to ..." follows "every three months" with no comma between."""
    if doc[i].lower_ != "i" or doc[i - 1].lower_ not in _PERIODS or i + 1 >= len(doc):
        return False
    if doc[i + 1].lower_ not in _MUSTS:
        return False
    return i - start >= _SHORTEST_RUN and any(
        t.lower_ in _HOW_OFTEN for t in doc[max(start, i - 4) : i - 1]
    )


_QUANTIFIERS = _words("all half both most some any none each")
#: The openings of a clause that, said again, start the next one.
_OPENERS = frozenset(
    {("i", "ca"), ("i", "cannot"), ("i", "ai"), ("i", "cant"), ("ca", "nt"), ("ca", "n't")}
)
_WH = _words("which what where when who how that if whether why")


def _said_again(doc: Doc, start: int, i: int) -> bool:
    """True where "I can't" is said again within one run of words ("I can't knit I can't sew")."""
    if i + 1 >= len(doc) or i - start < _SHORTEST_RUN:
        return False
    opener = (doc[i].lower_, doc[i + 1].lower_)
    if opener[0] == "ca" and doc[i - 1].lower_ in _SUBJECTS:
        return False  # "I" before it is where the cut goes, if anywhere
    if any(t.lower_ in _WH for t in doc[max(start, i - 2) : i]) or doc[i - 1].lower_ in _TIES:
        return False  # "which clinic I can't find", "I cant sleep because I cant get comfy"
    return opener in _OPENERS and any(
        (doc[j].lower_, doc[j + 1].lower_) == opener for j in range(start, i - 1)
    )


#: Words after which "I" goes on with what came before: "I think I", "I told them I".
_BEFORE_A_REPORTED_I = _words(
    "think thought hope know knew feel felt guess reckon suppose wish said told say tell mean "
    "me him her us them you it that can could will would should do did does am was is were "
    "ca wo if as"
)


def _i_again(doc: Doc, start: int, i: int) -> bool:
    """True for "I" and its verb said again after a thing: "I keep a diary | I try to eat"."""
    before = doc[i - 1]
    following = doc[i + 1] if i + 1 < len(doc) else None
    return (
        doc[i].lower_ == "i"
        and following is not None
        and following.is_alpha
        and following.lower_ not in _TIES
        and before.is_alpha
        and before.lower_ not in _NOT_BEFORE_A_NEW_I
        and i - 2 >= start
        and doc[i - 2].lower_ not in _RUN_DETERMINERS
        and any(t.lower_ == "i" for t in doc[start : i - 1])
        and _clause_before(doc, start, i)
    )


def _new_subject(doc: Doc, i: int) -> bool:
    """True for "my voice has gone", "my legs go": "my", a thing, then its own verb."""
    before = doc[i - 1].lower_
    if (
        doc[i].lower_ == "our"
        and i + 2 < len(doc)
        and doc[i + 1].ent_type_ in (patterns.PERSON, patterns.RELATIONSHIP)
        and before not in _PREPOSITIONS | _TIES
    ):
        # "... reads my post | our Karen comes on a Wednesday": "our" and who, then a verb.
        return doc[i + 2].lower_ in _FINITE_VERBS or doc[i + 2].lower_ in _STATE_VERBS
    if doc[i].lower_ not in ("my", "the") or before in _PREPOSITIONS | _FINITE_VERBS | _TIES:
        return False
    if doc[i].lower_ == "the" and before in _QUANTIFIERS:
        return False  # "all the time", "half the night"
    after = doc[i + 1 : i + 4]
    if len(after) == 3 and after[1].lower_ in _SUBJECTS:
        return False  # "the time it's like having flu" says when
    if doc[i].lower_ == "the" and (len(after) < 2 or after[1].lower_ not in _IS):
        return False  # "bandages the chemist won't prescribe" tells which bandages
    return len(after) >= 2 and (
        after[1].lower_ in _STATE_VERBS
        or (len(after) == 3 and after[1].is_lower and after[2].lower_ in _STATE_VERBS)
    )


#: Words that tie what follows to what came before ("so my son has to come").
_TIES = _CONTINUATIONS | _JOINERS | _words("where whether while until till before after than")
#: Words after which "I" goes on with the clause it is in (see `_i_again`).
_NOT_BEFORE_A_NEW_I = _BEFORE_A_REPORTED_I | _TIES | _PREPOSITIONS | _WH
#: What a body part or a thing does as a new subject ("my voice has gone", "my left leg
#: drags"); not "my doctor gave me", which tells what the thing before it is.
_STATE_VERBS = _words(
    "is are was were 's has have had keeps keep goes go went hurts hurt aches ache swell swells "
    "swelled drags drag gets get ca do does did wo will feel feels feeling gone stiffens shakes "
    "shake locks lock gives give"
)


def _runs_on(doc: Doc, start: int, i: int) -> bool:
    """True where a new clause starts, unmarked, in an unpunctuated answer."""
    token, before = doc[i], doc[i - 1]
    if _said_again(doc, start, i):
        return True  # "I can't knit I can't open jars I can't do buttons"
    if before.lower_ in _WH:
        return False  # "never seem to know what | the other is doing" goes on
    if _i_again(doc, start, i):
        return True  # "I keep a headache diary on my phone | I try to eat regular meals"
    if token.lower_ == "our":
        # Someone of the family with their own verb: "reads my post | our Karen comes".
        return _new_subject(doc, i) and i - start >= _SHORTEST_RUN
    if token.lower_ == "the" or (token.lower_ in _RUN_STARTS and before.lower_ not in _RUN_ENDS):
        return _new_subject(doc, i) and _clause_before(doc, start, i)
    if token.lower_ not in _RUN_STARTS:
        return False
    if token.lower_ in ("ca", "do") and (
        i + 1 >= len(doc) or doc[i + 1].lower_ not in ("nt", "n't")
    ):
        return False
    all_the_time = i - 3 >= start and doc[i - 3].lower_ == "all" and before.lower_ == "time"
    if i - 2 >= start and doc[i - 2].lower_ in _RUN_DETERMINERS and not all_the_time:
        return False  # "the time I get home" goes on; "all the time my knees" starts again
    if before.lower_ == "more" and doc[i - 2].lower_ not in ("no", "any"):
        return False
    if any(
        t.lower_ in ("when", "if", "because", "cos", "coz", "until", "till") for t in doc[i - 2 : i]
    ):
        return False
    return _clause_before(doc, start, i)


def _clause_before(doc: Doc, start: int, i: int) -> bool:
    """True when the words since the last cut make a whole clause of a few words."""
    span = doc[start:i]
    return len(span) >= _SHORTEST_RUN and _is_clause(span)


def _ends_in_prepositional_phrase(span: Span) -> bool:
    """Return whether a fragment after the span may share its preposition ("from X and Y")."""
    return any(token.lower_ in _PREPOSITIONS for token in span[-4:])


def _token_topic(token: Token) -> str | None:
    """Return the topic category of a token: a person, a burden label, or None."""
    if token.ent_type_ in (patterns.RELATIONSHIP, patterns.PERSON):
        return PERSON
    return token.ent_type_ if token.ent_type_ in patterns.BURDEN_LABELS else None


def _last_topic(span: Span) -> str | None:
    """Return the topic category of the span's last token, as "son" in "my son | and ..."."""
    return _token_topic(span[-1])


def _refers_back(clause: Span) -> bool:
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
_OWN_BURDEN = _words(
    "many much lot lots loads different several too can't cant cannot never forget forgot "
    "remember hard difficult struggle battle fight nightmare hate rattle pain faff awkward"
)


_SUBJECT_PRONOUNS = _words("they it these those")
#: A side effect said with what caused it: "it made me dead dizzy".
_CAUSE_VERBS = _words("makes make made making leaves leave left gives gave give")


def _is_bare(span: Span) -> bool:
    """True for a bare thing named before a comma ("the statins", "my inhalers")."""
    said = [t for t in span if not t.is_punct]
    return len(said) <= 3 and not _is_clause(span)


def _is_own_burden(span: Span) -> bool:
    return any(t.lower_ in _OWN_BURDEN or _counts_medicines(t) for t in span)


#: "11 tablets", "3 different inhalers" count medicines; "3 weeks ago" says when.
_COUNTED = _words("different separate types kinds lots sorts of")


def _counts_medicines(token: Token) -> bool:
    if not token.is_digit:
        return False
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return following is None or (
        following.ent_type_ == patterns.MEDICATION or following.lower_ in _COUNTED
    )


#: A sentence that opens with these carries its own main clause: "When I went to A&E I
#: waited four hours" is a burden of its own, whatever came before.
_OPENS_A_SENTENCE = _words("when whenever if")


def _stands_alone(clause: Span, kind: str) -> bool:
    """True for a sentence that opens with "When" or "If" and goes on to its own subject."""
    return (
        kind == "hard"
        and clause[0].lower_ in _OPENS_A_SENTENCE
        and any(t.lower_ in _SUBJECTS for t in clause[2:])
    )


#: Who said what: a reported-speech verb near the start of a clause.
_ADVICE_VERBS = _REPORTED | _words("tell")
_ANOTHER = _words("another other")


def _reports(span: Span) -> bool:
    """True for a clause that says what someone said: "the pharmacist said to check"."""
    return any(t.lower_ in _ADVICE_VERBS for t in span[:5])


def _told_apart(item: Span, clause: Span) -> bool:
    """True when the clause is a second person's word on what the item reports."""
    return _reports(item) and _reports(clause) and clause[0].lower_ not in _SUBJECTS - {"they"}


_COPULAS = _words("'s ’s s is was")


def _gapped(clause: Span) -> bool:
    """True for a clause whose verb is left out ("and by another to rest it").

    Not "that's another tablet", where "another" goes with a thing.
    """
    for token in clause[:4]:
        if token.lower_ in _ANOTHER:
            # "another" standing for a person ("by another to rest it"), not "another test".
            following = token.nbor(1) if token.i + 1 < clause.end else None
            alone = following is None or following.is_punct or following.lower_ in _PREPOSITIONS
            return alone and not any(t.lower_ in _FINITE_VERBS for t in clause)
        if token.lower_ in _COPULAS or token.lower_ in _FINITE_VERBS:
            return False
    return False


_PEOPLE_PRONOUNS = _words("he she")
_POSSESSIVES = _words("his her their")


def _says_more_of_someone(clause: Span, kind: str, topics: set[str]) -> bool:
    """True for a new sentence about the patient that names a burden of its own.

    "The water tablet makes him need the loo. He's on 11 different tablets and ...": "he" is
    the person, not the thing before, so the sentence is a burden of its own.
    """
    if kind != "hard":
        return False
    if clause[0].lower_ in _POSSESSIVES and len(clause) > 1 and not clause[1].is_punct:
        return _is_clause(clause)  # "Her hearing aid batteries keep running out."
    return clause[0].lower_ in _PEOPLE_PRONOUNS and bool(topics or _is_own_burden(clause))


#: A remark on how many, said after a list: "Too many.", "Far too many!"
_HOW_MANY = _words("too so way far many much loads lots")
#: What two people said together do: "X and Y each say the other should", "both say".
_SHARED = _words("each both neither")
_SAY = _words("think thinks thought blame blames say says said tell tells told reckon reckons")


def _said_together(said: list[str]) -> bool:
    """True for what two do together or to each other.

    "... each say", "... both think", "... don't talk to each other", "... never know what
    the other is doing".
    """
    return any(
        (word in _SHARED and (after == "other" or after in _SAY or after in _FINITE_VERBS))
        or (word == "the" and after == "other")
        for word, after in zip(said, [*said[1:], ""], strict=True)
    )


_OBJECTS = _words("me him her us them")


def _effect_said_as_verb(clause: Span) -> bool:
    """True for an effect said as a verb with no subject: "... but constipates me"."""
    return (
        len(clause) > 1
        and clause[0].ent_type_ == patterns.SIDE_EFFECT
        and clause[0].ent_iob_ == "B"
        and clause[1].lower_ in _OBJECTS
    )


def _should_merge(item: Span, previous: Span, clause: Span, kind: str) -> bool:
    """Decide whether a clause continues the item before it (see the module docstring)."""
    item_topics, clause_topics = topic_categories(item), topic_categories(clause)
    opens_on_pronoun = clause[0].lower_ in _SUBJECT_PRONOUNS
    joiner = clause.doc[clause.start - 1].lower_ if clause.start > 0 else ""
    after_pause = joiner in (",", "-", "\u2013", "\u2014", ":")
    points_back = any(t.lower_ in _SUBJECT_PRONOUNS | {"them"} for t in clause)
    if (
        kind == "soft"
        and after_pause
        and _is_bare(item)
        and (
            points_back
            or (_is_clause(clause) and not (item_topics and clause_topics - item_topics))
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
            or (ent.label_ == patterns.SIDE_EFFECT and ent[0].lower_ in _CAUSE_VERBS)
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
        _is_continuation(clause)
        and not new_topics
        and not _stands_alone(clause, kind)
        and not _says_more_of_someone(clause, kind, clause_topics)
    ):
        return True
    if (
        kind == "soft"
        and patterns.MEDICATION in item_topics
        and new_topics <= {patterns.SIDE_EFFECT}
        and (_refers_back(clause) or its_effect)
    ):
        # "the letrozole is the main thing, the joint pain from it is horrible"; but "that
        # many tablets, and one of them gives me a cough" is two burdens.
        return not (new_topics and _is_own_burden(item))
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
    if _after_how_often(clause.doc, previous.start, clause.start):
        return False  # "the blood tests every three months | I have to take a morning off"
    if said and all(word in _HOW_MANY for word in said):
        return True  # "Gliclazide, metformin, now insulin at night also. Too many."
    if (
        kind == "soft"
        and joiner in ("and", "&")
        and item.start == previous.start
        and not _is_clause(previous)
        and _said_together(said)
    ):
        return True  # one subject of two: "the renal team and the GP don't talk to each other"
    if (
        len(said) <= _SHORTEST_SUBJECT
        and new_topics == {patterns.INFORMATION}
        and all(_in_entity(t) for t in clause if not t.is_punct)
    ):
        # "... apply to me? Nobody's told me": what nobody said is about what came before.
        return True
    if kind == "soft" and (
        (after_pause and _is_price(clause))
        or (joiner == "," and _what_it_costs(clause))
        or (joiner == "and" and _what_it_costs(clause) and len(said) <= _SHORT_PRICE)
    ):
        return True  # "a taxi, £12 each way", "the parking, six quid a go": what it costs
    if kind == "soft" and clause[0].lower_ in ("which", "that") and new_topics == {patterns.COST}:
        return True  # "needs a taxi, which is 18 pounds each way"
    if kind == "soft" and joiner == "," and clause[0].lower_ == "which":
        return True  # "my own tablets and his to sort, which gets muddled"
    if kind == "soft" and (_told_apart(item, clause) or _gapped(clause)):
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
        and (_is_clause(clause) or all(_in_entity(t) for t in clause if not t.is_punct))
        and (new_topics == {patterns.INFORMATION} or _REPORTED.intersection(said))
    ):
        # A comment on what came before: "the blood pressure pills, dunno if they make it
        # worse, no one's said"; "nobody knows whose job it is, neuro says GP, GP says neuro".
        return True
    if kind == "soft" and (
        clause[0].ent_type_ == patterns.CAUSE
        or _effect_said_as_verb(clause)
        or (
            after_pause
            and clause[0].lower_ in _FINITE_VERBS
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
    ):
        return True  # one list of one kind: "told to cut the beer | and red meat, which ..."
    if (
        joiner == "but"
        and clause_topics - {PERSON}
        and clause_topics <= item_topics
        and not _is_own_burden(clause)
    ):
        return True  # the same thing, and what is hard about it: "weigh myself | but the scales"
    if _is_clause(item) and _is_clause(clause):
        return bool(item_topics) and not clause_topics
    if _ends_in_prepositional_phrase(previous) and not _is_clause(clause):
        return True
    if (
        last_topic is not None
        and last_topic in clause_topics
        and not _is_clause(previous)
        and len(previous) <= _SHORTEST_SUBJECT
    ):
        return True  # one subject: "the tablets | and the injections make me sick"
    if clause_topics and _is_clause(clause) and last_topic is None:
        return False  # "carers twice a day | and my sister rings every night"
    return not (new_topics and item_topics)


def item_spans(doc: Doc) -> list[Span]:
    """Return one span per item of an answer, in order."""
    items: list[Span] = []
    previous: Span | None = None
    for clause, kind in _clauses(doc):
        if items and previous is not None and _should_merge(items[-1], previous, clause, kind):
            items[-1] = doc[items[-1].start : clause.end]
        else:
            items.append(clause)
        previous = clause
    return items


def split_items(text: str) -> list[str]:
    """Split a multi-part answer into items in the patient's own words."""
    if not text or not text.strip():
        return []
    return [span.text for span in item_spans(get_nlp()(letter_body(text)))]


# In a list "he", "she" and "it" start the next item ("he's given up the club, and it takes
# him an hour to get dressed"); these words carry on the one before.
_LIST_CONTINUATIONS = _CONTINUATIONS - _words("he she they it them him her this otherwise")
#: A piece of a list this short after "and" or a comma belongs to the one before it
#: ("washed and dressed", "aches and pains").
_SHORTEST_LIST_ITEM = 3


_NOT_AN_ITEM = _words(
    "mostly really too though tbh honestly lol mainly etc anyway sometimes always again now "
    "mind guess suppose basically"
)
#: A laugh or a "tbh" after a thing does not make it a remark: ", and Netflix lol".
_LAUGHS = _words("lol tbh haha")
#: A clause this long before "and" is not the first half of a pair ("aches and pains", "fish
#: and chips"): "hot water bottle and netflix" is two things.
_LONGEST_PAIR_HALF = 2


def _listed_after_pause(doc: Doc, clause: Span) -> bool:
    """True for a short piece after a bare comma that names something of its own.

    "breathless, tired" and "leaking, erections" are two items ("aches and pains" is one);
    so is the last of a list after ", and" ("yoga on Sundays, and warm baths").
    """
    before = doc[clause.start - 1] if clause.start > 0 else None
    if before is not None and before.lower_ in _JOINERS and clause.start > 1:
        before = doc[clause.start - 2]  # ", and warm baths": a list's last item
    if before is None or before.text != ",":
        return False
    said = [t.lower_ for t in clause if t.is_alpha]
    # ", mostly" and ", slow mind" are not items; ", and Netflix lol" is.
    return bool(said) and not any(word in _NOT_AN_ITEM - _LAUGHS for word in said)


def _second_thing(before: Span, words: list[Token]) -> bool:
    """True for a word or two after "and" that names a second thing, not the pair's half.

    "hot water bottle n netflix" is two things; "aches and pains", "washed and dressed" and
    "I get confused and feverish" are one.
    """
    said = [t.lower_ for t in words if t.is_alpha]
    joined = before.end < len(before.doc) and before.doc[before.end].lower_ in _JOINERS
    return (
        joined
        and not _is_clause(before)  # "I am very tired and thirsty" finishes one predicate
        and len([t for t in before if not t.is_punct]) > _LONGEST_PAIR_HALF
        and bool(said)
        and not said[0].endswith("ed")
        and said[0] not in _NOT_AN_ITEM
        and said[0] not in _LIST_CONTINUATIONS
    )


_CURRENCY = _words("\u00a3 $ \u20ac")
_MONEY_WORDS = _words("quid pounds pound p grand dollars bucks euros rupees naira rand")
_COUNTS = _words("a one two three four five six seven eight nine ten twenty fifty few couple")


def _is_price(clause: Span) -> bool:
    """True for a clause that opens with an amount of money ("£12 each way", "six quid")."""
    if clause[0].text in _CURRENCY:
        return True
    return (
        len(clause) > 1
        and (clause[0].like_num or clause[0].lower_ in _COUNTS)
        and clause[1].lower_ in _MONEY_WORDS
    )


#: "... and they cost like 30 quid" is the price of what came before; "and it costs us 12
#: pounds to park every time" is a burden of its own.
_SHORT_PRICE = 6
_COST_VERBS = _words("cost costs costing cost's is are was were")


def _what_it_costs(clause: Span) -> bool:
    """True for "they cost like 30 quid", "it's £20": the price of what was just named."""
    said = [t for t in clause if not t.is_punct]
    return (
        len(said) >= 3
        and said[0].lower_ in _SUBJECT_PRONOUNS
        and said[1].lower_ in _COST_VERBS
        and any(t.text in _CURRENCY or t.lower_ in _MONEY_WORDS for t in said[2:6])
    )


def _so_new_thing(clause: Span) -> bool:
    """True for "so" opening a new thing with no subject.

    "... school. so tired i fall asleep", "lost nearly a stone, so dizzy when i stand up".
    """
    return (
        clause[0].lower_ == "so"
        and len(clause) > 1
        and clause[1].lower_ not in _SUBJECT_PRONOUNS
        and clause[1].lower_ not in ("i", "we", "you", "that", "then")
        # "..., so cookin is hard": what follows from the one before.
        and not (len(clause) > 2 and clause[2].lower_ in _IS)
    )


_IS = _words("is are was were 's isnt isn't")


def _pair(before: Span, words: list[Token]) -> bool:
    """True for a pair said as one thing: "fish and chips", "peace and quiet"."""
    first = next((t.lower_ for t in reversed(before) if t.is_alpha), "")
    return bool(words) and (first, words[0].lower_) in _PAIRS


_PAIRS = frozenset(
    tuple(pair.split(" and "))
    for pair in (
        "fish and chips",
        "peace and quiet",
        "tea and toast",
        "friends and family",
        "family and friends",
        "bits and bobs",
        "odds and ends",
        "rest and relaxation",
        "pen and paper",
        "rock and roll",
        "bed and breakfast",
        "salt and pepper",
        "tea and biscuits",
        "tea and cake",
        "cheese and wine",
        "arts and crafts",
        "knit and natter",
        "washing and dressing",
        "washed and dressed",
        "up and down",
        "in and out",
        "out and about",
        "here and there",
        "now and then",
        "on and off",
    )
)


def _another_thing(before: Span, words: list[Token]) -> bool:
    """In a list of what helps, a word or two after "and" is a thing of its own.

    "gym and gaming", "he likes his garden and watching cricket", "crossword and radio":
    persona writers list each as its own; pairs said as one ("fish and chips") stay.
    """
    said = [t.lower_ for t in words if t.is_alpha]
    joined = before.end < len(before.doc) and before.doc[before.end].lower_ in _JOINERS
    return (
        joined
        and bool(said)
        and not said[0].endswith("ed")
        and said[0] not in _NOT_AN_ITEM
        and said[0] not in _LIST_CONTINUATIONS
        and not _pair(before, words)
    )


#: A clause that names the worst of it, which the next one after a comma goes on to tell.
_HEADLINE = re.compile(
    r"\b(?:is|are|'s|'re)\s+(?:the|my)\s+(?:big|biggest|main|worst|real|major)\s+"
    r"(?:one|ones|thing|things|problem|problems|issue|issues|bit|part|killer)\W*$|"
    r"\b(?:is|are|'s)\s+the\s+(?:worst|killer)\W*$",
    re.IGNORECASE,
)


def _headline(item: Span) -> bool:
    """True for "the fatigue is the big one": what follows after a comma tells of it."""
    return bool(_HEADLINE.search(item.text.replace("\u2019", "'")))


def list_spans(doc: Doc, *, things: bool = False) -> list[Span]:
    """Return one span per item of a list of things (burdens, what helps).

    Looser than `item_spans`: each clause after a comma or "and" is its own item ("not
    sleeping, stopped going to the gym, called in sick twice"), except a clause that
    continues the one before ("so I'm up changing the sheets", "which is mortifying") or
    a word or two after "and" that finishes it ("washed and dressed"); a word or two after
    a bare comma is an item of its own ("breathless, tired"). With `things` (what helps),
    a word or two after "and" is a thing of its own unless the two are a pair said as one
    ("gym and gaming" is two, "fish and chips" one).
    """
    items: list[Span] = []
    for clause, kind in _clauses(doc):
        words = [t for t in clause if not t.is_punct]
        another = bool(items) and (
            _another_thing(items[-1], words) if things else _second_thing(items[-1], words)
        )
        short = len(words) < _SHORTEST_LIST_ITEM and not (
            _listed_after_pause(doc, clause) or another
        )
        if things and items and _pair(items[-1], words):
            short = True  # "fish and chips on a friday"
        continues = clause[0].lower_ in _LIST_CONTINUATIONS and not _so_new_thing(clause)
        if items and kind == "soft" and _headline(items[-1]):
            continues = True  # "the fatigue is the big one, I sleep most of Saturday"
        if items and (continues or (kind == "soft" and short)):
            items[-1] = doc[items[-1].start : clause.end]
        else:
            items.append(clause)
    return items


def split_list(text: str, *, things: bool = False) -> list[str]:
    """Split a list of things in one answer into items, in the patient's own words.

    `things` for a list of what helps, where a word after "and" is a thing of its own.
    """
    if not text or not text.strip():
        return []
    spans = list_spans(get_nlp()(letter_body(text)), things=things)
    return [span.text for span in spans if not is_list_marker(span.text)]


#: A list's own numbering or bullet letter: "1.", "2)", "a)".
_MARKER = re.compile(r"^\W*(?:\d{1,2}|[a-z])?\W*$", re.IGNORECASE)


def is_list_marker(text: str) -> bool:
    """True for an item that is only a list's numbering or bullet letter ("1.", "b)")."""
    return bool(_MARKER.match(text))


#: Words that close an answer without saying anything: "Anyway.", "That's about it".
_FILLER = _words(
    "anyway anyways anyhoo so yeah yep ok okay well basically whatever etc lol haha tbh that "
    "that's thats 's is it about all really"
)


def closes_the_answer(span: Span) -> bool:
    """True for an item made only of words that close an answer ("Anyway", "that's it")."""
    said = [t.lower_ for t in span if not t.is_punct]
    return bool(said) and all(word in _FILLER for word in said)
