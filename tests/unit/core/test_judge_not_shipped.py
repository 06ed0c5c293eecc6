""" "It hasn't shipped yet" (`not_shipped`), read from the answer and judged through the one
compatibility table: right about every state before shipping and about a cancelled order,
wrong about an order that has left, whole or in part. Before this value the answer was left
unread, and a correct assistant's answer about a pending order counted against its read rate."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from auditor._claims import CATEGORICAL_VALUES, ClaimKind, ExtractionContext, extract
from auditor._compat import ORDER_STATUS, compat_markdown
from auditor._facts import OrderFact, OrderStatus, Snapshot
from auditor._judge import AnswerContext, judge
from auditor._probes import PROBE_KINDS, Probe
from auditor._verdict import Verdict

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
KIND = PROBE_KINDS["order.status"]
PROBE = Probe(
    kind="order.status",
    subject="ORD-10001",
    fact_kind=KIND.fact_kind,
    turns=("Has ORD-10001 shipped?",),
    params=(("mention", "id"),),
)


def verdict(text: str, status: OrderStatus) -> Verdict:
    fact = OrderFact("ORD-10001", "C-001", status, NOW)
    context = AnswerContext(text, NOW, Snapshot.of(NOW, orders=[fact]))
    claims = extract(text, context=ExtractionContext(now=NOW))
    return judge(KIND, PROBE, claims, fact, fact, context).verdict


@pytest.mark.parametrize(
    "text",
    [
        "No, order ORD-10001 has not shipped yet.",
        "ORD-10001 hasn't gone out yet.",
        "ORD-10001 nt shipped yet sry",
        "Your order ORD-10001 hasn't left the warehouse yet.",
    ],
)
@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (OrderStatus.PENDING, Verdict.PASS),
        (OrderStatus.PROCESSING, Verdict.PASS),
        (OrderStatus.CANCELLED, Verdict.PASS),
        (OrderStatus.SHIPPED, Verdict.FAIL),
        (OrderStatus.PARTIALLY_SHIPPED, Verdict.FAIL),
        (OrderStatus.DELIVERED, Verdict.FAIL),
    ],
)
def test_not_shipped_is_judged_by_the_compatibility_table(text, status, expected):
    assert verdict(text, status) is expected


def test_a_more_precise_state_of_the_same_order_absorbs_not_shipped():
    said = extract("ORD-10001 hasn't shipped yet, it's being packed right now.")
    assert [(c.value, c.subject) for c in said] == [("processing", "ORD-10001")]
    parts = extract("ORD-10001: one parcel is with the courier, the second hasn't shipped yet.")
    assert [c.value for c in parts if c.kind is ClaimKind.ORDER_STATUS] == ["partially_shipped"]


def test_not_shipped_is_a_value_of_its_kind_and_a_row_of_the_table():
    assert "not_shipped" in CATEGORICAL_VALUES[ClaimKind.ORDER_STATUS]
    accepting = {s for s, row in ORDER_STATUS.items() if "not_shipped" in row.compatible}
    assert accepting == {"pending", "processing", "cancelled"}
    assert "| pending | `pending`, `not_shipped` | — |" in compat_markdown()
