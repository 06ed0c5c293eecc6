"""Kestrel: a third shop, unlike the reference one and Northwind.

A JSON:API storefront (`fixtures/shops/kestrel/kestrel.yaml`): records are spread over
`data[].attributes`, `relationships` and `included[]`. There is no staff key: each customer has
their own key (`X-Kestrel-Key`) and sees only their own orders, which carry no customer field;
another customer's order answers 404. An order's state is not a field: it follows from its
shipments' states. Returns are listed under their order (`/orders/{number}/returns`), and a
refund is a related resource present once it was issued. Stock is the sum of the product's
stock locations.

Every request is logged in `access` with the customer whose key made it, so a test can prove
which key read which record.
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

SPECS = Path(__file__).resolve().parents[2] / "fixtures" / "shops" / "kestrel"
MEDIA = "application/vnd.api+json"
#: Customer -> key. The environment variable of each key is `KESTREL_KEY_<NAME>`.
KEYS = {
    "alice": "kst_alice_5b21c9",
    "bob": "kst_bob_0e77d4",
    "carol": "kst_carol_91fa03",
}
KEY_ENV = {name: f"KESTREL_KEY_{name.upper()}" for name in KEYS}
ENV = {KEY_ENV[name]: key for name, key in KEYS.items()}

_NAMES = [
    "Field Lantern",
    "Alpine Flask",
    "Trail Stove",
    "Ridge Tent",
    "Summit Pack",
    "Canyon Hammock",
    "Harbour Compass",
    "Tundra Gloves",
    "Fjord Poncho",
    "Cedar Mug",
    "Granite Trekking Poles",
    "Moor Sleeping Bag",
]
_LIFECYCLE = ["active", "featured", "clearance"]
_WAREHOUSES = ("north", "south")

#: An order's story: the states of its shipments (none: not yet split into shipments).
ORDER_STORIES: tuple[tuple[str, ...], ...] = (
    (),
    ("ready",),
    ("shipped",),
    ("shipped", "ready"),
    ("delivered", "delivered"),
    ("canceled",),
    ("delivered", "shipped"),
)
#: What each story reads as, canonically (the rule table in audit.toml must agree).
STORY_STATUS = {
    (): "pending",
    ("ready",): "processing",
    ("shipped",): "shipped",
    ("shipped", "ready"): "partially_shipped",
    ("delivered", "delivered"): "delivered",
    ("canceled",): "cancelled",
    ("delivered", "shipped"): "shipped",
}
RETURN_STATES = ("awaiting", "authorized", "received", "refunded", "canceled")


@dataclass(frozen=True, slots=True)
class Access:
    customer: str | None  # whose key made the call; None: no key, or one not issued
    method: str
    path: str
    status: int
    user_agent: str


def _product(i: int, rng: random.Random) -> dict[str, Any]:
    sku = f"KS-{i + 1:04d}"
    lifecycle = _LIFECYCLE[i % 3]
    stock = [rng.randint(4, 40), rng.randint(0, 20)]
    restock = None
    if i % 6 == 1:
        stock = [0, 0]  # catalogued, out of stock
    elif i % 6 == 3:
        stock = [1, 0]  # the last unit
    elif i % 9 == 4:
        lifecycle, stock = "retired", [0, 0]
    elif i % 9 == 7:
        lifecycle, stock = "preorder", [0, 0]
        restock = (date(2031, 3, 1) + timedelta(days=i)).isoformat()
    name = f"Kestrel {_NAMES[i % len(_NAMES)]}"
    if i >= len(_NAMES):
        name += f" Mk{i // len(_NAMES) + 1}"
    return {"sku": sku, "name": name, "lifecycle": lifecycle, "restock_on": restock, "stock": stock}


def _order(n: int, customer: str, products: list[dict[str, Any]], now: datetime) -> dict[str, Any]:
    story = ORDER_STORIES[n % len(ORDER_STORIES)]
    lines = []
    for k in range(max(1, len(story))):
        product = products[(n * 5 + k * 3) % len(products)]
        state = story[k] if k < len(story) else None
        quantity = 1 + (n + k) % 2
        shipped = quantity if state in ("shipped", "delivered") else 0
        lines.append(
            {
                "sku": product["sku"],
                "name": product["name"],
                "quantity": quantity,
                "shipped_quantity": shipped,
                "shipment": k if state else None,
            }
        )
    shipments = [
        {
            "state": state,
            "tracking": f"KX{n:04d}{k}GB" if state in ("shipped", "delivered") else None,
            "carrier": "Royal Mail" if state in ("shipped", "delivered") else None,
        }
        for k, state in enumerate(story)
    ]
    eta = None if story == ("canceled",) else (date(2030, 9, 1) + timedelta(days=n)).isoformat()
    return {
        "id": str(1000 + n),
        "number": f"R{100000001 + n * 7919:09d}",
        "customer": customer,
        "placed_at": (now - timedelta(days=3 + n)).isoformat().replace("+00:00", "Z"),
        "estimated_delivery": eta,
        "shipments": shipments,
        "lines": lines,
    }


def _return(n: int, order: dict[str, Any], now: datetime) -> dict[str, Any]:
    state = RETURN_STATES[n % len(RETURN_STATES)]
    refund = None
    if state == "refunded":
        refund = {
            "amount": f"{14 + n}.50",
            "currency": "EUR",
            "issued_at": (now - timedelta(hours=2)).isoformat().replace("+00:00", "Z"),
        }
    return {
        "id": str(500 + n),
        "number": f"RA{20000001 + n * 37:08d}",
        "order": order["number"],
        "state": state,
        "created_at": (now - timedelta(hours=5 * n + 1)).isoformat().replace("+00:00", "Z"),
        "sku": order["lines"][0]["sku"],
        "refund": refund,
    }


def _page(request: Request, records: list[Any]) -> tuple[list[Any], int, int]:
    number = int(request.query_params.get("page[number]", "1"))
    size = min(int(request.query_params.get("page[size]", "10")), 50)
    return records[(number - 1) * size : number * size], number, size


def _links(request: Request, number: int, size: int, total: int) -> dict[str, Any]:
    more = number * size < total
    following = f"{request.url.path}?page[number]={number + 1}&page[size]={size}"
    return {"self": str(request.url.path), "next": following if more else None}


def _errors(status: int, title: str) -> Response:
    return JSONResponse(
        {"errors": [{"status": str(status), "title": title}]}, status_code=status, media_type=MEDIA
    )


def _document(body: dict[str, Any]) -> Response:
    return JSONResponse(body, media_type=MEDIA)


@dataclass
class Kestrel:
    products_count: int = 24
    orders_per_customer: int = 7
    seed: int = 11
    #: SKUs in lower case ("ks-0001"), as many a shop writes them.
    lower_skus: bool = False
    now: datetime = field(default_factory=lambda: datetime.now(UTC).replace(microsecond=0))
    access: list[Access] = field(default_factory=list)
    products: list[dict[str, Any]] = field(default_factory=list)
    orders: list[dict[str, Any]] = field(default_factory=list)
    returns: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        rng = random.Random(self.seed)
        self.products = [_product(i, rng) for i in range(self.products_count)]
        if self.lower_skus:
            for product in self.products:
                product["sku"] = product["sku"].lower()
        n = 0
        for customer in KEYS:
            for _ in range(self.orders_per_customer):
                self.orders.append(_order(n, customer, self.products, self.now))
                n += 1
        # A return on every other order; two on every sixth.
        for i, order in enumerate(self.orders):
            for _ in range((i % 2 == 0) + (i % 6 == 0)):
                self.returns.append(_return(len(self.returns), order, self.now))

    def owner_of(self, number: str) -> str | None:
        return next((o["customer"] for o in self.orders if o["number"] == number), None)

    # -- JSON:API rendering --------------------------------------------------------------------

    @staticmethod
    def product_resource(p: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        locations = [
            {
                "type": "stock_locations",
                "id": f"{p['sku']}@{house}",
                "attributes": {"warehouse": house, "available": count},
            }
            for house, count in zip(_WAREHOUSES, p["stock"], strict=True)
        ]
        resource = {
            "type": "products",
            "id": p["sku"],
            "attributes": {k: p[k] for k in ("sku", "name", "lifecycle", "restock_on")},
            "relationships": {
                "stock_locations": {"data": [{"type": x["type"], "id": x["id"]} for x in locations]}
            },
        }
        return resource, locations

    @staticmethod
    def order_resource(o: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        shipments = [
            {"type": "shipments", "id": f"{o['id']}-s{k}", "attributes": s}
            for k, s in enumerate(o["shipments"])
        ]
        lines = [
            {
                "type": "line_items",
                "id": f"{o['id']}-l{k}",
                "attributes": {x: line[x] for x in ("sku", "name", "quantity", "shipped_quantity")},
            }
            for k, line in enumerate(o["lines"])
        ]
        resource = {
            "type": "orders",
            "id": o["id"],
            "attributes": {k: o[k] for k in ("number", "placed_at", "estimated_delivery")},
            "relationships": {
                "shipments": {"data": [{"type": s["type"], "id": s["id"]} for s in shipments]},
                "line_items": {"data": [{"type": x["type"], "id": x["id"]} for x in lines]},
            },
        }
        return resource, [*shipments, *lines]

    @staticmethod
    def return_resource(r: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        refund = None
        if r["refund"] is not None:
            refund = {"type": "refunds", "id": f"rf-{r['id']}", "attributes": r["refund"]}
        resource = {
            "type": "returns",
            "id": r["id"],
            "attributes": {k: r[k] for k in ("number", "state", "created_at", "sku")},
            "relationships": {
                "refund": {
                    "data": None if refund is None else {"type": "refunds", "id": refund["id"]}
                }
            },
        }
        return resource, [refund] if refund is not None else []

    # -- the HTTP face -------------------------------------------------------------------------

    def _caller(self, request: Request) -> str | None:
        key = request.headers.get("X-Kestrel-Key")
        return next((c for c, k in KEYS.items() if k == key), None)

    def _list(self, request: Request, render: Any, records: list[dict[str, Any]]) -> Response:
        page, number, size = _page(request, records)
        data, included = [], []
        for record in page:
            resource, extra = render(record)
            data.append(resource)
            included.extend(extra)
        return _document(
            {
                "data": data,
                "included": included,
                "links": _links(request, number, size, len(records)),
                "meta": {"total": len(records)},
            }
        )

    async def products_index(self, request: Request) -> Response:
        return self._list(request, self.product_resource, self.products)

    async def products_show(self, request: Request) -> Response:
        sku = request.path_params["sku"]
        for p in self.products:
            if p["sku"] == sku:
                resource, included = self.product_resource(p)
                return _document({"data": resource, "included": included})
        return _errors(404, "no such product")

    def _own_order(self, request: Request, caller: str) -> dict[str, Any] | None:
        number = request.path_params["number"]
        return next(
            (o for o in self.orders if o["number"] == number and o["customer"] == caller), None
        )

    async def orders_index(self, request: Request, caller: str) -> Response:
        own = [o for o in self.orders if o["customer"] == caller]
        return self._list(request, self.order_resource, own)

    async def orders_show(self, request: Request, caller: str) -> Response:
        order = self._own_order(request, caller)
        if order is None:
            return _errors(404, "no such order")
        resource, included = self.order_resource(order)
        return _document({"data": resource, "included": included})

    async def order_returns(self, request: Request, caller: str) -> Response:
        order = self._own_order(request, caller)
        if order is None:
            return _errors(404, "no such order")
        own = [r for r in self.returns if r["order"] == order["number"]]
        return self._list(request, self.return_resource, own)

    @property
    def app(self) -> Any:
        """The ASGI app; every request is logged with the customer whose key made it."""

        def guarded(handler: Any, *, with_caller: bool) -> Any:
            async def endpoint(request: Request) -> Response:
                caller = self._caller(request)
                if caller is None:
                    response = _errors(401, "missing or unknown X-Kestrel-Key")
                elif with_caller:
                    response = await handler(request, caller)
                else:
                    response = await handler(request)
                agent = request.headers.get("User-Agent", "")
                self.access.append(
                    Access(caller, request.method, request.url.path, response.status_code, agent)
                )
                return response

            return endpoint

        return Starlette(
            routes=[
                Route("/api/v1/products", guarded(self.products_index, with_caller=False)),
                Route("/api/v1/products/{sku}", guarded(self.products_show, with_caller=False)),
                Route("/api/v1/orders", guarded(self.orders_index, with_caller=True)),
                Route("/api/v1/orders/{number}", guarded(self.orders_show, with_caller=True)),
                Route(
                    "/api/v1/orders/{number}/returns",
                    guarded(self.order_returns, with_caller=True),
                ),
            ]
        )
