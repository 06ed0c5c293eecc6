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

from auditor._claims._compiled import compile_pattern
from auditor._claims._dispatch import RuleSet
from auditor._claims._document import Document
from auditor._claims._lexicon import (
    CANNOT,
    FULFILLING,
    INCOMING,
    SUPPLIERS,
    VARIANT_WORDS,
    WAREHOUSE,
)
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
        rf"xx+ (?:(?:is|are) )?(?:{CANNOT[3:-1]}|isn't able to|aren't able to) be (?:ordered"
        rf"|purchased"
        rf"|bought|shipped|sent(?: out)?|dispatched|despatched|supplied|sold|fulfill?ed){_NOW}",
        # "It isn't one we can send out just now", "is not one we are able to ship at present".
        rf"(?:not|isn't|aren't|is not|are not) (?:one|ones|something|an item|a product)"
        rf" (?:that )?we(?:'re| are)? (?:can|could|are able to|'re able to|able to)"
        rf" {FULFILLING}(?: out)?{_NOW}",
        # The item as the object of a relative clause: "unlike the Coffee Maker, which we are
        # currently unable to supply".
        rf"which (?:we|i)(?:'re| are| am)?(?: currently| presently| at present)?"
        rf" {CANNOT}(?: currently| presently)? {FULFILLING}\b"
        r"(?! (?:to|outside|overseas|abroad|internationally|on its own|separately)\b)",
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
        # More expected by those who buy it in: "our purchasing team expects replenishment".
        r"\b(?:expects?|expected|expecting|anticipates?|anticipated|anticipating|awaits|awaiting)"
        r" (?:a |the |further |some )?(?:replenishment|resupply|restock|re-stock)\b",
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
#: How much of an item there is, as a degree and a noun of supply ("a generous supply of the X",
#: "sufficient quantity of the X on hand", "the X is plentiful"): a formal register's way of
#: saying in stock, read as a class of words, not one phrase per adjective.
_AMPLE = (
    r"(?:generous|ample|plentiful|sufficient|abundant|adequate|substantial|considerable"
    r"|healthy|comfortable|good|decent|large|big)"
)
_SUPPLY = r"(?:supply|supplies|quantity|quantities|inventory|stock|stocks|numbers|availability)"
_DEGREE = RuleSet.of(
    rules(
        _IN,
        rf"\b{_AMPLE} {_SUPPLY} (?:of (?:the |our )?(?:xx+|them|it)|on hand|available|in stock"
        rf"|remaining|left|in (?:the |our )?(?:{WAREHOUSE}|stock ?room|stores?|shops?))",
        # Said as the item's own quality: "the X is plentiful at the moment".
        r"\b(?:is|are|'s|'re|remains|remain) (?:still |currently |very |quite |now )?(?:plentiful"
        r"|abundant|in abundance|amply stocked|well[- ]stocked|(?:in )?good supply)\b",
        # Some left, counted by no number: "a number of X remaining", "a good few knocking about".
        # In numbers, said as a degree: "still about in decent numbers".
        r"\bin (?:decent|good|healthy|large|big|great|reasonable|plentiful|generous)"
        r" (?:numbers|quantities|quantity|supply)\b",
        r"\b(?:a (?:good |fair )?number|a good few|a fair few|quite a few|plenty|loads|lots)"
        r"(?: of (?:the |our )?(?:xx+|them))?(?: xx+)? (?:remaining|left|on hand|in stock"
        r"|(?:still )?(?:knocking|kicking|floating|lying) (?:about|around))\b",
    ),
)
#: Had in some of its variants: "we've the Gardening Gloves in medium and large" (what the other
#: variants lack is theirs, `_availability._variants_apart`).
_IN_VARIANTS = RuleSet.of(
    rules(
        _IN,
        r"\b(?:we've|we have|we've got|we have got|we've still got|we still have|we do|we carry"
        rf"|we stock) (?:the |our )?(?:xx+|it|them) in (?:{'|'.join(VARIANT_WORDS)}|large|xl)\b",
    ),
)
_TRANSIT_WORDS = frozenset(["transit", "route", "landing", "arriving"])
#: The words that begin `WAREHOUSE`'s names ("warehouse", "fulfilment centre", …).
_STORE = frozenset(["warehouse", "warehouses", "fulfilment", "fulfillment", "distribution"])
_VARIANT_SET = frozenset([*VARIANT_WORDS, "large", "xl"])
_HAVING = frozenset(["we've", "have", "do", "carry", "stock"])
_DEGREE_WORDS = frozenset(
    ["generous", "ample", "plentiful", "numbers", "quantities", "sufficient", "abundant",
     "adequate", "substantial", "considerable", "healthy", "comfortable", "abundance", "amply",
     "supply", "remaining", "knocking", "kicking", "decent"]
)  # fmt: skip
#: What the shop offers to do for the customer with an item: set one aside ("we can reserve a
#: Desk Plant for in-store pickup", "I can put one aside for you to collect") is stock on the
#: shelf; tell them when it is back ("we'll drop you an email as soon as the Bread Bin's back",
#: "a notification the moment the X is back in stock") is stock there is none of.
_SETTING_ASIDE = r"(?:reserve|hold|put|set|pop|keep|lay|save)"
_FOR_THEM = (
    r"(?:(?:aside|back|by|away) )?(?:for (?:you|yourself|in-store|instore|store|pick-?up"
    r"|collection|click)|to (?:collect|pick up)|aside)"
)
_OFFERS = RuleSet.of(
    rules(
        _IN,
        rf"\b{_SETTING_ASIDE} (?:a |an |one |the |(?:a )?couple of |two |some |one of (?:the|our"
        rf"|those|these) )?(?:xx+|one|them|it) {_FOR_THEM}",
        # A hold placed on one: "I can place a hold on a Pour-Over Brewer at our store".
        r"\b(?:place|put) (?:a )?hold on (?:a |an |one |the )?xx+",
        r"\b(?:put|set|pop|lay) (?:aside|by) (?:a |an |one |the )?(?:xx+|one|them|it)"
        r" for (?:you|yourself|collection|pick-?up)",
    ),
)
_OFFER_WORDS = frozenset(["reserve", "hold", "aside", "collect", "collection", "pickup"])
#: Telling the customer when it is back: a notice, then the item coming back in its clause.
_NOTICE = (
    r"(?:notify|notified|alert|tell|let|email|e-mail|text|message|ping|contact)"
    r" (?:you|u)(?: know)?"
    r"|(?:drop|send|shoot|give) (?:you|u) (?:an? )?(?:email|e-mail|text|line|message|note|ring"
    r"|shout|call)"
    r"|(?:receive|get) (?:an? )?(?:email|e-mail|text|notification|alert|message)"
)
_COMES_BACK = (
    r"(?:when|as soon as|the moment|the minute|the second|once) (?:the |our )?(?:xx+|it|they)"
    r"(?:'s|'re| is| are)? (?:back in(?: stock)?|back(?! (?:up|online|on|working|running)\b)"
    r"|restocked|re-stocked|available again|in again)\b"
)
_NOTICES = RuleSet.of(
    rules(
        _OUT,
        rf"\b(?:{_NOTICE})(?: [\w-]+){{0,3}}? {_COMES_BACK}",
        negation=False,
    ),
)
#: The rarer words of a notice (a word of the message) and of the item coming back: both
#: must be said (the commoner verbs, "let", "get", "send", are in most answers).
_NOTICE_WORDS = frozenset(
    ["notify", "notified", "notification", "alert", "know", "email", "e-mail", "text", "message",
     "ping", "line", "note", "shout", "ring", "call"]
)  # fmt: skip
_BACK_WORDS = frozenset(["back", "restocked", "re-stocked", "again"])
#: The words of a denial of supply (`CANNOT`), and of being out for a while.
_DENIAL_WORDS = frozenset(
    ["unable", "cannot", "can't", "cant", "couldn't", "couldnt", "able", "position"]
)
_OUT_FOR_WORDS = frozenset(["weeks", "months", "ages", "while", "since"])
#: Every word one of the new tables is gated on.
_ANY_WORDS = frozenset(
    [*_DEGREE_WORDS, *_OFFER_WORDS, *_OUT_FOR_WORDS, *_VARIANT_SET, *_TRANSIT_WORDS, "way",
     *_NOTICE_WORDS, *_DENIAL_WORDS]
)  # fmt: skip
#: A present said anywhere in the sentence of a denial of supply, however far before it ("I
#: regret to inform you that, at the present time, we are not in a position to offer the X"),
#: or a cause of a shortage after it ("…, as our grower has had a shortage", "we've had none
#: in since the autumn").
_PRESENT = compile_pattern(
    r"\b(?:at (?:the )?(?:present|moment|minute|mo)|at this (?:time|point|juncture|stage)"
    r"|at the present time|just now|right now|currently|presently|for now|as things stand"
    r"|as it stands|for the time being|temporarily|since|shortage|none in|sold out|out of stock"
    r"|no stock|no date)\b"
)
_DENIALS = RuleSet.of(
    rules(
        _OUT,
        rf"{CANNOT} {FULFILLING} {_ITEM}",
        # "The X is not something we are currently able to provide".
        rf"(?:not|isn't|aren't|is not|are not) (?:one|ones|something|an item|a product)"
        rf" (?:that )?we(?:'re| are)?(?: currently| presently| at present)? (?:can|could"
        rf"|are able to|'re able to|able to) {FULFILLING}",
        negation=False,
    ),
)
#: Out for a while, said of the item: "it's been out for weeks", "has been unavailable since
#: October".
_OUT_FOR = RuleSet.of(
    rules(
        _OUT,
        r"\bbeen (?:out|sold out|unavailable|out of stock) (?:for (?:weeks|months|ages|a while"
        r"|some time|a (?:few|couple of) (?:weeks|months)|(?:\w+ )?(?:weeks|months))|since\b)",
        negation=False,
    ),
)
#: Coming in to the shop from its maker: "the X is in transit to our warehouse", "on its way to
#: us from the supplier". The item is not here yet: a backorder (never said of a return).
_TO_US = RuleSet.of(
    rules(
        _BACK,
        # Back with the shop on a day: "should be landing back with us next Tuesday".
        r"\b(?:landing|arriving|coming|due|expected) back (?:with|to|in(?:to)?) us (?:on|by|next"
        r"|this|from|around|early|mid|late|before|after|in)\b",
        r"\b(?:in transit|on (?:its|their) way|en route|being shipped|being delivered)"
        r" (?:in)?to (?:us|our (?:[\w-]+ )?(?:warehouses?|stores?|shops?|dc|distribution"
        r" cent(?:er|re)|fulfill?ment cent(?:er|re)|stock ?room))\b",
        negation=False,
    ),
)


#: The rarer words every strong phrase holds one of.
_STRONG_WORDS = frozenset(
    ["unable", "cannot", "can't", "cant", "couldn't", "able", "inventory", "supply", "snapped",
     "more",
     "shop", "shops", "store", "stores", "branch", "branches", "supplier", "suppliers", "vendor",
     "vendors", "manufacturer", "maker", "makers", "factory", "distributor", "wholesaler",
     "till", "until", "til", "'til", "stopped", "plan", "plans",
     "position", "hold", "source", "replenish", "restock", "replenishment", "resupply",
     "re-stock"]
)  # fmt: skip
_WEAK = RuleSet.of(
    rules(
        _IN,
        # What the customer can do: "can be ordered today", "you can order one now".
        r"\b(?:can|may) be (?:ordered|purchased|bought)(?: online| in[- ]store)?"
        r"(?: and (?:will )?(?:ship|be shipped|go out|leave|be dispatched|be sent))?"
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


def may_tell(doc: Document) -> bool:
    """The answer holds a word one of `degree_claims`, `denial_claims` and `noticed_claims`
    needs: one set operation for the usual answer, which holds none."""
    return not _ANY_WORDS.isdisjoint(doc.words.word_set)


def degree_claims(doc: Document) -> list[Claim]:
    """Stock told by how much there is, or by what the shop offers to do with it."""
    words = doc.words.word_set
    tables = []
    if not _DEGREE_WORDS.isdisjoint(words):
        tables.append(_DEGREE)
    if not _OFFER_WORDS.isdisjoint(words):
        tables.append(_OFFERS)
    if "been" in words and not _OUT_FOR_WORDS.isdisjoint(words):
        tables.append(_OUT_FOR)
    if not _VARIANT_SET.isdisjoint(words) and not _HAVING.isdisjoint(words):
        tables.append(_IN_VARIANTS)
    if (
        (not _TRANSIT_WORDS.isdisjoint(words) or ("way" in words and not _STORE.isdisjoint(words)))
        and ("us" in words or "our" in words)
        and not doc.return_context
    ):
        tables.append(_TO_US)
    if not tables or not any(m.type is SubjectType.ITEM for m in doc.mentions):
        return []
    hits = scan(doc, *tables, kind=ClaimKind.AVAILABILITY)
    if not hits:
        return []
    return [c for c in claims_of(doc, ClaimKind.AVAILABILITY, hits) if c.subject is not None]


def denial_claims(doc: Document) -> list[Claim]:
    """A denial of supply whose present is said anywhere in its sentence, not only beside it."""
    if _DENIAL_WORDS.isdisjoint(doc.words.word_set) or not _PRESENT.search(doc.masked):
        return []
    hits = [
        h
        for h in scan(doc, _DENIALS, kind=ClaimKind.AVAILABILITY)
        if _PRESENT.search(doc.masked, doc.sentence_at(h.start).start, doc.sentence_at(h.start).end)
    ]
    if not hits:
        return []
    return [c for c in claims_of(doc, ClaimKind.AVAILABILITY, hits) if c.subject is not None]


def noticed_claims(doc: Document) -> list[Claim]:
    """ "We'll drop you an email as soon as the X is back": none of it now. The claim spans the
    item's coming back, which asserts nothing of its own (the caller drops claims inside it)."""
    words = doc.words.word_set
    if _NOTICE_WORDS.isdisjoint(words) or _BACK_WORDS.isdisjoint(words):
        return []
    hits = scan(doc, _NOTICES, kind=ClaimKind.AVAILABILITY)
    if not hits:
        return []
    return [c for c in claims_of(doc, ClaimKind.AVAILABILITY, hits) if c.subject is not None]


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
