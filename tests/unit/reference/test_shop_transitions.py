"""The sandbox's rules, as pure functions from old record to new."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor._facts import OrderStatus, RefundState, ReturnStatus
from auditor.reference.shop import Conflict, ItemStatus, Order, OrderLine, build_world
from auditor.reference.shop import _transitions as rules

NOW = datetime(2025, 3, 14, 12, 0, tzinfo=UTC)
WORLD = build_world(11, 60, NOW)
SHIPPED = {OrderStatus.SHIPPED, OrderStatus.PARTIALLY_SHIPPED, OrderStatus.DELIVERED}


def order_in(status: OrderStatus) -> Order:
    return next(o for o in WORLD.orders if o.status is status)


def test_next_status_of_an_order_follows_the_happy_path() -> None:
    order = order_in(OrderStatus.PENDING)
    seen = [order.status]
    while rules.ORDER_TARGETS[order.status]:
        order = rules.advance_order(order, None, NOW, WORLD.seed)
        seen.append(order.status)
    assert seen == ["pending", "processing", "shipped", "delivered"]
    assert order.eta == NOW.date()
    assert order.tracking_number and order.carrier
    assert all(line.shipped_quantity == line.quantity for line in order.lines)


@pytest.mark.parametrize("status", [OrderStatus.DELIVERED, OrderStatus.CANCELLED])
def test_finished_orders_have_no_next_status(status: OrderStatus) -> None:
    with pytest.raises(Conflict, match="no next status"):
        rules.advance_order(order_in(status), None, NOW, WORLD.seed)


def test_an_order_cannot_go_backwards() -> None:
    with pytest.raises(Conflict, match="cannot go from shipped to pending"):
        rules.advance_order(order_in(OrderStatus.SHIPPED), OrderStatus.PENDING, NOW, 1)


def test_shipping_sets_tracking_and_eta() -> None:
    order = rules.advance_order(order_in(OrderStatus.PROCESSING), OrderStatus.SHIPPED, NOW, 1)
    assert order.tracking_number is not None and order.carrier is not None
    assert order.eta == NOW.date() + timedelta(days=2)


def test_cancelling_clears_the_eta() -> None:
    order = rules.advance_order(order_in(OrderStatus.PENDING), OrderStatus.CANCELLED, NOW, 1)
    assert order.eta is None and order.tracking_number is None


def test_a_single_unit_cannot_ship_in_part() -> None:
    single = order_in(OrderStatus.PENDING)
    line = OrderLine("KT-1001", "Blue Kettle", 1, 0, 1999)
    single = Order(
        single.order_id, single.customer_id, single.status, single.placed_at, (line,),
        single.address, single.eta, None, None, single.updated_at,
    )  # fmt: skip
    with pytest.raises(Conflict, match="single unit"):
        rules.advance_order(single, OrderStatus.PARTIALLY_SHIPPED, NOW, 1)


@settings(max_examples=60, deadline=None)
@given(
    start=st.sampled_from(WORLD.orders),
    steps=st.lists(st.none() | st.sampled_from(list(OrderStatus)), max_size=6),
)
def test_any_walk_keeps_orders_consistent(start: Order, steps: list[OrderStatus | None]) -> None:
    order, moment = start, NOW
    for wanted in steps:
        moment += timedelta(seconds=1)
        try:
            moved = rules.advance_order(order, wanted, moment, WORLD.seed)
        except Conflict:
            continue
        assert moved.updated_at > order.updated_at
        assert moved.status in rules.ORDER_TARGETS[order.status]
        order = moved
        assert all(0 <= ln.shipped_quantity <= ln.quantity for ln in order.lines)
        assert (order.tracking_number is not None) == (order.status in SHIPPED)
        if order.status is OrderStatus.PARTIALLY_SHIPPED:
            assert any(ln.shipped_quantity < ln.quantity for ln in order.lines)


def test_returns_move_through_refund() -> None:
    ret = next(r for r in WORLD.returns if r.status is ReturnStatus.REQUESTED)
    ret = rules.advance_return(ret, None, NOW)
    assert (ret.status, ret.refund.status) == ("approved", RefundState.PENDING)
    ret = rules.advance_return(ret, None, NOW)
    assert (ret.status, ret.refund.status) == ("received", RefundState.PENDING)
    ret = rules.issue_refund(ret, NOW)
    assert (ret.status, ret.refund.status, ret.refund.issued_at) == (
        "refunded",
        RefundState.ISSUED,
        NOW,
    )
    with pytest.raises(Conflict, match="no pending refund"):
        rules.issue_refund(ret, NOW)


def test_a_rejected_return_has_no_refund() -> None:
    ret = next(r for r in WORLD.returns if r.status is ReturnStatus.APPROVED)
    rejected = rules.advance_return(ret, ReturnStatus.REJECTED, NOW)
    assert rejected.refund.status is RefundState.NONE
    with pytest.raises(Conflict, match="no next status"):
        rules.advance_return(rejected, None, NOW)


def test_only_shipped_units_can_be_returned() -> None:
    pending = order_in(OrderStatus.PENDING)
    with pytest.raises(Conflict, match="cannot be returned"):
        rules.file_return(pending, pending.lines[0].sku, 1, "why", "RMA-9999", NOW)
    delivered = order_in(OrderStatus.DELIVERED)
    with pytest.raises(Conflict, match="no line"):
        rules.file_return(delivered, "ZZ-0000", 1, "why", "RMA-9999", NOW)
    line = delivered.lines[0]
    ret = rules.file_return(delivered, line.sku, line.quantity, "why", "RMA-9999", NOW)
    assert (ret.status, ret.created_at, ret.customer_id) == (
        "requested",
        NOW,
        delivered.customer_id,
    )


def test_restocking_drops_a_stale_restock_date() -> None:
    backordered = next(i for i in WORLD.items if i.status is ItemStatus.BACKORDERED)
    kept = rules.restock(backordered, 5, None, rules.KEEP, NOW)
    assert kept.restock_date == backordered.restock_date
    active = rules.restock(backordered, 5, ItemStatus.ACTIVE, rules.KEEP, NOW)
    assert (active.available, active.restock_date) == (5, None)
    assert active.updated_at == NOW


def test_updated_at_always_moves_forward() -> None:
    past = NOW - timedelta(days=1)
    assert rules.later(NOW, past) > NOW
    assert rules.later(past, NOW) == NOW
