"""Running a rule table over an answer: where each phrase is, what it asserts, how firmly."""

from __future__ import annotations

from dataclasses import dataclass

from auditor._claims._dispatch import RuleSet
from auditor._claims._document import Document
from auditor._claims._negation import has_yet, hedged, negated
from auditor._claims._rules import Rule
from auditor._claims._text import Clause


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    value: str
    clause: Clause
    hedged: bool = False
    negated: bool = False


@dataclass(frozen=True, slots=True)
class _Raw:
    start: int
    end: int
    value: str | None
    clause: Clause
    negated: bool


def silent(clause: Clause, *, questions: bool = False) -> bool:
    """The clause asserts nothing: an echoed question, a condition, or a question."""
    return clause.echo or clause.conditional or (clause.question and not questions)


def _value(doc: Document, rule: Rule, clause: Clause, start: int, end: int) -> _Raw:
    is_negated = rule.negation and negated(doc, clause, start, end)
    value = rule.value
    if is_negated:
        value = rule.negated
        if rule.negated_yet is not None and has_yet(doc, clause):
            value = rule.negated_yet
    return _Raw(start, end, value, clause, is_negated)


def _contained(inner: _Raw, outer: _Raw) -> bool:
    return (
        outer.start <= inner.start
        and inner.end <= outer.end
        and (outer.end - outer.start) > (inner.end - inner.start)
    )


def scan(doc: Document, *tables: RuleSet, questions: bool = False) -> list[Hit]:
    """Hits of every rule, the longest phrase winning where one contains another.

    A phrase that is blocked, or negated into nothing, still hides the phrases inside it:
    "no longer available" is never also "available".
    """
    raw: list[_Raw] = []
    for table in tables:
        for rule, match in table.matches(doc.masked, doc.words):
            start, end = match.span()
            if start == end:
                continue
            clause = doc.clause_at(start)
            if not silent(clause, questions=questions):
                raw.append(_value(doc, rule, clause, start, end))
    raw.sort(key=lambda r: (r.start, r.end, r.value or ""))
    hits = []
    for item in raw:
        if item.value is None or any(_contained(item, other) for other in raw):
            continue
        hits.append(
            Hit(
                item.start,
                item.end,
                item.value,
                item.clause,
                hedged(doc, item.clause, item.start),
                item.negated,
            )
        )
    return hits
