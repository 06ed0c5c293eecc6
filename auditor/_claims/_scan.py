"""Running a rule table over an answer: where each phrase is, what it asserts, how firmly."""

from __future__ import annotations

import re
from operator import itemgetter
from typing import NamedTuple

from auditor._claims._compiled import compile_pattern
from auditor._claims._dispatch import RuleSet
from auditor._claims._document import Document
from auditor._claims._negation import has_yet, hedged, negated
from auditor._claims._rules import Rule
from auditor._claims._text import Clause


class Hit(NamedTuple):
    """A named tuple rather than a dataclass: every phrase found makes one, per answer."""

    start: int
    end: int
    value: str
    clause: Clause
    hedged: bool = False
    negated: bool = False
    #: The subject a shop phrase's placeholder stands on; None: resolved by `_resolve`.
    subject: str | None = None


#: A phrase found, before containment is settled: start, end, value or "" (the sort key),
#: value, clause, negated, the subject its placeholder names.
_Raw = tuple[int, int, str, str | None, Clause, bool, str | None]
_SORT_KEY = itemgetter(0, 1, 2)
_WORD = compile_pattern(r"[^\W_]+")


def placeholder_subject(doc: Document, rule: Rule, match: re.Match[str]) -> str | None:
    """The subject the first placeholder of a shop phrase stands on, or None when some
    placeholder stands on a word that names no subject of its types (the phrase did not match).

    A placeholder matches a word; it stands for a subject only where a mention starts there
    and ends with that word (a masked name is one run of "x").
    """
    subject = None
    for group, types in enumerate(rule.placeholders, start=1):
        start = match.start(group)
        word = _WORD.match(doc.masked, start)
        end = start if word is None else word.end()
        mention = next((m for m in doc.mentions if m.start == start and m.end == end), None)
        if mention is None or mention.type not in types:
            return None
        if subject is None:
            subject = mention.subject
    return subject


def silent(clause: Clause, *, questions: bool = False) -> bool:
    """The clause asserts nothing: an echoed question, a condition, or a question."""
    return clause.echo or clause.conditional or (clause.question and not questions)


def silent_at(doc: Document, start: int, end: int, *, questions: bool = False) -> bool:
    """Words at `start:end` assert nothing: their clause is `silent`, or they run into a
    question ("3708 - in stock or not?": the count's clause ends at the dash)."""
    if silent(doc.clause_at(start), questions=questions):
        return True
    return not questions and end > start and doc.clause_at(end - 1).question


def _phrase(
    doc: Document, rule: Rule, match: re.Match[str], questions: bool, kind: str | None
) -> _Raw | None:
    """One match of `rule` as a phrase found, or None where it asserts nothing."""
    start, end = match.span()
    if start == end:
        return None
    clause = doc.clause_at(start)
    if silent_at(doc, start, end, questions=questions) or doc.crosses_block(start, end):
        return None
    if kind is not None and not doc.reads(kind, clause, start, end):
        return None
    subject = None
    if rule.placeholders:
        subject = placeholder_subject(doc, rule, match)
        if subject is None:
            return None
    value = rule.value
    is_negated = rule.negation and (negated(doc, clause, start, end) or doc.denied_by_value(clause))
    if is_negated:
        value = rule.negated
        if rule.negated_yet is not None and has_yet(doc, clause):
            value = rule.negated_yet
    return (start, end, value or "", value, clause, is_negated, subject)


def scan(
    doc: Document,
    *tables: RuleSet,
    questions: bool = False,
    hedging: bool = True,
    kind: str | None = None,
) -> list[Hit]:
    """Hits of every rule, the longest phrase winning where one contains another.

    A phrase that is blocked, or negated into nothing, still hides the phrases inside it:
    "no longer available" is never also "available". Without `hedging` no hit is hedged.
    With `kind`, a phrase in a clause about something else (`Document.reads`) is none.
    """
    raw: list[_Raw] = []
    if kind is not None and not doc.checks(kind):
        kind = None
    for table in tables:
        if not table.rules:
            continue
        for rule, match in table.matches(doc.masked, doc.words):
            found = _phrase(doc, rule, match, questions, kind)
            if found is not None:
                raw.append(found)
    if not raw:
        return []
    several = len(raw) > 1
    if several:
        raw.sort(key=_SORT_KEY)
    hits = []
    for start, end, _, value, clause, is_negated, subject in raw:
        if value is None or (several and _inside_another(start, end, raw)):
            continue
        hedge = hedging and hedged(doc, clause, start)
        hits.append(Hit(start, end, value, clause, hedge, is_negated, subject))
    return hits


def _inside_another(start: int, end: int, raw: list[_Raw]) -> bool:
    length = end - start
    for other in raw:
        if other[0] <= start and end <= other[1] and other[1] - other[0] > length:
            return True
    return False
