"""Words that must be present before a message is taken as a command rather than an answer.

The intent classifier is good at telling an answer from a question, but on a few words it can
be sure and wrong: "next door neighbour" came out as don't-know, "how long I can walk" as a
question about how long the chat takes, "scrap that" as delete-my-answers, "money" as a
greeting. Acting on those loses the answer (or, for deletion, everything). So each control
intent is acted on only when the message also carries that intent's own words; otherwise the
message is an answer.
"""

from __future__ import annotations

import re

from coproduce.nlp.skip import SAID_AGAIN

_FLAGS = re.IGNORECASE
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})


def _clean(text: str | None) -> str:
    return " ".join((text or "").translate(_APOSTROPHES).lower().split())


_GREETING = re.compile(
    r"^\W*(?:(?:hi+|hello+|hey+|hiya|howdy|helo|hullo|hallo|yo|greetings|good (?:morning|"
    r"afternoon|evening|day)|morning|afternoon|evening|ello)\b[\s,.!?]*)+(?:there|again|all|"
    r"everyone|bot|love|dear|to you)?\W*$",
    _FLAGS,
)
_GOODBYE = re.compile(
    r"^\W*(?:ok(?:ay)?\W+)?(?:bye+(?: bye)?|good ?bye|cheerio|ta ?ta|"
    r"see (?:you|ya)(?: later| soon)?|cya|good ?night|night night|later|laters|"
    r"that'?s all(?: for now)?|i'?m done(?: for now)?|"
    r"i am done(?: for now)?)(?:\W+(?:for now|then|now|thanks|thank you|love))*\W*$|"
    # "I have to go now" leaves; "I'll have to stop work" is an answer.
    r"\b(?:got to|gotta|have to|need to|must) (?:go|dash|run|stop)(?:,? (?:now|for now|here|"
    r"soon|sorry|bye|thanks|in a (?:sec|minute|min|bit)))*\s*(?:[.!,]|$)|"
    r"\b(?:talk|speak|chat) (?:to you )?later\b|\b(?:come back|carry on|finish|continue|do "
    r"(?:this|the rest)) (?:to (?:this|it) |this |it |the rest )?(?:later|another time|"
    r"tomorrow)\b|"
    r"\b(?:stop|pause) (?:here|for now|for today|now)\b",
    _FLAGS,
)
_PAUSE = re.compile(
    r"^\W*(?:hang on|hold on|wait|one (?:sec|second|moment|minute|min)|just a (?:sec|second|"
    r"moment|minute|min)|bear with me|brb|be right back|give me a (?:sec|second|moment|minute))"
    r"\b.{0,60}$",
    _FLAGS,
)
_DELETE = re.compile(
    r"\b(?:delete|erase|wipe|destroy|remove|scrub|get rid of|clear)\b.{0,40}\b(?:my (?:answers|"
    r"data|details|information|info|records?|replies|responses)|everything|all (?:of )?(?:it|this|"
    r"that|my answers|my data)|what i(?:'ve| have)? (?:said|wrote|written|told you|typed|put)|"
    r"(?:this|the) (?:conversation|chat))\b|\b(?:delete|erase|remove|forget) me\b(?! out| off)|"
    r"\b(?:delete|erase|wipe)\b (?:it|them|it all|all of it|the lot)\b|"
    r"\b(?:don'?t|do not) want (?:you|it|them) to (?:keep|store|save|have)\b|"
    r"\bforget (?:about )?(?:me|everything|all (?:of )?(?:it|this|that)|what i (?:said|wrote|"
    r"told you))\b|\b(?:don'?t|do not) (?:keep|store|save) (?:any of )?(?:this|my answers|"
    r"anything|what i said)\b",
    _FLAGS,
)
_FAQ: dict[str, re.Pattern[str]] = {
    "ask_how_long": re.compile(
        r"\bhow long\b.{0,30}\b(?:this|it|take|takes|left|more|questions?|still|going to|will)\b|"
        r"\bhow many (?:more )?questions\b|\bhow much (?:longer|more)\b|"
        r"\b(?:nearly|almost) (?:done|finished|there|over)\b|\bmany more\b",
        _FLAGS,
    ),
    "ask_why": re.compile(
        r"\bwhy\b.{0,40}\b(?:you|this|these|ask|asking|need|want to know|questions?|do i have|"
        r"should i|it matter|bother|for)\b|\bwhat(?:'s| is) (?:this|it|the point)\b|"
        r"\bwhat (?:is|are) (?:this|these) (?:for|about)\b|\bwhat for\b|"
        # A question back about the question: "why only one?", "why does that matter?".
        r"^\W*why (?:\w+ )?(?:only|that|this|those|these)\b|\bdoes (?:that|it) matter\b|"
        r"\b(?:normal|strange|weird|odd|funny) (?:thing|question) to ask\b|"
        r"\bwhat'?s (?:that|this) (?:got )?to do with\b|\bhow is (?:that|this) relevant\b",
        _FLAGS,
    ),
    "ask_who_sees": re.compile(
        r"\b(?:who|whom|which)\b.{0,40}\b(?:see|sees|seen|read|reads|look|looks|get|gets|"
        r"access|share|shared|have|know)\b|\b(?:gp|doctor|nurse|clinician|consultant|nhs|data|"
        r"private|privacy|confidential|shared?(?![\s-]+care\b)|secure|stored|kept|saved|my answers|"
        r"insurance|my record|my records|my notes|my file|on file|on my record)\b",
        _FLAGS,
    ),
    "bot_challenge": re.compile(
        r"\b(?:bot|robot|computer|machine|real person|human|a person|ai|automated|chatgpt|"
        r"talking to|real)\b",
        _FLAGS,
    ),
}
_DONT_KNOW_WORDS = re.compile(
    r"\b(?:d+u+n+o+|dno|idk|know|kno|knw|sure|unsure|idea|clue|skip|pass|rather|prefer|"
    r"comment|n/?a)\b",
    _FLAGS,
)
_NONE = re.compile(
    # "said no", "ah said nothing": the same none, said again.
    rf"^\W*(?:(?:um+|erm+|well|honestly|sadly|not really|no|nope|nah|{SAID_AGAIN})\W+)*"
    r"(?:nothing|none|"
    r"no ?one|no ?body|nobody|not really|not much|not a lot|nothing much|nothing really|"
    r"none really|no one really|nothing at all|none at all|nothing comes to mind|"
    r"can'?t think of (?:anything|anyone|any)|not applicable|n/?a|nil|no|nope|nah|"
    r"(?:none|nothing) to speak of|i live (?:alone|on my own|by myself)|"
    r"i (?:manage|cope|do it|get by) (?:on my own|alone|by myself)|just me|only me|myself)"
    r"(?:\W+(?:really|at all|i'?m afraid|sorry|thank you|thanks|i live alone|i live on my own|"
    r"i manage on my own|i manage|i cope|to be honest|tbh|just me|on my own|i'?m on my own|"
    r"everything'?s fine|it'?s fine|all fine|that i can think of|comes to mind|at the (?:minute|"
    r"moment)|right now|just now|these days|lately|for now))*\W*$",
    _FLAGS,
)
_NOT_UNDERSTOOD = re.compile(
    r"\b(?:(?:don'?t|do not|dont) know what you mean|what do(?:es)? (?:the|that|this|a|your|"
    r"\d+|zero|ten|nought) (?:\w+ )?(?:mean|stand for)|"
    # "how would anyone know that?": the question is not yet clear to them.
    r"how (?:would|could|can|should|do) (?:anyone|anybody|i|you|one) (?:know|tell|say|measure)"
    r"(?: that| this)?(?=\s*\??\s*$)|(?:don'?t|do not|dont|didn'?t|did not) (?:understand|"
    r"follow)(?: (?:the|that|this|your) question| you| what you mean| it)?|(?:don'?t|do not|dont|"
    r"didn'?t|did not) get (?:(?:the|that|this|your) question|you|what you mean|it)(?! (?:any|"
    r"much|a|the|to|better|worse))|what do you mean|what does (?:that|this|it) "
    r"mean|not sure what you mean|(?:i'?m|i am) (?:confused|lost)|(?:can|could) you "
    r"(?:explain|rephrase|say (?:that|it) (?:again|differently))|(?:what|which) do you want me "
    r"to (?:say|put|write)|how do you mean|meaning what|"
    # A question back about the question: "do you mean this appointment or the whole thing?".
    r"(?:^|[.!?,]\s*|sorry\s+)(?:do|did) you mean|(?:like|such as) what(?=\s*\??\s*$)|"
    r"in what (?:way|sense)(?=\s*\??\s*$))\b",
    _FLAGS,
)
_CONFIRM = re.compile(
    r"^\W*(?:(?:yes|yep|yeah|yup|yea|ya|aye|ok|okay|correct|right|perfect|lovely|great|fine|good|"
    r"brilliant|grand|brill|smashing|champion|cracking|fab|fabulous|wonderful|excellent|"
    r"marvellous|super|sound|spot on|bang on|accurate|all accurate|exactly right|just right|"
    r"looks (?:good|right|fine|great|accurate|ok|okay)(?: to me)?|"
    r"sounds (?:good|right|fine|accurate)|that'?s (?:it|right|fine|correct|lovely|perfect|great|"
    r"grand|all|accurate|me|everything|"
    r"spot on|brilliant|about right)|that is (?:right|correct|fine)|it'?s (?:right|"
    r"correct|fine|good|all (?:good|fine|correct|right))|all (?:good|correct|right|fine)|"
    r"(?:thank you|thanks|ta|cheers)(?: very much| so much)?|love|dear|exactly|indeed|"
    r"absolutely|definitely|(?:as|fine as) it is|nothing to (?:change|add)|no changes?)"
    r"\b[\s,.!]*)+$",
    _FLAGS,
)
_NO_CHANGE = re.compile(
    r"^\W*(?:(?:no|nope|nah|nothing|none|cancel|never ?mind|leave it|leave it as it is|it'?s "
    r"fine(?: as it is)?|that'?s fine|all fine|all good|fine|don'?t (?:want to )?change (?:it|"
    r"anything)|i don'?t want to change anything|no changes?|nothing to change|keep it(?: as it "
    r"is)?|it'?s (?:ok|okay|right|correct)|ok(?:ay)?|thanks?|thank you|no thanks?|no thank "
    r"you|as it is|it'?s all (?:fine|good|right|correct))\b[\s,.!]*)+$",
    _FLAGS,
)


_SAFE_YES = re.compile(
    r"^\W*(?:yes|yeah|yep|yup|aye|ya|i'?m (?:safe|fine|ok|okay|alright|all right)|i am (?:safe|"
    r"fine|ok|okay|alright)|safe|fine|ok|okay|all good|it'?s fine|i'?m good|all fine)\b",
    _FLAGS,
)
_SAFE_NO = re.compile(
    r"^\W*(?:no|nope|nah|not (?:really|safe|sure)|i'?m not(?: safe)?|i am not(?: safe)?|"
    r"i don'?t (?:think|know)|help)\b",
    _FLAGS,
)


def safe_answer(text: str | None) -> str | None:
    """Read the answer to "are you safe to carry on?": "affirm", "deny" or None.

    "yes, it's just my periods" is a yes; anything starting with no or not is a no (safety
    first: a no repeats the emergency guidance).
    """
    said = _clean(text)
    if _SAFE_NO.match(said):
        return "deny"
    if _SAFE_YES.match(said):
        return "affirm"
    return None


_EARLIER = re.compile(
    r"^\W*(?:(?:sorry|oops|whoops|actually|wait|hang on|oh|no|correction|erm|um)\W+)*"
    r"(?:i meant|i mean|meant to say|i should have said|should (?:say|be|have said)|it should "
    r"(?:say|be)|go back|can (?:we|i) go back|change (?:what i said|(?:my|the|that) "
    r"(?:answer|bit|part)|(?:my|the) \w+(?: \w+)? (?:answer|bit|part)\b)|the (?:first|last|"
    r"previous|earlier|other) (?:answer|one|bit|question)|(?:my|the) \w+(?: \w+)? (?:bit|"
    r"answer|part) (?:should|is wrong))\b|"
    # "no, my son not my daughter": a correction names what it replaces ("not my daughter");
    # "No injections. Not happening", "No antidepressants. And not a group" and "no, I'm not
    # worried" are answers: the "not" is in the same sentence as the no.
    r"^\W*(?:sorry|oops|whoops|actually|wait|hang on|hold on)\W+[^.!?\n]{0,60}\b(?:not|"
    r"instead of|rather than)\b|"
    r"^\W*no\W+[^.!?\n]{0,60}\b(?:not|instead of|rather than) (?:my|the|a|an|his|her|our|their|"
    r"that|this|what i said)\b",
    _FLAGS,
)


def corrects_earlier(text: str | None) -> bool:
    """True when the message opens by correcting something said before ("sorry I meant")."""
    return bool(_EARLIER.match(_clean(text)))


def is_greeting(text: str | None) -> bool:
    """True when the message is only a greeting ("hi", "good morning there")."""
    return bool(_GREETING.match(_clean(text)))


def is_goodbye(text: str | None) -> bool:
    """True when the patient says they are leaving or stopping for now."""
    return bool(_GOODBYE.search(_clean(text)))


def is_pause(text: str | None) -> bool:
    """True when the patient asks the bot to wait ("hang on, the doorbell's going").

    "wait, go back, what matters most is my wife not work" is a correction, not a pause.
    """
    said = _clean(text)
    return bool(_PAUSE.match(said)) and not corrects_earlier(said)


def asks_to_delete(text: str | None) -> bool:
    """True when the patient explicitly asks for their answers to be deleted."""
    return bool(_DELETE.search(_clean(text)))


def asks_faq(intent: str | None, text: str | None) -> bool:
    """True when the message carries the words of the question the intent names."""
    pattern = _FAQ.get(intent or "")
    return bool(pattern and pattern.search(_clean(text)))


def sounds_like_dont_know(text: str | None) -> bool:
    """True when a short message has a don't-know or skip word in it (typos allowed)."""
    return bool(_DONT_KNOW_WORDS.search(_clean(text)))


def is_none_answer(text: str | None) -> bool:
    """True when the answer says there is nothing or nobody ("nothing really", "no one")."""
    return bool(_NONE.match(_clean(text)))


_HEDGED = re.compile(
    r"^\W*(?:(?:um+|erm+|well|hmm+|honestly)\W+)*(?:not really|not much|nothing really|"
    r"not especially|not particularly|not as such|nothing (?:in )?particular|not that i know)\b",
    _FLAGS,
)


# "It's fine I suppose", "all ok really": fine, with a hedge on it.
_FINE_HEDGED = re.compile(
    r"^\W*(?:(?:um+|erm+|well|hmm+|honestly|oh)\W+)*(?:it'?s|its|they'?re|theyre|all|"
    r"everything'?s|everythings|it is|mostly|generally)\W+(?:fine|ok|okay|alright|all right|"
    r"manageable|not too bad|not bad)\W+(?:i suppose|i guess|i think|mostly|really|on the whole|"
    r"i s'?pose|spose|tbh|to be honest)\W*$",
    _FLAGS,
)


def is_hedged_none(text: str | None) -> bool:
    """True for a "nothing" said with a hedge ("not really", "nothing in particular").

    Unlike a plain "no", a hedge often holds back something the patient would say if asked
    once more, gently.
    """
    said = _clean(text)
    return bool(_HEDGED.match(said)) and is_none_answer(said)


def is_hedged_fine(text: str | None) -> bool:
    """True for "fine" said with a hedge on it ("it's fine I suppose", "all ok really")."""
    return bool(_FINE_HEDGED.match(_clean(text)))


#: The whole message asks what the question means: "What you mean?", "wat u mean", "meaning?".
_WHAT_YOU_MEAN = re.compile(
    r"^\W*(?:wh?at (?:do |does )?(?:you|u|ya) mean(?: by (?:that|this|it))?|meaning)\W*$",
    _FLAGS,
)


def not_understood(text: str | None) -> bool:
    """True when the patient says they do not understand the question."""
    cleaned = _clean(text)
    return bool(_NOT_UNDERSTOOD.search(cleaned) or _WHAT_YOU_MEAN.match(cleaned))


def confirms(text: str | None) -> bool:
    """True when the message only agrees ("yes that's lovely thank you", "spot on ta")."""
    return bool(_CONFIRM.match(_clean(text)))


def wants_no_change(text: str | None) -> bool:
    """True when the patient, asked what to change, says nothing needs changing."""
    return bool(_NO_CHANGE.match(_clean(text)))
