"""The reference shop as one Starlette application: three services and a sandbox.

Each service is mounted at its document's `servers` url, so a client that reads the
documents finds the operations where they say they are.
"""

from __future__ import annotations

import secrets
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from types import MappingProxyType

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route

from auditor._resources import openapi_document
from auditor.reference.shop._auth import Credentials
from auditor.reference.shop._gate import GateOptions, Guard, Handler, Service, known_operations
from auditor.reference.shop._inventory import inventory_handlers
from auditor.reference.shop._orders import orders_handlers
from auditor.reference.shop._returns import returns_handlers
from auditor.reference.shop._sandbox import sandbox_handlers
from auditor.reference.shop._seed import build_world
from auditor.reference.shop._state import ShopState, elapsed_clock
from auditor.reference.shop._validation import Contract

DEFAULT_SEED = 20240601
DEFAULT_ITEMS = 60
#: Service name -> the document it serves (the sandbox's document is `sandbox.yaml`).
SERVICES = ("inventory", "orders", "returns", "sandbox")

_GUARDS = {
    "inventory": Guard.ANYONE,
    "orders": Guard.CUSTOMER_OR_STAFF,
    "returns": Guard.CUSTOMER_OR_STAFF,
    "sandbox": Guard.STAFF,
}


@dataclass(frozen=True, slots=True)
class Shop:
    """A served shop's handles: the ASGI app, its credentials and its store."""

    app: Starlette
    staff_token: str
    #: customer id -> that customer's bearer token
    customers: Mapping[str, str]
    state: ShopState
    #: service name -> the path it is mounted at (its document's `servers` url)
    base_paths: Mapping[str, str]


def _handlers(name: str, state: ShopState) -> dict[str, Handler]:
    factory = {
        "inventory": inventory_handlers,
        "orders": orders_handlers,
        "returns": returns_handlers,
        "sandbox": sandbox_handlers,
    }[name]
    return factory(state)


def _index(base_paths: Mapping[str, str]) -> Route:
    body = {
        "name": "readiness-auditor reference shop",
        "services": dict(base_paths),
        "documents": {name: f"/openapi/{name}.yaml" for name in base_paths},
    }

    async def index(request: Request) -> Response:
        return JSONResponse(body)

    return Route("/", index)


def _documents(contracts: Mapping[str, Contract]) -> Route:
    texts = {name: openapi_document(name).read_bytes() for name in contracts}

    async def document(request: Request) -> Response:
        text = texts.get(request.path_params["name"])
        if text is None:
            return JSONResponse({"error": "not_found", "message": "no such document"}, 404)
        return Response(text, media_type="application/yaml")

    return Route("/openapi/{name}.yaml", document)


def create_shop(
    seed: int = DEFAULT_SEED,
    items: int = DEFAULT_ITEMS,
    staff_token: str | None = None,
    *,
    now: datetime | None = None,
    corrupt: Collection[str] = (),
    enforce_contract: bool = True,
    precheck: bool | None = None,
) -> Shop:
    """Seed a shop and build its app; serving it is the caller's business.

    `corrupt` names operationIds whose answers are deliberately broken, so tests can prove
    that the server refuses to send them; with `enforce_contract=False` they are sent anyway
    (and logged), which makes a broken shop for the auditor's contract checks. `precheck`
    chooses whether jsonschema-rs speeds up response validation (None: if it is installed).
    """
    if staff_token is not None and not staff_token.strip():
        raise ValueError("the staff token must not be empty")
    moment = datetime.now(UTC) if now is None else now
    world = build_world(seed, items, moment)
    state = ShopState(world, elapsed_clock(moment))
    token = staff_token if staff_token is not None else f"staff-{secrets.token_urlsafe(24)}"
    customers = MappingProxyType({c.customer_id: c.token for c in world.customers})
    credentials = Credentials.of(token, customers)
    contracts = {
        name: Contract(name, openapi_document(name), precheck=precheck) for name in SERVICES
    }
    unknown = set(corrupt) - known_operations(contracts.values())
    if unknown:
        raise ValueError(f"corrupt names no operation of the shop: {sorted(unknown)}")
    options = GateOptions(frozenset(corrupt), enforce_contract)
    routes: list[BaseRoute] = []
    for name, contract in contracts.items():
        service = Service(contract, _handlers(name, state), _GUARDS[name], credentials, options)
        routes.append(Mount(contract.base_path, app=service.router()))
    base_paths = MappingProxyType({n: c.base_path for n, c in contracts.items()})
    routes += [_index(base_paths), _documents(contracts)]
    return Shop(Starlette(routes=routes), token, customers, state, base_paths)
