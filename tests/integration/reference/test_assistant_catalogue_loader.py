"""The assistant's name index against the real shop: loaded once, renewed in the background."""

from __future__ import annotations

import asyncio
import time

import httpx

from auditor.reference.assistant import Faults
from auditor.reference.assistant._catalogue_loader import Catalogue
from auditor.reference.assistant._shop_client import ShopClient


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_an_old_index_keeps_answering_while_a_new_one_loads(shop, shop_records):
    clock = Clock()
    async with httpx.AsyncClient(base_url=shop.url, trust_env=False) as http:
        client = ShopClient(http, staff_token=shop.staff_token, faults=Faults())
        catalogue = Catalogue(client, ttl_s=10, clock=clock)
        first = await catalogue.index()
        assert len(first) == len(shop_records["items"])
        assert await catalogue.index() is first
        clock.now += 11
        assert await catalogue.index() is first  # no waiting for the renewal
        deadline = time.monotonic() + 10
        current = first
        while current is first and time.monotonic() < deadline:
            await asyncio.sleep(0.01)  # lets the renewal task run; polled with a deadline
            current = await catalogue.index()
        assert current is not first and len(current) == len(first)
        await catalogue.aclose()


async def test_search_on_a_miss_adds_nothing_for_unknown_or_known_names(shop):
    async with httpx.AsyncClient(base_url=shop.url, trust_env=False) as http:
        client = ShopClient(http, staff_token=shop.staff_token, faults=Faults())
        catalogue = Catalogue(client)
        assert await catalogue.find("Purple Moon Teapot") is None
        assert await catalogue.find("Blue Kettle") is None
        found = sorted(name for _, name in await client.search("blue kettle"))
        assert found == ["Blue Kettle", "Blue Kettle Pro"]
        await catalogue.aclose()
