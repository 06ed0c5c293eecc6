"""A second shop, shaped nothing like the reference one, read with a hand-written mapping."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest

from auditor._anchors import open_anchors
from auditor._facts import Availability, OrderStatus, RefundState, ReturnStatus, availability_of
from auditor._serve import serve_in_thread
from tests.apps import NORTHWIND_ENV, SPECS, Northwind, northwind_anchors

_STATUS = {
    "IN_STOCK": Availability.IN_STOCK,
    "LOW": Availability.LOW_STOCK,
    "OOS": Availability.OUT_OF_STOCK,
    "BACKORDER": Availability.BACKORDER,
    "EOL": Availability.DISCONTINUED,
}


@pytest.fixture(scope="module")
def northwind() -> Iterator[tuple[Northwind, str]]:
    shop = Northwind()
    with serve_in_thread(shop.app) as url:
        yield shop, url


@pytest.mark.parametrize("validator", ["openapi-core", "jsonschema-rs"])
async def test_every_record_maps_with_configuration_only(
    northwind: tuple[Northwind, str], validator: str
) -> None:
    shop, url = northwind
    configs = northwind_anchors(url, validator=validator)
    async with open_anchors(configs, read_only=True, env=NORTHWIND_ENV, base_dir=SPECS) as anchors:
        snap = await anchors.snapshot()
        assert anchors.contract_findings == []
    assert len(snap.stock) == len(shop.products)
    for product in shop.products:
        fact = snap.stock[product["productCode"]]
        qty = product["inventory"]["qtyOnHand"]
        assert fact.availability is availability_of(_STATUS[product["stockStatus"]], qty)
        assert (fact.name, fact.on_hand) == (product["displayName"], qty)
    assert {f.availability for f in snap.stock.values()} >= {
        Availability.OUT_OF_STOCK,
        Availability.DISCONTINUED,
        Availability.BACKORDER,
        Availability.LOW_STOCK,
    }
    assert len(snap.orders) == len(shop.orders)
    partial = next(o for o in shop.orders if o["state"] == "PARTIAL")
    fact = snap.orders[partial["orderNumber"]]
    assert fact.status is OrderStatus.PARTIALLY_SHIPPED
    assert [line.shipped_quantity for line in fact.lines] == [
        item["qtyShipped"] for item in partial["items"]
    ]
    assert len(snap.returns) == len(shop.returns)
    credited = next(r for r in shop.returns if r["state"] == "CREDITED")
    ret = snap.returns[credited["rmaNumber"]]
    assert ret.status is ReturnStatus.REFUNDED and ret.refund_state is RefundState.ISSUED
    assert ret.refund_amount == Decimal(str(credited["credit"]["amount"]))


async def test_all_three_pagination_styles_were_walked(northwind: tuple[Northwind, str]) -> None:
    shop, url = northwind
    before = len(shop.requests)
    async with open_anchors(
        northwind_anchors(url), read_only=True, env=NORTHWIND_ENV, base_dir=SPECS
    ) as anchors:
        await anchors.snapshot()
    paths = [path for _, path in shop.requests[before:]]
    # 60 products by 100 (one cursor page), 25 orders by 50 (one Link page), 15 returns by 20.
    assert paths.count("/v2/products") == 1
    assert paths.count("/v2/orders") == 1
    assert paths.count("/v2/returns") == 1


async def test_small_pages_follow_cursor_link_and_offset(northwind: tuple[Northwind, str]) -> None:
    shop, url = northwind
    configs = northwind_anchors(url)
    catalog = configs["catalog"]
    configs["catalog"] = catalog.model_copy(
        update={"pagination": catalog.pagination.model_copy(update={"size": 7})}
    )
    fulfilment = configs["fulfilment"]
    assert fulfilment.orders is not None and fulfilment.returns is not None
    orders = fulfilment.orders.model_copy(
        update={"pagination": fulfilment.orders.pagination.model_copy(update={"size": 4})}
    )
    returns = fulfilment.returns.model_copy(
        update={"pagination": fulfilment.returns.pagination.model_copy(update={"size": 4})}
    )
    configs["fulfilment"] = fulfilment.model_copy(update={"orders": orders, "returns": returns})
    before = len(shop.requests)
    async with open_anchors(configs, read_only=True, env=NORTHWIND_ENV, base_dir=SPECS) as anchors:
        snap = await anchors.snapshot()
    assert (len(snap.stock), len(snap.orders), len(snap.returns)) == (60, 25, 15)
    paths = [path for _, path in shop.requests[before:]]
    assert paths.count("/v2/products") == 9  # ceil(60 / 7)
    assert paths.count("/v2/orders") == 7  # ceil(25 / 4), Link stops on the last page
    assert paths.count("/v2/returns") == 4  # ceil(15 / 4), the last one short


async def test_fresh_reads_by_get_and_by_list(northwind: tuple[Northwind, str]) -> None:
    shop, url = northwind
    async with open_anchors(
        northwind_anchors(url), read_only=True, env=NORTHWIND_ENV, base_dir=SPECS
    ) as anchors:
        item = await anchors.read("stock", "NW00004")
        assert item is not None and item.availability is Availability.OUT_OF_STOCK
        assert await anchors.read("stock", "NW99999") is None
        order = await anchors.read("orders", "NWO-000002")
        assert order is not None and order.customer_id == "NWC-02"
        # returns have no `get`: the list is walked until the id turns up
        ret = await anchors.read("returns", "NWR-00003")
        assert ret is not None and ret.order_id == shop.returns[2]["orderNumber"]
        assert await anchors.read("returns", "NWR-99999") is None
