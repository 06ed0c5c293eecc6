"""Customers see only their own orders and returns; another's answers exactly like a missing one."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests._fixtures.shop import ServedShop


@pytest.fixture
def http(shop: ServedShop) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=shop.url, timeout=10) as client:
        yield client


def owner_and_stranger(shop: ServedShop) -> tuple[str, str]:
    owners = [o.customer_id for o in shop.state.orders.values()]
    owner = max(set(owners), key=owners.count)
    stranger = next(cid for cid in shop.customers if cid != owner)
    return owner, stranger


@pytest.mark.parametrize("service", ["orders", "returns"])
def test_no_token_or_a_wrong_one_is_401(http: httpx.Client, service: str) -> None:
    assert http.get(f"/{service}/{service}").status_code == 401
    wrong = {"Authorization": "Bearer cust-C-001-00000000"}
    response = http.get(f"/{service}/{service}", headers=wrong)
    assert response.status_code == 401
    assert response.json()["error"] == "unauthorized"


def test_a_customer_lists_only_their_own_orders(http: httpx.Client, shop: ServedShop) -> None:
    owner, _ = owner_and_stranger(shop)
    token = shop.customers[owner]
    body = http.get("/orders/orders", params={"page_size": 500}, headers=shop.auth(token)).json()
    expected = sorted(o.order_id for o in shop.state.orders.values() if o.customer_id == owner)
    assert sorted(o["id"] for o in body["orders"]) == expected
    assert body["total"] == len(expected) >= 2


def test_a_customer_cannot_read_anothers_order(http: httpx.Client, shop: ServedShop) -> None:
    owner, stranger = owner_and_stranger(shop)
    order = next(o for o in shop.state.orders.values() if o.customer_id == owner)
    foreign = http.get(
        f"/orders/orders/{order.order_id}", headers=shop.auth(shop.customers[stranger])
    )
    missing = http.get("/orders/orders/ORD-99999", headers=shop.auth(shop.customers[stranger]))
    assert foreign.status_code == missing.status_code == 404
    assert foreign.json()["error"] == missing.json()["error"] == "not_found"
    assert foreign.json()["message"] == f"no order {order.order_id}"
    mine = http.get(f"/orders/orders/{order.order_id}", headers=shop.auth(shop.customers[owner]))
    assert mine.status_code == 200 and mine.json()["customer_id"] == owner


def test_filtering_by_another_customer_yields_nothing(http: httpx.Client, shop: ServedShop) -> None:
    owner, stranger = owner_and_stranger(shop)
    token = shop.customers[stranger]
    body = http.get("/orders/orders", params={"customer_id": owner}, headers=shop.auth(token))
    assert body.json()["total"] == 0 and body.json()["orders"] == []


def test_a_customer_cannot_read_or_list_anothers_returns(
    http: httpx.Client, shop: ServedShop
) -> None:
    ret = next(iter(shop.state.returns.values()))
    stranger = next(cid for cid in shop.customers if cid != ret.customer_id)
    token = shop.customers[stranger]
    assert (
        http.get(f"/returns/returns/{ret.return_id}", headers=shop.auth(token)).status_code == 404
    )
    listed = http.get(
        "/returns/returns", params={"order_id": ret.order_id}, headers=shop.auth(token)
    ).json()
    assert listed["returns"] == [] and listed["total"] == 0
    everything = http.get("/returns/returns", params={"page_size": 500}, headers=shop.auth(token))
    assert all(r["customer_id"] == stranger for r in everything.json()["returns"])
    own = http.get(
        f"/returns/returns/{ret.return_id}", headers=shop.auth(shop.customers[ret.customer_id])
    )
    assert own.status_code == 200


def test_staff_sees_all_and_is_scoped_on_behalf_of(http: httpx.Client, shop: ServedShop) -> None:
    owner, stranger = owner_and_stranger(shop)
    every = http.get("/orders/orders", params={"page_size": 500}, headers=shop.auth()).json()
    assert every["total"] == len(shop.state.orders)
    as_owner = http.get(
        "/orders/orders", params={"page_size": 500}, headers=shop.auth(on_behalf_of=owner)
    ).json()
    direct = http.get(
        "/orders/orders", params={"page_size": 500}, headers=shop.auth(shop.customers[owner])
    ).json()
    assert as_owner == direct
    foreign = next(o for o in shop.state.orders.values() if o.customer_id == stranger)
    scoped = http.get(f"/orders/orders/{foreign.order_id}", headers=shop.auth(on_behalf_of=owner))
    assert scoped.status_code == 404
    ret = next(r for r in shop.state.returns.values() if r.customer_id != owner)
    scoped_return = http.get(
        f"/returns/returns/{ret.return_id}", headers=shop.auth(on_behalf_of=owner)
    )
    assert scoped_return.status_code == 404


def test_a_customer_cannot_act_on_behalf_of_another(http: httpx.Client, shop: ServedShop) -> None:
    owner, stranger = owner_and_stranger(shop)
    headers = shop.auth(shop.customers[stranger], on_behalf_of=owner)
    assert http.get("/orders/orders", headers=headers).status_code == 401


def test_only_staff_may_use_the_sandbox(http: httpx.Client, shop: ServedShop) -> None:
    token = next(iter(shop.customers.values()))
    assert http.post("/_sandbox/reset").status_code == 401
    assert http.post("/_sandbox/reset", headers=shop.auth(token)).status_code == 401
