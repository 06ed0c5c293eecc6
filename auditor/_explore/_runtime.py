"""An exploration session for synchronous callers: opened on a background loop, used by the
pytest plugin's fixtures and probe items.

Probe items are judged by the runner's own `ProbeJudge`, so a probe collected as a test gets the
verdict it would get in `auditor run`, truth window included.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import AsyncExitStack
from datetime import datetime
from pathlib import Path

from auditor._adapters import Answer
from auditor._claims import Claim
from auditor._config import AuditConfig
from auditor._explore._loop import LoopThread
from auditor._explore._model import Exploration
from auditor._explore._session import ExploreSession, open_session
from auditor._facts import Fact, Snapshot
from auditor._probes import Probe, load_suites
from auditor._results import ProbeResult
from auditor._runner import ProbeJudge, RunSettings


class AuditRuntime:
    """Anchors, snapshot and assistants of one audit, open until `close()`."""

    def __init__(self, config: AuditConfig, *, env: Mapping[str, str], base_dir: Path) -> None:
        self.config = config
        self.base_dir = base_dir
        self._loop = LoopThread("auditor-pytest")
        self._stack = AsyncExitStack()
        self._judge: ProbeJudge | None = None
        try:
            self.session: ExploreSession = self._loop.run(
                self._stack.enter_async_context(open_session(config, env=env, base_dir=base_dir))
            )
        except BaseException:
            self._loop.close()
            raise

    @property
    def snapshot(self) -> Snapshot:
        return self.session.snapshot

    @property
    def channels(self) -> list[str]:
        return self.session.channels

    def plan(self) -> list[Probe]:
        """The audit's plan, exactly as `auditor run` would draw it from this snapshot."""
        from auditor._audit import plan_for

        probes = self.config.probes
        suites = load_suites(probes.suites, [self.base_dir / f for f in probes.files])
        return plan_for(self.config, self.snapshot, suites, self.channels)

    def _settings(self) -> RunSettings:
        audit = self.config.audit
        return RunSettings(
            concurrency=1,
            timeout_s=audit.timeout_s,
            rate_limit=audit.rate_limit,
            retries=audit.retries,
        )

    def run_probe(self, probe: Probe) -> ProbeResult:
        if self._judge is None:
            session = self.session
            self._judge = ProbeJudge(
                session.snapshot,
                session.anchors,
                session.assistants,
                self._extract,
                self._settings(),
            )
        return self._loop.run(self._judge.run(probe))

    def _extract(self, text: str, now: datetime) -> list[Claim]:
        return self.session.extract(text, now)

    def ask(self, question: str, *, customer: str | None, channel: str | None) -> Answer:
        return self._loop.run(self.session.answer(question, customer=customer, channel=channel))

    async def ask_async(
        self, question: str, *, customer: str | None, channel: str | None
    ) -> Answer:
        return await self._loop.run_async(
            self.session.answer(question, customer=customer, channel=channel)
        )

    def check(self, question: str, *, customer: str | None, channel: str | None) -> Exploration:
        return self._loop.run(self.session.ask(question, customer=customer, channel=channel))

    async def check_async(
        self, question: str, *, customer: str | None, channel: str | None
    ) -> Exploration:
        return await self._loop.run_async(
            self.session.ask(question, customer=customer, channel=channel)
        )

    def read(self, fact_kind: str, subject: str) -> Fact | None:
        return self._loop.run(self.session.anchors.read(fact_kind, subject))

    async def read_async(self, fact_kind: str, subject: str) -> Fact | None:
        return await self._loop.run_async(self.session.anchors.read(fact_kind, subject))

    def close(self) -> None:
        if self._loop.running:
            try:
                self._loop.run(self._stack.aclose(), timeout=30)
            finally:
                self._loop.close()
