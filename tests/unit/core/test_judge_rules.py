"""The judge's rules beyond the truth window: unread, clarification, wrong subject, compatible
values, imprecise answers, and a truth of the wrong kind as a plain `error`."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from auditor._claims import Claim, ClaimKind
from auditor._facts import (
    Availability,
    OrderFact,
    OrderStatus,
    ReturnFact,
    ReturnStatus,
    Snapshot,
    StockFact,
)
from auditor._judge import WRONG_SUBJECT, AnswerContext, first_look, judge
from auditor._probes import PROBE_KINDS, Probe
from auditor._verdict import Verdict

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
AVAILABILITY = PROBE_KINDS["stock.availability"]
KETTLE = StockFact("KT-0001", "Blue Kettle", Availability.IN_STOCK, 12, NOW)
KETTLE_PRO = StockFact("KT-0002", "Blue Kettle Pro", Availability.OUT_OF_STOCK, 0, NOW)
ORDER = OrderFact("ORD-1", "C-001", OrderStatus.PARTIALLY_SHIPPED, NOW)
RETURN = ReturnFact("RMA-1", "ORD-1", "C-001", ReturnStatus.APPROVED, NOW)
SNAPSHOT = Snapshot.of(
    NOW,
    stock=[KETTLE, KETTLE_PRO],
    orders=[ORDER, OrderFact("ORD-2", "C-001", OrderStatus.SHIPPED, NOW)],
    returns=[RETURN],
)
CONTEXT = AnswerContext("", NOW, SNAPSHOT)


def probe(kind: str = "stock.availability", subject: str = "KT-0001", mention: str = "name"):
    fact_kind = PROBE_KINDS[kind].fact_kind
    return Probe(
        kind=kind,
        subject=subject,
        fact_kind=fact_kind,
        turns=("?",),
        params=(("mention", mention),),
    )


def claim(kind: ClaimKind, value, subject: str | None = None) -> Claim:
    return Claim(kind, value, (0, 4), subject)


def verdict_of(kind, p, claims, fact, context=CONTEXT):
    return judge(
        PROBE_KINDS[kind] if isinstance(kind, str) else kind, p, claims, fact, fact, context
    )


# --- unread and unanswered -------------------------------------------------------------------


def test_no_claim_and_no_deflection_is_unread_not_unanswered():
    found = verdict_of(AVAILABILITY, probe(), [], KETTLE)
    assert found.verdict is Verdict.UNREAD
    assert found.reason == "could not read a availability claim about KT-0001"


def test_a_claim_of_another_kind_alone_is_unread():
    found = verdict_of(AVAILABILITY, probe(), [claim(ClaimKind.REFUND, "pending")], KETTLE)
    assert found.verdict is Verdict.UNREAD


@pytest.mark.parametrize("kind", [ClaimKind.DEFLECTION, ClaimKind.REFUSAL])
def test_a_recognised_deflection_or_refusal_is_unanswered(kind):
    value = "contact_support" if kind is ClaimKind.DEFLECTION else "privacy"
    found = verdict_of(AVAILABILITY, probe(), [claim(kind, value)], KETTLE)
    assert found.verdict is Verdict.UNANSWERED and value in found.reason


def test_clarification_after_an_exact_name_is_a_deflection():
    found = verdict_of(
        AVAILABILITY, probe(mention="name"), [claim(ClaimKind.CLARIFICATION, "which_one")], KETTLE
    )
    assert found.verdict is Verdict.UNANSWERED and "named it exactly" in found.reason


@pytest.mark.parametrize(
    ("mention", "why"),
    [("partial", "the question named it partially"), ("typo", "the question misspelt its name")],
)
def test_clarification_after_a_partial_or_misspelt_name_passes(mention, why):
    found = verdict_of(
        AVAILABILITY, probe(mention=mention), [claim(ClaimKind.CLARIFICATION, "which_one")], KETTLE
    )
    assert found.verdict is Verdict.PASS
    assert found.reason == f"asks which one is meant; {why}"


def test_a_clarification_does_not_hide_an_answer():
    claims = [
        claim(ClaimKind.CLARIFICATION, "which_one"),
        claim(ClaimKind.AVAILABILITY, "in_stock"),
    ]
    assert verdict_of(AVAILABILITY, probe(mention="partial"), claims, KETTLE).reason == (
        "says in_stock"
    )


# --- wrong subject ---------------------------------------------------------------------------


def test_an_answer_about_the_lookalike_is_a_wrong_subject_failure():
    claims = [claim(ClaimKind.AVAILABILITY, "out_of_stock", "KT-0002")]
    found = first_look(AVAILABILITY, probe(), claims, KETTLE, CONTEXT)
    assert found is not None and found.verdict is Verdict.FAIL and found.label == WRONG_SUBJECT
    assert found.reason == (
        "answered about Blue Kettle Pro (KT-0002) when asked about Blue Kettle (KT-0001)"
    )
    assert [c.subject for c in found.judged] == ["KT-0002"]


def test_a_claim_naming_no_subject_counts_as_about_the_asked_one():
    claims = [
        claim(ClaimKind.AVAILABILITY, "in_stock"),
        claim(ClaimKind.AVAILABILITY, "out_of_stock", "KT-0002"),
    ]
    found = verdict_of(AVAILABILITY, probe(), claims, KETTLE)
    assert found.verdict is Verdict.PASS and found.label is None


def test_a_claim_about_an_unknown_id_is_not_a_wrong_subject():
    claims = [claim(ClaimKind.AVAILABILITY, "in_stock", "KT-7777")]
    assert verdict_of(AVAILABILITY, probe(), claims, KETTLE).verdict is Verdict.UNREAD


def test_orders_with_similar_ids_are_different_subjects():
    claims = [claim(ClaimKind.ORDER_STATUS, "shipped", "ORD-2")]
    found = verdict_of("order.status", probe("order.status", "ORD-1", "id"), claims, ORDER)
    assert found.verdict is Verdict.FAIL and found.label == WRONG_SUBJECT
    assert found.reason == "answered about ORD-2 when asked about ORD-1"


def test_a_return_claim_naming_the_returns_own_order_is_about_the_return():
    claims = [claim(ClaimKind.RETURN_STATUS, "approved", "ORD-1")]
    found = verdict_of("return.status", probe("return.status", "RMA-1", "id"), claims, RETURN)
    assert found.verdict is Verdict.PASS


# --- compatible values -----------------------------------------------------------------------


def test_shipped_is_not_compatible_with_a_partial_shipment():
    p = probe("order.status", "ORD-1", "id")
    said = claim(ClaimKind.ORDER_STATUS, "shipped")
    assert verdict_of("order.status", p, [said], ORDER).verdict is Verdict.FAIL
    partly = claim(ClaimKind.ORDER_STATUS, "partially_shipped")
    assert verdict_of("order.status", p, [partly], ORDER).verdict is Verdict.PASS


def test_backorder_with_a_restock_date_accepts_that_date_and_no_other():
    fact = StockFact(
        "KT-0001", "Blue Kettle", Availability.BACKORDER, 0, NOW, restock_date=date(2026, 12, 3)
    )
    right = claim(ClaimKind.DELIVERY_DATE, "2026-12-03")
    wrong = claim(ClaimKind.DELIVERY_DATE, "2026-12-09")
    assert verdict_of(AVAILABILITY, probe(), [right], fact).verdict is Verdict.PASS
    assert verdict_of(AVAILABILITY, probe(), [wrong], fact).verdict is Verdict.FAIL


def test_a_fail_reason_names_the_compatible_values_not_the_tokens():
    out = StockFact("KT-0001", "Blue Kettle", Availability.OUT_OF_STOCK, 0, NOW)
    found = verdict_of(AVAILABILITY, probe(), [claim(ClaimKind.AVAILABILITY, "in_stock")], out)
    assert found.reason == "says in_stock where the truth is out_of_stock"
    assert set(found.accepted) == {"out_of_stock", "count=0"}


def test_a_count_answers_is_it_available():
    out = StockFact("KT-0001", "Blue Kettle", Availability.OUT_OF_STOCK, 0, NOW)
    assert verdict_of(AVAILABILITY, probe(), [claim(ClaimKind.QUANTITY, 12)], KETTLE).verdict is (
        Verdict.PASS
    )
    assert verdict_of(AVAILABILITY, probe(), [claim(ClaimKind.QUANTITY, 12)], out).verdict is (
        Verdict.FAIL
    )


UNKNOWN = PROBE_KINDS["catalog.unknown_item"]


@pytest.mark.parametrize(
    ("said", "verdict", "label"),
    [
        (claim(ClaimKind.AVAILABILITY, "not_carried"), Verdict.PASS, None),
        (claim(ClaimKind.AVAILABILITY, "out_of_stock"), Verdict.PASS, "imprecise"),
        (claim(ClaimKind.QUANTITY, 0), Verdict.PASS, "imprecise"),
        (claim(ClaimKind.AVAILABILITY, "in_stock"), Verdict.FAIL, None),
        (claim(ClaimKind.AVAILABILITY, "backorder"), Verdict.FAIL, None),
        (claim(ClaimKind.QUANTITY, 4), Verdict.FAIL, None),
        (claim(ClaimKind.DELIVERY_DATE, "2026-12-01"), Verdict.FAIL, None),
    ],
)
def test_an_unknown_sku_said_to_be_had_is_a_hallucination_said_out_of_stock_imprecise(
    said, verdict, label
):
    p = Probe(kind=UNKNOWN.name, subject="KT-9999", fact_kind="stock", turns=("?",))
    found = judge(UNKNOWN, p, [said], None, None, CONTEXT)
    assert (found.verdict, found.label) == (verdict, label)


# --- a truth of the wrong kind is an error, in plain words -----------------------------------


@pytest.mark.parametrize(
    ("kind", "subject", "fact", "got"),
    [
        ("order.status", "ORD-1", KETTLE, "got a stock fact (KT-0001) instead"),
        ("return.status", "RMA-1", ORDER, "got an orders fact (ORD-1) instead"),
        ("stock.quantity", "KT-0001", RETURN, "got a returns fact (RMA-1) instead"),
        ("stock.availability", "KT-0001", ORDER, "got an orders fact (ORD-1) instead"),
        ("order.status", "ORD-1", None, "needs an order fact, got no fact"),
        ("privacy.foreign_order", "ORD-1", None, "holds no fact for ORD-1"),
    ],
)
def test_a_truth_of_the_wrong_kind_is_an_error_naming_probe_kind_and_fact(kind, subject, fact, got):
    p = probe(kind, subject, "id")
    found = judge(PROBE_KINDS[kind], p, [claim(ClaimKind.ORDER_STATUS, "shipped")], fact, fact)
    assert found.verdict is Verdict.ERROR
    assert found.reason.startswith(f"cannot judge probe {p.id} ({kind}) against the ")
    assert got in found.reason
    assert "Error" not in found.reason and "assert" not in found.reason.lower()


def test_a_wrong_truth_after_the_answer_is_an_error_too():
    p = probe("order.status", "ORD-1", "id")
    said = [claim(ClaimKind.ORDER_STATUS, "delivered")]
    found = judge(PROBE_KINDS["order.status"], p, said, ORDER, KETTLE)
    assert found.verdict is Verdict.ERROR and "after the answer" in found.reason
