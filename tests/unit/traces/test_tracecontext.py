"""W3C trace context: what every question carries."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor._tracecontext import TraceContext, parse_traceparent


def test_a_new_context_is_a_valid_traceparent_with_fresh_ids():
    one, two = TraceContext.new(), TraceContext.new()
    assert one.trace_id != two.trace_id and one.span_id != two.span_id
    assert parse_traceparent(one.traceparent) == one
    assert one.traceparent == f"00-{one.trace_id}-{one.span_id}-01"
    assert one.headers() == {"traceparent": one.traceparent}


def test_tracestate_rides_along_when_set():
    context = TraceContext.new("vendor=abc,other=1")
    assert context.headers()["tracestate"] == "vendor=abc,other=1"


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "00-" + "0" * 32 + "-00f067aa0ba902b7-01",  # all-zero trace id
        "00-4bf92f3577b34da6a3ce929d0e0e4736-" + "0" * 16 + "-01",  # all-zero span id
        "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",  # short
        "zz-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
    ],
)
def test_malformed_traceparents_are_none(value):
    assert parse_traceparent(value) is None


def test_the_sampled_flag_is_read():
    value = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"
    parsed = parse_traceparent(value)
    assert parsed is not None and not parsed.sampled and parsed.traceparent == value


@given(st.text(max_size=80))
def test_parsing_never_raises(value):
    parse_traceparent(value)
