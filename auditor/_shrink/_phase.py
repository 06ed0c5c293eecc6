"""The shrink phase: after the plan has run, the simplest failing case of each failing bucket.

A bucket is a probe kind and one of its edge classes; it fails when at least one of its plan
probes got a `fail` verdict. Buckets are searched one after another, the most failed first, so
that the phase's time limit cuts the least important ones; a bucket not reached keeps its
simplest plan failure as its case, so every failing bucket has one line in `minimal.jsonl`.

Hypothesis runs in a worker thread (it is synchronous) while the event loop keeps serving the
assistant adapters and the anchors; each ask is sent back to the loop and waited for. The asks
are not plan probes: their results go to `shrink.jsonl`, never to `results.jsonl`.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
import hashlib
import shutil
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Protocol

from auditor._facts import Snapshot
from auditor._probes import PROBE_KINDS, KindPlan, PlanScope, Probe
from auditor._probes._planner import DrawRenderer
from auditor._probes._strategies import draws
from auditor._results import ProbeResult
from auditor._shrink._case import MinimalCase, Stopped, complexity, failure_pattern, write_minimal
from auditor._shrink._search import AskFn, BucketSearch, Found, SearchLimits, SearchTarget
from auditor._store import SHRINK_FILE

#: Where the shrink phase keeps Hypothesis's example database while it runs, inside the audit
#: directory; removed when the phase ends (an interrupted phase leaves it for `--resume`).
DATABASE_DIR = ".hypothesis"


class Judge(Protocol):
    """Asks one probe and judges the answer (the runner's `ProbeJudge`)."""

    async def run(self, probe: Probe) -> ProbeResult: ...


@dataclass(frozen=True, slots=True)
class ShrinkSettings:
    #: Examples per failing bucket; 0 turns the phase off.
    budget: int = 25
    #: Seconds for the whole phase.
    time_s: float = 60.0
    #: The audit's seed; each bucket's search is seeded from it.
    seed: int = 0


@dataclass(frozen=True, slots=True)
class ShrinkContext:
    directory: Path
    snapshot: Snapshot
    suites: Sequence[KindPlan]
    judge: Judge
    settings: ShrinkSettings
    #: The plan's scope (production: test customers only, rotated subjects); the search draws
    #: from the same members, so shrinking never asks what the plan could not.
    scope: PlanScope | None = None


@dataclass(frozen=True, slots=True)
class FailingBucket:
    kind: str
    edge_class: str | None
    #: The bucket's most frequent failure pattern: the finding its search stays within.
    pattern: str
    #: The simplest plan probe that failed with that pattern.
    original: ProbeResult
    #: Failed plan probes of the bucket, any pattern.
    failures: int


def failing_buckets(snapshot: Snapshot, results: Iterable[ProbeResult]) -> list[FailingBucket]:
    """Buckets with at least one `fail`, the most failed first; one pass over `results`,
    keeping per bucket and pattern a count and the simplest failure so far (never them all)."""
    groups: dict[tuple[str, str | None], dict[str, _Pattern]] = {}
    for result in results:
        pattern = failure_pattern(result)
        if pattern is None:
            continue
        edge = result.probe.get("edge_class")
        bucket = groups.setdefault(
            (str(result.probe["kind"]), None if edge is None else str(edge)), {}
        )
        key = (complexity(snapshot, Probe.from_json(result.probe)), result.probe_id)
        seen = bucket.get(pattern)
        if seen is None:
            bucket[pattern] = _Pattern(1, key, result)
        else:
            seen.count += 1
            if key < seen.key:  # the first of equals, as min() keeps
                seen.key, seen.simplest = key, result
    buckets = []
    for (kind, edge_class), patterns in groups.items():
        pattern = min(patterns, key=lambda p: (-patterns[p].count, p))
        failures = sum(p.count for p in patterns.values())
        buckets.append(
            FailingBucket(kind, edge_class, pattern, patterns[pattern].simplest, failures)
        )
    buckets.sort(key=lambda b: (-b.failures, b.kind, b.edge_class or ""))
    return buckets


@dataclass(slots=True)
class _Pattern:
    """One failure pattern of a bucket: how often, and its simplest failure so far."""

    count: int
    key: tuple[Any, str]
    simplest: ProbeResult


def _bucket_key(*parts: object) -> bytes:
    return hashlib.sha256("|".join(str(p) for p in parts).encode()).digest()


def _target(context: ShrinkContext, bucket: FailingBucket) -> SearchTarget | None:
    """The bucket's search, or None when this snapshot and suite cannot draw it again."""
    plans = {plan.kind: plan for plan in context.suites}
    if bucket.kind not in plans or bucket.kind not in PROBE_KINDS or bucket.edge_class is None:
        return None
    kind = PROBE_KINDS[bucket.kind]
    strategy = draws(context.snapshot, plans[bucket.kind], kind, bucket.edge_class, context.scope)
    channel = bucket.original.probe.get("channel")
    if strategy is None or channel is None:
        return None
    renderer = DrawRenderer(
        context.snapshot, plans[bucket.kind], kind, bucket.edge_class, str(channel)
    )
    return SearchTarget(strategy, renderer.probe, bucket.pattern, bucket.original)


def _limits(context: ShrinkContext, bucket: FailingBucket, deadline: float) -> SearchLimits:
    """Each bucket its own seed (from the audit's) and its own example database."""
    seed = _bucket_key(context.settings.seed, bucket.kind, bucket.edge_class)
    folder = _bucket_key(bucket.kind, bucket.edge_class).hex()[:16]
    return SearchLimits(
        budget=context.settings.budget,
        deadline=deadline,
        seed=int.from_bytes(seed[:8], "big"),
        database=context.directory / DATABASE_DIR / folder,
    )


def _asker(judge: Judge, loop: asyncio.AbstractEventLoop) -> AskFn:
    """Ask from the worker thread on the audit's event loop, waiting at most `timeout`."""

    def ask(probe: Probe, timeout: float) -> ProbeResult | None:
        future = asyncio.run_coroutine_threadsafe(judge.run(probe), loop)
        try:
            return future.result(timeout)
        except (TimeoutError, concurrent.futures.CancelledError):
            future.cancel()
            return None

    return ask


def _case(bucket: FailingBucket, found: Found) -> MinimalCase:
    return MinimalCase(
        kind=bucket.kind,
        edge_class=bucket.edge_class,
        pattern=bucket.pattern,
        probe=found.probe.to_json(),
        result=found.result,
        original_probe_id=bucket.original.probe_id,
        examples=found.examples,
        asked=found.asked,
        stopped=found.stopped,
    )


def _unsearched(bucket: FailingBucket, stopped: Stopped) -> Found:
    return Found(Probe.from_json(bucket.original.probe), bucket.original, 0, 0, stopped)


class _Log:
    """Appends each shrink answer to `shrink.jsonl` as it is judged (from the worker thread)."""

    def __init__(self, out: IO[str]) -> None:
        self._out = out

    def __call__(self, result: ProbeResult) -> None:
        self._out.write(result.model_dump_json() + "\n")
        self._out.flush()


async def shrink_failures(
    context: ShrinkContext, results: Iterable[ProbeResult]
) -> list[MinimalCase]:
    """Search every failing bucket in turn; writes and returns the minimal cases.

    With a budget of 0 nothing is asked or written. Otherwise `minimal.jsonl` is rewritten after
    each bucket, so an interrupted phase keeps what it found. Hypothesis's example database is
    removed once every bucket is done: what it found is in `minimal.jsonl`, and a report folder
    should hold no hidden leftovers.
    """
    settings = context.settings
    if settings.budget <= 0:
        return []
    deadline = time.monotonic() + settings.time_s
    ask = _asker(context.judge, asyncio.get_running_loop())
    key = functools.partial(complexity, context.snapshot)
    stop = threading.Event()
    cases: list[MinimalCase] = []
    write_minimal(context.directory, cases)
    with (context.directory / SHRINK_FILE).open("a", encoding="utf-8") as out:
        for bucket in failing_buckets(context.snapshot, results):
            target = _target(context, bucket)
            if target is None:
                found = _unsearched(bucket, "done")
            elif time.monotonic() >= deadline:
                found = _unsearched(bucket, "time")
            else:
                search = BucketSearch(
                    target,
                    _limits(context, bucket, deadline),
                    ask,
                    key,
                    stop=stop,
                    record=_Log(out),
                )
                try:
                    found = await asyncio.to_thread(search.run)
                except asyncio.CancelledError:
                    stop.set()  # the thread asks nothing more and winds down on its own
                    raise
            cases.append(_case(bucket, found))
            write_minimal(context.directory, cases)
    shutil.rmtree(context.directory / DATABASE_DIR, ignore_errors=True)
    return cases
