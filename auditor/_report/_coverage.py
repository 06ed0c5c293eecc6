"""Coverage: what the audit could have looked at, against what it did look at."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from auditor._facts import OrderStatus, ReturnStatus
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


def coverage_metrics(
    results: Sequence[ProbeResult], snapshot_edge_classes: Mapping[str, int]
) -> CoverageMetrics:
    present = [name for name, members in snapshot_edge_classes.items() if members > 0]
    probed = {str(r.probe["edge_class"]) for r in results if r.probe.get("edge_class")}
    return CoverageMetrics(
        edge_classes=coverage(present, probed),
        order_states=coverage((s.value for s in OrderStatus), _states_seen(results, "orders")),
        return_states=coverage((s.value for s in ReturnStatus), _states_seen(results, "returns")),
    )
