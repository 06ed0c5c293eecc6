"""W3C trace context: the `traceparent` (and `tracestate`) every question carries.

Each probe gets a trace id of its own, made here (or by the OpenTelemetry SDK when the audit
exports its own spans), recorded in its result and sent with every request the probe makes, so
that the assistant's own tracing puts its work in the probe's trace. Spans that come back carry
that trace id, which joins them to the probe exactly (no time window). Pure and dependency-free:
the adapters import it on every run.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

_TRACEPARENT = re.compile(r"00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})")
_ZERO_TRACE = "0" * 32
_ZERO_SPAN = "0" * 16
#: A generator of the module's own, seeded from the OS: trace ids need to be unique, not
#: secret, and the global `random` state is Hypothesis's to watch (it plans in this process).
_IDS = random.Random()


@dataclass(frozen=True, slots=True)
class TraceContext:
    """A trace id (32 lower-case hex digits) and the id of the span that asks (16)."""

    trace_id: str
    span_id: str
    sampled: bool = True
    #: Sent verbatim as `tracestate` when set (`[traces] tracestate`).
    tracestate: str | None = None

    @classmethod
    def new(cls, tracestate: str | None = None) -> TraceContext:
        """Fresh random ids (never all zeros, which W3C forbids)."""
        trace_id, span_id = _ZERO_TRACE, _ZERO_SPAN
        while trace_id == _ZERO_TRACE:
            trace_id = f"{_IDS.getrandbits(128):032x}"
        while span_id == _ZERO_SPAN:
            span_id = f"{_IDS.getrandbits(64):016x}"
        return cls(trace_id, span_id, True, tracestate)

    @property
    def traceparent(self) -> str:
        return f"00-{self.trace_id}-{self.span_id}-{'01' if self.sampled else '00'}"

    def headers(self) -> dict[str, str]:
        """The request headers that carry this context."""
        carried = {"traceparent": self.traceparent}
        if self.tracestate:
            carried["tracestate"] = self.tracestate
        return carried


def parse_traceparent(value: str | None) -> TraceContext | None:
    """The context a `traceparent` header names; None for a missing or malformed one."""
    if value is None:
        return None
    found = _TRACEPARENT.fullmatch(value.strip().lower())
    if found is None or found.group(1) == _ZERO_TRACE or found.group(2) == _ZERO_SPAN:
        return None
    return TraceContext(found.group(1), found.group(2), bool(int(found.group(3), 16) & 1))
