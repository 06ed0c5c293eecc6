"""Northwind: a second shop shaped nothing like the reference one.

OpenAPI 3.0 (`fixtures/shops/northwind/`), camelCase, its own status words (`OOS`, `EOL`,
`BACKORDER`…), an API key in a header for the catalog and in the query for fulfilment, and three
pagination styles: a cursor in the body (products), the `Link` header (orders) and offset/limit
(returns). `broken=True` serves records that break the document on purpose; `fail_first`
answers the first requests with an error status (and `Retry-After`) to exercise retries.
Every request's method and path is recorded in `requests`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

SPECS = Path(__file__).resolve().parents[2] / "fixtures" / "shops" / "northwind"
API_KEY = "nw-test-key"
CATALOG_KEY_ENV = "NORTHWIND_CATALOG_KEY"
FULFILMENT_KEY_ENV = "NORTHWIND_FULFILMENT_KEY"

#: Which records `broken=True` corrupts, and how (index -> what breaks).
BROKEN_PRODUCTS = {2: "wrong type", 4: "missing required", 6: "enum outside"}
BROKEN_ORDERS = {1: "enum outside"}
BROKEN_RETURNS = {0: "wrong type"}


def _product(i: int, rng: random.Random) -> dict[str, Any]:
    code = f"NW{i + 1:05d}"
    status, qty, restock = "IN_STOCK", rng.randint(10, 90), None
    if i % 7 == 3:
        status, qty = "OOS", 0
    elif i % 11 == 5:
        status, qty = "EOL", 0
    elif i % 13 == 8:
        status, qty, restock = "BACKORDER", 0, (date(2031, 1, 1) + timedelta(days=i)).isoformat()
    elif i % 5 == 1:
        status, qty = "LOW", 1 + i % 3
    return {
        "productCode": code,
        "displayName": f"Northwind {['Teapot', 'Mug', 'Kettle', 'Tray'][i % 4]} {i + 1}",
        "stockStatus": status,
        "inventory": {"qtyOnHand": qty, "warehouse": "W1"},
        "restockOn": restock,
        "priceCents": 100 + i,
    }


_ORDER_STATES = ["NEW", "PICKING", "SHIPPED", "PARTIAL", "DELIVERED", "CANCELED"]
_RETURN_STATES = ["OPEN", "AUTHORIZED", "RECEIVED", "CREDITED", "DENIED"]
_CREDIT_STATES = {
    "OPEN": "NOT_STARTED",
    "AUTHORIZED": "PROCESSING",
    "RECEIVED": "PROCESSING",
    "CREDITED": "PAID",
    "DENIED": "NOT_STARTED",
}


def _order(i: int, products: list[dict[str, Any]]) -> dict[str, Any]:
    state = _ORDER_STATES[i % len(_ORDER_STATES)]
    lines = []
    for n in range(1 + i % 3):
        p = products[(i * 3 + n) % len(products)]
        qty = 1 + n
        shipped = {"SHIPPED": qty, "DELIVERED": qty, "PARTIAL": qty - 1 if n == 0 else qty}
        lines.append(
            {
                "productCode": p["productCode"],
                "title": p["displayName"],
                "qty": qty,
                "qtyShipped": shipped.get(state, 0),
            }
        )
    shipped_state = state in ("SHIPPED", "PARTIAL", "DELIVERED")
    return {
        "orderNumber": f"NWO-{i + 1:06d}",
        "customerRef": f"NWC-{i % 4 + 1:02d}",
        "state": state,
        "estimatedDelivery": (date(2030, 6, 1) + timedelta(days=i)).isoformat()
        if state != "CANCELED"
        else None,
        "shipment": {"carrierName": "Hermes", "trackingCode": f"HX{i:08d}"}
        if shipped_state
        else None,
        "items": lines,
    }


def _return(i: int, orders: list[dict[str, Any]], now: datetime) -> dict[str, Any]:
    order = orders[(i * 2) % len(orders)]
    state = _RETURN_STATES[i % len(_RETURN_STATES)]
    return {
        "rmaNumber": f"NWR-{i + 1:05d}",
        "orderNumber": order["orderNumber"],
        "customerRef": order["customerRef"],
        "productCode": order["items"][0]["productCode"],
        "state": state,
        "openedAt": (now - timedelta(hours=3 * i + 1)).isoformat().replace("+00:00", "Z"),
        "credit": {"state": _CREDIT_STATES[state], "amount": 12.5 + i},
    }


def _break(products: list[Any], orders: list[Any], returns: list[Any]) -> None:
    products[2]["inventory"]["qtyOnHand"] = "seven"
    del products[4]["displayName"]
    products[6]["stockStatus"] = "ARCHIVED"
    orders[1]["state"] = "LOST"
    returns[0]["credit"]["amount"] = "12,50"


@dataclass
class Northwind:
    products_count: int = 60
    orders_count: int = 25
    returns_count: int = 15
    broken: bool = False
    seed: int = 7
    #: Answer the first `fail_first` requests with `fail_status` (and `retry_after`, if set).
    fail_first: int = 0
    fail_status: int = 503
    retry_after: str | None = None
    now: datetime = field(default_factory=lambda: datetime.now(UTC).replace(microsecond=0))
    requests: list[tuple[str, str]] = field(default_factory=list)
    served: int = 0
    products: list[dict[str, Any]] = field(default_factory=list)
    orders: list[dict[str, Any]] = field(default_factory=list)
    returns: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        rng = random.Random(self.seed)
        self.products = [_product(i, rng) for i in range(self.products_count)]
        self.orders = [_order(i, self.products) for i in range(self.orders_count)]
        self.returns = [_return(i, self.orders, self.now) for i in range(self.returns_count)]
        if self.broken:
            _break(self.products, self.orders, self.returns)

    # -- the HTTP face -------------------------------------------------------------------------

    def _gate(self, request: Request, *, header: bool) -> Response | None:
        self.served += 1
        if self.served <= self.fail_first:
            headers = {"Retry-After": self.retry_after} if self.retry_after else {}
            return JSONResponse({"title": "busy"}, status_code=self.fail_status, headers=headers)
        key = request.headers.get("X-Api-Key") if header else request.query_params.get("api_key")
        if key != API_KEY:
            return JSONResponse({"title": "unauthorized"}, status_code=401)
        return None

    async def list_products(self, request: Request) -> Response:
        if (refused := self._gate(request, header=True)) is not None:
            return refused
        start = int(request.query_params.get("cursor", "c0")[1:])
        limit = min(int(request.query_params.get("limit", "25")), 100)
        page = self.products[start : start + limit]
        more = start + limit < len(self.products)
        cursor = f"c{start + limit}" if more else None
        return JSONResponse({"data": page, "paging": {"nextCursor": cursor}})

    async def get_product(self, request: Request) -> Response:
        if (refused := self._gate(request, header=True)) is not None:
            return refused
        code = request.path_params["productCode"]
        for p in self.products:
            if p.get("productCode") == code:
                return JSONResponse(p)
        return JSONResponse({"title": "no such product"}, status_code=404)

    async def list_orders(self, request: Request) -> Response:
        if (refused := self._gate(request, header=False)) is not None:
            return refused
        page = int(request.query_params.get("page", "1"))
        per_page = min(int(request.query_params.get("per_page", "10")), 50)
        chunk = self.orders[(page - 1) * per_page : page * per_page]
        headers = {}
        if page * per_page < len(self.orders):
            headers["Link"] = f'</v2/orders?page={page + 1}&per_page={per_page}>; rel="next"'
        return JSONResponse(chunk, headers=headers)

    async def get_order(self, request: Request) -> Response:
        if (refused := self._gate(request, header=False)) is not None:
            return refused
        number = request.path_params["orderNumber"]
        for o in self.orders:
            if o["orderNumber"] == number:
                return JSONResponse(o)
        return JSONResponse({"title": "no such order"}, status_code=404)

    async def list_returns(self, request: Request) -> Response:
        if (refused := self._gate(request, header=False)) is not None:
            return refused
        offset = int(request.query_params.get("offset", "0"))
        limit = min(int(request.query_params.get("limit", "10")), 20)
        chunk = self.returns[offset : offset + limit]
        return JSONResponse({"results": chunk, "count": len(self.returns)})

    @property
    def app(self) -> Any:
        """The ASGI app; every request is recorded before routing, whatever its method."""
        inner = self._starlette()

        async def recorded(scope: Any, receive: Any, send: Any) -> None:
            if scope["type"] == "http":
                self.requests.append((scope["method"], scope["path"]))
            await inner(scope, receive, send)

        return recorded

    def _starlette(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/v2/products", self.list_products, methods=["GET"]),
                Route("/v2/products/search", self.list_products, methods=["POST"]),
                Route("/v2/products/{productCode}", self.get_product, methods=["GET"]),
                Route("/v2/orders", self.list_orders, methods=["GET"]),
                Route("/v2/orders/{orderNumber}", self.get_order, methods=["GET"]),
                Route("/v2/returns", self.list_returns, methods=["GET"]),
            ]
        )
