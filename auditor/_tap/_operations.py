"""From a recorded request to the anchor operation it called, through the anchors' documents.

Each operation's path template, under its anchor's base path, becomes a pattern; a request
matches the operation of its method whose pattern fits, literal segments winning over
parameters (`/items/search` before `/items/{sku}`). Path parameters are read back,
percent-decoded, as the ids the call names.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from auditor._anchors import AnchorConfig
from auditor._anchors._spec import Operation, Spec

_PARAM = re.compile(r"\{([^{}/]+)\}")


def origin_of(url: str) -> str:
    """`scheme://host[:port]` of a URL, lower-cased: what one proxy stands in front of."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def _fact_kind(config: AnchorConfig, operation_id: str) -> str | None:
    mappings = config.mappings()
    for kind, mapping in mappings.items():
        if operation_id in (mapping.list, mapping.get):
            return kind
    return next(iter(mappings)) if len(mappings) == 1 else None


@dataclass(frozen=True, slots=True)
class Matched:
    anchor: str
    operation_id: str
    fact_kind: str | None
    path_params: dict[str, str]
    declared_query: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Route:
    origin: str
    anchor: str
    operation: Operation
    pattern: re.Pattern[str]
    names: tuple[str, ...]
    fact_kind: str | None

    @property
    def rank(self) -> tuple[int, int]:
        """Fewer parameters, then longer literal text, come first."""
        literal = len(_PARAM.sub("", self.operation.path))
        return (len(self.names), -literal)


def _route(origin: str, anchor: str, base: str, op: Operation, kind: str | None) -> _Route:
    names: list[str] = []
    pattern = ""
    at = 0
    for match in _PARAM.finditer(op.path):
        pattern += re.escape(op.path[at : match.start()]) + f"(?P<p{len(names)}>[^/]+)"
        names.append(match.group(1))
        at = match.end()
    pattern += re.escape(op.path[at:])
    compiled = re.compile("^" + re.escape(base) + pattern + "/?$")
    return _Route(origin, anchor, op, compiled, tuple(names), kind)


class OperationIndex:
    """Every operation of every anchor, findable by origin, method and path."""

    def __init__(self, routes: list[_Route]) -> None:
        self._routes = sorted(routes, key=lambda r: r.rank)

    @classmethod
    def build(cls, anchors: Mapping[str, tuple[AnchorConfig, Spec]]) -> OperationIndex:
        routes = []
        for name, (config, spec) in anchors.items():
            origin = origin_of(config.base_url)
            base = urlsplit(spec.base_path(config.base_url, config.base_path)).path.rstrip("/")
            for op in spec.operations.values():
                kind = _fact_kind(config, op.operation_id)
                routes.append(_route(origin, name, base, op, kind))
        return cls(routes)

    def origins(self) -> list[str]:
        return sorted({r.origin for r in self._routes})

    def match(self, origin: str | None, method: str, path: str) -> Matched | None:
        """The operation `method path` calls at `origin`; `origin=None` matches any anchor's
        (a traced call reaches the anchor under a name of its own: a service host, a proxy)."""
        for route in self._routes:
            if origin is not None and route.origin != origin:
                continue
            if route.operation.method != method.upper():
                continue
            found = route.pattern.match(path)
            if found is None:
                continue
            params = {name: unquote(found.group(f"p{i}")) for i, name in enumerate(route.names)}
            declared = frozenset(
                p.name for p in route.operation.parameters if p.location == "query"
            )
            return Matched(
                route.anchor, route.operation.operation_id, route.fact_kind, params, declared
            )
        return None
