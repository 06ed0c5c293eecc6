"""A 100,000-item shop starts and pages through its whole catalogue over HTTP.

Without jsonschema-rs every record of the first listing is walked by jsonschema, which takes
long enough to count as slow; with it the test is an ordinary integration test. How long the
start takes is measured in `benchmarks/shop_scale.py`, not asserted here: a timed test fails
on a busy machine for no fault of the shop.
"""

from __future__ import annotations

import httpx
import pytest

from auditor._serve import serve_in_thread
from auditor.reference.shop import create_shop
from auditor.reference.shop._precheck import available as precheck_available

ITEMS = 100_000

pytestmark = [] if precheck_available() else [pytest.mark.slow]


def test_a_100k_shop_lists_every_item_once() -> None:
    shop = create_shop(items=ITEMS)
    with serve_in_thread(shop.app) as url:
        # 20,000 orders drawn, then 6 late, stalled or partly late ones (issue 24).
        assert (len(shop.state.orders), len(shop.state.returns)) == (20_006, 5_000)
        skus: list[str] = []
        page: int | None = 1
        with httpx.Client(base_url=url, timeout=60) as client:
            while page is not None:
                body = client.get("/inventory/items", params={"page": page, "page_size": 500})
                assert body.status_code == 200
                data = body.json()
                assert data["total"] == ITEMS
                skus += [item["sku"] for item in data["items"]]
                page = data["next_page"]
    assert len(skus) == ITEMS
    assert skus == list(shop.state.items)
