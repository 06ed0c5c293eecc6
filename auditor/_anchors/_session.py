"""One open anchor: its document, client, validation engine and compiled fact mappings.

Every response passes through `_call`, so every response is validated and every breach becomes
a finding, whichever fact kind or read asked for it. An anchor read per customer has one session
per customer (`as_customer`): the same document, mappings and findings, that customer's client;
each record it maps is owned by that customer unless the record names its owner itself.
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
from auditor._anchors._jsonapi import included_index, join, source_parts
from auditor._anchors._jsonpath import JsonPath
from auditor._anchors._mapping import Problem, RecordMapper
from auditor._anchors._pagination import PageRead, PageRequest, PaginationStop, Walk
from auditor._anchors._spec import Operation, Spec
from auditor._anchors._validate import NOT_JSON, Engine
from auditor._facts import Fact, OrderFact


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
    #: The customer whose credentials this session's client carries (None: the anchor's own).
    customer: str | None = None

    def as_customer(self, customer: str, client: AnchorClient) -> AnchorSession:
        """This anchor read with one customer's credentials: same document, mappings, log."""
        return AnchorSession(
            self.name,
            self.config,
            self.spec,
            client,
            self.engine,
            self.findings,
            self.kinds,
            customer,
        )

    @property
    def base(self) -> str:
        return self.spec.base_path(self.config.base_url, self.config.base_path)

    @property
    def who(self) -> str:
        """Whose credentials, for messages: "" or " as customer C"."""
        return "" if self.customer is None else f" as customer {self.customer}"

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
        # Read as a customer, the message names the customer, not the anchor's alias.
        where = f"anchor `{self.name}`: " if self.customer is None else ""
        return AnchorError(
            f"{where}{op.operation_id}{self.who} answered {status} ({why}): "
            + self.findings.redact(detail)
        )

    def defaults(self, kind: str, parent: OrderFact | None) -> dict[str, Any]:
        """What the reading context knows of a record: its owner, the order it is under."""
        known: dict[str, Any] = {}
        if kind != "stock":
            owner = self.customer or (parent.customer_id if parent is not None else None)
            if owner is not None:
                known["customer_id"] = owner
        if parent is not None:
            known["order_id"] = parent.order_id
        return known

    def _map_records(
        self,
        reader: KindReader,
        op: Operation,
        reply: Reply,
        found: list[tuple[Any, Any]],
        defaults: Mapping[str, Any],
    ) -> list[Fact]:
        facts: list[Fact] = []
        status = reply.response.status_code
        index = included_index(reply.body) if reader.mapping.jsonapi else None
        for parts, record in found:
            joined = record if index is None else join(record, index)
            fact, problems = reader.mapper.map(joined, reply.read_at, defaults)
            if fact is None:
                reader.skipped += 1
                if index is not None:
                    problems = [
                        Problem(source_parts(record, p.parts), p.reason, p.value) for p in problems
                    ]
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

    def parent_values(self, reader: KindReader, parent: OrderFact) -> dict[str, str]:
        """The nested list's path parameters, from the parent order's canonical fields."""
        assert reader.list_op is not None
        named = reader.mapping.parent_params or dict.fromkeys(
            reader.list_op.path_parameters(), "order_id"
        )
        values = {}
        for param, canonical in named.items():
            value = getattr(parent, canonical, None)
            if value is None:
                raise AnchorError(
                    f"anchor `{self.name}`: order {parent.order_id} has no `{canonical}` "
                    f"for the path parameter `{param}` of {reader.list_op.operation_id}"
                )
            values[param] = str(value)
        return values

    async def pages(self, kind: str, parent: OrderFact | None = None) -> AsyncIterator[list[Fact]]:
        """The facts of `kind`, one page at a time (nothing when only `get` is mapped).

        A nested list (`parent`) is read under the one order given."""
        reader = self.kinds[kind]
        op = reader.list_op
        if op is None or (reader.mapping.parent is not None and parent is None):
            return
        values = self.parent_values(reader, parent) if parent is not None else None
        defaults = self.defaults(kind, parent)
        request: PageRequest | None = reader.walk.first(self.url_of(op, values))
        while request is not None:
            reply = await self._call(op, reader, request.url, request.params)
            if not reply.response.is_success:
                raise self._refuse(op, reply)
            found = reader.items.all(reply.body) if isinstance(reply.body, dict | list) else []
            reader.found += len(found)
            if reader.held is None:
                reader.held = describe_body(reply.body)
            yield self._map_records(reader, op, reply, found, defaults)
            try:
                request = reader.walk.next(
                    PageRead(request, reply.response, reply.body, len(found))
                )
            except PaginationStop as stop:
                self.findings.add(op.operation_id, reply.response.status_code, "$", str(stop))
                request = None

    async def read(self, kind: str, subject: str, parent: OrderFact | None = None) -> Fact | None:
        """A fresh read of one fact; None when the anchor says it does not exist.

        Without a `get`, the list is walked until the subject turns up; a nested list only
        under `parent` when it is known, else under every order this session can read."""
        reader = self.kinds[kind]
        if reader.get_op is not None and reader.get_param is not None:
            return await self._read_one(reader, reader.get_op, reader.get_param, subject, parent)
        parents: list[OrderFact | None] = [None]
        if reader.mapping.parent is not None:
            parents = [parent] if parent is not None else list(await self.orders())
        for under in parents:
            async for facts in self.pages(kind, under):
                for fact in facts:
                    if fact.subject == subject:
                        return fact
        return None

    async def orders(self) -> list[OrderFact]:
        """Every order this session can read: the parents of nested lists."""
        found: list[OrderFact] = []
        async for page in self.pages("orders"):
            found.extend(f for f in page if isinstance(f, OrderFact))
        return found

    async def _read_one(
        self,
        reader: KindReader,
        op: Operation,
        param: str,
        subject: str,
        parent: OrderFact | None = None,
    ) -> Fact | None:
        reply = await self._call(op, reader, self.url_of(op, {param: subject}), {})
        if reply.response.status_code == 404:
            return None
        if not reply.response.is_success:
            raise self._refuse(op, reply)
        record = reader.record.first(reply.body) if isinstance(reply.body, dict | list) else None
        if reader.mapping.jsonapi:
            record = join(record, included_index(reply.body))
        defaults = self.defaults(reader.kind, parent)
        fact, problems = reader.mapper.map(record, reply.read_at, defaults)
        if fact is None:
            self._note_skip(op, reply.response.status_code, (), problems)
            reasons = "; ".join(p.reason for p in problems) or "record cannot be mapped"
            raise AnchorError(
                f"anchor `{self.name}`: {kind_label(reader)} {subject}{self.who}: {reasons}"
            )
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
    if mapping.parent is not None and list_op is not None:
        _check_parent_params(spec, list_op, mapping)
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
        items=JsonPath.compile(mapping.items_jsonpath()),
        record=JsonPath.compile(mapping.record_jsonpath()),
        mapper=RecordMapper(kind, mapping),
        walk=Walk.of(pagination, maximum=maximum),
    )


def _check_parent_params(spec: Spec, op: Operation, mapping: FactMapping) -> None:
    """A nested list's path parameters must all be filled from the parent, and only they."""
    params = op.path_parameters()
    named = mapping.parent_params
    if not params:
        raise AnchorError(
            f"{spec.source}: `{op.operation_id}` has no path parameter to take the parent's id"
        )
    unknown = sorted(set(named) - set(params))
    unfilled = sorted(set(params) - set(named)) if named else []
    if not named and len(params) > 1:
        unfilled = params
    if unknown or unfilled:
        raise AnchorError(
            f"{spec.source}: `{op.operation_id}` path parameters {', '.join(params)}: "
            + "; ".join(
                [f"parent_params names unknown {', '.join(unknown)}"] * bool(unknown)
                + [f"name what fills {', '.join(unfilled)} in parent_params"] * bool(unfilled)
            )
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
