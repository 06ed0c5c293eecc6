"""Stock told through what the shop can or cannot do: the formal and British retail voices.

A department store's or a high-street shop's assistant rarely says "out of stock". They say
what the shop cannot do ("we are unable to fulfill orders for the Stand Mixer at present",
"the Biscuit Tin isn't one we can send out just now", "we can't take orders for the Bread Bin
at the moment"), what the customer can do ("the Cashmere Scarf can be ordered today", "it's
yours if you want it"), and where the next stock comes from ("our next shipment from the
vendor", "waiting on the next lot from the supplier"). Each is a class of words (`FULFILLING`,
`SUPPLIERS`), not a sentence, so that wordings not seen while writing read too.

Decisions: a denial of supply counts only with a time word of the present after it ("at the
moment", "just now", "at this time"): "we can't ship the kettle to Canada" says where, not how
much. What the customer can do is weaker than any other stock phrase: it is read only for an
item no other availability claim is about, and never in an answer that names an order
("can be ordered now, ships when restocked" is a backorder; of an order, "ready for immediate
shipment" is its status).
"""

from __future__ import annotations

from auditor._claims._dispatch import RuleSet
from auditor._claims._document import Document
from auditor._claims._lexicon import CANNOT, FULFILLING, INCOMING, SUPPLIERS
from auditor._claims._model import Claim, ClaimKind
from auditor._claims._resolve import claims_of
from auditor._claims._rules import rules
from auditor._claims._scan import scan
from auditor._claims._subjects import SubjectType

_IN = "in_stock"
_OUT = "out_of_stock"
_BACK = "backorder"
_GONE = "discontinued"
#: The present, said after a denial of supply: not for good, not of a place.
_NOW = (
    r"(?: [\w-]+){0,3}? (?:at (?:the )?(?:present|moment|minute|mo|this (?:time|point))|just now"
    r"|right now|currently|for now|for the time being|presently|for the moment|as things stand"
    r"|until|till|'til|before)\b"
)
#: The item the denial is of: "orders for the Stand Mixer 900", "the Cake Tin".
_ITEM = r"(?:any |new |further )?(?:(?:the |our |this |that )?xx+|it|them|this item|these)"

_STRONG = RuleSet.of(
    rules(
        _OUT,
        # "We are unable to fulfill orders for the X at present", "can't send the X at the mo".
        rf"{CANNOT} {FULFILLING} {_ITEM}{_NOW}",
        # The time said before the denial: "we are currently unable to supply the X".
        rf"(?:currently|presently|temporarily|at present|right now|at the moment) {CANNOT}"
        rf" {FULFILLING} {_ITEM}",
        # Got out to the customer: "we can't get the Tea Tray out to anyone at the moment".
        rf"{CANNOT} (?:get|send|post) {_ITEM} out(?: to (?:\w+))?{_NOW}",
        # "The X cannot be shipped at this time".
        rf"xx+ (?:cannot|can't|cant|can not|could not|couldn't|is unable to|are unable to"
        rf"|isn't able to|aren't able to|is not able to|are not able to) be (?:ordered|purchased"
        rf"|bought|shipped|sent(?: out)?|dispatched|despatched|supplied|sold|fulfill?ed){_NOW}",
        # "It isn't one we can send out just now", "is not one we are able to ship at present".
        rf"(?:not|isn't|aren't|is not|are not) (?:one|ones|something|an item|a product)"
        rf" (?:that )?we(?:'re| are)? (?:can|could|are able to|'re able to|able to)"
        rf" {FULFILLING}(?: out)?{_NOW}",
        r"\b(?:temporarily |currently )?out of (?:inventory|supply)\b",
        r"\b(?:been |all been |all |now )?snapped up\b",
        negation=False,
    ),
    # Still to be had in a shop: "there are some in our Edinburgh shop".
    rules(
        _IN,
        r"\bsome (?:in|at) (?:our|the) (?:[\w-]+ ){0,2}?(?:shops?|stores?|branch(?:es)?)\b",
    ),
    rules(
        _BACK,
        # What comes from the maker is a restock: "our next shipment from the vendor".
        rf"\b(?:next|new|fresh|another|more) (?:\w+ )?{INCOMING}(?: \w+)? (?:from|of)"
        rf" (?:the |our )?{SUPPLIERS}",
        rf"\b(?:waiting|wait|awaiting)(?: on| for)? (?:the |a |our )?(?:next |new |fresh )?"
        rf"(?:{INCOMING} )?(?:from (?:the |our )?)?{SUPPLIERS}",
        # More said to be here by a day: "more should be with us by the 15th".
        r"\bmore (?:should|will|'ll|is due to|are due to|is expected to|are expected to)"
        r" (?:be )?(?:with us|in|here|arriving|landing|coming in) (?:by|on|from|around|next|this)"
        r" (?:the )?(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat"
        r"|sun|next|mid|early|late|end|week|tomorrow)\w*",
        # "More won't be in till the 18th": its negation is its meaning.
        r"\bbe (?:back )?in (?:until|till|'til|til|before) (?:the )?(?:\d|jan|feb|mar|apr|may|jun"
        r"|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|next|mid|early|late|end)\w*",
        negation=False,
    ),
    rules(
        _GONE,
        # "We've stopped doing the Gingham Apron", "we do not plan to reorder it".
        r"\bstopped (?:doing|selling|stocking) (?:the )?xx+",
        r"\b(?:no|not|don't|do not|have no|has no) plans? to (?:re-?order|re-?stock|replenish"
        r"|bring (?:it|them) back|carry (?:it|them) again)",
        negation=False,
    ),
)
#: The rarer words every strong phrase holds one of.
_STRONG_WORDS = frozenset(
    ["unable", "cannot", "can't", "cant", "couldn't", "able", "inventory", "supply", "snapped",
     "more",
     "shop", "shops", "store", "stores", "branch", "branches", "supplier", "suppliers", "vendor",
     "vendors", "manufacturer", "maker", "makers", "factory", "distributor", "wholesaler",
     "till", "until", "til", "'til", "stopped", "plan", "plans"]
)  # fmt: skip
_WEAK = RuleSet.of(
    rules(
        _IN,
        # What the customer can do: "can be ordered today", "you can order one now".
        r"\b(?:can|may) be (?:ordered|purchased|bought)(?: online| in[- ]store)?"
        r" (?:today|now|right now|immediately|straight away|right away)",
        r"\b(?:you can|you may|you could) (?:order|buy|purchase)(?: it| one| them| yours)?"
        r" (?:today|now|right now|straight away|right away)",
        r"\b(?:it's|it is|they're|they are) yours(?= if\b| to (?:order|buy|take home)\b"
        r"|\s*[:;,.!\u2013\u2014])",
        r"\bready for (?:immediate|same-day|same day|prompt) (?:shipment|dispatch|despatch)",
        negation=False,
    ),
)
_WEAK_WORDS = frozenset(["ordered", "purchased", "bought", "order", "buy", "yours", "ready"])


def capability_claims(doc: Document) -> list[Claim]:
    """Stock told by what the shop cannot supply or where its next stock comes from."""
    if _STRONG_WORDS.isdisjoint(doc.words.word_set):
        return []
    hits = scan(doc, _STRONG, kind=ClaimKind.AVAILABILITY)
    if not hits:
        return []
    claims = claims_of(doc, ClaimKind.AVAILABILITY, hits)
    if any(m.type is SubjectType.ORDER for m in doc.mentions):
        # Of an order, "waiting on the supplier" is its delay: only what names an item stays.
        claims = [c for c in claims if c.subject is not None]
    return claims


def offered_claims(doc: Document, taken: set[str | None]) -> list[Claim]:
    """Stock told by what the customer can do, for items no other claim is about."""
    if _WEAK_WORDS.isdisjoint(doc.words.word_set) or any(
        m.type is not SubjectType.ITEM for m in doc.mentions
    ):
        return []
    hits = scan(doc, _WEAK, kind=ClaimKind.AVAILABILITY)
    if not hits:
        return []
    return [
        c
        for c in claims_of(doc, ClaimKind.AVAILABILITY, hits)
        if c.subject is not None and c.subject not in taken
    ]
