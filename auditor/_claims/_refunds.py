"""Refunds: their state (issued, pending, none) and the amount refunded.

"Has been issued/processed/sent", "is on its way" and "is back on your card" are issued (the
money has left the shop); "is being processed", "will be refunded", "once we receive it" and
"approved" are pending; "no refund", "not eligible" and "won't be refunded" are none. An
amount is a refund amount only in a clause about a refund.
"""

from __future__ import annotations

import re

from auditor._claims import _status_codes
from auditor._claims._compiled import compile_pattern
from auditor._claims._dispatch import RuleSet
from auditor._claims._document import Document
from auditor._claims._lexicon import (
    APPROVED,
    APPROVING,
    CANNOT,
    MONEY_DESK,
    REFUND,
    REFUND_NOUN,
    STARTING,
    TEAM,
    WALLET,
    WITH_CHAT,
    forms,
    past,
)
from auditor._claims._model import Claim, ClaimKind
from auditor._claims._negation import has_yet, hedged, negated
from auditor._claims._numbers import MONEY, parse_amount
from auditor._claims._registry import EXTRACTORS
from auditor._claims._resolve import claims_of, resolve
from auditor._claims._returns import column_header, refunded_is_return_status, table_row
from auditor._claims._rules import rules
from auditor._claims._scan import Hit, scan, silent
from auditor._claims._steps import DONE, Step, step_at, steps
from auditor._claims._tables import header, lead, row_start, step_not_done
from auditor._claims._text import Clause, Segment

_ISSUED = "issued"
_PENDING = "pending"
_NONE = "none"
#: Money said to land in the customer's wallet, before what landed is checked (`_landed`).
_LANDED = "landed"
#: Money said to have reached the wallet: issued when past, unread when still to come.
_ARRIVED = "arrived"
_MODAL = compile_pattern(r"\b(?:will|'ll|should|shd|may|might|could|can|would|going to|expect)\b")
#: A refund by any of its names ("rfnd", "store credit"; `_lexicon.REFUND`), and with "'s"
#: as one word ("refund's"), so that the dispatch files each under its whole first word.
_REFUND = REFUND
_REFUND_S = r"(?:refund|rfnd|refnd|reimbursement|store credit|credit)'s"
#: Words between "refund" and its verb ("refund of €3 for the missing lid"), never a verb nor
#: a state ("Refund: €3, pending (not issued yet)" is pending, not a denied "issued").
_FILL = (
    r"(?:\s+(?!(?:is|are|be|been|being|will|would|should|shall|can|could|may|might|has|have"
    r"|had|was|were|hasn't|haven't|wasn't|isn't|won't|not|and|but|once|when|if|pending)(?!\w))"
    r"(?:\S*[^\s,;]|[\d€$£]\S*)){0,8}?"
)
_HAS_BEEN = (
    r"(?:has been|have been|was|is|'s been|been|has|had|hasn't been|has not been|haven't been"
    r"|wasn't|was not|isn't|is not|not|(?:may|might|should|must|could)(?: already)? have been)"
)
#: Where refunded money lands: "back on your card", "to the account you paid with".
_WALLET = WALLET
#: Money said by its amount or as money ("£27 went back this morning", "the money's …").
_MONEY = (
    r"(?:money|funds|amount|cash|(?:€|\$|£)\s?\d[\d.,]*|(?:eur|usd|gbp) ?\d[\d.,]*"
    r"|\d[\d.,]* ?(?:eur|usd|gbp|quid|bucks|pounds?|dollars?|euros?))"
)
#: An amount in a "label: value" line ("Refund: €20.49, pending").
_AMOUNT = r"(?:(?:€|\$|£) ?\d[\d.,]*|\d[\d.,]*(?: ?(?:eur|usd|gbp))?)"
#: A refund's label: "Refund", "Refund status", "Refund for RMA-1".
_LABEL = rf"{REFUND}(?: status)?(?: (?:for|on) xx+)?\W{{1,8}}"
_DONE = (
    r"(?:issued|processed|procesed|sent|paid(?: out)?|completed|made|credited|released|posted"
    r"|added|transferred|sorted|actioned|applied|put through|put thru|remitted|disbursed)"
)
#: Money being sent the customer's way: past forms are issued, others still to come.
_PAYING = (
    "pay", "credit", "send", "put", "transfer", "refund", "return", "post", "pop", "give",
    "deposit", "release", "apply",
)  # fmt: skip
#: An auxiliary with its negation and adverbs: "has not yet been", "'s been", "was already".
_AUX = (
    r"(?:(?:has|have|had|'s|was|were|is|are|hasn't|haven't|hadn't|wasn't|weren't|isn't|aren't)"
    r"(?: not)?(?: yet| already| now| just| all)?(?: been)?|been|not)"
)
#: Where the money is now: "back on your card", "back 2 ur acct".
_BACK_ON = rf"back (?:on|to|into|onto|in|2) {WALLET}"
#: A future or a plan before a phrase: "we will credit $15 back", "we'll be putting it through".
_FUTURE = compile_pattern(
    r"\b(?:will|'ll|shall|going to|gonna|about to|plan to|need to"
    # What the customer is told they will see: "You should see €27.40 back on your card".
    r"|should (?:see|get|receive|notice|expect))\b"
)
#: How many words before a phrase a future may stand and still govern it.
_FUTURE_REACH = 5
#: Light verbs that make "refund" the act: "do a refund", "arrange a refund".
_LIGHT = r"(?:do|make|arrange|sort|authori[sz]e|approve|put through|get you)"
#: A mark right after the word gives the state as a field would: "rfnd ❌", "Refund ✅".
_TICK = "(?:\u2705|\u2714\ufe0f?)"
_CROSS = "(?:\u274c|\u2716\ufe0f?|\U0001f6ab)"
#: An hourglass says "under way" as a tick says "done": "refund ⏳", "RMA-1 £74.99 ⏳".
_WAIT = "(?:\u23f3|\u231b)\ufe0f?"
#: A field's sign between the refund's word and its state, as chat writes one: "refund: ✗",
#: "refund = not yet", "rfnd - ⏳".
_SIGN = "(?: status)? ?[:=\u2013\u2014-] ?"
#: A sum marked by a state alone, its refund named by the answer's return (`_settle`).
_MARKED = "marked"
#: A number of days a refund takes, up to a fortnight.
_SPAN = r"(?:1[0-4]|[1-9])(?!\d)"
#: Chat's arrow for where money went: "£12.99 → ur card".
_ARROW = "(?:\u2192|->)"
_WORDS = compile_pattern(r"[\w']+")
#: A credit named as the refund ("store credit of $42", "the credit … has posted"), not the
#: verb ("credited", which says money went back).
_CREDIT = compile_pattern(r"\bcredit\b(?!\s+cards?\b)")
_ALREADY = compile_pattern(r"\balready\b")
_MONEY_WORDS = compile_pattern(r"\b(?:money|funds|cash|amount|\d[\d.,]* ?(?:quid|bucks))\b")
_PRONOUN = compile_pattern(r"\b(?:it|it's|its|that|that's|thats)\b")
#: What a customer was charged, which a reversal gives back.
_CHARGE = r"(?:charge|payment|transaction)s?"
_GOODWILL = compile_pattern(
    r"\b(?:goodwill|gesture|as a thank|a (?:little |small )?thank-you|to say sorry|as an apology"
    r"|by way of (?:an )?apology|on the house)\b"
)

_TABLE = RuleSet.of(
    _status_codes.REFUND_PENDING,
    _status_codes.REFUND_ISSUED,
    rules(
        _ISSUED,
        rf"{_REFUND}{_FILL} {_HAS_BEEN}(?: now| yet| already)?(?: been)? {_DONE}",
        rf"{_REFUND}{_FILL} (?:went|has gone|was sent) (?:out|back|through)",
        rf"{past(*_PAYING)} (?:back )?(?:you |u )?(?:the |your |ur )?{_MONEY}(?: \w+){{0,6}}?"
        rf" {_BACK_ON}",
        # On its way: "is going back to your card now", "has already gone through".
        rf"{_REFUND}{_FILL} (?:is|'s|are) (?:now )?(?:going|heading) back",
        rf"(?:{_REFUND_S}|{_REFUND}{_FILL}(?: has| have)?) (?:now |just |already |all |finally )?"
        r"(?:gone|went|been sent) (?:out|back|through|thru)",
        # Given in any form: "we've given you a partial refund", "issued store credit of $42".
        rf"{past('give')} (?:you |u )?(?:a |the |your |ur )?(?:full |partial )?{_REFUND}",
        r"(?:we've|we have|i've|i have|we|i)(?: just| already| now)? (?:issued|processed|sent"
        rf"|paid|made|completed|added) (?:a |the |your |ur |you )?(?:full |partial )?{_REFUND}",
        rf"(?:{_REFUND_S}|{_REFUND}(?: has| have)?)(?: not)?(?: now| just| already| all)?"
        r" (?:gone|went|go)"
        r" (?:out|back|through|thru)",
        rf"(?:{_REFUND_S}(?: been)?|{_REFUND}(?: is| has been))(?: now| all)? (?:sorted|done"
        r"|complete|completed"
        r"|been paid|paid|issued|sent|put through|put thru|processed|credited|released)",
        rf"{_MONEY}\)?{_FILL}(?:'s| is| are| has| have| was| were)?(?: now| just| already"
        r"| all)? (?:gone|went|been sent|sent|been put|put|on (?:its|it's|the|their) way) back",
        rf"{_MONEY}{_FILL}(?:'s| is| are) on (?:its|it's|the|their) way (?:to you|back)",
        # Store credit there to spend: "your store credit … is ready to use", "… is now on
        # your account".
        rf"(?:store|account) credit{_FILL}(?:'s| is| has been)(?: now| already)? (?:ready to"
        r" (?:use|spend|be used|be spent)|(?:on|in|added to) (?:your|ur) account)",
        # Sent without "back", in the passive (what the customer paid is no subject of it):
        # "The money was sent yesterday", "$22.00 has been released to your card".
        rf"{_MONEY}{_FILL}(?: was| were| has been| have been|'s been)(?: now| just| already)?"
        r" (?:sent|released|transferred)(?! (?:to|by) (?:us|the shop|our)\b)",
        rf"(?:put|sent|paid|credited) (?:the |your )?{_MONEY}(?: \w+){{0,6}}? back (?:on|to|into)"
        rf" {_WALLET}",
        rf"{_MONEY} back (?:on|to|into|in) {_WALLET}",
        rf"(?:i've|i have|we've|we have)(?: just)? put (?:it|that|the {REFUND_NOUN}) through",
        # The money back to the customer: "we've sent £15 back to you", "£30 refunded to your
        # PayPal" (a return's "refunded" alone stays the return's state).
        rf"(?:sent|paid|put|transferred|returned|given) (?:the |your )?{_MONEY} back to (?:you|u)",
        rf"refunded (?:back )?(?:to|into|onto|on) {_WALLET}",
        rf"{_REFUND}{_FILL} (?:is|'s) (?:now |already )?on (?:its|it's|the|their) way",
        rf"{_REFUND_S} on (?:its|it's|the|their) way",
        rf"(?:{_REFUND_S}|{_REFUND}{_FILL}(?:'s| is)?) on (?:its |it's |the |their )?way",
        rf"{_REFUND}(?: status)?\W{{1,8}}(?:issued|completed?|paid|sent|done)(?!\w)",
        rf"{_LABEL}{_AMOUNT}\W{{1,3}}(?:issued|completed?|paid|sent|processed)",
        rf"{_REFUND}{_FILL} {_DONE}",
        rf"{_REFUND}{_FILL} (?:is|'s|was|has been) (?:now )?(?:complete|completed|done"
        r"|finali[sz]ed)",
        rf"{_REFUND}{_FILL} (?:won't|will not|wont) be {_DONE}",
        r"(?:we've|we have|we|i've|i have|i)(?: gone ahead and| just| already| now)?"
        r" (?:refunded|reimbursed|credited)",
        r"you(?:'ve| have)? been (?:refunded|reimbursed|credited)",
        r"(?:we've|we have|i've|i have|we|i)(?: just| already| now)? (?:issued|processed|sent|paid"
        rf"|made|completed) (?:a|the|your)(?: full| partial)? {REFUND_NOUN}",
        # A second verb of the same subject, or chat's subject without its apostrophe: "we've
        # cancelled it and issued a full refund", "ive processed a full refund".
        r"(?:and|ive|weve|iv|i ve|we ve)(?: just| already| now| also)? (?:issued|processed"
        r"|sent|paid|made|completed|actioned|put through|released) (?:you |u )?(?:a|the|your|ur)"
        rf"(?: full| partial)? {_REFUND}",
        r"(?:'s|is|has been|was|went|has gone|are) back (?:on|to|in|into) your",
        r"refunded",
        # Done in other words: "refund done", "went thru", "Accounts have processed your refund".
        rf"(?:{_REFUND_S}|{_REFUND}(?: status)?(?: is| has been)?)(?: now| all)? (?:done|actioned"
        r"|through|thru)",
        rf"(?:{_REFUND_S}(?: been)?|{_REFUND}(?: {_AMOUNT})?) (?:{_AUX} )?(?:done|actioned)",
        rf"{_REFUND}{_FILL} (?:went|has gone|gone) thru",
        r"(?:have|has|'ve)(?: now| just| already)? (?:issued|processed|sent|paid|actioned"
        rf"|released|completed|put through) (?:a|the|your|ur)(?: full| partial)? {REFUND_NOUN}",
        rf"{_MONEY}{_FILL}(?:'s| is| are| has| have| was| were)?(?: now| just| already| all)?"
        r" (?:been )?(?:credited|paid|returned|refunded|transferred) back",
        rf"(?:popped|returned|transferred|moved|refunded) (?:the |your )?{_MONEY}(?: \w+){{0,6}}?"
        rf" (?:back )?(?:on|to|into|onto) {_WALLET}",
        # A charge taken back is money returned: "the charge of $64.50 has been reversed",
        # "I've reversed the duplicate charge".
        rf"{_CHARGE}{_FILL} {_HAS_BEEN}(?: now| just| already)? (?:reversed|voided|cancelled"
        r"|canceled|refunded)",
        rf"(?:reversed|voided|refunded) (?:the |that |your |ur |this )?(?:[\w-]+ )?{_CHARGE}",
        # An amount given as the refund: "issued £15 in store credit", "sent $20 as a refund".
        rf"(?:issued|sent|paid|added|given you|put) {_MONEY} (?:in|of|as) (?:a |the )?"
        rf"(?:full |partial )?{_REFUND}",
        # Money back said as a sum: "that's £7.50 back to you".
        rf"{_MONEY} back (?:to|with) (?:you|u)\b",
        # The refund's second verb: "the refund came to £40 … and was paid today".
        rf"{_REFUND}(?:[^.;!?\n]|\.(?=\d)){{1,60}}?,? (?:and|which|that) (?:has |have )?"
        rf"(?:been |was |were |is )(?:now |just |already )?{_DONE}",
        # Done, or sent again: "I've just done the refund", "we've reissued it" (filed under the
        # verb, not under "I" and "we", which every answer says).
        rf"(?:done|sorted|actioned) (?:the|your|a|ur)(?: full| partial)? {_REFUND}",
        r"(?:resent|re-sent|reissued|re-issued|resubmitted|re-submitted) (?:it|the payment"
        rf"|(?:the|your) {REFUND_NOUN})",
        # Handed to the bank: "your refund has been submitted to your bank".
        rf"{_REFUND}{_FILL} {_HAS_BEEN}(?: now| just| already)? (?:submitted|released|sent)"
        rf" to {_WALLET}",
        # Already back with the customer: "the money should already be back with you".
        rf"{_MONEY}{_FILL} (?:\w+ )?already (?:be |been )?back (?:with|to) (?:you|u)",
        # The customer has had the money back: "u got €12 back for the missing cable".
        # (Led by the verb, so that it is filed under it: "u" files nothing.)
        rf"(?:got|had|received|recieved) (?:the |your |ur )?(?:full )?{_MONEY} back",
        # Credit sitting on the account, said as where it is now: "store credit of €40 on ur
        # account, …" (a credit is the refund only in an answer about a return: `_settle`).
        rf"(?:store credit|credit){_FILL} (?:is |'s |has been )?(?:now )?(?:available |ready )?"
        rf"(?:on|in) {_WALLET}"
        r"(?=\s*(?:[,.;!\n]|$|now\b|for\b))",
        # Shown as done: "is showing as completed", "marked as paid on our side".
        rf"{_REFUND}{_FILL} (?:is |'s |are )?(?:now )?(?:showing|shown|marked|listed|flagged)"
        r" as (?:complete|completed|paid|issued|sent|processed|refunded|done)",
        # The money has left the shop: "refund left us this morning".
        rf"{_REFUND}{_FILL} (?:has |have |'s )?(?:now |just |already )?left"
        r" (?:us|our (?:end|side|system|account|bank))",
        rf"{_REFUND} ?{_TICK}",
        # A mark after the refund's id, as chat ticks a line: "rfnd for RMA-611 ✅".
        rf"{_REFUND} (?:for|on) xx+ ?{_TICK}",
        # Approved and paid in one breath: the later step is the state ("refnd ok'd n sent").
        rf"{_REFUND}{_FILL} (?:{_AUX} )?(?:{APPROVED[3:-1]}|agreed)"
        rf" (?:and|&) (?:{_AUX} )?{_DONE}",
        # Paid back, the money after the particle: "pd back £8.50 this am", "paid u back the
        # £14" (a future before it makes it still to come: `_promised`).
        rf"{past(*_PAYING)} (?:you |u )?back (?:the |your |ur )?(?:full )?{_MONEY}",
        # A chat line closed by its state: "$6 refund for ORD-1 done", "refund → ur card, done".
        rf"{REFUND_NOUN}(?:(?!\b(?:will|'ll|shd|should|be|once|when|if|after|til|until)"
        r"\b)(?:[^.;!?\n]|\.(?=\d))){0,60}?,? (?:all |now |already )?(?:done|sorted)"
        r"(?=\s*(?:[.!\n]|$))",
        # The refund as a pronoun in its sentence (`_settle`): "the refund should be with you by
        # Monday, we sent it on Tuesday".
        r"(?:we've|we have|we|i've|i have|i|they've|they) (?:already |just )?(?:sent|paid"
        r"|issued|processed|released|actioned) (?:it|that)(?! to (?:the|our)\b)",
        negated=_NONE,
        negated_yet=_PENDING,
    ),
    rules(_NONE, rf"{_REFUND} ?{_CROSS}", rf"{_REFUND} (?:for|on) xx+ ?{_CROSS}", negation=False),
    # (sms8) A state told by a mark across a field's sign, and an hourglass wherever a tick
    # may stand: "refund: ✗", "refund = ✅", "rfnd ⏳ RMA-1", "refund for ORD-1 ⏳".
    rules(_ISSUED, rf"{_REFUND}{_SIGN}(?:{_AMOUNT} ?)?{_TICK}", negation=False),
    rules(_NONE, rf"{_REFUND}{_SIGN}(?:{_AMOUNT} ?)?{_CROSS}", negation=False),
    rules(
        _PENDING,
        rf"{_REFUND}(?:{_SIGN}(?:{_AMOUNT} ?)?| ?){_WAIT}",
        rf"{_REFUND} (?:for|on) xx+ ?{_WAIT}",
        negation=False,
    ),
    # (sms8) A sum marked by a state alone in an answer about a return: "RMA-1 £40 ✅".
    rules(_MARKED, rf"{_MONEY} ?(?:{_TICK}|{_WAIT})", negation=False),
    # (sms8) Waiting, with the verb left out: "refund not yet, waiting on the item", "refund =
    # not yet", "refund: awaiting item", "rfnd held", and the next step ("refund next", "then
    # rfnd", "refund will be after that").
    rules(
        _PENDING,
        rf"{_REFUND}(?:{_SIGN}| )(?:still )?not yet\b",
        rf"{_REFUND}{_SIGN}(?:awaiting|waiting|held|to come|tbc|on hold)\b",
        rf"{_REFUND}{_FILL} (?:is |'s |being |been |now )?held\b"
        r"(?! (?:up )?(?:by|at|in) (?:the |our )?(?:bank|card))",
        rf"{_REFUND} next(?=\s*(?:[.,;!?\n]|$))",
        rf"then (?:the |a |ur |your )?(?:full )?{_REFUND}(?=\s*(?:[.,;!?\n]|$))",
        rf"{_REFUND}{_FILL} (?:will|'ll|should|shd) (?:be |come |happen )(?:after|once|when)\b",
        negation=False,
    ),
    # (sms8) Still to come, told by a span, a contraction or "gonna": "refund in 3-5 biz days",
    # "rfnd 3-5d", "money back in 5 days", "refund'll be done once …", "refund's gonna take a
    # wk", "refund's been kicked off".
    rules(
        _PENDING,
        # (A span of days the money takes, up to a fortnight: not a policy's window, "a
        # refund within 30 days of purchase", nor a time past, "refund 12 days ago".)
        rf"{_REFUND}(?: (?:in|within|w/in))? {_SPAN}(?: ?[-\u2013] ?{_SPAN})? ?(?:d|days?"
        r"|(?:biz|business|working|wrk) ?(?:days?|d)|wd|hrs?|hours)\b(?! (?:ago|of|after|from"
        r"|since)\b)",
        rf"{_MONEY} back (?:in|within|w/in) (?:the next )?\d",
        rf"{_REFUND}'ll\b",
        rf"(?:{_REFUND_S}|{_REFUND}(?: is)?) (?:gonna|going to) (?:take|be|go|come|land|show)\b",
        rf"{_REFUND_S} (?:been |just been |now been )?{past(*STARTING)}",
    ),
    # (sms8) A refund said to be a no: "refund - no, item was used", "refund is a no sorry",
    # "refund: nope".
    rules(
        _NONE,
        rf"{_REFUND}(?:{_SIGN}|(?: is|'s) a )(?:no|nope|nah)"
        r"(?=\s*(?:[,.;!)\n]|$|sorry|sry|soz|i'm afraid|im afraid|unfortunately))",
        negation=False,
    ),
    # (sms8) Coming the customer's way is on its way; due when an event comes ("refund when it
    # lands").
    rules(_ISSUED, rf"{_REFUND}{_FILL} (?:is |'s )?(?:now )?coming (?:your|ur) way"),
    rules(_PENDING, rf"{_REFUND} when (?:it|it's|its|we|they|the \w+|ur \w+|your \w+)\b"),
    # (sms8) Not yet left, and the pronoun after a refund said or asked about: "refund hasnt
    # left us yet", "refund? that's gone thru" (`_settle` wants the refund in reach).
    rules(
        _PENDING,
        rf"{_REFUND}{_FILL} (?:hasn't|has not|hasnt|haven't|have not|havent|not)(?: yet)? left"
        r" (?:us|our (?:end|side|system|account|bank))",
        negation=False,
    ),
    rules(
        _ISSUED,
        r"(?:it's|its|that's|thats)(?: now| just| already| all)? (?:gone|been)"
        r" (?:through|thru|out|back)\b",
    ),
    # (sms8) A future the refund waits on an event for, whatever its verb: "refund will land
    # once it's inspected", "refund'll show after QC".
    rules(
        _PENDING,
        rf"{_REFUND}{_FILL} (?:will|'ll|should|shd|should only|will only)(?: \w+){{1,2}}?"
        r" (?:once|after|when|as soon as|following)\b",
    ),
    # (sms8) A charge taken back, chat's auxiliary left out: "charge reversed ✓", "payment
    # voided yday".
    rules(
        _ISSUED,
        rf"{_CHARGE} (?:now |just |already |all )?(?:reversed|voided)\b(?! (?:if|once|when|by)\b)",
    ),
    # (sms9) The state said with its verb alone or its object left out, as chat closes a
    # line: "refund's gone, £12.50 to ur visa", "the money's back w u already", "money's left
    # us", "we've sent £7.50 back 4 the pop grip", "refund's prob already in ur acct".
    rules(
        _ISSUED,
        rf"(?:{_REFUND_S}|{_REFUND}{_FILL} has) (?:now |just |already |all )?gone"
        r"(?=\s*(?:[,.;!\n]|$))",
        rf"{_MONEY}(?:'s| is| was| has been| are)?(?: all| now| already| just)? back (?:with|to)"
        r" (?:you|u)\b",
        rf"{_MONEY}(?:'s| has| have)?(?: now| just| already)? left (?:us|our (?:end|side|system"
        r"|account|bank))",
        rf"{past(*_PAYING)} (?:the |your |ur )?(?:full )?{_MONEY} back\b",
    ),
    rules(_LANDED, rf"already (?:back )?(?:in|on) {WALLET}", rf"(?:'s|is) (?:now )?in {WALLET}"),
    # (sms9) Still to come, in chat's idioms: "refund's in the pipeline", "refund ready to go,
    # just needs sign off", "refund for RMA-1 not till it's inspected", "we owe u £5",
    # "refunding it now".
    rules(
        _PENDING,
        rf"(?:{_REFUND_S}|{_REFUND}{_FILL} (?:is|are)) (?:now |still )?in the (?:pipeline|works"
        r"|system|queue)",
        rf"{_REFUND}{_FILL} (?:is |'s )?(?:ready to go|ready|all set|good to go|set up)"
        r"(?=\s*(?:[,.;!\n]|$|just|but|needs|waiting))",
        rf"{_REFUND}{_FILL} (?:needs|just needs|still needs|waiting for|awaiting) (?:a |the )?"
        r"(?:sign[- ]?off|approval|authori[sz]ation|ok)\b",
        rf"{_REFUND}{_FILL} not (?:until|till|til|'til|before)\b",
        rf"(?:owe|owes) (?:you|u) (?:the |your |ur |a )?{_MONEY}",
        negation=False,
    ),
    rules(_PENDING, r"refunding (?:it|you|u|that|this|the \w+)"),
    # (sms9) Money with whoever pays it out, said of a pronoun after the refund: "it's with the
    # refunds team now" (`_settle` wants the refund in reach).
    rules(
        _PENDING,
        rf"(?:it's|it is|its|that's|that is) (?:now |currently |still )?{WITH_CHAT} (?:the |our )?"
        rf"{MONEY_DESK} (?:team|department|dept|desk|people|lot)\b",
        # (Naming the refund itself, it needs no pronoun's reach: a line wrapped after "it's"
        # keeps it.)
        rf"{WITH_CHAT} (?:the |our )?refunds? (?:team|department|dept|desk|people|lot)\b",
    ),
    # (sms9) A sum sent to where the customer keeps money, its verb left out: "RMA-1 has been
    # refunded, £18.99 to your PayPal" (a future before it makes it still to come); not what
    # was charged to it.
    rules(_ISSUED, rf"{_MONEY} (?:back )?(?:to|into|onto|2) {WALLET}\b"),
    rules(
        None,
        rf"(?:charged|billed|debited|paid|took|taken|spent|cost|costs|costing) (?:you |u )?"
        rf"{_MONEY} (?:to|on|from|into|onto|2) {WALLET}\b",
        # A credit or a discount put on the account: a gift, not money back (`_credit_refunds`).
        rf"(?:discount|credit|voucher|coupon|gesture|allowance|bonus)(?: \w+)? of {_MONEY}"
        rf" (?:to|into|onto|on) {WALLET}\b",
    ),
    # (sms9) Refunds of several returns under way together: "RMA-1 + RMA-2 both recvd, rfnds
    # going thru" (the progressive only: "refunds go through in 5 days" is the policy).
    rules(
        _PENDING,
        r"(?:refunds|rfnds|refnds)(?: are| r)?(?: both| all)?(?: now| still)? (?:going through"
        r"|going thru|being processed|in progress|under way|underway)\b",
    ),
    # (voice10b) A desk's words of a refund still to come or refused: "refund … is under
    # process", "is not initiated yet", "yet to be initiated"; "refund is not applicable".
    rules(
        _PENDING,
        rf"{_REFUND}{_FILL} (?:is |are )?(?:still )?(?:under process|under processing"
        r"|in process)\b",
        rf"{_REFUND}{_FILL} (?:is |are |has |'s )?(?:still )?(?:not (?:yet )?(?:been )?initiated"
        r"|yet to be (?:initiated|processed|credited))\b",
        negation=False,
    ),
    rules(
        _NONE,
        rf"{_REFUND}{_FILL} (?:is |are |'s )?not applicable\b",
        negation=False,
    ),
    # (sms9) Refused without a refusal's usual verb: "refund wont happen", "not refunding that
    # one", "we're not refunding it" (a condition after it makes it still to come: `_settle`).
    rules(
        _NONE,
        rf"{_REFUND}{_FILL} (?:won't|will not|wont|isn't going to|is not going to|not gonna"
        r"|aint gonna|ain't gonna) happen\b",
        r"(?:not|we're not|we are not|we aren't|we arent|won't be|wont be) refunding\b",
        negation=False,
    ),
    # (sms8) Money back without the word refund: "gave u £12 back", "paid u back in full",
    # "£9 back for the missing cable, done", "£12.99 → ur card".
    rules(
        _ISSUED,
        rf"{past(*_PAYING)} (?:you|u) (?:the |your |ur )?(?:full )?{_MONEY} back\b",
        rf"{past(*_PAYING)} (?:you |u )?back in full\b",
        rf"{_MONEY} back(?:(?!\b(?:will|'ll|shd|should|be|once|when|if|after|til|until|as soon"
        r"|soon as|before|b4)\b)(?:[^.;!?\n]|\.(?=\d))){0,60}?,? (?:all |now |already )?"
        r"(?:done|sorted)"
        r"(?=\s*(?:[.!\n]|$))",
        rf"(?:{_MONEY}|\d+\.\d\d|{_REFUND}) ?{_ARROW} ?{WALLET}\b",
    ),
    rules(
        _PENDING,
        # Still to come, told by when and no verb: "refund tmrw", "Refund to follow".
        rf"{_REFUND}(?: (?:for|on|of) (?:the |your |ur )?\S+)?(?: |{_SIGN})(?:to follow|to come"
        r"|tmrw|tmr|tomoz|2moro|tomorrow|next week"
        r"|(?:on )?(?:mon|tues|wednes|thurs|fri)day)(?!\w)(?! (?:was|were|it was)\b)",
        # Still to be done, as the infinitive says: "expect the refund to be actioned".
        rf"{_REFUND}{_FILL} to be {_DONE}",
        # (markdown9) Or with a modal before its "be": "the refund … might still be pending".
        rf"{_REFUND}{_FILL} (?:is|'s|are|(?:may|might|could|should|would|must)(?: still)? be)"
        r" (?:still |currently |now )?(?:pending|being processed"
        r"|on hold|in progress|being issued|under way|underway|awaiting approval)",
        rf"{_LABEL}(?:{_AMOUNT}\W{{1,3}})?(?:pending|processing|in progress|on hold|queued"
        r"|to follow)(?!\w)",
        rf"pending {REFUND_NOUN}|awaiting (?:a |your |the )?{REFUND_NOUN}",
        rf"{_REFUND}{_FILL} (?:will|'ll|should|is going to|is due to) be"
        r" (?:issued|processed|sent|paid(?: out)?|made|credited|released)",
        rf"{_REFUND}{_FILL} ?(?:will|'ll|should|shd|is going to|is due to)(?: then| now| soon)?"
        r" (?:follow|come through|be on its way|go out|go through|go back|come back"
        r"|go thru|come thru|be done|be sorted)",
        # Told in the present as what comes next: "then the refund goes out".
        rf"{_REFUND}{_FILL} (?:goes|comes) (?:out|back|through|thru)",
        # (agent7) "the refund's going out tonight".
        rf"{_REFUND}{_FILL} ?(?:is |'s )?going out (?:tonight|today|tomorrow|later|next|on|in|this"
        r"|with)\b",
        rf"{_REFUND}{_FILL} (?:will|'ll|should|is going to|is due to) (?:then|now|soon|also)"
        r" be (?:issued|processed|sent|paid(?: out)?|made|credited|released)",
        # Set for a day in chat, its verb left out: "refund due 2moro", "rfnd booked for fri"
        # (not "due to" a reason).
        rf"{_REFUND}{_FILL} (?:is |'s |has been |was )?(?:now )?(?:due|booked(?: in)?|scheduled"
        r"|lined up)(?!\w)(?! to (?!(?:you|u)\b))",
        # Money back by a time or an event still to come: "£42 back by wed", "money back as
        # soon as QC passes it", "the £14 back once it's here".
        rf"{_MONEY} back (?:(?:to|2) (?:you|u) )?(?:by|within|w/in|once|as soon as|after|when"
        r"|tmrw|tomorrow|2moro|next)\b",
        # Told in the present as where it will go: "refund goes to ur card" after a condition.
        rf"{_REFUND}{_FILL} (?:goes|comes|will go) (?:back )?(?:to|on|onto|into|2) {WALLET}",
        # Set for later: "is scheduled to be released tomorrow".
        rf"{_REFUND}{_FILL} (?:is|'s|has been) (?:scheduled|set|due|expected|booked|queued)"
        r" (?:to be|for) (?:issued|processed|sent|paid|made|credited|released|payment|release)",
        # Waiting on someone: "your refund's still waiting on the warehouse".
        rf"(?:{_REFUND_S}|{_REFUND}{_FILL}(?: is| are)?)(?: still| currently| now)? waiting"
        r" (?:on|for)",
        # Shown as pending: "it's still showing as pending".
        r"(?:showing|shown|marked|listed|flagged|sitting) as (?:pending|processing|in progress)",
        # The next step after another: "then sort your money out", "refund after that".
        r"then (?:sort|issue|process|send|release|pay|arrange)(?: out)? (?:the|your|a|ur)"
        rf"(?: full| partial)? (?:{_REFUND}|money)",
        rf"{_REFUND} (?:after|once|following) (?:that|this|then)",
        # A charge to be taken back: "we'll reverse the charge once we get it back".
        r"(?:will|'ll|going to|shall) (?:reverse|void) (?:the |that |your |ur |this )?(?:[\w-]+ )?"
        rf"{_CHARGE}",
        rf"{_REFUND}{_FILL} (?:is |'s )?(?:still |currently |now )?processing",
        rf"(?:{_REFUND_S}|{_REFUND}){_FILL}(?: is| are)?(?: still| now| currently)?"
        r" (?:being processed|being issued|pending|in the queue|queued|going through|in progress"
        r"|in process"
        r"|on hold|under way|underway)",
        r"(?:it's|it is|its|that's|that is)(?: still| currently| now)? (?:pending|being processed"
        r"|going through|on hold|processing)",
        # Held back: "we're holding the refund until …".
        rf"{forms('hold')}(?: back)? (?:the |your |ur )?(?:full |partial )?{_REFUND}",
        rf"{_MONEY}{_FILL} (?:will|'ll|should) (?:go|be sent|be put|come) back",
        r"(?:we'll|we will|i'll|i will) (?:sort|arrange|organi[sz]e|set up|get) (?:you |u )?"
        rf"(?:a|the|your)(?: full| partial)? {REFUND_NOUN}",
        r"(?:will|'ll|we'll|we will|i'll|i will|gonna|going to) (?:refund|reimburse"
        rf"|process (?:the|your) {REFUND_NOUN}"
        rf"|issue (?:the|your|a) (?:full )?{REFUND_NOUN}|send (?:the|your) {REFUND_NOUN})",
        r"(?:will|'ll) (?:send|issue|give|arrange|process) (?:you |u )?(?:a|the|your)"
        rf"(?: full| partial)? {REFUND_NOUN}",
        # Due after something still to come: "they'll look at it and refund you after that".
        rf"{_REFUND} (?:you|it|them) (?:after|once|when|as soon as)",
        r"(?:will|'ll|shall|should) be (?:refunded|reimbursed)",
        rf"(?:will|'ll|going to) (?:pop|put|push|get|send) (?:the |your |a )?{REFUND_NOUN}"
        r" (?:through|thru|out|off)",
        r"(?:you'll|you will) (?:be refunded|be reimbursed|get (?:your )?(?:money"
        rf"|a (?:full )?{REFUND_NOUN}|refunded)|receive (?:a|your) {REFUND_NOUN})",
        # Money still to come back: "you'll get £12.50 back", "… the full amount back".
        rf"(?:you'll|you will|you should|you'd|you would|u'll|youll) (?:get|receive|have|see)"
        r" (?:the |your |ur )?"
        rf"(?:full |whole )?(?:{_MONEY}|full amount|whole amount|amount|full \w+ price) back",
        # Approval of the money, not yet the money: "inspected and approved for a refund".
        rf"(?:{APPROVED[3:-1]}|cleared) for (?:a |the |your )?(?:full |partial )?{_REFUND}",
        # Approval of the money, the refund its object: "we have approved a refund of $36.10".
        rf"{past(*APPROVING)} (?:a|the|your|ur)(?: full| partial)? {_REFUND}",
        # Owed: "you're due a partial refund of £6".
        r"(?:you're|you are|you'll be|ur|u r) (?:due|owed) (?:a |an |the |your )?"
        r"(?:full |partial )?"
        rf"{_REFUND}",
        # Still to do: "before we sort the refund".
        r"(?:before|then) (?:we|i|they) (?:sort|issue|process|send|release|pay|arrange)(?: out)?"
        rf" (?:the|your|a|ur)(?: full| partial)? {_REFUND}",
        # Under review: "your refund request is still being reviewed".
        rf"(?:{_REFUND_S}|{_REFUND}(?: request| req)?){_FILL}(?: is| are)?"
        r"(?: still| now| currently)? (?:being (?:reviewed|considered|assessed|checked)"
        r"|under review|in review|awaiting review)",
        # Money to come: "we'll pay back the £22.00", "we will credit $15.00 back".
        rf"(?:will|we'll|i'll|they'll|shall|going to|gonna)(?: be)? {forms(*_PAYING)}(?: you| u)?"
        r"(?: back)?"
        rf" (?:the |your |ur )?{_MONEY}",
        # Still to come in other words: "being sorted", "with accounts", "okayed", "not out yet".
        rf"(?:{_REFUND_S}|{_REFUND}){_FILL}(?: is| are)?(?: still| now| currently)?"
        r" (?:being (?:sorted|sorted"
        rf" out|looked at|actioned|arranged|dealt with|handled)|{WITH_CHAT} (?:the |our )?"
        rf"{MONEY_DESK}(?: {TEAM})?)",
        rf"{_REFUND}{_FILL} (?:has been |was |is |'s been |been )?(?:okayed|ok'd|signed off"
        r"|green-lit|greenlit)",
        # Due after an event still to come: "refund $89 after inspection", "refund once it's in".
        rf"{_REFUND}{_FILL}(?: ?[:\u2013\u2014-])? (?:after|following|once|as soon as)"
        r" (?:inspection|we|it|it's"
        r"|the (?!restocking|return|shipping|postage|handling|admin|deduction)\w+"
        r"|your \w+|they|our \w+|checks?|testing|assessment|\w+ed(?!\w))",
        # Told with its event left out: "refund after", "rfnd once recvd".
        rf"{_REFUND} (?:after|afterwards|later)(?=\s*(?:[.,;!?\n]|$))",
    ),
    rules(
        _PENDING,
        # One refund told in the present of what happens next ("Once it's back, the refund of
        # $64.00 goes straight to your Visa", "the money goes out once …"): not yet gone.
        # (Only with its condition in the sentence, `_conditional`: "the refund goes to the card
        # you paid with" alone is the policy.)
        rf"(?:the|your|ur) (?:{_REFUND}|money)(?: of {_MONEY})?(?: [\w-]+){{0,2}}?"
        r" (?:goes|gets sent|gets paid)\b",
        # "Hasn't gone out": the issued rules' "gone out" is not negated in this form.
        rf"{_REFUND}{_FILL} (?:hasn't|has not|haven't|have not|didn't|did not|hasnt|didnt|not)"
        r" (?:gone|go|come|gone through) (?:out|back|through|thru)",
        # Not before something still to come: "won't go through until we've got it back".
        rf"{_REFUND}{_FILL} (?:won't|will not|wont|can't|cannot) (?:(?:go|be|come) (?:out|through"
        r"|thru|back|issued|processed|sent)|happen)(?= (?:until|till|til|before|unless))",
        # Not started, started or kicked off: begun is not yet paid, and neither is not begun.
        rf"{_REFUND}{_FILL}(?: {_HAS_BEEN})?(?: yet| now| just)? {past(*STARTING)}",
        rf"{forms(*STARTING)} (?:(?:on|with) )?(?:the |your |a |ur )?(?:full |partial )?{_REFUND}",
        negation=False,
    ),
    # Money landing where the customer keeps it, led by a word the dispatch can file ("back",
    # the paying verb); what landed is checked before it (`_landed`): "$35 is back on ur
    # card", "60 quid back to the card you paid with", "the $39.99 was returned to your card".
    rules(
        _LANDED,
        _BACK_ON,
        rf"{past(*_PAYING)}(?: back)? (?:to|on|onto|into|2) {WALLET}",
        rf"(?:gone|went)(?: back)? (?:to|on|onto|into|2) {WALLET}",
        negated_yet=_PENDING,
    ),
    # Arrived where the customer keeps money, in the past only ("the refund hit your account
    # on Tuesday"); said to come, it may be either and is left unread (`_settle`).
    rules(
        _ARRIVED,
        rf"(?:hit|reached|landed (?:in|on)|arrived (?:in|on)|appeared (?:in|on)|showed up (?:in|on)"
        rf"|cleared (?:in|to|into)) {WALLET}",
    ),
    # Approved or asked for, not yet paid; and not approved yet is still to come.
    rules(
        _PENDING,
        rf"(?:{_REFUND_S}(?: been)?|{_REFUND}){_FILL} (?:{_AUX} )?(?:\w+ and )?(?:{APPROVED[3:-1]}"
        r"|initiated|requested)",
        # An agent's ticket raised for the money: "refund's raised but it's with finance" (not
        # a credit note raised, which is the money sent).
        rf"{REFUND_NOUN}(?:'s)?{_FILL}(?: is| has| was| request)?"
        r"(?: been| now| just){0,2} raised",
        negated=_PENDING,
    ),
    # The agent raising it (agent7): "I've raised the refund for the Blender", "put in a refund
    # request"; not "I haven't raised a refund".
    rules(
        _PENDING,
        rf"(?:raised|logged|lodged|put in|submitted) (?:a|the|your|ur) (?:\w+ )?{REFUND_NOUN}"
        r"\b(?! (?:form|card)s?\b)",
    ),
    rules(None, r"be refunded"),
    # Not yet let go, in an agent's words: "the refund's not been released yet".
    rules(
        _PENDING,
        rf"(?:{_REFUND_S}|{_REFUND}(?: (?:has|is|have|are))?)(?: still)? (?:not|n't|not yet)"
        r"(?: yet)?(?: been)? (?:released|actioned|signed off|authori[sz]ed)",
        negation=False,
    ),
    # A charge kept is no refund's state: "no refund on the postage, but the £27 …".
    rules(
        None,
        rf"no {_REFUND} (?:on|for|of) (?:the |your |ur )?(?:original |return )?(?:postage"
        r"|shipping|delivery(?: charge| fee)?|p&p|carriage)",
    ),
    # Qualifying for one is no state; not qualifying is none ("doesn't qualify for a refund").
    rules(None, rf"qualify for (?:a |any )?{REFUND_NOUN}", negated=_NONE),
    rules(
        _NONE,
        rf"no {_REFUND}s?",
        rf"{_LABEL}(?:none|nil|n/a)(?!\w)",
        r"(?:not|isn't|is not|isnt|aren't|arent|wasn't|wasnt|was not|weren't|won't be|wont be"
        rf"|not be|never) eligible for (?:a |any )?{REFUND_NOUN}",
        r"non-refundable",
        r"(?:not|isn't|is not|aren't|are not|isnt) refundable",
        rf"(?:won't|will not|{CANNOT[3:-1]}) (?:be )?refund(?:ed)?",
        # Not able to, in any spelling, over the verb or a light verb and the noun: "we cant
        # refund gift cards", "can't do a refund on those", "couldn't arrange a refund".
        rf"{CANNOT} (?:{_LIGHT} (?:you |u )?(?:a |any |the |your |ur )?(?:full |partial )?"
        rf"(?:{_REFUND}|money back)|refund|rfnd)(?!s)",
        # Refunds in general, refused as a policy ("we cant do refunds on sale items"); said by
        # one agent ("i can't do refunds, I've escalated it") it is their authority, no state
        # (`_own_authority`).
        rf"{CANNOT} (?:{_LIGHT} )?{REFUND_NOUN}s",
        rf"(?:won't|will not|wont|{CANNOT[3:-1]}) (?:issue|give|offer|process|provide)"
        rf" (?:you |u )?(?:a |any )?{REFUND_NOUN}",
        # (voice10) A refund said not to exist, as "no refund" is: "there hasn't been a refund
        # on RMA-1 yet" (still to come, `_settle`), "there won't be a refund for it".
        rf"there (?:hasn't|has not|hasnt|haven't|have not|isn't|is not|isnt|won't|will not|wont)"
        rf" (?:been |be )?(?:a |any )?{_REFUND}",
        # Not getting one: "won't be getting a refund", "isn't due a refund".
        r"(?:won't|will not|wont|isn't|is not|aren't|are not|not) (?:be )?(?:getting|get"
        rf"|receiving|receive|due|entitled to) (?:a |any )?{REFUND_NOUN}",
        rf"{_REFUND}(?: request| req)? (?:was |has been |is )?(?:declined|rejected|denied|refused)",
        rf"(?:{_REFUND}(?: request| req)'s(?: been)?|{_REFUND_S}(?: been)?){_FILL} (?:declined"
        r"|rejected|denied|refused"
        r"|knocked back|turned down)",
        rf"{_REFUND}(?: request| req)?{_FILL} (?:was |has been |is |been |got |'s been )?"
        r"(?:declined|rejected"
        r"|denied"
        r"|refused|knocked back|turned down)",
        rf"(?:won't|will not|isn't going to|is not going to) be (?:a|any) {REFUND_NOUN}",
        r"(?:won't|will not|can't|cannot|unable to|not able to) be able to refund",
        r"(?:not|n't) be able to (?:refund|issue|give|offer|process)",
        rf"(?:won't|will not) be able to (?:issue|give|offer|process) (?:a |any |you a )?"
        rf"{REFUND_NOUN}",
        r"no money back",
        rf"(?:closed|ended|finished|completed) without (?:a |any )?{_REFUND}",
        # Not possible: "a refund isn't possible in this case".
        rf"{_REFUND}(?: \w+)? (?:isn't|is not|isnt|won't be|will not be|wasn't|was not|not)"
        r" (?:possible|poss|available|an option|on the cards|doable)",
        # The negation governs both verbs: "unable to accept a return or offer a refund".
        rf"(?:won't|will not|wont|{CANNOT[3:-1]})(?: \w+){{1,4}} (?:or|nor) (?:issue|give|offer"
        rf"|process|provide) (?:you |u )?(?:a |any )?{REFUND_NOUN}",
        negation=False,
    ),
)
_REFUND_CUE = compile_pattern(
    r"\b(?:refund\w*|rfnd\w*|reimburs\w*|credit(?!\s+cards?\b)\w*|money back|revers(?:ed|al)"
    r"|back with (?:you|u)"
    r"|back (?:on|to|in|into|2) (?:your|ur)"
    r"|(?:pay|paid|paying)(?: you| u)? back"
    # A sum said to come back, as chat says it: "£42 back by wed".
    r"|(?<=[€$£])\d[\d.,]*\s+back\b"
    r"|on your statement|(?:get|getting|got|receive|received|have|had|sent|paid|put)"
    r" (?:the |your |ur )?"
    r"(?:full |whole )?\S+ back\b|back to (?:you|u)\b)"
)
#: A reason after a refused refund that is still to come: "…, as it hasn't arrived yet".
_REASON_YET = compile_pattern(r"\b(?:as|because|since|cos|coz|until|till|til)\b[^.;!?\n]*\byet\b")
#: "No refund until we receive it": refused only for now.
_UNTIL = compile_pattern(r"[\w ]{0,20}?\b(?:until|till|til|'til|before|unless|once)\b")
_PRONOUNS = ("it", "that")
_OBJECT_PRONOUNS = (" it", " that")
#: Refund talk in any form: the word, or money going back.
_MONEY_BACK = compile_pattern(
    r"\brefund|\brfnd|\breimburs|\b(?:went|gone|go|goes|sent|put|going|way|credited|pay|paid)"
    r"\s+back\b"
    r"|\bback\s+(?:on|to|into)\s+(?:your|the|you)\b|\bback\s+with\s+(?:you|u)\b"
    r"|\brevers(?:ed|al)\b"
    # (sms9) Chat's pronouns and the customer having it back: "£8 back to ur card", "u got ur
    # money back yday".
    r"|\bback\s+(?:on|to|into|in|w|with)\s+(?:ur|u)\b"
    r"|\b(?:got|get|getting|had|received)\s+(?:the\s+|your\s+|ur\s+)?(?:full\s+)?"
    r"(?:money|cash|funds)\s+back\b"
)
#: Just before an amount, what makes it not the refund: taken off it ("minus a $6.95 fee",
#: "less the £3.50 postage") or set aside ("rather than the full $249.99").
_DEDUCTED = compile_pattern(
    r"(?:>|\b(?:minus|less|after|excluding|deducting|deducted|withheld|withholding|kept|keeping"
    r"|retained|rather than"
    r"|instead of|not|than"
    # A threshold, not a sum: "refunds over £100 need a manager", "exception > £100".
    r"|over|above|exceeding"
    # What was paid, not what goes back: "you were charged $60", "priced at $80".
    r"|charged(?: (?:you|u))?|priced at|price of|costs?|retails? (?:at|for)"
    # What the customer paid: "you paid £48.00, and we've refunded a third of that".
    r"|(?:you|u) (?:originally |first )?paid))"
    r"(?: (?:a|an|the|your|our|full|original|usual|whole))*\W*$"
)
#: Just after an amount, what makes it the gross the refund was cut from: "£17.50 less …".
_GROSS = compile_pattern(
    r"\W*(?:minus|less)\b"
    # A fee kept back: "the $9.99 return shipping fee was deducted from your refund".
    r"|(?:\s+[\w-]+){0,3}\s+(?:fee|charge|postage|cost)s?\s+(?:was |were |has been |is |will be )?"
    r"(?:deducted|taken off|taken out|subtracted|withheld|kept)\b"
    # A part that stays with the shop: "the £4.95 postage isn't refundable".
    r"|(?:\s+[\w&-]+){0,2}?\s+(?:postage|shipping|delivery|p&p|fees?|charges?)"
    r"\s+(?:isn't|is not|isnt|aren't|are not|won't be|wont be|will not be|not|was not|wasn't)"
    r"\s+refund(?:able|ed)\b"
    # A term of a sum told out: "€22 + €4.99 postage = €26.99" (the total is the refund).
    r"|(?:\s+[\w&-]+){0,2}?\s*[+=]"
)
#: A credit to spend later is a price cut, not money back: "a $15 credit toward your next
#: purchase", "£5 on your account for next time".
_NEXT_TIME = compile_pattern(
    r"\b(?:toward|towards|off|for|on|against) (?:your |ur |the |a )?(?:next|future)"
    r"(?: (?:purchase|order|shop|visit|time))?\b"
)
_NAMED_REFUND = compile_pattern(r"\b(?:refund|rfnd|refnd|reimburs)")
#: A field's label naming what was paid or kept, not what goes back.
_PRICE_LABEL = compile_pattern(
    r"\b(?:original|item price|price|subtotal|fee|restocking|postage|shipping|amount paid"
    r"|you paid|deduct\w*)\b"
)
#: A field's label naming what the customer gets back: "You'll receive: $72.00".
_RECEIVE_LABEL = compile_pattern(r"\byou(?:'ll| will)? (?:receive|get back|get)\W*$")
#: The whole a refunded part was of: "$25.00 of the $80.00 you paid".
_PART_OF = compile_pattern(r"\d\s+(?:out\s+)?of\s+(?:the|your)(?:\s+(?:full|original|total))?\W*$")
#: An amount said to be a hold on the card, not money sent back.
_HOLD = compile_pattern(r"\b(?:authori[sz]ation|pre-?authori[sz]ation|hold)\b")
_OTHER_MONEY = compile_pattern(
    r"\b(?:price|priced|costs?|fee|charge|shipping|postage|delivery|off|save|saving|discount"
    r"|total|paid for|was priced)\b"
)
#: "It was £12.", "That was £45.00": an amount that refers back to the sentence before.
_ANAPHORA = compile_pattern(
    r"[^\w]*(?:(?:it|that|which|this|the amount)(?:'s| was| is| came to)"
    # What the customer will see of it: "You should see £41.00 within 3–5 working days."
    r"|you(?:'ll| will| should| may| might| can| could)? (?:see|get|receive|notice|expect))\b"
)
_AMOUNT_LABEL = compile_pattern(r"\bamount\b")
#: A sum on its way to the customer, in an answer about a refund: released to them, sent to
#: or reaching their card or bank ("before the $38.00 can be released", "we'll send $58.00 to
#: your card", "The $89.00 reached your account", "→ £33.00 → with your bank").
_MONEY_MOVES = compile_pattern(
    r"\breleas(?:e|ed|ing)\b"
    rf"|\b(?:to|into|reached|hit|in|with) {WALLET}\b"
)
#: A sum told as the whole of what goes back, after a refund: "£41.00 in total", "it came to
#: £19.00 altogether", "the total will be £26.40" (the whole of the refund, not a price).
_TOTAL_OF_IT = compile_pattern(
    r"\b(?:in total|altogether|in all|all told|all in)\b"
    r"|\b(?:the|your|its|that|which) total(?: amount)? (?:is|was|will be|comes to|came to)\b"
)
_ANY_REFUND = compile_pattern(rf"\b{REFUND}(?!\s+cards?\b)")
_CURRENCY_HINTS = ("€", "$", "£", "eur", "usd", "gbp", "dollar", "pound", "quid", "bucks")


def _settle(doc: Document, hit: Hit) -> Hit | None:
    """Drop what the return status owns; "no refund … yet" is a refund still to come."""
    phrase = doc.masked[hit.start : hit.end]
    # "it's still pending", "we sent it" are a refund's only beside one: in its sentence, or
    # opening the sentence after one about the refund ("… isnt refundable. it's processing now")
    if _out_of_reach(doc, hit, phrase):
        return None
    if phrase.startswith("credit card") or (
        _CREDIT.search(phrase) and not _credit_refunds(doc, hit)
    ):
        return None  # a credit card is where money goes, and a goodwill credit is a gift
    if hit.value == _ARRIVED:
        words = _WORDS.findall(doc.masked, hit.clause.start, hit.start)[-_FUTURE_REACH:]
        if _MODAL.search(" ".join(words)) or not _landed(doc, hit):
            return None
        return hit._replace(value=_ISSUED)
    if hit.value == _MARKED:
        return _marked(doc, hit)
    if hit.value in (_LANDED, _ISSUED):
        landed = _landed_state(doc, hit, phrase)
        if landed is None or landed.value == _PENDING:
            return landed
        hit = landed
    bare = phrase == "refunded"
    if (
        bare
        and hit.value != _PENDING
        and refunded_is_return_status(doc, hit.start)
        # (sms8) A sum refunded says the money went back too: "RMA-1: €53.99 refunded".
        and not _SUM_REFUNDED.search(doc.masked, max(0, hit.start - 16), hit.end)
    ):
        return None  # "RMA-1 refunded" is the return's; "RMA-1 … nothing refunded yet" is not
    waiting = _UNTIL.match(doc.masked, hit.end) is not None or _held_for(doc, hit)
    if hit.value == _NONE and (waiting or has_yet(doc, hit.clause)):
        return hit._replace(value=_PENDING)
    if hit.value == _ISSUED and not hit.negated and _promised(doc, hit):
        return hit._replace(value=_PENDING)
    if hit.value == _PENDING and phrase.endswith(" back") and _already(doc, hit):
        return hit._replace(value=_ISSUED)  # "you should have the £42.00 back already"
    return _refused_for_a_reason(doc, hit, phrase)


_APPROVED = compile_pattern(APPROVED)
#: (sms9) Why a refund was not approved, right after it: outside its window, too late.
_INELIGIBLE = compile_pattern(
    r"\W{0,3}\s*(?:(?:as|because|since|cos|coz|bc)\s+)?(?:it's |its |it is |it was |you're |ur "
    r"|u r |that's |thats |we're |were )?(?:outside|past|beyond|out of|too late|after the)\b"
)


def _refused_for_a_reason(doc: Document, hit: Hit, phrase: str) -> Hit:
    """A refund "not approved" is still to come; not approved with the reason it cannot be
    ("refund for RMA-1 not approved, outside 14 days") is refused (`none`)."""
    if hit.value != _PENDING or not hit.negated or not _APPROVED.search(phrase):
        return hit
    if has_yet(doc, hit.clause) or not _INELIGIBLE.match(doc.masked, hit.end):
        return hit
    return hit._replace(value=_NONE)


#: (sms9) A day still to come right after money said to land: "£24.99 back on ur card tmrw",
#: "… on ur visa by fri" (the day it lands, not the day it went).
_DUE_AFTER = compile_pattern(
    r"\s*(?:(?:by |from |first thing |1st thing )?(?:tmrw|tmr|tomoz|2moro|2morrow|tomorrow"
    r"|next (?:week|wk)|nxt (?:week|wk))"
    r"|by (?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?)(?!\w)"
)
#: Money told as where it is, no verb of sending before it: "£24.99 back on ur card".
_SUM_WHERE = compile_pattern(
    r"(?:[\u00a3$\u20ac]|\d|(?:the |your |ur )?(?:money|funds|cash)\b|back\b)"
)
#: A verb or a mark in the phrase that says the money went: "went back", "sent", "✅".
_WENT = compile_pattern(
    r"\b(?:went|gone|sent|paid|credited|put|popped|refunded|returned|transferred|released"
    r"|been|was|were)\b|\u2705|\u2714"
)


#: (sms9) A pronoun inside the phrase as its object ("I've put it through to second line"),
#: and a state shown on a screen ("showing as processing"): a refund's only beside one.
_IT_INSIDE = compile_pattern(r" (?:it|that) (?:through|thru)\b")
_SHOWN_AS = ("showing as", "shown as", "marked as", "listed as", "flagged as", "sitting as")


#: How far before a phrase that names nothing a refund may be named (`_out_of_reach`).
_NEAR = 160


def _out_of_reach(doc: Document, hit: Hit, phrase: str) -> bool:
    """A pronoun opening or closing the phrase is a refund's only in reach of one
    (`_refund_in_reach`); (sms9) a phrase that names no refund or money of its own ("I've put
    it through", "showing as processing") only with one named a little before it, in any
    sentence (a line wrapped mid-sentence splits no reach)."""
    if phrase.startswith(_PRONOUNS) or phrase.endswith(_OBJECT_PRONOUNS):
        return not _refund_in_reach(doc, hit)
    if phrase.startswith(_SHOWN_AS) or _IT_INSIDE.search(phrase) is not None:
        start = max(0, hit.start - _NEAR)
        return _ANY_REFUND.search(doc.masked, start, hit.end) is None
    return False


def _landed_state(doc: Document, hit: Hit, phrase: str) -> Hit | None:
    """Money said to land is issued once what landed is money; either is still to come when a
    day still to come follows it (`_due_later`)."""
    if hit.value == _LANDED:
        if not _landed(doc, hit):
            return None
        hit = hit._replace(value=_ISSUED)
    return hit._replace(value=_PENDING) if _due_later(doc, hit, phrase) else hit


def _due_later(doc: Document, hit: Hit, phrase: str) -> bool:
    """(sms9) Money said to be back where the customer keeps it, a day still to come right
    after it: "£24.99 back on ur card tmrw", "money back on ur visa by fri"."""
    if hit.negated or " back" not in f" {phrase}" or not _SUM_WHERE.match(phrase):
        return False
    if _WENT.search(doc.masked, hit.clause.start, hit.end):
        return False
    return _DUE_AFTER.match(doc.masked, hit.end) is not None


#: A sum just before "refunded": the money is said to have gone back.
_SUM_REFUNDED = compile_pattern(r"[\u00a3$\u20ac]\s?\d[\d.,]*\s+refunded$")


def _marked(doc: Document, hit: Hit) -> Hit | None:
    """A sum ticked or waiting ("RMA-1 £40 ✅") is the refund's in an answer about a return,
    and only where its clause names no price, fee or saving."""
    clause = doc.masked[hit.clause.start : hit.clause.end]
    if not doc.return_context or _OTHER_MONEY.search(clause):
        return None
    mark = doc.masked[hit.end - 2 : hit.end]
    return hit._replace(value=_PENDING if "\u23f3" in mark or "\u231b" in mark else _ISSUED)


#: A part of the money that does not go back, just before "isn't refundable": the postage,
#: the shipping or a fee kept is no state of the refund ("… but the £4.95 postage isn't
#: refundable").
_KEPT_PART = compile_pattern(
    r"\b(?:postage|shipping|delivery|p&p|fees?|charges?|costs?|surcharge)"
    r"(?:\s+(?:cost|costs|fee|fees|charge|charges))?(?:\W+(?:which|that))?\W*$"
)


#: A line labelled by a part kept ("Delivery charge: $9.99 —", "| Postage | £3.95 |").
_KEPT_LABEL = compile_pattern(
    r"[^\w\n]*(?:return |outbound |original |standard |express )?(?:postage|shipping|delivery"
    r"|p&p|fees?|charges?|costs?"
    r"|surcharge)(?: (?:cost|costs|fee|fees|charge|charges))?\s*[:|][^\n]*$"
)


_ONE_AGENT = compile_pattern(r"(?:^|\W)i\W*$")


def _own_authority(doc: Document, hit: Hit) -> bool:
    """ "i can't do refunds": an agent's own authority, no state of the refund."""
    phrase = doc.masked[hit.start : hit.end]
    if hit.value != _NONE or not phrase.endswith(("refunds", "rfnds")):
        return False
    return _ONE_AGENT.search(doc.masked, max(0, hit.start - 4), hit.start) is not None


def _part_kept(doc: Document, hit: Hit) -> bool:
    if hit.value != _NONE:
        return False
    if not doc.masked.startswith(("not", "isn", "is not", "aren", "are not", "non"), hit.start):
        return False
    sentence = doc.sentence_at(hit.start)
    if _KEPT_PART.search(doc.masked, max(sentence.start, hit.start - 40), hit.start) is not None:
        return True
    # A line whose label is the part: "- Delivery charge: $9.99 — not refundable".
    line = doc.masked.rfind("\n", 0, hit.start) + 1
    return _KEPT_LABEL.match(doc.masked, line, hit.start) is not None


def _refund_in_reach(doc: Document, hit: Hit) -> bool:
    sentence = doc.sentence_at(hit.start)
    if _ANY_REFUND.search(doc.masked, sentence.start, sentence.end):
        return True
    index = doc.sentences.index(sentence)
    opening = doc.masked[sentence.start : hit.start]
    if index == 0 or (opening.strip() and not _SHORT_ANSWER.fullmatch(opening)):
        return False
    previous = doc.sentences[index - 1]
    return _ANY_REFUND.search(doc.masked, previous.start, previous.end) is not None


#: (markdown9) A short answer opening the sentence before its pronoun, after the question was
#: echoed: "You asked whether the refund has been paid. Not yet, I'm afraid — it's pending".
_SHORT_ANSWER = compile_pattern(
    r"(?:\W*(?:not yet|no|nope|yes|yep|sadly|unfortunately|i'm afraid|im afraid|sorry|hmm|well"
    r"|ok|okay|so))+\W*"
)


def _held_for(doc: Document, hit: Hit) -> bool:
    """Held back for a reason still to come: "hasn't been issued, as the item hasn't arrived
    back yet"."""
    if hit.value != _NONE:
        return False
    sentence = doc.sentence_at(hit.start)
    return _REASON_YET.search(doc.masked, hit.end, sentence.end) is not None


def _credit_refunds(doc: Document, hit: Hit) -> bool:
    """A credit is a refund in an answer about a return or a refund, and not given as a
    gesture ("I've added store credit as a goodwill gesture" is a discount)."""
    sentence = doc.sentence_at(hit.start)
    return doc.return_context and not _GOODWILL.search(doc.masked, sentence.start, sentence.end)


def _landed(doc: Document, hit: Hit) -> bool:
    """What lands in the wallet is money: an amount, the refund or money said before it in its
    clause, or a pronoun in a sentence about a refund ("it was released to your card") or
    whose amount the sentence gives after it ("that's gone back on your card, £24.00")."""
    before = doc.masked[hit.clause.start : hit.start]
    if MONEY.search(before) or _MONEY_WORDS.search(before) or _REFUND_WORD.search(before):
        return True
    if _PRONOUN.search(before) is None:
        return False
    sentence = doc.sentence_at(hit.start)
    if _ANY_REFUND.search(doc.masked, sentence.start, sentence.end) is not None:
        return True
    # The pronoun's money told after it: "That's gone back on your card now, £24.00 for …".
    return MONEY.search(doc.masked, hit.end, sentence.end) is not None


def _already(doc: Document, hit: Hit) -> bool:
    return _ALREADY.search(doc.masked, hit.clause.start, hit.clause.end) is not None


def _promised(doc: Document, hit: Hit) -> bool:
    """Money told as going back under a future or a plan a few words before it ("we will
    credit $15.00 back to your card", "you'll get a full refund back to your card"): not yet
    sent."""
    words = _WORDS.findall(doc.masked, hit.clause.start, hit.start)[-_FUTURE_REACH:]
    return _FUTURE.search(" ".join(words)) is not None


#: A refund's state said in a word, as a field's value or a table cell gives it: data, one
#: place ("Status: Sent" under a heading "Your refund", "| RMA-1 | £10.00, issued |").
_FIELD_STATES = {
    **dict.fromkeys(
        ("issued", "sent", "paid", "complete", "completed", "processed", "credited", "refunded"),
        _ISSUED,
    ),
    **dict.fromkeys(("pending", "processing", "queued", "in progress"), _PENDING),
    # Said yes to, in any of the words for it: "Refund authorised ✅", "Refund: granted".
    **dict.fromkeys(APPROVED[3:-1].split("|"), _PENDING),
    **dict.fromkeys(("none", "declined", "rejected", "denied", "refused"), _NONE),
    # Said with their own negation: "Not eligible", "Not started yet".
    **dict.fromkeys(("not eligible", "ineligible", "not refundable", "non-refundable"), _NONE),
    **dict.fromkeys(("not started", "not yet started", "started", "initiated"), _PENDING),
    # Waiting in a word: "on hold", "Awaiting warehouse check", "Not yet — …".
    **dict.fromkeys(("on hold", "awaiting", "waiting", "not yet", "scheduled", "held"), _PENDING),
    # Still to come, as a model fills the field: "Refund: $14.00, due once the check is done".
    **dict.fromkeys(("due", "to follow", "owed"), _PENDING),
    # Under way, not done: "Refund status: Being processed" (not the bare "processed").
    **dict.fromkeys(("being processed", "being reviewed", "being prepared"), _PENDING),
}
#: A refund's state told by a status mark alone, as a model fills a field or a checklist's
#: cell ("| Refund | ⏳ |", "**Refund:** ✅"). A cross is left out: in a "Done?" column it
#: says "not yet", elsewhere "none".
_MARKS = {"\u2705": _ISSUED, "\u2714": _ISSUED, "\u23f3": _PENDING, "\u231b": _PENDING}
_FIELD_MARK = compile_pattern("[" + "".join(_MARKS) + "]")
#: A word before the mark: the mark ticks that word ("Refund: Sent ✅" is read by its word).
_FIELD_WORD = compile_pattern(r"[a-z]{3,}")
#: Field states whose negation is part of the state, not a denial of it.
_SELF_NEGATED = frozenset(
    ("not eligible", "not refundable", "not started", "not yet started", "not yet")
)
#: Longest first: "not eligible" before a bare "eligible" could be read.
_FIELD_STATE = compile_pattern(
    r"\b(?:" + "|".join(sorted(_FIELD_STATES, key=len, reverse=True)) + r")\b"
)
#: A label that names no topic of its own: the heading above it does.
_BARE_LABEL = compile_pattern(r"\s*(?:status|state|current status|update)\W*")
_REFUND_WORD = compile_pattern(rf"\b{REFUND}(?!\s+cards?\b)")
_OWN_LABEL = compile_pattern(rf"\W*{REFUND}(?:ed)?(?: status)?(?:\s+(?:for|on)\s+xx+)?\W*")


def _field_hits(doc: Document) -> list[Hit]:
    """States told in a refund's field: the value of a "Refund:" label, of a bare "Status:"
    label in a section headed by a refund, or a cell in a table's refund column. The phrase
    rules read prose; this reads the structure."""
    hits = []
    headings = doc.layout is not None and bool(doc.layout.headings)
    table = "|" in doc.masked
    for index, clause in enumerate(doc.clauses):
        field: Segment | None = None
        if table and (
            _REFUND_WORD.match(column_header(doc, clause.start))
            or _row_label_is_refund(doc, clause.start, headings)
        ):
            field = Segment(clause.start, clause.end)
        elif index > 0 and _refund_label(doc, doc.clauses[index - 1], headings):
            # A label behind an emoji has no value by the document's reading: the next clause.
            field = doc.value_of(doc.clauses[index - 1]) or Segment(clause.start, clause.end)
        if field is None or silent(clause):
            continue
        hits.extend(_state_hits(doc, clause, field))
    return hits


def _card_hits(doc: Document, hits: list[Hit]) -> list[Hit]:
    """States told in a refund card's fields (`_card_fields`) that no other rule read."""
    found = []
    for field in _card_fields(doc):
        if any(field.start <= hit.start < field.end for hit in hits):
            continue
        clause = doc.clause_at(field.start)
        if not silent(clause):
            found.extend(_state_hits(doc, clause, field))
    return found


def _state_hits(doc: Document, clause: Clause, field: Segment) -> list[Hit]:
    """The refund's state a field's value tells, in a word or a status mark."""
    state = _FIELD_STATE.search(doc.masked, field.start, field.end)
    if state is None:
        mark = _FIELD_MARK.search(doc.masked, field.start, field.end)
        if mark is not None and not _FIELD_WORD.search(doc.masked, field.start, mark.start()):
            return [Hit(mark.start(), mark.end(), _MARKS[mark.group()[0]], clause)]
        return []
    value = _FIELD_STATES[state.group()]
    if value == _ISSUED and _FUTURE.search(doc.masked, field.start, state.start()):
        value = _PENDING  # "Refund: Will be issued after inspection"
    # "Refund: not issued yet" is for the phrase rules; "none (declined)" denies nothing.
    own = state.group() in _SELF_NEGATED
    if value == _NONE or own or not negated(doc, clause, *state.span()):
        return [Hit(state.start(), state.end(), value, doc.clause_at(state.start()))]
    return []


#: (voice10d) A chat widget's refund card flattened to text: a title line that opens (after an
#: icon) with the refund, its fields after "·" or "|" on the same line ("💳 Refund · RMA-1 ·
#: €16.00 · [Paid ✓]"), or its rows below it, one "Key | value" a line ("Status | Pending",
#: "Paid on | 4 Dec"), up to a blank line.
_CARD_TITLE = compile_pattern(rf"[^\w\n]*{REFUND}(?: (?:for|on) xx+)?(?= ?[\u00b7|]|[^\S\n]*$)")
_CARD_FIELD = compile_pattern(r"[^\S\n]*[\u00b7|][^\S\n]*")
_CARD_ROW = compile_pattern(r"[^\S\n]*[a-z][a-z ]{0,20}? \| [^\n]+")


def _card_fields(doc: Document) -> list[Segment]:
    """The fields of each refund card in the answer (see `_CARD_TITLE`)."""
    text = doc.masked
    if "\u00b7" not in text and "|" not in text:
        return []
    found: list[Segment] = []
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        title = _CARD_TITLE.match(text, start, end)
        if title is not None and not text.startswith("|", start):
            field = _CARD_FIELD.match(text, title.end(), end)
            if field is not None:
                found.append(Segment(field.end(), end))
            row = end + 1
            while row < len(text):
                row_end = text.find("\n", row)
                row_end = len(text) if row_end < 0 else row_end
                if _CARD_ROW.fullmatch(text, row, row_end) is None:
                    break
                found.append(Segment(row, row_end))
                row = row_end + 1
            end = max(end, row - 1)
        start = end + 1
    return found


#: The lead of a list or a table about money going back: "There are two refunds on your
#: account:", "Here's where your money is for ORD-1:", "**Money back for RMA-1**".
_MONEY_LEAD = compile_pattern(rf"\b(?:{REFUND}s?|money|reimbursements|refunded)\b")


def _listed_fields(doc: Document) -> list[Segment]:
    """The lines of each list and table whose lead speaks of money going back: a model lists
    one refund a line ("- RMA-1 — $15.00, paid on 1 December", "- Clock — $29.00 ⏳ waiting
    for the item"), so each line is that refund's field, read like a "Refund:" label's value.
    Worked out once per answer."""
    cached = doc.memo.get("refund_lines")
    if isinstance(cached, list):
        return cached
    found: list[Segment] = []
    layout, text = doc.layout, doc.masked
    if layout is not None and layout.items:
        for block in layout.blocks:
            if layout.item_at(block.start) is None:
                continue
            above = layout.list_lead(block.start)
            if above is not None and _MONEY_LEAD.search(text, above.start, above.end):
                found.append(block)
    if "|" in text:
        found.extend(_listed_rows(text))
    doc.memo["refund_lines"] = found
    return found


def _listed_rows(text: str) -> list[Segment]:
    """The body rows of each table whose lead speaks of money going back, past their key
    cell: a checklist's step ("| Refund sent | ✅ |") is its key, and the row's value tells
    whether it happened; a key that is itself the state ("| Still pending | $15.00 |", its
    value only a sum) is read whole."""
    found: list[Segment] = []
    leads: dict[int, bool] = {}
    for row in _TABLE_ROW.finditer(text):
        cells = row.group().split("|")
        if len(cells) < 4 or not header_above(text, row.start()):
            continue
        span = lead(text, row.start())
        if span is None:
            continue
        if span[0] not in leads:
            leads[span[0]] = _MONEY_LEAD.search(text, *span) is not None
        if not leads[span[0]]:
            continue
        values = Segment(row.start() + len(cells[0]) + len(cells[1]) + 1, row.end())
        if not _FIELD_STATE.search(text, *values) and not _FIELD_MARK.search(text, *values):
            values = Segment(row.start(), row.end())
        found.append(values)
    return found


_TABLE_ROW = compile_pattern(r"(?m)^[^\S\n]*\|[^\n]*")


def header_above(text: str, at: int) -> bool:
    """The table row at `at` is a body row: neither its header nor the rule line under it."""
    end = text.find("\n", at)
    return bool(header(text, at)) and not _RULE_ROW.fullmatch(
        text, at, end if end >= 0 else len(text)
    )


_RULE_ROW = compile_pattern(r"[\s|:-]*")


def _listed_hits(doc: Document) -> list[Hit]:
    """States told on the lines of a list or a table about refunds (`_listed_fields`)."""
    hits = []
    for field in _listed_fields(doc):
        clause = doc.clause_at(field.start)
        state = _FIELD_STATE.search(doc.masked, field.start, field.end)
        if state is None:
            mark = _FIELD_MARK.search(doc.masked, field.start, field.end)
            if mark is not None:
                hits.append(Hit(mark.start(), mark.end(), _MARKS[mark.group()[0]], clause))
            continue
        if state.group() in _KEPT_BACK:
            continue  # "- Original delivery: £4.99 ❌ (not refundable)": a part kept
        value = _FIELD_STATES[state.group()]
        if value == _ISSUED and _FUTURE.search(doc.masked, field.start, state.start()):
            value = _PENDING
        at = doc.clause_at(state.start())
        if silent(at):
            continue
        if value == _NONE or state.group() in _SELF_NEGATED or not negated(doc, at, *state.span()):
            hits.append(Hit(state.start(), state.end(), value, at))
    return hits


#: A line's state that says its part is kept back, not how the refund stands.
_KEPT_BACK = frozenset(("not refundable", "non-refundable"))


def _in_a_refund_list(doc: Document, position: int) -> bool:
    """`position` stands on a line of a list or a table about refunds."""
    return any(f.start <= position < f.end for f in _listed_fields(doc))


def _opens_its_line(doc: Document, label: Clause, text: str) -> bool:
    """ "⏳ Refund:" at the start of its line: a label behind an emoji or a bullet; or the
    refund asked back as a model does before answering ("Refund for RMA-1? ✅ Sent on
    Friday", "Your refund? Not yet"): the question names the field, the next clause fills it."""
    line = doc.masked.rfind("\n", 0, label.start) + 1
    return text.rstrip().endswith((":", "?")) and not doc.masked[line : label.start].strip()


def _row_label_is_refund(doc: Document, position: int, headings: bool) -> bool:
    """A key-value table's value cell whose key names the refund ("| Refund | Sent |"), or
    is a bare "Status" under a heading about a refund ("## Refund details")."""
    line = doc.masked.rfind("\n", 0, position) + 1
    cells = [c for c in doc.masked[line:position].split("|")[:-1] if c.strip()]
    if not cells:
        return False
    key = cells[0]
    if _OWN_LABEL.fullmatch(key) and (
        len(cells) == 1 or _BARE_LABEL.fullmatch(column_header(doc, position))
    ):
        return True  # "| Refund | Sent |", "| Refund | $42.00 | Issued ✅ |" under "Status"
    if len(cells) != 1:
        return False
    if not headings or doc.layout is None or not _BARE_LABEL.fullmatch(key):
        return False
    above = [h for h in doc.layout.headings if h.end <= position]
    return (
        bool(above) and _REFUND_WORD.search(doc.masked, above[-1].start, above[-1].end) is not None
    )


def _refund_label(doc: Document, label: Clause, headings: bool) -> bool:
    """`label` is a refund's field label: "Refund:", "Refund status:", or a bare "Status:"
    whose section's heading speaks of a refund."""
    text = doc.clause_text(label)
    if _OWN_LABEL.fullmatch(text):
        return doc.is_label(label) or _opens_its_line(doc, label, text)
    if not headings or doc.layout is None or not _BARE_LABEL.fullmatch(text):
        return False
    if not doc.is_label(label):
        return False
    above = [h for h in doc.layout.headings if h.end <= label.start]
    return (
        bool(above) and _REFUND_WORD.search(doc.masked, above[-1].start, above[-1].end) is not None
    )


#: A clause that is only a predicate, its subject in the clause before it: the refund's noun
#: phrase split off by its commas or its "and" ("The refund of $89.99 for the Mixer, return
#: RMA-1, | was issued …"; "Your refund for the Throw | and Candle was issued today").
_PREDICATE = compile_pattern(
    r"[^\S\n]*(?:(?:and|&)[^\S\n]+(?:the[^\S\n]+)?x+[^\S\n]+)?"
    rf"(?:(?P<future>will|should|is going to) be|{_HAS_BEEN})(?: now| just| already)?"
    rf" (?P<verb>{_DONE})\b"
)
#: A verb of the clause's own, which would make the refund before it a subject of another.
_OWN_VERB = compile_pattern(
    r"\b(?:is|are|was|were|has|have|had|will|would|'s|'ve|'ll|been|be|do|does|did"
    r"|can|could|should|may|might)\b"
)


def _predicate_hits(doc: Document) -> list[Hit]:
    """A subjectless predicate of money done, whose subject is a refund in the same sentence
    before it, told without a verb of its own: issued (or pending, when still to come)."""
    hits = []
    for index, clause in enumerate(doc.clauses):
        if index == 0 or silent(clause):
            continue
        match = _PREDICATE.match(doc.masked, clause.start, clause.end)
        if match is None:
            continue
        sentence = doc.sentence_at(clause.start)
        if sentence.start >= clause.start:
            continue
        before = doc.masked[sentence.start : clause.start]
        refund = _REFUND_WORD.search(before)
        if refund is None or _OWN_VERB.search(before, refund.end()):
            continue
        if negated(doc, clause, *match.span("verb")):
            continue
        value = _PENDING if match.group("future") else _ISSUED
        start, end = match.span("verb")
        hits.append(Hit(start, end, value, clause, hedged(doc, clause, start)))
    return hits


#: The refund's names as substrings: an `in` test each, before any pattern runs.
_REFUND_STEMS = ("refund", "rfnd", "refnd", "reimburs", "credit")


#: A refund's label opening a line of plain text ("refund: …", "rfnd status: …").
_PLAIN_LABEL = compile_pattern(rf"(?m)^[^\w\n]*{REFUND}(?: status)?(?: (?:for|on) xx+)?:")


@EXTRACTORS.register(ClaimKind.REFUND)
def extract_refund(doc: Document) -> list[Claim]:
    table = (_TABLE, doc.context.vocabulary.rules_for(ClaimKind.REFUND))
    hits = [
        settled
        for hit in scan(doc, *table)
        if not _part_kept(doc, hit)
        and not _own_authority(doc, hit)
        and not ("|" in doc.masked and _across_cells(doc, hit))
        and not _POLICY_PLURAL.match(doc.masked, hit.clause.start, hit.start)
        and _conditional(doc, hit)
        and (settled := _settle(doc, hit))
    ]
    if not hits and any(map(doc.masked.__contains__, _REFUND_STEMS)):
        hits = _predicate_hits(doc)
    if doc.layout is not None or "|" in doc.masked:
        hits.extend(_field_hits(doc))
        hits.extend(_listed_hits(doc))
        if steps(doc):
            hits = _step_hits(doc, hits)
    elif ":" in doc.masked and _PLAIN_LABEL.search(doc.masked):
        # (sms8) A chat line labelled as a field, no Markdown about it: "refund: awaiting item",
        # "rfnd status: declined", "Refund: approved, not paid yet" read as a field's value.
        hits.extend(_field_hits(doc))
    if "\u00b7" in doc.masked or "|" in doc.masked:
        hits.extend(_card_hits(doc, hits))
    return claims_of(doc, ClaimKind.REFUND, hits) if hits else []


#: A checklist's step that is the money going back: by name, or as money sent ("Payment sent").
_MONEY_STEP = compile_pattern(
    rf"\b{REFUND}(?!\s+cards?\b)|\b(?:payment|money)\s+(?:sent|back|returned|released|paid)\b"
)


def _a_part(doc: Document, step: Step) -> bool:
    """A line naming a thing or a sum ("- Mug — $14.00 ✅", "| RMA-2 | ⏳ waiting |") is one
    part's refund in a list of parts, not a step of one refund's timeline."""
    return MONEY.search(doc.masked, step.start, step.end) is not None or any(
        step.start <= m.start < step.end for m in doc.mentions
    )


def _step_hits(doc: Document, hits: list[Hit]) -> list[Hit]:
    """`hits` read with the answer's checklists and timelines (`_steps`): a refund's step not
    done is never issued ("Refund sent | ⬜", "Payment sent ⏳" are still to come), and a step
    that names the refund by no state word gives it by its mark ("Refund ⏳", "⬜ Refund", "- [ ]
    Refund" pending; "Refund ✅" issued)."""
    kept = []
    for hit in hits:
        step = step_at(doc, hit.start)
        if step is not None:
            if not _a_part(doc, step) and not _MONEY_STEP.search(doc.masked, step.start, step.end):
                continue  # "Return received ✅" under "Here's where your refund stands:"
            if step.state != DONE and hit.value == _ISSUED:
                hit = hit._replace(value=_PENDING)
        kept.append(hit)
    for step in steps(doc):
        named = _MONEY_STEP.search(doc.masked, step.start, step.end)
        if named is None or any(step.start <= h.start < step.end for h in kept):
            continue
        state = _FIELD_STATE.search(doc.masked, step.start, step.end)
        if state is not None and state.group() in _KEPT_BACK:
            continue
        value = _ISSUED if step.state == DONE else _PENDING
        if state is not None and _FIELD_STATES[state.group()] != _ISSUED:
            value = _FIELD_STATES[state.group()]  # "Refund approved ✅" is pending
        start, end = state.span() if state is not None else named.span()
        kept.append(Hit(start, end, value, doc.clause_at(start)))
    return kept


_GOES = compile_pattern(r"\b(?:goes|gets sent|gets paid)$")
_CONDITION = compile_pattern(r"\b(?:once|when|as soon as|after)\b")


def _conditional(doc: Document, hit: Hit) -> bool:
    """A refund that "goes" to the card is still to come only on a condition its sentence
    gives ("Once it's back with us, the refund goes straight to your Visa"); alone, it is the
    policy ("the refund goes to the card you paid with")."""
    if _GOES.search(doc.masked, hit.start, hit.end) is None:
        return True
    sentence = doc.sentence_at(hit.start)
    return _CONDITION.search(doc.masked, sentence.start, sentence.end) is not None


#: Refunds in general, as a policy tells them ("Refunds go back to the original payment
#: method", "Refunds are normally paid within 5 days"): no refund's state.
_POLICY_PLURAL = compile_pattern(
    r"[^\w\n]*(?:all |our )?(?:refunds|reimbursements)(?: for [\w-]+)? (?:go|are|get|take"
    r"|typically|usually|normally|always)\b"
)


def _across_cells(doc: Document, hit: Hit) -> bool:
    """A phrase that runs across a table's cells ("Refund |…| Not yet issued") joins words
    the table keeps apart, or names a checklist step not done yet ("| Refunded | ⏳ |"): a
    cell is read as a field (`_field_hits`), not as prose."""
    return "|" in doc.masked[hit.start : hit.end] or step_not_done(doc.masked, hit.start, hit.end)


def _beside_a_refund(doc: Document, start: int, clause: str) -> bool:
    """An amount told beside a refund rather than inside its clause: in the same sentence
    ("your refund's gone through, £15.00, …"), or as "it was £12" or as the whole ("so
    $43.49 in total") right after it."""
    whole = _TOTAL_OF_IT.search(clause) is not None
    if _OTHER_MONEY.search(_TOTAL_OF_IT.sub(" ", clause) if whole else clause):
        return False  # a price, a fee or a saving
    sentence = doc.sentence_at(start)
    if _MONEY_BACK.search(doc.masked, sentence.start, sentence.end):
        return True
    index = doc.sentences.index(sentence)
    if index == 0 or not (whole or _ANAPHORA.match(clause)):
        return False
    previous = doc.sentences[index - 1]
    if index > 1 and not _WORDS.search(doc.masked, previous.start, previous.end):
        previous = doc.sentences[index - 2]  # an emoji between the two ("… yesterday. 💸")
    return _MONEY_BACK.search(doc.masked, previous.start, previous.end) is not None


def _in_a_refund_section(doc: Document, start: int, clause: str) -> bool:
    """An amount in a section headed by the refund ("## Refund details — RMA-1", a bold line
    "**Your refund**"), its clause naming no other money: the section's subject is the
    refund, so its sum is ("… once it checks out we'll release the $65.00")."""
    if _OTHER_MONEY.search(clause) or doc.layout is None:
        return False
    above = [h for h in doc.layout.headings if h.end <= start]
    return (
        bool(above) and _REFUND_WORD.search(doc.masked, above[-1].start, above[-1].end) is not None
    )


def _not_the_refund(doc: Document, clause: Clause, match: re.Match[str]) -> bool:
    """An amount in a refund's clause that is not what was refunded: a fee taken off, the
    price it was cut from or a part of ("$25 of the $80 you paid"), a sum set aside, or a
    hold on the card."""
    before = doc.masked[max(clause.start, match.start() - 40) : match.start()]
    if _DEDUCTED.search(before) or _PART_OF.search(before):
        return True
    if _GROSS.match(doc.masked, match.end(), clause.end) or _kept_back(doc, match):
        return True
    text = doc.clause_text(clause)
    labelled = doc.labelled_clause_text(clause)
    if _PRICE_LABEL.search(labelled[: len(labelled) - len(text)]):
        return True  # "Original amount: $80.00", "Restocking fee: $8.00"
    line = row_start(doc.masked, match.start())
    if line >= 0 and _PRICE_LABEL.search(doc.masked, line, match.start()):
        return True  # "| Return postage | $4.95 |": the row's key names a price or a fee
    span = _sentence_span(doc, match.start())
    if _GOODWILL.search(doc.masked, *span):
        return _NAMED_REFUND.search(text) is None  # "$15 credit … as a little thank-you"
    if _NEXT_TIME.search(doc.masked, *span) and not doc.return_context:
        # "a $15 credit toward your next purchase", in an answer about no return or refund
        return _NAMED_REFUND.search(doc.masked, *span) is None
    return _HOLD.search(text) is not None and _ANY_REFUND.search(text) is None


#: Said after a sum of its own: the shop keeps it ("…, which we don't refund", "… was for gift
#: wrapping, which isn't refundable").
_NOT_REFUNDED = compile_pattern(
    r"\b(?:which |that )?(?:we )?(?:isn't|is not|aren't|are not|don't|do not|doesn't|does not"
    r"|won't|will not|can't|cannot)(?: be)? refund(?:able|ed)?\b|\bnon-refundable\b"
)
_FEE_WORDS = compile_pattern(
    r"\b(?:fee|charged?|postage|shipping|delivery|wrapping|p&p|insurance|surcharge)s?\b"
)


def _kept_back(doc: Document, match: re.Match[str]) -> bool:
    """The amount is a fee or a service that its sentence then says is not refunded ("The
    £9.99 you see is the return shipping fee, which we don't refund"), with no other sum
    between the two."""
    sentence = doc.sentence_at(match.start())
    kept = _NOT_REFUNDED.search(doc.masked, match.end(), sentence.end)
    if kept is None or MONEY.search(doc.masked, match.end(), kept.start()) is not None:
        return False
    # (sms9) The fee named in the sum's own clause: "£8 back 2 ur card, postage isnt
    # refundable" keeps the postage, not the £8.
    end = min(kept.start(), doc.clause_at(match.start()).end)
    return _FEE_WORDS.search(doc.masked, match.end(), end) is not None


def _sentence_span(doc: Document, position: int) -> tuple[int, int]:
    sentence = doc.sentence_at(position)
    return sentence.start, sentence.end


#: What follows a sum that makes it money going back: an arrow to the customer's card, or a
#: state's mark (`extract_refund_amount`).
_AFTER_SUM = compile_pattern(rf" ?(?:(?P<arrow>{_ARROW}) ?{WALLET}\b|{_TICK}|{_WAIT})")


def _sent_or_marked(doc: Document, match: re.Match[str]) -> bool:
    """(sms8) A sum sent somewhere by an arrow ("£31.50 → ur amex"), or marked by a state in
    an answer about a return ("RMA-1 £40 ✅"): the refund's."""
    after = _AFTER_SUM.match(doc.masked, match.end())
    return after is not None and (after.group("arrow") is not None or doc.return_context)


@EXTRACTORS.register(ClaimKind.REFUND_AMOUNT)
def extract_refund_amount(doc: Document) -> list[Claim]:
    claims: list[Claim] = []
    if not any(map(doc.masked.__contains__, _CURRENCY_HINTS)):
        return _bare_sums(doc) if _may_hold_bare_sums(doc) else claims
    refund_talk = _MONEY_BACK.search(doc.masked) is not None
    for match in MONEY.finditer(doc.masked):
        clause = doc.clause_at(match.start())
        text = doc.labelled_clause_text(clause)
        row_start, row_end = table_row(doc, match.start())
        text = doc.masked[row_start:row_end] + text  # a table cell's label is the cell before
        about_refund = (
            bool(_REFUND_CUE.search(text))
            or bool(refund_talk and _AMOUNT_LABEL.search(text))
            or _sent_or_marked(doc, match)
        )
        if not about_refund and refund_talk and row_start < row_end:
            # An "Amount" column of a table about a refund.
            about_refund = _AMOUNT_LABEL.match(column_header(doc, match.start())) is not None
        if not about_refund and refund_talk:
            about_refund = _beside_a_refund(doc, match.start(), text)
        if not about_refund and refund_talk and doc.layout is not None and doc.layout.headings:
            about_refund = _in_a_refund_section(doc, match.start(), text)
        if not about_refund and refund_talk:
            about_refund = _on_its_way(doc, clause, text) or _dash_labelled(doc, match)
        if not about_refund and row_start < row_end:  # in a table's refund column
            about_refund = _REFUND_WORD.match(column_header(doc, match.start())) is not None
        if not about_refund and (doc.layout is not None or row_start < row_end):
            about_refund = _in_a_refund_list(doc, match.start())
        if silent(clause) or not about_refund or _not_the_refund(doc, clause, match):
            continue
        claims.extend(
            _amount_claims(doc, clause, match, match.group("before") or match.group("after"))
        )
    return _wholes(doc, claims + _total_lines(doc, claims))


def _wholes(doc: Document, claims: list[Claim]) -> list[Claim]:
    """The sums that are wholes, the parts they add up dropped."""
    if len(claims) < 2:
        return claims
    return _breakdown_total(doc, _whole_not_parts(doc, claims))


#: (markdown9) The line of a breakdown that tells what goes back, as a label or a table's key:
#: "**Total back to you:** £33.49", "| **You get back** | £27.00 |", "| **Refunded** | £51.05 |",
#: "Total refunded: £38.05".
_TOTAL_LINE = compile_pattern(
    r"(?m)^[^\w\n]*(?:total(?:\s+(?:refund(?:ed)?|back(?:\s+to\s+(?:you|u))?|to\s+you|you\s+get"
    r"(?:\s+back)?))?|refunded|refund(?:\s+total)?|you(?:'ll|\s+will)?\s+(?:get\s+back|receive)"
    r"|back\s+to\s+(?:you|u))[^\w\n]*?(?:[:|\u2014\u2013=-])[^\w\n]*\Z"
)
#: A line of a breakdown, as written (the masked text blanks list marks): a list item or a
#: table row.
_TERM_LINE = compile_pattern(r"[^\S\n]*(?:[-*+\u2022]\s|\d+[.)]\s|\|)")


def _line_head(doc: Document, position: int) -> tuple[int, str]:
    """Where the line holding `position` starts, and its text up to `position`."""
    start = doc.masked.rfind("\n", 0, position) + 1
    return start, doc.masked[start:position]


def _on_a_total_line(doc: Document, position: int) -> bool:
    return _TOTAL_LINE.search(_line_head(doc, position)[1]) is not None


def _total_lines(doc: Document, claims: list[Claim]) -> list[Claim]:
    """A sum on a breakdown's total line that no other rule read, in an answer about a
    return or a refund ("| **You get back** | £27.00 |" under rows of a price and a label)."""
    if not (doc.return_context or _MONEY_BACK.search(doc.masked)):
        return []
    read = {c.span for c in claims}
    found = []
    for match in MONEY.finditer(doc.masked):
        if match.span() in read or not _on_a_total_line(doc, match.start()):
            continue
        clause = doc.clause_at(match.start())
        if silent(clause) or _not_the_refund(doc, clause, match):
            continue
        found.extend(
            _amount_claims(doc, clause, match, match.group("before") or match.group("after"))
        )
    return found


def _breakdown_total(doc: Document, claims: list[Claim]) -> list[Claim]:
    """A breakdown closed by a total line refunds its total: the sums on the lines above it
    (a list's items, a table's rows) are its terms, not refunds of their own."""
    totals = [c for c in claims if _on_a_total_line(doc, c.span[0])]
    if not totals:
        return claims
    kept = []
    for claim in claims:
        total = next((t for t in totals if t.subject == claim.subject), None)
        line, _ = _line_head(doc, claim.span[0])
        if (
            total is not None
            and claim is not total
            and claim.span[0] < total.span[0]
            and not _on_a_total_line(doc, claim.span[0])
            and _TERM_LINE.match(doc.text, line)
        ):
            continue
        kept.append(claim)
    return kept


#: (sms9) A sum written without its currency, as chat does ("ur refund's been paid, 18.99",
#: "12.99 → ur card"): two decimals, no leading zero; not a time ("at 11.02"), a version or a
#: part of a code.
_BARE_SUM = compile_pattern(r"(?<![\w.,/:#-])(?:[1-9]\d{0,4}|0)\.\d\d(?![\w/:%-]|[.,]\d)")
#: A word before a figure that makes it no sum: a time, a version, a model, a size.
_NO_SUM_BEFORE = compile_pattern(
    r"\b(?:at|by|version|ver|v|model|firmware|ios|android|size|no|number|rated|rating)\W*$"
)


def _may_hold_bare_sums(doc: Document) -> bool:
    """Whether `_bare_sums` can find one, tested with substrings: a sum's stop, and a refund
    named, an arrow, or an answer about a return (most answers have none of them)."""
    masked = doc.masked
    if "." not in masked:
        return False
    return (
        doc.return_context
        or any(map(masked.__contains__, _REFUND_STEMS))
        or "\u2192" in masked
        or "->" in masked
    )


def _bare_sums(doc: Document) -> list[Claim]:
    """In an answer naming no currency, a sum in a sentence that names the refund, or sent to
    the customer's card by an arrow, is the refund's amount."""
    claims: list[Claim] = []
    for match in _BARE_SUM.finditer(doc.masked):
        clause = doc.clause_at(match.start())
        start, end = _sentence_span(doc, match.start())
        named = _NAMED_REFUND.search(doc.masked, start, end) is not None
        if silent(clause) or not (named or _sent_or_marked(doc, match)):
            continue
        before = doc.masked[max(0, match.start() - 12) : match.start()]
        if _NO_SUM_BEFORE.search(before) or _not_the_refund(doc, clause, match):
            continue
        claims.extend(_amount_claims(doc, clause, match, match.group()))
    return claims


def _amount_claims(doc: Document, clause: Clause, match: re.Match[str], said: str) -> list[Claim]:
    """The refund's amount `said` at `match`, one claim per subject it resolves to; none when
    it parses to no amount."""
    amount = parse_amount(said)
    if amount is None:
        return []
    hedge = hedged(doc, clause, match.start())
    return [
        Claim(ClaimKind.REFUND_AMOUNT, amount, match.span(), subject, hedge)
        for subject in resolve(doc, ClaimKind.REFUND_AMOUNT, match.start(), match.end())
    ]


#: (sms9) An amount's label closed by a dash, as chat writes a field: "amount - £27.40".
_DASH_LABEL = compile_pattern(r"\b(?:amount|amt)\s*[\u2013\u2014-]\s*$")


def _dash_labelled(doc: Document, match: re.Match[str]) -> bool:
    return _DASH_LABEL.search(doc.masked, max(0, match.start() - 12), match.start()) is not None


def _on_its_way(doc: Document, clause: Clause, text: str) -> bool:
    """In an answer about a refund, an amount moving to the customer (`_MONEY_MOVES`) or
    under a label of what they get ("You'll receive: $72.00")."""
    if _MONEY_MOVES.search(text) and _OTHER_MONEY.search(text) is None:
        return True
    label = text[: len(text) - len(doc.clause_text(clause))]
    return _RECEIVE_LABEL.search(label) is not None


def _whole_not_parts(doc: Document, claims: list[Claim]) -> list[Claim]:
    """A sentence that tells the whole ("so $43.49 in total", "€17.00 in all: €12.50 for the
    toy and €4.50 for the postage") refunds the whole; the sums it adds up are its parts."""
    wholes = {}
    for claim in claims:
        clause = doc.clause_at(claim.span[0])
        if _TOTAL_OF_IT.search(doc.masked, clause.start, clause.end):
            wholes[doc.sentence_at(claim.span[0]).start] = claim
    if not wholes:
        return claims
    return [
        c
        for c in claims
        if wholes.get(doc.sentence_at(c.span[0]).start, c) is c
        or wholes[doc.sentence_at(c.span[0]).start].subject != c.subject
    ]
