"""Delay: what an answer says of an order's lateness (issue 24).

Four values, read from phrase tables (the rules are data, below):

* `acknowledged`: the order is late, delayed, overdue, held up, stuck, behind schedule, has
  missed its date, has not moved or had a tracking update for days;
* `apologised`: an apology in an answer that acknowledges the delay, or one about the wait
  ("sorry about the wait on …", "sorry it hasn't arrived yet"); it absorbs `acknowledged` for
  the same order, as `partially_shipped` absorbs `shipped`;
* `escalated`: the assistant hands the late order on or opens an enquiry (a trace, a case with
  the carrier, a colleague who will call). A hand-off counts only in an answer that speaks of the
  delay or where the phrase names the delivery itself (a trace, the courier): "let me pass you
  to a colleague" about a kettle is a deflection, and stays one;
* `on_time`: the reassurance ("on schedule", "on track", "no delays", "nothing to worry
  about"); denied ("not on schedule") it is an acknowledgement, and a denied delay ("it isn't
  late") is the reassurance.

An apology for something else ("sorry for the delay in responding", "sry for slow reply") is
no apology for lateness. A plain date or status says nothing of a delay: the judge, not the
reader, decides whether a date to come is a reassurance (`auditor/_delays.py`).
"""

from __future__ import annotations

import re

from auditor._claims._compiled import compile_pattern
from auditor._claims._dispatch import RuleSet
from auditor._claims._document import Document
from auditor._claims._model import Claim, ClaimKind, Delay
from auditor._claims._registry import EXTRACTORS
from auditor._claims._resolve import claims_of
from auditor._claims._rules import rules
from auditor._claims._scan import Hit, scan

_ACK = Delay.ACKNOWLEDGED.value
_ON_TIME = Delay.ON_TIME.value
_ESCALATED = Delay.ESCALATED.value
#: A phrase that says lateness only beside an apology ("I'm sorry it hasn't arrived yet").
_SOFT = "soft"
#: An apology's generic object ("sorry for the trouble"): lateness only in an answer that
#: speaks of it otherwise; beside a ticket number alone it is no word on a delivery (issue 23).
_GENERIC = "generic"
#: A hand-off phrase, an escalation only in an answer about the delay (see the docstring).
_HANDOFF = "handoff"

_DATE_WORDS = r"(?:(?:estimated|expected|promised|scheduled|original|due) )?(?:delivery )?"
_PERSON = (
    r"(?:colleague|colleagues|supervisor|manager|team leader|specialist|specialists|agent"
    r"|human|person|team|lead|department)"
)

_TABLE = RuleSet.of(
    # Lateness said outright; denied ("it isn't late", "no delay") it is the reassurance.
    rules(
        _ACK,
        r"(?:delayed|delay|delays)",
        r"late",
        r"(?:overdue|past due)",
        r"behind (?:schedule|sched|where it should be)",
        r"(?:running|is|a bit|'s|are) behind",
        r"held up|hold-up|holdup|hold up",
        r"stuck",
        r"taking longer than (?:expected|usual|it should)",
        r"longer than (?:we would |we'd |i'd |you'd |we )?(?:expect|expected|normal|usual)",
        rf"past (?:its|their|the) {_DATE_WORDS}(?:date|window|slot)",
        rf"missed (?:its|their|the) {_DATE_WORDS}(?:date|slot|window|day)",
        r"gone missing|went missing|lost in transit",
        r"\d+ days? over",
        negated=_ON_TIME,
    ),
    # Lateness said through a denial of its own: not sought for a further negation.
    rules(
        _ACK,
        r"(?:hasn't|has not|hasnt|haven't|have not|not) (?:budged|moved)",
        r"(?:hasn't|has not|hasnt) (?:had|received|got) (?:a|any) (?:tracking |carrier )?"
        r"(?:update|scan|movement)",
        r"no (?:tracking |carrier )?(?:update|updates|scan|scans|movement) (?:since|for|in)",
        # (voice10c) The record named between: "no movement on order ORD-1 since 2 Dec".
        r"no (?:tracking |carrier )?(?:update|updates|scan|scans|movement) on\b"
        r"(?=[^.;!?\n]{0,40}\bsince\b)",
        r"(?:has not|hasn't|hasnt) reported any movement",
        # (voice10) The existential denial, as "no movement since" is: "there hasn't been any
        # movement since the 2nd", "there haven't been any scans for days".
        r"(?:hasn't|has not|hasnt|haven't|have not|havent) been (?:any |a |a single )?(?:tracking "
        r"|carrier )?(?:movement|update|updates|scan|scans)",
        r"not (?:been )?updated in",
        r"(?:did not|didn't|didnt) arrive on (?:its|the|their)",
        # (voice10) and with the verbs of reaching: "should have reached you by Thursday".
        r"(?:should|ought to|must) have (?:arrived|been (?:with you|delivered|there|here)|reached"
        r" you|got to you|gotten to you|landed|turned up)",
        r"should've (?:arrived|been (?:with you|delivered|there)|reached you|got to you|landed"
        r"|turned up)",
        r"(?:was|were) (?:due|meant to|supposed to)",
        # (voice10c) Due, and still not done: "the rest, due on 4 Dec, is still waiting".
        r"due (?:on|by|for) [^.;!?\n]{3,30}?,? (?:is|are) still (?:waiting|sitting|pending"
        r"|awaiting|outstanding|held|not|to (?:be|ship|leave|come))\b",
        # (voice10b) A desk's promised date: "though it was committed for 6th Dec", "committed
        # date was 4th Dec".
        r"(?:was|were) committed (?:for|by|on)\b",
        # (voice10c) "was promised for 5 Dec but has not been sent out yet".
        r"(?:was|were) promised (?:for|by|on)\b",
        r"committed (?:delivery |dispatch )?date (?:was|of)\b",
        r"still not (?:here|there|arrived|with you)",
        r"not on (?:schedule|track|time)",
        negation=False,
    ),
    rules(
        _SOFT,
        r"(?:hasn't|has not|hasnt|haven't|not) (?:arrived|turned up|reached you|been delivered)"
        r"(?: yet)?",
        # (voice10d) Not yet sent, apologised for: "Sorry, order ORD-1 hasn't left our warehouse."
        r"(?:hasn't|has not|hasnt|haven't|have not) (?:yet )?(?:left (?:our|the) (?:warehouse"
        r"|depot)|been (?:sent|shipped|dispatched)(?: out)?)",
        r"(?:the|this|your) wait",
        negation=False,
    ),
    rules(_GENERIC, r"(?:the|this|your) (?:trouble|inconvenience)", negation=False),
    rules(
        _ON_TIME,
        r"(?:bang |right |all |still |currently )?on (?:schedule|track|time)",
        r"running (?:to plan|on time|to schedule)",
        r"(?:proceeding|progressing|going|running) (?:as planned|normally|as expected|to plan)",
        r"as planned",
        r"no (?:delays?|hold-ups?|holdups?|problems with (?:it|the delivery))",
        r"nothing (?:to worry about|wrong with it)",
        r"no need to worry",
        negation=False,
    ),
    # Escalations that name the delivery itself: they stand in any answer.
    rules(
        _ESCALATED,
        r"(?:opened|open|raised|put|put in|started|lodged|logged) (?:a|an) (?:trace|investigation"
        r"|enquiry|inquiry|claim|complaint)",
        r"put a trace on",
        # (voice10c) The carrier named: "I have asked DHL to investigate".
        r"asked (?:the )?(?:courier|carrier|[\w-]+) to (?:investigate|trace|look into (?:it|this"
        r"|the (?:parcel|shipment|delivery)))",
        r"(?:chased|chasing|chase) (?:it |this |the )?(?:up )?(?:with )?(?:the )?(?:courier"
        r"|carrier)",
        r"chase it up",
        r"(?:emailed|contacted|called|asked|raised (?:it |this )?with|raised w/) (?:the )?"
        r"(?:courier|carrier)",
        r"(?:opened|raised) (?:a|an) (?:case|ticket|priority ticket|query)",
        r"ticket raised|case opened",
        negation=False,
    ),
    # Hand-offs: escalations where the answer speaks of the delay.
    rules(
        _HANDOFF,
        r"(?:i've|ive|i have|i'm|i am|we've|we have) (?:escalat\w+|flagged|forwarded|notified"
        r"|passed|submitted|raised)",
        rf"raised (?:it|this) with (?:our|the|a) (?:\w+ )?{_PERSON}",
        r"escalat\w+",
        r"(?:flagged|forwarded|passed|handed|passing|handing|escalated) (?:it |this |your case "
        r"|the matter |this over |it over |it on |this on )?(?:on )?to",
        r"(?:hand|pass|transfer|put) (?:you|this|it) (?:over |on |through )?to",
        # (voice10b) A desk's hand-off in the passive: "warehouse team is informed to do the
        # needful", "the concerned team has been informed".
        rf"{_PERSON} (?:is|are|has been|have been|was|were) (?:already )?(?:informed|notified"
        r"|intimated|alerted)\b",
        r"(?:handing|passing|passed|handed) to",
        r"flagged (?:it |this )?(?:for|with)",
        rf"(?:a|one of (?:my|our)|our|my|the) (?:\w+ )?{_PERSON}"
        r"(?: in| from| at)?(?: \w+){0,3}? (?:will|'ll|who will|who'll|to) (?:call|ring|contact"
        r"|email|e-mail|text|txt|reach out|get back|be in touch|follow up|look into|update"
        r"|investigate|chase|review|give you a ring|sort)",
        rf"(?:someone|somebody) (?:from|in|on) (?:our |the )?(?:\w+ ){{0,2}}(?:{_PERSON}|services)",
        r"(?:colleague|they) (?:will|'ll) (?:call|ring|txt|text|email)",
        # (voice10) Someone asked to look into it: "I've asked DHL to investigate", "asked the
        # depot to look into it".
        r"(?:asked|requested|told|got) (?:[\w-]+ ){1,3}to (?:investigate|look into|trace|chase"
        r"|find out)",
        negation=False,
    ),
)
#: An apology word; `_NOT_ABOUT_LATENESS` removes those about something else.
#: (voice10b) "We regret the delay", "we regret to inform": a desk's formal apology.
_APOLOGY = compile_pattern(
    r"\b(?:sorry|apologi[sz]e[sd]?|apologies|apology|soz|sry|regret|regrets|regretted)\b"
)
_NOT_ABOUT_LATENESS = compile_pattern(
    r"\b(?:sorry|apologi[sz]e|apologies|sry|soz)\b[^.!?\n]{0,25}?"
    r"(?:delay (?:in|getting|with) (?:respond|repl|getting|get|my)|slow (?:reply|response)"
    r"|for (?:the )?wait(?:ing)? (?:for (?:my|a) (?:reply|response))|to hear)"
)
#: (dress10) The chat's own wait, apologised for as the answer opens, in a sentence of its own:
#: "Sorry for the wait!", "Apologies for keeping you waiting." Said after the answer has told
#: of a late parcel ("… past its expected date. I'm sorry for the wait!") it is about lateness.
_CHAT_WAIT = compile_pattern(
    r"\W*(?:(?:i'm |i am |so |really )*sorry|apologies|sry|soz) (?:for|about|to) (?:the |your )?"
    r"(?:wait|hold|keep(?:ing)? you (?:waiting|on hold))(?=\s*(?:[.!;\n]|$))"
)


def _apologises(doc: Document) -> bool:
    """An apology in the answer that is not about something other than lateness."""
    text = doc.masked
    found = [m.start() for m in _APOLOGY.finditer(text)]
    if not found:
        return False
    other = {m.start() for m in _NOT_ABOUT_LATENESS.finditer(text)}
    if _chat_wait_end(doc):
        other.add(found[0])
    return any(start not in other for start in found)


def _chat_wait_end(doc: Document) -> int:
    """Where the answer's opening apology for the chat's own wait ends (`_CHAT_WAIT`), else 0."""
    opening = _CHAT_WAIT.match(doc.masked)
    return 0 if opening is None else opening.end()


def _not_about_reply(doc: Document, hit: Hit) -> bool:
    """ "The delay in responding" is about the reply, not the order."""
    tail = doc.masked[hit.end : hit.end + 20]
    return not (
        doc.masked[hit.start : hit.end].startswith("delay")
        and re.match(r" (?:in|getting|with) (?:respond|repl|getting back|get back|my)", tail)
    )


@EXTRACTORS.register(ClaimKind.DELAY)
def extract_delay(doc: Document) -> list[Claim]:
    if not doc.order_context:
        return []  # "sorry for the trouble" about a kettle is no word on a delivery
    table = (_TABLE, doc.context.vocabulary.rules_for(ClaimKind.DELAY))
    chat_wait = _chat_wait_end(doc)
    hits = [h for h in scan(doc, *table) if _not_about_reply(doc, h) and h.start >= chat_wait]
    if not hits:
        return []
    sorry = _apologises(doc)
    late = [h for h in hits if h.value == _ACK or (sorry and h.value == _SOFT)]
    if late:
        late.extend(h for h in hits if sorry and h.value == _GENERIC)
        late.sort(key=lambda h: h.start)
    if sorry and late:
        late = [h._replace(value=Delay.APOLOGISED.value) for h in late]
    about_delay = bool(late)
    kept = [
        *late,
        *(h for h in hits if h.value in (_ON_TIME, _ESCALATED)),
        *(h._replace(value=_ESCALATED) for h in hits if h.value == _HANDOFF and about_delay),
    ]
    return claims_of(doc, ClaimKind.DELAY, sorted(kept, key=lambda h: h.start))
