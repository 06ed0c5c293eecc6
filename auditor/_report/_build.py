"""Assemble the `Audit` model from what an audit directory holds."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any, Literal

from auditor._config import GateSection
from auditor._lag import LagRecord, ResetRecord, summarise_lag
from auditor._report._baseline import BaselineSummary, compare, headline
from auditor._report._decision import GateTally, StopPlan, decide_stop
from auditor._report._findings import FindingsTally
from auditor._report._gate import OutageTally, decide, kinds_check
from auditor._report._lag import lag_check
from auditor._report._metrics import MetricsTally
from auditor._report._model import (
    Audit,
    ContractFindingRecord,
    DependencyRow,
    FailOn,
    Metrics,
    SnapshotInfo,
    StopRecord,
    Trend,
    TrendPoint,
)
from auditor._report._reader import ReaderTally
from auditor._report._sample import DEFAULT_SAMPLE
from auditor._report._truth import anchor_of, fact_kind
from auditor._report._views import ReportViews
from auditor._results import DEADLINE_REASON, ProbeResult, StoredResults
from auditor._store import BUDGET_KEY, STOP_KEY
from auditor._tap import OrchestrationMap, TapCall, orchestration_map
from auditor._traces import SpanRecord, traces_map
from auditor._verdict import Verdict


def dependency_map(
    snapshot: SnapshotInfo,
    anchors: Mapping[str, str],
    results: Iterable[ProbeResult],
    contract_findings: Sequence[ContractFindingRecord],
) -> list[DependencyRow]:
    """Anchors → fact kinds → how many facts, probes and failures rest on each."""
    tally = AuditTally({}, sample=0)
    for result in results:
        tally.add(result)
    return tally.dependencies(snapshot, anchors, contract_findings)


class AuditTally:
    """Everything the audit model needs of its results, counted in one pass.

    Each result is seen once and let go: metrics, findings, the data-dependency counts, the
    gate's outage count and the views' bounded samples are counters and a few kept results,
    so building the audit holds the same memory for 100 results as for 100,000.
    `anchors` are the recorded fact kind -> anchor names (`meta.json`), as the metrics and
    findings name them.
    """

    def __init__(
        self, anchors: Mapping[str, str], *, sample: int = DEFAULT_SAMPLE, stop: bool = False
    ) -> None:
        self.metrics = MetricsTally(anchors)
        self.findings = FindingsTally(anchors)
        self.outage = OutageTally()
        self.reader = ReaderTally()
        #: Under `stop = "decided"` (`stop`): the stop rule's counts, and the answers not cut
        #: by the deadline, for the stop record.
        self.gate: GateTally | None = GateTally() if stop else None
        self.answered = 0
        self.views = ReportViews(sample)
        self.views.latencies = self.metrics.latencies  # one copy of the latencies
        #: Per fact kind: probes, and failures (fail or unanswered).
        self.probes: Counter[str] = Counter()
        self.failures: Counter[str] = Counter()
        self.last_finished: datetime | None = None

    def add(self, result: ProbeResult) -> None:
        self.metrics.add(result)
        self.findings.add(result)
        self.outage.add(result)
        self.reader.add(result)
        if self.gate is not None:
            self.gate.add(result)
            self.answered += result.reason != DEADLINE_REASON
        self.views.add(result, latency=False)
        kind = fact_kind(result)
        self.probes[kind] += 1
        if result.verdict in (Verdict.FAIL, Verdict.UNANSWERED):
            self.failures[kind] += 1
        if self.last_finished is None or result.finished_at > self.last_finished:
            self.last_finished = result.finished_at

    def dependencies(
        self,
        snapshot: SnapshotInfo,
        anchors: Mapping[str, str],
        contract_findings: Sequence[ContractFindingRecord],
    ) -> list[DependencyRow]:
        breaches = Counter(c.anchor for c in contract_findings)
        kinds = sorted({*snapshot.counts, *self.probes} - {""})
        rows = [
            DependencyRow(
                anchor=anchor_of(kind, anchors),
                fact_kind=kind,
                facts=snapshot.counts.get(kind, 0),
                probes=self.probes[kind],
                failures=self.failures[kind],
                contract_findings=breaches[anchor_of(kind, anchors)],
            )
            for kind in kinds
        ]
        return sorted(rows, key=lambda r: (r.anchor, r.fact_kind))

    def anchor_names(self, recorded: Mapping[str, str], snapshot: SnapshotInfo) -> dict[str, str]:
        """Fact kind -> anchor, as recorded; older audits fall back to the usual names."""
        used = {k for k, n in snapshot.counts.items() if n} | set(self.probes)
        return {kind: anchor_of(kind, recorded) for kind in sorted(used | set(recorded)) if kind}


def in_report_order(results: Sequence[ProbeResult]) -> Sequence[ProbeResult]:
    """Results by start, then probe id; stored results are read back in that order already."""
    if isinstance(results, StoredResults):
        return results
    return sorted(results, key=lambda r: (r.started_at, r.probe_id))


def _orchestration(
    results: Sequence[ProbeResult],
    anchors: Mapping[str, str],
    calls: Sequence[TapCall] | None,
    spans: Sequence[SpanRecord] | None,
) -> OrchestrationMap | None:
    """The map from the assistant's spans when the receiver got any, else from the tap."""
    if spans is not None and (spans or calls is None):
        return traces_map(results, spans, anchors)
    return None if calls is None else orchestration_map(results, calls, anchors)


def build_audit(
    meta: dict[str, Any],
    results: Sequence[ProbeResult],
    *,
    gate: GateSection,
    contract_findings: Sequence[dict[str, Any]],
    status: Literal["complete", "interrupted"],
    finished_at: datetime,
    baseline: BaselineSummary | None = None,
    fail_on: FailOn = "gate",
    trend: Sequence[TrendPoint] | None = None,
    lag: tuple[Sequence[LagRecord], ResetRecord | None] | None = None,
    calls: Sequence[TapCall] | None = None,
    spans: Sequence[SpanRecord] | None = None,
    sample: int = DEFAULT_SAMPLE,
) -> Audit:
    """The audit from stored data alone; `baseline` adds the comparison with an earlier audit.

    `results` are read once, as a stream (`AuditTally`), and kept on the audit as given, for
    `audit.json` to stream again: pass `StoredResults` and no result is held in memory. The
    tap's map (`calls`) reads them a second time. `sample` bounds the probes each view lists.
    `trend` holds the earlier audits' points (`trend.json`); this audit's own is appended.
    `lag` is the stored lag phase (`lag.jsonl`) and `calls` the tap's recording (`tap.jsonl`),
    None when there was none; `spans` the spans the OTLP receiver got (`traces.jsonl`), which
    draw the map instead of the tap's calls when there are any.
    """
    ordered = in_report_order(results)
    snapshot = SnapshotInfo.model_validate(meta["snapshot"])
    recorded: dict[str, str] = dict(meta.get("anchors") or {})
    contracts = [ContractFindingRecord.model_validate(c) for c in contract_findings]
    tally = AuditTally(recorded, sample=sample, stop=bool(meta.get(STOP_KEY)))
    for result in ordered:
        tally.add(result)
    anchors = tally.anchor_names(recorded, snapshot)
    asked = meta.get("asked")  # audits before 1.3 did not record it
    metrics = tally.metrics.metrics(
        snapshot_edge_classes=snapshot.edge_classes,
        contract_findings=len(contracts),
        asked=asked,
    )
    findings = tally.findings.findings()
    comparison = None if baseline is None else compare(baseline, findings, metrics)
    lag_summary = None if lag is None else summarise_lag(*lag)
    lag_gate = lag_check(gate.max_lag_s, lag_summary)
    coverage = tally.metrics.coverage
    readiness = decide(
        gate,
        metrics,
        baseline=comparison,
        fail_on=fail_on,
        complete=status == "complete",
        extra_checks=[lag_gate] if lag_gate is not None else [],
        outage=tally.outage.could_not_run(gate.max_error_rate_could_not_run),
        kinds=None if asked is None else kinds_check(coverage.unasked(asked), len(asked["kinds"])),
    )
    audit = Audit(
        name=meta["name"],
        run_id=meta["run_id"],
        status=status,
        started_at=meta["started_at"],
        finished_at=finished_at,
        profile=meta["profile"],
        seed=meta["seed"],
        config_digest=meta["config_digest"],
        tool_version=meta["tool_version"],
        channels=meta["channels"],
        snapshot=snapshot,
        anchors=anchors,
        planned=meta["planned"],
        metrics=metrics,
        readiness=readiness,
        findings=findings,
        contract_findings=contracts,
        dependencies=tally.dependencies(snapshot, anchors, contracts),
        baseline=comparison,
        trend=None
        if trend is None
        else _trend(trend, meta["run_id"], finished_at, readiness.ready, metrics),
        lag=lag_summary,
        orchestration=_orchestration(ordered, anchors, calls, spans),
        short_of_budget=(meta.get(BUDGET_KEY) or {}).get("why"),
        reader=tally.reader.summary(meta),
        stopped=stop_record(meta, gate, tally),
        results=[],
    )
    # Not validated again: the results are kept as given (a lazily read sequence, say).
    audit = audit.model_copy(update={"results": ordered})
    audit._views = tally.views
    return audit


def stop_record(meta: Mapping[str, Any], gate: GateSection, tally: AuditTally) -> StopRecord | None:
    """Whether, and after how many questions, the gate was decided; None when the audit ran
    to its budget. Recomputed from the results, so a merge of shards decides on their union."""
    stored = meta.get(STOP_KEY)
    if not stored or tally.gate is None:
        return None
    plan = StopPlan.from_json(stored)
    decision = decide_stop(gate, tally.gate, plan)
    return StopRecord(
        decided=decision.decided,
        after=tally.answered,
        planned=int(meta["planned"]),
        confidence=plan.confidence,
        min_per_class=plan.min_per_class,
        why=decision.why,
    )


def _trend(
    earlier: Sequence[TrendPoint], run_id: str, finished_at: datetime, ready: bool, metrics: Metrics
) -> Trend:
    point = TrendPoint(
        run_id=run_id,
        finished_at=finished_at,
        ready=ready,
        metrics=headline(metrics.model_dump(mode="json")),
    )
    return Trend(points=[*(p for p in earlier if p.run_id != run_id), point])
