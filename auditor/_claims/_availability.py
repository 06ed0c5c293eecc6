"""Availability: in stock, low, out, backorder, discontinued, or not a thing the shop sells.

Decisions that a verdict relies on: "no longer available" and "isn't available anymore" are
out of stock (the words speak of today's shelf), while "no longer sold/made/carried" and "won't
be restocked" are discontinued (they speak of the range). "Back in stock on 3 Dec" and "can
order now, ships when restocked" are backorder. Every stock count is also an availability
claim (none → out of stock, scarce → low stock, else in stock).
"""

from __future__ import annotations

from operator import attrgetter

from auditor._claims._dispatch import RuleSet
from auditor._claims._document import Document
from auditor._claims._model import Claim, ClaimKind
from auditor._claims._quantity import find_counts
from auditor._claims._refine import supersede
from auditor._claims._registry import EXTRACTORS
from auditor._claims._resolve import carry_over, claims_of, resolve
from auditor._claims._rules import rules
from auditor._claims._scan import scan

_IN = "in_stock"
_LOW = "low_stock"
_OUT = "out_of_stock"
_BACK = "backorder"
_GONE = "discontinued"
_NOT_CARRIED = "not_carried"
_STOCK = r"(?:stock|stok|stcok)"
_IT = r"(?:it|them|that|those|these|this|one|xx+|the xx+|any)"
_IT_OR_ITEM = r"(?:them|those|these|it|units|items|pieces|xx+|the xx+)"
_FEW = r"(?:numbers?|quantity|quantities|amounts?)"
#: "… in a limited number of colours" limits the choice, not the stock: only a count of the
#: item itself (or a date or figure, as a model writes "of 2026-11-30 stock") may follow.
_OF_STOCK = rf"(?! of (?!{_IT_OR_ITEM}|\d|{_STOCK}))"

_TABLE = RuleSet.of(
    rules(
        _IN,
        rf"in {_STOCK}",
        r"in-stock",
        r"instock",
        r"(?:available|avaliable|availible|availabe)",
        r"(?:have|has|'ve got|have got|got) (?:plenty|some|lots|loads|a lot|tons|stock)"
        r"(?: of (?:them|those|these|it|that|the xx+|xx+|\w+))?"
        r"(?: (?:left|in stock|available|on hand))?",
        r"have any(?: of (?:them|those|these|it|that|the xx+|xx+))?"
        r"(?: (?:left|in stock|available))?",
        rf"back in {_STOCK}",
        r":\s*plenty",
        negated=_OUT,
    ),
    rules(
        _OUT,
        rf"out of {_STOCK}",
        r"oos",
        r"sold(?: |-)?out",
        r"(?:currently |temporarily )?unavailable",
        r"zero stock",
        r"(?:we're|we are|i'm afraid we're)(?: completely| all| currently| totally| fresh)? out"
        rf"(?: of {_IT}| of {_STOCK}| at the moment| right now)?",
        rf"(?:run|ran) out(?: of {_IT}| of {_STOCK})?",
        r"all gone",
        negated=_IN,
    ),
    rules(
        _OUT,
        r"none (?:left|in stock|available|remaining|at the moment)",
        r"no more left",
        r"nothing (?:left|in stock)",
        r"no stock",
        rf"no longer (?:available(?: in {_STOCK})?|in {_STOCK})",
        # "there are no Glass Teapots left": a named item, masked.
        r"no (?:more )?xx+ (?:left|remaining)",
        negation=False,
    ),
    rules(
        _LOW,
        r"low (?:on )?stock",
        r"stock is (?:running )?low",
        r"running (?:low|out)",
        r"(?:almost|nearly) (?:gone|sold out|out of stock)",
        r"selling (?:fast|out fast|quickly)",
        r"limited (?:stock|quantities|availability|supply)",
        # "A limited number" alone is any small set ("a limited number of options"): it is
        # scarcity only said of stock, offered in a limited number or a limited number left.
        rf"(?:available|stocked|sold|offered) in (?:a )?(?:very )?limited {_FEW}{_OF_STOCK}",
        rf"limited {_FEW}(?: of {_IT_OR_ITEM})? (?:left|remaining|in {_STOCK}|available|on hand)",
        r"(?:only |just )?(?:a )?(?:few|handful)(?: \w+)? (?:left|remaining)",
        r"last few",
    ),
    rules(_LOW, r"not many left", negation=False),
    rules(
        _BACK,
        r"on back-?order",
        r"back-?order(?:ed|able)?",
        r"(?:available|open) (?:for|on|to) (?:back|pre)-?order",
        r"pre-?order(?:ed|able)?",
        r"(?:will|should|'ll|might|may|could|is expected to|expected to|is due to|due to|set to"
        rf"|going to) be back(?: in {_STOCK})?",
        rf"back in {_STOCK} (?:on|by|from|in|around|next|early|mid|late|soon|later|after"
        r"|before|this|at the end|towards|within|\d)",
        r"(?:expected|due) back",
        r"(?:ships?|will ship|we'll ship|we will ship|dispatch(?:es)?) (?:it |them )?"
        r"(?:as soon as|when|once) (?:it's |it is |they're |they are |we )?(?:re-?stock(?:ed)?"
        rf"|back in {_STOCK}|new stock|more stock|back|get more)",
        r"re-?stocking (?:on|in|by|next|soon)",
    ),
    rules(
        _GONE,
        r"discontinued",
        r"(?:been )?(?:retired|phased out|withdrawn from sale)",
        r"end of (?:the )?line",
        r"out of production",
    ),
    rules(
        _GONE,
        r"no longer (?:sold|made|manufactured|produced|carried|stocked|offered|in production"
        r"|being made|being produced|part of our range)",
        r"(?:we )?no longer (?:sell|make|carry|stock|produce|offer)",
        r"(?:have |'ve )?stopped (?:selling|making|stocking|carrying|producing)",
        r"(?:won't|will not|wont) be (?:re-?stocked|restocking|coming back|available again"
        r"|getting any more|sold again|made again)",
        r"(?:not|never) (?:being|going to be) re-?stocked",
        r"(?:won't|will not) be getting any more(?: in)?",
        r"permanently (?:out of stock|unavailable|sold out|gone)",
        rf"(?:we |i )?(?:don't|do not|dont) (?:sell|carry|stock|make) {_IT} any ?more",
        negation=False,
    ),
    rules(
        _NOT_CARRIED,
        r"(?:we |i )?(?:don't|do not|dont|doesn't)(?: currently)? (?:carry|sell|stock|offer)"
        r"(?! (?:in|out)\b)",
        r"(?:not|isn't) (?:something|an item|a product|one) (?:that )?we"
        r" (?:carry|sell|stock|offer)",
        r"(?:couldn't|could not|can't|cannot|wasn't able to|unable to) (?:find|locate)"
        r"(?: any| a| an| that| the| this)? (?:product|item|listing)s?",
        r"no (?:product|item|listing)s? (?:called|named|matching|with|by that name|like that)",
        r"(?:not|isn't|aren't) (?:in|part of|listed in|found in) our (?:catalogue|catalog|range"
        r"|store|shop|inventory)",
        negation=False,
    ),
    # Phrases that look like availability and are not: "available" said of information,
    # systems, services, an order, a return or a time slot.
    rules(
        None,
        rf"back(?: |-)in(?: |-){_STOCK} (?:email|alert|notification|notice|reminder|list)s?",
        r"(?:information|info|data|details|system|service|tool|agents?|team|support|options?"
        r"|colou?rs|sizes|slots?|help|chat|line|methods?|refunds?|tracking|delivery|shipping"
        r"|collection|pickup|wrapping|me)(?: \w+){0,2}?"
        r" (?:is |are |isn't |aren't |is not |are not )?"
        r"(?:currently |temporarily |not |not yet |yet )?(?:un)?available",
        # The same of an order or a return, filed under the whole word (a blank follows it).
        r"(?:order|orders|return|returns) (?:\w+ ){0,2}?(?:is |are |isn't |aren't |is not "
        r"|are not )?(?:currently |temporarily |not |not yet |yet )?(?:un)?available",
        r"available (?:to me|on my end|in my system)",
        r"(?:un)?available (?:for|to) (?:a |an )?(?:refunds?|returns?|exchanges?)",
        r"(?:un)?available (?:at|in|for|on) (?:the|a|this|that|your)(?: [\w-]+){0,2}? (?:time )?"
        r"slots?",
    ),
)

_SPAN = attrgetter("span")
_REFINES = {
    _LOW: frozenset({_IN}),
    _BACK: frozenset({_OUT}),
    _GONE: frozenset({_OUT}),
}


def _from_counts(doc: Document) -> list[Claim]:
    claims = []
    for count in find_counts(doc):
        value = _OUT if count.value == 0 else _LOW if count.low else _IN
        for subject in resolve(doc, ClaimKind.AVAILABILITY, count.start, count.end):
            span = (count.start, count.end)
            claims.append(Claim(ClaimKind.AVAILABILITY, value, span, subject, count.hedged))
    return claims


@EXTRACTORS.register(ClaimKind.AVAILABILITY)
def extract_availability(doc: Document) -> list[Claim]:
    table = (_TABLE, doc.context.vocabulary.rules_for(ClaimKind.AVAILABILITY))
    claims = claims_of(doc, ClaimKind.AVAILABILITY, scan(doc, *table))
    claims.extend(_from_counts(doc))
    if not claims:
        return claims
    claims = sorted(carry_over(doc, ClaimKind.AVAILABILITY, claims), key=_SPAN)
    return supersede(claims, _REFINES)
