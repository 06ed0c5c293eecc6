"""A small builder of probe results and audits, so report tests need no servers.

The functions are plain (importable by e2e tests too); the fixtures hand them to unit tests.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from auditor._config import GateSection
from auditor._probes import Probe
from auditor._report import Audit, BaselineSummary, FailOn, build_audit
from auditor._results import ClaimRecord, ProbeResult, TruthRecord
from auditor._verdict import Verdict

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
MISSING: dict[str, Any] = {}  # sentinel: the anchor said the subject does not exist

_TRUTH_FIELD = {"stock": "availability", "orders": "status", "returns": "status"}


def result(
    n: int = 0,
    *,
    verdict: Verdict = Verdict.PASS,
    kind: str = "stock.availability",
    fact_kind: str = "stock",
    subject: str | None = None,
    edge_class: str | None = "in_stock",
    channel: str | None = "web",
    question: str | None = None,
    answer: str | None = "Yes, the Blue Kettle is in stock.",
    said: str | None = "in_stock",
    truth: str | dict[str, Any] | None = "in_stock",
    group: str | None = None,
    latency_ms: float | None = 100.0,
    ttft_ms: float | None = None,
    reason: str | None = None,
    label: str | None = None,
    mention: str | None = None,
) -> ProbeResult:
    """One stored result; `said` is the judged claim's value, spanning its word in `answer`."""
    subject = subject or f"KT-{n:04d}"
    params = (("group", group),) if group else ()
    if mention is not None:
        params += (("mention", mention),)
    probe = Probe(
        kind=kind,
        subject=subject,
        fact_kind=fact_kind,
        turns=(question or f"Is {subject} in stock?",),
        edge_class=edge_class,
        channel=channel,
        params=params,
    )
    claims, judged = [], []
    if said is not None and answer is not None:
        word = said.replace("_", " ")
        at = answer.find(word)
        span = (at, at + len(word)) if at >= 0 else (0, min(len(answer), 5))
        claims = [ClaimRecord(kind="availability", value=said, span=span)]
        judged = [0]
    if isinstance(truth, dict):
        fact: dict[str, Any] | None = None if truth is MISSING else truth
    else:
        fact = None if truth is None else {_TRUTH_FIELD.get(fact_kind, "status"): truth}
    record = TruthRecord(fact=fact, read_at=NOW, source="snapshot")
    started = NOW + timedelta(seconds=n)
    return ProbeResult(
        probe=probe.to_json(),
        verdict=verdict,
        reason=reason or f"{verdict.value} because",
        label=label,
        answer=answer,
        claims=claims,
        judged=judged,
        truth_before=record,
        latency_ms=latency_ms,
        ttft_ms=ttft_ms,
        attempts=1,
        started_at=started,
        finished_at=started + timedelta(milliseconds=latency_ms or 0),
    )


def meta(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": "acme-assistant",
        "run_id": "2026-11-24T10-00-00Z",
        "started_at": NOW.isoformat(),
        "profile": "ci",
        "seed": 7,
        "config_digest": "sha256:" + "0" * 64,
        "tool_version": "0.1.0",
        "channels": ["web"],
        "snapshot": {
            "taken_at": NOW.isoformat(),
            "counts": {"stock": 60, "orders": 20, "returns": 5},
            "edge_classes": {"in_stock": 40, "catalogued_out_of_stock": 6, "discontinued": 2},
        },
        "planned": 0,
        "anchors": {"stock": "inventory", "orders": "orders", "returns": "returns"},
    }
    data.update(overrides)
    return data


def audit(
    results: Sequence[ProbeResult],
    *,
    gate: GateSection | None = None,
    contract_findings: Sequence[dict[str, Any]] = (),
    baseline: BaselineSummary | None = None,
    fail_on: FailOn = "gate",
    **meta_overrides: Any,
) -> Audit:
    return build_audit(
        meta(**{"planned": len(results), **meta_overrides}),
        results,
        gate=gate or GateSection(),
        contract_findings=contract_findings,
        status="complete",
        finished_at=NOW + timedelta(minutes=1),
        baseline=baseline,
        fail_on=fail_on,
    )


def mixed_results() -> list[ProbeResult]:
    """A small audit with every verdict, two channels and a consistency group that conflicts."""
    return [
        result(0),
        result(
            1,
            verdict=Verdict.FAIL,
            edge_class="catalogued_out_of_stock",
            truth="out_of_stock",
            group="g1",
        ),
        result(
            2,
            subject="KT-0001",
            channel="sms",
            edge_class="catalogued_out_of_stock",
            answer="Sorry, that one is out of stock.",
            said="out_of_stock",
            truth="out_of_stock",
            group="g1",
        ),
        result(
            3,
            verdict=Verdict.UNANSWERED,
            answer="I can't check that right now.",
            said=None,
            edge_class="discontinued",
            truth="discontinued",
        ),
        result(
            4,
            verdict=Verdict.ERROR,
            answer=None,
            said=None,
            latency_ms=None,
            reason="assistant timed out after 30 s",
        ),
        result(
            5,
            verdict=Verdict.INDETERMINATE,
            truth="out_of_stock",
            reason="says in_stock: matches the truth after the answer but not before it",
        ),
        result(
            6,
            verdict=Verdict.FAIL,
            kind="catalog.unknown_item",
            subject="ZZ-9999",
            edge_class="unknown_sku",
            truth=None,
        ),
    ]


@pytest.fixture
def make_result() -> Any:
    return result


@pytest.fixture
def make_audit() -> Any:
    return audit


#: Answers an attacker (or a confused assistant) might produce; every renderer must show them
#: as text. The 50 KB one must be shortened in views, never in audit.json.
LONG_ANSWER = "A" * 50_000 + " yes, it is in stock " + "B" * 1_000
HOSTILE_ANSWERS = [
    "<script>document.title='PWNED'</script> in stock",
    "<img src=x onerror=\"document.body.appendChild(document.createElement('pwned-marker'))\">",
    "a | b || c | in stock",
    "```` `tick` ``` in stock `",
    "]]> <![CDATA[ in stock ]]> <!-- x -->",
    "ctrl\x00\x01\x07\x1b[31m\x0b\x0c\ud800\ufffe chars in stock",
    "[click](javascript:alert(1)) ![t](https://evil.example/p.png) <https://evil.example> "
    "www.evil.example in stock",
    "&amp; &lt;script&gt; {{ 7*7 }} {% raw %} ${x} in stock",
    "</textarea></style></script><svg onload=alert(1)> in stock",
    LONG_ANSWER,
]


def hostile_results() -> list[ProbeResult]:
    """One failing probe, and so one finding, per hostile answer (hostile subjects too)."""
    out = []
    for n, answer in enumerate(HOSTILE_ANSWERS):
        out.append(
            result(
                n,
                verdict=Verdict.FAIL,
                answer=answer,
                truth="out_of_stock",
                edge_class=f"hostile_{n}",
                subject=f"KT-{n}<b onmouseover=x>|`",
                question=f"Is the <i>kettle</i> | {n} in stock?",
            )
        )
    return out
