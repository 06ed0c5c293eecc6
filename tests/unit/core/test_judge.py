"""The truth-window rule, claim by claim."""

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor._claims import Claim, ClaimKind
from auditor._compat import IMPRECISE
from auditor._facts import Availability, StockFact
from auditor._judge import first_look, judge
from auditor._probes import PROBE_KINDS, Probe
from auditor._verdict import Verdict

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
KIND = PROBE_KINDS["stock.availability"]
PROBE = Probe(kind=KIND.name, subject="KT-0001", fact_kind="stock", turns=("Is it in stock?",))


def stock(availability: Availability, on_hand: int = 0) -> StockFact:
    return StockFact("KT-0001", "Blue Kettle", availability, on_hand, NOW)


def says(value: str, subject: str | None = None) -> Claim:
    return Claim(ClaimKind.AVAILABILITY, value, (0, 5), subject)


def test_agreeing_claim_passes_without_a_second_read():
    verdict = first_look(KIND, PROBE, [says("out_of_stock")], stock(Availability.OUT_OF_STOCK))
    assert verdict is not None and verdict.verdict is Verdict.PASS


def test_disagreeing_claim_needs_the_truth_after_the_answer():
    assert first_look(KIND, PROBE, [says("in_stock")], stock(Availability.OUT_OF_STOCK)) is None


def test_claim_against_unchanged_truth_fails_with_reason():
    out = stock(Availability.OUT_OF_STOCK)
    verdict = judge(KIND, PROBE, [says("in_stock")], out, out)
    assert verdict.verdict is Verdict.FAIL
    assert "in_stock" in verdict.reason and "out_of_stock" in verdict.reason


def test_claim_matching_only_the_later_truth_is_indeterminate():
    verdict = judge(
        KIND,
        PROBE,
        [says("in_stock")],
        stock(Availability.OUT_OF_STOCK),
        stock(Availability.IN_STOCK, 12),
    )
    assert verdict.verdict is Verdict.INDETERMINATE


def test_deflection_where_data_exists_is_unanswered():
    deflect = Claim(ClaimKind.DEFLECTION, "contact_support", (0, 9))
    verdict = judge(KIND, PROBE, [deflect], stock(Availability.IN_STOCK, 9), None)
    assert verdict.verdict is Verdict.UNANSWERED and "deflection" in verdict.reason


def test_claims_about_other_subjects_are_ignored():
    other = says("in_stock", subject="KT-0002")
    verdict = judge(
        KIND,
        PROBE,
        [other, says("out_of_stock", "KT-0001")],
        stock(Availability.OUT_OF_STOCK),
        None,
    )
    assert verdict.verdict is Verdict.PASS
    assert [c.subject for c in verdict.judged] == ["KT-0001"]


def test_self_contradiction_fails():
    out = stock(Availability.OUT_OF_STOCK)
    verdict = judge(KIND, PROBE, [says("out_of_stock"), says("in_stock")], out, out)
    assert verdict.verdict is Verdict.FAIL


@pytest.mark.parametrize(
    ("truth", "on_hand", "claim", "expected"),
    [
        (Availability.LOW_STOCK, 1, "in_stock", Verdict.PASS),
        (Availability.LOW_STOCK, 1, "out_of_stock", Verdict.FAIL),
        (Availability.BACKORDER, 0, "out_of_stock", Verdict.PASS),
        (Availability.BACKORDER, 0, "in_stock", Verdict.FAIL),
        # The compatibility table (auditor/_compat.py): with no units left, "no longer
        # available" is right; with the last units still there, "in stock" is right too.
        (Availability.DISCONTINUED, 0, "in_stock", Verdict.FAIL),
        (Availability.DISCONTINUED, 0, "not_carried", Verdict.PASS),
        (Availability.DISCONTINUED, 0, "out_of_stock", Verdict.PASS),
        (Availability.DISCONTINUED, 3, "in_stock", Verdict.PASS),
        (Availability.DISCONTINUED, 3, "low_stock", Verdict.PASS),
        (Availability.DISCONTINUED, 3, "out_of_stock", Verdict.FAIL),
    ],
)
def test_availability_agreement_table(truth, on_hand, claim, expected):
    fact = stock(truth, on_hand)
    assert judge(KIND, PROBE, [says(claim)], fact, fact).verdict is expected


def test_unknown_item_claimed_available_is_a_failure():
    kind = PROBE_KINDS["catalog.unknown_item"]
    probe = Probe(kind=kind.name, subject="KT-9999", fact_kind="stock", turns=("Is it?",))
    assert judge(kind, probe, [says("in_stock")], None, None).verdict is Verdict.FAIL
    assert judge(kind, probe, [says("not_carried")], None, None).verdict is Verdict.PASS


@given(
    before=st.sampled_from(list(Availability)[:5]),
    after=st.sampled_from(list(Availability)[:5]),
    claim=st.sampled_from([a.value for a in Availability]),
)
def test_unchanged_truth_is_never_indeterminate_and_verdicts_are_consistent(before, after, claim):
    b, a = stock(before, 1), stock(after, 1)
    verdict = judge(KIND, PROBE, [says(claim)], b, a).verdict
    if before == after:
        assert verdict in (Verdict.PASS, Verdict.FAIL)
    if verdict is Verdict.PASS:  # compatible, or imprecise ("low stock" of an item in stock)
        assert claim in KIND.accepts(b) | KIND.imprecise(b)
    if verdict is Verdict.FAIL:
        assert claim not in KIND.accepts(b) and claim not in KIND.accepts(a)


def test_out_of_stock_answers_how_many_with_zero():
    kind = PROBE_KINDS["stock.quantity"]
    probe = Probe(kind=kind.name, subject="KT-0001", fact_kind="stock", turns=("How many?",))
    empty = stock(Availability.OUT_OF_STOCK, 0)
    assert judge(kind, probe, [says("out_of_stock")], empty, empty).verdict is Verdict.PASS
    full = stock(Availability.IN_STOCK, 14)
    assert judge(kind, probe, [says("out_of_stock")], full, full).verdict is Verdict.FAIL
    # "in stock" gives no count but says there are some: true of 14, a pass with the
    # `imprecise` finding (no false alarm, nothing counted against the assistant); false of 0.
    seen = judge(kind, probe, [says("in_stock")], full, full)
    assert seen.verdict is Verdict.PASS and seen.label == IMPRECISE
    assert judge(kind, probe, [says("in_stock")], empty, empty).verdict is Verdict.FAIL


def test_pending_refund_is_fair_while_the_return_is_open_but_not_after_rejection():
    from auditor._facts import RefundState, ReturnFact, ReturnStatus

    kind = PROBE_KINDS["refund.status"]
    probe = Probe(kind=kind.name, subject="RMA-1", fact_kind="returns", turns=("Refund?",))

    def ret(status, refund):
        return ReturnFact("RMA-1", "ORD-1", "C-001", status, NOW, refund_state=refund)

    def verdict(value, fact):
        claim = Claim(ClaimKind.REFUND, value, (0, 3))
        return judge(kind, probe, [claim], fact, fact).verdict

    open_ = ret(ReturnStatus.REQUESTED, RefundState.NONE)
    assert verdict("pending", open_) is Verdict.PASS
    assert verdict("none", open_) is Verdict.PASS
    assert verdict("issued", open_) is Verdict.FAIL
    rejected = ret(ReturnStatus.REJECTED, RefundState.NONE)
    assert verdict("pending", rejected) is Verdict.FAIL
    in_progress = ret(ReturnStatus.RECEIVED, RefundState.PENDING)
    assert verdict("none", in_progress) is Verdict.FAIL
