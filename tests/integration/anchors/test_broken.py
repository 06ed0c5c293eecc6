"""A shop whose responses break its document: findings name where and why; reading goes on."""

from __future__ import annotations

import pytest

from auditor._anchors import open_anchors
from auditor._serve import serve_in_thread
from tests.apps import NORTHWIND_ENV, SPECS, Northwind, northwind_anchors


@pytest.mark.parametrize("validator", ["openapi-core", "jsonschema-rs"])
async def test_contract_findings_name_operation_field_and_reason(validator: str) -> None:
    shop = Northwind(broken=True)
    with serve_in_thread(shop.app) as url:
        configs = northwind_anchors(url, validator=validator)
        async with open_anchors(configs, read_only=True, env=NORTHWIND_ENV, base_dir=SPECS) as a:
            snap = await a.snapshot()
            findings = a.contract_findings
    contract = {(f.operation_id, f.path, f.reason.split(":")[0]) for f in findings}
    assert ("products.list", "$.data[2].inventory.qtyOnHand", "type") in contract
    assert ("products.list", "$.data[4].displayName", "required") in contract
    assert ("products.list", "$.data[6].stockStatus", "enum") in contract
    assert ("getOrders", "$[1].state", "enum") in contract
    assert ("getReturns", "$.results[0].credit.amount", "type") in contract
    wrong_type = next(f for f in findings if f.path.endswith("qtyOnHand"))
    assert wrong_type.anchor == "catalog" and wrong_type.status == 200
    assert wrong_type.example == '"seven"'
    skipped = [f for f in findings if f.reason.startswith("record skipped")]
    assert len(skipped) == 5
    # the good records are all there, the broken ones are not
    assert len(snap.stock) == len(shop.products) - 3
    assert {"NW00003", "NW00005", "NW00007"}.isdisjoint(snap.stock)
    assert len(snap.orders) == len(shop.orders) - 1
    assert len(snap.returns) == len(shop.returns) - 1
