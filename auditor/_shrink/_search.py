"""One failing bucket's search for its simplest failing case, with Hypothesis driving.

The search is a Hypothesis test built for the bucket and called, the way schemathesis drives
Hypothesis: `@given` over the bucket's own strategy (the one the plan drew from), explicit
`@settings`, a seed, and an example database in the audit's folder. Its body asks the
assistant through a callback and raises when the answer fails the way the bucket's finding
does, so Hypothesis shrinks within that finding. Three choices are not Hypothesis's defaults:

* The plan's failing draw is the explicit example, but its failure is not raised: Hypothesis
  stops at a failing explicit example without generating or shrinking anything. It is asked
  again (does it still fail?) and kept as the fallback; the search goes on from there.
* Every draw's outcome is remembered. Hypothesis re-runs draws it has seen (the final run of
  the minimal example, equal draws from different choices); answering them from memory saves
  asks and keeps the test deterministic even against an assistant that is not.
* Once the bucket's budget of asks or the phase's time is spent, draws not seen yet count as
  passing without being asked, so Hypothesis winds down at once and keeps what it found.

The case kept is the least complex of every failure seen (`complexity`), so it is never more
complex than the plan's, whatever Hypothesis did.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, Phase, Verbosity, example, given, settings
from hypothesis import seed as hypothesis_seed
from hypothesis import strategies as st
from hypothesis.database import DirectoryBasedExampleDatabase

from auditor._probes import Probe
from auditor._probes._strategies import Draw
from auditor._results import ProbeResult
from auditor._shrink._case import Complexity, Stopped, draw_of, failure_pattern

#: Ask one probe, waiting at most this many seconds; None when no answer came in time.
AskFn = Callable[[Probe, float], ProbeResult | None]


class _SameFailure(Exception):
    """Raised by the test body: the draw fails the way the bucket's finding does."""


@dataclass(frozen=True, slots=True)
class SearchTarget:
    """What one bucket's search looks for, and where it starts."""

    strategy: st.SearchStrategy[Draw]
    #: A draw as the probe the plan would have asked (on the original failure's channel).
    render: Callable[[Draw], Probe]
    pattern: str
    original: ProbeResult


@dataclass(frozen=True, slots=True)
class SearchLimits:
    #: Hypothesis's `max_examples`, and the most asks the bucket may make.
    budget: int
    #: `time.monotonic()` after which nothing more is asked.
    deadline: float
    seed: int
    #: The Hypothesis example database's folder (None: no database).
    database: Path | None = None


@dataclass(frozen=True, slots=True)
class Found:
    probe: Probe
    result: ProbeResult
    examples: int
    asked: int
    stopped: Stopped


class BucketSearch:
    """Runs in a worker thread; `ask` calls back into the audit's event loop."""

    def __init__(
        self,
        target: SearchTarget,
        limits: SearchLimits,
        ask: AskFn,
        key: Callable[[Probe], Complexity],
        *,
        stop: threading.Event,
        record: Callable[[ProbeResult], None] = lambda _result: None,
    ) -> None:
        self._target = target
        self._limits = limits
        self._ask_fn = ask
        self._key = key
        self._stop = stop
        self._record = record
        self._seen: dict[Draw, bool] = {}
        original = Probe.from_json(target.original.probe)
        self._original = draw_of(original)
        self._failures: list[tuple[Probe, ProbeResult]] = [(original, target.original)]
        self.examples = 0
        self.asked = 0
        self.stopped: Stopped = "done"

    def run(self) -> Found:
        try:
            self._test()()
        except _SameFailure:
            pass
        except Exception:
            # Hypothesis's own failures (a flaky verdict, a strategy error) must not cost the
            # audit its case: the failures seen so far are kept.
            self.stopped = "error"
        # Latest first among equals: the plan's failure asked again beats its first answer.
        probe, result = min(reversed(self._failures), key=lambda failure: self._key(failure[0]))
        return Found(probe, result, self.examples, self.asked, self.stopped)

    def _test(self) -> Callable[[], None]:
        limits = self._limits
        database = (
            None if limits.database is None else DirectoryBasedExampleDatabase(limits.database)
        )

        # `@seed` turns the example database off for the settings beneath it, so the settings
        # go on top: the search is seeded and still remembers its failures.
        @settings(
            max_examples=max(1, limits.budget),
            database=database,
            deadline=None,
            phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],
            suppress_health_check=list(HealthCheck),
            derandomize=False,
            report_multiple_bugs=False,
            print_blob=False,
            verbosity=Verbosity.quiet,
        )
        @hypothesis_seed(limits.seed)
        @example(self._original)
        @given(self._target.strategy)
        def search(draw: Draw) -> None:
            self._check(draw)

        return search

    def _check(self, draw: Draw) -> None:
        self.examples += 1
        explicit = self.examples == 1  # the explicit phase runs first, with one example
        if draw not in self._seen:
            self._seen[draw] = self._fails(draw)
        if self._seen[draw] and not explicit:
            raise _SameFailure

    def _fails(self, draw: Draw) -> bool:
        remaining = self._limits.deadline - time.monotonic()
        if self._stop.is_set() or remaining <= 0:
            return self._spent("time")
        if self.asked >= self._limits.budget:
            return self._spent("budget")
        probe = self._target.render(draw)
        self.asked += 1
        result = self._ask_fn(probe, remaining)
        if result is None:
            return self._spent("time")
        self._record(result)
        if failure_pattern(result) != self._target.pattern:
            return False
        self._failures.append((probe, result))
        return True

    def _spent(self, why: Stopped) -> bool:
        if self.stopped == "done":
            self.stopped = why
        return False
