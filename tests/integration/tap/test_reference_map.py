"""The orchestration map of the reference assistant, tapped as `auditor demo --tap` taps it."""

from __future__ import annotations

from auditor.reference.assistant import Faults
from tests.integration.tap._audit import audit_reference

RETURN_KINDS = ("return.status", "refund.status")


def test_the_faultless_assistant_consults_the_anchor_behind_every_answer(tmp_path):
    audit = audit_reference(tmp_path / "a", suites=("stock", "returns"), max_probes=30, tap=True)
    omap = audit.orchestration
    assert omap is not None and omap.calls > 0 and omap.unmatched == 0
    kinds = {k.kind: k for k in omap.by_kind}
    assert set(RETURN_KINDS) <= set(kinds) and "stock.availability" in kinds
    for kind in kinds.values():
        assert kind.answered > 0 and kind.consulted == kind.answered, kind
    assert "getReturn" in {op.operation_id for op in kinds["return.status"].operations}
    assert "getItem" in {op.operation_id for op in kinds["stock.availability"].operations}
    assert [f for f in omap.flags if f.severity == "warning"] == []


def test_blind_to_returns_answers_return_questions_without_a_returns_call(tmp_path):
    audit = audit_reference(
        tmp_path / "a",
        faults=Faults(blind_to_returns=True),
        suites=("returns",),
        max_probes=10,
        tap=True,
    )
    omap = audit.orchestration
    assert omap is not None
    kinds = {k.kind: k for k in omap.by_kind}
    for name in RETURN_KINDS:
        kind = kinds[name]
        assert kind.answered > 0 and kind.consulted == 0
        assert all(op.anchor != "returns" for op in kind.operations)
    flags = {f.kind: f for f in omap.flags if f.flag == "not_consulted"}
    answered = kinds["return.status"].answered
    assert flags["return.status"].message == (
        f"answered {answered} return.status questions without calling the returns API"
    )
    summary = (tmp_path / "a" / "summary.md").read_text(encoding="utf-8")
    assert "```mermaid" in summary and "not consulted" in summary


def test_leaking_orders_shows_as_calls_in_the_service_accounts_own_scope(tmp_path):
    audit = audit_reference(
        tmp_path / "a",
        faults=Faults(leaks_foreign_orders=True),
        suites=("orders",),
        max_probes=8,
        tap=True,
        concurrency=1,
    )
    omap = audit.orchestration
    assert omap is not None
    flagged = {f.kind for f in omap.flags if f.flag == "no_identity"}
    assert flagged and flagged <= {"order.status", "order.eta", "order.tracking", "order.delay"}
