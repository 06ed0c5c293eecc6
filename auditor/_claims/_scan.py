"""Running a rule table over an answer: where each phrase is, what it asserts, how firmly."""

from __future__ import annotations

from operator import itemgetter
from typing import NamedTuple

from auditor._claims._dispatch import RuleSet
from auditor._claims._document import Document
from auditor._claims._negation import has_yet, hedged, negated
from auditor._claims._text import Clause


class Hit(NamedTuple):
    """A named tuple rather than a dataclass: every phrase found makes one, per answer."""

    start: int
    end: int
    value: str
    clause: Clause
    hedged: bool = False
    negated: bool = False


#: A phrase found, before containment is settled: start, end, value or "" (the sort key),
#: value, clause, negated.
_Raw = tuple[int, int, str, str | None, Clause, bool]
_SORT_KEY = itemgetter(0, 1, 2)


def silent(clause: Clause, *, questions: bool = False) -> bool:
    """The clause asserts nothing: an echoed question, a condition, or a question."""
    return clause.echo or clause.conditional or (clause.question and not questions)


def scan(
    doc: Document, *tables: RuleSet, questions: bool = False, hedging: bool = True
) -> list[Hit]:
    """Hits of every rule, the longest phrase winning where one contains another.

    A phrase that is blocked, or negated into nothing, still hides the phrases inside it:
    "no longer available" is never also "available". Without `hedging` no hit is hedged.
    """
    raw: list[_Raw] = []
    for table in tables:
        if not table.rules:
            continue
        for rule, match in table.matches(doc.masked, doc.words):
            start, end = match.span()
            if start == end:
                continue
            clause = doc.clause_at(start)
            if silent(clause, questions=questions) or doc.crosses_block(start, end):
                continue
            value = rule.value
            is_negated = rule.negation and (
                negated(doc, clause, start, end) or doc.denied_by_value(clause)
            )
            if is_negated:
                value = rule.negated
                if rule.negated_yet is not None and has_yet(doc, clause):
                    value = rule.negated_yet
            raw.append((start, end, value or "", value, clause, is_negated))
    if not raw:
        return []
    several = len(raw) > 1
    if several:
        raw.sort(key=_SORT_KEY)
    hits = []
    for start, end, _, value, clause, is_negated in raw:
        if value is None or (several and _inside_another(start, end, raw)):
            continue
        hedge = hedging and hedged(doc, clause, start)
        hits.append(Hit(start, end, value, clause, hedge, is_negated))
    return hits


def _inside_another(start: int, end: int, raw: list[_Raw]) -> bool:
    length = end - start
    for other in raw:
        if other[0] <= start and end <= other[1] and other[1] - other[0] > length:
            return True
    return False
