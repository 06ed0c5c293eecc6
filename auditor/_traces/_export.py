"""The audit as spans: exported over OTLP/HTTP with the OpenTelemetry SDK (`otel` extra).

One span for the audit, one for the snapshot it reads, one per probe and one per anchor read
of a probe. Each probe's span is the root of a trace of its own — its trace id is the one the
question carries, so the assistant's spans for it land in the same trace — linked to the
audit's span, as OpenTelemetry recommends for a batch that fans out. The verdict is an
OpenTelemetry GenAI `gen_ai.evaluation.result` event on the probe's span.

The provider is the auditor's own (never the global one), so an assistant in the same process
(the reference world under `auditor demo`) keeps its own tracing. Imported only when
`[traces] export = "otlp"`: the SDK costs ~100 ms to import.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from opentelemetry import context as otel_context
from opentelemetry import trace
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from opentelemetry.trace import Link, SpanKind, Status, StatusCode

from auditor._probes import Probe
from auditor._results import ProbeResult
from auditor._tracecontext import TraceContext
from auditor._traces._ids import SecretIds
from auditor._verdict import Verdict

_SCOPE = "readiness-auditor"


def _hex_trace(span: trace.Span) -> tuple[str, str]:
    context = span.get_span_context()
    return trace.format_trace_id(context.trace_id), trace.format_span_id(context.span_id)


class OwnSpans:
    """The auditor's spans, batched to `endpoint` (the collector's OTLP/HTTP base URL)."""

    def __init__(self, endpoint: str, service_name: str, *, tracestate: str | None = None) -> None:
        self._provider = TracerProvider(
            resource=Resource.create({"service.name": service_name}), id_generator=SecretIds()
        )
        exporter = OTLPSpanExporter(endpoint=endpoint.rstrip("/") + "/v1/traces")
        self._provider.add_span_processor(BatchSpanProcessor(exporter))
        self._tracer = self._provider.get_tracer(_SCOPE)
        self._tracestate = tracestate
        self._audit: trace.Span | None = None
        self._lock = threading.Lock()
        self._probes: dict[str, trace.Span] = {}

    def start_audit(self, name: str, attributes: dict[str, Any]) -> None:
        root = otel_context.Context()
        self._audit = self._tracer.start_span(
            f"audit {name}", context=root, kind=SpanKind.INTERNAL, attributes=attributes
        )

    def _under_audit(self) -> otel_context.Context:
        if self._audit is None:
            return otel_context.Context()
        return trace.set_span_in_context(self._audit, otel_context.Context())

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        span = self._tracer.start_span("anchor snapshot", context=self._under_audit())
        with trace.use_span(span, end_on_exit=True, record_exception=True):
            yield

    def begin(self, probe: Probe) -> TraceContext:
        links = [] if self._audit is None else [Link(self._audit.get_span_context())]
        span = self._tracer.start_span(
            f"probe {probe.kind}",
            context=otel_context.Context(),  # a root: the probe's trace is its own
            kind=SpanKind.CLIENT,
            links=links,
            attributes={
                "auditor.probe.id": probe.id,
                "auditor.probe.kind": probe.kind,
                "auditor.probe.channel": probe.channel or "",
                "auditor.probe.fact_kind": probe.fact_kind,
            },
        )
        trace_id, span_id = _hex_trace(span)
        with self._lock:
            self._probes[trace_id] = span
        return TraceContext(trace_id, span_id, True, self._tracestate)

    @contextmanager
    def reading(self, trace_context: TraceContext, probe: Probe) -> Iterator[None]:
        with self._lock:
            parent = self._probes.get(trace_context.trace_id)
        where = otel_context.Context() if parent is None else trace.set_span_in_context(parent)
        span = self._tracer.start_span(
            f"anchor read {probe.fact_kind}",
            context=where,
            kind=SpanKind.CLIENT,
            attributes={"auditor.fact_kind": probe.fact_kind, "auditor.subject": probe.subject},
        )
        with trace.use_span(span, end_on_exit=True, record_exception=True):
            yield

    def end(self, result: ProbeResult) -> None:
        with self._lock:
            span = self._probes.pop(result.trace_id or "", None)
        if span is None:
            return
        span.add_event(
            "gen_ai.evaluation.result",
            {
                "gen_ai.evaluation.name": str(result.probe.get("kind", "")),
                "gen_ai.evaluation.score.label": result.verdict.value,
                "gen_ai.evaluation.explanation": result.reason[:1000],
            },
        )
        span.set_attribute("auditor.verdict", result.verdict.value)
        if result.verdict is Verdict.ERROR:
            span.set_status(Status(StatusCode.ERROR, result.reason[:300]))
        span.end()

    def close(self, attributes: dict[str, Any] | None = None) -> None:
        """End what is still open (an interrupted audit's probes, the audit) and flush."""
        with self._lock:
            left, self._probes = list(self._probes.values()), {}
        for span in left:
            span.set_status(Status(StatusCode.ERROR, "the audit ended before this probe did"))
            span.end()
        if self._audit is not None:
            if attributes:
                self._audit.set_attributes(attributes)
            self._audit.end()
            self._audit = None
        self._provider.shutdown()
