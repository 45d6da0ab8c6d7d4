"""Understand a patient's correction of their summary and apply it to one item.

Decisions: the topic is read first from the words naming what to change ("the tablets bit",
"my main goal", "not my daughter"), then from the whole message, and a bare number ("it should
be a 5 not a 3") means the baseline rating. ``target`` is the word naming a single item
("tablets", "daughter", "knee") and is None when the whole topic is replaced ("my main goal").
``new_text`` keeps the patient's words after "is" / "should say" / "change ... to" verbatim
("to sleep through the night"), minus quotes, a trailing "not X" and trailing punctuation;
for the rating it is the parsed number ("5").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span

from coproduce.aims import topics
from coproduce.nlp import patterns
from coproduce.nlp.pipeline import get_nlp
from coproduce.nlp.rating import parse_rating
from coproduce.nlp.segment import item_spans

TOPICS = topics.TOPICS

_I = re.IGNORECASE
_PREFIX = re.compile(
    r"^\s*(?:(?:actually|sorry|oh|oops|wait|no|nope|hang on|um+|erm+|hmm+|correction|ah|"
    r"can you|could you|please|pls|i meant to say|i meant|"
    # A yes before the change: "yes but put the mood first", "nearly. the number is 3".
    r"yes|yeah|yep|yup|aye|ok|okay|nearly|almost|mostly|but|and)\b[\s,.:!-]*)*",
    _I,
)
_DET = r"(?:my|the|a|an|our|his|her|their|that|\d)"
#: Which to sort first, changed: "put the mood first", "the mood is the main thing".
_PRIORITY = re.compile(
    r"^(?:(?:(?:please\s+)?(?:put|have|make)|.*?\bwants?)\s+(?P<put>.+?)\s+(?:as\s+)?"
    r"(?:first|top|at the top|the priority|the main thing)\b|"
    r"(?:.*?\b(?:that|but)\s+)?(?P<is>[^,;:.]+?)\s+(?:is|are|'s|\u2019s)\s+(?:the\s+)?"
    r"(?:main thing|priority|top priority|most urgent|first(?: thing)?(?: to sort)?|"
    r"one to sort(?: first)?)\b|"
    # After a sentence or a "not quite" of its own: "No. Not the tremor. The main thing is the
    # freezing, please put that first."
    r"(?:.*?(?:\b(?:that|but|also)\s+|[.!;,]\s+))?(?:the\s+)?(?:main thing|priority|"
    r"top priority|most urgent thing|most important thing|biggest thing|main (?:issue|problem|"
    r"worry|concern))\s+(?:is|are)\s+(?P<main>[^,;:.]+?)(?:,?\s+(?:not|rather than|instead of|"
    r"the rest|everything else)\b.*|,?\s+(?:so\s+)?(?:please\s+)?(?:put|have|make)\s+(?:that|"
    r"it|this)\s+(?:first|at the top)(?:,?\s+please)?)?(?:[.!]+(?:\s+.*)?)?$)",
    _I,
)
_SPLITTERS: tuple[re.Pattern[str], ...] = (
    re.compile(
        r"^(?P<ref>.*?)\b(?:should|needs? to|ought to|has to)\s+(?:have\s+)?"
        r"(?:say|said|read|be|been)\b[\s:,]*(?:that\s+)?(?P<new>.*)$",
        _I,
    ),
    re.compile(
        r"^(?:change|update|edit|amend|fix|correct|alter|replace)\s+(?P<ref>.+?)\s+"
        r"(?:to say|to read|so (?:that )?it says|with)\s*:?\s+(?P<new>.+)$",
        _I,
    ),
    re.compile(
        r"^(?:change|update|edit|amend|fix|correct|alter|replace)\s+(?P<ref>.+?)\s+"
        r"to\s+(?P<new>.+)$",
        _I,
    ),
    re.compile(
        r"^(?:change|update|edit|amend|fix|correct|alter|remove|delete|take out)\s+"
        r"(?P<ref>.+)$",
        _I,
    ),
    re.compile(r"^(?:make|put)\s+it\s+(?P<new>.+)$", _I),
    re.compile(
        r"^(?:it'?s\s+|it\s+is\s+|it\s+was\s+)?not\s+(?P<ref>[^,;.!?]+?)\s*"
        r"(?:[,;.!?]+|\s-\s|\bbut\b)\s*(?:it'?s\s+|it\s+is\s+)?(?P<new>.+)$",
        _I,
    ),
    re.compile(
        rf"^(?:it'?s\s+|it\s+is\s+|it\s+was\s+)?(?P<new>.+?),?\s+(?:not|instead of|"
        rf"rather than)\s+(?P<ref>{_DET}\b[^,;.!?]*)[.!?]*$",
        _I,
    ),
    re.compile(
        r"^(?:it'?s|its|it is|it was|it'?ll be|more like)\s+(?:actually\s+|really\s+)?"
        r"(?P<new>.+)$",
        _I,
    ),
    re.compile(
        r"^(?P<ref>(?:my|the|what|who|how|our|it)\b[^,;.!?]{0,60}?)(?:\s+(?:is|are|was|"
        r"were)|'s|\u2019s)\s+(?:actually\s+|really\s+)?(?P<new>.+)$",
        _I,
    ),
)
_NOT_TAIL = re.compile(rf",?\s+(?:not|instead of|rather than)\s+{_DET}\b[^,;.!?]*[.!?]*$", _I)
_TRAILING = re.compile(
    r"(?:[\s\"'\u201c\u201d\u2018\u2019.,;:!?]|\b(?:instead|please|thanks|thank you|ta)\b)+$", _I
)
_LEADING = re.compile(r"^[\s\"'\u201c\u201d\u2018\u2019:,-]+")
_NO_NEW_TEXT = re.compile(r"^(?:wrong|not right|incorrect|not quite right|a mistake|off)\b", _I)

# (topic, pattern, whether the match names one item). Order matters: first match wins.
_KEYWORDS: tuple[tuple[str, re.Pattern[str], bool], ...] = (
    (
        topics.BASELINE_RATING,
        re.compile(r"\b(?:score|rating|rate|rated|number|out of (?:10|ten))\b", _I),
        False,
    ),
    (
        topics.AIM,
        re.compile(
            r"\b(?:main goal|goals?|aims?|what i want(?:ed)?|i want(?:ed)?|hoping for|"
            r"what i'?m hoping|the main thing|the one thing|reason for|"
            r"why i'?m (?:coming|here))\b",
            _I,
        ),
        False,
    ),
    (
        topics.WHAT_MATTERS,
        re.compile(
            r"\b(?:what matters|matters|important to me|most important|"
            r"what'?s important|what is important|care about)\b",
            _I,
        ),
        False,
    ),
    (
        topics.IMPROVEMENT_MEASURE,
        re.compile(
            r"\b(?:measure|how i'?d know|how i would know|"
            r"how i'?ll know|how i will know|know (?:if |that )?"
            r"it'?s working|improvement|progress)\b",
            _I,
        ),
        False,
    ),
    (
        topics.ASSETS,
        re.compile(
            r"\b(?:what helps|things that help|(?:what )?keeps me going|strengths|"
            r"what works|coping)\b",
            _I,
        ),
        False,
    ),
    (
        topics.CARE_PREFERENCES,
        re.compile(
            r"\b(?:(?:woman|female|lady|male|man|same|different) (?:doctor|gp|nurse|clinician)|"
            r"(?:i'?d|i would) (?:prefer|rather) (?:not|a|an|no|to avoid)|rather avoid|"
            r"(?:don'?t|do not|dont) want (?:to go on|to take|any|a|an)|no (?:more )?(?:group|"
            r"morning|early|evening) (?:therapy|appointments?|sessions?))\b",
            _I,
        ),
        False,
    ),
    (
        topics.SUPPORTS,
        re.compile(
            r"\b(?:who helps|helps me|look(?:s|ing)? after|carer|caring for|"
            r"supports?)\b",
            _I,
        ),
        False,
    ),
    (topics.TREATMENT_BURDEN, re.compile(r"\btreatments?\b", _I), False),
    (topics.ASSETS, re.compile(r"\b(?:exercises|exercise|helps|help)\b", _I), True),
    (
        topics.ILLNESS_BURDEN,
        re.compile(
            r"\b(?:pain|painful|aches?|knees?|back|hips?|shoulders?|neck|"
            r"legs?|feet|foot|hands?|arthritis|breath|breathing|breathless|"
            r"tiredness|fatigue|sleep|sleeping|stairs|dizzy)\b",
            _I,
        ),
        True,
    ),
    (
        topics.ILLNESS_BURDEN,
        re.compile(r"\b(?:illness|gets in the way|symptoms?|condition|stops me)\b", _I),
        False,
    ),
    (topics.IMPROVEMENT_MEASURE, re.compile(r"\bbetter\b", _I), False),
)
_ENTITY_TOPICS = {
    patterns.RELATIONSHIP: topics.SUPPORTS,
    **dict.fromkeys(
        (
            patterns.MEDICATION,
            patterns.APPOINTMENT,
            patterns.TEST_MONITORING,
            patterns.COST,
            patterns.SIDE_EFFECT,
            patterns.INFORMATION,
        ),
        topics.TREATMENT_BURDEN,
    ),
}


@dataclass
class Correction:
    """What the patient wants changed: the topic, the item and the new words."""

    topic: str | None
    new_text: str | None
    target: str | None


def _split(body: str) -> tuple[str, str | None]:
    """Split a correction into the words naming what to change and the replacement."""
    for splitter in _SPLITTERS:
        match = splitter.match(body)
        if match is not None:
            groups = match.groupdict()
            return groups.get("ref") or "", groups.get("new")
    return body, None


#: The rating given the wrong way round or misspoken: "That 7 - I had it the wrong way round ...
#: I'm about a 3", "I said 7 but I meant 3". Two numbers are needed; the last is the one meant.
_RATING_MISSAID = re.compile(
    r"\b(?:wrong way (?:round|around)|back to front|other way (?:round|around)|upside down|"
    r"i meant|i said|misread|got (?:it|that) wrong)\b",
    _I,
)
_SCALE_NUMBER = re.compile(
    r"(?<!of )(?<!/)(?:(?<![\d.])(?:10|[0-9])(?!\d|\.\d)|"
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|zero|nought)\b)"
    # A bare number, not a count of something ("2 walks a day"): followed by nothing, a mark
    # or a small word.
    r"(?=\s*(?:$|[^\w\s]|(?:but|not|out|and|or|i|i'm|im|on|today|now|really|then|where)\b))",
    _I,
)


def _missaid_rating(body: str) -> str | None:
    """The number meant, when the message says the rating was given the wrong way round."""
    if _RATING_MISSAID.search(body) is None:
        return None
    numbers = _SCALE_NUMBER.findall(body)
    if len(numbers) < 2 or numbers[-1].lower() == numbers[0].lower():
        return None
    rating = parse_rating(numbers[-1])
    return str(rating.value) if rating.value is not None else None


def without_lead_in(text: str) -> str:
    """The correction without its lead-in ("yes but", "sorry, can you")."""
    return _PREFIX.sub("", (text or "").strip())


def _clean_new_text(new: str | None) -> str | None:
    if new is None or _NO_NEW_TEXT.match(new.strip()):
        return None
    cleaned = _TRAILING.sub("", _NOT_TAIL.sub("", _LEADING.sub("", new)))
    return cleaned or None


def _keyword_topic(text: str) -> tuple[str | None, str | None]:
    """Return (topic, target) named in ``text`` by entities or keywords."""
    found: list[tuple[int, str, str | None]] = []
    for rank, (topic, pattern, names_item) in enumerate(_KEYWORDS):
        match = pattern.search(text)
        if match is not None:
            found.append((rank, topic, match.group(0) if names_item else None))
            break
    for ent in get_nlp()(text).ents:
        if ent.label_ in _ENTITY_TOPICS:
            # Entities rank just before the generic "treatment" keyword.
            rank = 5 if ent.label_ == patterns.RELATIONSHIP else 6
            found.append((rank, _ENTITY_TOPICS[ent.label_], ent.text))
            break
    if not found:
        return None, None
    _, topic, target = min(found, key=lambda item: item[0])
    return topic, target


def _is_bare_rating(new: str | None) -> bool:
    return new is not None and len(new.split()) <= 4 and parse_rating(new).value is not None


def parse_correction(text: str) -> Correction:
    """Read which topic and item a correction is about and the replacement words."""
    body = _PREFIX.sub("", (text or "").strip())
    priority = _PRIORITY.match(body)
    if priority is not None:
        first = _clean_new_text(
            priority.group("put") or priority.group("is") or priority.group("main")
        )
        if first is not None:
            return Correction(topics.ONE_THING, first, None)
    missaid = _missaid_rating(body)
    if missaid is not None:
        return Correction(topics.BASELINE_RATING, missaid, None)
    ref, raw_new = _split(body)
    new_text = _clean_new_text(raw_new)
    topic, target = _keyword_topic(ref) if ref else (None, None)
    if topic is None and _is_bare_rating(new_text):
        topic = "baseline_rating"
    if topic is None:
        topic, target = _keyword_topic(body)
    if topic == "baseline_rating" and new_text is None:
        # "The rating. I said 6 but that's generous, put 4": the number they settle on.
        said = parse_rating(ref)
        new_text = str(said.value) if said.status == "ok" else None
    if topic == "baseline_rating" and new_text is not None:
        rating = parse_rating(new_text)
        new_text = str(rating.value) if rating.value is not None else new_text
    return Correction(topic, new_text, target)


def _entity_keys(span: Span) -> set[tuple[str, str]]:
    return {(ent.label_, ent.ent_id_) for ent in span.ents if ent.label_ != patterns.NEUTRAL}


def _find_item(items: list[Span], target: str) -> Span | None:
    """Return the first item naming the target, else the only item of the same kind."""
    word = re.compile(rf"(?<!\w){re.escape(target.strip())}(?!\w)", _I)
    for span in items:
        if word.search(span.text):
            return span
    # Otherwise accept the one item of the same kind ("pills" for "tablets"), if unambiguous.
    target_keys = _entity_keys(get_nlp()(target)[:])
    same_kind = [span for span in items if target_keys & _entity_keys(span)]
    return same_kind[0] if len(same_kind) == 1 else None


def apply_item_correction(original: str, target: str | None, new_text: str) -> str:
    """Replace the item of ``original`` that names ``target`` with ``new_text``.

    The rest of the answer is kept character for character. With no target, or when no item
    names it, the whole answer becomes ``new_text``.
    """
    if not target or not target.strip() or not original or not original.strip():
        return new_text
    doc = get_nlp()(original)
    item = _find_item(item_spans(doc), target)
    if item is None:
        return new_text
    replacement = _swap_word(item.text, target, new_text) or new_text
    return original[: item.start_char] + replacement + original[item.end_char :]


def _swap_word(item: str, target: str, new_text: str) -> str | None:
    """Put a short replacement in place of the target word, keeping the rest of the item.

    "my son" for "daughter" in "my daughter drives me to appointments" gives "my son drives
    me to appointments"; a longer replacement stands for the whole item.
    """
    if len(new_text.split()) > 3:
        return None
    word = re.compile(
        rf"(?:\b(?:my|the|our|his|her|a)\s+)?(?<!\w){re.escape(target.strip())}(?!\w)", _I
    )
    if not word.search(item):
        return None
    return word.sub(lambda _: new_text.strip(), item, count=1)
