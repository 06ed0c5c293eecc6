"""The anchors of one audit: a streaming snapshot and fresh reads of single facts.

The snapshot reads every mapped fact kind of every anchor concurrently, each kind page by page,
so memory holds the facts and one page per kind, never the whole raw catalogue.

An anchor with no credentials of its own, for which the customers give theirs, is read per
customer: its orders and returns once with each customer's credentials (each record owned by
the customer who read it), its stock once, with the first customer's. The snapshot remembers
who read each record and under which order a nested record was listed, so that a fresh read of
it is made as its owner and under its parent: another customer's credentials would find
nothing, and nothing is not a truth to judge by.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import AsyncExitStack, asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal, overload

from auditor._anchors._client import AnchorClient, RetryRecord, open_client
from auditor._anchors._config import AnchorConfig, CustomerAuth, per_customer_anchors
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

    def __init__(
        self,
        sessions: Mapping[str, AnchorSession],
        customers: Mapping[str, Mapping[str, AnchorSession]] | None = None,
    ) -> None:
        self.sessions = dict(sessions)
        #: Anchor name -> customer id -> that customer's session (anchors read per customer).
        self.customers = {name: dict(by) for name, by in (customers or {}).items() if by}
        #: (kind, subject) -> the customer whose credentials read it in the last snapshot.
        self.owners: dict[tuple[str, str], str] = {}
        #: (kind, subject) -> the order a nested record was listed under.
        self.parents: dict[tuple[str, str], OrderFact] = {}

    def readers(self, session: AnchorSession, kind: str) -> list[AnchorSession]:
        """The sessions that read `kind` of this anchor: itself, or each customer's."""
        per = self.customers.get(session.name)
        if not per:
            return [session]
        if kind == "stock":
            return [next(iter(per.values()))]
        return list(per.values())

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

    async def collect(
        self, session: AnchorSession, kind: str, parents: list[OrderFact] | None = None
    ) -> list[Fact]:
        """Every fact of `kind` the anchor holds, read as each of its readers.

        A nested kind is read under `parents` (the anchor's orders, when already read), else
        under the orders each reader lists first."""
        facts: list[Fact] = []
        for reader in self.readers(session, kind):
            facts.extend(await self._collect_as(reader, kind, parents))
        return facts

    async def collect_all(self, session: AnchorSession) -> list[Fact]:
        """Every fact the anchor holds: its kinds concurrently, nested ones after their parents
        (whose list is then read once, not once more per nested kind)."""
        kinds = session.kinds
        flat = [k for k in kinds if kinds[k].mapping.parent is None]
        try:
            async with asyncio.TaskGroup() as group:
                tasks = {k: group.create_task(self.collect(session, k)) for k in flat}
        except BaseExceptionGroup as failed:
            raise first_error(failed) from None
        facts = [f for task in tasks.values() for f in task.result()]
        orders = [f for f in facts if isinstance(f, OrderFact)] if "orders" in tasks else None
        for kind in kinds:
            if kind not in tasks:
                facts.extend(await self.collect(session, kind, orders))
        return facts

    async def _collect_as(
        self, reader: AnchorSession, kind: str, parents: list[OrderFact] | None
    ) -> list[Fact]:
        facts: list[Fact] = []
        if reader.kinds[kind].mapping.parent is not None:
            if parents is None:
                mine = await reader.orders()
            else:
                mine = [p for p in parents if self._read_by(reader, "orders", p.order_id)]
            for parent in mine:
                async for page in reader.pages(kind, parent):
                    facts.extend(page)
                    for fact in page:
                        self.parents[(kind, fact.subject)] = parent
        else:
            async for page in reader.pages(kind):
                facts.extend(page)
        if reader.customer is not None and kind != "stock":
            for fact in facts:
                self.owners[(kind, fact.subject)] = reader.customer
        return facts

    def _read_by(self, reader: AnchorSession, kind: str, subject: str) -> bool:
        return reader.customer is None or self.owners.get((kind, subject)) == reader.customer

    async def snapshot(self) -> Snapshot:
        """Every mapped fact of every anchor; raises `AnchorUnreachable` if one cannot be read."""
        taken_at = datetime.now(UTC)
        self.owners.clear()
        self.parents.clear()
        try:
            async with asyncio.TaskGroup() as group:
                tasks = [group.create_task(self.collect_all(s)) for s in self.sessions.values()]
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
        """A fresh read of one fact from the first anchor mapping `kind`; None means 404.

        On an anchor read per customer, a record the snapshot saw is read as the customer who
        owned it then, under the order it was listed under; finding nothing there is an
        `AnchorError` ("could not re-read …"), never a truth. A record the snapshot did not
        see is sought as each customer in turn."""
        serving = self.serving(kind)
        if not serving:
            raise AnchorError(f"no anchor maps `{kind}` (known kinds: {', '.join(FACT_KINDS)})")
        session = serving[0]
        readers = self.readers(session, kind)
        parent = self.parents.get((kind, subject))
        if readers == [session]:
            return await session.read(kind, subject, parent)
        owner = self.owners.get((kind, subject))
        if owner is None:
            return await self._seek(readers, kind, subject)
        reader = self.customers[session.name].get(owner)
        if reader is None:  # pragma: no cover - owners come from these very sessions
            raise AnchorError(f"could not re-read {subject}: no credentials for customer {owner}")
        try:
            fact = await reader.read(kind, subject, parent)
        except AnchorUnreachable:
            raise
        except AnchorError as error:
            raise AnchorError(f"could not re-read {subject} as customer {owner}: {error}") from None
        if fact is None:
            raise AnchorError(
                f"could not re-read {subject} as customer {owner}: the shop no longer returns "
                "it to its owner"
            )
        return fact

    async def _seek(self, readers: list[AnchorSession], kind: str, subject: str) -> Fact | None:
        for reader in readers:
            fact = await reader.read(kind, subject)
            if fact is not None:
                return fact
        return None


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


def _customer_sessions(
    session: AnchorSession,
    customers: CustomerAuth,
    *,
    read_only: bool,
    env: Mapping[str, str],
    stack: AsyncExitStack,
) -> dict[str, AnchorSession]:
    """One session per customer, each with that customer's client; calls and retries are
    counted together with the anchor's own, for the dependency map."""
    found = {}
    for customer, by_anchor in customers.items():
        auth = by_anchor.get(session.name)
        if auth is None:
            raise AnchorError(
                f"anchor `{session.name}` is read per customer, but customer {customer} "
                "has no credentials for it"
            )
        config = session.config.model_copy(update={"auth": auth})
        label = f"{session.name}` as customer `{customer}"
        client: AnchorClient = open_client(label, config, read_only=read_only, env=env)
        client.stats, client.retries = session.client.stats, session.client.retries
        stack.push_async_callback(client.aclose)
        found[customer] = session.as_customer(customer, client)
    return found


def _check_owners(name: str, config: AnchorConfig, per_customer: bool) -> None:
    for path, reason in config.owner_problems(per_customer=per_customer):
        raise AnchorError(f"anchor `{name}`: {path}: {reason}")


@asynccontextmanager
async def open_anchors(
    anchors: Mapping[str, AnchorConfig],
    *,
    read_only: bool,
    env: Mapping[str, str],
    base_dir: Path,
    customers: CustomerAuth | None = None,
    redact: Callable[[str], str] = str,
) -> AsyncIterator[Anchors]:
    """Open every anchor: credentials, documents and mappings are checked before any read.

    `read_only` (the `production` profile) makes each client refuse all but GET and HEAD;
    `base_dir` resolves relative `spec` paths (the configuration file's folder); `customers`
    gives each test customer's credentials per anchor (see `per_customer_anchors`); `redact`
    cleans what an anchor echoes (refusals, contract findings) of the audit's secrets.
    """
    customers = customers or {}
    per_customer = per_customer_anchors(anchors, customers)
    async with AsyncExitStack() as stack:
        sessions = {}
        by_customer = {}
        for name, config in anchors.items():
            _check_owners(name, config, name in per_customer)
            sessions[name] = session = await _open_session(
                name,
                config,
                read_only=read_only,
                env=env,
                base_dir=base_dir,
                stack=stack,
                redact=redact,
            )
            if name in per_customer:
                by_customer[name] = _customer_sessions(
                    session, customers, read_only=read_only, env=env, stack=stack
                )
        yield Anchors(sessions, by_customer)
