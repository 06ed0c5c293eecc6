"""What the sandbox may do to a record, as pure functions from old record to new.

Kept apart from the store so the rules (which status may follow which, what shipping sets)
can be read and tested without a server. A refused change raises `Conflict`, which the
sandbox answers with 409.
"""

from __future__ import annotations

import enum
import hashlib
from datetime import date, datetime, timedelta
from typing import Final, Literal, TypeVar

from auditor._facts import OrderStatus, RefundState, ReturnStatus
from auditor.reference.shop._model import Item, ItemStatus, Order, OrderLine, Refund, Return


class Conflict(Exception):
    """The change asked for does not follow from the record's current state."""


class Keep(enum.Enum):
    """Marks an optional field the caller left out, as distinct from an explicit null."""

    KEEP = "keep"


KEEP: Final = Keep.KEEP

_O = OrderStatus
_R = ReturnStatus
_S = TypeVar("_S", OrderStatus, ReturnStatus)

#: The statuses an order may move to from each status; the first is the "next" one.
ORDER_TARGETS: dict[OrderStatus, tuple[OrderStatus, ...]] = {
    _O.PENDING: (_O.PROCESSING, _O.PARTIALLY_SHIPPED, _O.SHIPPED, _O.CANCELLED),
    _O.PROCESSING: (_O.SHIPPED, _O.PARTIALLY_SHIPPED, _O.CANCELLED),
    _O.PARTIALLY_SHIPPED: (_O.SHIPPED, _O.DELIVERED),
    _O.SHIPPED: (_O.DELIVERED,),
    _O.DELIVERED: (),
    _O.CANCELLED: (),
}
#: Likewise for returns.
RETURN_TARGETS: dict[ReturnStatus, tuple[ReturnStatus, ...]] = {
    _R.REQUESTED: (_R.APPROVED, _R.REJECTED),
    _R.APPROVED: (_R.RECEIVED, _R.REJECTED),
    _R.RECEIVED: (_R.REFUNDED, _R.REJECTED),
    _R.REFUNDED: (),
    _R.REJECTED: (),
}
#: Orders with a parcel on its way or arrived: these carry a carrier and tracking number.
SHIPPED_STATES = frozenset({_O.SHIPPED, _O.PARTIALLY_SHIPPED, _O.DELIVERED})
#: Carrier names and the prefix of their tracking numbers.
_CARRIERS = (("DHL", "JD"), ("UPS", "1Z"), ("PostNL", "3S"), ("DPD", "05"))
#: Days from shipping to the expected delivery.
_TRANSIT_DAYS = 2


def carrier_and_tracking(order_id: str, seed: int) -> tuple[str, str]:
    """A stable carrier and tracking number per order, so re-shipping after a reset agrees."""
    digest = hashlib.blake2b(f"{seed}/{order_id}".encode(), digest_size=8).digest()
    carrier, prefix = _CARRIERS[digest[0] % len(_CARRIERS)]
    return carrier, f"{prefix}{int.from_bytes(digest[1:], 'big') % 10**12:012d}"


def later(previous: datetime, at: datetime) -> datetime:
    """`at`, nudged past `previous` so every change moves `updated_at` forward."""
    return at if at > previous else previous + timedelta(microseconds=1)


def _target(current: _S, wanted: _S | None, targets: tuple[_S, ...], subject: str) -> _S:
    if not targets:
        raise Conflict(f"{subject} is {current}; it has no next status")
    if wanted is None:
        return targets[0]
    if wanted not in targets:
        allowed = ", ".join(targets)
        raise Conflict(f"{subject} cannot go from {current} to {wanted} (allowed: {allowed})")
    return wanted


def restock(
    item: Item,
    available: int,
    status: ItemStatus | None,
    restock_date: date | Literal[Keep.KEEP] | None,
    at: datetime,
) -> Item:
    """Set stock; a status other than backordered drops a restock date not given anew."""
    new_status = item.status if status is None else status
    if restock_date is KEEP:
        keep = status is None or new_status is ItemStatus.BACKORDERED
        restock_date = item.restock_date if keep else None
    return Item(
        item.sku, item.name, item.category, new_status, item.price_cents, available,
        item.reserved, restock_date, later(item.updated_at, at),
    )  # fmt: skip


def _ship_lines(order: Order, target: OrderStatus) -> tuple[OrderLine, ...]:
    lines = order.lines
    if target in (_O.SHIPPED, _O.DELIVERED):
        return tuple(_shipped(line, line.quantity) for line in lines)
    if target is not _O.PARTIALLY_SHIPPED:
        return lines
    if sum(line.quantity for line in lines) < 2:
        raise Conflict(f"{order.order_id} has a single unit; it cannot ship in part")
    if len(lines) == 1:
        return (_shipped(lines[0], 1),)
    return (_shipped(lines[0], lines[0].quantity), *lines[1:])


def _shipped(line: OrderLine, quantity: int) -> OrderLine:
    return OrderLine(line.sku, line.name, line.quantity, quantity, line.unit_price_cents)


def advance_order(order: Order, wanted: OrderStatus | None, at: datetime, seed: int) -> Order:
    """Move an order on; shipping sets carrier, tracking and a fresh ETA."""
    targets = ORDER_TARGETS[order.status]
    target = _target(order.status, wanted, targets, order.order_id)
    lines = _ship_lines(order, target)
    eta, carrier, tracking = order.eta, order.carrier, order.tracking_number
    if target in SHIPPED_STATES and tracking is None:
        carrier, tracking = carrier_and_tracking(order.order_id, seed)
    if target in (_O.SHIPPED, _O.PARTIALLY_SHIPPED):
        eta = at.date() + timedelta(days=_TRANSIT_DAYS)
    elif target is _O.DELIVERED:
        eta = at.date()
    elif target is _O.CANCELLED:
        eta = None
    carrier_news = at if target in SHIPPED_STATES else order.last_carrier_update
    return Order(
        order.order_id, order.customer_id, target, order.placed_at, lines, order.address,
        eta, tracking, carrier, later(order.updated_at, at), order.promised_date, carrier_news,
    )  # fmt: skip


_REFUND_IN = {
    _R.APPROVED: RefundState.PENDING,
    _R.RECEIVED: RefundState.PENDING,
    _R.REFUNDED: RefundState.ISSUED,
}


def advance_return(ret: Return, wanted: ReturnStatus | None, at: datetime) -> Return:
    """Move a return on; approval makes its refund pending, `refunded` issues it."""
    return _moved(ret, _target(ret.status, wanted, RETURN_TARGETS[ret.status], ret.return_id), at)


def issue_refund(ret: Return, at: datetime) -> Return:
    """Pay a pending refund, whether or not the goods have been received yet."""
    if ret.refund.status is not RefundState.PENDING:
        raise Conflict(f"{ret.return_id} is {ret.status}; it has no pending refund")
    return _moved(ret, _R.REFUNDED, at)


def _moved(ret: Return, target: ReturnStatus, at: datetime) -> Return:
    refund_state = _REFUND_IN.get(target, RefundState.NONE)
    issued_at = at if refund_state is RefundState.ISSUED else None
    refund = Refund(refund_state, ret.refund.amount_cents, issued_at)
    return Return(
        ret.return_id, ret.order_id, ret.customer_id, ret.sku, ret.quantity, ret.reason,
        target, ret.created_at, later(ret.updated_at, at), refund,
    )  # fmt: skip


def file_return(
    order: Order, sku: str, quantity: int, reason: str, return_id: str, at: datetime
) -> Return:
    """A new `requested` return; only units that have shipped can come back."""
    line = order.line(sku)
    if line is None:
        raise Conflict(f"{order.order_id} has no line for {sku}")
    if quantity > line.shipped_quantity:
        raise Conflict(
            f"{order.order_id} has shipped {line.shipped_quantity} of {sku}; "
            f"{quantity} cannot be returned"
        )
    refund = Refund(RefundState.NONE, line.unit_price_cents * quantity, None)
    return Return(
        return_id, order.order_id, order.customer_id, sku, quantity, reason,
        _R.REQUESTED, at, at, refund,
    )  # fmt: skip
