"""Fixtures serving the reference shop on loopback.

`shop` is one shop for the whole session: read it, never change it (use `fresh_shop` for
tests that call the sandbox). Both yield a `ServedShop`: the base URL plus the shop's
credentials and store.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import datetime

import pytest

from auditor._serve import serve_in_thread
from auditor.reference.shop import DEFAULT_ITEMS, DEFAULT_SEED, Shop, ShopState, create_shop


@dataclass(frozen=True, slots=True)
class ServedShop:
    url: str
    shop: Shop

    @property
    def staff_token(self) -> str:
        return self.shop.staff_token

    @property
    def customers(self) -> Mapping[str, str]:
        return self.shop.customers

    @property
    def state(self) -> ShopState:
        return self.shop.state

    def service_url(self, name: str) -> str:
        """Base URL of one service: `inventory`, `orders`, `returns` or `sandbox`."""
        return self.url + self.shop.base_paths[name]

    def auth(self, token: str | None = None, on_behalf_of: str | None = None) -> dict[str, str]:
        """Headers for a call with `token` (the staff token by default)."""
        headers = {"Authorization": f"Bearer {token or self.staff_token}"}
        if on_behalf_of is not None:
            headers["X-On-Behalf-Of"] = on_behalf_of
        return headers


#: fresh_shop(items=..., seed=..., now=..., corrupt=...) -> a served shop of the test's own
FreshShop = Callable[..., ServedShop]


@pytest.fixture(scope="session")
def shop_seed() -> int:
    return DEFAULT_SEED


@pytest.fixture(scope="session")
def shop_items() -> int:
    return DEFAULT_ITEMS


@pytest.fixture(scope="session")
def shop(shop_seed: int, shop_items: int) -> Iterator[ServedShop]:
    served = create_shop(seed=shop_seed, items=shop_items)
    with serve_in_thread(served.app) as url:
        yield ServedShop(url, served)


@pytest.fixture
def fresh_shop(shop_seed: int, shop_items: int) -> Iterator[FreshShop]:
    with ExitStack() as stack:

        def start(
            *,
            items: int = shop_items,
            seed: int = shop_seed,
            staff_token: str | None = None,
            now: datetime | None = None,
            corrupt: Collection[str] = (),
            enforce_contract: bool = True,
        ) -> ServedShop:
            served = create_shop(
                seed,
                items,
                staff_token,
                now=now,
                corrupt=corrupt,
                enforce_contract=enforce_contract,
            )
            url = stack.enter_context(serve_in_thread(served.app))
            return ServedShop(url, served)

        yield start
