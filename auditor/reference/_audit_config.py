"""The hand-checked anchors mapping of the reference shop.

Written against `fixtures/openapi/*.yaml` by reading the documents, not generated: `auditor init`
is tested by comparing what its guess reads with what this mapping reads.
"""

from __future__ import annotations

from auditor._anchors import AnchorConfig, AuthConfig, FactMapping, PaginationConfig
from auditor._resources import openapi_document

#: The largest page the reference documents allow (`page_size` maximum).
PAGE_SIZE = 500


def reference_anchors(shop_url: str, staff_token_env: str) -> dict[str, AnchorConfig]:
    """Anchors for the reference shop at `shop_url`; the staff token is read from the env var."""
    pages = PaginationConfig(
        style="page", page_param="page", size_param="page_size", size=PAGE_SIZE
    )
    staff = AuthConfig(bearer_env=staff_token_env)
    return {
        "inventory": AnchorConfig(
            spec=str(openapi_document("inventory")),
            base_url=shop_url,
            pagination=pages,
            stock=FactMapping(
                list="listItems",
                get="getItem",
                get_param="sku",
                items_path="$.items[*]",
                fields={
                    "sku": "$.sku",
                    "name": "$.name",
                    "on_hand": "$.stock.available",
                    "status": "$.status",
                    "restock_date": "$.restock_date",
                },
                values={
                    "status": {
                        "active": "in_stock",
                        "backordered": "backorder",
                        "discontinued": "discontinued",
                    }
                },
            ),
        ),
        "orders": AnchorConfig(
            spec=str(openapi_document("orders")),
            base_url=shop_url,
            auth=staff,
            pagination=pages,
            orders=FactMapping(
                list="listOrders",
                get="getOrder",
                get_param="order_id",
                items_path="$.orders[*]",
                fields={
                    "order_id": "$.id",
                    "customer_id": "$.customer_id",
                    "status": "$.status",
                    "eta": "$.eta",
                    "promised_date": "$.promised_date",
                    "last_update": "$.last_carrier_update",
                    "delivered": "$.delivered",
                    "delivered_at": "$.delivered_at",
                    "tracking_number": "$.tracking_number",
                    "carrier": "$.carrier",
                    "lines": "$.lines[*]",
                    "lines.sku": "$.sku",
                    "lines.name": "$.name",
                    "lines.quantity": "$.quantity",
                    "lines.shipped_quantity": "$.shipped_quantity",
                },
            ),
        ),
        "returns": AnchorConfig(
            spec=str(openapi_document("returns")),
            base_url=shop_url,
            auth=staff,
            pagination=pages,
            returns=FactMapping(
                list="listReturns",
                get="getReturn",
                get_param="return_id",
                items_path="$.returns[*]",
                fields={
                    "return_id": "$.id",
                    "order_id": "$.order_id",
                    "customer_id": "$.customer_id",
                    "status": "$.status",
                    "created_at": "$.created_at",
                    "sku": "$.sku",
                    "refund_state": "$.refund.status",
                    "refund_amount": "$.refund.amount.amount",
                },
            ),
        ),
    }
