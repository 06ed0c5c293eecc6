"""The runner's typed events. Progress display, results writer and summaries subscribe to them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from auditor._probes._model import Probe
from auditor._results import ProbeResult


@dataclass(frozen=True, slots=True)
class AuditStarted:
    total: int
    #: Probes already finished by an earlier, interrupted run of the same audit.
    already_done: int


@dataclass(frozen=True, slots=True)
class ProbeStarted:
    probe: Probe


@dataclass(frozen=True, slots=True)
class ProbeFinished:
    result: ProbeResult


@dataclass(frozen=True, slots=True)
class AuditFinished:
    interrupted: bool


Event = AuditStarted | ProbeStarted | ProbeFinished | AuditFinished
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
