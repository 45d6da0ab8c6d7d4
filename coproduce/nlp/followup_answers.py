"""Read the follow-up's answers from the patient's words.

How it went against what they hoped (Goal Attainment Scaling, -2..+2), and whether they
managed a plan item (done, partly, not yet). Both return None when the words do not say, so
the question is asked again.
"""

from __future__ import annotations

import re

from coproduce.plans.models import ItemStatus

_GOAL_PATTERNS: list[tuple[int, str]] = [
    (
        2,
        r"\b(much|lot|way|far|loads|so much|massively|hugely) better\b|\bbrilliant\b|"
        r"\bfantastic\b|\bexcellent\b|\bamazing\b|\bimproved (a lot|loads|massively|hugely|"
        r"no end|so much)\b|\bmuch improved\b|\btransformed\b|\bover the moon\b|"
        r"\b(life|game)[ -]chang",
    ),
    (-2, r"\b(much|lot|way|far|loads) worse\b|\bterrible\b|\bawful\b|\bdisaster\b"),
    (
        -1,
        r"\bnot (as|so|that|very) (good|well|great)\b|\bnot great\b|\bno better\b|"
        r"\bworse than i (?:thought|expected|hoped)\b|\bcould (have been|be) better\b|"
        r"\bdownhill\b|\bnowhere near\b|\bbackwards?\b|\bnot (what|as) i (hoped|wanted|expected)\b|"
        r"\bhoped (?:it|they|that|the \w+) would (?:do|be|help) more\b|\bhoped for more\b|"
        r"\bisn'?t what i was hoping\b|\bnot what i was hoping\b",
    ),
    # What they expected, whatever else they say of it: "About what I expected, some good
    # weeks some bad".
    (
        0,
        r"\b(?:a)?bout (what|right)\b|\bwhat i (expected|thought|hoped)\b|"
        r"\bas (i )?(hoped|expected)\b",
    ),
    (1, r"\b(a bit|bit|slightly|little|somewhat)? ?better\b|\bimproved\b|\bgood\b"),
    (-1, r"\b(a bit|bit|slightly|little|somewhat)? ?worse\b|\bdisappoint"),
    (
        0,
        r"\bas (i )?(hoped|expected)\b|\babout (what|right)\b|\bthe same\b|\bok\b|\bfine\b|"
        r"\bno (real )?(change|different|difference)\b|\bso-? ?so\b|\bsame as\b|"
        r"\bnot (really |much |any )*(any |much )?different\b|\bbit of difference\b|"
        r"\bmade no difference\b|\bnot bad\b|\bmiddling\b|\bsame old\b|\bnothing'?s changed\b",
    ),
]


def parse_goal_attainment(text: str) -> int | None:
    """Map the patient's words to Goal Attainment Scaling: -2 (much worse) .. +2 (much better)."""
    lowered = text.lower()
    if re.fullmatch(r"\s*[+-]?[0-2]\s*", lowered):
        return int(lowered)
    for score, pattern in _GOAL_PATTERNS:
        if re.search(pattern, lowered):
            return score
    return None


#: Common typings of the words the answer turns on.
_TYPOS = {
    r"\bhav(?:e)?nt\b|\bhvnt\b|\bhavn'?t\b": "haven't",
    r"\bdidnt\b|\bdidn\b|\bdint\b": "didn't",
    r"\bcouldnt\b|\bcudnt\b": "couldn't",
    r"\bwasnt\b": "wasn't",
    r"\bhasnt\b": "hasn't",
    r"\bpart(?:ley|ily|ialy|ialley|lly)\b": "partly",
    r"\bmang?ed\b|\bmanag(?:ed|ged)\b": "managed",
    r"\beveryday\b": "every day",
    r"\bsum\b": "some",
    r"\bevry\b": "every",
    r"\bnot got round\b": "not got around",
}
#: A question back ("what do you mean by twice a day?") says nothing about doing it.
_QUESTION_BACK = re.compile(
    r"^(?:what|which|how|when|where|why|who|do you mean|does it|is it|should i)\b[^.!]*\?\s*$"
)
#: Did it for a while, then stopped: partly, however the stopping is put.
_SOME_THEN_STOPPED = re.compile(
    r"\bfor (?:a|the first|a couple of|a few|about a|about|\d+|one|two|three|four|five|six) "
    r"(?:days?|weeks?|fortnight|months?)\b"
    r"[^.]{0,20}\bthen\b"
)
#: Done, though the words sound negative: "never missed a day", "not once did I forget".
_DONE_DESPITE_NO = re.compile(
    r"\b(?:never|not|haven't|didn't|no)\s+(?:once\s+)?(?:missed|miss|forgot(?:ten)?|skipped)\b|"
    r"\bnot once have i (?:missed|forgotten|skipped)\b|\bwithout fail\b|"
    r"\bno (?:problem|bother|worries|issues?|gaps|misses)\b|"
    r"\b(?:hasn't|haven't|not|never) (?:missed|skipped) (?:any|one|a|a single)\b"
)
#: Not started at all: "not started", "still waiting for the physio", "would have if...".
_NOT_STARTED = re.compile(
    r"\b(?:not|haven't|hasn't|didn't|never)\s+(?:(?:yet|even|really|actually)\s+)?"
    r"(?:started|begun|began|start|tried|try|got around|been able|had (?:a|the) chance)\b|"
    r"\bstill waiting\b|\bwaiting (?:for|on)\b|\bwould have if\b|\bnot (?:yet|got around)\b|"
    r"\bnot once\b|\b(?:going|meaning|planning|about) to (?:start|do|book|try|get)\b|"
    r"\bwill (?:start|do it|try|book)\b|"
    r"\b(?:not|haven't|hasn't|didn't|never) manag(?:ed|e)\b|\bunopened\b|\bunused\b|"
    r"\bstill (?:sat|sitting|in the (?:bag|box|cupboard|drawer|packet))\b|"
    r"\bstill (?:drinking|smoking|eating|the same|as before)\b|\bsame as before\b|"
    r"^(?:n|nil|nothing|zero|zilch|none|negative|nada)\b"
)
_PARTLY = re.compile(
    r"\b(partly|partially|part of|some ?(?:times|days|of (?:it|them|the time))|a bit|a little|"
    r"half|mostly|most (?:days|of)|on and off|sort of|kind of|kinda|sorta|not always|"
    r"not every|now and (?:then|again)|occasionally|a few times|once or twice|tried|"
    r"trying|try|started|getting there|(?:not )?(?:as )?(?:much|often) as|so[- ]so|ish|"
    r"not (?:so|as|that) much|"
    r"more or less|had a go|not perfect(?:ly)?|when i (?:remember|can)|hit and miss|patchy|"
    r"(?:but|just) not|except|apart from|missed (?:a few|some|the rest|a couple|loads)|"
    r"then (?:stopped|gave up|forgot|life)|gave up|fell off|lapsed|slipped|"
    r"\d+ (?:or \d+ )?(?:days|times) a week|\d+ ?/ ?\d+|"
    r"(?:for|in) the first (?:week|fortnight|few)|for a (?:week|fortnight|bit|while) then|"
    r"did (?:some|a few|a couple|one or two)|every other|not\b[^.]{0,25}\bevery|"
    r"hardly ever|rarely|only (?:the )?once|some (?:weeks|mornings|nights|evenings|days))\b|"
    r"(?<!\d)(?!100)\d{1,2} ?%"
)
_NOT_YET = re.compile(
    r"\b(no|nope|nah|not yet|not really|not at all|haven't|didn't|did not|"
    r"have not|never|couldn't|could not|wasn't able|unable|forgot|no chance|not done|"
    r"can't say i did)\b"
)
_DONE = re.compile(
    r"\b(yes|yeah|yep|yup|yh|ya|yas|y|done|did (?:it|them|that|so)|i did|managed|"
    r"all of (?:it|them)|"
    r"completed?|finished|i have|sure did|definitely|absolutely|of course|certainly|"
    r"ticked off|sorted|100 ?%|every (?:day|time|morning|night|week)|religiously|daily|"
    r"like clockwork|on it|spot on|did as (?:i was )?told|as agreed|booked|had the|tak|"
    r"stuck (?:to|with) it|kept (?:it )?up|(?:it's|its) (?:a )?routine|"
    r"(?:have |has |had )?been (?:doing|taking|using|going|keeping|walking)|i do it|"
    r"(?:doing|taking|using) (?:it|them) (?:now|every|each|daily))(?=\W|$)"
)


def parse_item_status(text: str) -> str | None:
    """Did they do it? "done", "partly" or "not_yet" from their words, or None if unclear.

    Done despite a negative word comes first ("never missed a day"), then not started at
    all ("not started yet"), then partly ("yes, mostly", "not every day"), then no, then yes.
    """
    lowered = " ".join(text.lower().replace("’", "'").split())
    for typo, word in _TYPOS.items():
        lowered = re.sub(typo, word, lowered)
    if _QUESTION_BACK.match(lowered):
        return None
    if _DONE_DESPITE_NO.search(lowered):
        return ItemStatus.DONE
    if _SOME_THEN_STOPPED.search(lowered):
        return ItemStatus.PARTLY
    if _NOT_STARTED.search(lowered):
        return ItemStatus.NOT_YET
    if _PARTLY.search(lowered):
        return ItemStatus.PARTLY
    if _NOT_YET.search(lowered):
        return ItemStatus.NOT_YET
    if _DONE.search(lowered):
        return ItemStatus.DONE
    return None


#: Why it was not done, said with the status: "partly, my knee was too sore", "sort of, at
#: work you can't just lie down". "Mostly, missed a few days" says how much, not why.
_WHY = re.compile(
    r"\b(?:because|cos|coz|cause|since|as (?:i|it|she|he|they|we)|can'?t|cant|cannot|"
    r"couldn'?t|wouldn'?t|won'?t|didn'?t have|no time|not enough time|forg[eo]t\w*|"
    r"ran out|run out|running out|hurts?|hurting|hurt|pain\w*|sore|busy|tired|exhausted|"
    r"knackered|uncomfortable|expensive|afford|costs?|too (?:hot|cold|much|busy|tired|sore|"
    r"painful|hard|expensive|far|early|late|long)|hard|difficult|struggl\w*|ill|sick|poorly|"
    r"flare\w*|away|holiday|weather|rain\w*|stress\w*|worried|scared|nervous|embarrass\w*|"
    r"ugly|hate|hated|don'?t like|didn'?t like|doesn'?t like|side effects?|made me|makes me)\b"
)


def says_why(text: str) -> bool:
    """True when an answer about a plan item also says what got in the way of it."""
    return bool(_WHY.search(" ".join(text.lower().replace("’", "'").split())))
