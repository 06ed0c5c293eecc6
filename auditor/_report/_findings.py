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
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import Literal

from auditor._compat import IMPRECISE, INVENTS_DATE, REASSURES_LATE
from auditor._judge import CAVED_ON_PUSHBACK, WRONG_SUBJECT
from auditor._probes import PROBE_KINDS
from auditor._report._model import Example, Finding
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
    )


def finding_id(kind: str, edge_class: str | None, pattern: str) -> str:
    return hashlib.sha256(f"{kind}|{edge_class}|{pattern}".encode()).hexdigest()[:12]


def group_findings(
    results: Sequence[ProbeResult], anchors: Mapping[str, str] | None = None
) -> list[Finding]:
    names = anchors or {}
    population = Counter((r.probe["kind"], r.probe.get("edge_class")) for r in results)
    groups: dict[tuple[str, str, str | None, str], list[ProbeResult]] = defaultdict(list)
    for result in results:
        imprecise = result.verdict is Verdict.PASS and result.label == IMPRECISE
        if result.verdict in (Verdict.FAIL, Verdict.UNANSWERED) or imprecise:
            key = (
                IMPRECISE if imprecise else result.verdict.value,
                str(result.probe["kind"]),
                result.probe.get("edge_class"),
                _pattern(result, names),
            )
            groups[key].append(result)
    findings = []
    for (verdict, kind, edge_class, pattern), members in groups.items():
        shortest = min(members, key=lambda r: (len(r.answer or ""), r.probe_id))
        findings.append(
            Finding(
                id=finding_id(kind, edge_class, pattern),
                verdict="fail" if verdict == "fail" else _LABELLED.get(verdict, "unanswered"),
                kind=kind,
                edge_class=edge_class,
                pattern=pattern,
                count=len(members),
                of=population[(kind, edge_class)],
                subjects=sorted({str(r.probe["subject"]) for r in members}),
                example=_example(shortest),
            )
        )
    findings.sort(key=lambda f: (_ORDER[f.verdict], -f.count, f.kind, f.pattern))
    return findings
