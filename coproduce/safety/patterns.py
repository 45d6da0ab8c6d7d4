"""Regular expressions, over normalised words, for each red-flag category and its vetoes."""

from __future__ import annotations

import re
from functools import lru_cache

CATEGORIES: tuple[str, ...] = (
    "self_harm",
    "chest_pain",
    "stroke",
    "breathing",
    "bleeding",
    "overdose",
    "harm_from_others",
)

# One free word inside a pattern; never a negation or a contrast, so gaps cannot hide them.
_W = r"(?!(?:not|never|no|nobody|none|but|however|although|though|except|whereas)\b)[a-z0-9']+"


def _gap(most: int) -> str:
    return rf"(?:{_W} ){{0,{most}}}?"


G1, G2, G3, G4, G5 = (_gap(n) for n in (1, 2, 3, 4, 5))
MY = r"(?:my |me |the |ma |his |her |this |both )?"
CANT = (
    r"(?:can not|could not|unable to|can barely|can hardly|could barely|barely|hardly|"
    r"struggling to|struggle to|not able to|struggled to|difficult to|hard to|trouble to|"
    r"fighting to|"
    r"can not really|can not seem to|will not let me)"
)

_SELF_HARM_ACTS = (
    r"(?:die|dying|be dead|end it all|end it(?! with| off)|ending it all|ending it(?! with| off)|"
    r"end things(?! with)|ending things(?! with)|end my life|ending my life|end my own life|"
    r"kill my ?self|killing my ?self|take my own life|take my life|taking my own life|"
    r"taking my life|hang my ?self|hanging my ?self|top my ?self|topping my ?self|"
    r"off my ?self|hurt my ?self|hurting my ?self|harm my ?self|harming my ?self|"
    r"cut my ?self|cutting my ?self|suicide|jump off|jumping off|jump in front|"
    r"jumping in front|drive into|driving into|not wake up|not waking up|never wake up|"
    r"sleep forever|disappear forever|disappear for good|overdose|overdosing|"
    r"take an overdose|taking an overdose|"
    r"tak(?:e|ing) them all|swallow(?:ing)? them all|tak(?:e|ing) the lot|"
    r"tak(?:e|ing) all (?:of )?my (?:tablets|pills|meds))"
)

SELF_HARM = [
    rf"(?:want|wanted|wanting|wish|wished|going|plan|planning|planned|thinking|thought|think|"
    rf"thoughts|tempted|ready|urge|urges|feel like|feeling like|felt like|decided|trying|"
    rf"tried|try|attempted|keep thinking|thinks) (?:to |about |of |on )?(?:just |really |"
    rf"actually |seriously )?{_SELF_HARM_ACTS}",
    r"(?:kill|killing|killed|hurt|hurting|harm|harming|harmed|cut|cutting|burn|burning|burnt|"
    r"starve|starving|punish|punishing|strangle|strangling|hang|hanging|drown|drowning|"
    r"poison|poisoning|top|topping|off|offing) my ?self",
    r"self (?:- )?harm(?:ing|ed|s)?",
    r"suicidal",
    r"suicide (?:attempt|plan|plans|note|thoughts|pact)",
    r"(?:thoughts|thinking|thought|think|ideas|ideation) (?:of|about) (?:suicide|ending|dying|"
    r"death|killing|taking my|hurting|harming|jumping|not being here)",
    r"(?:do not|no longer|not) (?:really )?(?:want|wish) (?:to )?(?:be here|be alive|live|"
    r"exist|go on|carry on|wake up|keep going|be around)(?! (?:all day|for (?:hours|long|ages)|"
    r"in (?:hospital|the|a|this (?:hospital|place|waiting))|at |waiting|over |on (?:the|a) ))",
    r"(?:no|not any|not a|nothing) (?:point|reason|purpose) (?:in |to |of )?(?:living|live|life|"
    r"going on|go on|carrying on|carry on|being here|being alive|being around|me being here|"
    r"existing|staying alive|anymore)",
    r"what is the point (?:in |of )?(?:living|life|going on|carrying on|being here|being alive|"
    r"me|anything|it all|existing|any of it|anymore|any more)",
    r"(?:do not|not|can not|never) see (?:the |any )?point (?:in |of )?(?:living|going on|"
    r"being alive|being here|life|carrying on|anything)",
    r"nothing (?:left )?to live for",
    r"better off (?:without me|dead|with me gone|if i (?:was|were|am|had) (?:not |never )?"
    r"(?:here|around|gone|dead|alive|born))",
    r"wish i (?:was|were) (?:dead|gone|not here|not alive|never born)",
    r"wish i (?:had|had not|could|would|would not|did not) (?:never |not |just )?(?:been born|"
    r"die|wake up|disappear|sleep forever|go to sleep and (?:not|never) wake up)",
    r"(?:go to sleep|fall asleep|sleep) and (?:not|never) wake up",
    r"tired of (?:living|life|being alive|being here|existing)",
    r"(?:life|living) (?:is not|is not really|not) worth (?:living|it)",
    r"not worth living",
    r"(?:can not|could not) (?:go on|carry on|keep going|do this anymore|do this any more|"
    r"take (?:it|this) any ?more|cope any ?more)",
    r"(?:nobody|no one|noone) (?:would|will|'d) (?:even )?(?:miss me|notice if i|care if i|"
    r"notice i am gone|care i am gone)",
    r"(?:saving|saved|stockpiling|stockpiled|hoarding|hoarded|collecting|collected|storing|"
    r"stored) (?:up )?(?:my |all my |some of my |the )?(?:tablets|pills|meds|medication|"
    r"medicine|painkillers)",
    r"(?:suicide|goodbye) (?:note|letter)|note (?:for|to) (?:my |the )?(?:kids|children|family|"
    r"husband|wife|partner)|note to say goodbye",
    r"(?:bought|got|buying|found|have) a rope",
    r"(?:look|looked|looking|googled|googling|searched|searching|researching|researched) "
    r"(?:up )?(?:ways|how|methods) to (?:die|kill|end|overdose|commit)",
    r"ways to (?:kill my ?self|die|end it|end my life)",
    r"(?:jump|jumping|jumped) (?:off|from|in front of) (?:a |the |this |that )?(?:bridge|"
    r"building|train|cliff|roof|car|bus|balcony|motorway)",
    r"(?:drive|driving|crash|crashing) (?:my car |the car )?(?:into|off) (?:a |the )?"
    r"(?:wall|tree|bridge|lorry|oncoming|river|cliff)",
    r"want (?:it|it all|everything|this|life) (?:all )?to end",
    r"wish (?:it|it all|everything) (?:would|could) (?:all )?(?:just )?end",
    r"(?:imagining|imagine|dreaming of|dream of|fantasi[sz]ing about|picturing) (?:not being "
    r"(?:alive|here|around)|being dead|my (?:own )?funeral|dying)",
    r"(?:cutting|burning|slicing|slitting|slit) (?:my |me )?(?:arms|wrists|wrist|legs|thighs)",
    r"(?:can not|do not|could not) see (?:a |any )?way out",
    r"(?:no|not any|not a) (?:reason|point|purpose) (?:for me )?to (?:keep |go on |carry on )?"
    r"(?:living|live|going|being here|being alive)",
    r"why (?:i should|should i) (?:carry on|keep|go on|bother) (?:living|going|being alive)",
    r"(?:go to )?sleep forever|sleep and never wake",
    r"(?:rather|happier|better) (?:be )?dead",
    r"(?:happier|better) (?:off )?(?:if i (?:was|were) (?:dead|gone)|without me)",
    r"(?:want|wants|wanted) to (?:end everything|disappear and never come back)",
    r"(?:want|wants) (?:it|this|everything|life) (?:all )?to (?:be over|stop) (?:for good|"
    r"forever|permanently)",
    r"want out (?:for good|of life|of this life)",
    r"(?:sick|tired|exhausted|done) (?:of|with|by) (?:being alive|living|life|existing)",
    r"(?:cut|slit|slashed|slashing) (?:my )?wrists?",
    r"(?:cut|cutting|burnt|burned|burning|scratch\w*|hurt|hurting|hit|hitting|punch\w*|"
    r"bang\w*|starv\w*)\b.{0,40}\bon purpose",
    r"(?:step|stepping|walk|walking|throw my ?self|jump|jumping) in front of (?:a |the )?"
    r"(?:train|bus|lorry|car|truck)",
    r"(?:nobody|no one) cares (?:if|whether) i (?:live|die|am alive)",
    r"might as well (?:end it|die|be dead|kill my ?self)",
]

CHEST = r"(?:chest|chests)"
_CHEST_FEEL = (
    r"(?:pain|pains|painful|ache|aches|aching|achy|hurts|hurt|hurting|discomfort|tightness|"
    r"pressure|heaviness|tight|tighter|crushing|crushed|squeezing|squeezed|heavy|sore|burning|"
    r"killing me|in a vice|like a vice|on fire|agony|agonising|agonizing|burst|bursting|"
    r"stabbing|exploding)"
)
_CHEST_CAUSE = (
    r"(?:pain|pains|ache|aching|pressure|tightness|heaviness|crushing|squeezing|squeeze|"
    r"tight band|band|vice|burning|discomfort|elephant|someone|something|brick|bricks|weight|"
    r"heavy feeling|heavy weight|tight feeling)"
)
CHEST_PAIN = [
    rf"{CHEST} {G5}{_CHEST_FEEL}",
    rf"(?:tight|heavy|sore|painful|crushing|aching|achy|tightening|squeezing) {CHEST}",
    rf"{_CHEST_CAUSE} {G4}(?:in|on|across|around|round|over|behind|through|into|of|from) "
    rf"{MY}(?:left |right |whole |middle of (?:my |the )?|centre of (?:my |the )?)?{CHEST}",
    r"(?:pain|pains|ache|aching|heaviness|tightness|it|pressure) (?:is |has |keeps |was )?"
    r"(?:going|goes|went|spreading|spreads|spread|shooting|shoots|radiating|radiates|moving|"
    r"moves|travelling|traveling|travels|running|runs) (?:down|into|up|to|through|along|across) "
    r"(?:into )?(?:my |me |the |both )?(?:left |right )?(?:arm|arms|jaw|neck|shoulder|back)",
    r"(?:having|am having|is having|is this) (?:a |another )?heart attack",
    r"heart attack (?:now|right now)",
    r"(?:this is|this could be|this might be|this must be|it could be|it might be) "
    r"(?:a )?heart attack",
    r"heart (?:hurts|is hurting|aches|is aching|is being squeezed|feels squeezed|pain|"
    r"feels like (?:it is )?being squeezed)",
    rf"(?:angina|gtn|spray) {G3}(?:not working|is not working|not helping|is not helping|"
    rf"not touching|will not (?:stop|go|settle)|getting worse|is not doing)",
]

_LIMB = r"(?:arm|arms|hand|hands|side|fingers|leg and arm|arm and leg)"
STROKE = [
    rf"(?:face|mouth|smile|lip|eyelid|cheek|side of {MY}(?:face|mouth)) {G4}(?:droopy|"
    r"drooping|drooped|droop|dropped|dropping|sagging|sagged|saggy|lopsided|fallen|slipped|"
    r"gone funny|funny on one side|gone numb|numb|gone weird|crooked|wonky|twisted|paralyzed|"
    r"not moving|will not move|gone slack|slack)",
    r"(?:droopy|drooping|dropped|lopsided|wonky|crooked) (?:face|mouth|smile)",
    rf"{CANT} (?:lift|raise|move|feel|use|grip with|hold up|hold) (?:up )?{MY}(?:left |right )?"
    r"(?:arm|arms|hand|side|fingers|leg and arm|arm and leg|left side|right side|one side)",
    rf"{CANT} (?:move|feel|use) {MY}(?:left |right |one )side",
    rf"{_LIMB} {G4}(?:gone weak|went weak|is weak|are weak|weak|gone numb|went numb|numb|"
    r"gone dead|went dead|dead|floppy|limp|heavy|will not work|not working|useless|"
    r"will not grip|paralyzed|no strength)",
    r"(?:weak|numb|dead|floppy|limp|heavy|useless) (?:left |right )?(?:arm|hand|side)",
    r"(?:slurring|slurred|slurry|slur) (?:my |his |her )?(?:words|speech)?",
    rf"(?:speech|words|talking|voice|talk) {G4}(?:slurred|slurry|slurring|jumbled|muddled|"
    r"garbled|mixed up|all wrong|wrong|funny|weird|strange|not right|nonsense|gibberish)",
    r"words (?:will not|do not|can not|would not) come out(?: right| properly)?",
    rf"{CANT} (?:get {MY}words out|form words|say {MY}words|find (?:my|his|her) words)",
    rf"(?:sudden|suddenly) {G2}(?:weakness|numbness)",
    rf"{CANT} smile (?:properly|on one side|straight)",
    r"(?:lost|losing|no) (?:the )?(?:feeling|sensation|strength|power) (?:in|down|on) "
    r"(?:one|my left|my right|the left|the right|my) (?:side|arm|hand)",
    r"(?:saying|using) (?:the )?wrong words",
    r"(?:this|it) (?:is|could be|might be|must be|may be) (?:a )?(?:mini )?(?:stroke|tia)",
    rf"(?:half|one side of|left side of|right side of) (?:my )?(?:body|face) {G3}(?:weak|numb|"
    r"dead|droop\w*|paralyzed)",
    rf"(?:weakness|numbness) (?:in|down) {MY}(?:left |right )?(?:arm|hand|face|side)",
    rf"{CANT} (?:speak|talk) (?:properly|right|clearly|at all|straight|normally|"
    r"since i woke|since this morning)",
    r"(?:having|am having|is having|think i am having|might be having|having a mini|"
    r"feel like i am having|feels like i am having) (?:a |another )?(?:mini )?(?:stroke|tia)",
    r"(?:lost|losing|lose|no|can not see|could not see|can not see out of|blind in) "
    r"(?:the )?(?:vision |sight )?(?:in |out of |from )?(?:one|my left|my right|my|the left|"
    r"the right) eye",
    rf"(?:sudden|suddenly) {G2}(?:blind|blindness|double vision|lost vision|can not see)",
    r"worst headache (?:of my life|i have ever had|ever)",
    r"thunderclap",
    r"(?:sudden|suddenly) (?:severe|awful|terrible|horrendous|agonising|agonizing|"
    r"excruciating|massive) headache",
]

BREATHING = [
    rf"{CANT} {G1}(?:breathe|breath|breathing|get {MY}(?:breath|air)|catch {MY}breath|"
    r"get (?:a |any |enough )?(?:breath|air)|get (?:any )?air in|draw breath)",
    r"(?:difficulty|difficulties|trouble|struggling|struggle|labou?red) (?:with )?(?:my )?"
    r"breathing",
    r"(?:gasping|fighting|struggling|straining|desperate) for (?:every |a |my )?(?:breath|air)",
    rf"(?:lips|lip|fingers|fingertips|face|tongue) {G4}(?:blue|grey|purple)",
    rf"(?:breathless|short of breath|out of breath|shortness of breath|puffed out) {G4}"
    r"(?:at rest|sitting|sat|lying|laying|in bed|doing nothing|talking|when i am resting|"
    r"resting|i can not (?:talk|speak|finish|walk|get))",
    r"(?:so|very|really|extremely|severely|terribly) (?:breathless|short of breath|"
    r"out of breath)",
    r"(?:can not|could not|unable to) (?:finish|complete|get to the end of|say) (?:a |my )?"
    r"(?:sentence|sentences|few words|full sentence)",
    r"(?:can not|could not) (?:speak|talk|say) more than (?:a )?(?:few|couple of) words",
    r"(?:feel|feels|feeling|felt) like (?:i am |he is |she is )?(?:suffocating|drowning|"
    r"choking|being strangled)",
    r"i am (?:suffocating|choking)",
    r"every breath (?:is )?(?:a struggle|an effort|hurts)",
    r"breathing through a straw",
    rf"throat {G4}(?:closing|swelling|swollen shut|tightening|closing up)",
    r"(?:tongue|lips) (?:is |are |has |have )?(?:swelling|swollen|swelled|blown up)",
    rf"wheez(?:ing|y) {G2}(?:badly|really badly|so bad|loads|and can not|can not)",
    rf"(?:inhaler|pump|puffer|nebuliser|nebulizer|reliever) {G3}(?:not working|"
    r"is not working|not helping|is not helping|not touching|does not help|is doing nothing|"
    r"doing nothing|not doing anything|will not work|no use|not making a difference)",
    rf"(?:having|having a|in the middle of an?) {G2}asthma attack",
    rf"(?:breathing|breath|breaths) {G3}(?:very fast|really fast|so fast|rapid|shallow|"
    r"laboured|rattly|getting worse|worse and worse|really bad|so bad|terrible|awful|"
    r"really hard|so hard|very hard|a struggle|impossible)",
    r"(?:not|stopped) breathing",
    r"(?:need|have) to sit up (?:all night )?to breathe",
]

_BLOOD_WORDS = r"(?:bleeding|bleed|bleeds|bled|blood|hemorrhaging)"
BLEEDING = [
    rf"{_BLOOD_WORDS} {G3}(?:heavily|heavy|badly|a lot|loads|lots|so much|non stop|nonstop|"
    r"everywhere|all over|will not stop|does not stop|not stopping|is not stopping|"
    r"keeps coming|pouring|gushing|spurting|pumping|like a tap|through everything|"
    r"for an hour|for hours|for over an hour|for (?:\d+|two|three|forty|thirty) "
    r"(?:hours|minutes|mins)|coming out|coming from)",
    rf"(?:heavy|heavily|severe|massive|uncontrollable|profuse|a lot of|lots of|loads of|so much|"
    rf"pints of|pools? of|litres of|liters of) {G1}(?:bleeding|blood|bleed)(?! (?:test|tests|"
    r"pressure|sugar|sugars|results|work|thinners|donor|donation|count|forms|thinner))",
    r"(?:will not|can not|could not|does not|did not|would not) stop (?:the )?(?:bleeding|blood)",
    r"(?:coughing|coughed|cough|coughs|vomiting|vomited|vomit|throwing|threw|thrown|"
    r"being sick|been sick|sick|spitting|spat|spit|bringing|brought|bring) (?:up )?"
    r"(?:some |a bit of |lots of |loads of |a lot of |fresh |bright red |dark )?(?:blood|clots)",
    rf"blood {G2}(?:in|on) (?:my |the )?(?:sick|vomit|spit|phlegm|sputum)",
    rf"(?:sick|vomiting|vomit) {G4}blood in it",
    r"coffee grounds? (?:sick|vomit)|(?:sick|vomit) (?:that )?(?:looks )?like coffee grounds",
    r"(?:black|tarry) (?:and )?(?:tarry |sticky )?(?:poo|poop|stool|stools|motions)",
    r"(?:poo|poop|stool|stools|motions) (?:is |are |has been |have been )?(?:jet |pitch )?"
    r"(?:black|tarry)",
    r"(?:soaking|soaked|soak|soaks|going through|gone through|bleeding through|bled through) "
    r"(?:through )?(?:a |my |the |every |\d+ )?(?:pad|pads|towel|towels|tampon|tampons|"
    r"dressing|dressings|bandage|bandages|sanitary|everything)",
    rf"pregnant {G4}(?:bleeding|blood)",
    rf"blood {G2}(?:everywhere|all over|pouring|gushing|spurting|pumping|coming out|"
    r"coming from|running down)",
    r"(?:pouring|gushing|streaming|dripping) (?:with |out )?blood",
    r"hemorrhag\w*",
    rf"(?:catheter|bag|urine|wee|pee|sick|vomit|spit|phlegm|nappy) {G2}(?:full of|all) blood",
    rf"(?:wee|urine|pee) {G3}(?:bright red|red with blood|blood red)",
    r"bleeding from (?:my |the |me )?(?:mouth|nose|ears|ear|eyes|bum|back passage|rectum|"
    r"vagina|wound|stump|head)",
    r"losing (?:a lot of |lots of |so much )?blood",
]

MEDS = (
    r"(?:tablets?|pills?|meds|medication|medicine|medicines|paracetamol|acetaminophen|tylenol|"
    r"ibuprofen|aspirin|co ?- ?codamol|codamol|cocodamol|codeine|tramadol|morphine|oxycodone|"
    r"oxy|diazepam|valium|insulin|antidepressants?|painkillers?|pain killers|amitriptyline|"
    r"sertraline|citalopram|fluoxetine|mirtazapine|zopiclone|lithium|warfarin|methadone|"
    r"heroin|fentanyl|calpol|nurofen|benzos?|opioids?|pregabalin|gabapentin|quetiapine|"
    r"olanzapine|propranolol|digoxin|capsules|caps|doses|dose|sleepers)"
)
_QTY = (
    r"(?:all|all of|all the|every|the whole|the hole|a hole|a whole|whole|an entire|"
    r"the entire|the rest of|the lot of|loads|"
    r"loads of|a load of|lots of|a lot of|a handful of|handful of|too many|too much|"
    r"way too many|way more than i should(?: have)?(?: of)?|more than i should(?: have)?(?: of)?|"
    r"extra|double|triple|twice|(?:three|four|five|\d+) times|a (?:massive|huge|large) amount of|"
    r"(?:my|a) (?:week|month|weeks|months)|a bottle of|a box of|a full box of|a packet of|"
    r"a pack of|"
    r"a strip of|a whole strip of|some of|\d{2,}|[5-9]|fifteen|sixteen|twenty|thirty|forty|"
    r"fifty|a hundred|(?:two|three|four|\d+) (?:boxes|packets|packs|bottles|strips) of)"
)
OVERDOSE = [
    rf"(?:took|taken|have took|swallowed|downed|necked|popped|had|chucked down|gulped|ate|eaten) "
    rf"(?:like |about |maybe |around |over |nearly |almost |just )?{_QTY} {G4}{MEDS}",
    r"(?:took|taken|have took|swallowed|downed|necked) (?:like |about |maybe |around |over )?"
    r"(?:the lot|the whole lot|them all|all of them|the rest|the bottle|the packet|the box)",
    r"(?:overdosed|overdose|overdosing)",
    r"(?:swallowed|took|taken) everything in (?:my |the )?(?:medicine|bathroom|cabinet|drawer|"
    r"cupboard|house)",
    rf"(?:got into|got hold of|swallowed|chewed) {G1}(?:my |the |mum |dad |his |her |some of )?"
    rf"{G1}(?:tablets|pills|meds|medicine|medication)",
]

_AGENT = (
    r"(?:he|she|they|him|her|partner|husband|hubby|wife|boyfriend|girlfriend|bf|gf|ex|son|"
    r"daughter|dad|father|mum|mother|stepdad|stepfather|stepmum|brother|sister|carer|caregiver|"
    r"grandson|granddaughter|uncle|someone|somebody|a man|a guy|people|neighbour|neighbor|"
    r"landlord|flatmate|fiance|fiancee|other half|family|in law|nephew|niece|cousin|lodger)"
)
_VIOLENT = (
    r"(?:hits|hit|hitting|beats|beat|beating|beaten|punches|punched|punching|kicks|kicked|"
    r"kicking|slaps|slapped|slapping|chokes|choked|choking|strangles|strangled|strangling|"
    r"throttles|throttled|pushes|pushed|pushing|shoves|shoved|shoving|hurts|hurt|hurting|"
    r"attacks|attacked|attacking|assaults|assaulted|rapes|raped|abuses|abused|abusing|batters|"
    r"battered|bruises|bruised|grabs|grabbed|threatens|threatened|threatening|smacks|smacked|"
    r"thumps|thumped|whacks|whacked|bites|burns|stabbed|stabs|knocks|knocked|headbutted|"
    r"spits on|spat on|throws things at|threw things at|throws stuff at|locks|locked|forces|"
    r"forced|roughs up|roughed up|beats up|beat up|is violent (?:to|towards|with)|throws|threw|"
    r"slams|slammed|drags|dragged|pins|pinned)"
)
HARM_FROM_OTHERS = [
    rf"\b{_AGENT} {G4}{_VIOLENT} (?:up )?(?:me|us|the kids|my kids|the children|"
    r"my children|me and)\b(?! to (?:do|go|keep|eat|exercise|walk|get|try|take|be|see))",
    r"(?:scared|afraid|frightened|terrified|petrified|fearful) (?:of (?:him|her|them|"
    r"(?:my|the|our) (?:husband|partner|wife|son|daughter|boyfriend|girlfriend|ex|dad|father|"
    r"mum|brother|carer|stepdad|grandson|granddaughter|family|neighbour|neighbor))|"
    r"to go home|to go back home|to go back to my (?:flat|house|home|place)|to be at home|"
    r"for my life|for my safety|"
    r"(?:he|she|they) (?:will|might|is going to|would) (?:hurt|hit|kill|beat))",
    r"(?:not|never) (?:feel )?safe (?:at home|in my (?:own )?(?:home|house)|with (?:him|her)|"
    r"around (?:him|her))",
    r"unsafe (?:at home|in my (?:own )?(?:home|house)|with (?:him|her))",
    rf"(?:threatened|threatens|threatening|said|says|swears|swore|told me) {G3}(?:to |he will |"
    r"she will |he would |she would |they will |he is going to |she is going to |going to )?"
    r"(?:kill|hurt|stab|burn|beat) me",
    r"(?:he|she|they) (?:is|are) (?:going to|gonna) kill me(?! (?:if|when|for))",
    r"\bi (?:am |was |have |had |keep |got )?(?:been |being |getting |got )?(?:abused|"
    r"assaulted|raped|beaten up|beaten|attacked|battered|stabbed|strangled|sexually assaulted)",
    r"(?:abusive|violent|controlling) (?:partner|husband|wife|relationship|boyfriend|"
    r"girlfriend|son|daughter|ex|towards me|to me|with me)",
    r"(?:is|are) violent (?:to|towards|with) me",
    r"(?:is|are|gets|get) rough with me",
    r"\bi am being (?:hit|hurt|abused|beaten|attacked|threatened|bullied)",
    r"domestic (?:abuse|violence)",
    r"(?:laid|lays|put|puts) (?:a finger|his hands|her hands|hands) (?:on|round|around) "
    r"(?:me|my (?:neck|throat))",
]

PATTERNS: dict[str, list[str]] = {
    "self_harm": SELF_HARM,
    "chest_pain": CHEST_PAIN,
    "stroke": STROKE,
    "breathing": BREATHING,
    "bleeding": BLEEDING,
    "overdose": OVERDOSE,
    "harm_from_others": HARM_FROM_OTHERS,
}


@lru_cache(maxsize=1)
def compiled() -> dict[str, re.Pattern[str]]:
    """Compile each category's patterns into one alternation, once."""
    return {
        category: re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\b")
        for category, patterns in PATTERNS.items()
    }
