"""One lag scenario: ask, change the truth, confirm it changed, ask until the answer shows it.

1. Re-read the subject: it must still qualify (e.g. still in stock), else the scenario is
   skipped.
2. Ask the question once before the change. This is the baseline, and like a real customer's
   question it primes whatever cache the assistant keeps.
3. Run the action, then read the anchor until it shows the change; t0 is the moment of the
   first read that shows it (the fact's `read_at`).
4. If the baseline answer already agreed with the changed truth, the scenario cannot tell
   anything (`inconclusive`). Otherwise ask again at once and then with growing waits, capped at
   `max_interval_s`, until an answer agrees with the new truth (lag = its arrival - t0) or the
   deadline passes (`not_reflected`). The lag is measured to within the cap plus one answer's
   latency; `lag_after_s` records the last answer that still missed the change.
5. Run the scenario's `restore` action, whatever happened after the change.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from auditor._anchors._jsonpath import JsonPath
from auditor._claims import Claim
from auditor._facts import Fact
from auditor._lag._actions import ActionEnv, ActionError, HookCall, Phase, perform
from auditor._lag._config import Action, LagSection, ScenarioConfig
from auditor._lag._kinds import Evidence, LagKind, Subject, reflects
from auditor._lag._records import LagRecord, LagStatus
from auditor._lag._template import TemplateError, fill_text

#: `ask(question, customer_id, session_id)` → the answer's text; raises on failure.
Ask = Callable[[str, str | None, str], Awaitable[str]]
#: `extract(text, now)` → claims, as the audit extracts them.
Extractor = Callable[[str, datetime], list[Claim]]

_CONFIRM_FIRST_WAIT_S = 0.05
_CONFIRM_MAX_WAIT_S = 0.5
_GROWTH = 1.5


class TruthReader(Protocol):
    async def read(self, fact_kind: str, subject: str) -> Fact | None: ...


@dataclass(frozen=True, slots=True)
class Planned:
    """A scenario with its subject chosen (None when none was found, with the reason)."""

    name: str
    config: ScenarioConfig
    kind: LagKind
    subject: Subject | None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class ScenarioEnv:
    """What every scenario of one lag phase shares."""

    ask: Ask
    extractor: Extractor
    truth: TruthReader
    actions: ActionEnv
    lag: LagSection
    channel: str | None
    session_tag: str


class _Stop(Exception):
    def __init__(self, status: LagStatus, reason: str) -> None:
        super().__init__(reason)
        self.status: LagStatus = status
        self.reason = reason


def _now() -> datetime:
    return datetime.now(UTC)


def _say(error: BaseException) -> str:
    return str(error) or type(error).__name__


@dataclass(slots=True)
class _Run:
    planned: Planned
    subject: Subject
    env: ScenarioEnv
    started: datetime = field(default_factory=_now)
    question: str | None = None
    baseline: str | None = None
    changed: str | None = None
    changed_at: datetime | None = None
    answer: str | None = None
    evidence: Evidence | None = None
    reflected_at: datetime | None = None
    lag_s: float | None = None
    lag_after_s: float | None = None
    polls: int = 0
    ask_errors: int = 0
    restored: bool | None = None

    @property
    def deadline_s(self) -> float:
        return self.planned.config.deadline_s or self.env.lag.deadline_s

    @property
    def kind(self) -> LagKind:
        return self.planned.kind

    async def measure(self) -> LagRecord:
        try:
            await self._prepare()
            body = await self._act(self.planned.config.action, "change")
        except _Stop as stop:
            return self.record(stop.status, stop.reason)
        try:
            status, reason = await self._observe(body)
        except _Stop as stop:
            status, reason = stop.status, stop.reason
        await self._restore()
        return self.record(status, reason)

    async def _prepare(self) -> None:
        try:
            self.question = fill_text(
                self.planned.config.question or self.kind.question,
                self.subject.variables,
                self.env.actions.env,
            )
        except TemplateError as error:
            raise _Stop("error", f"question: {error}") from None
        fresh = await self._read(self.kind.fact_kind, self.subject.id)
        if not self.kind.qualifies(fresh):
            raise _Stop("skipped", f"{self.subject.id} no longer qualifies for {self.kind.name}")
        try:
            self.baseline = await self._ask()
        except Exception as error:  # any adapter failure: nothing has been changed yet
            raise _Stop(
                "error", f"the assistant could not be asked before the change: {_say(error)}"
            ) from None

    async def _act(self, action: Action, phase: Phase) -> Any:
        variables = {**self.subject.variables, "changed_subject": self.changed}
        call = HookCall(self.planned.name, self.kind.name, phase, variables, self.env.actions.env)
        try:
            return await perform(action, self.env.actions, call)
        except ActionError as error:
            raise _Stop("error", f"{phase} action failed: {error}") from None

    async def _observe(self, body: Any) -> tuple[LagStatus, str]:
        self.changed = self._changed_subject(body)
        truth, t0 = await self._confirm(self.changed)
        self.changed_at = t0
        if self.baseline is not None and self._reflects(self.baseline, truth):
            return "inconclusive", "the answer before the change already agreed with the change"
        return await self._poll(truth, t0)

    def _changed_subject(self, body: Any) -> str:
        path = self.planned.config.subject_path
        if path is None and not self.kind.creates:
            return self.subject.id
        found = body if isinstance(body, str) and path is None else None
        if path is not None:
            found = JsonPath.compile(path).first(body)
        if not isinstance(found, str | int) or not str(found):
            where = path or "the hook's return value"
            raise _Stop("error", f"the action's answer holds no subject id at {where}")
        return str(found)

    async def _confirm(self, subject: str) -> tuple[Fact | None, datetime]:
        """Read the anchor until it shows the change; t0 is that read's time."""
        wait = _CONFIRM_FIRST_WAIT_S
        give_up = time.monotonic() + self.env.lag.confirm_timeout_s
        while True:
            fact = await self._read(self.kind.changed_kind, subject)
            if self.kind.shows(fact):
                return fact, fact.read_at if fact is not None else _now()
            if time.monotonic() >= give_up:
                raise _Stop(
                    "inconclusive",
                    f"the anchor did not show the change to {subject} "
                    f"within {self.env.lag.confirm_timeout_s:g} s",
                )
            await asyncio.sleep(wait)
            wait = min(wait * 2, _CONFIRM_MAX_WAIT_S)

    async def _poll(self, truth: Fact | None, t0: datetime) -> tuple[LagStatus, str]:
        elapsed = (_now() - t0).total_seconds()
        give_up = time.monotonic() + self.deadline_s - elapsed
        wait = self.env.lag.first_interval_s
        while True:
            text = await self._poll_once()
            arrived = _now()
            if text is not None and self._reflects(text, truth):
                self.reflected_at = arrived
                self.lag_s = (arrived - t0).total_seconds()
                return "reflected", ""
            if text is not None:
                self.lag_after_s = (arrived - t0).total_seconds()
            left = give_up - time.monotonic()
            if left <= 0:
                return "not_reflected", (
                    f"no answer showed the change within {self.deadline_s:g} s ({self.polls} asked)"
                )
            await asyncio.sleep(min(wait, left))
            wait = min(wait * _GROWTH, self.env.lag.max_interval_s)

    async def _poll_once(self) -> str | None:
        try:
            text = await self._ask()
        except Exception:  # a failed ask is counted; the next one may succeed
            self.ask_errors += 1
            return None
        self.answer = text
        return text

    def _reflects(self, text: str, truth: Fact | None) -> bool:
        assert self.changed is not None
        claims = self.env.extractor(text, _now())
        evidence = reflects(self.kind, claims, text, self.changed, truth)
        if evidence is not None:
            self.evidence = evidence
        return evidence is not None

    async def _ask(self) -> str:
        assert self.question is not None
        self.polls += 1
        session = f"lag-{self.env.session_tag}-{self.planned.name}-{self.polls}"
        return await self.env.ask(self.question, self.subject.customer_id, session)

    async def _read(self, fact_kind: str, subject: str) -> Fact | None:
        try:
            return await self.env.truth.read(fact_kind, subject)
        except Exception as error:  # an anchor failure ends this scenario, not the phase
            raise _Stop("error", f"the anchor could not be read: {_say(error)}") from None

    async def _restore(self) -> None:
        action = self.planned.config.restore
        if action is None:
            return
        try:
            await self._act(action, "restore")
        except _Stop:
            self.restored = False
        else:
            self.restored = True

    def record(self, status: LagStatus, reason: str) -> LagRecord:
        return LagRecord(
            scenario=self.planned.name,
            kind=self.kind.name,
            status=status,
            reason=reason,
            subject=self.subject.id,
            changed_subject=self.changed if self.changed != self.subject.id else None,
            channel=self.env.channel,
            customer_id=self.subject.customer_id,
            question=self.question,
            baseline_answer=self.baseline,
            answer=self.answer,
            evidence=self.evidence,
            changed_at=self.changed_at,
            reflected_at=self.reflected_at,
            lag_s=self.lag_s,
            lag_after_s=self.lag_after_s,
            polls=self.polls,
            ask_errors=self.ask_errors,
            deadline_s=self.deadline_s,
            restored=self.restored,
            started_at=self.started,
            finished_at=_now(),
        )


async def run_scenario(planned: Planned, env: ScenarioEnv) -> LagRecord:
    """Measure one scenario; every outcome, failures included, is one record."""
    if planned.subject is None:
        now = _now()
        return LagRecord(
            scenario=planned.name,
            kind=planned.kind.name,
            status="skipped",
            reason=planned.reason,
            channel=env.channel,
            deadline_s=planned.config.deadline_s or env.lag.deadline_s,
            started_at=now,
            finished_at=now,
        )
    run = _Run(planned, planned.subject, env)
    try:
        return await run.measure()
    except Exception as error:  # a bug on one scenario must not end the phase
        return run.record("error", f"auditor failed: {type(error).__name__}: {error}")
