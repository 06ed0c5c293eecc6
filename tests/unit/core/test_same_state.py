"""One state told in the words of another claim kind: a refunded return and an issued refund
are the same event, so either answers the other's question (`auditor._compat.SAME_STATE`)."""

from __future__ import annotations

from datetime import UTC, datetime

from auditor._claims import Claim, ClaimKind
from auditor._facts import RefundState, ReturnFact, ReturnStatus
from auditor._judge import judge
from auditor._probes import PROBE_KINDS, Probe
from auditor._verdict import Verdict

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def _verdict(kind_name: str, claim: Claim, status: ReturnStatus, refund: RefundState) -> Verdict:
    kind = PROBE_KINDS[kind_name]
    probe = Probe(kind=kind.name, subject="RMA-7", fact_kind="returns", turns=("And?",))
    fact = ReturnFact("RMA-7", "ORD-7", "C-007", status, NOW, refund_state=refund)
    return judge(kind, probe, [claim], fact, fact).verdict


def test_a_refunded_return_answers_whether_the_refund_was_paid():
    refunded = Claim(ClaimKind.RETURN_STATUS, "refunded", (0, 8), "RMA-7")
    paid = (ReturnStatus.REFUNDED, RefundState.ISSUED)
    assert _verdict("refund.status", refunded, *paid) is Verdict.PASS
    # … and contradicts a refund still to be paid: the stand-in is judged, not waved through.
    owed = (ReturnStatus.RECEIVED, RefundState.PENDING)
    assert _verdict("refund.status", refunded, *owed) is Verdict.FAIL


def test_an_issued_refund_answers_where_the_return_stands():
    issued = Claim(ClaimKind.REFUND, "issued", (0, 6), "RMA-7")
    assert (
        _verdict("return.status", issued, ReturnStatus.REFUNDED, RefundState.ISSUED) is Verdict.PASS
    )
    assert (
        _verdict("return.status", issued, ReturnStatus.REQUESTED, RefundState.NONE) is Verdict.FAIL
    )


def test_other_states_stand_in_for_nothing():
    pending = Claim(ClaimKind.REFUND, "pending", (0, 7), "RMA-7")
    assert (
        _verdict("return.status", pending, ReturnStatus.RECEIVED, RefundState.PENDING)
        is Verdict.UNREAD
    )
