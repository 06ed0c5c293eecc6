"""Delivery dates: a date in a clause about delivery, resolved against the audit's clock.

A date counts only beside a delivery word (arrive, deliver, ETA, expected, with you …) and
never in a clause about a restock, a return or a refund, so "back in stock on 3 Dec" and
"refunded within 5 days" are not delivery promises.
"""

from __future__ import annotations

import re

from auditor._claims._dates import DateExpr, find_dates, resolve
from auditor._claims._document import Document
from auditor._claims._model import Claim, ClaimKind
from auditor._claims._negation import hedged, negated
from auditor._claims._registry import EXTRACTORS
from auditor._claims._resolve import resolve as resolve_subjects
from auditor._claims._scan import silent
from auditor._claims._text import Clause

_CUE = re.compile(
    r"\b(?:arriv\w*|deliver\w*|delivr\w*|delieverd|eta|expected|expect|estimated|due"
    r"|with you|reach(?:es)? you|get to you|turn up|lands?"
    r"|(?:you'll|you will|you should|you'd|should|will) (?:get|receive) (?:it|them|your))\b"
)
_OFF_TOPIC = re.compile(
    r"\b(?:re-?stock\w*|back in stock|expected back|due back|refunds?|refunded|returns?|returned"
    r"|rma|sent back|send back|credit\w*|money|usually|typically|normally)\b"
)
_CUE_WORDS = frozenset(
    [
        "eta",
        "expected",
        "expect",
        "estimated",
        "due",
        "with",
        "reach",
        "reaches",
        "get",
        "turn",
        "land",
        "lands",
        "receive",
    ]
)
_CUE_STEMS = ("arriv", "deliver", "delivr", "delieverd")
_RESTOCK = re.compile(r"\b(?:re-?stock\w*|back in stock|expected back|due back)\b")
_PAST = re.compile(r"\b(?:delivered|arrived|was|were|came|got|received|signed|dropped|left|last)\b")
_FUTURE = re.compile(
    r"\b(?:will|'ll|should|expect|expected|due|going to|to be|arrives|arriving|scheduled)\b"
)


def _delivery_clauses(doc: Document) -> list[Clause]:
    """Clauses that speak of a delivery and of nothing that rules it out."""
    words = doc.words.by_word
    if _CUE_WORDS.isdisjoint(doc.words.word_set) and not (
        any(map(doc.masked.__contains__, _CUE_STEMS))  # cheap, and usually settles it
        and any(w.startswith(_CUE_STEMS) for w in words)
    ):
        return []
    found = []
    for clause in doc.clauses:
        text = doc.labelled_clause_text(clause)
        if silent(clause) or not _CUE.search(text) or _OFF_TOPIC.search(text):
            continue
        if _RESTOCK.search(doc.clause_text(doc.sentences[clause.sentence])):
            continue
        if not negated(doc, clause, clause.start, clause.end):
            found.append(clause)
    return found


@EXTRACTORS.register(ClaimKind.DELIVERY_DATE)
def extract_delivery_date(doc: Document) -> list[Claim]:
    claims = []
    for clause in _delivery_clauses(doc):
        # A date may run past its clause ("Thursday, 26th November"): search to the
        # sentence's end, keep the dates that start in the clause.
        sentence = doc.sentences[clause.sentence]
        for expr in find_dates(doc.masked, clause.start, sentence.end):
            if expr.start < clause.end:
                claims.extend(_claims(doc, clause, expr))
    return claims


def _claims(doc: Document, clause: Clause, expr: DateExpr) -> list[Claim]:
    text = doc.labelled_clause_text(clause)
    past = bool(_PAST.search(text)) and not _FUTURE.search(text)
    day = resolve(expr, doc.context.now, past=past)
    if day is None:
        return []
    hedge = hedged(doc, clause, expr.start)
    span = (expr.start, expr.end)
    return [
        Claim(ClaimKind.DELIVERY_DATE, day.isoformat(), span, subject, hedge)
        for subject in resolve_subjects(doc, ClaimKind.DELIVERY_DATE, expr.start, expr.end)
    ]
