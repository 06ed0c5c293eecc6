"""The span store: the settle wait's condition, and nothing written once sealed."""

from __future__ import annotations

from auditor._traces import SpanRecord, SpanStore, read_spans
from tests.unit.tap._build import at


def _span(trace: str, parent: str | None, n: int = 1) -> SpanRecord:
    return SpanRecord(
        trace_id=trace,
        span_id=f"{n:016x}",
        parent_span_id=parent,
        name="POST /message",
        kind="server",
        started_at=at(n),
        duration_ms=1.0,
    )


def test_a_trace_is_entered_by_the_span_whose_parent_is_the_probes(tmp_path):
    with SpanStore(tmp_path / "traces.jsonl") as store:
        store.expect("a" * 32, "1" * 16)
        store.expect("b" * 32, "2" * 16)
        store.add([_span("a" * 32, "9" * 16), _span("b" * 32, "2" * 16, n=2)])
        # A span of another parent (a nested one) does not enter the trace; the timeout ends it.
        assert store.wait_for(["a" * 32, "b" * 32], timeout_s=0) == {"a" * 32}
        store.add([_span("a" * 32, "1" * 16, n=3)])
        assert store.wait_for(["a" * 32, "b" * 32], timeout_s=0) == set()


def test_nothing_is_written_once_sealed(tmp_path):
    with SpanStore(tmp_path / "traces.jsonl") as store:
        store.add([_span("a" * 32, None)])
        store.seal()
        assert store.add([_span("a" * 32, None, n=2), _span("c" * 32, None, n=3)]) == 0
        assert store.late == 2
    assert [s.span_id for s in read_spans(tmp_path / "traces.jsonl")] == [f"{1:016x}"]


def test_no_file_means_no_receiver_ran(tmp_path):
    assert read_spans(tmp_path / "traces.jsonl") is None
