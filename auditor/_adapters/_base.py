"""What every assistant adapter offers, and the registry they are found in."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Any, Protocol


class AdapterError(Exception):
    """The assistant could not be asked or gave nothing usable; becomes an `error` verdict."""


@dataclass(frozen=True, slots=True)
class Conversation:
    turns: Sequence[str]
    customer_id: str | None = None
    session_id: str | None = None


@dataclass(frozen=True, slots=True)
class Answer:
    #: The answer to the last turn: the one the probe is judged on.
    text: str
    #: Every turn's answer, in order.
    turns: tuple[str, ...]
    latency_ms: float
    #: Time to the first token of the last turn, for streamed answers.
    ttft_ms: float | None = None
    attempts: int = 1
    session_id: str | None = None


@dataclass(frozen=True, slots=True)
class AdapterSettings:
    """The audit-wide limits every adapter obeys."""

    timeout_s: float = 30.0
    retries: int = 2
    max_answer_bytes: int = 1_000_000
    max_connections: int = 8
    env: Mapping[str, str] = field(default_factory=dict)


class Assistant(Protocol):
    name: str

    async def ask(self, conversation: Conversation) -> Answer: ...

    async def aclose(self) -> None: ...


AdapterFactory = Callable[[Any, AdapterSettings], Assistant]

ENTRY_POINT_GROUP = "readiness_auditor.adapters"


class AdapterRegistry:
    """Adapters by config `kind`; third-party ones come from the entry-point group."""

    def __init__(self) -> None:
        self._factories: dict[str, AdapterFactory] = {}

    def register(self, kind: str) -> Callable[[AdapterFactory], AdapterFactory]:
        def decorate(factory: AdapterFactory) -> AdapterFactory:
            if kind in self._factories:
                raise ValueError(f"adapter kind {kind!r} is registered twice")
            self._factories[kind] = factory
            return factory

        return decorate

    def get(self, kind: str) -> AdapterFactory:
        if kind not in self._factories:
            for ep in entry_points(group=ENTRY_POINT_GROUP, name=kind):
                self._factories[kind] = ep.load()
        try:
            return self._factories[kind]
        except KeyError:
            raise AdapterError(f"no assistant adapter of kind {kind!r}") from None


ADAPTERS = AdapterRegistry()
