"""The received spans: kept in memory for the settle wait, appended to `traces.jsonl`.

The receiver runs in its own thread (uvicorn's loop) and the audit in another, so the store is
the one object they share, behind a condition: the audit registers each probe's trace context
before the question goes out (`expect`) and, after the last probe, waits until the first span
of every answered probe's trace has come in (`wait_for`) — exporters send in batches, seconds
after the answer. The file is appended to, so a resumed audit keeps the spans of its first run.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from types import TracebackType

from pydantic import ValidationError

from auditor._jsonl import JsonlWriter, complete_lines
from auditor._traces._model import SpanRecord


class SpanStore:
    def __init__(self, path: Path | None, redact: Callable[[str], str] | None = None) -> None:
        self.path = path
        self._writer = None if path is None else JsonlWriter(path, mode="a", redact=redact)
        self._sealed = False
        self._condition = threading.Condition()
        #: Trace id -> the span id the probe's requests named as parent (its `traceparent`).
        self._expected: dict[str, str] = {}
        #: Traces in which a span of the assistant's own has arrived.
        self._entered: set[str] = set()
        self.spans: list[SpanRecord] = []
        self.requests = 0
        #: Spans that came after `seal`: counted, not written (the report was drawn already).
        self.late = 0

    def __enter__(self) -> SpanStore:
        if self._writer is not None:
            self._writer.__enter__()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        with self._condition:
            if self._writer is not None:
                self._writer.__exit__(exc_type, exc, tb)
                self._writer = None

    def expect(self, trace_id: str, parent_span_id: str) -> None:
        with self._condition:
            self._expected[trace_id] = parent_span_id

    def seal(self) -> None:
        """Write nothing more: what the report is drawn from is complete, and re-rendering
        the audit later draws the same map."""
        with self._condition:
            if self._writer is not None:
                self._writer.__exit__(None, None, None)
                self._writer = None
            self._sealed = True

    def add(self, records: Iterable[SpanRecord]) -> int:
        """Keep and write the records; returns how many."""
        added = 0
        with self._condition:
            self.requests += 1
            if self._sealed:
                self.late += sum(1 for _ in records)
                return 0
            for record in records:
                self.spans.append(record)
                if self._writer is not None:
                    self._writer.append(record)
                parent = self._expected.get(record.trace_id)
                if parent is not None and record.parent_span_id == parent:
                    self._entered.add(record.trace_id)
                added += 1
            self._condition.notify_all()
        return added

    def wait_for(self, trace_ids: Iterable[str], timeout_s: float) -> set[str]:
        """Block until each trace has its first span, or `timeout_s`; the traces still missing.

        A trace's first span is the one whose parent is the probe's own span (the assistant's
        server span, as its framework starts it from the incoming `traceparent`)."""
        wanted = set(trace_ids)
        with self._condition:
            self._condition.wait_for(lambda: wanted <= self._entered, timeout=timeout_s)
            return wanted - self._entered


def read_spans(path: Path) -> list[SpanRecord] | None:
    """Every whole span record in `traces.jsonl`; None when no receiver ran."""
    if not path.exists():
        return None
    spans: list[SpanRecord] = []
    for data in complete_lines(path):
        try:
            spans.append(SpanRecord.model_validate(data))
        except ValidationError:
            continue
    return spans
