"""Small snapshots for lag tests: one fact of each interesting state."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from auditor._facts import (
    Availability,
    OrderFact,
    OrderLineFact,
    OrderStatus,
    RefundState,
    ReturnFact,
    ReturnStatus,
    Snapshot,
    StockFact,
    availability_of,
)

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


def item(sku: str, on_hand: int, availability: Availability | None = None) -> StockFact:
    if availability is None:
        availability = availability_of(None, on_hand)
    return StockFact(sku, f"Kettle {sku}", availability, on_hand, NOW)


def order(order_id: str, status: OrderStatus, customer: str = "C-001") -> OrderFact:
    shipped = 1 if status in (OrderStatus.DELIVERED, OrderStatus.SHIPPED) else 0
    lines = (OrderLineFact("KT-0001", "Kettle", 1, shipped),)
    return OrderFact(order_id, customer, status, NOW, lines=lines)


def return_(return_id: str, order_id: str, refund: RefundState) -> ReturnFact:
    return ReturnFact(
        return_id,
        order_id,
        "C-002",
        ReturnStatus.RECEIVED,
        NOW,
        sku="KT-0001",
        refund_state=refund,
        refund_amount=Decimal("9.99"),
    )


def snapshot() -> Snapshot:
    return Snapshot.of(
        NOW,
        stock=[
            item("KT-0001", 40),
            item("KT-0002", 12),
            item("KT-0003", 0),
            item("KT-0004", 0, Availability.DISCONTINUED),
            item("KT-0005", 2),
        ],
        orders=[
            order("ORD-10001", OrderStatus.PENDING),
            order("ORD-10002", OrderStatus.PROCESSING),
            order("ORD-10003", OrderStatus.DELIVERED),
            order("ORD-10004", OrderStatus.DELIVERED),
            order("ORD-10005", OrderStatus.CANCELLED),
        ],
        returns=[
            return_("RMA-1001", "ORD-10004", RefundState.PENDING),
            return_("RMA-1002", "ORD-10004", RefundState.ISSUED),
        ],
    )
