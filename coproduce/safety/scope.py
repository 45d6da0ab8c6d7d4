"""Decide whether a matched danger phrase is current, from the words around it."""

from __future__ import annotations

import re
from dataclasses import dataclass


def _split(text: str) -> list[str]:
    return text.split()


STRONG = frozenset(_split("but however although though whereas except anyway anyways ; : whilst"))
WEAK = STRONG | frozenset(
    _split(", and so because then or which while - \u2013 \u2014 ( ) plus also .")
)
NEGATIONS = frozenset(
    [
        "no",
        "not",
        "never",
        "without",
        "denies",
        "deny",
        "denied",
        "nor",
        "neither",
        "none",
        "nobody",
        "nothing",
    ]
)
PSEUDO = frozenset(_split("stop only just sure know matter wait long doubt idea one able see"))
POST_NEGATIONS = frozenset(_split("no none nope nah never negative"))
PUNCT = frozenset(_split("? : - \u2013 \u2014 , . ! ;"))
FIRST = frozenset(_split("i me my myself mine"))
THIRD = frozenset(
    _split("""he she they him her his hers their them himself herself themselves husband hubby wife
    missus partner boyfriend girlfriend bf gf ex mum mother dad father son daughter brother
    sister nan nana gran granny grandma grandmother grandad granddad grandpa grandfather
    grandson granddaughter grandkids uncle aunt auntie aunty cousin niece nephew friend mate
    neighbour neighbor colleague boss kid kids child children baby toddler stepdad stepmum
    fiance fiancee carer dog cat man woman lady guy bloke patient people someone lodger tenant
    flatmate housemate landlord landlady""")
)
# Words that name another person as subject or owner when they sit inside a match.
THIRD_INSIDE = THIRD - frozenset({"him", "them", "her", "someone", "people"})
THREAT = re.compile(r"\b(?:threatened|threatens|threatening|said|says|swears|swore|told me)\b")
# Categories where another person is the actor or the victim is still an emergency.
OTHER_PERSON_EXEMPT = frozenset({"harm_from_others", "overdose"})

REMOTE = re.compile(
    r"\b(?:(?:\d+|a few|few|several|many|two|three|four|five|six|ten|twenty|thirty|some|"
    r"a couple of|couple of|a good few) (?:years|yrs|decades|months|winters|summers) "
    r"(?:ago|back|before)|"
    r"years ago|years back|decades ago|ages ago|last year|back in|in (?:19|20)\d\d|"
    r"last month|a month ago|(?:\d+|a few|few|two|three|four|several|couple of|a couple of) "
    r"weeks ago|anniversary of|(?:\d+|ten|five|twenty|many) years on|from (?:19|20)\d\d|"
    r"in the (?:sixties|seventies|eighties|nineties|\d0s)|as a young (?:woman|man|girl|lad|mum)|"
    r"when (?:i|he|she|they|we) (?:was|were) (?:younger|young|little|a kid|a child|a teenager|"
    r"a teen|at school|at uni|pregnant|in (?:my|his|her|their)|\d+|a student|first married)|"
    r"as a (?:child|kid|teenager|teen|youngster|boy|girl|student)|used to|"
    r"in the past|long time ago|a while ago|a while back|in my (?:teens|twenties|thirties|"
    r"forties|20s|30s|40s|youth)|in (?:january|february|march|april|june|july|august|"
    r"september|october|november|december|the spring|the summer|the autumn|the winter)|"
    r"before my (?:bypass|stent|operation|op|surgery|transplant)|at school|growing up)\b"
)
PLANNED_BEFORE = re.compile(
    r"\b(?:going to|gonna|planning to|plan to|planning|want to|wants to|arranging)(?: \w+){0,2}$"
)
RESOLVED = re.compile(
    r"\b(?:turned out|went away|(?:in a )?(?:good|better) place|gone away|has gone off|"
    r"cleared up|settled|resolved|sorted itself|recovered|recovery|got better|"
    r"(?:fine|ok|okay|alright|(?<!at )all right|better|good|"
    r"safe|well) now|it stopped|it has stopped|stopped after|stopped on its own|"
    r"stopped by itself|healed|(?:no problems|none|nothing) since|all clear|behind me|"
    r"better place|been well|been fine|doing (?:well|great|fine|better) since|"
    r"doing (?:really |very |so )?(?:well|great|fine|better)|(?:all )?dealt with|all good|"
    r"how far i (?:have|ve) come|fully recovered|no harm(?: done)?|"
    r"(?:it is|it s|its|is|was|said) (?:just )?(?:muscular|musculoskeletal)|"
    r"(?:was|be) (?:just )?(?:indigestion|muscular|anxiety|reflux|heartburn|wind|nothing|"
    r"a panic attack)|ago now)\b"
)
PRESENT = re.compile(
    r"\b(?:now|right now|at the moment|currently|still|today|tonight|this (?:morning|"
    r"afternoon|evening|week|time|is different)|again|at present|keeps|keep|started|starting|"
    r"getting worse|since (?:this morning|yesterday|last night|an hour|i woke|last week|"
    r"last month))\b"
)
IMMEDIATE = re.compile(
    r"\b(?:right now|just now|at the moment|as we speak|this minute|currently|has just|"
    r"have just|is just|just (?:collapsed|dropped|gone|started|stopped)|collapsed|"
    r"unconscious|will not wake|not responding|unresponsive|what do i do|what should i do|"
    r"help me|please help)\b"
)
OTHER_NOW = re.compile(
    r"\b(?:is|are|am|has|have|keeps|keep|can not|could not|will not|just|now|suddenly|"
    r"started|starting|still|looks|look|seems|says|wants|tonight|today|this (?:morning|"
    r"afternoon|evening)|(?:\d+|a few|few|ten|five|twenty|thirty) (?:minutes|mins|min) ago|"
    r"an hour ago|half an hour|earlier|all of a sudden|out of nowhere|went|gone)\b"
)
HABITUAL = re.compile(
    r"\b(?:gets|get|sometimes|often|usually|always|whenever|every time|tends to|can get|"
    r"used to|has had|have had|had|suffers|suffer|suffered|kept)\b"
)
HABIT = re.compile(
    r"\b(?:i|he|she|they|we|you|it) (?:always |sometimes |often |usually |occasionally |only )?"
    r"(?:get|gets|tend to get|tends to get)\b"
)
TRIGGER = re.compile(r"\b(?:when|whenever|every time|after|if|with|in the)\b")
# Categories where a recurring pattern is still a reason to act now.
HABIT_EXEMPT = frozenset({"self_harm", "harm_from_others"})
HYPOTHETICAL = re.compile(
    r"^(?:would|could) (?!not|you|u|someone|somebody|anyone|barely|hardly|only|just)|"
    r"\b(?:if|in case|whether|what if|suppose|supposing|imagine if|say if|how do i know|"
    r"how would i know|how will i know|"
    r"how can i tell|in the event|one day|just asking|watch out for|look out for|"
    r"can you (?:explain|tell me) (?:when|what|if|how|whether)|explain (?:when|what|how)|"
    r"when (?:should|would|do|does) (?:i|it|that|you)|"
    r"(?:worry|worried|worrying|scared|afraid|frightened|terrified|anxious|fear|dread|"
    r"dreading) (?:that )?(?:\w+ ){0,3}(?:might|may|could|will) (?:turn into|become|lead to|"
    r"end up)|"
    r"warning signs?|signs? of|symptoms? of|risk of|chance of|(?:worried|scared|afraid|"
    r"frightened|terrified|anxious|worry|worrying|fear) (?:about |of |that )?(?:i |i will |"
    r"i might |i could |i am going to )?(?:having|getting|have|get|a|another|overdosing|"
    r"taking too many))\b"
)
WORRY = re.compile(
    r"\b(?:worry|worried|worrying|scared|afraid|frightened|terrified|anxious|fear|dread|"
    r"dreading|panic|panicking)\b"
)
RECURRENCE = re.compile(
    r"^(?:\S+ ){0,2}(?:will|might|may|could|would|are going to|is going to) (?:come back|"
    r"return|happen again|start again|come on again)\b"
)
CLINICAL_AFTER = frozenset(
    _split("""test tests x xray ray scan clinic nurse team risk limit prevention training exercises
    leaflet signs symptoms score rehab results check checks thinners pressure poster posters
    helpline line number service services charity awareness group support course officer""")
)
CLINICAL_BEFORE = frozenset(
    _split("""leaflet poster training course lists explained film movie programme program show
    documentary book novel article news story soap episode series podcast""")
)
FIGURATIVE = re.compile(
    r"(?:killing|kill) my ?self (?:at|in|with|over|to|for|trying|working|laughing|doing|on)\b|"
    r"\b(?:die|died|dying) (?:of|from|with) (?:embarrassment|shame|boredom|laughter|laughing|"
    r"curiosity|jealousy)\b|\b(?:nearly|almost) (?:died|had a heart attack|had a stroke)\b|"
    r"\brather die\b|\bdying (?:to|for)\b|\bcould kill for\b|\bto death\b|"
    r"\bkill me (?:if|when|for)\b|\bbleeding (?:me |us |you )?dry\b|"
    r"\boverdos\w* on (?:the )?(?:chocolate|sugar|sun|sunshine|cake|christmas|carbs|crisps|"
    r"food|telly|tv|netflix|box sets|work|love|easter eggs|mince pies|sweets)\b|"
    r"\b(?:can not|can t|cant|could not) breathe in (?:these|this|those|my|the) (?:\w+ )?(?:jeans|"
    r"trousers|dress|corset|waistband|suit|top|bra|skirt|uniform|shirt)\b|"
    r"\bend it\W+(?:with )?(?:my|the|this) (?:gym|membership|contract|subscription|phone|lease|"
    r"relationship|marriage|job|tenancy|diet)\b"
)
#: Fear of an accidental cut, and the blood thinners that make one a worry.
_AFRAID_OF_A_CUT = (
    r"\b(?:scared|afraid|frightened|terrified|worried|nervous|wary|careful)(?: of| about| "
    r"not to)? (?:cutting|cut) my ?self\b"
)
_THIN_BLOOD = (
    r"bleed\w*|bruis\w*|warfarin|apixaban|rivaroxaban|edoxaban|dabigatran|blood thinners?|"
    r"anticoagulants?"
)
CATEGORY_VETOES: dict[str, re.Pattern[str]] = {
    "self_harm": re.compile(
        r"\b(?:cut|cutting|hurt|hurting|burnt|burned|harmed|injured) my ?self (?:while |when |"
        r"whilst |by |on |in |at |with |doing )?(?:the )?(?:shaving|cooking|chopping|falling|fell|"
        r"lifting|playing|gardening|garden|allotment|kitchen|the gym|work|accident|accidentally|"
        r"slipped|tripped|a knife|the kettle|the oven|the iron)\b|\baccidentally\b|"
        r"\bby accident\b|"
        # Afraid of an accidental cut on a blood thinner: "on the apixaban I bruise like a
        # peach and I'm scared of cutting meself".
        rf"{_AFRAID_OF_A_CUT}(?=.*\b(?:{_THIN_BLOOD}|garden\w*|shaving|cooking|kitchen)\b)|"
        rf"(?:\b(?:{_THIN_BLOOD})\b.*){_AFRAID_OF_A_CUT}|"
        r"\bcut my ?self (?:a|some|another)\b|"
        # Self-harm as the subject of someone's work or study.
        r"\b(?:see|deal with|work with|working with|nurse|nursing|dissertation|thesis|research|"
        r"study|studying|essay|leaflets?|training|course|lecture|teach|teaching) "
        r"(?:\w+ ){0,3}(?:on |about |in |around )?self ?-? ?harm\b.{0,30}\b(?:at work|every day|"
        r"in teenagers|in young people|patients|clients|students|leaflets?|any)\b"
    ),
    "stroke": re.compile(
        r"\b(?:sleep|slept|sleeping|lie|lying|lay|lean|leaning|leant|sit|sitting|sat|kneel|"
        r"kneeling) on (?:it|them|my (?:arm|hand|leg|elbow|foot))\b|"
        r"\b(?:goes|go|gets|get|going) (?:a bit )?(?:numb|weak|dead|tingly)\b.{0,40}\bwhen\b|"
        r"\bpins and needles\b|"
        r"\b(?:dentist|dental|cuff|local anaesthetic|local anesthetic|numbing)\b|"
        r"\bwith age\b|\bbotox\b|\bgetting older\b|\bageing\b|\baging\b|"
        r"\bbecause of (?:a|my|the) (?:cold|sore throat|cough|laryngitis|chest infection)\b|"
        r"\b(?:after|from) (?:the )?(?:dentist|injection|anaesthetic|anesthetic|filling)\b|"
        r"\bfrozen shoulder\b|\b(?:above|over) my head\b|\brotator cuff\b|\bfracture\b|"
        r"\bbroken\b|\b(?:wine|beer|pints|drunk|tipsy|alcohol|vodka|hangover|fizz|prosecco|"
        r"glasses of|cocktails)\b|\bpalsy\b|\bdyslexi\w*\b|\balways (?:have|has|had|do|did)\b|"
        r"\b(?:since|after) (?:the|my|his|her) (?:op|operation|fall|injury|surgery|anaesthetic|"
        r"anesthetic|stroke|strokes|tia|accident)\b"
    ),
    "breathing": re.compile(
        r"\bthrough (?:my |me )?nose\b|\bblocked nose\b|\bstuffy\b|\bbunged up\b|"
        r"\bwhen i (?:climb|walk up|go up|run|jog|exercise|do the|do my|hoover|vacuum|rush|"
        r"hurry)\b|\bon (?:the )?(?:stairs|hills)\b|\b(?:climbing|going up|walking up) "
        r"(?:the )?(?:stairs|hills)\b|\bafter (?:running|a run|exercise|the gym|climbing|"
        r"walking up)\b|\bfor (?:years|ages|months)\b|\bbeen like (?:that|this) for\b|"
        r"\brunning for the bus\b|\blaugh\w*\b"
    ),
    # Heavy periods described as how things are, with no sign of collapse now.
    "bleeding": re.compile(
        r"^(?!.*\b(?:faint\w*|dizzy|light ?headed|pass(?:ed|ing)? out|collaps\w*|pregnant|"
        r"right now|this morning|today|tonight|won'?t stop|will not stop|not stopping|minutes|"
        r"flooding|pouring|gushing|golf ball|fist)\b)"
        r".*\b(?:period|periods|menstrual|menstruation|time of the month|every month|each month|"
        r"monthly)\b"
    ),
    "harm_from_others": re.compile(
        r"\b(?:play|playing|plays|played|accident|accidentally|by mistake|teddy|pillow|ball|"
        r"joking|jokingly|tickle|tickling)\b"
    ),
}


@dataclass(frozen=True)
class Span:
    """A candidate match: word indices [start, end) inside one sentence's words."""

    category: str
    start: int
    end: int


def _clause_start(words: list[str], index: int, boundaries: frozenset[str]) -> int:
    for i in range(index - 1, -1, -1):
        if words[i] in boundaries or (words[i] == "now" and i and words[i - 1] in WEAK):
            return i + 1
    return 0


def _clause_end(words: list[str], index: int, boundaries: frozenset[str]) -> int:
    for i in range(index, len(words)):
        if words[i] in boundaries or (words[i] == "now" and i and words[i - 1] in WEAK):
            return i
    return len(words)


def _text(words: list[str], start: int, end: int) -> str:
    return " ".join(words[max(start, 0) : max(end, 0)])


def negated_before(words: list[str], span: Span) -> bool:
    """Tell whether a negation cue governs the span from earlier in its clause."""
    lo = max(_clause_start(words, span.start, WEAK), span.start - 6)
    if lo == span.start and lo >= 2 and words[lo - 1] in ("or", "nor"):
        # "not depressed or suicidal": the negation governs both sides of a short "or".
        lo = max(_clause_start(words, lo - 1, WEAK), lo - 5)
    for i in range(lo, span.start):
        following = words[i + 1] if i + 1 < len(words) else ""
        if words[i] in NEGATIONS and following not in PSEUDO:
            return True
    return False


def negated_after(after: list[str]) -> bool:
    """Tell whether the words after a span answer it with a bare 'no' ('chest pain? no')."""
    for position in range(min(3, len(after))):
        if after[position] not in PUNCT:
            continue
        rest = [w for w in after[position:] if w not in PUNCT]
        if not rest or rest[0] not in POST_NEGATIONS:
            return False
        index = after.index(rest[0], position)
        nxt = after[index + 1] if index + 1 < len(after) else ""
        return nxt == "" or nxt in PUNCT
    return False


def remote_past(words: list[str], span: Span) -> bool:
    """Tell whether the span's clause places it in the remote past or says it resolved.

    A plan right before the danger is never the past: "they want to cut my daughter in the
    summer" is about this summer.
    """
    if PLANNED_BEFORE.search(" ".join(words[max(0, span.start - 4) : span.start])):
        return False
    lo = _clause_start(words, span.start, STRONG)
    hi = _clause_end(words, span.end, STRONG)
    clause = _text(words, lo, hi)
    # "I'm 40 now and fine" says where life is now, not that the danger is.
    if PRESENT.search(LIFE_NOW.sub(" ", clause)) and not RESOLVED.search(clause):
        return False
    if REMOTE.search(clause):
        return True
    next_clause = words[hi + 1 : _clause_end(words, hi + 1, STRONG)] if hi < len(words) else []
    if next_clause[:1] in (["that"], ["it"], ["this"], ["which"]) and REMOTE.search(
        " ".join(next_clause)
    ):
        return True
    next_hi = _clause_end(words, hi + 1, STRONG) if hi < len(words) else hi
    return bool(RESOLVED.search(_text(words, span.start, next_hi)))


#: Later clauses with a "now" or "again" that say where life is now, not that the danger is
#: back: "I'm 45 now and well", "we're trying again", "the scars still bother me".
LIFE_NOW = re.compile(
    r"\b(?:(?:i am|i m|im|he is|she is|am|turned) \d+ now(?: and (?:fine|well|happy|ok|okay|"
    r"good|great|settled|doing well))?|now (?:i am |i m |im )?(?:remarried|married|retired|"
    r"happy|well|fine|ok|okay|good|great|better|doing (?:well|fine|great|ok)|settled|"
    r"in a good)|(?:happy|well|fine|great|settled) now)\b"
)
NOT_REVIVAL = re.compile(
    r"\b(?:trying again|pregnant again|scars?|on (?:my|his|her|the) (?:record|records|notes|"
    r"file))\b|" + LIFE_NOW.pattern
)


def revived_later(words: list[str], span: Span, following: list[str]) -> bool:
    """Tell whether a later clause says the danger is back or happening now."""
    hi = _clause_end(words, span.end, STRONG)
    rest = words[hi:] + following
    clauses: list[list[str]] = [[]]
    for word in rest:
        if word in STRONG or word in (".", "!", "?"):
            clauses.append([])
        else:
            clauses[-1].append(word)
    return any(
        PRESENT.search(text) and not RESOLVED.search(text) and not NOT_REVIVAL.search(text)
        for text in (" ".join(c) for c in clauses)
    )


def other_person(words: list[str], span: Span) -> bool:
    """Tell whether the span is about someone other than the writer."""
    inside = words[span.start : span.end]
    if any(w in FIRST for w in inside):
        return False
    if any(w in THIRD_INSIDE for w in inside):
        return True
    # The span's own clause first, before it then after it ("I tried to tell her, but the
    # words would not come and my face feels odd" is the writer's), then what went before.
    lo = _clause_start(words, span.start, STRONG)
    hi = _clause_end(words, span.end, STRONG)
    for i in range(span.start - 1, lo - 1, -1):
        if words[i] in FIRST:
            return False
        if words[i] in THIRD:
            return True
    for word in words[span.end : hi]:
        if word in FIRST:
            return False
        if word in THIRD_INSIDE:
            return True
    for i in range(lo - 1, -1, -1):
        if words[i] in FIRST:
            return False
        if words[i] in THIRD:
            return True
    return False


def other_now(words: list[str], span: Span) -> bool:
    """Tell whether another person's danger is happening now, as a carer would type it.

    A present or just-now marker must come before or inside the span in its clause ('my wife
    is clutching her chest', 'his mouth has dropped'); habits ('gets', 'sometimes') do not count.
    """
    lo = _clause_start(words, span.start, STRONG)
    hi = _clause_end(words, span.end, STRONG)
    if HABITUAL.search(_text(words, lo, hi)):
        return False
    return bool(OTHER_NOW.search(_text(words, lo, span.end)))


def habitual(words: list[str], span: Span) -> bool:
    """Tell whether the span is a recurring trigger ('I get a tight chest when I run')."""
    lo = _clause_start(words, span.start, STRONG)
    hi = _clause_end(words, span.end, STRONG)
    clause = _text(words, lo, hi)
    before = _text(words, lo, span.start + 1)
    return bool(HABIT.search(before) and TRIGGER.search(clause) and not PRESENT.search(clause))


def hypothetical(words: list[str], span: Span) -> bool:
    """Tell whether the span sits in an if-clause, a question about risk or a worry."""
    lo = _clause_start(words, span.start, STRONG)
    if HYPOTHETICAL.search(_text(words, lo, span.start + 1)):
        return True
    before = _text(words, lo, span.start)
    after = _text(words, span.end, _clause_end(words, span.end, STRONG))
    return bool(WORRY.search(before) and RECURRENCE.match(after))


def clinical(words: list[str], span: Span) -> bool:
    """Tell whether the span names a test, a clinic or a leaflet rather than a symptom."""
    after = words[span.end : span.end + 2]
    lo = _clause_start(words, span.start, STRONG)
    before = words[lo : span.start]
    return any(w in CLINICAL_AFTER for w in after) or any(w in CLINICAL_BEFORE for w in before)


def figurative(sentence: str, char_start: int, char_end: int) -> bool:
    """Tell whether an idiom ('dying to', 'will kill me if') overlaps the span."""
    return any(m.start() < char_end and m.end() > char_start for m in FIGURATIVE.finditer(sentence))


def category_veto(category: str, sentence: str) -> bool:
    """Tell whether the sentence holds a harmless explanation specific to the category."""
    veto = CATEGORY_VETOES.get(category)
    return bool(veto and veto.search(sentence))


def immediate(sentence: str) -> bool:
    """Tell whether the sentence says something is happening right now."""
    return bool(IMMEDIATE.search(sentence))
