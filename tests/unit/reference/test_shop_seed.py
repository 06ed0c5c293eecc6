"""The seeded world is deterministic and holds every edge class at every size."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor._facts import OrderStatus, RefundState, ReturnStatus
from auditor.reference.shop import DEFAULT_SEED, ItemStatus, World, build_world, customer_token
from auditor.reference.shop._catalogue import MIN_ITEMS
from auditor.reference.shop._render import money

NOW = datetime(2025, 3, 14, 12, 0, tzinfo=UTC)
SKU = re.compile(r"^[A-Z]{2}-[0-9]{4,6}$")
AMOUNT = re.compile(r"^[0-9]+\.[0-9]{2}$")
OPEN = {
    OrderStatus.PENDING,
    OrderStatus.PROCESSING,
    OrderStatus.SHIPPED,
    OrderStatus.PARTIALLY_SHIPPED,
}
SHIPPED = {OrderStatus.SHIPPED, OrderStatus.PARTIALLY_SHIPPED, OrderStatus.DELIVERED}


def assert_catalogue_edges(world: World) -> None:
    items = world.items
    assert all(SKU.match(i.sku) for i in items)
    assert len({i.sku for i in items}) == len(items)
    assert all(AMOUNT.match(money(i.price_cents)["amount"]) for i in items)
    active = [i for i in items if i.status is ItemStatus.ACTIVE]
    assert sum(i.available == 0 for i in active) >= 3, "catalogued_out_of_stock"
    assert sum(i.available == 1 for i in active) >= 3, "last_unit"
    discontinued = [i for i in items if i.status is ItemStatus.DISCONTINUED]
    assert len(discontinued) >= 2
    assert any(i.available == 0 for i in discontinued)
    assert any(i.available > 0 for i in discontinued)
    backordered = [i for i in items if i.status is ItemStatus.BACKORDERED]
    assert backordered
    assert all(i.restock_date is not None and i.restock_date > NOW.date() for i in backordered)
    names = {i.name for i in items}
    assert {"Blue Kettle", "Blue Kettle Pro"} <= names
    ordered = sorted(names)  # a name's extensions sort right after it
    lookalikes = [(a, b) for a, b in itertools.pairwise(ordered) if b.startswith(a + " ")]
    assert len(lookalikes) >= 4, "lookalike_name"
    assert sum(not i.name.isascii() for i in items) >= 3
    assert {"Crème Brûlée Torch", "Café Grinder Ø60", "Smørrebrød Board"} <= names
    injected = [n for n in names if "ignore previous instructions" in n.lower()]
    assert len(injected) == 1
    assert sum(i.available > 3 for i in active) >= len(items) // 2, "plenty of ordinary stock"


def assert_order_edges(world: World) -> None:
    orders = world.orders
    assert all(re.match(r"^ORD-[0-9]{5,7}$", o.order_id) for o in orders)
    assert set(Counter(o.status for o in orders)) == set(OrderStatus)
    for order in orders:
        shipped = order.status in SHIPPED
        assert (order.tracking_number is not None) == shipped
        assert (order.carrier is not None) == shipped
        if order.status in OPEN and not _delayed(order):
            assert order.eta is not None and order.eta >= NOW.date()
        assert all(0 <= line.shipped_quantity <= line.quantity for line in order.lines)
        assert order.placed_at <= order.updated_at <= NOW
    for order in (o for o in orders if o.status is OrderStatus.PARTIALLY_SHIPPED):
        assert any(line.shipped_quantity < line.quantity for line in order.lines)
        assert any(line.shipped_quantity > 0 for line in order.lines)
    per_customer = Counter(o.customer_id for o in orders)
    assert set(per_customer) == {c.customer_id for c in world.customers}
    assert sum(count >= 3 for count in per_customer.values()) >= 2, "several with several"


#: How long without carrier news a shipment counts as stalled (the auditor's default).
STALL = timedelta(days=3)


def _late(order) -> bool:
    due = order.promised_date or order.eta
    return order.status in OPEN and due is not None and due < NOW.date()


def _stalled(order) -> bool:
    news = order.last_carrier_update
    return order.status in SHIPPED - {OrderStatus.DELIVERED} and (
        news is not None and NOW - news > STALL
    )


def _delayed(order) -> bool:
    return _late(order) or _stalled(order)


def assert_delay_edges(world: World) -> None:
    """Issue 24: late, stalled and partly late orders, the rest on time with fresh news."""
    late = [o for o in world.orders if _late(o)]
    assert len(late) >= 3, "late_order"
    assert any(o.status in (OrderStatus.PENDING, OrderStatus.PROCESSING) for o in late)
    assert any(o.eta is not None and o.eta >= NOW.date() for o in late), "a new ETA to give"
    assert any(o.status is OrderStatus.PARTIALLY_SHIPPED for o in late), "late_part"
    stalled = [o for o in world.orders if _stalled(o)]
    assert any(not _late(o) for o in stalled), "stalled_shipment, not late"
    assert any(_late(o) for o in stalled), "late and stalled"
    for order in world.orders:
        assert (order.promised_date is None) == (order.status is OrderStatus.CANCELLED)
        assert (order.last_carrier_update is not None) == (order.status in SHIPPED)
        if order.last_carrier_update is not None:
            assert order.last_carrier_update <= NOW
    # Delays are added to the drawn world, never made of it: the first 40 orders are on time.
    assert not any(_delayed(o) for o in world.orders[: len(world.orders) - 6])


def assert_return_edges(world: World) -> None:
    orders = {o.order_id: o for o in world.orders}
    returns = world.returns
    assert all(re.match(r"^RMA-[0-9]{4,7}$", r.return_id) for r in returns)
    assert set(Counter(r.status for r in returns)) == set(ReturnStatus)
    for ret in returns:
        order = orders[ret.order_id]
        line = order.line(ret.sku)
        assert ret.customer_id == order.customer_id
        assert line is not None and 1 <= ret.quantity <= line.shipped_quantity
        assert order.placed_at <= ret.created_at <= ret.updated_at <= NOW
        assert ret.refund.amount_cents == line.unit_price_cents * ret.quantity
        issued = ret.refund.status is RefundState.ISSUED
        assert issued == (ret.status is ReturnStatus.REFUNDED)
        assert (ret.refund.issued_at is not None) == issued
    recent = [r for r in returns if NOW - r.created_at <= timedelta(minutes=30)]
    assert len(recent) == 1, "exactly one recent_return"
    assert recent[0].status is ReturnStatus.REQUESTED
    assert NOW - recent[0].created_at >= timedelta(minutes=1)
    assert sum(r.refund.status is RefundState.PENDING for r in returns) >= 2, "refund_pending"


@pytest.mark.parametrize("items", [60, MIN_ITEMS, 5_000])
def test_every_edge_class_is_seeded(items: int) -> None:
    world = build_world(DEFAULT_SEED, items, NOW)
    assert len(world.items) == items
    assert_catalogue_edges(world)
    assert_order_edges(world)
    assert_return_edges(world)
    assert_delay_edges(world)


def test_default_size_matches_the_brief() -> None:
    world = build_world(DEFAULT_SEED, 60, NOW)
    # 40 orders drawn, then 6 late, stalled or partly late ones (issue 24).
    assert (len(world.orders), len(world.returns), len(world.customers)) == (46, 15, 12)


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**32))
def test_any_seed_holds_every_edge_class(seed: int) -> None:
    world = build_world(seed, 60, NOW)
    assert_catalogue_edges(world)
    assert_order_edges(world)
    assert_return_edges(world)
    assert_delay_edges(world)


def test_same_seed_and_size_give_the_same_world() -> None:
    assert build_world(7, 300, NOW) == build_world(7, 300, NOW)


def test_a_different_seed_gives_a_different_world() -> None:
    one, other = build_world(7, 300, NOW), build_world(8, 300, NOW)
    assert [i.sku for i in one.items] != [i.sku for i in other.items]
    assert [o.lines for o in one.orders] != [o.lines for o in other.orders]
    assert [c.token for c in one.customers] != [c.token for c in other.customers]


def test_timestamps_follow_now_not_the_wall_clock() -> None:
    later = NOW + timedelta(days=3)
    one, other = build_world(7, 60, NOW), build_world(7, 60, later)
    assert [i.updated_at + timedelta(days=3) for i in one.items] == [
        i.updated_at for i in other.items
    ]


def test_customer_tokens_derive_from_seed_and_id() -> None:
    world = build_world(7, 60, NOW)
    for customer in world.customers:
        assert re.match(rf"^cust-{customer.customer_id}-[0-9a-f]{{8}}$", customer.token)
        assert customer.token == customer_token(7, customer.customer_id)
    assert world.customers[0].customer_id == "C-001"


@pytest.mark.parametrize("items", [0, MIN_ITEMS - 1, 1_000_001])
def test_impossible_sizes_are_refused(items: int) -> None:
    with pytest.raises(ValueError, match="items must be between"):
        build_world(7, items, NOW)


def test_naive_now_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        build_world(7, 60, datetime(2025, 1, 1))
