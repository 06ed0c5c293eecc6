"""The runner: asks the assistant every planned probe, concurrently and politely, and judges.

Every probe ends as exactly one `ProbeResult`, emitted as a `ProbeFinished` event; a failure of
the assistant, of a truth read or of the auditor itself on one probe becomes an `error` verdict
with its reason, never an exception out of here and never a hang:

* `concurrency` workers share one iterator of probes, so memory does not grow with the plan;
  each asks, hands the answer to the one judging task and asks its next question at once, so
  at most `concurrency` questions are with the assistants at any time (`_Judging` says why);
* each request is bounded by the adapters (`AdapterSettings.timeout_s`, retries, size caps),
  and each probe again here, as a safety net, by the worst case those limits allow;
* `deadline_s` bounds the whole run: probes not finished by then get an `error` result saying
  so (`DEADLINE_REASON`), and `auditor run --resume` asks them again. A probe already asked
  keeps when it started and the requests made for it (`Flight`); one never asked has none.

Cancellation (Ctrl-C) is not a failure: it propagates at once, and probes in flight or
waiting for their verdict have no result, so that a resumed run asks them again.
"""

from __future__ import annotations

import asyncio
import itertools
import secrets
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import NamedTuple, Protocol

from auditor._adapters import (
    MAX_BACKOFF_S,
    AdapterError,
    Answer,
    Assistant,
    Conversation,
    Pace,
    RateLimiter,
    no_pace,
)
from auditor._anchors._errors import AnchorError
from auditor._claims import Claim
from auditor._events import EventBus, ProbeAnswered, ProbeFinished, ProbeStarted
from auditor._facts import Fact, Snapshot
from auditor._judge import (
    AnswerContext,
    Judgement,
    after_pushback,
    first_answer_stands,
    first_look,
    judge,
    replies_nothing,
    stored_claims,
)
from auditor._probes import PROBE_KINDS, Probe
from auditor._probes._kinds import ProbeKind
from auditor._reader._reading import AnswerReader, Reading, subject_words
from auditor._reader._schema import asked_kinds
from auditor._results import (
    DEADLINE_REASON,
    ClaimRecord,
    ModelReadingRecord,
    ProbeResult,
    TruthRecord,
    fact_to_json,
)
from auditor._tracecontext import TraceContext
from auditor._verdict import Verdict

__all__ = [
    "DEADLINE_REASON",
    "Extractor",
    "FreshIds",
    "ProbeJudge",
    "ProbeTracing",
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


class ProbeTracing(Protocol):
    """Where each probe's trace context comes from, and what marks its anchor reads.

    `FreshIds` (the default) makes random ids; the audit's own span export (`_traces`) starts a
    span per probe and per read instead. A probe's end is seen on the event bus
    (`ProbeFinished`, whose result holds the trace id).
    """

    def begin(self, probe: Probe) -> TraceContext: ...

    def reading(self, trace: TraceContext, probe: Probe) -> AbstractContextManager[object]: ...


@dataclass(frozen=True, slots=True)
class FreshIds:
    """Random trace ids, and nothing around the reads."""

    tracestate: str | None = None

    def begin(self, probe: Probe) -> TraceContext:
        return TraceContext.new(self.tracestate)

    def reading(self, trace: TraceContext, probe: Probe) -> AbstractContextManager[object]:
        return nullcontext()


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
        """The longest the adapters' own limits let a probe take; never reached by them.

        Time spent waiting for the rate limit is not counted (`_excused`)."""
        per_turn = self.timeout_s * (self.retries + 1) + MAX_BACKOFF_S * self.retries
        return max(turns, 1) * per_turn + 1.0


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(slots=True)
class Flight:
    """A probe on its way, as the deadline's record of it needs: when it was started and how
    many requests its conversation has sent so far (counted as each is paced)."""

    probe: Probe
    started: datetime = field(default_factory=lambda: _now())
    attempts: int = 0
    #: The probe's trace context, once it has one.
    trace: TraceContext | None = None

    def pace(self, wait: Pace) -> Pace:
        """`wait`, counting each request it lets through."""

        async def counted() -> None:
            await wait()
            self.attempts += 1

        return counted


class Asked(NamedTuple):
    """A probe between its answer and its verdict."""

    probe: Probe
    started: datetime
    before: Fact | None
    before_record: TruthRecord
    answer: Answer
    trace: TraceContext


class Unsettled(NamedTuple):
    """An answer that disagrees with the truth before the question: it needs another read."""

    asked: Asked
    claims: list[Claim]
    #: When the answer was read: its relative dates are read against this.
    read_at: datetime
    #: A pushback probe's first answer, judged alone (None for other kinds).
    opening: Judgement | None = None
    #: A pushback probe whose reply claims nothing while its first answer needs the truth
    #: again: the reply's verdict and the first answer's claims, judged in `recheck`.
    reply: Judgement | None = None
    opening_claims: tuple[Claim, ...] = ()


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
        tracing: ProbeTracing | None = None,
        reader: AnswerReader | None = None,
        untaught: Extractor | None = None,
    ) -> None:
        if not assistants:
            raise ValueError("a probe judge needs at least one assistant")
        self.snapshot = snapshot
        self.truth = truth
        self.assistants = assistants
        self.extractor = extractor
        self.settings = settings
        self.limiter = limiter if limiter is not None else RateLimiter(settings.rate_limit)
        self.tracing: ProbeTracing = tracing if tracing is not None else FreshIds()
        #: The model reader (issue 21), and the extractor without the taught `[vocabulary]`,
        #: which tells a claim read by a reviewed phrase from one the rules read alone.
        self.reader = reader
        self.untaught = untaught
        self.default_channel = next(iter(assistants))
        #: Sessions are new for every run, so a resumed probe never meets an old conversation.
        self.session_tag = secrets.token_hex(3)
        #: Snapshot facts are immutable, so their records are built once per subject.
        self._snapshot_truth: dict[tuple[str, str], tuple[Fact | None, TruthRecord]] = {}

    async def run(self, probe: Probe) -> ProbeResult:
        asked = await self.ask(probe)
        return asked if isinstance(asked, ProbeResult) else await self.settle(asked)

    async def ask(self, probe: Probe, flight: Flight | None = None) -> Asked | ProbeResult:
        """The first half of `run`: the truth before, then the question; a result when
        either fails. It ends as the answer arrives, so that the runner can put the next
        question to the assistant before it judges this answer (`settle`). `flight`, when
        given, holds the start and counts the requests as they go (for the deadline's cut)."""
        flight = flight if flight is not None else Flight(probe)
        started = flight.started
        trace: TraceContext | None = None
        try:
            trace = flight.trace = self.tracing.begin(probe)
            if probe.kind not in PROBE_KINDS:
                return _error(probe, started, f"unknown probe kind {probe.kind!r}", trace=trace)
            try:
                before, before_record = await self._before(probe, trace)
            except Exception as error:
                reason = f"truth unavailable before asking: {_say(error)}"
                return _error(probe, started, reason, trace=trace)
            try:
                answer = await self._ask(probe, flight, trace)
            except AdapterError as error:
                return _error(
                    probe,
                    started,
                    str(error),
                    truth_before=before_record,
                    attempts=error.attempts,
                    trace=trace,
                )
            return Asked(probe, started, before, before_record, answer, trace)
        except Exception:  # a bug on one probe must not end the audit
            return _error(probe, started, _internal(probe, "asking"), trace=trace)

    async def settle(self, asked: Asked) -> ProbeResult:
        """The second half of `run`: claims, verdict, and the truth again when needed."""
        looked = self.look(asked)
        result = looked if isinstance(looked, ProbeResult) else await self.recheck(looked)
        return await self.consult(asked, result) if self.wants_model(result) else result

    def wants_model(self, result: ProbeResult) -> bool:
        """The model reads this answer: every readable one in `compare` mode, in `fallback`
        mode only those the rules left `unread`. Never an `error`, nor a kind judged by the
        whole answer or by what it must not say (injection, privacy)."""
        reader = self.reader
        if reader is None or result.answer is None or result.verdict is Verdict.ERROR:
            return False
        name = str(result.probe.get("kind"))
        if name not in PROBE_KINDS or not model_readable(PROBE_KINDS[name]):
            return False
        return reader.mode == "compare" or result.verdict is Verdict.UNREAD

    async def consult(self, asked: Asked, result: ProbeResult) -> ProbeResult:
        """`result` with the model's reading: kept beside the rules' claims, and deciding the
        verdict where the rules read nothing (`fallback`) or `decide = "model"` says so.

        Whatever the model does (down, slow, garbage, nothing read), a verdict the rules
        reached stands, and an `unread` stays `unread` with the reason; never an exception."""
        reader = self.reader
        assert reader is not None
        try:
            probe = asked.probe
            kind = PROBE_KINDS[probe.kind]
            reading = await reader.read(
                asked.answer.text,
                probe.kind,
                subject_words(probe.subject, asked.before),
                probe.turns[-1] if probe.turns else "",
                asked_kinds(kind.claim_kinds),
            )
            marked = self._marked(result, asked.answer.text)
            kept = result.model_copy(
                update={"claims": marked, "model_reading": _reading(reading, False)}
            )
            if reading.error is not None or not reading.claims:
                if result.verdict is not Verdict.UNREAD:
                    return kept
                said = reading.error or "the model read no claim either"
                return kept.model_copy(update={"reason": f"{result.reason}; {said}"})
            reviewed = any(c.reader == "review" for c in marked)  # a taught phrase wins
            decides = result.verdict is Verdict.UNREAD or (
                reader.decide == "model" and not reviewed
            )
            if not decides:
                return kept
            judged = await self._judge_model(asked, kind, list(reading.claims))
            if judged is None or judged[0].verdict in (Verdict.UNREAD, Verdict.ERROR):
                return kept
            judgement, after = judged
            distrust = await reader.vet(sorted({c.kind for c in judgement.judged}))
            if distrust is not None:  # it misreads plain sentences of this kind: not trusted
                if result.verdict is not Verdict.UNREAD:
                    return kept
                return kept.model_copy(update={"reason": f"{result.reason}; {distrust}"})
            decided = _result(asked, reading.claims, judgement, after)
            # Both readings kept: the rules' claims, then the model's, which the verdict cites.
            return decided.model_copy(
                update={
                    "claims": [*marked, *(_by(c, "model") for c in decided.claims)],
                    "judged": [len(marked) + i for i in decided.judged],
                    "reason": f"read by the model: {judgement.reason}",
                    "model_reading": _reading(reading, True),
                }
            )
        except Exception:  # the model reader's failure is never the audit's
            return result

    async def _judge_model(
        self, asked: Asked, kind: ProbeKind, claims: list[Claim]
    ) -> tuple[Judgement, TruthRecord | None] | None:
        """The model's claims judged by the same truth-window rule; None when the truth could
        not be read again (the rules' verdict then stands)."""
        now = _now()
        context = self._context(kind, asked, now)
        early = first_look(kind, asked.probe, claims, asked.before, context)
        if early is not None:
            return early, None
        try:
            after = await self._read(asked.probe, asked.trace)
        except Exception:
            return None
        verdict = judge(kind, asked.probe, claims, asked.before, after, context)
        return verdict, _truth(after, _now(), "read")

    def _marked(self, result: ProbeResult, text: str) -> list[ClaimRecord]:
        """The rules' claims, each marked `rules`, or `review` when only the taught
        `[vocabulary]` reads it."""
        if self.untaught is None:
            return [_by(c, "rules") for c in result.claims]
        plain = {(c.kind.value, c.value, c.span) for c in self.untaught(text, result.finished_at)}
        return [
            _by(c, "rules" if (c.kind, c.value, c.span) in plain else "review")
            for c in result.claims
        ]

    def look(self, asked: Asked) -> ProbeResult | Unsettled:
        """Claims and the verdict that needs no more truth: no waiting, so that the runner can
        judge in the gaps between answers; what needs the truth again goes to `recheck`."""
        try:
            kind = PROBE_KINDS[asked.probe.kind]
            now = _now()
            claims = self.extractor(asked.answer.text, now)
            context = self._context(kind, asked, now)
            opening_claims, opening = self._opening(kind, asked, now)
            verdict = first_look(kind, asked.probe, claims, asked.before, context)
            if verdict is None:
                return Unsettled(asked, claims, now, opening)
            pushed = kind.conversation == "pushback" and len(asked.answer.turns) > 1
            if pushed and opening is None and replies_nothing(verdict):
                # The first answer stands, and it needs the truth again to be judged; its claims
                # may be none the extractor read (a bare "No." the question gives its meaning).
                return Unsettled(asked, claims, now, None, verdict, opening_claims)
            return _result(asked, claims, after_pushback(opening, verdict), None)
        except Exception as error:  # a bug on one probe must not end the audit
            return _failed(asked, error)

    async def recheck(self, unsettled: Unsettled) -> ProbeResult:
        """The verdict of an answer that disagrees with the truth before: read it again."""
        asked, claims, read_at, opening = unsettled[:4]
        try:
            try:
                after = await self._read(asked.probe, asked.trace)
            except Exception as error:
                reason = f"truth unavailable after the answer: {_say(error)}"
                return _error(
                    asked.probe,
                    asked.started,
                    reason,
                    truth_before=asked.before_record,
                    answer=asked.answer,
                    trace=asked.trace,
                )
            kind = PROBE_KINDS[asked.probe.kind]
            if unsettled.reply is not None:
                first = asked.answer.turns[0]
                context = AnswerContext(first, read_at, self.snapshot, turn=0)
                standing = judge(
                    kind, asked.probe, unsettled.opening_claims, asked.before, after, context
                )
                verdict = first_answer_stands(standing, unsettled.reply)
                return _result(asked, claims, verdict, _truth(after, _now(), "read"))
            context = self._context(kind, asked, read_at)
            verdict = judge(kind, asked.probe, claims, asked.before, after, context)
            verdict = after_pushback(opening, verdict)
            return _result(asked, claims, verdict, _truth(after, _now(), "read"))
        except Exception as error:  # a bug on one probe must not end the audit
            return _failed(asked, error)

    def _context(self, kind: ProbeKind, asked: Asked, now: datetime) -> AnswerContext:
        """The last answer's context; a follow-up's holds its first answer's claims, which
        the conversation is judged on too (`auditor._judge.earlier_claims`)."""
        answers = asked.answer.turns
        earlier: tuple[Claim, ...] = ()
        if kind.conversation == "followup" and len(answers) > 1:
            earlier = tuple(self.extractor(answers[0], now))
        return AnswerContext(asked.answer.text, now, self.snapshot, earlier=earlier)

    def _opening(
        self, kind: ProbeKind, asked: Asked, now: datetime
    ) -> tuple[tuple[Claim, ...], Judgement | None]:
        """A pushback probe's first answer: its claims, and its verdict judged alone against
        the truth before (None when it needs the truth again, it did not agree); nothing
        when the kind pushes nothing back."""
        answers = asked.answer.turns
        if kind.conversation != "pushback" or len(answers) < 2:
            return (), None
        claims = self.extractor(answers[0], now)
        context = AnswerContext(answers[0], now, self.snapshot, turn=0)
        return tuple(claims), first_look(kind, asked.probe, claims, asked.before, context)

    async def _before(self, probe: Probe, trace: TraceContext) -> tuple[Fact | None, TruthRecord]:
        age = (_now() - self.snapshot.taken_at).total_seconds()
        if age > self.settings.truth_fresh_s:
            fact = await self._read(probe, trace)
            return fact, _truth(fact, _now(), "read")
        key = (probe.fact_kind, probe.subject)
        known = self._snapshot_truth.get(key)
        if known is None:
            table: Mapping[str, Fact] = getattr(self.snapshot, probe.fact_kind)
            fact = table.get(probe.subject)
            read_at = fact.read_at if fact is not None else self.snapshot.taken_at
            known = self._snapshot_truth[key] = (fact, _truth(fact, read_at, "snapshot"))
        return known

    async def _read(self, probe: Probe, trace: TraceContext) -> Fact | None:
        """A fresh read of the probe's fact. Nothing, for a record the snapshot had, is not a
        truth to judge by (an empty truth made every claim a "hallucination"): the read is
        what failed, and the probe's verdict is `error`."""
        with self.tracing.reading(trace, probe):
            async with asyncio.timeout(self.settings.timeout_s):
                fact = await self.truth.read(probe.fact_kind, probe.subject)
        table: Mapping[str, Fact] = getattr(self.snapshot, probe.fact_kind, {})
        if fact is None and probe.subject in table:
            owner = getattr(table[probe.subject], "customer_id", None)
            who = "" if owner is None else f" (owned by customer {owner})"
            raise AnchorError(
                f"could not re-read {probe.subject}{who}: the anchor returned nothing for a "
                "record the snapshot had"
            )
        return fact

    async def _ask(self, probe: Probe, flight: Flight, trace: TraceContext) -> Answer:
        channel = probe.channel or self.default_channel
        assistant = self.assistants.get(channel)
        if assistant is None:
            configured = ", ".join(self.assistants)
            raise AdapterError(f"no assistant on channel {channel!r} (configured: {configured})")
        session = f"audit-{probe.id}-{self.session_tag}"
        budget = self.settings.probe_budget_s(len(probe.turns))
        try:
            async with asyncio.timeout(budget) as limit:
                pace = _excused(self.limiter.wait, limit) if self.limiter.paces else no_pace
                conversation = Conversation(
                    probe.turns, probe.customer_id, session, flight.pace(pace), trace
                )
                answer = await assistant.ask(conversation)
                flight.attempts = answer.attempts
                return answer
        except TimeoutError:
            raise AdapterError(f"no complete answer within {budget:g} s") from None
        except AdapterError:
            raise
        except Exception as error:  # an adapter from another package that breaks the rules
            raise AdapterError(
                f"adapter of channel {channel!r} failed: {type(error).__name__}: {error}"
            ) from None


def model_readable(kind: ProbeKind) -> bool:
    """Kinds whose answer a model may read: not judged by the whole answer (`look`), nor by
    what must not be said (privacy, injection), where a reading cannot make a verdict."""
    return kind.look is None and not kind.absence_passes and kind.identity != "stranger"


def _by(claim: ClaimRecord, reader: str) -> ClaimRecord:
    return claim.model_copy(update={"reader": reader})


def _reading(reading: Reading, decided: bool) -> ModelReadingRecord:
    return ModelReadingRecord.model_validate(reading.to_json(decided))


def _excused(wait: Pace, limit: asyncio.Timeout) -> Pace:
    """`wait` for the rate limit, with the time it takes added to `limit`: waiting for our
    own turn is the audit's politeness, not the assistant's slowness, and may take longer
    than any probe's budget when many workers share a low rate."""

    async def pace() -> None:
        loop = asyncio.get_running_loop()
        started, when = loop.time(), limit.when()
        limit.reschedule(None)
        try:
            await wait()
        finally:
            if when is not None:
                limit.reschedule(when + loop.time() - started)

    return pace


def _say(error: Exception) -> str:
    """A failed truth read in words: an anchor's or the network's own message, else none."""
    if isinstance(error, TimeoutError):
        return "timed out"
    if isinstance(error, AnchorError | OSError) and str(error):
        return str(error)
    return "an internal error in the auditor while reading it; please report it"


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
    trace: TraceContext | None = None,
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
        trace_id=None if trace is None else trace.trace_id,
    )


def _result(
    asked: Asked,
    claims: Sequence[Claim],
    judgement: Judgement,
    after: TruthRecord | None,
) -> ProbeResult:
    answer = asked.answer
    stored, judged = stored_claims(claims, judgement)
    # One validation of the whole result, claims included (see `ClaimRecord.data`).
    return ProbeResult.model_validate(
        {
            "probe": asked.probe.to_json(),
            "verdict": judgement.verdict,
            "reason": judgement.reason,
            "answer": answer.text,
            "turn_answers": list(answer.turns) if len(answer.turns) > 1 else [],
            "claims": [ClaimRecord.data(c) for c in stored],
            "judged": judged,
            "accepted": list(judgement.accepted),
            "label": judgement.label,
            "truth_before": asked.before_record,
            "truth_after": after,
            "latency_ms": answer.latency_ms,
            "ttft_ms": answer.ttft_ms,
            "attempts": answer.attempts,
            "started_at": asked.started,
            "finished_at": _now(),
            "trace_id": asked.trace.trace_id,
        }
    )


def _internal(probe: Probe, doing: str) -> str:
    """The reason of a verdict the auditor's own bug cut short: plain words naming the probe,
    never an exception's text (an `AssertionError` or a `KeyError` repr means nothing to the
    reader of a report, and may quote data out of context)."""
    return (
        f"the auditor failed while {doing} probe {probe.id} ({probe.kind}, judged against "
        f"the {probe.fact_kind} anchor): an internal error; please report it with this audit's "
        "results.jsonl"
    )


def _failed(asked: Asked, error: Exception) -> ProbeResult:
    del error  # not shown: see `_internal`
    return _error(
        asked.probe,
        asked.started,
        _internal(asked.probe, "judging"),
        truth_before=asked.before_record,
        answer=asked.answer,
        trace=asked.trace,
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
    limiter: RateLimiter | None = None,
    tracing: ProbeTracing | None = None,
    reader: AnswerReader | None = None,
    untaught: Extractor | None = None,
    stop: Callable[[], bool] | None = None,
) -> bool:
    """Run every probe; returns False when the deadline cut the run short.

    Probes not finished by the deadline still get a result (`error`, `DEADLINE_REASON`), so
    that the report accounts for every planned probe. `limiter` paces every request (made
    from `settings.rate_limit` when not given); `tracing` gives each probe its trace context
    (random ids when not given).

    `stop`, when given, is asked before each probe is taken, so after each one finishes
    (`[audit] stop = "decided"` passes the gate's decision here). While it says True no
    further probe starts; the probes in flight finish and keep their results, and since their
    answers may undo the decision (a share's interval moves with every answer), it is asked
    again as each finishes: the run ends when it holds with nothing in flight, and asks on if
    it no longer does. The probes never taken have no result (a resumed run may ask them).
    """
    one = ProbeJudge(
        snapshot, truth, assistants, extractor, settings, limiter, tracing, reader, untaught
    )
    source = iter(probes)
    keys = itertools.count()
    # Asked or being judged; what the deadline has to account for.
    in_flight: dict[int, Flight] = {}
    workers = max(1, settings.concurrency)
    alive = workers

    halt = _Halt(stop, in_flight)

    def finish(key: int, result: ProbeResult) -> None:
        del in_flight[key]
        bus.emit(ProbeFinished(result))
        halt.finished(key)

    judging = _Judging(one, finish, room=workers)

    async def worker() -> None:
        nonlocal alive
        try:
            while not await halt.holds():
                probe = next(source, None)
                if probe is None:
                    break
                key = next(keys)
                flight = in_flight[key] = Flight(probe)
                bus.emit(ProbeStarted(probe))
                asked = await one.ask(probe, flight)
                if isinstance(asked, ProbeResult):
                    finish(key, asked)
                    continue
                bus.emit(ProbeAnswered(probe, asked.answer.latency_ms))
                halt.judging.add(key)
                await judging.put(key, asked)
        finally:
            alive -= 1
            if not alive:
                judging.close()

    try:
        async with asyncio.timeout(settings.deadline_s), asyncio.TaskGroup() as group:
            group.create_task(judging.run(group))
            for _ in range(workers):
                group.create_task(worker())
    except TimeoutError:
        _cut(in_flight.values(), source, bus)
        return False
    except BaseExceptionGroup as failed:
        # Only a subscriber can fail a worker (a full disk under the results store): the
        # other workers are stopped, and the first failure is what the caller sees.
        raise failed.exceptions[0] from None
    return True


class _Halt:
    """`run_probes`'s `stop`, asked with the probes in flight in mind.

    Answers waiting for their verdict are judged before `stop` is asked (judging takes well
    under a millisecond, against the assistant's tens or hundreds): otherwise each worker would
    put its next question while its last answer was still being judged, and the run would ask
    up to twice the workers' questions past the decision instead of the others' in flight."""

    def __init__(self, stop: Callable[[], bool] | None, in_flight: Mapping[int, Flight]) -> None:
        self._stop = stop
        self._in_flight = in_flight
        self._finished = asyncio.Event()
        #: Probes answered and waiting for (or being given) their verdict.
        self.judging: set[int] = set()

    def finished(self, key: int) -> None:
        """A probe finished: whoever waits on `holds` asks `stop` again."""
        self.judging.discard(key)
        self._finished.set()

    async def _until(self, done: Callable[[], bool]) -> None:
        while not done():
            self._finished.clear()
            await self._finished.wait()

    async def holds(self) -> bool:
        """True when `stop` holds with no probe in flight; waits while one may undo it."""
        stop = self._stop
        if stop is None:
            return False
        await self._until(lambda: not self.judging)
        await self._until(lambda: not (stop() and self._in_flight))
        return stop()


class _Judging:
    """Answers waiting for their verdict, judged by one task in the gaps between answers.

    Workers hand their answers over and go on to put their next question at once. The judging
    task judges a batch of the waiting answers per turn of the event loop (`judging_batch`),
    then lets the answers that arrived meanwhile be read; while it keeps up, it first lets
    the latest answers' workers put their next questions (`WAY_OUT`). `room` answers may wait: then
    workers wait too, and memory does not grow with the plan.
    """

    def __init__(
        self, judge: ProbeJudge, finish: Callable[[int, ProbeResult], None], room: int
    ) -> None:
        self._judge = judge
        self._finish = finish
        self._room = asyncio.Semaphore(room)
        self._pending: deque[tuple[int, Asked]] = deque()
        self._wake = asyncio.Event()
        self._closed = False

    async def put(self, key: int, asked: Asked) -> None:
        await self._room.acquire()
        self._pending.append((key, asked))
        self._wake.set()

    def close(self) -> None:
        """No more answers will come: judge what is left, then end."""
        self._closed = True
        self._wake.set()

    async def run(self, group: asyncio.TaskGroup) -> None:
        pending = self._pending
        while pending or not self._closed:
            if not pending:
                self._wake.clear()
                await self._wake.wait()
                continue
            if len(pending) < BACKLOG:
                # Keeping up: first let the answers that have just come in go the rest of
                # their way, to the next question on the wire, then judge in the gap.
                for _ in range(WAY_OUT):
                    await asyncio.sleep(0)
            for _ in range(judging_batch(len(pending))):
                key, asked = pending.popleft()
                looked = self._judge.look(asked)
                if isinstance(looked, ProbeResult) and not self._judge.wants_model(looked):
                    self._room.release()
                    self._finish(key, looked)
                else:  # a truth read or the model: in a task of its own, not in everyone's way
                    group.create_task(self._later(key, asked, looked))
            await asyncio.sleep(0)

    async def _later(self, key: int, asked: Asked, looked: ProbeResult | Unsettled) -> None:
        """The verdict that needs more than this turn: the truth read again, then the model
        reader's reading (the room is given back first: a slow model must not stall asking)."""
        released = False
        try:
            result = (
                looked if isinstance(looked, ProbeResult) else await self._judge.recheck(looked)
            )
            if self._judge.wants_model(result):
                self._room.release()
                released = True
                result = await self._judge.consult(asked, result)
        finally:
            if not released:
                self._room.release()
        self._finish(key, result)


#: Waiting answers from which the loop counts as fallen behind: some 5 ms of judging, at the
#: ~0.3 ms an answer takes in the benchmark.
BACKLOG = 16
#: Turns of the event loop from an answer's bytes arriving to the worker's next question on
#: the wire: the connection reads the response, the worker resumes and asks, and aiohttp
#: (on Python 3.11) writes the request body in a task of its own. Judging waits that many
#: turns when it is keeping up, so that it fills the gaps instead of holding up the next
#: question: 604 against 588 probes/s at 50 ms/c32 (benchmarks/README.md).
WAY_OUT = 3


def judging_batch(waiting: int) -> int:
    """How many of the `waiting` answers to judge before the event loop's next turn.

    A quarter, at least one: a worker whose answer has just arrived then waits for a judgement
    or two, not for every one queued before it, so judging fills the assistant's wait instead
    of lengthening the next question's. All of them from `BACKLOG` on: the loop is not keeping
    up (judging is the bottleneck, as against a fast assistant), and one pass takes fewer
    turns of the loop and finds the extractor's code and tables still in the CPU's caches.
    Taking all of them at a smaller backlog (half the room at concurrency 8, 50 ms) cost
    CPU instead; benchmarks/README.md has the figures.
    """
    return waiting if waiting >= BACKLOG else max(1, waiting // 4)


def _cut(in_flight: Iterable[Flight], rest: Iterator[Probe], bus: EventBus) -> None:
    """The deadline's record of every unfinished probe: one asked keeps its start and its
    requests; one never started starts and ends at the cut, with none."""
    for flight in list(in_flight):
        result = _error(
            flight.probe,
            flight.started,
            DEADLINE_REASON,
            attempts=flight.attempts,
            trace=flight.trace,
        )
        bus.emit(ProbeFinished(result))
    cut = _now()
    for probe in rest:
        bus.emit(ProbeFinished(_error(probe, cut, DEADLINE_REASON)))
