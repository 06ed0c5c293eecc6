"""The reference world: the shop and the assistant running together on loopback.

One context manager so that `auditor demo`, the tests and the benchmarks start the same thing the
same way: the shop first (the assistant needs its URL and staff token), then the assistant, and
tear them down in reverse order.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

from auditor.reference._serve import serve_in_thread
from auditor.reference.assistant import Faults, create_assistant
from auditor.reference.shop import DEFAULT_SEED, Shop, create_shop


@dataclass(frozen=True, slots=True)
class World:
    """Where the running shop and assistant are, and what they were started with."""

    shop_url: str
    assistant_url: str
    staff_token: str
    customers: Mapping[str, str]
    shop: Shop
    faults: Faults
    api_key: str | None = None

    @property
    def openai_base_url(self) -> str:
        return f"{self.assistant_url}/v1"

    @property
    def message_url(self) -> str:
        return f"{self.assistant_url}/message"


@contextmanager
def running_world(
    *,
    seed: int = DEFAULT_SEED,
    items: int = 60,
    faults: Faults | None = None,
    api_key: str | None = None,
    staff_token: str | None = None,
    host: str = "127.0.0.1",
) -> Iterator[World]:
    """Serve a freshly seeded shop and an assistant reading it until the block ends."""
    faults = faults or Faults()
    shop = create_shop(seed=seed, items=items, staff_token=staff_token)
    with serve_in_thread(shop.app, host=host) as shop_url:
        assistant = create_assistant(
            shop_url=shop_url,
            staff_token=shop.staff_token,
            faults=faults,
            api_key=api_key,
            seed=seed,
        )
        with serve_in_thread(assistant, host=host) as assistant_url:
            yield World(
                shop_url=shop_url,
                assistant_url=assistant_url,
                staff_token=shop.staff_token,
                customers=shop.customers,
                shop=shop,
                faults=faults,
                api_key=api_key,
            )
