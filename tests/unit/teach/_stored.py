"""Stored results as an audit writes them (full facts, real probes), for the teach tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from auditor._claims import ClaimKind
from auditor._facts import Availability, OrderFact, OrderStatus, StockFact
from auditor._probes import Probe
from auditor._results import ClaimRecord, ProbeResult, TruthRecord, fact_to_json, write_jsonl
from auditor._store import META_FILE, write_json, write_plan
from auditor._verdict import Verdict

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
ITEMS = {"KT-1042": "Blue Kettle", "TS-2001": "Red Toaster", "MG-3003": "Stone Mug"}


def stock_fact(sku: str, availability: Availability, on_hand: int) -> StockFact:
    return StockFact(sku, ITEMS[sku], availability, on_hand, NOW)


def truth(fact: StockFact | OrderFact | None) -> TruthRecord:
    return TruthRecord(
        fact=None if fact is None else fact_to_json(fact), read_at=NOW, source="snapshot"
    )


def stored(
    n: int,
    answer: str | None,
    *,
    sku: str = "KT-1042",
    availability: Availability = Availability.IN_STOCK,
    verdict: Verdict = Verdict.UNANSWERED,
    kind: str = "stock.availability",
    claims: tuple[tuple[str, str], ...] = (),
    after: Availability | None = None,
) -> ProbeResult:
    """A stock probe's stored result; `claims` are (kind, value) pairs as the run read them."""
    probe = Probe(kind, sku, "stock", (f"Is {ITEMS[sku]} in stock? ({n})",), "in_stock")
    on_hand = 0 if availability is Availability.OUT_OF_STOCK else 20
    return ProbeResult(
        probe=probe.to_json(),
        verdict=verdict,
        reason=f"{verdict.value} as the run judged it",
        answer=answer,
        claims=[ClaimRecord(kind=k, value=v, span=(0, 1)) for k, v in claims],
        truth_before=truth(stock_fact(sku, availability, on_hand)),
        truth_after=None if after is None else truth(stock_fact(sku, after, 20)),
        latency_ms=10.0,
        attempts=1,
        started_at=NOW + timedelta(seconds=n),
        finished_at=NOW + timedelta(seconds=n, milliseconds=500),
    )


def order_result(n: int, answer: str, status: OrderStatus) -> ProbeResult:
    order_id = f"ORD-{100000 + n}"
    probe = Probe("order.status", order_id, "orders", (f"Where is {order_id}?",), None, "C1")
    fact = OrderFact(order_id, "C1", status, NOW)
    return ProbeResult(
        probe=probe.to_json(),
        verdict=Verdict.UNANSWERED,
        reason="no order_status claim",
        answer=answer,
        truth_before=truth(fact),
        attempts=1,
        started_at=NOW + timedelta(seconds=n),
        finished_at=NOW + timedelta(seconds=n, milliseconds=500),
    )


def audit_dir(directory: Path, results: list[ProbeResult], **meta: Any) -> Path:
    """An audit directory as an earlier version wrote it: meta, plan, results; no items.json."""
    directory.mkdir(parents=True, exist_ok=True)
    write_json(
        directory / META_FILE,
        {
            "name": "old",
            "run_id": directory.name,
            "started_at": NOW.isoformat(),
            "profile": "ci",
            "seed": 0,
            "config_digest": "sha256:old",
            "tool_version": "0.0.9",
            "channels": ["web"],
            "snapshot": {"taken_at": NOW.isoformat(), "counts": {"stock": 3}, "edge_classes": {}},
            "planned": len(results),
            "gate": {},
            **meta,
        },
    )
    write_plan(directory, [Probe.from_json(r.probe) for r in results])
    write_jsonl(directory / "results.jsonl", (r.model_dump(mode="json") for r in results))
    return directory


DEFLECTION = (ClaimKind.DEFLECTION.value, "contact_support")
