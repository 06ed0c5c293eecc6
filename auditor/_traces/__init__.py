"""Tracing: W3C trace context on every question, an OTLP/HTTP receiver for the assistant's
spans, the orchestration map joined by trace id, and the audit's own spans (issue 22).

Names are imported on first use (`auditor._lazy`): the configuration's `TracesSection` does
not load the rest, and the receiver's protobuf decoding (`_otlp`, `_receiver`) and the
OpenTelemetry SDK (`_export`) load only when they are used, so a run without tracing pays
nothing for them.
"""

from typing import TYPE_CHECKING

from auditor._lazy import lazy_exports

if TYPE_CHECKING:
    from auditor._traces._config import TracesSection
    from auditor._traces._join import RULE, calls_of, join_traced, traces_map
    from auditor._traces._model import TRACES_FILE, SpanRecord
    from auditor._traces._session import (
        OTEL_EXTRA_HINT,
        Receiver,
        ReceiverUnavailable,
        TracesError,
        audit_tracing,
        open_receiver,
        operation_index,
    )
    from auditor._traces._store import SpanStore, read_spans
    from auditor._traces._tracing import AuditTracing

#: Imported on first use (`auditor._lazy`): the same names as above.
_EXPORTS = {
    "auditor._traces._config": ("TracesSection",),
    "auditor._traces._join": (
        "RULE",
        "calls_of",
        "join_traced",
        "traces_map",
    ),
    "auditor._traces._model": (
        "TRACES_FILE",
        "SpanRecord",
    ),
    "auditor._traces._session": (
        "OTEL_EXTRA_HINT",
        "Receiver",
        "ReceiverUnavailable",
        "TracesError",
        "audit_tracing",
        "open_receiver",
        "operation_index",
    ),
    "auditor._traces._store": (
        "SpanStore",
        "read_spans",
    ),
    "auditor._traces._tracing": ("AuditTracing",),
}
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

__all__ = [
    "OTEL_EXTRA_HINT",
    "RULE",
    "TRACES_FILE",
    "AuditTracing",
    "Receiver",
    "ReceiverUnavailable",
    "SpanRecord",
    "SpanStore",
    "TracesError",
    "TracesSection",
    "audit_tracing",
    "calls_of",
    "join_traced",
    "open_receiver",
    "operation_index",
    "read_spans",
    "traces_map",
]
