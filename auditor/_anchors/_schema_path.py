"""Does a configured JSONPath exist in the response schema? Checked offline, before any read.

A mapping whose path names a property the document does not describe reads nothing for that
field on every record, silently; `auditor validate` (and `run` before its first request) walks
each plain path through the schema instead. A property that the schema does not list is a
problem unless the schema allows other properties (`additionalProperties: true` or a schema):
a response may carry undocumented properties, but a path the document does not promise is
not one the audit should depend on. Paths richer than a plain chain (filters, slices,
descendants) and schemas that say nothing (no type, no properties) are not judged.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from auditor._anchors._guess import schema_of
from auditor._anchors._guess import schema_types as _types
from auditor._anchors._jsonpath import JsonPath
from auditor._anchors._spec import Spec

_SHOWN = 12
_SCALARS = frozenset({"string", "integer", "number", "boolean", "null"})


@dataclass(frozen=True, slots=True)
class Walked:
    """Where a path ends in a schema: `schema` (None when it cannot be told), or `problem`."""

    schema: dict[str, Any] | None
    problem: str | None = None


def _shown(at: str, names: list[str]) -> str:
    more = f", … ({len(names) - _SHOWN} more)" if len(names) > _SHOWN else ""
    return f"{at} has: {', '.join(names[:_SHOWN]) or 'no properties'}{more}"


def _key(spec: Spec, node: dict[str, Any], key: str, at: str) -> Walked:
    props = node.get("properties")
    props = props if isinstance(props, Mapping) else {}
    if key in props:
        return Walked(schema_of(spec, props[key]))
    extra = node.get("additionalProperties")
    if isinstance(extra, Mapping):
        return Walked(schema_of(spec, extra))
    scalar = _types(node) and _types(node) <= _SCALARS
    if scalar and not props:
        return Walked(None, f"{at} is a {'/'.join(sorted(_types(node)))}, not an object")
    if extra is True or not props:
        return Walked(None)  # a free-form object, or nothing said: cannot be judged
    return Walked(None, f"no property `{key}`: {_shown(at, [str(n) for n in props])}")


def _each(spec: Spec, node: dict[str, Any], at: str) -> Walked:
    if "array" in _types(node):
        return Walked(schema_of(spec, node.get("items", {})))
    extra = node.get("additionalProperties")
    if isinstance(extra, Mapping):
        return Walked(schema_of(spec, extra))
    if _types(node) and _types(node) <= _SCALARS:
        return Walked(None, f"{at} is a {'/'.join(sorted(_types(node)))}, not a list")
    return Walked(None)


def walk(spec: Spec, schema: dict[str, Any] | None, path: str) -> Walked:
    """Follow `path` through `schema`; `Walked(None)` when it cannot be judged."""
    if schema is None:
        return Walked(None)
    steps = JsonPath.compile(path).steps
    if steps is None:
        return Walked(None)
    node: dict[str, Any] = schema
    at = "$"
    for step in steps:
        if isinstance(step, str):
            found = _key(spec, node, step, at)
            at = f"{at}.{step}"
        else:
            found = _each(spec, node, at)
            at = f"{at}[{'*' if step is None else step}]"
        if found.schema is None:
            return found
        node = found.schema
    return Walked(node)
