"""Late and stalled orders (issue 24): when an order is late, by its own fact and clock.

Pure functions of an `OrderFact`; the clock is the moment the fact was read (`read_at`), so
the edge classes of a snapshot, the judge and a re-judge offline all agree on one order:

* **late** (`late_order`): the promised date (the ETA where no promise is mapped) is before the
  day the fact was read, and the order is neither delivered nor cancelled;
* **stalled** (`stalled_shipment`): it has left (shipped or partly shipped), is not delivered,
  and the carrier's last update is more than `stall_days` old (only where the shop exposes
  update times);
* **late part** (`late_part`): a late order of which part has left and part has not (a
  partially shipped status, or lines shipped and not).

An answer about such an order must not reassure (`auditor/_compat.py`: `DELAY`); the dates an
anchor still holds for it (`held_dates`) are the only new dates it may give.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Any

from auditor._facts import DEFAULT_STALL_DAYS, OrderFact, OrderLineFact, OrderStatus

LATE_ORDER = "late_order"
STALLED_SHIPMENT = "stalled_shipment"
LATE_PART = "late_part"
#: The edge classes of delays, in report order.
DELAY_CLASSES = (LATE_ORDER, STALLED_SHIPMENT, LATE_PART)

_LEFT = frozenset({OrderStatus.SHIPPED, OrderStatus.PARTIALLY_SHIPPED})
_CLOSED = frozenset({OrderStatus.DELIVERED, OrderStatus.CANCELLED})


def due_date(fact: OrderFact) -> date | None:
    """The date the customer was told: the promise, else the ETA."""
    return fact.promised_date if fact.promised_date is not None else fact.eta


def is_delivered(fact: OrderFact) -> bool:
    return (
        fact.status is OrderStatus.DELIVERED
        or bool(fact.delivered)
        or (fact.delivered_on is not None)
    )


def _open(fact: OrderFact) -> bool:
    return fact.status not in _CLOSED and not is_delivered(fact)


def is_late(fact: OrderFact, today: date | None = None) -> bool:
    due = due_date(fact)
    day = fact.read_at.date() if today is None else today
    return due is not None and due < day and _open(fact)


def is_stalled(fact: OrderFact, now: datetime | None = None) -> bool:
    if fact.last_update is None or fact.status not in _LEFT or not _open(fact):
        return False
    return (fact.read_at if now is None else now) - fact.last_update > timedelta(
        days=fact.stall_days
    )


def is_split(fact: OrderFact) -> bool:
    """Part of the order has left and part has not."""
    if fact.status is OrderStatus.PARTIALLY_SHIPPED:
        return True
    shipped = [line.shipped_quantity >= line.quantity for line in fact.lines]
    return any(shipped) and not all(shipped)


def has_late_part(fact: OrderFact, today: date | None = None) -> bool:
    return is_late(fact, today) and is_split(fact)


def delay_classes(fact: OrderFact) -> tuple[str, ...]:
    """The delay edge classes the order is in when it was read, in report order."""
    found = (
        (LATE_ORDER, is_late(fact)),
        (STALLED_SHIPMENT, is_stalled(fact)),
        (LATE_PART, has_late_part(fact)),
    )
    return tuple(name for name, member in found if member)


def is_delayed(fact: OrderFact) -> bool:
    return is_late(fact) or is_stalled(fact)


def held_dates(fact: OrderFact) -> frozenset[date]:
    """Dates still to come that an anchor holds for the order: a new ETA, the promise."""
    today = fact.read_at.date()
    return frozenset(d for d in (fact.eta, fact.promised_date) if d is not None and d >= today)


def _stored_day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _stored_moment(value: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def stored_delay_classes(data: Mapping[str, Any], read_at: datetime) -> tuple[str, ...]:
    """`delay_classes` of an order as a results file stores it (`fact_to_json`), read with
    no more than it needs: an unreadable record is on time (no delay is claimed of it)."""
    try:
        status = OrderStatus(str(data.get("status")))
    except ValueError:
        return ()
    lines = tuple(
        OrderLineFact(
            "", "", int(line.get("quantity") or 0), int(line.get("shipped_quantity") or 0)
        )
        for line in data.get("lines") or ()
        if isinstance(line, Mapping)
    )
    fact = OrderFact(
        str(data.get("order_id") or ""),
        str(data.get("customer_id") or ""),
        status,
        _stored_moment(data.get("read_at")) or read_at,
        eta=_stored_day(data.get("eta")),
        lines=lines,
        promised_date=_stored_day(data.get("promised_date")),
        delivered=data.get("delivered") if isinstance(data.get("delivered"), bool) else None,
        delivered_on=_stored_day(data.get("delivered_on")),
        last_update=_stored_moment(data.get("last_update")),
        stall_days=int(data.get("stall_days") or DEFAULT_STALL_DAYS),
    )
    return delay_classes(fact)
