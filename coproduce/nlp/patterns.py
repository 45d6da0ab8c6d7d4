"""Entity-ruler patterns for the words patients use about people and treatment.

Phrase patterns are matched on lower-cased tokens, so one spelling covers "Daughter" and
"daughter". Apostrophe variants ("don't", "dont" and the curly form) are generated rather
than written out by hand. Term lists are "|"-separated to keep them compact.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

RELATIONSHIP = "RELATIONSHIP"
# Someone named by their given name only ("Chloe pops in"): a person, relationship unknown.
PERSON = "PERSON"
FIRST_NAMES_FILE = Path(__file__).with_name("data") / "first_names.txt"
MEDICATION = "MEDICATION"
APPOINTMENT = "APPOINTMENT"
TEST_MONITORING = "TEST_MONITORING"
COST = "COST"
SIDE_EFFECT = "SIDE_EFFECT"
INFORMATION = "INFORMATION"
# What treatment asks of daily life (diet, drink, exercise, a stoma): filed as "other", and
# named so that "the blood tests, and not being able to drink" is two burdens.
SELF_CARE = "SELF_CARE"
# A medicine doing something to the patient ("gives me", "makes my", "does my stomach in"):
# with a medicine in the same clause it is a side effect.
CAUSE = "CAUSE"
# Shadows idioms such as "sick of" so that "sick" there is not read as a side effect.
NEUTRAL = "NEUTRAL"

BURDEN_LABELS = (
    MEDICATION,
    APPOINTMENT,
    TEST_MONITORING,
    COST,
    SIDE_EFFECT,
    INFORMATION,
    SELF_CARE,
)

Pattern = dict[str, Any]


def _terms(text: str) -> tuple[str, ...]:
    """Return the terms of a "|"-separated term list."""
    return tuple(term.strip() for term in text.split("|") if term.strip())


RELATIONSHIP_TERMS: dict[str, tuple[str, ...]] = {
    "daughter": _terms(
        "daughter|daughters|daughter in law|daughter-in-law|stepdaughter|step daughter|"
        "my girl|our girl|eldest daughter|youngest daughter|oldest daughter|my girls|our girls|"
        "2 girls|two girls|3 girls|three girls|the girls|little girl|baby girl|my little girl|"
        "our little girl"
    ),
    "son": _terms(
        "son|sons|son in law|son-in-law|stepson|step son|my boy|our boy|my lad|our lad|"
        "eldest son|youngest son|oldest son|my lads|our lads|two lads|my boys|our boys|"
        "the boys|2 lads|2 boys|two boys|three boys|3 boys|lad|three lads|3 lads|little boy|"
        "little lad|little man|baby boy|ma boy|me boy|wor lad|ma lad|me lad|wor boy|wee man|"
        "the wee man|wee boy|wee lad|wee fella"
    ),
    "wife": _terms(
        "wife|missus|missis|the mrs|her indoors|our lass|wor lass|ma lass|me lass|my lass"
    ),
    "husband": _terms("husband|hubby|hubbie|him indoors"),
    "partner": _terms(
        "partner|other half|better half|boyfriend|girlfriend|fiance|fiancé|fiancee|fiancée|bf|gf|"
        "boyf|wifey|"
        "significant other|spouse|fella|feller|my man|ma man|me man|her man"
    ),
    # "ma" alone is often "my" ("ma sister", "ma man"): it is a mother only after "my".
    "mum": _terms(
        # "mums alright": "mum's" typed without its apostrophe.
        "mum|mums|mother|mom|mam|my ma|me ma|our ma|mummy|mommy|mammy|old mum|mama|mamma|maw|"
        "my maw|ma maw|me maw"
    ),
    "dad": _terms(
        "dad|dads|father|daddy|old dad|papa|my da|ma da|me da|our da|wor da|my old man|me old man"
    ),
    "sister": _terms("sister|sisters|sis|stepsister"),
    # "our kid" is Northern English for a sibling, most often a younger brother.
    "brother": _terms("brother|brothers|stepbrother|our kid|ar kid|bruther|bruthers|bruvver|bruv"),
    "grandchild": _terms(
        "grandchild|grandchildren|grandkids|grandkid|grand kids|grandson|grandsons|"
        "granddaughter|granddaughters|grandbabies|grandbaby|grand children|great grandkids|"
        "grandweans|grandwean|grandbairns|grandbairn|grandweens"
    ),
    "neighbour": _terms(
        "neighbour|neighbours|neighbor|neighbors|neebor|neebors|neibor|neibors|neebur|neeburs|"
        "naybor|naybour|neighbr|next door|across road|over road|"
        "nextdoor|over the road|across the road|across the lane|over the lane|across the street|"
        "over the street|across the way|over the way|"
        "man over the road|lady over the road|man across the road|lady across the road|"
        "neighbouring|neighboring|next door's|nextdoor's|next door neighbour|next door neighbours|"
        "lad on the next farm|lad from the next farm|neighbouring farm|farm next door"
    ),
    "friend": _terms(
        "friend|friends|mate|mates|pal|pals|buddy|bestie|best friend|flatmate|flatmates|"
        "housemate|housemates|roommate|roommates|bandmate|bandmates|teammate|teammates|"
        # "The boys from the choir", "the girls at the livery yard": friends, not children.
        "the boys from|the girls from|the lads from|the lasses from|the ladies from|"
        "the boys at|the girls at|the lads at|the lasses at|the ladies at|the boys down|"
        "the lads down|the girls down|the boys in|the girls in|the lads in|the ladies in|"
        "the men from|the women from|the men at|the women at|school mums|school mams|"
        "the school mums|other mums|the mums at|the mums from|mums at school|mums from school"
    ),
    "carer": _terms(
        "carer|carers|care worker|care workers|home help|caregiver|caregivers|"
        "care assistant|support worker|support workers|support team|personal assistant|"
        "home carers|key worker|keyworker|staff|care staff|the staff|care home staff|sitter|"
        "sitters|night sitter|childminder|nanny|babysitter|au pair|care coordinator|"
        "care co-ordinator|care-coordinator|social worker|case worker|caseworker|helper|"
        "helpers|home helper|house help|househelp|maid|housekeeper|aide|home aide|health aide|"
        "caretaker|ayah"
    ),
    "child": _terms(
        "child|children|kids|kid|eldest|youngest|oldest|little ones|stepchildren|step kids|"
        "twins|the twins|my twins|triplets|the baby|our baby|my baby|wean|weans|the wean|the weans|"
        "bairn|bairns|the bairn|the bairns|wee yin|wee one|wee ones|the wee ones|the wee yins"
    ),
    "parent": _terms("parent|parents|folks"),
    "family": _terms(
        "family|relatives|in-laws|in laws|cousin|cousins|niece|nieces|nephew|nephews|aunt|"
        "auntie|aunty|uncle|mother in law|mother-in-law|father in law|father-in-law|"
        "sister in law|sister-in-law|brother in law|brother-in-law|mother inlaw|father inlaw|"
        "sister inlaw|brother inlaw|inlaws|mother in-law|father in-law|sister in-law|"
        "brother in-law|nan|nana|gran|"
        "granny|grandma|grandad|grandpa|grandmother|grandfather|nain|taid|mamgu|mam-gu|tadcu|tad-cu|"
        "bampi|grampa|gramps|granda"
    ),
    "church": _terms(
        "church|vicar|priest|pastor|mosque|imam|temple|synagogue|rabbi|gurdwara|"
        "congregation|faith group|bible study|church brothers and sisters|church family|"
        "church friends|church folk|church people|people from church|brothers and sisters at "
        "church|brothers and sisters from church|chapel|chapel brothers and sisters|"
        "chapel family|mosque brothers|mosque sisters|parish|parishioners"
    ),
    "community": _terms(
        "community|community group|support group|day centre|day center|lunch club|"
        "men's shed|mens shed|age uk|volunteers|charity|food bank|social prescriber|"
        "link worker|befriender|befriending"
    ),
    "gp": _terms("gp|g.p.|doctor|doctors|doctor's|family doctor|dr"),
    "nurse": _terms(
        "nurse|nurses|district nurse|practice nurse|diabetes nurse|specialist nurse|"
        "macmillan nurse|community nurse|health visitor|stoma nurse|parkinson's nurse|"
        "parkinsons nurse|ms nurse|heart failure nurse|respiratory nurse|epilepsy nurse|cpn|"
        "community psychiatric nurse|mental health nurse|breast care nurse|continence nurse|"
        "tissue viability nurse|asthma nurse|copd nurse|memory nurse|admiral nurse"
    ),
    "pharmacist": _terms("pharmacist|chemist|chemists"),
    "colleague": _terms(
        "colleague|colleagues|coworker|coworkers|co-worker|co-workers|workmate|workmates|"
        "work mates|boss|people at work|apprentice|apprentices|line manager|headteacher|"
        "head teacher|my manager|employer|supervisor|tutor|form tutor|teacher|teachers|"
        "teaching assistant|senco|head of year"
    ),
    "other": _terms(
        "social worker|warden|landlord|lodger|cleaner|therapist|counsellor|counselor|"
        "psychologist|occupational therapist|teacher|teachers|my ex|the ex|ex wife|ex-wife|"
        "ex husband|ex-husband|ex partner|ex-partner|sponsor|coach|trainer|personal trainer|"
        "mentor|youth worker|driver|chauffeur|gardener|"
        # Someone known by where they come from: "the lady from the Alzheimer's Society rings".
        "lady from|man from|woman from|chap from|bloke from|fella from|someone from|"
        "somebody from|girl from|lad from|guy from|advisor|adviser|disability advisor|"
        "disability adviser|welfare advisor|welfare adviser|benefits advisor|benefits adviser"
    ),
}

_MED_NOUNS = _terms(
    "tablets|tablet|tabs|pills|pill|meds|medication|medications|medicine|medicines|injections|injection"
)
# "water tablets" and "blood pressure pills" are medicines, not tests or side effects.
_MED_MODIFIERS = ("blood pressure", "bp", "sugar", "blood sugar", "water")

KEYWORD_TERMS: dict[str, tuple[str, ...]] = {
    MEDICATION: (
        *_MED_NOUNS,
        *_terms(
            "inhaler|inhalers|puffer|puffers|insulin|jabs|jab|patches|capsules|drops|"
            "eye drops|creams|prescription|prescriptions|repeat prescription|pharmacy|"
            "dosette|dosette box|pill box|blister pack|blister packs|doses|dose|"
            "sachet|sachets|laxido|movicol|emollient|emollients|triptan|pharmacies|spacer|spacers|"
            "take anything|taking anything|"
            "triptans|beta blockers|beta blocker|ppi|ppis|"
            "painkillers|pain killers|statins|warfarin|metformin|antibiotics|"
            "antidepressants|steroids|morphine|paracetamol|ibuprofen|co-codamol|codeine|"
            "gabapentin|blood thinners|remember to take|remembering to take|forget to take|"
            "forgetting to take|hrt|creams|cream|ointment|gel|shot|shots|injections|pens|"
            "needles|nebuliser|spray|nasal spray|mask|cpap|machine|plasters|dressings|"
            "the pill|contraceptive|steroid|steroid cream|antihistamines|laxatives|"
            # Medicines people name that the name endings below do not catch.
            "levo|lithium|humira|ozempic|mounjaro|wegovy|sinemet|madopar|epipen|epi-pen|"
            "ventolin|seretide|symbicort|fostair|trelegy|spiriva|gaviscon|oramorph|adcal|"
            "binder|binders|phosphate binder|phosphate binders|iron tablets|calcium tablets|"
            "vitamin d|folic acid|"
            "alendronic acid|chemo|chemotherapy|immunotherapy|hormone tablets|hormone therapy|"
            "water pills|sleeping tablets|sleeping pills|antipsychotics|mood stabiliser|"
            "mood stabilisers|the jab|the injection|polypharmacy|diuretic|diuretics|shampoo|"
            "medicated shampoo|moisturiser|moisturisers|bath oil|the liquid|liquid medicine|"
            "blood pressure ones|bp ones|sugar ones|water ones|pressure ones|calcium|"
            "supplements|vitamins|antibiotic|interactions|interaction|injecting|inject|injected|"
            "pred|empty stomach|on an empty stomach|oxygen|home oxygen|oxygen tank|oxygen tanks|"
            "oxygen cylinder|oxygen cylinders|oxygen bottles|concentrator|oxygen concentrator"
        ),
        *(f"{mod} {noun}" for mod in _MED_MODIFIERS for noun in _MED_NOUNS),
    ),
    APPOINTMENT: _terms(
        "perinatal team|mental health team|crisis team|community team|"
        "appointment|appointments|appt|appts|physio|physiotherapy|physiotherapist|clinic|"
        "clinics|hospital|hospitals|outpatients|a&e|surgery|consultant|consultants|"
        "specialist|specialists|check up|check ups|check-up|check-ups|checkup|checkups|"
        "follow up|follow-up|follow ups|dentist|optician|podiatry|podiatrist|chiropodist|"
        "dialysis|rehab|travel|travelling|traveling|journey|bus|buses|taxi|taxis|train|"
        "trains|car park|waiting|waiting room|waiting list|waiting lists|wait|"
        "waits|queue|queues|queuing|on hold|receptionist|receptionists|booking|"
        "ring the surgery|time off work|day off work|days off work|sessions|reception|"
        "get through|getting through|get an appointment|phone lines|8am|8 am|"
        "referral|referrals|waitlist|wait list|minute drive|hour drive|drive each way|"
        "review|reviews|med review|medication review|phone call|phone calls|"
        "phone appointment|phone appointments|video call|home visit|home visits|miles away|"
        # A letter about an appointment, and getting one by phone, are about appointments.
        "letter for the|letter for my|letter for an|appointment letter|appointment letters|"
        "cancelled|canceled|rebooked|rearranged|hospital transport|transport|"
        "through on the phone|through on the telephone|on the phone to the|the telephone at|"
        "phoning up for|phoning for|phoning the|ringing up for|ringing for|can't get through|"
        "cannot get through|can never get through|get hold of her|get hold of him|"
        "get hold of anyone|get hold of anybody|get hold of someone|get hold of somebody|"
        "get hold of the surgery|get hold of the nurse|get hold of the gp|get hold of the clinic|"
        "get hold of the doctor|get hold of reception|get hold of the practice|"
        "each way|mile away|hour away|hours away|a trip|another trip|round trip|the trip|trips|"
        "waited|walk in centre|walk-in centre|walk in clinic|urgent care|out of hours|"
        "all the way to|neurologist|neurology|rheumatologist|rheumatology|cardiologist|cardiology|"
        "dermatologist|dermatology|oncologist|oncology|haematology|gastro|urology|urologist|"
        "endocrinologist|endocrinology|psychiatrist|audiology|ophthalmology|eye clinic|"
        "diabetes clinic|fracture clinic|pain clinic|camhs|cmht|"
        # An infusion is given at a hospital or clinic: a visit, however the medicine suits.
        "infusion|infusions|infusion clinic|drip|half day|half a day|whole day|day off|days off|"
        "time off|ring at 8|ringing at 8|on the dot|ring at eight|scrum|waitin|waitin list|"
        "therapy|hand therapy|speech therapy|talking therapy|talking therapies|counselling|"
        "8 o clock|8 oclock|8 o'clock|phone at 8|6 week check|six week check|6-week check|"
        "postnatal check|"
        "occupational therapy|occupational therapist|"
        "helpline|help line|advice line|booking line|phone line|phone system|telephone system|"
        "ring back|rings back|ring me back|call back|calls back|visit|visits|hospital visit|"
        "hospital visits|assessment unit|day unit|day assessment|someone different|"
        "somebody different|different doctor|different doctors|different nurse|different gp|"
        "same doctor|new doctor|new doctors|engaged|change place|changes place|"
        # Distances said short ("nearest psych is 2 hrs away", "3 hrs drive"), and services
        # said short.
        "hrs away|hr away|mins away|minutes away|km away|kms away|kilometres away|"
        "kilometers away|hrs drive|hr drive|hours drive|hour's drive|hours' drive|hrs each way|"
        "psych|dermo|derm|derm clinic|without a car|no car|getting him there|getting her there|"
        "get him there|get her there|getting there|getting me there|get me there"
    ),
    TEST_MONITORING: _terms(
        "blood test|blood tests|bloods|blood work|bloodwork|blood sugar|blood sugars|"
        "sugars|sugar|sugar levels|sugar checks|glucose|finger prick|finger pricks|"
        "monitoring|monitor|scan|scans|mri|mris|mri scans|ct scan|ct scans|x-ray|x-rays|xray|"
        "xrays|x ray|"
        "ultrasound|ecg|ekg|blood pressure|bp|bp readings|readings|peak flow|weigh|"
        "weighing|weigh myself|urine|urine sample|sample|samples|test results|results|"
        "tests|test|inr|smear|biopsy|colonoscopy|endoscopy|heart monitor|diary|checks|"
        "finger pricking|finger pricks|pricking my finger|prick my finger|testing my sugar|"
        "blood draw|blood draws|bloods taken|levels|hba1c|cgm|libre|dexcom|sensor|sensors|"
        "glucose monitor|scales|weigh in|weigh-ins|weighing scales|weighed|being weighed|"
        "weights|blind weights|sputum|sputum pots|sputum samples|stool sample|stool samples|"
        "swab|swabs|eye checks|eye check|lung function|spirometry|psa|psa test|psa blood|"
        "blood clinic|"
        "colonoscopies|endoscopies|biopsies|mammogram|mammograms|scopes|camera test|"
        "dexa|echo|smear test|smear tests|check my pressure|check pressure|"
        "check my blood pressure|checking my blood pressure|blood pressure machine|bp machine|"
        "pressure machine|check my sugars|checking my sugars|home monitoring|blood count|"
        "blood counts|full blood count|fbc|check my height|checks my height|check my weight|"
        "checks my weight|height and weight|weigh me|weighs me|screening|eye screening|"
        "retinal screening|foot check|foot checks"
    ),
    COST: _terms(
        "cost|costs|costly|money|expensive|afford|pay|paying|prescription charge|expense|"
        "expenses|pricey|on my pension|out of my pension|"
        "adds up|add up|all adds up|mounts up|mount up|"
        # Parking is what it costs, as most writers filed it ("the parking at the Royal is a
        # scandal").
        "parking|car parking|hospital parking|the parking|"
        "prescription charges|prescription costs|prescription fees|parking charges|"
        "parking fees|parking costs|fees|fee|fare|fares|bus fare|taxi fare|taxi fares|"
        "petrol|diesel|fuel|price|prices|bills|£|$|copay|co-pay|copays|insurance|deductible|"
        "prepayment certificate|pre-payment certificate|prepayment|pre-payment|ppc|"
        "out of pocket|skint|"
        "spent hundreds|spend hundreds|spending hundreds|hundreds on|hundreds of pounds|"
        "spent thousands|thousands on|thousands of pounds|"
        "a fortune|spent a fortune|spend a fortune|costs a fortune|cost a fortune|"
        "not on prescription|aren't on prescription|not prescribed|"
        "buying them|buy them myself|buying them ourselves|buy our own|buy my own|"
        "buying my own|pay for|paying for|paid for|privately|went private|go private|"
        "wouldn't fund|won't fund|not funded|electric bill|electricity|electric|"
        "heating bill|energy bills|gas bill|pounds to|pounds a|pounds each|pounds every|quid|"
        "wages|can't afford|cannot afford|sick pay|statutory sick pay|unpaid|lose pay|lost pay|"
        "losing pay|money lost|lose money|losing money|lost earnings|half a shift|lose a shift|"
        "lose shifts|lost shifts|docked|pays for|has to pay|have to pay|having to pay|buying|"
        "buyin|"
        "car park charges|car park fees|charges|extortionate|daylight robbery|rip off|rip-off|"
        "tenner|a tenner|fiver|a fiver|pound taxi|pound return|pound each way|pound a week|"
        "pound a month|allowance|carer's allowance|carers allowance|pittance|no money|"
        "off sick|unpaid leave|"
        # Other currencies, and what insurance will not pay for.
        "\u20ac|\u20b9|\u20a6|dollars|bucks|euros|rupees|naira|medicare|medicaid|formulary|"
        "not covered|isn't covered|aren't covered|doesn't cover|does not cover|don't cover|"
        "do not cover|won't cover|will not cover|wont cover|doesnt cover|dont cover|"
        "only covers|covered by|gap fee|gap fees|co-payment|copayment"
    ),
    SIDE_EFFECT: _terms(
        "stomach is burning|stomach burning|burning stomach|burns my stomach|wreck my gut|"
        "wrecks my gut|wrecked my gut|wreck my stomach|wrecks my stomach|upset my stomach|"
        "upsets my stomach|upset her stomach|upsets her stomach|upset his stomach|"
        "upsets his stomach|made me massive|makes me massive|"
        "side effect|side effects|side-effect|side-effects|sideeffects|drowsy|sleepy|"
        "groggy|dizzy|dizziness|lightheaded|light headed|sick|nausea|nauseous|queasy|"
        "dopey|dozy|woozy|nasty dreams|bad dreams|weird dreams|swelling|swollen|"
        "i bruise|bruise dreadfully|bruise badly|"
        "throwing up|being sick|weight gain|put on weight|putting on weight|gained weight|"
        "constipated|constipation|diarrhoea|diarrhea|the runs|rash|itchy|itching|dry mouth|"
        "headaches|zombie|brain fog|foggy|spaced out|hair loss|bruising|upset stomach|"
        "stomach upset|heartburn|cramps|swollen ankles|mood swings|insomnia|the loo|"
        "the toilet|weeing|peeing|the trots|trots|wind|windy|bloated|bloating|vivid dreams|"
        "nightmares|stomach ache|tummy ache|achy|aching legs|legs ache|muscle aches|"
        "bunged up|bungs me up|peel|peeling|puff up|puffy|jittery|shaky|"
        "knocks me out|wipes me out|bruises|bruises her|bruises him|bruise easily|"
        "bruise really easily|hot flushes|hot flashes|flushes|night sweats|sweats|numb|"
        "numbness|tingling|palpitations|moody|mood changes|irritable|starving|ravenous|"
        "always hungry|hungry all the time|gp says its the tablets|it's the tablets|"
        "indigestion|mouth ulcers|ulcers|sickness|seeing things|hallucinations|hallucinating|"
        "muddled|feel drunk|tiredness|jerky|jerks|twitchy|twitching|wriggle|wriggling|"
        "lavatory|a lavatory|the bathroom|near a toilet|near a loo|drowsiness|sleepiness|"
        "forgetfulness|forgetful|memory problems|"
        "fidgety|sores|dry skin|thinning hair|hair thinning|sex drive|libido|sex life|"
        "thrush|oral thrush|croaky|croaky voice|hoarse|hoarse voice|husky voice|"
        "erections|impotence|blurred vision|blurry|tinnitus|metallic taste|off my food|"
        "loss of appetite|no appetite|water retention|fluid retention|dry cough|"
        "feel rotten|feeling rotten|ankles swell|legs swell|puffy face|moon face|"
        "joint pain from|pain from it|aches from it|since starting|since i started|"
        "after each dose|after every dose|after a dose|after dose|after the dose|"
        "stone on|stone on me|weight on|weight on me|pounds on|piled on|sting|stings|stinging|"
        "a cough|cough|coughing|tickly cough|squits|dreams|sore|soreness|pins and needles|"
        "faint|feel faint|washed out|wiped out|drained|confused|confusion|flu-like|flu like|"
        "flu-ish|fluey|like flu|like i have flu|like i've got flu|feel rough|feeling rough|"
        "felt rough|grogginess|dribbling|drooling|"
        "dribble|drool|thirsty|thirst|tremor|tremors|the shakes|lumps|lumpy|acne|spots|"
        "fatigue|joint pain|joint pains|muscle pain|muscle pains|bungs us up|bungs him up|"
        "bungs her up|bunged me up|bunged us up|bung me up|bung us up|blocks me up|"
        "binds me up|at my stomach|at my belly|at my guts|hair thin|hair thinner|"
        "hair falling out|hair fall out|hair coming out|hair is falling out|hair is thinning|"
        "hair is coming out|hair's falling out|hair's thinning|hair's coming out|"
        "aches|skin thin|thin skin|thins the skin|"
        "thinning skin|thinning my skin|reaction|reactions|site reaction|site reactions|"
        "sedation|sedated|sedating|sedative effect|irritate|irritates|irritating|irritation|"
        "irritated|"
        "allergic reaction"
    ),
    INFORMATION: _terms(
        "not told|never told|nobody told|no one told|noone told|nobody tells|no one tells|"
        "nobody explains|nobody explained|no one explains|no one explained|never explained|"
        "not explained|didn't explain|doesn't explain|don't explain|explain|explained|"
        "explanation|don't understand|do not understand|didn't understand|don't get why|"
        "not sure why|don't know why|no idea why|what they're for|what it's for|"
        "what they are for|confusing|confused about|confused by|confused as to|confusion about|"
        "confusion over|conflicting|contradicting|"
        "contradictory|mixed messages|"
        "says one thing|say one thing|tells me one thing|told me one thing|one thing then another|"
        "told one thing|get told one thing|one thing and another|something different|"
        "smth diff|summat different|diff things|which is it|different answer|different answers|"
        "my notes|the notes|notes don't|"
        "different things|different advice|information|info|"
        "leaflet|leaflets|advice|jargon|googled|guidance|the guidance|says the opposite|"
        "said the opposite|in the dark|nobody listens|no one listens|"
        "no idea if|no idea how|not sure if|not sure how|don't know if|don't know how|"
        "never know how|never know if|nobody showed me|no one showed me|never shown|"
        "who to believe|every website|googling|doing it right|doing them right|letters|"
        "letter|hospital letters|clinic letters|writes anything down|write anything down|"
        "written down|nothing in writing|what's been decided|whats been decided|"
        "what was decided|shown me how|showed me how|how to use|never quite sure|"
        "not quite sure|never sure|whether to|not sure whether|not sure when|"
        "don't know when|results back|never hear back|never heard back|nobody rings back|"
        "no one rings back|nobody calls back|left in limbo|chasing|chase|clear answers|"
        "straight answer|straight answers|no answers|never get answers|voicemail|never answer|"
        "nobody answers|no one answers|no reply|never replies|reading different|"
        "read online|reading online|stuff online|things online|look online|looked online|"
        "looking online|looked it up|on the internet|the internet|"
        "read different|different stuff|what's true|what is true|"
        "different answer|different answers|interpreter|translator|translate|"
        "what it showed|what the scan showed|what they found|nobody said|no one said|"
        "don't know what the|do not know what the|no idea what the|never know what the|"
        "nobody has said|not been told|haven't been told|"
        "nobody has explained|no one has explained|couldn't understand|hard to understand|"
        "can't understand|any answers|no one knows|nobody knows|what's happening|"
        "what is happening|what's going on|kept in the dark|"
        "talk to each other|talks to each other|repeating everything|repeat myself|"
        "repeating myself|contradicts|contradict|what to believe|who to ask|who to ring|"
        "who to call|who to contact|passed about|passed around|pillar to post|discharged|"
        "joins it up|join it up|joined up|joined-up|nobody joins|no one joins|"
        "never heard|never got told|heard nothing|not heard anything|haven't heard|havent heard|"
        "still not heard|nobody's told me|no one's told me|noone's told me|nobody's told|"
        "no one's told|diet sheet|diet sheets|food sheet|dietitian sheet|information sheet|"
        "info sheet|fact sheet|booklet|booklets|handout|handouts|pamphlet|pamphlets|"
        "the other says|the other one says|can't remember what|cant remember what|"
        "cannot remember what|forgets what|forgot what|nobody wrote|no one wrote|never wrote|"
        "wrote down which|"
        "nobody ever tells|no one ever tells|nobody ever explains|no one ever explains|"
        "nobody ever told|no one ever told|nobody can tell|no one can tell|can't tell me anything|"
        "cant tell me anything|not understand|no understand|no one to ask|nobody to ask|"
        "noone to ask|something different|somethin different|different story|"
        "another says|other says|"
        "don't know what to|do not know what to|dont know what to|"
        # Nobody joining the care up, or saying what the results mean.
        "no plan|no real plan|whose job|person to person|one person to another|responsible for|"
        "no one's said|nobody's said|noone's said|no one has said|nobody has told me|"
        "what the numbers mean|what the results mean|what it means|what they mean|"
        "don't get what|don't really get what|do not get what|don't know what it means|"
        "not clear why|not clear what|not clear how|not clear when|not clear whether|unclear|"
        "no clear|do not know whether|don't know whether|not know whether|google translate|"
        "diff things|"
        "different things|told different|mixed advice|"
        "naebody showed|naebody told|naebody explained|naebody said|nae idea if|nae idea how|"
        "nobody has told|no one has told|nobody told us|no one told us|nobody's told us|"
        "confused which|confused whether|confused what|not sure which|unsure which|"
        "meant to use|meant to go|meant to take|don't really know|do not really know|"
        "don't really understand|do not really understand|not really sure|what else there is|"
        "what else is there|what other options|other options|allowed to take|am i allowed|"
        "if i'm allowed|whether i'm allowed|labels|the label|small print|only in english|"
        "in english|not in my language|in my language|read english|read the writing"
    ),
    SELF_CARE: _terms(
        "diet|diets|dieting|carb counting|counting carbs|carbs|low salt|no salt|fluid limit|"
        "fluid restriction|drink|drinking|alcohol|booze|exercise|exercises|exercising|"
        "stretches|stretching|stoma|stoma bag|bag changes|eat right|eating right|"
        "eat properly|eating properly|cooking|meal prep|healthy eating|lose weight|"
        "losing weight|weight loss|stop smoking|quit smoking|giving up smoking|catheter|"
        "self injecting|pacing|logging|fasting|ramadan|meal plan|meal plans|eat different|"
        "eating different|eat differently|eating differently|what i eat|what i can eat|"
        "separate meals|cook separately|"
        "low sugar|sugar free|portion|portions|calories|counting calories|fluids|beer|"
        "red meat|takeaways|junk food|fatty food|catheterising|catheterise|catheterisation|"
        "self-catheterising|self catheterising|catheterizing|self-catheterise|fluid|pint|pints|"
        "app|apps|sleep app|online therapy|online course|online programme|modules|self-help|"
        "self help|food diary|food diaries|fodmap|low fodmap|symptom diary|sleep diary|"
        "breathing exercises|sleep hygiene|"
        # What they may not eat: "careful with the green vegetables" on warfarin.
        "vegetables|green vegetables|green veg|greens|leafy greens|vitamin k|grapefruit|"
        "gluten free|gluten-free|dairy free|dairy-free|free from|special diet|food|foods|"
        "eat regular|eat regularly|eat little and often|regular meals|eat at set times"
    ),
    NEUTRAL: _terms(
        # Fear of the needle is the burden of the test or jab it goes with, not a medicine.
        "scared of needles|afraid of needles|frightened of needles|terrified of needles|"
        "hates needles|hate needles|needle phobia|needle phobic|"
        "sick of|sick and tired of|sick to death|fed up|sick note|endurance test|test of patience|"
        "testing my patience|costs me a day|cost me a day|costs me days|costs me a week|"
        "costs her a day|costs him a day|"
        # Giving help or a diagnosis is not an effect.
        "give her any support|give him any support|give me any support|give us any support|"
        "give her support|give him support|give me support|give us support|give her any help|"
        "give him any help|give me any help|give us any help|give me a diagnosis|"
        "give her a diagnosis|give him a diagnosis"
    ),
    CAUSE: _terms(
        "gives me|gives him|gives her|gave me|gave him|gave her|giving me|give me|give him|"
        "gies me|gie me|gied me|gives us|gave us|give us|giving us|makes us|made us|make us|"
        "leave my|leaves my|left my|make stomach|makes stomach|"
        # "I get many colds since I start it", "since starting them": what began with it.
        "since i start it|since i started it|since starting it|since i start them|"
        "since i started them|since starting them|since i started taking|since starting on|"
        "making us|"
        "give her|makes me|makes my|made me|made my|makes him|makes her|makes his|make me|"
        "make my|make him|make her|make his|making me|making my|"
        "does my|did my|upsets my|messes with|plays havoc|affects my|bleached|upset my|upset me|"
        "upsets me|doing my stomach in|does my stomach in|doing my head in|does my head in|"
        "leaves me|left me|leave me|burn from|burns from|wrecks my|wrecked my|wrecking my|"
        "ruins my|ruined my|kills my|destroys my|messes up my|from the tablets|from the tablet|"
        "from tablet|from tablets|from my tablets|from the pills|from the meds|from my meds|"
        "from the medication|from the medicine|from the injections|from the steroids|"
        "mean that i|means that i|mean i|means i|mean that i cannot|mean i can't|"
        "makes ma|make ma|made ma|gives ma|gies ma|does ma|did ma|upsets ma|upset ma|wrecks ma|"
        "wrecks me|wrecked ma|wrecks his|wrecks her|upset the|upsets the|upset his|upsets his|"
        "upset her|upsets her|burning after|burns after|leave lumps|after the tablets|"
        "after the weekly tablets|after my tablets|after the injection|after my injection|"
        "after taking|leaves lumps|causing|causes|caused|is causing|are causing|blame the|"
        "blame it|do be at|does be at|be at my|is at my|are at my|hurts my|hurt my|kills my|"
        "kill my|thins|thin my|thins my|bleach|bleaches|means she|means he|means they|"
        "means we|mean she|mean he|mean they|mean we|"
        "burns my|burn my|burned my|burnt my|does burn|burning my|made it flare|makes it flare|"
        "make it flare|made it worse|makes it worse|make it worse|made things worse|"
        "makes things worse|flared it|flares it|set it off|sets it off"
    ),
}

_FEEL_WORDS = _terms(
    "rubbish|awful|terrible|ill|sick|tired|sleepy|drowsy|dizzy|groggy|woozy|weird|funny|"
    "strange|horrible|dreadful|crap|poorly|rough|shaky|wobbly|bloated|sluggish|lousy|grotty|"
    "nauseous|queasy|foggy|knackered|exhausted|worse|low|down|anxious|jittery|hungry|thirsty|fat|"
    "flat|numb|moody|starving|emotional|irritable|teary|zonked|wired|spaced|blank|dead|fuzzy"
)
_COLOURS = _terms("white|blue|pink|yellow|red|orange|green|purple|brown|grey|gray|round|oval")
_SIZES = _terms("little|small|big|large|tiny|massive|huge")


def _apostrophe_variants(phrase: str) -> set[str]:
    """Return the phrase as typed with a straight, a curly or no apostrophe."""
    return {phrase, phrase.replace("'", "\u2019"), phrase.replace("'", "")}


# One-slip spellings that are other real words, never read as a relationship.
_REAL_WORDS = frozenset(
    _terms("bother|other|fried|fiend|fathers|mothers|brothe|sisters|sons|drive|diver|drier")
)
_MIN_TYPO_LENGTH = 6
# Treatment words long enough that a slip is still unmistakable ("tabelts", "apointments").
_TYPO_LABELS = frozenset({MEDICATION, APPOINTMENT, TEST_MONITORING})
_MIN_TYPO_KEYWORD_LENGTH = 7


def _typo_variants(term: str) -> set[str]:
    """Return one-slip spellings of a long one-word term, as typed on a phone.

    A letter dropped, doubled or swapped with the next ("nieghbour", "husbnd", "grandaughter").
    A silent "gh" is often left out as well, with or without a further slip ("dauter",
    "neibour", "duater"). The first letter is kept; real words are left out.
    """
    if " " in term or "-" in term or len(term) < _MIN_TYPO_LENGTH or not term.isalpha():
        return set()
    found = _one_slip(term)
    if "gh" in term[1:]:
        unsounded = term.replace("gh", "")
        found |= {unsounded} | _one_slip(unsounded)
    return found - {term} - _REAL_WORDS


def _one_slip(term: str) -> set[str]:
    """Return the spellings one dropped, doubled or swapped letter away (first letter kept)."""
    found: set[str] = set()
    for i in range(1, len(term)):
        found.add(term[:i] + term[i + 1 :])  # dropped
        found.add(term[:i] + term[i] + term[i:])  # doubled
        if i + 1 < len(term):
            found.add(term[:i] + term[i + 1] + term[i] + term[i + 2 :])  # swapped
    return found


def phrase_patterns() -> list[Pattern]:
    """Return every literal phrase pattern, with relationship ids."""
    patterns: list[Pattern] = []
    spelled: set[str] = {t for terms in RELATIONSHIP_TERMS.values() for t in terms}
    for rel_id, terms in RELATIONSHIP_TERMS.items():
        for term in terms:
            for variant in sorted(_apostrophe_variants(term)):
                patterns.append({"label": RELATIONSHIP, "pattern": variant, "id": rel_id})
            for variant in sorted(_typo_variants(term) - spelled):
                patterns.append({"label": RELATIONSHIP, "pattern": variant, "id": rel_id})
    spelled |= {t for terms in KEYWORD_TERMS.values() for t in terms}
    for label, terms in KEYWORD_TERMS.items():
        for term in terms:
            for variant in sorted(_apostrophe_variants(term)):
                patterns.append({"label": label, "pattern": variant})
            if label in _TYPO_LABELS and len(term) >= _MIN_TYPO_KEYWORD_LENGTH:
                # A plural without its "s" is usually a word of its own ("dressing").
                for variant in sorted(_typo_variants(term) - spelled - {term[:-1]}):
                    patterns.append({"label": label, "pattern": variant})
    return patterns


_DRUG_NAME = (
    r"^[a-z]{2,}(?:pril|olol|statins?|dipine|azole|prazole|mab|cycline|cillin|oxetine|azepam|"
    r"sartan|formin|gliptin|flozin|triptan|codamol|profen|proxen|thyroxine|tadine|pramine|"
    r"triptyline|thyroxin|gabalin|pentin|semide|thiazide|parin|xaban|gatran|farin|olone|asone|"
    r"lamine|floxacin|mycin|trexate|purinol|chicine|pezil|zosin|lukast|terol|tropium|"
    r"sonide|ticasone|oxacin|vudine|mazepine|tiracetam|trigine|pramole|quinone|dronate|"
    r"zoyl|peroxide|adol|tamol|oxone|morphone|codone|phenidate|lexin|fexine|zole|xifen|dopa|"
    r"zapine|tiapine|ridone|opram|traline|faxine|glutide|tidine|setron|clopramide|dronate|"
    r"dronic|nidine|verine|fenac|clofen|afil|tinib|salazine|olimus|amate|sulosin|carbamide|"
    r"platin|rubicin|taxel|darone|goxin|adone|orphine|prosate|mantine|nirole|pexole|stigmine|"
    r"oquine|ciferol|steride|butynin|fenacin|begron)s?$"
)


def token_patterns() -> list[Pattern]:
    """Return the token patterns that need alternatives in several positions."""
    makes_me_feel = [
        {"LOWER": {"IN": ["makes", "make", "made", "making", "leaves", "leave", "left"]}},
        {"LOWER": "me"},
        {
            "LOWER": {
                "IN": [
                    "feel",
                    "feeling",
                    "so",
                    "really",
                    "very",
                    "a",
                    "bit",
                    "all",
                    "proper",
                    "right",
                    "super",
                    "well",
                    "constantly",
                    "always",
                    "that",
                    "too",
                ]
            },
            "OP": "*",
        },
        {"LOWER": {"IN": list(_FEEL_WORDS)}},
    ]
    coloured_ones = [
        {"LOWER": {"IN": list(_SIZES)}, "OP": "*"},
        {"LOWER": {"IN": list(_COLOURS)}},
        {"LOWER": {"IN": ["ones", "one"]}},
    ]
    # A medicine's name: most end in one of these ("naproxen", "amlodipine", "colchicine").
    drug_name = [{"LOWER": {"REGEX": _DRUG_NAME}}]
    # An effect said as a verb, however it is inflected: "constipates me", "I bruise terribly".
    effect_verb = [{"LOWER": {"REGEX": r"^(?:constipat\w*|bruis(?:e|es|ed|ing))$"}}]
    # A body part worn down: "statins doing me legs in", "it does my stomach in" (not "my
    # head", which is a temper).
    doing_in = [
        {"LOWER": {"IN": ["doing", "does", "did", "done"]}},
        {"LOWER": {"IN": ["me", "my", "ma", "mi", "his", "her"]}},
        {
            "LOWER": {
                "IN": [
                    "legs",
                    "leg",
                    "stomach",
                    "belly",
                    "guts",
                    "gut",
                    "back",
                    "knees",
                    "joints",
                    "muscles",
                    "bowels",
                    "kidneys",
                    "liver",
                    "chest",
                    "throat",
                    "skin",
                ]
            }
        },
        {"LOWER": "in"},
    ]
    # Weight put on: "I put on two stone", "gained 3 stone".
    weight_gained = [
        {"LOWER": {"IN": ["put", "putting", "piled", "gained", "gain"]}},
        {"LOWER": "on", "OP": "?"},
        {"LOWER": {"IN": ["a", "half", "two", "three", "four", "five"]}, "OP": "?"},
        {"LIKE_NUM": True, "OP": "?"},
        {"LOWER": {"IN": ["stone", "stones", "kilos", "kg", "lbs", "pounds"]}},
    ]
    # "my PA": a personal assistant, in capitals only ("pa" is a dad in some places).
    personal_assistant = [{"TEXT": {"IN": ["PA", "PAs", "P.A."]}}]
    # "Father Michael visits": a priest, not a dad ("my father Michael" is written small).
    priest = [{"TEXT": {"IN": ["Father", "Fr", "Fr."]}}, {"IS_TITLE": True}]
    return [
        {"label": RELATIONSHIP, "pattern": priest, "id": "church"},
        {"label": RELATIONSHIP, "pattern": personal_assistant, "id": "carer"},
        {"label": SIDE_EFFECT, "pattern": makes_me_feel},
        {"label": SIDE_EFFECT, "pattern": effect_verb},
        {"label": SIDE_EFFECT, "pattern": doing_in},
        {"label": SIDE_EFFECT, "pattern": weight_gained},
        {"label": MEDICATION, "pattern": coloured_ones},
        {"label": MEDICATION, "pattern": drug_name},
    ]


@lru_cache(maxsize=1)
def first_names() -> tuple[frozenset[str], frozenset[str]]:
    """Return the given names: all of them, and those safe to match in lower case too."""
    names: set[str] = set()
    lower_too: set[str] = set()
    for line in FIRST_NAMES_FILE.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        for word in line.split():
            name = word.rstrip("*")
            names.add(name)
            if word.endswith("*"):
                lower_too.add(name)
    return frozenset(names), frozenset(lower_too)


def name_patterns() -> list[Pattern]:
    """Return the patterns for a person named by their given name."""
    names, lower_too = first_names()
    titles = ["Mr", "Mrs", "Ms", "Miss", "Mr.", "Mrs.", "Ms.", "Mx"]
    return [
        {"label": PERSON, "pattern": [{"TEXT": {"IN": titles}}, {"IS_TITLE": True}]},
        {"label": PERSON, "pattern": [{"TEXT": {"IN": sorted(n.title() for n in names)}}]},
        {"label": PERSON, "pattern": [{"TEXT": {"IN": sorted(n.upper() for n in names)}}]},
        {"label": PERSON, "pattern": [{"TEXT": {"IN": sorted(lower_too)}}]},
    ]


def all_patterns() -> list[Pattern]:
    """Return all entity-ruler patterns for the Coproduce pipeline."""
    return [*phrase_patterns(), *token_patterns(), *name_patterns()]
