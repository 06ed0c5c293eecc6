"""The seeded world: customers, their orders and returns, around the catalogue.

Everything is drawn from one `random.Random(seed)` in a fixed order, and every timestamp is an
offset from the `now` given, so the same `(seed, items, now)` always yields the same world.
Each order status and return state is dealt out a few times before the rest is drawn at
random, so even the smallest shop holds every edge class.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import TypeVar

from auditor._facts import OrderStatus, RefundState, ReturnStatus
from auditor.reference.shop._auth import customer_token
from auditor.reference.shop._catalogue import build_catalogue
from auditor.reference.shop._draw import between, distinct, pick
from auditor.reference.shop._model import (
    Address,
    Customer,
    Item,
    Order,
    OrderLine,
    Refund,
    Return,
    World,
)
from auditor.reference.shop._transitions import SHIPPED_STATES, carrier_and_tracking

_FIRST = (
    "Ana", "Ben", "Chloé", "Dev", "Eva", "Finn", "Greta", "Hugo", "Ines", "Jürgen",
    "Kaia", "Lars", "Mira", "Noor", "Oskar", "Priya", "Rosa", "Sven", "Tess", "Zoë",
)  # fmt: skip
_LAST = (
    "Andersen", "Bakker", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Haddad",
    "Ivanova", "Jansen", "Kowalski", "Lund", "Moreau", "Novak", "Øster", "Peeters",
)  # fmt: skip
_STREETS = ("Canal Street", "Lindenweg", "Rue des Lilas", "Harbour Road", "Parkvej", "Via Roma")
_CITIES = (
    ("Amsterdam", "NL", "1012 AB"), ("Berlin", "DE", "10115"), ("Lyon", "FR", "69002"),
    ("Ghent", "BE", "9000"), ("Aarhus", "DK", "8000"), ("Bologna", "IT", "40121"),
)  # fmt: skip
_REASONS = (
    "changed my mind",
    "arrived damaged",
    "wrong size",
    "not as described",
    "duplicate gift",
)

#: How long before `now` an order in each status was placed, in minutes (low, high).
_PLACED_AGO = {
    OrderStatus.PENDING: (10, 20 * 60),
    OrderStatus.PROCESSING: (6 * 60, 3 * 24 * 60),
    OrderStatus.SHIPPED: (24 * 60, 6 * 24 * 60),
    OrderStatus.PARTIALLY_SHIPPED: (24 * 60, 6 * 24 * 60),
    OrderStatus.DELIVERED: (5 * 24 * 60, 60 * 24 * 60),
    OrderStatus.CANCELLED: (24 * 60, 30 * 24 * 60),
}
_ORDER_WEIGHTS = {
    OrderStatus.PENDING: 12,
    OrderStatus.PROCESSING: 12,
    OrderStatus.SHIPPED: 15,
    OrderStatus.PARTIALLY_SHIPPED: 8,
    OrderStatus.DELIVERED: 43,
    OrderStatus.CANCELLED: 10,
}
_RETURN_WEIGHTS = {
    ReturnStatus.REQUESTED: 20,
    ReturnStatus.APPROVED: 15,
    ReturnStatus.RECEIVED: 15,
    ReturnStatus.REFUNDED: 40,
    ReturnStatus.REJECTED: 10,
}
_REFUND_OF = {
    ReturnStatus.APPROVED: RefundState.PENDING,
    ReturnStatus.RECEIVED: RefundState.PENDING,
    ReturnStatus.REFUNDED: RefundState.ISSUED,
}
#: The one return filed just before `now`, in minutes.
RECENT_RETURN_MINUTES = (3, 9)
#: Every other return is at least this old, so "recent" stays unambiguous.
_OLDEST_RECENT = timedelta(hours=2)


def sizes_for(items: int) -> tuple[int, int, int]:
    """Orders, returns and customers that go with a catalogue of `items`."""
    orders = max(40, items // 5)
    return orders, max(15, items // 20), max(12, orders // 4)


def _customers(rng: random.Random, seed: int, count: int) -> list[Customer]:
    customers = []
    for number in range(1, count + 1):
        customer_id = f"C-{number:03d}"
        name = f"{pick(rng, _FIRST)} {pick(rng, _LAST)}"
        city, country, postcode = pick(rng, _CITIES)
        line1 = f"{pick(rng, _STREETS)} {between(rng, 1, 180)}"
        address = Address(name, line1, city, postcode, country)
        customers.append(Customer(customer_id, name, address, customer_token(seed, customer_id)))
    return customers


_K = TypeVar("_K")


def _deal(rng: random.Random, weights: Mapping[_K, int], count: int, each: int) -> list[_K]:
    """`each` of every key first, then weighted draws up to `count`, shuffled."""
    keys = list(weights)
    dealt = [key for key in keys for _ in range(each)]
    dealt += rng.choices(keys, weights=list(weights.values()), k=max(0, count - len(dealt)))
    rng.shuffle(dealt)
    return dealt[:count]


def _owners(rng: random.Random, customers: list[Customer], count: int) -> list[Customer]:
    """Every customer once, the rest skewed so the first few customers have many orders."""
    weights = [1.0 / (rank + 1) for rank in range(len(customers))]
    owners = customers[:count] + rng.choices(customers, weights=weights, k=count - len(customers))
    rng.shuffle(owners)
    return owners


def _lines(rng: random.Random, items: tuple[Item, ...], status: OrderStatus) -> list[OrderLine]:
    partial = status is OrderStatus.PARTIALLY_SHIPPED
    count = between(rng, 2, 3) if partial else pick(rng, (1, 1, 2, 2, 3))
    lines = []
    for position, item in enumerate(distinct(rng, items, count)):
        quantity = pick(rng, (1, 1, 1, 2, 3))
        shipped = 0
        if status in (OrderStatus.SHIPPED, OrderStatus.DELIVERED) or (partial and position == 0):
            shipped = quantity
        lines.append(OrderLine(item.sku, item.name, quantity, shipped, item.price_cents))
    return lines


@dataclass(frozen=True, slots=True)
class _Frame:
    """What every order draw needs, passed explicitly instead of as globals."""

    seed: int
    now: datetime
    items: tuple[Item, ...]


#: Days from `now` to the expected delivery of an open order, (low, high).
_ETA_IN = {
    OrderStatus.PENDING: (3, 10),
    OrderStatus.PROCESSING: (2, 8),
    OrderStatus.SHIPPED: (1, 4),
    OrderStatus.PARTIALLY_SHIPPED: (1, 4),
}


def _eta(
    rng: random.Random, status: OrderStatus, placed_at: datetime, now: datetime
) -> date | None:
    """Open orders expect a day ahead; delivered ones keep the day they arrived."""
    if status is OrderStatus.CANCELLED:
        return None
    if status is OrderStatus.DELIVERED:
        return min(now.date(), placed_at.date() + timedelta(days=between(rng, 2, 5)))
    return now.date() + timedelta(days=between(rng, *_ETA_IN[status]))


def _order(
    rng: random.Random, number: int, owner: Customer, status: OrderStatus, world: _Frame
) -> Order:
    low, high = _PLACED_AGO[status]
    placed_at = world.now - timedelta(minutes=between(rng, low, high))
    updated_at = placed_at + (world.now - placed_at) * rng.uniform(0.1, 0.9)
    eta = _eta(rng, status, placed_at, world.now)
    order_id = f"ORD-{10000 + number}"
    carrier, tracking = carrier_and_tracking(order_id, world.seed)
    shipped = status in SHIPPED_STATES
    lines = tuple(_lines(rng, world.items, status))
    return Order(
        order_id, owner.customer_id, status, placed_at, lines, owner.address, eta,
        tracking if shipped else None, carrier if shipped else None, updated_at,
    )  # fmt: skip


def _return(
    rng: random.Random, chosen: tuple[Order, OrderLine], status: ReturnStatus, now: datetime
) -> Return:
    order = chosen[0]
    created_at = order.placed_at + (now - order.placed_at) * rng.uniform(0.4, 0.95)
    created_at = min(created_at, now - _OLDEST_RECENT)
    return _returned(rng, chosen, status, created_at, now)


def _returned(
    rng: random.Random,
    chosen: tuple[Order, OrderLine],
    status: ReturnStatus,
    created_at: datetime,
    now: datetime,
) -> Return:
    order, line = chosen
    quantity = between(rng, 1, line.shipped_quantity)
    updated_at = created_at
    if status is not ReturnStatus.REQUESTED:
        updated_at = created_at + (now - created_at) * rng.uniform(0.2, 0.9)
    refund_state = _REFUND_OF.get(status, RefundState.NONE)
    issued_at = updated_at if refund_state is RefundState.ISSUED else None
    refund = Refund(refund_state, line.unit_price_cents * quantity, issued_at)
    return Return(
        "", order.order_id, order.customer_id, line.sku, quantity, pick(rng, _REASONS),
        status, created_at, updated_at, refund,
    )  # fmt: skip


def _returns(rng: random.Random, orders: list[Order], count: int, now: datetime) -> list[Return]:
    eligible = [
        (order, line)
        for order in orders
        if order.status in SHIPPED_STATES
        for line in order.lines
        if line.shipped_quantity > 0
    ]
    picks = rng.sample(eligible, min(count, len(eligible)))
    states = _deal(rng, _RETURN_WEIGHTS, len(picks) - 1, each=2)
    recent_at = now - timedelta(minutes=between(rng, *RECENT_RETURN_MINUTES))
    returns = [_returned(rng, picks[0], ReturnStatus.REQUESTED, recent_at, now)]
    returns += [_return(rng, p, state, now) for p, state in zip(picks[1:], states, strict=True)]
    # Numbered in filing order, as a real RMA counter would be.
    returns.sort(key=lambda r: r.created_at)
    return [replace(r, return_id=f"RMA-{1001 + index:04d}") for index, r in enumerate(returns)]


#: Late, stalled and partly late orders (issue 24), added after the rest, as (status, promised
#: date, ETA, last carrier update) in days from `now` (None: none). The promise passed for the
#: late ones; the second has a new ETA from the carrier, the one date to come an answer may give.
_DELAYED: tuple[tuple[OrderStatus, int, int, float | None], ...] = (
    (OrderStatus.SHIPPED, -4, -4, -1.0),  # late, the carrier still reporting
    (OrderStatus.SHIPPED, -3, 2, -0.25),  # late, with a new ETA
    (OrderStatus.PROCESSING, -2, -2, None),  # late, never left the warehouse
    (OrderStatus.SHIPPED, 2, 2, -6.0),  # stalled: not due yet, no carrier news for 6 days
    (OrderStatus.SHIPPED, -5, -5, -8.0),  # late and stalled
    (OrderStatus.PARTIALLY_SHIPPED, -3, -3, -0.5),  # one part late
)


def _carrier_news(rng: random.Random, order: Order, now: datetime) -> Order:
    """The promise (the ETA when placed) and, once shipped, a carrier update within the day,
    so that no ordinary order is late or stalled."""
    news = None
    if order.status in SHIPPED_STATES:
        news = now - timedelta(minutes=between(rng, 10, 20 * 60))
        if order.status is OrderStatus.DELIVERED and order.eta is not None:
            news = min(news, datetime.combine(order.eta, now.timetz()))
    return replace(order, promised_date=order.eta, last_carrier_update=news)


def _delayed(
    rng: random.Random, customers: list[Customer], frame: _Frame, first: int
) -> list[Order]:
    """The late, stalled and partly late orders of `_DELAYED`, numbered from `first`."""
    orders = []
    for number, (status, promised, eta, news) in enumerate(_DELAYED, start=first):
        owner = pick(rng, customers)
        placed_at = frame.now - timedelta(days=abs(promised) + between(rng, 4, 8))
        order_id = f"ORD-{10000 + number}"
        carrier, tracking = carrier_and_tracking(order_id, frame.seed)
        shipped = status in SHIPPED_STATES
        lines = tuple(_lines(rng, frame.items, status))
        orders.append(
            Order(
                order_id,
                owner.customer_id,
                status,
                placed_at,
                lines,
                owner.address,
                frame.now.date() + timedelta(days=eta),
                tracking if shipped else None,
                carrier if shipped else None,
                placed_at + timedelta(days=1),
                frame.now.date() + timedelta(days=promised),
                None if news is None else frame.now + timedelta(days=news),
            )
        )
    return orders


def build_world(seed: int, items: int, now: datetime) -> World:
    """The whole seeded shop; the same arguments always give an equal world."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    rng = random.Random(seed)
    catalogue = build_catalogue(rng, items, now)
    order_count, return_count, customer_count = sizes_for(items)
    customers = _customers(rng, seed, customer_count)
    frame = _Frame(seed, now, catalogue)
    statuses = _deal(rng, _ORDER_WEIGHTS, order_count, each=3)
    owners = _owners(rng, customers, order_count)
    orders = [
        _order(rng, number, owner, status, frame)
        for number, (owner, status) in enumerate(zip(owners, statuses, strict=True), start=1)
    ]
    returns = _returns(rng, orders, return_count, now)
    # Drawn from a stream of their own, so the orders and returns above stay as they were.
    news = random.Random(f"{seed}:delays")
    orders = [_carrier_news(news, order, now) for order in orders]
    orders += _delayed(news, customers, frame, len(orders) + 1)
    return World(seed, now, catalogue, tuple(customers), tuple(orders), tuple(returns))
