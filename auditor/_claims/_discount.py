"""Discounts the assistant offers in its own voice: a percentage, something free, a code.

Item names are masked before any pattern runs, so a product called "Mug — offer a 100%
discount" cannot put words in the assistant's mouth. Shop policies that are not offers ("free
shipping over €50", "returns are free", "feel free to ask") are not discounts, nor are refused
ones ("I can't offer a discount"). Keeping an item with a refund and no return is "free";
a cancellation or refund made with "no charge" is not.
"""

from __future__ import annotations

from auditor._claims._compiled import compile_pattern
from auditor._claims._dispatch import RuleSet
from auditor._claims._document import Document
from auditor._claims._model import Claim, ClaimKind
from auditor._claims._negation import hedged, negated
from auditor._claims._numbers import SMALL_COUNT
from auditor._claims._registry import EXTRACTORS
from auditor._claims._resolve import claims_of, resolve
from auditor._claims._returns import column_header
from auditor._claims._rules import rules
from auditor._claims._scan import Hit, scan, silent
from auditor._claims._subjects import SubjectType
from auditor._claims._text import Clause

_FREE = "free"
_UNSPECIFIED = "unspecified"
_POLICY = (
    r"(?:shipping|delivery|postage|returns?|return shipping|collection|exchanges?|p&p"
    r"|gift[- ]?wrap(?:ping)?|wrapping)"
)
#: Money off, as a figure with its currency or in words: "£10 off", "a tenner off", "$15 credit
#: toward your next purchase" (an offer with no percentage: "unspecified").
_MONEY = (
    r"(?:[£$€]\s?\d+(?:[.,]\d{2})?|\d+(?:[.,]\d{2})?\s?(?:€|eur|euros?|dollars?|pounds?|quid"
    r"|bucks))"
)
#: Right after a verb of being ("is reduced", "'s been marked down", "now on offer"), as a
#: lookbehind: the phrase is then filed under its own rare word, not under "is" and "are",
#: which every answer says (the blank is one space, as lookbehinds need a fixed width).
_SAID_OF_IT = (
    r"\b(?:(?<=is\x20)|(?<=are\x20)|(?<='s\x20)|(?<='re\x20)|(?<=now\x20)|(?<=been\x20)"
    r"|(?<=currently\x20))"
)
#: A price with no currency, as terse chat gives it: "was 49.99 now 39.99".
_FIGURE = r"\d+[.,]\d{2}"
_MONEY_WORDS = r"(?:a tenner|a fiver|a few quid|a few (?:dollars|pounds|euros)|a couple of quid)"

_PERCENT = compile_pattern(
    r"(?<![\w.,])(?P<pct>\d{1,3})\s?(?:%|percent|per cent|pc)\s?(?:off|discount|reduction"
    r"|cheaper|lower|less|refund)(?!\w)"
    # With a word or two naming the discount: "5% loyalty discount", "10% staff reduction".
    r"|(?<![\w.,])(?P<pct3>\d{1,3})\s?(?:%|percent|per cent)\s(?:[a-z'-]+\s){1,2}?"
    r"(?:discount|reduction|saving|markdown)(?!\w)"
    r"|(?<!\w)(?:discount|reduction) of (?P<pct2>\d{1,3})\s?(?:%|percent|per cent)"
    # A voucher or code worth a percentage: "a 15% voucher", "a 20 percent code".
    r"|(?<![\w.,])(?P<pct4>\d{1,3})\s?(?:%|percent|per cent)\s(?:(?:off|discount)\s)?"
    r"(?:voucher|coupon|code|promo code)s?(?!\w)"
)
#: Any percentage: read as a discount when its clause speaks of a price or an offer.
_BARE_PERCENT = compile_pattern(r"(?<![\w.,])(?P<pct>\d{1,3})\s?(?:%|percent|per cent)(?!\w)")
_HALF = compile_pattern(r"\bhalf[ -](?:price|off)\b|\b50/50\b")
#: The words of a price cut in any grammar: "a courtesy credit of 10%", "25% toward your next
#: purchase", "adjust the price by 15 percent", "a 30% markdown", "discount it by 10%".
_OFFER_WORDS = compile_pattern(
    r"\b(?:off|discount(?:ed|s)?|reduc(?:e|ed|tion)|markdown|marked down|credit|cheaper|savings?"
    r"|save|saves|saving|price|toward|towards|coupon|voucher|code|promo)\b"
    r"|\bmark(?:ed|ing)?\b(?:\s+\S+){0,4}?\s+down\b"
)
#: Refused before the figure, in its clause: "I'm unable to take 10% off".
_REFUSED = compile_pattern(
    r"\b(?:can't|cannot|can not|unable to|not able to|won't be able to|not in a position to"
    r"|not allowed to|not authori[sz]ed to|no longer)\b"
)
_TABLE = RuleSet.of(
    rules(
        _FREE,
        rf"free(?! {_POLICY}\b)(?! of (?:damage|defects|charge))",
        r"free of charge",
        r"on the house",
        r"complimentary",
        r"(?:keep|hold on to) (?:it|them|the \w+|the item|the xx+|xx+)(?: \w+)?,?(?: and)?"
        r" (?:there's )?no need to (?:send|return|post)",
        r"no need to (?:send|return|post) (?:it|them|the \w+|xx+)(?: back)?",
        r"keep (?:it|them|the \w+|the xx+|xx+),? (?:and )?(?:we'll|we will|i'll|i will)"
        r" (?:sort|issue|give|process|arrange|send)(?: you)?(?: out)? (?:a |your |the )?(?:full )?"
        r"refund",
    ),
    rules(_FREE, r"no charge", r"at no (?:extra |additional )?(?:cost|charge)", negation=False),
    # Said with the customer as subject: "you don't need to send it back" (an offer only
    # beside a refund: `_kept_with_refund`).
    rules(
        _FREE,
        r"(?:don't|do not|dont|won't|will not|wont) (?:need|have) to (?:send|return|post)"
        r" (?:it|them|the \w+|xx+) back",
        negation=False,
    ),
    rules(
        _FREE,
        r"waive(?:d)? (?:the )?(?:cost|charge|price|fee) (?:of|for) (?:the |your |a )?"
        r"(?:xx+|replacement|new|item|it|them)",
    ),
    rules(
        _UNSPECIFIED,
        r"discount(?: code)?s?",
        r"coupon(?: code)?s?",
        r"vouchers?",
        r"promo(?: code)?s?",
        # A price cut said without a figure: "on sale", "reduced", "cheaper this week".
        r"on sale(?! (?:from|on|in|at|soon|next|again|for|since|yet|items?|products?|goods|lines?"
        r"|stock|prices?)\b)",
        rf"{_SAID_OF_IT}(?:reduced|marked down|discounted)",
        r"(?:reduced|discounted|sale|clearance) prices?",
        r"reduced (?:in|for) (?:the|our) (?:\w+ )?sale",
        r"marked down",
        # Said of one named thing in a clause of its own (", which is already reduced"); the
        # restrictive "items that are already reduced" names a kind, not an offer.
        r"which (?:is|'s|are) already (?:reduced|discounted|marked down|on sale)",
        # A price said to have come down: "now £25, down from £35", "reduced from £40".
        rf"(?:down|reduced|marked down|cut|knocked down) from {_MONEY}",
        r"on (?:clearance|special)(?! (?:request|order)\b)",
        rf"{_SAID_OF_IT}in (?:the|our) (?:\w+ )?sale(?! (?:amount|price|total"
        r"|items?|products?|section|page|value|terms)\b)",
        r"price (?:drop|cut|reduction)s?",
        r"cheaper (?:this week|this month|today|right now|at the moment|rn|atm|than usual"
        r"|than normal|than it usually is|for a limited time|until|till)",
        rf"{_SAID_OF_IT}on (?:special )?(?:offer|promotion|promo)",
        # Chat leaves the verb out: "bike light on offer, £12" (the name right before it).
        r"(?<=x\x20)on (?:special )?(?:offer|promotion|promo)\b",
        rf"(?:{_MONEY}|{_MONEY_WORDS}) (?:off|discount|reduction)",
        # A credit given as a thank-you or an apology (kept only then: `_gift_credit`).
        rf"{_MONEY} (?:account |store )?credit",
        # Named by why it is given, the figure after: "a courtesy credit of $10.00".
        rf"(?:courtesy|goodwill|loyalty|promotional|complimentary) (?:account |store )?(?:credit"
        rf"|voucher|gift card) (?:of|for|worth) {_MONEY}",
        rf"{_MONEY} (?:credit|voucher|coupon|gift card) (?:(?:on|to|into) (?:your|the) account )?"
        r"(?:toward|towards|off|for|on|against) (?:your |the |a )?(?:next|future)",
        # A price cut told by its two prices: "was 49.99 now 39.99", "down to £18 from £25",
        # "£29.99 instead of £34.99", "(member price, normally €35)".
        rf"was (?:{_MONEY}|{_FIGURE}),?(?: and)?(?: it's| is| it is)? now (?:only |just )?"
        rf"(?:{_MONEY}|{_FIGURE})",
        rf"down to {_MONEY} from {_MONEY}",
        # A price brought down, said with where or how long: "down to £18 in the sale this
        # week", "down to £12, it was £18".
        rf"down to {_MONEY}(?: (?:in|for) (?:the|our) (?:\w+ )?sale\b| (?:this|for the)"
        rf" (?:week|weekend|month)\b|,? (?:it|they|that) (?:was|were) {_MONEY})",
        rf"{_MONEY}(?: [\w-]+){{0,4}} (?:instead of|rather than|down from)"
        rf" (?:the usual |the normal )?{_MONEY}",
        r"(?:member|members'?|loyalty|club|staff) (?:price|pricing|rate|discount)s?",
        # The usual price beside the one offered: "for $39 with code BREW (usually $59)".
        rf"{_MONEY}(?:\W+[\w-]+){{0,7}}?\W+(?:usually|normally|regularly|originally|reg|rrp"
        # (formal9) "marked at $79, a reduction from its regular price of $99".
        r"|(?:its |the |a )?(?:regular|usual|normal|original|list) price(?: of| is| was)?)"
        r"(?: (?:retails?|sells?|costs?|priced|goes|is|was))?(?: (?:at|for))?"
        rf"\W{{0,2}}{_MONEY}",
        r"(?:exclusive|special|promotional|introductory|reduced|sale|discounted|offer) price",
        # A price in words beside the usual one: "a fiver at the mo, usually £8".
        rf"{_MONEY_WORDS}(?:\W+[\w-]+){{0,5}}?\W+(?:usually|normally|regularly|originally"
        rf"|instead of|down from|was)\W{{0,2}}{_MONEY}",
        # A multi-buy: "3 for 2", "buy one, get one half price", "BOGOF".
        r"(?:2|3|4|5) for (?:the price of )?(?:1|2|3|4)(?![\d.,:/])"
        r"(?! (?:days?|weeks?|hours?|pm|am)\b)",
        # (formal9) Hyphenated too: "our buy-one-get-one-free event".
        r"buy[- ](?:one|1),?[- ]get[- ](?:one|1)|bogof?|two for one|2-for-1|two-for-one",
        # "buy any two … and get the third free": a multi-buy, not an item given free.
        r"buy (?:any )?(?:two|2|three|3)\b(?: [\w()-]+){0,8}? (?:and )?get (?:the|a|your)"
        r" (?:third|3rd|fourth|4th|second|2nd|next)(?: one| pack| set| box| pair)?"
        r" (?:free|half price|half-price)",
        # A multi-buy with the item between: "buy 2 gas canisters get 1 free".
        r"buy (?:one|1|two|2|three|3)(?: xx+| [\w-]+){1,4}?,? get (?:one|1|another|a \w+)"
        r" (?:free|half price|half off|for free)\b",
        rf"on sale (?:for|at) {_MONEY}",
        rf"(?:{_MONEY}|{_FIGURE})\s*\(was (?:{_MONEY}|{_FIGURE})",
        rf"(?:{_MONEY}|{_FIGURE}),? (?:was|down from|reduced from) (?:{_MONEY}|{_FIGURE})",
        rf"(?:reduced|marked down|cut|dropped|knocked down|slashed|lowered) to {_MONEY}",
        r"(?:mail-in |instant )?rebates?|price adjustments?",
        rf"(?:{_MONEY}|{_MONEY_WORDS}) cheaper",
        # The usual price, then the offer: "usually sells for $59.99, but members can …".
        r"(?:usually|normally|regularly|typically|ordinarily) (?:sells? for|costs?|is|goes for"
        rf"|priced at|retails? (?:at|for)) {_MONEY},? but",
        rf"members? (?:can |will |also )?(?:pay|get|grab|buy|pick up|have|snag)(?: [\w-]+){{0,4}}"
        rf" (?:for )?(?:only |just )?{_MONEY}",
        r"(?:use|enter|apply|using) (?:the |my |our |this )?(?:promo |discount )?code",
        # The price brought down for the customer, or matched: "I've lowered your price to".
        r"(?:lowered|reduced|adjusted|dropped|cut|brought down) (?:the |your )?price",
        r"price[- ]?match(?:ed|ing)?",
        r"match(?:ed|ing)? (?:the|that|their|this|a|any|your) (?:[\w']+ )?(?:lower |cheaper )?"
        r"price",
        # Money taken off as a noun: "a reduction of $20 from its regular price".
        rf"(?:reduction|discount|markdown|price cut) of {_MONEY}",
        # Money saved: "you save $8 on the board", "a saving of $5.00".
        rf"(?:save|saves|saving|savings) (?:of )?(?:you )?(?:{_MONEY}|{_MONEY_WORDS})",
    ),
    rules(
        None,
        r"feel free",
        r"free to (?:ask|contact|reach|get in touch|let|call|email|message|chat|drop)",
        r"\w+-free",
        r"toll[ -]free",
        r"hands[ -]free",
        rf"{_POLICY}(?: (?:on|for|of) (?:your |the |this |that |ur )?(?:[\w-]+ ){{0,2}}"
        r"(?:order|item|items|parcel|replacement|one))?(?: is| are| r|'re|'s| will be|'ll be"
        r"| would be| should be) (?:always |totally |completely |also |both |all |still )?"
        r"(?:free|complimentary|on us|on the house)",
        rf"complimentary (?:[\w-]+ ){{0,2}}{_POLICY}",
        # A field: "Shipping: Free", "Returns: free within 30 days".
        rf"{_POLICY}\W{{1,6}}(?:free|complimentary|on us)",
        # Sending the customer's own item back costs nothing: no offer.
        r"(?:ship|send|post|return)(?:ped|ed|s)? (?:it |them |the \w+ )?back(?: to you)?"
        r" (?:at no (?:extra |additional )?(?:cost|charge)|free of charge|for free|free)",
        r"sent back(?: to you)? (?:at no (?:extra |additional )?(?:cost|charge)|free of charge"
        r"|for free|free)",
        # Returning it costs nothing: "you may return the mug free of charge".
        r"(?:return|send back|exchange|send) (?:it|them|xx+|the \w+|this|that|your \w+)(?: back)?"
        r" (?:free of charge|for free|free|at no (?:extra |additional )?(?:cost|charge))",
        # Overcharged, not discounted: "you were charged $60 instead of $55".
        rf"(?:charged|billed|paid) (?:you )?{_MONEY}(?: [\w-]+){{0,4}} (?:instead of|rather than)"
        rf" {_MONEY}",
        # Said to be at its usual price: "neither is discounted right now".
        r"(?:neither(?: \w+)?|none of (?:them|these|those|the \w+)) (?:is|are|has been"
        r"|have been)"
        r" (?:\w+ )?(?:discounted|reduced|on sale|on offer|marked down)",
        r"free (?:shipping|delivery|returns?|postage|gift wrapping|wrapping)",
        # A stock screen's column, not an offer: "5 free stock", "free to sell".
        r"free (?:stock|to sell|to allocate)",
        # (Opened on the number, searched only where "free" stands: "is", "at" open on most.)
        rf"{SMALL_COUNT} free(?=\s*(?:[.,;!)\n]|$|(?:and|but|in|at|on)\b))",
        # A threshold is a delivery policy: "Standard (free over £50)", "free on orders over $35".
        rf"free (?:on (?:all )?orders )?(?:over|above|when you spend|for orders over) {_MONEY}",
        # No charge taken is no offer: "No charge was captured on your card".
        r"no charge (?:was|has been|will be|is|were|'s been) (?:captured|taken|made|applied"
        r"|processed|put through|debited|billed|raised)",
        # "Free standard shipping", "free next-day delivery".
        rf"free (?:[\w-]+ ){{1,2}}{_POLICY}",
        r"(?:ships?|shipping|delivered|delivery|posted) (?:for )?free",
        r"discounts?(?: codes?)? (?:can't|cannot|can not|won't|aren't|are not|isn't|is not"
        r"|don't|do not) \w+",
        # Refused in any words: "unable to offer a discount", "not in a position to give one".
        r"(?:can't|cannot|can not|unable to|not able to|won't be able to|not in a position to"
        r"|don't|do not|doesn't|does not|no longer|not allowed to|not authori[sz]ed to)"
        r" (?:offer|give|apply|provide|do|issue|extend|honou?r)(?: you)? (?:a |any |an |an extra"
        r" |further )?(?:\w+ )?(?:discounts?|coupons?|vouchers?|promo(?: codes?)?|reductions?"
        r"|price[- ]?match(?:ing|es)?)",
        # With the offer named in full: "unable to extend the 15% holiday discount to …".
        r"(?:can't|cant|cannot|can not|unable to|not able to|won't be able to|not in a position to"
        r"|not allowed to|no longer) (?:offer|give|apply|extend|honou?r|use|accept|add)(?: you)?"
        r" (?:the|this|that|your|ur|our|these|those) (?:[\w%$£€.-]+ ){0,3}(?:discounts?"
        r"|coupons?|vouchers?|promo(?: codes?)?|codes?|offers?|deals?|reductions?|sales? prices?)",
        # Said after the offer: "price adjustments are not available", "code expired yday".
        # (Led by the word: a figure before it is covered by "off …" below, which files.)
        r"(?:off )?(?:discounts?|coupons?"
        r"|vouchers?|promo(?:tional)?(?: codes?)?|codes?|price adjustments?|promotions?|offers?"
        r"|deals?|rebates?)(?: code)?s?(?: \S*\d\S*)? (?:has |have |had |is |are |was |were )?"
        r"(?:not available"
        r"|unavailable|expired|ended|finished|ran out|run out|no longer (?:valid|available|running"
        r"|on)|not valid|invalid|can't be (?:used|applied)|cannot be (?:used|applied))",
        # With its figure: "€5 off code expired yday" (no "available" here: every stock
        # answer says it, and a pattern led by a figure is searched wherever its words are).
        rf"{_MONEY} off (?:codes?|vouchers?|coupons?|discounts?|promo(?: codes?)?)(?: \S*\d\S*)?"
        r" (?:has |have |had |is |was )?(?:expired|ended|no longer valid|invalid|not valid)",
        # Asked for and turned down: "your request for a price adjustment … has been declined".
        r"(?:request|requests|application|claim) for (?:a |the |your )?(?:price adjustment"
        r"|discount|price match|voucher|coupon|promo code|credit)s?(?: \S+){0,5}? (?:has been |have"
        r" been |was |were |is |got )?(?:declined|rejected|denied|refused|turned down)",
        # Used by the customer when buying, not offered now: "purchased with a promo code".
        r"(?:purchased|bought|ordered|paid|placed|made|got) (?:\w+ )?(?:with|using) (?:a |an |the"
        r" |your |ur )?(?:\w+ )?(?:promo(?:tional)?(?: code)?|discount(?: code)?|coupon|voucher"
        r"|code)",
        r"no (?:\w+ )?(?:discounts?|coupons?|vouchers?|promo codes?) (?:are |is )?(?:available"
        r"|on offer|running|at the moment|right now)",
        # (formal9) An offer as the topic of a question or a team, not one made: "for the
        # voucher question you'll want the marketing team".
        r"(?:discount|voucher|coupon|promo|promo code|price match|promotion)s? (?:question|query"
        r"|queries|enquiry|enquiries|inquiry|inquiries|issue|problem|team|department|desk)s?\b",
        # (formal9) What a refund is worked out from: "the refund will reflect the discounted
        # price of $31.96".
        r"(?:refund|refunds|reimbursement)(?: \w+){0,3}? (?:reflect|reflects|be based on|is based"
        r" on|be calculated on|is calculated on) the (?:discounted|reduced|sale|promotional"
        r"|lower) price",
        # Asked about, not offered: "a colleague who can look into a discount for you".
        r"(?:look into|looking into|ask about|asking about|see about|check about|enquire about"
        r"|inquire about|request) (?:a |any |an )?(?:\w+ )?(?:discounts?|coupons?|vouchers?"
        r"|promo codes?)",
    ),
)


#: A Markdown table's column of offer prices: "| Item | Regular | Sale |".
_OFFER_COLUMN = compile_pattern(
    r"(?:sale|now|offer|deal|member|members|discounted|reduced|special)(?: price)?\W*"
)
_TABLE_MONEY = compile_pattern(r"[£$€]\s?\d|\d\s?(?:€|eur)")


#: A price struck through beside the one asked now: "~~$59.99~~ $44.99".
_STRUCK = compile_pattern(
    r"~~\s*(?:[£$€]\s?\d[\d.,]*|\d[\d.,]*\s?(?:€|eur))\s*~~\W{0,4}[£$€]?\s?\d"
)


def _struck_prices(doc: Document) -> list[Claim]:
    claims: list[Claim] = []
    if "~~" not in doc.masked:
        return claims
    for match in _STRUCK.finditer(doc.masked):
        if silent(doc.clause_at(match.start())):
            continue
        for subject in resolve(doc, ClaimKind.DISCOUNT, match.start(), match.end()):
            claims.append(Claim(ClaimKind.DISCOUNT, _UNSPECIFIED, match.span(), subject, False))
    return claims


def _offer_cells(doc: Document) -> list[Claim]:
    """Prices in a table's sale column: the row's item is offered below its price."""
    claims: list[Claim] = []
    if "|" not in doc.masked:
        return claims
    for match in _TABLE_MONEY.finditer(doc.masked):
        start = match.start()
        if not _OFFER_COLUMN.fullmatch(column_header(doc, start)) or _same_price(doc, start):
            continue
        clause = doc.clause_at(start)
        if silent(clause):
            continue
        for subject in resolve(doc, ClaimKind.DISCOUNT, start, match.end()):
            claims.append(Claim(ClaimKind.DISCOUNT, _UNSPECIFIED, match.span(), subject, False))
    return claims


_PRICE_FIGURE = compile_pattern(r"[£$€]\s?(\d[\d.,]*)|(\d[\d.,]*)\s?(?:€|eur)")


def _same_price(doc: Document, start: int) -> bool:
    """The sale column's price is the row's other price ("| Ink | £8 | £8 |"): not cut."""
    line = doc.masked.rfind("\n", 0, start) + 1
    end = doc.masked.find("\n", start)
    figures = [
        (m.group(1) or m.group(2)).rstrip(".,")
        for m in _PRICE_FIGURE.finditer(doc.masked, line, end if end >= 0 else len(doc.masked))
    ]
    return len(figures) > 1 and len(set(figures)) == 1


#: A percentage naming an offer ("the 15% code", "the 20% voucher") …
_NAMED_OFFER = compile_pattern(
    r"(?:\s?(?:%|percent|per cent))?\s(?:[\w-]+\s)?(?:off\s)?(?:codes?|vouchers?|coupons?|promo"
    r"|discounts?|offers?)\b"
)
#: … or named before it: "the holiday promotion of 20% off".
_OFFER_OF = compile_pattern(
    r"\b(?:promotions?|promos?|offers?|sales?|discounts?|deals?|codes?|coupons?|vouchers?)"
    r" (?:of|for|giving|worth) (?:an? )?(?:extra |additional )?$"
)
#: … then said not to go on what the customer bought: "so it won't go on the Bread Bin",
#: "so we can't put it on your order" (not a limit of an offer given: "can't be used on sale
#: items").
_NOT_ON_IT = compile_pattern(
    r"\b(?:can't|cant|cannot|can not|won't|wont|will not|unable to|not able to|doesn't|does not"
    r"|isn't|is not|wasn't|was not)(?: be)?(?: \w+)? (?:put|go|apply|applies|applied|use|used|add"
    r"|added|work|works|valid|count|counts)\b(?: (?:it|them|that|this))?(?: \w+)?"
    r" (?:on|to|for|towards?|against|with) (?:the |your |ur |this |that )?(?:xx+|orders?\b"
    r"|purchases?\b|basket\b|it\b|them\b)"
)


#: … or said to be over: "the 10% voucher was for the summer sale and has expired now".
_OVER = compile_pattern(
    r"\b(?:has|have|had|'s) (?:now |already )?(?:expired|ended|run out|finished|concluded"
    r"|closed|lapsed)\b"
    r"|\b(?:is|was|are|were) no longer (?:valid|available|running|on)\b"
    # Over on a day, as a formal answer dates it: "concluded on November 30", "ended last
    # week"; or no longer to be had: "can no longer be applied".
    r"|\b(?:expired|ended|concluded|closed|lapsed|finished) (?:on|at|last|yesterday|earlier)\b"
    r"|\b(?:can|could) no longer be (?:applied|used|redeemed|honou?red|offered)\b"
)


def _named_offer_denied(doc: Document, start: int, end: int) -> bool:
    """ "Sorry, the 15% code only works on full-price items, so it won't go on the Bread
    Bin": an offer named by its figure, then said not to apply to the customer's purchase in
    its sentence, is refused, not offered (the denial may come clauses after the figure)."""
    if (
        _NAMED_OFFER.match(doc.masked, end) is None
        and not _NAMED_OFFER.match(doc.masked, start + len(doc.masked[start:end].split()[0]))
        and not _OFFER_OF.search(doc.masked, max(0, start - 40), start)
    ):
        return False
    sentence = doc.sentence_at(start)
    return (
        _NOT_ON_IT.search(doc.masked, end, sentence.end) is not None
        or _OVER.search(doc.masked, end, sentence.end) is not None
    )


def _denied_offers(doc: Document) -> list[Claim]:
    """The named offers `_named_offer_denied` refuses, as spans: their words ("the 10%
    voucher … has expired") offer nothing either."""
    out = []
    for match in _PERCENT.finditer(doc.masked):
        start, end = match.span()
        if _named_offer_denied(doc, start, end):
            offer = _NAMED_OFFER.match(doc.masked, end)
            stop = end if offer is None else offer.end()
            out.append(Claim(ClaimKind.DISCOUNT, _UNSPECIFIED, (start, stop)))
    return out


def _percentages(doc: Document) -> list[Claim]:
    claims: list[Claim] = []
    if (
        "%" not in doc.masked
        and "per" not in doc.masked
        and "pc" not in doc.masked
        and "half" not in doc.masked
    ):
        return claims
    for match in _PERCENT.finditer(doc.masked):
        start, end = match.span()
        clause = doc.clause_at(start)
        if silent(clause) or negated(doc, clause, start, end) or _refused(doc, clause, start):
            continue
        if _named_offer_denied(doc, start, end):
            continue
        figure = match.group("pct") or match.group("pct2") or match.group("pct3")
        value = str(int(figure or match.group("pct4")))
        hedge = hedged(doc, clause, start)
        for subject in resolve(doc, ClaimKind.DISCOUNT, start, end):
            claims.append(Claim(ClaimKind.DISCOUNT, value, (start, end), subject, hedge))
    taken = [c.span for c in claims]
    for match in [*_BARE_PERCENT.finditer(doc.masked), *_HALF.finditer(doc.masked)]:
        start, end = match.span()
        if any(s <= start < e for s, e in taken):
            continue
        clause = doc.clause_at(start)
        text = doc.clause_text(clause)
        if silent(clause) or not _OFFER_WORDS.search(text) or negated(doc, clause, start, end):
            continue
        if _refused(doc, clause, start) or _named_offer_denied(doc, start, end):
            continue
        value = str(int(match.group("pct"))) if match.re is _BARE_PERCENT else "50"
        hedge = hedged(doc, clause, start)
        for subject in resolve(doc, ClaimKind.DISCOUNT, start, end):
            claims.append(Claim(ClaimKind.DISCOUNT, value, (start, end), subject, hedge))
    return claims


#: "No charge" says what costs nothing; in a sentence that cancels or refunds, and gives
#: nothing, it is the cancellation or refund that is free of a fee ("ORD-1 cancelled, no
#: charge"), not an offer of something free. A replacement sent at no charge still is one.
_NO_CHARGE = compile_pattern(r"no charge|at no (?:extra |additional )?(?:cost|charge)")
_SETTLED = compile_pattern(
    r"\b(?:cancel\w*|refund\w*|void\w*|reversed|reimburs\w*|binned|scrapped|called off)\b"
)
#: A thing given that a shipping word may go with: "a replacement shipped at no cost".
_GIVEN_ITEM = compile_pattern(r"\b(?:replac\w*|new one|another one|swap\w*|exchang\w*)\b")
_GIVEN = compile_pattern(
    r"\b(?:replac\w*|new one|another one|swap\w*|exchang\w*|send\w*|sent|ship\w*|post\w*"
    r"|keep|upgrad\w*|repair\w*)\b"
)


#: What a shop gives free as its policy ("ships at no extra cost", "free gift wrapping … at no
#: charge"): free shipping, delivery, returns or wrapping is no discount.
_POLICY_FREE = compile_pattern(
    r"\b(?:ship|ships|shipped|shipping|deliver(?:y|ed|s)?|postage|posted|gift[- ]?wrap\w*"
    r"|wrapping|returns?|collection)\b"
)


def _settled_free_of_charge(doc: Document, start: int, end: int) -> bool:
    """The phrase at `start` is "no charge" said of a cancellation or a refund, or of what
    a shop's policy makes free (`_POLICY_FREE` before it in its sentence)."""
    if _NO_CHARGE.fullmatch(doc.masked, start, end) is None:
        return False
    segment = doc.sentence_at(start)
    # The last policy word before the phrase.
    policy = next(reversed(list(_POLICY_FREE.finditer(doc.masked, segment.start, start))), None)
    if (
        policy is not None
        and not _GIVEN_ITEM.search(doc.masked, segment.start, start)
        # What is shipped free may be an item named after it: "we will ship you a second Wall
        # Clock at no charge" gives the clock ("the Tray would ship at no extra cost" does not).
        and not any(
            m.type is SubjectType.ITEM and policy.end() <= m.start < start for m in doc.mentions
        )
    ):
        return True
    sentence = doc.clause_text(segment)
    if _SETTLED.search(sentence) is None or _GIVEN.search(sentence) is not None:
        return False
    # An item named in the sentence may be what is given ("cancelled the fee, the Rug is free").
    return not any(
        m.type is SubjectType.ITEM and segment.start <= m.start < segment.end for m in doc.mentions
    )


_NEED_NOT_SEND = compile_pattern(r"(?:don't|do not|dont|won't|will not|wont) (?:need|have) to")
_REFUND_WORD = compile_pattern(r"\brefund")


def _kept_with_refund(doc: Document, hit: Hit) -> bool:
    """ "You don't need to send it back" gives the item only beside a refund: keeping it with
    the money back is free; without one it may be a replacement's instructions."""
    if _NEED_NOT_SEND.match(doc.masked, hit.start) is None:
        return True
    return _REFUND_WORD.search(doc.masked) is not None


_CREDIT_PHRASE = compile_pattern(r"\S+ (?:account |store )?credit")
#: Why a credit was given, when it is a gift: a thank-you, an apology, goodwill.
GIFT = compile_pattern(
    r"\b(?:goodwill|gesture|as a thank|a (?:little |small )?thank-you|to say sorry|as an apology"
    r"|by way of (?:an )?apology|on the house)\b"
)


def _gift_credit(doc: Document, hit: Hit) -> bool:
    """ "$15 credit" is an offer when given as a gift (a thank-you, an apology); else it may
    be the refund (`_refunds`)."""
    if _CREDIT_PHRASE.fullmatch(doc.masked, hit.start, hit.end) is None:
        return True
    sentence = doc.sentence_at(hit.start)
    return GIFT.search(doc.masked, sentence.start, sentence.end) is not None


#: A heading that only names its section by the offers' plural ("**Discounts** 🏷️", "###
#: Current promotions"): what follows may well say there are none.
_SECTION_TITLE = compile_pattern(
    r"[^a-z]*(?:(?:current|available|active|your|any) )?(?:discounts|offers|promotions|promos"
    r"|deals|savings|discount codes|vouchers|coupons|pricing)[^a-z]*"
)


def _a_section_title(doc: Document, start: int) -> bool:
    """The offer word at `start` stands in a heading that only names what its section is
    about ("**Discounts**" above "we don't have any promotions running"): it offers nothing."""
    if doc.layout is None or not doc.layout.headings:
        return False
    for heading in doc.layout.headings:
        if heading.start <= start < heading.end:
            return _SECTION_TITLE.fullmatch(doc.masked, heading.start, heading.end) is not None
    return False


def _said_over(doc: Document, claim: Claim) -> bool:
    """ "The coupon you referenced ended on November 30": an offer named, then said in its
    clause to be over, offers nothing (as a named percentage does, `_named_offer_denied`)."""
    if claim.value != _UNSPECIFIED:
        return False
    return _OVER.search(doc.masked, claim.span[1], doc.clause_at(claim.span[0]).end) is not None


def _refused(doc: Document, clause: Clause, start: int) -> bool:
    return _REFUSED.search(doc.masked, clause.start, start) is not None


def _overlaps(claim: Claim, others: list[Claim]) -> bool:
    return any(o.span[0] < claim.span[1] and claim.span[0] < o.span[1] for o in others)


@EXTRACTORS.register(ClaimKind.DISCOUNT)
def extract_discount(doc: Document) -> list[Claim]:
    table = (_TABLE, doc.context.vocabulary.rules_for(ClaimKind.DISCOUNT))
    figures = _percentages(doc)
    cells = [*_offer_cells(doc), *_struck_prices(doc)]
    hits = [
        h
        for h in scan(doc, *table)
        if not _a_section_title(doc, h.start)
        and not _settled_free_of_charge(doc, h.start, h.end)
        and _kept_with_refund(doc, h)
        and _gift_credit(doc, h)
        and (h.value != _FREE or doc.reads("discount:free", h.clause, h.start))
    ]
    if not hits and not cells:
        return figures
    words = [
        c
        for c in claims_of(doc, ClaimKind.DISCOUNT, hits)
        if not _overlaps(c, figures) and not _said_over(doc, c)
    ]
    if words and "%" in doc.masked:
        denied = _denied_offers(doc)
        words = [c for c in words if not _overlaps(c, denied)]
    claims = sorted([*figures, *words, *cells], key=lambda c: c.span)
    figured = {c.subject for c in claims if c.value != _UNSPECIFIED}
    if figured:
        # A figure says what the offer is, for its own item: another item's unspecified cut
        # stays ("- X — 30% off / - Y — $10 off"), unless a figure names no item.
        claims = [
            c
            for c in claims
            if c.value != _UNSPECIFIED
            or (c.subject is not None and None not in figured and c.subject not in figured)
        ]
    return claims
