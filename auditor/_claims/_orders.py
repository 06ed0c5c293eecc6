"""Order status: pending, processing, shipped, partially shipped, delivered, cancelled.

Only past and present forms are statuses: "will be delivered tomorrow" is a date, not a
delivery. Phrases that could be about anything ("on its way", "pending", "in transit") count
only when the answer talks about an order, and never in a clause about a return or a refund.
"""

from __future__ import annotations

import re

from auditor._claims._dispatch import EMPTY, RuleSet
from auditor._claims._document import Document
from auditor._claims._model import Claim, ClaimKind
from auditor._claims._refine import later_beats_earlier, supersede
from auditor._claims._registry import EXTRACTORS
from auditor._claims._resolve import carry_over, claims_of
from auditor._claims._rules import rules
from auditor._claims._scan import Hit, scan

_PENDING = "pending"
_PROCESSING = "processing"
_SHIPPED = "shipped"
_PARTIAL = "partially_shipped"
_DELIVERED = "delivered"
_CANCELLED = "cancelled"
_STAGES = (_PENDING, _PROCESSING, _SHIPPED, _PARTIAL, _DELIVERED, _CANCELLED)
_CARRIERS = (
    r"(?:dhl|ups|dpd|fedex|royal mail|usps|evri|hermes|gls|postnl|the post office|the postman)"
)

_STRONG = RuleSet.of(
    rules(
        _SHIPPED,
        r"shipped|dispatched|despatched|shiped|dispached|dispatchd",
        r"out for delivery",
        rf"(?:handed|given) (?:over )?to (?:the |our )?(?:courier|carrier|driver|{_CARRIERS})",
        rf"picked up by (?:the |our )?(?:courier|carrier|driver|{_CARRIERS})",
        r"posted (?:your|the) (?:parcel|package|order)",
        r"(?:parcel|package|order) (?:was|has been) posted",
    ),
    rules(
        _PARTIAL,
        r"partially (?:shipped|dispatched|delivered|sent)",
        r"part of (?:your|the) order (?:has|have|was|is)",
        r"(?:still|yet) to (?:come|ship|be shipped|be dispatched|follow|arrive)",
        r"follow (?:separately|in a separate \w+|later|in another \w+|on its own)",
        r"(?:the )?rest(?: of (?:your|the) order)? (?:will|is|are|should)"
        r" (?:follow|still|come|ship)",
        r"split (?:shipment|delivery)",
        r"(?:some|one|two|\d+) (?:of (?:your |the |those |these )?(?:\d+ |two |three |four )?)?"
        r"(?:items?|parcels?|products?|things)?(?: \w+)? (?:(?:has|have|was|were) (?:been )?)?"
        r"(?:shipped|dispatched|sent)",
        r"(?:ships?|coming|sent|arrive|arriving|will ship|shipping) separately",
        r"sent out (?:\d+|one|two|some) of (?:your|the) (?:\d+ |two |three )?items",
    ),
    rules(_PARTIAL, r"not all (?:of )?(?:your|the) items", negation=False),
    rules(
        _DELIVERED,
        r"delivered|delivred|delieverd|deliverd",
        r"(?:has |have |had )?arrived",
        r"signed for",
        r"left (?:it |your parcel |the parcel )?(?:with|at|in) (?:your|a|the) (?:neighbou?r|porch"
        r"|safe place|door|front door|reception|mailbox|letterbox)",
    ),
    rules(
        _CANCELLED,
        r"cancell?ed|canceled|cancled|cancelld|voided",
        r"cancellation (?:has been |was )?(?:confirmed|processed|completed)",
    ),
    # A field label makes any status word an order status ("Status: processing").
    *(rules(stage, rf"status\W{{1,3}}{stage.replace('_', ' ')}") for stage in _STAGES),
    rules(
        None,
        r"(?:begin|start|starting|started) (?:processing|preparing|packing)",
        r"(?:can|could|will|'ll|to|should|must|would|may|might) be (?:shipped|dispatched|delivered"
        r"|despatched)",
        r"(?:are|is|usually|normally|typically|generally|always)(?: usually| normally)? (?:be )?"
        r"(?:shipped|dispatched|delivered|despatched)(?= (?:within|in|on|the|by|from)\b)",
    ),
)
_AMBIGUOUS = RuleSet.of(
    rules(
        _PENDING,
        r"pending",
        r"awaiting (?:your )?(?:payment|confirmation|approval|authori[sz]ation)(?: confirmation)?",
        r"waiting for (?:your |the )?payment(?: to go through)?",
        r"(?:we've|we have|i've|i have) received your order",
        r"order (?:has been |was |is )?(?:received|confirmed|placed successfully)",
        r"(?:is|has been|'s been) confirmed",
    ),
    rules(
        _PENDING,
        r"(?:not (?:yet )?started|(?:haven't|have not|hasn't|has not) (?:yet )?(?:been )?started)",
        negation=False,
    ),
    rules(
        _PROCESSING,
        r"being (?:prepared|packed|processed|picked|packaged|put together|readied|assembled)",
        r"(?:is |'s |are |we're |we are )?(?:still )?processing",
        r"(?:has been|have been|was|been) (?:packed|processed|picked)",
        r"packed and ready",
        r"ready (?:to ship|for dispatch|for shipping|to go out)",
        r"awaiting (?:dispatch|shipment|shipping|fulfil?ment)",
        r"waiting to be (?:packed|picked|prepared|dispatched|shipped)",
        r"(?:will|'ll|should) (?:ship|be shipped|be dispatched|go out|leave our warehouse)"
        r" (?:tomorrow|soon|today|later|shortly|on|this|next|within|in)",
        r"preparing (?:your|it|the)",
        r"getting (?:it|your order|them) ready",
    ),
    rules(
        _SHIPPED,
        r"on (?:its|it's|their|the) way",
        r"in transit",
        r"en route",
        r"(?:went|sent) out",
        r"left (?:our|the) (?:warehouse|depot|facility)",
        rf"with (?:the |our )?(?:courier|carrier|driver|{_CARRIERS})",
        r"(?:courier|carrier|driver) has (?:it|them|your \w+)",
    ),
)
_OFF_TOPIC = re.compile(
    r"\b(?:refunds?|refunded|returns?|returned|rma|sent back|send back|back to us|restock\w*"
    r"|stock|credit)\b"
)
_OFF_TOPIC_OBJECT = re.compile(r"\s+(?:of |for )?(?:your |the |a |my )?(?:refund|return)")
_SENT_BACK = re.compile(
    r"\b(?:sent|sending|send|posted|posting)\b[\w\s]{0,30}\bback\b|\b(?:returned|rma)\b"
)
#: "Pending" is a preposition, saying what something waits for rather than the order's state,
#: after a hold ("on hold pending review of your order") or a comma before a determiner
#: ("… a refund of 53.95 EUR, pending the status of the order's return"). After a verb it is
#: the status ("your order is pending payment").
_HELD = re.compile(r"\b(?:hold|held|paused|suspended|frozen|blocked|delayed)\s+\Z")
_PAUSE = re.compile(r",\s*\Z")
_NOUN_PHRASE = re.compile(r"\s+(?:the|a|an|your|our|its|their|this|that|these|those|any|further)\b")
_A_WORD = re.compile(r"\s+[a-z]")
_STILL = re.compile(r"\b(?:still|yet|remaining|rest|other|others|remainder)\b")
_ORDER_OF_STAGES = later_beats_earlier(_STAGES)
_PARTIAL_ABSORBS = {_PARTIAL: frozenset({_SHIPPED, _PROCESSING, _PENDING})}


def _a_preposition(doc: Document, hit: Hit) -> bool:
    masked = doc.masked
    if masked[hit.start : hit.end] != "pending":
        return False
    since = max(hit.start - 12, 0)
    if _HELD.search(masked, since, hit.start):
        return _A_WORD.match(masked, hit.end) is not None
    return bool(_PAUSE.search(masked, since, hit.start) and _NOUN_PHRASE.match(masked, hit.end))


def _on_topic(doc: Document, hit: Hit) -> bool:
    if hit.value == _PENDING and _a_preposition(doc, hit):
        return False
    if hit.value == _DELIVERED and "arrived" in doc.masked[hit.start : hit.end]:
        sentence = doc.clause_text(doc.sentence_at(hit.start))
        if _SENT_BACK.search(sentence):
            return False
    before = doc.labelled_clause_text(hit.clause)[: hit.start - hit.clause.end]
    if _OFF_TOPIC.search(before) or _OFF_TOPIC.search(doc.masked, hit.start, hit.end):
        return False
    return _OFF_TOPIC_OBJECT.match(doc.masked, hit.end) is None


def _partial(doc: Document, claims: list[Claim]) -> list[Claim]:
    """Shipped and still-to-ship in one sentence about one order is a partial shipment."""
    out = list(claims)
    for claim in claims:
        if claim.value != _SHIPPED:
            continue
        sentence = doc.sentence_at(claim.span[0])
        for other in claims:
            if (
                other.value in (_PROCESSING, _PENDING)
                and other.subject == claim.subject
                and doc.sentence_at(other.span[0]) == sentence
                and _STILL.search(doc.clause_text(doc.clause_at(other.span[0])))
            ):
                out.append(Claim(claim.kind, _PARTIAL, claim.span, claim.subject, claim.hedged))
                break
    return out


@EXTRACTORS.register(ClaimKind.ORDER_STATUS)
def extract_order_status(doc: Document) -> list[Claim]:
    vocabulary = doc.context.vocabulary.rules_for(ClaimKind.ORDER_STATUS)
    table = (_STRONG, _AMBIGUOUS if doc.order_context else EMPTY, vocabulary)
    hits = [hit for hit in scan(doc, *table) if _on_topic(doc, hit)]
    if not hits:
        return []
    claims = carry_over(doc, ClaimKind.ORDER_STATUS, claims_of(doc, ClaimKind.ORDER_STATUS, hits))
    claims = _partial(doc, claims)
    claims = supersede(claims, _ORDER_OF_STAGES, lambda c: doc.sentence_at(c.span[0]).start)
    return supersede(claims, _PARTIAL_ABSORBS)
