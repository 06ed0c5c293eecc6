"""Every sandbox change is visible through the public API at once."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from auditor._facts import OrderStatus, ReturnStatus
from auditor.reference.shop import ItemStatus
from tests._fixtures.shop import FreshShop, ServedShop

NOW = datetime(2025, 3, 14, 12, 0, tzinfo=UTC)


@pytest.fixture
def served(fresh_shop: FreshShop) -> ServedShop:
    return fresh_shop(now=NOW)


@pytest.fixture
def http(served: ServedShop) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=served.url, timeout=10, headers=served.auth()) as client:
        yield client


def parse(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def test_stock_changes_show_at_once(http: httpx.Client, served: ServedShop) -> None:
    item = next(i for i in served.state.items.values() if i.available > 5)
    before = http.get(f"/inventory/items/{item.sku}").json()
    changed = http.put(f"/_sandbox/stock/{item.sku}", json={"available": 0})
    assert changed.status_code == 200
    after = http.get(f"/inventory/items/{item.sku}").json()
    assert after == changed.json()
    assert after["stock"]["available"] == 0
    assert parse(after["updated_at"]) > parse(before["updated_at"])
    listed = http.get("/inventory/items", params={"q": item.sku}).json()["items"]
    assert listed == [after]


def test_stock_can_be_backordered_with_a_date(http: httpx.Client, served: ServedShop) -> None:
    sku = next(iter(served.state.items))
    body = {"available": 0, "status": "backordered", "restock_date": "2025-04-01"}
    assert http.put(f"/_sandbox/stock/{sku}", json=body).status_code == 200
    item = http.get(f"/inventory/items/{sku}").json()
    assert (item["status"], item["restock_date"]) == ("backordered", "2025-04-01")
    assert served.state.items[sku].status is ItemStatus.BACKORDERED
    assert http.put("/_sandbox/stock/ZZ-0000", json={"available": 1}).status_code == 404


def test_advancing_an_order_shows_at_once(http: httpx.Client, served: ServedShop) -> None:
    order = next(o for o in served.state.orders.values() if o.status is OrderStatus.PROCESSING)
    customer = served.auth(served.customers[order.customer_id])
    response = http.post(f"/_sandbox/orders/{order.order_id}/advance")
    assert response.status_code == 200
    seen = http.get(f"/orders/orders/{order.order_id}", headers=customer).json()
    assert seen == response.json()
    assert seen["status"] == "shipped"
    assert seen["tracking_number"] and seen["carrier"]
    assert seen["eta"] >= NOW.date().isoformat()
    delivered = http.post(
        f"/_sandbox/orders/{order.order_id}/advance", json={"status": "delivered"}
    )
    assert delivered.json()["status"] == "delivered"
    again = http.post(f"/_sandbox/orders/{order.order_id}/advance")
    assert again.status_code == 409
    assert again.json()["error"] == "conflict"
    assert http.post("/_sandbox/orders/ORD-99999/advance").status_code == 404


def test_a_filed_return_shows_at_once(http: httpx.Client, served: ServedShop) -> None:
    order = next(o for o in served.state.orders.values() if o.status is OrderStatus.DELIVERED)
    customer = served.auth(served.customers[order.customer_id])
    body = {"order_id": order.order_id, "sku": order.lines[0].sku, "reason": "too loud"}
    filed = http.post("/_sandbox/returns", json=body)
    assert filed.status_code == 201
    ret = filed.json()
    assert (ret["status"], ret["quantity"], ret["reason"]) == ("requested", 1, "too loud")
    assert parse(ret["created_at"]) >= NOW
    assert parse(ret["created_at"]) - NOW < timedelta(minutes=5)
    assert http.get(f"/returns/returns/{ret['id']}", headers=customer).json() == ret
    listed = http.get("/returns/returns", params={"order_id": order.order_id}, headers=customer)
    assert ret in listed.json()["returns"]


def test_filing_a_return_for_nothing_shipped_is_refused(
    http: httpx.Client, served: ServedShop
) -> None:
    order = next(o for o in served.state.orders.values() if o.status is OrderStatus.PENDING)
    body = {"order_id": order.order_id, "sku": order.lines[0].sku}
    assert http.post("/_sandbox/returns", json=body).status_code == 409
    missing = {"order_id": "ORD-99999", "sku": "KT-1001"}
    assert http.post("/_sandbox/returns", json=missing).status_code == 404


def test_a_refund_issued_shows_at_once(http: httpx.Client, served: ServedShop) -> None:
    ret = next(r for r in served.state.returns.values() if r.refund.status == "pending")
    customer = served.auth(served.customers[ret.customer_id])
    issued = http.post(f"/_sandbox/returns/{ret.return_id}/refund")
    assert issued.status_code == 200
    seen = http.get(f"/returns/returns/{ret.return_id}", headers=customer).json()
    assert seen == issued.json()
    assert seen["status"] == "refunded"
    assert seen["refund"]["status"] == "issued"
    assert parse(seen["refund"]["issued_at"]) >= NOW
    assert http.post(f"/_sandbox/returns/{ret.return_id}/refund").status_code == 409


def test_advancing_a_return_shows_at_once(http: httpx.Client, served: ServedShop) -> None:
    ret = next(r for r in served.state.returns.values() if r.status is ReturnStatus.REQUESTED)
    moved = http.post(f"/_sandbox/returns/{ret.return_id}/advance", json={"status": "rejected"})
    assert moved.status_code == 200
    assert http.get(f"/returns/returns/{ret.return_id}").json()["status"] == "rejected"


def test_reset_restores_the_seeded_state(http: httpx.Client, served: ServedShop) -> None:
    sku = next(iter(served.state.items))
    seeded_item = http.get(f"/inventory/items/{sku}").json()
    order = next(o for o in served.state.orders.values() if o.status is OrderStatus.DELIVERED)
    http.put(f"/_sandbox/stock/{sku}", json={"available": 999})
    filed = http.post(
        "/_sandbox/returns", json={"order_id": order.order_id, "sku": order.lines[0].sku}
    )
    assert filed.status_code == 201
    reset = http.post("/_sandbox/reset")
    assert reset.json() == {
        "reset": True,
        "items": len(served.state.world.items),
        "orders": len(served.state.world.orders),
        "returns": len(served.state.world.returns),
    }
    assert http.get(f"/inventory/items/{sku}").json() == seeded_item
    assert http.get(f"/returns/returns/{filed.json()['id']}").status_code == 404
