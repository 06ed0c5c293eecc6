"""The shop's records: what the store holds and the services render.

Records are frozen and slotted: a 100,000-item shop must stay lean, and a change replaces a
record instead of mutating it, so a page being rendered never sees half an update. Money is
kept in integer cents so that totals add up exactly; the services render it as a decimal string.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime

from auditor._facts import OrderStatus, RefundState, ReturnStatus

CURRENCY = "EUR"


class ItemStatus(enum.StrEnum):
    """The catalogue status word of inventory.yaml (not the canonical `Availability`)."""

    ACTIVE = "active"
    BACKORDERED = "backordered"
    DISCONTINUED = "discontinued"


@dataclass(frozen=True, slots=True)
class Item:
    sku: str
    name: str
    category: str
    status: ItemStatus
    price_cents: int
    available: int
    reserved: int
    restock_date: date | None
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class Address:
    name: str
    line1: str
    city: str
    postcode: str
    country: str


@dataclass(frozen=True, slots=True)
class Customer:
    customer_id: str
    name: str
    address: Address
    token: str


@dataclass(frozen=True, slots=True)
class OrderLine:
    sku: str
    name: str
    quantity: int
    shipped_quantity: int
    unit_price_cents: int


@dataclass(frozen=True, slots=True)
class Order:
    order_id: str
    customer_id: str
    status: OrderStatus
    placed_at: datetime
    lines: tuple[OrderLine, ...]
    address: Address
    eta: date | None
    tracking_number: str | None
    carrier: str | None
    updated_at: datetime
    #: The delivery date promised when the order was placed (the ETA may move from it).
    promised_date: date | None = None
    #: When the carrier last reported the parcel; None before it ships.
    last_carrier_update: datetime | None = None

    @property
    def total_cents(self) -> int:
        return sum(line.unit_price_cents * line.quantity for line in self.lines)

    def line(self, sku: str) -> OrderLine | None:
        return next((line for line in self.lines if line.sku == sku), None)


@dataclass(frozen=True, slots=True)
class Refund:
    status: RefundState
    amount_cents: int
    issued_at: datetime | None


@dataclass(frozen=True, slots=True)
class Return:
    return_id: str
    order_id: str
    customer_id: str
    sku: str
    quantity: int
    reason: str
    status: ReturnStatus
    created_at: datetime
    updated_at: datetime
    refund: Refund


@dataclass(frozen=True, slots=True)
class World:
    """Everything the seed produces; the store starts from it and `reset` returns to it."""

    seed: int
    now: datetime
    items: tuple[Item, ...]
    customers: tuple[Customer, ...]
    orders: tuple[Order, ...]
    returns: tuple[Return, ...]


__all__ = [
    "CURRENCY",
    "Address",
    "Customer",
    "Item",
    "ItemStatus",
    "Order",
    "OrderLine",
    "OrderStatus",
    "Refund",
    "RefundState",
    "Return",
    "ReturnStatus",
    "World",
]
