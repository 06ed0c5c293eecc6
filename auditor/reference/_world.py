"""The reference world: the shop and the assistant running together on loopback.

One context manager so that `auditor demo`, the tests and the benchmarks start the same thing the
same way: the shop first (the assistant needs its URL and staff token), then the assistant, and
tear them down in reverse order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import dataclass

from auditor._serve import serve_in_thread
from auditor.reference.assistant import Faults, ModelServer, create_assistant
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
    #: `rules` or `llm`; for `llm`, the base URL of the model server writing the answers.
    brain: str = "rules"
    model_url: str | None = None
    #: How the assistant words its answers (`standard`, `british`, `sms`, `markdown`, `agent`,
    #: `global`, `email`, `widget`).
    voice: str = "standard"

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
    shop_proxy: Callable[[str], AbstractContextManager[str]] | None = None,
    brain: str = "rules",
    model_url: str | None = None,
    voice: str = "standard",
    otlp_endpoint: str | None = None,
) -> Iterator[World]:
    """Serve a freshly seeded shop and an assistant reading it until the block ends.

    `shop_proxy`, given the shop's URL, starts something in front of it (the tap's recording
    proxy) and yields the URL the assistant should call the shop at instead. With
    `brain="llm"` and no `model_url`, the local model server is started first (a child process,
    see `assistant/_llm_server.py`) and stopped last. `voice` words the assistant's answers.
    `otlp_endpoint` (an OTLP/HTTP base URL) makes the assistant trace itself there.
    """
    faults = faults or Faults()
    shop = create_shop(seed=seed, items=items, staff_token=staff_token)
    with ExitStack() as stack:
        if brain == "llm" and model_url is None:
            model_url = stack.enter_context(ModelServer()).url
        shop_url = stack.enter_context(serve_in_thread(shop.app, host=host))
        called_at = stack.enter_context(shop_proxy(shop_url)) if shop_proxy else shop_url
        assistant = create_assistant(
            shop_url=called_at,
            staff_token=shop.staff_token,
            faults=faults,
            api_key=api_key,
            seed=seed,
            brain=brain,
            model_url=model_url,
            voice=voice,
            otlp_endpoint=otlp_endpoint,
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
                brain=brain,
                model_url=model_url,
                voice=voice,
            )
