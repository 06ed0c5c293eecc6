"""The in-memory store: the seeded world plus whatever the sandbox has changed since.

One store serves one shop from one event loop. Reads hand out the live records (they are
immutable, so nothing needs copying) and a page costs only its own slice, so a 100,000-item
catalogue is never copied or rendered whole. There is no cache: a change is visible to the
very next read.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from types import MappingProxyType
from typing import Generic, Literal, TypeVar

from auditor._facts import OrderStatus, ReturnStatus
from auditor.reference.shop import _transitions as rules
from auditor.reference.shop._model import Customer, Item, ItemStatus, Order, Return, World
from auditor.reference.shop._transitions import KEEP, Keep

_T = TypeVar("_T")
_FIRST_RETURN_NUMBER = 1001


class NotFound(Exception):
    """No such record (or none the caller may see, which must look the same)."""


@dataclass(frozen=True, slots=True)
class Page(Generic[_T]):
    entries: Sequence[_T]
    page: int
    page_size: int
    total: int

    @property
    def next_page(self) -> int | None:
        return self.page + 1 if self.page * self.page_size < self.total else None


def paginate(records: Sequence[_T], page: int, page_size: int) -> Page[_T]:
    """Pages count from 1; a page past the end is empty, not an error."""
    start = (page - 1) * page_size
    return Page(records[start : start + page_size], page, page_size, len(records))


def elapsed_clock(now: datetime) -> Callable[[], datetime]:
    """The shop's time: the seeded `now` plus the real time elapsed since it was created."""
    started = time.monotonic()

    def clock() -> datetime:
        return now + timedelta(seconds=time.monotonic() - started)

    return clock


class ShopState:
    """The store behind the services. Tests may read it from another thread."""

    __slots__ = (
        "_clock", "_customers", "_items", "_next_return", "_order_ids", "_orders",
        "_orders_by_customer", "_return_ids", "_returns", "_returns_by_customer",
        "_returns_by_order", "_sku_order", "_world",
    )  # fmt: skip

    def __init__(self, world: World, clock: Callable[[], datetime]) -> None:
        self._world = world
        self._clock = clock
        self._sku_order = tuple(item.sku for item in world.items)
        self._order_ids = tuple(order.order_id for order in world.orders)
        self._customers = {c.customer_id: c for c in world.customers}
        self._orders_by_customer: dict[str, list[str]] = {}
        for order in world.orders:
            self._orders_by_customer.setdefault(order.customer_id, []).append(order.order_id)
        self._items: dict[str, Item] = {}
        self._orders: dict[str, Order] = {}
        self._returns: dict[str, Return] = {}
        self._return_ids: list[str] = []
        self._returns_by_customer: dict[str, list[str]] = {}
        self._returns_by_order: dict[str, list[str]] = {}
        self._next_return = _FIRST_RETURN_NUMBER
        self.reset()

    # -- reading -----------------------------------------------------------------------------

    @property
    def world(self) -> World:
        """The seeded world, as `reset` restores it."""
        return self._world

    @property
    def seed(self) -> int:
        return self._world.seed

    @property
    def now(self) -> datetime:
        """The fixed moment the seed's timestamps are relative to."""
        return self._world.now

    def current_time(self) -> datetime:
        """The shop's clock: `now` plus the time elapsed since the shop was created."""
        return self._clock()

    @property
    def items(self) -> Mapping[str, Item]:
        return MappingProxyType(self._items)

    @property
    def orders(self) -> Mapping[str, Order]:
        return MappingProxyType(self._orders)

    @property
    def returns(self) -> Mapping[str, Return]:
        return MappingProxyType(self._returns)

    @property
    def customers(self) -> Mapping[str, Customer]:
        return MappingProxyType(self._customers)

    def item_page(self, q: str | None, page: int, page_size: int) -> Page[Item]:
        if not q:
            skus: Sequence[str] = self._sku_order
        else:
            needle = q.casefold()
            skus = [
                sku
                for sku in self._sku_order
                if needle in sku.casefold() or needle in self._items[sku].name.casefold()
            ]
        window = paginate(skus, page, page_size)
        return Page([self._items[s] for s in window.entries], page, page_size, window.total)

    def order_page(
        self, scope: str | None, customer_id: str | None, page: int, page_size: int
    ) -> Page[Order]:
        wanted = customer_id if customer_id is not None else scope
        ids: Sequence[str]
        if scope is not None and wanted != scope:
            ids = ()
        elif wanted is None:
            ids = self._order_ids
        else:
            ids = self._orders_by_customer.get(wanted, ())
        window = paginate(ids, page, page_size)
        return Page([self._orders[i] for i in window.entries], page, page_size, window.total)

    def return_page(
        self, scope: str | None, order_id: str | None, page: int, page_size: int
    ) -> Page[Return]:
        ids: Sequence[str]
        if order_id is not None:
            ids = self._returns_by_order.get(order_id, ())
            if scope is not None:
                ids = [i for i in ids if self._returns[i].customer_id == scope]
        elif scope is not None:
            ids = self._returns_by_customer.get(scope, ())
        else:
            ids = self._return_ids
        window = paginate(ids, page, page_size)
        return Page([self._returns[i] for i in window.entries], page, page_size, window.total)

    def item(self, sku: str) -> Item:
        try:
            return self._items[sku]
        except KeyError:
            raise NotFound(f"no item with SKU {sku}") from None

    def order(self, order_id: str, scope: str | None = None) -> Order:
        order = self._orders.get(order_id)
        if order is None or (scope is not None and order.customer_id != scope):
            raise NotFound(f"no order {order_id}")
        return order

    def return_(self, return_id: str, scope: str | None = None) -> Return:
        ret = self._returns.get(return_id)
        if ret is None or (scope is not None and ret.customer_id != scope):
            raise NotFound(f"no return {return_id}")
        return ret

    # -- changing (the sandbox) --------------------------------------------------------------

    def set_stock(
        self,
        sku: str,
        available: int,
        status: ItemStatus | None = None,
        restock_date: date | Literal[Keep.KEEP] | None = KEEP,
    ) -> Item:
        item = rules.restock(self.item(sku), available, status, restock_date, self._clock())
        self._items[sku] = item
        return item

    def rename(self, sku: str, name: str) -> Item:
        item = dataclasses.replace(self.item(sku), name=name, updated_at=self._clock())
        self._items[sku] = item
        return item

    def advance_order(self, order_id: str, status: OrderStatus | None = None) -> Order:
        order = rules.advance_order(self.order(order_id), status, self._clock(), self.seed)
        self._orders[order_id] = order
        return order

    def file_return(
        self, order_id: str, sku: str, quantity: int = 1, reason: str = "changed my mind"
    ) -> Return:
        return_id = f"RMA-{self._next_return:04d}"
        ret = rules.file_return(
            self.order(order_id), sku, quantity, reason, return_id, self._clock()
        )
        self._next_return += 1
        self._add_return(ret)
        return ret

    def advance_return(self, return_id: str, status: ReturnStatus | None = None) -> Return:
        ret = rules.advance_return(self.return_(return_id), status, self._clock())
        self._returns[return_id] = ret
        return ret

    def issue_refund(self, return_id: str) -> Return:
        ret = rules.issue_refund(self.return_(return_id), self._clock())
        self._returns[return_id] = ret
        return ret

    def reset(self) -> None:
        """Back to the seeded world, in place, so views handed out earlier stay live."""
        world = self._world
        self._items.clear()
        self._items.update((item.sku, item) for item in world.items)
        self._orders.clear()
        self._orders.update((order.order_id, order) for order in world.orders)
        self._returns.clear()
        self._return_ids.clear()
        self._returns_by_customer.clear()
        self._returns_by_order.clear()
        for ret in world.returns:
            self._add_return(ret)
        self._next_return = _FIRST_RETURN_NUMBER + len(world.returns)

    def _add_return(self, ret: Return) -> None:
        self._returns[ret.return_id] = ret
        self._return_ids.append(ret.return_id)
        self._returns_by_customer.setdefault(ret.customer_id, []).append(ret.return_id)
        self._returns_by_order.setdefault(ret.order_id, []).append(ret.return_id)
