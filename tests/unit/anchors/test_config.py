"""The anchors tables refuse what cannot work before any request is sent."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from auditor._anchors import AnchorConfig, AuthConfig


def _anchor(**stock: Any) -> AnchorConfig:
    mapping = {"list": "listItems", "fields": {"sku": "$.sku", "on_hand": "$.n"}, **stock}
    return AnchorConfig.model_validate({"spec": "x.yaml", "base_url": "http://x", "stock": mapping})


def test_a_plain_mapping_is_accepted() -> None:
    assert _anchor().mappings()["stock"].list == "listItems"


@pytest.mark.parametrize(
    ("stock", "fragment"),
    [
        ({"fields": {"sku": "$.sku", "on_hand": "$.n", "qty": "$.q"}}, "unknown field `qty`"),
        ({"fields": {"name": "$.name", "on_hand": "$.n"}}, "required field `sku`"),
        ({"fields": {"sku": "$.sku"}}, "`on_hand` or `status`"),
        ({"values": {"status": {"A": "in_stok"}}}, "'in_stok' is not one of"),
        ({"values": {"name": {"A": "b"}}}, "takes no enum words"),
        ({"fields": {"sku": "$.[[", "on_hand": "$.n"}}, "not a JSONPath"),
    ],
)
def test_problems_are_named(stock: dict[str, Any], fragment: str) -> None:
    with pytest.raises(ValidationError) as caught:
        _anchor(**stock)
    assert fragment in str(caught.value)


def test_order_lines_need_their_line_fields() -> None:
    with pytest.raises(ValidationError, match=r"lines\.quantity"):
        AnchorConfig.model_validate(
            {
                "spec": "x",
                "base_url": "http://x",
                "orders": {
                    "list": "l",
                    "fields": {
                        "order_id": "$.id",
                        "customer_id": "$.c",
                        "status": "$.s",
                        "lines": "$.lines[*]",
                        "lines.sku": "$.sku",
                    },
                },
            }
        )


def test_auth_pairs_go_together() -> None:
    with pytest.raises(ValidationError, match="go together"):
        AuthConfig(header="X-Api-Key")
