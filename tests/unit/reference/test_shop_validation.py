"""openapi-core glue: documents, adapters, and a memo that never lets a broken body through."""

from __future__ import annotations

import functools
import json
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from openapi_spec_validator import validate as validate_spec
from starlette.requests import Request

import auditor.reference.shop as shop_package
from auditor._resources import openapi_document
from auditor.reference.shop import SERVICES
from auditor.reference.shop._precheck import available as precheck_available
from auditor.reference.shop._validation import Contract, OpenAPIRequest, OpenAPIResponse

ITEM: dict[str, Any] = {
    "sku": "KT-1001",
    "name": "Blue Kettle",
    "category": "kettles",
    "status": "active",
    "price": {"amount": "24.99", "currency": "EUR"},
    "stock": {"available": 3, "reserved": 0},
    "restock_date": None,
    "updated_at": "2025-03-14T12:00:00Z",
}
BROKEN_VALUES: dict[str, list[Any]] = {
    "sku": ["kt-1001", "KT-1", "", 1001, None],
    "name": ["", None, 3],
    "status": ["in_stock", "ACTIVE", None],
    "price": [{"amount": "24.9", "currency": "EUR"}, {"amount": 24.99, "currency": "EUR"}],
    "stock": [{"available": -1, "reserved": 0}, {"available": 1}],
    "restock_date": ["next week", 20250301],
    "updated_at": ["yesterday", None],
}


def request(path: str, query: bytes = b"", method: str = "GET") -> OpenAPIRequest:
    scope = {
        "type": "http",
        "method": method,
        "path": path,
        "query_string": query,
        "headers": [],
        "scheme": "http",
        "server": ("127.0.0.1", 9000),
        "root_path": "",
    }
    return OpenAPIRequest(Request(scope), None)


def page_of(*items: dict[str, Any]) -> bytes:
    page = {"items": list(items), "page": 1, "page_size": 50, "total": len(items)}
    return json.dumps({**page, "next_page": None}).encode()


@pytest.mark.parametrize("name", SERVICES)
def test_the_documents_are_valid_openapi(name: str) -> None:
    validate_spec(yaml.safe_load(openapi_document(name).read_text(encoding="utf-8")))


def test_operations_come_from_the_document() -> None:
    contract = Contract("sandbox", openapi_document("sandbox"))
    assert contract.base_path == "/_sandbox"
    (file_return,) = contract.operations["/returns"]
    assert (file_return.operation_id, file_return.method) == ("fileReturn", "post")
    assert file_return.statuses == {201, 404, 409}


def test_requests_are_checked_with_the_mount_prefix() -> None:
    contract = Contract("inventory", openapi_document("inventory"))
    ok = contract.check_request(request("/inventory/items", b"page_size=5"))
    assert (ok.status, ok.parameters.query["page_size"], ok.parameters.query["page"]) == (
        0,
        5,
        1,
    )
    bad = contract.check_request(request("/inventory/items", b"page_size=501"))
    assert bad.status == 400
    assert "page_size" in bad.message and "500" in bad.message


ENGINES = [
    pytest.param(False, id="openapi-core+memo"),
    pytest.param(
        True,
        id="openapi-core+jsonschema-rs",
        marks=pytest.mark.skipif(not precheck_available(), reason="jsonschema-rs not installed"),
    ),
]
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=5,
)
NEAR_MISSES = st.sampled_from(
    ["KT-1001\n", "KT-1234567", "12.999", "2025-02-30", "2025-03-14T12:00:00", "active ", "EURO"]
)


@functools.cache
def shared_contract(*, precheck: bool) -> Contract:
    """Reused across examples: building one costs more than a hundred checks."""
    return Contract("inventory", openapi_document("inventory"), precheck=precheck)


def verdict(contract: Contract, item: dict[str, Any]) -> bool:
    response = OpenAPIResponse(200, page_of(item))
    return contract.check_response(request("/inventory/items"), response) is None


@pytest.mark.parametrize("precheck", ENGINES)
@settings(max_examples=40, deadline=None)
@given(field=st.sampled_from(sorted(BROKEN_VALUES)), data=st.data())
def test_a_valid_item_seen_before_does_not_shield_a_changed_one(
    precheck: bool, field: str, data: st.DataObject
) -> None:
    contract = shared_contract(precheck=precheck)
    assert contract.prechecked is precheck
    assert verdict(contract, ITEM)
    broken = {**ITEM, field: data.draw(st.sampled_from(BROKEN_VALUES[field]))}
    violation = contract.check_response(
        request("/inventory/items"), OpenAPIResponse(200, page_of(ITEM, broken))
    )
    assert violation is not None
    assert "response body" in violation


def test_the_memo_remembers_valid_components_only() -> None:
    contract = Contract("inventory", openapi_document("inventory"), precheck=False)
    assert verdict(contract, ITEM)
    assert len(contract.memo) == 3  # Item, Money, Stock
    assert not verdict(contract, {**ITEM, "status": "in_stock"})
    assert len(contract.memo) == 3  # nothing new: its Money and Stock were known already
    assert verdict(contract, ITEM)


@pytest.mark.skipif(not precheck_available(), reason="jsonschema-rs not installed")
@settings(max_examples=100, deadline=None)
@given(
    field=st.sampled_from([*sorted(ITEM), "price.amount", "stock.available", "extra"]),
    value=JSON | NEAR_MISSES,
)
def test_the_precheck_never_passes_what_openapi_core_refuses(field: str, value: Any) -> None:
    item = json.loads(json.dumps(ITEM))
    if "." in field:
        outer, inner = field.split(".")
        item[outer][inner] = value
    else:
        item[field] = value
    if verdict(shared_contract(precheck=True), item):
        assert verdict(shared_contract(precheck=False), item)


def test_violations_name_the_rule_but_not_the_values() -> None:
    contract = Contract("inventory", openapi_document("inventory"))
    secret = {**ITEM, "sku": "do-not-echo"}
    violation = contract.check_response(
        request("/inventory/items"), OpenAPIResponse(200, page_of(secret))
    )
    assert violation is not None
    assert "$.items[0].sku" in violation and "pattern" in violation
    assert "do-not-echo" not in violation


def test_an_undeclared_status_is_a_violation() -> None:
    contract = Contract("inventory", openapi_document("inventory"))
    violation = contract.check_response(
        request("/inventory/items/KT-1001"), OpenAPIResponse(409, b'{"error":"x","message":"y"}')
    )
    assert violation is not None and "409" in violation


def test_the_public_surface_is_pinned() -> None:
    assert set(shop_package.__all__) >= {"Shop", "create_shop", "DEFAULT_SEED", "ShopState"}
    assert all(hasattr(shop_package, name) for name in shop_package.__all__)
