"""Classify treatment-burden answers into PETS/TBQ-style domains."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span

from coproduce.nlp import patterns
from coproduce.nlp.burden_domains import settled_domain
from coproduce.nlp.letters import letter_body
from coproduce.nlp.lists import closes_the_answer, is_list_marker
from coproduce.nlp.pipeline import get_nlp
from coproduce.nlp.segment import item_spans

BURDEN_CATEGORIES = (
    "medications",
    "appointments",
    "tests_monitoring",
    "costs",
    "side_effects",
    "information",
    "other",
)

# The more specific domain wins when an item names several: "the tablets make me sick" is about
# side effects, "can't afford the parking" about costs, "waiting for test results" about tests.
_PRIORITY: tuple[tuple[str, str], ...] = (
    (patterns.SIDE_EFFECT, "side_effects"),
    (patterns.COST, "costs"),
    (patterns.INFORMATION, "information"),
    (patterns.TEST_MONITORING, "tests_monitoring"),
    (patterns.MEDICATION, "medications"),
    (patterns.SELF_CARE, "other"),
    (patterns.APPOINTMENT, "appointments"),
)
_HEADINGS = dict(_PRIORITY)
# Professionals named as people still point at a domain: seeing the GP is an appointment.
_PROFESSIONAL_LABELS = {
    "gp": patterns.APPOINTMENT,
    "nurse": patterns.APPOINTMENT,
    "pharmacist": patterns.MEDICATION,
}


# Getting to where a treatment is given, and the time it takes.
_DISTANCE = re.compile(
    r"\b(?:each way|miles?|bus|buses|taxi|train|trip|journey|drive|an hour away|hours away|"
    r"hospital transport|travel\w*|all the way)\b"
)
_TIME_AWAY = re.compile(r"\b(?:half (?:a )?day|day off|days off|time off)\b")
# Said of a treatment not otherwise named: mostly a medicine the patient takes.
_NO_EFFECT = re.compile(
    r"\b(?:did|does|do|doing) (?:nothing|zilch|nowt|naff all|sod all|bugger all)\b|"
    r"\b(?:didn'?t|doesn'?t|don'?t|never|not) (?:work|working|help|helping|touch|touching)\b|"
    r"\bmade no difference\b|\bmakes no difference\b|\bhad no effect\b"
)


# What nobody has told, given or answered, however it is said: "no one's ever told me about the
# diet", "no one has ever given us a written asthma plan", "never had a clear answer on it".
_UNTOLD = re.compile(
    r"\b(?:no ?one|nobody|no-one|naebody)(?:'s|s| has| have| had| ever| is| will| would| can| "
    r"could| did| really){0,3} (?:told|tell|tells|explain\w*|said|say|says|given|give|gave|"
    r"shown|show|showed|answer\w*|gone through|went through|mentioned|discussed|talked|spoke|"
    r"spoken|talk to|speak to|warned|warns|warn|contacted|written|wrote|got back|"
    r"been in touch|bothered to (?:tell|explain|say))\b|"
    # Told to do something and left to it: "told to improve sleep hygiene without any
    # specific instructions".
    r"\bwithout (?:any |much |a |an |proper )?(?:specific |real |clear |proper )?"
    r"(?:instructions?|explanation|explaining|advice|guidance|information|info|details)\b|"
    r"\bnever (?:been |had |got |get |given |really |once )?(?:told|explained|given|shown|a clear|"
    r"an answer|any answer|a straight|a proper|a real)\b|"
    r"\b(?:clear|straight|proper|real|no) answers?\b|\bwritten (?:\w+ )?plan\b|"
    r"\b(?:don'?t|dont|do not|didn'?t|did not|doesn'?t|doesnt|does not) (?:even |really )?(?:know|"
    r"no|kno|understand) (?:how|what|where|who|when|if|whether|which|why)\b|"
    r"\bnever (?:got|get|heard|hear|had|received|saw|seen|see) (?:the |my |any |his |her |"
    r"about )?results?\b|\bresults?,? (?:i|we) never (?:hear|heard|get|got|see|saw)\b|"
    r"\b(?:no ?one|nobody|no-one)(?: \w+){0,2} (?:to )?(?:know|knows|understand|understands)\b"
)
_MONEY = re.compile(r"£|\bquid\b|\bpounds?\b|\bmoney\b|\bpay\b|\bwages?\b|\bfares?\b")
# An amount of money however it is written: "€60 each time", "the parking is 12 pounds",
# "R350 a month"; not a weight ("put on 20 pounds").
_AMOUNT = re.compile(
    r"[£$€₹₦]\s?\d|\b\d+(?:[.,]\d+)?\s?(?:pounds?|quid|dollars?|bucks|euros?|rupees?|naira|"
    r"rand|cedis?|shillings?|p|grand)\b|\b(?:rs\.?|r|ksh|gh₵)\s?\d{2,}\b|"
    r"\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|few|couple of)(?:[ -]\w+)? "
    r"(?:grand|quid|pounds?)\b|"
    # A price in pounds and pence without its sign: "prescriptions are like 9.90 each".
    r"\b\d+\.\d\d\s?(?:each|a|an|per|every|for)\b"
)
# Money not earned: "lose a morning's earnings", "half a day's billing", "a day off unpaid".
_EARNINGS = re.compile(
    r"\b(?:earnings|income|billing|unpaid|wages?|salary|(?:a |one |half a )?day'?s pay|"
    r"out of pocket)\b"
)
_WEIGHT = re.compile(r"\b(?:put on|gained|gain|gaining|lost|lose|losing|weigh\w*|heavier)\b")
# Being told it is nothing: "keep being told it's normal", "said it's probably anxiety".
_DISMISSED = re.compile(
    r"\b(?:told|tells?|telling|says?|said|saying)(?: me| us| her| him)? ['\"\u2018\u201c]?"
    r"(?:that )?(?:it'?s|its|it is|that'?s|it was|i'?m|she'?s|he'?s) ['\"\u2018\u201c]?"
    r"(?:just |only |all |probably |likely |nothing but )?"
    r"(?:normal|nothing|fine|anxiety|in my head|in (?:her|his) head|stress|my age|(?:her|his) age|"
    r"age|hormones|a virus|viral|wear and tear)\b"
)
# What a treatment takes out of them that is not money: "costs her weeks of crash".
_COSTS_TIME = re.compile(
    r"\bcost(?:s|ing)? (?:me|her|him|us|them) (?:a |an |the |\w+ )?(?:days?|weeks?|hours?|"
    r"mornings?|afternoons?|energy|sleep|crash|crashes|spoons)\b"
)
# How care is run or how they are treated, which writers file as "other" whatever service is
# named: services not talking to each other, being judged or not believed, forms, equipment.
_COORDINATION = re.compile(
    r"\b(?:talk(?:s|ing)? to (?:each|one) other|passed (?:between|about|around|back and forth)|"
    r"(?:nobody|no one|no-one|noone)(?:'s| is| seems to be| really)? in charge|joined.?up|"
    r"joins? (?:it|things) up|shared care|each (?:says?|blames?|thinks?|reckons?)|"
    r"both (?:say|think|blame)|blame each other|the other says|what the other (?:is|are) doing|"
    r"know what (?:each other|the other)|"
    # Each service sending them to the other: "the GP says ask the clinic", "says it's the
    # GP's job".
    r"says? (?:to )?(?:ask|check with|ring|contact|go back to|speak to|talk to) (?:the |my |"
    r"your )?(?:gp|clinic|hospital|surgery|consultant|team|specialist|rheumatology|cardiology|"
    r"neurology|urology|dermatology|oncology|practice)|(?:it'?s|its|it is) (?:the )?\w+(?:'s|s) "
    r"job|pillar to "
    r"post|whose job|wants to own|(?:don'?t|doesn'?t|do not|never) share|the messenger|"
    r"go[- ]between|bounced between|back and forth between)\b"
)
_ATTITUDE = re.compile(
    r"\b(?:look(?:s|ed)? at (?:me|him|her|us) like|judg\w*|(?:not|n'?t|never) believ\w*|"
    r"don'?t believe|didn'?t believe|dismiss\w*|fobbed|fob (?:me|us|him|her) off|rude|"
    r"deadname|like a (?:criminal|junkie|drug seeker|addict|nuisance|hypochondriac)|drug seeker|"
    r"my own fault|(?:too|so) young|attitude|patronis\w*|talk(?:s|ed)? down to|treated like|"
    r"not taken seriously|take (?:me|it) seriously|"
    r"treats? (?:me|us|him|her) (?:like|different)|treated (?:me|us|him|her)? ?(?:like|"
    r"different)|misgender\w*|look at (?:ye|you|yer) funny|ha(?:s|ve) a go at|"
    r"tells? (?:me|us) off|told (?:me |us )?off|loudly|humiliat\w*|stigma\w*|"
    r"in front of (?:everyone|everybody|the whole)|"
    # A surgery that does not fit their body: "the couch doesn't go low enough, no hoist".
    r"couch|no hoist|no ramp|no lift|(?:not|isn'?t|aren'?t) accessible|inaccessible)\b"
)
# How someone made them feel ("the GP made me feel like a time waster"); said of a medicine
# ("topiramate made me feel like a zombie") it is the medicine's effect.
_MADE_TO_FEEL = re.compile(r"\bmade (?:me|to) feel (?:like|stupid|small)\b")
_SOMEONE = re.compile(
    r"\b(?:they|he|she|staff|receptionists?|doctors?|gps?|nurses?|consultants?|dr)\b"
)
# Water tablets that keep them in: the peeing is the side effect ("the furosemide means she
# can't go out in the mornings"), as nearly every writer filed it.
_DIURETIC = re.compile(
    r"\b(?:water (?:tablets?|pills?)|furosemide|frusemide|bumetanide|diuretics?)\b"
)
_KEPT_IN = re.compile(
    r"\b(?:can'?t|cannot|cant|daren'?t|dare not|won'?t|wont|up every|go out|go anywhere|"
    r"leave the house|go far)\b"
)
_FORMS = re.compile(r"\b(?:forms?|paperwork|form filling|form-filling)\b")
_EQUIPMENT = re.compile(
    r"\b(?:hose|hoses|batteries|hearing aids?|"
    r"mask|masks|machine|machines|sleeve|sleeves|stockings|catheters?|hoist|wheelchair|"
    r"splint|splints|walking frame|zimmer|commode|supplies|supply company|equipment|cpap)\b"
)
# A service named after a medicine is where care is given: "the lithium clinic is only open
# Tuesday mornings", "the warfarin nurse".
_SERVICES = frozenset({"clinic", "clinics", "nurse", "nurses", "team", "service", "review"})
# Time said as what they cannot afford: "can't afford to sit in A&E for 6 hours again".
_AFFORD_TIME = re.compile(
    r"\b(?:can'?t|cannot|cannit|canny|cannae|couldn'?t) afford to (?:sit|wait|spend|be stuck|"
    r"hang about|hang around|be off|lose (?:a|another) (?:day|morning|afternoon))\b"
)


# Forgetting, with nothing else named, is forgetting the medicine ("I forget the night one").
_FORGETTING = re.compile(r"\b(?:forget|forgets|forgetting|forgot|remembering to)\b")
# What a medicine is for is not a test: "tablets for my blood pressure", "meds for my sugar".
_FOR_CONDITION = frozenset({"for", "with"})


# Putting a cream or drops on is work the patient does ("creams are greasy and go everywhere",
# "I can't see to put the drops in"): self-care, not the medicine itself.
_TOPICAL = re.compile(
    r"\b(?:creams?|ointments?|emollients?|gels?|drops|lotions?|wet wraps|bandages?)\b"
)
_APPLYING = re.compile(
    r"\b(?:put(?:ting)? (?:them|it|the \w+) (?:on|in)|(?:has|have|had|needs?) to go on|"
    r"slather\w*|smother\w*|apply|applying|rub|rubbing|greasy|messy|"
    r"sticky|go(?:es)? everywhere|gloves|can'?t see to|fiddly)\b"
)


@dataclass
class TreatmentBurden:
    """One burden of treatment in the patient's words, with its domain."""

    text: str
    category: str


def burden_category(span: Span) -> str:
    """Return the burden category for one item, or "other" when no domain word is named."""
    return _named_category(span) or "other"


def _named_category(span: Span) -> str | None:
    """Return the burden category the item's words name, or None when they name none."""
    labels = set()
    for ent in span.ents:
        if ent.label_ == patterns.CAUSE and _names_a_medicine_next(ent):
            continue  # "the chemist does my tablets in a box": the medicine is what is done
        if ent.label_ == patterns.RELATIONSHIP:
            labels.add(_PROFESSIONAL_LABELS.get(ent.ent_id_, ""))
        else:
            labels.add(ent.label_)
        if ent.label_ == patterns.CAUSE and ent.text.lower().startswith("from "):
            labels.add(patterns.MEDICATION)  # "the forgetfulness from the tablets"
    tests = [ent for ent in span.ents if ent.label_ == patterns.TEST_MONITORING]
    if tests and patterns.MEDICATION in labels and all(_said_as_what_for(ent) for ent in tests):
        labels.discard(patterns.TEST_MONITORING)
    if patterns.CAUSE in labels and patterns.MEDICATION in labels:
        labels.add(patterns.SIDE_EFFECT)  # "the colchicine gives me the trots"
    if (
        patterns.SIDE_EFFECT in labels
        and patterns.MEDICATION not in labels
        and (patterns.TEST_MONITORING in labels or patterns.APPOINTMENT in labels)
        and not _given_treatment_does(span, labels)
    ):
        # "the scans make me anxious for weeks", "phoning up for appts makes me anxious": the
        # test or the appointment is the burden, not a medicine's effect.
        labels.discard(patterns.SIDE_EFFECT)
    if patterns.SIDE_EFFECT in labels and patterns.INFORMATION in labels:
        # "no clear information about whether the numbness will get better": what is missing
        # is the information, when it is said first.
        first = {ent.label_: ent.start for ent in reversed(span.ents)}
        if first[patterns.INFORMATION] < first.get(
            patterns.SIDE_EFFECT, first[patterns.INFORMATION]
        ):
            labels.discard(patterns.SIDE_EFFECT)
    said = span.text.lower().replace("\u2019", "'")
    if _MIXED_UP.search(said):
        labels.discard(patterns.SIDE_EFFECT)  # "I get a bit muddled with the tablets"
    if (
        _WHICH_MEDICINE.search(said)
        and patterns.MEDICATION in labels
        and not labels & {patterns.SIDE_EFFECT, patterns.COST}
        and not _NOBODY_SAID.search(said)
    ):
        # "three inhalers and I don't know which is which", "confused about which colour
        # tablets to take": telling the medicines apart is the work of taking them.
        return "medications"
    counted = _counted_domain(span)
    if counted is not None and not labels & {patterns.SIDE_EFFECT, patterns.COST}:
        # "too many inhalers, dont know which is which", "too many appointments - eye clinic
        # injections monthly, diabetic clinic": what there is too much of heads the item.
        return _HEADINGS[counted]
    untold = _UNTOLD.search(said)
    if untold is not None and patterns.SIDE_EFFECT in labels:
        # "nobody really explained what to expect from the tablets": what nobody said comes
        # first, so the effect is what they were not told about.
        effects = [
            ent.start_char - span.start_char
            for ent in span.ents
            if ent.label_ in (patterns.SIDE_EFFECT, patterns.CAUSE)
        ]
        if effects and untold.start() < min(effects):
            labels.discard(patterns.SIDE_EFFECT)
    if (_AMOUNT.search(said) and not _WEIGHT.search(said)) or _EARNINGS.search(said):
        labels.add(patterns.COST)
    if _UNTOLD.search(said) or _DISAGREE.search(said):
        labels.add(patterns.INFORMATION)
    if (_AFFORD_TIME.search(said) or _COSTS_TIME.search(said)) and not _MONEY.search(said):
        labels.discard(patterns.COST)
    if _DISMISSED.search(said) and patterns.MEDICATION not in labels:
        return "information"  # what they were told instead of an answer
    if (
        _DIURETIC.search(said)
        and _KEPT_IN.search(said)
        and not labels & {patterns.COST, patterns.INFORMATION}
    ):
        return "side_effects"
    made_to_feel = _MADE_TO_FEEL.search(said) and (
        _SOMEONE.search(said) or any(e.label_ == patterns.RELATIONSHIP for e in span.ents)
    )
    if _ATTITUDE.search(said) or made_to_feel or _COORDINATION.search(said):
        return "other"  # how they are treated, or nobody joining the care up
    if _FORMS.search(said) and not labels & {
        patterns.SIDE_EFFECT,
        patterns.TEST_MONITORING,
        patterns.INFORMATION,
    }:
        return "other"
    if _EQUIPMENT.search(said) and labels <= {patterns.MEDICATION, patterns.SELF_CARE}:
        return "other"  # the mask, the machine, the wrong catheters
    if any(
        ent.label_ == patterns.MEDICATION
        and ent.end < len(ent.doc)
        and ent.doc[ent.end].lower_ in _SERVICES
        for ent in span.ents
    ):
        labels.discard(patterns.MEDICATION)
        labels.add(patterns.APPOINTMENT)
    if (
        patterns.APPOINTMENT in labels
        and patterns.SIDE_EFFECT not in labels
        and patterns.MEDICATION in labels
        and patterns.TEST_MONITORING not in labels
        and (_DISTANCE.search(said) or _TIME_AWAY.search(said))
    ):
        # "injections at the eye hospital, an hour each way", "collecting from the hospital
        # pharmacy means half a day off": the trip is the burden, not the medicine. A test
        # keeps its own heading ("blood tests at the clinic, two buses").
        return "appointments"
    if (
        labels & {patterns.MEDICATION, patterns.SELF_CARE}
        and not labels & {patterns.SIDE_EFFECT, patterns.COST, patterns.INFORMATION}
        and _TOPICAL.search(said)
        and _APPLYING.search(said)
    ):
        return "other"
    for label, category in _PRIORITY:
        if label in labels:
            return category
    if labels == {patterns.CAUSE}:
        return "side_effects"  # "hydroxyurea make my hair thin": what an unnamed one does
    if _NO_EFFECT.search(said) or _FORGETTING.search(said):
        # "the mebeverine did nothing", "keep forgetting them": a treatment not working, or
        # not taken.
        return "medications"
    return None


#: How a patient says there is too much of something: "too many", "so many different".
_TOO_MANY = re.compile(r"\b(?:too|so|way too|far too) many (?:different |separate )?$")


def _counted_domain(span: Span) -> str | None:
    """Return the domain of what the item says there is too much of, if it names one."""
    for ent in span.ents:
        before = span.doc[max(ent.start - 4, span.start) : ent.start].text.lower()
        if ent.label_ in _HEADINGS and _TOO_MANY.search(before + " "):
            return ent.label_
    return None


#: Telling medicines apart: "which is which", "which colour tablets to take".
_WHICH_MEDICINE = re.compile(
    r"\bwhich (?:is which|one is which|ones? (?:is|are|to)|colou?rs?|tablets?|pills?|inhalers?|"
    r"to take|one to take)\b"
)
#: Someone who should have said and did not: what makes it a burden of information.
_NOBODY_SAID = re.compile(
    r"\b(?:no ?one|nobody|no-one|naebody|never been)\b.{0,20}\b(?:told|tells|explain\w*|said|"
    r"shown|showed|show)\b"
)
#: Muddling the medicines is a burden of taking them, not an effect of them.
_MIXED_UP = re.compile(
    r"\b(?:muddled|confused|mixed up|muddle|muddles)\b (?:\w+ )?(?:with|about|over|by|which)\b|"
    r"\b(?:gets?|getting) (?:a bit |all )?(?:muddled|mixed up)\b"
)
#: Advice from two people that does not agree: "told by one person to keep active and by
#: another to rest it", "one doctor says rest, the other says walk".
_DISAGREE = re.compile(
    r"\bone (?:person|doctor|doc|nurse|gp|consultant|says|said|tells|told)\b.*"
    r"\b(?:another|the other|other one)\b"
)
#: Treatments given at a clinic, whose effects are still effects: "the infusion makes me fluey".
_GIVEN = frozenset(
    {"infusion", "infusions", "chemo", "chemotherapy", "radiotherapy", "dialysis", "jab", "jabs",
     "injection", "injections", "drip"}
)  # fmt: skip


def _given_treatment_does(span: Span, labels: set[str]) -> bool:
    return patterns.CAUSE in labels and any(
        ent.label_ == patterns.APPOINTMENT and ent.text.lower() in _GIVEN for ent in span.ents
    )


def _names_a_medicine_next(ent: Span) -> bool:
    """True for a cause word whose object is a medicine ("gave me pills", "give him some pills")."""
    for token in ent.doc[ent.end : ent.end + 3]:
        if token.ent_type_ == patterns.MEDICATION:
            return True
        if token.lower_ not in _BEFORE_A_MEDICINE and not token.is_digit:
            return False
    return False


#: Words between a cause word and the medicine it gives: "give him certain medicines".
_BEFORE_A_MEDICINE = frozenset(
    {"certain", "some", "any", "my", "his", "her", "their", "the", "these", "those", "new",
     "other", "different", "extra", "more", "two", "three", "stronger"}
)  # fmt: skip


def _said_as_what_for(ent: Span) -> bool:
    """True for a test word naming what a medicine is for ("for my blood pressure")."""
    before = [t.lower_ for t in ent.doc[max(ent.start - 2, 0) : ent.start]]
    return bool(before) and (
        before[-1] in _FOR_CONDITION or (len(before) == 2 and before[0] in _FOR_CONDITION)
    )


#: What a burden costs, said as what it leads to: "every appointment means losing half a day's
#: billing", "..., which means a taxi into town, eighteen pound there and back", "the waiting
#: list was 5 months so I went privately at £60 a session", "switch off the taxi and lose a
#: morning's earnings".
_LEADS_TO = re.compile(
    r"(?:,\s*|\s+)(?:(?:which|that|this|it)\s+)?(?:means?|meaning)\s+|"
    r",?\s+so\s+(?=(?:i|we|he|she|they)\b)|\s+and\s+(?=los(?:e|es|ing)\b)|"
    # A price of its own after "and": "every week at the hospital and parking costs £8".
    r",?\s+(?:and|plus|an|n)\s+(?=(?:the\s+)?(?:parking|petrol|fuel|taxis?|bus fares?|fares?|"
    r"prescriptions?)\s+(?:costs?|is|are|'s)\b)",
    re.IGNORECASE,
)
_SHORTEST_HEAD = 2


def _cost_apart(span: Span) -> list[tuple[Span, str | None]]:
    """The item with its heading, or the item and what it costs as two burdens."""
    for match in _LEADS_TO.finditer(span.text):
        head = span.doc.char_span(
            span.start_char, span.start_char + match.start(), alignment_mode="contract"
        )
        tail = span.doc.char_span(
            span.start_char + match.end(), span.end_char, alignment_mode="contract"
        )
        if head is None or tail is None or len(head) < _SHORTEST_HEAD or not len(tail):
            continue
        if burden_category(tail) != "costs":
            continue
        heading = _named_category(head)
        if heading not in ("costs", "other", None):
            return [(head, heading), (tail, "costs")]
    return [(span, _named_category(span))]


def _treats(span: Span) -> bool:
    """True when the item names a treatment or an effect of one."""
    return any(ent.label_ in (patterns.MEDICATION, patterns.SIDE_EFFECT) for ent in span.ents)


def extract_treatment_burdens(text: str) -> list[TreatmentBurden]:
    """Return one categorised burden per item of a treatment-burden answer."""
    if not text or not text.strip():
        return []
    doc = get_nlp()(letter_body(text))
    return [
        TreatmentBurden(
            part.text,
            settled_domain(
                part.text, category or "other", named=category is not None, treats=_treats(part)
            ),
        )
        for span in item_spans(doc)
        if not is_list_marker(span.text) and not closes_the_answer(span)
        for part, category in _cost_apart(span)
    ]
