"""Coverage: what the audit could have looked at, against what it did look at."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
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


class CoverageTally:
    """What coverage needs of the results, one at a time: the edge classes probed, the order
    and return states seen in the truth, and per probe kind the answers and the errors."""

    def __init__(self) -> None:
        self.probed: set[str] = set()
        self.states: dict[str, set[str]] = {"orders": set(), "returns": set()}
        #: Per probe kind: probes with an answer (any verdict but `error`), and errors.
        self.answered: Counter[str] = Counter()
        self.errored: Counter[str] = Counter()

    def add(self, result: ProbeResult) -> None:
        probe = result.probe
        if probe.get("edge_class"):
            self.probed.add(str(probe["edge_class"]))
        seen = self.states.get(fact_kind(result))
        if seen is not None:
            record = truth(result)
            if record is not None and record.fact is not None:
                status = record.fact.get("status")
                if status is not None:
                    seen.add(str(status))
        (self.errored if result.verdict.value == "error" else self.answered)[
            str(probe["kind"])
        ] += 1

    def unasked(self, asked: Mapping[str, Any] | None) -> dict[str, str]:
        """Probe kinds the audit was told to ask and could not (they hold readiness back)."""
        if asked is None:
            return {}
        return unasked_kinds(asked, self.answered, self.errored)

    def _edge_classes(self, counts: Mapping[str, int], asked: Mapping[str, Any] | None) -> Coverage:
        """Present classes and those the suites ask for (even with no subject), against
        probed."""
        wanted = {name for name, members in counts.items() if members > 0}
        wanted |= set((asked or {}).get("edge_classes") or ())
        base = coverage(wanted, self.probed)
        subjects = {name: int(counts.get(name, 0)) for name in base.possible}
        why = {name: "0 subjects" for name in base.missing if not subjects[name]}
        return base.model_copy(update={"subjects": subjects, "why": why})

    def probe_kinds(self, asked: Mapping[str, Any] | None) -> Coverage | None:
        """The probe kinds the suites name, against those answered; None when not recorded."""
        if asked is None:
            return None
        kinds = set(asked.get("kinds") or ())
        base = coverage(kinds, [k for k in kinds if self.answered.get(k)])
        planned = asked.get("not_planned") or {}
        why = {k: str(planned[k].get("reason", "")) for k in base.missing if k in planned}
        elsewhere = "planned, not asked in this run (a shard's slice)"
        why |= {k: elsewhere for k in base.missing if k not in planned}
        return base.model_copy(update={"why": {**why, **self.unasked(asked)}})

    def metrics(
        self, snapshot_edge_classes: Mapping[str, int], asked: Mapping[str, Any] | None = None
    ) -> CoverageMetrics:
        return CoverageMetrics(
            edge_classes=self._edge_classes(snapshot_edge_classes, asked),
            order_states=coverage((s.value for s in OrderStatus), self.states["orders"]),
            return_states=coverage((s.value for s in ReturnStatus), self.states["returns"]),
            probe_kinds=self.probe_kinds(asked),
        )


def _tally(results: Iterable[ProbeResult]) -> CoverageTally:
    tally = CoverageTally()
    for result in results:
        tally.add(result)
    return tally


def unasked(results: Iterable[ProbeResult], asked: Mapping[str, Any] | None) -> dict[str, str]:
    """Probe kinds the audit was told to ask and could not (they hold readiness back)."""
    return {} if asked is None else _tally(results).unasked(asked)


def probe_kind_coverage(
    results: Iterable[ProbeResult], asked: Mapping[str, Any] | None
) -> Coverage | None:
    """The probe kinds the suites name, against those answered; None when not recorded."""
    return None if asked is None else _tally(results).probe_kinds(asked)


def coverage_metrics(
    results: Iterable[ProbeResult],
    snapshot_edge_classes: Mapping[str, int],
    asked: Mapping[str, Any] | None = None,
) -> CoverageMetrics:
    """`asked` is what the suites asked for (`meta.json`'s `asked`; None for older audits)."""
    return _tally(results).metrics(snapshot_edge_classes, asked)


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
