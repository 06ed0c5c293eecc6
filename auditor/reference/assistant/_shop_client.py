"""The assistant's view of the shop: its public APIs over httpx, seen through the faults.

Orders and returns are read with the staff token *on behalf of* the customer asking, so the shop
itself enforces who may see what. The faults that concern data (stale, blind to returns, leaky
scope) live here, where a real bot's integration code would get them wrong.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import httpx

from auditor.reference.assistant._catalogue import CatalogueIndex
from auditor.reference.assistant._faults import Faults
from auditor.reference.assistant._stale import TimeShiftedView

Json = dict[str, Any]

_PAGE_SIZE = 500
_MAX_PAGES = 1_000


class ShopUnavailable(Exception):
    """The shop could not answer (down, failing, or refusing the assistant's own credentials)."""


def _entity(body: object) -> Json | None:
    return body if isinstance(body, dict) else None


def _entities(body: object) -> list[Json]:
    return [entry for entry in body if isinstance(entry, dict)] if isinstance(body, list) else []


class ShopClient:
    """Typed reads of the reference shop's inventory, orders and returns."""

    __slots__ = ("_faults", "_http", "_staff_token", "_view")

    def __init__(
        self,
        http: httpx.AsyncClient,
        *,
        staff_token: str,
        faults: Faults,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._http = http
        self._staff_token = staff_token
        self._faults = faults
        self._view: TimeShiftedView[object] = TimeShiftedView(faults.stale_cache, clock=clock)

    async def item(self, sku: str) -> Json | None:
        fresh = await self._get(f"/inventory/items/{sku}", customer=None, auth=False)
        return _entity(self._view.observe(("item", sku), fresh))

    async def order(self, order_id: str, customer: str) -> Json | None:
        fresh = await self._get(f"/orders/orders/{order_id}", customer=customer)
        key = ("order", order_id, self._scope(customer))
        return _entity(self._view.observe(key, fresh))

    async def order_as_staff(self, order_id: str) -> Json | None:
        """The order in service-account scope, whoever owns it (the `leaks_in_words` fault)."""
        return _entity(await self._get(f"/orders/orders/{order_id}", customer=None))

    async def items_named(self, word: str) -> list[Json]:
        """Items whose name or SKU contains `word`, with their stock (the shop's `q` filter)."""
        query: dict[str, str | int] = {"q": word[:200], "page_size": 100}
        body = await self._get("/inventory/items", customer=None, auth=False, params=query)
        return _entities(body.get("items") if isinstance(body, dict) else None)

    async def return_(self, return_id: str, customer: str) -> Json | None:
        if self._faults.blind_to_returns:
            return None
        fresh = await self._get(f"/returns/returns/{return_id}", customer=customer)
        key = ("return", return_id, self._scope(customer))
        return _entity(self._view.observe(key, fresh))

    async def returns_for_order(self, order_id: str, customer: str) -> list[Json]:
        if self._faults.blind_to_returns:
            return []
        fresh = await self._pages("/returns/returns", "returns", {"order_id": order_id}, customer)
        key = ("returns_of", order_id, self._scope(customer))
        return _entities(self._view.observe(key, fresh))

    async def catalogue(self) -> CatalogueIndex:
        """The whole catalogue's names, paged through `listItems` (never time-shifted)."""
        items = await self._pages("/inventory/items", "items", {}, None, auth=False)
        return CatalogueIndex((str(item["sku"]), str(item["name"])) for item in items)

    async def search(self, text: str) -> list[tuple[str, str]]:
        """Items whose name or SKU contains `text` (the shop's own `q` filter, first page)."""
        body = await self._get(
            "/inventory/items", customer=None, auth=False, params={"q": text[:200], "page_size": 50}
        )
        items = body.get("items") if isinstance(body, dict) else None
        return [(str(i["sku"]), str(i["name"])) for i in _entities(items)]

    def _scope(self, customer: str) -> str:
        return "" if self._faults.leaks_foreign_orders else customer

    def _headers(self, customer: str | None, auth: bool) -> dict[str, str]:
        if not auth:
            return {}
        headers = {"Authorization": f"Bearer {self._staff_token}"}
        # The leaky fault: the service account's own scope, which sees every customer's data.
        if customer is not None and not self._faults.leaks_foreign_orders:
            headers["X-On-Behalf-Of"] = customer
        return headers

    async def _get(
        self,
        path: str,
        *,
        customer: str | None,
        auth: bool = True,
        params: dict[str, str | int] | None = None,
    ) -> Any:
        """The JSON body of a 200, None for a 404; anything else means the shop can't answer."""
        try:
            response = await self._http.get(
                path, params=params, headers=self._headers(customer, auth)
            )
        except httpx.HTTPError as exc:
            raise ShopUnavailable(f"{path}: {exc!r}") from exc
        if response.status_code == 404:
            return None
        if response.status_code != 200:
            raise ShopUnavailable(f"{path}: HTTP {response.status_code}")
        try:
            return response.json()
        except ValueError as exc:
            raise ShopUnavailable(f"{path}: not JSON") from exc

    async def _pages(
        self,
        path: str,
        field: str,
        params: dict[str, str | int],
        customer: str | None,
        *,
        auth: bool = True,
    ) -> list[Json]:
        collected: list[Json] = []
        page: int | None = 1
        for _ in range(_MAX_PAGES):
            if page is None:
                break
            query = {**params, "page": page, "page_size": _PAGE_SIZE}
            body = await self._get(path, customer=customer, auth=auth, params=query)
            if not isinstance(body, dict) or not isinstance(body.get(field), list):
                raise ShopUnavailable(f"{path}: unexpected page")
            collected.extend(body[field])
            page = body.get("next_page")
        return collected
