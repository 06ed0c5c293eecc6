"""The runner: asks the assistant every planned probe, concurrently and politely, and judges.

Every probe ends as exactly one `ProbeResult`, emitted as a `ProbeFinished` event; a failure of
the assistant, of a truth read or of the auditor itself on one probe becomes an `error` verdict
with its reason, never an exception out of here and never a hang:

* `concurrency` workers share one iterator of probes, so memory does not grow with the plan;
* each request is bounded by the adapters (`AdapterSettings.timeout_s`, retries, size caps),
  and each probe again here, as a safety net, by the worst case those limits allow;
* `deadline_s` bounds the whole run: probes not finished by then get an `error` result saying
  so (`DEADLINE_REASON`), and `auditor run --resume` asks them again.

Cancellation (Ctrl-C) is not a failure: it propagates at once, and probes in flight have no
result, so that a resumed run asks them again.
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from auditor._adapters import (
    MAX_BACKOFF_S,
    AdapterError,
    Answer,
    Assistant,
    Conversation,
    RateLimiter,
)
from auditor._claims import Claim
from auditor._events import EventBus, ProbeFinished, ProbeStarted
from auditor._facts import Fact, Snapshot
from auditor._judge import Judgement, first_look, judge
from auditor._probes import PROBE_KINDS, Probe
from auditor._results import (
    DEADLINE_REASON,
    ClaimRecord,
    ProbeResult,
    TruthRecord,
    fact_to_json,
)
from auditor._verdict import Verdict

__all__ = [
    "DEADLINE_REASON",
    "Extractor",
    "ProbeJudge",
    "RateLimiter",
    "RunSettings",
    "TruthSource",
    "run_probes",
]

#: `extract(text, now)` → claims; the audit binds the shop's vocabulary and catalogue names.
Extractor = Callable[[str, datetime], list[Claim]]


class TruthSource(Protocol):
    """The anchors as the runner needs them: fresh reads of one fact."""

    async def read(self, fact_kind: str, subject: str) -> Fact | None: ...


@dataclass(frozen=True, slots=True)
class RunSettings:
    concurrency: int = 8
    #: The adapters' per-request timeout; with `retries`, bounds one probe here too.
    timeout_s: float = 30.0
    #: Requests per second to the assistant across all workers and channels (every turn and
    #: every retry counts); None for no limit.
    rate_limit: float | None = None
    retries: int = 2
    deadline_s: float | None = None
    #: The snapshot serves as the truth before a question while younger than this.
    truth_fresh_s: float = 300.0

    def probe_budget_s(self, turns: int) -> float:
        """The longest the adapters' own limits let a probe take; never reached by them."""
        per_turn = self.timeout_s * (self.retries + 1) + MAX_BACKOFF_S * self.retries
        return max(turns, 1) * per_turn + 1.0


def _now() -> datetime:
    return datetime.now(UTC)


class ProbeJudge:
    """One probe from question to verdict; holds what every probe of a run shares.

    `run` may be called concurrently. `limiter` paces every request the adapters make for
    this judge's probes; without one, a limiter is made from `settings.rate_limit`.
    """

    def __init__(
        self,
        snapshot: Snapshot,
        truth: TruthSource,
        assistants: Mapping[str, Assistant],
        extractor: Extractor,
        settings: RunSettings,
        limiter: RateLimiter | None = None,
    ) -> None:
        if not assistants:
            raise ValueError("a probe judge needs at least one assistant")
        self.snapshot = snapshot
        self.truth = truth
        self.assistants = assistants
        self.extractor = extractor
        self.settings = settings
        self.limiter = limiter if limiter is not None else RateLimiter(settings.rate_limit)
        self.default_channel = next(iter(assistants))
        #: Sessions are new for every run, so a resumed probe never meets an old conversation.
        self.session_tag = secrets.token_hex(3)
        #: Snapshot facts are immutable, so their records are built once per subject.
        self._snapshot_truth: dict[tuple[str, str], tuple[Fact | None, TruthRecord]] = {}

    async def run(self, probe: Probe) -> ProbeResult:
        started = _now()
        try:
            return await self._run(probe, started)
        except Exception as error:  # a bug on one probe must not end the audit
            return _error(probe, started, f"auditor failed: {type(error).__name__}: {error}")

    async def _run(self, probe: Probe, started: datetime) -> ProbeResult:
        if probe.kind not in PROBE_KINDS:
            return _error(probe, started, f"unknown probe kind {probe.kind!r}")
        kind = PROBE_KINDS[probe.kind]
        try:
            before, before_record = await self._before(probe)
        except Exception as error:
            return _error(probe, started, f"truth unavailable before asking: {_say(error)}")
        try:
            answer = await self._ask(probe)
        except AdapterError as error:
            return _error(
                probe, started, str(error), truth_before=before_record, attempts=error.attempts
            )
        claims = self.extractor(answer.text, _now())
        verdict = first_look(kind, probe, claims, before)
        after_record = None
        if verdict is None:
            try:
                after = await self._read(probe)
            except Exception as error:
                return _error(
                    probe,
                    started,
                    f"truth unavailable after the answer: {_say(error)}",
                    truth_before=before_record,
                    answer=answer,
                )
            after_record = _truth(after, _now(), "read")
            verdict = judge(kind, probe, claims, before, after)
        return _result(probe, started, answer, claims, verdict, before_record, after_record)

    async def _before(self, probe: Probe) -> tuple[Fact | None, TruthRecord]:
        age = (_now() - self.snapshot.taken_at).total_seconds()
        if age > self.settings.truth_fresh_s:
            fact = await self._read(probe)
            return fact, _truth(fact, _now(), "read")
        key = (probe.fact_kind, probe.subject)
        known = self._snapshot_truth.get(key)
        if known is None:
            table: Mapping[str, Fact] = getattr(self.snapshot, probe.fact_kind)
            fact = table.get(probe.subject)
            read_at = fact.read_at if fact is not None else self.snapshot.taken_at
            known = self._snapshot_truth[key] = (fact, _truth(fact, read_at, "snapshot"))
        return known

    async def _read(self, probe: Probe) -> Fact | None:
        async with asyncio.timeout(self.settings.timeout_s):
            return await self.truth.read(probe.fact_kind, probe.subject)

    async def _ask(self, probe: Probe) -> Answer:
        channel = probe.channel or self.default_channel
        assistant = self.assistants.get(channel)
        if assistant is None:
            configured = ", ".join(self.assistants)
            raise AdapterError(f"no assistant on channel {channel!r} (configured: {configured})")
        session = f"audit-{probe.id}-{self.session_tag}"
        conversation = Conversation(probe.turns, probe.customer_id, session, self.limiter.wait)
        budget = self.settings.probe_budget_s(len(probe.turns))
        try:
            async with asyncio.timeout(budget):
                return await assistant.ask(conversation)
        except TimeoutError:
            raise AdapterError(f"no complete answer within {budget:g} s") from None
        except AdapterError:
            raise
        except Exception as error:  # an adapter from another package that breaks the rules
            raise AdapterError(
                f"adapter of channel {channel!r} failed: {type(error).__name__}: {error}"
            ) from None


def _say(error: Exception) -> str:
    if isinstance(error, TimeoutError):
        return "timed out"
    return str(error) or type(error).__name__


def _truth(fact: Fact | None, read_at: datetime, source: str) -> TruthRecord:
    return TruthRecord.model_validate(
        {"fact": None if fact is None else fact_to_json(fact), "read_at": read_at, "source": source}
    )


def _error(
    probe: Probe,
    started: datetime,
    reason: str,
    *,
    truth_before: TruthRecord | None = None,
    answer: Answer | None = None,
    attempts: int = 0,
) -> ProbeResult:
    return ProbeResult(
        probe=probe.to_json(),
        verdict=Verdict.ERROR,
        reason=reason,
        answer=None if answer is None else answer.text,
        truth_before=truth_before,
        latency_ms=None if answer is None else answer.latency_ms,
        attempts=attempts if answer is None else answer.attempts,
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

    Probes not finished by the deadline still get a result (`error`, `DEADLINE_REASON`), so
    that the report accounts for every planned probe.
    """
    one = ProbeJudge(snapshot, truth, assistants, extractor, settings)
    source = iter(probes)
    in_flight: dict[int, Probe] = {}

    async def worker(slot: int) -> None:
        for probe in source:
            in_flight[slot] = probe
            bus.emit(ProbeStarted(probe))
            result = await one.run(probe)
            del in_flight[slot]
            bus.emit(ProbeFinished(result))

    try:
        async with asyncio.timeout(settings.deadline_s), asyncio.TaskGroup() as workers:
            for slot in range(max(1, settings.concurrency)):
                workers.create_task(worker(slot))
    except TimeoutError:
        _cut(in_flight.values(), source, bus)
        return False
    except BaseExceptionGroup as failed:
        # Only a subscriber can fail a worker (a full disk under the results store): the
        # other workers are stopped, and the first failure is what the caller sees.
        raise failed.exceptions[0] from None
    return True


def _cut(in_flight: Iterable[Probe], rest: Iterator[Probe], bus: EventBus) -> None:
    started = _now()
    for probe in [*in_flight, *rest]:
        bus.emit(ProbeFinished(_error(probe, started, DEADLINE_REASON)))
