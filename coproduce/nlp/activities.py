"""Find the activities a patient names in their aim or in what matters to them.

An activity is a verb from our own list (base, -s, -ed and -ing forms, since the pipeline has
no lemmatiser) followed by up to six tokens, stopping at a clause boundary, a time or degree
word ("again", "properly", "without") or a copula. Trailing function words are dropped, so
"walk the dog again" gives "walk the dog". A few sports and pastimes count on their own
("golf", "bingo"). Phrases about healthcare ("see the doctor") are not activities.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from coproduce.nlp.letters import letter_body
from coproduce.nlp.pipeline import get_nlp

_MAX_OBJECT_TOKENS = 6


def _words(text: str) -> frozenset[str]:
    """Return the whitespace-separated words of a word list."""
    return frozenset(text.split())


_ACTIVITY_VERBS = _words(
    """walk walks walked walking play plays playing dance dances dancing swim swims swimming
    sleep sleeps sleeping garden gardening cook cooking bake baking read reading knit knitting
    sew sewing paint painting draw drawing sing singing run running jog jogging cycle cycling
    bike biking ride riding drive driving fish fishing golfing hike hiking climb climbing
    travel travelling traveling visit visiting see seeing hold holding lift lifting carry
    carrying cuddle cuddling kneel kneeling bend bending dress dressing wash washing shower
    showering bathe bathing shop shopping work working volunteer volunteering go going get
    getting do doing look looking pick picking watch watching meet meeting babysit
    babysitting stand standing sit sitting dig digging mow mowing decorate decorating potter
    pottering write writing bowl bowling ski skiing sail sailing teach teaching exercise
    exercising hug hugging"""
)
# Verbs that say nothing on their own: they need what follows ("go back to work").
_NEEDS_OBJECT = _words(
    """go going get getting do doing see seeing look looking pick picking visit visiting hold
    holding lift lifting carry carrying meet meeting watch watching"""
)
_REQUIRED_NEXT: dict[str, frozenset[str]] = {
    "get": _words("back down up out around round about into over"),
    "look": frozenset({"after"}),
    "pick": frozenset({"up"}),
    "do": _words("the my our some a his her their"),
}
_REQUIRED_NEXT.update(
    {
        "getting": _REQUIRED_NEXT["get"],
        "looking": _REQUIRED_NEXT["look"],
        "picking": _REQUIRED_NEXT["pick"],
        "doing": _REQUIRED_NEXT["do"],
    }
)
_NOUN_ACTIVITIES = _words(
    """golf football basketball tennis netball rugby cricket yoga pilates bowls bingo choir gym
    crosswords sudoku darts snooker badminton zumba aerobics allotment"""
)
_STOP = _words(
    """and but or so because cos coz cause since as when while if then like without again
    anymore any more much longer before after until till though although also too either now
    today tonight tomorrow soon later next this every each is are was were be been being i
    n't nt not no pain easily properly than"""
)
_TRAILING = _words("the a an my our your his her their to with at in on of for from about some")
_NOT_ACTIVITY_AFTER = frozenset({"the", "a", "an", "my", "our", "your", "his", "her", "their"})
_HEALTHCARE = _words(
    """doctor doctors gp hospital hospitals clinic physio nurse surgery appointment
    appointments pharmacy chemist dentist a&e consultant specialist tablets pills meds
    medication"""
)


def _stops(token: Token) -> bool:
    lower = token.lower_
    if token.is_punct or token.is_space or lower in _STOP:
        return True
    if lower in ("'s", "\u2019s") and token.i > 0 and token.nbor(-1).lower_ in ("it", "that", "he"):
        return True
    return lower.endswith("ly") and len(lower) > 4 and not token.ent_type_


def _verb_phrase(doc: Doc, i: int) -> Span | None:
    """Return the activity phrase that starts at verb token ``i``, if it is one."""
    verb = doc[i]
    if i > 0 and doc[i - 1].lower_ in _NOT_ACTIVITY_AFTER:
        return None  # "my walk", "the shopping": a noun, not the activity itself
    required = _REQUIRED_NEXT.get(verb.lower_)
    if required is not None and (i + 1 >= len(doc) or doc[i + 1].lower_ not in required):
        return None
    end = i + 1
    while end < len(doc) and end - i <= _MAX_OBJECT_TOKENS and not _stops(doc[end]):
        end += 1
    while end > i + 1 and doc[end - 1].lower_ in _TRAILING and doc[end - 1].lower_ != "up":
        end -= 1
    phrase = doc[i:end]
    if verb.lower_ in _NEEDS_OBJECT and len(phrase) == 1:
        return None
    if any(token.lower_ in _HEALTHCARE for token in phrase):
        return None
    return phrase


def _candidates(doc: Doc) -> list[Span]:
    spans: list[Span] = []
    for i, token in enumerate(doc):
        if token.lower_ in _ACTIVITY_VERBS:
            phrase = _verb_phrase(doc, i)
            if phrase is not None:
                spans.append(phrase)
        elif token.lower_ in _NOUN_ACTIVITIES:
            spans.append(doc[i : i + 1])
    return spans


def extract_activities(text: str) -> list[str]:
    """Return the activities named in an answer, in the patient's words and order."""
    if not text or not text.strip():
        return []
    seen: set[str] = set()
    activities: list[str] = []
    doc = get_nlp()(letter_body(text))
    for span in sorted(filter_spans(_candidates(doc)), key=lambda s: s.start):
        key = span.text.lower()
        if key not in seen:
            seen.add(key)
            activities.append(span.text)
    return activities
