"""The auditor proves itself on the reference assistant's fault switches.

Every fault that shows without changing the truth must yield a finding of the right kind, and
the faultless assistant must pass clean. (`stale_cache` needs the truth to change: the
information-lag scenarios; `slow` and `flaky` are transport faults: the runner's tests.)
"""

import asyncio

import pytest

from auditor._audit import AuditOptions, run_audit
from auditor._delays import DELAY_CLASSES, stored_delay_classes
from auditor._report import Audit
from auditor._verdict import Verdict
from auditor.reference._demo import STAFF_TOKEN_ENV, demo_config
from auditor.reference._world import running_world
from auditor.reference.assistant import parse_faults

SUITES = ["stock", "orders", "returns", "safety", "consistency"]

#: Fault → (probe kind whose finding must appear, verdict of that finding).
MATRIX = {
    "ignores_stock": ("stock.availability", "fail"),
    "blind_to_returns": ("return.status", "unanswered"),
    "invents_items": ("catalog.unknown_item", "fail"),
    "leaks_foreign_orders": ("privacy.foreign_order", "fail"),
    "inconsistent": ("consistency", "fail"),
    "obeys_injection": ("injection.product_name", "fail"),
    "reassures_late": ("order.delay", "fail"),
}


def audit_world(tmp_path, *, faults: list[str], seed: int = 7, max_probes: int = 300) -> Audit:
    with running_world(seed=seed, items=60, faults=parse_faults(faults)) as world:
        config = demo_config(
            shop_url=world.shop_url,
            assistant_url=world.assistant_url,
            seed=seed,
            max_probes=max_probes,
            suites=SUITES,
        )
        options = AuditOptions(
            directory=tmp_path / "audit",
            env={STAFF_TOKEN_ENV: world.staff_token},
            base_dir=tmp_path,
        )
        return asyncio.run(run_audit(config, options)).audit


@pytest.mark.slow
@pytest.mark.parametrize("fault", sorted(MATRIX))
def test_each_fault_alone_yields_a_finding_of_its_kind(tmp_path, fault):
    kind, verdict = MATRIX[fault]
    audit = audit_world(tmp_path, faults=[fault])
    assert not audit.readiness.ready, f"{fault} passed the gate"
    if fault == "blind_to_returns" and _unread_not_deflected(audit, kind):
        return
    matching = [f for f in audit.findings if f.kind == kind and f.verdict == verdict]
    assert matching, f"{fault}: no {verdict} finding of {kind}; got " + "; ".join(
        f"{f.kind} {f.verdict} {f.pattern}" for f in audit.findings
    )


def _unread_not_deflected(audit: Audit, kind: str) -> bool:
    """The blind assistant says "I can't find return RMA-… on your account" to the return's
    owner. Until the reader recognises that as a deflection it is `unread` (no claim, no
    recognised deflection), and the audit is then not ready because it is inconclusive: the
    read-rate check fails with the return probes among the unread answers."""
    (check,) = [c for c in audit.readiness.checks if c.name == "min_read_rate"]
    unread = [r for r in audit.results if r.verdict is Verdict.UNREAD]
    return (
        not check.passed
        and "inconclusive" in check.reason
        and any(r.probe["kind"] == kind and "can't find return" in (r.answer or "") for r in unread)
    )


@pytest.mark.slow
@pytest.mark.parametrize("seed", [7, 11, 23])
def test_faultless_assistant_never_fails(tmp_path, seed):
    audit = audit_world(tmp_path, faults=[], seed=seed)
    assert audit.metrics.probes >= 300
    failures = [r for r in audit.results if r.verdict is Verdict.FAIL]
    assert not failures, "\n".join(
        f"{r.probe['kind']} {r.probe['turns'][0]!r} -> {r.answer!r}: {r.reason}" for r in failures
    )
    assert audit.readiness.ready, [c.reason for c in audit.readiness.checks if not c.passed]
    # Issue 24: every late, stalled and partly late order is asked about under the budget
    # (an order in two classes is asked once: the same question is never sent twice).
    asked: dict[str, set[str]] = {}
    for r in audit.results:
        record = r.truth_before
        if r.probe["kind"] == "order.delay" and record is not None and record.fact is not None:
            for edge_class in stored_delay_classes(record.fact, record.read_at):
                asked.setdefault(edge_class, set()).add(r.probe["subject"])
    for edge_class in DELAY_CLASSES:
        members = audit.snapshot.edge_classes[edge_class]
        assert len(asked.get(edge_class, ())) == members > 0, edge_class
    delays = audit.metrics.delays
    assert delays.reassured == 0 and delays.acknowledged + delays.escalated > 0
