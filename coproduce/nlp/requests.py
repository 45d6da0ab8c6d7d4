"""What a patient asks for rather than answers: a person to talk to, or something of the clinic.

- A call-back ("I'd rather talk to the doctor", "can someone ring me"): the bot offers to leave
  a call-back request with a number and a time that suits.
- A question or request for the clinician (is this medicine safe, should I stop a tablet, an
  earlier appointment, a fit note): the bot gives no advice, signposts, and lists it for the
  clinician. It is never stored as the answer to the open question.

The classifier's intents (`request_callback`, `ask_clinician`) are acted on only with these
words present, and these words alone are enough for a short message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FLAGS = re.IGNORECASE

_CALLBACK = re.compile(
    r"\b(?:(?:speak|talk|chat)(?:ing)? (?:to|with) (?:someone|somebody|(?:a |an |the |my |a real |"
    r"an actual |real )(?:[a-z]+ )?(?:person|human|someone|somebody|doctor|gp|nurse|"
    r"receptionist|reception|clinician|surgery|practice|people|one|dr|consultant|specialist))|"
    r"(?:call|ring|phone|bell) me|(?:call|"
    r"ring|phone)(?:ing)? (?:me )?back|call ?back|ring ?back|give me a (?:call|ring|bell)|"
    r"(?:rather|prefer) (?:to )?(?:talk|speak|phone|ring|see)|(?:is there|can i get|get me) "
    r"(?:a |an )?(?:human|real person|person|someone)|put me through|"
    r"don'?t do (?:computers|chatbots|bots|this online)|(?:can|could) (?:someone|somebody|the "
    r"(?:doctor|gp|nurse|surgery|practice|clinic)|a (?:doctor|nurse)) (?:call|ring|phone|contact)|"
    r"(?:someone|somebody|a person|the doctor|the nurse|the gp) (?:to )?(?:call|ring|phone|"
    r"could ring|could call) me|(?:rather|prefer) (?:if )?(?:someone|"
    r"somebody|a person|you) (?:rang|called|phoned|could|would|to)|"
    # Said formally: "grateful if someone from the practice could telephone me", "I should
    # still like the telephone call, please".
    r"(?:someone|somebody|a person|the doctor|the nurse|the gp)(?: (?:from|at) (?:the |my )?"
    r"(?:practice|surgery|clinic|hospital))? (?:to |could |would |can |will |might )?"
    r"(?:telephone|call|ring|phone|contact) me|telephone me|"
    r"(?:like|want|have|prefer|need|still like) (?:a |the )?(?:tele)?phone ?call|"
    # Wished for: "be easier if someone just rang me", "if you could phone me instead".
    r"\bif (?:someone|somebody|a person|you|the (?:doctor|nurse|gp|surgery|practice|clinic)) "
    r"(?:just |could |would |can |could just |would just )?(?:rang|rung|called|phoned|"
    r"telephoned|ring|call|phone|telephone) me"
    r")\b",
    _FLAGS,
)
# "Am I talking to a real person?" asks what the bot is, not for a call.
_ABOUT_THE_BOT = re.compile(
    r"\b(?:am i|are you|is this|is it|are we)\b.{0,20}\b(?:talking|speaking|chatting|a (?:real|"
    r"actual)|human|person|robot|bot)\b",
    _FLAGS,
)
# Talking to someone said as what another advised, or as what the visit is for ("my nurse
# said to speak to my GP about it", "I want to talk to the doctor about my knee"): an answer,
# not a request to be called, unless they would rather that than this chat.
_REPORTED_OR_AGENDA = re.compile(
    r"\b(?:said|says|told (?:me|us|him|her|them)|suggested|advised|recommended|asked (?:me|us) "
    r"to|wants? me to|was told|were told|got told)\b[^.?!]{0,30}\b(?:speak|talk|chat|see)\b|"
    r"\b(?:want|wanted|need|needed|like|hoping|hope|going|planning|meant|able|get)(?: to)? "
    r"(?:to )?(?:speak|talk|chat|discuss)(?:ing)? (?:to|with)\b[^.?!]{0,40}\babout\b",
    _FLAGS,
)
_INSTEAD = re.compile(
    r"\b(?:rather|prefer|instead|just speak|just talk|can i just|this typing|typing is|"
    r"(?:call|ring|phone|bell) me|call ?back|ring ?back|not this|than this|than typing)\b",
    _FLAGS,
)
_NO_CALL = re.compile(
    r"\b(?:don'?t|do not|no need to|no) (?:call|ring|phone)|no thanks?\b|not now\b|never ?mind\b",
    _FLAGS,
)

_MEDICINE_WORD = (
    r"(?:tablets?|pills?|meds?|medicines?|medication|dose|doses|inhaler|injections?|insulin|"
    r"patch|cream|antibiotics?|statins?|[a-z]*(?:pril|olol|statin|dipine|azole|prazole|mab|"
    r"cycline|cillin|xetine|oxetine|azepam|pam|sartan|formin|gliptin|triptan|codeine|amol|"
    r"profen|oxine|thyroxine|tadine|pramine|triptyline|gabalin|pentin|semide|thiazide|parin|"
    r"xaban|gatran|farin|olone|asone|sone|lamine|xacin|mycin))"
)
_MEDICINE_ASK = (
    r"(?:safe|ok(?:ay)?|alright|can i|should i|do i|is it|stop|start|change|switch|lower|"
    r"reduce|increase|double|skip|come off|take|mix|interact|side effects?)"
)
_MEDICINE = re.compile(
    rf"\b{_MEDICINE_ASK}\b.{{0,60}}\b{_MEDICINE_WORD}\b|\b{_MEDICINE_WORD}\b.{{0,40}}\b"
    rf"{_MEDICINE_ASK}\b",
    _FLAGS,
)
_APPOINTMENT = re.compile(
    r"\b(?:earlier|sooner|quicker|urgent|emergency|change|move|cancel|rearrange|reschedule|"
    r"book|another|longer|double|home visit|phone) (?:appointment|appt|slot|visit|one|time)|"
    r"\bbe seen (?:sooner|earlier|quicker|today|this week)|\bappointment (?:sooner|earlier)\b|"
    r"\b(?:can|could) i (?:come|be seen|see (?:the|a|my)) (?:in )?(?:sooner|earlier|today|"
    r"tomorrow|this week)",
    _FLAGS,
)
_OTHER_REQUEST = re.compile(
    r"\b(?:fit note|sick note|sicknote|med ?3|repeat prescription|prescription|referral|refer "
    r"me|my (?:test |blood )?results?|results back|what'?s my diagnosis|what is my diagnosis|"
    r"diagnose|scan results|letter for|housing letter|blue badge|forms? signed|can i bring|do i "
    r"need to (?:fast|bring|stop)|should i (?:fast|bring))\b",
    _FLAGS,
)
_ASKS = re.compile(
    r"\?|^\W*(?:can|could|should|shall|is|are|do|does|will|would|may|what|when|how|why|which|"
    r"who)\b|\b(?:i (?:want|need|would like|'d like) (?:to know|a|an|my|to get|to be seen|"
    r"to have)|please (?:can|could)|i was wondering|wondering if|tell me (?:if|whether|what))\b",
    _FLAGS,
)

# A request said as a want, not a question: "need a sick note", "after a referral".
_WANTS = re.compile(
    r"\b(?:need|needs|needed|want|wanted|would like|'d like|after|looking for|get me|please|"
    r"hoping for|hope to get|for a|for my)\b",
    _FLAGS,
)


@dataclass(frozen=True)
class ClinicianQuestion:
    """A question or request for the clinic, with what kind it is (for the signpost)."""

    kind: str  # "medicine" | "appointment" | "other"


# Words a request for a person always has somewhere: the classifier's `request_callback` is
# believed only with one of them ("tell me the numbers are fine and let me go" has none).
_CONTACT_WORD = re.compile(
    r"\b(?:call|calls|ring|phone|bell|person|people|human|someone|somebody|speak|talk|chat|"
    r"real|robot|bot|computer|machine|nurse|doctor|gp|receptionist|reception|surgery|practice|"
    r"clinic|contact|number|mobile)\b",
    _FLAGS,
)


#: Talking about a thing is what they want from the visit, not a person to talk to: "Talk
#: about preventers, and check if the pill is safe".
_TALK_ABOUT = re.compile(
    r"\b(?:talk|talking|speak|speaking|chat|chatting) (?:about|through|over)\b", _FLAGS
)


def mentions_contact(text: str | None) -> bool:
    """True when the text has a word a request to talk to a person is made with."""
    return bool(_CONTACT_WORD.search(_TALK_ABOUT.sub(" ", text or "")))


#: "Someone" and "somebody" spelt as said: "can i just speak to sumbody", "sum1".
_SOMEONE_SPELT = re.compile(r"\b(?:sumbody|sumbdy|sumbod|smbdy|sum1|some1|sumone|sumwun)\b", _FLAGS)


def _as_spelt(match: re.Match[str]) -> str:
    return "somebody" if "b" in match.group(0).lower() else "someone"


def wants_callback(text: str | None) -> bool:
    """True when the patient asks to talk to a person or to be called instead."""
    cleaned = _SOMEONE_SPELT.sub(_as_spelt, text or "")
    if _ABOUT_THE_BOT.search(cleaned):
        return False
    if not _CALLBACK.search(cleaned) or _NO_CALL.search(cleaned):
        return False
    return not (_REPORTED_OR_AGENDA.search(cleaned) and not _INSTEAD.search(cleaned))


#: Words in a message beyond which a call-back request is also an answer to the question.
_ANSWER_WORDS = 12
_LONG_ANSWER_WORDS = 30


def says_more_than_the_request(text: str | None) -> bool:
    """True when a message that asks for a person is also an answer in its own right.

    "I cry every day ... I think I need to talk to someone" answers "what do you want from
    this visit?" as well as asking for someone; "I'd rather talk to a person, I don't do
    computers" only asks. A long message is an answer however it ends.
    """
    words = len(_CALLBACK.sub(" ", text or "").split())
    if words >= _LONG_ANSWER_WORDS or (words >= _ANSWER_WORDS and not _INSTEAD.search(text or "")):
        return True
    # "I go dizzy when I get up and I worry about falling. Can somebody ring me instead": the
    # sentences that neither ask nor say why not this chat are an answer.
    apart = [
        sentence
        for sentence in _SENTENCE_END.split(text or "")
        if not (
            _CALLBACK.search(sentence)
            or _INSTEAD.search(sentence)
            or _ABOUT_THE_CHAT.search(sentence)
        )
    ]
    return sum(len(sentence.split()) for sentence in apart) >= _ANSWER_WORDS


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
#: Why not this chat: "I'm no good with computers", "my eyes aren't up to the screen".
_ABOUT_THE_CHAT = re.compile(
    r"\b(?:computers?|phones?|typing|type|technology|tech|online|internet|screen|eyes|eyesight|"
    r"keyboard|app|website|chat ?bot|this (?:chat|thing)|good (?:at|with) (?:this|these|that))\b",
    _FLAGS,
)


def clinician_question(text: str | None, *, classified: bool = False) -> ClinicianQuestion | None:
    """Return the kind of question or request for the clinic a message is, if it is one.

    Args:
        text: what the patient typed.
        classified: the NLU intent was `ask_clinician` (a request need not then be phrased
            as a question).
    """
    cleaned = text or ""
    if not (_ASKS.search(cleaned) or classified):
        return None
    asks = bool(_ASKS.search(cleaned))
    if asks and _MEDICINE.search(cleaned):
        # Only a question: "having to take the levothyroxine before breakfast" is a burden.
        return ClinicianQuestion("medicine")
    if _APPOINTMENT.search(cleaned):
        return ClinicianQuestion("appointment")
    if _OTHER_REQUEST.search(cleaned) and (asks or _WANTS.search(cleaned)):
        return ClinicianQuestion("other")
    return ClinicianQuestion("other") if classified and asks else None


_PHONE = re.compile(r"(?:\+\s?44\s?\(?0?\)?|0)(?:[\s\-.()]*\d){9,10}")
_INTERNATIONAL = re.compile(r"\+\s?[1-9](?:[\s\-.()]*\d){7,13}")
# A number as written elsewhere, in groups: "0491 570 110", "555-123-4567", "(02) 9876 5432".
_LOCAL = re.compile(r"(?<![\d+])\(?\d{2,6}\)?(?:[\s\-.]{1,2}\(?\d{2,6}\)?){1,4}(?!\d)")
_LOCAL_DIGITS = range(8, 13)
#: "0044 7700 900123", "0061 ...": the international prefix dialled as "00".
_DIALLED_ABROAD = re.compile(r"(?<![\d:.])00(?=\s?[1-9])")


def phone_in(text: str | None) -> str | None:
    """Return a phone number from the text, or None.

    A UK number is normalised ("07700 900123"), an international one written with its "+"
    ("+14155550134"); a number written another way in groups ("0491 570 110") is kept as
    written, for the clinic to dial.
    """
    said = _DIALLED_ABROAD.sub("+", text or "")
    match = _PHONE.search(said)
    uk = _uk_number(match.group(0)) if match else None
    if uk is not None:
        return uk
    other = _INTERNATIONAL.search(said)
    if other:
        return "+" + re.sub(r"\D", "", other.group(0))
    return _local_number(said)


def _uk_number(found: str) -> str | None:
    digits = re.sub(r"\D", "", found)
    if digits.startswith("44"):
        digits = "0" + digits[2:]
    if digits.startswith("00"):
        return None
    if digits.startswith("07"):
        return f"{digits[:5]} {digits[5:]}" if len(digits) == 11 else None
    if digits[:2] in ("01", "02", "03", "08") and len(digits) in (10, 11):
        return f"{digits[:5]} {digits[5:]}" if digits.startswith("01") else digits
    return None


def _local_number(text: str) -> str | None:
    for match in _LOCAL.finditer(text):
        found = match.group(0)
        if (
            len(re.sub(r"\D", "", found)) in _LOCAL_DIGITS
            and not _DATE.fullmatch(found)
            and "nhs" not in text[max(0, match.start() - 25) : match.start()].lower()
        ):
            return " ".join(found.split())
    return None


#: Groups that are a date ("12 03 1950"), not a number to ring.
_DATE = re.compile(r"(?:0?[1-9]|[12]\d|3[01])[\s\-.]+(?:0?[1-9]|1[0-2])[\s\-.]+(?:19|20)\d\d")


def time_preference(text: str | None) -> str | None:
    """Return what the patient says about when to call, with the number taken out."""
    rest = _INTERNATIONAL.sub(" ", _PHONE.sub(" ", _DIALLED_ABROAD.sub("+", text or "")))
    local = _local_number(rest)
    if local is not None:
        rest = rest.replace(local, " ")
    rest = re.sub(r"\b(?:my (?:number|mobile|phone) is|number is|it'?s|on|call me)\b", " ", rest)
    rest = re.sub(r"\(\s*\)", " ", rest)
    rest = " ".join(rest.replace(",", " ").split()).strip(" .-;:")
    if rest.count("(") != rest.count(")"):
        rest = rest.strip(" ()")  # the bracket of "(02) 9876 5432" left behind
    return rest or None
