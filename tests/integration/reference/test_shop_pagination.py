"""Paging through any list over HTTP yields every record exactly once."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests._fixtures.shop import FreshShop, ServedShop

LISTS = {"items": "/inventory/items", "orders": "/orders/orders", "returns": "/returns/returns"}
PROPERTY = settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def served(fresh_shop: FreshShop) -> ServedShop:
    return fresh_shop(items=150)


@pytest.fixture
def http(served: ServedShop) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=served.url, timeout=10, headers=served.auth()) as client:
        yield client


def walk(http: httpx.Client, key: str, page_size: int, **params: Any) -> list[dict[str, Any]]:
    seen: list[dict[str, Any]] = []
    page: int | None = 1
    total = None
    while page is not None:
        body = http.get(LISTS[key], params={**params, "page": page, "page_size": page_size})
        assert body.status_code == 200
        data = body.json()
        assert data["page"] == page and data["page_size"] == page_size
        assert len(data[key]) <= page_size
        assert total in (None, data["total"])
        total = data["total"]
        seen += data[key]
        page = data["next_page"]
    assert len(seen) == total
    return seen


@PROPERTY
@given(page_size=st.integers(min_value=1, max_value=500))
def test_every_item_exactly_once(http: httpx.Client, served: ServedShop, page_size: int) -> None:
    skus = [item["sku"] for item in walk(http, "items", page_size)]
    assert skus == list(served.state.items)


@PROPERTY
@given(page_size=st.integers(min_value=1, max_value=60), q=st.sampled_from(["kettle", "-1", "ø"]))
def test_a_filtered_listing_pages_the_same_way(
    http: httpx.Client, served: ServedShop, page_size: int, q: str
) -> None:
    names = [item["name"] for item in walk(http, "items", page_size, q=q)]
    expected = [
        i.name
        for i in served.state.items.values()
        if q.casefold() in i.name.casefold() or q.casefold() in i.sku.casefold()
    ]
    assert names == expected


@PROPERTY
@given(
    page_size=st.integers(min_value=1, max_value=500), key=st.sampled_from(["orders", "returns"])
)
def test_every_order_and_return_exactly_once(
    http: httpx.Client, served: ServedShop, page_size: int, key: str
) -> None:
    ids = [record["id"] for record in walk(http, key, page_size)]
    expected = served.state.orders if key == "orders" else served.state.returns
    assert ids == list(expected)


def test_a_page_past_the_end_is_empty(http: httpx.Client, served: ServedShop) -> None:
    body = http.get("/inventory/items", params={"page": 99, "page_size": 50}).json()
    assert (body["items"], body["total"], body["next_page"]) == ([], 150, None)
