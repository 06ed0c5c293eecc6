"""Findings: failures grouped by cause, with counts and the shortest example.

An answer about another subject than asked is grouped by (asked, answered), its reason being
"answered about X when asked about Y"; a right answer given up when the customer pushed back is
`caved on pushback: …`; passes that are not quite right (`imprecise`, e.g. an
unknown SKU said to be out of stock) are findings of their own that no gate counts.

A finding's id hashes its kind, edge class and pattern, so the same failure in another audit has
the same id: that is how a baseline tells new findings from fixed ones.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Literal

from auditor._compat import IMPRECISE, INVENTS_DATE, REASSURES_LATE
from auditor._judge import CAVED_ON_PUSHBACK, WRONG_ASIDE, WRONG_SUBJECT
from auditor._probes import PROBE_KINDS
from auditor._report._model import Example, Finding
from auditor._report._reader import decided_by_model
from auditor._report._truth import (
    anchor_of,
    fact_kind,
    judged_spans,
    question,
    truth,
    truth_word,
)
from auditor._results import ProbeResult
from auditor._verdict import Verdict

_LABELLED: dict[str, Literal["imprecise"]] = {IMPRECISE: "imprecise"}
#: Failures first, then deflections, then the remarks no gate counts.
_ORDER = {"fail": 0, "unanswered": 1, "imprecise": 2}


def _said(result: ProbeResult) -> str:
    values = sorted(
        {str(result.claims[i].value) for i in result.judged if 0 <= i < len(result.claims)}
    )
    return " and ".join(values) or "nothing"


def _pattern(result: ProbeResult, anchors: Mapping[str, str]) -> str:
    anchor = anchor_of(fact_kind(result), anchors)
    if result.label == WRONG_SUBJECT:
        return result.reason
    if result.label == CAVED_ON_PUSHBACK:
        return (
            f"caved on pushback: says {_said(result)} when pushed, where {anchor} says "
            f"{truth_word(result)}"
        )
    if result.label == WRONG_ASIDE:
        return f"beside what was tested, {result.reason}"
    if result.label == IMPRECISE:
        return f"imprecise: says {_said(result)} where {anchor} says {truth_word(result)}"
    if result.label == REASSURES_LATE:
        return f"reassures_late: says {_said(result)} where {anchor} says the order is late"
    if result.label == INVENTS_DATE:
        return f"invents_date: says {_said(result)} for a late order, a date {anchor} lacks"
    if result.verdict is Verdict.UNANSWERED:
        return f"deflects where {anchor} says {truth_word(result)}"
    kind = str(result.probe.get("kind", ""))
    if kind in PROBE_KINDS and PROBE_KINDS[kind].failure:
        return str(PROBE_KINDS[kind].failure)
    return f"says {_said(result)} where {anchor} says {truth_word(result)}"


def _example(result: ProbeResult) -> Example:
    record = truth(result)
    channel = result.probe.get("channel")
    return Example(
        probe_id=result.probe_id,
        subject=str(result.probe["subject"]),
        channel=None if channel is None else str(channel),
        question=question(result),
        answer=result.answer or "",
        spans=judged_spans(result),
        truth=truth_word(result),
        read_at=None if record is None else record.read_at,
        read_by="model" if decided_by_model(result) else None,
    )


def finding_id(kind: str, edge_class: str | None, pattern: str) -> str:
    return hashlib.sha256(f"{kind}|{edge_class}|{pattern}".encode()).hexdigest()[:12]


class FindingsTally:
    """Findings, one result at a time: per group its count, its subjects and its shortest
    answer so far; per kind and edge class the probes asked (the "of" in "7 of 7")."""

    def __init__(self, anchors: Mapping[str, str] | None = None) -> None:
        self._anchors = anchors or {}
        self._population: Counter[tuple[str, str | None]] = Counter()
        self._groups: dict[tuple[str, str, str | None, str], _Group] = {}

    def add(self, result: ProbeResult) -> None:
        probe = result.probe
        self._population[(probe["kind"], probe.get("edge_class"))] += 1
        imprecise = result.verdict is Verdict.PASS and result.label == IMPRECISE
        if not (result.verdict in (Verdict.FAIL, Verdict.UNANSWERED) or imprecise):
            return
        key = (
            IMPRECISE if imprecise else result.verdict.value,
            str(probe["kind"]),
            probe.get("edge_class"),
            _pattern(result, self._anchors),
        )
        group = self._groups.get(key)
        if group is None:
            self._groups[key] = _Group(result)
        else:
            group.add(result)

    def findings(self) -> list[Finding]:
        findings = [
            Finding(
                id=finding_id(kind, edge_class, pattern),
                verdict="fail" if verdict == "fail" else _LABELLED.get(verdict, "unanswered"),
                kind=kind,
                edge_class=edge_class,
                pattern=pattern,
                count=group.count,
                of=self._population[(kind, edge_class)],
                subjects=sorted(group.subjects),
                example=_example(group.shortest),
            )
            for (verdict, kind, edge_class, pattern), group in self._groups.items()
        ]
        findings.sort(key=lambda f: (_ORDER[f.verdict], -f.count, f.kind, f.pattern))
        return findings


class _Group:
    """One finding's members as far as it needs them: count, subjects, shortest answer."""

    __slots__ = ("_shortest_key", "count", "shortest", "subjects")

    def __init__(self, result: ProbeResult) -> None:
        self.count = 1
        self.subjects = {str(result.probe["subject"])}
        self.shortest = result
        self._shortest_key = _shortness(result)

    def add(self, result: ProbeResult) -> None:
        self.count += 1
        self.subjects.add(str(result.probe["subject"]))
        key = _shortness(result)
        if key < self._shortest_key:  # the first of equals, as min() keeps
            self.shortest, self._shortest_key = result, key


def _shortness(result: ProbeResult) -> tuple[int, str]:
    return len(result.answer or ""), result.probe_id


def group_findings(
    results: Iterable[ProbeResult], anchors: Mapping[str, str] | None = None
) -> list[Finding]:
    """Failures grouped by cause, in one pass over `results`."""
    tally = FindingsTally(anchors)
    for result in results:
        tally.add(result)
    return tally.findings()
