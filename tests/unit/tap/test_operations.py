"""Matching a recorded request to the operation it called, through the anchors' documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor._tap import OperationIndex, load_specs, origin_of
from auditor.reference._audit_config import reference_anchors

SHOP = "http://127.0.0.1:8123"


@pytest.fixture(scope="module")
def index() -> OperationIndex:
    anchors = reference_anchors(SHOP, "TOKEN")
    specs = load_specs(anchors, Path.cwd())
    return OperationIndex.build({name: (anchors[name], specs[name]) for name in anchors})


@pytest.mark.parametrize(
    ("method", "path", "anchor", "operation", "params", "kind"),
    [
        ("GET", "/inventory/items/KT-1710", "inventory", "getItem", {"sku": "KT-1710"}, "stock"),
        ("GET", "/inventory/items", "inventory", "listItems", {}, "stock"),
        ("GET", "/inventory/items/", "inventory", "listItems", {}, "stock"),
        (
            "GET",
            "/orders/orders/ORD-10001",
            "orders",
            "getOrder",
            {"order_id": "ORD-10001"},
            "orders",
        ),
        ("GET", "/returns/returns", "returns", "listReturns", {}, "returns"),
        (
            "GET",
            "/returns/returns/RMA%2D1001",
            "returns",
            "getReturn",
            {"return_id": "RMA-1001"},
            "returns",
        ),
    ],
)
def test_requests_find_their_operation(index, method, path, anchor, operation, params, kind):
    found = index.match(SHOP, method, path)
    assert found is not None
    assert (found.anchor, found.operation_id, found.path_params, found.fact_kind) == (
        anchor,
        operation,
        params,
        kind,
    )


def test_declared_query_parameters_are_known(index):
    found = index.match(SHOP, "GET", "/returns/returns")
    assert found is not None and {"order_id", "page", "page_size"} <= found.declared_query


@pytest.mark.parametrize(
    ("origin", "method", "path"),
    [
        (SHOP, "POST", "/inventory/items/KT-1"),  # no such method
        (SHOP, "GET", "/_sandbox/reset"),  # not an anchor
        (SHOP, "GET", "/inventory/items/KT-1/extra"),
        ("http://127.0.0.1:9999", "GET", "/inventory/items/KT-1"),  # another origin
    ],
)
def test_anything_else_matches_nothing(index, origin, method, path):
    assert index.match(origin, method, path) is None


def test_origins_are_compared_without_case_or_path():
    assert origin_of("HTTP://LocalHost:8000/api/v1?x=1") == "http://localhost:8000"
