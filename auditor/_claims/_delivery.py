"""Delivery dates: a date in a clause about delivery, resolved against the audit's clock.

A date counts beside a delivery word. Words that only say *when* ("expected", "due",
"estimate") count unless the clause is about sending the parcel off ("due out tomorrow",
"expect it to ship by Friday": a dispatch date, not a delivery date). Never in a sentence about a
restock ("our next delivery", "back in stock"), a return, or — for those weaker words — a
refund, so "we're due a delivery on 3 Dec" and "refunded within 5 days" are not delivery
promises. Nor is the time of a promised contact ("someone will follow up with you within two
business days", "expect a call tomorrow"): its words are no delivery cue. A label line
lends its words to its value ("Estimated delivery - 20/11/2026", "Delivery window: 1pm – 3pm
today"); a short clause that goes on from a delivery clause
("delivered, the last one on 30 November") is one too. When an answer tells an order part by
part and some part is still to come, the day an earlier part was delivered is not the order's.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import NamedTuple

from auditor._claims._compiled import compile_pattern
from auditor._claims._dates import DATE_NEEDLES, DateExpr, find_dates, resolve
from auditor._claims._dispatch import WordIndex
from auditor._claims._document import Document
from auditor._claims._lexicon import (
    CARRIERS,
    CONTACTING,
    DROP_PLACES,
    FAILED_ATTEMPT,
    LANDING,
    LEFT_AT,
    ORDER_PARTS,
    PARCELS,
    RESTOCK,
    SHIPPING,
    forms,
)
from auditor._claims._model import Claim, ClaimKind
from auditor._claims._negation import hedged, negated
from auditor._claims._quantity import wrapped_run
from auditor._claims._registry import EXTRACTORS
from auditor._claims._resolve import resolve as resolve_subjects
from auditor._claims._scan import silent
from auditor._claims._subjects import SubjectType
from auditor._claims._tables import column, header, row_start
from auditor._claims._text import Clause
from auditor._claims._topic import about_money


def _spaced(pattern: str) -> str:
    """A pattern written with single spaces, matching any run of blanks there: Markdown
    emphasis taken out leaves several ("left it   in your safe place")."""
    return pattern.replace(" ?", r"\s*").replace(" ", r"\s+")


#: Words that say a parcel reaches the customer, chat shorthand included ("arr", "del.").
_STRONG = compile_pattern(
    _spaced(
        r"\b(?:arriv\w*|ariv\w*|arrv\w*|arr|dlvr\w*|dlvy|deliver\w*|redeliver\w*|delivr\w*|delieverd|dlvd|dlvrd|dlvred|delivd|del|eta"
        r"|with (?:you|u)|w/ ?(?:you|u)|w (?:you|u)|reach(?:es|ed)? (?:to )?(?:you|u)|o/d"
        r"|(?:get|gets|got|getting) (?:to (?:you|u)|there)"
        # The carrier as the one who brings it (agent7): "they'll get it to you Friday",
        # "it'll come Monday" (not "come back", "come in", money coming through).
        r"|(?:get|gets|getting|bring|brings|bringing) (?:it|them|xx+|(?:the|your) \w+) (?:out )?to"
        r" (?:you|u)"
        # "the driver should bring it round tomorrow" (dates8).
        r"|(?:bring|brings|bringing) (?:it|them|xx+|(?:the|your) \w+) (?:round|over)"
        r"|(?:will|'ll|should|shd) come(?! (?:back|through|in|from|up|out|off|to (?!you|u\b)))"
        # "the last one came on Friday"; not money or a restock coming back or through.
        r"|came(?! (?:back|through|in|to(?! (?:you|u)\b)|from|with|up|out)\b)"
        # "it comes Saturday the 12th" (dates8); not "comes in a box", "comes with".
        r"|comes(?! (?:back|through|in|to(?! (?:you|u)\b)|from|with|up|out|off|as|under)\b)"
        # Every form of `LANDING`'s words but "arrive" (above, with its chat spellings).
        rf"|{forms(*(verb for verb in LANDING if verb != 'arrive'))}|be there|b there"
        r"|(?:dropped|drop|dropping) (?:it |them |the \w+ |xx+ )?off"
        r"|(?:at|to|on) your (?:door|doorstep|step|address)|signed (?:for|4)"
        # A carrier's event of handing over: "Delivered - handed to resident".
        r"|handed (?:over )?to (?:the |a |your |ur )?(?:resident|recipient|customer|occupant"
        r"|neighbou?r|you|u)"
        # Where a carrier's screen says it went (agent7): "it went to your neighbour at 10:40".
        r"|(?:went|gone) (?:to|in) (?:your|a|the) (?:[\w-]+ )?(?:neighbou?rs?|safe place|reception"
        r"|front desk|concierge|parcel locker|locker|parcel shop|mail ?room|post ?room|porch"
        r"|garage|shed|bin)"
        # The carrier's proof of delivery: "POD received on tues 08/12", "per POD".
        r"|pod (?:received|shows|confirms|uploaded|on file|(?:is )?showing|says|dated)"
        # A proof of delivery with its time stamp (dates8): "POD 08/12 15:55".
        r"|pod(?= \d)"
        r"|per (?:the )?pod"
        r"|proof of delivery"
        r"|through (?:your|the) (?:letter ?box|letterbox|door|mail ?slot)"
        # (A carrier's label drops the article: "Delivered - left in porch".)
        rf"|{LEFT_AT} (?:it |them |the \w+ |xx+ )?(?:with|in|at|on|by|behind) (?:(?:your|a|the) )?"
        rf"(?:[\w-]+ )?{DROP_PLACES}"
        r"|(?:you'll|you will|you should|you'd|should|will) (?:get|receive|recieve|have)"
        r" (?:it|them|your|xx+))\b"
    )
)
#: Words that only say when: a delivery's date unless the clause sends the parcel off.
_WEAK = compile_pattern(
    _spaced(
        r"\b(?:expected|expect|estimated|estimates?|due|scheduled|slated|booked in|pencil+ed in"
        r"|on track for|planned for|aiming for|aimed for|targeting|target date|coming"
        # The carrier's schedule: "they've got it down for Thursday", "down as delivering".
        r"|(?:got|have|has|had) (?:it|them|xx+|the \w+|your \w+|you|u) down for|down as deliver\w*"
        r"|new (?:date|eta|delivery date|estimate)|revised (?:date|eta|estimate)|rescheduled"
        # A carrier's booked time: "they've given a one-hour slot of 10–11 tomorrow".
        r"|slot (?:of|between|from|is)"
        # A carrier's forecast, and bringing it out to the door: "their projection is Tuesday",
        # "they'll have it out to you tomorrow" (unless the clause sends it off).
        r"|projection|projected|forecast|out to (?:you|u)"
        # The carrier's word for the day, and its time window: "they're now saying fri 11th",
        # "DHL are showing it for tomorrow", "a one-hour window tomorrow".
        r"|(?:now|are|is|'s|'re) (?:saying|showing)|showing (?:it|them|xx+) (?:for|as)"
        r"|window|time ?slot"
        # "exp wed", "they're quoting wed for delivery", "on the van today": out to the door.
        r"|exp|est|quoting|quoted|on (?:the |a |its )?(?:[\w']+ )?van"
        # A next attempt still to come: "they'll try again tomorrow", "re-attempt on Monday".
        r"|(?:will|'ll|going to|gonna|due to) try again|re-?attempt\w*|retr(?:y|ies|ying)"
        r"|(?:next|another|second|2nd) attempt|(?:have|has|make) another (?:go|try)"
        # The carrier moving the day (agent7): "DHL have pushed it to Tuesday", "rebooked for
        # Monday", "they've got it for Friday now", "so you're looking at Tuesday".
        r"|re-?booked|re-?arranged|slipped (?:back )?(?:to|till|until)|(?:pushed|moved|bumped|put)"
        r" (?:it |them |xx+ |(?:the|your) \w+ )?(?:back )?(?:to|till|until|for)"
        r"|(?:got|have|has|had) (?:it|them|xx+) (?:now |still )?(?:booked |scheduled )?for"
        r"|(?:you're|you are|youre|ur|you'd be|we're|we are) looking at"
        # (dates8) A delivery service counted to its day: "it's next-day so tomorrow", "48hr
        # tracked … so Friday", "a 3 day service, which takes you to Thursday".
        r"|(?<!the\s)(?<!following\s)next[-\s]day(?!\sor)|\d+ ?(?:hr|hour|h)s? (?:tracked|service)"
        r"|tracked ?\d+|\d+[- ]day (?:service|delivery)|takes? (?:you|u) to"
        # The carrier's run that brings it, and its word for the day: "on Monday's run", "on
        # the Monday drop", "carrier says Monday", "booked 4 14th", "delivery slot Friday".
        r"|on (?:the |a |its |our |their |today's |tomorrow's |\w+day's |this \w+'s )?(?:\w+ )?"
        r"(?:run|drop|round|lorry|truck|van)"
        rf"|(?:{CARRIERS}|haulier|hauliers|they|tracking|portal|app|screen|system)(?:'s|s|'re| are"
        r"| is)? (?:says?|said|reckons?|reckoned|shows?|estimating|predicts?|predicting)"
        r"|predicted|booked (?:for|4)"
        # "You should see it on **Friday**" (dates8); money before it is the money's.
        r"|(?:you'll|you will|you should|you'd|should|will) see (?:it|them|xx+|your \w+)"
        # A copula straight to a day (dates8): "ORD-1 - should be thursday now".
        r"|(?:should|shd|will|'ll) be (?:on |by )?(?=(?:mon|tue|wed|thu|fri|sat|sun|tomorrow|tmrw"
        r"|today|the \d)\w*\b)"
        # A slot named by its time: "thu 10-11am slot", "a Friday morning slot".
        r"|(?:(?<=am\s)|(?<=pm\s)|(?<=\d\s)|(?<=ay\s)|(?<=ng\s))slot)\b"
    )
)
#: A promised date the answer says has passed (issue 24): "it was due on Thursday", "should
#: have been with you on the 2nd", "the original delivery date of December 3 has passed",
#: "missed its date (4 Dec)". The answer does not say the order will come then, so the clause
#: gives no delivery date; a new date said after it does ("new ETA fri").
_UNMET = compile_pattern(
    r"\b(?:(?:should(?: have|'ve| of)|shoulda) (?:been|arrived|come|got|gotten|reached|landed"
    r"|turned|gone|\w+ed)|(?:was|were|had been) (?:due|meant|supposed|scheduled|expected"
    r"|promised|set|booked|slated)|original(?:ly)?|missed|(?:has|have|had) (?:now |already )?"
    r"passed)\b"
)
#: A delivery tried and failed is no delivery: "the carrier attempted delivery on Friday"; the
#: next attempt, still to come, is the day it is due ("a second attempt is scheduled for
#: tomorrow").
_ATTEMPTED = compile_pattern(
    rf"\b(?:attempted|tried to deliver|delivery attempt|{FAILED_ATTEMPT[3:-1]}"
    # "the driver tried ORD-1 at 9:10" (dates8); not "tried to call you".
    r"|tried (?!to |calling|ringing|phoning|contacting|emailing)(?:xx+|it|them|your|you|u))\b"
)
#: A span of days counted from another event, not from today: "2-3 working days after that",
#: "within 5 days of shipment", "3 days from dispatch". It names no day.
_ANCHORED = compile_pattern(
    r"\s*(?:after|from|of|following) (?:that|this|then|it (?:ships|leaves|goes)|dispatch"
    r"|despatch|shipment|shipping|collection|posting|pick-?up|the (?:date of )?(?:dispatch"
    r"|despatch|shipment|shipping|collection))\b"
)
#: What a shop sends that is no parcel: a message about it.
_MESSAGE = (
    r"(?:tracking (?:number|link|code|details|info)|e-?mails?|updates?|calls?|call back|callback"
    r"|replies|reply|responses?|answers?|confirmations?|confirmation e-?mail|messages?|texts?"
    r"|notifications?)"
)
#: What is delivered: a message said before one of these may be about it.
_GOODS_WORDS = r"(?:order|parcel|package|delivery|shipment|replacement|item|items|box|xx+)"
#: A promised contact, not a parcel: "will follow up with you by email within two business
#: days", "get back to you tomorrow", "expect a call tomorrow", "you'll hear from us by Friday".
#: Its words ("with you", "expect") are no delivery cue, so the time span it gives is the
#: contact's and never a delivery date. A delivery word elsewhere in the clause still counts.
_CONTACT = compile_pattern(
    rf"\b(?:{forms(*CONTACTING, 'be in touch with', 'hear back from', 'hear from')}"
    r"(?: (?:you|u|us))?"
    r"|expect(?:ing)? (?:a|an|our|my|their|the|some) (?:(?:phone|quick|e-?mail|text) )?"
    r"(?:call|callback|call back|ring|phone call|e-?mail|text|txt|message|msg|reply|response"
    r"|update|answer|follow-up|follow up)s?"
    r"|expect(?:ing)? to hear"
    # A message is what reaches the customer, not the parcel: "you will receive your tracking
    # number by email tomorrow", "an update should be with you within 24 hours".
    rf"|(?:get|gets|receive|have) (?:your|an|a|the|our|my) (?:\w+ )?{_MESSAGE}"
    # (Not past a label's colon: "Update: it should be with you Thursday" is the parcel.)
    rf"|{_MESSAGE}(?:(?!\b{_GOODS_WORDS}\b)[^.;,:]){{0,40}}?\b(?:with|to|w/) (?:you|u)"
    r"|(?:get|come) back (?:with|w/) (?:you|u)"
    # A message due, not the parcel: "next update expected tomorrow".
    rf"|(?:next |an? |the |another )?{_MESSAGE}(?: (?:from|off) (?:the |your |our )?\w+)?"
    r" (?:is |are |'s )?(?:expected|due)"
    r"|reach(?:es|ed)? (?:you|u) (?:by|via|on|over) (?:phone|e-?mail|text|sms|the phone))\b"
)
#: Either kind of cue, to find where they stand in one pass (an overlap with a clause is all
#: that is asked of it).
_ANY_CUE = compile_pattern(f"{_STRONG.pattern}|{_WEAK.pattern}")
#: (syn10) Every one-word verb of `_lexicon.SHIPPING`, in any form ("despatched" too).
_SHIPPING_STEMS = "|".join(verb for verb in SHIPPING if " " not in verb)
_SENDING = compile_pattern(
    rf"\b(?:(?:{_SHIPPING_STEMS})\w*|go(?:es|ing)? out|due out|leav\w*|left|sent|send|post(?:ed)?"
    # (dates8) "it went out yesterday on next-day": sent then; not "went out for delivery".
    r"|went out(?! for deliver\w*)"
    r"|pack\w*"
    # The courier's collection from the shop is a dispatch: "rebooked collection for today".
    r"|collect(?:ion|ed|ing)?)\b"
)
_OFF_TOPIC = compile_pattern(
    r"\b(?:re-?stock\w*|back in stock|expected back|exp back|due back|refunds?|refunded|returns?"
    r"|returned"
    r"|rma|sent back|send back|credit\w*|money|usually|typically|normally"
    # (formal9) A system coming back, not a parcel: "we expect service to resume by 2:00 p.m.".
    r"|(?:service|services|system|systems|website|site|portal|app|tools?) (?:is |are |should"
    r" |will |to )?(?:resume|be restored|be back (?:up|online)|come back (?:up|online)))\b"
)
#: A sentence about the shop's own stock arriving, not the customer's parcel.
_RESTOCK = compile_pattern(RESTOCK)
#: Money spoken of before a clause of when: "it" there is the money ("your refund is approved
#: — expect it in 3 days"), unless the clause names what is delivered.
_MONEY = compile_pattern(r"\b(?:refunds?|refunded|paid out|credit\w*|money|reimburs\w*)\b")
_GOODS = compile_pattern(
    r"\b(?:order|parcel|package|delivery|shipment|replacement|item|items|box)\b"
)
_PAST = compile_pattern(
    r"\b(?:delivered|arrived|arr'd|arrvd|arrd|was|were|came|received|signed|dropped|left|turned"
    r"|landed|showed"
    # Not the carrier's booking: "they've got it for Friday now".
    # (dates8) nor "the driver's got ORD-1 on today's round", "got you down for Monday".
    r"|got(?! (?:it|them|xx+|you|u) (?:booked |scheduled |down )?(?:for|on|in)\b)"
    r"|(?:went|gone) (?:to|in) (?:your|a|the)"
    r"|reached|dlvd|dlvrd"
    # A proof of delivery is of a day past (dates8): "POD is showing 07/12".
    r"|pod"
    # "last Thursday", not "the last one is out for delivery this morning".
    r"|last (?:week|night|mon|tue|wed|thu|fri|sat|sun)\w*)\b"
)
_FUTURE = compile_pattern(
    r"\b(?:will|'ll|should|shd|expect|expected|due|going to|to be|arrives|arriving|scheduled"
    r"|down for|pencil+ed in|booked in|slated|planned|for delivery)\b"
)
#: "shipped 2day, eta thurs": the day a parcel was sent, not the day it arrives.
_SENT_ON = compile_pattern(
    r"\b(?:ship\w*|dispatch\w*|despatch\w*|sent(?: out| off)?|posted|went out|left us"
    r"|collected|picked up|go(?:es|ing)? out)\s+(?:on\s+|at\s+)?$"
)
#: "arrives in 2 days rather than today": the date set aside; "the week of December 14",
#: "w/c 14th" (dates8): a week named by its first day, no day of its own.
_SET_ASIDE = compile_pattern(
    r"\b(?:rather than|instead of|not|week (?:of|commencing|beginning|starting)|w/c"
    # (voice10) A day things stood still from, no day of delivery: "no movement since Dec 2".
    r"|since)\W*$"
)
#: The label of a field line, up to its colon or dash ("Estimated delivery - "): a few words.
_LABEL = compile_pattern(r"\W*(?:[\w'/]+\s+){0,3}[\w'/]+\s*(?::|\s-\s)")
#: "the first … the second …": each of the orders named before, in turn.
_ORDINAL = compile_pattern(r"\W*(?:and\s+)?the (first|former|second|latter)\b")
_ORDINAL_INDEX = {"first": 0, "former": 0, "second": 1, "latter": 1}
_WORD = compile_pattern(r"[a-z0-9']+")
#: A field of a line of fields, closed by its dash: "Delivered — Front door — 9 Dec, 13:02".
_A_FIELD = compile_pattern(r"\s[\u2014\u2013\u00b7-]\s*$")
_FIELD_WORDS = 4
#: The header of a table's value column when each row is a field ("| Field | Detail |").
_GENERIC_HEADERS = frozenset(
    ["detail", "details", "value", "values", "info", "information", "data", "description"]
)
#: A timeline's column of days ("| Stage | Date |"): the row names what happened then, in an
#: answer about an order (a return's timeline has its own "Dropped off" and "Received").
_DAY_HEADERS = frozenset(["date", "dates", "when", "day"])
#: A number standing alone, which may be an order's named in full elsewhere.
_BARE_NUMBER = compile_pattern(r"(?<![\w./:-])(\d{4,})(?![\w./:-])")
#: A field that only says when: "Date:", "When:", "On:".
_WHEN_LABEL = compile_pattern(r"[^\w\n]*(?:date|when|on|day|dated)\s*:")
#: A time of day as a word: "3pm", "14", "8am".
_TIME = compile_pattern(r"\d{1,2}(?:am|pm)?")
#: The only words, besides its dates, of a clause that goes on from a delivery clause or is
#: the value of a label ("the last one on 30 November", "1pm – 3pm today"): no verb of its own.
_VALUE_WORDS = frozenset({
    "the", "a", "an", "first", "second", "third", "last", "final", "other", "one", "ones",
    "parcel", "parcels", "package", "packages", "box", "boxes", "item", "items", "part", "parts",
    "piece", "pieces", "rest", "remaining", "on", "by", "at", "around", "about", "approximately",
    "roughly", "and", "both", "latter", "former", "it", "them", "was", "were", "is", "latest",
    "earliest", "window", "between", "from", "to", "pm", "am", "morning", "afternoon", "evening",
    "night", "slot",
    # A softened or stressed date is still only a date: "— possibly tomorrow!".
    "possibly", "probably", "maybe", "perhaps", "likely", "hopefully", "even", "or", "so",
    "most",  # "— most likely **Monday**" (dates8)
    # A copula that only points at the day (agent7): "…, so it'll be Tuesday the 15th",
    # "which means Monday", "that's the 12th".
    "it'll", "itll", "it's", "be", "will", "that's", "thats", "which", "means", "for",
})  # fmt: skip
_BLANKS = compile_pattern(r"\s+")
#: A masked name or id ("xxxxxxxxx"): no verb, so a clause of it and a time goes on too.
_MASK = compile_pattern(r"x{3,}")
#: A part of an order told: several dates still to come for it are its parts', and the order's
#: own is the last of them ("one's due tomorrow and the other Wednesday").
_PARTS = compile_pattern(ORDER_PARTS)
_PARCEL_HEADER = compile_pattern(rf"(?:#|no\.?|number )?{PARCELS}(?: (?:#|no\.?|number))?")

#: The order's status says a delivered day was a part's when the order is partly sent, or when
#: it is shipped (every part left) and not delivered ("one was delivered on 2 Dec, the other is
#: still in transit").
_PARTLY_SENT = frozenset({"partially_shipped"})
#: A part that has left, and a part still to come, told in a date's clause.
_GONE_PART = compile_pattern(
    r"\b(?:shipped|sent|went out|gone|left|dispatched|despatched|o/d|out for delivery|in transit"
    r"|on (?:its|the) way|with the (?:courier|carrier))"
)
_STILL_PART = compile_pattern(
    r"\b(?:rest|remaining|remainder|second|other|last|still|follow\w*|yet|separately)\b"
)
_SHIPPED = "shipped"
_DELIVERED = "delivered"

#: The prefilter: a cue word is one of these words, or holds one of `_CUE_PHRASES` or one of
#: `_CUE_STEMS` (common words such as "with" or "have" count only in their phrase).
_CUE_WORDS = frozenset({
    "signed", "eta", "arr", "del", "dlvd", "dlvrd", "dlvred", "delivd", "rescheduled", "expected",
    "dlvry", "dlvy",
    "expect", "estimated", "estimate",
    "estimates", "due", "reach", "reaches", "reached", "turn", "turns", "turned", "turning",
    "show", "shows", "showed", "shown", "land",
    "lands", "landed", "landing", "receive", "recieve", "dropped", "drop", "dropping", "coming",
    "scheduled", "slated", "booked",
    "pencilled", "penciled", "planned", "aiming", "aimed", "targeting", "target", "came", "down",
    "slot", "projection", "projected", "forecast",
    "saying", "showing", "window", "timeslot", "attempt", "reattempt", "re-attempt", "pod",
    "retry", "retries", "retrying",
    "popped", "placed", "tucked", "hidden", "stashed", "exp", "quoting", "quoted", "van",
    # An agent's forms: "their ETA's Thurs", "Delivered - handed to resident".
    "eta's", "etas", "handed",
    # The carrier moving the day (agent7): "pushed it to Tuesday", "rebooked for Monday".
    "rebooked", "re-booked", "rearranged", "re-arranged", "pushed", "moved", "bumped", "slipped",
    # (dates8) A service counted to its day, the carrier's run and word for the day.
    "next-day", "tracked", "service", "takes", "run", "round", "lorry", "truck", "says", "said",
    "reckons", "reckon", "reckoned", "del'd", "dlv'd", "deliv'd", "est", "estimating",
    "predict", "predicts", "predicted", "predicting", "comes",
})  # fmt: skip
#: Phrases of common words, filed under a word each holds whole.
_CUE_PHRASES = {
    "with": ("with you", "with u"),
    "w": ("w/", "w u", "w you"),
    "o": ("o/d",),
    "to": ("to you", "to u", "out to"),
    "be": (
        "be there",
        "be mon",
        "be tue",
        "be wed",
        "be thu",
        "be fri",
        "be sat",
        "be sun",
        "be tom",
        "be tmrw",
        "be today",
        "be the ",
        "be on ",
        "be by ",
    ),
    "b": ("b there",),
    "there": ("get there", "gets there", "got there", "getting there"),
    # The carrier's next try: "they'll have another go on Tuesday".
    "another": ("another go", "another try"),
    "have": ("have it", "have them", "have your", "have xx"),
    "get": ("get it", "get them", "get your", "get xx"),
    "getting": ("getting it", "getting them", "getting your"),
    "bring": ("bring it", "bring them", "bring your"),
    "come": ("'ll come", "will come", "should come", "shd come"),
    "got": ("got it for", "got them for", "got it booked", "got it scheduled"),
    "put": ("put it back", "put it to", "put them back"),
    "looking": ("re looking at", "are looking at", "ur looking at", "d be looking at"),
    "went": ("went to your", "went to a ", "went to the", "went in your", "went in the"),
    "gone": ("gone to your", "gone to a ", "gone to the", "gone in your", "gone in the"),
    "your": ("your door", "your step", "your address", "your letterbox", "your letter box"),
    "through": ("through the letterbox", "through the letter box", "through the door"),
    "track": ("on track for",),
    "again": ("try again",),
    "new": ("new date", "new eta", "new delivery date", "new estimate"),
    "next": ("next day", "next-day"),
    "take": ("take you to", "take u to"),
    "see": ("see it", "see them", "see your", "see xx"),
    "revised": ("revised date", "revised eta", "revised estimate"),
    "left": (
        "left it",
        "left them",
        "left the",
        "left with",
        "left in",
        "left at",
        "left on",
        "left by",
        "left behind",
    ),
}
_CUE_PHRASE_WORDS = frozenset(_CUE_PHRASES)
_CUE_STEMS = (
    "arriv", "ariv", "arrv", "deliver", "delivr", "delieverd", "redeliver", "reattempt",
    "re-attempt",
)  # fmt: skip
#: The beginnings (`WordIndex.prefixes`) of the words that begin with a stem.
_STEM_BEGINNINGS = frozenset(stem[:3] for stem in _CUE_STEMS)


class _Found(NamedTuple):
    day: date
    past: bool
    claim: Claim
    #: A time of day alone ("Slot: 10:00–11:00"): today only when no other day is said.
    clock: bool = False


def _mentions_delivery(doc: Document) -> bool:
    """Cheap, and usually settles it: no cue word, or nothing that can start a date, anywhere
    in the answer."""
    words = doc.words
    if _CUE_WORDS.isdisjoint(words.word_set) and not _cue_stem(words) and not _cue_phrase(doc):
        return False
    return any(map(doc.masked.__contains__, DATE_NEEDLES))


def _cue_stem(words: WordIndex) -> bool:
    """A word begins with a stem of `_CUE_STEMS` ("arriving", "delivery")."""
    return not _STEM_BEGINNINGS.isdisjoint(words.prefixes) and any(
        w.startswith(_CUE_STEMS) for w in words.by_word
    )


def _cue_phrase(doc: Document) -> bool:
    masked = doc.masked
    if "  " in masked:  # Markdown emphasis taken out: "left   in your safe place"
        masked = _BLANKS.sub(" ", masked)
    for word in _CUE_PHRASE_WORDS.intersection(doc.words.word_set):
        if any(map(masked.__contains__, _CUE_PHRASES[word])):
            return True
    return False


def _label(doc: Document, clause: Clause) -> str:
    """The label of the line `clause` stands in, when it stands after it, or ""."""
    sentence = doc.sentences[clause.sentence]
    key = ("delivery label", sentence.start)
    label = doc.memo.get(key)
    if not isinstance(label, tuple):
        match = _LABEL.match(doc.masked, sentence.start, sentence.end)
        label = (match.end(), match.group()) if match else (-1, "")
        doc.memo[key] = label
    end, text = label
    return text if 0 <= end <= clause.start else ""


def _cued(text: str) -> bool:
    """`text` holds a delivery word, or a word of when and no word of sending, outside a
    promised contact."""
    text = _CONTACT.sub(" ", text)
    if _STRONG.search(text):
        return True
    return _WEAK.search(text) is not None and _SENDING.search(text) is None


def _speaks_of_delivery(text: str, sentence: str, before: str) -> bool:
    """`text` (a clause with its label) speaks of a delivery, in `sentence`, after `before`
    (the sentence up to the clause)."""
    if not _cued(text) or _OFF_TOPIC.search(text) or _RESTOCK.search(sentence):
        return False
    if _OFFER.search(sentence):
        return False
    text = _CONTACT.sub(" ", text)
    if _STRONG.search(text):
        return True
    recent = before[-_COLLECTING_REACH:]
    if ("collect" in recent or "fetch" in recent or "pick" in recent) and _COLLECTING.search(
        recent
    ):
        return False  # "awaiting collection by the courier, which is scheduled for tomorrow"
    return not _MONEY.search(before) or _GOODS.search(text) is not None


#: A sale offered, not an order's delivery (dates8): "I can get a Rain Jacket out to you today
#: if you order in the next hour", "if you order before 2pm, they'll be with you tomorrow".
_OFFER = compile_pattern(
    r"\b(?:if|when|once|as long as) (?:you|u) (?:order|place (?:an|your|the) order|buy|check ?out)"
    r"|\b(?:order|orders|ordered|ordering) (?:before|by|within|in the next)\b"
    # (formal9) What the shop can do with an item in stock: "it's in and we can have it with
    # you by Thursday", "can be delivered to your home as early as Wednesday".
    r"|\b(?:in stock|available|(?:is|are|'s|'re) in)\b[^.;!?]*\b(?:we|i) can (?:have|get|send"
    r"|deliver)\b|\bcan be delivered\b[^.;!?]*\bas (?:early|soon) as\b"
)
#: A span told after the parcel's sending as a condition (dates8): "Once it ships, you can
#: expect delivery within 3–5 business days" counts from a day the answer does not give.
_ONCE_SENT = compile_pattern(
    r"\b(?:once|when|after|as soon as) (?:it|they|xx+|your (?:order|parcel|package)|the (?:order"
    r"|parcel|package)|it's|its|they're)(?: (?:has|have|is|are|'s|been))* ?(?:ship|dispatch"
    r"|despatch|leav|left|sent|post|go(?:es)? out|collected|picked up)\w*"
)
#: A clause going on, after a promised date said to have passed, with the new one: "was due
#: mon, now tmrw", "was meant to be Friday, but now Monday".
_RENEWED = compile_pattern(r"\W*(?:(?:but|and|so) )?(?:now|instead)\b")


#: A carrier's collection from the shop, just before a clause of when: the when is the
#: collection's (a day it leaves), not a delivery's.
_COLLECTING = compile_pattern(
    r"\b(?:collection|collect|fetch|pick (?:it |them )?up|pickup|pick-up) by (?:the |our )?"
    r"(?:courier|carrier|driver)\b|\b(?:courier|carrier|driver) (?:to )?(?:come (?:and|to) )?"
    r"(?:collect|fetch|pick up)\b"
)
_COLLECTING_REACH = 60


def _of_money(doc: Document, clause: Clause) -> bool:
    """The clause's subject is a pronoun or left out, and what it goes on from is money ("your
    refund is approved. It should land within 3–5 working days")."""
    cue = _ANY_CUE.search(doc.masked, clause.start, clause.end)
    return about_money(doc, clause.start, cue.start() if cue else clause.start)


def _about_a_return(doc: Document, clause: Clause) -> bool:
    """The sentence names a return and no order ("RMA-1 arrived at the warehouse on Monday")."""
    sentence = doc.sentences[clause.sentence]
    types = {m.type for m in doc.mentions if sentence.start <= m.start < sentence.end}
    return SubjectType.RETURN in types and SubjectType.ORDER not in types


def _is_value(
    doc: Document, clause: Clause, dates: list[DateExpr], *, dateless: bool = False
) -> bool:
    """`clause` is dates and words without a verb: it says nothing of its own. With
    `dateless`, a clause of names and times alone is one too ("— ORD-1, at 10:15 …")."""
    if not dates and not dateless:
        return False
    rest = doc.masked[clause.start : clause.end]
    for expr in reversed(dates):
        rest = rest[: expr.start - clause.start] + " " + rest[expr.end - clause.start :]
    return all(
        w in _VALUE_WORDS or _TIME.fullmatch(w) or _MASK.fullmatch(w) for w in _WORD.findall(rest)
    )


def _column(doc: Document, clause: Clause) -> str:
    """The header of the table column `clause` stands in, as a label ("expected: "), or ""."""
    cells = header(doc.masked, clause.start)
    index = column(doc.masked, clause.start)
    name = cells[index] if index < len(cells) else ""
    if index > 1 and (
        name in _GENERIC_HEADERS or (name in _DAY_HEADERS and not doc.return_context)
    ):
        # A table of fields ("| Field | Detail |"): the row's first cell is the label.
        start = row_start(doc.masked, clause.start)
        name = doc.masked[start : doc.masked.find("|", doc.masked.find("|", start) + 1)]
        name = name.strip(" |")
    return f"{name}: " if name else ""


def _dates_in(doc: Document, clause: Clause) -> list[DateExpr]:
    # A date may run past its clause ("Thursday, 26th November"): search to the sentence's
    # end, keep the dates that start in the clause.
    # A range begun in an earlier clause ("between Monday, December 14 and Wednesday, December
    # 16") is that clause's, so the sentence's dates are found once, from its start.
    key = ("delivery dates", clause.sentence)
    found = doc.memo.get(key)
    if not isinstance(found, list):
        sentence = doc.sentences[clause.sentence]
        found = doc.memo[key] = find_dates(doc.masked, sentence.start, sentence.end)
    return [e for e in found if clause.start <= e.start < clause.end]


def _read(doc: Document, clause: Clause) -> tuple[str, list[DateExpr] | None]:
    """The clause's text, with the label of its line when it is that label's value, and its
    dates when they had to be found for that (None when not yet looked for)."""
    text = doc.labelled_clause_text(clause)
    label = _label(doc, clause)
    if not label and "|" in doc.masked:
        # A table cell is read with its column's header and its row, whose tense is the
        # cell's: "| 1 | Delivered | Dec 2 |" was a part's delivery.
        label = _column(doc, clause)
        if label:
            start = row_start(doc.masked, clause.start)
            end = doc.masked.find("\n", start)
            doc.memo[("delivery row", clause.start)] = doc.masked[start : end if end >= 0 else None]
    if not label:
        return text, None
    dates = _dates_in(doc, clause)
    return (label + text if _is_value(doc, clause, dates) else text), dates


@EXTRACTORS.register(ClaimKind.DELIVERY_DATE)
def extract_delivery_date(doc: Document) -> list[Claim]:
    if not _mentions_delivery(doc):
        return []
    found: list[_Found] = []
    #: The last delivery clause and its text, whose sentence may go on.
    carried: tuple[Clause, str] | None = None
    # Where the cue words stand, found once: a clause with none in its sentence up to its end
    # (its label, the field it is the value of) can only go on from a delivery clause.
    cues = [m.span() for m in _ANY_CUE.finditer(doc.masked)]
    tables = "|" in doc.masked
    #: A line's date said before its event ("- Dec 8 — Delivered"): the sentence and its dates.
    lead: tuple[int, list[DateExpr]] | None = None
    #: The sentence of a promised date said to have passed, whose next clause may renew it.
    unmet: int | None = None
    for clause in doc.clauses:
        if (
            silent(clause)
            or not doc.reads(ClaimKind.DELIVERY_DATE, clause, clause.end)
            or _read_served_day(doc, clause, found)
        ):
            continue
        if unmet == clause.sentence and _RENEWED.match(doc.masked, clause.start, clause.end):
            found.extend(_claims(doc, clause, doc.clause_text(clause), _dates_in(doc, clause)))
            continue
        going_on = carried is not None and (
            carried[0].sentence == clause.sentence
            or _stamp_after(doc, carried[0], clause)
            or _under_colon(doc, carried[0], clause)
        )
        field = ""
        if not going_on and _uncued(doc, clause, cues, tables=tables):
            field = _field_of(doc, clause)
            if not field:
                lead = _lead(doc, clause, cues) or lead
                continue
        text, dates = _read(doc, clause)
        text = field + text
        dates = _with_lead(doc, clause, dates, lead)
        if _cued(text):
            segment = doc.sentences[clause.sentence]
            before = doc.masked[segment.start : clause.start]
            if _speaks_of_delivery(text, doc.clause_text(segment), before) and not _of_money(
                doc, clause
            ):
                carried = (clause, text)
                if _about_a_return(doc, clause) or negated(doc, clause, clause.start, clause.end):
                    continue
                if _unmet(text):
                    carried, unmet = None, clause.sentence
                    continue
                found.extend(_claims(doc, clause, text, dates or _dates_in(doc, clause)))
                continue
        if going_on and carried is not None:
            carried = _go_on(doc, clause, text, dates, carried, found)
    return _whole_orders(doc, found)


#: A delivery service counted in hours or days (agent9): "a 48 hour service", "24hr tracked",
#: "on next-day".
_SERVICE = compile_pattern(
    r"\b(?:\d+\s?(?:hr|hour|h)s?\s+(?:tracked|service)|next[-\s]day|\d+[-\s]day\s+(?:service"
    r"|delivery)|tracked\s?\d+)\b"
)
_SENT_OFF = compile_pattern(
    r"\b(?:went|gone|left|sent|shipped|dispatched|despatched|posted|collected)\b"
)
#: The day it comes to, said after "so": "…, so Thursday", "so it's today for you".
_SO = compile_pattern(
    r"\bso\b(?:\s+(?:it's|its|it'll be|that's|thats|that makes it))?(?=\s+(?:mon|tue|wed|thu"
    r"|fri|sat|sun|today|tonight|tomorrow|tmrw|the \d|\d))"
)


def _read_served_day(doc: Document, clause: Clause, found: list[_Found]) -> bool:
    """Reads the day a delivery service comes to into `found` ("it left us yesterday on a 48
    hour service, so Thursday": the day after "so"); False when the clause says none so."""
    served = _served_day(doc, clause)
    if served is None:
        return False
    dates = [e for e in _dates_in(doc, clause) if e.start >= served]
    found.extend(_claims(doc, clause, doc.masked[served : clause.end], dates))
    return True


def _served_day(doc: Document, clause: Clause) -> int | None:
    """Where the day a delivery service comes to is said, after the parcel was sent on it ("it
    left us yesterday on a 48 hour service, so Thursday", "went out last night on a 24hr
    service so it's today"): the sending and its day are the dispatch, the day after "so" the
    delivery's. None when the clause does not say one so."""
    if "so" not in doc.words.word_set:
        return None
    start = wrapped_run(doc, clause.start)[0]  # (a sentence hard-wrapped over lines is one)
    if not _SENT_OFF.search(doc.masked, start, clause.end):
        return None
    service = _SERVICE.search(doc.masked, start, clause.end)
    if service is None:
        return None
    so = _SO.search(doc.masked, service.end(), clause.end)
    return None if so is None else max(so.end(), clause.start)


def _go_on(
    doc: Document,
    clause: Clause,
    text: str,
    dates: list[DateExpr] | None,
    carried: tuple[Clause, str],
    found: list[_Found],
) -> tuple[Clause, str] | None:
    """A clause after a delivery clause of its sentence: its dates are that delivery's when it
    is dates and names alone (added to `found`); the delivery goes on past it when it is a
    short field closed by a dash ("Delivered — Front door — 9 Dec, 13:02"), else it ends."""
    dates = _dates_in(doc, clause) if dates is None else dates
    if _is_value(doc, clause, dates, dateless=True) and not _OFF_TOPIC.search(text):
        dates = _the_day_said(found, clause, dates)
        found.extend(_claims(doc, clause, carried[1] + " " + text, dates))
        return carried
    if _A_FIELD.search(text) and len(_WORD.findall(text)) <= _FIELD_WORDS:
        return carried
    return None


def _stamp_after(doc: Document, carried: Clause, clause: Clause) -> bool:
    """`clause` opens the sentence after the delivery clause's, on its line, and is a time
    stamp alone: a carrier's event pasted in, split at its full stop ("Your parcel has been
    delivered to your safe place. 08/12/2026 13:07")."""
    if clause.sentence != carried.sentence + 1 or "\n" in doc.masked[carried.end : clause.start]:
        return False
    dates = _dates_in(doc, clause)
    return any(d.absolute or d.numeric for d in dates) and _is_value(doc, clause, dates)


def _under_colon(doc: Document, carried: Clause, clause: Clause) -> bool:
    """`clause` opens the line after a delivery clause closed by a colon ("Here's your delivery
    window for ORD-1:" / "🕐 **Tomorrow, 8:00 AM – 12:00 PM**"): that line is its value
    (dates8)."""
    if clause.sentence != carried.sentence + 1:
        return False
    between = doc.masked[carried.start : clause.start].rstrip()
    return between.endswith(":") and doc.sentences[clause.sentence].start == clause.start


def _the_day_said(found: list[_Found], clause: Clause, dates: list[DateExpr]) -> list[DateExpr]:
    """A time of day going on from a day said before it in its sentence ("delivered on
    Thursday, December 10, at 3:47 p.m."): the time is that day's, no day of its own."""
    if not found or not any(d.time_of_day for d in dates):
        return dates
    return [d for d in dates if not d.time_of_day]


def _uncued(doc: Document, clause: Clause, cues: list[tuple[int, int]], *, tables: bool) -> bool:
    """No cue word in the clause's sentence up to its end, and no table column to lend one."""
    since = doc.sentences[clause.sentence].start
    if any(start < clause.end and end > since for start, end in cues):
        return False
    return not (tables and _column(doc, clause))


def _unmet(text: str) -> bool:
    """A promised date said to have passed, or a delivery tried and failed."""
    return bool(_UNMET.search(text) or (_ATTEMPTED.search(text) and not _FUTURE.search(text)))


def _with_lead(
    doc: Document,
    clause: Clause,
    dates: list[DateExpr] | None,
    lead: tuple[int, list[DateExpr]] | None,
) -> list[DateExpr] | None:
    """The clause's dates, or when it has none the dates its line opened on."""
    if dates or lead is None or lead[0] != clause.sentence:
        return dates
    return _dates_in(doc, clause) or lead[1]


def _field_of(doc: Document, clause: Clause) -> str:
    """A field of when with no word of its own ("- Date: Sunday 6 December") under a line that
    tells a delivery ("- Status: Delivered"): that line, which the field goes on from."""
    sentence = doc.sentences[clause.sentence]
    if clause.sentence == 0 or not _WHEN_LABEL.match(doc.masked, sentence.start, sentence.end):
        return ""
    above = doc.clause_text(doc.sentences[clause.sentence - 1])
    return f"{above} " if _STRONG.search(_CONTACT.sub(" ", above)) else ""


def _lead(
    doc: Document, clause: Clause, cues: list[tuple[int, int]]
) -> tuple[int, list[DateExpr]] | None:
    """A clause of dates alone before the delivery word of its line ("- Dec 8 — Delivered ✅",
    a history told date first): its dates are that word's."""
    end = doc.sentences[clause.sentence].end
    if not any(clause.end <= start < end for start, _ in cues):
        return None
    dates = _dates_in(doc, clause)
    return (clause.sentence, dates) if dates and _is_value(doc, clause, dates) else None


#: Markdown's strikethrough: a day crossed out is withdrawn ("~~Thursday~~ **Friday**").
_STRUCK = compile_pattern(r"~~[^~\n]+~~")


def _a_span(expr: DateExpr) -> bool:
    """A count of days or hours ("within 3–5 business days"), not a day named."""
    spans = expr.parts or (expr,)
    return all(
        p.business_days is not None or p.hours is not None or (p.offset or 0) > 1 for p in spans
    )


def _after_sending(doc: Document, clause: Clause) -> bool:
    """The clause's sentence sends the parcel off as a condition before it ("Once it ships,")."""
    sentence = doc.sentences[clause.sentence]
    return _ONCE_SENT.search(doc.masked, sentence.start, clause.end) is not None


def _struck(doc: Document, expr: DateExpr) -> bool:
    return "~~" in doc.masked and any(
        s <= expr.start < e for s, e in (m.span() for m in _STRUCK.finditer(doc.masked))
    )


def _claims(doc: Document, clause: Clause, text: str, dates: list[DateExpr]) -> list[_Found]:
    row = doc.memo.get(("delivery row", clause.start))
    tense = f"{text} {row}" if isinstance(row, str) else text
    past = bool(_PAST.search(tense)) and not _FUTURE.search(tense)
    out = []
    for expr in dates:
        if (
            _SET_ASIDE.search(doc.masked, clause.start, expr.start)
            or _ANCHORED.match(doc.masked, expr.end)
            or _struck(doc, expr)
            or (_a_span(expr) and _after_sending(doc, clause))
        ):
            continue
        if _SENT_ON.search(doc.masked, max(clause.start, expr.start - 24), expr.start) and any(
            e is not expr for e in dates
        ):
            continue  # "shipped 2day eta thurs": the other date is the delivery's
        day = _after_another(doc, clause, expr, past) if expr.after else None
        day = day or resolve(expr, doc.context.now, past=past)
        if day is None:
            continue
        hedge = hedged(doc, clause, expr.start)
        span = (expr.start, expr.end)
        for subject in _subjects(doc, clause, expr):
            claim = Claim(ClaimKind.DELIVERY_DATE, day.isoformat(), span, subject, hedge)
            out.append(_Found(day, past, claim, expr.time_of_day))
    return out


def _after_another(doc: Document, clause: Clause, expr: DateExpr, past: bool) -> date | None:
    """ "It shipped on 2 December and was delivered the next day": the date before it in its
    sentence, plus its days."""
    sentence = doc.sentences[clause.sentence]
    before = [e for e in find_dates(doc.masked, sentence.start, expr.start) if not e.after]
    if not before:
        return None
    day = resolve(before[-1], doc.context.now, past=past)
    return None if day is None else day + timedelta(days=expr.after)


def _subjects(doc: Document, clause: Clause, expr: DateExpr) -> tuple[str | None, ...]:
    """The orders of the date; "the first … the second …" picks among the sentence's orders."""
    ordinal = _ORDINAL.match(doc.masked, clause.start, clause.end)
    if ordinal is not None:
        sentence = doc.sentences[clause.sentence]
        orders = list(
            dict.fromkeys(
                m.subject
                for m in doc.mentions
                if m.type is SubjectType.ORDER and sentence.start <= m.start < clause.start
            )
        )
        index = _ORDINAL_INDEX[ordinal.group(1)]
        if len(orders) > 1 and index < len(orders):
            return (orders[index],)
    named = _by_number(doc, clause, expr)
    if named is not None:
        return (named,)
    return resolve_subjects(doc, ClaimKind.DELIVERY_DATE, expr.start, expr.end)


def _by_number(doc: Document, clause: Clause, expr: DateExpr) -> str | None:
    """An order the answer named in full, called by its number alone before the date in its
    clause ("ORD-1 and ORD-2 left today, 88512 is due tomorrow and 88513 Fri")."""
    numbers = _BARE_NUMBER.findall(doc.masked, clause.start, expr.start)
    if not numbers:
        return None
    for mention in doc.mentions:
        subject = mention.subject
        if mention.type is SubjectType.ORDER and subject and subject.endswith(f"-{numbers[-1]}"):
            return subject
    return None


def _whole_orders(doc: Document, found: list[_Found]) -> list[Claim]:
    """Drop the day a part was delivered when the order is still on its way: another date to
    come for the same order, the answer reads as an order partly sent, or it says the same order
    is shipped and not that it was delivered."""
    found = _gone_parts(doc, _last_part(doc, _clock_alone(found)))
    if not any(f.past for f in found):
        return [f.claim for f in found]
    to_come = {f.claim.subject for f in found if not f.past and f.claim.subject is not None}
    under_way: tuple[bool, set[str | None]] | None = None
    kept = []
    for f in found:
        if f.past:
            if f.claim.subject in to_come:
                continue
            if under_way is None:
                under_way = _under_way(EXTRACTORS[ClaimKind.ORDER_STATUS](doc))
            partial, shipped = under_way
            if partial or f.claim.subject in shipped:
                continue
        kept.append(f.claim)
    return kept


def _clock_alone(found: list[_Found]) -> list[_Found]:
    """A time of day is today only when no other day is said of its order: "**Delivery day:**
    tomorrow / **Slot:** 10:00–11:00" is tomorrow (dates8)."""
    if not any(f.clock for f in found):
        return found
    dated = {f.claim.subject for f in found if not f.clock}
    return [f for f in found if not f.clock or f.claim.subject not in dated]


def _last_part(doc: Document, found: list[_Found]) -> list[_Found]:
    """An order told part by part with several days still to come, or several days every part
    was delivered on: the order's day is its last part's ("Shipment 1 due Wednesday, Shipment 2
    due Friday" is Friday; "| Kettle | Delivered (Dec 9) | / | Mugs | Delivered (Dec 10) |" is
    10 December)."""
    for past in (False, True):
        same = [f for f in found if f.past is past and f.claim.subject is not None]
        if len({(f.claim.subject, f.day) for f in same}) == len({f.claim.subject for f in same}):
            continue  # the usual case: one day per order
        if not (_PARTS.search(doc.masked) or _parcel_rows(doc, same) or _items_apart(doc, same)):
            continue
        last: dict[str | None, date] = {}
        for f in same:
            last[f.claim.subject] = max(f.day, last.get(f.claim.subject, f.day))
        found = [f for f in found if f.past is not past or last.get(f.claim.subject) == f.day]
    return found


def _items_apart(doc: Document, found: list[_Found]) -> bool:
    """The days of one order stand in clauses naming different items: its parts (dates8, "the
    Desk Plant … arrived on December 4, and the Webcam was delivered yesterday")."""
    named: set[frozenset[str | None]] = set()
    for f in found:
        clause = doc.clause_at(f.claim.span[0])
        index = doc.clause_index(clause)
        before = doc.clauses[index - 1] if index > 0 else clause
        start = before.start if before.sentence == clause.sentence else clause.start
        items = frozenset(
            m.subject
            for m in doc.mentions
            if m.type is SubjectType.ITEM and start <= m.start < clause.end
        )
        if items:
            named.add(items)
    return len(named) > 1


def _gone_parts(doc: Document, found: list[_Found]) -> list[_Found]:
    """An order partly sent whose date is told of the part that has left ("first half o/d
    today, second half still in the warehouse"; "| Kettle | Shipped | Fri 11 Dec |"): the
    order's own day is its last part's, which the answer does not give."""
    if not any(not f.past for f in found):
        return found
    statuses = EXTRACTORS[ClaimKind.ORDER_STATUS](doc)
    partial = {c.subject for c in statuses if c.value in _PARTLY_SENT}
    if not partial:
        return found
    return [
        f
        for f in found
        if f.past or f.claim.subject not in partial or not _of_a_gone_part(doc, f.claim.span[0])
    ]


def _of_a_gone_part(doc: Document, at: int) -> bool:
    """The clause holding `at` (with the clause before it in its sentence, and its table row)
    tells of a part that has left, and of none still to come."""
    clause = doc.clause_at(at)
    index = doc.clause_index(clause)
    text = doc.clause_text(clause)
    if index > 0 and doc.clauses[index - 1].sentence == clause.sentence:
        text = f"{doc.clause_text(doc.clauses[index - 1])} {text}"
    row = doc.memo.get(("delivery row", clause.start))
    if isinstance(row, str):
        text = f"{text} {row}"
    return _GONE_PART.search(text) is not None and _STILL_PART.search(text) is None


def _parcel_rows(doc: Document, found: list[_Found]) -> bool:
    """The dates stand in a table of parcels ("| Parcel | Status | ETA |")."""
    return "|" in doc.masked and any(
        _PARCEL_HEADER.fullmatch(cell)
        for f in found
        for cell in header(doc.masked, f.claim.span[0])[:3]
    )


def _under_way(statuses: Sequence[Claim]) -> tuple[bool, set[str | None]]:
    """Whether some order is read as partly sent, and the orders read as shipped and not as
    delivered."""
    partial = any(c.value in _PARTLY_SENT for c in statuses)
    delivered = {c.subject for c in statuses if c.value == _DELIVERED}
    shipped = {c.subject for c in statuses if c.value == _SHIPPED} - delivered
    return partial, shipped
