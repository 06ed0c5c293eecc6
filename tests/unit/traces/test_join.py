"""The exact join by trace id, and the map drawn from spans (no server)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pydantic import ValidationError

from auditor._report._map import map_markdown
from auditor._traces import SpanRecord, TracesSection, join_traced, traces_map
from tests.unit.tap._build import at, probe

ANCHORS = {"stock": "inventory", "orders": "orders", "returns": "returns"}


def _traced(result, trace_id):
    return result.model_copy(update={"trace_id": trace_id})


def _span(trace_id, *, operation=None, anchor=None, category="http", n=1, status=200):
    return SpanRecord(
        trace_id=trace_id,
        span_id=f"{n:016x}",
        name="GET",
        kind="client" if category == "http" else "server",
        started_at=at(1) + timedelta(milliseconds=n),
        duration_ms=1.0,
        category=category,
        method="GET" if category == "http" else None,
        path="/x" if category == "http" else None,
        anchor=anchor,
        operation_id=operation,
        fact_kind="returns" if anchor == "returns" else None,
        status_code=status if category == "http" else None,
    )


def test_overlapping_probes_each_get_their_own_calls_and_nothing_is_ambiguous():
    # Two return questions at the same moment, about nothing a path names: the tap's window
    # join could not tell their calls apart; the trace id does.
    first = _traced(probe("RMA-1", 0, 10, fact_kind="returns", said="approved"), "a" * 32)
    second = _traced(probe("RMA-2", 0, 10, fact_kind="returns", said="approved"), "b" * 32)
    spans = [
        _span("a" * 32, operation="listReturns", anchor="returns", n=1),
        _span("b" * 32, category="other", n=2),  # the second only has its server span
        _span("c" * 32, operation="listReturns", anchor="returns", n=3),  # no probe's trace
    ]
    omap = traces_map([first, second], spans, ANCHORS)
    assert (omap.source, omap.direct, omap.ambiguous, omap.shared, omap.unattributed) == (
        "traces",
        1,
        0,
        0,
        1,
    )
    [kind] = omap.by_kind
    assert (kind.answered, kind.consulted) == (2, 1)
    [flag] = [f for f in omap.flags if f.flag == "not_consulted"]
    assert flag.probe_ids == [second.probe_id]
    assert flag.message == "answered 2 return.status questions, called the returns API for 1"


def test_a_probe_whose_trace_never_arrived_is_untraced_not_unconsulted():
    seen = _traced(probe("RMA-1", 0, 10, fact_kind="returns", said="approved"), "a" * 32)
    unseen = _traced(probe("RMA-2", 0, 10, fact_kind="returns", said="approved"), "b" * 32)
    spans = [_span("a" * 32, operation="getReturn", anchor="returns")]
    omap = traces_map([seen, unseen], spans, ANCHORS)
    [kind] = omap.by_kind
    assert (kind.probes, kind.answered, kind.consulted) == (2, 1, 1)
    assert [f.flag for f in omap.flags] == ["untraced"]
    assert omap.flags[0].probe_ids == [unseen.probe_id] and omap.flags[0].severity == "info"


def test_no_call_at_all_says_where_to_look():
    result = _traced(probe("SKU-1", 0, 10), "a" * 32)
    omap = traces_map([result], [_span("a" * 32, category="other")], ANCHORS)
    assert omap.flags[0].flag == "nothing_recorded"
    assert "OTLP exporter" in omap.flags[0].message


def test_results_without_trace_ids_take_no_call():
    joined = join_traced([probe("SKU-1", 0, 10)], [])
    assert joined.direct == 0 and all(not calls for calls in joined.calls.values())


@pytest.mark.parametrize(
    ("data", "where"),
    [
        ({"export": "otlp"}, "needs an `endpoint`"),
        ({"endpoint": "collector:4318"}, "endpoint"),
        ({"tracestate": "has space=1"}, "tracestate"),
        ({"port": 70000}, "port"),
    ],
)
def test_the_section_refuses_what_cannot_work(data, where):
    with pytest.raises(ValidationError, match=where):
        TracesSection.model_validate(data)


def test_the_section_defaults_to_loopback_and_any_port():
    section = TracesSection.model_validate({"tracestate": " a=1 , b=2 "})
    assert (section.host, section.port, section.tracestate) == ("127.0.0.1", 0, "a=1,b=2")


def test_each_operation_counts_its_calls_by_status_and_span_outcome():
    result = _traced(probe("RMA-1", 0, 10, fact_kind="returns", said="approved"), "a" * 32)
    spans = [
        _span("a" * 32, operation="getReturn", anchor="returns", n=1, status=404),
        _span("a" * 32, operation="getReturn", anchor="returns", n=2, status=200),
        SpanRecord(
            trace_id="a" * 32,
            span_id="f" * 16,
            name="SELECT",
            kind="client",
            started_at=at(2),
            duration_ms=1.0,
            status="error",
            category="db",
            db_system="redis",
            db_operation="GET",
        ),
    ]
    omap = traces_map([result], spans, ANCHORS)
    [kind] = omap.by_kind
    ops = {(o.anchor, o.operation_id): o for o in kind.operations}
    assert ops[("returns", "getReturn")].statuses == {"200": 1, "404": 1}
    assert ops[("db:redis", "GET")].statuses == {"error": 1}
    assert ops[("db:redis", "GET")].errors == 1
    markdown = "\n".join(map_markdown(omap))
    assert "returns.getReturn (2: 200×1, 404×1)" in markdown
    assert "db:redis.GET (1: error×1)" in markdown
