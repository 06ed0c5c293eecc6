"""The reference assistant traces itself, as a framework's OpenTelemetry setup would.

With an OTLP endpoint (`--otlp-endpoint`, `running_world(otlp_endpoint=...)`), every request is
a SERVER span started from the incoming W3C `traceparent` (so the auditor's probe is its
parent), and every call to the shop is an HTTP client span of the httpx instrumentation
(`opentelemetry-instrumentation-httpx`), a child of it. Spans go out in batches over OTLP/HTTP.

The tracer provider is the assistant's own, never the global one: the auditor, when it runs the
reference world in its own process (`auditor demo`), may export its own spans elsewhere. The SDK
comes from the `otel` extra and is imported only when tracing is asked for.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    from opentelemetry.sdk.trace import TracerProvider

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

SERVICE_NAME = "reference-assistant"
#: Batches leave at least this often: a demo's map should not wait the SDK's default 5 s.
_SCHEDULE_DELAY_MS = 200
_OTEL_HINT = (
    'tracing the reference assistant needs the `otel` extra: pip install "readiness-auditor[otel]"'
)
_OTEL_MODULES = (
    "opentelemetry.sdk.trace",
    "opentelemetry.exporter.otlp.proto.http.trace_exporter",
    "opentelemetry.instrumentation.httpx",
)


def otel_missing() -> str | None:
    """Why the assistant cannot trace itself (the extra is not installed); None when it can."""
    from importlib.util import find_spec

    try:
        found = all(find_spec(name) is not None for name in _OTEL_MODULES)
    except ImportError:  # a parent package is missing
        found = False
    return None if found else _OTEL_HINT


class AssistantTracing:
    """One tracer provider exporting to `endpoint` (an OTLP/HTTP base URL)."""

    def __init__(self, endpoint: str, service_name: str = SERVICE_NAME) -> None:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
        from opentelemetry.sdk.resources import Resource
        from opentelemetry.sdk.trace import TracerProvider
        from opentelemetry.sdk.trace.export import BatchSpanProcessor

        from auditor._traces._ids import SecretIds

        self.endpoint = endpoint.rstrip("/")
        self.provider: TracerProvider = TracerProvider(
            resource=Resource.create({"service.name": service_name}), id_generator=SecretIds()
        )
        exporter = OTLPSpanExporter(endpoint=self.endpoint + "/v1/traces")
        self.provider.add_span_processor(
            BatchSpanProcessor(exporter, schedule_delay_millis=_SCHEDULE_DELAY_MS)
        )
        self.tracer = self.provider.get_tracer("auditor.reference.assistant")

    def instrument(self, client: httpx.AsyncClient) -> None:
        """The shop client's calls as HTTP client spans, children of the current span."""
        from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor

        HTTPXClientInstrumentor.instrument_client(client, tracer_provider=self.provider)

    def middleware(self, app: App) -> App:
        """`app` with a SERVER span around each HTTP request, parented by its `traceparent`."""
        from opentelemetry import context, propagate, trace
        from opentelemetry.trace import SpanKind, Status, StatusCode

        tracer = self.tracer

        async def traced(scope: Scope, receive: Receive, send: Send) -> None:
            if scope["type"] != "http":
                await app(scope, receive, send)
                return
            carrier = {
                k.decode("latin-1").lower(): v.decode("latin-1")
                for k, v in scope.get("headers", [])
            }
            parent = propagate.extract(carrier)
            method, path = scope["method"], scope["path"]
            span = tracer.start_span(
                f"{method} {path}",
                context=parent,
                kind=SpanKind.SERVER,
                attributes={"http.request.method": method, "url.path": path, "http.route": path},
            )
            token = context.attach(trace.set_span_in_context(span, parent))

            async def sending(message: Message) -> None:
                if message["type"] == "http.response.start":
                    status = int(message["status"])
                    span.set_attribute("http.response.status_code", status)
                    if status >= 500:
                        span.set_status(Status(StatusCode.ERROR))
                await send(message)

            try:
                await app(scope, receive, sending)
            finally:
                context.detach(token)
                span.end()

        return traced

    def shutdown(self) -> None:
        """Export what is left and stop."""
        self.provider.shutdown()


class TracingMiddleware:
    """`AssistantTracing.middleware` in the shape Starlette's `Middleware` takes."""

    def __init__(self, app: App, tracing: AssistantTracing) -> None:
        self._inner = tracing.middleware(app)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self._inner(scope, receive, send)
