"""OpenAPI documents: loaded once, checked once, operations indexed by operationId.

An anchor's document is the contract its responses are held to, so a document that is not valid
OpenAPI 3.0/3.1 is refused before any request; everything later looks operations up by the
operationId the configuration names.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import yaml

from auditor._anchors._errors import AnchorConfigError, AnchorError

_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

#: The C loader is several times faster on large documents, when libyaml is there.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, slots=True)
class Parameter:
    name: str
    location: str  # path | query | header | cookie
    required: bool
    schema: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Operation:
    operation_id: str
    method: str  # upper case
    path: str  # template, relative to the server, e.g. /items/{sku}
    parameters: tuple[Parameter, ...]
    responses: Mapping[str, Any]
    summary: str = ""

    def parameter(self, name: str, location: str | None = None) -> Parameter | None:
        for p in self.parameters:
            if p.name == name and (location is None or p.location == location):
                return p
        return None

    def path_parameters(self) -> list[str]:
        return [p.name for p in self.parameters if p.location == "path"]


@dataclass(frozen=True, slots=True)
class Spec:
    """One loaded document: its raw data, version, server path and operations."""

    source: str
    data: Mapping[str, Any]
    operations: Mapping[str, Operation] = field(default_factory=dict)

    @property
    def version(self) -> str:
        return str(self.data.get("openapi", ""))

    @property
    def is_31(self) -> bool:
        return self.version.startswith("3.1")

    @property
    def title(self) -> str:
        return str(self.data.get("info", {}).get("title", ""))

    @property
    def server_url(self) -> str:
        """The first server URL, its `{variables}` filled with their defaults."""
        servers = self.data.get("servers")
        first = servers[0] if isinstance(servers, list) and servers else {}
        if not isinstance(first, Mapping):
            return "/"
        url = str(first.get("url", "/"))
        variables = first.get("variables")
        if isinstance(variables, Mapping):
            for name, variable in variables.items():
                if isinstance(variable, Mapping) and "default" in variable:
                    url = url.replace("{" + str(name) + "}", str(variable["default"]))
        return url

    @property
    def server_path(self) -> str:
        """The path part of the first server URL (`/inventory`), without a trailing slash."""
        return urlsplit(self.server_url).path.rstrip("/")

    def find(self, reference: str) -> Operation | None:
        """The operation named by `reference`: an operationId, or `METHOD /path` for any one."""
        found = self.operations.get(reference)
        if found is not None:
            return found
        method, _, path = reference.partition(" ")
        for op in self.operations.values():
            if op.method == method.upper() and op.path == path.strip():
                return op
        return None

    def operation(self, operation_id: str) -> Operation:
        found = self.find(operation_id)
        if found is None:
            known = ", ".join(sorted(self.operations)) or "none"
            raise AnchorError(
                f"{self.source}: no operation `{operation_id}` (the document has: {known})"
            )
        return found

    def resolve(self, node: Any) -> Any:
        """Follow local `$ref`s (`#/components/...`) until a concrete node."""
        seen: set[str] = set()
        while isinstance(node, Mapping) and "$ref" in node:
            ref = str(node["$ref"])
            if ref in seen or not ref.startswith("#/"):
                raise AnchorError(f"{self.source}: cannot follow $ref {ref!r}")
            seen.add(ref)
            node = self.data
            for part in ref[2:].split("/"):
                key = part.replace("~1", "/").replace("~0", "~")
                if isinstance(node, Mapping) and key in node:
                    node = node[key]
                elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
                    node = node[int(key)]
                else:
                    raise AnchorError(f"{self.source}: $ref {ref!r} points to nothing")
        return node

    def base_path(self, base_url: str, override: str | None = None) -> str:
        """Where operation paths start under `base_url`.

        The configured `base_url` names the host (and maybe a prefix); the server path
        (`override` when given, else the document's: `/inventory`) is appended unless
        `base_url` already ends with it, so `http://h/inventory` and `http://h` both work and
        the path is never there twice. An empty `override` appends nothing.
        """
        root = base_url.rstrip("/")
        server = self.server_path if override is None else override.strip().rstrip("/")
        if server and not server.startswith("/"):
            server = "/" + server
        if server and not urlsplit(root).path.endswith(server):
            root += server
        return root


@lru_cache(maxsize=16)
def parse_document(text: str, source: str) -> Spec:
    """A loaded document, or AnchorError when it is not YAML/JSON or not OpenAPI 3.x in shape.

    Only the structure this module reads is checked here (paths, operations, parameters); the
    full check against the OpenAPI schema is openapi-core's, when responses are validated.
    Parsed once per text: the preflight and then the anchors' sessions read every document
    before an audit's first question. A Spec is only read, so it is shared.
    """
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except (yaml.YAMLError, RecursionError, ValueError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise AnchorError(f"{source}: not YAML or JSON: {reason}") from None
    if not isinstance(data, dict) or not str(data.get("openapi", "")).startswith("3."):
        raise AnchorError(f"{source}: not an OpenAPI 3.x document (no `openapi: 3.x` field)")
    spec = Spec(source=source, data=data)
    try:
        return Spec(source=source, data=data, operations=dict(_index(spec)))
    except (KeyError, TypeError, AttributeError, ValueError, IndexError) as error:
        # A document of the right version whose paths or parameters are not shaped as OpenAPI
        # says (`paths` a list, a parameter without `in`): refused, never a traceback.
        why = f"missing {error}" if isinstance(error, KeyError) else str(error)
        raise AnchorError(f"{source}: not a usable OpenAPI document: {why}") from None


def _invalid(spec: Spec, where: str, reason: str) -> AnchorError:
    return AnchorError(f"{spec.source}: not a valid OpenAPI document: {where}: {reason}")


def _index(spec: Spec) -> Iterator[tuple[str, Operation]]:
    paths = spec.data.get("paths") or {}
    if not isinstance(paths, Mapping):
        raise _invalid(spec, "paths", "not a mapping")
    for path, raw in paths.items():
        item = spec.resolve(raw)
        if not isinstance(item, Mapping):
            raise _invalid(spec, f"paths.{path}", "not a mapping")
        shared = item.get("parameters") or []
        for method in _METHODS:
            op = item.get(method)
            if not isinstance(op, Mapping):
                continue
            op_id = str(op.get("operationId") or f"{method.upper()} {path}")
            where = f"paths.{path}.{method}"
            params = _merge_parameters(spec, where, shared, op.get("parameters") or [])
            responses = spec.resolve(op.get("responses") or {})
            if not isinstance(responses, Mapping):
                raise _invalid(spec, f"{where}.responses", "not a mapping")
            yield (
                op_id,
                Operation(
                    operation_id=op_id,
                    method=method.upper(),
                    path=str(path),
                    parameters=params,
                    # YAML reads an unquoted `200:` as a number; the document means the text.
                    responses={str(k): v for k, v in responses.items()},
                    summary=str(op.get("summary", "")),
                ),
            )


def _merge_parameters(spec: Spec, where: str, shared: Any, own: Any) -> tuple[Parameter, ...]:
    """Operation parameters override path-item ones with the same name and location."""
    if not isinstance(shared, list) or not isinstance(own, list):
        raise _invalid(spec, f"{where}.parameters", "not a list")
    merged: dict[tuple[str, str], Parameter] = {}
    for i, raw in enumerate([*shared, *own]):
        node = spec.resolve(raw)
        if not isinstance(node, Mapping) or "name" not in node or "in" not in node:
            raise _invalid(spec, f"{where}.parameters[{i}]", "a parameter needs `name` and `in`")
        schema = spec.resolve(node.get("schema") or {})
        p = Parameter(
            name=str(node["name"]),
            location=str(node["in"]),
            required=bool(node.get("required", False)),
            schema=schema if isinstance(schema, Mapping) else {},
        )
        merged[(p.name, p.location)] = p
    return tuple(merged.values())


def is_url(source: str) -> bool:
    return urlsplit(source).scheme in ("http", "https")


async def load_spec(source: str, *, base_dir: Path, client: httpx.AsyncClient | None) -> Spec:
    """Read a document from a URL (through the anchor's client) or a path under `base_dir`."""
    if is_url(source):
        if client is None:
            raise AnchorError(f"{source}: a document at a URL needs a client")
        try:
            response = await client.get(source)
        except httpx.HTTPError as error:
            raise AnchorError(f"{source}: cannot fetch the document: {error}") from None
        if response.status_code != 200:
            raise AnchorError(f"{source}: fetching the document answered {response.status_code}")
        return parse_document(response.text, source)
    path = Path(source)
    if not path.is_absolute():
        path = base_dir / path
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        why = error.strerror if isinstance(error, OSError) else "not UTF-8 text"
        raise AnchorConfigError("spec", f"{path}: cannot read the document: {why}") from None
    try:
        return parse_document(text, str(path))
    except AnchorError as error:
        raise AnchorConfigError("spec", str(error)) from None
