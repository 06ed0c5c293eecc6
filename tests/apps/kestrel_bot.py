"""Kestrel's own assistant: answers from the Kestrel shop, as the customer asking.

A plain JSON channel (`POST /message {"text": …}` → `{"reply": {"text": …}}`). The customer
shows themselves with their own shop key in `X-Kestrel-Key` (the audit sends it from
`[[customers]] headers`), and the bot reads the shop with that key, so it can only ever see the
asker's orders. Stock questions, asked by nobody in particular, are read with the bot's own
catalogue key. It understands questions with the reference assistant's rules and words its
answers in the reference assistant's standard voice: the point is the shop, not the wording.

`fault="all_shipped"` reports every order as shipped, whatever its shipments say;
`fault="other_order"` answers about another of the asker's orders than the one asked (its own
number in the answer), as an assistant that takes the first order in the list would.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from auditor.reference.assistant._catalogue import Ambiguous, CatalogueIndex, Resolved, Unknown
from auditor.reference.assistant._faults import Faults
from auditor.reference.assistant._nlu import Intent, intent_of, parse
from auditor.reference.assistant._phrasing import Phrasebook
from auditor.reference.assistant._replies import ItemReplies, OrderReplies, ReturnReplies
from auditor.reference.assistant._text import tokens
from tests.apps.kestrel import STORY_STATUS

_ORDER = re.compile(r"\bR\d{9}\b")
_RETURN = re.compile(r"\bRA\d{8}\b")
_RETURN_STATUS = {
    "awaiting": "requested",
    "authorized": "approved",
    "received": "received",
    "refunded": "refunded",
    "canceled": "rejected",
}
_ITEM_STATUS = {"retired": "discontinued", "preorder": "backordered"}
FAULTS = ("all_shipped", "other_order")
#: How the shop's access log tells the bot's reads from the auditor's.
USER_AGENT = "kestrel-bot"

Json = dict[str, Any]


def _joined(document: Json) -> list[Json]:
    """The resources of a JSON:API document with their relationships filled from `included`."""
    index = {(r["type"], r["id"]): r for r in document.get("included", [])}
    data = document["data"]
    resources = data if isinstance(data, list) else [data]
    out = []
    for resource in resources:
        record = {"id": resource["id"], **resource["attributes"]}
        for name, relation in resource.get("relationships", {}).items():
            linkage = relation["data"]
            if isinstance(linkage, list):
                record[name] = [index[(x["type"], x["id"])]["attributes"] for x in linkage]
            else:
                found = index.get((linkage["type"], linkage["id"])) if linkage else None
                record[name] = None if found is None else found["attributes"]
        out.append(record)
    return out


class KestrelBot:
    def __init__(self, shop_url: str, catalogue_key: str, fault: str | None = None) -> None:
        if fault is not None and fault not in FAULTS:
            raise ValueError(f"unknown fault {fault!r} (known: {', '.join(FAULTS)})")
        self.shop = shop_url.rstrip("/") + "/api/v1"
        self.catalogue_key = catalogue_key
        self.fault = fault
        phrases = Phrasebook(support="help@kestrel.test")
        self.phrases = phrases
        self.items = ItemReplies(phrases, Faults())
        self.orders = OrderReplies(phrases, Faults())
        self.returns = ReturnReplies(phrases, Faults())
        self._client: httpx.AsyncClient | None = None

    async def _get(self, client: httpx.AsyncClient, path: str, key: str) -> Json | None:
        response = await client.get(
            self.shop + path,
            headers={"X-Kestrel-Key": key, "User-Agent": USER_AGENT},
            params={"page[size]": 50},
        )
        if response.status_code == 404:
            return None
        response.raise_for_status()
        body: Json = response.json()
        return body

    async def answer(self, text: str, key: str | None) -> str:
        client = self._client
        if client is None:
            raise RuntimeError("the bot answers only while served (its lifespan opens the client)")
        order_number, return_number = _ORDER.search(text), _RETURN.search(text)
        if return_number is not None:
            return await self._return(client, text, key, return_number.group(0))
        if order_number is not None:
            return await self._order(client, text, key, order_number.group(0))
        return await self._item(client, text)

    # -- orders --------------------------------------------------------------------------------

    def _order_json(self, order: Json) -> Json:
        states = tuple(s["state"] for s in order["shipments"])
        status = "shipped" if self.fault == "all_shipped" else STORY_STATUS[states]
        sent = [s for s in order["shipments"] if s.get("tracking")]
        return {
            "id": order["number"],
            "status": status,
            "eta": order["estimated_delivery"],
            "tracking_number": sent[0]["tracking"] if sent else None,
            "carrier": sent[0]["carrier"] if sent else None,
            "lines": order["line_items"],
        }

    async def _order(
        self, client: httpx.AsyncClient, text: str, key: str | None, number: str
    ) -> str:
        if key is None:
            return self.phrases.say("sign_in", text)
        if self.fault == "other_order":
            number = await self._another_order(client, key, number)
        document = await self._get(client, f"/orders/{number}", key)
        if document is None:
            return self.phrases.say("order.not_found", text, order_id=number)
        order = self._order_json(_joined(document)[0])
        intent = intent_of(tokens(text))
        if intent is Intent.TRACKING:
            return self.orders.tracking(text, order)
        if intent is Intent.DELIVERY:
            return self.orders.delivery(text, order)
        return self.orders.status(text, order)

    async def _another_order(self, client: httpx.AsyncClient, key: str, number: str) -> str:
        """The asker's order listed after `number` (the first after the last); `number` when
        it is their only one or not theirs."""
        listed = await self._get(client, "/orders", key)
        numbers = [order["number"] for order in _joined(listed)] if listed else []
        if number not in numbers or len(numbers) < 2:
            return number
        return numbers[(numbers.index(number) + 1) % len(numbers)]

    # -- returns -------------------------------------------------------------------------------

    async def _return(
        self, client: httpx.AsyncClient, text: str, key: str | None, number: str
    ) -> str:
        if key is None:
            return self.phrases.say("sign_in", text)
        orders = await self._get(client, "/orders", key)
        for order in _joined(orders) if orders else []:
            listed = await self._get(client, f"/orders/{order['number']}/returns", key)
            for entry in _joined(listed) if listed else []:
                if entry["number"] == number:
                    refund = entry["refund"]
                    shown = {
                        "id": number,
                        "order_id": order["number"],
                        "status": _RETURN_STATUS[entry["state"]],
                        "refund": {"status": "none"}
                        if refund is None
                        else {
                            "status": "issued",
                            "amount": {"amount": refund["amount"], "currency": refund["currency"]},
                            "issued_at": refund["issued_at"],
                        },
                    }
                    asks_refund = intent_of(tokens(text)) is Intent.REFUND
                    return self.returns.describe(text, [shown], refund=asks_refund)
        return self.phrases.say("return.not_found", text, return_id=number)

    # -- stock ---------------------------------------------------------------------------------

    async def _item(self, client: httpx.AsyncClient, text: str) -> str:
        listed = await self._get(client, "/products", self.catalogue_key)
        # Looked up by the SKU in capitals, which is how the question parser gives it back;
        # answered with the shop's own spelling.
        products = {p["sku"].upper(): p for p in _joined(listed or {"data": []})}
        index = CatalogueIndex((sku, p["name"]) for sku, p in products.items())
        parsed = parse(text, index)
        quantity = parsed.intent is Intent.QUANTITY
        if isinstance(parsed.item, Ambiguous):
            names = [f"{index.name_of(s)} ({s})" for s in parsed.item.skus]
            return self.items.ambiguous(text, parsed.item.mention, names)
        if isinstance(parsed.item, Unknown):
            return self.items.unknown(text, parsed.item.mention, quantity)
        sku = parsed.sku or (parsed.item.sku if isinstance(parsed.item, Resolved) else None)
        if sku is None:
            return self.phrases.say("item.missing", text)
        product = products.get(sku)
        if product is None:
            return self.items.unknown(text, sku, quantity)
        item = {
            "sku": product["sku"],
            "name": product["name"],
            "status": _ITEM_STATUS.get(product["lifecycle"], "active"),
            "stock": {"available": sum(x["available"] for x in product["stock_locations"])},
            "restock_date": product["restock_on"],
        }
        if quantity:
            return self.items.quantity(text, item)
        return self.items.availability(text, item)

    # -- the HTTP face -------------------------------------------------------------------------

    async def message(self, request: Request) -> Response:
        body = await request.json()
        text = str(body.get("text", ""))
        answer = await self.answer(text, request.headers.get("X-Kestrel-Key"))
        return JSONResponse({"reply": {"text": answer}})

    @asynccontextmanager
    async def _lifespan(self, app: Any) -> AsyncIterator[None]:
        async with httpx.AsyncClient(timeout=10, trust_env=False) as client:
            self._client = client
            try:
                yield
            finally:
                self._client = None

    @property
    def app(self) -> Any:
        return Starlette(
            routes=[Route("/message", self.message, methods=["POST"])], lifespan=self._lifespan
        )
