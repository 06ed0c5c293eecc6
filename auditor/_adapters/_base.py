"""What every assistant adapter offers: the question going in, the answer coming out, the limits.

An adapter turns a `Conversation` into an `Answer` or raises `AdapterError` with a reason a
person can act on; the runner turns that reason into an `error` verdict. Adapters never raise
anything else for a misbehaving assistant, and never take longer than the limits below allow.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from auditor._tracecontext import TraceContext


class AdapterError(Exception):
    """The assistant could not be asked or gave nothing usable; becomes an `error` verdict."""

    def __init__(self, reason: str, *, attempts: int = 0) -> None:
        super().__init__(reason)
        #: Requests made before giving up (0: none, e.g. a configuration problem).
        self.attempts = attempts


#: Awaited before every request to the assistant: the audit's rate limit.
Pace = Callable[[], Awaitable[None]]


async def no_pace() -> None:
    return None


@dataclass(frozen=True, slots=True)
class Conversation:
    turns: Sequence[str]
    #: Who asks: passed on the way the adapter's channel carries identity.
    customer_id: str | None = None
    #: The session the first turn is sent in; an adapter may learn a new one from the answer.
    session_id: str | None = None
    #: Awaited before every request to the assistant (each turn, each retry): the audit's
    #: rate limit, shared by every probe and channel. Adapters from other packages must too.
    pace: Pace = no_pace
    #: The probe's W3C trace context, sent with every request of the conversation (as
    #: `traceparent`/`tracestate` headers; a python callable that takes a `traceparent`
    #: keyword gets it there). None: no trace context is sent.
    trace: TraceContext | None = None

    def trace_headers(self) -> dict[str, str]:
        return {} if self.trace is None else self.trace.headers()


@dataclass(frozen=True, slots=True)
class Answer:
    #: The answer to the last turn: the one the probe is judged on.
    text: str
    #: Every turn's answer, in order.
    turns: tuple[str, ...]
    #: From the first request of the conversation to the last byte of its last answer,
    #: retries and their back-off included (our own rate-limit pacing excluded).
    latency_ms: float
    #: Time to the first token of the last turn, for streamed answers.
    ttft_ms: float | None = None
    #: HTTP requests made, over every turn (1 per turn when nothing was retried).
    attempts: int = 1
    session_id: str | None = None


@dataclass(frozen=True, slots=True)
class Identity:
    """How one test customer shows itself to the assistant (`[[customers]]`): template
    variables (`{{customer.NAME}}`) and extra headers per channel (templates too)."""

    variables: Mapping[str, str] = field(default_factory=dict)
    #: Channel name -> header name -> template.
    headers: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


#: `aiohttp` carries httpx's API on a faster connection pool (see benchmarks/README.md);
#: `httpx` is its own transport, for tests that mock it (respx) and as a fallback.
TransportName = Literal["aiohttp", "httpx"]


@dataclass(frozen=True, slots=True)
class AdapterSettings:
    """The audit-wide limits every adapter obeys (the rate limit comes with each question)."""

    #: Bound on one HTTP request, from sending it to the last byte of its answer (streams too).
    timeout_s: float = 30.0
    #: Further attempts after a connection failure, a 5xx or a 429.
    retries: int = 2
    max_answer_bytes: int = 1_000_000
    max_connections: int = 8
    env: Mapping[str, str] = field(default_factory=dict)
    transport: TransportName = "aiohttp"
    #: Customer id -> how that customer shows itself to the assistant.
    identities: Mapping[str, Identity] = field(default_factory=dict)

    def identity(self, customer_id: str | None) -> Identity | None:
        return None if customer_id is None else self.identities.get(customer_id)


class Assistant(Protocol):
    name: str

    async def ask(self, conversation: Conversation) -> Answer: ...

    async def aclose(self) -> None: ...
