"""One open anchor: its document, client, validation engine and compiled fact mappings.

Every response passes through `_call`, so every response is validated and every breach becomes
a finding, whichever fact kind or read asked for it.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import quote, urlsplit

import httpx

from auditor._anchors._client import AnchorClient
from auditor._anchors._config import AnchorConfig, FactMapping
from auditor._anchors._contract import FindingLog, excerpt, json_path
from auditor._anchors._errors import AnchorConfigError, AnchorError
from auditor._anchors._jsonpath import JsonPath
from auditor._anchors._mapping import Problem, RecordMapper
from auditor._anchors._pagination import PageRead, PageRequest, PaginationStop, Walk
from auditor._anchors._spec import Operation, Spec
from auditor._anchors._validate import NOT_JSON, Engine
from auditor._facts import Fact


@dataclass(slots=True)
class KindReader:
    """One fact kind as one anchor serves it, with counts for the dependency map."""

    kind: str
    mapping: FactMapping
    list_op: Operation | None
    get_op: Operation | None
    get_param: str | None
    items: JsonPath
    record: JsonPath
    mapper: RecordMapper
    walk: Walk
    mapped: int = 0
    skipped: int = 0
    #: Records `items_path` found in list responses, mapped or not.
    found: int = 0
    #: What the first list response held (its top-level shape), for "read nothing" errors.
    held: str | None = None

    def why_empty(self, anchor: str) -> str:
        """Why this reader gave no fact: the operation, the path, what the response held."""
        if self.list_op is None:
            return (
                f"anchor `{anchor}` maps {self.kind} with `get` only: the snapshot needs a "
                f"`list` operation to find subjects (anchors.{anchor}.{self.kind}.list)"
            )
        where = (
            f"anchor `{anchor}`, operation `{self.list_op.operation_id}` "
            f"({self.list_op.method} {self.list_op.path}), "
            f"items_path `{self.items.text}` (anchors.{anchor}.{self.kind}.items_path)"
        )
        if self.found:
            return (
                f"{where}: {self.found} records found, none could be mapped "
                "(see the contract findings: `record skipped: …`; check `fields`)"
            )
        return f"{where}: no record; the response held {self.held or 'nothing'}"


@dataclass(slots=True)
class Reply:
    response: httpx.Response
    read_at: datetime
    body: Any


@dataclass(slots=True)
class AnchorSession:
    name: str
    config: AnchorConfig
    spec: Spec
    client: AnchorClient
    engine: Engine
    findings: FindingLog
    kinds: dict[str, KindReader] = field(default_factory=dict)

    @property
    def base(self) -> str:
        return self.spec.base_path(self.config.base_url)

    def url_of(self, op: Operation, values: Mapping[str, str] | None = None) -> str:
        path = op.path
        for name, value in (values or {}).items():
            path = path.replace("{" + name + "}", quote(value, safe=""))
        return self.base + path

    async def _call(
        self, op: Operation, reader: KindReader, url: str, params: Mapping[str, str | int]
    ) -> Reply:
        mapping = reader.mapping
        response, read_at = await self.client.send(
            op.method,
            url,
            operation_id=op.operation_id,
            params={**mapping.params, **params},
            headers=mapping.headers or None,
        )
        body = _json(response)
        pattern = urlsplit(self.base).path + op.path
        for breach in self.engine.check(op, response, body, path_pattern=pattern):
            self.findings.add(
                op.operation_id,
                response.status_code,
                json_path(breach.parts),
                f"{breach.keyword}: {breach.message}",
                excerpt(breach.instance) if breach.parts or breach.instance is not None else "",
            )
        return Reply(response, read_at, body)

    def _refuse(self, op: Operation, reply: Reply) -> AnchorError:
        status = reply.response.status_code
        why = "credentials refused" if status in (401, 403) else "the request was refused"
        detail = excerpt(reply.body) if reply.body is not NOT_JSON else reply.response.text[:200]
        return AnchorError(
            f"anchor `{self.name}`: {op.operation_id} answered {status} ({why}): "
            + self.findings.redact(detail)
        )

    def _map_records(
        self, reader: KindReader, op: Operation, reply: Reply, found: list[tuple[Any, Any]]
    ) -> list[Fact]:
        facts: list[Fact] = []
        status = reply.response.status_code
        for parts, record in found:
            fact, problems = reader.mapper.map(record, reply.read_at)
            if fact is None:
                reader.skipped += 1
                self._note_skip(op, status, parts, problems)
            else:
                reader.mapped += 1
                facts.append(fact)
        return facts

    def _note_skip(
        self, op: Operation, status: int, parts: tuple[Any, ...], problems: list[Problem]
    ) -> None:
        for p in problems or [Problem((), "record cannot be mapped", None)]:
            self.findings.add(
                op.operation_id,
                status,
                json_path((*parts, *p.parts)),
                f"record skipped: {p.reason}",
                excerpt(p.value),
            )

    async def pages(self, kind: str) -> AsyncIterator[list[Fact]]:
        """The facts of `kind`, one page at a time (nothing when only `get` is mapped)."""
        reader = self.kinds[kind]
        op = reader.list_op
        if op is None:
            return
        request: PageRequest | None = reader.walk.first(self.url_of(op))
        while request is not None:
            reply = await self._call(op, reader, request.url, request.params)
            if not reply.response.is_success:
                raise self._refuse(op, reply)
            found = reader.items.all(reply.body) if isinstance(reply.body, dict | list) else []
            reader.found += len(found)
            if reader.held is None:
                reader.held = describe_body(reply.body)
            yield self._map_records(reader, op, reply, found)
            try:
                request = reader.walk.next(
                    PageRead(request, reply.response, reply.body, len(found))
                )
            except PaginationStop as stop:
                self.findings.add(op.operation_id, reply.response.status_code, "$", str(stop))
                request = None

    async def read(self, kind: str, subject: str) -> Fact | None:
        """A fresh read of one fact; None when the anchor says it does not exist."""
        reader = self.kinds[kind]
        if reader.get_op is not None and reader.get_param is not None:
            return await self._read_one(reader, reader.get_op, reader.get_param, subject)
        async for facts in self.pages(kind):
            for fact in facts:
                if fact.subject == subject:
                    return fact
        return None

    async def _read_one(
        self, reader: KindReader, op: Operation, param: str, subject: str
    ) -> Fact | None:
        reply = await self._call(op, reader, self.url_of(op, {param: subject}), {})
        if reply.response.status_code == 404:
            return None
        if not reply.response.is_success:
            raise self._refuse(op, reply)
        record = reader.record.first(reply.body) if isinstance(reply.body, dict | list) else None
        fact, problems = reader.mapper.map(record, reply.read_at)
        if fact is None:
            self._note_skip(op, reply.response.status_code, (), problems)
            reasons = "; ".join(p.reason for p in problems) or "record cannot be mapped"
            raise AnchorError(f"anchor `{self.name}`: {kind_label(reader)} {subject}: {reasons}")
        return fact


def describe_body(body: Any, keys: int = 12) -> str:
    """A response body's top-level shape in a few words: what a wrong `items_path` missed."""
    if body is NOT_JSON:
        return "a body that is not JSON"
    if body is None:
        return "an empty body"
    if isinstance(body, list):
        return f"a list of {len(body)} elements"
    if isinstance(body, dict):
        if not body:
            return "an empty object"
        shown = [
            f"{key} (a list of {len(value)})" if isinstance(value, list) else str(key)
            for key, value in list(body.items())[:keys]
        ]
        more = f" and {len(body) - keys} more" if len(body) > keys else ""
        return f"an object with the keys {', '.join(shown)}{more}"
    return f"a {type(body).__name__}"


def kind_label(reader: KindReader) -> str:
    return {"stock": "item", "orders": "order", "returns": "return"}[reader.kind]


def _json(response: httpx.Response) -> Any:
    if not response.content:
        return None
    try:
        return json.loads(response.content)
    except ValueError:
        return NOT_JSON


def kind_reader(spec: Spec, kind: str, mapping: FactMapping, anchor: AnchorConfig) -> KindReader:
    """Compile one mapping against its document; unknown operations are refused here.

    Refusals are `AnchorConfigError`s whose field path starts at the mapping (`stock.list`).
    """
    list_op = _operation(spec, mapping.list, f"{kind}.list")
    get_op = _operation(spec, mapping.get, f"{kind}.get")
    pagination = mapping.pagination or anchor.pagination
    maximum = _size_maximum(
        list_op, pagination.size_param, pagination.limit_param, pagination.style
    )
    return KindReader(
        kind=kind,
        mapping=mapping,
        list_op=list_op,
        get_op=get_op,
        get_param=_get_param(spec, get_op, mapping.get_param, kind),
        items=JsonPath.compile(mapping.items_path),
        record=JsonPath.compile(mapping.record_path),
        mapper=RecordMapper(kind, mapping),
        walk=Walk.of(pagination, maximum=maximum),
    )


def _operation(spec: Spec, operation_id: str | None, field: str) -> Operation | None:
    if not operation_id:
        return None
    try:
        return spec.operation(operation_id)
    except AnchorError as error:
        raise AnchorConfigError(field, str(error)) from None


def _get_param(spec: Spec, op: Operation | None, named: str | None, kind: str) -> str | None:
    if op is None:
        return None
    params = op.path_parameters()
    if named is not None:
        if named not in params:
            raise AnchorConfigError(
                f"{kind}.get_param",
                f"{spec.source}: `{op.operation_id}` has no path parameter `{named}` "
                f"(it has: {', '.join(params) or 'none'})",
            )
        return named
    if len(params) != 1:
        raise AnchorConfigError(
            f"{kind}.get",
            f"{spec.source}: `{op.operation_id}` has {len(params)} path parameters; "
            "name the one that takes the id with `get_param`",
        )
    return params[0]


def _size_maximum(
    op: Operation | None, size_param: str | None, limit_param: str, style: str
) -> int | None:
    if op is None:
        return None
    name = limit_param if style == "offset" else size_param
    param = op.parameter(name, "query") if name else None
    maximum = param.schema.get("maximum") if param is not None else None
    return int(maximum) if isinstance(maximum, int | float) else None
