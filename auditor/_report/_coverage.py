"""Coverage: what the audit could have looked at, against what it did look at."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from auditor._facts import OrderStatus, ReturnStatus
from auditor._probes import unasked_kinds
from auditor._report._model import Coverage, CoverageMetrics, Rate
from auditor._report._truth import fact_kind, truth
from auditor._results import ProbeResult


def coverage(possible: Iterable[str], covered: Iterable[str]) -> Coverage:
    want = sorted(set(possible))
    seen = set(covered)
    hit = [name for name in want if name in seen]
    return Coverage(
        possible=want,
        covered=hit,
        missing=[name for name in want if name not in seen],
        rate=Rate(numerator=len(hit), denominator=len(want)),
    )


def _states_seen(results: Sequence[ProbeResult], kind: str) -> set[str]:
    seen = set()
    for result in results:
        record = truth(result)
        if fact_kind(result) == kind and record is not None and record.fact is not None:
            status = record.fact.get("status")
            if status is not None:
                seen.add(str(status))
    return seen


def _edge_classes(
    results: Sequence[ProbeResult], counts: Mapping[str, int], asked: Mapping[str, Any] | None
) -> Coverage:
    """Present classes and those the suites ask for (even with no subject), against probed."""
    wanted = {name for name, members in counts.items() if members > 0}
    wanted |= set((asked or {}).get("edge_classes") or ())
    probed = {str(r.probe["edge_class"]) for r in results if r.probe.get("edge_class")}
    base = coverage(wanted, probed)
    subjects = {name: int(counts.get(name, 0)) for name in base.possible}
    why = {name: "0 subjects" for name in base.missing if not subjects[name]}
    return base.model_copy(update={"subjects": subjects, "why": why})


def _kind_counts(results: Sequence[ProbeResult]) -> tuple[Counter[str], Counter[str]]:
    """Per probe kind: probes with an answer (any verdict but `error`), and errors."""
    answered: Counter[str] = Counter()
    errored: Counter[str] = Counter()
    for r in results:
        (errored if r.verdict.value == "error" else answered)[str(r.probe["kind"])] += 1
    return answered, errored


def unasked(results: Sequence[ProbeResult], asked: Mapping[str, Any] | None) -> dict[str, str]:
    """Probe kinds the audit was told to ask and could not (they hold readiness back)."""
    if asked is None:
        return {}
    return unasked_kinds(asked, *_kind_counts(results))


def probe_kind_coverage(
    results: Sequence[ProbeResult], asked: Mapping[str, Any] | None
) -> Coverage | None:
    """The probe kinds the suites name, against those answered; None when not recorded."""
    if asked is None:
        return None
    answered, _ = _kind_counts(results)
    kinds = set(asked.get("kinds") or ())
    base = coverage(kinds, [k for k in kinds if answered.get(k)])
    planned = asked.get("not_planned") or {}
    why = {k: str(planned[k].get("reason", "")) for k in base.missing if k in planned}
    elsewhere = "planned, not asked in this run (a shard's slice)"
    why |= {k: elsewhere for k in base.missing if k not in planned}
    return base.model_copy(update={"why": {**why, **unasked(results, asked)}})


def coverage_metrics(
    results: Sequence[ProbeResult],
    snapshot_edge_classes: Mapping[str, int],
    asked: Mapping[str, Any] | None = None,
) -> CoverageMetrics:
    """`asked` is what the suites asked for (`meta.json`'s `asked`; None for older audits)."""
    return CoverageMetrics(
        edge_classes=_edge_classes(results, snapshot_edge_classes, asked),
        order_states=coverage((s.value for s in OrderStatus), _states_seen(results, "orders")),
        return_states=coverage((s.value for s in ReturnStatus), _states_seen(results, "returns")),
        probe_kinds=probe_kind_coverage(results, asked),
    )


def not_covered(metrics: CoverageMetrics) -> list[str]:
    """One line per edge class or probe kind that was asked for and not covered, for views."""
    edges = metrics.edge_classes

    def unprobed(name: str) -> str:
        count = edges.subjects.get(name, 0)
        return f"{count} subject{'' if count == 1 else 's'}, none probed"

    lines = [
        f"edge class {name}: not covered: {edges.why.get(name) or unprobed(name)}"
        for name in edges.missing
    ]
    kinds = metrics.probe_kinds
    if kinds is not None:
        lines += [
            f"probe kind {name}: not asked: {kinds.why.get(name, 'no answer')}"
            for name in kinds.missing
        ]
    return lines
