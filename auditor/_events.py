"""The runner's typed events, and the handlers every audit subscribes.

The runner and the audit emit; the progress display, the results writer and the live summary
(`Tally`) subscribe. Handlers run synchronously, in the order they subscribed, on the event
loop: they must be quick and must not block.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from auditor._probes._model import Probe
from auditor._results import ProbeResult, ResultsStore
from auditor._verdict import Verdict


@dataclass(frozen=True, slots=True)
class AuditStarted:
    total: int
    #: Probes already finished by an earlier, interrupted run of the same audit.
    already_done: int
    #: Their verdicts, counted: a resumed run's summary counts the whole audit.
    earlier: Mapping[Verdict, int] = field(default_factory=dict)
    #: Why the plan is smaller than the budget (`_probes._capacity.budget_note`), or None.
    short_of_budget: str | None = None


@dataclass(frozen=True, slots=True)
class ProbeStarted:
    probe: Probe


@dataclass(frozen=True, slots=True)
class ProbeAnswered:
    """The assistant's answer is in; its verdict follows (`ProbeFinished`)."""

    probe: Probe
    latency_ms: float


@dataclass(frozen=True, slots=True)
class ProbeFinished:
    result: ProbeResult


@dataclass(frozen=True, slots=True)
class LagStarted:
    """The lag phase begins: it changes the sandbox's data and waits for answers to follow."""

    scenarios: int
    deadline_s: float


@dataclass(frozen=True, slots=True)
class LagMeasured:
    """One lag scenario finished; plain fields, so that the events need nothing of `_lag`."""

    scenario: str
    status: str
    lag_s: float | None
    reason: str


@dataclass(frozen=True, slots=True)
class AuditFinished:
    interrupted: bool


Event = (
    AuditStarted
    | ProbeStarted
    | ProbeAnswered
    | ProbeFinished
    | LagStarted
    | LagMeasured
    | AuditFinished
)
Handler = Callable[[Event], None]


class EventBus:
    """Synchronous fan-out: handlers must be quick, and run in the order they subscribed."""

    def __init__(self, *handlers: Handler) -> None:
        self._handlers = list(handlers)

    def subscribe(self, handler: Handler) -> None:
        self._handlers.append(handler)

    def emit(self, event: Event) -> None:
        for handler in self._handlers:
            handler(event)


def results_writer(store: ResultsStore) -> Handler:
    """Appends every finished probe's result to `store`, as it finishes."""

    def write(event: Event) -> None:
        if isinstance(event, ProbeFinished):
            store.append(event.result)

    return write


class Tally:
    """The live summary: done of total, counts by verdict, in flight, rate of this run.

    Subscribe it, then read it whenever a display wants to: it holds numbers, not results.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self.total = 0
        #: Finished by an earlier run of the same audit (`--resume`), and their verdicts.
        self.already_done = 0
        self.earlier: Counter[Verdict] = Counter()
        self.verdicts: Counter[Verdict] = Counter()
        self.in_flight = 0
        self.started = clock()
        self.interrupted: bool | None = None

    def __call__(self, event: Event) -> None:
        if isinstance(event, ProbeFinished):
            self.verdicts[event.result.verdict] += 1
            self.in_flight = max(0, self.in_flight - 1)
        elif isinstance(event, ProbeStarted):
            self.in_flight += 1
        elif isinstance(event, AuditStarted):
            self.total, self.already_done = event.total, event.already_done
            self.earlier = Counter(event.earlier)
            self.started = self._clock()
        elif isinstance(event, AuditFinished):
            self.interrupted = event.interrupted

    @property
    def finished(self) -> int:
        """Finished in this run."""
        return sum(self.verdicts.values())

    @property
    def done(self) -> int:
        return self.already_done + self.finished

    def rate(self) -> float:
        """Probes finished per second in this run."""
        return self.finished / max(self._clock() - self.started, 1e-9)

    def count(self, verdict: Verdict) -> int:
        """Probes of the whole audit with this verdict, an earlier run's included."""
        return self.earlier[verdict] + self.verdicts[verdict]
