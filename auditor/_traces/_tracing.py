"""The audit's side of tracing: each probe's trace context, the spans it waits for, its own.

`AuditTracing` is the runner's `ProbeTracing`: it gives every probe its trace context (from the
auditor's own probe span when it exports spans, else random ids), tells the receiver's store
which trace and parent span to expect, sees each probe end on the event bus, and after the last
probe waits (`settle`) for the spans of every answered probe.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import TYPE_CHECKING, Any

from auditor._events import Event, ProbeFinished
from auditor._probes import Probe
from auditor._tracecontext import TraceContext
from auditor._verdict import Verdict

if TYPE_CHECKING:
    # A store comes with the receiver (`_session.py`); a run without one, the default, need
    # not load the span and call models before its first question.
    from auditor._traces._export import OwnSpans
    from auditor._traces._store import SpanStore


class AuditTracing:
    def __init__(
        self,
        *,
        tracestate: str | None = None,
        store: SpanStore | None = None,
        own: OwnSpans | None = None,
        settle_s: float = 10.0,
    ) -> None:
        self.tracestate = tracestate
        self.store = store
        self.own = own
        self.settle_s = settle_s
        #: Trace ids of the probes that got an answer: their spans are waited for.
        self.answered: list[str] = []
        #: After `settle`: the answered probes whose trace had no span by the end of the wait.
        self.missing: set[str] = set()

    def begin(self, probe: Probe) -> TraceContext:
        own = self.own
        trace = TraceContext.new(self.tracestate) if own is None else own.begin(probe)
        if trace.tracestate != self.tracestate:
            trace = dataclasses.replace(trace, tracestate=self.tracestate)
        if self.store is not None:
            self.store.expect(trace.trace_id, trace.span_id)
        return trace

    def reading(self, trace: TraceContext, probe: Probe) -> AbstractContextManager[object]:
        return nullcontext() if self.own is None else self.own.reading(trace, probe)

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        if self.own is None:
            yield
        else:
            with self.own.snapshot():
                yield

    def handle(self, event: Event) -> None:
        """An event-bus handler: a finished probe's span ends, its trace is waited for."""
        if not isinstance(event, ProbeFinished):
            return
        result = event.result
        if self.own is not None:
            self.own.end(result)
        if result.trace_id and result.verdict is not Verdict.ERROR:
            self.answered.append(result.trace_id)

    async def settle(self) -> set[str]:
        """Wait, at most `settle_s`, until every answered probe's trace has its first span;
        then record nothing more (the map is drawn from what came until then)."""
        if self.store is None:
            return set()
        if self.answered:
            self.missing = await asyncio.to_thread(
                self.store.wait_for, list(self.answered), self.settle_s
            )
        self.store.seal()
        return self.missing

    def start_audit(self, name: str, attributes: dict[str, Any]) -> None:
        if self.own is not None:
            self.own.start_audit(name, attributes)

    def close(self, attributes: dict[str, Any] | None = None) -> None:
        """End the audit's span (with `attributes`) and flush; once."""
        own, self.own = self.own, None
        if own is not None:
            own.close(attributes)
