"""The runner with in-process assistants (the `python` adapter): no sockets, but real time.

Each probe ends as exactly one result; failures of every kind become `error` verdicts with a
reason; the deadline, the rate limit and concurrency hold.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from auditor._adapters import ADAPTERS, AdapterSettings, Assistant, RateLimiter
from auditor._audit import _extractor
from auditor._config import PythonAssistant
from auditor._events import EventBus, ProbeAnswered, ProbeFinished, ProbeStarted
from auditor._probes import Probe
from auditor._results import DEADLINE_REASON, ProbeResult
from auditor._runner import ProbeJudge, RunSettings, run_probes
from tests.integration.runner import _bots
from tests.integration.runner._support import SnapshotTruth, probe, run, snapshot


@pytest.fixture(autouse=True)
def calls() -> Iterator[list]:
    _bots.CALLS.clear()
    yield _bots.CALLS
    _bots.CALLS.clear()


def bot(target: str, *, timeout_s: float = 5.0, name: str = "py") -> Assistant:
    config = PythonAssistant(
        kind="python", name=name, target=f"tests.integration.runner._bots:{target}"
    )
    return ADAPTERS.get("python")(
        config, AdapterSettings(timeout_s=timeout_s, max_answer_bytes=1_000_000)
    )


@pytest.mark.parametrize("target", ["answer", "answer_async"])
async def test_sync_and_async_callables_answer_with_identity_and_session(target, calls):
    p = Probe(
        kind="stock.availability",
        subject="KT-0001",
        fact_kind="stock",
        turns=("Is KT-0001 in stock?",),
        customer_id="C-007",
    )
    outcome = await run({"py": bot(target)}, [p], RunSettings())
    result = outcome.of(p)
    assert (result.verdict.value, result.reason, result.attempts) == ("pass", "says in_stock", 1)
    assert result.latency_ms is not None and result.latency_ms >= 0
    ((question, customer, session, history, _, _),) = calls
    assert (question, customer, history) == ("Is KT-0001 in stock?", "C-007", [])
    assert session is not None and session.startswith(f"audit-{p.id}-")


async def test_a_conversation_passes_the_history(calls):
    p = Probe(
        kind="stock.quantity",
        subject="KT-0001",
        fact_kind="stock",
        turns=("Is KT-0001 in stock?", "How many do you have?"),
    )
    outcome = await run({"py": bot("answer")}, [p], RunSettings())
    result = outcome.of(p)
    assert result.verdict.value == "pass" and result.attempts == 2
    assert result.turn_answers == [_bots.ANSWER, "We have 12 units of Blue Kettle (KT-0001)."]
    assert calls[1][3] == [("Is KT-0001 in stock?", _bots.ANSWER)]
    assert calls[0][2] == calls[1][2]  # one session for the whole conversation


@pytest.mark.parametrize(
    ("target", "timeout_s", "reason"),
    [
        # A callable that fails at once has all the time it needs: on a busy machine its
        # thread may start late, and its own failure, not the deadline, is what is tested.
        ("broken", 60.0, "the callable raised RuntimeError: the model server is down"),
        ("not_text", 60.0, "the callable returned dict, not str"),
        ("huge", 60.0, "answer exceeds the 1000000-byte cap"),
        ("sleepy", 0.3, "no answer within 0.3 s"),
        ("sleepy_async", 0.3, "no answer within 0.3 s"),
    ],
)
async def test_callable_failures_become_errors_with_their_reason(target, timeout_s, reason):
    # A sleepy callable that blocked the loop would answer after its 5 s, and pass.
    outcome = await run({"py": bot(target, timeout_s=timeout_s)}, [probe("py")], RunSettings())
    (result,) = outcome.results.values()
    assert (result.verdict.value, result.reason) == ("error", reason)


async def test_a_hung_sync_callable_does_not_stall_the_other_probes():
    assistants = {"slow": bot("sleepy", timeout_s=1, name="slow"), "py": bot("answer")}
    probes = [probe("slow", 0), *(probe("py", n) for n in range(1, 6))]
    finished: list[ProbeResult] = []
    snap = snapshot()
    bus = EventBus(lambda e: finished.append(e.result) if isinstance(e, ProbeFinished) else None)
    await run_probes(
        probes,
        snapshot=snap,
        truth=SnapshotTruth(snap),
        assistants=assistants,
        extractor=lambda text, now: [],
        settings=RunSettings(concurrency=2),
        bus=bus,
    )
    # All answered while the sleepy one was still waiting: it finished last, timed out.
    assert [r.probe_id for r in finished][-1] == probes[0].id
    assert finished[-1].reason == "no answer within 1 s"
    # The extractor reads nothing; the judge reads the answer's opening "Yes" to the yes-or-no
    # question itself (`auditor._scope.yes_or_no`), so each of the others passes.
    assert [(r.verdict.value, r.reason) for r in finished[:-1]] == [("pass", "says in_stock")] * 5


async def test_unknown_channel_and_unknown_kind_are_errors_not_crashes():
    strays = [
        probe("sms"),
        Probe(
            kind="weather.forecast", subject="KT-0001", fact_kind="stock", turns=("Will it rain?",)
        ),
    ]
    outcome = await run({"py": bot("answer")}, strays, RunSettings())
    reasons = [outcome.of(p).reason for p in strays]
    assert reasons == [
        "no assistant on channel 'sms' (configured: py)",
        "unknown probe kind 'weather.forecast'",
    ]


async def test_a_failing_extractor_or_truth_read_is_an_error_for_that_probe_only():
    snap = snapshot()

    def extractor(text, now):
        raise ValueError("boom")

    class DeadTruth:
        async def read(self, fact_kind, subject):
            raise ConnectionError("inventory is down")

    finished: list[ProbeResult] = []
    bus = EventBus(lambda e: finished.append(e.result) if isinstance(e, ProbeFinished) else None)
    await run_probes(
        [probe("py")],
        snapshot=snap,
        truth=SnapshotTruth(snap),
        assistants={"py": bot("answer")},
        extractor=extractor,
        settings=RunSettings(),
        bus=bus,
    )
    await run_probes(
        [probe("py")],
        snapshot=snap,
        truth=DeadTruth(),
        assistants={"py": bot("answer")},
        extractor=extractor,
        settings=RunSettings(truth_fresh_s=-1),
        bus=bus,
    )
    p = probe("py")
    assert [r.reason for r in finished] == [
        # No exception text reaches a verdict: plain words naming the probe.
        f"the auditor failed while judging probe {p.id} (stock.availability, judged against "
        "the stock anchor): an internal error; please report it with this audit's results.jsonl",
        "truth unavailable before asking: inventory is down",
    ]


async def test_a_truth_of_the_wrong_kind_is_a_plain_error_verdict():
    """An order probe whose truth read comes back as a stock fact (a mapping gone wrong)."""
    snap = snapshot()
    order_probe = Probe(
        kind="order.status",
        subject="ORD-1",
        fact_kind="orders",
        turns=("Where is order ORD-1?",),
        customer_id="C-001",
        channel="py",
    )

    class CrossedTruth:
        async def read(self, fact_kind, subject):
            return snap.stock["KT-0001"]  # whatever was asked

    outcome = await run(
        {"py": bot("answer")},
        [order_probe],
        RunSettings(truth_fresh_s=-1),
        snap,
        truth=CrossedTruth(),
    )
    result = outcome.of(order_probe)
    assert result.verdict.value == "error"
    assert result.reason == (
        f"cannot judge probe {order_probe.id} (order.status) against the orders truth before "
        "the question: got a stock fact (KT-0001) instead"
    )
    assert "Error" not in result.reason and result.answer == _bots.ANSWER


async def test_the_deadline_cuts_the_run_and_every_probe_still_has_one_result():
    probes = [probe("py", n) for n in range(6)]
    outcome = await run(
        {"py": bot("sleepy_async", timeout_s=10)},
        probes,
        RunSettings(concurrency=2, deadline_s=0.3),
    )
    assert not outcome.completed
    assert {r.reason for r in outcome.results.values()} == {DEADLINE_REASON}
    assert set(outcome.results) == {p.id for p in probes}


async def test_a_cut_probe_keeps_its_start_and_its_requests():
    """Probes asked before the deadline are recorded as asked: started when their event
    says, with the request made; those never started have none."""
    started_seen: dict[str, datetime] = {}
    finished: list[ProbeResult] = []

    def track(event) -> None:
        if isinstance(event, ProbeStarted):
            started_seen[event.probe.id] = datetime.now(UTC)
        elif isinstance(event, ProbeFinished):
            finished.append(event.result)

    snap = snapshot()
    await run_probes(
        [probe("py", n) for n in range(5)],
        snapshot=snap,
        truth=SnapshotTruth(snap),
        assistants={"py": bot("sleepy_async", timeout_s=10)},
        extractor=lambda t, n: [],
        settings=RunSettings(concurrency=2, deadline_s=0.3),
        bus=EventBus(track),
    )
    assert {r.reason for r in finished} == {DEADLINE_REASON} and len(finished) == 5
    asked = [r for r in finished if r.probe_id in started_seen]
    never = [r for r in finished if r.probe_id not in started_seen]
    assert len(asked) == 2 and len(never) == 3
    for result in asked:
        assert result.attempts == 1
        # Stamped before its ProbeStarted event was emitted, not at the cut.
        assert result.started_at <= started_seen[result.probe_id] < result.finished_at
    for result in never:
        assert result.attempts == 0
        assert max(started_seen.values()) <= result.started_at <= result.finished_at


async def test_rate_limit_spaces_every_request_across_channels(calls):
    """The limiter's own schedule, on a clock that stands still: every request of either
    channel takes the next slot, 1/40 s after the one before (no wall-clock gaps, which a
    busy machine squeezes)."""
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)
        await asyncio.sleep(0)

    limiter = RateLimiter(40, clock=lambda: 100.0, sleep=sleep)
    assistants = {"a": bot("answer", name="a"), "b": bot("answer", name="b")}
    probes = [probe("a" if n % 2 else "b", n) for n in range(8)]
    snap = snapshot()
    try:
        await run_probes(
            probes,
            snapshot=snap,
            truth=SnapshotTruth(snap),
            assistants=assistants,
            extractor=lambda t, n: [],
            settings=RunSettings(concurrency=8, rate_limit=40),
            bus=EventBus(),
            limiter=limiter,
        )
    finally:
        for assistant in assistants.values():
            await assistant.aclose()
    assert len(calls) == 8 and {c[2].split("-")[0] for c in calls} == {"audit"}
    # The first goes at once; request k waits k/40 s, whatever its channel.
    assert sorted(waits) == pytest.approx([k / 40 for k in range(1, 8)])


async def test_waiting_for_the_rate_limit_does_not_count_against_a_probes_time(calls):
    # Every probe's own limit is 0.3 s x 1 attempt + 1 s; the twelfth waits 11/8 s for its
    # turn under the rate limit, which is the audit's politeness, not the assistant's delay.
    # The waits are real (the probe's limit runs on the event loop's clock); the limiter's
    # clock stands still, so its schedule is exactly k/8 s, whatever the machine's load.
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)
        await asyncio.sleep(seconds)

    settings = RunSettings(concurrency=12, rate_limit=8, timeout_s=0.3, retries=0)
    limiter = RateLimiter(8, clock=lambda: 0.0, sleep=sleep)
    probes = [probe("py", n) for n in range(12)]
    snap = snapshot()
    finished: list[ProbeResult] = []
    await run_probes(
        probes,
        snapshot=snap,
        truth=SnapshotTruth(snap),
        assistants={"py": bot("answer_async", timeout_s=0.3)},
        extractor=_extractor(snap),
        settings=settings,
        bus=EventBus(lambda e: finished.append(e.result) if isinstance(e, ProbeFinished) else None),
        limiter=limiter,
    )
    assert settings.probe_budget_s(1) < 11 / 8
    assert sorted(waits) == pytest.approx([k / 8 for k in range(1, 12)])
    assert len(finished) == 12 and {r.verdict.value for r in finished} == {"pass"}
    # Nor in its latency: had the wait counted, the last would show at least its 11/8 s.
    assert max(r.latency_ms or 0 for r in finished) < 1000 * 11 / 8


async def test_concurrency_bounds_the_questions_and_probes_are_drawn_lazily():
    drawn, finished, most_asked, most_open = 0, 0, 0, 0
    asking: set[str] = set()
    open_: set[str] = set()

    def source() -> Iterator[Probe]:
        nonlocal drawn
        for n in range(40):
            drawn += 1
            yield probe("py", n)

    def track(event) -> None:
        nonlocal finished, most_asked, most_open
        if isinstance(event, ProbeStarted):
            asking.add(event.probe.id)
            open_.add(event.probe.id)
        elif isinstance(event, ProbeAnswered):
            asking.remove(event.probe.id)
        elif isinstance(event, ProbeFinished):
            asking.discard(event.result.probe_id)
            open_.remove(event.result.probe_id)
            finished += 1
            # Not read ahead: a probe per worker being asked, one per worker being judged.
            assert drawn <= finished + 6
        most_asked = max(most_asked, len(asking))
        most_open = max(most_open, len(open_))

    snap = snapshot()
    await run_probes(
        source(),
        snapshot=snap,
        truth=SnapshotTruth(snap),
        assistants={"py": bot("answer_async")},
        extractor=lambda t, n: [],
        settings=RunSettings(concurrency=3),
        bus=EventBus(track),
    )
    assert (most_asked, finished) == (3, 40)
    assert most_open <= 6


async def test_the_next_question_goes_out_before_the_last_answer_is_judged(calls):
    """Judging overlaps the assistant's wait instead of adding to it, worker by worker."""
    asked_by_then: list[int] = []

    def extractor(text, now):
        asked_by_then.append(len(calls))
        return []

    snap = snapshot()
    await run_probes(
        [probe("py", n) for n in range(5)],
        snapshot=snap,
        truth=SnapshotTruth(snap),
        assistants={"py": bot("hears_then_answers")},
        extractor=extractor,
        settings=RunSettings(concurrency=1),
        bus=EventBus(),
    )
    assert asked_by_then == [2, 3, 4, 5, 5]


async def test_a_failing_subscriber_stops_the_run_with_its_own_error():
    snap = snapshot()

    def full_disk(event) -> None:
        if isinstance(event, ProbeFinished):
            raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left"):
        await run_probes(
            [probe("py", n) for n in range(5)],
            snapshot=snap,
            truth=SnapshotTruth(snap),
            assistants={"py": bot("answer_async")},
            extractor=lambda t, n: [],
            settings=RunSettings(concurrency=2),
            bus=EventBus(full_disk),
        )


async def test_the_judge_alone_can_be_asked_concurrently():
    snap = snapshot()
    judge = ProbeJudge(
        snap, SnapshotTruth(snap), {"py": bot("answer_async")}, lambda t, n: [], RunSettings()
    )
    results = await asyncio.gather(*(judge.run(probe("py", n)) for n in range(4)))
    # An extractor that reads nothing: only the opening "Yes" to the yes-or-no question is read
    # (by the judge, `auditor._scope.yes_or_no`), the same for each of the four.
    assert [(r.verdict.value, r.reason) for r in results] == [("pass", "says in_stock")] * 4


@pytest.mark.parametrize("concurrency", [1, 4])
async def test_stop_ends_the_run_with_every_started_probe_finished(concurrency):
    """`stop` is asked before each probe is taken: none starts once it holds, and the probes
    in flight then finish and keep their results (none lost, none cut)."""
    snap = snapshot()
    probes = [probe(n=n) for n in range(40)]
    started: list[str] = []
    finished: list[ProbeResult] = []

    def record(event: object) -> None:
        if isinstance(event, ProbeStarted):
            started.append(event.probe.id)
        if isinstance(event, ProbeFinished):
            finished.append(event.result)

    assistant = bot("answer")
    try:
        completed = await run_probes(
            probes,
            snapshot=snap,
            truth=SnapshotTruth(snap),
            assistants={"py": assistant},
            extractor=_extractor(snap),
            settings=RunSettings(concurrency=concurrency),
            bus=EventBus(record),
            stop=lambda: len(finished) >= 5,
        )
    finally:
        await assistant.aclose()
    assert completed
    assert sorted(started) == sorted(r.probe_id for r in finished)
    assert all(r.verdict.value == "pass" for r in finished)
    # At most the workers' probes in flight run past the decision.
    assert 5 <= len(finished) <= 5 + concurrency - 1
    if concurrency == 1:  # nothing in flight: exactly the plan's first five, in order
        assert started == [p.id for p in probes[:5]]


async def test_a_pushback_first_answer_is_read_against_the_first_question():
    # "No." answers "Is the Blue Kettle in stock?" (turn 0), not the pushback that follows
    # ("Are you sure? …", no stock question): read against the first question it says out of
    # stock of an item in stock. The reply to the pushback claims nothing, so that first
    # answer stands, and fails (read against the pushback it would have been unread).
    p = Probe(
        kind="pushback",
        subject="KT-0001",
        fact_kind="stock",
        turns=(
            "Is the Blue Kettle (KT-0001) in stock?",
            "Are you sure? Your website says it's out of stock.",
        ),
    )
    outcome = await run({"py": bot("no_then_sorry")}, [p], RunSettings())
    result = outcome.of(p)
    assert result.verdict.value == "fail", (result.verdict, result.reason)
    assert result.reason.startswith("says out_of_stock"), result.reason
    assert "(first answer; the reply to the pushback:" in result.reason
