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


#: Being made ready at the shop: the order is processing.
PREPARING = (
    "prepare", "prep", "pick", "pack", "package", "process", "assemble", "ready", "fulfil",
    "box up", "wrap",
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
#: "With", and its chat form ("w/ courier", "back w/ us").
WITH = r"(?:with|w/)"
#: A sentence about the shop's own stock arriving ("back in stock", "our next delivery", "10 of
#: them came back in"), not about a customer's parcel: no delivery date and no order status.
RESTOCK = (
    r"\b(?:re-?stock\w*|back in stock|into stock|expected back|due back|available again"
    r"|more to arrive|more (?:of (?:the |those |these |them )?)?(?:\w+ )?(?:(?:are|is) )?"
    r"(?:due|expected|coming|arriving)"
    r"|(?:stock|batch|consignment) (?:is|are) (?:due|expected|coming|arriving)"
    r"|(?:new|fresh) (?:batch|stock|consignment)"
    r"|c(?:o|a)m(?:e|es|ing) back(?: in\b|(?! (?:to|with) (?:us|you|u)\b))"
    r"|(?:our|the) next (?:delivery|shipment|batch|consignment)"
    r"|we(?:'ve|'re|'ll| are| have| had)?\s+(?:\w+\s+)?(?:had|having|getting|got|due|expecting"
    r"|awaiting)\s+(?:a|an|another|some|more)(?: \w+)? (?:delivery|deliveries|shipment|batch"
    r"|consignment|stock))\b"
)
#: The places an order waits in before it leaves.
PREMISES = r"(?:warehouse|fulfil?ment cent(?:re|er)|distribution cent(?:re|er))"
#: Who carries a parcel once it has left.
CARRIERS = (
    r"(?:courier|carrier|driver|postman|postie|dhl|ups|usps|dpd|fedex|royal mail|parcelforce"
    r"|evri|hermes|yodel|gls|postnl|the post office|amazon logistics|ontrac|canada post)"
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
#: Who at a shop a case goes to, as the head noun of "a colleague in dispatch", "our billing
#: department", "the returns lot".
STAFF = (
    r"(?:representative|representatives|rep|reps|member|members|specialist|specialists|agent"
    r"|agents|colleague|colleagues|advisor|advisors|adviser|advisers|manager|managers|supervisor"
    r"|supervisors|team leader|team lead|team|teams|department|dept|desk|people|lot|staff|human"
    r"|humans|bods"
    r"|person|expert|experts|folks|guys|lads|crew)"
)

#: The account the customer is using, named without "your": "the account you're signed in to",
#: "this login". A record that is not on it is someone else's.
THIS_ACCOUNT = (
    r"(?:the (?:account|acct|login|profile|email) (?:you're|you are|youre|u r|ur) (?:signed in"
    r" (?:to|with|as)|logged in (?:to|with|as)|signed into|logged into|using|chatting from)"
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
#: The words of "no idea": "haven't got a scooby", "not the foggiest", "no clue".
CLUELESS = r"(?:idea|clue|scooby|foggiest|faintest|notion)"
#: What a screen or system does when it will not answer: "it just errors", "keeps timing out".
FAILING = ("error", "crash", "freeze", "hang", "glitch", "time out", "lag", "stall", "spin")
