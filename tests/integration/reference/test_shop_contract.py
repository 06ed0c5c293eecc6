"""A response that breaks its document never reaches the client: openapi-core stops it."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import httpx
import pytest

from auditor._facts import OrderStatus
from auditor.reference.shop import create_shop
from tests._fixtures.shop import FreshShop, ServedShop

ALL_OPERATIONS = frozenset(
    {
        "listItems", "getItem", "listOrders", "getOrder", "listReturns", "getReturn",
        "setStock", "advanceOrder", "fileReturn", "advanceReturn", "issueRefund", "resetShop",
    }
)  # fmt: skip


@pytest.fixture
def broken(fresh_shop: FreshShop) -> ServedShop:
    return fresh_shop(corrupt=ALL_OPERATIONS)


@pytest.fixture
def http(broken: ServedShop) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=broken.url, timeout=10, headers=broken.auth()) as client:
        yield client


def calls(served: ServedShop) -> dict[str, tuple[str, str, dict[str, object] | None]]:
    state = served.state
    sku = next(iter(state.items))
    order = next(o for o in state.orders.values() if o.status is OrderStatus.DELIVERED)
    ret = next(r for r in state.returns.values() if r.refund.status == "pending")
    requested = next(r for r in state.returns.values() if r.status == "requested")
    return {
        "listItems": ("GET", "/inventory/items", None),
        "getItem": ("GET", f"/inventory/items/{sku}", None),
        "listOrders": ("GET", "/orders/orders", None),
        "getOrder": ("GET", f"/orders/orders/{order.order_id}", None),
        "listReturns": ("GET", "/returns/returns", None),
        "getReturn": ("GET", f"/returns/returns/{ret.return_id}", None),
        "setStock": ("PUT", f"/_sandbox/stock/{sku}", {"available": 4}),
        "advanceOrder": ("POST", "/_sandbox/orders/ORD-99999/advance", None),
        "fileReturn": ("POST", "/_sandbox/returns", {"order_id": order.order_id, "sku": "x"}),
        "advanceReturn": ("POST", f"/_sandbox/returns/{requested.return_id}/advance", None),
        "issueRefund": ("POST", f"/_sandbox/returns/{ret.return_id}/refund", None),
        "resetShop": ("POST", "/_sandbox/reset", None),
    }


def test_every_operation_is_covered(broken: ServedShop) -> None:
    assert set(calls(broken)) == ALL_OPERATIONS


@pytest.mark.parametrize("operation", sorted(ALL_OPERATIONS))
def test_a_broken_answer_becomes_a_contract_violation(
    http: httpx.Client, broken: ServedShop, operation: str, caplog: pytest.LogCaptureFixture
) -> None:
    method, path, body = calls(broken)[operation]
    with caplog.at_level(logging.ERROR, logger="auditor.reference.shop"):
        response = http.request(method, path, json=body)
    assert response.status_code == 500
    assert set(response.json()) == {"error", "message"}
    assert response.json()["error"] == "contract_violation"
    assert response.json()["message"].startswith(operation)
    assert any(operation in record.getMessage() for record in caplog.records)


def test_the_broken_body_is_never_sent(http: httpx.Client, broken: ServedShop) -> None:
    text = http.get("/inventory/items").text
    assert not any(item.sku in text or item.name in text for item in broken.state.items.values())


def test_errors_the_gate_raises_are_not_corrupted(http: httpx.Client) -> None:
    assert http.get("/inventory/items", params={"page_size": 0}).status_code == 400
    assert http.get("/orders/orders", headers={"Authorization": "Bearer no"}).status_code == 401


def test_other_operations_stay_healthy(fresh_shop: FreshShop) -> None:
    served = fresh_shop(corrupt={"listItems"})
    with httpx.Client(base_url=served.url, timeout=10) as client:
        assert client.get("/inventory/items").status_code == 500
        sku = next(iter(served.state.items))
        assert client.get(f"/inventory/items/{sku}").status_code == 200


def test_a_lenient_broken_shop_sends_the_violation(
    fresh_shop: FreshShop, caplog: pytest.LogCaptureFixture
) -> None:
    served = fresh_shop(corrupt={"listItems"}, enforce_contract=False)
    with (
        caplog.at_level(logging.ERROR, logger="auditor.reference.shop"),
        httpx.Client(base_url=served.url, timeout=10) as client,
    ):
        response = client.get("/inventory/items")
    assert response.status_code == 200
    assert isinstance(response.json(), list)
    assert any("listItems" in record.getMessage() for record in caplog.records)


def test_unknown_operations_cannot_be_corrupted() -> None:
    with pytest.raises(ValueError, match="listWarehouses"):
        create_shop(corrupt={"listWarehouses"})
