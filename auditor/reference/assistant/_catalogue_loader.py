"""Keeping the name index filled: loaded once, renewed in the background, searched on a miss.

Listing a 100,000-item catalogue page by page takes the reference shop many seconds, so no
question waits for it except the very first (and the load starts when the app starts). An old
index is renewed in the background while the current one keeps answering; a name the index does
not know is looked up with the shop's own search instead of relisting everything, so questions
about items the shop does not carry stay cheap.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import time
from collections.abc import Callable

from auditor.reference.assistant._catalogue import CatalogueIndex
from auditor.reference.assistant._shop_client import ShopClient, ShopUnavailable


class Catalogue:
    """The name index of one shop; stock is never read from it."""

    __slots__ = ("_client", "_clock", "_index", "_loaded_at", "_lock", "_task", "_ttl_s")

    def __init__(
        self,
        client: ShopClient,
        *,
        ttl_s: float = 300.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._client = client
        self._ttl_s = ttl_s
        self._clock = clock
        self._index: CatalogueIndex | None = None
        self._loaded_at = float("-inf")
        self._lock = asyncio.Lock()
        self._task: asyncio.Task[None] | None = None

    async def index(self) -> CatalogueIndex:
        """The current index; only the first call waits for a load."""
        if self._index is None:
            return await self._load()
        if self._clock() - self._loaded_at > self._ttl_s:
            self.renew()
        return self._index

    def renew(self) -> None:
        """Start loading a fresh index in the background, unless a load is under way."""
        if self._task is None or self._task.done():
            # A context of its own: a renewal some question happened to start is not that
            # question's work (its calls are in no question's trace).
            fresh = contextvars.Context()
            self._task = asyncio.create_task(self._renew_quietly(), context=fresh)

    async def find(self, text: str) -> CatalogueIndex | None:
        """Ask the shop for items named like `text`; the grown index, or None if none is new."""
        index = await self.index()
        new = [(sku, name) for sku, name in await self._client.search(text) if sku not in index]
        if not new:
            return None
        index.extend(new)
        return index

    async def aclose(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _renew_quietly(self) -> None:
        # A failed renewal keeps the old index; the next old-index question tries again.
        with contextlib.suppress(ShopUnavailable):
            await self._load(force=True)

    async def _load(self, *, force: bool = False) -> CatalogueIndex:
        started = self._clock()
        async with self._lock:
            # Another load may have finished while this one waited for the lock.
            if self._index is None or (force and self._loaded_at < started):
                self._index = await self._client.catalogue()
                self._loaded_at = self._clock()
            return self._index
