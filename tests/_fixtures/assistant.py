"""Fixtures serving the reference assistant on loopback.

`assistant_url` is one faultless assistant over the session `shop`, for tests that only ask.
`assistant(faults=..., shop=None, voice=...)` serves one of the test's own (against the session
shop or a given served shop, e.g. from `fresh_shop`) and returns its base URL; `world(...)` starts a
whole reference world (shop and assistant) of the test's own. `ask(url, text, customer=...)`
asks over the plain JSON channel on a shared connection pool; `shop_records` is the session
shop's items, orders and returns as its public API shows them to staff.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from typing import Any

import httpx
import pytest

from auditor._serve import serve_in_thread
from auditor.reference._world import World, running_world
from auditor.reference.assistant import Faults, create_assistant

#: assistant(faults=None, shop=None, api_key=None, seed=0, voice="standard") -> base URL
StartAssistant = Callable[..., str]
#: world(seed=..., items=..., faults=..., api_key=..., voice=...) -> a running World of its own
StartWorld = Callable[..., World]


@pytest.fixture(scope="session")
def assistant_url(shop: Any) -> Iterator[str]:
    app = create_assistant(shop_url=shop.url, staff_token=shop.staff_token)
    with serve_in_thread(app) as url:
        yield url


@pytest.fixture
def assistant(shop: Any) -> Iterator[StartAssistant]:
    with ExitStack() as stack:

        def start(
            faults: Faults | None = None,
            shop: Any = shop,
            api_key: str | None = None,
            seed: int = 0,
            voice: str = "standard",
        ) -> str:
            app = create_assistant(
                shop_url=shop.url,
                staff_token=shop.staff_token,
                faults=faults,
                api_key=api_key,
                seed=seed,
                voice=voice,
            )
            return stack.enter_context(serve_in_thread(app))

        yield start


@pytest.fixture
def world() -> Iterator[StartWorld]:
    with ExitStack() as stack:

        def start(**options: Any) -> World:
            return stack.enter_context(running_world(**options))

        yield start


class Ask:
    """Ask over the plain JSON channel on one reused connection pool (a new client costs ~40 ms)."""

    def __init__(self, client: httpx.Client) -> None:
        self.client = client

    def __call__(
        self,
        url: str,
        text: str,
        customer: str | None = None,
        session: str | None = None,
        api_key: str | None = None,
    ) -> str:
        """The answer's text (asserting a 200)."""
        body: dict[str, str] = {"text": text}
        if customer is not None:
            body["customer"] = customer
        if session is not None:
            body["session"] = session
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        response = self.client.post(f"{url}/message", json=body, headers=headers)
        assert response.status_code == 200, response.text
        reply: str = response.json()["reply"]["text"]
        return reply


def _every(client: httpx.Client, path: str, field: str) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    page: int | None = 1
    while page is not None:
        body = client.get(path, params={"page": page, "page_size": 500}).json()
        records += body[field]
        page = body["next_page"]
    return records


@pytest.fixture(scope="session")
def shop_records(shop: Any) -> dict[str, list[dict[str, Any]]]:
    """The session shop's items, orders and returns as its public API shows them (staff view)."""
    headers = {"Authorization": f"Bearer {shop.staff_token}"}
    with httpx.Client(base_url=shop.url, headers=headers, trust_env=False) as client:
        return {
            "items": _every(client, "/inventory/items", "items"),
            "orders": _every(client, "/orders/orders", "orders"),
            "returns": _every(client, "/returns/returns", "returns"),
        }


@pytest.fixture(scope="session")
def ask() -> Iterator[Ask]:
    with httpx.Client(timeout=30, trust_env=False) as client:
        yield Ask(client)
