"""The anchors of one audit: a streaming snapshot and fresh reads of single facts.

The snapshot reads every mapped fact kind of every anchor concurrently, each kind page by page,
so memory holds the facts and one page per kind, never the whole raw catalogue.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import AsyncExitStack, asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal, overload

from auditor._anchors._client import RetryRecord, open_client
from auditor._anchors._config import AnchorConfig
from auditor._anchors._contract import ContractFinding, FindingLog
from auditor._anchors._errors import AnchorConfigError, AnchorError, AnchorUnreachable
from auditor._anchors._session import AnchorSession, kind_reader
from auditor._anchors._spec import load_spec
from auditor._anchors._validate import make_engine
from auditor._facts import Fact, OrderFact, ReturnFact, Snapshot, StockFact

FactKind = Literal["stock", "orders", "returns"]
FACT_KINDS: tuple[FactKind, ...] = ("stock", "orders", "returns")


class Anchors:
    """Open anchors; use through `open_anchors`."""

    def __init__(self, sessions: Mapping[str, AnchorSession]) -> None:
        self.sessions = dict(sessions)

    @property
    def contract_findings(self) -> list[ContractFinding]:
        return [f for s in self.sessions.values() for f in s.findings.findings]

    @property
    def retries(self) -> list[RetryRecord]:
        return [r for s in self.sessions.values() for r in s.client.retries]

    def serving(self, kind: str) -> list[AnchorSession]:
        """The anchors mapping `kind`, in configuration order."""
        return [s for s in self.sessions.values() if kind in s.kinds]

    def why_empty(self, kind: str) -> list[str]:
        """Why no anchor gave a `kind` record: one line per anchor mapping it, or why none."""
        serving = self.serving(kind)
        if not serving:
            return [f"no anchor maps `{kind}`"]
        return [s.kinds[kind].why_empty(s.name) for s in serving]

    async def collect(self, session: AnchorSession, kind: str) -> list[Fact]:
        facts: list[Fact] = []
        async for page in session.pages(kind):
            facts.extend(page)
        return facts

    async def snapshot(self) -> Snapshot:
        """Every mapped fact of every anchor; raises `AnchorUnreachable` if one cannot be read."""
        taken_at = datetime.now(UTC)
        jobs = [(s, kind) for s in self.sessions.values() for kind in s.kinds]
        try:
            async with asyncio.TaskGroup() as group:
                tasks = [group.create_task(self.collect(s, kind)) for s, kind in jobs]
        except BaseExceptionGroup as failed:
            raise first_error(failed) from None
        return assemble(taken_at, [t.result() for t in tasks])

    @overload
    async def read(self, kind: Literal["stock"], subject: str) -> StockFact | None: ...
    @overload
    async def read(self, kind: Literal["orders"], subject: str) -> OrderFact | None: ...
    @overload
    async def read(self, kind: Literal["returns"], subject: str) -> ReturnFact | None: ...
    @overload
    async def read(self, kind: str, subject: str) -> Fact | None: ...

    async def read(self, kind: str, subject: str) -> Fact | None:
        """A fresh read of one fact from the first anchor mapping `kind`; None means 404."""
        serving = self.serving(kind)
        if not serving:
            raise AnchorError(f"no anchor maps `{kind}` (known kinds: {', '.join(FACT_KINDS)})")
        return await serving[0].read(kind, subject)


def first_error(group: BaseExceptionGroup[BaseException]) -> BaseException:
    """The error to report from concurrent reads: unreachable first, then any anchor error."""
    flat: list[BaseException] = []
    stack: list[BaseException] = [group]
    while stack:
        error = stack.pop(0)
        if isinstance(error, BaseExceptionGroup):
            stack.extend(error.exceptions)
        else:
            flat.append(error)
    for wanted in (AnchorUnreachable, AnchorError):
        for error in flat:
            if isinstance(error, wanted):
                return error
    return flat[0]


def assemble(taken_at: datetime, groups: list[list[Fact]]) -> Snapshot:
    stock: dict[str, StockFact] = {}
    orders: dict[str, OrderFact] = {}
    returns: dict[str, ReturnFact] = {}
    for facts in groups:
        for fact in facts:
            if isinstance(fact, StockFact):
                stock[fact.sku] = fact
            elif isinstance(fact, OrderFact):
                orders[fact.order_id] = fact
            else:
                returns[fact.return_id] = fact
    return Snapshot(taken_at=taken_at, stock=stock, orders=orders, returns=returns)


async def _open_session(
    name: str,
    config: AnchorConfig,
    *,
    read_only: bool,
    env: Mapping[str, str],
    base_dir: Path,
    stack: AsyncExitStack,
    redact: Callable[[str], str],
) -> AnchorSession:
    client = open_client(name, config, read_only=read_only, env=env)
    stack.push_async_callback(client.aclose)
    try:
        spec = await load_spec(config.spec, base_dir=base_dir, client=client.http)
        engine = await asyncio.to_thread(make_engine, spec, config.validator)
        findings = FindingLog(name, redact=redact)
        session = AnchorSession(name, config, spec, client, engine, findings)
        for kind, mapping in config.mappings().items():
            session.kinds[kind] = kind_reader(spec, kind, mapping, config)
    except AnchorConfigError as error:
        raise error.within(f"anchors.{name}") from None
    return session


@asynccontextmanager
async def open_anchors(
    anchors: Mapping[str, AnchorConfig],
    *,
    read_only: bool,
    env: Mapping[str, str],
    base_dir: Path,
    redact: Callable[[str], str] = str,
) -> AsyncIterator[Anchors]:
    """Open every anchor: credentials, documents and mappings are checked before any read.

    `read_only` (the `production` profile) makes each client refuse all but GET and HEAD;
    `base_dir` resolves relative `spec` paths (the configuration file's folder); `redact`
    cleans what an anchor echoes (refusals, contract findings) of the audit's secrets.
    """
    async with AsyncExitStack() as stack:
        sessions = {}
        for name, config in anchors.items():
            sessions[name] = await _open_session(
                name,
                config,
                read_only=read_only,
                env=env,
                base_dir=base_dir,
                stack=stack,
                redact=redact,
            )
        yield Anchors(sessions)
