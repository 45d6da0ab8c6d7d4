"""Where a new clause starts, unmarked, in an answer typed without punctuation.

Dictation, or a thumb in a hurry: "I can't get down the allotment no more can't lie flat at
night get puffed out walking to the toilet". A cut goes where the opening of a clause is said
again ("I can't knit I can't sew", "I keep a diary I try to eat"), where "my", "the" or "our"
starts a thing with its own verb ("... reads my post our Karen comes on a Wednesday"), and
where "I have to ..." follows how often a treatment comes round ("the blood tests every three
months I have to take a morning off"), but never inside "the time I get home", after "because"
or "I think", or after a question word.
"""

from __future__ import annotations

from spacy.tokens import Doc

from coproduce.nlp import patterns
from coproduce.nlp.clause_words import (
    CONTINUATIONS,
    FINITE_VERBS,
    IS,
    JOINERS,
    PREPOSITIONS,
    SUBJECTS,
    is_clause,
    word_set,
)

#: Words that end a clause said without punctuation, before the next one starts with
#: "I", "my", "can't", "don't" or "get" ("I can't get down the allotment no more can't lie
#: flat at night get puffed out walking to the toilet"): dictation, or a thumb in a hurry.
_RUN_ENDS = word_set(
    "anymore more now night nights time day days morning mornings evening evenings long "
    "either too much lot alot again properly awful terrible bad worse badly everywhere"
)
_RUN_STARTS = word_set("i my ca can cannot do get")
#: "the time I get home" and "every night I" begin a clause rather than end one.
_RUN_DETERMINERS = word_set("the a an that this every each last one next some any which what")
_SENTENCE_PUNCT = word_set(", . ; ! ? ... \u2026 :")
_SHORTEST_RUN = 3


def is_unpunctuated(doc: Doc) -> bool:
    """True for an answer of several words with no punctuation between them."""
    inside = [t for t in doc[:-1] if t.text in _SENTENCE_PUNCT]
    return not inside and len(doc) > 2 * _SHORTEST_RUN


#: How often a treatment comes round, said before what it costs the patient: "The blood
#: tests every three months I have to take a morning off work".
_PERIODS = word_set("month months week weeks day days year years fortnight")
_HOW_OFTEN = word_set("every each per twice once couple")
_MUSTS = word_set("have 've ve need must ca cannot lose lost miss")


def after_how_often(doc: Doc, start: int, i: int) -> bool:
    """True where "I have to ..." follows "every three months" with no comma between."""
    if doc[i].lower_ != "i" or doc[i - 1].lower_ not in _PERIODS or i + 1 >= len(doc):
        return False
    if doc[i + 1].lower_ not in _MUSTS:
        return False
    return i - start >= _SHORTEST_RUN and any(
        t.lower_ in _HOW_OFTEN for t in doc[max(start, i - 4) : i - 1]
    )


_QUANTIFIERS = word_set("all half both most some any none each")
#: The openings of a clause that, said again, start the next one.
_OPENERS = frozenset(
    {("i", "ca"), ("i", "cannot"), ("i", "ai"), ("i", "cant"), ("ca", "nt"), ("ca", "n't")}
)
_WH = word_set("which what where when who how that if whether why")


def _said_again(doc: Doc, start: int, i: int) -> bool:
    """True where "I can't" is said again within one run of words ("I can't knit I can't sew")."""
    if i + 1 >= len(doc) or i - start < _SHORTEST_RUN:
        return False
    opener = (doc[i].lower_, doc[i + 1].lower_)
    if opener[0] == "ca" and doc[i - 1].lower_ in SUBJECTS:
        return False  # "I" before it is where the cut goes, if anywhere
    if any(t.lower_ in _WH for t in doc[max(start, i - 2) : i]) or doc[i - 1].lower_ in _TIES:
        return False  # "which clinic I can't find", "I cant sleep because I cant get comfy"
    return opener in _OPENERS and any(
        (doc[j].lower_, doc[j + 1].lower_) == opener for j in range(start, i - 1)
    )


#: Words after which "I" goes on with what came before: "I think I", "I told them I".
_BEFORE_A_REPORTED_I = word_set(
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
        and before not in PREPOSITIONS | _TIES
    ):
        # "... reads my post | our Karen comes on a Wednesday": "our" and who, then a verb.
        return doc[i + 2].lower_ in FINITE_VERBS or doc[i + 2].lower_ in _STATE_VERBS
    if doc[i].lower_ not in ("my", "the") or before in PREPOSITIONS | FINITE_VERBS | _TIES:
        return False
    if doc[i].lower_ == "the" and before in _QUANTIFIERS:
        return False  # "all the time", "half the night"
    after = doc[i + 1 : i + 4]
    if len(after) == 3 and after[1].lower_ in SUBJECTS:
        return False  # "the time it's like having flu" says when
    if doc[i].lower_ == "the" and (len(after) < 2 or after[1].lower_ not in IS):
        return False  # "bandages the chemist won't prescribe" tells which bandages
    return len(after) >= 2 and (
        after[1].lower_ in _STATE_VERBS
        or (len(after) == 3 and after[1].is_lower and after[2].lower_ in _STATE_VERBS)
    )


#: Words that tie what follows to what came before ("so my son has to come").
_TIES = CONTINUATIONS | JOINERS | word_set("where whether while until till before after than")
#: Words after which "I" goes on with the clause it is in (see `_i_again`).
_NOT_BEFORE_A_NEW_I = _BEFORE_A_REPORTED_I | _TIES | PREPOSITIONS | _WH
#: What a body part or a thing does as a new subject ("my voice has gone", "my left leg
#: drags"); not "my doctor gave me", which tells what the thing before it is.
_STATE_VERBS = word_set(
    "is are was were 's has have had keeps keep goes go went hurts hurt aches ache swell swells "
    "swelled drags drag gets get ca do does did wo will feel feels feeling gone stiffens shakes "
    "shake locks lock gives give"
)


def runs_on(doc: Doc, start: int, i: int) -> bool:
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
    return len(span) >= _SHORTEST_RUN and is_clause(span)
