"""What a team's own tests hold: the assistant and the anchors, sync or async, nothing else.

Both are thin: every call goes to the audit's own adapters and anchor clients on the runtime's
background loop, so a custom test asks exactly as the audit asks. `ask` / `read` block, for
plain tests and `@given`; `aask` / `aread` are awaitable from a test's own event loop.
"""

from __future__ import annotations

from auditor._adapters import Answer
from auditor._anchors import ContractFinding
from auditor._claims import Claim
from auditor._explore._model import Exploration
from auditor._explore._runtime import AuditRuntime
from auditor._facts import Fact


class AssistantFacade:
    def __init__(self, runtime: AuditRuntime) -> None:
        self._runtime = runtime

    @property
    def channels(self) -> list[str]:
        return self._runtime.channels

    def ask(
        self, question: str, *, customer: str | None = None, channel: str | None = None
    ) -> Answer:
        """The answer to one question, in a conversation of its own (first channel by default)."""
        return self._runtime.ask(question, customer=customer, channel=channel)

    async def aask(
        self, question: str, *, customer: str | None = None, channel: str | None = None
    ) -> Answer:
        return await self._runtime.ask_async(question, customer=customer, channel=channel)

    def check(
        self, question: str, *, customer: str | None = None, channel: str | None = None
    ) -> Exploration:
        """Ask and judge every claim of the answer against a fresh read of its subject."""
        return self._runtime.check(question, customer=customer, channel=channel)

    async def acheck(
        self, question: str, *, customer: str | None = None, channel: str | None = None
    ) -> Exploration:
        return await self._runtime.check_async(question, customer=customer, channel=channel)

    def claims(self, text: str) -> list[Claim]:
        """What a text claims, read as the audit reads answers (with the shop's item names)."""
        return self._runtime.session.extract(text)


class AnchorsFacade:
    def __init__(self, runtime: AuditRuntime) -> None:
        self._runtime = runtime

    def read(self, fact_kind: str, subject: str) -> Fact | None:
        """A fresh read of one fact (`stock`, `orders` or `returns`); None: it does not exist."""
        return self._runtime.read(fact_kind, subject)

    async def aread(self, fact_kind: str, subject: str) -> Fact | None:
        return await self._runtime.read_async(fact_kind, subject)

    @property
    def contract_findings(self) -> list[ContractFinding]:
        """Breaches of the anchors' OpenAPI documents seen so far in this session."""
        return self._runtime.session.anchors.contract_findings
