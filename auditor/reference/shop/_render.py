"""Records to the JSON the documents describe.

The only place that knows the wire shape, so the services and the sandbox (whose answers are
"the entity as it is now") cannot drift apart.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from auditor.reference.shop._model import CURRENCY, Item, Order, OrderStatus, Return
from auditor.reference.shop._state import Page

Json = dict[str, Any]


def money(cents: int) -> Json:
    return {"amount": f"{cents // 100}.{cents % 100:02d}", "currency": CURRENCY}


def timestamp(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def item(record: Item) -> Json:
    return {
        "sku": record.sku,
        "name": record.name,
        "category": record.category,
        "status": record.status.value,
        "price": money(record.price_cents),
        "stock": {"available": record.available, "reserved": record.reserved},
        "restock_date": day(record.restock_date),
        "updated_at": timestamp(record.updated_at),
    }


def order(record: Order) -> Json:
    address = record.address
    return {
        "id": record.order_id,
        "customer_id": record.customer_id,
        "status": record.status.value,
        "placed_at": timestamp(record.placed_at),
        "lines": [
            {
                "sku": line.sku,
                "name": line.name,
                "quantity": line.quantity,
                "shipped_quantity": line.shipped_quantity,
            }
            for line in record.lines
        ],
        "total": money(record.total_cents),
        "shipping_address": {
            "name": address.name,
            "line1": address.line1,
            "city": address.city,
            "postcode": address.postcode,
            "country": address.country,
        },
        "eta": day(record.eta),
        "tracking_number": record.tracking_number,
        "carrier": record.carrier,
        "updated_at": timestamp(record.updated_at),
        "promised_date": day(record.promised_date),
        "delivered": record.status is OrderStatus.DELIVERED,
        "delivered_at": (
            timestamp(record.last_carrier_update)
            if record.status is OrderStatus.DELIVERED and record.last_carrier_update is not None
            else None
        ),
        "last_carrier_update": (
            None if record.last_carrier_update is None else timestamp(record.last_carrier_update)
        ),
    }


def return_(record: Return) -> Json:
    refund = record.refund
    return {
        "id": record.return_id,
        "order_id": record.order_id,
        "customer_id": record.customer_id,
        "sku": record.sku,
        "quantity": record.quantity,
        "reason": record.reason,
        "status": record.status.value,
        "created_at": timestamp(record.created_at),
        "updated_at": timestamp(record.updated_at),
        "refund": {
            "status": refund.status.value,
            "amount": money(refund.amount_cents),
            "issued_at": None if refund.issued_at is None else timestamp(refund.issued_at),
        },
    }


def page(key: str, entries: list[Json], window: Page[Any]) -> Json:
    return {
        key: entries,
        "page": window.page,
        "page_size": window.page_size,
        "total": window.total,
        "next_page": window.next_page,
    }
