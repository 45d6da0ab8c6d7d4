"""Notice when someone else is typing for the patient, and who they are to the patient.

A parent answers for a child, a daughter for her dad, a husband for his wife with dementia, a
paid carer for a client. They say so ("I'm typing for my mum", "his daughter here", "mum says
yes") or it shows in how they answer ("she can't manage the stairs", "dad's tablets"). The
bot then asks once who they are, and records `{"type": "proxy", "relationship": ...}`.

Relationship words are matched with typo tolerance (rapidfuzz): "dauhgter", "husbnd".
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

#: The respondent's relationship to the patient, as the summary records it.
RELATIONSHIPS: dict[str, tuple[str, ...]] = {
    "daughter": ("daughter", "daughter in law", "stepdaughter"),
    "son": ("son", "son in law", "stepson"),
    "wife": ("wife", "missus"),
    "husband": ("husband", "hubby"),
    "partner": ("partner", "boyfriend", "girlfriend", "fiance", "fiancee", "other half"),
    "mum": ("mum", "mother", "mom", "mam", "mummy", "mammy"),
    "dad": ("dad", "father", "daddy"),
    "parent": ("parent", "guardian"),
    "sister": ("sister",),
    "brother": ("brother",),
    "grandchild": ("granddaughter", "grandson", "grandchild"),
    "carer": ("carer", "care worker", "support worker", "caregiver", "personal assistant"),
    "friend": ("friend",),
    "neighbour": ("neighbour", "neighbor"),
    "family": ("niece", "nephew", "aunt", "auntie", "uncle", "cousin", "relative", "family"),
    "other": ("advocate", "social worker", "key worker", "keyworker", "teaching assistant"),
}
# The patient's role as the typist names them ("my mum") -> the typist's role to the patient.
_PATIENT_ROLE_TO_RESPONDENT = {
    "mum": "child",
    "dad": "child",
    "parent": "child",
    "son": "parent",
    "daughter": "parent",
    "child": "parent",
    "wife": "husband",
    "husband": "wife",
    "partner": "partner",
    # "Typing for my brother": a sister or a brother, and which is not said.
    "sister": "sibling",
    "brother": "sibling",
    "grandchild": "grandparent",
}
_PATIENT_WORDS = (
    r"mum|mom|mam|mother|dad|father|son|daughter|child|kid|baby|boy|girl|wife|husband|partner|"
    r"lad|lass|bairn|wean|little one|youngest|eldest|"
    r"sister|brother|nan|gran|grandma|grandad|grandpa|aunt|uncle|client|patient|friend|"
    r"neighbour|he|him|she|her|them"
)
# Capitalised words after "filling this in for" that are not a person.
_NOT_NAMES = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December|Dr|Doctor|The|This|"
    r"Next|Tomorrow|Today|My|Our|Me|Myself|Him|Her|Them|Mum|Dad)"
)
_ON_BEHALF = re.compile(
    rf"\b(?:typing|writing|answering|completing (?:this|it)|filling (?:this |it )?(?:in|out)|"
    rf"doing (?:this|it)|on "
    rf"behalf) (?:this )?(?:in |out )?(?:for|of) (?:my |our |the )?(?:{_PATIENT_WORDS})\b|"
    rf"\b(?:i'?m|i am|this is) (?:his|her|their|the patient'?s|[a-z]+'?s) (?:[a-z]+ )?"
    rf"(?:daughter|son|wife|husband|partner|mum|mother|dad|father|carer|sister|brother|"
    rf"niece|nephew|friend|neighbour|granddaughter|grandson|care worker|support worker|"
    rf"advocate|key ?worker|social worker|personal assistant)\b|"
    # "I'm filling this in for our Callum", "Kerry says yes", "she is telling me what to say".
    rf"\b(?:typing|writing|answering|completing (?:this|it)|filling (?:this |it )?(?:in|out)|"
    rf"doing (?:this|it)) "
    rf"(?:this )?for (?:my |our )?(?!{_NOT_NAMES}\b)(?-i:[A-Z][a-z]+)\b|"
    rf"^\W*(?-i:[A-Z][a-z]+) (?:says?|said) (?:yes|no|ok|that|she|he)\b|"
    rf"\b(?:telling|tells|told) me what to (?:say|put|type|write)\b|"
    rf"\b(?:his|her|their) (?:daughter|son|wife|husband|partner|carer|mum|dad) (?:here|"
    rf"typing|writing|speaking)\b|\b(?:{_PATIENT_WORDS}) (?:says?|said|is (?:saying|nodding)|"
    # "mum can't see to type", not "as long as my mum can't see it" (who may read it).
    rf"wants me to (?:say|tell)|asked me to|can'?t (?:type|use|read)|"
    rf"can'?t see(?! (?:it|this|that|these|them|my|what|the answers))|doesn'?t (?:do|use|"
    rf"like) (?:computers|phones|tech))\b|\bfor my (?:{_PATIENT_WORDS}) who\b|"
    rf"\b(?:this is|it'?s|these are|answers are|here) for my (?:{_PATIENT_WORDS})\b|"
    # "Hi its about my daughter Maisie", "I'm writing about my husband".
    rf"\b(?:this is|it'?s|it is|i'?m (?:writing|messaging|asking|here)|"
    rf"i am (?:writing|messaging|asking|here)) about my (?:{_PATIENT_WORDS})\b",
    re.IGNORECASE,
)
# Answers about someone else in the third person ("she can't do the stairs").
_THIRD_PERSON = re.compile(
    rf"^\W*(?:(?:my |our )?(?:{_PATIENT_WORDS})(?:'s)?) (?:is|has|can'?t|cannot|won'?t|"
    rf"doesn'?t|does|gets|needs|wants|struggles|finds|takes|likes|loves|used to|was|keeps|"
    rf"forgets|hates)\b|"
    # "His seizure tablets were put up", "Her knees are bad": someone else's.
    rf"^\W*(?:his|her) (?:[a-z]+ ){{0,3}}(?:is|are|was|were|has|have|had|keeps?|makes?|got|"
    rf"get|gets)\b",
    re.IGNORECASE,
)
_SELF_ANSWER = re.compile(
    r"^\W*(?:no|nope|just me|it'?s me|myself|i am the patient|i'?m the patient|i'?m answering "
    r"for myself|for myself|me)\b",
    re.IGNORECASE,
)
_ALL_TERMS = {term: key for key, terms in RELATIONSHIPS.items() for term in terms}
_GRANDPARENTS = frozenset(
    {"nan", "nana", "nanna", "gran", "granny", "grandma", "grandad", "grandpa"}
)
_MIN_FUZZY_LENGTH = 5
_MIN_LENIENT_LENGTH = 3
#: One letter wrong in a three-letter word scores 66.7 ("sun" for "son").
_LENIENT_CUTOFF = 66


# "Mum says yes" relays the patient's words; "I've got a moon face my daughter says" is the
# patient reporting what someone said of them.
_REPORTED = re.compile(r"\b(?:says?|said|saying)\W*$", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:i|i'?m|i'?ve|i'?d|i'?ll|me|myself|im|ive)\b", re.IGNORECASE)


def says_on_behalf(text: str | None) -> bool:
    """True when the typist says they are answering for someone else."""
    cleaned = (text or "").replace("\u2019", "'")
    for match in _ON_BEHALF.finditer(cleaned):
        if not _REPORTED.search(match.group(0)):
            return True
        rest = cleaned[: match.start()] + " " + cleaned[match.end() :]
        if not _FIRST_PERSON.search(rest):
            return True
    return False


def sounds_like_proxy(text: str | None) -> bool:
    """True when an answer describes the patient in the third person."""
    return bool(_THIRD_PERSON.search(text or ""))


def relationship_in(text: str | None) -> str | None:
    """Return the respondent's relationship to the patient named in the text, typos allowed.

    "I'm his daughter" gives "daughter"; "typing for my mum" gives "child"; "I'm her carer"
    gives "carer".
    """
    lowered = " ".join((text or "").lower().replace("\u2019", "'").split())
    mine = re.search(
        r"\b(?:for|of|with|helping|about) (?:(?:my|our) |(?=(?:mum|mam|mom|dad|nan|nana|gran|"
        r"granny|grandma|grandad|grandpa|mammy|mummy|mommy|daddy|mother|father|mam)\b))([a-z]+)",
        lowered,
    ) or re.search(
        # "Mum says that's fine", "Dad's had three falls": the patient, named as the one
        # who says or has, by someone typing for them.
        r"(?:^|[.!?,]\s*|\byes\W+)(mum|mam|mom|mother|dad|father|nan|nana|gran|granny|grandma|"
        r"grandad|grandpa)(?:'s| says| said| is| has| wants| can'?t| won'?t| doesn'?t)\b",
        lowered,
    )
    said = re.search(
        r"\b(?:i'?m|i am|im|this is|as) (?:his|her|their|the|a|[a-z]+'?s) (?:([a-z]+) )?([a-z]+)",
        lowered,
    )
    if said:
        # "I'm Dave's support worker": the last two words may be the term. "im her sonn
        # Dean", "im his sun": right after "I'm his", a short slip is still the term.
        pair = " ".join(said.group(0).split()[-2:])
        found = _ALL_TERMS.get(pair)
        for word in (said.group(1), said.group(2)):
            found = found or (_term(word, lenient=True) if word else None)
        if found:
            return found
    words = re.findall(r"[a-z]+", lowered)
    for word in words:
        found = _term(word)
        if found and not mine:
            return found
    if mine:
        if mine.group(1) in _GRANDPARENTS:
            return "grandchild"
        role = _term(mine.group(1))
        if role:
            return _PATIENT_ROLE_TO_RESPONDENT.get(role, "family")
    return None


def _term(word: str, *, lenient: bool = False) -> str | None:
    """The relationship a word names, typos allowed.

    `lenient` is for the word right after "I'm his/her", where a relationship is expected:
    a doubled letter or one wrong letter of a short word ("sonn", "sun") is forgiven there.
    """
    if word in _ALL_TERMS:
        return _ALL_TERMS[word]
    single = re.sub(r"(.)\1", r"\1", word)
    if lenient and single in _ALL_TERMS:
        return _ALL_TERMS[single]
    if len(word) < (_MIN_LENIENT_LENGTH if lenient else _MIN_FUZZY_LENGTH):
        return None
    # A slip keeps the first letter ("dauhgter", "husbnd"); "fine" is not "fiance".
    terms = [term for term in _ALL_TERMS if term[0] == word[0]]
    cutoff = _LENIENT_CUTOFF if lenient and len(word) < _MIN_FUZZY_LENGTH else 80
    best = process.extractOne(word, terms, scorer=fuzz.ratio, score_cutoff=cutoff)
    return _ALL_TERMS[best[0]] if best else None


def answers_for_self(text: str | None) -> bool:
    """True when the answer to "are you answering for someone?" says it is the patient."""
    return bool(_SELF_ANSWER.search(text or ""))
