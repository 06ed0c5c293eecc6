"""The reference shop through its hand-checked mapping, and through `auditor init`'s guess."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from auditor._anchors import open_anchors
from auditor._anchors._init import SpecInput, spec_reference, starter_config
from auditor._anchors._map import build_map
from auditor._anchors._spec import load_spec
from auditor._config import load_config
from auditor._edges import EDGE_CLASSES, edge_class_members
from auditor._facts import Availability, Snapshot, StockFact
from auditor._resources import openapi_document
from auditor.reference._audit_config import reference_anchors
from tests._fixtures.shop import ServedShop

TOKEN_ENV = "REFERENCE_STAFF_TOKEN"


def _env(shop: ServedShop) -> dict[str, str]:
    return {TOKEN_ENV: shop.staff_token}


def _timeless(snap: Snapshot) -> dict[str, object]:
    """Facts without their read times, for comparing two reads of the same data."""
    epoch = datetime(2000, 1, 1, tzinfo=UTC)
    return {
        "stock": {k: replace(v, read_at=epoch) for k, v in snap.stock.items()},
        "orders": {k: replace(v, read_at=epoch) for k, v in snap.orders.items()},
        "returns": {k: replace(v, read_at=epoch) for k, v in snap.returns.items()},
    }


async def test_the_hand_checked_mapping_reads_the_whole_shop(shop: ServedShop) -> None:
    configs = reference_anchors(shop.url, TOKEN_ENV)
    async with open_anchors(configs, read_only=True, env=_env(shop), base_dir=Path.cwd()) as a:
        snap = await a.snapshot()
        assert a.contract_findings == []
        sku, fact = next(iter(snap.stock.items()))
        fresh = await a.read("stock", sku)
        assert isinstance(fresh, StockFact) and fresh.availability is fact.availability
        assert fresh.read_at >= fact.read_at
        assert await a.read("stock", "ZZ-0000") is None
        order_id = next(iter(snap.orders))
        assert (await a.read("orders", order_id)) is not None
    state = shop.state
    assert set(snap.stock) == set(state.items)
    assert set(snap.orders) == set(state.orders)
    assert set(snap.returns) == set(state.returns)
    for item in state.items.values():
        assert snap.stock[item.sku].on_hand == item.available
    for ret in state.returns.values():
        assert snap.returns[ret.return_id].created_at == ret.created_at
    assert any(f.availability is Availability.OUT_OF_STOCK for f in snap.stock.values())


async def test_init_guesses_a_mapping_that_reads_what_the_hand_checked_one_reads(
    shop: ServedShop, tmp_path: Path
) -> None:
    specs = [
        await load_spec(str(openapi_document(name)), base_dir=tmp_path, client=None)
        for name in ("inventory", "orders", "returns")
    ]
    inputs = [SpecInput(s, spec_reference(s.source, tmp_path)) for s in specs]
    text = starter_config(inputs, base_url=shop.url)
    path = tmp_path / "audit.toml"
    path.write_text(text, encoding="utf-8")
    guessed = load_config(path)
    assert not [line for line in text.splitlines() if "not found" in line]
    env = {"ORDERS_TOKEN": shop.staff_token, "RETURNS_TOKEN": shop.staff_token}
    async with open_anchors(guessed.anchors, read_only=True, env=env, base_dir=tmp_path) as a:
        from_guess = await a.snapshot()
    configs = reference_anchors(shop.url, TOKEN_ENV)
    async with open_anchors(configs, read_only=True, env=_env(shop), base_dir=tmp_path) as a:
        from_hand = await a.snapshot()
    assert _timeless(from_guess) == _timeless(from_hand)
    assert tomllib.loads(text)["assistant"][0]["base_url"] == "http://127.0.0.1:8000/v1"


async def test_the_dependency_map_counts_every_edge_class(shop: ServedShop) -> None:
    configs = reference_anchors(shop.url, TOKEN_ENV)
    async with open_anchors(configs, read_only=True, env=_env(shop), base_dir=Path.cwd()) as a:
        result = await build_map(a)
        snap = await a.snapshot()
    members = edge_class_members(snap)
    assert [e.name for e in result.edge_classes] == list(EDGE_CLASSES)
    for edge in result.edge_classes:
        assert edge.count == len(members[edge.name])
    assert result.failed == []
    inventory = next(v for v in result.anchors if v.name == "inventory")
    assert inventory.latency_ms is not None and inventory.calls >= 1
    (stock,) = inventory.facts
    assert stock.missing == () and stock.records == len(snap.stock)
    used = {op.operation_id: op.used_as for op in inventory.operations}
    assert used == {"listItems": ("stock.list",), "getItem": ("stock.get",)}
    assert result.to_dict()["edge_classes"][0]["name"] == "in_stock"
