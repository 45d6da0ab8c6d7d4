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
    r"tak(?:e|ing) all (?:of )?my (?:tablets|pills|meds)|"
    r"end (?:his|her|their) (?:own )?life|ending (?:his|her|their) (?:own )?life|"
    r"kill (?:him|her|them)sel(?:f|ves)|killing (?:him|her|them)sel(?:f|ves)|"
    r"step(?:ping)? (?:off|out in front)|disappear(?:ing)? (?:permanently|for ever)|"
    r"not (?:be|being) (?:here|around|alive)(?: any ?more)?|not (?:come|coming) back|"
    r"finish(?:ing)? my ?self off|give in to (?:it|the urges?)|do something stupid)"
)

SELF_HARM = [
    rf"(?:want|wanted|wanting|wants|wish|wished|going|plan|planning|planned|thinking|thought|"
    rf"think|thoughts|tempted|ready|urge|urges|considering|contemplating|scared i will|"
    rf"afraid i will|frightened i will|feel like|feeling like|felt like|decided|trying|"
    rf"tried|try|attempted|keep thinking|thinks) (?:to |about |of |on )?(?:just |really |"
    rf"actually |seriously )?{_SELF_HARM_ACTS}",
    r"(?:kill|killing|killed|hurt|hurting|harm|harming|harmed|cut|cutting|burn|burning|burnt|"
    r"starve|starving|punish|punishing|strangle|strangling|hang|hanging|drown|drowning|"
    r"poison|poisoning|top|topping|off|offing) my ?self",
    r"self (?:- )?harm(?:ing|ed|s)?",
    r"suicidal",
    r"suicide (?:attempt|plan|plans|note|thoughts|pact)",
    r"(?:thoughts|thinking|thought|think|ideas|ideation) (?:of|about) (?:suicide|"
    r"ending(?! (?:my|the|our|a|an|this|that|his|her) (?!(?:own )?life))|dying|"
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
    # Not "he can't go on the school trip", "can't go on holiday", "can't go on long walks".
    r"(?:can not|could not) (?:go on(?! (?:the|a|an|his|her|my|our|their|holiday|holidays|"
    r"trips?|walks?|rides?|school|buses|bus|planes?|flights?|long|days? out|nights? out)\b)|"
    r"carry on|keep going|do this anymore|do this any more|take (?:it|this) any ?more|"
    r"cope any ?more)",
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
    # Indirect: plans, preparations, means at hand, goodbyes, wanting to stop existing.
    r"(?:burn|burning|burnt|cut|cutting|hurt|hurting|harm|harming|hang|hanging|kill|killing|"
    r"starve|starving|poison|poisoning|strangle|strangling) (?:him|her|them)sel(?:f|ves)",
    r"(?:picturing|imagining|imagine|dreaming of|thinking about|thinking of) (?:my ?self )?"
    r"(?:not being (?:here|around|alive)|being gone|being dead|no longer being (?:here|around))",
    r"(?:can not|do not|could not|no longer|not) see (?:a |any )?(?:future|tomorrow|way forward)"
    r"(?! (?:in|with|at|for) (?:this|that|the|my) (?:job|house|relationship|flat|plan))",
    r"(?<!says )(?<!said )(?<!texted )(?<!told me )"
    r"(?:tonight|today|this weekend)(?: is)? the (?:night|day)(?: i (?:do it|end it|go|will do it|"
    r"am going to do it))?(?= ?$| \.| ,| !)",
    r"(?:better|easier|happier|simpler|lighter) (?:off )?without me",
    r"(?:scared|afraid|frightened|terrified|worried) (?:of )?what i (?:will|might|would|could|"
    r"am going to) do(?: to my ?self| with (?:it|them))?(?! (?:with|about|for|after|next|in))",
    r"(?:do not|can not|could not|no longer) trust my ?self (?:not to|to (?:stay|be|keep) "
    r"(?:safe|alive|alone|on my own)|around|alone|on my own|tonight|any ?more|$|with (?:the |my |"
    r"all )?(?:pills|tablets|knife|knives|blade|blades|razor|meds|medication|rope))",
    rf"(?:voices|voice) {G3}(?:telling|tell|tells|told) me to (?:kill|hurt|harm|cut|end|die|jump)",
    r"(?:slicing|slashing|slash|slice|carving|carve|cutting|cut|burning|burn|scratching|scratch|"
    r"gouging|gouge) (?:at |into )?(?:my |me )?(?:arms|wrists|wrist|legs|thighs|skin|"
    r"stomach|belly)\b.{0,40}\b(?:blade|razor|knife|glass|lighter|scissors|until it bleeds|"
    r"till it bleeds|until they bleed|till they bleed|deserve)",
    rf"(?:razor|razor blade|blade|blades|knife|rope|noose|pills|tablets|belt) {G3}(?:ready|"
    r"lined up|set aside|hidden|counted out|out on the)",
    r"\b(?:a|the|my) noose",
    r"(?:given|giving|gave|give) away (?:all )?(?:of )?(?:my|all my) (?:things|stuff|belongings|"
    r"possessions|pets|dog|cat)(?! to (?:the |a )?(?:charity|tip|shop|jumble|car boot))"
    r"(?!.{0,40}\b(?:moving|move|declutter\w*|downsiz\w*|clear out))",
    r"(?:said|saying|say) my goodbyes(?! to (?:my |the |his |her )?\w+ (?:at|before|when|after|"
    r"on|as))|(?:written|wrote|writing|write) (?:a |my )?(?:goodbye|farewell) (?:letters?|"
    r"notes?|messages?)|(?:written|wrote|writing) (?:letters|notes) to (?:everyone|everybody|"
    r"my (?:kids|children|family|wife|husband|partner)) (?:for (?:after|when)|to read after|"
    r"just in case|for them to find|explaining)",
    r"(?:sorted|sorting|sort|made|making|updated|updating|wrote|written|writing) (?:out )?my will"
    r"\b.{0,40}\b(?:goodbye|loose ends|not be|won ?t be|will not be|ready)",
    r"tying up (?:all )?(?:the |my )?loose ends",
    # A preparation, said with what it is for: "rehomed the cat so I can go through with it".
    r"(?:rehomed|rehoming|found (?:a )?(?:new )?homes? for|(?:given|gave|giving|handed) "
    r"(?:away )?(?:the |my |our |both )?(?:dog|dogs|cat|cats|pets?|budgie|rabbit|things|stuff|"
    r"belongings)|(?:taken|took|has taken|is taking) (?:the |my |our )?(?:dog|dogs|cat|cats|"
    r"pets?)|said (?:my )?goodbyes?|sorted (?:out )?my will|written (?:my )?letters)\b.{0,60}\b"
    r"(?:so (?:that )?(?:now )?i can|before i|ready to|then i can|and now i can) (?:finally )?"
    r"(?:go through with it|do it|end it|end it all|go)\b",
    r"(?:so|then|and) (?:that )?(?:now )?i (?:can|will|could) (?:finally )?(?:end it all|"
    r"end my life|kill my ?self|take my (?:own )?life)\b",
    rf"how many {G2}(?:tablets|pills|meds|of them|paracetamol|sleeping pills|painkillers) "
    r"(?:it would take|would it take|it takes|does it take|it will take|would kill|to kill|"
    r"would be enough|to die|is enough|are enough)",
    r"(?:worked out|figured out|know|decided|planned|planning|sorted|sorted out) (?:exactly )?"
    r"(?:how|when|where) (?:and (?:when|where|how) )?(?:i am going to |i will |i would |to |i d )?"
    r"(?:do it|end it|kill my ?self|end (?:it|things|my life)|go)",
    rf"(?:engine|car) (?:running|on) {G3}(?:garage|hose|pipe)|(?:garage|hose|pipe) {G4}"
    r"engine (?:running|on)",
    r"(?:walk|walking|wade|wading|swim|swimming) (?:out )?into the (?:sea|river|lake|canal|"
    r"water|waves)",
    r"(?:stood|standing|stand|sat|sitting) (?:on|at) (?:the )?(?:edge of )?(?:the |a )?"
    r"(?:bridge|cliff|cliff edge|roof|ledge|platform edge|edge of the platform|railway line|"
    r"tracks)\b.{0,60}\b(?:jump|step|end|thinking|think|go back|do it|tonight)",
    r"urges? to (?:cut|self harm|harm|hurt|burn|end it|die|kill|jump|overdose)",
    r"(?:can not|could not) (?:keep|go on|carry on) (?:living|existing|being alive)"
    r"(?!(?: like this)? (?:with|because|in this|until|till))",
    r"(?:want|wants|wish|need) (?:it all|everything|it|this|life|the world) (?:all )?to "
    r"(?:stop|end|be over|go away)(?: ,)? (?:permanently|for good|forever|for ever|now)",
    r"(?:want|wants|wanted|wish) to (?:stop existing|not exist|cease to exist|vanish for good|"
    r"fall asleep for ever|fall asleep forever)",
    r"deserve to (?:die|hurt|suffer|be punished|be in pain|be dead)",
    r"(?:going to|gonna|will|planning to|decided to|ready to) do it\b.{0,40}\b(?:pills|tablets|"
    r"rope|knife|blade|blades|razor|bridge|meds|noose|overdose)",
    r"(?:better|easier|happier|simpler) (?:off )?(?:if|when|once) i (?:was|were|am|had|would|"
    r"d) (?:not |never |be )?(?:here|around|gone|dead|alive|born|been born|be here|exist)",
    r"(?:can not|could not) stop (?:cutting|self harming|harming|hurting)(?: my ?self| me| again|"
    r" tonight| now| today)?(?= ?$| \.| ,| and| !)",
    r"(?:doing|do|did) (?:everyone|everybody|them|the world|my family|the kids|you all) a "
    r"(?:favour|favor) (?:if|by|when) (?:i|me)",
    r"(?:take|taking|swallow|swallowing|down|downing|neck|necking) (?:all|the lot of|every one of|"
    r"the whole (?:box|packet|bottle|lot) of) (?:of )?(?:my|his|her|their|the) (?:tablets|pills|"
    r"meds|medication|painkillers|sleeping pills)",
    r"(?:plan|planning|planned) (?:on|to) not (?:being|be) (?:here|around|alive)",
    r"(?:will not|won ?t|not going to|do not plan on|not planning on) (?:still )?be(?:ing)? "
    r"(?:here|around|alive) (?:for|by|to see|much longer|next|when|after)",
    r"(?:do not|can not|could not) see (?:the )?point (?:any ?more|in anything|in going on)",
    r"(?:i will|i am going to|i am gonna|gonna|i might|i could) (?:just )?(?:finish|do) my ?self "
    r"(?:off|in)",
    r"(?:rope|noose|pills|tablets|knife|knives|blade|blades|razor|gun|shotgun|belt|tights)\b"
    r".{0,60}\b(?:thinking (?:about|of) using (?:it|them)|(?:use|using) (?:it|them) on my ?self"
    r"|tempted to use (?:it|them))",
    r"(?:everyone|everybody|they|the kids|my family|the world) (?:would|will) be (?:fine|ok|"
    r"okay|alright|happier|better) (?:without me|when i am gone|once i am gone|if i was gone)"
    r"(?! for (?:a|the|an|one|two|few|couple) )",
    # A plan with a time: "ending it on sunday", "doing it this weekend".
    r"(?:end|ending|finish|finishing) (?:it|it all|things|everything)\b(?! (?:with|off|on a|"
    r"at work|between))(?!.{0,12}\b(?:with|relationship|job|contract|tenancy)\b).{0,20}\b(?:on "
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|this (?:weekend|week|"
    r"evening)|tonight|tomorrow|next week|at the weekend|after (?:the|my|his|her))",
    # Euphemisms: checking out for good, catch the bus, sewerslide.
    r"(?:checking|check|checked) out (?:for good|permanently|for ever|forever|of life)",
    r"(?:ctb|sewerslide|sewer slide|unaliv\w*|kms)\b",
    # Wanting to be with someone who has died.
    r"(?:want|wanting|wish|long|longing|ready|need) to (?:be with|join|go to) (?:him|her|them|my "
    r"(?:husband|wife|mum|dad|mother|father|son|daughter|boy|girl|baby|partner|brother|sister|"
    r"nan|gran))\b.{0,30}\b(?:again|in heaven|up there|wherever (?:he|she|they) (?:is|are)|"
    r"where (?:he|she|they) (?:is|are)|on the other side)",
    r"(?:want|wish|long|ready) to (?:join|be with) (?:him|her|them)(?: now| soon| forever)?"
    r"(?= ?$| \.| ,| !)",
    # Going to join someone who has died: "going to be with him, he passed in May".
    rf"(?:going|gonna|about|want|wanting|ready|time) to (?:join|be with) (?:him|her|them|my "
    rf"{_W})\b.{{0,60}}\b(?:died|passed|dead|death|anniversary|grave|heaven)",
    r"(?:died|(?<!i )passed(?! (?:my|the|a|an|it|them|out) )|lost (?:him|her|them)|is dead|"
    r"was killed)\b.{0,60}\b(?:going|gonna|want|ready|time) to (?:join|be with) "
    r"(?:him|her|them)\b",
    # A self-harm wound that needs treatment now.
    r"(?:cut|cuts|cutting|slashed|slashing|sliced) (?:my ?self|my (?:arms?|wrists?|legs?|thighs?|"
    r"stomach))\b.{0,80}\b(?:stitches|stiches|gaping|deep|will not stop bleeding|"
    r"can see (?:fat|the fat|bone))",
    r"(?:stitches|stiches|gaping|will not stop bleeding)\b.{0,60}\b(?:cut|cutting|slashed) "
    r"(?:my ?self|my (?:arms?|wrists?|legs?|thighs?))",
    # The means at hand: "writing this from the bath with a razor".
    r"(?:in|from|sat in|sitting in|lying in) the bath\b.{0,30}\b(?:with )?(?:a |the |my )?"
    r"(?:razor|blade|blades|knife|pills)",
    r"(?:razor|blade|knife) (?:is )?in my hand",
    # Cannot go on, and a time for it.
    r"can not (?:do|take|cope with) (?:this|it) (?:any ?more|no more|much longer)\b.{0,60}\b"
    r"(?:doing it|do it|going to|gonna) (?:tonight|today|after|later|when|at|this)",
]

CHEST = r"(?:chest|chests|breast bone)"
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
    # "the same as my heart attack": history that is happening again.
    r"(?:same|exactly like|just like|like) (?:pain |feeling |thing )?(?:as |when i had )?"
    r"(?:my|the|last|before my) (?:last |first )?heart attack",
    r"(?:this is|this could be|this might be|this must be|it could be|it might be) "
    r"(?:a )?heart attack",
    r"heart (?:hurts|is hurting|aches|is aching|is being squeezed|feels squeezed|pain|"
    r"feels like (?:it is )?being squeezed)",
    rf"(?:angina|gtn|spray) {G3}(?:not working|is not working|not helping|is not helping|"
    rf"not touching|will not (?:stop|go|settle)|getting worse|is not doing)",
    rf"(?:clutching|clutches|clutched|holding|gripping|grabbing|grabbed|clasping|rubbing) "
    rf"(?:at )?(?:my|his|her|their) {CHEST}",
    r"(?:crushing|central|gripping|constricting|vice like|vicelike) (?:chest )?(?:pain|pains|"
    r"pressure|ache|tightness|heaviness|feeling|sensation)",
    r"(?:pain|pains|ache|aching|heaviness|pressure|tightness) (?:in|down|across|into|up) "
    r"(?:my |his |her )?(?:left )?(?:arm|arms|jaw|neck|shoulder)\b.{0,60}\b(?:sweaty|sweating|"
    r"sweats|clammy|cold sweat|grey|gray|pale|faint|dizzy|light headed|lightheaded|sick|"
    r"breathless|short of breath)",
    rf"heart {G3}(?:crushing|squeezing|being crushed|being squeezed|"
    r"in a vice|exploding|bursting|on fire|being stabbed)",
    rf"(?:band|belt|strap|vice|rope) {G2}(?:tightening|tight|squeezing|pulling) (?:round|around|"
    r"across) (?:my |his |her )?(?:chest|ribs|rib cage)",
    rf"{CHEST} {G5}(?:someone|somebody|something|elephant|a weight|a brick|a ton|a truck|"
    rf"a car|a horse) {G2}(?:sitting|sat|standing|stood|kneeling|pressing|pushing|parked|"
    r"crushing|squashing|squeezing) (?:on|down on|into)",
    rf"(?:{CHEST}|indigestion|heartburn)\b.{{0,60}}\b(?:cold and sweaty|clammy|cold sweat|"
    r"sweating buckets|pouring with sweat|sweaty and (?:sick|grey|faint|clammy))",
    r"(?:indigestion|heartburn)\b.{0,30}\b(?:in|across) (?:my |the )?chest\b.{0,40}\b(?:not "
    r"going|will not go|not shifting|not easing|not helping|getting worse)",
    r"(?:someone|somebody|elephant|a weight|a ton of bricks|a truck) (?:is |has )?(?:sitting|"
    r"sat|standing|stood|kneeling|pressing down|pushing down|parked) on (?:my chest|me|my ribs)",
    # Indigestion that spreads: "heartburn, but it's going down both arms".
    r"(?:heartburn|indigestion|chest)\b.{0,60}\b(?:spreading|spreads|spread|going|radiating|"
    r"moving) (?:to|into|down|up) (?:both |my |his |her )?(?:left |right )?(?:arms?|jaw|back|"
    r"neck|shoulders?)",
]

_LIMB = r"(?:arm|arms|hand|hands|side|fingers|leg and arm|arm and leg)"
STROKE = [
    rf"(?:face|mouth|smile|lip|eyelid|cheek|side of {MY}(?:face|mouth)) {G4}(?:droopy|"
    r"drooping|drooped|droop|droops|dropped|dropping|sagging|sagged|saggy|lopsided|fallen|slipped|"
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
    r"words (?:will not|do not|can not|would not|did not|could not) come(?: out)?"
    r"(?: right| properly)?(?! easily| naturally| to mind)",
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
    rf"(?:sudden|suddenly|all of a sudden|out of nowhere|out of the blue) {G2}(?:can not|"
    r"could not|unable to|can barely|no longer able to) (?:speak|talk|move|lift|see|walk|stand|"
    r"get (?:a |my |her |his )?words|say|smile|feel|use|grip|hold|understand)",
    rf"(?:vision|sight|eye) {G3}(?:gone|went|going|turned|is) (?:dark|black|blank|dim|grey|"
    r"blurry|blurred|misty)\b.{0,30}\b(?:one eye|left eye|right eye|one side)|"
    r"(?:dark|black|blank|curtain|shadow|blind|blurry|blurred|lost (?:my )?(?:vision|sight)) "
    rf"{G3}(?:in|over|across|of|out of) (?:one|my left|my right|the left|the right) eye",
    rf"(?:numbness|numb|weakness|weak|tingling|dead|heavy|paralysis|no feeling) {G2}(?:down|in|"
    r"on|all down|along|up) (?:one|the left|the right|my left|my right|his left|his right|"
    r"her left|her right|the whole|one whole) side",
    rf"(?:sudden|suddenly) {G2}(?:blinding|splitting|thunderclap|explosive|exploding|worst) "
    rf"(?:headache|head pain|pain in my head)|headache {G3}(?:the )?worst (?:i have|i ve|of my|"
    r"ever|pain)",
    r"(?:seeing|see|got|have|having) double(?: vision)?\b.{0,40}\b(?:speech|talk|words|face|"
    rf"arm|dizzy|sudden)|(?:sudden|suddenly) {G2}(?:seeing double|double vision|blurred vision|"
    r"can not see|lost my (?:sight|vision))",
    rf"(?:speech|words|talking) {G2}(?:is |are |has |have |went |gone )?(?:off|gone|"
    r"strange|odd|thick|drunk|all over the place|not making sense)",
    rf"{CANT} (?:grip|grasp|hold|pick up|lift|raise|move|use|feel) {G3}(?:with|in) {MY}"
    r"(?:left |right )?(?:arm|hand|fingers|side)",
    rf"(?:face|mouth|smile|cheek|eyelid) {G4}(?:sliding|slipping|slid|sagging|sunk|melting|"
    r"hanging down|pulled down|gone to one side|on one side)",
    r"(?:sudden|suddenly|all of a sudden|out of nowhere)\b.{0,50}\b(?:seeing double|double "
    r"vision|can not walk straight|walking like i am drunk|can not stand up straight|"
    r"falling to one side)",
    r"headache (?:came on|started|hit me|struck|came) (?:really |so )?(?:suddenly|all of a sudden|"
    r"out of nowhere|like a)",
    r"(?:like|as if|as though) (?:i (?:was|had been|have been) |being |someone )?(?:hit|struck|"
    r"whacked|smashed|kicked|clubbed) (?:me )?(?:on|in|over|round) the (?:back of (?:the |my )?)?"
    r"head\b.{0,60}\b(?:headache|sick|vomit\w*|light hurts|neck)",
    rf"(?:arm|hand|leg|side|fingers) {G3}(?:suddenly |just )?(?:stopped working|stopped moving|"
    r"gave up|given up|will not do anything|would not do anything|won ?t do anything|"
    r"gave way|giving way|keeps giving way)(?! (?:away|back|better|to sleep))",
    # A stroke before, and "it" again: "my face is doing that thing again".
    r"(?:face|mouth|arm|hand|leg|speech|words|talking) (?:is |are |has |have )?(?:doing|going|"
    r"gone|started) (?:that|the same|it|funny) (?:thing |way )?again",
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
    rf"(?:tongue|lips|lip|throat|face|mouth) {G3}(?:huge|massive|swollen|swelling|puffed up|"
    r"puffy|blown up|tight)\b.{0,40}\b(?:can not|could not|struggling to|hard to|unable to) "
    r"(?:swallow|breathe|talk|speak|get air)",
    rf"(?:breathing|breath|breaths) {G2}(?:oddly|strangely|funny|funnily|weird|weirdly|"
    r"strange|noisily|irregular|irregularly|in gasps|with pauses|and stopping|then stopping)"
    r"(?! when (?:he|she|they|i) (?:sleeps|sleep|is asleep|am asleep|are asleep|snores))",
    r"(?:sucking|pulling|drawing|caving|sinking) in (?:under|between|below|around|at) "
    r"(?:his|her|their|my|the) (?:ribs|ribcage|rib cage|neck|throat)|ribs (?:are )?(?:sucking|"
    r"pulling|caving|sinking) in",
    rf"(?:need|have|has|got) to sit (?:bolt )?(?:up|upright|forward) {G3}(?:to breathe|to get "
    r"(?:a |my )?breath|to get air)(?! easier| better| more easily| comfortably)",
    rf"(?:each|every|every single) (?:breath|breath in) {G3}(?:such |so |really |very )?(?:hard "
    r"work|an effort|a struggle|a fight|painful|hurts|agony)",
    r"(?:grunting|grunts|rasping|gurgling|rattling|whistling) (?:with|when|as|on) (?:each|every|"
    r"his|her|their) breath",
    r"(?:can not|could not|unable to) (?:get|take|draw) (?:a |any |enough |my )?(?:proper |"
    r"deep |full |decent )?(?:breath|breaths|air)",
    r"(?:oxygen|o2|sats|saturation|saturations|oxygen levels?|oximeter|finger (?:thing|monitor|"
    r"probe|clip)) (?:levels? )?(?:is |are |was |has |have |at |of |says |reads |reading |"
    r"dropped |gone |going |down |to |only |just |showing |shows )*(?:[5-8][0-9]|9[01])\b"
    r"(?! (?:years|year|mins|minutes|kg|kilos|percent of the time))",
    r"(?:heaving|straining|struggling|gasping|fighting|working hard) (?:with|for|on|at) "
    r"(?:each|every|every single) breath",
    r"(?:inhaler|pump|puffer|reliever|nebuliser|nebulizer)\b.{0,40}\b(?:every (?:\d+|few|five|"
    r"ten|fifteen|twenty) (?:mins|minutes)|not lasting|wearing off (?:straight|right) away)",
    r"(?:inhaler|pump|puffer|reliever|nebuliser|wheez\w*|breath\w*|chest)\b.{0,60}\b(?:can "
    r"(?:hardly|barely) (?:speak|talk)|can not (?:speak|talk) (?:properly|in sentences))",
    rf"(?:breathless|out of breath|short of breath|puffing|panting|gasping|wheezing) {G5}"
    r"(?:sitting|sat|lying|in (?:my |the )?(?:chair|bed)|doing nothing|at rest|not moving|"
    r"without moving)",
    r"(?:having|in the middle of|got) (?:a |an |another )?(?:bad |really bad |severe |massive |"
    r"huge )?(?:asthma )?attack (?:now|right now|at the moment)",
    # Swelling and a tightening airway together: an allergic reaction.
    rf"(?:swollen|swelling|swelled|puffed up|puffing up)\b.{{0,60}}\b(?:breathing|breath|throat|"
    rf"chest) {G2}(?:tight|tighter|tightening|closing)",
    rf"(?:breathing|breath|throat|chest) {G2}(?:tight|tighter|tightening|closing)\b.{{0,60}}\b"
    r"(?:swollen|swelling|swelled|puffed up|puffing up)",
]

_BLOOD_WORDS = r"(?:bleeding|bleed|bleeds|bled|blood|hemorrhaging)"
BLEEDING = [
    rf"{_BLOOD_WORDS} {G3}(?:heavily|heavy|badly|a lot|loads|lots|so much|non stop|nonstop|"
    r"everywhere|all over|will not stop|does not stop|not stopping|is not stopping|"
    r"keeps coming|pouring|gushing|spurting|pumping|like a tap|through everything|"
    r"for an hour|for hours|for over an hour|for (?:\d+|two|three|forty|thirty) "
    r"(?:hours|minutes|mins)|coming out|coming from)",
    rf"(?:heavy|heavily|severe|massive|uncontrollable|profuse|a lot of|lots of|loads of|so much|"
    rf"pints of|pools? of|litres of|liters of) {G2}(?:bleeding|blood|bleed)(?! (?:test|tests|"
    r"pressure|sugar|sugars|results|work|thinners|donor|donation|count|forms|thinner))",
    r"(?:will not|can not|could not|does not|did not|would not) stop (?:the )?(?:bleeding|blood)",
    r"(?:coughing|coughed|cough|coughs|vomiting|vomited|vomit|throwing|threw|thrown|"
    r"being sick|been sick|sick|spitting|spat|spit|bringing|brought|bring) (?:up |out )?"
    rf"{G4}(?:blood|clots)(?! (?:test|tests|pressure|sugar|results))",
    rf"blood {G2}(?:in|on) (?:my |the )?(?:sick|vomit|spit|phlegm|sputum)",
    rf"(?:sick|vomiting|vomit) {G4}blood in it",
    r"coffee grounds? (?:sick|vomit)|(?:sick|vomit) (?:that )?(?:looks )?like coffee grounds",
    r"(?:black|tarry) (?:and )?(?:tarry |sticky )?(?:poo|poop|stool|stools|motions)",
    r"(?:poo|poop|stool|stools|motions) (?:is |are |has been |have been |has gone |have gone |"
    r"gone |went |turned |has turned |is coming out )?(?:jet |pitch |really |very )?"
    r"(?:black|tarry)",
    r"(?:weeing|peeing|passing|urinating|pissing) (?:out )?(?:bright red |fresh |pure |dark red )?"
    r"(?:blood|clots)",
    r"(?:bled|bleeding|bleeds) (?:right |straight |all the way )?through\b",
    r"(?:blood )?(?:dripping|pouring|running) (?:on|onto|on to|all over) the (?:floor|carpet|bed)",
    r"(?:lot of|lots of|loads of|so much|load of) (?:dark |bright |fresh )?(?:red )?blood (?:in|on|"
    r"down|from|all)",
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
    r"(?:like|looks like|look like|resembles) coffee grounds?",
    r"(?:big|large|huge|massive|golf ball|plum|fist|palm) (?:sized |size )?clots",
    rf"(?:bleeding|blood|bleed) {G5}(?:getting|is getting|gets|got) (?:heavier|worse|more)",
    r"(?:can not|could not|unable to) (?:get|make) (?:the |it )?(?:bleeding|blood|bleed|it) "
    rf"{G4}(?:to )?stop",
    r"(?:filling|filled|fills|full|soaked|covered|dripping) (?:up )?(?:with|of|in) blood",
    rf"(?:blood|bleeding) {G3}(?:coming|soaking|seeping|leaking|going|gone)? ?through "
    r"(?:my |his |her |the )?(?:clothes|dressing|bandage|pad|trousers|jeans|sheets|towel|"
    r"gauze|top|shirt|knickers|pants)(?! a (?:little|bit)| slightly)",
    rf"flooding (?:through|everything|the bed|my clothes|my pants)|(?:period|bleeding) {G5}"
    r"flooding",
    rf"(?:threw up|thrown up|throwing up|vomited|vomiting|was sick|been sick|coughed|coughing|"
    rf"spat|spitting) {G5}(?:full of|all|bright red|red with) blood",
    # On a blood thinner, a bleed that goes on (either order).
    r"(?:blood thinners?|warfarin|apixaban|eliquis|rivaroxaban|xarelto|edoxaban|dabigatran|"
    r"anticoagulants?|clopidogrel)\b.{0,100}\b(?:bleeding|bled|blood)\b.{0,50}\b(?:for hours|"
    r"hours later|will not stop|would not stop|not stopping|pouring|gushing|all over|"
    r"still bleeding|keeps bleeding|since (?:this morning|last night|lunch))|(?:bleeding|blood)"
    r"\b.{0,50}\b(?:for hours|hours later|will not stop|would not stop|not stopping|pouring|"
    r"gushing|still bleeding)\b.{0,100}\b(?:blood thinners?|warfarin|apixaban|eliquis|"
    r"rivaroxaban|xarelto|edoxaban|dabigatran|anticoagulants?|clopidogrel)",
    r"(?:pad|pads|tampon|tampons|towel|towels) (?:every|each) (?:hour|half hour|half an hour|"
    r"\d+ minutes|few minutes|twenty minutes|thirty minutes|ten minutes)",
]

MEDS = (
    r"(?:tablets?|pills?|meds|medication|medicine|medicines|paracetamol|acetaminophen|tylenol|"
    r"ibuprofen|aspirin|co ?- ?codamol|codamol|cocodamol|codeine|tramadol|morphine|oxycodone|"
    r"oxy|diazepam|valium|insulin|antidepressants?|painkillers?|pain killers|amitriptyline|"
    r"sertraline|citalopram|fluoxetine|mirtazapine|zopiclone|lithium|warfarin|methadone|"
    r"heroin|fentanyl|calpol|nurofen|benzos?|opioids?|pregabalin|gabapentin|quetiapine|"
    r"olanzapine|propranolol|digoxin|capsules|caps|doses|dose|sleepers|methotrexate|metformin|"
    r"gliclazide|levothyroxine|apixaban|rivaroxaban|edoxaban|dabigatran|clopidogrel|"
    r"bisoprolol|amlodipine|ramipril|sotalol|patch|patches|injection|injections|jab|units|"
    r"pens?|buprenorphine|oramorph|lemsip)"
)
_QTY = (
    r"(?:all|all of|all the|every|the whole|the hole|a hole|a whole|whole|an entire|"
    r"the entire|the rest of|the lot of|loads|(?:a |the )?(?:whole |full |entire )?(?:bottle|"
    r"box|packet|pack|strip|tub|jar|blister pack) of|"
    r"loads of|a load of|lots of|a lot of|a handful of|handful of|too many|too much|"
    r"way too many|way more than i should(?: have)?(?: of)?|more than i should(?: have)?(?: of)?|"
    r"extra|double|triple|twice|(?:three|four|five|six|seven|eight|nine|ten|\d+) times|"
    r"a (?:massive|huge|large) amount of|(?:two|three|four|five|several|\d+) days (?:worth )?of|"
    r"(?:my |a |the )?(?:whole |entire |full )?(?:week|month|weeks|months|fortnight|"
    r"fortnights)(?: worth of| s| 's)?|(?:\d+|two|three|four|five|several) (?:lots|doses) of|"
    r"way more|far more|a lot more|lots more|loads more|much more|a bottle of|a box of|"
    r"a full box of|a packet of|"
    r"a pack of|"
    r"a strip of|a whole strip of|some of|\d{2,}|[5-9]|fifteen|sixteen|twenty|thirty|forty|"
    r"fifty|a hundred|(?:two|three|four|\d+) (?:boxes|packets|packs|bottles|strips) of)"
)
OVERDOSE = [
    r"(?:double|triple|extra|over) ?(?:dosed|dosing)\b",
    # Staggered paracetamol: more than the dose, day after day (A&E at once, whatever is felt).
    rf"(?:double|twice|triple|extra|more|too much|too many|\d+) {G2}(?:of )?(?:the |my )?"
    rf"(?:paracetamol|co ?- ?codamol|cocodamol|calpol)\b.{{0,40}}\b(?:for|over|since|every day "
    r"for) (?:a |the |about |nearly |almost )?(?:few |couple of |\d+ |two |three |four |five |"
    r"several |last )?(?:days?|week|weeks|friday|monday|tuesday|wednesday|thursday|saturday|"
    r"sunday)",
    rf"(?:took|taken|had|have had|given|gave|injected|put on|used|swallowed) (?:my ?self )?"
    rf"(?:a |an )?(?:double|triple|extra) (?:dose|lot|amount|load|helping) {G2}(?:of )?{G1}"
    rf"(?:{MEDS}|by mistake|by accident|accidentally)",
    rf"(?:\d+(?:\.\d+)?(?:ml|mls|mg|g|x)?|one|two|three|four|five|six|ten|twenty|thirty|forty|"
    rf"fifty|double|twice|every day|daily) {G4}(?:instead of|rather than) (?:the )?(?:one|1|once|"
    r"\d+(?:\.\d+)?(?:ml|mls|mg|g)?|two|half|my usual|once a week|weekly|the usual)",
    rf"{MEDS} {G3}(?:at once|in one go|all at once|all together|at the same time)"
    r"(?! (?:every|each|as) )",
    rf"(?:took|taken|had|have had|given|gave|injected|put on|used|swallowed) {G4}{MEDS}\b"
    r".{0,40}\b(?:by mistake|by accident|accidentally|twice today|again by mistake)",
    rf"(?:\d+|two|three|four|five|six|seven|eight|nine|ten) times (?:my|the|his|her) "
    rf"(?:usual |normal |prescribed |right )?(?:dose|{MEDS})",
    rf"(?:took|taken|have took|swallowed|downed|necked|popped|had|chucked down|gulped|ate|eaten) "
    rf"(?:like |about |maybe |around |over |nearly |almost |just )?{_QTY} {G4}{MEDS}",
    r"(?:took|taken|have took|swallowed|downed|necked) (?:like |about |maybe |around |over )?"
    r"(?:the lot|the whole lot|them all|all of them|the rest|the bottle|the packet|the box)",
    r"(?:overdosed|overdose|overdosing)",
    r"(?:swallowed|took|taken) everything in (?:my |the )?(?:medicine|bathroom|cabinet|drawer|"
    r"cupboard|house)",
    rf"(?:got into|got hold of|swallowed|chewed) {G1}(?:my |the |mum |dad |his |her |some of )?"
    rf"{G1}(?:tablets|pills|meds|medicine|medication)",
    rf"(?:took|taken|had|have had|swallowed|used|injected|given|done|gave|give) {G3}{MEDS} "
    r"(?:dose )?(?:twice|two times|three times|double|again by mistake|by mistake twice|"
    r"2 times|3 times)(?! (?:a|per|every|each) (?:day|week|night|morning)| daily| as "
    r"(?:prescribed|directed|advised))",
    rf"(?:more|too many|too much|extra) {G2}{MEDS} {G2}than (?:i|he|she|they|you|we) "
    r"(?:should|am meant|was meant|is meant|are meant|am supposed|was supposed|is supposed|"
    r"am allowed|was allowed|ought)",
    rf"(?:took|taken|had|have had|swallowed|eaten|ate) {G2}(?:way |far |a lot |lots |much )?"
    rf"(?:more|too many|too much) {G2}than (?:i|he|she|they|you) (?:should|am meant|was meant|"
    r"is meant|am supposed|was supposed|ought|was told|were told)",
    r"(?:found|got into|got hold of|opened|into) (?:the |my |his |her |mum s |dad s |a )?"
    r"(?:pill|pills|tablet|tablets|medicine|meds|medication) (?:pot|bottle|box|packet|"
    r"cupboard|cabinet|organiser|organizer|tub|drawer|bag|dosette)\b.{0,40}\b(?:ate|eaten|"
    r"eating|swallowed|took|taken|had|chewed|chewing)",
    # A medicine given too often, and the child or patient now drowsy.
    r"(?=.{0,120}\b(?:calpol|paracetamol|nurofen|ibuprofen|medicine|medicines|tablets|pills)\b)"
    r"(?:too much|too many|\d+ (?:lots|doses|times|spoons|spoonfuls|sachets|tablets)|lots of|"
    r"double|twice|extra|the whole|instead of|gave (?:him|her|them) more|another dose)\b.{0,80}\b"
    r"(?:really |very |so |too |quite )?(?:sleepy|"
    r"drowsy|floppy|unresponsive|will not wake|not waking|limp)",
]

_AGENT = (
    r"(?:he|she|they|him|her|partner|husband|hubby|wife|boyfriend|girlfriend|bf|gf|ex|son|"
    r"daughter|dad|father|mum|mother|stepdad|stepfather|stepmum|brother|sister|carer|caregiver|"
    r"grandson|granddaughter|uncle|someone|somebody|a man|a guy|people|neighbour|neighbor|"
    r"landlord|flatmate|fiance|fiancee|other half|family|in law|nephew|niece|cousin|lodger|"
    r"man|woman|guy|bloke|lad|lads|men|neighbours|gang|stranger|husband s|boyfriend s)"
)
_VIOLENT = (
    r"(?:hits|hit|hitting|beats|beat|beating|beaten|punches|punched|punching|kicks|kicked|"
    r"kicking|slaps|slapped|slapping|pinches|pinched|pinching|scratches|scratched|"
    r"bit|twists|twisted|shakes|shook|spits at|spat at|handles|handled|manhandles|"
    r"manhandled|chokes|choked|choking|strangles|strangled|strangling|"
    r"throttles|throttled|pushes|pushed|pushing|shoves|shoved|shoving|hurts|hurt|hurting|"
    r"attacks|attacked|attacking|assaults|assaulted|rapes|raped|abuses|abused|abusing|batters|"
    r"battered|bruises|bruised|grabs|grabbed|threatens|threatened|threatening|smacks|smacked|"
    r"thumps|thumped|whacks|whacked|bites|burns|stabbed|stabs|knocks|knocked|headbutted|"
    r"spits on|spat on|throws things at|threw things at|throws stuff at|locks|locked|forces|"
    r"forced|roughs up|roughed up|beats up|beat up|is violent (?:to|towards|with)|throws|threw|"
    r"slams|slammed|drags|dragged|pins|pinned)"
)
HARM_FROM_OTHERS = [
    # A threat with its day: "he says today's the day", "she texted tonight is the night".
    rf"\b{_AGENT} {G3}(?:says|said|saying|texted|text|messaged|told me|tells me|threatened|"
    r"warned|keeps saying|posted)\b.{0,20}\b(?:today|tonight|this weekend|tomorrow)(?: is)? "
    r"the (?:day|night)\b",
    # Forced marriage (a crime in the UK, and a danger whoever arranges it).
    r"(?:forc\w*|made|mak(?:e|es|ing)|pressur\w+|push\w*) (?:me |us )?(?:in)?to (?:a |an )?"
    r"(?:arranged )?marr(?:y|iage|ied|ying)\b|\bmarr(?:y|ying|ied) me off\b|"
    r"\bforced (?:in)?to (?:get )?marr|\bforced marriage\b",
    rf"\b{_AGENT} {G3}(?:will not|does not|would not|never) (?:let|allow) me (?:to )?(?:see|go out|"
    r"go anywhere|go to|leave|have (?:any )?(?:money|my (?:money|phone|card|pension))|talk to|"
    r"speak to|phone|ring|call|use the phone|out of the house|out on my own|eat)",
    r"(?:not|never) allowed (?:to )?(?:go out|go anywhere|leave the house|go to (?:appointments|"
    r"the doctor|the gp)|see (?:my )?(?:friends|family|anyone)|talk to|speak to|have (?:my own )?"
    r"money|out on my own)",
    rf"(?:takes|took|taking|has taken|steals|stole|stealing|has stolen|keeps|kept|helps "
    rf"(?:him|her|them)sel(?:f|ves) to) {G2}(?:all )?(?:of )?my (?:pension|money|benefits|"
    r"savings|wages|cash|bank card|card|cards) (?:off|from|away from) me",
    r"(?:will not|does not|would not|never) give me (?:any |my )?(?:money|pension|bank card|"
    r"card|cash|food|my tablets|my medication|my meds)",
    rf"\b{_AGENT} {G3}controls? (?:all |everything |every )?(?:of )?(?:my|what i) (?:money|"
    r"finances|pension|benefits|phone|meds|medication|tablets|life|eat|wear|do)",
    r"(?:checks|goes through|reads|takes) my (?:phone|messages|texts)\b.{0,60}\b(?:tells me|"
    r"not allowed|will not let|won ?t let|makes me)",
    r"(?:tells|told) me what (?:to wear|i can wear|i can eat|to eat|i can say)",
    r"(?:makes|made|forces|forced|pressures|pressured|pushes|pushed) me (?:to )?(?:have sex|"
    r"do sexual|sleep with|do things i do not want)",
    r"sex (?:when|even though|though) i (?:do not|did not|said no|say no)",
    r"(?:put|putting|send|sending) me (?:in|into) a (?:home|care home)\b.{0,30}\bif i "
    r"(?:complain|tell|say|report|call|ask)",
    r"(?:will|would|going to|threatens to|threatened to)\b.{0,40}\bif i (?:complain|tell "
    r"(?:anyone|anybody|someone|the police|the doctor|you)|say anything|report|call the police)",
    r"(?:taken over|took over|using|uses|use) my (?:flat|house|home|place) (?:for|to) "
    r"(?:drugs|deal|dealing|sell)",
    r"(?:too )?(?:scared|afraid|frightened|terrified) to (?:tell (?:him|her|them)|ask (?:him|her|"
    r"them) to (?:go|leave)|say no to (?:him|her|them)|go home)",
    rf"\b{_AGENT} {_gap(8)}{_VIOLENT} (?:up )?(?:me|us|the kids|my kids|the children|"
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
    rf"(?:threatened|threatens|threatening|said|says|swears|swore|told me|shouting|shouts|"
    rf"shouted|screaming|screams|yelling|yells|texted|texts|messaged|keeps saying) "
    rf"{G3}(?:to |he will |"
    r"she will |he would |she would |they will |he is going to |she is going to |going to )?"
    r"(?:kill|hurt|stab|burn|beat) me",
    r"(?:he|she|they) (?:is|are) (?:going to|gonna) kill me(?! (?:if|when|for))",
    r"\bi (?:am |was |have |had |keep |got )?(?:been |being |getting |got )?(?:abused|"
    r"assaulted|raped|beaten up|beaten|attacked|battered|stabbed|strangled|sexually assaulted)",
    r"(?:my|an|with an|with my|from my|from an) (?:abusive|violent|controlling) (?:partner|"
    r"husband|wife|boyfriend|girlfriend|son|daughter|ex)",
    r"(?:i am|i have been|stuck|trapped|living|still) in an? (?:abusive|violent|controlling) "
    r"relationship",
    r"(?:abusive|violent|controlling|aggressive) (?:towards me|to me|with me)",
    r"(?:is|are) violent (?:to|towards|with) me",
    r"(?:is|are|gets|get) rough with me",
    r"\bi am being (?:hit|hurt|abused|beaten|attacked|threatened|bullied)",
    r"domestic (?:abuse|violence)",
    r"(?:laid|lays|put|puts) (?:a finger|his hands|her hands|hands) (?:on|round|around) "
    r"(?:me|my (?:neck|throat))",
    r"(?:threatened|threatens|threatening|threaten) (?:me )?(?:with a |with his |with her |"
    r"with the |to )(?:knife|gun|hammer|bat|weapon|kill|hurt|stab|burn|beat|harm|strangle|"
    r"shoot|smash|punch|hit|batter|torch|set fire)",
    rf"(?:hide|hiding|hid|hidden) {G2}from (?:him|her|them|my (?:husband|partner|wife|boyfriend|"
    r"girlfriend|son|daughter|ex|dad|father|stepdad|carer|brother))",
    rf"{_AGENT} {G3}(?:gets|get|becomes|turns|is|are|goes|can get) (?:really |very |so |quite |"
    r"more )?(?:violent|aggressive|nasty with me|handy|rough(?! (?:round|around|and ready)))"
    r"(?! (?:with|to|towards|at) (?:the|his|her|a|it|him|"
    r"them|people|other|everyone)\b)",
    rf"{_AGENT} {G3}(?:twisted|twists|bent|bends|broke|breaks|yanked|yanks|pulled|pulls|"
    r"wrenched|wrenches) my (?:arm|arms|wrist|wrists|fingers|finger|hair|neck)",
    r"(?:handles|handled|treats|treated|grabs|grabbed|pulls|pulled|drags|dragged|pushes|"
    r"pushed|moves|moved|washes|washed) me (?:really |very |so |too )?(?:roughly|rough|hard)",
    r"(?:leaves|left|leaving|gives|gave|giving) (?:me )?(?:with )?(?:bruises|bruising|marks|"
    r"a black eye|black eyes)",
    r"(?:he|she|they) (?:will|would|is going to|are going to) (?:kill|hurt|stab|strangle|"
    r"beat|batter|murder) me(?! (?:if|when|for))",
    # Forced labour and coercion: made to work unpaid, papers taken, family threatened.
    r"(?:make|makes|made|making|force|forces|forced) (?:me|us) (?:to )?work\b.{0,80}\b"
    r"(?:no money|no pay|not paid|without pay|without being paid|never paid|for nothing|"
    r"for free|(?:do|does|will) not pay|never pay)",
    r"(?:do|does|will) not pay (?:me|us)\b.{0,80}\b(?:lock|locked|locks|threat\w*|hurt|"
    r"passport|beat|burn\w*|hit)",
    rf"(?:took|taken|takes|kept|keeps|keep|holding|holds|hold|has|have) {G2}my (?:passport|"
    r"papers|documents)\b",
    r"(?:will|would|going to|gonna) (?:hurt|kill|harm|beat|burn) my (?:sister|brother|family|kids|"
    r"children|mum|mother|dad|father|son|daughter|baby|parents|husband|wife)\b.{0,30}\b"
    r"(?:if i|unless i|when i)",
    # Control through the children: "if I tell anyone he'll take the kids".
    r"(?:he|she|they)(?: will| would| is going to| are going to| said he would| said she would)?"
    r" take (?:the|my|our) (?:kids|children|baby|son|daughter)\b.{0,60}\b(?:never see|if i|"
    r"unless i)",
    r"(?:if i|unless i) (?:go|tell|say|leave|speak)\b.{0,60}\b(?:take (?:the|my|our) (?:kids|"
    r"children|baby)|never see (?:them|the kids|my kids))",
    # A child going missing and coming back with money, phones or injuries (exploitation).
    r"(?:going|goes|gone|went|keeps going) missing\b.{0,80}\b(?:cash|money|phones?|bruises|"
    r"bruised|older (?:men|lads|boys)|drugs|trainers)",
    # Someone coming into a child's room or bed at night.
    r"(?:comes|came|coming|keeps coming) (?:in ?to|into) my (?:room|bed|bedroom) at night",
    # Female genital mutilation.
    r"(?:cut|circumcise|circumcised) (?:my|our|her|the) (?:daughter|girl|girls|niece|sister)\b",
    r"(?:fgm|female (?:genital )?(?:circumcision|mutilation))\b.{0,40}\b(?:on |for |to )?"
    r"(?:my|our|her) (?:daughter|girl|girls|niece|sister)\b",
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
