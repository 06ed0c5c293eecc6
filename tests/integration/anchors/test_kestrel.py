"""A third shop: per-customer keys only, JSON:API, returns nested under orders.

Read with `fixtures/shops/kestrel/audit.toml` alone; every record is read as each customer and
re-read as its owner, which the shop's access log proves.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from decimal import Decimal

import pytest

from auditor._anchors import AnchorError, Anchors, open_anchors
from auditor._config import AuditConfig
from auditor._customers import customer_auth
from auditor._facts import Availability, OrderStatus, RefundState, ReturnStatus
from auditor._serve import serve_in_thread
from tests._fixtures.kestrel import ServedKestrel
from tests.apps import KESTREL_DIR, KESTREL_ENV, Kestrel, kestrel_config
from tests.apps.kestrel import KEY_ENV, KEYS, STORY_STATUS

_RETURN_STATUS = {
    "awaiting": ReturnStatus.REQUESTED,
    "authorized": ReturnStatus.APPROVED,
    "received": ReturnStatus.RECEIVED,
    "refunded": ReturnStatus.REFUNDED,
    "canceled": ReturnStatus.REJECTED,
}


@asynccontextmanager
async def anchors_of(
    config: AuditConfig, *, validator: str = "auto", env: dict[str, str] = KESTREL_ENV
) -> AsyncIterator[Anchors]:
    configs = {n: a.model_copy(update={"validator": validator}) for n, a in config.anchors.items()}
    async with open_anchors(
        configs,
        read_only=True,
        env=env,
        base_dir=KESTREL_DIR,
        customers=customer_auth(config.customers),
    ) as anchors:
        yield anchors


@pytest.mark.parametrize("validator", ["openapi-core", "jsonschema-rs"])
async def test_every_record_maps_by_configuration_alone(kestrel: ServedKestrel, validator: str):
    shop = kestrel.shop
    async with anchors_of(kestrel_config(kestrel.url), validator=validator) as anchors:
        snap = await anchors.snapshot()
        assert anchors.contract_findings == []
    # stock: JSON:API attributes, the sum of the included stock locations, a value map default
    assert len(snap.stock) == len(shop.products)
    for product in shop.products:
        fact = snap.stock[product["sku"]]
        assert (fact.name, fact.on_hand) == (product["name"], sum(product["stock"]))
    by_lifecycle = {p["lifecycle"]: snap.stock[p["sku"]].availability for p in shop.products}
    assert by_lifecycle["retired"] is Availability.DISCONTINUED
    assert by_lifecycle["preorder"] is Availability.BACKORDER
    assert {by_lifecycle[w] for w in ("active", "featured", "clearance")} <= {
        Availability.IN_STOCK,
        Availability.LOW_STOCK,
        Availability.OUT_OF_STOCK,
    }
    # orders: no customer field (the owner is whoever's key read it), state from shipments
    assert len(snap.orders) == len(shop.orders)
    for order in shop.orders:
        fact = snap.orders[order["number"]]
        states = tuple(s["state"] for s in order["shipments"])
        assert fact.customer_id == order["customer"]
        assert fact.status is OrderStatus(STORY_STATUS[states])
    assert {f.status for f in snap.orders.values()} == set(OrderStatus)
    # returns: under their order, refund state derived from a present refund resource
    assert len(snap.returns) == len(shop.returns)
    for entry in shop.returns:
        ret = snap.returns[entry["number"]]
        assert (ret.order_id, ret.customer_id) == (entry["order"], shop.owner_of(entry["order"]))
        assert ret.status is _RETURN_STATUS[entry["state"]]
        refund = entry["refund"]
        assert ret.refund_state is (RefundState.ISSUED if refund else RefundState.NONE)
        assert ret.refund_amount == (Decimal(refund["amount"]) if refund else None)


async def test_each_customer_reads_their_own_records_with_their_own_key(kestrel: ServedKestrel):
    shop = kestrel.shop
    start = len(shop.access)
    async with anchors_of(kestrel_config(kestrel.url)) as anchors:
        await anchors.snapshot()
    calls = list(shop.access[start:])
    assert {a.status for a in calls} == {200}
    # the order list once per customer; each order's returns only by that order's owner
    assert sorted(a.customer for a in calls if a.path == "/api/v1/orders") == sorted(KEYS)
    nested = [a for a in calls if a.path.endswith("/returns")]
    assert len(nested) == len(shop.orders)
    for call in nested:
        assert call.customer == shop.owner_of(call.path.split("/")[4])
    # the catalogue once, with one customer's key (there is no other kind of key)
    assert [a.customer for a in calls if a.path == "/api/v1/products"] == ["alice"]


async def test_a_re_read_goes_out_with_the_owners_key(kestrel: ServedKestrel):
    shop = kestrel.shop
    bobs = next(o for o in shop.orders if o["customer"] == "bob")
    carols_return = next(r for r in shop.returns if shop.owner_of(r["order"]) == "carol")
    async with anchors_of(kestrel_config(kestrel.url)) as anchors:
        await anchors.snapshot()
        start = len(shop.access)
        order = await anchors.read("orders", bobs["number"])
        ret = await anchors.read("returns", carols_return["number"])
    assert order is not None and order.customer_id == "bob"
    assert ret is not None and ret.order_id == carols_return["order"]
    calls = [(a.customer, a.path, a.status) for a in shop.access[start:]]
    assert calls == [
        ("bob", f"/api/v1/orders/{bobs['number']}", 200),
        # no `get` for returns: only the list under the return's own order is read
        ("carol", f"/api/v1/orders/{carols_return['order']}/returns", 200),
    ]


async def test_a_record_its_owner_can_no_longer_read_is_an_error_naming_customer_and_record():
    shop = Kestrel()
    with serve_in_thread(shop.app) as url:
        async with anchors_of(kestrel_config(url)) as anchors:
            await anchors.snapshot()
            gone = next(o for o in shop.orders if o["customer"] == "carol")
            shop.orders.remove(gone)
            with pytest.raises(AnchorError) as caught:
                await anchors.read("orders", gone["number"])
    message = str(caught.value)
    assert message == (
        f"could not re-read {gone['number']} as customer carol: the shop no longer returns "
        "it to its owner"
    )
    assert "`shop`" not in message  # the record and the customer, never the anchor's alias


async def test_a_refused_key_names_the_customer_not_a_secret(kestrel: ServedKestrel):
    env = {**KESTREL_ENV, KEY_ENV["bob"]: "kst_bob_revoked"}
    with pytest.raises(AnchorError) as caught:
        async with anchors_of(kestrel_config(kestrel.url), env=env) as anchors:
            await anchors.snapshot()
    message = str(caught.value)
    assert "orders.index as customer bob answered 401 (credentials refused)" in message
    assert "kst_bob_revoked" not in message


async def test_a_missing_key_variable_is_refused_before_any_request(kestrel: ServedKestrel):
    env = {k: v for k, v in KESTREL_ENV.items() if k != KEY_ENV["carol"]}
    start = len(kestrel.shop.access)
    with pytest.raises(
        AnchorError, match="as customer `carol`: environment variable KESTREL_KEY_CAROL is not set"
    ):
        async with anchors_of(kestrel_config(kestrel.url), env=env):
            pass
    assert kestrel.shop.access[start:] == []


async def test_the_server_path_is_appended_once(kestrel: ServedKestrel):
    """The document's server is https://{tenant}.kestrel.example/api/v1: a `base_url` with or
    without /api/v1 reaches the same operations."""
    config = kestrel_config(kestrel.url)
    bare = config.model_copy(
        update={
            "anchors": {"shop": config.anchors["shop"].model_copy(update={"base_url": kestrel.url})}
        }
    )
    for each in (config, bare):
        async with anchors_of(each) as anchors:
            assert anchors.sessions["shop"].base == kestrel.url + "/api/v1"
            assert await anchors.read("stock", "KS-0001") is not None
