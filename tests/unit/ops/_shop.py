"""Small hand-made snapshots for the ops tests: a 12-item shop, orders of four customers."""

from __future__ import annotations

from datetime import UTC, date, datetime

from auditor._facts import (
    Availability,
    OrderFact,
    OrderStatus,
    ReturnFact,
    ReturnStatus,
    Snapshot,
    StockFact,
    availability_of,
)

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
TEST_CUSTOMERS = ("C-001", "C-002")


def item(n: int, name: str, status: Availability | None, on_hand: int) -> StockFact:
    return StockFact(f"KT-{n:04d}", name, availability_of(status, on_hand), on_hand, NOW)


def twelve_items() -> list[StockFact]:
    """Twelve items spread over the stock edge classes, as a small real shop would be."""
    return [
        *(item(i, f"Plain Item {i}", None, 20) for i in range(1, 6)),
        item(40, "Empty Shelf Kettle", None, 0),
        item(47, "Bare Shelf Lamp", None, 0),
        item(41, "Old Toaster", Availability.DISCONTINUED, 0),
        item(42, "Later Mixer", Availability.BACKORDER, 0),
        item(43, "Lonely Mug", None, 1),
        item(44, "Blue Kettle", None, 8),
        item(45, "Blue Kettle Pro", None, 8),
    ]


def order(n: int, customer: str, status: OrderStatus) -> OrderFact:
    return OrderFact(
        f"ORD-{n:04d}",
        customer,
        status,
        NOW,
        eta=date(2026, 11, 30),
        tracking_number=f"TRK{n:06d}" if status is OrderStatus.SHIPPED else None,
    )


def small_shop() -> Snapshot:
    """Twelve items; two orders and a return for each of four customers."""
    customers = ("C-001", "C-002", "C-003", "C-004")
    statuses = (OrderStatus.PENDING, OrderStatus.SHIPPED)
    orders = [
        order(10 * c + s, customer, status)
        for c, customer in enumerate(customers)
        for s, status in enumerate(statuses)
    ]
    returns = [
        ReturnFact(f"RET-{n:04d}", o.order_id, o.customer_id, ReturnStatus.REQUESTED, NOW)
        for n, o in enumerate(orders[::2])
    ]
    return Snapshot.of(NOW, stock=twelve_items(), orders=orders, returns=returns)
