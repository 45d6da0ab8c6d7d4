"""Recognise answers that decline or skip a question without giving any content."""

from __future__ import annotations

import re

#: An answer said once more: "I said ...", "like I said ...", "ah said ..." (Scots "I").
SAID_AGAIN = r"(?:like |as )?(?:i |a |ah )?(?:said|told you|already said)"
# Words that carry no content around a refusal: "um, I really don't know sorry".
_FILLER = (
    r"um+|erm+|er|uh+|hm+|hmm+|ah+|oh|well|sorry|soz|honestly|really|tbh|to be honest|lol|"
    r"haha|just|ok|okay|right now|right|mate|love|thanks|thank you|please|i'm afraid|"
    r"im afraid|i think|at the moment|at all|sure|yet|i guess|i suppose|tho|though|mind|"
    r"for now|either|this one|that one|that|this|it|one|question|today|for today|"
    r"if (?:you|u) (?:don'?t|dont|do not) mind|if (?:i|we) (?:may|can|could)|if poss(?:ible)?|"
    # Said again: "I said I'd rather not", "like I said, pass", "ah said pass".
    rf"{SAID_AGAIN}|"
    r"on here|if it'?s all the same|if that'?s (?:ok|okay|alright|all right)|"
    # Terms of address: "no idea bab", "dunno pet".
    r"bab|babe|pet|hun|hon|duck|me duck|luv|dear|darling|chuck|lass|lovey|sweetheart"
)
# Not knowing what to say ("dunno", "not sure", "no idea"): asked once more another way.
_DONT_KNOW = (
    r"(?:i\s*)?(?:(?:really|honestly|just|genuinely|truly)\s+)?"
    r"(?:do\s*n'?t|dont|dnt|do not|don|doesn'?t|didn'?t)\s+(?:kno+w?|no|knw|now)"
    r"(?:\s+(?:what to say|how to answer|what to put))?|"
    r"i?\s*dunno|i?\s*duno|donno|dno|idk+|ikd|dk|idek|"
    r"(?:i'?m\s+|i am\s+|im\s+)?not\s+(?:(?:too|so|really|very)\s+)?(?:sure|shure|suer|srue)"
    r"(?:\s+(?:what to say|how to answer|what to put))?|"
    r"nto sure|unsure|no (?:idea|clue)|not a clue|"
    r"(?:i\s+)?(?:have|haven'?t)(?: got)? (?:a|no) clue|"
    # Leaving it to the clinic: "whatever you think", "you're the doctor".
    r"whatever (?:you|u) (?:think|reckon|say)|whatever(?:'s| is) best|(?:it'?s )?up to (?:you|u)|"
    r"(?:you'?re|your|ur|you are) the (?:doctor|expert|professional)s?|(?:you|u) tell me"
)
# Choosing not to answer ("skip", "I'd rather not say"): respected at once.
_SKIP = (
    _DONT_KNOW + r"|"
    r"(?:can|could) (?:we|i|you) (?:skip|pass|move on|leave)|skip+|skp|"
    # "I'd rather skip that one", "I'd prefer to move on", "let's move on".
    r"(?:(?:i'?d |i would |id )?(?:rather|prefer to|like to)|let'?s|lets|i'?ll|i will) "
    r"(?:skip|pass|move on|leave)|"
    r"pass on (?:that|this|it)(?: one)?|pass|next|next question|"
    r"move on|leave it(?: blank)?|no comment|nothing to say|"
    r"(?:i'?d |i would |id |i )?(?:rather|prefer|prefer to) not(?: to)?(?: say| answer| share|"
    r" (?:get|go|gan|gaan) into (?:it|that|this|(?:my |our |the )?(?:family|personal|private|home)"
    r"(?: (?:stuff|things|matters|life|side|business))?)|"
    r" talk about (?:it|that|this)| discuss (?:it|that|this)|"
    r" go there| talk about what happened(?: before| then)?)?|"
    # "not going there", "I'd rather keep that private", "that's my business".
    r"(?:i'?m |i am |im )?not (?:going|goin|gonna go) (?:there|into (?:it|that|this))|"
    r"(?:i'?m |i am |im )?not (?:talking|going to talk|gonna talk) about (?:it|that|this)|"
    r"(?:i'?d |i would |id )?(?:rather |prefer to )?leave (?:that|it|this)(?: one)?|"
    r"(?:can we |i'?d rather |i would rather |id rather )?(?:stick|keep) to the medical "
    r"(?:side|stuff|bits?|things?)|"
    r"(?:i'?d |i would |id )?(?:rather |prefer to )?keep (?:my [a-z]+|them|him|her|that|it|this) "
    r"out of (?:this|it)|"
    r"(?:not |nothing )(?:really )?(?:anything |something )?(?:i )?(?:want|wanna|care) to "
    r"(?:go into|get into|talk about|share|discuss)|"
    r"never you mind|"
    # Not up to it: "I can't think about that right now", "can't face that one".
    r"(?:i )?(?:can'?t|cant|cannot) (?:think about|face|do) (?:that|this|it)(?: one)?|"
    r"(?:i'?m |i am |im |a'?m )?(?:no|not) (?:gonnae|gonna|going to) answer"
    r"(?: (?:that|this|it))?|"
    r"(?:i'?d |i would |id )?(?:rather |prefer to )?keep (?:that|it|this) (?:private|to myself)|"
    r"(?:that'?s |it'?s |thats |its )?(?:my (?:own )?business|between me and (?:my|the) "
    r"(?:doctor|gp|nurse|family))|"
    r"scrap (?:that|it|this)|forget (?:it|that)|never ?mind|"
    r"(?:i )?(?:prefer|want) not to (?:say|answer|share)|(?:i )?(?:don'?t|dont|do not) "
    r"(?:really |rly )?(?:want|wanna) (?:to )?(?:say|answer|share|talk about|go into|get into)|"
    r"not now|ask me later|later|n/?a|"
    # Told off for asking: "none of your business mate", "mind your own".
    r"(?:that'?s |it'?s )?none of (?:your|yer|ur|anyone'?s) (?:business|concern)|"
    r"(?:that'?s |it'?s )?not (?:your|yer|ur) (?:business|concern)|mind (?:your|yer|ur) own"
    r"(?: business)?|(?:that'?s |it'?s )?(?:private|personal)|keep (?:that|it) to myself|"
    r"not (?:telling|saying)|"
    r"(?:i'?m |i am |im )?not (?:answering|answerin|going to answer|gonna answer)"
    r"(?: (?:that|this|it|you))?|(?:i )?(?:won'?t|will not|refuse to|decline to) answer"
    r"(?: (?:that|this|it))?"
)
_PIECE = re.compile(rf"(?:{_SKIP}|{_FILLER})\b", re.IGNORECASE)
_SEPARATORS = re.compile(r"[\s,.;:!?\-\u2013\u2014\u2026()'\"]+")
_NORMALISE = str.maketrans({"\u2019": "'", "\u2018": "'"})


# Why the question is not answered, said before a skip: "Not relevant to blood pressure. Pass."
_DECLINING_REMARK = re.compile(
    r"^\W*(?:(?:that'?s |it'?s |this is )?(?:not relevant|irrelevant|none of (?:your|anyone'?s) "
    r"business|nothing to do with|not your (?:business|concern)|not (?:something|what) i(?:'d| "
    r"would)? (?:want to )?(?:share|discuss)|"
    # Asking what the question has to do with it: "Not sure what that has to do with my back."
    r"(?:not sure |no idea |i don'?t see |dont see |don'?t know )?what (?:that|this|it) (?:has|'s)"
    r"(?: got)? to do with|what(?:'s| has| is) (?:that|this) (?:got )?to do with)"
    r"\b[^.!?;]*)[.!?;]+\s*(?P<skip>.+)$",
    re.IGNORECASE,
)


def is_skip_answer(text: str) -> bool:
    """Return True when the answer only declines or skips the question."""
    if _skip_pieces(text) is not None:
        return True
    said = (text or "").translate(_NORMALISE).strip()
    remark = _DECLINING_REMARK.match(said)
    if remark is not None and _skip_pieces(remark.group("skip")) is not None:
        return True
    # A refusal, then a parting shot: "Not answering that. You'll book what you book."
    refusal = _REFUSAL_FIRST.match(said)
    return (
        refusal is not None
        and _HARD_REFUSAL.search(refusal.group("skip")) is not None
        and _skip_pieces(refusal.group("skip")) is not None
        and len(refusal.group("rest").split()) <= _LONGEST_PARTING_SHOT
    )


_REFUSAL_FIRST = re.compile(r"^(?P<skip>[^.!?;]+)[.!?;]+\s*(?P<rest>.*)$")
#: Refusals after which what follows is a parting shot, not an answer ("pass" may be followed
#: by one after all: "Pass. Mornings are bad.").
_HARD_REFUSAL = re.compile(
    r"not (?:answering|answerin|going to answer|gonna answer|telling|saying)|"
    r"(?:won'?t|will not|refuse to|decline to) answer|none of (?:your|yer|ur)|mind (?:your|yer)",
    re.IGNORECASE,
)
_LONGEST_PARTING_SHOT = 8


def is_dont_know_answer(text: str) -> bool:
    """Return True when the answer only says the patient does not know ("dunno", "not sure").

    Unlike "skip" or "I'd rather not say", not knowing is not a choice not to answer: the
    question is worth putting once more, another way.
    """
    pieces = _skip_pieces(text)
    return bool(pieces) and all(
        re.fullmatch(_DONT_KNOW, piece, re.IGNORECASE) for piece in pieces or []
    )


def _skip_pieces(text: str) -> list[str] | None:
    """The skip pieces of an answer made only of skips and filler, or None if it says more."""
    rest = (text or "").translate(_NORMALISE).lower().strip()
    pieces: list[str] = []
    while rest:
        leading = _SEPARATORS.match(rest)
        if leading is not None:
            rest = rest[leading.end() :]
            continue
        match = _PIECE.match(rest)
        if match is None or match.end() == 0:
            return None
        piece = match.group(0)
        if re.fullmatch(_SKIP, piece, re.IGNORECASE):
            pieces.append(piece)
        rest = rest[match.end() :]
    return pieces or None
