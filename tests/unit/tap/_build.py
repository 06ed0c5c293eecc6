"""Builders of probe results and recorded calls for join and map tests (no servers)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from auditor._probes import Probe
from auditor._results import ClaimRecord, ProbeResult, TruthRecord
from auditor._tap import AuthSeen, TapCall
from auditor._verdict import Verdict

T0 = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
KINDS = {"stock": "stock.availability", "orders": "order.status", "returns": "return.status"}


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def probe(
    subject: str,
    start: float,
    end: float,
    *,
    fact_kind: str = "stock",
    customer: str | None = None,
    verdict: Verdict = Verdict.PASS,
    said: str | None = "in_stock",
    truth: dict[str, Any] | None = None,
    channel: str = "web",
) -> ProbeResult:
    asked = Probe(
        kind=KINDS[fact_kind],
        subject=subject,
        fact_kind=fact_kind,
        turns=(f"about {subject}?",),
        customer_id=customer,
        channel=channel,
    )
    claims = [ClaimRecord(kind="availability", value=said, span=(0, 1), subject=subject)]
    return ProbeResult(
        probe=asked.to_json(),
        verdict=verdict,
        reason="because",
        answer=f"{said}",
        claims=claims if said is not None else [],
        judged=[0] if said is not None else [],
        truth_before=TruthRecord(fact=truth, read_at=T0, source="snapshot"),
        started_at=at(start),
        finished_at=at(end),
    )


def call(
    start: float,
    operation: str = "getItem",
    *,
    anchor: str = "inventory",
    fact_kind: str | None = "stock",
    params: dict[str, str] | None = None,
    query: dict[str, list[str]] | None = None,
    status: int = 200,
    identity: str | None = None,
    auth: bool = False,
    seq: int = 1,
) -> TapCall:
    return TapCall(
        seq=seq,
        started_at=at(start),
        duration_ms=5.0,
        method="GET",
        path="/x",
        upstream="http://127.0.0.1:1",
        anchor=anchor,
        operation_id=operation,
        fact_kind=fact_kind,
        path_params=params or {},
        query=query or {},
        status=status,
        identity=identity,
        auth=AuthSeen(scheme="bearer", fingerprint="f" * 16) if auth else None,
    )
