"""OTLP/HTTP trace exports decoded with the OpenTelemetry protocol package, into span records.

Protobuf (`application/x-protobuf`) is parsed by the generated `ExportTraceServiceRequest`;
JSON (`application/json`) by protobuf's `json_format`, after the one change OTLP/JSON makes to
protobuf's JSON mapping: trace and span ids are hex strings, not base64 (OTLP specification,
"JSON Protobuf Encoding"). Anything that does not decode is a `PayloadError` (a 400), never an
exception out of the receiver. Imported only when the receiver runs: protobuf costs ~50 ms.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from google.protobuf import json_format
from google.protobuf.message import DecodeError
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import (
    ExportTraceServiceRequest,
    ExportTraceServiceResponse,
)
from opentelemetry.proto.common.v1.common_pb2 import KeyValue
from opentelemetry.proto.trace.v1.trace_pb2 import Span, Status

from auditor._tap._operations import OperationIndex
from auditor._traces._model import SpanRecord
from auditor._traces._semconv import (
    SPAN_KINDS,
    Attributes,
    category_of,
    db_fields,
    http_fields,
    tool_fields,
)

PROTOBUF = "application/x-protobuf"
JSON = "application/json"
MEDIA_TYPES = frozenset({PROTOBUF, "application/protobuf", JSON})
_ID_KEYS = ("traceId", "spanId", "parentSpanId")
_MESSAGE_LIMIT = 300
_NAME_LIMIT = 200
_STATUS = {Status.STATUS_CODE_OK: "ok", Status.STATUS_CODE_ERROR: "error"}


class PayloadError(ValueError):
    """An export request that is not OTLP: the receiver answers 400 with this message."""


def media_type(content_type: str | None) -> str:
    return (content_type or "").partition(";")[0].strip().lower()


def _hex_to_base64(value: Any) -> Any:
    if not isinstance(value, str) or len(value) not in (16, 32):
        return value
    try:
        return base64.b64encode(bytes.fromhex(value)).decode("ascii")
    except ValueError:
        return value  # not hex: let json_format judge it


def _fix_ids(node: Any) -> None:
    """OTLP/JSON's hex ids, as protobuf's JSON mapping expects bytes (base64), in place."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in _ID_KEYS:
                node[key] = _hex_to_base64(value)
            else:
                _fix_ids(value)
    elif isinstance(node, list):
        for value in node:
            _fix_ids(value)


def decode(body: bytes, content_type: str | None) -> ExportTraceServiceRequest:
    kind = media_type(content_type)
    request = ExportTraceServiceRequest()
    if kind == JSON:
        try:
            document = json.loads(body)
            if not isinstance(document, dict):
                raise PayloadError("an OTLP/JSON export is a JSON object")
            _fix_ids(document)
            json_format.ParseDict(document, request, ignore_unknown_fields=True)
        except PayloadError:
            raise
        except (ValueError, TypeError, RecursionError, json_format.ParseError) as error:
            raise PayloadError(f"not OTLP/JSON: {str(error)[:_MESSAGE_LIMIT]}") from None
        return request
    if kind in MEDIA_TYPES:
        try:
            request.ParseFromString(body)
        except (DecodeError, RecursionError, ValueError) as error:
            raise PayloadError(f"not OTLP/protobuf: {str(error)[:_MESSAGE_LIMIT]}") from None
        return request
    shown = kind or "none"
    raise PayloadError(f"content type {shown!r}: send {PROTOBUF} or {JSON}")


def encode_response(content_type: str | None) -> tuple[bytes, str]:
    """The empty `ExportTraceServiceResponse` (full success), in the request's encoding."""
    if media_type(content_type) == JSON:
        return b"{}", JSON
    return ExportTraceServiceResponse().SerializeToString(), PROTOBUF


def _value(kv: KeyValue) -> str | int | float | bool | None:
    which = kv.value.WhichOneof("value")
    if which in ("string_value", "bool_value", "int_value", "double_value"):
        value: str | int | float | bool = getattr(kv.value, which)
        return value
    return None


def _attributes(pairs: Any) -> dict[str, str | int | float | bool]:
    found: dict[str, str | int | float | bool] = {}
    for kv in pairs:
        value = _value(kv)
        if value is not None and kv.key not in found:
            found[kv.key] = value
    return found


def _moment(nanos: int) -> datetime:
    try:
        return datetime.fromtimestamp(nanos / 1e9, UTC)
    except (OverflowError, OSError, ValueError):
        return datetime.fromtimestamp(0, UTC)


def _record(span: Span, service: str | None, index: OperationIndex) -> SpanRecord | None:
    if len(span.trace_id) != 16 or len(span.span_id) != 8:
        return None  # not a valid span: no id to join it by
    kind = SPAN_KINDS.get(span.kind, "unspecified")
    attributes: Attributes = _attributes(span.attributes)
    category = category_of(attributes, kind)
    fields: dict[str, Any] = {}
    if category == "http":
        fields = http_fields(attributes, index)
    elif category == "db":
        fields = db_fields(attributes)
    elif category == "tool":
        fields = tool_fields(attributes)
    duration = max(span.end_time_unix_nano - span.start_time_unix_nano, 0) / 1e6
    return SpanRecord(
        trace_id=span.trace_id.hex(),
        span_id=span.span_id.hex(),
        parent_span_id=span.parent_span_id.hex() if len(span.parent_span_id) == 8 else None,
        name=span.name[:_NAME_LIMIT],
        kind=kind,
        service=service,
        started_at=_moment(span.start_time_unix_nano),
        duration_ms=round(duration, 3),
        status=_STATUS.get(span.status.code, "unset"),
        status_message=span.status.message[:_MESSAGE_LIMIT] or None,
        category=category,
        **fields,
    )


def spans_of(request: ExportTraceServiceRequest, index: OperationIndex) -> Iterator[SpanRecord]:
    """Every span of an export with valid ids, as a record (its resource's `service.name`)."""
    for resource_spans in request.resource_spans:
        resource = _attributes(resource_spans.resource.attributes)
        service = resource.get("service.name")
        for scope_spans in resource_spans.scope_spans:
            for span in scope_spans.spans:
                try:
                    record = _record(span, None if service is None else str(service), index)
                except (ValueError, binascii.Error):
                    continue  # one span that fits no record spoils none of the others
                if record is not None:
                    yield record
