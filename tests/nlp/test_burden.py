"""extract_treatment_burdens: one burden per item, in a PETS/TBQ domain."""

from __future__ import annotations

import pytest

from coproduce.nlp.extraction import BURDEN_CATEGORIES, TreatmentBurden, extract_treatment_burdens


def test_example_from_the_brief() -> None:
    answer = "too many tablets, I never know which to take when, and physio is two buses away"
    assert extract_treatment_burdens(answer) == [
        TreatmentBurden("too many tablets, I never know which to take when", "medications"),
        TreatmentBurden("physio is two buses away", "appointments"),
    ]


@pytest.mark.parametrize(
    ("answer", "category"),
    [
        ("my water tablets", "medications"),
        ("the little white ones", "medications"),
        ("remembering to take them all", "medications"),
        ("the inhalers", "medications"),
        ("insulin injections 4 times a day", "medications"),
        ("waiting for my repeat prescription at the pharmacy", "medications"),
        ("getting to the chemist", "medications"),
        ("so many appointments", "appointments"),
        ("physio is two buses away", "appointments"),
        ("hospital visits take all day", "appointments"),
        ("waiting ages to see the GP", "appointments"),
        ("ringing the surgery at 8am to get through", "appointments"),
        ("blood tests every month", "tests_monitoring"),
        ("checking my sugars", "tests_monitoring"),
        ("doing my BP readings twice a day", "tests_monitoring"),
        ("finger pricks", "tests_monitoring"),
        ("waiting for scan results", "tests_monitoring"),
        ("prescription charges", "costs"),
        ("cant afford the parking at the hospital", "costs"),
        ("the parking fees", "costs"),
        ("the cost of taxis to the clinic", "costs"),
        ("side effects", "side_effects"),
        ("the tablets make me drowsy", "side_effects"),
        ("the new pills make me feel rubbish", "side_effects"),
        ("put on weight since the steroids", "side_effects"),
        ("feel sick all the time", "side_effects"),
        ("nobody explains what the tablets are for", "information"),
        ("i dont understand what theyre for", "information"),
        ("conflicting advice from the hospital and the gp", "information"),
        ("its all so confusing", "information"),
        ("the diabetes nurse tells me one thing and the gp another", "information"),
        ("sick of taking tablets", "medications"),
        ("fed up with it all", "other"),
        ("the diet", "other"),
    ],
)
def test_single_burden_category(answer: str, category: str) -> None:
    burdens = extract_treatment_burdens(answer)
    assert [b.category for b in burdens] == [category]
    assert burdens[0].text == answer.strip().rstrip(".")


def test_several_burdens_in_one_breath() -> None:
    answer = "The tablets make me sick. Blood tests every month and the parking costs a fortune"
    assert [b.category for b in extract_treatment_burdens(answer)] == [
        "side_effects",
        "tests_monitoring",
        "costs",
    ]


def test_categories_are_from_the_fixed_set() -> None:
    answers = ["tablets, physio and blood tests", "nothing really", "cant afford it; dizzy"]
    for answer in answers:
        for burden in extract_treatment_burdens(answer):
            assert burden.category in BURDEN_CATEGORIES


@pytest.mark.parametrize("answer", ["", "   "])
def test_no_burdens_in_an_empty_answer(answer: str) -> None:
    assert extract_treatment_burdens(answer) == []


@pytest.mark.parametrize(
    ("answer", "category"),
    [
        ("the colchicine gives me the trots", "side_effects"),
        ("naproxen does my stomach in", "side_effects"),
        ("the statin gives him achy legs", "side_effects"),
        ("the co-codamol bungs me up something rotten", "side_effects"),
        ("finger pricking is a pain in the backside", "tests_monitoring"),
        ("you need a PhD to get through to reception", "appointments"),
        # Doing exercises is self-care ("other") as people file it, whatever is unsure about it.
        ("I've no idea if I'm doing the pelvic floor exercises right", "other"),
        ("having to take the levothyroxine on an empty stomach", "medications"),
        # Money however it is written, and what insurance will not pay for.
        ("the GP visits are €60 each time", "costs"),
        ("the parking is 12 pounds", "costs"),
        ("Medicare does not cover all the therapy sessions", "costs"),
        ("put on 20 pounds since the tablets", "side_effects"),  # a weight, not money
        # Distance said short; what an unnamed or branded medicine does.
        ("nearest psych is 2 hrs away", "appointments"),
        ("getting him there without a car is a nightmare", "appointments"),
        ("Private aids are three grand, which I don't have", "costs"),
        ("the parking is a joke, six quid a go", "costs"),
        ("The weight gain and sedation from quetiapine", "side_effects"),
        ("The Voltaren does burn my stomach", "side_effects"),
        ("allopurinol made it flare when i started it so i stopped", "side_effects"),
        ("injection site reactions", "side_effects"),
        # Not effects: help that is not given, a pharmacy doing up the tablets.
        ("the school wants a diagnosis before they'll give her any support", "other"),
        ("the chemist does my tablets in a box", "medications"),
    ],
)
def test_burdens_said_in_everyday_words_find_their_domain(answer: str, category: str) -> None:
    [burden] = extract_treatment_burdens(answer)
    assert burden.category == category


def test_a_medicine_and_its_side_effect_are_two_burdens() -> None:
    burdens = extract_treatment_burdens(
        "He takes 9 tablets a day, and the statin gives him achy legs"
    )
    assert [b.category for b in burdens] == ["medications", "side_effects"]


@pytest.mark.parametrize(
    "text",
    [
        "the tablets upset my stumach",
        "ibuprofen not help much and my stomach burn from it",
        "Naproxen is doing my stomach in",
        "the statins leave me aching all over",
    ],
)
def test_what_a_medicine_does_to_the_body_is_a_side_effect(text: str) -> None:
    [burden] = extract_treatment_burdens(text)
    assert burden.category == "side_effects"


@pytest.mark.parametrize(
    "text", ["I do my inhalers twice a day", "the doctor has me on three inhalers"]
)
def test_taking_a_medicine_is_not_a_side_effect(text: str) -> None:
    [burden] = extract_treatment_burdens(text)
    assert burden.category == "medications"


@pytest.mark.parametrize(
    ("answer", "category"),
    [
        # Unwanted effects said the way people say them.
        ("the citalopram makes me feel numb", "side_effects"),
        ("the prednisolone leaves me ravenous", "side_effects"),
        ("his blood thinner bruises him so easily", "side_effects"),
        ("night sweats since starting the hormone tablets", "side_effects"),
        # Not being told, or not knowing.
        ("clinic letters take weeks to arrive", "information"),
        # The learned domains file what follows a visit with the visit.
        ("nothing in writing after the appointment", "appointments"),
        ("never quite sure if I take it with food", "information"),
        # What treatment asks of daily life is "other", and still its own burden.
        ("sticking to the low salt diet", "other"),
        ("doing the stretches every single day", "other"),
        # A slip of the thumb on a treatment word.
        ("rememberng all the tabelts", "medications"),
        ("the libre sensor falls off in the shower", "tests_monitoring"),
    ],
)
def test_burdens_as_patients_put_them(answer: str, category: str) -> None:
    [burden] = extract_treatment_burdens(answer)
    assert burden.category == category


def test_a_burden_of_daily_life_after_a_test_is_its_own_item() -> None:
    answer = "the bloods every fortnight, and no alcohol at all which is hard at weddings"
    assert [b.category for b in extract_treatment_burdens(answer)] == [
        "tests_monitoring",
        "other",
    ]


def test_a_side_effect_after_a_medicine_it_is_not_about_is_its_own_item() -> None:
    answer = "they stopped my naproxen because of my stomach, and the allopurinol gives me a rash"
    assert [b.category for b in extract_treatment_burdens(answer)] == [
        "side_effects",  # stopped because of what it did to the stomach
        "side_effects",
    ]


@pytest.mark.parametrize(
    ("text", "categories"),
    [
        ("the amitriptyline makes me dozy all morning", ["side_effects"]),
        ("the ibuprofen wrecks my stomach", ["side_effects"]),
        ("ankle swelling from the tablets", ["side_effects"]),
        ("the endoscopies are horrible", ["tests_monitoring"]),
        ("the mammograms make me anxious for weeks", ["tests_monitoring"]),
        ("I never get straight answers about whether the tingling will go", ["information"]),
        ("the diabetes line is always voicemail", ["information"]),
        ("he won't take the movicol sachets", ["medications"]),
        # A price of its own after "and" is a second burden.
        (
            "The appointments are every week now at the hospital and parking costs £8 each time",
            ["appointments", "costs"],
        ),
    ],
)
def test_the_burden_is_filed_by_what_it_is_about(text: str, categories: list[str]) -> None:
    assert [b.category for b in extract_treatment_burdens(text)] == categories


def test_scots_an_for_and_before_a_clause_of_its_own_starts_a_second_burden() -> None:
    found = extract_treatment_burdens(
        "blood tests every month for the methotrexate, an the oxygen man never turns up"
    )
    assert [b.text for b in found] == [
        "blood tests every month for the methotrexate",
        "the oxygen man never turns up",
    ]
    assert found[0].category == "tests_monitoring"


@pytest.mark.parametrize(
    ("text", "categories"),
    [
        # A medicine named, then its effect pointing back at it: one burden, a side effect.
        ("The tamoxifen is the big one, the hot flushes from it are awful", ["side_effects"]),
        # Medicines by name that no list could hold, and a few that end unusually.
        ("the anastrozole is fine, no bother", ["medications"]),
        ("the levodopa doses wear off", ["medications"]),
        ("jerky legs after each dose", ["side_effects"]),
        ("the water tablets mean I can't leave the house before noon", ["side_effects"]),
        # Money said without the word cost.
        ("we've spent a fortune on bandages the chemist won't prescribe", ["costs"]),
        ("the dressings aren't on prescription so I'm buying them", ["costs"]),
        # Not knowing what is happening, or what to believe.
        ("I looked it up online and now I'm scared", ["information"]),
        ("there is never an interpreter so my son has to come", ["information"]),
        ("I don't know what the MRI showed, nobody said", ["information"]),
        # Getting an appointment by phone is about appointments.
        ("you can't get through on the phone before 9", ["appointments"]),
        ("ringing up for a slot makes me anxious", ["appointments"]),
        ("cooking separate meals for me and the kids", ["other"]),
        # A medicine that did not work, named or not.
        ("and the fexofenadine did nothing", ["medications"]),
        # An infusion is a half day at the hospital: an appointment.
        ("the infusions take a whole day each month", ["appointments"]),
        # Nobody joining up the care, or saying what the results mean.
        ("bounced from one person to another and still no plan", ["information"]),
        ("I don't get what the numbers on my results mean", ["information"]),
        ("the statins, no idea if they're doing anything, nobody's said", ["information"]),
    ],
)
def test_burdens_said_the_way_people_say_them(text: str, categories: list[str]) -> None:
    assert [b.category for b in extract_treatment_burdens(text)] == categories


@pytest.mark.parametrize(
    ("text", "categories"),
    [
        ("the tiredness from the pills is the worst bit", ["side_effects"]),
        ("we never know who to call when it flares", ["information"]),
        ("the hospital discharged him and that was that", ["information"]),
        ("timing the diuretics round the school run", ["medications"]),
    ],
)
def test_what_the_medicine_causes_and_who_to_ask(text: str, categories: list[str]) -> None:
    assert [b.category for b in extract_treatment_burdens(text)] == categories


@pytest.mark.parametrize(
    ("text", "categories"),
    [
        # Medicines that are a burden of their own, then one of them's effect: two burdens.
        (
            "so many pills i lose count, and one of them gives me a dry cough",
            ["medications", "side_effects"],
        ),
        (
            "four different inhalers and I can never remember which is which. They make my "
            "voice hoarse and sting my throat",
            ["medications", "side_effects"],
        ),
        # A weight gain said as people say it, then a subject-less "am on ..." of its own.
        (
            "the quetiapine has put two stone on me, am on that many meds too",
            ["side_effects", "medications"],
        ),
        # A test with its own frequency, then its cost: two burdens.
        (
            "bloods every fortnight at the hospital and the parking is a fortune",
            ["tests_monitoring", "costs"],
        ),
        # "on that many tablets" names the tablets; it does not point back.
        ("the sertraline's fine, am on that many tablets though", ["medications", "medications"]),
    ],
)
def test_two_burdens_in_one_breath_are_two_items(text: str, categories: list[str]) -> None:
    assert [b.category for b in extract_treatment_burdens(text)] == categories


@pytest.mark.parametrize(
    ("text", "categories"),
    [
        ("the amlodipine gives us swollen ankles", ["side_effects"]),
        ("the injections are at the eye clinic, forty minutes each way", ["appointments"]),
        ("picking up from the hospital pharmacy is a half day off work", ["appointments"]),
        ("I lose a shift every time and it's unpaid", ["costs"]),
        ("I'm on so many pills. Too many letters and forms", ["medications", "information"]),
        ("they want stool samples dropped at the surgery", ["tests_monitoring"]),
        ("nobody joins it all up", ["information"]),
        ("told to cut the cheese and red meat, which is hard", ["other"]),
        # Taken back and mended: one burden, as finally said.
        ("The inhaler is ok. Actually no, it gives me a hoarse voice", ["side_effects"]),
        # A subject-less "and never ..." is the same person's; never hearing is information.
        ("had a scan in March and never heard anything back", ["information"]),
        # A short "nobody's told me" after a question is about that question.
        ("can I drive on these? Nobody's told me", ["information"]),
        # What a trip costs, said after a comma.
        ("a taxi to the clinic, £20 there and back", ["costs"]),
        # The thing named first, then what is wrong with it.
        ("the patches, nobody explained where to put them", ["information"]),
        ("she pays for all her prescriptions herself", ["costs"]),
        ("the tramadol makes her confused and dozy", ["side_effects"]),
        # A test keeps its own heading, however far away or long it takes.
        ("they send me all the way to Kettering for the scans", ["tests_monitoring"]),
        ("the DEXA scan every two years means a day off work", ["tests_monitoring"]),
        ("the patches leave my skin red and itchy", ["side_effects"]),
        ("i feel flu-like the day after the jab", ["side_effects"]),
        ("the pharmacist talk fast, i not understand", ["information"]),
        ("the rheumatologist only once a year, not enough", ["appointments"]),
        ("the fluids, I'm only allowed a litre", ["other"]),
    ],
)
def test_burdens_as_more_people_say_them(text: str, categories: list[str]) -> None:
    assert [b.category for b in extract_treatment_burdens(text)] == categories


@pytest.mark.parametrize(
    ("text", "categories"),
    [
        # What a medicine does to the body, said without "gives me".
        ("the naproxen upsets the stomach", ["side_effects"]),
        ("diclofenac wrecks ma guts", ["side_effects"]),
        # Two burdens: it does not help, and what it does.
        (
            "co-codamol, not much help, and my stomach is burning after",
            ["medications", "side_effects"],
        ),
        ("tried sertraline once and it made me dead sick", ["side_effects"]),
        # Money said as people say it; time is not money.
        ("the carer's allowance is a pittance", ["costs"]),
        ("a tenner for each prescription", ["costs"]),
        ("every clinic visit costs me a day on the sofa", ["appointments"]),
        # Getting hold of the service, and seeing someone new every time.
        ("the respiratory helpline never rings back", ["information"]),
        ("a different doctor every time I go", ["appointments"]),
        ("the phone system at the practice is an endurance test", ["appointments"]),
        # Not being told.
        ("I'm not clear why they stopped my amlodipine", ["information"]),
        ("don't know whether I'm allowed to drive on it", ["information"]),
        ("the metformin - nobody said how long to take it", ["information"]),
        # What the patient is asked to do themself.
        ("the breathing exercises app is a faff", ["other"]),
        # A bulleted list is one burden a bullet.
        ("- bloods every month - no clear plan", ["tests_monitoring", "information"]),
        ("injecting in front of people", ["medications"]),
        ("the levothyroxin has to be on an empty stomach", ["medications"]),
        ("the clozapine has me dribbling", ["side_effects"]),
        ("grogginess from the mirtazapine", ["side_effects"]),
        ("pred makes my face swell", ["side_effects"]),
        ("naebody showed me how to use the spacer", ["information"]),
        ("nobody has told us what happens next", ["information"]),
        ("I'm confused which clinic I'm meant to go to", ["information"]),
        ("googled it and scared myself silly", ["information"]),
        ("the hand therapy is at 10 on a weekday", ["appointments"]),
        ("one physio told me to push through when the guidance says the opposite", ["information"]),
        # Putting a cream or drops on is the patient's own work.
        ("the emollient is greasy and gets on everything", ["other"]),
        ("I can't see to put the drops in", ["other"]),
        ("creams twice a day and she hates me rubbing them in", ["other"]),
        ("the pharmacy never has the cream in stock", ["medications"]),
        # Not knowing, said with "really" in it.
        ("I don't really understand whether I can drive", ["information"]),
        ("don't really know what else there is for it", ["information"]),
        # Feeling rough after a medicine, a medicine's interactions, a single antibiotic.
        ("feel rough for a day after the weekly tablets", ["side_effects"]),
        ("worried about interactions with my other meds", ["medications"]),
        ("been on the antibiotic for months", ["medications"]),
        # Getting through at 8, a short check, and what a taxi costs.
        ("phoning at 8 o clock is hopeless", ["appointments"]),
        ("the six week check was five minutes", ["appointments"]),
        ("it's a taxi there, which costs 20 pounds", ["costs"]),
    ],
)
def test_burdens_said_in_still_more_ways(text: str, categories: list[str]) -> None:
    assert [b.category for b in extract_treatment_burdens(text)] == categories


@pytest.mark.parametrize(
    ("text", "categories"),
    [
        # A symptom said on its own, in an answer about treatment, is what the treatment does.
        ("Thirsty all the time. The tremor.", ["side_effects", "side_effects"]),
        ("the co-codamol bungs us up somethin shockin", ["side_effects"]),
        ("I don't like taking tablets, they do be at my stomach", ["side_effects"]),
        ("The letrozole is causing the joint pain, I'm fairly sure", ["side_effects"]),
        ("the exercise class is causing me stress", ["other"]),
        # What nobody has told, given or answered, however it is said.
        ("no one's ever told me about the diet", ["information"]),
        ("No one has ever given us a written asthma plan", ["information"]),
        ("I've never had a clear answer on lithium and pregnancy", ["information"]),
        ("dont even no how to book a midwife", ["information"]),
        # A service named after a medicine is where care is given; time is not money.
        ("the lithium clinic is only open Tuesday mornings", ["appointments"]),
        ("the warfarin nurse changes my dose every week", ["appointments"]),
        ("I cannit afford to sit in A&E for 6 hours again", ["appointments"]),
        ("I can't afford the parking", ["costs"]),
    ],
)
def test_a_symptom_alone_what_nobody_says_and_where_care_is_given(
    text: str, categories: list[str]
) -> None:
    assert [b.category for b in extract_treatment_burdens(text)] == categories


@pytest.mark.parametrize(
    ("text", "categories"),
    [
        ("TOO MANY TABLETS AND I CANT READ THE LABELS", ["medications", "information"]),
        ("Appointment letters are only in English.", ["information"]),
        ("he doesn't know why he takes them", ["information"]),
        ("I never got the results of the blood tests.", ["information"]),
        ("waiting for test results is awful", ["tests_monitoring"]),
        ("Nobody seems to know about severe ME", ["information"]),
        ("keep bein told its normal morning sickness", ["information"]),
        ("The A&E doctor said it's 'probably anxiety' and sent me home", ["information"]),
        ("Any appointment costs her weeks of crash", ["appointments"]),
        ("prescriptions cost me a fortune", ["costs"]),
    ],
)
def test_what_they_cannot_read_were_never_told_or_were_told_instead(
    text: str, categories: list[str]
) -> None:
    assert [b.category for b in extract_treatment_burdens(text)] == categories


def test_a_numbered_list_gives_its_items_not_its_numbers() -> None:
    text = "1. The prescription charges.\n2. Her tablets must be crushed.\n3. Nobody explained the mask."
    assert [b.category for b in extract_treatment_burdens(text)] == [
        "costs",
        "medications",
        "information",
    ]


@pytest.mark.parametrize(
    ("text", "categories"),
    [
        ("Tablets for my blood pressure.", ["medications"]),
        ("Keep forgetting them since Sheila used to put them out.", ["medications"]),
        ("I forget the night one sometimes", ["medications"]),
        ("I forget appointments all the time", ["appointments"]),
        ("the metformin and the blood sugar checks", ["medications", "tests_monitoring"]),
    ],
)
def test_what_a_medicine_is_for_and_forgetting_it(text: str, categories: list[str]) -> None:
    assert [b.category for b in extract_treatment_burdens(text)] == categories


@pytest.mark.parametrize(
    ("text", "categories"),
    [
        # How care is run or how they are treated: "other", whatever service is named.
        ("in a&e staff treat me like im after drugs which is horrible", ["other"]),
        ("I get misgendered at reception which makes me not want to come in", ["other"]),
        ("we've been passed between the memory clinic and the GP", ["other"]),
        ("the surgery and the hospital don't talk to each other", ["other"]),
        ("Im trying to sort attendance allowance and the forms are endless", ["other"]),
        ("the mask leaks and the machine is noisy", ["other", "other"]),
        ("the machine for the sugar I don't know how to use it", ["information"]),
    ],
)
def test_how_care_is_run_and_how_they_are_treated(text: str, categories: list[str]) -> None:
    assert [b.category for b in extract_treatment_burdens(text)] == categories


@pytest.mark.parametrize(
    "text", ["The statin aches.", "Steroid cream make skin thin, I am afraid to use much."]
)
def test_an_ache_and_thin_skin_from_a_medicine_are_side_effects(text: str) -> None:
    assert [b.category for b in extract_treatment_burdens(text)] == ["side_effects"]


@pytest.mark.parametrize(
    ("text", "categories"),
    [
        # A price without its sign; feeling sick on the methotrexate day is what it does.
        ("prescriptions r like 9.90 each n i need 3 a month", ["costs"]),
        ("Methotrexate day I feel sick and tired two days", ["side_effects"]),
        ("I'm sick and tired of waiting for the hospital", ["appointments"]),
        # What was handed over to read, and "bp tabs" are tablets, not a reading.
        ("Dietitian sheet is all English food, not our food.", ["information"]),
        ("bp tabs make me dizzy getting up", ["side_effects"]),
        ("Hydroxycarbamide means a blood count every 8 weeks", ["tests_monitoring"]),
        # The price of what was just named belongs to it.
        ("havent got a machine, they cost like 30 quid", ["costs"]),
        # A sentence opening "When ..." is a burden of its own.
        (
            "Blood count every 8 weeks at the day unit. When I went to A&E I waited four hours.",
            ["tests_monitoring", "appointments"],
        ),
        (
            "Parking is 12 pounds a day. And she got a 40-page booklet nobody explained.",
            ["costs", "information"],
        ),
    ],
)
def test_prices_sheets_and_sentences_of_their_own(text: str, categories: list[str]) -> None:
    assert [b.category for b in extract_treatment_burdens(text)] == categories


@pytest.mark.parametrize(
    ("text", "categories"),
    [
        ("They gave me tamsulosin and it makes me dizzy when I stand up.", ["side_effects"]),
        ("I got put on sertraline 3 weeks ago and it's made me feel sick", ["side_effects"]),
        ("He's on about 12 tablets and one of them gives him a cough", [
            "medications", "side_effects"]),
        ("nobody really explained what to expect from the tablets", ["information"]),
        ("I was told never to give him certain medicines", ["medications"]),
        ("The patches irritate his skin.", ["side_effects"]),
        ("The prescription prepayment thing, I only found out about it after paying", [
            "costs", "costs"]),
        ("she can't remember what the nurse told her", ["information"]),
        ("the renal team and the GP don't talk to each other", ["other"]),
        ("Social services and the GP each say the other one should do it", ["other"]),
        ("Gliclazide, metformin, now insulin at night also. Too many.", ["medications"]),
        ("blood tests every month and the parking each time is 5 pounds", [
            "tests_monitoring", "costs"]),
        ("The blood tests every three months I have to take a morning off work, money lost", [
            "tests_monitoring", "costs"]),
        ("for 3 months I have been waiting", ["appointments"]),
    ],
)  # fmt: skip
def test_what_a_medicine_does_after_and_two_services_that_do_not_talk(
    text: str, categories: list[str]
) -> None:
    assert [b.category for b in extract_treatment_burdens(text)] == categories


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A list numbered in line is one item per number, without the numbers.
        ("1) naproxen does nothing but give me heartburn 2) physio waiting list 14 weeks lol "
         "3) paid for a private chiro 45 quid a go", [
            ("naproxen does nothing but give me heartburn", "side_effects"),
            ("physio waiting list 14 weeks lol", "appointments"),
            ("paid for a private chiro 45 quid a go", "costs")]),
        ("I take 2. Then 1 more at night", [("I take 2. Then 1 more at night", "other")]),
        # What there is too much of heads the item.
        ("too many inhalers dont know which is which", [
            ("too many inhalers dont know which is which", "medications")]),
        ("too many appointments - eye clinic injections monthly, diabetic clinic, podiatry", [
            ("too many appointments - eye clinic injections monthly, diabetic clinic, podiatry",
             "appointments")]),
        # An effect said as a verb stays with the medicine.
        ("the co-codamol takes the edge off but constipates me", [
            ("the co-codamol takes the edge off but constipates me", "side_effects")]),
        ("I also bruise terribly", [("I also bruise terribly", "side_effects")]),
        ("MRIs every yr which i hate cos claustrophobic", [
            ("MRIs every yr which i hate cos claustrophobic", "tests_monitoring")]),
        ("I've spent hundreds on supplements that didn't help", [
            ("I've spent hundreds on supplements that didn't help", "costs")]),
        ("nobody will talk to me because of confidentiality", [
            ("nobody will talk to me because of confidentiality", "information")]),
        # A new sentence about the patient is a burden of its own.
        ("The water tablet makes him need the loo so he can't go out. He's on 11 different "
         "tablets", [
            ("The water tablet makes him need the loo so he can't go out", "side_effects"),
            ("He's on 11 different tablets", "medications")]),
        ("The letrozole is the problem really, it's the side effects.", [
            ("The letrozole is the problem really, it's the side effects", "side_effects")]),
        # A short remark with no topic, then what it is about.
        ("I work shifts, very hard to make appointment", [
            ("I work shifts, very hard to make appointment", "appointments")]),
        ("The emollient has to go on four times a day", [
            ("The emollient has to go on four times a day", "other")]),
    ],
)  # fmt: skip
def test_numbered_lists_too_many_of_one_thing_and_effects_said_as_verbs(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(b.text, b.category) for b in extract_treatment_burdens(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Advice that does not agree is one burden, about information.
        ("The GP said use the steroid sparingly, the pharmacist said use it properly, the "
         "nurse said something different again", ["information"]),
        ("I was told by one person to keep active and by another to rest it", ["information"]),
        ("the oncologist says one thing and the breast nurse another about exercising the arm",
         ["information"]),
        ("I get told one thing by the renal lot and another by the GP about my blood pressure "
         "tablets", ["information"]),
        ("every doc tells me smth diff abt fodmap", ["information"]),
        ("Also my thyroid went underactive, so that's another tablet and another test", [
            "medications", "tests_monitoring"]),
        # A clause that starts "which" is about what came before it.
        ("I've got my own tablets and his to sort, which gets muddled", ["medications"]),
        # A new sentence about her things is its own burden.
        ("She's on 11 tablets. Her hearing aid batteries keep running out", [
            "medications", "other"]),
        # What nobody wrote, and being told what to do with nothing to go on.
        ("Nobody has written to me since I was put on the list", ["information"]),
        ("I was told to 'improve sleep hygiene' without any specific instructions", [
            "information"]),
        # What the medicine does, said as people say it.
        ("Doctor give me naproxen, my stomach is burning", ["side_effects"]),
        ("On pregabalin I put on two stone", ["side_effects"]),
        ("the infusion makes me fluey for a few days after", ["side_effects"]),
        ("I get a bit muddled with the tablets", ["medications"]),
        # How they were treated, and a surgery that does not fit a wheelchair user.
        ("then got told off about my weight by the same surgery", ["other"]),
        ("The surgery couch doesn't go low enough and there's no hoist", ["other"]),
        # Fear of the needle goes with the test it is for.
        ("Blood tests are really hard for him, he's scared of needles", ["tests_monitoring"]),
        ("Prescriptions add up too, two inhalers a month", ["costs"]),
        ("the transplant team and the dialysis unit never seem to know what the other is doing",
         ["other"]),
        # A closing word is not a burden.
        ("Bone scans. Anyway.", ["tests_monitoring"]),
    ],
)  # fmt: skip
def test_advice_that_does_not_agree_and_burdens_said_in_passing(
    text: str, expected: list[str]
) -> None:
    assert [b.category for b in extract_treatment_burdens(text)] == expected


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Three different inhalers and I swear I don't know which is which half the time",
         "medications"),
        ("The dose changes so often that I become confused about which colour tablets to take",
         "medications"),
        # Unless nobody told them: then it is what they were not told.
        ("nobody has explained which tablets to take when", "information"),
    ],
)  # fmt: skip
def test_telling_medicines_apart_is_the_work_of_taking_them(text: str, category: str) -> None:
    assert [b.category for b in extract_treatment_burdens(text)] == [category]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # Parking is what it costs; the walk from the car park is getting there.
        ("Parking at Preston is a nightmare as well", "costs"),
        ("it is a long walk from the car park", "appointments"),
        # Each service sending them to the other is how care is run.
        ("the gender clinic says its the gps job and the gp says ask the clinic", "other"),
        ("I never hear the results unless something's wrong", "information"),
    ],
)  # fmt: skip
def test_parking_services_that_send_them_back_and_results_never_heard(
    text: str, category: str
) -> None:
    assert [b.category for b in extract_treatment_burdens(text)] == [category]


@pytest.mark.parametrize(
    ("text", "categories"),
    [
        # A body part worn down by a medicine is its side effect.
        ("statins doing me legs in", ["side_effects"]),
        ("Naproxen done my stomach in so they took me off it", ["side_effects"]),
        ("my hair is falling out from the chemo", ["side_effects"]),
        # A medicine that "made me feel like" something did it; a person made them feel small.
        ("Topiramate made me feel like a zombie so I stopped it", ["side_effects"]),
        ("the GP made me feel like a time waster", ["other"]),
        ("I get many colds since I start it", ["side_effects"]),
        ("The pads are a considerable expense on my pension", ["costs"]),
        ("The blood test, the results I never hear", ["information"]),
        # Two people telling them different things is one burden of information.
        ("the dietitian and the midwife tell me different things about carbs", ["information"]),
        # "never turns up" has its own verb, so it is a burden of its own.
        (
            "The physio leaflets are in English so she doesn't do the exercises, and the "
            "interpreter for phone appointments never turns up",
            ["information", "appointments"],
        ),
        # A phosphate binder is a medicine, one of the many tablets.
        ("Many tablets, phosphate binder with every food.", ["medications"]),
    ],
)
def test_a_medicine_doing_a_body_part_in_and_a_binder(text: str, categories: list[str]) -> None:
    assert [b.category for b in extract_treatment_burdens(text)] == categories


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "For every appointment I must switch off the taxi and lose a morning's earnings.",
            [
                ("For every appointment I must switch off the taxi", "appointments"),
                ("lose a morning's earnings", "costs"),
            ],
        ),
        (
            "Physio waiting list was 5 months so I went privately at £60 a session",
            [
                ("Physio waiting list was 5 months", "appointments"),
                ("I went privately at £60 a session", "costs"),
            ],
        ),
        (
            "the blood tests every month which means a taxi into town, eighteen pound there and back",
            [
                ("the blood tests every month", "tests_monitoring"),
                ("a taxi into town, eighteen pound there and back", "costs"),
            ],
        ),
        (
            "every appointment means losing half a day's billing",
            [("every appointment", "appointments"), ("losing half a day's billing", "costs")],
        ),
        # No cost in what follows: one burden.
        (
            "the infusion takes all day so I can't pick the kids up",
            [("the infusion takes all day so I can't pick the kids up", "appointments")],
        ),
    ],
)
def test_what_a_burden_costs_is_a_burden_of_its_own(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(b.text, b.category) for b in extract_treatment_burdens(text)] == expected


def test_how_the_skin_is_after_and_stays_with_its_burden() -> None:
    burdens = extract_treatment_burdens("Injection every day, my stomach is red and sore.")
    assert [(b.text, b.category) for b in burdens] == [
        ("Injection every day, my stomach is red and sore", "side_effects")
    ]
