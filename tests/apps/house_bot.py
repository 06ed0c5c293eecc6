"""An assistant with a house phrase the extractor was never taught: "Oak Board: ready to roll".

It stands in front of the reference assistant (`POST /message`, the same JSON shape) and
passes its answers through, except one: when the answer names an item the shop has plenty of
(checked in the shop's own inventory API, not guessed from the answer) and the question asks
whether it is available rather than how many, it says "<name>: ready to roll" instead. Every
request it receives is counted, so a test can show that re-judging asked it nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

HOUSE_PHRASE = "ready to roll"
_SKU_IN_BRACKETS = re.compile(r"\(([A-Z]{2}-\d{3,9})\)")
_A_COUNT = re.compile(r"how many|stock of", re.IGNORECASE)
#: Above this many units the shop's item is in stock, not low (`auditor._facts`).
_LOW_STOCK = 3


@dataclass
class HouseBot:
    app: Starlette
    #: Requests received, of any kind.
    requests: list[str] = field(default_factory=list)


def create_house_bot(assistant_url: str, shop_url: str) -> HouseBot:
    bot = HouseBot(app=Starlette())

    async def in_stock_name(client: httpx.AsyncClient, sku: str) -> str | None:
        response = await client.get(f"{shop_url}/inventory/items/{sku}")
        if response.status_code != 200:
            return None
        item = response.json()
        plenty = item["status"] == "active" and item["stock"]["available"] > _LOW_STOCK
        return str(item["name"]) if plenty else None

    async def message(request: Request) -> JSONResponse:
        body = await request.json()
        bot.requests.append(str(body.get("text", "")))
        async with httpx.AsyncClient(timeout=10) as client:
            reply = (await client.post(f"{assistant_url}/message", json=body)).json()
            text = str(reply["reply"]["text"])
            skus = set(_SKU_IN_BRACKETS.findall(text))
            question = str(body.get("text", ""))
            if len(skus) == 1 and not _A_COUNT.search(question):
                name = await in_stock_name(client, skus.pop())
                if name is not None:
                    reply["reply"]["text"] = f"{name}: {HOUSE_PHRASE}"
        return JSONResponse(reply)

    bot.app.router.routes.append(Route("/message", message, methods=["POST"]))
    return bot
