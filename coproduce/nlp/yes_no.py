"""Read a yes or a no the way people say it: inside a story, grudging, hedged, typo'd, emoji.

Used wherever the bot needs a yes or no: consent, the read-back, "are you safe to carry on?",
the safety check, deleting answers. The rules, in order:

- the message is split into clauses; the clearest answer nearest the end wins (a story first,
  then "so yes go ahead");
- negated and refusing forms are read before the yeses they contain ("not happy", "I'd rather
  not", "no I don't want to"), and yeses that start with a no are read as yeses ("no that's
  fine", "no problem", "no worries", "why not");
- grudging and hedged yeses count ("suppose so", "if I must", "go on then", "fine whatever"),
  and so do thumbs and ticks; a short typo of yes or no is forgiven (rapidfuzz);
- "not sure", "dunno", "maybe" and questions are neither: the caller asks again differently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from coproduce.nlp.letters import letter_body

YES = "yes"
NO = "no"

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})
_EMOJI_YES = ("👍", "✅", "👌", "✔", "☑", "🙂", "😊", "👏", "🙏", "🆗")
_EMOJI_NO = ("👎", "❌", "✖", "🚫", "⛔", "🙅")
_CLAUSE = re.compile(
    r"[.!?;\n]+|,|\b(?:but|though|although|however|anyway|anyways)\b|\bso\b(?=\s+\w)|"
    r"(?=\b(?:as long as|so long as|provided|providing|only if|unless)\b)"
)
_QUESTION = re.compile(
    r"^(?:is|are|can|could|do|does|did|will|would|what|who|whom|how|why|where|when|should|"
    r"shall|which|am i|may i)\b"
)

# Forms read as a yes although they contain "no" or "not".
_YES_DESPITE_NO = re.compile(
    r"\b(?:no (?:problem|problems|probs?|worries|bother|objection|objections|wahala|dramas?|"
    r"bovver|biggie|hassle|trouble|stress|fuss|issues?|rush)|not a problem|"
    # "yes no wahala", "ok no rush": a yes, then "no" and what there is none of.
    r"^(?:yes|yeah|yep|ok|okay|aye|sure|fine)\W+no (?!thanks?\b|thank|ta\b|way\b|i\b|not\b|"
    r"chance|sorry|no\b|don'?t|dont|please|more|longer|go\b|i'?m\b|im\b|actually)[a-z]+|"
    r"no(?:,|\s)+(?:that'?s|thats|it'?s|its) (?:fine|ok|okay|alright|all right|good)|"
    r"(?:i )?(?:don'?t|do not|dont) mind(?! (?:not|if you don'?t))|why not|not at all"
    r"(?= (?:fine|happy|ok))|no reason not to|can'?t see why not|don'?t see why not)\b"
)
_NO = re.compile(
    r"\b(?:no(?! (?:further|longer|more than|one else|later than|matter|doubt|problem|"
    r"worries|bother|objection))|nope|nah|nay|naw|noo+|nop|never|"
    r"not (?:really|happy|keen|comfortable|now|today|fine|good|great|alright|all right|cool|"
    r"sound|sweet|ok|okay|sure about (?:this|that|it|sharing))|"
    r"(?:i'?d|i would|id) (?:rather|prefer) (?:not|"
    r"you didn'?t|you did not|to (?:talk|speak|see|wait|just talk|just speak|just see))|"
    r"rather not|prefer not|(?:rather|prefer) (?:to )?(?:talk|speak|see|wait|phone|ring|call)|"
    r"(?:i )?(?:don'?t|do not|dont|won'?t|will not|wont) (?:want|wish|"
    r"agree|consent|think so|feel (?:happy|comfortable)|like the idea)|not for me|no thank(?:s| "
    r"you)?|no ta|leave it|stop|not interested|absolutely not|definitely not|certainly not|"
    r"no way|not at all|decline|refuse|i'?m out(?=\W*$)|count me out|not right now|not yet|"
    r"not keen|"
    r"unhappy|(?:i'?m|i am) not|(?:she|he|they|mum|dad|mom)(?:'s| is| are)? not (?:happy|keen|"
    r"ok|okay|comfortable)|(?:she|he|they|mum|dad|mom) (?:says?|said) no|doesn'?t want|does "
    r"not want|don'?t want)\b"
)
_YES = re.compile(
    r"\b(?:yes+|yess+|yeah+|yea|yep+|yup|ya|yah|yah+|aye|ok+|okay|okey|oki|k|kk|sure|certainly|"
    r"of course|ofc|absolutely|definitely|fine|alright|all right|go ahead|go on|carry on|"
    r"crack on|fire away|ask away|proceed|continue|let'?s go|lets go|let'?s do (?:it|this)|do it|"
    r"please do|please go ahead|happy to|happy for you|happy with (?:that|it|this)|that'?s fine|"
    r"thats fine|that'?s ok(?:ay)?|sounds good|sounds fine|sounds ok|good|great|grand|brilliant|"
    r"perfect|lovely|right then|righto|right-o|suppose so|i suppose|s'pose|spose|i guess(?: so)?|"
    r"guess so|if i must|if i have to|if you must|if you have to|if needed|i agree|agreed|"
    r"consent|i consent|agree|happy|ready|correct|indeed|yes please|why not|whatever|"
    r"fair enough|no problem|go for it|be my guest|that'?s right|thats right|right|"
    r"(?:i am|i'?m|im|quite|perfectly) content|content (?:for|to|with)|you have my permission|"
    r"(?:i )?give (?:my )?(?:permission|consent)|permission granted|"
    # Said as yes in everyday talk round the country: "sweet", "sound", "lush", "nae bother".
    r"sweet|cool|sound|lush|ace|champion|cushty|nice one|deffo|defo|totally|no worries|"
    # "Go 'ed" (Liverpool), "gan on" (Tyneside): go ahead ("g'wan" is with the others below).
    r"go '?ed|go'ed|gan on|go ahed|goahead|"
    r"nae bother|no bother|yeh|yh|ye|yis|okie dokie|okey dokey|ok doke|fab|awesome|spot on|"
    r"bang on|sure thing|g'?wan)\b"
)
_CONDITION_WORDS = (
    r"as long as|so long as|provided (?:that|it|they|you)|providing (?:that|it|they|you)|"
    r"on (?:the )?condition|only if|unless"
)
_UNSURE = re.compile(
    r"\b(?:not sure|unsure|don'?t know|dunno|idk|maybe|perhaps|depends|possibly|not certain|"
    r"i don'?t understand|what (?:do you mean|is this)|who (?:\w+ )?(?:sees|will see|reads|can see|"
    r"gets to see|has access)|"
    # A condition put before answering: "before I say yes, ...", "I don't want it going to my
    # work" (a no to where it goes, not to going ahead).
    r"before i (?:say yes|agree|consent|go ahead|answer|start|carry on|do this)|"
    r"(?:don'?t|do not|dont) want (?:it|this|them|that|my answers|anything) (?:going|to go|"
    r"sent|shared|passed|seen|getting)(?! ahead)|"
    # A condition on a yes said before it: "aye ok, as long as it's no going to the social".
    rf"{_CONDITION_WORDS})\b"
)
_CONDITION = re.compile(rf"\b(?:{_CONDITION_WORDS})\b")
# A remark on a yes already given: "fine, go ahead, but I'm not thrilled about it" agrees.
_GRUDGE = re.compile(
    r"^(?:(?:i'?m|i am|im) )?(?:not|hardly) (?:thrilled|happy|keen|pleased|overjoyed|delighted|"
    r"mad|wild|crazy|ecstatic|over the moon|enthusiastic|a fan)(?: (?:about|with|on|of) "
    r"(?:it|this|that|these|forms|the idea))?(?: (?:to be honest|tbh|mind|mind you|really))?$|"
    r"^not that (?:it|i|you|anyone) (?:matters|will|would|makes|care|cares|read|reads)\b"
)
_SHORT_YES = ("yes", "yeah", "yep", "yup", "okay", "sure", "fine")
_SHORT_NO = ("no", "nope", "nah")
# Sounds one letter from yes or no that mean neither: "eh?" is a shrug, not a yes.
#: "uh huh", "mm hmm", "mhm": a yes, though every sound in it is also a shrug's.
_MURMURED_YES = re.compile(r"uh[- ]?huh|m+[- ]?hm+|mhm+")
_NOT_YES_OR_NO = frozenset({"eh", "er", "erm", "um", "uh", "oh", "meh", "huh", "hmm", "so", "yo"})


@dataclass(frozen=True)
class Reading:
    """A yes, a no, or neither, with the clause it was read from (for logs: never the text)."""

    answer: str | None
    clause: int = -1


def _normal(text: str) -> str:
    text = letter_body(text or "")
    return " ".join(text.translate(_APOSTROPHES).lower().split())


def _typo(word: str) -> str | None:
    """Read a one-word typo of yes or no ("yse", "ys", "yeh", "noo", "mo")."""
    if len(word) > 5 or not word.isalpha() or word in _NOT_YES_OR_NO:
        return None
    best = process.extractOne(word, _SHORT_YES + _SHORT_NO, scorer=fuzz.ratio)
    if best is None or best[1] < 66:
        return None
    return YES if best[0] in _SHORT_YES else NO


def _clause_answer(clause: str) -> str | None:
    if not clause:
        return None
    if _QUESTION.match(clause) and not _YES_DESPITE_NO.match(clause):
        return None
    if _UNSURE.search(clause) and not _YES_DESPITE_NO.search(clause):
        return None
    if _YES_DESPITE_NO.search(clause):
        return YES
    if _NO.search(clause):
        return NO
    if _YES.search(clause):
        return YES
    return None


def read(text: str | None) -> Reading:
    """Read a yes or a no from a message; the clearest answer nearest the end wins."""
    raw = text or ""
    if any(mark in raw for mark in _EMOJI_NO):
        return Reading(NO)
    normal = _normal(raw)
    clauses = [c.strip(" ,.-") for c in _CLAUSE.split(normal) if c and c.strip(" ,.-")]
    for index in range(len(clauses) - 1, -1, -1):
        if _GRUDGE.search(clauses[index]) and any(
            _clause_answer(before) == YES for before in clauses[:index]
        ):
            continue
        answer = _clause_answer(clauses[index])
        if answer == NO and (
            _CONDITION.search(normal) or any(_QUESTION.match(c) or "?" in c for c in clauses)
        ):
            # "no, not unless you tell me who sees it", "not really keen. who reads it": a
            # condition or a question first; answered, then asked again.
            return Reading(None)
        if answer is not None:
            return Reading(answer, index)
    if any(mark in raw for mark in _EMOJI_YES):
        return Reading(YES)
    words = re.findall(r"[a-z]+", normal)
    if len(words) <= 2 and words and not _UNSURE.search(normal):
        typo = _typo(words[0])
        if typo is not None:
            return Reading(typo)
    return Reading(None)


def has_condition(text: str | None) -> bool:
    """True when a yes comes with a condition on it ("yes, as long as it stays with my GP")."""
    return bool(_CONDITION.search(_normal(text or "")))


def said_yes_somewhere(text: str | None) -> bool:
    """True when some clause of the message is a plain yes, whatever the last one says.

    "Yes that's all right. But I'd rather speak to a person" agrees to go ahead.
    """
    normal = _normal(text or "")
    clauses = [c.strip(" ,.-") for c in _CLAUSE.split(normal) if c and c.strip(" ,.-")]
    return any(_clause_answer(clause) == YES for clause in clauses)


def answer(text: str | None, *, intent: str | None = None, confidence: float = 0.0) -> str | None:
    """Return "yes", "no" or None; the classifier's affirm/deny decides only short messages.

    Args:
        text: what the patient typed (or a button payload such as "/affirm").
        intent: the NLU intent of the message, if any.
        confidence: the intent's confidence.
    """
    stripped = (text or "").strip()
    if stripped.startswith("/"):
        return {"affirm": YES, "deny": NO}.get(stripped[1:].split("{")[0])
    found = read(stripped).answer
    if found is not None:
        return found
    normal = _normal(stripped)
    if _UNSURE.search(normal):
        return None
    if _MURMURED_YES.fullmatch(normal.strip(" .!?")):
        return YES
    words = re.findall(r"[a-z]+", normal)
    if words and all(word in _NOT_YES_OR_NO for word in words):
        return None  # "eh?", "hmm erm": a shrug, whatever the classifier guessed
    if len(stripped.split()) <= 6 and confidence >= 0.8:
        return {"affirm": YES, "deny": NO}.get(intent or "")
    return None
