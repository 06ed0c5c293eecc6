"""Availability: in stock, low, out, backorder, discontinued, or not a thing the shop sells.

Decisions that a verdict relies on: "no longer available" and "isn't available anymore" are
out of stock (the words speak of today's shelf), while "no longer sold/made/carried" and "won't
be restocked" are discontinued (they speak of the range). "Back in stock on 3 Dec" and "can
order now, ships when restocked" are backorder. Every stock count is also an availability
claim (none → out of stock, scarce → low stock, else in stock).
"""

from __future__ import annotations

from dataclasses import replace
from operator import attrgetter

from auditor._claims._capability import (
    capability_claims,
    degree_claims,
    denial_claims,
    may_tell,
    noticed_claims,
    offered_claims,
)
from auditor._claims._clarification import find_clarifications
from auditor._claims._compiled import compile_pattern
from auditor._claims._dispatch import RuleSet
from auditor._claims._document import Document
from auditor._claims._groups import over_the_group
from auditor._claims._lexicon import (
    ALLOCATING,
    ARRIVING,
    CANNOT,
    CATALOGUE,
    INCOMING,
    ON_SCREEN,
    OTHER_SELLERS,
    RESTOCK,
    RESTOCKING,
    STAFF_AVAILABLE,
    SUPPLIER,
    VARIANT_WORDS,
    WAREHOUSE,
    forms,
    ing,
    past,
)
from auditor._claims._model import Claim, ClaimKind
from auditor._claims._quantity import find_counts, stock_cells, wrapped_run
from auditor._claims._refine import supersede
from auditor._claims._registry import EXTRACTORS
from auditor._claims._resolve import carry_over, claims_of, connects, resolve
from auditor._claims._rules import rules
from auditor._claims._scan import Hit, scan
from auditor._claims._subjects import Mention, SubjectType

_IN = "in_stock"
_LOW = "low_stock"
_OUT = "out_of_stock"
_BACK = "backorder"
_GONE = "discontinued"
_NOT_CARRIED = "not_carried"
_STOCK = r"(?:stock|stok|stcok|stk)"
_IT = r"(?:it|them|that|those|these|this|one|xx+|the xx+|any)"
_IT_OR_ITEM = r"(?:them|those|these|it|units|items|pieces|xx+|the xx+)"
_FEW = r"(?:numbers?|quantity|quantities|amounts?)"
#: "… in a limited number of colours" limits the choice, not the stock: only a count of the
#: item itself (or a date or figure, as a model writes "of 2026-11-30 stock") may follow.
_OF_STOCK = rf"(?! of (?!{_IT_OR_ITEM}|\d|{_STOCK}))"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_DAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*"
#: A day of the month: "8", "22nd".
_NTH = r"\d+(?:st|nd|rd|th)?"
#: When something comes back: "mid-nov", "next wk", "3rd December", "~fri".
_WHEN = (
    rf"(?:~\s*)?(?:(?:on|by|from|in|around|about|after|before|mid|early|late|end of|the end of"
    rf"|next|nxt|this|w/c)(?:-|\s+)?)?(?:the )?(?:{_MONTH}|{_DAY}|wk|week|month|{_NTH}|soon"
    rf"|tomorrow|tmrw)"
)
#: A date to come, never a bare number: "on the 2nd", "nxt wk", "w/c 30th", "Monday"; (sms9)
#: a day of the month with its ending is one ("back 15th", "back in stock 18th").
_WHEN_DATE = (
    rf"(?:(?:(?:on|by|from|around|about|after|before|mid|early|late|end of|the end of|next|nxt"
    rf"|this|w/c|wk of|week of|week commencing)(?:-|\s+)(?:the )?(?:{_NTH}|{_MONTH}|{_DAY}|wk|week"
    rf"|month))|{_MONTH}|{_DAY}|tomorrow|tmrw|(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b)"
)
#: Set aside for others: "allocated to orders", "reserved for existing customers".
_ALLOCATED = past(*ALLOCATING)
#: A plenty of: "loads", "plenty", "heaps".
_PLENTY = (
    r"(?:plenty|loads|lots|heaps|tons|stacks|masses|oodles|shedloads|bucketloads|a good few"
    r"|a fair few|a load|a ton|bags(?= of\b)"
    r"|ample (?:stock|supply|supplies|inventory|quantities)"
    r"|a (?:good|healthy|decent|big|large|fair|strong|generous|steady|solid|plentiful) (?:stack"
    r"|pile|supply|amount|number|few))"
)
_SHELF = rf"(?:on (?:the |our )?shel(?:f|ves)|in (?:the |our )?(?:{WAREHOUSE}|stock ?room))"
#: Softeners that may stand inside a phrase of stock to come: "will probably be back", "maybe
#: back next wk" (the hedge itself is read by `_negation.hedged`).
_SOFT = r"(?:probably|prob|maybe|hopefully|likely|possibly|definitely|certainly|def)"
#: A negative quantifier before a count of none: "isn't a single one", "not 1 left".
_NOT_ONE = (
    r"(?:not(?: got)?|isn't|aren't|haven't(?: got)?|have not(?: got)?|don't have|do not have"
    r"|there's not|there isn't|there aren't|without)(?: even)?"
)
#: Restocking, as a verb in any form ("replenished", "restocking").
_RESTOCKED = forms(*RESTOCKING)
#: A word of an item's name said in full, with no mention found (a misspelt name): never a
#: word that opens a clause, a question or a preposition's object, nor information had.
_NAME_WORD = (
    r"(?!(?:info|information|details|eta|etas|idea|update|updates|news|record|records|access"
    r"|data|dates?|way|clue|notes|tracking|more|further|other|is|are|was|were|be|been|whether"
    r"|if|about|on|for|when|to|of|that|which|in|at|and|or|but|with|right|real-time)\b)[\w-]+"
)
_ADVERBS = (
    r"(?: completely| all| currently| totally| fresh| temporarily| clean| right| just| sadly"
    r"| unfortunately| actually)?"
)

_TABLE = RuleSet.of(
    rules(
        _IN,
        rf"in {_STOCK}",
        r"in-stock",
        r"instock",
        r"(?:available|avaliable|availible|availabe|avail|avl)",
        r"on (?:the |our )?shel(?:f|ves)",
        rf"{_PLENTY}(?: of (?:them|those|these|it|the xx+|xx+))? (?:{_SHELF}|in {_STOCK}|left"
        r"|available|on hand)",
        rf"(?:have|has|'ve got|have got|got|'ve) (?:{_PLENTY}|some|a lot|stock)"
        r"(?: of (?:them|those|these|it|that|the xx+|xx+|(?!the\b|our\b)\w+))?"
        r"(?: (?:left|in stock|available|on hand))?",
        # (Read off a screen too: "showing plenty".)
        rf"(?:there's|there is|there are|there're|we've|we have|we've got|got|showing|shows)"
        # (Plenty of what follows "of", when that is not the item: "a good number of reviews",
        # "plenty of time" are no stock.)
        rf" {_PLENTY}(?! of (?!(?:the |our )?(?:[\w-]+ )?(?:xx+|them|those|these|it|stock"
        r"|units)\b))",
        # (Not "any information", "any eta for new stock", "any additional information":
        # what is had is no stock.)
        r"(?:have|got) any(?! (?:[\w-]+ ){0,2}(?:info|information|details|eta|etas|idea|update"
        r"|updates|news|record|records|visibility|access|data|dates?|way|clue|notes|tracking"
        r"|more info"
        # (Nor offers: "we don't have any promotions running on X".)
        r"|promotions?|promos?|offers?|deals?|discounts?|sales?|vouchers?|coupons?|codes?)\b)"
        r"(?: of (?:them|those|these|it|that|the xx+|xx+))?(?: (?:left|in stock|available))?",
        rf"back in {_STOCK}",
        # Some still to be had: "there's some left".
        r"some (?:left|in stock|available|about|around|on the shel(?:f|ves)"
        rf"|in the (?:{WAREHOUSE}|back))",
        r":\s*(?:[^\w\s]+\s*)?plenty",
        # Kept in stock, said of the item: "it's stocked and ready", "we're well stocked".
        # (A leading "\b" keeps these whole: searched for where their rare word stands, not tried
        # at every "is", "in" or "we" of every answer.)
        r"\b(?:is|are|'s|'re|isn't|aren't|we're|we are) (?:not )?"
        r"(?:well |fully |currently |still )?stocked"
        r"(?! (?:by|at (?!the moment|present|the minute|all\b|every\b"
        rf"|(?:our|the) (?:[\w-]+ )?(?:{WAREHOUSE}|dc"
        r"|distribution|fulfil))|in (?:stores?|shops?|branches)|up on)\b)",
        rf"{_PLENTY} of (?:the |our )?xx+",
        r"\bin (?:plentiful|ample|good|healthy|generous|abundant|plenty of|large|big) supply",
        # Came back, in the past: in stock now, not a restock to come ("just came back in
        # stock this morning").
        rf"(?:came|come) back (?:in|into) {_STOCK}(?: (?:this|today|yesterday|earlier|last)"
        r"(?: \w+)?)?",
        negated=_OUT,
    ),
    rules(
        _OUT,
        rf"out of {_STOCK}",
        rf"outta {_STOCK}",
        r"oos",
        r"sold(?: |-)?out",
        r"(?:currently |temporarily )?unavailable",
        r"zero stock",
        rf"(?:we're|we are|we r|i'm afraid we're){_ADVERBS} out"
        rf"(?: of {_IT}| of {_STOCK}| at the moment| right now)?",
        rf"(?:run|ran) out(?: of {_IT}| of {_STOCK})?",
        # (Not money: "that's all gone back to your card".)
        r"all gone(?! back\b)",
        r"sold (?:through|thru)",
        r"(?:run|ran|gone|went) dry",
        negated=_IN,
    ),
    rules(
        _OUT,
        r"none (?:left|in stock|available|remaining|remain|remains|at the moment|at present|atm"
        r"|rn|right now|today|free|spare|online|anywhere|everywhere|on (?:the |our |my )?(?:system"
        r"|screen)|in any (?:of (?:our|the) )?(?:stores?|shops?|branch(?:es)?|warehouses?))",
        # A negative quantifier over what remains: "there isn't a single kettle left".
        rf"{_NOT_ONE} (?:a single|one|1|a one|a)(?: (?:one|unit|item|piece))?(?: xx+| of (?:the"
        r" |those |these |our )?xx+| of (?:them|those|these))?"
        r" (?:left|remaining|in stock|available|on (?:the |our )?shel(?:f|ves)|to be had"
        r"|in(?=\s*(?:[,.;!)\u2014]|$)))",
        r"sold (?:the lot|every (?:last )?one|them all|out the lot)",
        # Stock used up: "inventory for the X has been depleted".
        r"\b(?:stock|inventory|supply|supplies)(?: \w+){0,4}? (?:has|have|is|are) (?:been |now )?"
        r"(?:depleted|exhausted|used up)",
        # (formal9) The shop as the one who used it up: "we have exhausted our inventory of"
        # (opened on the verb: a pattern led by a look-behind has no word to be filed under).
        r"(?:exhausted|depleted|used up) (?:our|its|all (?:of )?our) (?:\w+ )?(?:stock|inventory"
        r"|supply|supplies)",
        r"clean(?:ed)? out of",
        rf"nowhere to be (?:found|seen|had)(?: in (?:the |our )?"
        rf"(?:{WAREHOUSE}|stock ?room|shop|store)"
        r"| on (?:the |our )?shel(?:f|ves))?",
        r"no (?:remaining|more|available|current|further) (?:stock|inventory|units)",
        r"none of (?:them|those|these|it|the xx+|xx+) (?:left|in stock|available|remaining)",
        rf"nothing (?:{_SHELF}|on shelves)",
        r"not a single (?:one|unit|xx+)(?: left| in stock| available)?",
        r"none in(?=\s*(?:[,.;!)]|$|now\b|at the moment|right now|rn\b|atm\b|for now|i'm afraid"
        r"|sorry))",
        r"(?:have|has|'ve|'ve got|have got|got) none(?: left| in)?",
        r"(?:shelves are|shelf is|shelves're)(?: \w+)? (?:empty|bare)",
        r"no more left",
        r"nothing (?:left|in stock)",
        # Sold the last of it: "we've sold the last one".
        r"sold (?:the|our) (?:very )?(?:last|final) (?:one|unit|piece|xx+)",
        r"no stock",
        rf"no longer (?:available(?: in {_STOCK})?|in {_STOCK})",
        # "there are no Glass Teapots left": a named item, masked.
        r"no (?:more )?xx+ (?:left|remaining|units?|in stock)",
        # "no wall clocks atm", "no more mats, I'm afraid": none of a named item.
        r"no (?:more )?xx+(?=\s*(?:[,.;!)]|$|atm\b|rn\b|at the moment|right now|i'm afraid"
        r"|sorry|today|now\b))",
        # On the shelf but set aside for others: "all allocated to orders", "reserved for
        # existing customers", "showing as committed", "spoken for". (Not "reserved for you".)
        rf"{_ALLOCATED} (?:to|for|against) (?!(?:your|ur|you|yr|u)\b)(?:\w+ ){{0,3}}?"
        r"(?:orders?|customers?|pre-?orders?|back-?orders?|reservations?)\b",
        rf"(?:showing|shows|shown|marked|listed|flagged)(?: as)? (?:fully |all )?{_ALLOCATED}\b",
        r"spoken for",
        # (agent9) Every unit set aside, said of the item: "the Kids Bike 16in is all reserved";
        # none on the screen: "the Disc Brake Pads aren't showing any stock".
        r"(?:all|fully) (?:reserved|allocated|committed|earmarked|promised)\b",
        # (Any, said of the item: "my screen isn't showing stock" is blindness, fr-agent-011.)
        r"(?:aren't|isn't|are not|is not) showing any (?:stock|units)\b",
        # Read off a screen: "Blue Kettle Pro showing none".
        r"(?:showing|shows|reads)(?: as)? none\b",
        # "It's a no-go at the moment."
        # (Hyphenated only: "RMA-5204 - no go" refuses a return.)
        r"no-go\b",
        negation=False,
    ),
    rules(
        _LOW,
        r"low (?:on )?stock",
        r"stock is (?:running )?low",
        r"running (?:quite |very |rather |a bit |pretty |really )?(?:low|out)",
        r"(?:almost|nearly|practically) (?:gone|sold out|out of stock|exhausted|depleted)",
        r"\b(?:in )?(?:very |quite |really )?short supply",
        r"selling (?:fast|out fast|quickly)",
        r"(?:limited|ltd) (?:stock|quantities|availability|supply)",
        r"limited in (?:availability|stock|supply|numbers?)",
        r"(?:stock|inventory|quantities|supply|supplies|availability|numbers)(?: \w+){0,3}?"
        r" (?:is|are|'s|'re) (?:very |quite |rather |really |pretty |a bit |somewhat |fairly"
        r" |extremely |increasingly )?(?:limited|scarce"
        # (A formal register's words of a short supply too: "constrained", "stretched".)
        r"|tight|low|constrained|restricted|stretched|dwindling|thin)",
        # "A limited number" alone is any small set ("a limited number of options"): it is
        # scarcity only said of stock, offered in a limited number or a limited number left.
        rf"(?:available|stocked|sold|offered) in (?:a )?(?:very )?limited {_FEW}{_OF_STOCK}",
        rf"(?:limited|small|tiny) {_FEW}(?: of {_IT_OR_ITEM})? (?:left|remaining|in {_STOCK}"
        r"|available|on hand|remain|remains)",
        r"(?:only |just )?(?:a )?(?:few|handful)(?: of (?:them|those|these|the units|units|items"
        r"|pieces))?(?: of (?:the )?(?:\w+ )?xx+| \w+)? (?:left|remaining|remain|remains)",
        r"last few",
        # (formal9) Held in a small amount: "our warehouse holds a limited quantity of the X"
        # (opened on the rare word, not on "have").
        rf"(?:limited|small) {_FEW} of (?:the |our )?xx+",
        # (formal9) British: "thin on the ground", "few and far between".
        r"thin on the ground",
        r"few and far between",
    ),
    rules(_LOW, r"not many left", negation=False),
    # Next to none: "there's hardly any left", "barely any of them in stock".
    rules(
        _LOW,
        r"\b(?:hardly|barely|scarcely) any(?: of (?:them|those|these|the xx+|xx+))?(?: xx+)?"
        rf" (?:left|remaining|in {_STOCK}|on hand)",
        negation=False,
    ),
    # About to run out, in any words: "about to run out", "going fast", "won't last long".
    rules(
        _LOW,
        r"(?:about|going|likely|set|bound) to (?:run out|sell out)",
        r"(?:going|flying|disappearing) (?:fast|quickly|quick)",
        r"(?:won't|will not|wont) last (?:long|much longer)",
        # Of stock only: "a few of them left", "still got a handful." ("We have a few options"
        # is any small set, as "a limited number of options" is.)
        r"(?:still )?(?:got|have|'ve got) (?:only |just )?(?:a few|a handful|a couple)"
        r"(?: of (?:them|those|these|the xx+|xx+)| xx+(?=\s*(?:[.,!;]|$))"
        r"|(?= (?:xx+ )?(?:left|remaining|in stock|on hand)\b)|(?=\s*(?:[.,!;]|$)))",
        negation=False,
    ),
    # Quantifier negation: "neither of the chargers is in stock", "none of the sizes are".
    rules(
        _OUT,
        rf"(?:neither|none) (?:of )?(?:them|those|these|the \w+|the xx+|xx+|\w+)?(?: \w+)?"
        rf"(?: (?:is|are|'s|r))? (?:currently |still )?(?:in {_STOCK}|available|left"
        r"|in(?=\s*(?:[,.;!]|$|at the (?:minute|moment)|right now|atm|rn|now)))",
        negation=False,
    ),
    # (agent9) Stock on its way to the shop, read off an agent's screen: "in transit from the
    # supplier", "the next PO isn't due till January", "nothing on the shelf till it lands
    # Thursday", "out of Chain 11-Speed till the 4th".
    rules(
        _BACK,
        rf"transit (?:from|off) (?:the |our )?(?:{SUPPLIER[3:-1]}|suppliers|brand)\b",
        r"(?:next|new|open) (?:po|p\.o\.|purchase order)(?:'s| is| isn't| is not|'s not)?"
        r" (?:due|expected|booked|coming)\b",
        r"(?:till|until|til|'til) (?:it|they) (?:lands?|arrives?|comes? in|gets? in)\b",
        rf"out of (?:the )?xx+ (?:til|till|'til|until) {_WHEN}",
        negation=False,
    ),
    rules(
        _BACK,
        # (Ordered from the maker too, "on order from the supplier": one pattern under "on".)
        r"on (?:(?:a )?back[- ]?order|order (?:from|with) (?:the |our )?(?:suppliers"
        rf"|{SUPPLIER[3:-1]}|brand))",
        # Sent by whoever makes it: "supplier's sending more fri", "the maker is shipping us
        # another batch".
        rf"(?:suppliers|{SUPPLIER[3:-1]}|brand)"
        r"(?:'s| is| are| will be|'ll be| should be)?"
        r" (?:sending|shipping|delivering|dispatching|bringing)"
        rf"(?: us)? (?:more|some|stock|new stock|another|a fresh|a new|{INCOMING})",
        # In stock on a day to come: "should be in stock Monday".
        rf"(?:should|will|(?:it|they|we)'ll|shd|shud|wil|might|may|hopefully|prob) (?:be|b) in"
        rf" {_STOCK} {_WHEN_DATE}",
        r"back-?order(?:ed|able)?",
        r"b/o",
        # Made once ordered: "it's currently made to order — ships in about 3 weeks".
        r"(?:made|built|produced|crafted|sewn|printed) to order",
        r"(?:will be|'ll be|is being|are being|getting|get|be) re-?stocked",
        rf"(?:restock|re-stock)(?:ing)? (?:is |are )?(?:due|expected|planned|coming|scheduled|on"
        rf"|by|next|soon|tomorrow|tmrw|tmr|this week|{_MONTH}|{_DAY})",
        r"(?:expecting|expect|due|awaiting|waiting on|waiting for) (?:a |another |the next )"
        r"(?:new |fresh |further )?(?:delivery|shipment) of (?:the |more )?xx+",
        r"(?:expecting|expect|due|awaiting|waiting on) (?:a |another |more |new |the next )?"
        r"(?:re-?stock|more)",
        r"(?:expecting|expect|due|awaiting|waiting on) (?:more|new) stock",
        # (formal9) New stock given a time, said even beside an order (the words are the
        # shop's, never a parcel's): "new stock due the 18th", "fresh stock's expected Monday".
        # (Filed under its first word: led by "\b" it would be searched in every answer that
        # says "stock".)
        r"(?:new|fresh|more|further) (?:stock|inventory|supplies|consignment)(?: of (?:the )?xx+"
        r"| of them)?(?:'s| is| are)? (?:due|expected|arriving|landing|scheduled)"
        rf"(?: (?:in|into us|to us|back))? (?:{_WHEN_DATE}|the {_NTH}\b)",
        # (formal9) Stock, or more, on a day: "we're expecting stock on Thursday", "we
        # anticipate receiving more by December 20", "on its way back in".
        rf"(?:expecting|expect|expects|anticipate|anticipating) (?:to )?(?:receive |receiving |get"
        rf" |getting )?(?:stock|more|more stock|new stock|further stock) (?:{_WHEN_DATE}|shortly"
        r"|soon)\b",
        # More stock on its way, in other words: "we anticipate receiving additional mats",
        # "we expect new inventory on the 22nd".
        r"(?:expect|expecting|expects|anticipate|anticipating|anticipates|awaiting|due to receive)"
        r"(?: (?:to )?(?:receive|receiving|get|getting))? (?:more|additional|new|fresh|further)"
        r" (?:stock|inventory|units|supplies|supply|xx+)",
        r"more (?:is |are )?(?:coming|due|arriving|expected|on the way|in)(?: on| by| from"
        rf"| in| next| {_MONTH}| \d| soon)",
        # The next lot of stock told by when: "nxt batch wk of 14th", "more due fri".
        r"(?:next|new|another|fresh) (?:batch|lot|consignment|drop)(?: of (?:stock|them|xx+))?"
        rf"(?: is| are|'s)?(?: due| expected| arriving| coming| landing| in)? {_WHEN}",
        rf"more (?:is |are )?(?:coming|due|arriving|expected) {_WHEN_DATE}",
        # (voice10) Ordered in and given a day: "more are on order and due in on the 18th".
        rf"more (?:is |are |'s )?(?:already )?on order,? (?:and )?(?:is |are )?(?:due|expected"
        rf"|arriving|coming)(?: in| back)? {_WHEN_DATE}",
        # (formal9) "more's due in next Tuesday".
        rf"more(?:'s| is| are) (?:coming|due|arriving|expected)(?: in| back)? {_WHEN_DATE}",
        rf"(?:on (?:its|their) way|coming) back (?:in|into) {_STOCK}",
        rf"available again (?:on|from|after|by|in|next|soon|later|around|early|mid|late|{_MONTH})",
        rf"back on (?:the |our )?shel(?:f|ves) {_WHEN}",
        r"(?:available|open) (?:for|on|to) (?:back|pre)-?order",
        r"pre[- ]?order(?:s|ed|able)?",
        r"(?:expecting|expect|expected) (?:it|them|more|stock|some) back",
        rf"(?:we'll|we will|we should|we're going to|we are going to) have (?:more|some|new stock"
        rf"|more stock|stock)(?: of (?:the |them|those)?)?(?: ?xx+)?(?: in)?"
        rf" (?:on|by|from|in|next|around|after|early|mid|late|{_MONTH}|{_DAY}|\d)",
        r"(?:send|post|ship|dispatch) (?:it|them) (?:when|once|as soon as) (?:it's|it is"
        r"|they're|they are) back",
        # (Not money: "your £26 will be back with you", "should be back on the card".)
        r"(?:will|should|'ll|might|may|could|is expected to|expected to|is due to|due to|set to"
        rf"|going to|shd|shld|shud|wil|gonna)(?: {_SOFT})? (?:be|b) back(?: in {_STOCK})?"
        r"(?! (?:with|w/|on|in|to|into|onto) (?:you|u|ya|your|ur|yr|the (?:card|account|bank))\b)",
        # Coming back on a day: "comes back in on the 2nd".
        # ("'ll" is spelt with its pronoun: a pattern opening on "'ll" has no first word to be
        # filed under, and would be searched for in every answer that says "we'll".)
        rf"(?:comes|coming|will come|(?:it|they)'ll come|should come|due) back in(?: {_STOCK})?"
        rf" {_WHEN_DATE}",
        # A restock's date, read off a screen: "a restock date of the 3rd of December".
        rf"(?:restock|re-stock|back in {_STOCK}|replenishment) (?:date|eta|day)"
        r"(?: (?:is|of|for|set for|showing as|showing|shows|as|on|says))? (?:the )?"
        rf"(?:{_NTH}|{_MONTH}|{_DAY}|next|tomorrow|tmrw|mid|early|late|end)",
        rf"back in {_STOCK} (?:on|by|from|in|around|next|early|mid|late|soon|later|after"
        rf"|before|this|at the end|towards|within|\d+(?:st|nd|rd|th)?|~|{_MONTH}|{_DAY})",
        r"(?:expected|due|exp) back",
        r"(?:ships?|will ship|we'll ship|we will ship|dispatch(?:es)?) (?:it |them )?"
        r"(?:as soon as|when|once) (?:it's |it is |they're |they are |we )?(?:re-?stock(?:ed)?"
        rf"|back in {_STOCK}|new stock|more stock|back|get more)",
        rf"(?:ships?|will ship|we'll ship|we will ship|dispatch(?:es)?|send|post) (?:it |them )?"
        rf"(?:as soon as|when|once) (?:our|the) (?:next|new) {INCOMING} (?:arrives|is received"
        r"|comes in|lands|gets here|is in)",
        # Gone out once more come in: "it'll go out as soon as the new batch lands".
        rf"(?:go|goes|going) out (?:as soon as|when|once) (?:our |the |a )?(?:next|new|fresh)"
        rf" {INCOMING} (?:arrives|is received|comes in|lands|gets here|is in)",
        rf"(?:restocking|re-stocking) (?:on|in|by|next|soon|the \d|\d|{_DAY}|{_MONTH})",
        r"return(?:s|ing)? to (?:the |our )?shel(?:f|ves)",
        # "We expect to replenish inventory within two weeks".
        r"(?:expect|expecting|anticipate|anticipating|plan|planning|due|scheduled)"
        r" to (?:re-?stock|replenish|top up|receive more)",
        # Back in other words: "expected to return to stock by the 22nd", "replenished on".
        rf"return(?:s|ing)? (?:to|into) {_STOCK}",
        rf"{_RESTOCKED} (?:on|by|from|in|next|around|after|early|mid|late|soon|this|within|{_NTH}"
        rf"|{_MONTH}|{_DAY})",
        rf"(?:restock|re-stock|replenishment|resupply)(?: {INCOMING})? (?:of (?:the )?xx+"
        rf" )?(?:is |are )?(?:due|expected|scheduled|planned|coming|arriving|set|booked)",
        # A field of a stock card: "Expected restock: 19 December", "Back in stock: 14 Dec".
        rf"(?:expected |next |planned |estimated |due )?(?:restock(?: date| eta)?"
        rf"|back in {_STOCK}|back|due back)\s*:\s*(?:\W\s*)?"
        rf"(?:on |by |from |around |the |~)?(?:{_NTH}|{_MONTH}|{_DAY}|next|tomorrow|early|mid|late"
        r"|end|this)",
        rf"(?:(?:be|is|are)(?: {_SOFT})?|{_SOFT}) back (?:in )?(?:{_STOCK} )?(?:on|by|next"
        rf"|this|in|around|before|after|early|mid|late) (?:the )?(?:{_NTH}|{_MONTH}|{_DAY}|wk|week"
        r"|month|fortnight|christmas|xmas|new year)",
        rf"(?:out of {_STOCK}|out of (?:the )?xx+|sold out|unavailable|oos|out) (?:til|till|'til"
        r"|until|to) (?:the )?"
        rf"(?:after )?(?:{_NTH}|{_MONTH}|{_DAY}|next|mid|early|late|end|christmas|xmas|new year"
        r"|the new year|the holidays)",
        # Coming back, present or future: "comes back into stock next Thursday".
        rf"(?:comes|coming|will come|'ll come) back (?:in|into) {_STOCK} (?:on|by|next|this|in"
        rf"|around|early|mid|late|{_NTH}|{_MONTH}|{_DAY}|tomorrow|tmrw|soon)",
        rf"back in {_STOCK} (?:tomorrow|tmrw|tmr|2moro)",
        # Sent once it comes in: "we'll send it when it comes in".
        # (A day may stand between: "send them on the 28th when they come back into stock";
        # the "when" clause is a condition, so the phrase opens in the sending one.)
        r"(?:send|post|ship|dispatch)(?:es|s)? (?:it|them|yours|one)(?: out)?"
        rf"(?: (?:on|by|from) (?:the )?(?:{_NTH}|{_MONTH}|{_DAY})(?: \w+)?| {_DAY})?"
        r" (?:when|once|as soon as)"
        r" (?:it|they|more|stock|new stock|the next \w+|(?:the |a )?(?:new|fresh) (?:batch|stock"
        r"|delivery|shipment|consignment|lot|load)) (?:comes?|arrives?|lands?|gets? here)"
        r"(?: (?:back )?in| into stock)?",
    ),
    # An agent's restock read off the system: "next PO is due in on the 15th", "ETA on the
    # restock is the 18th", "the restock lands Wednesday", "30 due in on the 14th".
    rules(
        _BACK,
        r"(?:next|new|open|outstanding) (?:po|p\.o\.|purchase order)(?: \w+){0,2}? (?:is |'s )?"
        r"(?:due|expected|booked|arriving|landing|lands|eta)",
        rf"(?:restock|re-stock)(?:'s| is| eta(?: is)?| lands| landing| arrives| arriving| date is"
        rf"| date's) (?:on )?(?:the )?(?:{_NTH}|{_MONTH}|{_DAY})",
        r"\d+ (?:more )?(?:due|expected|booked|coming) in (?:on|from|for|next|this)\b",
        # The shop's next delivery given a day: "next delivery from the supplier is w/c 14th".
        r"next (?:delivery|shipment|batch|lot|po|consignment)(?: (?:from|off) (?:the |our )?"
        rf"{SUPPLIER})? (?:is |'s )?(?:due |expected |booked )?"
        r"(?:on|w/c|wc|for|by|in|the|mid|early|late|next|this|\d|mon|tue|wed|thu|fri|sat|sun)",
        # On its way into the shop's own stock: "due into the DC around the 20th".
        rf"(?:due|expected|arriving|coming) (?:in)?to (?:the |our )?(?:dc|{WAREHOUSE}|wh|stock)\b",
        # An order held for an item still to come in (agent7): "it's waiting on the Coffee
        # Grinder which comes in Monday", "waiting on the X to come in from the supplier", "the
        # X is delayed at the supplier".
        r"(?:waiting (?:on|for)|chasing) (?:the |an? |more |some )?xx+ (?:to (?:come|arrive|land)"
        r"(?: in| back)?\b|(?:which|that) (?:comes|is coming|lands|arrives|is due)\b|(?:to come"
        rf" |coming )?(?:in )?from (?:the |our )?{SUPPLIER})",
        rf"(?:delayed|held up|stuck|running late) (?:at|with) (?:the |our )?{SUPPLIER}",
    ),
    # Had at a store when short online (agent7): "out of stock online but the Leeds store has
    # them" (`_channels_apart` then drops the channel's shortage).
    rules(
        _IN,
        r"(?:store|shop|branch|showroom)s? (?:has|have|has got|have got|'s got|'ve got) (?:the xx+"
        r"|xx+|them|it"
        r"|some|plenty|stock|loads)\b",
    ),
    # Come off backorder is back in stock: "the Camp Chair's just come off backorder".
    rules(_IN, r"(?:come|came|comes|coming|taken) off (?:back[- ]?order|b/o)"),
    # Stock said to come back by a date, said of the item (never of the customer: "you should
    # return it by the 20th"): "it should return around the 20th".
    rules(
        _BACK,
        r"(?:it|they)(?:'ll| will| should| is expected to| are expected to"
        r"| is due to| are due to| is set to| are set to)"
        rf"(?: {_SOFT})? return (?:to (?:the )?shel(?:f|ves) |to stock )?(?:on|by|around|in|next"
        rf"|early|mid|late|before|after|from|this) (?:the )?(?:{_NTH}|{_MONTH}|{_DAY}|next|week"
        r"|month|end|mid|early|late)",
    ),
    # Its negation is its meaning: "won't have it back until the 5th", "X won't be back till
    # Friday".
    rules(
        _BACK,
        rf"back (?:until|till|'til|til|before) (?:the )?(?:{_NTH}|{_MONTH}|{_DAY}|next|mid|early"
        r"|late|end)",
        rf"xx+(?:\s*[\u2014:-])?(?:\s*[^\w\s])?(?:'s| is| are| will be| should be)?(?: {_SOFT})?"
        rf" back {_WHEN}",
        negation=False,
    ),
    rules(
        _GONE,
        r"discontinued",
        # An agent's system word (agent7): "has been delisted".
        r"(?:been )?de-?listed",
        r"(?:been )?(?:retired|phased out|withdrawn from sale)",
        r"end of (?:the )?line",
        r"end-of-(?:the-)?line",
        r"out of production",
        r"eol",
        r"end of life",
    ),
    rules(
        _GONE,
        r"no longer (?:sold|made|manufactured|produced|carried|stocked|offered|in production"
        r"|being made|being produced)",
        rf"no longer (?:part of|in) our (?:\w+ )?{CATALOGUE}",
        rf"(?:not|isn't|aren't) (?:in|part of) our (?:\w+ )?{CATALOGUE} any ?more",
        r"no more (?:coming|being made|on the way)",
        r"(?:we )?no longer (?:sell|make|carry|stock|produce|offer)",
        r"(?:have |'ve )?stopped (?:selling|making|stocking|carrying|producing"
        # An agent's "we stopped doing the X": said of an item, not of a service.
        r"|(?:doing|listing|offering|ranging)(?= (?:the |those |these |that |them\b|it\b|xx)))",
        r"(?:had|have|decided|going) to (?:stop|cease) (?:selling|making|stocking|carrying"
        r"|producing)",
        r"(?:dc'?d|d/c|disc'?d|discontd|discont'd)",
        r"(?:ceased|halted|ended|stopped) (?:the )?(?:production|manufacture|manufacturing|sale"
        r"|sales|selling|making)",
        r"(?:will not|won't|wont|not going to) be (?:receiving|getting|ordering|bringing in)"
        r" (?:any )?(?:more|additional|further|new)",
        # (Chat drops the apostrophe and says where: "isnt sold here anymore".)
        r"(?:not|isn'?t|aren'?t) (?:being )?(?:made|sold|manufactured|produced|stocked|carried)"
        r"(?: here| by us| in (?:store|stores|the shop))? any ?more",
        r"(?:gone|out|sold out|discontinued|unavailable) for good",
        r"(?:not|isn't|aren't|never) coming back",
        rf"(?:won't|will not|wont) be (?:{past(*RESTOCKING)[3:-1]}|{ing(*RESTOCKING)[3:-1]}"
        r"|re-?ordered|coming back|available again"
        r"|getting any more|sold again|made again)",
        rf"(?:not|never) (?:being|going to be) {past(*RESTOCKING)}",
        r"(?:won't|will not) be getting any more(?: in)?",
        r"permanently (?:out of stock|unavailable|sold out|gone)",
        # Dropped from the range, in other words: "not doing it anymore", "taken off the range".
        r"(?:dropped|removed|taken|pulled|delisted) (?:off |out of |from )?(?:the|our)"
        r" (?:range|line-?up|catalogue|catalog|collection|shelves for good|assortment|product"
        r" (?:line|range|lineup|line-up|assortment|catalog|catalogue)|selection|offering)",
        r"(?:not|no longer) (?:doing|selling|making|stocking|carrying) (?:the \w+|xx+|the xx+|it"
        r"|them|that|those|these)(?: \w+)? any ?more",
        rf"(?:we |i )?(?:don't|do not|dont) (?:sell|carry|stock|make) {_IT} any ?more",
        # (formal9) Not sold now, said of the range: "not something we sell any more".
        r"(?:not|isn't|aren't) (?:something|an item|a product|one|anything|a thing) (?:that )?we"
        r" (?:sell|stock|carry|make|do|offer) any ?more",
        negation=False,
    ),
    rules(
        _NOT_CARRIED,
        r"(?:we |i )?(?:don't|do not|dont|doesn't)(?: currently)? (?:carry|sell|stock|offer)"
        r"(?! (?:in|out)\b)",
        r"(?:not|isn't|aren't) (?:something|an item|a product|one|anything|a thing|an? \w+)"
        r" (?:that )?we(?:'ve| have)?(?: ever)? (?:carry|carried|sell|sold|stock|stocked|offer"
        r"|offered)",
        r"never (?:stocked|sold|carried|offered)",
        # (formal9) In the progressive: "we're not carrying the X" (not for a time: "not
        # selling it until January" is stock to come).
        r"not (?:currently )?(?:carrying|stocking)(?! (?:in|out|up)\b)(?![^.;!?\n]*\b(?:until"
        r"|till|til|before|for now|at the"
        # (Nor one way of buying: "we are not selling gift cards online".)
        r" moment|right now|at present|currently|online|in[- ]stores?|in (?:our |the )?(?:shops?"
        r"|stores?|branch(?:es)?)|by phone)\b)",
        r"never had (?:one|it|them|any|that|those)",
        r"not one of ours",
        # (voice10b) A desk's progressive: "not a product we are selling", "we are not dealing
        # in X", "we don't deal in X".
        r"(?:not|isn't|aren't) (?:something|an item|a product|one|anything|a thing|an? \w+)"
        r" (?:that |which )?we(?:'re| are) (?:carrying|selling|stocking|keeping|offering"
        r"|dealing in)\b",
        r"(?:we(?:'re| are)|i am|i'm) not dealing in\b",
        # (voice10c) An e-mail desk's "it does not match anything we stock or sell".
        r"(?:does not|doesn't|did not|didn't|do not|don't) match (?:anything|any (?:product|item)s?"
        r"|a product|an item|any of (?:the )?(?:products|items))(?: (?:that|which))? we"
        r" (?:stock|sell|carry|offer|list)(?:,? (?:or|and) (?:stock|sell|carry|offer|list))?",
        r"(?:we |i )?(?:don't|do not|dont) deal in\b",
        r"(?:don't|do not|dont) have (?:anything|any \w+|a product|an item)"
        r" (?:called|named|like|by)",
        r"(?:there's|there is|we have|we've got) no (?:[\w-]+ ){1,3}in our (?:\w+ )?(?:range"
        r"|catalogue|catalog|selection|line-?up|collection|product list)",
        r"(?:we )?(?:don't|do not|dont) do (?!(?:that|this|it|those|these|refunds?|returns?"
        r"|exchanges?|delivery|deliveries|shipping|click|collection|international|next|same"
        r"|weekend|gift|price|discounts?|any)\b)\w+",
        # (voice10b) "not there in our catalogue", as a desk writes it.
        r"(?:not|isn't|aren't) (?:there )?(?:in|part of|listed in|found in) our (?:\w+ )?"
        r"(?:catalogue|catalog"
        r"|range|store|shop|inventory|selection|line|lineup|collection|products|assortment"
        r"|offering|offerings|product list)",
        r"(?:not|isn't|aren't) (?:something|an item|a product|one|anything) (?:that )?we(?:'ve"
        r"| have)? got",
        # "Not a product category we carry", "outside our product assortment".
        r"(?:not|isn't|aren't) an? (?:\w+ ){1,2}(?:that )?we(?:'ve| have)?"
        r"(?: ever| currently| presently| now)? (?:carry"
        r"|carried|sell|sold|stock|stocked|offer|offered)",
        rf"(?:outside|beyond) (?:of )?our (?:\w+ )?{CATALOGUE}",
        rf"nothing (?:by that name|(?:called|named) (?:that|like that))"
        rf"(?: in our (?:\w+ )?{CATALOGUE})?",
        r"never heard of (?:a|an|the|that|it|them|one)",
        r"never (?:done|did|do) (?!(?:that|this|it|those|these|refunds?"
        r"|returns?|exchanges?|delivery|deliveries|shipping|any|anything|before|so)\b)\w+",
        negation=False,
    ),
    # Said of the range, denied: "it doesn't look like that's something we stock".
    rules(
        None,
        r"(?:something|an item|a product|a thing) (?:that )?we (?:stock|sell|carry|offer)",
        negated=_NOT_CARRIED,
    ),
    # Phrases that look like availability and are not: "available" said of information,
    # systems, services, an order, a return or a time slot.
    rules(
        None,
        rf"back(?: |-)in(?: |-){_STOCK} (?:email|alert|notification|notice|reminder|list)s?",
        # (voice10b) A count's label, not the item's state: "Available quantity for the X is 0".
        r"available (?:quantity|qty|stock|units?|count) (?:for|of)\b",
        # Looking at stock is no stock: "they can check the stock on the shelf for you".
        r"(?:check|checking|look at|looking at|verify) (?:the |our |their )?(?:stock"
        r"|availability|shel(?:f|ves))(?: levels?)?(?: (?:on|in) (?:the |our |their )?(?:shel(?:f"
        rf"|ves)|stores?|shops?|branch(?:es)?|{WAREHOUSE}))?",
        r"(?:information|info|data|details|system|service|tool|agents?|team|support|options?"
        r"|colou?rs|sizes|slots?|help|chat|line|methods?|refunds?|tracking|delivery|shipping"
        r"|collection|pickup|wrapping|me|website|web site|site|page|link|app|url|feeds?|database"
        rf"|portal|screen|server|checker|lookup|{STAFF_AVAILABLE})"
        r"(?: (?!(?:but|and|or|while|though|although|however)\b)\w+){0,2}?"
        r" (?:is |are |isn't |aren't |is not |are not )?"
        r"(?:currently |temporarily |not |not yet |yet )?(?:un)?available",
        # The same of an order or a return, filed under the whole word (a blank follows it).
        r"(?:order|orders|return|returns) (?:\w+ ){0,2}?(?:is |are |isn't |aren't |is not "
        r"|are not )?(?:currently |temporarily |not |not yet |yet )?(?:un)?available",
        # (And someone free to help: "the next available associate". One pattern: every
        # "available" of every answer tries each variant filed under it.)
        rf"available (?:to me|on my end|in my system|{STAFF_AVAILABLE}\b)",
        r"(?:un)?available in (?:that|this|the|a|any) (?:\w+ )?(?:format|form|way|language"
        r"|channel|region|country)",
        r"(?:un)?available (?:for|to) (?:a |an )?(?:refunds?|returns?|exchanges?)",
        # Had by someone else (llm7): "available at the … Club's official website", "available
        # from other retailers", "available on Amazon": not the shop's stock.
        rf"(?:un)?available (?:at|in|on|from|via|through) {OTHER_SELLERS}",
        # The same of "in stock" (llm9): "the quantity of the Kettle in stock on Amazon".
        rf"in {_STOCK} (?:at|on|from|via|through|with) {OTHER_SELLERS}",
        # Other things that can be had, offered instead of an answer (llm9): "I can provide a
        # list of products that are currently available", "find it in the available items on
        # our website". Not the asked item's stock.
        r"(?:list|range|selection) of (?:[\w-]+ )?(?:products|items|options)(?: that are| which"
        r" are)? (?:currently |now )?(?:un)?available",
        r"(?:in|among|from|through) (?:the|our) (?:currently )?available (?:items|products"
        r"|options)",
        # Others offered in its place (llm10): "a list of available retro toasters", "the
        # nearest available replacement".
        r"(?:list|range|selection|choice) of (?:currently |other )?available\b",
        r"(?:nearest|closest|similar|suitable|comparable|other) (?:currently )?available"
        r" (?:replacements?|alternatives?|substitutes?|options?)\b",
        r"(?:un)?available (?:at|in|for|on) (?:the|a|this|that|your)(?: [\w-]+){0,2}? (?:time )?"
        r"slots?",
        # Said of a delivery, a recommendation or advice, not of the item's stock: "in stock,
        # but not available for immediate delivery", "no recommendations available". ("It's
        # available for delivery tomorrow" is stock that can go out: still in stock.)
        r"(?:(?:currently|temporarily) )?(?:isn't|is not|not|aren't|are not|unavailable)"
        r" (?:yet |currently )?(?:available )?for"
        r" (?:immediate |same-day |next-day |express |next day |same day )?(?:delivery|dispatch"
        r"|shipping|collection|pickup|pick-up|click and collect)",
        # Said of a price, not of the item's stock (llm10): "still not available at the usual
        # price" ("available at a reduced price" is stock, and stays).
        r"(?:isn't|is not|not|aren't|are not|no longer|unavailable)(?: currently| still| yet)?"
        r"(?: available)? at (?:the|a|an|its|our|their|this|that) (?:[\w-]+ ){0,2}(?:price|rate"
        r"|cost)s?\b",
        r"(?:recommendations?|suggestions?|advice|alternatives?|reviews?|discounts?|offers?"
        # Offers and services of the shop, as a formal answer names them: "no additional
        # promotions are available", "price adjustments are not available".
        r"|promotions?|promos?|adjustments?|rebates?|price match(?:es|ing)?|financing|warrant(?:y"
        r"|ies)|installation|assembly|gift wrap(?:ping)?|appointments?"
        # (formal9) Never past a conjunction: "a comparable alternative and is currently
        # available" is the item's.
        r"|deals?|vouchers?|coupons?)(?: (?!(?:and|but|or|while|though|although|however)\b)\w+)"
        r"{0,2}? (?:is |are |isn't |aren't |is not |are not )?"
        r"(?:currently |right now |at the moment |not |yet )?(?:un)?available",
        r"(?:don't|do not|dont) have (?:any )?(?:[\w-]+ ){0,3}(?:recommendations?|suggestions?"
        r"|advice|alternatives?|reviews?|offers?|deals?)(?: \w+)? available",
    ),
    # Had as stock with a name between, told whole (llm6): "I don't have any Slate Toatser
    # 2-Slice available" (a misspelt name is several words the negation window cannot see
    # past). The words between are a noun phrase: never a verb, a conjunction or a
    # preposition ("any way to check if it's available"), nor information had.
    rules(
        _IN,
        rf"(?:have|got) any (?:{_NAME_WORD} ){{1,4}}(?:available|in {_STOCK}|left)\b",
        negated=_OUT,
    ),
    # Offered for delivery soon by the one who answers, so it is to be had (llm6): "I can
    # deliver the Knife 20cm to your doorstep this week", as "available for delivery
    # tomorrow" is. Denied ("can't deliver it this week"), or on a condition ("if it's in
    # stock, we can ship it today"; "… once it's back"), it says nothing of the shelf.
    rules(
        _IN,
        r"(?:i|we)(?<!stock,\si)(?<!stock,\swe)(?<!available,\si)(?<!available,\swe)"
        r" can (?:deliver|ship|send|dispatch|post|get) (?:it|them|one|xx+|the xx+|yours)"
        r"(?: out)?(?: to (?:you|your (?:door|doorstep|home|address|house)))?"
        r" (?:today|tomorrow|this week|within (?:a|\d+|one|two|three) (?:days?|working days?))"
        r"(?![^.!?,\n]*\b(?:if|once|when|as soon as|after|until|unless)\b)",
    ),
    # Had later by the one who answers, so not now (llm6): "I'll be sure to have them
    # available soon", "it will be available shortly". A restock to come without a date, as
    # "will be back soon" is; never in stock.
    rules(
        _BACK,
        r"(?:i|we)(?:'ll| will| shall)(?: (?:be sure|make sure|try|hope|aim|expect) to)? have"
        rf" {_IT} (?:available|in {_STOCK}|back) (?:soon|shortly|again)\b",
        r"(?:it|they|xx+|the xx+)(?:'ll| will| should)(?: (?:hopefully|probably|likely))? be"
        r" available (?:soon|shortly)\b",
        # More of it to come (llm8): "I'll make sure to have a few more in stock soon", "we
        # will have more available shortly": a restock, never in stock now (it was read so).
        r"(?:i|we)(?:'ll| will| shall)(?: (?:be sure|make sure|try|hope|aim|expect) to)?"
        rf" (?:have|get) (?:a few |some |a couple |plenty )?more(?: of {_IT})? (?:available"
        rf"|in {_STOCK}|back|in) (?:soon|shortly)\b",
    ),
)

#: Availability said through what happens next ("ready to ship", "can go out tomorrow",
#: "sitting in the warehouse"): of an order, the same words tell its status, so these are read
#: only in an answer that speaks of no order.
_NEXT = RuleSet.of(
    rules(
        _IN,
        r"ready (?:to|2) (?:ship|go|dispatch|send|post)",
        r"(?:can|could|will|'ll) (?:go out|ship|be (?:packed (?:and|&) )?(?:shipped|dispatched"
        rf"|despatched|sent|posted)|dispatch|be sent|be posted|leave (?:our|the) (?:{WAREHOUSE}"
        r"|premises|facility))(?: out)?"
        r" (?:today|2day|tdy|tomorrow|tmrw|tmr|2moro|2morrow|tmw|same day|the same day"
        r"|this afternoon|first thing|straight away|right away|immediately)",
        r"(?:ships|dispatches) (?:today|tomorrow|same day|the same day|immediately)",
        # (formal9) Where it goes out from, or how soon: "ships from our New Jersey warehouse",
        # "ships within one business day".
        # (Opened on the rare verb, never on "is".)
        r"(?:ships|dispatches|shipped|dispatched) from (?:the |our )?(?:[\w-]+ ){0,2}?"
        rf"(?:{WAREHOUSE}|distribution (?:center|centre)|fulfill?ment (?:center|centre))",
        r"(?:ships|dispatches|shipped|dispatched) within (?:one|1|two|2|three|3|24|48|a)"
        r" (?:business |working )?(?:days?|hours?)",
        # To be had in a store: "you can reserve one in the York store", "you can click and
        # collect the X from our Leeds shop".
        r"(?:can|could) (?:reserve|collect|pick up|buy|get|click and collect|click & collect"
        r"|click-and-collect) (?:one|it|them|xx+|an? xx+"
        r"|the xx+) (?:in|at|from) (?:the |our |any |your )?(?:local |nearest )?"
        r"(?:[\w-]+ )?(?:stores?|shops?|branch(?:es)?)\b",
        # (formal9) The same, said of the item: "they can be purchased online for pickup at our
        # Denver store".
        r"be (?:purchased|bought|ordered|reserved|collected|picked up)(?: online)?"
        r"(?: for (?:in-store |store )?(?:pickup|pick-up|collection))? (?:in|at|from) (?:the |our"
        r" |any |your )?(?:local |nearest )?(?:[\w-]+ )?(?:stores?|shops?|branch(?:es)?)\b",
        # Sent by the shop on a day: "I can get a Rain Jacket out to you today".
        r"(?:can|could|will|(?:we|i)'ll) (?:get|send|post) (?:it|them|one|yours|an? xx+|the xx+"
        r"|xx+)"
        r"(?: out)?(?: to (?:you|u))? (?:today|2day|tomorrow|tmrw|straight away|right away"
        r"|first thing)",
        rf"(?:sitting |waiting )?in (?:the |our )?(?:[\w-]+ )?{WAREHOUSE}(?! for (?:quality"
        r"|inspection|review|testing|checks?)\b)",
        # Kept somewhere of the shop's: "held at our Columbus distribution center", "they've got
        # the Tool Box on the shelf" (not "held … for quality review": kept back).
        rf"(?:held|kept|stored|housed) (?:at|in) (?:the |our )?(?:[\w-]+ ){{0,2}}(?:{WAREHOUSE}"
        r"|distribution (?:center|centre)|fulfill?ment (?:center|centre)|stock ?room)"
        r"(?! (?:for|pending|until|while)\b)",
        r"ready for (?:immediate |same-day |next-day |quick )?(?:shipment|dispatch|shipping"
        r"|delivery|despatch)",
        # (formal9) Arrived at the shop just now: "a dozen came in this morning".
        r"(?:came|come|arrived|landed) in (?:this (?:morning|afternoon)|today|earlier today"
        r"|yesterday)",
        negated=_OUT,
    ),
    rules(
        _BACK,
        r"(?:expecting|expect|due|await|awaiting|waiting on|waiting for) (?:a |another |the next )"
        r"(?:delivery|shipment)",
        # Stock on its way to the shop: "we've got a delivery coming on the 25th", "a fresh
        # shipment is due on the 8th", "new batch due next wk".
        rf"\b(?:we've got|we have|we've|there's|there is|got) (?:a |another |more |new |fresh )"
        rf"(?:\w+ )?{INCOMING}(?: of (?:the )?xx+| of them| of those)? (?:coming|due|arriving"
        r"|landing|expected|booked in|booked|scheduled|on (?:its|the) way)",
        rf"\b(?:new|fresh|next) (?:\w+ )?{INCOMING}(?: of (?:the )?xx+| of them"
        r"| of those)?(?:'s|'re)? (?:is |are )?(?:due|expected|coming|arriving|landing|scheduled"
        r"|anticipated"
        r"|on (?:its|the) way)",
        # A date it is due back, read off a screen: "a due date of 2nd December" (of an order
        # it would be a delivery's: read only with no order in view).
        r"\b(?:due|eta|expected|arrival|restock) date (?:of|is|for|as|showing|shows|says|on)"
        rf" (?:the )?(?:{_NTH}|{_MONTH}|{_DAY}|next|tomorrow|tmrw|mid|early|late|end)",
        # Arriving on a day, in any verb of arriving: "next lot lands 22nd".
        rf"\b(?:new|fresh|next) (?:\w+ )?{INCOMING} {forms(*ARRIVING)}"
        rf"(?: (?:on|by|from|around|next|nxt|this|the|in))* (?:{_NTH}|{_MONTH}|{_DAY}|wk|week"
        r"|tomorrow|tmrw|soon)",
    ),
)
#: Terse states said at a clause's end ("the mat's out", "the X90 Max has gone too", "it's
#: in", "yes we have it"), read only where such an end is (`_TERSE_END`): most of their
#: patterns open on a masked name, and would otherwise be tried at every name of every answer.
#: A time of the present that may close a terse state, British and formal ("in at the mo",
#: "out at the minute", "out at present"): the state still ends its clause.
_NOW_TAIL = r"|at the mo\b|at the minute|at present|just now|at this time"
#: A colour, finish or size: "navy", "king size".
_A_VARIANT = r"(?:" + "|".join(VARIANT_WORDS) + r")(?: size)?"
_AT_END = (
    r"(?=\s*(?:[,.;!)\u2013\u2014]|$|now\b|at the moment|right now|rn\b|atm\b|for now"
    r"|i'm afraid|sorry" + _NOW_TAIL + "))"
)
_TERSE = RuleSet.of(
    rules(
        _OUT,
        # "The Yoga Mat's currently out, but …"
        rf"(?:xx+(?:'s|'re| is| are| both| all| (?:might|may|could|should|will) be)|it's|its"
        rf"|it is|they're|theyre|they are) (?:both |all )?(?:currently |temporarily |all "
        rf"|completely |clean )?out{_AT_END}",
        # (formal9) One variant's: "the Bath Towel in sage is out" (`_variants_apart`).
        # (Opened after the name, so that the variant stands between it and the state.)
        rf"in {_A_VARIANT} (?:is|are) (?:currently |temporarily )?out{_AT_END}",
        negated=_IN,
    ),
    rules(
        _OUT,
        # Gone from the shelf, not gone out for delivery; the perfect only ("once they're
        # gone, they're gone" says what will happen).
        r"(?:xx+(?:'s|'ve|'re| has| have| are| is| both| all)|has|have|they've)"
        r" (?:all |long |now )?gone"
        r"(?=\s*(?:too"
        r"|as well|also|now|i'm afraid|sorry|[,.;!)\u2013\u2014]|$))",
        negation=False,
    ),
    rules(_BACK, rf"xx+ out (?:til|till|'til|until) {_WHEN}"),
)
#: The same of having it, and of an order, not read: "yes we have it", British "it's in".
#: (voice10d) A bare "got it" opening a line is the bot's acknowledgement of the message, not
#: stock: "Got it, one moment… done." ("yep got it", "we got it" still say it is in).
_TERSE_NEXT = RuleSet.of(
    rules(
        _IN,
        r"(?:we have|we've got|we got|(?<=[^\n])got|have) (?:it|them|one|some|xx+)"
        r"(?=\s*(?:[,.;!)\u2013\u2014]|$|in stock|now\b|atm\b|rn\b|yes\b))",
        r"(?:xx+(?:'s|'re| is| are| both| all)|it's|they're|came|come|which are|which is|that are"
        r"|those are|these are|that's|that is) (?:both |all )?(?:back |now |all )?in"
        r"(?=\s*(?:[,.;!)\u2013\u2014]|$|at the moment|right now" + _NOW_TAIL + "))",
        # (formal9) In, and where, or what follows from it: "is in at our Glasgow shop", "is in
        # and we can have it with you by Thursday".
        r"xx+(?:'s|'re| is| are) (?:back |now |still )?in(?= (?:and (?!out\b)|at (?:the|our) "
        rf"(?:[\w-]+ ){{0,2}}(?:shops?|stores?|branch(?:es)?|{WAREHOUSE})\b))",
        # A name and "in", as chat answers: "yep router ax3000 in, like 50 of em", "harness s
        # still in", "chew toy - loads in".
        r"xx+ (?:back |still )?in(?=\s*(?:[,.;!)\u2013\u2014]|$))",
        r"(?:loads|plenty|lots|tons|heaps|stacks) (?:of (?:them|em|stock) )?in"
        r"(?=\s*(?:[,.;!)\u2013\u2014]|$))",
        # Back, and still to be had, closing the clause: "the Bike Pump's back –", "the Mug Set
        # is still going strong".
        r"xx+(?:'s| is| are|'re) (?:now |finally )?back(?=\s*(?:[,.;!)\u2013\u2014]|$))",
        r"xx+(?:'s| is| are|'re) still going(?: strong)?(?=\s*(?:[,.;!)\u2013\u2014]|$))",
        # Said softly in chat: "mouse m350 might b in, not 100% sure".
        r"(?:might|may|should|shd|could|prob|probably) (?:be|b) in(?=\s*(?:[,.;!)\u2013\u2014]|$))",
        negated=_OUT,
    ),
    # (sms8) Not in for now, after the name or opening the answer to a question that named it:
    # "usb hub not in rn", "hub 4-port? not in atm sry" (chat's "rn", "atm" spelt out).
    rules(
        _OUT,
        r"xx+(?:(?:'s| is| are|'re) not| isn't| aren't| not) in(?= (?:right now|at the moment)\b)",
        r"(?:^|(?<=[?.!]\x20))(?:not|nope,? not) in(?= (?:right now|at the moment)\b)",
        negation=False,
    ),
)
_TERSE_END = compile_pattern(
    r"(?:\b(?:out|in|gone|going(?: strong)?|(?:'s|is|are|'re) back)"
    r"|\b(?:have|got) (?:it|them|one|some|x+))\b"
    r"(?=\s*(?:[,.;!)\u2013\u2014]|$|now\b|at the moment|right now|rn\b|atm\b|for now"
    r"|i'm afraid|sorry|too\b|as well|also\b"
    r"|in stock|yes\b|til\b|till\b|'til\b|until\b" + _NOW_TAIL + "))"
)
#: (formal9) "in" going on with "and" or a place after a name: "is in and …", "is in at our
#: Glasgow shop" (only "in": "sold out and …" is in most answers); looked for only where a
#: substring test finds "in and" or "in at".
_IN_GOES_ON = compile_pattern(
    r"x(?:'s|'re| is| are) (?:back |now |still )?in(?= and\b| at (?:the|our)\b)"
)
#: Rules tried only when the answer holds one of their rarer words: each opens on a common
#: one ("was", "stock", "there", "not", "back") that most answers say.
_GATED: tuple[tuple[frozenset[str], RuleSet], ...] = (
    (
        frozenset(["seeing", "finding", "locate", "see", "find", "last", "final"]),
        RuleSet.of(
            # A look for stock that found none: "unable to locate any units of the Juicer", "I'm not
            # seeing any Spades anywhere" (the item itself not found is `_SEARCH`'s not_carried).
            rules(
                _OUT,
                r"\b(?:not seeing|not finding|can't see|cannot see|can't find|cannot find"
                r"|couldn't find"
                r"|could not find|couldn't see|unable to (?:see|find|locate)|not able to (?:see"
                r"|find"
                r"|locate)|wasn't able to (?:see|find|locate)) any (?:(?:units?|stock"
                r"|inventory) (?:of|for)"
                r" (?:the )?xx+|xx+(?=\s*(?:[,.;!)\u2013\u2014]|$|anywhere|at (?:any|all) of"
                r"|i'm afraid"
                r"|sorry)))",
                # The last one sold: "the last one went on Saturday" (not "went out": sent).
                r"\b(?:last|final) (?:one|unit|ones|units|few|of (?:them|those|the xx+)) (?:went"
                r"|sold|was sold|were sold|has gone|have gone|'s gone|'ve gone)(?! out\b)",
                negation=False,
            ),
        ),
    ),
    (
        frozenset(["weeks", "months", "ages", "since", "while"]),
        RuleSet.of(
            # None for a while, British: "the Torch's not been in for weeks", "hasn't been in since
            # October".
            rules(
                _OUT,
                r"(?:\bnot|hasn't|haven't) been in(?: stock)? (?:for|since) (?:weeks|months|ages"
                r"|a while"
                r"|a bit|some time|a few|a couple|a month|a week|over|the|last|\w+ (?:weeks"
                r"|months))",
                negation=False,
            ),
        ),
    ),
    (
        frozenset(["selling", "offering"]),
        RuleSet.of(
            # Withheld from sale for now: "we are not selling it until the review is complete".
            rules(
                _OUT,
                r"\b(?:not|aren't|isn't) (?:currently |presently )?(?:selling|offering) (?:it|them"
                r"|this"
                r"|that|those|these|the xx+|xx+)(?= (?:until|till|right now|at the moment"
                r"|at present"
                r"|for now|currently|for the time being)\b)",
                negation=False,
            ),
        ),
    ),
    (
        frozenset(["odd"]),
        RuleSet.of(
            # A rough count of the item, British: "40-odd pairs of Gardening Gloves", "twenty-odd".
            rules(
                _IN,
                r"\b(?:\d+|twenty|thirty|forty|fifty|sixty|a hundred)[- ]odd (?:(?:pairs|units|sets"
                r"|boxes"
                r"|packs) of )?(?:the )?xx+",
                negation=False,
            ),
        ),
    ),
    (
        frozenset(["until", "till", "til"]),
        RuleSet.of(
            rules(
                _BACK,
                # Not to be had before a time, said of the item: "the X will not be available until
                # January", "it won't be in stock till next week" (not of a service or an offer).
                r"(?:xx+|\bit|\bthey|\bthis|\bthese|\bthose)(?:'s|'re)?(?: \w+){0,3}?"
                rf" (?:not|won't|wont|isn't|aren't|can't|wouldn't) (?:be )?(?:available"
                rf"|in {_STOCK})"
                r" (?:until|till|'til|til|before)"
                rf" (?:the )?(?:{_NTH}|{_MONTH}|{_DAY}|next|mid|early|late|end|christmas"
                rf"|the new year)",
                negation=False,
            ),
        ),
    ),
    (
        frozenset(["inventory", "restocked", "replenished", "return", "back"]),
        RuleSet.of(
            rules(
                _GONE,
                # Not to come back, formally: "is not expected to return to inventory".
                r"\bnot (?:expected|planned|scheduled|due|set|going) to (?:return|come back"
                r"|be re-?stocked|be replenished|be back)(?: (?:to|in|into) (?:our )?(?:inventory"
                r"|stock"
                r"|the range|our range|the catalog|the catalogue))?",
                negation=False,
            ),
        ),
    ),
    (
        frozenset(["appear", "seem", "think", "believe", "look"]),
        RuleSet.of(
            rules(
                _NOT_CARRIED,
                # The denial raised onto a verb of seeming: "it does not appear that we stock a
                # bread
                # machine", "I don't believe we carry those".
                r"(?:don't|do not|dont|doesn't|does not) (?:appear|seem|think|believe|look like)"
                r"(?: that)? we(?: currently)? (?:carry|sell|stock|offer)(?! (?:in|out)\b)",
                negated=_NOT_CARRIED,
            ),
        ),
    ),
    (
        frozenset(
            [
                "catalogue",
                "catalog",
                "range",
                "lineup",
                "line-up",
                "collection",
                "selection",
                "assortment",
            ]
        ),
        RuleSet.of(
            rules(
                _NOT_CARRIED,
                # The catalogue as the subject: "our catalog does not include cold brew towers".
                r"\b(?:our|the) (?:\w+ )?(?:catalogue|catalog|range|line-?up|collection|selection"
                r"|assortment|product list) (?:does not|doesn't|do not|don't|did not|didn't)"
                r" (?:currently )?(?:include|contain|feature|list|have|carry|stock|offer)",
                negated=_NOT_CARRIED,
            ),
        ),
    ),
    # Restocked in the past is stock now: "was restocked this morning" (a restock to come,
    # "will be restocked on the 8th", is a backorder).
    (
        frozenset(["restocked", "stocked", "replenished", "topped"]),
        RuleSet.of(
            rules(
                _IN,
                rf"\b(?:was|were|been|got) (?:just |recently |finally )?{_RESTOCKED}(?: (?:this"
                r"|today|yesterday|earlier|last|on)(?: \w+)?)?",
            )
        ),
    ),
    # Stock said to be in good health: "our stock level is healthy".
    (
        frozenset(["healthy", "plentiful", "ample", "strong", "high"]),
        RuleSet.of(
            rules(
                _IN,
                r"\b(?:stock|inventory|stock levels?|supply|supplies|availability)(?: \w+){0,2}?"
                r" (?:is|are|looks?|'s) (?:very |really |quite |pretty )?(?:healthy|strong"
                r"|plentiful|ample|high)\b",
            )
        ),
    ),
    # Some still to be had: "there are still navy sets about" (not "a few": scarcity).
    (
        frozenset(["still"]),
        RuleSet.of(
            rules(
                _IN,
                r"\bthere(?:'s| is| are|'re) still (?!(?:a )?(?:few|couple|handful|one|1|2|3)\b)"
                r"(?:some |plenty of |loads of )?(?:[\w-]+ ){0,2}?(?:about|around|left|available"
                r"|in stock|on the shel(?:f|ves))(?=\W*(?:[.,;!]|$))",
            )
        ),
    ),
    # (formal9) The other variants to be had, beside one short: "the white and gray options
    # remain available", "we've got the cream and grey ones", "it's fine in double".
    (
        frozenset(["ones", "options", "versions", "finishes", "fine", "ok", "okay", "alright"]),
        RuleSet.of(
            rules(
                _IN,
                rf"\b(?:the )?{_A_VARIANT}(?:(?:,| and| or|, and| &) (?:the )?{_A_VARIANT})*"
                r" (?:ones?|options?|versions?|finish(?:es)?)(?: (?:are|is|remain|remains))?"
                rf"(?: still| currently)? (?:available|in {_STOCK}|on (?:the )?shel(?:f|ves))",
                r"\b(?:we've got|we have got|we have|we've|we still have|there's|there are)"
                rf" (?:still )?(?:the )?{_A_VARIANT}(?:(?:,| and| or|, and| &) (?:the )?"
                rf"{_A_VARIANT})* (?:ones?|versions?|options?)\b",
                rf"xx+(?:'s| is| are|'re) (?:still )?(?:fine|ok|okay|alright|all right) (?:in|for)"
                rf" (?:the )?(?:{_A_VARIANT}|single|twin|full)\b",
            )
        ),
    ),
    # (formal9) Back on a day, or on its way back (tried only where "again" or "way" stands: they
    # open on "in" and "on"): "should be in stock again from the 19th", "on its way back in".
    (
        frozenset(["again", "way"]),
        RuleSet.of(
            rules(
                _BACK,
                rf"\bin {_STOCK} again {_WHEN}",
                r"\bon (?:its|their|the) way back (?:in|into stock)\b",
            )
        ),
    ),
    # (formal9) Idioms of having none or hardly any: "can't get it for love nor money", "like
    # gold dust", "rarer than hen's teeth".
    (
        frozenset(["love", "dust", "teeth"]),
        RuleSet.of(
            rules(_OUT, r"\b(?:for|4) love (?:nor|n|or) money", negation=False),
            rules(
                _LOW,
                r"\b(?:like|as rare as|rarer than|scarcer than) (?:gold dust|hen's teeth"
                r"|hens' teeth|hens teeth)",
                negation=False,
            ),
        ),
    ),
    # Stocked in one variant only: "in blk only".
    (
        frozenset(["only"]),
        RuleSet.of(
            rules(
                _IN,
                r"\bin (?:"
                + "|".join(VARIANT_WORDS)
                + r")(?: (?:and|or|&|/) (?:"
                + "|".join(VARIANT_WORDS)
                + r"))* only\b",
                # Sold only one way, which is still to be had: "instore only", "click and
                # collect only".
                r"\b(?:in[- ]?store|in (?:the )?shops?|in branch|for (?:in-store )?(?:pick-?up"
                r"|collection)|click (?:and|&|n) collect|to collect) only\b",
            )
        ),
    ),
    # A yes and a plenty as a whole answer: "yep, loads."; plenty lying about: "loads about".
    (
        frozenset(["plenty", "loads", "lots", "heaps", "tons", "stacks", "masses", "oodles"]),
        RuleSet.of(
            rules(
                _IN,
                rf"\b(?:yes|yep|yeah|yea|ya|yup)[,!.]?\s+{_PLENTY}(?=\s*(?:[.,;!]|$))",
                rf"\b{_PLENTY} (?:about|around|knocking about|kicking about|lying about"
                r"|lying around)(?=\W*(?:[.,;!]|$))",
                # Plenty of one variant: "there's still loads in navy".
                rf"\b{_PLENTY} (?:left |still )?in (?:" + "|".join(VARIANT_WORDS) + r")\b",
            )
        ),
    ),
    # Nothing come in for a while: "we've had no X in since October".
    (
        frozenset(["since"]),
        RuleSet.of(
            rules(
                _OUT,
                r"(?:had|'ve had|have had|has had) no (?:\w+ )?(?:xx+|stock|units|deliveries)"
                r"(?: in)? since",
                r"(?:haven't|have not|'ve not|hasn't|has not|'s not) had (?:any|one)"
                r"(?: of (?:the )?xx+| xx+)?"
                r"(?: in)? since",
                negation=False,
            )
        ),
    ),
    # None, said by a word for nothing: "nil stock", "showing zero".
    (
        frozenset(["nil", "zero", "nada", "zilch"]),
        RuleSet.of(
            rules(
                _OUT,
                r"\b(?:nil|zero|nada|zilch) (?:stock|in stock|available|avail|on hand|left|atm|rn"
                r"|right now|at the moment|everywhere|anywhere)\b",
                r"\b(?:stock|inventory)(?: levels?)? (?:is |of |at )?(?:nil|zero)\b",
                r"\b(?:showing|shows|reads|at|is|are|'s|'re)(?: as)? (?:zero|nil|nada|zilch)"
                rf"(?=\s*(?:[,.;!)]|$|{ON_SCREEN}|everywhere"
                r"|anywhere|across\b"
                r"|in (?:all|every|each|any)\b|atm\b|rn\b|right now|at the moment|at present"
                r"|now\b))",
                negation=False,
            )
        ),
    ),
    # Denied for every way of getting it: "not available for delivery or in-store pickup".
    (
        frozenset(["pickup", "pick", "collection", "collect"]),
        RuleSet.of(
            rules(
                _OUT,
                r"(?:isn't|is not|not|aren't|are not|unavailable) (?:currently )?(?:available )?"
                r"(?:for|to) (?:delivery|shipping|order|ordering) (?:or|nor|and) (?:for )?"
                r"(?:in-store |store )?(?:pick-?up|collection|click (?:and|&) collect)",
                negation=False,
            )
        ),
    ),
    # Back after a while, said after the shortage or of the item: "sold out, back in 2 wks".
    (
        frozenset(["back"]),
        RuleSet.of(
            rules(
                _BACK,
                r"(?:[,;:\u2014-]|\b(?:out|oos|gone|be|is|are|'s|'re))\s*back (?:in|within)"
                r" (?:\d+|a|one|two|three|four|a couple of|a few|the next) (?:days?|wks?|weeks?"
                r"|months?|fortnight)",
                # Sent when it comes back: "… when they come back into stock".
                r"(?:when|once|as soon as) (?:it|they|xx+|the xx+|more|stock)(?: \w+)?"
                rf" (?:comes?|gets?|is|are|'s|'re) back (?:in|into) {_STOCK}",
                # "oos, back wk of 19th", "shd b back nxt wk": back on a date.
                rf"(?:[,;:\u2014-]|\b(?:out|oos|gone|b))\s*back (?:in {_STOCK} )?{_WHEN_DATE}",
            )
        ),
    ),
    # No restock planned: "we're not planning to restock it".
    (
        frozenset(["planning", "plans", "intending"]),
        RuleSet.of(
            rules(
                _GONE,
                r"(?:not|no) (?:planning|plans|intending) to (?:re-?stock|replenish|re-?order"
                r"|bring (?:it|them) back|get (?:any )?more)",
                negation=False,
            )
        ),
    ),
)
#: The same for stock told by what happens next, read only when no order is in view.
_GATED_NEXT: tuple[tuple[frozenset[str], RuleSet], ...] = (
    (
        frozenset(["shelf", "shelves"]),
        RuleSet.of(
            rules(
                _IN,
                r"\b(?:have|has|got) (?:the |an? )?xx+ (?:sitting )?on (?:the |our )?shel(?:f"
                r"|ves)",
                negated=_OUT,
            ),
        ),
    ),
    (frozenset(["go"]), RuleSet.of(rules(_IN, r"good to go", negated=_OUT))),
    (
        frozenset(["collected", "picked"]),
        RuleSet.of(
            rules(
                _IN,
                r"(?:can|could) be (?:collected|picked up)(?: in[- ]store| from| at| today)",
                negated=_OUT,
            )
        ),
    ),
)
#: Every gate's words: most answers say none of them, and try no gate at all.
_GATE_WORDS = frozenset().union(*(gate for gate, _ in _GATED))
_GATE_WORDS_NEXT = frozenset().union(*(gate for gate, _ in _GATED_NEXT))
#: A search that found nothing: "not carried", unless the answer then asks which item was
#: meant (a clarification, fixtures/claims/corpus/README.md "Labelling").
_SEARCH = RuleSet.of(
    rules(
        _NOT_CARRIED,
        rf"(?:{CANNOT[3:-1]}|wasn't able to) (?:find|locate)"
        r"(?: any| a| an| that| the| this)? (?:product|item|listing)s?",
        r"no (?:product|item|listing)s? (?:called|named|matching|with|by that name|like that)",
        r"(?:don't|do not|dont|not) (?:see|seeing|find|finding) (?:any|a|an|anything)"
        r"(?: product| item| listing)?s? (?:called|named|matching|by that name|like)",
        # "no item 'XY-1' in our catalogue": the search's word, what was sought, where.
        r"no (?:such )?(?:product|item|listing)s? (?:(?:called|named) )?(?:xx+ )?(?:in|on) our"
        r" (?:\w+ )?(?:catalogue|catalog|range|store|shop|site|inventory|system|listings)",
        r"no such (?:product|item|thing|model)",
        # (voice10) What was sought matched nothing: "\"KT-2992\" doesn't match any product we
        # carry", "didn't match any items in our range".
        r"(?:doesn't|does not|doesnt|didn't|did not|didnt|don't|do not) match (?:any|a|an)"
        r" (?:(?:[\w-]+ )?(?:product|item|listing|sku)s?(?: (?:that )?we (?:carry|sell|stock"
        r"|offer)| (?:in|on) our (?:\w+ )?(?:catalogue|catalog|range|store|shop|site|listings))?"
        r"|[\w-]+ (?:that )?we (?:carry|sell|stock|offer))",
        # (voice10d) A search's count of what it found, as a shop's widget shows it: '"TP-7722"
        # · 0 products found', 'No results for "SC-1845"'.
        r"(?:0|zero) (?:product|item|listing|result|match)(?:e?s)? found",
        r"no (?:product|item|listing)s? found",
        r"no (?:results?|matches) for xx+",
        # The item itself not found: "I can't find the Steel Pocket Scale." (not in your
        # account or order, where it is a look-up that failed; "in stock" is read elsewhere).
        rf"(?:{CANNOT[3:-1]}|wasn't able to) (?:find|locate)"
        r"(?: the| a| an| any)? xx+(?! (?:on|in|under|among|against|within|from) "
        r"(?:your|ur|yr|my|the system|our system|our records))(?! in stock)",
        negation=False,
    ),
)
_SPAN = attrgetter("span")
#: What a bare verb after a name denies or affirms: "X isn't in stock, but Y is".
_OPPOSITES = {_IN: _OUT, _OUT: _IN, _LOW: _OUT}
#: Words after "we don't sell" that point back at what was named before: "we don't stock it".
_POINTING_BACK = compile_pattern(
    r"\W*(?:$|(?:it|them|that|this|those|these|one|any ?more|currently|here|at the moment"
    r"|right now|sorry|i'm afraid|unfortunately)\b)"
)
#: A word said as part of a name, then a noun it describes: "kids' bikes".
_MODIFIES = compile_pattern(
    r"'?\s+(?!(?:anymore|any|more|now|here|sorry|at|in|on|for|right|currently|unfortunately"
    r"|i'm|im|either|too|as|and|or|but|though|tho|yet|online|today|these|atm|rn|i|we|you"
    r"|them|it|to|from|with|by|sadly)\b)[a-z]{3,}"
)
_DETERMINERS = compile_pattern(r"\s*(?:(?:the|a|an|any|our)\s+)?")
#: A name, then what sets the thing named apart from it: "the Blender jugs", "umbrellas with
#: a wooden handle" (another product, not the item).
_DESCRIBED = compile_pattern(
    r"\s+(?:with|without|featuring|that (?:has|have|comes?)\b"
    r"|(?!(?:is|was|has|does|always|anymore|unless|across|plus|less|yes|thanks)\b)[a-z]{2,}s\b)"
)
#: … said before the name: "an immersion blender" (a head word of the catalogue after a word of
#: no name of it).
_ARTICLE_AND_WORD = compile_pattern(r"\b(?:an?|any) (?!(?:new|single|brand-new)\b)[a-z-]{3,}\s+$")
#: Verbs and adverbs that may follow a name as its predicate, not a noun it describes.
_PREDICATE_AFTER = compile_pattern(
    r"\s+(?:was|were|has|have|had|does|did|isn't|aren't|wasn't|won't|will|would|can|can't|could"
    r"|should|may|might|must|never|also|really|just|hasn't|haven't|doesn't|don't|itself|which"
    # (voice10) The other negated auxiliaries: "\"PL-0999\" didn't match any plant we sell".
    r"|didn't|weren't|couldn't|wouldn't|shouldn't"
    r"|that|who|sadly|simply|alas)\b"
)


def _another_product(masked: str, mention: Mention) -> bool:
    """The name is part of a longer phrase naming something else: a head word after a word of
    no name ("an immersion blender"), or a name before a noun ("a standing desk converter")."""
    if _ARTICLE_AND_WORD.search(masked, max(0, mention.start - 30), mention.start):
        return True
    return bool(
        _MODIFIES.match(masked, mention.end) and not _PREDICATE_AFTER.match(masked, mention.end)
    )


#: A variant after a name: "the Blue Kettle in red", "in a size 10".
_IN_VARIANT = compile_pattern(
    r"\s+in (?:an? |the )?(?:(?:larger|smaller|bigger|different|other|another) (?:\w+ )?)?(?:"
    + "|".join(VARIANT_WORDS)
    + r"|capacity|capacities|model|version|style|material|edition)\b"
)
#: (formal9) A variant of the item named before, as what the shop does not sell: "we don't sell
#: a travel version of it" says nothing of the item.
_A_VARIANT_OF_IT = compile_pattern(
    r"\s*(?:a|an|the|any) (?:[\w-]+ ){0,2}(?:version|model|variant|edition|size|colou?r|finish)s?"
    r" of (?:it|them|this|that|the xx+|xx+)\b"
)
_REFINES = {
    # Low now is what the customer can buy, whatever restock is planned.
    _LOW: frozenset({_IN, _BACK}),
    _BACK: frozenset({_OUT}),
    _GONE: frozenset({_OUT}),
}


#: A stock column's cell answered in one word or mark: "| Yes (40+) |", "| ❌ |".
_CELL_ANSWER = compile_pattern(
    r"\s*(?:(?P<yes>yes|yep|y|\u2705|\u2714|\u2611)|(?P<no>no|n|nope|none|\u274c|\u2716|\u2717"
    r"|\u2718))(?![\w-])"
)


def _polar_cells(doc: Document, cells: list[tuple[int, str, tuple[int, int]]]) -> list[Claim]:
    """ "| Gel Pens 5-Pack | Yes (40+) |" under "| Available |": the row's item in stock (or
    out, for "No"). Counts in the column are read as counts (`find_counts`)."""
    claims = []
    for start, cell, (row_start, row_end) in cells:
        answer = _CELL_ANSWER.match(cell)
        if answer is None:
            continue
        named = [m for m in doc.mentions if row_start <= m.start < row_end]
        items = {m.subject for m in named if m.type is SubjectType.ITEM}
        if len(items) != 1:
            continue
        value = _IN if answer.group("yes") else _OUT
        span = (start + answer.start(), start + answer.end())
        claims.append(Claim(ClaimKind.AVAILABILITY, value, span, items.pop()))
    return claims


def _not_the_sum(doc: Document, hits: list[Hit]) -> list[Hit]:
    """ "9 on hand, 7 reserved for a club order, so 2 I can sell": the set-aside phrase is part
    of the sum worked out in its sentence, not the item's stock (`_screen_sums`)."""
    nets = [c.start for c in find_counts(doc) if c.net and c.value]
    if not nets or not hits:
        return hits
    runs = [wrapped_run(doc, start) for start in nets]
    return [h for h in hits if h.value != _OUT or not any(s <= h.start < e for s, e in runs)]


def _from_counts(doc: Document) -> list[Claim]:
    claims = []
    for count in find_counts(doc):
        value = _OUT if count.value == 0 else _LOW if count.low else _IN
        subjects = (
            (count.of,)
            if count.of is not None
            else resolve(doc, ClaimKind.AVAILABILITY, count.start, count.end)
        )
        for subject in subjects:
            span = (count.start, count.end)
            claims.append(Claim(ClaimKind.AVAILABILITY, value, span, subject, count.hedged))
    return claims


#: (sms9) An answer about a refund: what happens next is the money's ("refund ready to go"),
#: not an item's stock.
_REFUND_TALK = compile_pattern(r"\b(?:refund|rfnd|refnd|reimburs)")


def _tables(doc: Document, orders: bool) -> tuple[RuleSet, ...]:
    """The rule sets an answer is read with: the terse ones only where a terse end is, those
    of what happens next only when no order and no refund is in view, the gated ones only
    with their words."""
    table: tuple[RuleSet, ...] = (_TABLE, doc.context.vocabulary.rules_for(ClaimKind.AVAILABILITY))
    masked = doc.masked
    terse = _TERSE_END.search(masked) is not None or (
        ("in and" in masked or "in at " in masked) and _IN_GOES_ON.search(masked) is not None
    )
    if terse:
        table = (*table, _TERSE)
    words = doc.words.word_set
    if not _GATE_WORDS.isdisjoint(words):
        table = (*table, *(rules for gate, rules in _GATED if not gate.isdisjoint(words)))
    if not orders and not _REFUND_TALK.search(doc.masked):
        table = (*table, _NEXT, _TERSE_NEXT) if terse else (*table, _NEXT)
        if not _GATE_WORDS_NEXT.isdisjoint(words):
            table = (*table, *(r for gate, r in _GATED_NEXT if not gate.isdisjoint(words)))
    if not find_clarifications(doc):
        table = (*table, _SEARCH)
    return table


@EXTRACTORS.register(ClaimKind.AVAILABILITY)
def extract_availability(doc: Document) -> list[Claim]:
    orders = _orders_in_view(doc)
    hits = scan(doc, *_tables(doc, orders), kind=ClaimKind.AVAILABILITY)
    if hits and not _NEGATIVE_QUANTIFIERS.isdisjoint(doc.words.word_set):
        hits = _denied_by_quantifier(doc, hits)
    counted = _from_counts(doc)
    hits = _not_the_sum(doc, hits)
    if "|" in doc.masked:  # a table's header ("| In stock |") claims nothing
        header, cells = stock_cells(doc)
        if header is not None:
            hits = [h for h in hits if not header[0] <= h.start < header[1]]
            counted.extend(_polar_cells(doc, cells))
    if counted:  # "0 in stock": the count says how much, not the phrase inside it
        spans = [c.span for c in counted]
        hits = [h for h in hits if not any(s <= h.start and h.end <= e for s, e in spans)]
        hits = _count_predicates(doc, counted, hits)
    if (
        hits
        and (doc.order_context or doc.return_context)
        and any(m.type is not SubjectType.ITEM for m in doc.mentions)
    ):
        # A stock phrase opening on an order's or a return's id says nothing of stock: "logged
        # RMA-7201 in".
        ids = {m.start for m in doc.mentions if m.type is not SubjectType.ITEM}
        hits = [h for h in hits if h.start not in ids]
    if "~~" in doc.masked:  # "~~in stock~~ sold out": struck out, said no more
        struck = [m.span() for m in _STRUCK.finditer(doc.masked)]
        hits = [h for h in hits if not any(s <= h.start < e for s, e in struck)]
    claims = claims_of(doc, ClaimKind.AVAILABILITY, hits)
    claims.extend(counted)
    claims.extend(_rough_after_count(doc))
    claims = _with_capability(doc, claims)
    # (Of an order, "Rain Jacket ✅" says a line has shipped.)
    # (Only for items no other claim is about: the usual answer has its claim already.)
    taken = {c.subject for c in claims}
    if (
        doc.mentions
        and not orders
        and not taken.issuperset(m.subject for m in doc.mentions if m.type is SubjectType.ITEM)
        and _may_be_polar(doc)
    ):
        about_stock = bool(claims) or "stock" in doc.masked or "avail" in doc.masked
        claims.extend(c for c in _polar_answers(doc, about_stock) if c.subject not in taken)
    claims.extend(offered_claims(doc, {c.subject for c in claims}))
    claims = over_the_group(doc, claims)
    if not claims:
        return claims
    if any(m.type is SubjectType.ORDER for m in doc.mentions):
        # Stock told as an order's story ("cancelled because the item went out of stock")
        # is about an item only when the answer names it.
        claims = [c for c in claims if c.subject is not None or c.value not in (_IN, _OUT)]
    if any(claim.value == _NOT_CARRIED for claim in claims):
        claims = _not_carried_of_what_is_named(doc, claims)
    claims = sorted(carry_over(doc, ClaimKind.AVAILABILITY, claims, _OPPOSITES), key=_SPAN)
    claims = _scoped(doc, claims)
    if len(claims) > 1:  # (the usual answer has one claim)
        claims = _more_beside_stock(doc, claims)
    return supersede(claims, _REFINES)


#: A rough count joined to a count before it: "four Spades and about a dozen Garden Forks" (the
#: verb of having is the first count's; the rough one gives stock, not a quantity).
_ROUGH_AFTER_COUNT = compile_pattern(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|a couple"
    r"|a few) x+(?: left| in stock| on hand| in| available)?,? and (?P<it>(?:about|around"
    r"|roughly|approximately|some|over|nearly|maybe|perhaps) (?:\d+|a dozen|a couple of dozen"
    r"|a few dozen|dozens of|a hundred|twenty|thirty|forty|fifty)(?: (?:pairs|units|sets|boxes"
    r"|packs) of)? (?:the )?x+)"
)
_ROUGH_WORDS = frozenset(
    ["about", "around", "roughly", "approximately", "some", "over", "nearly", "maybe", "perhaps"]
)


def _rough_after_count(doc: Document) -> list[Claim]:
    words = doc.words.word_set
    if "and" not in words or _ROUGH_WORDS.isdisjoint(words):
        return []
    if not any(f"and {word} " in doc.masked for word in _ROUGH_WORDS.intersection(words)):
        return []
    claims = []
    for match in _ROUGH_AFTER_COUNT.finditer(doc.masked):
        end = match.end("it")
        named = next((m for m in doc.mentions if m.start < end <= m.end), None)
        if named is not None and named.type is SubjectType.ITEM:
            span = (match.start("it"), end)
            claims.append(Claim(ClaimKind.AVAILABILITY, _IN, span, named.subject))
    return claims


def _with_capability(doc: Document, claims: list[Claim]) -> list[Claim]:
    """`claims` and stock told by what the shop can do (`_capability`)."""
    claims.extend(capability_claims(doc))
    if not may_tell(doc):
        return claims
    claims.extend(c for c in (*degree_claims(doc), *denial_claims(doc)) if c not in claims)
    noticed = noticed_claims(doc)
    if noticed:  # "we'll email you the moment the X is back": its coming back says nothing
        claims = [c for c in claims if not any(_within(c, n) for n in noticed)] + noticed
    return claims


def _within(claim: Claim, outer: Claim) -> bool:
    return outer.span[0] <= claim.span[0] and claim.span[1] <= outer.span[1]


#: Between a count and its predicate: "zero units[ of the Electric Kettle ]available".
_COUNT_TO_PREDICATE = compile_pattern(r"\s*(?:of (?:the |our )?xx+\s*)?")


def _count_predicates(doc: Document, counted: list[Claim], hits: list[Hit]) -> list[Hit]:
    """ "There are zero units of the Kettle available": a stock word right after a count of
    none (past the item it counts) is that count's predicate, not a second claim of stock."""
    ends = [c.span[1] for c in counted if c.value == _OUT]
    if not ends or not hits:
        return hits
    return [
        h
        for h in hits
        if not any(
            e <= h.start and _COUNT_TO_PREDICATE.fullmatch(doc.masked, e, h.start) for e in ends
        )
    ]


#: A restock said of more stock: "and more due next week", "another batch is coming".
_MORE = compile_pattern(r"\b(?:more|another|additional|extra|further)\b")


def _more_beside_stock(doc: Document, claims: list[Claim]) -> list[Claim]:
    """ "There's 4 in stock and more due next week": more to come beside stock now adds no
    state; the item is in stock. (A restock of an item that has none stays a backorder.)"""
    stocked = {c.subject for c in claims if c.value in (_IN, _LOW)}
    if not stocked or not any(c.value == _BACK and c.subject in stocked for c in claims):
        return claims
    return [
        c
        for c in claims
        if not (
            c.value == _BACK
            and c.subject in stocked
            and _MORE.search(doc.masked, c.span[0], c.span[1])
        )
    ]


def _scoped(doc: Document, claims: list[Claim]) -> list[Claim]:
    """Claims given the scope they were said in: a group's members, not a variant."""
    if not _QUANTIFIERS.isdisjoint(doc.words.word_set) and any(c.subject is None for c in claims):
        claims = _over_the_list(doc, claims)
    if not _VARIANTS.isdisjoint(doc.words.word_set) or not _VARIANT_NOUNS.isdisjoint(
        doc.words.word_set
    ):
        claims = _variants_apart(doc, claims)
    if not _CHANNEL_WORDS.isdisjoint(doc.words.word_set):
        claims = _channels_apart(doc, claims)
    return claims


_CHANNEL_WORDS = frozenset(
    ["online", "website", "site", "web", "store", "stores", "instore", "shop", "shops", "branch",
     "branches", "delivery", "shipping"]
)  # fmt: skip
#: One way of buying, named right after a shortage: "sold out online", "not available for
#: online orders", "out at the Leeds store", "unavailable for delivery".
_CHANNEL = compile_pattern(
    r"\W*(?:[\w'-]+\W+){0,3}?(?:online|on (?:the |our )?(?:web)?site|(?:online|web) orders?"
    r"|in[- ]?stores?|(?:in|at) (?:the |our )?(?:[\w-]+ )?(?:stores?|shops?|branch(?:es)?)"
    r"|(?:for|to) (?:delivery|shipping))\b"
)


def _channels_apart(doc: Document, claims: list[Claim]) -> list[Claim]:
    """ "Sold out online, 4 at the Hamburg store": a shortage said of one way of buying (the
    website, a store, delivery) is that channel's, not the item's, when the answer says the
    item is to be had another way. (Every way denied, "not in any store, none online
    either", leaves the item out of stock.)"""
    if len(claims) < 2:
        return claims
    stocked = {c.subject for c in claims if c.value in (_IN, _LOW) and c.subject is not None}
    if not stocked:
        return claims
    out = []
    for claim in claims:
        if claim.value == _OUT and claim.subject in stocked:
            end = doc.clause_at(claim.span[0]).end
            if _CHANNEL.match(doc.masked, claim.span[1], max(end, claim.span[1])):
                continue
        out.append(claim)
    return out


#: Markdown's strikethrough: what it crosses out is withdrawn.
_STRUCK = compile_pattern(r"~~[^~\n]+~~")
_VARIANTS = frozenset(VARIANT_WORDS)
_VARIANT_WORD = compile_pattern(r"\b(?:" + "|".join(VARIANT_WORDS) + r")\b")
#: A variant named by a word and what it is: "the maple version", "the 10-inch model".
_VARIANT_NOUNS = frozenset(["version", "versions", "variant", "variants", "edition"])
_VARIANT_PHRASE = compile_pattern(
    r"\bthe [\w-]+ (?:version|variant|edition|model|style|option)s?\b"
)
#: What one variant may be short of.
_SHORT = frozenset([_OUT, _BACK, _LOW])


def _variants_apart(doc: Document, claims: list[Claim]) -> list[Claim]:
    """ "Available in black and silver; the red finish is sold out": a shortage said of a
    colour, finish or size (named between it and the last item named before it in its
    sentence, or right after it: "sold out in grey") is one variant's, not the item's, when
    the answer says the item is in stock."""
    stocked = {c.subject for c in claims if c.value == _IN and c.subject is not None}
    if not stocked:
        return claims
    out = []
    for claim in claims:
        if claim.value in _SHORT and claim.subject in stocked:
            start = doc.sentence_at(claim.span[0]).start
            start = max([start, *(m.end for m in doc.mentions if m.end <= claim.span[0])])
            # (A state opened by its variant, "in sage is out", holds it.)
            end = claim.span[1] if doc.masked.startswith("in ", claim.span[0]) else claim.span[0]
            if _VARIANT_WORD.search(doc.masked, start, end) or _VARIANT_PHRASE.search(
                doc.masked, start, end
            ):
                continue
            if _IN_VARIANT.match(doc.masked, claim.span[1]):
                continue  # said right after it: "the Beanie's sold out in grey"
        out.append(claim)
    return out


#: Words that quantify over a group: a claim they open is about each member.
_QUANTIFIERS = frozenset(["none", "neither", "all", "both", "each"])
_NEGATIVE_QUANTIFIERS = frozenset(["none", "neither"])
#: A negative quantifier as a sentence's subject, the stock phrase its predicate, the group
#: told between: "None of the blenders in our lineup, including the X, are in stock" (the
#: clauses a comma makes are still that one subject's); a mark may open the sentence ("✔️ None
#: of …").
_NONE_OF = compile_pattern(
    r"(?:^\W*|[,:;]\s*|\b(?:but|and|so|sorry|afraid|unfortunately)\W+)(?:none|neither)(?: of)?"
    r" (?:the|these|those|them|our|your|its|their)\b"
    r"(?:(?!\b(?:is|are|was|were|isn't|aren't|have|has|had|do|does|did)\b)[^.!?;])*?"
    r"\b(?:is|are|r|'re|were|was)\s+(?:currently |still |yet |right now )?$"
)


def _denied_by_quantifier(doc: Document, hits: list[Hit]) -> list[Hit]:
    """A stock phrase whose subject is "none of …" said clauses before it is denied."""
    out = []
    for hit in hits:
        if hit.value == _IN and not hit.negated:
            sentence = doc.sentence_at(hit.start)
            # The sentence cut out, so that "^" is where it opens: searched in place, "^" is
            # only the answer's start, and a sentence before it ("Here's what I found.")
            # left "None of the blenders … are in stock" read as in stock.
            if sentence.start < hit.clause.start and _NONE_OF.search(
                doc.masked[sentence.start : hit.start]
            ):
                hit = hit._replace(value=_OUT, negated=True)
        out.append(hit)
    return out


#: What may stand between a claim about a group and the list of its members: time words,
#: apologies, a colon, a dash or a list's bullets, and the words that open a list ("…, neither
#: the 18cm nor the 20cm", "none of those are in stock sorry - X, Y, Z", "…right now:\n- X").
_LIST_OPENING = compile_pattern(
    r"(?:[\s,:;\u2013\u2014*\u2022(-]|\b(?:right now|at the (?:moment|minute)|at present|atm"
    r"|rn|currently|today|sorry|sry|soz|i'm afraid|unfortunately|for now|neither|either|both"
    r"|including|incl|namely|the|i\.e\.|e\.g\.)\b)*"
)
_GROUP_SAID = compile_pattern(
    r"\b(?:(?:none|neither|all|both|each|any) of (?:the|these|those|them|our)\b|neither\b"
    r"|(?:all|both) (?:out|gone|sold out|in stock|available)\b)"
)


def _over_the_list(doc: Document, claims: list[Claim]) -> list[Claim]:
    """A claim about a group that names none of it ("none of these items are available
    right now:", "none of those r in stock") is about each item listed right after it."""
    items = [m for m in doc.mentions if m.type is SubjectType.ITEM]
    if not items:
        return claims
    out: list[Claim] = []
    for claim in claims:
        start, end = claim.span
        if claim.subject is not None or not _GROUP_SAID.search(
            doc.masked, doc.sentence_at(start).start, end
        ):
            out.append(claim)
            continue
        opening = _LIST_OPENING.match(doc.masked, end)
        first = next((m for m in items if m.start >= end), None)
        if first is None or opening is None or opening.end() < first.start:
            out.append(claim)
            continue
        members = [first]
        for mention in items[items.index(first) + 1 :]:
            gap = doc.masked[members[-1].end : mention.start]
            if not (connects(gap) or (not gap.strip() and "\n" in gap)):
                break  # (a list's lines are joined by their line breaks)
            members.append(mention)
        out.extend(replace(claim, subject=m.subject) for m in members)
    return out


#: The words that put an order in view (`Document.order_context`), found again here to tell
#: an order from the customer's act of ordering.
_ORDER_WORDS = compile_pattern(
    r"(?<!-)\b(?:orders?|parcels?|packages?|shipments?|delivery|deliveries|couriers?|tracking"
    r"|purchases?)\b"
)
#: "Order" as what the customer may do ("you can order now", "order today", "place an order",
#: "10% off your next order"): no order of theirs is in view.
_RESTOCK = compile_pattern(RESTOCK)
_ORDERING_AFTER = compile_pattern(r"\s+(?:now|today|tonight|it|them|one|online|before|by|soon)\b")
_ORDERING_BEFORE = compile_pattern(
    r"\b(?:you|to|can|could|please|and|just|simply|then|place|places|placing|an|your next"
    r"|next|a new|first)\s+(?:\w+\s+)?$"
)


def _orders_in_view(doc: Document) -> bool:
    """An order of the customer's is in view: one is named, or an order word is used of one.

    Availability told through what happens next ("ready to ship", "sitting in the warehouse")
    is read only when no order is; but "if you order today it goes out tomorrow" and "a fresh
    delivery of them is due on the 8th" speak of no order of the customer's: "order" as a verb,
    and delivery words in a sentence about the shop's own stock arriving (`RESTOCK`)."""
    if not doc.order_context:
        return False
    if any(m.type is SubjectType.ORDER for m in doc.mentions):
        return True
    text = doc.masked
    for match in _ORDER_WORDS.finditer(text):
        start, end = match.span()
        if doc.clause_at(start).conditional:
            continue  # "if your order is placed before 2 p.m.": an order that may be
        sentence = doc.sentence_at(start)
        if match.group().startswith("order") and (
            _ORDERING_AFTER.match(text, end)
            or _ORDERING_BEFORE.search(text, max(sentence.start, start - 24), start)
        ):
            continue
        if _RESTOCK.search(doc.masked, sentence.start, sentence.end):
            continue
        if match.group().startswith("deliver") and _A_CHANNEL_BEFORE.search(
            text, max(sentence.start, start - 24), start
        ):
            continue  # (formal9) "unavailable for delivery to your area": a way of buying
        return True
    return False


#: Delivery as a way of buying, not a parcel: "(un)available for delivery".
_A_CHANNEL_BEFORE = compile_pattern(r"\b(?:un)?available (?:to order )?for (?:home |local )?$")


def _not_carried_of_what_is_named(doc: Document, claims: list[Claim]) -> list[Claim]:
    """ "We don't sell spare parts for the Stand Mixer", "we don't carry a product by that
    name": what the shop does not sell is what the phrase goes on to name, and when that is no
    item the auditor knows, the claim is about no item (not about the look-alike nearby). "We
    don't stock it", "that's not something we sell" point back: at the item named before, if
    any (never at one named only after)."""
    out: list[Claim] = []
    for claim in claims:
        if claim.value != _NOT_CARRIED:
            out.append(claim)
            continue
        start, end = claim.span
        if any(
            start <= m.start and m.end <= end and m.type is not SubjectType.ITEM
            for m in doc.mentions
        ):
            continue  # "I can't find ORD-1": an order or return not found, no item's stock
        items = [m for m in doc.mentions if m.type is SubjectType.ITEM]
        inside = next((m for m in items if start <= m.start and m.end <= end), None)
        if inside is not None:
            if (
                (inside.part or not inside.masked)
                and inside.end == end
                and _DESCRIBED.match(doc.masked, end)
            ):
                # (formal9) "never done umbrellas with a wooden handle": the phrase took the
                # head word, and what follows sets the thing apart from the item.
                claim = replace(claim, subject=None)
            out.append(claim)
            continue
        clause = doc.clause_at(start)
        if _A_VARIANT_OF_IT.match(doc.masked, end):
            continue  # (formal9) "we don't sell a travel version of it"
        if _POINTING_BACK.match(doc.masked, end, clause.end):
            before = [m for m in items if m.end <= start]
            subject = before[-1].subject if before else None
            if before and _another_product(doc.masked, before[-1]):
                subject = None  # "a standing desk converter is not a product we offer"
        else:
            determiners = _DETERMINERS.match(doc.masked, end)
            next_start = end if determiners is None else determiners.end()
            named = next((m for m in items if m.start == next_start), None)
            if named is not None and (
                ((named.part or not named.masked) and _MODIFIES.match(doc.masked, named.end))
                or _DESCRIBED.match(doc.masked, named.end)
            ):
                named = None  # "we don't stock any kids' bikes": bikes, not the Kids jacket
            elif named is not None and _IN_VARIANT.match(doc.masked, named.end):
                continue  # "we don't do the Blue Kettle in red": a variant not sold
            subject = None if named is None else named.subject
        replaced = claim if claim.subject == subject else replace(claim, subject=subject)
        if replaced not in out:
            out.append(replaced)
    return out


#: A name and a one-word answer, in a terse list: "Earbuds Pro 2 yes, Earbuds Pro (og) no",
#: "kettle pro: out. blue kettle: loads", "Juicer X90 ✅", "n-series 👍 q-series 👎".
_POLAR = compile_pattern(
    r"[ \t]*(?:\([^)\n]*\)[ \t]*)?(?P<sep>[:=\u2014,?-][ \t]*)?(?:(?P<yes>yes|yep|yeah|ya|y|loads"
    r"|plenty|lots|tons|heaps|\u2705|\u2714|\u2611|\U0001f44d)|(?P<low>low|lo|v low|running low"
    r"|limited)"
    # "desk lamp? nope none": the answer, and the word that says what it denies.
    r"|(?P<no>(?:(?:no|nope|nah)[ \t,!.]+)?(?:none|nil|nada|zilch|gone|out)|no|nope|nah|\u274c"
    r"|\u2716|\u2717|\u2718|\U0001f6ab|\U0001f44e))(?:[ \t]+(?:tho|though))?"
    r"(?=[ \t]*(?:[,.;!)\n\u2014|-]|$)"
    r"|[\u2705\u2714\u2611\u274c\u2716\u2717\u2718\U0001f6ab\U0001f44d\U0001f44e]"
    # (sms8) Before a spaced slash, the next pair of the list ("X ✅ / Y ❌"); a mark before
    # its count or its word ("X ✅ 25", "X 🚫 out").
    r"|[ \t]+/[ \t]|[ \t]*\((?=\d{1,4}\))"
    r"|(?<=[\u2705\u2714\u2611\u274c\u2716\u2717\u2718\U0001f6ab])[ \t]+(?:\d{1,4}|out|sold out"
    r"|in stock|avail\w*|in|gone|none)(?=[ \t]*(?:[,.;!)\n\u2014|/-]|$)))"
)
#: The count closing the pair before a spaced slash in a terse list: " 25 / " of "X ✅ 25 / Y".
_COUNT_BEFORE_SLASH = compile_pattern(r"^[ \t]+\d{1,4}[ \t]+/")
#: Words that answer only a question about stock, so are read only beside another claim of it.
_BARE_ANSWERS = frozenset(["yes", "yep", "yeah", "ya", "y", "no", "nope", "nah"])


_POLAR_WORDS = frozenset(
    ["yes", "yep", "yeah", "ya", "y", "loads", "plenty", "lots", "tons", "heaps", "no", "nope",
     "nah", "none", "nil", "nada", "zilch", "gone", "out", "low", "lo", "limited"]
)  # fmt: skip
#: (Thumbs too, as the answer after a name: "n-series 👍 q-series 👎".)
_POLAR_MARKS: tuple[str, ...] = (
    *("\u2705", "\u2714", "\u2611", "\u274c", "\u2716", "\u2717", "\u2718", "\U0001f6ab"),
    *("\U0001f44d", "\U0001f44e"),
)


def _may_be_polar(doc: Document) -> bool:
    """A one-word answer's word or mark is in the answer at all (most say none)."""
    if not _POLAR_WORDS.isdisjoint(doc.words.word_set):
        return True
    return not doc.masked.isascii() and any(map(doc.masked.__contains__, _POLAR_MARKS))


def _polar_answers(doc: Document, any_other: bool) -> list[Claim]:
    """Claims of the names that open a segment and are answered by one word after them."""
    claims: list[Claim] = []
    bare: list[Claim] = []
    items = [m for m in doc.mentions if m.type is SubjectType.ITEM]
    text = doc.masked
    opened = 0
    for index, mention in enumerate(items):
        stop = items[index + 1].start if index + 1 < len(items) else len(text)
        match = _POLAR.match(text, mention.end, stop)
        asked_back = (match is not None) and (match.group("sep") or "").strip() == "?"
        if match is None or (match.end() > doc.sentence_at(mention.start).end and not asked_back):
            continue  # (a name asked back, "desk lamp?", is answered in the next sentence)
        lead = text[max(doc.clause_at(mention.start).start, opened) : mention.start]
        if opened and lead[:1] in (" ", "\t"):
            lead = _COUNT_BEFORE_SLASH.sub("", lead)  # "X ✅ 25 / Y ❌": the pair before's count
        if any(ch.isalnum() for ch in lead):
            continue
        word = match.group("yes") or match.group("low") or match.group("no")
        if word in ("out", "low", "lo") and not match.group("sep"):
            continue
        value = _IN if match.group("yes") else _LOW if match.group("low") else _OUT
        claim = Claim(ClaimKind.AVAILABILITY, value, match.span(), mention.subject)
        (bare if word in _BARE_ANSWERS and not any_other else claims).append(claim)
        opened = match.end()
    # A bare "yes" or "no" answers a question about stock only beside another claim of it (a
    # worded answer of the list's: "X? nah none. Y yes"); "X yes, Y no" is such a pair itself:
    # two items, told apart by their answers.
    if claims or (len({c.value for c in bare}) > 1 and len({c.subject for c in bare}) > 1):
        claims.extend(bare)
    return sorted(claims, key=_SPAN)
