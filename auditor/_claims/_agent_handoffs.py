"""How a contact-centre agent hands a question on, or says they cannot see it (agent8).

The older families of `_deflection` read a hand-off from the instruction or the promise that
sends the customer on ("please call", "someone will ring you"). An agent mostly *reports* it:
what the case is now with ("that one sits with accounts", "that'd be one for the trade desk",
"that's gone to the escalations queue", "there's a case open now"), who will take it up
("someone from customer relations will pick it up", "the duty manager's going to give you a
ring", "a team leader will review it and call you back", "she'll be able to confirm"), the
way the customer must go ("you'll need to go through our returns portal", "go through Petmate
directly", "your best bet is their app", "their number's on the box"), and the answer waiting
on someone else ("I'll forward whatever they say"). Their blindness is told by the screen
("not on my screen", "the courier's system doesn't feed into ours", "my access doesn't cover
finance", "blank for me", "the search just spins", "I can see the order but not the parcel").

A channel said to hold the answer ("the RM app has live tracking", "their site will have it")
is a sign-off after an answer (`fixtures/claims/README.md`), and a hand-off only beside the
assistant's own blindness: those hits carry `HOLDS` and are settled in `_deflection._settled`.
Kept apart from `_deflection` so that the agent voice's families are one table; every rule
opens on a word rare enough for the dispatch to skip most answers.
"""

from __future__ import annotations

from auditor._claims._lexicon import CANNOT, CONTACTING, DESKS, THIRD_PARTY, WAREHOUSE, forms
from auditor._claims._model import Deflection
from auditor._claims._rules import rules

#: A channel that holds the answer: a hand-off only beside a non-answer (see the docstring).
HOLDS = "holds"
#: A stated limit (`_deflection._LIMIT`): `other` alone, the reason of a more specific one.
LIMIT = "limit"

_REACH = forms(*CONTACTING)
_YOU = r"(?:you|u|ya)"
_SEND = (
    r"(?:a ring|a call|a bell|a buzz|an email|an e-mail|a message|a text|a callback"
    r"|a call back)"
)
_PERSON = (
    r"(?:representative|rep|specialist|agent|colleague|advisor|adviser|manager|supervisor"
    r"|team leader|team lead|person|expert|associate|duty manager|line manager)s?"
)
#: Whom a case is with: a desk, a tier, a third party.
_WHOM = (
    rf"(?:(?:the|our|a|an|your|ur) )?(?:[\w-]+ ){{0,2}}?(?:{DESKS}|{THIRD_PARTY}|it\b|tech support"
    r"|second line|third line|tier (?:\d|one|two|three)|level (?:\d|one|two)|buyers?|head office"
    r"|purchasing|procurement|goods-in|the workshop)"
)
#: The ways out of the shop's chat: an app, a site, a form, a line, a desk.
_WAY = (
    r"(?:portal|app|website|web site|site|form|page|helpline|hotline|line|team|desk|department"
    r"|dept|store|branch|shop|live chat|chat|number|email address)"
)

HANDOFFS = rules(
    Deflection.CONTACT_SUPPORT.value,
    # Whose it is: "that one sits with accounts", "that'd be one for the trade desk", "that's
    # really one for the manufacturer", "the payments team are the ones to speak to".
    rf"(?:that|this|those|these)(?: one| bit| side| question| query| part)?(?:'s| is| are)?"
    rf" (?:sits?|sitting|lies|rests?) with {_WHOM}",
    r"(?:that'd|it'd|this'd|that'll|that's|thats|it's)(?: really| probably| definitely| more"
    r"| actually)(?: be)? (?:one|a question|a job|a matter|something) for\b",
    r"(?:that'd|it'd|this'd|that'll) be (?:one|a question|a job|a matter|something) for\b",
    # (Not "the right person to ask": an electrician or a designer is no channel, d7m-md-099.)
    r"(?:ones|people) (?:to (?:speak to|talk to|ask|contact|call|ring|email|go to|chat to"
    r"|chat with)|who (?:can|could|will|'ll|deal with|handle|sort))\b",
    # Sent up the line: "I'm going to have to refer this one up", "bumping it upstairs".
    r"(?:refer|referring|pass|passing|send|sending|kick|kicking|bump|bumping|push|pushing)"
    r" (?:this|it|that)(?: one)? (?:up|upstairs|up the chain|up the line)\b",
    # A line named for it, its number given: "a specialist B2B line for bulk orders, 0161 …".
    r"(?:line|helpline|hotline|number)(?: [\w-]+){0,4},? \+?\(?\d{3,5}\)?(?:[ -]\d{3,4}){2,3}\b",
    # Sorted out between the customer and someone else: "you'll need to sort that out with
    # Fellowes".
    r"(?:need|needs) to (?:sort|take|raise|settle) (?:[\w-]+ ){0,3}?(?:out |up )?with\b",
    # Asked of the customer: "if you email them", "if you give them a ring".
    rf"if you (?:\w+ )?(?:{_REACH} (?:them|the team|our|us)\b|give (?:them|us) {_SEND})",
    # The way to go: "your best bet is the Royal Mail app", "best bet would be to ring them".
    rf"best bet (?:is|would be|'d be|will be|'s) (?:to )?(?:(?:{_REACH}|ask|try|check with|speak"
    rf" to|talk to|give|go through|use)\b|(?:the|their|your|ur|a) (?:[\w'-]+ ){{0,2}}?{_WAY}\b)",
    rf"(?:you'll|youll|you'd|u'll|ull) (?:need|have|want|got) to (?:go"
    r"|do (?:it|that|this|those)|apply|raise (?:it|that|this)|sort (?:it|that|this)|request"
    r" (?:it|that|this)|claim) (?:through|via|on|using|with) (?:the|our|their|your|ur)"
    rf" (?:[\w-]+ ){{0,2}}?{_WAY}\b",
    r"(?:go|goes|going) (?:through|to|via)"
    r" (?:the )?(?:[\w-]+ ){1,2}?(?:directly|themselves|direct)\b",
    r"(?:their|seller's|manufacturer's|maker's|brand's|supplier's|courier's|carrier's)"
    r" (?:contact(?: details)?|number|phone number|email(?: address)?|details|helpline)"
    r"(?:'s| is| are) (?:on|in|under|at|printed on)\b",
    r"find (?:their|the (?:seller's"
    r"|manufacturer's|maker's|brand's|supplier's|courier's|carrier's)) (?:contact|number|phone"
    r"|details|email|helpline)",
    r"form(?:'s| is) (?:on|in|under|at) (?:the|our)\b",
    r"they (?:have|'ve got|run|offer) (?:a|an|their own) (?:parts|repair|repairs|support|help"
    r"|customer service|customer care|warranty|returns|claims|tech) (?:line|helpline|hotline"
    r"|service|desk|team|number)\b",
    # Someone else who can see more, or will be able to: "Evri's live chat can see further
    # than I can", "she'll be able to confirm", "they'll be able to see the options".
    r"(?:further|a lot more|much more|more detail) than (?:i|we) can\b",
    r"(?:she|he|they)(?:'ll| will|'d| would) be able to (?:confirm|tell|advise|help|check|see"
    r"|answer|sort)\b",
    # Who will take it up: "the duty manager's going to give you a ring", "a team leader will
    # review it and call you back", "someone from customer relations will pick it up", "our
    # claims team who'll email you".
    rf"{_PERSON}(?:'s| is) (?:going to|gonna|due to) (?:{_REACH} {_YOU}\b|give {_YOU} {_SEND})",
    rf"{_PERSON} (?:will|'ll|is going to) (?:[\w-]+ ){{1,4}}?and (?:{_REACH} {_YOU}\b"
    rf"|get back to {_YOU}\b|give {_YOU} {_SEND})",
    rf"(?:someone|somebody|{_PERSON})(?: (?:from|in|on) (?:the |our )?[\w-]+(?: [\w-]+)?)?"
    r" (?:will|'ll|should|is going to) pick (?:it|this|that) up\b",
    rf"who(?:'ll| will) (?:{_REACH} {_YOU}\b|be in touch\b|get back to {_YOU}\b)"
    r"(?![^.;!?\n]*\b(?:once|when|as soon as|after)\b)",
    # Handed to a desk and waiting there: "IT are looking at it", "there's a case open now",
    # "I've logged it as INC-44120", "marked it for escalation", "the escalations queue".
    r"(?:team|desk|department|dept|tech support|second line|tier (?:\d|one|two)|finance"
    rf"|accounts|billing|payments|logistics|{WAREHOUSE}|buyers) (?:are|is|'re|'s) (?:now )?"
    r"(?:looking"
    r" (?:at|into)|investigating|dealing with|handling) (?:it|this|that)\b",
    r"(?:case|ticket|incident|complaint)(?:'s| is)? (?:now )?open\b",
    # (The reference is left out of the phrase: it is no subject of the hand-off.)
    r"(?:logged|raised|opened|filed) (?:it|this|that) (?:in |on )?as(?= (?:a |an )?(?:[\w-]+ )?"
    r"(?:ticket|case|incident|complaint|query|claim|[a-z]{2,4}-?\d{3,})\b)",
    r"(?:marked|flagged|put|sent|raised|queued)(?: it| this| that| you)?(?: up| in| forward)?"
    r" for (?:an? )?escalation\b",
    r"(?:escalations?|complaints|callback|call back|investigations|claims) queue\b",
    # The answer waits on what someone else says: "I'll forward whatever they say".
    r"whatever (?:they|he|she) (?:say|says|come back with|comes back with|tell me|tells me"
    r"|send|sends|find|finds)\b",
    negation=False,
)

#: Whom a case is passed to inside the shop: a desk, a tier, a role, a queue (agent9). Not a
#: place the goods go ("the warehouse", "the courier"): "it's gone to the warehouse" is the order
#: moving.
_ROLE = (
    r"(?:[\w-]+ ){0,2}?(?:team|desk|department|dept|inbox|queue|tier (?:\d|one|two|three)"
    r"|second line|third line|supervisor|manager|specialist|buyer|mechanic|workshop|team leader"
    r"|escalations|purchasing|colleague|lead)s?\b"
)
#: What the one it was passed to does next: the answer waits on them ("they'll reply on here",
#: "he'll quote you directly", "they'll make a decision this week"), not a notice of what
#: follows an event ("they'll email you once it's fixed" is read by the older families).
_REPLIES = (
    r"(?:(?:they|he|she|who)(?:'ll| will|'re going to| are going to| is going to)|and will"
    r"|theyll|hell|shell)"
    r" (?:reply|respond|quote|come back|get back|update (?:you|u)|decide|make a decision"
    r"|be in touch|take it from here|let (?:you|u) know|email (?:you|u)|message (?:you|u)"
    r"|ring (?:you|u)|call (?:you|u)|phone (?:you|u))\b"
)
#: The case, not the goods: "it/this", the customer ("popped you in her queue"), or the
#: customer's words and files ("your photos", "the details").
_CASE_OBJECT = (
    r"(?:(?:it|this|that|you|them|him|her) |(?:your|the) (?:[\w-]+ )?(?:photos?|pictures?|video"
    r"|spec|details|notes|email|message|query|question|complaint|case|claim|info|request) )"
)

#: A hand-off the agent reports as done, read as a class: a verb of passing on with the case as
#: its object, to whom inside the shop (a desk, a tier, a role), or followed in its sentence by
#: what they will do next; the case moved, passively, to a desk; someone asked to contact the
#: customer; a message sent to ask; a colleague copied in; a case "with" a desk now.
PASSED_ON = rules(
    Deflection.CONTACT_SUPPORT.value,
    rf"(?:passed|forwarded|emailed|messaged|flagged|referred|escalated|transferred|handed|moved"
    rf"|popped|passing|forwarding|transferring) {_CASE_OBJECT}?(?:[\w'-]+ ){{0,2}}?(?:on |over"
    rf" |across |up |through )?(?:to|with|in|into) (?:the |our |my |a |her |his |their )?{_ROLE}",
    rf"(?:passed|forwarded|emailed|messaged|flagged|referred|escalated|transferred|handed|moved"
    rf"|popped|asked)\b[^.;!?\n]{{0,80}}?\b{_REPLIES}"
    r"(?![^.;!?\n]*\b(?:once|when|as soon as|after)\b)",
    rf"sent {_CASE_OBJECT}(?:[\w'-]+ ){{0,3}}?[^.;!?\n]{{0,60}}?\b{_REPLIES}"
    r"(?![^.;!?\n]*\b(?:once|when|as soon as|after)\b)",
    rf"(?:gone|been (?:moved|passed|sent|forwarded|escalated|referred|handed|put))(?: up| over"
    rf"| across| through)? to (?:the |our |a )?{_ROLE}",
    r"asked (?:them|him|her|(?:the|our|my) (?:[\w-]+ ){0,2}?[\w-]+|[a-z]+ (?:in|from|on)"
    r" (?:the |our )?[\w-]+) to (?:update|email|e-mail|call|ring|phone|contact|message|text"
    r"|get back to|reply to|be in touch with) (?:you|u)\b",
    r"(?:dropped|sent|fired off|put in) (?:a |an )?(?:message|email|note|query|request)"
    r" (?:to|over to|across to) (?:the |our |my )?(?:[\w-]+ ){0,2}?[\w-]+ to (?:ask|check"
    r"|find out|see)\b",
    r"(?:cc'd|cc'ed|cced|looped) (?:them|him|her|(?:the|our|my) (?:[\w-]+ ){0,2}?[\w-]+)"
    r" in(?:to)?\b",
    # (A case "with" a desk is a hand-off only when the desk answers next: "it's with the
    # returns team" alone is a record at its next step, br-0271.)
    rf"(?:team|desk|department|dept|workshop|supervisor|manager|specialists?|buyers?) now\b"
    rf"[^.;!?\n]{{0,60}}?\b{_REPLIES}(?![^.;!?\n]*\b(?:once|when|as soon as|after)\b)",
    # The way out named as the customer's ("their service portal is where you'd book it",
    # "the courier's own claims form is the only way", "their dealer support line you want").
    r"(?:their|courier's|carrier's|maker's|manufacturer's|brand's|supplier's)(?: own)?"
    r"(?: [\w-]+){0,3}? (?:portal|app|site|website|line|helpline|hotline|form|service|page"
    r"|number|team|desk)(?:'s| is) (?:where (?:you|u)\b|the (?:only |best |quickest |easiest"
    r" |right )?(?:way|place|route|people|ones)\b)",
    r"(?:their|courier's|carrier's|maker's|manufacturer's|brand's|supplier's)(?: own)?"
    r"(?: [\w-]+){0,3}? (?:portal|app|site|website|line|helpline|hotline|form|number|team"
    r"|desk|service) (?:you|u)(?:'ll|'d| will| would)? (?:want|need)\b",
    r"(?:service|repair) (?:centre|center|agent|shop)s? (?:would|will|'d|'ll) (?:have|need) to\b",
    # Run by someone else, who holds it or must do it: "the cycle-to-work side is run by
    # Cyclescheme, they'd have to reissue it", "the insurance is through Laka, they'll have your
    # policy documents".
    r"(?:run|handled|managed|administered|provided|arranged|underwritten|through)"
    r" (?:by |with )?[\w' -]{2,30}?,? (?:so )?(?:they|he|she)(?:'d| would|'ll| will)"
    r" (?:have to|need to|be able to|have your|hold your|have (?:the|all the) (?:details|documents"
    r"|records|paperwork|policy))\b",
    r"best (?:person|people|one) (?:for|to) (?:[\w-]+ ){0,3}?(?:is|are|would be|'d be) (?:our"
    r"|my)\b",
    # Someone else put on it: "I'll get a colleague to chase it and email you", "I've sent it to
    # IT", "one of the specialists in store would know better".
    r"(?:colleague|supervisor|manager|team leader|specialist)s? to (?:chase|look|check|call|ring"
    r"|email|e-mail|contact|phone|message|get back|come back|sort)\b",
    r"sent (?:it|this|that)(?: on| over| across| up)? to (?:it|tech support|it support|the it team"
    r"|our it team|second line|tier \d|a supervisor|my supervisor|my manager)\b",
    r"(?:specialists?|colleagues?|staff|someone|mechanics?) (?:in store|in-store|in the shop|at"
    r" the shop|in the workshop|in branch) (?:would|will|'d|could|can) (?:know|be able|help"
    r"|advise|tell)\b",
    negation=False,
)

#: A channel said to be where the answer is, beside a non-answer (agent9): "the Bosch portal is
#: the place that has them", "spares come from the manufacturer's parts site".
HELD_AT = rules(
    HOLDS,
    r"(?:portal|app|site|website|line|helpline|hotline) (?:is|'s) the (?:place|one) (?:that"
    r"|which) (?:has|have|holds|shows|will have)\b",
    r"(?:courier's|carrier's|maker's|manufacturer's|brand's|supplier's)(?: own)?(?: [\w-]+)?"
    r" (?:portal|app|site|website|helpline|hotline|service centre|service center|form)\b",
    negation=False,
)

HOLDS_FAMILIES = rules(
    HOLDS,
    # A channel that has the answer: "RM app has live tracking", "evri site shd hv it", "the
    # DPD app will show you the hour", "Evri's own help page will have the times".
    # (Theirs, not the shop's own: "our app will show you" is a sign-off; nor a notice of what
    # comes next: "… will show it once it ships". Not a carrier's named channel: a frozen row
    # labels one beside a blindness a sign-off, see dev8/agent8.md.)
    r"(?:their|rm|the (?:courier|carrier)'s)(?: own)? (?:app|site|website|web site"
    r"|page|portal|live chat|tracking page|tracking site|help page|helpline|hotline)(?:'ll| will"
    r"| should| shd| would|'d| can)? (?:have|has|hv|show|shows|give|tell) (?:it|you|u|the|that"
    r"|those|them|all|more|live|a|full|exact|its|their)\b"
    r"(?![^.;!?\n]*\b(?:once|when|as soon as|after)\b)",
    r"(?:they|they'll|theyll|they will|they should|they'd|they can) (?:have|see|show|hold)"
    r" (?:[\w-]+ ){0,4}?(?:on|in) (?:their|the) (?:own )?(?:app|site|website|system|portal|page"
    r"|tracking)\b",
    r"(?:quickest|fastest|easiest) (?:way|route) to (?:find out|check|get|see|reach|sort)\b",
    # Who handles it: "they deal with all the invoice stuff", "the seller deals with returns".
    rf"(?:team|desk|department|dept|finance|accounts|billing|payments|{THIRD_PARTY}|they)"
    r" (?:deals? with|handles?|looks? after|takes? care of"
    r"|sorts?) (?:all )?(?:the|those|these|that|them|returns|refunds|invoices|warranty"
    r"|warranties|repairs|claims)\b",
    negation=False,
)

BLIND = rules(
    Deflection.CANNOT_CHECK.value,
    # Not on the agent's screen: "that's not on my screen at all", "nothing there on my end".
    r"(?:not|isn't|isnt|aren't|nothing|none of (?:that|it))(?: at all)? (?:showing |coming up"
    r" |appearing |there )?on my (?:screen|system|end|side|dashboard)\b",
    # Systems not joined up: "the courier's system doesn't feed into ours".
    r"(?:doesn't|does not|doesnt|don't|do not|dont|isn't|aren't|isnt|not) (?:feed|link|connect"
    r"|sync|talk|integrate|linked|connected|synced|pull through|come through)(?:s|ed)?"
    r" (?:in ?to|into|to|with) (?:ours|our (?:system|systems|screens?|end|side)|us|mine"
    r"|my (?:system|screen|end|side))\b",
    # An agent's access that stops short: "my access doesn't cover finance".
    r"(?:access|permissions?|login|log-in) (?:doesn't|does not|doesnt|don't|do not|dont"
    r"|won't|wont) (?:cover|include|extend to|stretch to|reach|go as far as)\b",
    # A screen failing on the agent: "blank for me", "WMS is frozen on me".
    r"(?:blank|empty|frozen|froze|greyed out|dead|crashed|crashing|hanging) (?:for|on) me\b",
    r"(?:search|lookup|look-up|screen|wms|oms|crm|module|portal|system)(?:'s| is)?(?: just| keeps)?"
    r" (?:spins|spinning|hangs|freezes|crashes|errors|times out)\b",
    r"(?:not getting|getting nothing|not pulling) (?:anything )?(?:back|up|through)\b",
    r"(?:don't|do not|dont|doesn't|does not) (?:get|see|have|show me|give me) (?:that|this"
    r"|that much|much|any) (?:level of )?detail\b",
    # Seen in part: "I can see ORD-1 but not the parcel itself".
    r"can (?:only )?see (?:[\w-]+ ){1,4}?but not (?:the|what|which|where|when|how|whether|if"
    r"|any|its)\b",
    r"(?:stops|ends|stopped|ended|runs out|goes dark|goes quiet)(?: [\w-]+){0,3}? (?:on|at) my"
    r" (?:end|side|screen)\b",
    # Kept from the agent's screen: "it's masked on our side", "hidden from me".
    r"(?:masked|hidden|redacted|blanked out|blocked out) (?:on|at|from) (?:our|my) (?:side|end"
    r"|screen|system)\b",
    r"(?:i'm|im) not seeing (?:the|any|that|it|your)(?: [\w-]+){0,2}? (?:bit|side|part"
    r"|screen|details|info)\b",
    # (agent9) Kept from the agent, or the agent's screen stopping short: "masked out for me",
    # "my screen only gives me the total", "a finance tool I'm not set up on", "I don't have
    # any of that here", "the page won't load for me".
    r"(?:masked|hidden|redacted|blanked|blocked|greyed)(?: out)? (?:for|to|from) me\b",
    r"(?:screen|system|view|access|tool|dashboard)s?(?:'s| is)? only (?:gives|shows|covers"
    r"|lets me see|has|goes)\b",
    r"not set up (?:on|for|with|to (?:see|use|access))\b",
    r"(?:don't|do not|dont) have (?:any of )?(?:that|this|those)(?: info| information| detail"
    r"| details)? (?:here|on here|on my (?:side|end|screen)|in front of me|to hand)\b",
    # (Not "ORD-1 won't come up for me": an order not found is the privacy refusal.)
    r"(?:doesn't|does not|doesnt|won't|wont) (?:load|open)(?: at all)? (?:for|on) me\b",
    negation=False,
)

LIMITS = rules(
    LIMIT,
    # What the agent covers: "that's outside what we cover on here", "I only do orders".
    r"(?:that's|thats|it's|its|that one's)(?: a bit| slightly| really)? (?:outside|beyond)"
    r" (?:of )?(?:what (?:we|i) (?:cover|do|deal with|handle)|my (?:remit|area|scope)|our"
    r" (?:remit|area|scope))\b",
    r"(?:only|just) (?:do|deal with|handle|cover|look after) (?:[\w-]+ )?"
    r"(?:orders|deliveries|returns|refunds|stock|sales|billing|payments|accounts|complaints)\b",
    # (agent9) "it's not something we cover", "we can't advise on fitting", "we don't handle
    # those".
    r"not something (?:we|i) (?:cover|do|deal with|handle|can (?:help with|advise on))\b",
    rf"(?:{CANNOT[3:-1]}|aren't able to|not allowed to) advise on\b",
    r"(?:don't|do not|dont) (?:handle|deal with) (?:those|these|them|that|this)\b",
    negation=False,
)
