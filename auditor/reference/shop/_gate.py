"""Serve one document's operations, with the document as the gate on both sides.

Routes come from the document's paths, each request is checked by openapi-core before a
handler sees it, and each handler's answer is checked before the client sees it: an answer
that breaks the document becomes a 500 `contract_violation` and an error in the log.

Errors the gate raises itself (400 for a request that breaks the document, 401, and 404/405
for paths and methods the document lacks) are checked too when the operation declares that
status. When it does not (the sandbox declares no 401, most reads no 400), they are sent as
they are: OpenAPI does not require a document to list every status a server may answer.
"""

from __future__ import annotations

import enum
import json
import logging
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route, Router

from auditor.reference.shop._auth import Credentials, Principal, Unauthorized
from auditor.reference.shop._state import NotFound
from auditor.reference.shop._transitions import Conflict
from auditor.reference.shop._validation import (
    Contract,
    OpenAPIRequest,
    OpenAPIResponse,
    Operation,
    RequestCheck,
)

log = logging.getLogger("auditor.reference.shop")

_ALL_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
_ERROR_WORDS = {
    400: "bad_request",
    401: "unauthorized",
    404: "not_found",
    405: "method_not_allowed",
}


@dataclass(frozen=True, slots=True)
class Call:
    """A request that kept the document, as its handler sees it."""

    operation_id: str
    path: Mapping[str, Any]
    query: Mapping[str, Any]
    header: Mapping[str, Any]
    body: Any
    principal: Principal | None


@dataclass(frozen=True, slots=True)
class Reply:
    status: int
    payload: Any


Handler = Callable[[Call], Reply]


class Guard(enum.Enum):
    """Who may call a service."""

    ANYONE = "anyone"
    CUSTOMER_OR_STAFF = "customer_or_staff"
    STAFF = "staff"


@dataclass(frozen=True, slots=True)
class GateOptions:
    #: operationIds whose answers are deliberately broken, to prove the gate catches them.
    corrupt: frozenset[str] = frozenset()
    #: False sends a violating answer anyway (logged): a broken shop for contract findings.
    enforce_contract: bool = True


def error(status: int, word: str, message: str) -> Reply:
    return Reply(status, {"error": word, "message": message})


def _encode(payload: Any) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()


@dataclass(frozen=True, slots=True)
class Service:
    contract: Contract
    handlers: Mapping[str, Handler]
    guard: Guard
    credentials: Credentials
    options: GateOptions

    def router(self) -> Router:
        missing = {
            op.operation_id for ops in self.contract.operations.values() for op in ops
        } - set(self.handlers)
        if missing:
            raise ValueError(f"{self.contract.name}: no handler for {sorted(missing)}")
        routes: list[BaseRoute] = [
            Route(template, self._endpoint(operations), methods=_ALL_METHODS)
            for template, operations in self.contract.operations.items()
        ]
        routes.append(Route("/{rest:path}", self._unknown_path, methods=_ALL_METHODS))
        return Router(routes=routes)

    def _endpoint(self, operations: tuple[Operation, ...]) -> Callable[[Request], Any]:
        by_method = {op.method: op for op in operations}

        async def endpoint(request: Request) -> Response:
            operation = by_method.get(request.method.lower())
            if operation is None:
                allow = ", ".join(sorted(m.upper() for m in by_method))
                reply = error(405, "method_not_allowed", f"{request.method} is not defined here")
                return _send(reply, {"Allow": allow})
            body = await request.body()
            adapter = OpenAPIRequest(request, body or None)
            reply, from_handler = self._answer(operation, adapter)
            return self._respond(operation, adapter, reply, from_handler)

        return endpoint

    async def _unknown_path(self, request: Request) -> Response:
        message = f"{request.url.path} is not a path of the {self.contract.name} document"
        return _send(error(404, "not_found", message))

    def _answer(self, operation: Operation, request: OpenAPIRequest) -> tuple[Reply, bool]:
        """The reply, and whether a handler made it (rather than the gate refusing)."""
        check = self.contract.check_request(request)
        if check.status:
            return error(check.status, _ERROR_WORDS[check.status], check.message), False
        try:
            principal = self._principal(check)
        except Unauthorized as refusal:
            return error(401, "unauthorized", str(refusal)), False
        call = Call(
            operation.operation_id,
            check.parameters.path,
            check.parameters.query,
            check.parameters.header,
            check.body,
            principal,
        )
        try:
            return self.handlers[operation.operation_id](call), True
        except NotFound as missing:
            return error(404, "not_found", str(missing)), True
        except Conflict as conflict:
            return error(409, "conflict", str(conflict)), True

    def _principal(self, check: RequestCheck) -> Principal | None:
        if self.guard is Guard.ANYONE:
            return None
        if self.guard is Guard.STAFF:
            return self.credentials.staff(check.bearer)
        on_behalf_of = check.parameters.header.get("X-On-Behalf-Of")
        return self.credentials.principal(check.bearer, on_behalf_of)

    def _respond(
        self, operation: Operation, request: OpenAPIRequest, reply: Reply, from_handler: bool
    ) -> Response:
        payload = reply.payload
        if from_handler and operation.operation_id in self.options.corrupt:
            payload = [payload]
        data = _encode(payload)
        if from_handler or reply.status in operation.statuses:
            violation = self.contract.check_response(request, OpenAPIResponse(reply.status, data))
            if violation is not None:
                where = f"{operation.operation_id} ({reply.status})"
                log.error("contract violation in %s: %s", where, violation)
                if self.options.enforce_contract:
                    return _send(error(500, "contract_violation", f"{where}: {violation}"))
        return Response(data, reply.status, media_type="application/json")


def _send(reply: Reply, headers: Mapping[str, str] | None = None) -> Response:
    return Response(
        _encode(reply.payload), reply.status, headers=headers, media_type="application/json"
    )


def known_operations(contracts: Collection[Contract]) -> frozenset[str]:
    return frozenset(
        op.operation_id for c in contracts for ops in c.operations.values() for op in ops
    )
