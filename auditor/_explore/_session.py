"""An exploration session: the audit's anchors and assistants opened once, one question at a time.

The snapshot is read once, at the start, and serves only to recognise names and ids in
questions; the truth shown beside an answer is always read fresh, after the answer, so that
what the developer sees is what the anchor says now.
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from auditor._adapters import (
    ADAPTERS,
    MAX_BACKOFF_S,
    AdapterError,
    AdapterSettings,
    Answer,
    Assistant,
    Conversation,
)
from auditor._adapters._redacting import RedactingAssistant
from auditor._anchors import AnchorError, Anchors, AnchorUnreachable, open_anchors
from auditor._claims import Claim, ExtractionContext, extract
from auditor._claims._records import shop_records
from auditor._config import AuditConfig
from auditor._customers import customer_auth, identities
from auditor._explore._model import Exploration, Truth
from auditor._explore._subjects import NameIndex
from auditor._explore._verdicts import check_claims, truth_keys
from auditor._facts import Snapshot
from auditor._redact import Redactor


class SessionError(Exception):
    """The session cannot start or a question cannot be asked.

    `unreachable` separates "the shop or the assistant did not answer" (exit code 3) from
    "this configuration cannot work" (exit code 2).
    """

    def __init__(self, message: str, *, unreachable: bool) -> None:
        super().__init__(message)
        self.unreachable = unreachable


@dataclass(slots=True)
class ExploreSession:
    config: AuditConfig
    anchors: Anchors
    assistants: Mapping[str, Assistant]
    snapshot: Snapshot
    index: NameIndex
    context: ExtractionContext
    #: Distinguishes this session's conversations from any other's at the assistant.
    tag: str = field(default_factory=lambda: secrets.token_hex(3))
    _asked: int = 0

    @property
    def channels(self) -> list[str]:
        return list(self.assistants)

    @property
    def customers(self) -> list[str]:
        """Customers the snapshot knows, for `:as` and for drawing strangers."""
        owners = {f.customer_id for f in self.snapshot.orders.values()}
        owners |= {f.customer_id for f in self.snapshot.returns.values()}
        return sorted(owners)

    def extract(self, text: str, now: datetime | None = None) -> list[Claim]:
        return extract(text, context=self.context.at(now or datetime.now(UTC)))

    async def answer(
        self, question: str, *, customer: str | None = None, channel: str | None = None
    ) -> Answer:
        """The assistant's answer on one channel, in a conversation of its own."""
        name = channel or self.channels[0]
        assistant = self.assistants.get(name)
        if assistant is None:
            raise SessionError(
                f"no channel {name!r}; configured: {', '.join(self.channels)}", unreachable=False
            )
        self._asked += 1
        conversation = Conversation(
            turns=(question,), customer_id=customer, session_id=f"explore-{self.tag}-{self._asked}"
        )
        audit = self.config.audit
        budget = audit.timeout_s * (audit.retries + 1) + MAX_BACKOFF_S * audit.retries + 1.0
        try:
            async with asyncio.timeout(budget):
                return await assistant.ask(conversation)
        except TimeoutError:
            raise SessionError(
                f"channel {name}: no answer within {budget:g} s", unreachable=True
            ) from None
        except AdapterError as error:
            raise SessionError(f"channel {name}: {error}", unreachable=True) from None

    async def ask(
        self, question: str, *, customer: str | None = None, channel: str | None = None
    ) -> Exploration:
        """Ask, read the claims, read each subject's truth fresh, and judge every claim."""
        name = channel or self.channels[0]
        subjects = self.index.find(question)
        answer = await self.answer(question, customer=customer, channel=name)
        asked_at = datetime.now(UTC)
        claims = self.extract(answer.text, asked_at)
        keys = truth_keys(claims, subjects, self.snapshot, self.index)
        truths = {t.key: t for t in await self.read_truths(keys)}
        checks = check_claims(
            claims,
            subjects=subjects,
            truths=truths,
            snapshot=self.snapshot,
            index=self.index,
            customer=customer,
        )
        return Exploration(
            question=question,
            channel=name,
            customer=customer,
            answer=answer.text,
            latency_ms=answer.latency_ms,
            asked_at=asked_at,
            subjects=tuple(subjects),
            claims=tuple(claims),
            truths=tuple(truths.values()),
            checks=checks,
        )

    async def read_truths(self, keys: Sequence[tuple[str, str]]) -> list[Truth]:
        return list(await asyncio.gather(*(self.read_truth(kind, s) for kind, s in keys)))

    async def read_truth(self, fact_kind: str, subject: str) -> Truth:
        """A fresh read; an anchor that fails gives a truth with an error, not an exception."""
        if not self.anchors.serving(fact_kind):
            return Truth(fact_kind, subject, None, datetime.now(UTC), f"no anchor maps {fact_kind}")
        try:
            async with asyncio.timeout(self.config.audit.timeout_s):
                fact = await self.anchors.read(fact_kind, subject)
        except (AnchorError, TimeoutError) as error:
            return Truth(fact_kind, subject, None, datetime.now(UTC), str(error) or "timed out")
        return Truth(fact_kind, subject, fact, datetime.now(UTC))


async def _open_anchors(
    config: AuditConfig, env: Mapping[str, str], base_dir: Path, stack: AsyncExitStack
) -> tuple[Anchors, Snapshot]:
    try:
        anchors = await stack.enter_async_context(
            open_anchors(
                config.anchors,
                read_only=config.audit.profile == "production",
                env=env,
                base_dir=base_dir,
                customers=customer_auth(config.customers),
                redact=Redactor.from_config(config, env).text,
            )
        )
        return anchors, await anchors.snapshot()
    except AnchorUnreachable as error:
        raise SessionError(f"anchors: {error}", unreachable=True) from None
    except AnchorError as error:
        raise SessionError(f"anchors: {error}", unreachable=False) from None


def _open_assistants(
    config: AuditConfig, env: Mapping[str, str], stack: AsyncExitStack
) -> dict[str, Assistant]:
    audit = config.audit
    settings = AdapterSettings(
        timeout_s=audit.timeout_s,
        retries=audit.retries,
        max_answer_bytes=audit.max_answer_bytes,
        max_connections=audit.concurrency,
        env=env,
        identities=identities(config.customers),
    )
    redactor = Redactor.from_config(config, env)
    assistants: dict[str, Assistant] = {}
    for entry in config.assistant:
        try:
            assistant: Assistant = ADAPTERS.get(entry.kind)(entry, settings)
        except AdapterError as error:
            message = f"assistant {entry.name}: {redactor.text(str(error))}"
            raise SessionError(message, unreachable=False) from None
        stack.push_async_callback(assistant.aclose)
        assistants[entry.name] = RedactingAssistant(assistant, redactor.text)
    return assistants


@asynccontextmanager
async def open_session(
    config: AuditConfig, *, env: Mapping[str, str], base_dir: Path
) -> AsyncIterator[ExploreSession]:
    """Open the anchors, take the snapshot, open every channel; raises `SessionError`."""
    async with AsyncExitStack() as stack:
        anchors, snapshot = await _open_anchors(config, env, base_dir, stack)
        assistants = _open_assistants(config, env, stack)
        items = {sku: fact.name for sku, fact in snapshot.stock.items()}
        yield ExploreSession(
            config,
            anchors,
            assistants,
            snapshot,
            NameIndex(snapshot),
            ExtractionContext(
                items=items,
                vocabulary=config.extraction_vocabulary(),
                records=shop_records(snapshot.orders, snapshot.returns),
            ),
        )
