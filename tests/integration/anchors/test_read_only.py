"""Read-only by construction: the production client cannot send a write, whatever asks it to."""

from __future__ import annotations

import pytest

from auditor._anchors import AnchorConfig, ReadOnlyViolation, open_anchors
from auditor._serve import serve_in_thread
from tests.apps import NORTHWIND_ENV, SPECS, Northwind, northwind_anchors


def _search_mapping(url: str) -> dict[str, AnchorConfig]:
    """Northwind's catalog read through `products.search`, a read that is sent as POST."""
    catalog = northwind_anchors(url)["catalog"]
    assert catalog.stock is not None
    stock = catalog.stock.model_copy(update={"list": "products.search"})
    return {"catalog": catalog.model_copy(update={"stock": stock})}


async def test_a_post_never_leaves_a_read_only_client() -> None:
    shop = Northwind()
    with serve_in_thread(shop.app) as url:
        configs = _search_mapping(url)
        async with open_anchors(configs, read_only=True, env=NORTHWIND_ENV, base_dir=SPECS) as a:
            with pytest.raises(ReadOnlyViolation, match="refused POST"):
                await a.snapshot()
            http = a.sessions["catalog"].client.http
            for method in ("POST", "PUT", "PATCH", "DELETE"):
                with pytest.raises(ReadOnlyViolation):
                    await http.request(method, f"{url}/v2/products")
            await http.head(f"{url}/v2/products")
            await http.get(f"{url}/v2/products")
    assert [m for m, _ in shop.requests] == ["HEAD", "GET"]


async def test_the_same_mapping_writes_when_not_read_only() -> None:
    shop = Northwind()
    with serve_in_thread(shop.app) as url:
        configs = _search_mapping(url)
        async with open_anchors(configs, read_only=False, env=NORTHWIND_ENV, base_dir=SPECS) as a:
            snap = await a.snapshot()
    assert len(snap.stock) == len(shop.products)
    assert ("POST", "/v2/products/search") in shop.requests
