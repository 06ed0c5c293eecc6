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

from auditor._claims._lexicon import CONTACTING, DESKS, THIRD_PARTY, forms
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
    r"|second line|third line|tier (?:\d|one|two|three)|level (?:\d|one|two)|buyers?|head office)"
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
    r"|accounts|billing|payments|logistics|warehouse|buyers) (?:are|is|'re|'s) (?:now )?(?:looking"
    r" (?:at|into)|investigating|dealing with|handling) (?:it|this|that)\b",
    r"(?:case|ticket|incident|complaint)(?:'s| is)? (?:now )?open\b",
    # (The reference is left out of the phrase: it is no subject of the hand-off.)
    r"(?:logged|raised|opened|filed) (?:it|this|that) (?:in |on )?as(?= (?:a |an )?(?:ticket"
    r"|case|incident|complaint|query|[a-z]{2,4}-?\d{3,})\b)",
    r"(?:marked|flagged|put|sent|raised|queued)(?: it| this| that| you)?(?: up| in| forward)?"
    r" for (?:an? )?escalation\b",
    r"(?:escalations?|complaints|callback|call back|investigations|claims) queue\b",
    # The answer waits on what someone else says: "I'll forward whatever they say".
    r"whatever (?:they|he|she) (?:say|says|come back with|tell me|send|find)\b",
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
    negation=False,
)
