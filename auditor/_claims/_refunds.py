"""Refunds: their state (issued, pending, none) and the amount refunded.

"Has been issued/processed/sent", "is on its way" and "is back on your card" are issued (the
money has left the shop); "is being processed", "will be refunded", "once we receive it" and
"approved" are pending; "no refund", "not eligible" and "won't be refunded" are none. An
amount is a refund amount only in a clause about a refund.
"""

from __future__ import annotations

import re

from auditor._claims._dispatch import RuleSet
from auditor._claims._document import Document
from auditor._claims._model import Claim, ClaimKind
from auditor._claims._negation import has_yet, hedged
from auditor._claims._numbers import MONEY, parse_amount
from auditor._claims._registry import EXTRACTORS
from auditor._claims._resolve import claims_of, resolve
from auditor._claims._returns import refunded_is_return_status
from auditor._claims._rules import rules
from auditor._claims._scan import Hit, scan, silent

_ISSUED = "issued"
_PENDING = "pending"
_NONE = "none"
#: Words between "refund" and its verb ("refund of €3 for the missing lid"), never a verb.
_FILL = (
    r"(?:\s+(?!(?:is|are|be|been|being|will|would|should|shall|can|could|may|might|has|have"
    r"|had|was|were|hasn't|haven't|wasn't|isn't|won't|not|and|but|once|when|if)(?!\w))\S+){0,6}?"
)
_HAS_BEEN = (
    r"(?:has been|have been|was|is|'s been|been|has|had|hasn't been|has not been|haven't been"
    r"|wasn't|was not|isn't|is not)"
)
_DONE = r"(?:issued|processed|procesed|sent|paid(?: out)?|completed|made|credited|released)"

_TABLE = RuleSet.of(
    rules(
        _ISSUED,
        rf"refund{_FILL} {_HAS_BEEN}(?: now| yet| already)?(?: been)? {_DONE}",
        rf"refund{_FILL} (?:went|has gone|was sent) (?:out|back|through)",
        rf"refund{_FILL} (?:is|'s) on (?:its|it's|the|their) way",
        r"refund(?: status)?\W{1,3}(?:issued|completed?|paid|sent)",
        rf"refund{_FILL} {_DONE}",
        rf"refund{_FILL} (?:is|'s|was|has been) (?:now )?(?:complete|completed|done|finali[sz]ed)",
        rf"refund{_FILL} (?:won't|will not|wont) be {_DONE}",
        r"(?:we've|we have|we|i've|i have|i)(?: gone ahead and| just| already| now)?"
        r" (?:refunded|reimbursed|credited)",
        r"you(?:'ve| have)? been (?:refunded|reimbursed|credited)",
        r"(?:we've|we have|i've|i have|we|i)(?: just| already| now)? (?:issued|processed|sent|paid"
        r"|made|completed) (?:a|the|your)(?: full| partial)? refund",
        r"(?:'s|is|has been|was|went|has gone|are) back (?:on|to|in|into) your",
        r"refunded",
        negated=_NONE,
        negated_yet=_PENDING,
    ),
    rules(
        _PENDING,
        rf"refund{_FILL} (?:is|'s|are) (?:still |currently |now )?(?:pending|being processed"
        r"|on hold|in progress|being issued|under way|underway|awaiting approval)",
        r"refund(?: status)?(?: for xx+)?\W{1,3}pending",
        r"pending refund|awaiting (?:a |your |the )?refund",
        rf"refund{_FILL} (?:will|'ll|should|is going to|is due to) be"
        r" (?:issued|processed|sent|paid(?: out)?|made|credited|released)",
        rf"refund{_FILL} (?:will|'ll) (?:follow|come through|be on its way|go out)",
        r"(?:will|'ll|we'll|we will|i'll|i will) (?:refund|reimburse|process (?:the|your) refund"
        r"|issue (?:the|your|a) (?:full )?refund|send (?:the|your) refund)",
        r"(?:will|'ll|shall|should) be (?:refunded|reimbursed)",
        r"(?:you'll|you will) (?:be refunded|be reimbursed|get (?:your )?(?:money|a refund"
        r"|refunded|a full refund)|receive (?:a|your) refund)",
        rf"refund{_FILL} (?:has been |was |is )?(?:approved|initiated|requested|authori[sz]ed)",
    ),
    rules(None, r"be refunded"),
    rules(
        _NONE,
        r"no refunds?",
        r"(?:not|isn't|is not|aren't|won't be|not be) eligible for (?:a )?refund",
        r"non-refundable",
        r"(?:won't|will not|can't|cannot|can not|unable to|couldn't|could not)"
        r" (?:be )?refund(?:ed)?",
        r"(?:won't|will not|cannot|can't) (?:issue|give|offer|process) (?:a |any |you a )?refund",
        r"refund(?: request)? (?:was |has been |is )?(?:declined|rejected|denied|refused)",
        r"no money back",
        negation=False,
    ),
)
_REFUND_CUE = re.compile(
    r"\b(?:refund\w*|reimburs\w*|credit\w*|money back|back (?:on|to|in|into) your"
    r"|on your statement)"
)
#: "No refund until we receive it": refused only for now.
_UNTIL = re.compile(r"[\w ]{0,20}?\b(?:until|till|before|unless|once)\b")
_AMOUNT_LABEL = re.compile(r"\bamount\b")
_ANY_REFUND = re.compile(r"\brefund")
_CURRENCY_HINTS = ("€", "$", "£", "eur", "usd", "gbp", "dollar", "pound")


def _settle(doc: Document, hit: Hit) -> Hit | None:
    """Drop what the return status owns; "no refund … yet" is a refund still to come."""
    bare = doc.masked[hit.start : hit.end] == "refunded"
    if bare and refunded_is_return_status(doc, hit.start):
        return None
    waiting = _UNTIL.match(doc.masked, hit.end) is not None
    if hit.value == _NONE and (waiting or has_yet(doc, hit.clause)):
        return hit._replace(value=_PENDING)
    return hit


@EXTRACTORS.register(ClaimKind.REFUND)
def extract_refund(doc: Document) -> list[Claim]:
    table = (_TABLE, doc.context.vocabulary.rules_for(ClaimKind.REFUND))
    hits = [settled for hit in scan(doc, *table) if (settled := _settle(doc, hit))]
    return claims_of(doc, ClaimKind.REFUND, hits) if hits else []


@EXTRACTORS.register(ClaimKind.REFUND_AMOUNT)
def extract_refund_amount(doc: Document) -> list[Claim]:
    claims: list[Claim] = []
    if not any(map(doc.masked.__contains__, _CURRENCY_HINTS)):
        return claims
    refund_talk = _ANY_REFUND.search(doc.masked) is not None
    for match in MONEY.finditer(doc.masked):
        clause = doc.clause_at(match.start())
        text = doc.labelled_clause_text(clause)
        about_refund = _REFUND_CUE.search(text) or (refund_talk and _AMOUNT_LABEL.search(text))
        if silent(clause) or not about_refund:
            continue
        amount = parse_amount(match.group("before") or match.group("after"))
        if amount is None:
            continue
        hedge = hedged(doc, clause, match.start())
        for subject in resolve(doc, ClaimKind.REFUND_AMOUNT, match.start(), match.end()):
            span = match.span()
            claims.append(Claim(ClaimKind.REFUND_AMOUNT, amount, span, subject, hedge))
    return claims
