"""Non-answers: deflections (the assistant does not answer) and privacy refusals.

A refusal declines to discuss what is not the customer's; "I can't find that order" counts,
since the shop answers a foreign order exactly like a missing one. A polite sign-off after an
answer ("if you have other questions, contact us") is not a deflection. Questions still
count here: "Could you please sign in?" is a request, not a question about the shop. Neither
is ever hedged: hedging softens assertions about the shop, and these assert nothing about it.
"""

from __future__ import annotations

from auditor._claims import _agent_handoffs
from auditor._claims._clarification import find_clarifications
from auditor._claims._compiled import compile_pattern
from auditor._claims._delay import extract_delay
from auditor._claims._dispatch import RuleSet
from auditor._claims._document import Document
from auditor._claims._lexicon import (
    ACCOUNT_HOLDER,
    ASKING_AROUND,
    CANNOT,
    CARRIERS,
    CLUELESS,
    CONTACTING,
    DESKS,
    ELSEWHERE,
    FAILING,
    HANDING_ON,
    MONEY_DESK,
    REFUND_NOUN,
    RELATIONS,
    SHOP_WILL,
    STAFF,
    TEAM,
    THIRD_PARTIES,
    THIRD_PARTY,
    THIS_ACCOUNT,
    WAREHOUSE,
    forms,
    ing,
    past,
)
from auditor._claims._model import Claim, ClaimKind, Deflection, Delay
from auditor._claims._registry import EXTRACTORS
from auditor._claims._resolve import claims_of
from auditor._claims._rules import rules
from auditor._claims._scan import Hit, scan
from auditor._claims._tables import row_start
from auditor._claims._text import Segment

#: Not able to, in every spelling of `_lexicon.CANNOT` ("not in a position to", syn10), and
#: the past and the means an agent lacks.
_CANT = (
    rf"(?:{CANNOT[3:-1]}|wasn't able to"
    r"|was not able to|(?:don't|do not|dont) have the (?:ability|capability|means|tools) to"
    r"|have no way to|no way for me to)"
)
_ORDERS = r"(?:orders?|returns?|accounts?|information|info|details|data)"
_YOURS = rf"(?:yours|urs|your(?: own)?|ur(?: own)?|{THIS_ACCOUNT}|this)"
#: Where a customer's own records are: "on your account", "under ur name", "against your profile".
_YOUR_RECORDS = (
    r"(?:(?:the )?(?:orders|returns|purchases|records) (?:on|under|in|linked to|against) )?"
    r"(?:(?:your|ur|yr)(?: own)? (?:account|acct|acc|profile|login|name|email(?: address)?"
    rf"|records?|order history|orders)|{THIS_ACCOUNT}"
    r"|the (?:email(?: address)?|details|name|account) (?:on file|we have on file|on (?:your|ur)"
    r" (?:account|acct))"
    r"|the email(?: address)? (?:associated with|linked to|registered to|attached to) (?:your|ur)"
    r" (?:account|acct))"
)
#: What a system is when it cannot answer: "down", "playing up", "offline for maintenance".
_BROKEN = (
    r"(?:down|offline|unavailable|not working|not responding|playing up|acting up|glitching"
    r"|being (?:slow|glitchy|funny|weird)|on the blink|frozen|broken|under maintenance"
    r"|having (?:a|an) (?:moment|wobble|outage|issue|problem)|not loading|not showing (?:\w+ )?"
    r"(?:anything|stock|orders|it)|blank|empty|greyed out|timing out|spinning"
    r"|on a go-slow|on a go slow|going slow|sluggish|lagging|really slow|so slow"
    r"|(?:experiencing|suffering|having) (?:an? |some )?(?:\w+ ){0,2}(?:outage|outages|downtime"
    r"|issues|problems|difficulties|glitch|glitches)|crawling|creaking"
    r"|having (?:a|one of (?:its|those|them)) (?:funny|bad|slow|off|dodgy) (?:five minutes|moment"
    r"|moments|day|days|turn|spell|hour))"
)
#: Systems a person at the shop looks things up in (the things that can be "down").
_SYSTEMS = (
    r"(?:system|systems|sys|tool|tools|till|tills|screen|computer|computers|network|portal"
    r"|database|server|servers|records|connection|stock system|order system|tracking tool"
    r"|checker|page|app|lookup|dashboard|platform|software|site|website|feed|stock feed)"
)
#: Who at the shop a hand-off goes to.
_STAFF = (
    r"(?:supervisor|manager|team leader|team lead|colleague|colleagues|specialist|a human|human"
    r"|a person"
    r"|live agent|an agent|agent|advisor|adviser|team member|someone|somebody|the team"
    r"|our team|(?:the|our) \w+ (?:team|desk|department|dept)|customer (?:care|service|services)"
    r"|support|billing|accounts)"
)
#: Limits an assistant states instead of an answer ("I can only provide a single sentence").
_LIMITED = r"(?:provide|give|offer|share|answer|help with|talk about|discuss)"

# Hand-offs composed from the lexicon's classes (`_lexicon`: CONTACTING, HANDING_ON, STAFF):
# who will reach the customer and how, what was handed on to whom, where the customer is sent.
# A verb, a channel or a team joins every family below by being listed there once.
#: "will", "gonna", and the softer modals a promise is made in.
_WILL = r"(?:will|shall|is going to|are going to|gonna|is gonna|are gonna|should|can|may|would)"
#: The subjects a promise contracts onto ("they'll", chat "theyll"): one word to the dispatch,
#: so they are spelt whole rather than as a subject and "'ll".
_WHO_LL = r"(?:theyll|they'll|he'll|she'll|someone'll|somebody'll)"
_REACH = forms(*CONTACTING)
#: A person who will reach the customer. Not a team: "our finance team will email you once
#: it's paid out" after an answer is a notice that follows it, not a hand-off instead of it.
_PERSON = (
    r"(?:representative|rep|member|specialist|agent|colleague|advisor|adviser|manager"
    r"|supervisor|team leader|human|person|expert|associate)s?"
)
_YOU = r"(?:you|u|ya|yourself)"
#: Sending: "drop you a line", "give you a ring", "shoot u a text".
_SEND_WORD = (
    r"(?:a line|a ring|a call|a bell|a buzz|an email|an e-mail|a message|a msg|a text|a txt"
    r"|a note|a shout|a tinkle|a callback|a call back|a quick call|a quick ring)"
)
#: Reaching the customer either way: "ring you", "give you a buzz".
_REACH_YOU = rf"(?:{_REACH} {_YOU}\b|(?:drop|send|give|shoot|flick|ping) {_YOU} {_SEND_WORD})"
#: Whom a case is handed to: a team, a named desk ("billing", "dispatch"), a person.
_TARGET = (
    rf"(?:(?:a|an|the|our|my|one of (?:my|our|the)) (?:[\w-]+ ){{0,2}}?{STAFF}|{STAFF}"
    rf"|billing|accounts|payments|dispatch|returns|complaints|the {WAREHOUSE}|our {WAREHOUSE}"
    rf"|{DESKS}|(?:[\w-]+ ){{0,2}}tier (?:\d|one|two|three)"
    r"|someone|somebody|some1|a human|a person|my manager|my supervisor|my team leader)"
)
#: The thing handed on: "this", "ur query", "your case", "the matter".
_CASE = (
    r"(?:(?:this|that|the|a|an) (?:[\w-]+ )?(?:conversation|chat|call|query|case|matter|issue"
    r"|request|enquiry|inquiry|question|complaint|ticket)|this|it|that|ur \w+|your \w+|yr \w+"
    r"|xx+)"
)
#: Those outside the shop who hold what the assistant cannot see: a carrier, a maker, the
#: customer's bank, a shop's own branch.
_OTHER_PARTY = (
    rf"(?:{THIRD_PARTY}|bank|card (?:issuer|provider)|payment provider|local (?:store|shop"
    r"|branch)|nearest (?:store|shop|branch))"
)
#: Trades and professions outside the shop, whom advice it does not give belongs to.
_TRADES = (
    r"(?:(?:a|an|your|the|any)(?: local| qualified| registered)? )?(?:vet|veterinarian|electrician"
    r"|plumber|doctor|gp|pharmacist|dentist|optician|mechanic|lawyer|solicitor|accountant"
    r"|builder|installer|engineer|(?:bike|hardware|repair|computer) (?:shop|store))"
)
#: Their channels: "help page", "customer service line", "tracking site".
_CHANNEL = (
    r"(?:website|web site|tracking (?:site|page)|help (?:page|centre|center)|app|customer"
    r" (?:service|services|care)(?: line| team| number)?|helpline|hotline|support (?:line|team))"
)
#: A channel that is someone's phone line even when the answer names no owner.
_LINE = r"(?:customer (?:service|services|care) (?:line|number)|helpline|hotline|support line)"
#: Said of them: they can tell, or asking them is the way. ("The carrier's page will have the
#: latest" is left out: after an answer it is a sign-off pointing to tracking.)
_KNOWS = (
    r"(?:(?:will|would|should|'ll) be able to (?:tell|help|check|confirm|advise|explain"
    r"|answer)\b|(?:is|are|would be|will be) (?:your|the) (?:best|quickest|fastest|easiest"
    r"|right) (?:bet|way|place|option|route|people|person)\b)"
)
_HANDOFF_FAMILIES = rules(
    Deflection.CONTACT_SUPPORT.value,
    # Someone else will reach the customer: "a representative from our billing department will
    # follow up with you", "one of them will ring you", "some1 from team will txt u back".
    rf"(?:someone|somebody|some1|sum1|they|he|she|{_PERSON}) (?:[\w'-]+ ){{0,7}}?{_WILL}"
    rf"(?: \w+){{0,2}}? {_REACH} {_YOU}\b",
    rf"{_WHO_LL}(?: \w+){{0,4}}? {_REACH} {_YOU}\b",
    rf"{_WHO_LL}(?: \w+){{0,2}}? (?:drop|send|give|shoot|flick|ping) {_YOU} {_SEND_WORD}",
    rf"(?:someone|somebody|some1|they|he|she|{_PERSON}) (?:[\w'-]+ ){{0,5}}?{_WILL}"
    rf"(?: \w+){{0,2}}? (?:drop|send|give|shoot|flick|ping) {_YOU} {_SEND_WORD}",
    rf"one of (?:them|us|the team|our team|my colleagues|our colleagues)(?: {_WILL}|'ll)"
    r"(?: \w+){0,2}?"
    rf" {_REACH_YOU}",
    r"(?:booked|arranged|scheduled|requested|set up|organi[sz]ed|logged|raised|put in|lined up)"
    r" (?:you )?(?:a|an) (?:\w+ )?"
    r"(?:call ?back|callback|call|ring ?back)\b",
    # Handed on: "passed ur query to billing", "I've logged this with our returns team",
    # "I'll send this up to my manager", "that's gone to the complaints team".
    *(
        rf"{forms(*verbs)} {_CASE}(?: (?:about|on|re|regarding|for) \S+)?(?: on| over| across"
        rf"| up| through| along| off)? (?:to|with) {_TARGET}"
        for verbs in (HANDING_ON[:8], HANDING_ON[8:16], HANDING_ON[16:24])
    ),
    rf"{past(*HANDING_ON)} (?:on |over |across |up |along )?(?:to|2|with) {_TARGET}",
    rf"{ing(*HANDING_ON[:6])} (?:(?:you|u|this|the chat|it) )?(?:on |over |across |through )?"
    rf"(?:to|2) {_TARGET}",
    rf"{past(*HANDING_ON)} (?:(?:it|this|that) )?(?:on |over |across |up )?(?:to|2|with)"
    rf" (?!you\b|u\b|us\b)\w+ (?:in|from|at|on) (?:the )?{DESKS}",
    rf"(?:that's|thats|that has|it's|its|it has|this has|this is) (?:now |been )?(?:gone|going"
    rf"|over|off|been passed|been sent) (?:over |across |up )?to {_TARGET}",
    rf"(?:asked|ask|asking|told|tell|got|get|getting|have|having) {_TARGET}(?: [\w-]+){{0,4}}?"
    rf" (?:to )?{_REACH_YOU}",
    rf"(?:messaged|emailed|pinged|contacted|texted|rung|rang|called) (?:them|him|her|{_TARGET})"
    rf"(?: [\w-]+){{0,3}}? to {_REACH_YOU}",
    # The answer waits on someone else: "I've emailed the warehouse, they'll come back to me".
    rf"{_WHO_LL} (?:come|get) back to me\b",
    r"(?:they|he|she|someone|somebody) (?:will|should|are going to|is going to) (?:come|get)"
    r" back to me\b",
    # Someone else will take it up with the customer: "accounts will have to pick that up with
    # you".
    r"(?:pick|take) (?:it|this|that|them) up with (?:you|u|ya)\b",
    # Waiting for a person: "the next available representative", "next agent will pick it up".
    r"next (?:available |free )?(?:agent|representative|rep|associate|advisor|adviser"
    r"|colleague|team member|person|specialist|human|operator)\b",
    # Sent to a third party's own channel: "give DPD a call", "try the Evri site", "direct
    # warranty inquiries to the manufacturer", "available on the carrier's website".
    rf"(?:give|drop) (?:the |ur |your )?{THIRD_PARTY} {_SEND_WORD}",
    rf"(?:try|check|visit|use|see|contact|ask|ring|call|phone|email) (?:the |ur |your )?"
    rf"{THIRD_PARTY}(?:'s|s)? (?:own )?(?:website|web site|site|app|page|helpline|hotline|service"
    r" cent(?:er|re)|customer service)",
    rf"(?:available|found|listed|shown) (?:on|from|via|through|at) (?:the |ur |your )?"
    rf"{THIRD_PARTY}(?:'s|s)? (?:website|web site|site|app|page)",
    # Sent to buy it elsewhere (llm7): "you can find it at any electronics store or online
    # at Amazon", "you could get one from other retailers".
    rf"(?:you can|you could|you may|you might|you'll be able to|u can|try to)"
    rf" (?:find|get|buy|purchase|pick up|order) (?:the |a |an )?(?:it|them|one|this|that|xx+)"
    rf"(?: \w+)?"
    rf" (?:at|on|from|in|through|via) {ELSEWHERE}",
    # Pointed at by a link (llm9): "you can find it here: https://www.amazon.com/…".
    rf"(?:you can|you could|you may|you might|u can) (?:find|get|buy|purchase|order)"
    rf" (?:the |a |an )?(?:it|them|one|this|that|xx+)(?: \w+)? (?:here|online)\W+"
    rf"(?:https?\W+)?(?:www\W+)?{ELSEWHERE}",
    # Sent to someone else's website to look it up (llm9): "I'd recommend checking the Linen
    # Burr Grinder website for the latest availability", "… the official website of the
    # Matte Santoku brand". Never the shop's own ("our website", "the website").
    r"(?:recommend|suggest|advise)(?: you)? (?:checking|visiting|looking at|trying|contacting"
    r"|going to) (?:the )?(?:official (?:website|web site|site) of\b|(?!(?:our|my|this|the)"
    r" )(?:[\w-]+ ){1,5}?(?:official )?(?:website|web site|site)\b)",
    # The third party, or its channel, named as the one who knows: "the UPS website is your
    # best bet", "your bank will be able to tell you why", "their customer service line is
    # the quickest way to find out".
    rf"(?:{_OTHER_PARTY}(?:'s|s)? (?:own )?(?:{_CHANNEL} )?|{_LINE} )"
    rf"{_KNOWS}",
    r"direct (?:any |all |your |ur )?(?:[\w-]+ )?(?:inquiries|enquiries|questions|queries"
    r"|claims|requests|qs) to",
    r"(?:ring|call|phone|contact|try|visit|email) (?:ur|yr|your) (?:local|nearest) (?:store"
    r"|shop|branch|outlet)",
    # Having someone reach the customer: "I'll get our Sarah in accounts to give you a bell".
    rf"(?:{SHOP_WILL[3:-1]}|i'm going to|i am going to|let me|will|gonna) (?:get|have|ask)"
    rf" (?:[\w-]+ ){{1,4}}?to {_REACH_YOU}",
    # Fetching a person: "... and get a supervisor", "bring in one of our specialists".
    rf"(?:grab|get|fetch|bring in|loop in|pull in) (?:my|our|a|an|the|one of (?:my|our|the))"
    rf" (?:\w+ )?{_PERSON}\b",
    rf"(?:give|drop|send) {_TARGET} {_SEND_WORD}",
    # Whose question it is: "that's one for the warranty team", "I'll give you their email".
    rf"(?:that's|thats|that is|it's|its|this is|that one's|this one's|that one is) (?:one"
    rf"|a question|a job|something|a matter|a query) for {_TARGET}",
    r"(?:give|send|pass|pop|drop) (?:you|u) (?:their|our|the team's|the) (?:email|e-mail|number"
    r"|phone number|details|contact details|contact)",
    # Better elsewhere: "you're best off ringing the branch".
    rf"(?:best|better)(?: off)? (?:{_REACH}|ask|asking)\b",
    rf"(?:get|getting|got|pop|popping|put|putting) {_YOU} (?:across|over|through) to",
    # Sent elsewhere: "pls ring 0800 555 0123", "try calling your nearest store", "please
    # check with our returns team", "you'll want the marketing team".
    rf"(?:please|pls|plz|kindly|try|just|best to|you can|you could|u can|feel free to|do)"
    rf" (?:\w+ )?{_REACH} (?:us|them|our|the|your|a|an|\d|\+|{STAFF}|{CARRIERS}\b)",
    r"(?:you'll|you will|youll|you'd|you would|you may|you might|u'll|ull) (?:want|need)"
    r" (?:to (?:speak to|talk to|contact|ask|try|go to|call|ring) )?(?:the|our) (?:[\w-]+ ){0,2}"
    r"(?:team|department|dept|desk|people|lot|folks|helpline|hotline)",
    rf"{forms('pop', 'go', 'head', 'come', 'nip', 'drop', 'call')} (?:into|in to|down to|to"
    r"|along to|by|in at) (?:any of |one of )?(?:our|a|the|your|your local|your nearest|the"
    r" nearest|a local)(?: \w+)? (?:stores?|shops?|branch|branches|outlets?|showrooms?)",
    # Sent to a desk, or the item taken back to where it was bought: "please visit the
    # customer service desk at your nearest store", "take it back to the shop you bought it
    # from".
    r"(?:visit|go to|head to|pop to|nip to|stop by|drop by|call at|come to) (?:the |our |a |any )?"
    r"(?:customer (?:service|services|care)|service|returns|help|information|guest services)"
    r" (?:desk|counter|point|centre|center)",
    # (Needed, not a policy: "you can take it back to any shop within 30 days" is none.)
    r"(?:need to|needs to|have to|has to|got to|must|should|best) take (?:it|them|this|that"
    r"|the \w+|xx+)(?: \w+)? back to (?:the|a|your|our|one of our"
    r"|any of our|the same) (?:[\w-]+ ){0,2}?(?:shop|store|branch|retailer|seller|outlet)s?\b",
    # A phone number given to ring: "on 0161 496 0000", "at 1-800-555-0199".
    r"(?:on|at|call|ring|dial|phone|tel|number|line),? \+?\(?\d{1,5}\)?"
    r"(?:[ -]\d{3,4}){2,3}\b",
    # Filed under its verb (a word the dispatch can index), not under every form of `_REACH`.
    r"(?:call|ring|phone|text|txt|dial|whatsapp|message|msg)(?: us| them)?(?: on| at)?"
    r" \+?\(?\d{2,5}\)?(?:[ -]?\d{3,6}){1,3}\b",
    r"take (?:(?:it|this|that) )?up with",
    rf"(?:check|checking|ask|asking|try|trying) with (?:our|the) (?:[\w-]+ ){{0,2}}?{STAFF}",
    r"(?:ticket|case|query|request|complaint) (?:raised|opened|logged|created|filed|submitted)\b",
    # The answer deferred until someone else is asked: "I'll ask the buyer … and drop you a
    # message", "let me chk w/ warehouse & come back 2 u", "I'll check and get back to you".
    # Opened on "i'll"/"let" (words the dispatch can index), not on "i".
    rf"(?:{SHOP_WILL[3:-1]}|ill|let me|i'm going to|i'm gonna) (?:[\w-]+ ){{0,2}}?"
    rf"{forms(*ASKING_AROUND)}(?: [\w/-]+){{0,7}}? (?:and|&|then|n)"
    rf" (?:{_REACH_YOU}|(?:come|get) back (?:to|2) {_YOU}\b)",
    rf"(?:come|get) back (?:to|2) {_YOU}"
    r"(?: [\w-]+){0,3}? (?:once|when|as soon as|after) (?:i|we|they|i've|we've|i hear|we hear)\b",
    rf"(?:follow up|catch up) (?:with )?{_YOU}"
    r"(?: [\w-]+){0,3}? (?:once|when|as soon as|after) (?:i|we) (?:hear|receive|get|have)\b",
    # Waiting on what someone else says: "I'll let you know what they say", "… once I hear".
    rf"(?:let|keep) {_YOU} (?:know|posted|updated)(?: [\w-]+){{0,2}}? (?:what (?:they|he|she)"
    r" (?:say|says|said|tell me|come back with|find)|(?:once|when|as soon as|if) (?:i|we)"
    r" (?:hear|get an answer|get a reply|have heard|have an answer)|(?:once|when|as soon as|if)"
    r" (?:they|he|she) (?:get back|come back|reply|respond|answer|confirm))\b",
    r"leave (?:it|this|that) with (?:me|us)\b",
    rf"(?:dropped|fired|shot|pinged|flicked) (?:them|him|her|{_TARGET}) (?:a|an) (?:quick )?"
    r"(?:message|msg|email|e-mail|note|line|text)\b",
    rf"sent (?:them|him|her|(?:the|our|my) (?:[\w-]+ ){{0,2}}?{STAFF}) (?:a|an) (?:quick )?"
    r"(?:message|msg|email|e-mail|note|line|text)\b",
    # Someone set to chase it: "I'll get a colleague to chase it", "asked the depot team to look
    # into it".
    rf"{STAFF} to (?:chase|look into|investigate|find out|follow (?:it|this|that) up|check (?:on"
    r"|into|with))\b",
    # A kind of question routed elsewhere: "warranty claims go through the manufacturer",
    # "pricing qs go to sales@…", "please direct your inquiry to the manufacturer", "warranty
    # stuff → manufacturer".
    r"(?:claims|questions|qs|q's|queries|enquiries|inquiries|stuff|issues|requests|matters)"
    r"(?: \w+)? (?:go|goes|are handled|get handled|are dealt with|are sorted|need to go|have to go"
    r"|must go) (?:through|to|via|by)\b",
    r"direct (?:any |all |your |ur |the |this )?(?:[\w-]+ )?(?:inquiry|enquiry|question|query|claim"
    r"|request)(?: [\w-]+){0,4}? to\b",
    # A desk that will reach the customer back, or about a record named, as chat hands off: "our
    # returns desk will txt u back", "billing team will email u re ORD-1", "warehouse will call
    # u abt ORD-2" (not a notice that follows an event: "… will email you once it's paid").
    r"(?:logistics|billing|accounts|payments|dispatch|returns|complaints|finance|ops|warranty"
    rf"|claims|{WAREHOUSE}|team|desk|department|dept)(?: team| desk| department| dept)?"
    rf" (?:will|'ll|is going to|are going to|shd|should) {_REACH} {_YOU}"
    r" (?:back\b|(?:re|abt|about|regarding)(?= (?:xx+|this\b|that\b|it\b)))"
    r"(?![^.;!?\n]*\b(?:once|when|as soon as|after)\b)",
    # Sent to the app or the site instead: "cant chk orders here, pls use the app".
    r"(?:please|pls|plz) use (?:the|our) (?:app|website)\b",
    # A call to the customer is a hand-off even from a team; an email after an answer is a
    # notice: "our Customer Relations team will ring you tomorrow".
    rf"(?:team|department|dept|desk)(?: \w+){{0,2}}? (?:will|'ll|is going"
    rf" to|are going to) (?:give {_YOU} a (?:ring|call|bell)|(?:ring|call|phone) {_YOU})\b",
    r"(?:flagged|marked|booked|logged)(?: \w+){0,2}? (?:for|as) (?:a |an )?(?:call ?back"
    r"|callback|ring ?back)\b",
    # An agent's hand-offs: asked to come back later ("please try us again after 2pm"), sent
    # to whoever holds the money ("check with your bank"), told who knows ("the product team
    # will be able to tell you"), or who handles it ("the manufacturer handles those").
    r"(?:can you|could you|please|pls|you can|you could|you'll need to|best to|feel free to"
    # (Not "try again later" alone: retrying the system is no hand-off, labelled.jsonl mx-015.)
    r"|if you) (?:\w+ )?(?:try (?:us|back)|message|contact|ring|call|chat to|come back to"
    r"|pop back)(?: us| me| back)?(?: again)? (?:after|later|in (?:an?|\d+|half)|tomorrow|tmrw|this"
    r" (?:afternoon|evening)|tonight|on (?:mon|tue|wed|thu|fri|sat|sun)\w*)\b",
    r"(?:check|speak|talk|chat|get in touch|take it up|raise it) (?:with|to) (?:your |ur |the )?"
    r"(?:bank|card (?:issuer|provider|company)|paypal|klarna|clearpay|afterpay|building society)\b",
    rf"{_TARGET} (?:will|'ll|should|would|can|could)(?: be able to)? (?:tell|advise|confirm"
    rf"|answer|help) {_YOU}\b",
    rf"{_TARGET} (?:will|would|should|might) know\b",
    rf"{THIRD_PARTY} (?:handles?|deals? with|looks? after|takes? care of|sorts?) (?:those|that"
    r"|these|them|this|it|all|warranty|warranties|repairs|claims)\b",
    # An agent's ways of sending the customer on (agent7): someone else's own channel ("Breville
    # have their own helpline"), who handles it instead of the shop ("handled by Klarna
    # directly"), a desk that will have to sort it ("Amazon's customer service will need to
    # sort that one") or can reach the customer ("the returns team can email you one"), a
    # place asked to call ("I've asked the depot to call you"), and the carrier who sees more
    # ("if you give them a ring … they can see more than I can").
    r"own (?:helpline|hotline|help line|support line|customer (?:service"
    r"|services|care)|support team|help ?desk|returns (?:team|department|process|portal)"
    r"|complaints (?:team|process))\b",
    r"(?:handled|dealt with|managed|looked after|sorted|processed) (?:\w+ )?(?:by|through)"
    r" (?:the )?(?:[\w-]+ ){1,2}?(?:directly|themselves|not us|rather than us)\b",
    r"(?:customer (?:service|services|care)|support|helpline|team|department|dept|desk|seller"
    rf"|{THIRD_PARTY}) (?:will|'ll|would|may|might) (?:need|have) to (?:sort|deal with|handle"
    r"|look into|look at|pick (?:it|this|that) up|take care of)\b",
    rf"(?:team|department|dept|desk) (?:can|could) (?:\w+ )?(?:{_REACH} {_YOU}\b|(?:send|give)"
    rf" {_YOU}\b)",
    r"(?:asked|told|asking) (?:the|our|your|your local) (?:depot|hub|store|branch"
    rf"|shop|courier|carrier|driver|{WAREHOUSE}|delivery office|sorting office)(?: [\w-]+){{0,3}}?"
    rf" to {_REACH_YOU}",
    r"(?:see|tell (?:you|u)|check) more than (?:i|we) can\b",
    # A note left for a team, who take it up ("I've put a note on for the returns team and
    # they'll pick it up tomorrow"); the case got over to a desk ("I'll get this over to the
    # warehouse"); someone there who will answer ("someone there will reply on this thread");
    # a case opened ("I've logged a complaint"); a channel suggested ("I'd suggest giving the
    # store a ring").
    rf"(?:note|notes|comment) (?:on |in )?(?:for|to) {_TARGET}",
    rf"(?:{_WHO_LL}|(?:they|he|she) will) (?:pick (?:it|this|that) up|take (?:it|this|that)"
    r" (?:from here|over))\b",
    rf"(?:get|put) (?:this|it|that|your \w+) (?:over|across|through) to {_TARGET}",
    r"(?:someone|somebody|some1) (?:there |from there |in (?:that|the) team )?(?:will|'ll|should)"
    r" (?:reply|respond|answer|get back|come back|be in touch)\b",
    r"(?:raised|logged|filed|submitted|lodged) (?:a|an) (?:\w+ )?(?:ticket|complaint)\b",
    r"(?:ticket|case|request) in (?:with|to)\b",
    # Better placed, and the customer's details passed on: "our logistics team are better
    # placed to answer that, I've sent them your details".
    r"better placed to (?:answer|help|advise|deal|look|sort|check)\b",
    r"(?:sent|passed|forwarded|given) (?:them|him|her) (?:your|ur) (?:details|number|email"
    r"|e-mail|info|contact details)\b",
    # Sent to someone else's app or site: "you'd need to check in the Klarna app".
    r"(?:you'd|you'll|you would|you will|you may|you might) (?:need|have) to (?:check|look|log"
    r" in) (?:in|on|with|to|at) (?:the|your) (?!our\b)\w+ (?:app|site|website|account|portal)\b",
    rf"(?:suggest|recommend|advise) (?:giving|calling|ringing|phoning|contacting|emailing|messaging"
    rf"|speaking to|asking|popping into|trying) (?:them|the|your|our|{THIRD_PARTY})\b",
    negation=False,
)
#: An adverb between a negation and its verb: "I don't actually have sight of".
_ADVERB = (
    r"(?: actually| really| currently| personally| unfortunately| always| yet| even| as such)?"
)
_NOT_HAVE = rf"(?:don't|do not|dont|doesn't|does not|doesnt|can't|cannot|cant){_ADVERB} have"
#: "That is not information I am able to …", "stock questions aren't something I can …": the
#: verb that follows says what kind of non-answer it is.
_NOT_MINE = (
    r"(?:not|n't|isn't|aren't|isnt|arent) (?:something|one|information|info|a thing|anything"
    r"|a question|details|data|things)(?: that| which)? (?:(?:i|we) (?:can|could|am able to"
    r"|'m able to|are able to|'re able to|have (?:the )?(?:access|ability) to)"
    # Contracted as typed: "not something I'm able to help with".
    r"|(?:i'm|im|we're) able to)"
)
_CANNOT_CHECK_FAMILIES = rules(
    Deflection.CANNOT_CHECK.value,
    # A system that does not let the assistant see: "doesn't give me visibility into …".
    # "n't" spelt with its verb: the dispatch never starts a match inside a word.
    r"(?:not|doesn't|doesnt|don't|dont|won't|wont) (?:provide|give|offer|allow) me (?:with )?"
    r"(?:any )?(?:visibility|access|sight"
    r"|a view)\b",
    r"no (?:info|information|details|updates?) (?:on|about|for|re|regarding) (?:that|this|it"
    r"|those|these)\b",
    rf"{_CANT} (?:provide|give|share|offer) (?:you )?(?:that|this|the|any|such) (?:information"
    r"|info|details|data)\b",
    rf"{_NOT_MINE} (?:see|check|access|view|look up|look at|pull up|get at|get to|find)\b",
    # What stops the assistant: "which prevents me from checking ORD-1".
    r"(?:prevents?|prevented|preventing|stops?|stopped|stopping) me (?:from )?(?:checking|seeing"
    r"|accessing|viewing|looking|pulling|getting|loading|opening|confirming)",
    rf"{_CANT} (?:get onto|get on to|get in to|log into|log onto|browse|search|query|read|reach)\b",
    rf"{_CANT} tell(?: you| u| ya)? (?:where|when|what|if|whether|how|which)\b",
    # Locked away from the assistant: "the refund side is locked to me".
    r"(?:locked|blocked|restricted|greyed out|hidden) (?:to|for|from) me\b",
    # A third party that keeps its news from the shop: "the courier doesn't share redelivery
    # times with us".
    rf"(?:{THIRD_PARTY}|they)(?: \w+)? (?:doesn't|does not|doesnt|don't|do not|dont|won't|will not"
    r"|wont|never) (?:share|give|send|tell|pass on|provide)(?: [\w-]+){0,3}? (?:with|to) us\b",
    # A screen that will not bring the record up: "it won't bring up your return".
    r"(?:won't|will not|wont|isn't|is not|isnt) (?:let me )?(?:bring|pull|call)(?:ing)?"
    r"(?: [\w-]+){0,3} up\b",
    # Failing, in any verb of the class: "it just errors", "the portal keeps freezing".
    rf"(?:{_SYSTEMS}(?:'s| is| are| just| keeps| kept| still)|it (?:just|keeps|kept|always))"
    rf"(?: on)? {forms(*FAILING)}\b",
    # Nothing to go on: "ive got no tracking on it", "I don't have any eta for new stock",
    # "nothing on my screen about that order".
    r"(?:i've got|ive got|i've|ive|i have|i got|we've got|we have got|i) no (?:tracking|info"
    r"|information|details|data|updates?|visibility|sight|eta)\b",
    r"(?:nothing|anything) (?:[\w-]+ ){0,2}?(?:on|in|up on|showing on|coming up on) (?:my|the)"
    r" (?:[\w-]+ )?(?:screen|system|end|side|computer|dashboard|monitor)\b",
    rf"{_NOT_HAVE} (?:any |the |much |a )?(?:sight|access|visibility|view|insight|way in)",
    rf"{_NOT_HAVE} (?:any |the |much )?(?:real-time|real time|live|up-to-date|up to date|current"
    r"|latest|fresh)(?: [\w-]+){0,2}? (?:data|information|info|availability|access|stock"
    r"|inventory|updates|details|figures|numbers|tracking|status|levels)",
    # Nothing more to tell: "as of my last update, I don't have any additional information
    # about the current status of …" (a stated limit, like "no real-time data").
    rf"{_NOT_HAVE} (?:any )?(?:additional|further|more|other|new|extra) (?:information|info"
    r"|details|data|updates|news) (?:about|on|regarding|for|of|re)\b",
    # A screen that will not answer: "the page keeps spinning", "can't get it to open".
    r"(?:keeps?|kept|keeping) (?:on )?(?:spinning|crashing|freezing|timing out|erroring"
    r"|failing|hanging|logging me out|kicking me out|throwing (?:an )?errors?)",
    # Access said in other words: "I've not got access", "no visibility of", "not available
    # to me" (said of information, not of stock: "to me" is the assistant).
    r"(?:not got|haven't got|havent got|have not got|don't get|do not get) (?:any )?(?:access"
    r"|visibility|sight)",
    # (voice10b) The progressive of "have", as a desk writes it: "I am not having access to".
    r"(?:i am|i'm|im|we are|we're) not having (?:any )?(?:access|visibility|sight)",
    r"no (?:access|visibility|sight|view) (?:to|of|into|on)",
    r"(?:isn't|is not|isnt|not|aren't|are not) (?:available|visible|accessible|open|shown) to me",
    rf"{_CANT} get (?:it|this|that|them|the(?: [\w-]+){{1,2}}) to (?:open|load|work|come up"
    r"|show|respond)",
    r"(?:saying|says|said|shows|showing|showed|giving me|gives me|throwing|throws|getting|got)"
    r" (?:me )?(?:an? )?(?:access denied|permission denied|unauthori[sz]ed|error message"
    r"|error code|error)\b",
    r"(?:logged|kicked|locked|thrown|timed|booted) me (?:out|off)\b",
    rf"{_CANT} get (?:back )?(?:in|into|on|onto)\b",
    r"(?:not|isn't|isnt|aren't|arent|won't|wont) (?:loading|showing|working|coming up|coming"
    r" through|coming thru|updating|syncing) (?:(?:on|at|from|for) )?my (?:end|side|screen"
    r"|computer|system)",
    # A feed between systems that has stopped ("the dpd feed isnt coming thru"); not a page
    # "not updating", which is the carrier's news, not the assistant's blindness.
    r"(?:feed|system|systems|sys|database|server|connection)(?: \w+){0,2}? (?:isn't|is not|isnt"
    r"|not) (?:coming through|coming thru|syncing|talking to)",
    # An agent's record that stops short, and tools not had (agent7): "the order history
    # doesn't go back that far", "I haven't got the tools to check that".
    r"(?:doesn't|does not|doesnt|don't|do not|dont|won't|wont) go back (?:that far|far enough"
    r"|beyond|further|more than|past)\b",
    # Looking at, shown, connected (agent7): "I'm unable to look at orders from the chat", "the
    # system won't show me the tracking", "I've lost connection to the order system".
    rf"{_CANT} look at (?:your |the |any |ur )?(?:orders?|accounts?|returns?|records?|details"
    # (Not a sign-in's reason: "I can't look at returns for guests".)
    r"|payments?|it|that|this)\b(?![^.!?\n]*\b(?:guests?|signed in|logged in|log in|sign in)\b)",
    r"(?:won't|will not|wont) show me\b",
    r"lost (?:my )?(?:connection|access) (?:to|with)\b",
    r"(?:haven't|have not|havent|don't have|do not have|dont have) (?:got )?the (?:tools|system"
    r"|systems|means|access|permissions?) to (?:check|see|look|view|pull|find|access)\b",
    negation=False,
)
#: What a customer proves who they are with.
_IDENTITY = (
    r"(?:postcode|post code|zip code|zip|full name|email on the account|email address on the"
    r" account|name on the account|billing address|phone number on the account"
    r"|email on the acct|last (?:4|four) digits|card number"
    r"|first line of (?:the|your|ur) (?:[\w-]+ )?address|last (?:4|four) of (?:the|your|ur) card)"
)
_SIGN_IN_FAMILIES = rules(
    Deflection.SIGN_IN.value,
    rf"(?:confirm|give|tell|provide|send|pop|share)(?: in| over| across)?(?: me| us)?(?: with)?"
    r" (?:(?:your|ur|the) )?"
    rf"(?:[\w-]+ (?:and|&|\+) |\w+ )?{_IDENTITY}",
    rf"(?:need|want|require|ask for|take|have)(?: \w+)? (?:your|ur|yr|the) (?:[\w-]+ (?:and|&)"
    rf" |\w+ )?{_IDENTITY}",
    r"(?:verify|confirm|check) (?:the|your|ur) (?:email(?: address)?|name|postcode|phone number"
    r"|address|details)(?: [\w-]+)? (?:associated with|on|linked to|registered to|for|attached"
    r" to) (?:your|ur|the) (?:account|acct)",
    r"(?:talking|speaking|chatting) (?:to|with) the (?:right|correct) person",
    # Proving who one is: "so I can check it's you", "verify ur acct", "date of birth".
    r"(?:check|make sure|confirm|know|verify|be sure|see) (?:that )?(?:it's|it is|its)"
    r" (?:really |definitely )?(?:you|u)\b",
    r"(?:verify|confirm|authenticate|prove|validate) (?:your|ur|yr) (?:acct|acc|account holder"
    r"|ownership|identity)",
    r"(?:date of birth|dob|memorable word|memorable information|security questions?"
    r"|security answers?|passcode|one-time code|verification code)",
    rf"(?:verification|confirmation) of (?:the |your |ur )?(?:[\w-]+ )?{_IDENTITY}",
    rf"(?:what's|whats|what is|wats|wots|wat's) (?:the|your|ur) (?:[\w-]+ )?{_IDENTITY}",
    negation=False,
)
#: What an assistant says it is limited to, instead of an answer: "I'm only allowed to deal
#: with delivery questions", "I can only answer in a single sentence here".
_LIMIT_VERBS = (
    r"(?:answer|help|assist|deal|talk|discuss|handle|cover|respond|chat|reply|do|look at"
    r"|advise)"
)
#: A stated limit, read as `other` only when the answer gives no more specific non-answer:
#: beside "I can't access your data" or "please call billing" it is that one's reason.
_LIMIT = "limit"
_LIMITS = rules(
    _LIMIT,
    rf"(?:can|could) only {_LIMIT_VERBS}",
    r"(?:i |we |i'm |im |i am )?only (?:do|deal with|handle|cover|answer|take|help with)"
    r" (?:[\w-]+ ){0,2}(?:qs|questions|queries|enquiries|inquiries|orders|returns|stuff)"
    r"(?: [\w-]+)? (?:here|on this|in this|today|on here)\b",
    rf"(?:i'm|am|im|we're|are) only (?:allowed|able|permitted|authori[sz]ed|set up|here"
    rf"|meant|supposed|trained|designed) to {_LIMIT_VERBS}",
    rf"(?:can|could) only {_LIMITED} (?:a single|one|general|limited|basic|short|brief"
    r"|information about (?:a|products|our)|info about)",
    # Not the assistant's to decide: the reason of a hand-off to whoever may ("I can't authorise
    # it myself, I've passed it to my manager"), or `other` alone (corpus ag-0006).
    rf"{_CANT} (?:authori[sz]e|approve|sign off|okay|ok) (?:that|this|it)\b",
    r"(?:not|n't) (?:something|one|a thing|anything) (?:i|we) (?:have the (?:authority|power"
    r"|permission|rights?)|(?:am|'m|are|'re) (?:authori[sz]ed|allowed|permitted)) to",
    rf"{_NOT_HAVE} the (?:authority|power|clearance) to",
    # The agent's own desk (agent7): "I don't deal with returns, I'm in sales".
    r"(?:don't|do not|dont) (?:deal with|handle|cover|look after) (?:[\w-]+ ){0,2}?"
    r"(?:returns|refunds|exchanges|complaints|warranty|warranties|billing|payments|invoices"
    r"|that side)\b",
    r"(?:beyond|above) (?:my pay grade|my level|my authority)\b",
    r"(?:not|n't) (?:authori[sz]ed|permitted|allowed) to (?:do|approve|process|change|action"
    r"|authori[sz]e|help with|sort) (?:that|this|it|refunds?|exchanges?|cancellations?)",
    # "As an AI I can't …": the reason of what follows, or `other` alone. The role may be set
    # off by a comma and be any service the model takes itself for (llm9: "as a product review
    # AI, I can't provide specific products", "as a product review service, I don't have the
    # ability to deliver products", "as a … AI, I specialize in providing information about …").
    r"(?:i'm|i am|as) (?:just |only )?(?:a|an)(?: [\w-]+){0,2}? (?:bot|chatbot|virtual assistant"
    r"|ai|automated assistant|assistant|service)\b,?(?: \w+){0,4} (?:can't|cannot|can only"
    r"|not able|unable|don't|specialize in|specialise in)",
    negation=False,
)
_OTHER_FAMILIES = rules(
    Deflection.OTHER.value,
    # No specifics to give (llm9): "I can't provide a specific order number or shipping
    # details", "I'm unable to provide a specific date", "I can't provide a specific item".
    # Not when an answer follows it ("can't give a specific date but it's been dispatched").
    rf"{_CANT} (?:provide|give|offer|share) (?:you )?(?:a |any )?specific"
    r" (?:[\w-]+ ){0,3}?(?:numbers?|details|information|info|dates?|locations?|times?"
    r"|status|products?|items?)\b(?![^.!?\n]*\bbut (?:it|it's|its|they|they're|the order"
    r"|your|we|we've|we're)\b)",
    # (llm10) "I don't have the exact item number right now": its identifier not had.
    r"(?:don't|do not|dont) have (?:the|its|an|any) (?:exact |specific |precise )?(?:item"
    r"|product|model) (?:numbers?|codes?|ids?|names?|skus?|references?)\b",
    rf"{_NOT_MINE} (?:answer|advise on|advise|help with|assist with|deal with|comment on|handle"
    r"|sort|speak to)\b",
    rf"{_CANT} (?:provide|give|offer) (?:any |you )?(?:guidance|advice|help|assistance|support"
    r"|recommendations?)",
    rf"(?:i'm|i am|i) {_CANT} (?:process|handle|action|arrange|do) (?:[\w-]+ )?"
    r"(?:exchanges|requests|that|this|those|these|them)\b",
    r"(?:falls?|is|are|sits?|lies|lie) (?:outside|beyond) (?:of )?(?:the scope|the remit|what i"
    r"|what we|my remit|my scope|the limits|the range|the (?:kind|sort|type|topics|things|areas"
    r"|subjects|questions|matters))",
    rf"(?:haven't|have not|havent|not) (?:got )?(?:a|the|any) {CLUELESS}\b",
    rf"no {CLUELESS}\b",
    r"(?:don't|do not|dont|doesn't|haven't|have not|havent) (?:have |got )?an? (?:answer|response"
    r"|reply) (?:to|for)",
    r"not in a position to (?:comment|answer|say|help|advise|confirm|discuss|assist|give|provide)",
    r"not familiar with (?:that|this|it|those|these)",
    r"(?:couldn't|could not|couldnt) say(?:,|\.|!|$| to be honest| honestly| sorry| i'm afraid)",
    r"i (?:wouldn't|would not|wouldnt) (?:really |honestly )?know\b",
    r"not (?:sure|certain),? (?:sorry|soz|sry|tbh|honestly|to be honest|i'm afraid)\b",
    r"not (?:totally |entirely |100% |really |too |quite |completely )?(?:sure|certain) (?:about"
    r"|on|of) (?:that|this)(?: one| question| bit)?(?:,|\.|!|;|$| to be honest| tbh| sorry| i'm"
    r" afraid| so| [–—-])",
    r"(?:a |bit of a |a bit of a |complete |total )?mystery to (?:me|us)\b",
    r"(?:outside|beyond) (?:of )?the (?:scope|remit) of (?:what i|this|my|our)",
    r"(?:dunno|idk|no clue|not a clue)",
    r"(?:couldn't|could not|couldnt) tell (?:you|ya|u)(?:,|\.|!|$| to be honest| honestly| sorry)",
    rf"{_CANT} answer (?:those|these|questions|queries|that kind|anything)",
    r"(?:that's|thats|that is|it's|its) a new one on me",
    r"no can do\b",
    r"out of my hands",
    r"not (?:one|something|a question|a thing|anything) (?:i|we) can (?:answer|help with|assist"
    r" with|deal with|help w\b)",
    # (sms8) A limit of the channel: "we cant do it on chat", "can't sort that over text".
    rf"{_CANT} (?:do|sort|process|handle|action|help with|help w) (?:it|that|this|those|these"
    r"|them|returns|refunds|warranty \w+|\w+ claims)(?: \w+)?? (?:on|over|via|through|thru|in"
    r"|by) (?:chat|here|this chat|text|txt|sms|live chat|messenger|whatsapp)\b",
    r"(?:not|n't) (?:authori[sz]ed|permitted|allowed) to (?:review|discuss|look at|go into|deal"
    r" with|handle|help with|comment on|advise on)",
    negation=False,
)

_DEFLECTIONS = RuleSet.of(
    rules(
        Deflection.CANNOT_CHECK.value,
        rf"{_CANT}(?: currently| really| actually| directly)? (?:check|see|look up|look into|lookup"
        r"|access|view|verify|confirm|retrieve|pull up|find out|load|review|track"
        rf"|open (?:the|my|our|this|that) (?:[\w-]+ )?{_SYSTEMS}\b)",
        r"(?:don't|do not|dont) have (?:any )?(?:access|visibility)",
        r"(?:have|has) no (?:access|visibility)",
        r"(?:don't|do not|dont) have (?:that |this |the |any |those |much |enough )?(?:information"
        r"|info|details|data)",
        r"(?:system|systems|tool|tools|service|database|connection)(?: \w+)? (?:is|'s|are)"
        r" (?:currently |temporarily )?(?:down|unavailable|offline|not working|not responding)",
        r"(?:i've|i have|i've got) no way of (?:checking|seeing|looking|accessing|telling)",
        r"no way (?:of|to) (?:see|seeing|check|checking|look|looking|access|accessing|tell"
        r"|telling|find|finding|know|knowing|view|viewing)",
        r"no access to",
        r"(?:isn't|is not|not) something i can (?:see|check|access|look up)",
        r"(?:won't|will not|wont|doesn't|does not|doesnt|isn't|is not|isnt)"
        r" (?:load|loading|open|opening|letting me)",
        r"getting an error",
        rf"{_CANT} look (?:that|it|this|them) up",
        r"not letting me (?:open|see|access|check|load|into)",
        r"(?:won't|wont|will not|doesn't|doesnt|does not) let me (?:open|see|access|check|load"
        r"|into|in|get|look|view)\b",
        r"(?:i )?can't tell you",
        r"having (?:trouble|problems|issues|difficulty) (?:accessing|connecting|loading|reaching"
        r"|pulling up|finding|getting|looking up|retrieving|checking)",
        # A system that cannot answer, in any words: "the system's playing up", "sys is down".
        rf"{_SYSTEMS}(?: \w+){{0,2}}(?:'s|'re| is| are| s)?"
        rf"(?: seems to be| seem to be| appears to be| appear to be| looks to be| seems| looks)?"
        rf" (?:currently |temporarily |still |a bit |being |been )?{_BROKEN}",
        rf"{_SYSTEMS}(?: \w+){{0,2}} (?:isn't|is not|aren't|are not|won't|will not|isnt|wont)"
        r" (?:showing|loading|working|letting me|cooperating|responding|coming up|bringing"
        r"|returning|finding|pulling)",
        rf"{_CANT} (?:pull|bring|call) (?:\w+ ){{0,2}}up",
        r"(?:having|experiencing|got|have) (?:some |a few )?(?:technical|system|it|computer"
        r"|connection) (?:difficulties|issues|problems|trouble|faults?)",
        rf"{_CANT} (?:get into|get at|get to|see into)",
        r"(?:don't|do not|dont|doesn't|does not) (?:have|get|show me) (?:any )?(?:real-time|real"
        r" time|live|up-to-date|up to date|current) (?:data|information|info|availability|access"
        r"|stock|inventory|updates|details)",
        r"(?:don't|do not|dont) have (?:any )?(?:sight|access|visibility) (?:of|to|on|into)",
        r"(?:don't|do not|dont) have the (?:tools|permissions?|rights|access rights|system"
        r" access) to",
        r"(?:not|isn't|is not) (?:visible|showing) (?:to me|on my (?:end|side|screen))",
        negation=False,
    ),
    rules(
        Deflection.CONTACT_SUPPORT.value,
        r"contact (?:our |the )?(?:\w+ )?(?:support|service|care|team|us|help ?desk|agents?"
        r"|department)",
        r"(?:email|e-mail) (?:us|our|customer|support|the team)",
        r"reach out (?:to|via)",
        r"get in touch",
        r"(?:call|phone|ring) us",
        r"(?:speak|talk|chat) (?:to|with|w/) (?:a |an |one of our |our |the )?(?:\w+ )?"
        r"(?:agents?|humans?"
        r"|colleagues?|team|members?|representatives?|person|advisors?|specialists?)",
        r"live chat",
        r"connect you (?:with|to)",
        r"transfer you",
        r"(?:pass|hand|put|passing|handing|putting) you (?:over |through )?to",
        # (Passed or handed only onward: "the team passed it" is an inspection passed.)
        r"(?:escalated|forwarded|referred) (?:it|this|that|your \w+(?: \w+)?)(?: on)?(?: to| up)?",
        r"(?:passed|handed) (?:it|this|that|your \w+(?: \w+)?) (?:on|over|to|up|along)\b",
        rf"(?:i've|i have|{SHOP_WILL[3:-1]}|i'm going to|i'm|will|'ll) (?:escalat\w+|copied|cc'd"
        r"|looped)",
        r"handing (?:the chat|this|you|it) (?:over )?to",
        r"(?:someone|somebody|a colleague|one of (?:my|our) colleagues|the team|they)"
        r"(?: from [\w ]{1,30}?)? (?:will|'ll|is going to|are going to) (?:follow up|be in touch"
        r"|get back to you|ring you|call you|email you|message you|reach out|contact you|reply"
        r"|take over)",
        r"(?:they|he|she) (?:will|'ll) (?:message|email|ring|call|contact) you",
        r"someone (?:will|'ll) be in touch|(?:will|'ll) be in touch",
        r"(?:get|let me get) (?:someone|somebody) (?:from|on)",
        r"(?:speak|talk) to the (?:manufacturer|supplier|store|brand)",
        r"call (?:them|the store|our \w+ team|the \w+ team|us|our billing)",
        r"best (?:if|to) (?:you )?(?:call|ring|phone|email|contact)",
        r"(?:pass|passing) you to",
        rf"{SHOP_WILL} ask (?:our|the|a|my) (?:\w+ )?(?:team|colleague|manager|supervisor)",
        rf"(?:customer service|customer care|support|care) {TEAM} (?:is|are|can|will)",
        r"you can reach (?:them|us)",
        r"@(?<=[\w.+-]@)[\w-]+(?:\.[\w-]+)+",
        r"(?:our|the) (?:\w+ )?team(?: \S+){0,3}? can (?:help|check|assist|look)",
        r"(?:line|helpline|hotline|desk|department|dept|specialists|colleagues),?(?: \S+){0,3}?"
        r" (?:can|will|would|will be able to|would be able to|should be able to) (?:assist|help)"
        r"(?: you| u)?\b",
        # Asked in a shop: "ask in store", "check at your local branch".
        r"(?:ask|asking|check|try|enquire|inquire)(?: at| in)(?: the| a| your| ur)?(?: local"
        r"| nearest)? (?:store|shop|branch)\b",
        r"(?:get|find|fetch|bring in|loop in|ask) (?:a|an|one of our|our) (?:human |real )?"
        r"(?:colleague|agent|team member|person|human|specialist)",
        # Hand-offs in any verb: "pop you through to", "connecting you with", "grab my manager".
        r"(?:pop|popping|put|putting|send|sending|pass|passing|hand|handing|transfer\w*"
        r"|connect\w*|move|moving|forward\w*|route|routing|stick|sticking|escalat\w*) (?:you|u|ya)"
        r"(?: over"
        r"| through| thru| across| back)? (?:to|with|w/)",
        rf"(?:let me|{SHOP_WILL[3:-1]}|i'm going to|going to|gonna|i can) (?:grab|get|fetch|find"
        rf"|call|ask|bring in|loop in|pull in|check with)"
        rf" (?:my|our|a|an|the|one of (?:my|our|the))? ?{_STAFF}",
        r"(?:pass|passing|hand|handing|send|sending|forward\w*|refer\w*|escalat\w*|transfer\w*"
        r"|raise|raising|flag|flagging) (?:this|it|that|your \w+(?: \w+)?) (?:on |over |up )?"
        r"(?:to|with) (?:a|an|the|our|my|one of)",
        r"(?:raised|opened|logged|created|filed) (?:a|an) (?:\w+ )?(?:ticket|case)",
        r"(?:someone|somebody|a colleague|a team member|one of the team|one of our team"
        r"|a specialist|an agent|a manager|my supervisor|my manager|a human|a person|they)"
        r"(?: \w+){0,3}? (?:will|'ll|should|can|is going to|are going to|gonna|shall)"
        r" (?:text|txt|msg|message|email|e-mail|ring|call|phone|contact|reply to|write to|get back"
        r" to) (?:you|u)",
        r"(?:be|are|is) in (?:touch|contact)\b",
        r"(?:be|are|is|get|getting) in contact with (?:you|u)\b",
        # Pointed elsewhere: "give the shop a ring", "drop them an email", "pop into a branch".
        rf"(?:give|drop) (?:us|them|(?:the|our|your|ur) (?:[\w-]+ ){{0,2}}?[\w-]+|customer"
        rf" services) {_SEND_WORD}",
        # (sms9) "dm the team on insta", "whatsapp the store".
        r"(?:ring|call|phone|email|e-mail|msg|message|text|txt|dm|whatsapp|contact|try|speak to"
        r"|talk to|ask)"
        rf" (?:the store|the shop|the branch|your local store|billing|accounts|{_STAFF}"
        r"|the courier|the carrier|the manufacturer|the supplier|the seller|the brand|the bank"
        r"|the (?:\w+ )?(?:team|desk|department|dept|helpline|hotline))",
        r"(?:pop|go|head|come) (?:into|in to|down to|to) (?:any of )?(?:our|a|the|your local)"
        r" (?:\w+ )?(?:stores?|shops?|branch|branches)",
        r"(?:visit|try) (?:any of |one of )?(?:our|a|your local)"
        r" (?:stores?|shops?|branch|branches)",
        r"take (?:it|this|that) up with",
        r"(?:you'd|you would|you'll|you will|you) (?:need|have|want|got) to (?:contact|speak to"
        r"|talk to|ring|call|email|phone|ask|message|get in touch with)",
        r"(?:msg|message|text|txt|whatsapp|dm) us",
        r"(?:stay|hold) on the line",
        r"(?:refer|referring|direct|directing|point|pointing|signpost|signposting) (?:you|u)"
        r" (?:over |on )?(?:to|towards)",
        r"better off (?:asking|calling|ringing|phoning|contacting|emailing|speaking|talking|going)",
        r"best (?:people|person|team|place|ones) to (?:ask|speak to|talk to|contact|help)",
        r"raise (?:it|this|that) (?:directly )?with",
        r"(?:use|fill in|fill out|complete) (?:the|our) (?:\w+ )?(?:contact|enquiry|inquiry"
        r"|support) form",
        r"(?:use|fill in|fill out|complete|submit) (?:the|our) (?:[\w-]+ )?form (?:at|on|via)\b",
        r"(?:reach|ping|message) (?:our|the) (?:\w+ )?(?:team|desk|department)",
        r"(?:have|get) (?:someone|somebody|a colleague|a manager|the team|one of the team)"
        r" (?:to )?(?:call|ring|phone|email|contact|message|text) (?:you|u)",
        r"(?:needs|has|will need|would need) to go (?:to|through) (?:our|the) (?:\w+ )?(?:team"
        r"|department|dept|desk|specialists?)",
        r"(?:suggest|recommend|advise) (?:that )?(?:you )?(?:contact|contacting|call|calling|ring"
        r"|ringing|email|emailing|speak|speaking|talk|talking|reach|reaching|get in touch)",
        r"(?:live|real) (?:agent|person|human)",
        negation=False,
    ),
    _HANDOFF_FAMILIES,
    _CANNOT_CHECK_FAMILIES,
    _SIGN_IN_FAMILIES,
    _OTHER_FAMILIES,
    _LIMITS,
    _agent_handoffs.BLIND,
    _agent_handoffs.LIMITS,
    rules(
        Deflection.SIGN_IN.value,
        r"(?:sign(?:ed|ing)?|log(?:ged|ging)?) ?(?:in|into|on)",
        r"(?:sign|log)(?:ged|ging)? back (?:in|into|on)\b",
        r"login",
        r"verify your identity",
        r"verify who i'm (?:speaking|talking) to",
        r"confirm (?:the|your) (?:postcode|email|date of birth|address) (?:on|for) (?:the|your)"
        r" account",
        r"(?:verify|confirm|authenticate|prove) (?:your|ur|yr) (?:identity|id|email|account"
        r"|details|number|phone)",
        # Terse, without the possessive: "need u to verify acct first".
        r"(?:verify|authenticate) (?:identity|account)(?!\w)",
        r"(?:pass|complete|answer) (?:a |the |some )?security (?:check|questions)",
        negation=False,
    ),
    rules(
        None,
        # Advice outside the shop, sent to a trade ("your vet is the best person to ask", "an
        # electrician would be the best person to ask"): the `other` limit's reason, no hand-off.
        rf"{_TRADES}(?: [\w'-]+){{0,3}} (?:is|are|would be|will be|'d be|'s|could be|might be)"
        r" (?:the|your) best (?:person|people|place|one) to (?:ask|speak to|talk to|check with)",
        rf"{ACCOUNT_HOLDER}(?: \S+){{0,4}} (?:would|will|'d|'ll|needs?|has|have|must|should)"
        r"(?: need| have)?(?: to)? (?:get in touch|contact us|call us|ring us|email us|speak to us"
        r"|message us)",
        r"(?:on|under|with|in) (?:another|a different|a diff|a separate|the other|someone else's)"
        r" (?:login|log-in|log in|sign-in)",
        r"(?:you're|you are|you're currently|you've) (?:signed|logged) in",
        r"(?:signed|logged) in (?:with|as)",
        r"(?:under|on|in|to|with|against) (?:your|ur|yr)(?: own)? (?:login|log-in|log in|sign-in)",
        # A check that failed on the order is what happened to it, not a non-answer: "voided —
        # we couldn't verify the billing address".
        rf"we {_CANT} (?:verify|confirm|authori[sz]e|validate) (?:the|your) (?:billing|payment|card"
        r"|delivery address|shipping address|address)",
    ),
    rules(
        Deflection.OTHER.value,
        rf"{_CANT}(?: really| actually| personally)? (?:help|assist)(?: you| u)? (?:with|w/?)",
        r"(?:outside|beyond) (?:of )?what i can (?:help|assist|do)",
        # (voice10) The same limit said with "able to": "outside what I'm able to help with".
        r"(?:outside|beyond) (?:of )?what (?:i'm|i am|im|we're|we are) able to (?:help|assist|do)",
        r"not something i can (?:help|assist|deal) (?:with|w/?)",
        # (voice10b) A desk's limit of its channel: "this query is not handled in chat".
        r"(?:this|that|such|these|those|your) (?:\w+ )?(?:query|queries|request|requests|issue"
        r"|issues|question|questions|concern|concerns) (?:is|are) not (?:handled|entertained"
        r"|supported|dealt with|taken up) (?:in|on|over|via|through|here)\b",
        r"not something i (?:deal with|handle|cover|do)",
        r"(?:i've|i have) no idea",
        r"unable to help",
        # "No idea", "haven't the foggiest", "not my area": a plain "I can't answer".
        r"no (?:idea|clue)",
        r"(?:haven't|have not|havent) (?:got )?(?:the (?:foggiest|faintest)|a clue)",
        r"not (?:really )?(?:my|our) (?:area|department|dept|field|remit|forte)",
        r"(?:beyond|above|outside) (?:me|my head|my expertise|my knowledge|my area)\b",
        rf"{_CANT} {_LIMITED} (?:a|any|that|this|the)? ?(?:specific|particular|exact|more)"
        r" (?:product|item|information|info|details|answer)",
        r"(?:i'm|i am|im) not (?:sure|certain) (?:what's|what is|what|where|why|how) (?:going on"
        r"|happened|happening|the (?:issue|problem|hold-up) is)",
        r"(?:date|time|eta|status|details?|information)(?: \w+){0,5} (?:is|are) (?:unknown|not"
        r" (?:specified|known|given|listed))",
        r"(?:i'm|i am) not able to help with",
        r"(?:that's|that is|it's|this is) (?:outside|beyond) (?:what i can|my|the scope)",
        r"(?:i )?(?:don't|do not|dont) know\b",
        r"i have no idea",
        rf"{_CANT} answer (?:that|this)",
        negation=False,
    ),
)
#: An agent's reported hand-offs and the channels that hold the answer (`_agent_handoffs`).
_AGENT_HANDOFFS = RuleSet.of(
    _agent_handoffs.HANDOFFS,
    _agent_handoffs.HOLDS_FAMILIES,
    _agent_handoffs.PASSED_ON,
    _agent_handoffs.HELD_AT,
)
#: A relative's record named: a refusal only where the sentence declines before it.
_RELATION = "relation"
_DECLINED = compile_pattern(r"\b(?:not|cannot|cant|unable|won't|wont)\b|n't\b")
_REFUSALS = RuleSet.of(
    # The customer's own card kept from an agent's screen is no one else's record: "I can't see
    # card details on my side for security" is blindness, not a refusal.
    rules(
        None,
        r"(?:card|payment|bank|billing) (?:details|numbers?|info|information)(?: [\w']+){0,5}"
        r" (?:for|due to) security",
    ),
    # A relative's or a friend's record, declined: "I'm not allowed to go into the details of
    # your sister's order"; said plainly ("your mum's order has shipped") it refuses nothing.
    rules(
        _RELATION,
        # "'s" spelt out, not "'?s": "sister's" is a whole word the dispatch can index.
        rf"{RELATIONS}'s (?:order|orders|return|returns|account|acct|details|purchase|refund"
        r"|parcel|delivery)\b",
        negation=False,
    ),
    rules(
        None,
        # A limit of time, not of ownership: "I can't see that far back in your order history".
        rf"{_CANT} (?:see|find|look|go|check|access)(?: back)? (?:that|so|this|too) far"
        r"(?: back)?(?: \S+){0,6}",
    ),
    rules(
        "privacy",
        rf"(?:only|just|restricted to|limited to|reserved for)(?: [\w-]+){{0,7}} (?:the |an? )?"
        rf"{ACCOUNT_HOLDER}",
        rf"(?:don't|do not|dont|never|{CANNOT[3:-1]}|won't|will not|wont"
        rf"|not allowed to|not permitted to) (?:disclose|share|give out|release|pass on|reveal"
        rf"|discuss)(?: [\w-]+){{0,3}} (?:to|with) {THIRD_PARTIES}",
        r"other (?:accounts|accts)\b",
        r"(?:diff|different) (?:account|acct|acc)\b",
        # Nothing of that name where the customer's records are: "there's nothing under RMA-1 on
        # your account", "no return called RMA-2 linked to you".
        r"(?:nothing|nothin|no (?:order|return|rma|record|match)(?:es|s)?)(?:'s| is| has|'s been)?"
        r" (?:(?:showing|coming up|come up|came up|shown up|showed up|turned up|listed|turning up"
        r"|at all) )?(?:under|for|called|named|on"
        r"|matching|with|by) (?:\S+ ){1,3}(?:on|in|under|against|linked to|attached to|associated"
        rf" with) (?:{_YOUR_RECORDS}|you\b|u\b)",
        rf"{_ORDERS}(?: \w+){{0,3}} (?:that|which)? ?(?:aren't|are not|isn't|is not|don't|doesn't"
        r"|do not|does not) (?:belong to you|yours|your own)",
        r"(?:isn't|is not|isnt|not|n't|aren't|arent)(?: \w+){0,2} (?:linked|registered|attached"
        r"|tied|associated) (?:to|with) (?:you|u)\b",
        # (syn10) Not the "not" of "can not", a `CANNOT` spelling: "we can not put it on your
        # order" says nothing of whose the order is.
        r"(?:isn't|is not|aren't|are not|(?<!can.)not|n't)(?: \w+){0,3} (?:on|linked to"
        r"|associated with"
        rf"|connected to|under|part of|attached to|registered to|one of|tied to|held on) {_YOURS}",
        r"(?:for|due to) (?:privacy|security|data protection|confidentiality)",
        r"to protect (?:customer |your |their |our customers' |everyone's |people's"
        r" |customers' |other people's )?privacy",
        rf"placed by {THIRD_PARTIES}",
        r"privacy matters",
        r"belongs? to (?:another|a different|someone else|somebody else)",
        r"placed by (?:someone|somebody) else",
        r"placed by (?:a different|another) (?:customer|person|account)",
        r"(?:registered|linked|attached|belongs) to (?:a different|another)"
        r" (?:email|account|customer|address|person)",
        r"(?:isn't|is not|not) registered to you",
        r"(?:doesn't|does not|don't|do not) (?:appear|seem) to (?:be|belong)(?: linked| associated"
        r"| attached| registered)?(?: on| to| with| under)? (?:your|one of your)",
        r"(?:isn't|is not|not|isnt) (?:yours|ur (?:order|return)|your (?:order|return))",
        r"(?:orders?|returns?) on other (?:accounts|accts|customers)",
        r"(?:only|just) (?:provide|give|share|discuss)(?: \w+){0,3} (?:on|about|for)"
        r" (?:orders|returns) (?:placed|made) (?:under|with|on|from) your",
        r"(?:doesn't|does not|don't|do not) match anything on your account",
        rf"{_CANT} (?:find|locate) (?:xx+|it|that|this)(?: \w+){{0,2}} (?:on|under|in|among) your"
        r" (?:account|acct|orders)",
        rf"{_CANT} (?:find|locate)(?: it| that| this)? (?:on|under|in|among) your (?:account|acct"
        r"|orders)",
        # Not found where the customer's own orders are: "doesn't show up on your account".
        r"(?:doesn't|does not|didn't|did not) (?:show up|appear|come up) (?:on|in|under|among)"
        r" your (?:account|acct|orders)",
        r"no (?:order )?xx+ (?:on|under|in) your (?:account|acct)",
        # (voice10b) Not found there, in the passive: "RMA-1 is not found in your account",
        # "is not showing under your account", "not reflecting in your profile".
        r"(?:isn't|is not|isnt|wasn't|was not|not) (?:found|showing|visible|appearing|reflecting"
        r"|registered) (?:in|on|under|against|among) your (?:own )?(?:account|acct"
        r"|orders|order history|profile|login)",
        r"(?:someone|somebody) else's",
        r"other (?:customers|people|ppl|users|shoppers)'?s?'?",
        r"another (?:customer|person|user)'s",
        r"(?:only|just) (?:discuss|share|help with|access|talk about|give|provide|see|look up"
        r"|check)"
        rf"(?: details| information| the status)?(?: of| about| on| for)? {_ORDERS}"
        rf"(?: \w+){{0,2}}? (?:on|linked to|associated with|from|placed from|placed with|in|under"
        rf"|you placed|placed by you|that are|that belong to|belonging to) (?:{_YOURS}|yourself"
        r"|account|the account)",
        r"(?:only|just) (?:discuss|share|help with|talk about|look at|deal with)(?: \w+){0,3}?"
        r" (?:that|which) (?:belong|belongs|are linked|are registered) to (?:you|u)\b",
        # (voice10b) The limit after its verb, as a desk writes it: "we can discuss only the
        # orders under your account".
        r"(?:discuss|share|help with|talk about|provide|give|check) (?:only|just) (?:the )?"
        rf"(?:details of |information of |status of )?(?:the )?{_ORDERS}(?: \w+){{0,2}}? (?:on"
        rf"|under|in|linked to|from|placed from|of) (?:{_YOURS}|account|the account)",
        # The owner named as the one signed in: "I can only discuss returns that belong to the
        # signed-in customer", "orders placed by the logged-in account".
        r"(?:only|just) (?:discuss|share|help with|talk about|look at|deal with)(?: \w+){0,3}?"
        r" (?:that|which) (?:belong|belongs|are linked|are registered) to the (?:signed[- ]in"
        r"|logged[- ]in|account|verified) (?:customer|account|user|holder|person)\b",
        # A record not found for the customer, said of its id: "RMA-1 isn't one I can find for
        # your account".
        rf"(?:isn't|is not|isnt|wasn't|was not) (?:one|something) (?:i|we) (?:can|could) (?:find"
        rf"|see|locate) (?:for|on|under|in|against) {_YOUR_RECORDS}",
        # "Can't see orders" in general is blindness; "can't see that order" is not finding it.
        rf"{_CANT} (?:find|locate|see(?= (?:an?|any|that|the|this) ))"
        r" (?:an?|any|that|the|this)? ?(?:order|return)s?(?! details)",
        rf"(?:anyone|anybody|any1|nobody|noone) (?:but|other than|except|apart from|besides"
        rf"|bar) (?:the |an? )?{ACCOUNT_HOLDER}",
        # (markdown9) "I don't have any record of RMA-1", "I couldn't find a trace of it".
        r"(?:no|don't see|can't see|do not see|cannot see|don't have|do not have|dont have"
        r"|haven't got|can't find|cannot find|couldn't find|could not find)(?: any| a)?"
        r" (?:record of|trace of)",
        r"(?:there's|there is|i see|we have|i have|i found) no (?:order|return)",
        r"(?:order|return|rma)(?: number| id)? (?:doesn't|does not) exist",
        r"(?:doesn't|does not|don't|do not) match any (?:order|return)s?",
        r"(?:don't|can't|do not|cannot) see(?: \S+){0,3} (?:on|under|in|linked to) your account",
        # Chat spellings of ownership: "isnt on ur account", "wasnt placed by u".
        r"(?:isnt|arent|wasnt|werent|aint)(?: \w+){0,3} (?:on|linked to|associated with|under"
        rf"|part of|attached to|registered to|one of) {_YOURS}",
        r"(?:isnt|arent|wasnt) (?:yours|urs|ur (?:order|return)|your (?:order|return))",
        # Not found where the customer's own records are, in any words.
        # Placed elsewhere than the customer's records: "not placed with your email address".
        r"(?:not|wasn't|wasnt|weren't|werent|isn't|isnt)(?: \w+){0,2} (?:placed|made|ordered"
        r"|registered|raised|booked) (?:with"
        rf"|under|on|from|by|through|to) (?:{_YOUR_RECORDS}|you\b|u\b)",
        rf"{_CANT} (?:find|locate|see|pull up|bring up)(?: \S+){{0,3}} (?:on|in|under|against"
        rf"|among|linked to|attached to|associated with) {_YOUR_RECORDS}",
        r"(?:nothing|no results?|no match(?:es)?) (?:comes|came|coming|shows|showed|showing|turns"
        rf"|turned) up(?: \S+){{0,4}} (?:on|in|under|against) {_YOUR_RECORDS}",
        r"(?:doesn't|does not|doesnt|didn't|did not|don't|do not|dont) (?:match|show up|appear"
        rf"|come up|belong)(?: \w+){{0,3}} (?:on|in|under|against|with|to|for)"
        rf" {_YOUR_RECORDS}",
        r"(?:not|n't|isnt|arent) (?:showing|coming up|appearing|listed|turning up)(?: up)? (?:on"
        rf"|under|against|in|with|for) {_YOUR_RECORDS}",
        rf"no (?:record|trace|sign)s? of(?: \S+){{0,3}} (?:on|in|under|against) {_YOUR_RECORDS}",
        # "Isn't in your name" (not "in your account": a refund not in it yet is no refusal).
        r"(?:isn't|is not|isnt|not|n't|wasn't|wasnt)(?: \w+){0,3} (?:in|under|against)"
        r" (?:your|ur|yr) (?:name|profile|email(?: address)?|order history|records?)",
        r"(?:only|just)(?: \w+){1,6} (?:(?:the )?(?:person|customer|people|one) who|whoever"
        r"|whomever) (?:placed|made|ordered|owns?|bought)",
        r"(?:that|this|the|those|such|other customers') (?:information|info|details?|data)"
        r" (?:is|are) (?:confidential|private|protected)",
        # Someone else's: "placed under another email", "on a diff account".
        r"(?:placed|made|registered|booked|ordered|raised|opened|logged)"
        r" (?:under|with|on|from|by|to) (?:another|a different|a diff|a separate|someone else's"
        r"|somebody else's) (?:email|account|acct|customer|person|name|profile|address|user)",
        r"(?:on|under|in|to) (?:another|a different|a diff|a separate|someone else's"
        r"|somebody else's) (?:account|acct|profile|customer|customer's account)",
        # Why: the rules themselves ("privacy rules", "data protection means", "GDPR").
        r"(?:privacy|data protection|data-protection|confidentiality) (?:rules|reasons"
        r"|policy|policies|laws?|regulations|means|requirements|stops me|won't let me|doesn't"
        r" let me|does not allow|prevents? me)",
        r"gdpr",
        # Not able to tell is a refusal; not able to access or look at is blindness ("I'm not
        # able to access individual order records"), a refusal only when not permitted.
        r"(?:not|n't) (?:permitted|allowed|authori[sz]ed|able) to (?:share|disclose|discuss"
        r"|give out|reveal|release|pass on|talk about|go into|give you)"
        r"(?: \w+){0,3} (?:about|of|on|for|into)? ?(?:that|this|those|other|another|someone"
        r"|somebody|orders?|returns?|accounts?)",
        r"(?:not|n't) (?:permitted|allowed|authori[sz]ed) to (?:look at|access)"
        r"(?: \w+){0,3} (?:about|of|on|for|into)? ?(?:that|this|those|other|another|someone"
        r"|somebody|orders?|returns?|accounts?)",
        r"(?:not|n't) (?:permitted|allowed|authori[sz]ed) to (?:share|disclose|reveal|release"
        r"|give out|pass on)",
        r"(?:only|just)(?: \w+){1,5} (?:the )?account (?:holder|owner)",
        r"(?:only|just)(?: \w+){0,6} (?:your|ur) own (?:orders?|returns?|account|acct)",
        # Another customer's, in any determiner and spelling: "diff customer's order",
        # "someone elses order"; the reason alone: "security reasons, cant give that out".
        r"(?:another|a different|a diff|diff|different|a separate|some other|other)"
        r" (?:customer|person|user|shopper|account holder|buyer)'?s\b",
        r"(?:someone|somebody|some1) elses?\b",
        r"(?:privacy|security|data protection|confidentiality|gdpr) (?:reasons|grounds)",
        r"(?:only|just)(?: \w+){1,4} (?:orders|returns|purchases)(?: \w+){0,3} (?:placed|made"
        r"|raised|bought) (?:under|with|from|on|by|through) (?:the|your|ur|this|you)",
        r"(?:only|just) (?:discuss|share|help with|talk about|go through|look at|deal with|give"
        r" updates on)(?: \w+){0,2} (?:orders|returns) (?:placed|made) by (?:you|u|yourself)",
        # Withheld until the holder is proven, or placed under another kind of account: "I
        # can't share order information without verifying the account holder", "we can't
        # discuss orders placed by a business account from a personal login".
        r"(?:share|disclose|discuss|release|give out|provide) (?:any )?(?:order|account|return"
        r"|customer)(?:'s)? (?:information|info|details|records|data) without (?:first )?"
        r"(?:verifying|verification|confirming|proof)",
        r"(?:orders?|returns?)(?: that| which)?(?: were| was| are| is)? (?:placed|made) (?:by|from"
        r"|under|on) (?:a |an |the )?(?:business|company|corporate|work|trade|separate)"
        r" (?:account|login|acct)",
        negation=False,
    ),
)
#: A refusal's sentence says why it cannot check or help: that is the refusal, not these.
_REFUSED_ANYWAY = frozenset({Deflection.CANNOT_CHECK.value, Deflection.OTHER.value, _LIMIT})
#: Where a refusal found in a sign-in request starts when it is only the request's reason.
_SECURITY_NOTE = ("for ", "due to ", "security ", "to protect ")
_SIGN_IN_TALK = compile_pattern(
    r"\b(?:sign(?:ed|ing)? ?in|log(?:ged|ging)? ?in|login|verify|as a guest|date of birth"
    r"|postcode|post code|zip code|security questions?)\b"
)
#: What says nothing about the shop: apologies, offers to help, promises to do better,
#: greetings, pointers back to an earlier message. Language models answer with nothing else
#: surprisingly often ("I'm sorry for the confusion. I can help with that."), and an answer
#: made only of these (and of questions that ask nothing of the shop's records) answers
#: nothing: it is a deflection, `other`, not an answer the auditor failed to read.
_FILLER = compile_pattern(
    r"(?:(?:i'm|i am|we're|we are|my|our|i do|we do|i|we) )?(?:so |very |really |truly )?"
    r"(?:sorry|apologi[sz]e|apologies)"
    r"(?: again)?(?: for| about)?(?: any| the| your| all| this| that)?"
    # The trouble noun is tried first, so that "the mix up" is not read as "the mix".
    r"(?:(?: [\w-]+)?(?: confusion| inconvenience| misunderstanding| loss| trouble| frustration"
    r"| mix-up| mix up| mixup| muddle| hassle| bother| faff| hiccup| wait| issues?| problems?"
    r"| mistake| error| oversight| delay)(?: caused)?|(?: [\w-]+))?"
    r"(?: (?:this|it|that|i|my previous response) (?:has |may have |might"
    r" have )?caused(?: to)?(?: you)?)?(?: earlier| before| there| again)?"
    r"|(?:(?:i'll|i will|i'd|i would|i'm|i am|we'll|we'd|we're) )?(?:be )?(?:more than |very "
    r"|always |so )?(?:happy|glad|pleased|here) to (?:help|assist)(?: you)?(?: further)?(?: find it"
    r"| with"
    r" (?:that|this|it|anything(?: else)?(?: you (?:need|might need|may need))?|your \w+"
    r"(?: \w+)?(?: needs)?))?(?: further| today)?"
    r"|(?:i|we) can (?:help|assist)(?: you)? with (?:that|this|it)"
    r"|how (?:can|may) i (?:help|assist)(?: you)?(?: today)?"
    r"|(?:i'll|i will|i'm going to) (?:make sure to |try to |try and |endeavour to )?(?:provide"
    r"|give)(?: you)? (?:a |the )?(?:more )?(?:accurate|correct|better|right)(?: information"
    r"| answer| response| details| description)?(?: of (?:the|your|this) \w+)?(?: next time"
    r"| in (?:the )?future| in my (?:next )?(?:answer|response|reply))?"
    r"|(?:i'll|i will) (?:make sure to |try to )?(?:be|do) (?:more accurate|better)(?: next time"
    r"| in (?:the )?future)?"
    r"|i may have missed something(?: \w+)? in my previous (?:response|answer|message)"
    r"|please (?:refer|see) (?:to )?(?:the|my) (?:original|previous|earlier|above)"
    r" (?:message|answer|response)"
    r"|(?:hi|hello|hey)(?: there)?"
    # A model's closing words, after an answer or after nothing.
    r"|(?:i )?hope (?:that|this) helps"
    r"|thank(?:s| you)(?: so much)?(?: for (?:your patience|reaching out|your message|asking"
    r"|letting me know|bringing this to my attention|contacting us|getting in touch|your question"
    r"|your enquiry|your inquiry|your query|the question|waiting|holding|your understanding"
    r"|understanding))?"
    r"(?: while i (?:looked|look|checked|check) (?:into )?(?:this|that|it))?"
    r"|(?:and )?i hope you're (?:doing )?well|just another day"
    r"|let me know if (?:you (?:need|have) |there's |there is )?(?:anything else|any (?:other"
    r"|more) questions)(?: i can (?:do|help with))?"
    r"|(?:i'm |im |i am )?(?:honestly |really )?not (?:sure|certain)"
    r"|(?:we|i) (?:truly |really |do |greatly )?appreciate (?:your (?:patience|understanding)|it"
    r"|that)"
)
#: Longer than this, an answer is not filler alone (the longest seen is under 300 characters).
_MOST_FILLER = 600
#: What may open a sentence before its first word: blanks, bullets, quotes, emoji.
_LEAD = compile_pattern(r"[\W_]*")
#: The first letters of the joints `_RESIDUE` skips, to rule most sentences out cheaply.
_JOINTS = ("and", "but", "so", "then", "just", "ok", "again", "though", "too", "please", "tbh",
           "honestly", "oops", "whoops", "unfortunately", "annoyingly", "afraid", "i'm afraid",
           "to be honest")  # fmt: skip
#: What may remain of a sentence once its filler is taken out: joints and punctuation.
_RESIDUE = compile_pattern(
    r"[\W_]*(?:(?:and|but|so|then|just|ok|okay|again|though|too|please|tbh|honestly|oops|whoops"
    r"|sorry|unfortunately|annoyingly|afraid|i'm afraid|to be honest"
    # A model's opening word: left over, never filler of its own ("Sure!" alone says yes).
    r"|sure|of course|certainly|absolutely)\b[\W_]*)*"
)


def _filler_after_joint(text: str, start: int) -> bool:
    """Filler after joint words ("please let me know if there's anything else"), tried only
    where `text` opens on a joint: most sentences do not, and this runs on every answer."""
    if not text.startswith(_JOINTS, start):
        return False
    joint = _RESIDUE.match(text)
    return joint is not None and _FILLER.match(text, joint.end()) is not None


#: A letter's closing on a line of its own: it and the lines under it (a name, a team) say
#: nothing.
_VALEDICTION = compile_pattern(
    r"(?:^|\n)[^\S\n]*(?:(?:best|kind|warm|warmest|many)[^\S\n]+)?(?:regards|thanks|wishes)"
    r"[^\S\n]*,?[^\S\n]*\n|(?:^|\n)[^\S\n]*(?:all the best|sincerely|yours sincerely"
    r"|cheers|take care)[^\S\n]*,?[^\S\n]*\n"
)
#: The memo key of the span of a non-answer read by `_says_nothing`.
SAYS_NOTHING = "says_nothing"


def _says_nothing(doc: Document) -> Segment | None:
    """The answer's first sentence when every sentence is filler or a question that is not a
    clarification, and one at least is filler ("want a restock alert?" alone is an offer, not
    a non-answer); else None."""
    if not doc.sentences or len(doc.masked) > _MOST_FILLER:
        return None
    filler = False
    headings = () if doc.layout is None else doc.layout.headings
    signed = _VALEDICTION.search(doc.masked) if "\n" in doc.masked else None
    for sentence in doc.sentences:
        if signed is not None and sentence.start >= signed.start():
            break  # the sign-off and the name under it ("Best regards,\nSam, Customer Care")
        text = doc.masked[sentence.start : sentence.end]
        if text.rstrip(" \n\"')]").endswith("?"):
            continue  # questions that are not clarifications
        if any(h.start <= sentence.start < h.end for h in headings):
            continue  # a heading ("### Here's what I found"): a claim it holds overrules
        # Most sentences say something from their first word: reject them before the `sub`.
        lead = _LEAD.match(text)
        start = lead.end() if lead else 0
        if _FILLER.match(text, start) is None and not _filler_after_joint(text, start):
            if _RESIDUE.fullmatch(text):
                continue  # "Oops!", a line of emoji alone
            return None
        if _RESIDUE.fullmatch(_FILLER.sub(" ", text)) is None:
            return None
        filler = True
    return doc.sentences[0] if filler and not find_clarifications(doc) else None


_SIGN_OFF = compile_pattern(
    r"\b(?:if you (?:have|need|would like|want|wish)|if you'd (?:like|prefer)|should you (?:have"
    r"|need|require|want|wish)|anything else|any (?:other|more|further) \w+|(?:other|additional"
    r"|more) questions|further (?:questions|help|assistance)|for anything else"
    r"|any (?:probs|problems|issues|worries|questions|qs|q's|hassle)|something else"
    r"|if (?:anything|something)"
    r" (?:looks|seems|is|goes) (?:off|wrong|amiss)"
    # A condition on the answer not holding: "if it's not turned up by Friday", "if not there".
    r"|if (?:[\w']+ ){0,3}?(?:not|hasn't|haven't|isn't|doesn't|didn't|hasnt|havent|isnt|doesnt"
    r"|didnt|never|still)|if (?:[\w']+ ){0,2}?(?:\w+n't))\b"
)


@EXTRACTORS.register(ClaimKind.REFUSAL)
def extract_refusal(doc: Document) -> list[Claim]:
    cached = doc.memo.get("refusals")
    if isinstance(cached, list):
        return list(cached)
    table = (_REFUSALS, doc.context.vocabulary.rules_for(ClaimKind.REFUSAL))
    hits = scan(doc, *table, questions=True, hedging=False)
    hits = [
        h._replace(value="privacy") if h.value == _RELATION else h
        for h in hits
        if h.value != _RELATION
        or _DECLINED.search(doc.masked, doc.sentence_at(h.start).start, h.start)
    ]
    if hits and _SIGN_IN_TALK.search(doc.masked):
        # "For security I can't look anything up while you're a guest": a sign-in request.
        hits = [h for h in hits if not doc.masked.startswith(_SECURITY_NOTE, h.start)]
    claims = claims_of(doc, ClaimKind.REFUSAL, hits)
    doc.memo["refusals"] = claims
    # Every sentence that refuses, not only the first of each claim: "ORD-1 isn't yours. For
    # privacy reasons I can only discuss your orders" refuses twice, and is one claim.
    doc.memo["refusing"] = frozenset(doc.sentence_at(h.start) for h in hits)
    return list(claims)


def _refusing(doc: Document) -> frozenset[Segment]:
    """The sentences of the answer that hold a refusal."""
    extract_refusal(doc)
    refusing = doc.memo.get("refusing")
    return refusing if isinstance(refusing, frozenset) else frozenset()


@EXTRACTORS.register(ClaimKind.DEFLECTION)
def extract_deflection(doc: Document) -> list[Claim]:
    table = (_DEFLECTIONS, doc.context.vocabulary.rules_for(ClaimKind.DEFLECTION))
    found = scan(doc, *table, questions=True, hedging=False, kind=ClaimKind.DEFLECTION) + (
        _arrow_hits(doc)
    )
    # Hand-offs an agent reports name the third party they go to, so they are not asked to be
    # the assistant's own words (`Document.reads`): "their app has it" is the hand-off.
    found += scan(doc, _AGENT_HANDOFFS, questions=True, hedging=False)
    found += _contacting_if(doc)
    if not found:
        empty = _says_nothing(doc)
        if empty is None:
            return []
        # Marked, so that the answer's other claims can overrule it (`_extract._read`).
        doc.memo[SAYS_NOTHING] = (empty.start, empty.end)
        return [Claim(ClaimKind.DEFLECTION, Deflection.OTHER.value, (empty.start, empty.end))]
    refusing = _refusing(doc)
    hits = []
    for hit in found:
        sentence = doc.sentence_at(hit.start)
        if hit.value == Deflection.CONTACT_SUPPORT and _signing_off(doc, sentence):
            continue
        if _not_a_non_answer(doc, hit):
            continue
        if "[" in doc.masked and _on_a_button(doc, hit.start):
            continue
        if hit.value in _REFUSED_ANYWAY and sentence in refusing:
            continue
        if hit.value == Deflection.CONTACT_SUPPORT and refusing and _owner_sent(doc, hit):
            continue
        hits.append(_about_what_follows(doc, hit))
    return claims_of(doc, ClaimKind.DEFLECTION, _settled(doc, hits))


#: (voice10d) A line of quick-reply buttons, as a chat widget's text gives them: "[Track parcel]
#: [Talk to an agent]", "Quick replies: [Browse products] [Chat with a human]". A button is an
#: offer the customer may tap, not the answer handing them off.
_BUTTONS = compile_pattern(
    r"[^\S\n]*(?:[a-z][a-z ]{0,24}:[^\S\n]*)?(?:\[[^\]\[\n]{1,40}\][^\S\n]*)+"
)


def _on_a_button(doc: Document, position: int) -> bool:
    """`position` stands inside a bracketed button on a line of nothing but buttons."""
    text = doc.masked
    line = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    end = len(text) if end < 0 else end
    if _BUTTONS.fullmatch(text, line, end) is None:
        return False
    return text.rfind("[", line, position) > text.rfind("]", line, position)


#: (voice10) The customer reaching someone, as the condition of the answer's main clause: "If
#: you email help@shop.example, the right team will pick it up", "if you ring the depot they can
#: rebook it". The condition is the hand-off itself, said as what happens when it is followed.
_CONTACTING_IF = compile_pattern(
    r"\bif (?:you|u) (?:just |could |can |would like to |'d like to |want to )?(?:email|e-mail"
    r"|drop (?:us|them|the team) (?:a line|an email|a message)|call|ring|phone|message|contact"
    r"|write to|get in touch with|reach out to|give (?:us|them|the team) a (?:call|ring|bell))\b"
)


def _contacting_if(doc: Document) -> list[Hit]:
    if "if" not in doc.words.word_set:
        return []
    hits = []
    for match in _CONTACTING_IF.finditer(doc.masked):
        clause = doc.clause_at(match.start())
        if clause.conditional and not clause.echo:
            hits.append(Hit(match.start(), match.end(), Deflection.CONTACT_SUPPORT.value, clause))
    return hits


def _signing_off(doc: Document, sentence: Segment) -> bool:
    """A hand-off's sentence is a sign-off, or follows one asked as a question ("Need help with
    something else? Our team is available 24/7 via live chat.")."""
    if _SIGN_OFF.search(doc.clause_text(sentence)):
        return True
    index = doc.sentences.index(sentence)
    if index == 0:
        return False
    before = doc.sentences[index - 1]
    text = doc.masked[before.start : before.end]
    return text.rstrip(" \n\"')]*").endswith("?") and _SIGN_OFF.search(text) is not None


#: The owner of a record someone else asked about, sent to the shop: part of the refusal ("If
#: it's your partner's, they'd need to contact us themselves", "ask the account holder to
#: contact us").
_OWNER = compile_pattern(
    rf"\b(?:they|they'd|theyd|they'll|she|she'd|she'll|he|he'd|he'll|them|him|her"
    rf"|{ACCOUNT_HOLDER}|the person)\b"
)


#: What lies between "I can't check/tell" and the thing it cannot: "cannot see inventory for
#: the Duvet Double", "couldn't tell you when the Chef Knife …", "can't check the Kettle".
_ABOUT = compile_pattern(
    r"(?:\s+[\w'-]+){0,2}?\s+(?:when|whether|if|where|how|on|about|for|re|regarding|of)\s+"
    r"(?:(?:the|our|your|ur)\s+)?|\s+(?:(?:the|our|your|ur)\s+)?"
)
#: The non-answers whose object is what they are about.
_BLIND = frozenset({Deflection.CANNOT_CHECK.value, Deflection.OTHER.value})


def _about_what_follows(doc: Document, hit: Hit) -> Hit:
    """A non-answer is about what it cannot check, named right after it in its clause, not
    about a name earlier in the sentence ("The Duvet King is in stock; I cannot see inventory
    for the Duvet Double")."""
    if hit.value not in _BLIND or hit.subject is not None:
        return hit
    for mention in doc.mentions:
        if mention.start < hit.end:
            continue
        if mention.start < hit.clause.end and _ABOUT.fullmatch(doc.masked, hit.end, mention.start):
            return hit._replace(subject=mention.subject)
        break
    return hit


#: A kind of question sent elsewhere by an arrow: "warranty qs → manufacturer". Searched only
#: where the answer has an arrow: a rule without a first word would run on every answer.
_ARROWS = ("→", "->", "=>")
_ARROW = compile_pattern(
    rf"(?:→|->|=>) ?(?:the |ur |your )?(?:{THIRD_PARTY}|billing|sales|returns|support|customer"
    r" service|store|shop|branch|warranty team)\b"
)


def _arrow_hits(doc: Document) -> list[Hit]:
    if not any(arrow in doc.masked for arrow in _ARROWS):
        return []
    hits = []
    for match in _ARROW.finditer(doc.masked):
        clause = doc.clause_at(match.start())
        if not (clause.echo or clause.conditional):
            hits.append(Hit(match.start(), match.end(), Deflection.CONTACT_SUPPORT.value, clause))
    return hits


#: Before a sign-in word, what makes it a record logged or a login named, not a request:
#: "RMA-1 was logged on 1 December", "placed from a personal login".
_LOGGED_RECORD = compile_pattern(
    r"(?:\b(?:was|were|been|being|is|are|got|get|gets)|\b(?:from|on|with|via|under)\s+(?:a|an"
    r"|another|the|their|your own|ur own)(?:\s+[\w-]+)?)\s+$"
)
#: A record logged on a day ("logged on 2 December", "logged on Mon"): a date, not a login.
_LOGGED_WHEN = compile_pattern(
    r"\s+(?:the\s+)?(?:\d|(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct"
    r"|nov|dec)[a-z]*\b)"
)
#: The value of a field label ("Return request: logged on …"): a record's state, not a request.
_FIELD_VALUE = compile_pattern(r"(?:^|\n)[^\n:]{1,40}:[^\S\n]*$")
#: The rest of a table row after a step's name, its cell a status mark or a date ("| Request
#: submitted | ✅ |", "| Ticket raised | 2 Dec |"): a step of a record's history, not the
#: assistant handing the customer on (a "| Phone | Mon–Fri 9–5 |" row still is).
_STEP_ROW = compile_pattern(
    r"[^\S\n]*\|[^\S\n]*(?:[\u2705\u23f3\u274c\u2b1c\u2714\u2716\u2014-]"
    r"|\d{1,2}(?:st|nd|rd|th)?[^\S\n]+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[^\S\n]+\d)"
    r"[^\n]*\|[^\S\n]*(?:\n|$)"
)
#: A carrier before "couldn't access": the parcel's story, not the assistant's blindness.
_CARRIER_BEFORE = compile_pattern(rf"\b{CARRIERS}\b(?:\s+\S+){{0,5}}\s+$")
_CARRIER_CANT = compile_pattern(
    rf"{_CANT} (?:access|get into|get in|get to|reach|find|deliver|gain access)\b"
)
#: After "I can't see": something not happening, which is the answer ("I can't see a refund
#: going through yet", "I can't see any more on order", "I can't see any problems").
_ABSENT = compile_pattern(
    r" (?:a|an|any|the)(?: [\w-]+){0,3}? (?:going through|gone through|go through|on order"
    r"|coming in|come in|due in|booked in)\b"
    r"| (?:any|a) (?:problems?|issues?|reason|errors?|faults?)\b"
)
#: An order sent on to the warehouse (a passive before "sent"): the order moving.
_SENT_ON = compile_pattern(r"\b(?:be|been|being|is|was|gets?)\s+$")
_WAREHOUSE = compile_pattern(rf"(?:{WAREHOUSE}|fulfil\w* cent\w+|depot)$")


def _not_a_non_answer(doc: Document, hit: Hit) -> bool:
    """A hit that the words around it show to be something else: a record logged, a login
    named, a carrier's inability, an absence seen, an order sent to the warehouse. Checked per
    hit, so these cost nothing on answers without one."""
    text = doc.masked
    before = text[max(0, hit.start - 60) : hit.start]
    if hit.value == Deflection.SIGN_IN:
        return text.startswith(("log", "login"), hit.start) and (
            bool(_LOGGED_RECORD.search(before))
            or (text.startswith("logged", hit.start) and bool(_LOGGED_WHEN.match(text, hit.end)))
            or _FIELD_VALUE.search(before) is not None
        )
    if row_start(text, hit.start) >= 0 and _STEP_ROW.match(text, hit.end):
        return True
    if hit.value == Deflection.CANNOT_CHECK:
        if _CARRIER_CANT.match(text, hit.start) and _CARRIER_BEFORE.search(before):
            return True
        return _ABSENT.match(text, hit.end, hit.clause.end) is not None
    if hit.value == Deflection.CONTACT_SUPPORT and _PRAISE.search(
        text, doc.sentence_at(hit.start).start - 80 if hit.start > 80 else 0, hit.end
    ):
        return True  # "Thanks for the lovely feedback! I'll share it with the packing team"
    if hit.value == Deflection.CONTACT_SUPPORT and _DOING_IT.search(
        text, hit.start, min(len(text), hit.end + 40)
    ):
        return True  # "I'll chase the courier myself", "it's gone to finance for the refund"
    if hit.value == Deflection.CONTACT_SUPPORT and text.startswith(
        ("sent ", "released "), hit.start
    ):
        return (
            bool(_SENT_ON.search(before))
            and _WAREHOUSE.search(text, hit.start, hit.end) is not None
        )
    return False


#: The agent doing it themself ("I'll chase the courier myself and message you back"), or a
#: record sent on to its next step ("it's gone to finance for the refund"): not a hand-off.
_DOING_IT = compile_pattern(
    rf"\bmyself\b|\bto (?:the |our )?(?:[\w-]+ ){{0,2}}?(?:team|{MONEY_DESK[3:-1]}|{WAREHOUSE})"
    rf" for (?:the |a |your )?(?:{REFUND_NOUN[3:-1]}|processing|payment|inspection|checking|qc"
    r"|testing|repair|assessment)\b"
)


#: What is passed on to a team as praise, not a question: "Thanks for the kind words! I'll
#: pass your feedback on to the warehouse team" (feedback alone may be a complaint handed on).
_PRAISE = compile_pattern(
    r"\b(?:(?:kind|lovely|nice|great|wonderful|glowing|positive) (?:words|feedback|review"
    r"|comments?|message)|compliments?|praise)\b"
)


#: The owner named after the hand-off: "you'd need to ask whoever bought it".
_HOLDER = compile_pattern(rf"\b{ACCOUNT_HOLDER}")


def _owner_sent(doc: Document, hit: Hit) -> bool:
    """A hand-off whose sentence, up to it, names the record's owner as who is to call."""
    sentence = doc.sentence_at(hit.start)
    if _OWNER.search(doc.masked, sentence.start, hit.end) is not None:
        return True
    return _HOLDER.search(doc.masked, hit.end, sentence.end) is not None


#: The non-answers a stated limit is the reason of.
_SPECIFIC = frozenset(
    {Deflection.CANNOT_CHECK.value, Deflection.CONTACT_SUPPORT.value, Deflection.SIGN_IN.value}
)
#: What the delay reader says of an answer that speaks of lateness.
_LATE = frozenset({Delay.ACKNOWLEDGED.value, Delay.APOLOGISED.value})


def _escalates_late_order(doc: Document) -> bool:
    """The answer says an order is late and escalates it ("ORD-1 is late; I've passed it to
    our delivery team"); a ticket raised about an order not said to be late is a hand-off."""
    values = {c.value for c in extract_delay(doc)}
    return Delay.ESCALATED.value in values and not values.isdisjoint(_LATE)


def _settled(doc: Document, hits: list[Hit]) -> list[Hit]:
    """The hits that stay deflections once the answer around them is read.

    * A hand-off that escalates a late order (the delay reader's `escalated`) is the assistant
      acting on the answer it gave, not a non-answer (fixtures/claims/corpus/delays/README.md).
    * A stated limit ("I'm only able to help with online orders") is the reason for a more
      specific non-answer beside it (a hand-off, "I can't access that", a sign-in request);
      alone it is `other`.
    """
    hits = _held_elsewhere(hits)
    handing = any(h.value == Deflection.CONTACT_SUPPORT for h in hits)
    if handing and doc.order_context and _escalates_late_order(doc):
        hits = [h for h in hits if h.value != Deflection.CONTACT_SUPPORT]
    values = {h.value for h in hits}
    if _LIMIT not in values:
        return hits
    if values.isdisjoint(_SPECIFIC):
        return [h._replace(value=Deflection.OTHER.value) if h.value == _LIMIT else h for h in hits]
    return [h for h in hits if h.value != _LIMIT]


#: The non-answers beside which a channel that holds the answer is a hand-off.
_BESIDE_HOLDS = frozenset({Deflection.CANNOT_CHECK.value, Deflection.OTHER.value, _LIMIT})


def _held_elsewhere(hits: list[Hit]) -> list[Hit]:
    """A channel said to hold the answer ("the RM app has live tracking") is a hand-off beside
    the assistant's own non-answer ("can't see more than that"), a sign-off after an answer,
    and nothing more beside a hand-off already read (`_agent_handoffs.HOLDS`)."""
    values = {h.value for h in hits}
    if _agent_handoffs.HOLDS not in values:
        return hits
    if values.isdisjoint(_BESIDE_HOLDS) or Deflection.CONTACT_SUPPORT.value in values:
        # A sign-off after an answer, or the detail of a hand-off already read.
        return [h for h in hits if h.value != _agent_handoffs.HOLDS]
    support = Deflection.CONTACT_SUPPORT.value
    return [h._replace(value=support) if h.value == _agent_handoffs.HOLDS else h for h in hits]
