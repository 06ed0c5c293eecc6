"""Spans read by the semantic conventions, decoded with the protocol package (no server)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
from opentelemetry.proto.common.v1.common_pb2 import AnyValue, KeyValue
from opentelemetry.proto.resource.v1.resource_pb2 import Resource
from opentelemetry.proto.trace.v1.trace_pb2 import ResourceSpans, ScopeSpans, Span, Status

from auditor._anchors import AnchorConfig, FactMapping
from auditor._anchors._spec import parse_document
from auditor._tap import OperationIndex
from auditor._traces._otlp import PayloadError, decode, spans_of

TRACE = bytes.fromhex("4bf92f3577b34da6a3ce929d0e0e4736")
SHOP = "http://shop.internal:8080"
DOCUMENT = Path("fixtures/openapi/returns.yaml")


def _index() -> OperationIndex:
    config = AnchorConfig(
        spec=str(DOCUMENT),
        base_url=SHOP,
        returns=FactMapping(
            list="listReturns",
            get="getReturn",
            fields={"return_id": "$.id", "order_id": "$.order_id", "status": "$.status"},
        ),
    )
    spec = parse_document(DOCUMENT.read_text(encoding="utf-8"), str(DOCUMENT))
    return OperationIndex.build({"returns": (config, spec)})


def _kv(key: str, value: object) -> KeyValue:
    if isinstance(value, bool):
        return KeyValue(key=key, value=AnyValue(bool_value=value))
    if isinstance(value, int):
        return KeyValue(key=key, value=AnyValue(int_value=value))
    return KeyValue(key=key, value=AnyValue(string_value=str(value)))


def _span(attributes: dict[str, object], *, kind=Span.SPAN_KIND_CLIENT, error=None, n=1) -> Span:
    return Span(
        trace_id=TRACE,
        span_id=n.to_bytes(8, "big"),
        parent_span_id=b"\x00" * 7 + b"\x09",
        name="span",
        kind=kind,
        start_time_unix_nano=1_700_000_000_000_000_000,
        end_time_unix_nano=1_700_000_000_002_500_000,
        attributes=[_kv(k, v) for k, v in attributes.items()],
        status=Status(code=Status.STATUS_CODE_ERROR, message=error) if error else Status(),
    )


def _records(*spans: Span):
    request = ExportTraceServiceRequest(
        resource_spans=[
            ResourceSpans(
                resource=Resource(attributes=[_kv("service.name", "bot")]),
                scope_spans=[ScopeSpans(spans=list(spans))],
            )
        ]
    )
    return list(spans_of(decode(request.SerializeToString(), "application/x-protobuf"), _index()))


def test_an_http_client_span_maps_onto_the_anchors_operation_by_the_new_conventions():
    [record] = _records(
        _span(
            {
                "http.request.method": "GET",
                "url.full": "http://user:pw@shop.internal:8080/returns/returns/RMA-7?api_key=s3cret",
                "http.response.status_code": 404,
            }
        )
    )
    assert (record.category, record.anchor, record.operation_id) == ("http", "returns", "getReturn")
    assert record.path_params == {"return_id": "RMA-7"}
    assert record.status_code == 404 and record.origin == SHOP and record.service == "bot"
    assert record.parent_span_id == "0000000000000009" and record.duration_ms == 2.5
    stored = record.model_dump_json()
    assert "s3cret" not in stored and "pw" not in stored  # secrets never kept
    assert record.undeclared_query == ["api_key"]


def test_the_old_conventions_and_another_host_name_still_match():
    [record] = _records(
        _span(
            {
                "http.method": "GET",
                "http.url": "http://returns-svc/returns/returns/RMA-8",
                "http.status_code": 200,
            }
        )
    )
    assert record.operation_id == "getReturn" and record.path_params == {"return_id": "RMA-8"}
    assert record.origin == "http://returns-svc"


def test_a_url_template_alone_names_the_operation_but_no_id():
    [record] = _records(
        _span({"http.request.method": "GET", "url.template": "/returns/returns/{return_id}"})
    )
    assert record.operation_id == "getReturn" and record.path_params == {}


def test_database_tool_server_and_other_spans():
    db, tool, server, other = _records(
        _span({"db.system.name": "postgresql", "db.operation.name": "SELECT",
               "db.collection.name": "orders"}, n=1, error="deadlock"),
        _span({"gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "lookup_order"}, n=2),
        _span({"http.request.method": "POST"}, kind=Span.SPAN_KIND_SERVER, n=3),
        _span({"app.step": "plan"}, kind=Span.SPAN_KIND_INTERNAL, n=4),
    )  # fmt: skip
    assert (db.category, db.db_system, db.status, db.status_message) == (
        "db",
        "postgresql",
        "error",
        "deadlock",
    )
    call = db.as_call(1)
    assert call is not None and (call.anchor, call.operation_id) == (
        "db:postgresql",
        "SELECT orders",
    )
    assert call.error == "span status error: deadlock"
    tool_call = tool.as_call(2)
    assert tool_call is not None and (tool_call.anchor, tool_call.operation_id) == (
        "tool",
        "lookup_order",
    )
    assert (server.category, server.kind) == ("other", "server")
    assert other.category == "other" and other.as_call(4) is None


def test_an_unmatched_http_span_is_a_call_of_no_operation():
    [record] = _records(_span({"http.request.method": "GET", "url.full": "http://x/elsewhere/1"}))
    call = record.as_call(1)
    assert call is not None and call.operation_id is None and call.anchor is None


def test_spans_without_valid_ids_are_dropped():
    bad = Span(trace_id=b"\x01" * 3, span_id=b"\x02" * 8, name="x")
    assert _records(bad) == []


def test_otlp_json_ids_are_hex():
    document = {
        "resourceSpans": [
            {"scopeSpans": [{"spans": [{"traceId": TRACE.hex(), "spanId": "00f067aa0ba902b7",
                                        "name": "x"}]}]}
        ]
    }  # fmt: skip
    request = decode(json.dumps(document).encode(), "application/json; charset=utf-8")
    [record] = list(spans_of(request, _index()))
    assert (record.trace_id, record.span_id) == (TRACE.hex(), "00f067aa0ba902b7")


@pytest.mark.parametrize("content_type", [None, "text/plain", "application/grpc"])
def test_other_content_types_are_refused(content_type):
    with pytest.raises(PayloadError, match="content type"):
        decode(b"", content_type)
