"""Counts of units available: "14 in stock", "only one left", "a dozen", "no units".

A count needs stock words around it (in stock, left, available, units, "we have"), so prices,
percentages, dates, times, ids and counts of things in an order never read as stock. Patterns
are tried only where a number or their first word stands (see `_dispatch` for why).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from auditor._claims._clarification import find_clarifications
from auditor._claims._compiled import compile_pattern
from auditor._claims._document import Document
from auditor._claims._lexicon import (
    ALLOCATING,
    ON_SCREEN,
    STOCK_PLACES,
    VARIANT_WORDS,
    WAREHOUSE,
    past,
)
from auditor._claims._model import Claim, ClaimKind
from auditor._claims._needles import may_match, needles
from auditor._claims._negation import hedged
from auditor._claims._numbers import (
    NUMBER,
    NUMBER_WORDS,
    SMALL_COUNT,
    SMALL_COUNT_WORDS,
    parse_number,
)
from auditor._claims._registry import EXTRACTORS
from auditor._claims._resolve import resolve
from auditor._claims._scan import silent, silent_at
from auditor._claims._screen_sums import Net, net_of
from auditor._claims._subjects import SubjectType
from auditor._claims._tables import header
from auditor._claims._text import Clause, Segment

_LOW_STOCK_COUNT = 3
_NUM = rf"(?P<n>{NUMBER})"
#: "left" as a stock word, not as the verb ("one left on Monday", "left the warehouse").
_LEFT_STOCK = (
    rf"left(?! (?:on (?:mon|tue|wed|thu|fri|sat|sun|the \d|\d)|the (?:{WAREHOUSE}|depot|building)"
    rf"|our (?:{WAREHOUSE}|depot)|yesterday|today|this (?:morning|afternoon)|at \d))"
)
_STOCK = (
    rf"(?:{_LEFT_STOCK}|remaining|remains?(?! (?:to|unclear|open|unknown)\b)|in stock|in-stock"
    r"|available|(?<=\d\s)avail|on hand|in (?:our )?inventory|free stock|free to sell"
    rf"|(?:in|at) (?:the|our)(?: main| central| local| other| [a-z]+)? (?:{WAREHOUSE}|depot|store"
    r"|shop|stock ?room|fulfil{1,2}ment cent(?:er|re)|distribution cent(?:er|re))"
    r"|on the shel(?:f|ves)|in store|in (?:the )?wh\b"
    # Where a person at the shop sees the stock: "110 in the system", "6 in the stockroom".
    r"|(?:in|on) (?:the|our) (?:system|stock system|stockroom|stock room)|in the back"
    # Stock that can go out now: "18 ready to go", "30 ready to ship".
    r"|ready to (?:go|ship|send|dispatch|despatch)"
    # (formal9) Stock that arrived at the shop: "a dozen Tape Measures came in this morning".
    r"|(?:came|come|arrived|landed) in (?:this (?:morning|afternoon)|today|earlier today"
    r"|yesterday))"
)
#: (markdown9) Games, books and prints are counted in copies: "12 copies", "in stock with 42
#: copies".
_UNIT = r"(?:units?|pcs|pieces?|items?|sets?|pairs?|packs?|copies)"
_STRONG_UNIT = r"(?:units?|pcs|pieces?|copies)"
#: Up to three words between a count and its stock word, none of them a number: in "a 2734
#: toaster with 1 left" the count is 1.
_FILLER = r"(?:\s+(?!(?:and|but|or|so|in)\b|\d)[\w'-]+){0,3}?"


#: A status mark a model puts before a value: ✅ ✔ ☑ ❌ ⚠️.
_MARK = r"[\u2705\u2714\u2611\u274c\u26a0]\ufe0f?"


def _compile(pattern: str) -> re.Pattern[str]:
    return compile_pattern(pattern.replace(" ", r"\s+"))


# Tried where a number starts.
#: "14 in stock", "2 of the kettles left", "one Glass Jar remaining"
_BEFORE_STOCK = _compile(rf"{_NUM}(?:-?ish| or so| odd)?(?: more)?{_FILLER}\s+{_STOCK}(?!\w)")
#: Stock words most answers never say, tried only where one is said (every number of every
#: answer tries `_BEFORE_STOCK`): a channel closing its clause, "none in store but 12 online";
#: a stock place as agents shorten it, "4 at DC".
_RARE_STOCK = _compile(
    rf"{_NUM}(?: more)?{_FILLER}\s+(?:online(?=\s*(?:[.,;!)\n]|$))"
    rf"|(?:in|at) (?:the )?{STOCK_PLACES}(?!\w))"
)
_RARE_STOCK_WORDS = frozenset(["online", "dc", "wh", "whse", "w"])
#: "30 in": chat's "in stock", the number right before it and closing its clause.
_BARE_IN = _compile(rf"{_NUM} in(?=\s*(?:[.,;!)\n]|$))")
#: "14 units"
_WITH_UNIT = _compile(rf"{_NUM}(?: more)? {_STRONG_UNIT}(?!\w)")
#: "One unit of Steel Pocket Scale is left", "one of the 10 units of X (X-1) is left": the
#: count, then what it counts at more length than a filler allows, then the stock word. Its
#: stock words are `_BEFORE_STOCK`'s, so that pattern's prefilter serves it too.
_NAMED_BEFORE_STOCK = _compile(
    rf"{_NUM}(?: of (?:the|our|those|these) {NUMBER})? (?:{_UNIT}|(?:of (?:the |our )?)?xx+"
    rf"(?: {_UNIT})?)"
    r"(?: of (?:the )?(?:xx+(?: \(xx+\))?|[\w'-]+(?: [\w'-]+){0,2}))?"
    rf" (?:is|are) (?:still )?{_STOCK}(?!\w)"
)
#: A name the answer masks, with its id in brackets after it ("Oak Board [BD-2878]").
_NAMED = r"xx+(?: [\[(]xx+[\])])?"
#: "51 x Oak Board [BD-2878] on hand": a count multiplied over what it counts (a stock list).
_TIMES_NAMED = _compile(rf"{_NUM}\s*[x×] {_NAMED} {_STOCK}(?!\w)")
#: "in stock (23)", "available (4 units)": the count in brackets right after the stock word.
_AFTER_STOCK = compile_pattern(rf"{_STOCK}\s*(?:{_MARK}\s*)?\(\s*$")
_BRACKETED = _compile(rf"{_NUM}(?: {_UNIT})?(?=\s*\))")
#: "… 2 of the kettles and 30 of the toasters": a count listed after another.
_LISTED = _compile(rf"{_NUM} (?:of (?:the )?(?:[a-z]+ )?)?(?:xx+|{_UNIT}(?!\w))")
#: A one-word "yes" between a name and its count: "tablet stand yes tho, 11", "X: yep - 4".
_YES_BEFORE = (
    # (sms8) Or the count in brackets after the yes: "laptop stand: yes (11)".
    r"[:\s\u2014-]*\s(?:yes|yep|yeah|yea|yup)(?: tho| though)?(?:\s*[,:\u2014-]\s*|\s*\(\s*)"
)
_YES_WORDS = frozenset(["yes", "yep", "yeah", "yea", "yup"])
_YES_NAME_BEFORE = compile_pattern(rf"x{_YES_BEFORE}$")
#: "blue kettle: 7", "tablet stand 0", "Earbuds Pro – 9.", "air fryer 4l → 0": a count
#: standing as the value of a name in a terse stock list, closing its clause.
_NAME_BEFORE = compile_pattern(
    r"x(?:'s\s+|\s*(?:[:=\u2014\u2192-]\s*|\s+(?:has|have|with|got|shows|at|is|are)\s+|\s+[x\u00d7]\s*"
    # A level read off a screen: "the Head Torch is at 2 now".
    r"|\s+(?:is|are|sits|sitting|stands|standing)\s+at\s+"
    r"|\s)(?:~\s?)?"
    # (sms8) Ticked, then counted: "mouse pad xl ✅ 25".
    r"|\s*[\u2705\u2714\u2611]\ufe0f?\s*"
    # (markdown9) A separator, then a mark: "Dog Bed → ✅ 9", "Lamp — ❌ 0".
    rf"|\s*[:=\u2014\u2192-]\s*{_MARK}\s*)$"
)
#: "in stock, 8 of them.": a count of the item just said to be in stock, closing its clause.
_OF_THEM = _compile(
    rf"{_NUM} (?:of (?:them|those|these|each)|{_UNIT})(?=\s*(?:[.,;!)\u2014-]|$)"
    # Stock that came in: "come back in, 10 of them arrived this morning".
    r"|\s+(?:arrived|came in|landed|turned up|were delivered|just arrived|have arrived))"
)
#: What `_OF_THEM` counts, right after the number: "8 of them", "11 pairs".
_UNITS_AHEAD = compile_pattern(
    r"[\w,.]+\s+(?:of\b|units?\b|pcs\b|pieces?\b|items?\b|sets?\b|pairs?\b|packs?\b|copies\b)"
)
_OF_THEM_BEFORE = compile_pattern(
    r"(?:in stock|available|avail|on hand|left|remaining|back in|came in|come in|restocked"
    r"|x in)\W*$"
)
_NAME_GAP = compile_pattern(
    r"'s\s+|\s*(?:[:=\u2014\u2192-]\s*|\s+(?:has|have|with|got|shows|at|is|are)\s+|\s+[x\u00d7]\s*|\s"
    r"|\s+(?:is|are|sits|sitting|stands|standing)\s+at\s+"
    rf"|{_YES_BEFORE})(?:~\s?)?"
    r"|\s*[\u2705\u2714\u2611]\ufe0f?\s*"
    rf"|\s*[:=\u2014\u2192-]\s*{_MARK}\s*"
)
#: Where stock is kept, as an agent names it.
_KEPT_AT = rf"(?:dc|wh|whse|{WAREHOUSE}|depot|stock ?room|store|shop)"
#: What may close a terse count besides punctuation: a time word, an apology, a stock place
#: ("charger 65w: 0 atm sry", "pb-2000 x 40 in wh").
_VALUE_TAIL = (
    r"(?:[ \t]+(?:atm|rn|right now|at the moment|at present|now|today|currently|sorry|sry"
    rf"|soz|i'm afraid|tho|though|in (?:the )?(?:wh|{WAREHOUSE}|stock ?room)|in stock|on hand"
    r"|avail(?:able)?|left|remaining"
    # An agent's stock screen: "Glass Kettle has 11 free".
    r"|free(?! (?:delivery|shipping|returns?|postage|gift|of|with|when|if|to)\b)"
    # Where the screen says it is (agent7): "Hand Mixer x 8 at Daventry", "3 on my screen".
    rf"|{ON_SCREEN}|(?:at|in) (?:the )?{_KEPT_AT}|at [a-z][\w-]+(?=[ \t]*[,.;!\n]|$))\b)*"
)
#: (Or before the next pair of a list: "the 1L at 0 and the French Press at 22".)
_VALUE_NUMBER = compile_pattern(
    # (sms8) Said roughly, as chat does: "bike light 40ish", "hub: 30+" (availability only:
    # `_count` finds it approximate.)
    rf"{_NUM}(?=(?:-?ish\b|\+)?{_VALUE_TAIL}[ \t]*(?:[.,;!)\n|]|$"
    r"|(?:and|n|&|but|while|whereas)[ \t]+(?:the )?x"
    # Or before what is set aside of it (agent9): "has 3 free but 2 are promised to …".
    r"|(?:but|and)[ \t]+\d+[ \t]+(?:of (?:them|those|these)[ \t]+)?(?:are|is|'re)?[ \t]*"
    r"(?:reserved|allocated|promised|earmarked|committed)"
    # Or before what else the screen says: "the XL is at 0 with nothing on order".
    r"|with[ \t]+(?:nothing|none|no|more|another|\d))"
    # A spaced slash between two pairs: "grinder: 11 / coffee maker: 2".
    r"|[ \t]+/[ \t])"
)
_BEFORE_STOCK_NEEDLES = needles(_BEFORE_STOCK)
_WITH_UNIT_NEEDLES = needles(_WITH_UNIT)
_LIST_JOIN = compile_pattern(r"(?:,\s*|\s+(?:and|n)\s+|\s*[&+]\s*)$")
# Tried where their first word starts.
_WE_HAVE = _compile(
    r"(?:(?:we|i|there|they)(?:'ve|'re|'s|\s+(?:still|currently|now|only|have|has|got|are|is"
    r"|hold|actually|really|also|\w+ly))+"
    # Typed without the apostrophe, as agents do: "theres 6", "weve got 14".
    r"|(?:theres|weve|ive)(?:\s+(?:still|got|only|just|about|around))*"
    rf"|got"
    # (formal9) A place of the shop's as the one who has it: "the warehouse has 9".
    rf"|(?:{WAREHOUSE}|store|shop|branch|stockroom|depot)s? (?:has|have|holds|'s got|has got"
    r"|is holding|'s holding))"
    rf" (?:only |just |a good |around |about |roughly |some |over |more than )?{_NUM}"
    rf"(?=\s+(?:{_UNIT}|of\b(?! your\b)|left\b|last\b|remaining\b|in stock\b|available\b"
    r"|on hand\b|more\b|xx+|in\s*(?:[).,!;]|$)|in (?:at the moment|right now|now|atm|rn|today)"
    r"|(?:right now|at the moment|at present|atm|rn|today|currently)\s*(?:[).,!;\u2014]|$)"
    r"|or so\b|odd\b|(?:knocking|kicking|lying|sitting|floating) (?:about|around)\b)|-?ish\b|\+"
    r"|\s*(?:[).,!;\u2014]|$))"
)
#: Stock read off a system or a shelf: "our system shows 7 X units", "currently holding 3 of
#: the X", "I can see 16 on the system".
_READS = _compile(
    r"(?:shows?|showing|holding|holds|see|seeing|counted|count) (?:only |just |about |around )?"
    rf"{_NUM}(?=\s+(?:{_UNIT}|of\b(?! (?:your|my|our (?:\w+ )?(?:orders?|customers?)))|xx+"
    r"|left\b|remaining\b|in stock\b|available\b|on (?:hand|the system)\b)|-?ish\b|\+"
    # Closing its clause, a time word at most after it: "it's showing 1 now".
    r"|(?:\s+(?:now|atm|rn|right now|at the moment|today))?\s*(?:[.,;!)\n]|$"
    # Or before a turn to what else is true: "showing 0 at the moment but 30 are due in".
    r"|(?:but|though|tho)\b))"
)
#: "only 2 sets", "just 4 units": a scarce count of units; "avail but only 1": a scarce count
#: closing a clause of a sentence about stock (`_STOCKED_BEFORE`).
_ONLY_UNITS = _compile(
    rf"(?:only|just) {_NUM}(?: (?:{_UNIT})(?!\w)|(?=(?:\s+(?:tho|though|atm|rn|sry|sorry))?"
    r"\s*(?:[.,;!)\n]|$)))"
)
_STOCKED_BEFORE = compile_pattern(r"\b(?:in stock|instock|avail\w*|stock|have|got|left)\b")
#: A count marked approximate after it gives availability, never a quantity: "50 or so",
#: "40-ish". ("About 40" stays a count: the labelled set reads "approx. 1,200 units" as one.)
_ABOUT_AFTER = compile_pattern(r"(?:-ish|ish\b|\s+or so\b|\s+odd\b|\+)")
#: Before it: "about 40 left", "roughly 30", "~25". ("approx." in a stock system's bracketed
#: figure, "(approx. 1,200 units)", is read as that system's count.)
_ABOUT_BEFORE = compile_pattern(
    r"(?:\b(?:roughly|approximately|maybe|like|give or take|more than|over|upwards of|in excess of"
    r"|north of|well over|at least)|(?:have|has|got|'ve|are|is"
    # (And what an agent sees: "I can see around 20 of the X in stock", agent7.)
    r"|'s|'re|with|still|hold|holding|see|seeing|shows?|showing|reckon)\s+(?:about|around|some|nearly"
    r"|almost|maybe|like)"
    # Opening its clause or line: "About a dozen left", "**About 40** in stock".
    r"|(?:^|[\n.!?;:,(\u2014-])\s*(?:about|around|some))\s+$|~\s*$"
)
#: The upper end of a range is approximate: "maybe 3 or 4 left", "8-10 in stock".
#: (Sought only where string tests find the join first: every count of every answer asks.)
_RANGE_BEFORE = compile_pattern(r"\b\d+\s*(?:or|to|-|\u2013)\s*$")
_RANGE_JOINS = ("or ", "to ", "-", "\u2013", "- ", "\u2013 ")


#: A number with a month beside it is a date, never a count: "Back in stock: 14 December".
_MONTHS = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april"
    r"|june|july|august|september|october|november|december)"
)
_MONTH_WORDS = frozenset(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
     "january", "february", "march", "april", "june", "july", "august", "september", "october",
     "november", "december"]
)  # fmt: skip
_DATE_AFTER = compile_pattern(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\b")
_DATE_BEFORE = compile_pattern(rf"\b{_MONTHS}\.?\s+$")
#: A negative quantifier before a count: "there isn't a single one left", "not 1 left".
_NEGATORS = ("n't", "not", "never", "without")
_NOT_BEFORE = compile_pattern(
    r"(?:\bnot|n't|\bnever|\bwithout)\s+(?:(?:got|have)\s+)?(?:even\s+)?(?:a\s+single\s+)?$"
)
#: A count of choices, not of stock: "we have a couple of items that match".
_CHOICES_AFTER = compile_pattern(
    r"\s+(?:of\s+)?(?:items?|products?|options?|results?|matches|models?|versions?)"
    r"\s+(?:that|which|matching|to choose|you can|called|named|like)\b"
)
_LABEL = _compile(
    r"(?:stock(?: levels?| counts?| checks?)?|(?:quantity|qty)(?: available)?|inventory"
    # An agent's stock screen: available to sell / to promise, stock on hand, free stock.
    r"|ats|atp|soh|free stock|free to sell"
    r"|units?(?: (?:available|in stock|left|on hand))?)"
    rf"(?: (?:for|of) [\w-]+| (?:(?:for|of) )?(?:the )?{_NAMED})?\s*(?:is|are|:|=|-|says|shows"
    rf"|showing|reads)?\s*(?:at )?{_NUM}"
    r"(?!\s*%)"
)
_ZERO = _compile(
    rf"(?:no {_STRONG_UNIT}|zero (?:{_STRONG_UNIT}|stock|xx+))(?!\w)"
    # A state read off a screen: "showing zero on my end", "is zero everywhere".
    # (Each look-behind spells its blank "\x20": `_compile` widens a blank to "\s+".)
    r"|(?:(?<=showing\x20)|(?<=shows\x20)|(?<=\bat\x20)|(?<=\bis\x20)|(?<='s\x20)"
    r"|(?<=\bare\x20)|(?<=\bas\x20)|(?<=\bstock\x20says\x20)|(?<=\bsystem\x20says\x20)"
    r"|(?<=\bscreen\x20says\x20)"
    # (sms8) The value of a stock field: "stock = nil", "qty: zero".
    r"|(?<=stock\x20=\x20)|(?<=stock:\x20)|(?<=qty\x20=\x20)|(?<=qty:\x20))(?:zero|nil|nought)"
    rf"(?=\s*(?:[,.;!)\n]|$)|\s+(?:{ON_SCREEN}|everywhere|for (?:the )?xx+"
    r"|anywhere|across\b|in (?:all|every|each|any)\b|atm\b|rn\b|right now|at the moment"
    # (voice10b) A desk's "now": "stock is nil as of now", "is zero presently".
    r"|as of now|as on date|as on today|presently|currently|at present"
    r"|this morning|today\b))"
)
#: "down to the last 3", "only the final 2 of …": the count of what remains, told as scarce.
_LAST_N = _compile(
    rf"(?:down to|only|just|we're on|we are on|onto|on to) (?:the |our |its |their )?(?:very )?"
    rf"(?:last|final) (?:{_NUM}|(?P<n2>couple))"
    r"(?!\s*%)"
)
#: "last 1 sleeping bag xl", "the last 2 roll mats": a chat line opened by the count of what
#: remains, the item's name right after it.
#: (After a bullet or a label, blanked to spaces: "- last 1 …", "**Stock:** last 1 …".)
_LAST_N_NAMED = _compile(
    rf"(?:^|(?<=[,.;:!\n\x20]\x20)|(?<=\n))(?:the )?(?:last|final) {_NUM}(?= xx+)"
)
#: (sms8) "compost bin - last 2!!", "mouse pad, last one": what remains, after the name and a
#: dash, colon or comma, closing its clause.
_LAST_N_AFTER_NAME = _compile(
    r"(?:(?<=x\x20-\x20)|(?<=x\x20\u2013\x20)|(?<=x\x20\u2014\x20)|(?<=x:\x20)|(?<=x,\x20))"
    rf"(?:the )?(?:last|final) {_NUM}(?=\s*(?:[.,;!)\n]|$))"
)
#: "the 45L is down to 1": what remains, told as scarce, closing its clause or with a unit.
_DOWN_TO = _compile(
    rf"down to (?:just |only )?{_NUM}(?=\s*(?:[.,;!)\n]|$)|\s+(?:{_UNIT}|left|remaining|now"
    # Where an agent reads or keeps it (agent7): "down to 3 on my screen", "down to 2 at the DC".
    rf"|in stock|of (?:them|those|these|the)|{ON_SCREEN}|(?:at|in) (?:the )?{_KEPT_AT})\b)"
)
_LAST_ONE = _compile(
    r"(?:(?:down to|that's|that is|this is|it's|it is|we're on|we have|we've got|only)"
    r" (?:the|our) (?:very )?(?:last|final) (?:one|unit|piece|item|xx+)"
    r"(?! (?:ships|will|is|was|to)\b)"
    r"|(?:the|our) (?:very )?(?:last|final) (?:one|unit|piece)"
    r" (?:left|in stock|we have|available|remaining)"
    # A list's value: "Yoga Mat: the last one".
    r"|(?<!sold\s)(?<!off\s)(?:the|our) (?:very )?(?:last|final) (?:one|unit|piece)"
    r"(?=\s*(?:[.!;)\n]|$))"
    r"|(?<=[:\u2014-]\s)(?:last|final) (?:one|unit|piece)(?=\s*(?:[.!;)\n]|$))"
    r")(?!\w)"
)
#: Each pattern with its first words, the substrings one of which its matches contain (most
#: answers say no "last"), and the count it gives when it has no number.
_FIRST_WORDS = tuple(
    (pattern, first_words, frozenset(first_words), needles(pattern), value)
    for pattern, first_words, value in (
        (_WE_HAVE, ("we", "i", "there", "we've", "we're", "i've", "there's", "they", "they've",
                    "theres", "weve", "ive",
                    "got", "warehouse", "store", "shop", "branch", "stockroom", "depot"), None),
        (_LABEL, ("stock", "quantity", "qty", "inventory", "unit", "units", "ats", "atp", "soh",
                  "free"), None),
        (_READS, ("shows", "show", "showing", "holding", "holds", "see", "seeing", "counted",
                  "count"), None),
        (_LAST_N, ("down", "only", "just", "we're", "we", "onto", "on"), None),
        (_DOWN_TO, ("down",), None),
        (_LAST_N_NAMED, ("last", "final"), None),
        (_LAST_N_AFTER_NAME, ("last", "final"), None),
        (_ONLY_UNITS, ("only", "just"), None),
        (_ZERO, ("no", "zero", "nil", "nought"), 0),
        (_LAST_ONE, ("down", "that's", "that", "this", "it's", "it", "we're", "we", "we've",
                     "only", "the", "our", "last", "final"), 1),
    )
)  # fmt: skip
_ANY_FIRST_WORD = frozenset().union(*(words for _, _, words, _, _ in _FIRST_WORDS))
_A_COUNT = ("a dozen", "a couple", "a single", "a hundred")
#: The words, other than digits, a count may start with.
_COUNT_WORDS = NUMBER_WORDS | {"a"}
_NOT_A_COUNT_BEFORE = frozenset("._,€$£#:/-")
#: A number that reads as a year, not a count: before a range or a model ("the 2019-2023
#: model", "2019 edition"), or between "the" and a product's name or id ("The 2019 PN-2262 is
#: in stock"); model text says such things. "We have 2000 Blue Kettles" stays a count.
_YEARS = (1900, 2099)
_YEAR_AFTER = compile_pattern(r"-\d|\s+(?:models?|editions?|versions?)\b")
_YEAR_NAMING = compile_pattern(r"\s+xx+")
_ONE_AS_PRONOUN = compile_pattern(r"\b(?:this|that|which|each|every|any|no) $")
#: "reserve one in the York store", "order one online": "one" after a verb of getting is an
#: article, not a count.
#: A number the customer asks for, not one the shop has: "your request for 25 units", "an
#: order of ten chairs", "if you need 6".
_ASKED_BEFORE = compile_pattern(
    r"\b(?:request(?:ed|ing)?|requests|order(?:ing)?|need|needs|want|wants|require|requires"
    r"|asked|asking|enquir\w+|inquir\w+)(?: (?:for|of|about))?"
    r" (?:(?:a|an|the|some|another|about|around|approximately|roughly) )?$"
)
_ASKING = frozenset(
    ["request", "requested", "requesting", "requests", "order", "ordering", "need", "needs",
     "want", "wants", "require", "requires", "asked", "asking"]
)  # fmt: skip
_GET_ONE = compile_pattern(
    r"\b(?:reserve|order|buy|grab|get|take|collect|pick up|hold|want|need|send|post|ship) $"
)
#: "… but they're all reserved for existing orders": a count set aside is none to sell.
_ALLOCATED_WORDS = frozenset(past(*ALLOCATING).removeprefix("(?:").removesuffix(")").split("|"))
_ALLOCATED_AFTER = compile_pattern(
    rf"\b{past(*ALLOCATING)} (?:to|for|against) (?!(?:your|ur|you|yr|u)\b)(?:\w+ ){{0,3}}?"
    r"(?:orders?|customers?)\b"
)
#: The words without which no count is worked out in its sentence (`_screen_sums`).
_NET_WORDS = frozenset(
    ["so", "leaves", "leaving", "realistically", "effectively", "meaning", *_ALLOCATED_WORDS,
     "picked", "held", "hold", "spoken", "was", "were", "had", "from"]
)  # fmt: skip
#: The words of a sum worked out beside those of a count that fell (only read of three or
#: fewer: `_screen_sums._WAS_MORE`).
_NOT_WAS = _NET_WORDS - {"was", "were", "had", "from"}
_SCARCE = compile_pattern(r"\b(?:only|just|down to|a mere|last|limited|a single)\b")
_LEFT = compile_pattern(r"\b(?:left|remaining)\b")
#: Scarcity said right after a count: "got 1 last webcam", "showing as 2 in the Leeds store
#: only".
_SCARCE_AFTER = (" last ", " final ", " only", " (last ", " (the last ", " (final ", " (only ")
#: A channel or a place a model counts stock at, as a field label or a table row's first cell
#: ("**Online:** 5", "| Showroom | 0 |"): such a count is the item's stock there, and a zero
#: beside units at another place is that place's, not the item's (`_at_other_places`).
_PLACE_LABEL = (
    rf"(?:online|in[ -]store|in[ -]stores|in shops?|stores?|shops?|showroom|{WAREHOUSE}"
    r"|web(?:site)?"
    rf"|click (?:&|and|\+) collect|for delivery|for collection|main {WAREHOUSE}|stockroom)"
)
#: A variant of the item as a field's label: its colour, finish or size ("- White: 12").
_VARIANT_LABEL = "(?:" + "|".join(VARIANT_WORDS) + ")"
_VARIANT_LINE = compile_pattern(rf"[^\w\n]*{_VARIANT_LABEL}[^\S\n]*:[^\S\n]*")
#: A line that opens on a place's label, up to its value.
_PLACE_LINE = compile_pattern(rf"[^\w\n]*{_PLACE_LABEL}[^\S\n]*:[^\S\n]*")
#: A table's first header cell that says its rows are places ("| Warehouse | Units |").
_PLACE_HEADER = compile_pattern(
    rf"(?:{WAREHOUSE}|location|store|shop|site|branch|channel|where|depot|place)s?"
)
#: The words `_ALL_THERE_IS` holds one of, asked before it is searched for.
_ALL_WORDS = frozenset(["lot", "all"])
#: Said to be all there is, later in the count's sentence: "two in the shop and that's your
#: lot", "… and that's all we have".
_ALL_THERE_IS = compile_pattern(
    r"\b(?:that's|that is|thats) (?:your lot|the lot|all (?:we have|we've got|we have got"
    r"|there is|that's left))\b"
)
#: "Remaining: 3 units", "Left - 2": a field of what remains.
#: A field label whose value is a stock count, in the words a model labels it with ("Units
#: on hand: 60", "Warehouse count: 16", "How many: 13"), opening its line behind a bullet or
#: an emoji. Data: one synonym class.
_COUNT_LABEL = compile_pattern(
    rf"(?:^|\n)[^\w\n]*(?:(?:{WAREHOUSE}|stock|unit|total|current)\s+)?"
    r"(?:(?:count|quantity|qty|stock(?: level)?|inventory|units?)(?: on hand| left| available"
    r"| in stock| remaining| on (?:the )?shel(?:f|ves))?|how many|on hand|left|remaining|available"
    # A channel or a place the stock is counted at ("In store: 0", "Online: 5"), or a
    # variant under its item ("- White: 12": `_variant_counts`).
    rf"|{_PLACE_LABEL}|{_VARIANT_LABEL})[^\S\n]*:[^\S\n]*$"
)
_LEFT_LABEL = compile_pattern(r"\b(?:left|remaining|remain)\s*[:=\u2014-]\s*$")
_NOT_STOCK = compile_pattern(
    r"\b(?:orders?|ordered|returns?|returned|returning|refunds?|refunded|bought|purchased"
    r"|received|delivered|shipped|sent|dispatched|contains?|shipping|parcels?)\b"
)


class Count(NamedTuple):
    """A named tuple rather than a dataclass: every number read makes one, per answer."""

    start: int
    end: int
    value: int
    #: Worded as scarce ("only 2 left", "the last one", "3 left").
    low: bool
    clause: Clause
    hedged: bool
    #: Said roughly ("50 or so", "40-ish"): it tells availability, not a quantity.
    approximate: bool = False
    #: The item a list of counts pairs it with ("X and Y, 8 and 3 respectively"), else None.
    of: str | None = None
    #: Worked out from a larger count read off a screen ("9 on hand, 7 reserved, so 2"; agent9).
    net: bool = False


def _count(doc: Document, match: re.Match[str], value: int | None = None) -> Count | None:
    """The count `match` reads; `value` is that of a pattern without a number ("no units")."""
    approximate = False
    if value is None and match.re.groupindex.get("n2") and match.group("n2"):
        value, start = 2, match.start("n2")  # "down to the last couple"
    elif value is None:
        start = match.start("n")
        value = parse_number(match.group("n"))
        if value is None or (_YEARS[0] <= value <= _YEARS[1] and _a_year(doc.masked, match)):
            return None
        approximate = (
            _ABOUT_AFTER.match(doc.masked, match.end("n")) is not None
            or _ABOUT_BEFORE.search(doc.masked, max(0, start - 24), start) is not None
            or (
                doc.masked[max(0, start - 3) : start].endswith(_RANGE_JOINS)
                and _RANGE_BEFORE.search(doc.masked, max(0, start - 12), start) is not None
            )
        )
        if _CHOICES_AFTER.match(doc.masked, match.end("n")) or (
            not _ASKING.isdisjoint(doc.words.word_set)
            and _ASKED_BEFORE.search(doc.masked, max(0, start - 28), start)
        ):
            return None
        if value == 1 and _ONE_AS_PRONOUN.search(doc.masked, max(0, start - 8), start):
            return None  # "this one is no longer available"
        if match.group("n") == "one" and doc.masked.endswith("x ", 0, start):
            return None  # "the 2 Slice one": a name's pronoun, not a count
        if match.group("n") == "one" and _GET_ONE.search(doc.masked, max(0, start - 12), start):
            return None
        if not _MONTH_WORDS.isdisjoint(doc.words.word_set) and (
            _DATE_AFTER.match(doc.masked, match.end("n"))
            or _DATE_BEFORE.search(doc.masked, max(0, start - 12), start)
        ):
            return None
    else:
        start = match.start()
    clause = doc.clause_at(start)
    if silent_at(doc, start, match.end()):
        return None
    screened = _screened(doc, start, match.end(), value)
    if screened is None:
        return None  # "4 units … but they're all reserved for existing orders"
    # "9 on hand, 7 reserved, so 2 I can sell": what is left; none left is no quantity.
    value, net = screened.value, screened.from_more
    approximate = approximate or (net and value == 0)
    before = doc.masked[max(0, start - 24) : start]
    if value and any(map(before.__contains__, _NEGATORS)) and _NOT_BEFORE.search(before):
        return None  # "not a single one left": none, said without a number
    left = value <= _LOW_STOCK_COUNT and (
        _LEFT.search(match.group()) is not None
        or (
            ("left" in before or "remain" in before)
            and _LEFT_LABEL.search(doc.masked, max(0, start - 16), start) is not None
        )
    )
    low = value > 0 and (
        left
        or _SCARCE.search(doc.masked[max(clause.start, start - 24) : start]) is not None
        or doc.masked.startswith(("a single", "a couple"), start)
        or doc.masked.startswith(_SCARCE_AFTER, match.end())
        or (
            value <= _LOW_STOCK_COUNT
            and not _ALL_WORDS.isdisjoint(doc.words.word_set)
            and _ALL_THERE_IS.search(doc.masked, match.end(), doc.sentence_at(start).end)
            is not None
        )
    )
    low = low or (net and 0 < value <= _LOW_STOCK_COUNT)  # three or fewer left of more
    hedge = hedged(doc, clause, start)
    return Count(start, match.end(), value, low, clause, hedge, approximate, net=net)


def wrapped_run(doc: Document, start: int) -> tuple[int, int]:
    """The sentence at `start`, joined with the lines it was hard-wrapped into: a line that
    ends without a stop and a next line that opens in lower case are one sentence ("it was
    9\nthis morning")."""
    sentences = doc.sentences
    first = last = sentences.index(doc.sentence_at(start))
    while first > 0 and _wrapped_between(doc.masked, sentences[first - 1], sentences[first]):
        first -= 1
    while last + 1 < len(sentences) and _wrapped_between(
        doc.masked, sentences[last], sentences[last + 1]
    ):
        last += 1
    return sentences[first].start, sentences[last].end


def _wrapped_between(text: str, before: Segment, after: Segment) -> bool:
    line = text[before.start : before.end].rstrip(" \t")
    return (
        line.endswith("\n")
        and not line[:-1].rstrip().endswith((".", "!", "?", ":"))
        and _WRAPPED_ON.match(text, after.start) is not None
    )


_WRAPPED_ON = compile_pattern(r"[a-z0-9]")


def _screened(doc: Document, start: int, end: int, value: int) -> Net | None:
    """The count at `start`–`end` as what is left to sell, worked out in its sentence
    (`_screen_sums`; `from_more` when it was); None when it is said to be set aside for others
    later in its sentence."""
    words = doc.words.word_set
    fallen = value <= _LOW_STOCK_COUNT  # only three or fewer is read as fallen from more
    if value and not (_NET_WORDS if fallen else _NOT_WAS).isdisjoint(words):
        net = net_of(doc.masked, start, end, wrapped_run(doc, start), value, fallen=fallen)
        if net is not None:
            return net
    if (
        value
        and not _ALLOCATED_WORDS.isdisjoint(doc.words.word_set)
        and _ALLOCATED_AFTER.search(doc.masked, start, doc.sentence_at(start).end)
    ):
        return None
    return Net(value, False)


def _a_year(text: str, match: re.Match[str]) -> bool:
    """The number of `match`, between 1900 and 2099, is a year by what surrounds it."""
    start, end = match.start("n"), match.end("n")
    if _YEAR_AFTER.match(text, end):
        return True
    return text.endswith("the ", 0, start) and _YEAR_NAMING.match(text, end) is not None


def _names_numbers(doc: Document) -> frozenset[str]:
    """The numbers in the ids and names of the items the answer names ("1892" of BL-1892,
    "Studio Hand Blender 1892"): only the few items mentioned, never the whole catalogue."""
    items = doc.context.items
    numbers: set[str] = set()
    for mention in doc.mentions:
        if mention.type is SubjectType.ITEM:
            numbers.update(_DIGITS.findall(f"{mention.subject} {items.get(mention.subject, '')}"))
    return frozenset(numbers)


_DIGITS = compile_pattern(r"\d+")
#: What follows a name's number said as a noun ("the 1892 is …"): a verb, not a unit.
_AS_A_NOUN = compile_pattern(r" (?:is|isn't|is not|was|has|are)\b")


def _number_starts(doc: Document) -> list[int]:
    """Where a count may start: digits or number words, not inside a price, time or id, nor an
    item's own number said as a noun after "the" ("The BL-1892 in the 1892 is not available",
    llm9: the item, not 1892 units)."""
    text, words = doc.masked, doc.words.by_word
    found = []
    named: frozenset[str] | None = None
    for word in [*filter(str.isdigit, words), *_COUNT_WORDS.intersection(doc.words.word_set)]:
        for start in words[word]:
            if start and (text[start - 1].isalnum() or text[start - 1] in _NOT_A_COUNT_BEFORE):
                continue
            if _NUMBERED.search(text, max(0, start - 16), start):
                continue  # "Parcel 1 with the Azul left us": the parcel's number, no count
            if (
                word.isdigit()
                and text.endswith("the ", 0, start)
                and _AS_A_NOUN.match(text, start + len(word))
            ):
                named = _names_numbers(doc) if named is None else named
                if word in named:
                    continue
            if word != "a" or text.startswith(_A_COUNT, start):
                found.append(start)
    if doc.mentions and _TIMES.search(text):
        found.extend(_times_after_name(doc))
    return found


_TIMES = compile_pattern(r"\s[x\u00d7]\d")
#: (markdown9) A noun that numbers what it names: "Parcel 1", "Box 2 of 3", "Step 3", "Season 2".
_NUMBERED = compile_pattern(
    r"\b(?:parcels?|box|package|pkg|shipment|consignment|step|stage|season|part|page|phase"
    r"|chapter|volume|vol|round|wave)\W{0,3}$"
)


def _times_after_name(doc: Document) -> list[int]:
    """Where a count written as "x5" right after a name starts ("earbuds pro x5, mug set x12
    in stock"): only there, so that a model's "x90" read alone is never a count."""
    ends = {m.end for m in doc.mentions if m.type is SubjectType.ITEM}
    return [
        start + 1
        for word, starts in doc.words.by_word.items()
        if word[:1] in "x\u00d7" and word[1:].isdigit()
        for start in starts
        if start - 1 in ends
    ]


def _by_number(doc: Document, found: dict[int, Count]) -> None:
    starts = _number_starts(doc)
    if not starts:
        return
    text = doc.masked
    stock_words = may_match(_BEFORE_STOCK_NEEDLES, text)
    unit_words = may_match(_WITH_UNIT_NEEDLES, text)
    for start in sorted(starts):
        match = _before_stock(doc, start) if stock_words else None
        if match is None and stock_words:
            match = _NAMED_BEFORE_STOCK.match(text, start)
            if match is not None and _NOT_STOCK.search(text, doc.clause_at(start).start, start):
                match = None
        if match is None and stock_words:
            match = _TIMES_NAMED.match(text, start)
            if match is None and _AFTER_STOCK.search(text, max(0, start - 24), start):
                match = _BRACKETED.match(text, start)
        if match is None and unit_words and (unit := _WITH_UNIT.match(text, start)) is not None:
            clause = doc.clause_at(start)
            match = None if _NOT_STOCK.search(text, clause.start, start) else unit
        if match is None:
            match = _value_of_before(doc, start)
        if match is None and found and _LIST_JOIN.search(text, max(0, start - 8), start):
            sentence = doc.sentence_at(start)
            if any(sentence.start <= s < start for s in found):
                match = _LISTED.match(text, start)
        if match is not None and (count := _count(doc, match)) is not None:
            _keep(found, count)


#: A stock word that is a place ("in our warehouse", "at wh"), and a sentence about parcels
#: or orders: there the count is of parcels in that place, not of stock.
_AT_A_PLACE = compile_pattern(
    rf"\b(?:in|at) (?:the |our )?(?:[a-z]+ )?(?:{WAREHOUSE}|depot|wh|whse|w/h|dc|stock ?room"
    r"|fulfil{1,2}ment cent(?:er|re)|distribution cent(?:er|re))\b"
)
_PARCEL_WORDS = frozenset(
    ["box", "boxes", "parcel", "parcels", "package", "packages", "pkg", "pkgs", "order", "orders",
     "sent", "shipped", "delivered", "dispatched", "split", "lads", "guys", "team", "colleague",
     "colleagues", "staff"]
)  # fmt: skip
_PARCEL_TALK = compile_pattern(
    r"\b(?:box|boxes|parcels?|packages?|pkgs?|orders?|sent|shipped|delivered|dispatched"
    r"|split|lads|guys|team|colleagues?|staff)\b"
)


def _before_stock(doc: Document, start: int) -> re.Match[str] | None:
    """ "14 in stock", "2 of the kettles left"; not "3 of your orders on the system": a
    count of orders, not of stock."""
    text = doc.masked
    match = _BEFORE_STOCK.match(text, start)
    if match is None and not _RARE_STOCK_WORDS.isdisjoint(doc.words.word_set):
        match = _RARE_STOCK.match(text, start)
    if match is not None and _NOT_STOCK.search(text, match.start("n"), match.end()):
        return None
    if match is not None and "\n" in match.group() and _across_blocks(doc, match):
        return None  # "Quantity: 6 / - **Y** / - In stock": a line's count, not Y's
    if (
        match is not None
        and not _PARCEL_WORDS.isdisjoint(doc.words.word_set)
        and _AT_A_PLACE.search(match.group())
        and _PARCEL_TALK.search(text, doc.sentence_at(start).start, doc.sentence_at(start).end)
    ):
        return None  # "1 box sent, other 1 still at wh": a parcel waiting, not stock
    return match


def _across_blocks(doc: Document, match: re.Match[str]) -> bool:
    """`match` runs from one Markdown block (a list item's line, a paragraph) into another."""
    if doc.layout is None:
        return False
    return doc.layout.block_at(match.start()) != doc.layout.block_at(match.end() - 1)


def _value_of_before(doc: Document, start: int) -> re.Match[str] | None:
    """The count at `start` as the value of what was said just before it: an item's name
    ("kettle pro: 1", "the 65W has 14") or its stock ("in stock, 8 of them")."""
    text = doc.masked
    if (
        _NAME_BEFORE.search(text, max(0, start - 12), start)
        or (
            not _YES_WORDS.isdisjoint(doc.words.word_set)
            and _YES_NAME_BEFORE.search(text, max(0, start - 24), start)
        )
    ) and (named := _named_value(doc, start)):
        return named
    if _UNITS_AHEAD.match(text, start) and _OF_THEM_BEFORE.search(text, max(0, start - 16), start):
        return _OF_THEM.match(text, start)
    if text.find(" in", start, start + 9) >= 0:
        return _BARE_IN.match(text, start)
    if text.find(":", max(0, start - 4), start) >= 0 and _COUNT_LABEL.search(
        text, max(0, start - 40), start
    ):
        return _VALUE_NUMBER.match(text, start)
    return None


def _named_value(doc: Document, start: int) -> re.Match[str] | None:
    """The count at `start` as the value of the item named just before it, closing its
    clause ("kettle pro: 1"); None when the name before is no item's (an order's id)."""
    named = next((m for m in reversed(doc.mentions) if m.end <= start), None)
    if named is None or named.type is not SubjectType.ITEM:
        return None
    if not _NAME_GAP.fullmatch(doc.masked, named.end, start):
        return None
    return _VALUE_NUMBER.match(doc.masked, start)


def _by_first_word(doc: Document, found: dict[int, Count]) -> None:
    text, words = doc.masked, doc.words.by_word
    present = _ANY_FIRST_WORD & doc.words.word_set
    if not present:
        return
    for pattern, first_words, first_word_set, found_in, value in _FIRST_WORDS:
        if present.isdisjoint(first_word_set) or not may_match(found_in, text):
            continue
        for word in first_words:
            if word not in present:
                continue
            for start in words[word]:
                match = pattern.match(text, start)
                if match is None or (
                    pattern is _LABEL
                    and text.endswith("in ", 0, start)
                    and ":" not in match.group()  # "Left in stock: 0" labels a count
                ):
                    continue
                if pattern is _LABEL and _an_order_line(doc, word, start):
                    continue
                if (pattern is _ONLY_UNITS and _not_a_scarce_count(doc, match)) or (
                    pattern is _LAST_N_AFTER_NAME and not _after_an_item(doc, start)
                ):
                    continue
                count = _count(doc, match, value)
                if count is not None:
                    if pattern is _LAST_ONE and not count.low:
                        count = count._replace(low=True)
                    _keep(found, count)


def _an_order_line(doc: Document, word: str, start: int) -> bool:
    """(voice10) "Blue Kettle (qty 2)" in an answer about an order: how many of it the order
    holds, not how many the shop has ("the order contains Blue Kettle (qty 2) and …")."""
    return word in ("qty", "quantity") and doc.order_context and doc.masked.endswith("(", 0, start)


def _after_an_item(doc: Document, start: int) -> bool:
    """The name just before `start` is an item's, not an order's or a return's id."""
    named = next((m for m in reversed(doc.mentions) if m.end <= start), None)
    return named is not None and named.type is SubjectType.ITEM and start - named.end <= 4


def _not_a_scarce_count(doc: Document, match: re.Match[str]) -> bool:
    """ "Only 2" counts stock only in a sentence about stock, not in one about orders or returns
    ("you can return only 2 items per order")."""
    start, text = match.start(), doc.masked
    if _NOT_STOCK.search(text, doc.clause_at(start).start, start):
        return True
    bare = match.group().rstrip()[-1:].isdigit()
    return bare and not _STOCKED_BEFORE.search(text, doc.sentence_at(start).start, start)


def _keep(found: dict[int, Count], count: Count) -> None:
    """One count per number: the reading that covers the most words."""
    held = found.get(count.start)
    if held is None or count.end > held.end:
        found[count.start] = count


#: A table's stock column, by its header: "| Item | In stock |", "| Product | Qty |".
_STOCK_HEADER = compile_pattern(
    r"\s*(?:in stock|stock(?: level| count)?|qty|quantity|units?(?: (?:left|in stock|available))?"
    r"|available|on hand|left|remaining|inventory|count)\??\s*"
)
_ROW = compile_pattern(r"[ \t]*\|(?P<cells>[^\n]*)\|[ \t]*(?:\n|$)")
_RULE_ROW = compile_pattern(r"[\s|:-]*")
#: A stock cell's count, behind a status mark as a model writes it ("✅ 18", "❌ 0").
_CELL_NUMBER = compile_pattern(rf"\s*(?:[\u2705\u274c\u26a0\u2714\u2716]\ufe0f?\s*)?{_NUM}\s*")


#: A cell of a table's stock column: where its text starts, the text, and its row's span.
Cell = tuple[int, str, tuple[int, int]]


def stock_cells(doc: Document) -> tuple[tuple[int, int] | None, list[Cell]]:
    """A Markdown table with a stock column: its header row's span and the cell in that
    column of every row below it (the row names its item). (None, []) when there is none;
    worked out once per answer."""
    cached = doc.memo.get("stock_cells")
    if isinstance(cached, tuple):
        return cached
    text = doc.masked
    header: tuple[int, int] | None = None
    #: Every stock column: "| Item | Available? | Qty |" answers yes/no in one, counts in the
    #: other.
    columns: list[int] = []
    cells_found: list[Cell] = []
    for row in _ROW.finditer(text):
        if text[row.start() : row.end()].strip() and _RULE_ROW.fullmatch(row.group("cells")):
            continue
        cells, offset = row.group("cells").split("|"), row.start("cells")
        if header is None:
            columns = [i for i, c in enumerate(cells) if _STOCK_HEADER.fullmatch(c)]
            if not columns:
                break
            header = (row.start(), row.end())
            continue
        for column in columns:
            if column < len(cells):
                start = offset + sum(len(c) + 1 for c in cells[:column])
                cells_found.append((start, cells[column], (row.start(), row.end())))
    found = (header, cells_found) if header is not None else (None, [])
    doc.memo["stock_cells"] = found
    return found


def _transposed_counts(doc: Document) -> list[Count]:
    """Counts of a table laid out the other way round, items across its header and fields
    down its first column ("| | Grinder | Grinder Pro |" … "| Stock | 7 | 1 |"): each count
    of the stock row is the item its column's header names."""
    text = doc.masked
    header: list[tuple[int, str]] | None = None
    counts: list[Count] = []
    for row in _ROW.finditer(text):
        if _RULE_ROW.fullmatch(row.group("cells")):
            continue
        cells, offset = row.group("cells").split("|"), row.start("cells")
        starts = [offset + sum(len(c) + 1 for c in cells[:i]) for i in range(len(cells))]
        if header is None:
            header = list(zip(starts, cells, strict=True))
            continue
        if len(cells) != len(header) or not _STOCK_HEADER.fullmatch(cells[0]):
            continue
        for (head_start, head), start, cell in zip(header[1:], starts[1:], cells[1:], strict=True):
            names = [
                m.subject
                for m in doc.mentions
                if m.type is SubjectType.ITEM and head_start <= m.start < head_start + len(head)
            ]
            match = _CELL_NUMBER.fullmatch(cell)
            value = None if match is None else parse_number(match.group("n"))
            if len(names) == 1 and match is not None and value is not None:
                begin = start + match.start("n")
                clause = doc.clause_at(begin)
                end = start + match.end("n")
                counts.append(Count(begin, end, value, False, clause, False, of=names[0]))
    return counts


def stock_table(doc: Document) -> tuple[tuple[int, int] | None, list[Count]]:
    """A Markdown table with a stock column: its header row's span and the count in that
    column of every row below it (the row names its item). ((None), []) when there is none."""
    header, cells = stock_cells(doc)
    counts: list[Count] = []
    for start, cell, row in cells:
        match = _CELL_NUMBER.fullmatch(cell)
        value = None if match is None else parse_number(match.group("n"))
        if match is not None and value is not None:
            begin = start + match.start("n")
            clause = doc.clause_at(begin)
            # Scarcity said in the row's other cells: "| X | ⚠️ 1 | last one |".
            low = value > 0 and _SCARCE_ROW.search(doc.masked, *row) is not None
            counts.append(Count(begin, start + match.end("n"), value, low, clause, False))
    return header, counts


#: A row's mark or word of scarcity: a warning sign, "last one", "only", "running low".
_SCARCE_ROW = compile_pattern(
    r"\u26a0|\b(?:last (?:one|few|units?)|only|running low|low stock|nearly gone|almost gone)\b"
)


#: "8 and 3 respectively", "12, 4 and 0 respectively": counts paired in turn with the names
#: listed before them.
_RESPECTIVELY = _compile(
    rf"(?P<list>{NUMBER}(?:\s*,\s*{NUMBER})*,? (?:and|n|&) {NUMBER})(?: {_UNIT})?,? respectively\b"
)
#: The same without the word, right after the group's stock phrase: "the X and the Y are in
#: stock, 14 and 6", "both in: 4 and 9".
_IN_TURN = _compile(
    # (A mark a model puts after the state may stand before the list: "in stock ✅, 14 and 6".)
    r"(?:in stock|in|available|avail)(?:\s*[^\w\s,:\u2014-]{1,3})?\s*[,:\u2014-]\s*"
    rf"(?P<list>{NUMBER}(?:\s*,\s*{NUMBER})*,? (?:and|n|&) {NUMBER})(?: {_UNIT})?"
    r"(?=\s*(?:[.;!]|$))"
)
#: Two numbers joined as a list ("14 and 6", "four and nine"): where `_IN_TURN` may match; in
#: words, only the small counts writers spell out (`SMALL_COUNT`).
_NUMBERS_IN_TURN = compile_pattern(
    rf"(?<![\w.,]){SMALL_COUNT},? (?:and|n|&) {SMALL_COUNT}(?![\w.,]\w|\w)"
)
_SMALL_WORDS = frozenset(SMALL_COUNT_WORDS)
_JOINS = frozenset(["and", "n"])
_LIST_NUMBER = compile_pattern(NUMBER)


def _respective(doc: Document, found: dict[int, Count]) -> None:
    """Counts listed "respectively", each paired with its name of the group before them."""
    for match in [*_RESPECTIVELY.finditer(doc.masked), *_IN_TURN.finditer(doc.masked)]:
        numbers = list(_LIST_NUMBER.finditer(doc.masked, match.start("list"), match.end("list")))
        first = numbers[0]
        group = resolve(doc, ClaimKind.QUANTITY, first.start(), first.end())
        if len(group) != len(numbers) or None in group:
            continue
        clause = doc.clause_at(first.start())
        if silent(clause):
            continue
        values = [v for n in numbers if (v := parse_number(n.group())) is not None]
        if len(values) != len(numbers):
            continue
        hedge = hedged(doc, clause, first.start())
        for number, value, subject in zip(numbers, values, group, strict=True):
            found[number.start()] = Count(
                number.start(), number.end(), value, False, clause, hedge, of=subject
            )


def find_counts(doc: Document) -> list[Count]:
    """Stock counts in the answer, one per number (computed once per answer)."""
    cached = doc.memo.get("counts")
    if isinstance(cached, list):
        return cached
    found: dict[int, Count] = {}
    if "|" in doc.masked:
        for count in stock_table(doc)[1]:
            found[count.start] = count
        if not found:
            for count in _transposed_counts(doc):
                found[count.start] = count
    _by_first_word(doc, found)
    _by_number(doc, found)
    if "from" in doc.words.word_set:
        _fallen_to(doc, found)
    if "respectively" in doc.masked or (
        not _JOINS.isdisjoint(doc.words.word_set)
        and sum(w.isdigit() or w in _SMALL_WORDS for w in doc.words.word_set) > 1
        and _NUMBERS_IN_TURN.search(doc.masked)
    ):
        _respective(doc, found)
    counts: list[Count] = []
    for _, count in sorted(found.items()):
        # A number inside another count ("a dozen" in "half a dozen") is part of it.
        if not counts or count.start >= counts[-1].end:
            counts.append(count)
    if counts and not _LIMIT_WORDS.isdisjoint(doc.words.word_set):
        counts = [c for c in counts if not _a_purchase_limit(doc.masked, c)]
    counts = _among_each_other(doc, counts)
    doc.memo["counts"] = counts
    return counts


#: A limit on how many one buyer may take ("limited to 3 units per household", "a limit of two
#: per customer", "it's one per customer"): a rule of the sale, no count of stock.
_LIMIT_WORDS = frozenset(["per", "limit", "limited", "limits", "maximum", "max"])
_PER_BUYER = compile_pattern(
    r"\s*(?:(?:units?|items?|pieces?|packs?|sets?|pairs?|x+)\s*)?(?:of (?:them|these|those|each"
    r"|the x+|x+)\s*)?(?:per|for each|a|each) (?:customer|household|person|order|transaction"
    r"|account|head|visit|shopper|member|address|basket|purchase)s?\b"
)
_LIMIT_BEFORE = compile_pattern(
    r"\b(?:limit(?:ed)?(?: of| to| at)?|maximum(?: of)?|max(?: of)?|capped at)\s+$"
)


def _a_purchase_limit(masked: str, count: Count) -> bool:
    """The count is how many one buyer may take: "per customer" after it, or "limited to",
    "a maximum of" right before it."""
    if _PER_BUYER.match(masked, count.end):
        return True
    return _LIMIT_BEFORE.search(masked, max(0, count.start - 16), count.start) is not None


#: A count read off a screen as it fell (agent9): "the Kids Bike went from 6 to 1 this
#: morning" is 1 now (`_screen_sums` reads it as fallen from more).
_FALLEN_TO = compile_pattern(
    rf"\b(?:went|gone|dropped|fallen|fell|come down|came down|gone down|down) from \d+ to"
    rf" (?P<n>{NUMBER})\b"
)


def _fallen_to(doc: Document, found: dict[int, Count]) -> None:
    for match in _FALLEN_TO.finditer(doc.masked):
        if match.start("n") not in found and (count := _count(doc, match)) is not None:
            _keep(found, count._replace(approximate=False))  # "6 to 1" is no range


def _among_each_other(doc: Document, counts: list[Count]) -> list[Count]:
    """`counts` read beside each other: a zero at one place beside units at another, a
    variant's lines as one, three or fewer beside more as low, and (alone, before "which
    one?") a count of the kinds the shop sells as none."""
    if len(counts) > 1 and min(c.value for c in counts) == 0 < max(c.value for c in counts):
        counts = _at_other_places(doc.masked, counts)
    if len(counts) > 1:
        counts = _variant_counts(doc.masked, counts)
    if len(counts) > 1 and max(c.value for c in counts) > _LOW_STOCK_COUNT:
        # "31 of the knife and 2 of the teapot": beside a larger stock, three or fewer is low.
        counts = [c._replace(low=True) if 0 < c.value <= _LOW_STOCK_COUNT else c for c in counts]
    if len(counts) == 1 and "?" in doc.masked and find_clarifications(doc):
        counts = [c for c in counts if not _choices_named(doc, c)]
    return counts


def _at_other_places(masked: str, counts: list[Count]) -> list[Count]:
    """`counts` without a zero counted at one place beside units counted at another in the
    same run of lines ("In store: 0 / Online: 5", "| Leeds | 0 |" above "| Bristol | 13 |"):
    the item is in stock, and the zero is that place's alone."""
    places = [c for c in counts if _at_a_place(masked, c.start)]
    stocked = [c.start for c in places if c.value > 0]
    if not stocked:
        return counts
    dropped = {
        c.start
        for c in places
        if c.value == 0
        and any("\n\n" not in masked[min(s, c.start) : max(s, c.start)] for s in stocked)
    }
    return [c for c in counts if c.start not in dropped]


def _variant_counts(masked: str, counts: list[Count]) -> list[Count]:
    """Counts of an item's variants on lines of their own ("- White: 12 / - Black: 5") as one:
    the item is in stock (or not) as a whole, and no one line is its quantity."""
    variants = [c for c in counts if _of_a_variant(masked, c.start)]
    if len(variants) < 2:
        return counts
    total = sum(c.value for c in variants)
    whole = variants[0]._replace(value=total, low=0 < total <= _LOW_STOCK_COUNT, approximate=True)
    dropped = {c.start for c in variants}
    return sorted([*(c for c in counts if c.start not in dropped), whole])


def _of_a_variant(masked: str, at: int) -> bool:
    """The count at `at` is a variant's: the value of a variant's label line, or a table row
    under a header whose first cell names variants ("| Colour | Stock |")."""
    if _VARIANT_LINE.fullmatch(masked, masked.rfind("\n", 0, at) + 1, at):
        return True
    cells = header(masked, at)
    return len(cells) > 1 and _VARIANT_HEADER.fullmatch(cells[1]) is not None


_VARIANT_HEADER = compile_pattern(r"(?:colou?rs?|sizes?|finish(?:es)?|variants?|shades?|styles?)")


def _at_a_place(masked: str, at: int) -> bool:
    """The count at `at` is the value of a place's label line or of a table row naming a
    place under a header that says its rows are places."""
    line = masked.rfind("\n", 0, at) + 1
    if _PLACE_LINE.fullmatch(masked, line, at):
        return True
    cells = header(masked, at)
    if len(cells) < 2 or not _PLACE_HEADER.fullmatch(cells[1]):
        return False
    first = masked[line:at].split("|")
    return len(first) > 2 and "xx" not in first[1]


#: The kinds a count is of, listed after it: "two Plant Pots, the normal one and the Large".
_KINDS_LISTED = compile_pattern(
    r"[^,.;:?!\u2013\u2014]*?\s*[,:\u2013\u2014-]\s*((?:the|a|an|our|one)\b[^.;?!\u2013\u2014]*)"
)
_KIND_JOINS = compile_pattern(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


def _choices_named(doc: Document, count: Count) -> bool:
    """ "We've got two hand blenders — the Hand Blender and the Hand Blender 800W. Which one?":
    a count of the kinds the shop sells, each named after it, asked which: no stock."""
    if count.value < 2:
        return False
    listed = _KINDS_LISTED.match(doc.masked, count.end)
    if listed is not None and len(_KIND_JOINS.split(listed.group(1).strip())) == count.value:
        return True  # "two Plant Pots, the normal one and the Large –"
    index = doc.sentences.index(doc.sentence_at(count.start))
    end = doc.sentences[min(index + 1, len(doc.sentences) - 1)].end
    named = {
        m.subject
        for m in doc.mentions
        if m.type is SubjectType.ITEM and count.start <= m.start < end
    }
    return len(named) == count.value


@EXTRACTORS.register(ClaimKind.QUANTITY)
def extract_quantity(doc: Document) -> list[Claim]:
    return [
        Claim(ClaimKind.QUANTITY, count.value, (count.start, count.end), subject, count.hedged)
        for count in find_counts(doc)
        if not count.approximate
        for subject in (
            (count.of,)
            if count.of is not None
            else resolve(doc, ClaimKind.QUANTITY, count.start, count.end)
        )
    ]
