"""Putting tracing in place for one audit: the receiver in a thread, the exporter, the hooks.

`open_receiver` serves the OTLP receiver until the block ends and records into `traces.jsonl`;
`audit_tracing` adds the auditor's own span export when `[traces] export = "otlp"`, and yields
the `AuditTracing` the audit runs with.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from auditor._anchors import AnchorConfig
from auditor._serve import serve_in_thread
from auditor._tap._operations import OperationIndex
from auditor._tap._session import load_specs
from auditor._traces._config import TracesSection
from auditor._traces._model import TRACES_FILE
from auditor._traces._store import SpanStore
from auditor._traces._tracing import AuditTracing

if TYPE_CHECKING:
    from auditor._traces._export import OwnSpans
    from auditor._traces._receiver import OtlpReceiver


class TracesError(Exception):
    """Tracing cannot be put in place (an unreadable document, the `otel` extra missing)."""


class ReceiverUnavailable(TracesError):
    """The receiver cannot listen where it was asked to (the port is taken)."""


#: What `[traces] export = "otlp"` needs beyond the core install.
OTEL_EXTRA_HINT = 'pip install "readiness-auditor[otel]"'


@dataclass(frozen=True, slots=True)
class Receiver:
    #: The base URL to give an OTLP/HTTP exporter (`OTEL_EXPORTER_OTLP_ENDPOINT`).
    url: str
    store: SpanStore
    app: OtlpReceiver

    def use(self, index: OperationIndex) -> None:
        """Match spans onto these operations: for a receiver started without them, before
        the anchors' URLs were known (the demo starts it before the shop)."""
        self.app.use(index)

    @property
    def traces_url(self) -> str:
        """The signal-specific URL (`OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`)."""
        return self.url + "/v1/traces"


@contextmanager
def open_receiver(
    section: TracesSection,
    index: OperationIndex | None,
    out: Path | None,
    *,
    redact: Callable[[str], str] | None = None,
) -> Iterator[Receiver]:
    """The receiver on `section.host:section.port` until the block ends, recording into `out`;
    without an `index`, spans are held until `Receiver.use` gives one."""
    from auditor._traces._receiver import OtlpReceiver  # protobuf: only when receiving

    with SpanStore(out, redact) as store, ExitStack() as stack:
        app = OtlpReceiver(store, index, max_body_bytes=section.max_body_bytes)
        try:  # only the start: an OSError of the audit itself is not the receiver's
            url = stack.enter_context(
                serve_in_thread(app, host=section.host, port=section.port, server_header=False)
            )
        except OSError as error:
            raise ReceiverUnavailable(
                f"the OTLP receiver cannot listen on {section.host}:{section.port}: {error}"
            ) from None
        yield Receiver(url, store, app)
        app.use(index or OperationIndex([]))  # nothing held back unrecorded


def operation_index(anchors: Mapping[str, AnchorConfig], base_dir: Path) -> OperationIndex:
    """Every anchor's operations, to map HTTP spans onto (as the tap maps requests)."""
    from auditor._tap._session import TapError

    try:
        specs = load_specs(anchors, base_dir)
    except TapError as error:
        raise TracesError(str(error)) from None
    return OperationIndex.build({name: (anchors[name], specs[name]) for name in anchors})


def own_spans(section: TracesSection) -> OwnSpans:
    try:
        from auditor._traces._export import OwnSpans
    except ImportError as error:
        raise TracesError(
            f'[traces] export = "otlp" needs the OpenTelemetry SDK ({error.name} is missing): '
            + OTEL_EXTRA_HINT
        ) from None
    assert section.endpoint is not None  # the section's own check
    return OwnSpans(section.endpoint, section.service_name, tracestate=section.tracestate)


@contextmanager
def audit_tracing(
    section: TracesSection,
    anchors: Mapping[str, AnchorConfig],
    directory: Path,
    *,
    receive: bool,
    base_dir: Path,
    redact: Callable[[str], str] | None = None,
    on_receiver: Callable[[Receiver], None] | None = None,
    receiver: Receiver | None = None,
) -> Iterator[AuditTracing]:
    """The audit's tracing until the block ends: the receiver when `receive` (started here,
    or `receiver`, started earlier), the exporter when `section.export` says so; `on_receiver`
    is told where a receiver started here listens."""
    with ExitStack() as stack:
        store = None
        if receive or receiver is not None:
            index = operation_index(anchors, base_dir)
            if receiver is None:
                receiver = stack.enter_context(
                    open_receiver(section, index, directory / TRACES_FILE, redact=redact)
                )
                if on_receiver is not None:
                    on_receiver(receiver)
            else:
                receiver.use(index)
            store = receiver.store
        own = own_spans(section) if section.export == "otlp" else None
        tracing = AuditTracing(
            tracestate=section.tracestate,
            store=store,
            own=own,
            settle_s=section.settle_s,
        )
        try:
            yield tracing
        finally:
            tracing.close()
