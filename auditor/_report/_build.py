"""Assemble the `Audit` model from what an audit directory holds."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, Literal

from auditor._config import GateSection
from auditor._lag import LagRecord, ResetRecord, summarise_lag
from auditor._report._baseline import BaselineSummary, compare, headline
from auditor._report._coverage import unasked
from auditor._report._decision import StopPlan, stop_decision
from auditor._report._findings import group_findings
from auditor._report._gate import could_not_run, decide, kinds_check
from auditor._report._lag import lag_check
from auditor._report._metrics import compute_metrics
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
from auditor._report._truth import anchor_of, fact_kind
from auditor._results import DEADLINE_REASON, ProbeResult
from auditor._tap import TapCall, orchestration_map
from auditor._verdict import Verdict


def dependency_map(
    snapshot: SnapshotInfo,
    anchors: Mapping[str, str],
    results: Sequence[ProbeResult],
    contract_findings: Sequence[ContractFindingRecord],
) -> list[DependencyRow]:
    """Anchors → fact kinds → how many facts, probes and failures rest on each."""
    probes = Counter(fact_kind(r) for r in results)
    failures = Counter(
        fact_kind(r) for r in results if r.verdict in (Verdict.FAIL, Verdict.UNANSWERED)
    )
    breaches = Counter(c.anchor for c in contract_findings)
    kinds = sorted({*snapshot.counts, *probes} - {""})
    rows = [
        DependencyRow(
            anchor=anchor_of(kind, anchors),
            fact_kind=kind,
            facts=snapshot.counts.get(kind, 0),
            probes=probes[kind],
            failures=failures[kind],
            contract_findings=breaches[anchor_of(kind, anchors)],
        )
        for kind in kinds
    ]
    return sorted(rows, key=lambda r: (r.anchor, r.fact_kind))


def _anchor_names(
    meta: Mapping[str, Any], snapshot: SnapshotInfo, results: Sequence[ProbeResult]
) -> dict[str, str]:
    """Fact kind -> anchor, as recorded; older audits fall back to the usual names."""
    recorded: dict[str, str] = dict(meta.get("anchors") or {})
    used = {k for k, n in snapshot.counts.items() if n} | {fact_kind(r) for r in results}
    return {kind: anchor_of(kind, recorded) for kind in sorted(used | set(recorded)) if kind}


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
) -> Audit:
    """The audit from stored data alone; `baseline` adds the comparison with an earlier audit.

    `trend` holds the earlier audits' points (`trend.json`); this audit's own is appended.
    `lag` is the stored lag phase (`lag.jsonl`) and `calls` the tap's recording (`tap.jsonl`),
    None when there was none.
    """
    ordered = sorted(results, key=lambda r: (r.started_at, r.probe_id))
    snapshot = SnapshotInfo.model_validate(meta["snapshot"])
    anchors = _anchor_names(meta, snapshot, ordered)
    contracts = [ContractFindingRecord.model_validate(c) for c in contract_findings]
    metrics = compute_metrics(
        ordered,
        anchors=anchors,
        snapshot_edge_classes=snapshot.edge_classes,
        contract_findings=len(contracts),
        asked=meta.get("asked"),
    )
    findings = group_findings(ordered, anchors)
    comparison = None if baseline is None else compare(baseline, findings, metrics)
    lag_summary = None if lag is None else summarise_lag(*lag)
    lag_gate = lag_check(gate.max_lag_s, lag_summary)
    asked = meta.get("asked")  # audits before 1.3 did not record it
    readiness = decide(
        gate,
        metrics,
        baseline=comparison,
        fail_on=fail_on,
        complete=status == "complete",
        extra_checks=[lag_gate] if lag_gate is not None else [],
        outage=could_not_run(ordered, gate.max_error_rate_could_not_run),
        kinds=None if asked is None else kinds_check(unasked(ordered, asked), len(asked["kinds"])),
    )
    return Audit(
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
        dependencies=dependency_map(snapshot, anchors, ordered, contracts),
        baseline=comparison,
        trend=None
        if trend is None
        else _trend(trend, meta["run_id"], finished_at, readiness.ready, metrics),
        lag=lag_summary,
        orchestration=None if calls is None else orchestration_map(ordered, calls, anchors),
        stopped=stop_record(meta, gate, ordered),
        results=list(ordered),
    )


#: Where `meta.json` keeps the stop rule of an audit run with `stop = "decided"`.
STOP_KEY = "stop"


def stop_record(
    meta: Mapping[str, Any], gate: GateSection, results: Sequence[ProbeResult]
) -> StopRecord | None:
    """Whether, and after how many questions, the gate was decided; None when the audit ran
    to its budget. Recomputed from the results, so a merge of shards decides on their union."""
    stored = meta.get(STOP_KEY)
    if not stored:
        return None
    plan = StopPlan.from_json(stored)
    decision = stop_decision(gate, results, plan)
    return StopRecord(
        decided=decision.decided,
        after=sum(1 for r in results if r.reason != DEADLINE_REASON),
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
