"""A small shop's snapshot, built by hand so each test can see what the truth is."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from auditor._explore import NameIndex
from auditor._facts import (
    Availability,
    OrderFact,
    OrderStatus,
    RefundState,
    ReturnFact,
    ReturnStatus,
    Snapshot,
    StockFact,
)

NOW = datetime(2026, 5, 4, 12, 0, tzinfo=UTC)


def stock(sku: str, name: str, availability: Availability, on_hand: int) -> StockFact:
    return StockFact(sku, name, availability, on_hand, NOW)


def make_snapshot() -> Snapshot:
    return Snapshot.of(
        NOW,
        stock=[
            stock("KT-1715", "Blue Kettle", Availability.IN_STOCK, 73),
            stock("KT-1712", "Blue Kettle Pro", Availability.OUT_OF_STOCK, 0),
            stock("GR-1790", "Café Grinder Ø60", Availability.OUT_OF_STOCK, 0),
            stock("MG-2460", "Stoneware Mug", Availability.LOW_STOCK, 1),
            stock("BD-2701", "Oak Board XL", Availability.BACKORDER, 0),
            stock("BD-2710", "Oak Board", Availability.IN_STOCK, 64),
            stock("TP-2554", "Enamel Teapot", Availability.DISCONTINUED, 2),
        ],
        orders=[
            OrderFact(
                "ORD-10001",
                "C-003",
                OrderStatus.DELIVERED,
                NOW,
                eta=date(2026, 5, 1),
                tracking_number="3S342158325982",
                carrier="PostNL",
            ),
            OrderFact("ORD-10002", "C-009", OrderStatus.PROCESSING, NOW),
        ],
        returns=[
            ReturnFact(
                "RMA-1003",
                "ORD-10002",
                "C-009",
                ReturnStatus.APPROVED,
                NOW,
                created_at=NOW - timedelta(days=3),
                refund_state=RefundState.PENDING,
            ),
        ],
    )


@pytest.fixture(scope="session")
def snapshot() -> Snapshot:
    return make_snapshot()


@pytest.fixture(scope="session")
def index(snapshot: Snapshot) -> NameIndex:
    return NameIndex(snapshot)
