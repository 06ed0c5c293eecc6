"""Reading spans by the OpenTelemetry semantic conventions, old names and new, as data.

An HTTP client span is found by its method and URL (`http.request.method`, `url.full`; before
semconv 1.21 `http.method`, `http.url`), and mapped onto the anchors' documented operations the
way the tap maps a request (`OperationIndex.match`); a database span by `db.system.name`
(`db.system`), a tool call by `gen_ai.tool.name` or `gen_ai.operation.name = execute_tool`.
Each tuple lists the attribute names to try, newest first.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from auditor._tap._operations import OperationIndex
from auditor._tap._redact import split_query
from auditor._traces._model import Category

Attributes = Mapping[str, str | int | float | bool]

HTTP_METHOD = ("http.request.method", "http.method")
URL_FULL = ("url.full", "http.url")
URL_TEMPLATE = ("url.template", "http.route")
HTTP_STATUS = ("http.response.status_code", "http.status_code")
URL_SCHEME = ("url.scheme", "http.scheme")
SERVER_ADDRESS = ("server.address", "net.peer.name", "http.host")
SERVER_PORT = ("server.port", "net.peer.port")
URL_PATH = ("url.path", "http.target")
URL_QUERY = ("url.query",)
DB_SYSTEM = ("db.system.name", "db.system")
DB_OPERATION = ("db.operation.name", "db.operation")
DB_COLLECTION = ("db.collection.name", "db.sql.table", "db.mongodb.collection")
TOOL_NAME = ("gen_ai.tool.name",)
GENAI_OPERATION = ("gen_ai.operation.name",)
TOOL_OPERATION = "execute_tool"
#: OTLP's `SpanKind` numbers.
SPAN_KINDS = dict(
    enumerate(("unspecified", "internal", "server", "client", "producer", "consumer"))
)
_TEXT_LIMIT = 200


def first(attributes: Attributes, names: tuple[str, ...]) -> str | None:
    for name in names:
        value = attributes.get(name)
        if value is not None and value != "":
            return str(value)[:2048]
    return None


def category_of(attributes: Attributes, kind: str) -> Category:
    if first(attributes, TOOL_NAME) or first(attributes, GENAI_OPERATION) == TOOL_OPERATION:
        return "tool"
    if first(attributes, DB_SYSTEM):
        return "db"
    if kind != "server" and first(attributes, HTTP_METHOD):
        return "http"
    return "other"


def _status(attributes: Attributes) -> int | None:
    value = first(attributes, HTTP_STATUS)
    return int(value) if value is not None and value.isdigit() and len(value) <= 3 else None


def _url(attributes: Attributes) -> tuple[str | None, str | None, str]:
    """Origin (without any user info: a credential), raw path and query string."""
    full = first(attributes, URL_FULL)
    if full:
        try:
            parts = urlsplit(full)
            port = parts.port
        except ValueError:
            return None, None, ""
        host = parts.hostname or ""
        if ":" in host:
            host = f"[{host}]"
        origin = f"{parts.scheme.lower()}://{host}{'' if port is None else f':{port}'}"
        return (origin if host else None), parts.path or "/", parts.query
    target = first(attributes, URL_PATH)
    path, _, query = (target or "").partition("?")
    query = first(attributes, URL_QUERY) or query
    server = first(attributes, SERVER_ADDRESS)
    if server is None:
        return None, path or None, query
    scheme = (first(attributes, URL_SCHEME) or "http").lower()
    given = first(attributes, SERVER_PORT)
    return f"{scheme}://{server.lower()}{f':{given}' if given else ''}", path or None, query


def http_fields(attributes: Attributes, index: OperationIndex) -> dict[str, Any]:
    """The record's fields of an HTTP client span, its operation matched as the tap does."""
    method = (first(attributes, HTTP_METHOD) or "").upper()[:16]
    origin, path, query_string = _url(attributes)
    template = first(attributes, URL_TEMPLATE)
    matched = None
    for where, route in ((origin, path), (None, path), (None, template)):
        if route and matched is None:
            matched = index.match(where, method, route)
    declared = matched.declared_query if matched is not None else frozenset()
    query, undeclared = split_query(query_string, declared)
    params = {} if matched is None else matched.path_params
    return {
        "method": method,
        "origin": origin,
        "path": path,
        "template": template,
        "status_code": _status(attributes),
        "anchor": matched.anchor if matched else None,
        "operation_id": matched.operation_id if matched else None,
        "fact_kind": matched.fact_kind if matched else None,
        # A template's placeholders are no ids.
        "path_params": {k: v for k, v in params.items() if not v.startswith("{")},
        "query": query,
        "undeclared_query": undeclared,
    }


def db_fields(attributes: Attributes) -> dict[str, Any]:
    return {
        "db_system": first(attributes, DB_SYSTEM),
        "db_operation": (first(attributes, DB_OPERATION) or "")[:_TEXT_LIMIT] or None,
        "db_collection": (first(attributes, DB_COLLECTION) or "")[:_TEXT_LIMIT] or None,
    }


def tool_fields(attributes: Attributes) -> dict[str, Any]:
    return {"tool": (first(attributes, TOOL_NAME) or "")[:_TEXT_LIMIT] or None}
