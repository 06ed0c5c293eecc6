"""The OTLP/HTTP receiver on loopback: what OTLP exporters send is kept, anything else refused.

Bad payloads get a 400 or 413 with a reason and leave the receiver serving; the exports that
follow are still recorded. Real sockets, real uvicorn; the payloads are built with the
protocol's own messages (and, for JSON, as the OTLP specification spells it: hex ids).
"""

from __future__ import annotations

import gzip
import sys

import httpx
import pytest
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import (
    ExportTraceServiceRequest,
    ExportTraceServiceResponse,
)
from opentelemetry.proto.common.v1.common_pb2 import AnyValue, KeyValue
from opentelemetry.proto.trace.v1.trace_pb2 import ResourceSpans, ScopeSpans, Span

from auditor._tap import OperationIndex
from auditor._traces import (
    ReceiverUnavailable,
    TracesError,
    TracesSection,
    open_receiver,
    read_spans,
)
from auditor._traces._session import own_spans

TRACE = "4bf92f3577b34da6a3ce929d0e0e4736"
SPAN = "00f067aa0ba902b7"
LIMIT = 64 * 1024


def _export(name: str = "GET", trace: str = TRACE) -> bytes:
    span = Span(
        trace_id=bytes.fromhex(trace),
        span_id=bytes.fromhex(SPAN),
        name=name,
        kind=Span.SPAN_KIND_CLIENT,
        start_time_unix_nano=1_700_000_000_000_000_000,
        end_time_unix_nano=1_700_000_000_005_000_000,
        attributes=[
            KeyValue(key="http.request.method", value=AnyValue(string_value="GET")),
            KeyValue(key="url.full", value=AnyValue(string_value="http://shop/items/A-1")),
            KeyValue(key="http.response.status_code", value=AnyValue(int_value=200)),
        ],
    )
    request = ExportTraceServiceRequest(
        resource_spans=[ResourceSpans(scope_spans=[ScopeSpans(spans=[span])])]
    )
    return request.SerializeToString()


@pytest.fixture
def receiver(tmp_path):
    section = TracesSection(max_body_bytes=LIMIT)
    with open_receiver(section, OperationIndex([]), tmp_path / "traces.jsonl") as running:
        yield running


@pytest.fixture
def client():
    with httpx.Client(trust_env=False, timeout=10) as http:
        yield http


PROTOBUF = {"content-type": "application/x-protobuf"}


def test_a_protobuf_export_is_kept_and_answered_in_protobuf(receiver, client, tmp_path):
    response = client.post(receiver.traces_url, content=_export(), headers=PROTOBUF)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/x-protobuf"
    ExportTraceServiceResponse().ParseFromString(response.content)
    [span] = read_spans(tmp_path / "traces.jsonl")
    assert (span.trace_id, span.span_id, span.category) == (TRACE, SPAN, "http")
    assert (span.method, span.path, span.status_code) == ("GET", "/items/A-1", 200)


def test_a_json_export_reads_its_ids_as_hex(receiver, client, tmp_path):
    document = {
        "resourceSpans": [
            {
                "resource": {
                    "attributes": [{"key": "service.name", "value": {"stringValue": "bot"}}]
                },
                "scopeSpans": [
                    {
                        "spans": [
                            {
                                "traceId": TRACE,
                                "spanId": SPAN,
                                "name": "lookup",
                                "kind": 3,
                                "startTimeUnixNano": "1700000000000000000",
                                "endTimeUnixNano": "1700000000001000000",
                                "attributes": [
                                    {"key": "db.system.name", "value": {"stringValue": "redis"}}
                                ],
                                "status": {"code": 2, "message": "timeout"},
                            }
                        ]
                    }
                ],
            }
        ]
    }
    response = client.post(receiver.traces_url, json=document)
    assert response.status_code == 200 and response.json() == {}
    [span] = read_spans(tmp_path / "traces.jsonl")
    assert (span.trace_id, span.span_id, span.service) == (TRACE, SPAN, "bot")
    assert (span.category, span.db_system, span.status) == ("db", "redis", "error")


@pytest.mark.parametrize(
    ("body", "headers", "status"),
    [
        (b"not a protobuf \x00\xff", PROTOBUF, 400),
        (b"{not json", {"content-type": "application/json"}, 400),
        (b"[1, 2]", {"content-type": "application/json"}, 400),
        (b'{"resourceSpans": "no"}', {"content-type": "application/json"}, 400),
        (_export(), {"content-type": "text/plain"}, 400),
        (_export(), {}, 400),
        (_export(), {**PROTOBUF, "content-encoding": "br"}, 400),
        (b"\x1f\x8b not gzip", {**PROTOBUF, "content-encoding": "gzip"}, 400),
        (b"\x00" * (LIMIT + 1), PROTOBUF, 413),
        (gzip.compress(b"\x00" * (LIMIT * 64)), {**PROTOBUF, "content-encoding": "gzip"}, 413),
    ],
    ids=[
        "garbage-protobuf",
        "garbage-json",
        "json-not-an-object",
        "json-wrong-shape",
        "wrong-content-type",
        "no-content-type",
        "unknown-encoding",
        "bad-gzip",
        "huge-body",
        "gzip-bomb",
    ],
)
def test_bad_payloads_are_refused_and_the_receiver_keeps_serving(
    receiver, client, tmp_path, body, headers, status
):
    response = client.post(receiver.traces_url, content=body, headers=headers)
    assert response.status_code == status
    assert response.text  # a reason, in words
    assert read_spans(tmp_path / "traces.jsonl") == []
    after = client.post(receiver.traces_url, content=_export(), headers=PROTOBUF)
    assert after.status_code == 200
    assert [s.trace_id for s in read_spans(tmp_path / "traces.jsonl")] == [TRACE]


def test_a_huge_streamed_body_is_cut_at_the_bound(receiver, client):
    def chunks():
        for _ in range(LIMIT // 1024 + 8):
            yield b"\x00" * 1024

    response = client.post(receiver.traces_url, content=chunks(), headers=PROTOBUF)
    assert response.status_code == 413


def test_other_paths_and_methods(receiver, client):
    metrics = client.post(receiver.url + "/v1/metrics", content=b"", headers=PROTOBUF)
    assert metrics.status_code == 404
    assert client.get(receiver.traces_url).status_code == 405


def test_gzip_exports_are_inflated(receiver, client, tmp_path):
    body = gzip.compress(_export())
    headers = {**PROTOBUF, "content-encoding": "gzip"}
    assert client.post(receiver.traces_url, content=body, headers=headers).status_code == 200
    assert [s.trace_id for s in read_spans(tmp_path / "traces.jsonl")] == [TRACE]


def test_a_taken_port_is_said_plainly(receiver):
    port = int(receiver.url.rsplit(":", 1)[1])
    with (
        pytest.raises(ReceiverUnavailable, match=f"cannot listen on 127.0.0.1:{port}"),
        open_receiver(TracesSection(port=port), None, None),
    ):
        pass


def test_exporting_without_the_sdk_says_how_to_get_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "auditor._traces._export", None)
    section = TracesSection(export="otlp", endpoint="http://127.0.0.1:9")
    with pytest.raises(TracesError, match=r"readiness-auditor\[otel\]"):
        own_spans(section)
