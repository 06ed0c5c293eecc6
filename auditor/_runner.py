"""The runner: asks the assistant every planned probe, concurrently and politely, and judges.

Every probe ends as exactly one `ProbeResult`, emitted as an event; a failure of the assistant
or of a truth read becomes an `error` verdict with its reason, never an exception out of here.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from auditor._adapters import AdapterError, Answer, Assistant, Conversation
from auditor._claims import Claim
from auditor._events import EventBus, ProbeFinished, ProbeStarted
from auditor._facts import Fact, Snapshot
from auditor._judge import Judgement, first_look, judge
from auditor._probes import PROBE_KINDS, Probe
from auditor._results import ClaimRecord, ProbeResult, TruthRecord, fact_to_json
from auditor._verdict import Verdict

#: `extract(text, now)` → claims; the audit binds the shop's vocabulary and catalogue names.
Extractor = Callable[[str, datetime], list[Claim]]


class TruthSource(Protocol):
    """The anchors as the runner needs them: a snapshot and fresh reads of one fact."""

    async def read(self, fact_kind: str, subject: str) -> Fact | None: ...


@dataclass(frozen=True, slots=True)
class RunSettings:
    concurrency: int = 8
    timeout_s: float = 30.0
    #: Requests per second to the assistant across all workers; None for no limit.
    rate_limit: float | None = None
    deadline_s: float | None = None
    #: The snapshot serves as the truth before a question while younger than this.
    truth_fresh_s: float = 300.0


class RateLimiter:
    """Spaces request starts evenly; no bursts, since the target may be production."""

    def __init__(self, per_second: float | None) -> None:
        self._interval = 0.0 if per_second is None else 1.0 / per_second
        self._next = 0.0
        self._lock = asyncio.Lock()

    async def wait(self) -> None:
        if not self._interval:
            return
        async with self._lock:
            now = time.monotonic()
            delay = self._next - now
            self._next = max(now, self._next) + self._interval
        if delay > 0:
            await asyncio.sleep(delay)


def _now() -> datetime:
    return datetime.now(UTC)


class _Judge:
    """One probe from question to verdict; holds what every probe of a run shares."""

    def __init__(
        self,
        snapshot: Snapshot,
        truth: TruthSource,
        assistants: Mapping[str, Assistant],
        extractor: Extractor,
        settings: RunSettings,
        limiter: RateLimiter,
    ) -> None:
        self.snapshot = snapshot
        self.truth = truth
        self.assistants = assistants
        self.extractor = extractor
        self.settings = settings
        self.limiter = limiter
        self.default_channel = next(iter(assistants))

    async def before(self, probe: Probe) -> tuple[Fact | None, TruthRecord]:
        age = (_now() - self.snapshot.taken_at).total_seconds()
        if age <= self.settings.truth_fresh_s:
            table: Mapping[str, Fact] = getattr(self.snapshot, probe.fact_kind)
            fact = table.get(probe.subject)
            read_at = fact.read_at if fact is not None else self.snapshot.taken_at
            return fact, _truth(fact, read_at, "snapshot")
        fact = await self.truth.read(probe.fact_kind, probe.subject)
        return fact, _truth(fact, _now(), "read")

    async def ask(self, probe: Probe) -> Answer:
        assistant = self.assistants[probe.channel or self.default_channel]
        conversation = Conversation(probe.turns, probe.customer_id, f"audit-{probe.id}")
        await self.limiter.wait()
        budget = self.settings.timeout_s * len(probe.turns) * 1.5
        try:
            async with asyncio.timeout(budget):
                return await assistant.ask(conversation)
        except TimeoutError:
            raise AdapterError(f"no complete answer within {budget:.0f} s") from None

    async def run(self, probe: Probe) -> ProbeResult:
        started = _now()
        try:
            before, before_record = await self.before(probe)
        except Exception as error:
            return _error(probe, started, f"truth unavailable before asking: {error}")
        try:
            answer = await self.ask(probe)
        except AdapterError as error:
            return _error(probe, started, str(error), truth_before=before_record)
        claims = self.extractor(answer.text, _now())
        kind = PROBE_KINDS[probe.kind]
        verdict = first_look(kind, probe, claims, before)
        after_record = None
        if verdict is None:
            try:
                after = await self.truth.read(probe.fact_kind, probe.subject)
            except Exception as error:
                return _error(probe, started, f"truth unavailable after answer: {error}",
                              truth_before=before_record, answer=answer)
            after_record = _truth(after, _now(), "read")
            verdict = judge(kind, probe, claims, before, after)
        return _result(probe, started, answer, claims, verdict, before_record, after_record)


def _truth(fact: Fact | None, read_at: datetime, source: str) -> TruthRecord:
    return TruthRecord.model_validate(
        {"fact": None if fact is None else fact_to_json(fact), "read_at": read_at,
         "source": source}
    )


def _error(
    probe: Probe,
    started: datetime,
    reason: str,
    *,
    truth_before: TruthRecord | None = None,
    answer: Answer | None = None,
) -> ProbeResult:
    return ProbeResult(
        probe=probe.to_json(),
        verdict=Verdict.ERROR,
        reason=reason,
        answer=None if answer is None else answer.text,
        truth_before=truth_before,
        latency_ms=None if answer is None else answer.latency_ms,
        attempts=0 if answer is None else answer.attempts,
        started_at=started,
        finished_at=_now(),
    )


def _result(
    probe: Probe,
    started: datetime,
    answer: Answer,
    claims: Sequence[Claim],
    judgement: Judgement,
    before: TruthRecord,
    after: TruthRecord | None,
) -> ProbeResult:
    judged_ids = {id(c) for c in judgement.judged}
    return ProbeResult(
        probe=probe.to_json(),
        verdict=judgement.verdict,
        reason=judgement.reason,
        answer=answer.text,
        turn_answers=list(answer.turns) if len(answer.turns) > 1 else [],
        claims=[ClaimRecord.of(c) for c in claims],
        judged=[i for i, c in enumerate(claims) if id(c) in judged_ids],
        accepted=list(judgement.accepted),
        truth_before=before,
        truth_after=after,
        latency_ms=answer.latency_ms,
        ttft_ms=answer.ttft_ms,
        attempts=answer.attempts,
        started_at=started,
        finished_at=_now(),
    )


async def run_probes(
    probes: Iterable[Probe],
    *,
    snapshot: Snapshot,
    truth: TruthSource,
    assistants: Mapping[str, Assistant],
    extractor: Extractor,
    settings: RunSettings,
    bus: EventBus,
) -> bool:
    """Run every probe; returns False when the deadline cut the run short.

    Probes not finished by the deadline still get a result (`error`, "deadline"), so that the
    report accounts for every planned probe.
    """
    judge_one = _Judge(snapshot, truth, assistants, extractor, settings, RateLimiter(
        settings.rate_limit))
    pending = list(probes)
    queue: asyncio.Queue[Probe] = asyncio.Queue()
    for probe in pending:
        queue.put_nowait(probe)
    finished: set[str] = set()

    async def worker() -> None:
        while True:
            try:
                probe = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            bus.emit(ProbeStarted(probe))
            result = await judge_one.run(probe)
            finished.add(probe.id)
            bus.emit(ProbeFinished(result))

    workers = max(1, min(settings.concurrency, len(pending)))
    try:
        async with asyncio.timeout(settings.deadline_s):
            await asyncio.gather(*(worker() for _ in range(workers)))
    except TimeoutError:
        started = _now()
        for probe in pending:
            if probe.id not in finished:
                bus.emit(ProbeFinished(_error(probe, started, "audit deadline passed")))
        return False
    return True
