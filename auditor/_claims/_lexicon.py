"""Verbs by their lemma: every inflected form of a verb as one pattern group, and the synonym
classes the order, return and refund tables share.

A phrase rule written for "ship" should read "ships", "shipped" and "shipping" alike; writing
each form by hand in every rule is how rules come to know "dispatched" but not "dispatching".
`forms("leave")` spells out "leave|leaves|left|leaving" once, from a small table of irregular
verbs and the regular English endings. Classes are data: a verb joins a meaning ("the parcel
has left us") by being listed in its class, and every rule written over the class reads it.
"""

from __future__ import annotations

from functools import cache

#: lemma -> (past, past participle) for the verbs whose past is not "-ed".
_IRREGULAR = {
    "send": ("sent", "sent"),
    "go": ("went", "gone"),
    "leave": ("left", "left"),
    "get": ("got", "got|gotten"),
    "come": ("came", "come"),
    "take": ("took", "taken"),
    "give": ("gave", "given"),
    "put": ("put", "put"),
    "hold": ("held", "held"),
    "pay": ("paid", "paid"),
    "make": ("made", "made"),
    "have": ("had", "had"),
    "ring": ("rang", "rung"),
    "write": ("wrote", "written"),
    "say": ("said", "said"),
    "set": ("set", "set"),
    "freeze": ("froze", "frozen"),
    "hang": ("hung", "hung"),
    "spin": ("spun", "spun"),
}
#: Verbs that double their last consonant before "-ed" and "-ing" (ship, shipped, shipping).
_DOUBLING = frozenset(
    [
        "ship",
        "drop",
        "stop",
        "top",
        "scrap",
        "put",
        "get",
        "pop",
        "prep",
        "wrap",
        "flag",
        "log",
        "submit",
        "set",
        "spin",
        "lag",
        "transfer",
        "refer",
        "fulfil",
        "commit",
    ]
)
_VOWELS = frozenset("aeiou")


def _inflect(lemma: str) -> tuple[str, ...]:
    """The lemma, its third person, past, past participle and present participle, each once."""
    third, pasts, ing = _principal(lemma)
    return tuple(dict.fromkeys([lemma, third, *pasts, ing]))


def _principal(lemma: str) -> tuple[str, tuple[str, ...], str]:
    """The third person, the past and past participle forms, and the present participle.

    Kept apart rather than cut from `_inflect`'s list: where forms coincide ("put", "set")
    that list is shorter, and its past forms cannot be found by position."""
    stem = lemma + lemma[-1] if lemma in _DOUBLING else lemma
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    if lemma.endswith("e") and lemma != "be":
        past, ing = lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    else:
        past, ing = stem + "ed", stem + "ing"
    participle = past
    if lemma in _IRREGULAR:
        past, participle = _IRREGULAR[lemma]
    return third, (past, *participle.split("|")), ing


@cache
def forms(*lemmas: str) -> str:
    """A non-capturing group of every form of every lemma ("a b" for a phrasal verb inflects
    its first word), longest first so that the regex prefers "shipping" to "ship"."""
    spelt: list[str] = []
    for lemma in lemmas:
        head, _, rest = lemma.partition(" ")
        spelt.extend(f"{form} {rest}".strip() for form in _inflect(head))
    ordered = sorted(dict.fromkeys(spelt), key=len, reverse=True)
    return "(?:" + "|".join(ordered) + ")"


@cache
def past(*lemmas: str) -> str:
    """The past and past participle forms only ("left", "sent", "shipped")."""
    found: list[str] = []
    for lemma in lemmas:
        head, _, rest = lemma.partition(" ")
        found.extend(f"{form} {rest}".strip() for form in _principal(head)[1])
    return "(?:" + "|".join(sorted(dict.fromkeys(found), key=len, reverse=True)) + ")"


#: The shop's own store of goods, in the words shops use for it: a rule that knows
#: "warehouse" reads "fulfilment centre" and "distribution center" with it.
WAREHOUSE = r"(?:warehouse|fulfill?ment cent(?:re|er)|distribution cent(?:re|er))"
#: Being made ready at the shop: the order is processing.
PREPARING = (
    "prepare", "prep", "pick", "pack", "package", "process", "assemble", "ready", "fulfil",
    "box up", "wrap", "gather", "box", "stage",
)  # fmt: skip


@cache
def ing(*lemmas: str) -> str:
    """The present participle only ("packing", "boxing up")."""
    found = []
    for lemma in lemmas:
        head, _, rest = lemma.partition(" ")
        found.append(f"{_inflect(head)[-1]} {rest}".strip())
    return "(?:" + "|".join(sorted(dict.fromkeys(found), key=len, reverse=True)) + ")"


#: "Payment" as chat writes it too ("held til pmt clears").
PAYMENT = r"(?:payment|pmt|pymt|paymt)"
#: Who or what an order's payment waits on: "waiting on the bank transfer", "until PayPal
#: releases the funds", "the card payment hasn't cleared".
PAYING = (
    r"(?:payment|pmt|pymt|paymt|funds|bank transfer|transfer|bank|card issuer|card|paypal"
    r"|klarna|clearpay|afterpay)"
)
#: Carriers by name, without the generic "courier" or "driver": a place or a vehicle after one
#: is the carrier's ("the USPS facility", "a FedEx truck"), never the shop's.
CARRIER_LIST = (
    "dhl", "ups", "usps", "dpd", "fedex", "royal mail", "parcelforce", "evri", "hermes", "yodel",
    "gls", "postnl", "inpost", "ontrac", "canada post", "amazon logistics", "australia post",
)  # fmt: skip
CARRIER_NAMES = "(?:" + "|".join(CARRIER_LIST) + ")"
#: A carrier collecting a parcel from the shop: "awaiting courier collection", "this
#: afternoon's pickup", "the van".
COLLECTION = (
    rf"(?:(?:courier|carrier|driver|{CARRIER_NAMES[3:-1]})(?:'s)? )?"
    r"(?:collection|pick-?up|pickup|van)"
)
#: Where a carrier holds a parcel between the shop and the door: its depots and hubs, a sort
#: centre however shortened ("at sort centre", "DHL Sort Facility"), and a place named after
#: the carrier ("the USPS facility in Dallas").
CARRIER_PLACES = (
    r"(?:depot|hub|sort(?:ing)? (?:office|centre|center|facility|hub|ctr|cntr|ctre)"
    r"|delivery (?:office|depot|hub|station)"
    rf"|{CARRIER_NAMES}(?:'s)? (?:[\w-]+ )?(?:facility|station|terminal|network|sort \w+))"
)
#: Where a carrier leaves a parcel it delivers: "left with your neighbour", "left in the
#: InPost locker", "left with the front desk". A parcel left there has been delivered.
#: Leaving a parcel somewhere, however said: "left it in the porch", "popped it in your safe
#: place", "tucked behind the bin".
LEFT_AT = r"(?:left|popped|placed|put|tucked|hidden|stashed)"
DROP_PLACES = (
    r"(?:neighbou?rs?|porch|safe place|door|front door|back door|doorstep|step|reception|mailbox"
    r"|letterbox|bin|garage|shed|gate|locker|parcel locker|front desk|concierge|mail ?room"
    r"|post ?room|parcel shop)"
)
#: Parcels and the parts of an order, chat forms included ("1 of 2 pkgs sent").
PARCELS = r"(?:parcels?|packages?|pkgs?|pckgs?|boxes|box|bits|shipments?|items?|products?|things)"
#: A part of an order named by its place among the parts, its number or a share of the whole
#: ("the second parcel", "Shipment 2", "one of the items", "the other"): an answer that tells
#: an order part by part.
ORDER_PARTS = (
    r"\b(?:first|second|third|fourth|1st|2nd|3rd|other|another|rest|remaining|remainder|half"
    r"|part|parts|bits?|last (?:one|parcel|box|item|package|bit)"
    r"|(?:parcel|package|box|shipment|delivery|consignment)s? (?:\d+|[a-d]|one|two|three)"
    r"|(?:some|one|two|three|\d+|most|all but one) of)\b"
)
#: "And" as chat writes it too ("picked n packed").
AND = r"(?:and|&|\+|n|'n'|'n)"
#: A parcel the carrier brought back, not a customer's return: refused, undeliverable.
BOUNCED = (
    r"\b(?:refused (?:at|on) (?:the )?(?:door|doorstep|step|delivery)|refused delivery"
    r"|returned to (?:sender|us by the (?:courier|carrier))|undelivered|undeliverable"
    r"|could(?:n't| not) (?:be )?deliver(?:ed)?)"
)
#: "With", and its chat form ("w/ courier", "back w/ us").
WITH = r"(?:with|w/)"
#: "With" as chat also writes it, slash dropped ("back w us", "still w finance").
WITH_CHAT = r"(?:with|w/|w)"
#: (syn10) Who makes or sells the shop its stock, one at a time: "the wholesaler's sending
#: more" is "the supplier's sending more". One list for every rule of stock coming in
#: (`SUPPLIERS` adds plurals and looser words: a "brand", a "mill").
SUPPLIER_WORDS = (
    "supplier", "manufacturer", "maker", "factory", "vendor", "distributor", "wholesaler",
)  # fmt: skip
SUPPLIER = "(?:" + "|".join(SUPPLIER_WORDS) + ")"
#: A sentence about the shop's own stock arriving ("back in stock", "our next delivery", "10 of
#: them came back in"), not about a customer's parcel: no delivery date and no order status.
RESTOCK = (
    r"\b(?:re-?stock\w*|replenish\w*|back in stock|into stock|expected back|due back"
    r"|available again"
    r"|more to arrive|more (?:of (?:the |those |these |them )?)?(?:\w+ )?(?:(?:are|is) )?"
    r"(?:due|expected|coming|arriving)"
    r"|(?:stock|batch|consignment) (?:is|are) (?:due|expected|coming|arriving)"
    # Not a new date for the customer's delivery: "the new delivery estimate is Friday".
    r"|(?:new|fresh) (?:batch|stock|consignment|shipment|delivery)"
    r"(?! (?:estimate|date|eta|window|slot|time|day)\b)"
    r"|c(?:o|a)m(?:e|es|ing) back(?: in\b|(?! (?:to|with) (?:us|you|u)\b))"
    r"|(?:our|the) next (?:delivery|shipment|batch|consignment)"
    r"|we(?:'ve|'re|'ll| are| have| had)?\s+(?:\w+\s+)?(?:had|having|getting|got|due|expecting"
    r"|await|awaiting|waiting on|waiting for)\s+(?:a|an|another|some|more)(?: \w+)? (?:delivery"
    r"|deliveries|shipment|batch"
    r"|consignment|stock)"
    # The shop's own goods coming in: "they're due into the warehouse on the 2nd", "there's a
    # delivery booked in for Thursday" (of an item out of stock).
    rf"|(?:due|expected|arriving|coming) (?:in)?to (?:the |our )?(?:{WAREHOUSE}|stock|dc)"
    # (markdown9) "the reprint is due in our warehouse on 14 January".
    rf"|(?:due|expected|arriving|landing) (?:in|at) (?:the |our )?(?:{WAREHOUSE}|dc|stockroom)"
    r"|(?:the |a |our )?(?:reprint|re-?run|new print run)\b"
    r"|(?:there's|there is|we've got|we have) (?:a|another) (?:\w+ )?(?:delivery|shipment)"
    r" (?:booked|due|coming|expected|scheduled|arriving)"
    # An agent's purchase order and stock booked in: "next PO is due in on the 15th", "30 due
    # in on the 14th".
    r"|(?:next|new|open|outstanding) (?:po|p\.o\.|purchase order)|next (?:lot|batch|load)"
    r"|\d+ (?:more )?(?:due|expected|booked|coming) in (?:on|from|for|next|this)"
    # The shop's supplier delivering to it (agent7): "next delivery from the supplier is the
    # 18th".
    r"|(?:next|another|new) (?:delivery|shipment|batch|consignment|load) (?:from|off)"
    rf" (?:the |our )?(?:{SUPPLIER[3:-1]}|brand)s?"
    # "the supplier's got a batch landing on the 21st".
    rf"|{SUPPLIER}(?:'s| has| have| is| are)? (?:got |sending |shipping )?"
    r"(?:a|an|another|some|more) (?:\w+ )?(?:batch|delivery|shipment|consignment|load)"
    # (dates8) Goods coming to the shop: "**Next delivery to us:** 18 December", "should be
    # landing back with us next Tuesday".
    r"|(?:delivery|deliveries|shipment|consignment|batch) (?:in)?to us"
    r"|(?:land|lands|landing|arriving|due) back (?:with|to|at) us"
    # (formal9) The shop's goods from the one who makes them: "a shipment from our supplier".
    rf"|(?:delivery|deliveries|shipment|consignment|batch|stock) from (?:the |our )?{SUPPLIER}s?"
    # (agent9) A batch arriving, and the supplier's own delivery: "the first batch lands with
    # us on the 30th", "the supplier's delivery came in this morning".
    r"|(?:batch|consignment|pallet)e?s? (?:lands?|landing|arrives?|arriving|gets? in|comes? in"
    r"|came in|is due|are due|due)"
    rf"|{SUPPLIER}(?:'s|s') (?:delivery|shipment|batch"
    r"|consignment|order|lorry|van))\b"
)
#: What a shop sells, as a whole: "not part of our range", "outside our product assortment".
CATALOGUE = (
    r"(?:range|line|line-?up|collection|catalogue|catalog|selection|assortment|product list"
    r"|products|offering|offerings|inventory|store|shop|listings)"
)
#: Making new stock arrive: "restocked", "replenishing", "a replenishment shipment".
RESTOCKING = ("restock", "re-stock", "replenish", "top up")
#: Stock arriving, as a noun: "a fresh batch", "new inventory", "the next delivery".
INCOMING = (
    r"(?:batch|batches|stock|delivery|deliveries|shipment|shipments|consignment|inventory|supply"
    r"|supplies|units|load|lot|replenishment)"
)

#: The places an order waits in before it leaves.
PREMISES = rf"(?:{WAREHOUSE[3:-1]}|wh|whse|w/h)"
#: Who carries a parcel once it has left.
CARRIERS = (
    r"(?:courier|carrier|driver|postman|postie|dhl|ups|usps|dpd|fedex|royal mail|parcelforce"
    r"|evri|hermes|yodel|gls|postnl|the post office|amazon logistics|ontrac|canada post"
    # Named in full, as a formal answer does: "the United States Postal Service".
    r"|(?:united states |u\.s\. |us )?postal service)"
)

#: Reaching a customer, by any channel: "someone will ring you", "they'll txt u back",
#: "please email us", "try calling the store". A hand-off is one of these said of someone else.
CONTACTING = (
    "contact",
    "call",
    "ring",
    "phone",
    "email",
    "e-mail",
    "text",
    "txt",
    "message",
    "msg",
    "dm",
    "write to",
    "reply to",
    "get back to",
    "come back to",
    "reach out to",
    "follow up with",
    "speak to",
    "talk to",
    "get in touch with",
)
#: (syn10) A group of the shop's people, in each of its names: "the returns department" is
#: "the returns team". One list for the rules that name a group by its work.
TEAM = r"(?:team|department|dept)"
#: (syn10) The shop promising an act, as one agent or as the shop: "I'll ask the buyer and
#: come back to you" is "we'll ask the buyer …". One list for the rules of a promised hand-off.
SHOP_WILL = "(?:i'll|i will|we'll|we will)"
#: Handing a case on to someone else: "passed ur query to billing", "logged this with the
#: returns team", "I'll send this up to my manager".
HANDING_ON = (
    "pass",
    "hand",
    "forward",
    "send",
    "transfer",
    "escalate",
    "refer",
    "log",
    "raise",
    "flag",
    "put",
    "move",
    "route",
    "bounce",
    "push",
    "kick",
    "report",
    "submit",
    "bump",
    "relay",
    "assign",
    "lodge",
    "share",
)
#: Asking around before answering: "I'll ask the buyer", "let me chk w/ the warehouse", "I'll
#: have a word with the returns lot". Followed by a promise to come back, the answer waits on
#: someone else: a hand-off.
ASKING_AROUND = (
    "ask",
    "check",
    "chk",
    "check with",
    "chase",
    "speak to",
    "speak with",
    "talk to",
    "have a word with",
    "have a quick word with",
    "have a chat with",
    "find out",
    "enquire",
    "look into",
    "query",
)
#: Who at a shop a case goes to, as the head noun of "a colleague in dispatch", "our billing
#: department", "the returns lot".
STAFF = (
    r"(?:representative|representatives|rep|reps|member|members|specialist|specialists|agent"
    r"|agents|colleague|colleagues|advisor|advisors|adviser|advisers|manager|managers|supervisor"
    r"|supervisors|team leader|team lead|team|teams|department|dept|desk|people|lot|staff|human"
    r"|humans|bods"
    r"|person|expert|experts|folks|guys|lads|crew)"
)

#: A refund by any of its names: chat's "rfnd", a "reimbursement", "store credit" or a "credit"
#: (a credit card is set aside where a phrase is settled). Refund rules open on this class.
REFUND = r"(?:refund|rfnd|refnd|reimbursement|store credit|credit)"
#: (syn10) "Refund" as a countable noun only, in each of its words ("a reimbursement", "your
#: rfnd"): where a rule's noun cannot be a credit ("eligible for a refund", "issue a refund").
#: One list for every such rule, so that none knows "refund" alone.
REFUND_WORDS = ("refund", "rfnd", "refnd", "reimbursement")
REFUND_NOUN = "(?:" + "|".join(REFUND_WORDS) + ")"
#: Arriving, said of a parcel coming back to the shop ("turned up back at ours", "came in to
#: the warehouse", "landed with us"); past forms only: "it should arrive" has not arrived.
#: Arriving, said of any parcel reaching a place: "arrived", "turned up", "showed up",
#: "landed" ("RMA-1 landed yesterday", "ORD-1 turned up at the depot").
LANDING = ("arrive", "turn up", "show up", "land")
ARRIVING = (*LANDING, "come in", "come through", "make it")
#: Saying yes to a return: "granted", "authorised", "signed off".
APPROVING = ("approve", "authorise", "authorize", "accept", "grant", "okay", "sign off")
#: Said yes to, as a participle, with chat's spellings: "approved", "granted", "signed off",
#: "ok'd". One list for every rule of a return or refund approved, so that none knows
#: "approved" alone (`benchmarks/claims_synonyms.py` finds rules that do).
APPROVED = past(*APPROVING)[:-1] + "|ok'd|okd|oked)"
#: Arrived, in each word of `LANDING`: one list for every rule of a parcel that got somewhere.
LANDED = past(*LANDING)
#: (syn10) Sending an order on its way from the shop, in the words shops use for it.
SHIPPING = ("ship", "dispatch", "despatch", "send out")
#: Sent on its way, as a participle: "has been sent out", "will be despatched tomorrow". One
#: list for every rule of an order sent or to be sent, so that none knows "dispatched" alone.
SHIPPED = past(*SHIPPING)
#: Where a returned parcel arrives: us, ours, the warehouse, our returns centre, the depot.
RETURNS_PLACE = (
    rf"(?:us|ours|(?:our |the )?(?:\w+ )?(?:{WAREHOUSE}|facility|returns? cent(?:re|er)|depot"
    r"|returns? department|returns? team"
    # Where an agent's screen says it was booked in: "the returns bay", "the DC".
    r"|returns? (?:bay|dock|desk|hub)|dc))"
)
#: Looking a returned item over, which happens only once it is back: the return is received.
ASSESSING = (
    "assess", "inspect", "check", "check over", "test", "evaluate", "examine", "look over",
    "go through", "go over",
)  # fmt: skip
#: Starting something that is not done yet: a refund "started", "initiated", "kicked off".
STARTING = ("start", "initiate", "kick off", "begin", "trigger")
#: A possessive before where refunded money lands, as chat writes it too ("2 ur card").
WALLET = (
    r"(?:(?:your|the|ur|you|yr|ya)(?: \w+){0,2} )?(?:card|account|acct|bank|payment method|original"
    r" payment|form of payment|method of payment|visa|mastercard|amex|paypal|debit card"
    r"|credit card)"
)


def separable(verb: str, particle: str) -> str:
    """Every form of a phrasal verb with its object inside it or after it: "turned the return
    down", "knocked it back", "turned down". A short object only: a pronoun, an id or a noun
    with its article."""
    inside = r"(?: (?:it|them|this|that|this one|that one|xx+|(?:the|your|ur|this|that) \w+))?"
    return f"{forms(verb)}{inside} {particle}"


#: The account the customer is using, named without "your": "the account you're signed in to",
#: "this login". A record that is not on it is someone else's.
THIS_ACCOUNT = (
    r"(?:the (?:account|acct|login|profile|email) (?:you're|you are|youre|u r|ur) (?:signed in"
    r" (?:to|with|as)|logged in (?:to|with|as)|signed into|logged into|using|chatting from"
    r"|messaging from|messaging us from|contacting us from|writing from)"
    r"|this (?:account|acct|login|profile))"
)
#: Whom a record belongs to, when it is not the customer: "only the account holder", "the
#: customer who placed it", "whoever made the order".
ACCOUNT_HOLDER = (
    r"(?:(?:account|acct|acc) (?:holder|owner)s?|(?:customer|person|people|one|ones|individual"
    r"|member) who"
    r" (?:placed|made|ordered|owns?|bought|raised)|whoever (?:placed|made|ordered|owns?|bought"
    r"|raised))"
)
#: Anyone but the customer, to whom a shop does not disclose: "third parties", "anyone else".
THIRD_PARTIES = (
    r"(?:third parties|third-parties|a third party|anyone else|anybody else|anyone other than"
    r"|anyone but|other (?:customers|people|ppl|users|shoppers)|family members|relatives)"
)
#: The people a customer asks for ("my wife's order"), whose records are not the customer's.
RELATIONS = (
    r"(?:sister|brother|mum|mom|mother|dad|father|partner|husband|wife|son|daughter|friend"
    r"|flatmate|roommate|neighbour|neighbor|colleague|boss|boyfriend|girlfriend|gran|grandma"
    r"|grandad|grandpa|nan|aunt|uncle|cousin|fiance|fiancee|fiancé|fiancée|spouse|parents?"
    r"|other half|housemate|mate)"
)
#: The words of "no idea": "haven't got a scooby", "not the foggiest", "no clue".
CLUELESS = r"(?:idea|clue|scooby|foggiest|faintest|notion)"
#: What a screen or system does when it will not answer: "it just errors", "keeps timing out".
FAILING = ("error", "crash", "freeze", "hang", "glitch", "time out", "lag", "stall", "spin")
#: (syn10) The desk that pays money out, in each of its names: a refund "with billing" is a
#: refund "with finance".
MONEY_DESKS = ("finance", "accounts", "payments", "billing")
MONEY_DESK = "(?:" + "|".join(MONEY_DESKS) + ")"
#: Desks named by their work, to which a case is handed: "passed to Jess in logistics".
DESKS = (
    rf"(?:logistics|{MONEY_DESK[3:-1]}|dispatch|returns|complaints|ops|operations"
    rf"|warranty|claims|trade|customer care|customer services?|support|the {WAREHOUSE}"
    r"|(?:the |our )?[\w-]+ (?:team|desk|department|dept))"
)
#: Who answers for what the shop does not: the carrier, the maker, the marketplace seller; an
#: answer that sends the customer to them ("give DPD a call") is a hand-off.
THIRD_PARTY = rf"(?:{CARRIERS}|manufacturer|maker|brand|seller|supplier|marketplace seller|vendor)"

#: Words that name a variant of an item rather than the item: its colours (with their chat
#: spellings) and the words for a finish or a size. "The red finish is sold out" and "cream's
#: sold out" speak of one variant of an item that is in stock in others.
VARIANT_WORDS = (
    "black", "blk", "white", "wht", "red", "green", "grey", "gray", "silver", "gold", "navy",
    "cream", "sand", "sage", "pink", "yellow", "orange", "purple", "beige", "charcoal", "teal",
    "olive", "ivory", "khaki", "colour", "color", "colours", "colors", "colourway",
    "colourways", "colorway", "colorways", "finish", "finishes", "shade", "shades", "size",
    "sizes", "small", "medium", "xs", "xxl", "petite",
    # (formal9) Bed sizes and lengths: "the king size is out", "the 84-inch length".
    "king", "queen", "double", "length", "lengths",
)  # fmt: skip
#: Not able to, in every spelling chat and prose use: "can't", "cant", "unable to", "won't be
#: able to". A refusal of the act that follows it.
CANNOT = (
    r"(?:can't|cant|cannot|can not|unable to|not able to|couldn't|couldnt|could not"
    r"|won't be able to|wont be able to|will not be able to|not in a position to)"
)

#: Setting stock aside for someone else, as a verb: stock "allocated to orders", "reserved for
#: existing customers", "showing as committed" is on the shelf but not for sale.
ALLOCATING = ("allocate", "reserve", "commit", "promise", "earmark")
#: Who at a shop may be "available" (to talk, to help): said of them, the word is no stock.
#: (Kept apart from `STAFF`, whose "lot" and "desk" stand in stock phrases: "a lot available".)
STAFF_AVAILABLE = (
    r"(?:associates?|representatives?|reps?|specialists?|advis[oe]rs?|colleagues?|staff"
    r"|managers?|supervisors?|experts?|humans?|persons?|people|someone|somebody|agents?"
    r"|operators?|members? of (?:the |our )?(?:\w+ )?team|team members?)"
)
#: Where stock is kept, as agents shorten it: "4 at DC", "x 40 in wh".
STOCK_PLACES = r"(?:dc|d\.c\.|wh|whse|w/h)"
#: Where an agent reads stock: "showing zero on my end", "reads none on the stock page".
ON_SCREEN = r"on (?:my|our|the) (?:[\w-]+ )?(?:end|side|screen|system|page|report|sheet)"
#: The shop supplying an item, as a verb phrase: "fulfil orders for", "send out", "take orders
#: on". Said as what the shop cannot do, it is stock it has none of (`_capability`).
FULFILLING = (
    r"(?:fulfil+|supply|send(?: out)?|ship|dispatch|despatch|sell|offer|provide"
    r"|(?:fulfil+|take|accept|process|place) (?:any |new |further )?orders? (?:for|on|of)"
    # Getting it in from the maker: "unable to get hold of", "unable to replenish the X".
    r"|get hold of|source|replenish|restock|re-stock|get (?:any )?more (?:of )?)"
)
#: Who makes or sends the shop its stock: anything coming "from the supplier" is a restock.
SUPPLIERS = (
    r"(?:suppliers?|vendors?|manufacturers?|makers?|factory|factories|distributors?|wholesalers?"
    r"|mill|brand)"
)
#: A carrier's try at the door that failed, said after the carrier: "the driver couldn't get
#: into your block", "had a go at delivering", "was unable to get past the gate code". The
#: carrier holds the parcel: the order has shipped, and the try's day is no delivery.
FAILED_ATTEMPT = (
    r"(?:had a go at deliver(?:ing|y)|(?:couldn't|could not|was unable to|were unable to"
    r"|wasn't able to|weren't able to|failed to|didn't manage to|could not|couldnt) (?:get"
    r" (?:in|into|through|past|access)|gain access|access (?:your|the)|deliver))"
)
#: The carrier's next try, still to come: "will be reattempted", "they'll have another go".
NEXT_ATTEMPT = (
    r"(?:re-?attempt(?:ed|ing)?|(?:have|has|make|making) another (?:go|try|attempt)"
    r"|(?:second|2nd|next|another) (?:delivery )?attempt)"
)

#: Someone else's shop, where an answer sends the customer to buy (llm7): "at any electronics
#: store", "from other retailers", "on Amazon", "at the Mountaineering Club's official website".
#: Never the shop's own ("any of our stores", "our official website").
ELSEWHERE = (
    r"(?:(?:(?:any|other|another|various|most|many|several)(?! of (?:our|my)\b)"
    r"|(?:a |your |the )?(?:local|nearest|specialist|independent|third[- ]party))"
    r"(?: [\w-]+)? (?:stores?|shops?|retailers?|sellers?|outlets?|markets?|marketplaces?"
    r"|websites?|sites?)\b"
    r"|(?:amazon|ebay|etsy)\b"
    r"|(?:the )?(?!our |my )(?:[\w-]+ ){0,5}?[\w-]+'s official (?:website|web site|site"
    r"|store|shop|page))"
)
#: Of those, the ones that cannot be the shop's own chain (a chain has "various stores" too):
#: where "available" is someone else's stock, not the shop's.
OTHER_SELLERS = (
    r"(?:(?:other|another|third[- ]party|independent|specialist)(?: [\w-]+)? (?:stores?|shops?"
    r"|retailers?|sellers?|outlets?|marketplaces?|websites?|sites?)\b"
    r"|(?:amazon|ebay|etsy)\b"
    r"|(?:the )?(?!our |my )(?:[\w-]+ ){0,5}?[\w-]+'s official (?:website|web site|site"
    r"|store|shop|page))"
)
