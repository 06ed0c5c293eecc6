"""Lag scenario kinds: what each picks, when the anchor shows the change, and what reflects it."""

from __future__ import annotations

import pytest

from auditor._claims import extract
from auditor._facts import Availability, OrderStatus, RefundState
from auditor._lag import LAG_KINDS, reflects
from auditor._lag._config import NEEDED_FACTS
from auditor._lag._template import fill_text
from auditor._probes import PROBE_KINDS
from tests.unit.lag._facts import item, order, return_, snapshot


@pytest.mark.parametrize("kind", list(LAG_KINDS.values()), ids=lambda k: k.name)
def test_every_kind_is_complete_and_consistent(kind):
    """The registry's contract: a probe kind to judge by, a question its subjects can fill."""
    assert kind.description and kind.probe_kind in PROBE_KINDS
    assert PROBE_KINDS[kind.probe_kind].fact_kind == kind.changed_kind
    assert set(NEEDED_FACTS[kind.name]) >= {kind.fact_kind, kind.changed_kind}
    subjects = list(kind.candidates(snapshot()))
    assert subjects, "the test snapshot has a subject for every kind"
    for subject in subjects:
        assert kind.qualifies(subject.fact)
        question = fill_text(kind.question, subject.variables, {})
        assert subject.id in question or str(subject.variables.get("order_id")) in question


def test_each_kind_picks_the_subjects_it_can_change():
    picked = {
        name: sorted(s.id for s in kind.candidates(snapshot())) for name, kind in LAG_KINDS.items()
    }
    assert picked == {
        "stock_out": ["KT-0001", "KT-0002"],  # in stock, not low, not discontinued
        "back_in_stock": ["KT-0003"],
        "order_shipped": ["ORD-10001", "ORD-10002"],
        "return_filed": ["ORD-10003"],  # delivered, and no return names it yet
        "refund_issued": ["RMA-1001"],
    }


def test_orders_and_returns_are_asked_by_their_owner():
    kinds = LAG_KINDS
    assert next(iter(kinds["stock_out"].candidates(snapshot()))).customer_id is None
    assert next(iter(kinds["order_shipped"].candidates(snapshot()))).customer_id == "C-001"
    assert next(iter(kinds["refund_issued"].candidates(snapshot()))).customer_id == "C-002"


@pytest.mark.parametrize(
    ("kind", "before", "after"),
    [
        ("stock_out", item("A", 9), item("A", 0)),
        ("back_in_stock", item("A", 0), item("A", 12)),
        ("order_shipped", order("O", OrderStatus.PROCESSING), order("O", OrderStatus.SHIPPED)),
        ("return_filed", None, return_("R", "O", RefundState.NONE)),
        (
            "refund_issued",
            return_("R", "O", RefundState.PENDING),
            return_("R", "O", RefundState.ISSUED),
        ),
    ],
)
def test_the_anchor_shows_the_change_only_after_it(kind, before, after):
    assert not LAG_KINDS[kind].shows(before)
    assert LAG_KINDS[kind].shows(after)


@pytest.mark.parametrize(
    ("kind", "subject", "truth", "old", "new"),
    [
        (
            "stock_out",
            "KT-0001",
            item("KT-0001", 0),
            "Yes, Kettle KT-0001 (KT-0001) is in stock: we have 40 units available.",
            "Sorry, Kettle KT-0001 (KT-0001) is out of stock at the moment.",
        ),
        (
            "back_in_stock",
            "KT-0003",
            item("KT-0003", 12),
            "Kettle KT-0003 (KT-0003) is currently sold out.",
            "Yes, Kettle KT-0003 (KT-0003) is in stock: we have 12 units available.",
        ),
        (
            "order_shipped",
            "ORD-10001",
            order("ORD-10001", OrderStatus.SHIPPED),
            "We're processing order ORD-10001 right now; it's being packed.",
            "Order ORD-10001 was dispatched and is on its way to you.",
        ),
        (
            "refund_issued",
            "RMA-1001",
            return_("RMA-1001", "ORD-10004", RefundState.ISSUED),
            "The refund of €9.99 for return RMA-1001 is pending; it hasn't been issued yet.",
            "Your refund of €9.99 for return RMA-1001 was issued on 24 November 2026.",
        ),
    ],
)
def test_an_answer_reflects_the_change_when_its_claims_agree(kind, subject, truth, old, new):
    lag_kind = LAG_KINDS[kind]
    assert reflects(lag_kind, extract(old), old, subject, truth) is None
    assert reflects(lag_kind, extract(new), new, subject, truth) == "claim"


def test_a_new_return_is_reflected_by_being_named():
    kind = LAG_KINDS["return_filed"]
    truth = return_("RMA-1016", "ORD-10003", RefundState.NONE)
    before = "There's no return on file for order ORD-10003."
    named = "We have your return RMA-1016 for order ORD-10003 on file."
    other = "We have your return RMA-10160 for order ORD-10003 on file."
    assert reflects(kind, extract(before), before, "RMA-1016", truth) is None
    assert reflects(kind, [], named, "RMA-1016", truth) == "mention"
    assert reflects(kind, [], other, "RMA-1016", truth) is None


def test_a_deflection_reflects_nothing():
    text = "I can't check that right now, please contact support@example.com."
    truth = item("KT-0001", 0, Availability.OUT_OF_STOCK)
    assert reflects(LAG_KINDS["stock_out"], extract(text), text, "KT-0001", truth) is None
