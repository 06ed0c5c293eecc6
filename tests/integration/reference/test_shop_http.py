"""The shop over real HTTP: reads, the index, the documents, and requests that break them."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest
import yaml

from auditor.reference.shop import ItemStatus
from tests._fixtures.shop import ServedShop


@pytest.fixture
def http(shop: ServedShop) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=shop.url, timeout=10) as client:
        yield client


def test_the_index_names_services_and_documents(http: httpx.Client, shop: ServedShop) -> None:
    index = http.get("/").json()
    assert index["services"] == {
        "inventory": "/inventory",
        "orders": "/orders",
        "returns": "/returns",
        "sandbox": "/_sandbox",
    }
    assert shop.staff_token not in http.get("/").text
    for name, path in index["documents"].items():
        document = yaml.safe_load(http.get(path).text)
        assert document["servers"][0]["url"] == index["services"][name]


def test_an_item_reads_as_the_store_holds_it(http: httpx.Client, shop: ServedShop) -> None:
    item = next(i for i in shop.state.items.values() if i.status is ItemStatus.BACKORDERED)
    body = http.get(f"/inventory/items/{item.sku}").json()
    assert body["name"] == item.name
    assert body["stock"] == {"available": item.available, "reserved": item.reserved}
    assert body["restock_date"] == str(item.restock_date)
    assert re.match(r"^[0-9]+\.[0-9]{2}$", body["price"]["amount"])
    assert body["price"]["currency"] == "EUR"


def test_non_ascii_names_survive_the_wire(http: httpx.Client) -> None:
    body = http.get("/inventory/items", params={"q": "brûlée"}).json()
    assert [item["name"] for item in body["items"]] == ["Crème Brûlée Torch"]


def test_q_filters_names_and_skus(http: httpx.Client, shop: ServedShop) -> None:
    body = http.get("/inventory/items", params={"q": "BLUE KETTLE"}).json()
    assert {item["name"] for item in body["items"]} == {"Blue Kettle", "Blue Kettle Pro"}
    sku = next(iter(shop.state.items))
    assert http.get("/inventory/items", params={"q": sku.lower()}).json()["total"] == 1


def test_an_unknown_sku_is_404(http: httpx.Client) -> None:
    response = http.get("/inventory/items/ZZ-0000")
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/inventory/items", {"page_size": "501"}),
        ("/inventory/items", {"page_size": "0"}),
        ("/inventory/items", {"page": "0"}),
        ("/inventory/items", {"page": "two"}),
        ("/inventory/items", {"q": "x" * 201}),
        ("/inventory/items/" + "A" * 65, {}),
    ],
)
def test_requests_that_break_the_document_get_400(
    http: httpx.Client, path: str, params: dict[str, str]
) -> None:
    response = http.get(path, params=params)
    assert response.status_code == 400
    assert response.json()["error"] == "bad_request"
    assert response.json()["message"]


def test_a_bad_sandbox_body_gets_400(http: httpx.Client, shop: ServedShop) -> None:
    sku = next(iter(shop.state.items))
    before = shop.state.items[sku]
    for body in ({"available": -1}, {"available": 1, "colour": "red"}, {}, {"available": "1"}):
        response = http.put(f"/_sandbox/stock/{sku}", json=body, headers=shop.auth())
        assert response.status_code == 400, body
        assert response.json()["error"] == "bad_request"
    assert shop.state.items[sku] == before


def test_paths_and_methods_outside_the_documents(http: httpx.Client) -> None:
    assert http.get("/inventory/warehouses").status_code == 404
    assert http.get("/inventory/warehouses").json()["error"] == "not_found"
    response = http.delete("/inventory/items")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET"
    assert http.get("/openapi/secrets.yaml").status_code == 404
