"""The reference shop read with its customers' own tokens instead of the staff token.

Its per-customer authorization fits `[[customers]]` as it is: orders and returns read once per
customer give the same facts as the staff read, and a re-read goes out with the owner's token.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from auditor._anchors import AuthConfig, open_anchors
from auditor._facts import Snapshot
from auditor.reference._audit_config import reference_anchors
from tests._fixtures.shop import ServedShop

STAFF_ENV = "REFERENCE_STAFF_TOKEN"


def _timeless(snap: Snapshot) -> dict[str, object]:
    epoch = datetime(2000, 1, 1, tzinfo=UTC)
    return {
        "orders": {k: replace(v, read_at=epoch) for k, v in snap.orders.items()},
        "returns": {k: replace(v, read_at=epoch) for k, v in snap.returns.items()},
    }


@pytest.mark.slow
async def test_orders_and_returns_read_per_customer_match_the_staff_read(shop: ServedShop):
    staff = reference_anchors(shop.url, STAFF_ENV)
    # No staff token for orders and returns: each customer's own token instead.
    own = {
        name: config.model_copy(update={"auth": AuthConfig()}) if name != "inventory" else config
        for name, config in staff.items()
    }
    env = {STAFF_ENV: shop.staff_token}
    customers = {}
    for customer, token in shop.customers.items():
        variable = f"TOKEN_{customer.replace('-', '_')}"
        env[variable] = token
        auth = AuthConfig(bearer_env=variable)
        customers[customer] = {"orders": auth, "returns": auth}
    async with open_anchors(staff, read_only=True, env=env, base_dir=Path.cwd()) as anchors:
        expected = await anchors.snapshot()
    async with open_anchors(
        own, read_only=True, env=env, base_dir=Path.cwd(), customers=customers
    ) as anchors:
        got = await anchors.snapshot()
        assert set(anchors.customers) == {"orders", "returns"}
        order = next(iter(got.orders.values()))
        assert anchors.owners[("orders", order.order_id)] == order.customer_id
        fresh = await anchors.read("orders", order.order_id)
    assert _timeless(got) == _timeless(expected)
    assert fresh is not None and fresh.customer_id == order.customer_id
