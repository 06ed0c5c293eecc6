"""The reference shop: inventory, orders and returns services plus a sandbox, spec-first.

One Starlette app serves all four documents in `fixtures/openapi/`, each mounted at its
`servers` url, with openapi-core checking every request and every response.
"""

from auditor.reference.shop._app import (
    DEFAULT_ITEMS,
    DEFAULT_SEED,
    SERVICES,
    Shop,
    create_shop,
)
from auditor.reference.shop._auth import customer_token
from auditor.reference.shop._model import (
    CURRENCY,
    Address,
    Customer,
    Item,
    ItemStatus,
    Order,
    OrderLine,
    Refund,
    Return,
    World,
)
from auditor.reference.shop._seed import build_world
from auditor.reference.shop._state import NotFound, Page, ShopState
from auditor.reference.shop._transitions import Conflict

__all__ = [
    "CURRENCY",
    "DEFAULT_ITEMS",
    "DEFAULT_SEED",
    "SERVICES",
    "Address",
    "Conflict",
    "Customer",
    "Item",
    "ItemStatus",
    "NotFound",
    "Order",
    "OrderLine",
    "Page",
    "Refund",
    "Return",
    "Shop",
    "ShopState",
    "World",
    "build_world",
    "create_shop",
    "customer_token",
]
