"""Canonical facts: the shop's truth, in one vocabulary whatever the shop calls things.

Facts are immutable so that a snapshot can be shared by concurrent probes without copies, and
slotted because a 100,000-item snapshot must stay lean.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal


class Availability(enum.StrEnum):
    IN_STOCK = "in_stock"
    LOW_STOCK = "low_stock"
    OUT_OF_STOCK = "out_of_stock"
    BACKORDER = "backorder"
    DISCONTINUED = "discontinued"
    # Only ever claimed, never a fact: the assistant says the shop does not carry the item.
    NOT_CARRIED = "not_carried"


class OrderStatus(enum.StrEnum):
    PENDING = "pending"
    PROCESSING = "processing"
    SHIPPED = "shipped"
    PARTIALLY_SHIPPED = "partially_shipped"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"


class ReturnStatus(enum.StrEnum):
    REQUESTED = "requested"
    APPROVED = "approved"
    RECEIVED = "received"
    REFUNDED = "refunded"
    REJECTED = "rejected"


class RefundState(enum.StrEnum):
    NONE = "none"
    PENDING = "pending"
    ISSUED = "issued"


#: Units at or below which an item in stock counts as `low_stock`.
LOW_STOCK_THRESHOLD = 3
#: Days without a carrier update after which a shipment counts as stalled, unless the orders
#: mapping sets `stall_days` (`auditor/_delays.py`).
DEFAULT_STALL_DAYS = 3


def availability_of(status: Availability | None, on_hand: int | None) -> Availability:
    """Combine a shop's status word with its stock count.

    Shops mark backorder and discontinuation with a status but usually leave "out of stock" to
    the count, so an active item with zero units is out of stock whatever its status says.
    """
    if status in (Availability.DISCONTINUED, Availability.BACKORDER):
        return status
    if on_hand is None:
        return status or Availability.IN_STOCK
    if on_hand <= 0:
        return Availability.OUT_OF_STOCK
    if on_hand <= LOW_STOCK_THRESHOLD:
        return Availability.LOW_STOCK
    return Availability.IN_STOCK


@dataclass(frozen=True, slots=True)
class StockFact:
    sku: str
    name: str
    availability: Availability
    on_hand: int | None
    read_at: datetime
    restock_date: date | None = None

    @property
    def subject(self) -> str:
        return self.sku


@dataclass(frozen=True, slots=True)
class OrderLineFact:
    sku: str
    name: str
    quantity: int
    shipped_quantity: int


@dataclass(frozen=True, slots=True)
class OrderFact:
    order_id: str
    customer_id: str
    status: OrderStatus
    read_at: datetime
    eta: date | None = None
    tracking_number: str | None = None
    carrier: str | None = None
    lines: tuple[OrderLineFact, ...] = ()
    #: The delivery date promised to the customer; the ETA stands in where none is mapped.
    promised_date: date | None = None
    #: The shop's delivered flag, where it keeps one apart from the status.
    delivered: bool | None = None
    #: The day it was delivered, where the shop records it (delivered, whatever the status).
    delivered_on: date | None = None
    #: When the carrier last reported the parcel (a scan, an event), where the shop knows.
    last_update: datetime | None = None
    #: Days without a carrier update after which the shipment counts as stalled (the orders
    #: mapping's `stall_days`): carried by the fact so that judging needs no configuration.
    stall_days: int = DEFAULT_STALL_DAYS

    @property
    def subject(self) -> str:
        return self.order_id


@dataclass(frozen=True, slots=True)
class ReturnFact:
    return_id: str
    order_id: str
    customer_id: str
    status: ReturnStatus
    read_at: datetime
    created_at: datetime | None = None
    sku: str | None = None
    refund_state: RefundState = RefundState.NONE
    refund_amount: Decimal | None = None

    @property
    def subject(self) -> str:
        return self.return_id


Fact = StockFact | OrderFact | ReturnFact


@dataclass(frozen=True, slots=True)
class Snapshot:
    """All facts read at one moment.

    `taken_at` is when reading began; each fact carries its own `read_at`, since listing a large
    shop takes long enough for the truth to move underneath.
    """

    taken_at: datetime
    stock: Mapping[str, StockFact] = field(default_factory=dict)
    orders: Mapping[str, OrderFact] = field(default_factory=dict)
    returns: Mapping[str, ReturnFact] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        taken_at: datetime,
        *,
        stock: Iterable[StockFact] = (),
        orders: Iterable[OrderFact] = (),
        returns: Iterable[ReturnFact] = (),
    ) -> Snapshot:
        return cls(
            taken_at=taken_at,
            stock={f.sku: f for f in stock},
            orders={f.order_id: f for f in orders},
            returns={f.return_id: f for f in returns},
        )

    def facts(self) -> Iterator[Fact]:
        yield from self.stock.values()
        yield from self.orders.values()
        yield from self.returns.values()
