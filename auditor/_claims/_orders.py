"""Order status: pending, processing, shipped, partially shipped, delivered, cancelled.

Only past and present forms are statuses: "will be delivered tomorrow" is a date, not a
delivery. Phrases that could be about anything ("on its way", "pending", "in transit") count
only when the answer talks about an order, and never in a clause about a return or a refund.
"""

from __future__ import annotations

from operator import attrgetter

from auditor._claims import _status_codes
from auditor._claims._compiled import compile_pattern
from auditor._claims._dispatch import EMPTY, RuleSet
from auditor._claims._document import Document
from auditor._claims._lexicon import (
    ALLOCATING,
    AND,
    BOUNCED,
    CARRIER_NAMES,
    CARRIER_PLACES,
    CARRIERS,
    COLLECTION,
    DROP_PLACES,
    FAILED_ATTEMPT,
    LANDED,
    LEFT_AT,
    NEXT_ATTEMPT,
    ORDER_PARTS,
    PARCELS,
    PAYING,
    PAYMENT,
    PREMISES,
    PREPARING,
    REFUND_NOUN,
    RESTOCK,
    SHIPPED,
    STAFF,
    SUPPLIER,
    WAREHOUSE,
    WITH,
    forms,
    ing,
    past,
)
from auditor._claims._model import NOT_SHIPPED, Claim, ClaimKind
from auditor._claims._refine import later_beats_earlier, supersede
from auditor._claims._registry import EXTRACTORS
from auditor._claims._resolve import carry_over, claims_of, resolve
from auditor._claims._rules import rules
from auditor._claims._scan import Hit, scan
from auditor._claims._steps import to_do
from auditor._claims._subjects import SubjectType
from auditor._claims._tables import column, header, in_header_row, step_not_done, ticked_cells
from auditor._claims._text import Clause
from auditor._claims._topic import about_money

_PENDING = "pending"
_PROCESSING = "processing"
#: Making an order ready, as an activity or a stage's name: "with the prepping team", "in the
#: queue for packing", "on the boxing bench". Not "processing": an order "in the queue for
#: processing" is only confirmed (`pending`), by the corpus's labels.
_PREPPING = ing(*(verb for verb in PREPARING if verb != "process"))
_SHIPPED = "shipped"
_PARTIAL = "partially_shipped"
_DELIVERED = "delivered"
_CANCELLED = "cancelled"
_STAGES = (_PENDING, _PROCESSING, _SHIPPED, _PARTIAL, _DELIVERED, _CANCELLED)
_CARRIERS = CARRIERS
#: Not shipped, said of one part ("the second hasn't left us yet"): it makes a partial shipment
#: with a part that has left; alone, it is the claim `not_shipped`.
_UNSHIPPED = "unshipped"
#: A denial with its verb left out ("the kettle's left us, the toaster hasn't", "lamp sent,
#: cable not yet"): a part still here when a part of the same order has gone, else nothing.
_ELIDED = "elided"
#: A future or a modal before a stage verb: a plan or a promise, not the order's state.
_WILL = (
    r"(?:will|'ll|should|to|can|could|must|would|may|might|going to|set to|due to"
    # Chat: "shd be dlvd 2moro", "gonna be sent".
    r"|shd|shld|shud|wil|gonna|wld)"
)
#: Where a curt denial ends: punctuation, a dash, the end, or a chat particle after it
#: ("other 1 not sent yet sry", "hasn't gone anywhere yet – I've chased it").
_END = (
    r"(?=\s*(?:[.,;!?\)\u2013\u2014]|$"
    r"|(?:sry|sorry|soz|tho|though|atm|rn|i'm afraid|im afraid)\b))"
)
#: Delivered as chat and hurried typing spell it.
#: Where a parcel handed over went (not a door, which a parcel goes to on every try).
_HANDOVER_PLACES = (
    r"(?:neighbou?rs?|safe place|reception|front desk|concierge|parcel locker|locker|parcel shop"
    r"|mail ?room|post ?room|porch|garage|shed|bin)\b"
)
_DELIVERED_WORD = (
    r"delivered|delivred|delieverd|deliverd|dlvd|dlvrd|dlvred|delivd|deliv'd|dlv'd|delvd"
)
#: How soon: "ships tmrw", "due out Friday" is still at the shop.
_SOON = (
    r"(?:tomorrow|tmrw|tmr|2moro|today|tonight|soon|shortly|later|next|this|on|within|in|by"
    r"|first thing|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu"
    r"|fri|sat|sun)"
)

_STRONG = RuleSet.of(
    rules(
        _SHIPPED,
        r"shipped|dispatched|despatched|shiped|dispached|dispatchd|shppd|shpd|shipd|dispatced",
        # (syn10) The class's phrase, as its other words read bare: "it's been sent out", "was
        # sent out on Dec 4" (not a bare "sent out", which may be a label's).
        r"been sent out|sent out(?= (?:on|yesterday|earlier|with|via)\b)",
        r"out (?:for|4) delivery",
        # Agents' shorthand: "o/d today" (out for delivery), "disp. 7/12 w/ DPD".
        r"o/d(?= |$)",
        r"disp(?:'d|d|\.)?(?= (?:\d|on\b|mon|tue|wed|thu|fri|sat|sun|yday|yest|today|tdy|this"
        r"|w/|with\b|via\b))",
        rf"{WITH} {CARRIER_NAMES}\b",
        rf"(?:handed|given|passed) (?:over |off )?to (?:the |our )?(?:courier|carrier|driver"
        rf"|{_CARRIERS})",
        rf"{past('go', 'send', 'head')} (?:off |out )?(?:with|via) (?:the |our )?(?:courier|carrier"
        rf"|driver|{_CARRIERS})",
        rf"(?:picked up|collected) by (?:the |our )?(?:courier|carrier|driver|{_CARRIERS})",
        # In a carrier's keeping, said formally: "is in the hands of FedEx", "in the care of the
        # carrier", "in the custody of UPS".
        # (Filed under its rarer noun, not under "in".)
        rf"(?:hands|custody|possession) of (?:the |our )?(?:courier|carrier|driver|{_CARRIERS})",
        r"posted (?:your|the) (?:parcel|package|order)",
        r"(?:parcel|package|order) (?:was|has been) posted",
        negated=_UNSHIPPED,
    ),
    rules(
        _PARTIAL,
        r"(?:partially|partly|part) (?:shipped|dispatched|despatched|sent)",
        r"part of (?:your|the) order (?:has|have|was|is)",
        rf"(?:still|yet) to (?:come|ship|be {SHIPPED}|follow|arrive)",
        r"follow (?:separately|in a separate \w+|later|in another \w+|on its own)",
        r"(?:the )?rest(?: of (?:your|the) order)? (?:will|is|are|should)"
        r" (?:follow|still|come|ship)",
        r"split (?:shipment|delivery)",
        r"(?:some|one|two|three|four|five|\d+) (?:of (?:your |the |those |these )?(?:\d+ |two "
        r"|three |four |five |six )?)?"
        rf"{PARCELS}?(?: \w+)?(?: (?:in|from|of) (?:xx+|your order"
        r"|the order|it))? (?:(?:has|have|was|were) (?:been )?)?(?:shipped|dispatched|sent)",
        r"(?:ships?|coming|sent|arrive|arriving|will ship|shipping) separately",
        # A share of the order gone: "half ur order's gone", "part of the order has left",
        # "half sent, rest thurs".
        r"(?:half|part|partly|partially)(?: of)?(?: (?:your|ur|yr|the|it|them))?(?: order)?"
        r"(?:'s| has| have| is)?"
        r"(?: been)? (?:gone|left|shipped|sent|dispatched|out)",
        r"sent out (?:\d+|one|two|some) of (?:your|the) (?:\d+ |two |three )?items",
    ),
    rules(_PARTIAL, r"not all (?:of )?(?:your|the) items", negation=False),
    # (sms8) A smaller share than the whole, the noun left out: "1 of 2 sent", "2 of 3 gone,
    # last 1 fri" (a slash only before its noun: "2/3 items sent").
    rules(
        _PARTIAL,
        r"(?:1 of [2-9]|2 of [3-9]|3 of [4-9]|4 of [5-9]|(?:1/[2-9]|2/[3-9]|3/[4-9])(?= (?:items?"
        r"|parcels?|bits|pcs|pieces|boxes)))(?: (?:items?|parcels?|bits|pcs|pieces|boxes))?"
        r"(?: (?:has|have|was|were|'ve|is|are))?(?: been| now| already)?"
        r" (?:shipped|dispatched|sent|gone|out|left)\b",
    ),
    rules(
        _DELIVERED,
        # (Not under way: "ORD-1 is being delivered today" is on the van, agent7.)
        rf"(?<!being\x20)(?<!getting\x20)(?:{_DELIVERED_WORD})",
        r"(?:popped|pushed|put|posted|slipped|left) (?:it |them |your \w+ |the \w+ |xx+ )?through"
        r" (?:your|the) (?:letter ?box|letterbox|door|mail ?slot)",
        rf"(?:has |have |had )?{LANDED}",
        # Chat and couriers' screens: "arr'd sat", "signed 4 by K. Lee", "POD received".
        r"arr'd|arrv'?d",
        r"signed (?:for|4)",
        r"pod (?:received|shows|confirms|uploaded|on file|(?:is )?showing|says|dated)"
        r"|per (?:the )?pod\b"
        r"|proof of delivery (?:received|shows|confirms|on file|uploaded)",
        r"(?:got|came|made it) (?:to|2) (?:you|u)\b",
        # (voice10b) A desk's perfect with "is" and "to": "is already reached to you".
        r"(?:is|are|has|have) (?:already |successfully )?reached (?:to )?(?:you|u)\b",
        rf"{LEFT_AT} (?:it |them |your \w+ |the \w+ |xx+ )?(?:with|at|in|on|by|behind)"
        rf" (?:your|a|the) (?:[\w-]+ )?{DROP_PLACES}",
        # Where a carrier's screen says it went (agent7): "it went to your neighbour at no. 5".
        rf"(?:went|gone) (?:to|in) (?:your|a|the) (?:[\w-]+ )?{_HANDOVER_PLACES}",
    ),
    rules(
        _DELIVERED,
        r"confirmed (?:the )?delivery",
        # A carrier's record in a formal register: "was received at your address".
        r"received (?:at|by) (?:your|the) (?:delivery |shipping |home )?"
        r"(?:address|residence|home|door|front door|building|reception)",
        r"del(?:\.|'d|vd)? (?:to|at) (?:your |the )?(?:mailbox|letterbox|door|porch|neighbou?r"
        r"|reception|safe place)",
    ),
    rules(
        _CANCELLED,
        r"cancell?ed|canceled|cancled|cancelld|cxl'd|cxld|canc'd|canx|canx'd|cnx'd|cnxd|voided|scrapped"
        r"|called off|binned(?: off)?|axed",
        r"cancellation (?:has been |was )?(?:confirmed|processed|completed)",
        # A past obligation done: "we've had to cancel ORD-1".
        r"(?:had|'d) to (?:cancel|void|scrap)",
    ),
    # (sms9) A charge voided or cancelled is money given back, not the order called off:
    # "we've voided the charge on ORD-1", "the payment for ORD-1 was cancelled".
    rules(
        None,
        r"(?:voided|cancell?ed|canceled) (?:the |that |your |ur |this )?(?:[\w-]+ )?(?:charge"
        r"|payment|transaction|pre-?auth\w*|card hold)s?\b",
        r"(?:charge|payment|transaction)s?(?: (?:on|for|of) (?:xx+|your \w+|ur \w+|the \w+))?"
        r" (?:was |has been |'s been |been |got )?(?:voided|cancell?ed|canceled)",
    ),
    rules(
        _PENDING,
        # Held for a check before it can go: "on hold til we verify ur addr", "held while our
        # fraud team verifies the billing address".
        # (And "pending": "on hold pending verification of the billing address".)
        r"(?:on hold|held)(?: \w+){0,3}? (?:until|till|til|while|whilst|for|as|pending)"
        r"(?: \w+){0,4}?"
        r" (?:address|addr|postcode|zip code|verif\w*|fraud|security check|identity check"
        r"|payment|pmt)\b",
        # Curt: "held - addr check", "on hold: fraud review".
        r"(?:on hold|held)(?:\W{1,3}| pending )(?:for )?(?:an? )?(?:address|addr|postcode|fraud"
        r"|security|id"
        r"|identity|payment|pmt) (?:check|review|verification)",
    ),
    # A field label makes any status word an order status ("Status: processing").
    *(rules(stage, rf"status\W{{1,5}}{stage.replace('_', ' ')}") for stage in _STAGES),
    rules(
        None,
        r"(?:begin|start|starting|started) (?:processing|preparing|packing|picking)"
        r"(?: (?:it|them|your \w+|the \w+|xx+))?",
        rf"{_WILL}(?: \w+ly)? (?:be )?(?:start|begin) \w+",
        r"(?:tracking|details|email|confirmation|info|number|link)(?: \w+)? (?:to|will) follow",
        r"delivered\W{1,6}(?:expected|due|pending|not yet|eta|estimated)",
        # "will be packed and shipped": the future reaches every verb it joins.
        rf"{_WILL}(?: most| very)?(?: \w+ly)? (?:be|b) (?:\w+ (?:and|&|n|or) )?(?:{SHIPPED[3:-1]}"
        rf"|{_DELIVERED_WORD}|redelivered|on (?:its|their|the) way)",
        r"(?:re-?delivered|redelivery)",
        # A plan, not a state: "will be handed to the courier this afternoon".
        rf"{_WILL}(?: \w+ly)? be (?:handed|given|passed) (?:over |off )?to (?:the |our )?(?:courier"
        rf"|carrier|driver|{_CARRIERS})",
        r"on (?:its|it's|their|the) way back",
        # "Partly delivered" says nothing of where the rest is: shipped or still here.
        r"(?:partially|partly|part) delivered",
        # What would happen, not what has: "you'd get the Cheese Board sent for nothing".
        r"(?:you'd|we'd|would|could) (?:get|have) (?:it|them|one|xx+|the xx+|your \w+) (?:sent"
        r"|shipped|delivered|posted|dispatched)",
        # Other people's orders, said of stock set aside for them: "reserved for pending
        # orders" (no order of the customer's).
        rf"{past(*ALLOCATING)} (?:to|for|against) (?:other |existing |outstanding )?(?:pending"
        r"|confirmed|processing) (?:orders|customers|reservations|pre-?orders)",
        # A promise that was not kept says the order is not there: "should have arrived last
        # week", "was meant to be delivered on Friday" (issue 24).
        r"(?:should (?:have|of)|should've|shoulda|(?:meant|supposed|due|expected|scheduled) to"
        r"(?: have)?)(?: been)? (?:delivered|arrived|arrive|landed"
        r"|turned up|reached you|dispatched|shipped|sent|with you|there)",
        rf"{forms('have')} (?:a word|words|a chat|spoken|been in touch) with (?:the |our )?"
        rf"{_CARRIERS}",
        rf"(?:investigation|claim|complaint|case) with (?:the |our )?{_CARRIERS}",
        r"(?:are|is|usually|normally|typically|generally|always)(?: usually| normally)? (?:be )?"
        rf"(?:{SHIPPED[3:-1]}|delivered)(?= (?:within|in|on|the|by|from)\b)",
    ),
)
_AMBIGUOUS = RuleSet.of(
    # (sms9) Part by part, the first part's verb a bare participle and the second denied with
    # its verb left out: "ORD-1: case sent, charger not yet", "lamp sent, cable not yet",
    # "webcam sent, hub still here", "harness posted, lead still w us" (filed under the verb;
    # an order in view).
    rules(
        _PARTIAL,
        r"(?:sent|posted|shipped|dispatched|gone|out)(?: \w+)?, (?:the |ur |your |and |but )?"
        r"[\w-]+(?: [\w-]+)?(?:'s| is| are)? (?:not yet|not sent yet|not gone yet"
        rf"|still (?:with|w/?) us|still here|still at ours|still in the {WAREHOUSE}"
        r"|still being packed|to follow|follows)\b",
        negation=False,
    ),
    _status_codes.ORDER_PROCESSING,
    _status_codes.ORDER_SHIPPED,
    _status_codes.ORDER_PENDING,
    _status_codes.CARRIER_HANDLING,
    _status_codes.HANDS_ON,
    _status_codes.HELD_FOR_CHECK,
    _status_codes.AT_THE_DOOR,
    _status_codes.WAITING_ON_STOCK,
    rules(
        _PENDING,
        r"pending",
        rf"awaiting (?:your )?(?:{PAYMENT[3:-1]}|confirmation|approval|authori[sz]ation)"
        r"(?: confirmation)?",
        r"waiting for (?:your |the )?payment(?: to go through)?",
        r"(?:we've|we have|i've|i have) (?:received|got) your order",
        r"waiting to be (?:processed|started|confirmed)",
        # (voice10b) The desk's "awaiting for processing".
        r"(?:awaiting|waiting) for processing",
        # Not yet taken up: "queued for processing", "awaiting processing".
        r"(?:queued|waiting|awaiting|in (?:the|a) queue) (?:for )?processing",
        r"order (?:has been |was |is )?(?:received|confirmed|placed successfully)",
        r"(?:is|has been|'s been)(?: now| already| just)? (?:confirmed|confirmd)",
        # A status field's value ("**Status:** Confirmed"; bold markup widens the gap).
        r"status\W{1,5}(?:confirmed|confirmd|order placed|placed)\b",
        # Held back until a check clears: "confirming your address before the order is
        # released".
        r"before (?:the |your |we )?(?:order )?(?:is |can be |gets |'s )?released",
        # Chat: the state after the order ("ORD-1 confirmed, pmt recvd").
        r"xx+:? (?:confirmed|confirmd|cnfrmd)",
        r"(?:in|at the front of|near the front of) (?:the|our) queue"
        rf"(?! for (?:inspection|checking|review|assessment|a {REFUND_NOUN}))",
        # "On hold pending review" is held for a reason the shop has not settled: no status.
        r"on hold(?! pending)",
        r"waiting (?:on|for) (?:your |the )?(?:payment|bank|card)(?: \w+){0,3}? (?:to )?"
        r"(?:clear|go through|confirm|be confirmed|be authori[sz]ed)",
        rf"(?:held|hold|holding)(?: \w+| xx+){{0,2}} (?:until|till|til|pending) (?:the |your )?"
        rf"(?:{PAYMENT[3:-1]}|bank|card)",
        rf"(?:until|till|til|once|when) (?:the |your )?{PAYMENT} (?:clears|has cleared"
        r"|goes through)",
        r"payment(?: \w+){0,3}? (?:is |'s )?(?:still )?(?:being (?:authori[sz]ed|verified|checked"
        r"|confirmed|processed|reviewed)|under review)",
        # Whoever pays, waited on: "waiting for PayPal to release the funds", "still waiting
        # on the bank transfer".
        rf"waiting (?:on|for) (?:your |the |a )?{PAYING}(?! (?:team|department|holiday)\b)",
    ),
    rules(
        _PENDING,
        # The payment not through yet: "ORD-1's payment hasn't cleared yet".
        # (voice10b: not a condition between, "check with your bank if not received".)
        rf"{PAYING}(?: (?!if\b|unless\b)\w+){{0,2}}? (?:hasn't|has not|hasnt|haven't|have not"
        r"|havent|isn't|is not"
        r"|not|yet to|still to)(?: yet)?(?: been)? (?:cleared|clear|gone through|go through"
        r"|come through|come in|arrived|landed|confirmed|authori[sz]ed|approved|received)",
        # Not let go to be packed: "has not been released to the warehouse yet".
        # (In other words too: "has not yet been transferred to our warehouse".)
        r"not (?:yet )?(?:been )?(?:released|transferred|passed|submitted|handed) (?:over )?to"
        rf" (?:the |our )?(?:{WAREHOUSE}|floor|fulfill?ment|distribution|picking)",
        negation=False,
    ),
    rules(
        _UNSHIPPED,
        # Curt: "still w/ us, not sent".
        r"not (?:yet )?(?:been )?(?:sent|posted)(?: out| off)?(?: yet)?" + _END,
        rf"(?:has|have|is|are|'s|'re) yet to (?:leave|ship|be {SHIPPED}|be sent"
        r"|be posted|go out|go anywhere)",
        negation=False,
    ),
    rules(
        _ELIDED,
        r"(?:hasn't|hasnt|has not|haven't|havent|have not|isn't|aren't|not yet|nt yet)(?: yet)?"
        r"(?=\s*(?:[.,;!?\)]|$|(?:bc|cos|coz|because|as|since)\b))",
        # A part still here, counted: "delivered 2 pkgs, 1 to go".
        r"(?:\d+|one|two|three) (?:more )?to (?:go|come)(?=\s*(?:[.,;!?\)]|$))",
        negation=False,
    ),
    rules(
        _PENDING,
        r"(?:not (?:yet )?started|(?:haven't|have not|hasn't|has not) (?:yet )?(?:been )?started)",
        negation=False,
    ),
    rules(
        _PROCESSING,
        r"(?:being|bein|getting|been) (?:prepared|prepped|packed|processed|picked|packaged"
        r"|put together|readied|assembled|got ready|made ready|fulfill?ed)",
        rf"(?:being|bein|getting) {past(*PREPARING)}",
        # Chat: the activity after the order, or with a word of now ("ORD-1 packing now").
        rf"xx+(?:'s| is| are)?:? (?:now |still |currently )?{ing(*PREPARING)}",
        rf"{ing(*PREPARING)} (?:now|rn|atm|today|right now|as we speak|at the moment)",
        rf"(?:picked|packed) {AND} (?:packed|ready|waiting|labelled|labeled)",
        # Made ready, said in the passive: "is boxed, labeled, and staged", "was picked".
        rf"(?:is|are|'s|'re|has been|have been|'s been|was|were|got) (?:all |now |already )?"
        rf"{past(*PREPARING)}(?! up\b| (?:for|to) (?:return|refund))",
        r"(?:all|now|already) (?:packed|picked|boxed up)",
        # Where it is made ready: "still sat on the packing bench", "at the dispatch desk".
        rf"{_PREPPING} (?:bench|table|line|station|area|floor)",
        rf"{ing(*PREPARING)} (?:up )?(?:it|them|your|the|xx+|this|that)",
        rf"(?:we're|we are|i'm|they're|they are) (?:now |still )?{_PREPPING} (?:up )?"
        r"(?:order|parcel|package)",
        rf"{_PREPPING} (?:it|them) (?:now|up|today)",
        rf"(?:finish|finishing|finishes) (?:{_PREPPING[3:-1]}|processing)",
        r"(?:in|into|entered|moved to|with) (?:our )?fulfill?ment",
        # With the people who make it ready: "with the packing team now".
        rf"(?:with|in) (?:the |our )?(?:{_PREPPING[3:-1]}|{WAREHOUSE}|dispatch|despatch"
        r"|fulfill?ment)"
        r" (?:team|department|dept|crew|staff|lads|folks|guys)",
        rf"(?:in|at the front of) (?:the|our) (?:{_PREPPING[3:-1]}|dispatch) queue",
        rf"(?:(?:in|at the front of) (?:the|our) queue|queued) (?:for|to be) (?:{_PREPPING[3:-1]}"
        r"|dispatch|packed|picked|dispatched|shipping|shipped)",
        r"(?:still |waiting |sitting )?(?:in|at) (?:our|the) " + PREMISES,
        r"(?:still|sitting|sat|waiting) (?:in|at) " + PREMISES,
        # Not shipping as a cost: "shipping on your replacement order will be free".
        r"(?:ships?|shipping(?! (?:on|for) (?:your|ur|the|this|all|any|orders?)\b)|goes out"
        r"|going out|due out|set to (?:go out|ship)|leaves us"
        r"|leaving us) " + _SOON,
        r"(?:will|'ll|to) be (?:collected|picked up) by (?:the |our )?" + _CARRIERS,
        rf"(?:booked|scheduled|due|set) to (?:leave|ship|go out|be (?:{SHIPPED[3:-1]}|collected"
        r"|picked up))",
        r"waiting (?:on|for) (?:the )?(?:van|collection|pick-?up|" + _CARRIERS[3:],
        # Waiting for the carrier to collect it: "awaiting courier collection", "staged at the
        # dock for this afternoon's pickup".
        rf"(?:awaiting|waiting (?:for|on)|ready for|staged for|booked (?:in )?for|scheduled for"
        rf"|for) (?:the |a |its |(?:this|today|tomorrow)(?:'s)? (?:\w+'s )?)?"
        rf"(?:(?:morning|afternoon|evening|next|daily|usual|first|last|late|early) )?{COLLECTION}"
        # (formal9) Not the customer's own at a store: "buy it online for pickup at our Denver
        # store".
        r"(?! (?:at|from|in) (?:the |our |your |any )?(?:[\w-]+ ){0,2}(?:stores?|shops?"
        r"|branch(?:es)?|locations?)\b)",
        # Waiting where orders are readied: "sat in dispatch", "still in the packing area".
        rf"(?:sat|sitting|waiting|still) in (?:the )?(?:dispatch|despatch|{_PREPPING[3:-1]})"
        r"(?: area| bay| queue)?\b",
        negated_yet=_PENDING,
    ),
    # Not even picked yet: the order waits to be started.
    rules(None, r"picked|packed|processed|prepared", negated_yet=_PENDING),
    # (voice10b) The work not begun, its noun the subject: "processing is not started yet",
    # "packing has not begun".
    rules(
        _PENDING,
        r"(?:processing|packing|picking) (?:is|has|was)(?: still)? not(?: yet)? (?:been )?"
        r"(?:started|begun|initiated)",
        negation=False,
    ),
    rules(
        _PROCESSING,
        r"(?:is |'s |are |we're |we are )?(?:still )?(?<!for\s)(?<!awaiting\s)"
        r"(?:processing|proccessing|procesing)"
        # (voice10b) Not the work said not begun: "processing is not started yet".
        r"(?! (?:is|has|was)(?: still)? not(?: yet)? (?:been )?(?:started|begun|initiated))",
        r"(?:being|been) (?:proccessed|procesed|proccesed)",
        # Chat: made ready, after the order ("ORD-1 packed", "ORD-1: prepped").
        rf"xx+(?:'s| is| are| has been| was)?:? (?:now |all |already )?{past(*PREPARING)}"
        r"(?! up\b| (?:by|for|to)\b)",
        r"(?:has been|have been|was|been) (?:packed|processed|picked)",
        r"packed and ready",
        # (voice10b) A desk's "in process": "order ORD-1 is in process", "under process at our
        # warehouse".
        r"(?:is|are|'s) (?:still |currently |now )?(?:in process|under process)\b",
        # (voice10c) An e-mail desk's "is in preparation" (of the order, not "in preparation for").
        r"(?:is|are|'s) (?:still |currently |now )?in preparation\b(?! for\b)",
        r"ready (?:to ship|for dispatch|for shipping|to go out)",
        # Chat: "rdy to ship", "rdy 4 collection".
        r"(?:ready|rdy) (?:to|2) (?:ship|go out)",
        rf"(?:ready|rdy) (?:for|4) (?:dispatch|shipping|the courier|{COLLECTION})",
        # A field label lends any preparing word its status: "Status: packing".
        rf"status\W{{1,5}}(?:now |still |currently )?(?:{ing(*PREPARING)}|{past(*PREPARING)})",
        r"awaiting (?:dispatch|despatch|shipment|shipping|fulfill?ment)",
        # A field of the work under way: "Packing: in progress".
        rf"{ing(*PREPARING)}\W{{1,6}}(?:in progress|underway|under way|ongoing|started)",
        rf"waiting to be (?:packed|picked|prepared|{SHIPPED[3:-1]})",
        # Scheduled, in full or as chat shortens it: "sched for dispatch mon".
        r"(?:sched|schd|scheduled|booked|lined up) (?:for|4) (?:dispatch|despatch|shipping)",
        r"manifested",
        rf"(?:will|'ll|should) (?:ship|be {SHIPPED}|go out|leave our {WAREHOUSE})"
        r" (?:tomorrow|soon|today|later|shortly|on|this|next|within|in|by)\b",
        r"preparing (?:your|it|the)",
        r"getting (?:it|your order|them) ready",
        # A status named "In Progress" (llm6): "ORD-1 is currently in the status of "In
        # Progress"". Said of the order itself, and not one of two offered ("… or "Not
        # Available"").
        r"(?:order|xx+) is (?:currently |now |still )?(?:in (?:the |a )?status (?:of )?)?"
        r"\W{0,2}in progress\b(?!\W{0,3} or\b)",
    ),
    # A carrier's failed try at the door, its next try, the parcel back at its depot: the
    # carrier holds it ("the driver couldn't get into your block, so ORD-1's gone back to the
    # depot; they'll have another go on Tuesday"). The denial is the phrase's own.
    rules(
        _SHIPPED,
        rf"{_CARRIERS}(?:'s)?(?: driver| note| update| van)?(?: [\w-]+){{0,3}}? {FAILED_ATTEMPT}",
        rf"(?:will be|to be|being|was|been|be) {NEXT_ATTEMPT}",
        rf"{NEXT_ATTEMPT} (?:will be|is) (?:made|scheduled|booked|planned)",
        r"delivery exception",
        r"(?:back|returned|gone back|went back|taken back|sent back) (?:at|to|in) (?:the |their"
        r" |its |our )?(?:\w+ )?(?:depot|sorting office|delivery office)",
        negation=False,
    ),
    rules(
        _SHIPPED,
        r"on (?:its|it's|their|the) way",
        r"in transit",
        r"en route|enroute|otw",
        r"(?:went|sent|gone) out(?! of (?:stock|stok|stk)\b)",
        # A part named and sent, closing its clause, as chat tells an order part by part: "ORD-1:
        # harness sent, lead still w us".
        r"xx+ (?:sent|posted)(?=\s*(?:[,;.!]|$))",
        # (An agent's "left the DC": the distribution centre, said only of leaving it.)
        rf"{past('leave')} (?:our |the )?(?:{PREMISES[3:-1]}|dc|depot|facility|hub|us|premises)",
        # Left by another verb, from a place with a name: "departed our Reno facility".
        rf"{past('depart', 'exit')} (?:from )?(?:our |the )?(?:\w+ )?(?:{PREMISES[3:-1]}|depot"
        r"|facility|hub|site|store)",
        rf"{WITH} (?:the |our )?(?:courier|carrier|driver|{_CARRIERS})",
        # Held up by the carrier: "there's a delay at the courier", "stuck with DPD".
        rf"(?:delay|delays|delayed|held up|stuck) (?:at|with) (?:the |their )?(?:courier|carrier"
        rf"|driver|{_CARRIERS})",
        # Held up at the carrier's depot is still shipped (issue 24): "stuck at the depot".
        # Held at a carrier's counter, or just there: "is at the post office 4 collection",
        # "sat at the Evri ParcelShop".
        r"(?:stuck|held|held up|sitting|sat|waiting|delayed|is|'s|are|now) (?:at|in)"
        r" (?:the |a |their |your )?"
        rf"(?:{CARRIER_NAMES} )?"
        r"(?:local )?(?:depot|sorting (?:office|centre|center|facility|hub)|delivery (?:office"
        r"|depot)|(?:carrier|courier)'?s? (?:depot|facility|hub)|post office|collection point"
        r"|parcel ?(?:shop|locker)|pick-?up point|customs)",
        # Who holds it, named without an article: "the" would open a pattern on every answer.
        rf"(?:courier|carrier|driver|postie|postman|{CARRIER_NAMES[3:-1]})"
        r"(?: has|'s got|'s| has got| have| have got)"
        r" (?:it|them|your \w+|xx+)",
        rf"{past('go')} (?:off |out )?(?:in|on) the (?:\w+ )?(?:van|truck|lorry)",
        # The carrier at work on it: "your courier's down as delivering ORD-1 this afternoon".
        rf"{_CARRIERS}(?:'s| is| are|'re)? (?:down as |now |currently )?delivering",
        r"(?:winging|wending|heading|making) (?:its|it's|their) way (?:to you|over|to your)",
        # Curt: "ORD-1 sent, trk …".
        rf"xx+(?: has been| was|'s been)?:?(?: not)? {past('send', 'post')}"
        r"(?! (?:back|to us|an?|the|you)\b)",
        r"(?:is|'s|are|'re|now|already|safely) in the post",
        # Sent, said of the orders together: "both sent", "all of them posted".
        r"(?:both|all(?: of them)?)(?: have| were| are|'ve)?(?: been)? (?:sent|posted)\b",
        r"on the (?:move|road)",
        # On a vehicle, whoseever: "on van", "on a FedEx truck", "on the DPD van".
        rf"on (?:a |an |the |its |their )?(?:{CARRIER_NAMES}(?:'s)? |[\w-]+(?:'s)? )?"
        r"(?:van|truck|lorry)\b",
        # (formal9) Today's run: "on this afternoon's van" (not "coming on our own lorry").
        r"on this (?:morning|afternoon|evening)'s (?:[\w-]+ )?(?:van|truck|lorry)\b",
        # Gone, said of the order or its parts with nothing after it: "the lamp & hub have gone".
        r"(?:has|have|'ve|'s) (?:already |now |just |all )?gone(?: anywhere)?(?: yet)?" + _END,
        r"(?:hasn't|hasnt|has not|haven't|havent|have not) gone anywhere(?: yet)?",
        # The carrier tried the door: it has the parcel ("attempted delivery yesterday").
        r"(?:attempted|tried to make a|tried) (?:a )?deliver(?:y|ing)?|delivery attempt"
        r"|deliver(?:y|ies)(?: (?:of|for) (?:\w+|xx+))? (?:was |were |has been |had been )?"
        r"attempted"
        r"|missed (?:a |the )?delivery"
        # The driver came when no one was in: "missed ur slot, driver retries wed".
        r"|missed (?:your |ur |the )?(?:delivery )?slot",
        r"on the (?:delivery |courier'?s? |driver'?s? )(?:van|truck|lorry)",
        r"in the (?:delivery |courier'?s? |driver'?s? )?(?:van|truck|lorry)",
        r"(?:at|in) (?:the )?sorting (?:ctr|cntr|ctre)",
        rf"(?:reached|at|{LANDED} at|in) (?:the |your )?local (?:depot|facility|hub|delivery office"
        r"|sorting (?:office|centre|center)|post office)",
        # The carrier's own places: "reached our carrier partner's hub", "arrived at local
        # delivery depot", "at the DPD depot".
        rf"(?:reached|{LANDED} (?:at|in)|(?:got|made it) to|at|in) (?:the |your |their |our |a )?"
        rf"(?:local |regional"
        rf" |nearest )?(?:(?!fulfil|{WAREHOUSE})[\w-]+(?:'s|s')? ){{0,2}}?{CARRIER_PLACES}",
        rf"(?:reached|at|{LANDED} at|in) (?:the |your |their )?(?:depot|delivery office"
        r"|sorting (?:office|centre|center|hub|facility)|(?:carrier|courier)'?s? (?:depot|facility"
        r"|hub))",
        rf"(?:was|were|has been|have been|'s been|been|got) {past('send', 'post')}(?: off| out)?",
        rf"(?:we've|we have|we|i've|i have) {past('send', 'post')}(?: off| out)?(?: the| your)?"
        r"(?: \w+)? (?:box|boxes|parcels?|packages?|orders?|items?|xx+)",
        r"xx+(?:'s| is)? out(?![\w-])(?! of)",
        # Left, with nothing after it: "ORD-1 left yesterday", "hasn't left yet".
        r"(?:xx+|it|order|parcel|package|pkg|parcels|packages|pkgs)(?:'s|'ve| has| have| had"
        r"|n't| not| nt| hasnt| havent| hasn't| haven't| has not| have not)?"
        r" (?:yet |already |just |now )?left"
        r"(?= yet| yesterday| yday| today| this| last| on\b| at\b|\s*[.,;!?\)]|\s*$)",
        negated=_UNSHIPPED,
    ),
    rules(
        _PARTIAL,
        rf"{past('send', 'post', 'ship', 'dispatch', 'despatch')} (?:out )?(?:part|half|some"
        r"|one|two|\d+) of",
        # "1/2 parcels out": fewer than all of them.
        r"(?:1/[2-9]|2/[3-9]|3/[4-9]) (?:parcels?|items?|boxes|packages?|bits|shipments?)"
        r" (?:out|sent|shipped|gone|dispatched|left|delivered)",
        r"(?:coming|arriving|going out) in (?:two|three|\d|several|multiple|separate)"
        r" (?:bits|parts|parcels|boxes|packages|shipments|deliveries)",
        rf"{forms('come', 'ship', 'send', 'arrive', 'follow', 'go out', 'travel')}"
        r"(?: on)? separately",
        # Not "to follow your parcel" nor "will follow up with you".
        r"(?:to follow|will follow)(?! (?:up|your|the|it|its|their|them|this|that|along|a|an|my"
        r"|our|these|those|you)\b)",
        r"(?:following on|follows (?:next|later|on|in|separately|shortly))",
        r"still (?:to|2) (?:go|come|ship|follow|leave)",
        r"rest(?:'s| is| are)? (?:coming|comes|due|next|to follow|following|follows|later|in a|on"
        r"|will)",
    ),
    rules(
        _DELIVERED,
        r"reached you",
        r"turned up",
        r"landed",
        r"dropped (?:it |them |your \w+ )?off",
        # (voice10c) The carrier's act told as done: "the courier completed delivery of order …".
        r"completed (?:the |its |their )?delivery\b(?! (?:attempt|window|slot|route|run)s?\b)",
    ),
    # An agent reading the order off their screen: the hold or the queue it sits in, the
    # warehouse's pick, the night's dispatch, the carrier's failed try at the door.
    rules(
        _PENDING,
        # Sat on a check (agent7): "ORD-1 is still sat on a payment check".
        r"(?:sat|sitting|stuck|held|waiting) on (?:a |an |the )?(?:payment|fraud|security|address"
        r"|credit|id) (?:check|review|hold|verification)\b",
        r"on (?:a|an) (?:[\w-]+ )?hold(?! pending)",
        r"(?:fraud|payment|pmt|risk|security|verification|manual|admin) (?:hold|queue)",
    ),
    rules(
        _PENDING,
        r"(?:hasn't|hasnt|has not|isn't|isnt|is not|not) (?:yet )?(?:been )?released to"
        rf" (?:the |our )?(?:{WAREHOUSE}|floor|fulfill?ment|dc|wms)",
        negation=False,
    ),
    rules(
        _PROCESSING,
        r"(?:pick|pack|picking|packing|picked|packed) (?:complete|completed|done|confirmed"
        r"|finished)",
        # Boxed and waiting for the carrier (agent7): "still waiting to be collected"; going
        # tonight: "the warehouse reckon ORD-1 will go tonight".
        r"waiting to be (?:collected|picked up)\b",
        r"go (?:out )?(?:tonight|this (?:afternoon|evening)|first thing|on (?:today's|tonight's"
        r"|the next) (?:van|collection|run))\b",
        r"(?:in|into) (?:the|our) (?:pick|pack) (?:queue|list|wave)",
        r"(?:dispatching|despatching) " + _SOON,
    ),
    rules(
        _SHIPPED,
        rf"(?:driver|courier|carrier|postman|postie|{CARRIER_NAMES[3:-1]}) (?:tried|attempted)",
        r"(?:driver|courier|carrier|postman|postie) (?:couldn't|couldnt|could not|wasn't able to"
        r"|was unable to) (?:find|get in|get into|access|deliver|locate|gain)",
        r"(?:delivery |carrier |tracking )?exception(?! of\b| to\b)",
        # The carrier's try told by its count (agent7): "the first attempt on ORD-1 failed",
        # "ORD-1 was attempted yesterday".
        r"(?:first|1st|second|2nd) (?:delivery )?attempt\b",
        r"attempted (?:yesterday|today|this morning|this afternoon|earlier|last night)\b",
        negation=False,
    ),
)
_OFF_TOPIC = compile_pattern(
    rf"\b(?:{REFUND_NOUN}s?|refunded|returns?|returned|rma|sent back|send back|back to us"
    r"|restock\w*|stock|credit)\b"
)
#: A parcel said right after its status to be coming back to the shop: a return's.
_BACK_TO_US = compile_pattern(r"\s+(?:on (?:its|it's|the|their) way\s+)?back to (?:us|our\b)")
#: The object of the status verb, on its line ("cancelled your refund"; not the next list line).
_OFF_TOPIC_OBJECT = compile_pattern(
    rf"[^\S\n]+(?:(?:of |for )?(?:your |the |a |my )?(?:{REFUND_NOUN}|return)|back\b|into stock"
    # One line of the order, not the order (agent7): "we've cancelled that line".
    r"|(?:that|the|this|one|an?) (?:order )?(?:line|item)\b)"
)
#: "Arrived at DHL Sort Facility": a carrier's scan on the way, not the delivery.
_AT_CARRIER = compile_pattern(
    # (sms9) A time between the verb and the place: "arrived yday at the depot".
    r"(?:\s+(?:yday|yesterday|today|2day|tdy|earlier(?: today)?|last night|overnight"
    r"|this (?:am|morning|afternoon|arvo)|(?:on )?(?:mon|tues?|wed|thur?s?|fri|sat|sun)\w*))?"
    rf"\s+(?:at|in) (?:the |a |an |your |their |our )?(?:local |regional |nearest )?"
    rf"(?:(?!fulfil|{WAREHOUSE})[\w-]+(?:'s|s')? ){{0,2}}?(?:{CARRIER_PLACES}|local (?:facility"
    r"|post office))"
)
_SENT_BACK = compile_pattern(
    r"\b(?:sent|sending|send|posted|posting)\b[\w\s]{0,30}\bback\b|\b(?:returned|rma)\b"
)
#: "Pending" is a preposition, saying what something waits for rather than the order's state,
#: after a hold ("on hold pending review of your order") or a comma before a determiner
#: ("… a refund of 53.95 EUR, pending the status of the order's return"). After a verb it is
#: the status ("your order is pending payment").
_HELD = compile_pattern(r"\b(?:hold|held|paused|suspended|frozen|blocked|delayed)\s+\Z")
_PAUSE = compile_pattern(r",\s*\Z")
_NOUN_PHRASE = compile_pattern(
    r"\s+(?:the|a|an|your|our|its|their|this|that|these|those|any|further)\b"
)
_A_WORD = compile_pattern(r"\s+[a-z]")
_STILL = compile_pattern(r"\b(?:still|yet|remaining|rest|other|others|remainder)\b")
#: A part of an order named by its place among the parts, its number or a share of the whole.
_PART = compile_pattern(ORDER_PARTS)
#: The orders named together, as a subject: "they", "both", "the two orders".
_TOGETHER_ORDERS = compile_pattern(r"\b(?:they|they're|them|both|each|the two|these|those)\b")
#: Items said to travel as one: "both in one box", "shipped together".
_TOGETHER = compile_pattern(
    r"\b(?:in (?:one|the same|a single) (?:box|parcel|package|shipment|consignment)|together)\b"
)
#: A table whose first columns name parcels: each row is a part of the order.
_PARTS_HEADER = compile_pattern(rf"(?:#|no\.?|number )?{PARCELS}(?: (?:#|no\.?|number))?")
#: Still at the shop, said of a part: it waits, follows or is on backorder. "Follow up" is a
#: contact verb, not a parcel's ("I'll follow up on the second parcel" says nothing of where it is).
_WAITING = compile_pattern(
    r"\b(?:waiting|awaiting|back-?order\w*|(?:to follow|following|follows?)(?![\s-]+up\b)"
    r"|separately|yet to"
    r"|still to|not yet|hasn't left|has not left|haven't left"
    # Still at the shop, as chat says it: "lead still w us", "the mat's still here".
    r"|still (?:with|w/?) us|still here|still at ours"
    rf"|will (?:go out|ship|be sent|be {SHIPPED}|leave)"
    # Not before a later day: "the Pan Set won't be sent until next week".
    rf"|(?:won't|wont|will not) (?:go out|ship|be sent|be {SHIPPED}|leave))\b"
)
#: A date told month first ("due December 15th") as well as day first ("due 15 Dec").
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
#: A part still to reach the customer: "the second is expected to arrive Saturday", "Box 2 is
#: scheduled to arrive Monday". Beside a part delivered, the order is on its way, not there.
_TO_COME = compile_pattern(
    r"\b(?:(?:expected|scheduled|due|set|booked|on track|going) to (?:arrive|be delivered"
    r"|reach you|land)|(?:will|should|shd) (?:arrive|be delivered|reach you|land)"
    r"|(?:is|'s|are|'re) (?:due|expected|arriving)(?: to you)? (?:on|by|tomorrow|today|mon|tue"
    rf"|wed|thu|fri|sat|sun|next|this|in|within|between|{_MONTHS}))"
)
#: (markdown9) A part's line told with its verb left out: "Parcel 2 (Fire Pit) — arriving
#: Friday", "Parasol — 🚚 with the courier, due 15 Dec".
_TO_COME_LINE = compile_pattern(
    r"(?m)(?:^|[\u2014\u2013:,-])\s*(?:[^\w\s]+\s*)?(?:due|expected|arriving)(?:\s+to\s+you)?\s+"
    r"(?:(?:on|by)\s+)?(?:the\s+)?"
    rf"(?:tomorrow|today|mon|tue|wed|thu|fri|sat|sun|next|this|\d|{_MONTHS})"
)
#: Stock and how the shop sells an item: a sentence saying these of an item, and naming no
#: order, tells how items ship, not where an order is ("is in stock and ships within one
#: business day", "can be ordered online and delivered to your home", "cannot be shipped").
_STOCK = compile_pattern(
    r"\b(?:in stock|out of stock|stock levels?|back-?order\w*|sold out|pre-?order\w*|available"
    r"|availability|in[- ]?store|on order|(?:none|nothing|no more|any more) (?:\w+ )?left"
    r"|out right now|can be ordered|orders placed|inventory|sold through|snapped up"
    # (formal9) "stocked at our warehouse", "awaiting a shipment from our supplier".
    rf"|stocked|(?:shipment|delivery|batch|consignment) from (?:the |our )?{SUPPLIER}s?)\b"
)
#: The customer's own order, named by a noun.
_THEIR_ORDER = compile_pattern(
    r"\b(?:your|ur|yr|the|this|that) (?:\w+ )?(?:order|parcel|package|shipment|delivery|purchase)"
)
#: A modal's verb and "and" before a stage verb of the same clause.
_MODAL_JOINED = compile_pattern(
    rf"\b{_WILL}(?: \w+ly)? (?:be|b) [^.;!?\n]*?\b(?:and|&|or|then|n)\s+(?:\w+ly\s+)?\Z"
)
#: People at a place, or the team of a carrier: "one of the lads in the warehouse", "with the
#: courier team". Where people are says nothing of where the parcel is.
_PEOPLE_BEFORE = compile_pattern(rf"\b{STAFF}\s*\Z")
#: "Got your parcel back at the warehouse": a parcel returned to the shop.
_BACK_BEFORE = compile_pattern(r"\bback\s*\Z")
#: Goods that came broken: "the kettle arrived damaged", and what the goods came with (markdown9):
#: "arrived chipped", "arrived with a cracked lid", "with a torn cover", "with pieces missing",
#: "with a dent in it". A complaint about the goods, whose claim is the refund's or the
#: replacement's, not the order's state.
_FAULTS = (
    r"damaged|broken|smashed|cracked|dented|scratched|faulty|defective|in pieces|in bits|leaking"
    r"|crushed|torn|incomplete|chipped|bent|stained|soaked|wet|ripped|shattered|snapped|split"
    r"|missing|(?:(?:a|an)\s+)?(?:crack|dent|chip|scratch|tear|rip|hole|leak|fault|defect)s?"
)
_DAMAGED = compile_pattern(
    rf"\s+(?:(?:{_FAULTS})\b|with\s+(?:(?:a|an|some|its|the|one|two|\w+)\s+)?(?:\w+\s+)?"
    rf"(?:{_FAULTS})\b)"
)
_PEOPLE_AFTER = compile_pattern(rf"\s+(?:(?:support|service|claims|customer) )?{STAFF}\b")
#: A step not done, in a checklist: "⬜ Delivered", "- [ ] Delivered".
_UNTICKED = compile_pattern(r"[^\S\n]*(?:[-*][^\S\n]+)?(?:\u2b1c|\u2610|\u25fb|\U0001f532|\[ \])")
#: "… is with the courier": a parcel held by the carrier, after a verb of being or a label.
_HELD_BY = compile_pattern(
    r"(?:^|\b(?:is|are|'s|'re|now|still|currently|already|safely|stuck|sitting|sat|xx+)"
    r"|(?:\b(?:is|are|now|still|its)|'s|'re) out|[:\-]"
    # (voice10) On the move in the carrier's keeping: "is travelling with DHL", "on its way
    # with UPS".
    r"|\b(?:travell?ing|travels|travell?ed|moving|on (?:its|their|the) way|in transit|en route)"
    # A part, told in chat: "3rd w/ courier", "other one with DPD".
    r"|\b(?:1st|2nd|3rd|\d+th|first|second|third|last|other|rest|one|parcel|box|pkg))\s*$"
)
#: A clause that opens on its verb: its subject is the one before it in the sentence.
_NO_SUBJECT = compile_pattern(
    r"\s*(?:(?:and|but|so|then)\s+)?(?:it\s+)?(?:will|'ll|should|is|are|was|were|has|have|had|can"
    r"|could|would|may|might|to)\b"
)
#: What a shop sends that is no parcel: "the email was not sent", "the label isn't posted yet".
_MESSAGES = compile_pattern(
    r"\b(?:e-?mails?|labels?|links?|invoices?|receipts?|messages?|texts?|codes?|confirmations?"
    r"|tracking|details|info|refunds?|vouchers?|forms?)\b"
)
#: Following a parcel, not saying where it is: "you can track ORD-1 with Evri".
_FOLLOWED = compile_pattern(
    r"\b(?:track|follow|check|trace|monitor|find|look up)\w*\s+(?:it|them|your \w+|xx+)\s*$"
)
#: An order noun, not the verb "to order" ("you can order it today", "pre-order").
_ORDER_NOUN = compile_pattern(
    r"(?<!\bto )(?<!\byou )(?<!\bcan )(?<!\bplease )(?<!\bpre-)\b(?:orders?|parcels?|packages?"
    r"|shipments?|deliver(?:y|ies)|couriers?|tracking|purchases?)\b(?! (?:it|them|now|today|online"
    r"|before|by|one|more))"
)
_IDS = frozenset({SubjectType.ORDER, SubjectType.RETURN})
#: The orders together: "both", "all of them", "all your orders".
_PLURAL = compile_pattern(
    r"\b(?:both|all (?:of )?(?:them|those|these|(?:your|the|ur|yr) (?:\w+ )?(?:orders|parcels"
    r"|packages)))\b"
)
_GONE = frozenset({_SHIPPED, _DELIVERED, _PARTIAL})
_HERE = frozenset({_PROCESSING, _PENDING, _UNSHIPPED, _ELIDED})
#: Said outright not to have left: with a part gone elsewhere in the answer, the order is
#: partly sent ("- Desk Organiser — shipped / - Cable Tidy — not yet shipped").
_DENIED = frozenset({_UNSHIPPED, _ELIDED})
_SPAN_START = attrgetter("span")
_RESTOCK = compile_pattern(RESTOCK)
_BOUNCED = compile_pattern(BOUNCED)
_ORDER_OF_STAGES = later_beats_earlier(_STAGES)
#: An order's history told line by line ("Dispatched: 3 December / Delivered: 5 December"):
#: the latest stage told of a named order is its status, whatever sentence tells it.
_HISTORY = later_beats_earlier((_PENDING, _PROCESSING, _SHIPPED, _DELIVERED))
#: A partly sent order is not delivered as a whole: a delivery told beside it is a part's.
_PARTIAL_ABSORBS = {_PARTIAL: frozenset({_SHIPPED, _PROCESSING, _PENDING, _DELIVERED})}
#: "Hasn't shipped yet" is a claim of its own only when nothing more precise was said of the
#: order: "it hasn't shipped, it's being packed" is processing, "… the rest has" a partial one.
_NOT_SHIPPED_ABSORBED = {
    stage: frozenset({NOT_SHIPPED}) for stage in (_PENDING, _PROCESSING, _PARTIAL, _CANCELLED)
}


def _about_orders(doc: Document) -> bool:
    """The answer talks about an order, not only about ordering ("available to order",
    "if you order before 3pm"): then the phrases that could be about anything are read."""
    if not doc.order_context:
        return False
    if any(m.type is SubjectType.ORDER for m in doc.mentions):
        return True
    return any(_ORDER_NOUN.finditer(doc.masked))


#: Orders in general, told by a relative clause: "… to orders that have already shipped",
#: "orders which are still processing". A rule of the shop, not a state of the customer's.
_ANY_ORDERS = compile_pattern(
    r"(?:^|[^\w'-])(?:to|for|on|of|with|all|any|on all|on any|including) orders (?:that|which)"
    r"(?: have| has| had| are| were| is| was)?(?: already| not yet| not| yet| still| now)?\s*$"
)


def _a_preposition(doc: Document, hit: Hit) -> bool:
    masked = doc.masked
    if masked[hit.start : hit.end] != "pending":
        return False
    since = max(hit.start - 12, 0)
    if _HELD.search(masked, since, hit.start):
        return _A_WORD.match(masked, hit.end) is not None
    return bool(_PAUSE.search(masked, since, hit.start) and _NOUN_PHRASE.match(masked, hit.end))


def _on_topic(doc: Document, hit: Hit) -> bool:
    if (hit.value == _PENDING and _a_preposition(doc, hit)) or _orders_apart(doc, hit):
        return False
    if _about_stock(doc, hit.start) or _unticked(doc, hit.start) or _planned(doc, hit):
        return False
    if hit.value == _UNSHIPPED and _MESSAGES.search(doc.masked, hit.clause.start, hit.start):
        return False  # "the email was not sent": a message, not the parcel
    if hit.value == _DELIVERED and _RESTOCK.search(doc.clause_text(doc.sentence_at(hit.start))):
        return False  # "10 of them arrived this morning" of stock coming back in
    if doc.masked.startswith("status", hit.start) and _OFF_TOPIC.search(
        doc.masked, doc.sentence_at(hit.start).start, hit.start
    ):
        return False  # "Refund amount: £32.00 — status: processing" is the refund's status
    if hit.value == _PROCESSING and _after_a_condition(doc, hit.clause):
        return False  # "Once payment clears, it will ship tomorrow": still waiting for it
    if (
        hit.value == _DELIVERED
        and _LANDED.search(doc.masked, hit.start, hit.end)
        and _arrived_elsewhere(doc, hit)
    ):
        return False
    before = doc.labelled_clause_text(hit.clause)[: hit.start - hit.clause.end]
    if _NO_SUBJECT.match(doc.masked, hit.clause.start, hit.end):
        # "Your refund for ORD-1 is queued up and will go out on Friday": a clause with no
        # subject of its own goes on with its sentence's.
        before = doc.masked[doc.sentence_at(hit.start).start : hit.start]
    if (
        (_OFF_TOPIC.search(before) and not _bounced(doc, hit))
        or _OFF_TOPIC.search(doc.masked, hit.start, hit.end)
        # (sms8) "ur parcel's w the courier on its way back to us": a return's parcel.
        or _BACK_TO_US.match(doc.masked, hit.end)
    ):
        return False
    if doc.masked.startswith(("with", "w/"), hit.start) and (
        not _HELD_BY.search(before) or _FOLLOWED.search(before)
    ):
        return False  # "I've had a word with the courier" says nothing of where the parcel is
    if (
        _about_a_return(doc, hit.start)
        or about_money(doc, hit.clause.start, hit.start)
        or _not_the_parcel(doc, hit, before)
    ):
        return False
    return _OFF_TOPIC_OBJECT.match(doc.masked, hit.end) is None


def _not_the_parcel(doc: Document, hit: Hit, before: str) -> bool:
    """The phrase is said of something else than the order's parcel: people at a place ("the
    lads in the warehouse", "the courier team"), a parcel back with the shop ("back at the
    warehouse"), goods that came broken ("arrived damaged": a complaint, whose claim is the
    refund's or the replacement's), or the money of a table column or a section ("| Refund |",
    "### Refund")."""
    masked = doc.masked
    if masked.startswith(("with", "w/", "in", "at"), hit.start) and bool(
        _PEOPLE_BEFORE.search(before)
        or _PEOPLE_AFTER.match(masked, hit.end)
        or _BACK_BEFORE.search(before)
    ):
        return True
    if hit.value == _DELIVERED and _DAMAGED.match(masked, hit.end):
        return True
    if "|" in masked:
        cells = header(masked, hit.start)
        index = column(masked, hit.start)
        if index < len(cells) and _OFF_TOPIC.search(cells[index]):
            return True
    return _under_money_heading(doc, hit)


def _under_money_heading(doc: Document, hit: Hit) -> bool:
    """The section the phrase stands in is headed by a refund or a return ("### Refund"), and
    its clause names no order."""
    if doc.layout is None or not doc.layout.headings:
        return False
    above = [h for h in doc.layout.headings if h.end <= hit.start]
    if not above or not _OFF_TOPIC.search(doc.masked, above[-1].start, above[-1].end):
        return False
    clause = hit.clause
    return not any(
        m.type is SubjectType.ORDER and clause.start <= m.start < clause.end for m in doc.mentions
    )


def _planned(doc: Document, hit: Hit) -> bool:
    """ "It should be processed within 24 hours and shipped shortly after": a modal reaches
    every verb its clause joins, however far along."""
    since = doc.sentence_at(hit.start).start
    return _MODAL_JOINED.search(doc.masked, since, hit.start) is not None


def _unticked(doc: Document, start: int) -> bool:
    """ "⬜ Delivered": the line is a step of a checklist still to come."""
    return _UNTICKED.match(doc.masked, doc.masked.rfind("\n", 0, start) + 1) is not None


def _about_stock(doc: Document, start: int) -> bool:
    """The sentence speaks of an item's stock or how it is sold, and names no order; or the
    phrase is said of orders in general ("… to orders that have already shipped")."""
    if _ANY_ORDERS.search(doc.masked, doc.clause_at(start).start, start):
        return True
    sentence = doc.sentence_at(start)
    if not _STOCK.search(doc.masked, sentence.start, sentence.end):
        return False
    if any(m.type in _IDS and sentence.start <= m.start < sentence.end for m in doc.mentions):
        return False
    return _THEIR_ORDER.search(doc.masked, sentence.start, sentence.end) is None


def _orders_apart(doc: Document, hit: Hit) -> bool:
    """ "They are traveling separately" said of two orders: each order goes on its own, which
    says nothing of its parts."""
    if hit.value != _PARTIAL or "separately" not in doc.masked[hit.start : hit.end]:
        return False
    if not _TOGETHER_ORDERS.search(doc.masked, hit.clause.start, hit.end):
        return False
    orders = {m.subject for m in doc.mentions if m.type is SubjectType.ORDER}
    return len(orders) > 1


#: Arrived in any of its words, said of the order: delivered only if not somewhere else.
_LANDED = compile_pattern(LANDED)


def _arrived_elsewhere(doc: Document, hit: Hit) -> bool:
    """ "Arrived" said of a stop on the way ("Arrived at DHL Sort Facility") or of a parcel
    sent back to the shop: not the order's delivery."""
    if _AT_CARRIER.match(doc.masked, hit.end):
        return True
    return _SENT_BACK.search(doc.clause_text(doc.sentence_at(hit.start))) is not None


def _bounced(doc: Document, hit: Hit) -> bool:
    """The order was cancelled after the carrier brought it back ("refused at the door,
    returned + cancelled"): "returned" there is the parcel's trip back, not a customer's
    return."""
    if hit.value != _CANCELLED:
        return False
    sentence = doc.sentence_at(hit.start)
    return _BOUNCED.search(doc.masked, sentence.start, hit.start) is not None


def _after_a_condition(doc: Document, clause: Clause) -> bool:
    """The sentence opens on a condition ("Once confirmed, it will ship within two days"): what
    follows is a plan that waits for it, not the order's state now."""
    index = doc.clause_index(clause)
    while index > 0 and doc.clauses[index - 1].sentence == clause.sentence:
        index -= 1
    return doc.clauses[index].conditional and doc.clauses[index] != clause


def _about_a_return(doc: Document, start: int) -> bool:
    """The nearest id before the phrase in its sentence is a return's ("RMA-1 arrived")."""
    sentence = doc.sentence_at(start)
    named = [m for m in doc.mentions if sentence.start <= m.start < start and m.type in _IDS]
    return bool(named) and named[-1].type is SubjectType.RETURN


def _part_of(doc: Document, start: int) -> bool:
    """The phrase at `start` speaks of a part of an order: a parcel, one item of several, a
    row of a table of parcels ("| Parcel | Status |")."""
    sentence = doc.sentence_at(start)
    if _PART.search(doc.masked, sentence.start, sentence.end):
        return True
    if "|" in doc.masked and any(map(_PARTS_HEADER.fullmatch, header(doc.masked, start)[:3])):
        return True
    if _TOGETHER.search(doc.masked, sentence.start, sentence.end):
        return False  # "the lamp and the kettle both in one box": the items are not parts
    return any(
        m.type is SubjectType.ITEM and sentence.start <= m.start < sentence.end
        for m in doc.mentions
    )


def _waiting_parts(doc: Document) -> list[int]:
    """Where a clause says that a part of an order still waits to leave ("Shipment B —
    waiting for one item to come back into stock"), in clauses no stage phrase read."""
    return [
        clause.start
        for clause in doc.clauses
        if _WAITING.search(doc.masked, clause.start, clause.end)
        and _part_of(doc, clause.start)
        and doc.sentence_reads(_KIND, clause)
    ]


def _as_a_whole(doc: Document, claims: list[Claim]) -> list[Claim]:
    """The order's status from what its parts' claims say together (issue 23: a part is a
    part). Some parts gone and some still here is a partial shipment; every part gone but
    not every part delivered is shipped. Claims about the whole order stand as they are."""
    subjects = list(dict.fromkeys(c.subject for c in claims))
    waiting_at = None
    out: list[Claim] = []
    for subject in subjects:
        group = _delivered_part(doc, [c for c in claims if c.subject == subject])
        parts = [c for c in group if _part_of(doc, c.span[0])]
        still = [
            c
            for c in group
            if c.value == _ELIDED
            or (c.value in _HERE and _STILL.search(doc.clause_text(doc.clause_at(c.span[0]))))
        ]
        # A part named as such, or what left in the sentence that says the rest is still here,
        # or in another clause than one that says a part has not left at all.
        stilled = {doc.sentence_at(c.span[0]) for c in still}
        denied = {doc.clause_at(c.span[0]) for c in still if c.value in _DENIED}
        gone = [
            c
            for c in group
            if c.value in _GONE
            and (
                c in parts
                or doc.sentence_at(c.span[0]) in stilled
                or (denied and doc.clause_at(c.span[0]) not in denied)
            )
        ]
        here = [c for c in group if c.value in _HERE and (c in parts or c in still)]
        if gone and not here and len(subjects) == 1:
            if waiting_at is None:
                waiting_at = _waiting_parts(doc)
            taken = {doc.clause_at(c.span[0]).start for c in group}
            here = [c for c in group if any(w not in taken for w in waiting_at)][:1]
        if gone and here:
            first = min(gone, key=_SPAN_START)
            kept = [c for c in group if c.value == _CANCELLED]
            out.extend([*kept, Claim(first.kind, _PARTIAL, first.span, subject, first.hedged)])
        elif len(subjects) == 1 and any(c.value == _DELIVERED for c in parts) and _to_come(doc):
            # A part delivered and a part still due: every part has left, not all are there.
            first = min(gone, key=_SPAN_START)
            out.extend(c for c in group if c.value not in _GONE)
            out.append(Claim(first.kind, _SHIPPED, first.span, subject, first.hedged))
        elif gone and {c.value for c in parts} == {_SHIPPED, _DELIVERED}:
            out.extend(c for c in group if not (c.value == _DELIVERED and c in parts))
        elif len(parts) > 1 and {c.value for c in parts} == {_DELIVERED}:
            # Every part told is delivered: the order is, whatever it was sent as.
            out.extend(c for c in group if c.value != _SHIPPED)
        else:
            out.extend(group)
    out.sort(key=_SPAN_START)
    return [
        Claim(c.kind, NOT_SHIPPED, c.span, c.subject, c.hedged) if c.value == _UNSHIPPED else c
        for c in out
        if c.value != _ELIDED
    ]


#: (markdown9) Parts said to travel apart, not to stay behind: "they're coming separately",
#: "a split shipment". "Will ship separately", "to follow separately" still wait.
_APART = compile_pattern(
    r"\b(?:split (?:shipment|delivery)|(?:coming|travell?ing|arriving) separately)\b"
)
#: The parts together as the subject: "they're coming separately", "both are".
_ALL_PARTS = compile_pattern(r"\b(?:they|they're|theyre|both|all|each)\b")


def _all_gone_apart(doc: Document, claims: list[Claim]) -> list[Claim]:
    """An order whose parts travel apart, every part told gone and none still here ("Both
    parts are on their way — they're coming separately"), is shipped: the partial shipment
    its "separately" reads is no part staying behind."""
    out = []
    for claim in claims:
        if claim.value == _PARTIAL and _every_part_apart(doc, claim):
            group = [c for c in claims if c.subject == claim.subject and c is not claim]
            gone = [c for c in group if c.value in (_SHIPPED, _DELIVERED)]
            waiting = [
                w
                for w in _waiting_parts(doc)
                if not _APART.search(doc.clause_text(doc.clause_at(w)))
            ]
            if gone and not any(c.value in _HERE for c in group) and not waiting:
                out.append(Claim(claim.kind, _SHIPPED, claim.span, claim.subject, claim.hedged))
                continue
        out.append(claim)
    return out


def _every_part_apart(doc: Document, claim: Claim) -> bool:
    """The partial shipment is read from parts said to travel apart, and what travels is every
    part ("they're coming separately"), or the whole ("a split shipment"), not one part named
    ("the Wheelbarrow's coming separately")."""
    if _APART.search(doc.masked, *claim.span) is None:
        return False
    clause = doc.clause_at(claim.span[0])
    if any(
        m.type is SubjectType.ITEM and clause.start <= m.start < clause.end for m in doc.mentions
    ):
        return False
    return "split" in doc.masked[claim.span[0] : claim.span[1]] or bool(
        _ALL_PARTS.search(doc.masked, clause.start, claim.span[1])
    )


def _to_come(doc: Document) -> bool:
    """A clause says a part of the order is still due to arrive; a part's line counts whole
    ("- Parcel 2 (Fire Pit) — arriving Friday": its clauses split at the dash)."""
    for clause in doc.clauses:
        start = clause.start
        item = doc.layout.item_at(start) if doc.layout is not None else None
        if item is not None:
            start = max(item.start, doc.masked.rfind("\n", 0, clause.start) + 1)
        said = _TO_COME.search(doc.masked, start, clause.end) or _TO_COME_LINE.search(
            doc.masked, start, clause.end
        )
        if said and _part_of(doc, clause.start):
            return True
    return False


def _delivered_part(doc: Document, group: list[Claim]) -> list[Claim]:
    """One sentence says the order was delivered and is still on its way ("the grinder was
    delivered on 2 Dec, but the cups are still in transit"): the delivery was a part's, and
    the order, every part gone and not every part there, is shipped."""
    still = {
        doc.sentence_at(c.span[0])
        for c in group
        if c.value == _SHIPPED and _STILL.search(doc.clause_text(doc.clause_at(c.span[0])))
    }
    if not still:
        return group
    return [c for c in group if c.value != _DELIVERED or doc.sentence_at(c.span[0]) not in still]


def _spread(doc: Document, claims: list[Claim]) -> list[Claim]:
    """A status said of the orders together before any is named ("Both of your orders are on
    their way. ORD-1 …", "both sent ✅ ORD-1 arr tmrw, ORD-2 arr sat") is every order's the
    answer names: "both" of two, "all of them" of any number."""
    orders = list(
        dict.fromkeys(m.subject for m in doc.mentions if m.type is SubjectType.ORDER and m.subject)
    )
    if len(orders) < 2 or not any(map(doc.masked.__contains__, ("both", "all"))):
        return claims
    out: list[Claim] = []
    for claim in claims:
        clause = doc.clause_at(claim.span[0])
        plural = _PLURAL.search(doc.masked, clause.start, claim.span[1])
        named = any(
            m.type in _IDS and clause.start <= m.start < claim.span[0] for m in doc.mentions
        )
        if plural is None or named or (plural.group().startswith("both") and len(orders) != 2):
            out.append(claim)
            continue
        out.extend(Claim(claim.kind, claim.value, claim.span, o, claim.hedged) for o in orders)
    return out


#: A table column whose header names an order's state ("| Status |", "| Stage |").
_STATUS_HEADER = compile_pattern(r"(?:order |current )?(?:status|stage|state|progress)")
#: A state cell of such a column in one word or two, as a model fills it: data, one place.
#: Only the words the phrase rules leave to a "Status:" label ("Preparing", "Confirmed").
_CELL_STATES = {
    **dict.fromkeys(("preparing", "packing", "picking", "being packed", "being prepared",
                     "processing"), _PROCESSING),
    **dict.fromkeys(("confirmed", "placed", "order placed", "awaiting payment"),
                    _PENDING),
}  # fmt: skip
_CELL_STATE = compile_pattern(
    r"[^\w\n|]*(?P<state>" + "|".join(sorted(_CELL_STATES, key=len, reverse=True)) + r")\W*"
)


def _status_cells(doc: Document, hits: list[Hit]) -> list[Hit]:
    """States told in a table's status column ("| ORD-1 | 5 Dec | Preparing |"), which the
    phrase rules read only behind a "Status:" label; a cell a phrase already read is left."""
    found = []
    masked = doc.masked
    for line in _TABLE_LINE.finditer(masked):
        cells = header(masked, line.start() + 1)
        if not cells or not any(map(_STATUS_HEADER.fullmatch, cells)):
            continue
        offset = line.start()
        for index, cell in enumerate(masked[line.start() : line.end()].split("|")):
            if index < len(cells) and _STATUS_HEADER.fullmatch(cells[index]):
                match = _CELL_STATE.fullmatch(cell)
                if match is not None:
                    start = offset + match.start("state")
                    end = offset + match.end("state")
                    if not any(h.start < end and start < h.end for h in hits):
                        found.append(
                            Hit(start, end, _CELL_STATES[match["state"]], doc.clause_at(start))
                        )
            offset += len(cell) + 1
    return found


_TABLE_LINE = compile_pattern(r"(?m)^[^\S\n]*\|[^\n]*")
#: (markdown9) A table's column named by an order's stage: its ticked cells.
_STAGE_COLUMNS = {
    "shipped": _SHIPPED,
    "dispatched": _SHIPPED,
    "sent": _SHIPPED,
    "delivered": _DELIVERED,
    "arrived": _DELIVERED,
}


def _ticked(doc: Document, claims: list[Claim]) -> list[Claim]:
    """A table whose columns name stages ("| Order | Delivered |" / "| ORD-1 | ✅ 4 Dec |"): a
    header claims nothing, and each row's tick under a stage's column is that row's order's
    stage (a row naming an item is a part of the order)."""
    kept = [c for c in claims if not in_header_row(doc.masked, c.span[0])]
    if not doc.order_context:
        return kept
    for start, end, value in ticked_cells(doc.masked, _STAGE_COLUMNS):
        for subject in resolve(doc, ClaimKind.ORDER_STATUS, start, end):
            kept.append(Claim(ClaimKind.ORDER_STATUS, value, (start, end), subject))
    return sorted(kept, key=_SPAN_START)


@EXTRACTORS.register(ClaimKind.ORDER_STATUS)
def extract_order_status(doc: Document) -> list[Claim]:
    """The order claims of the answer, read once: delivery dates ask for them again."""
    known = doc.memo.get(_MEMO)
    if not isinstance(known, list):
        known = doc.memo[_MEMO] = _read_order_status(doc)
    return list(known)


_MEMO = "order_status"
_KIND = ClaimKind.ORDER_STATUS


def _read_order_status(doc: Document) -> list[Claim]:
    vocabulary = doc.context.vocabulary.rules_for(ClaimKind.ORDER_STATUS)
    table = (_STRONG, _AMBIGUOUS if _about_orders(doc) else EMPTY, vocabulary)
    hits = [
        hit
        for hit in scan(doc, *table, kind=_KIND)
        if _on_topic(doc, hit)
        and not ("|" in doc.masked and step_not_done(doc.masked, hit.start, hit.end))
        and not (doc.layout is not None and to_do(doc, hit.start))
    ]
    if "|" in doc.masked and doc.order_context:
        hits += [hit for hit in _status_cells(doc, hits) if _on_topic(doc, hit)]
    if not hits:
        return []
    claims = carry_over(doc, ClaimKind.ORDER_STATUS, claims_of(doc, ClaimKind.ORDER_STATUS, hits))
    if "|" in doc.masked:
        claims = _ticked(doc, claims)
    claims = _spread(doc, _as_a_whole(doc, _all_gone_apart(doc, claims)))
    if not claims:
        return []
    claims = supersede(claims, _ORDER_OF_STAGES, lambda c: doc.sentence_at(c.span[0]).start)
    # An order without a name may be another one in each sentence: only named ones go whole.
    claims = supersede(
        claims, _HISTORY, lambda c: None if c.subject else doc.sentence_at(c.span[0]).start
    )
    return supersede(supersede(claims, _PARTIAL_ABSORBS), _NOT_SHIPPED_ABSORBED)
