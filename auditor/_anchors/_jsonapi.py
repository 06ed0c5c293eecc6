"""JSON:API documents: one resource, its `attributes` and its `relationships`, as one record.

A JSON:API server spreads a record over three places: `data[].attributes`, the ids in
`data[].relationships.NAME.data`, and the related resources in the document's `included[]`.
`join` folds them back into the shape every other API has, so that the mapping's paths stay
plain (`$.number`, `$.refund.amount`): the resource's `id` and `type`, its attributes as
top-level fields, and each relationship as a field holding the related resource (joined the
same way, to `MAX_DEPTH` levels) or, for a to-many relationship, a list of them. A related
resource the document did not include keeps just its `id` and `type`; an empty to-one
relationship is null. The specification forbids attributes and relationships sharing a name,
or being called `id` or `type`, so nothing is overwritten.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

#: How deep relationships of included resources are followed (cycles stop here too).
MAX_DEPTH = 3

Index = Mapping[tuple[str, str], Mapping[str, Any]]


def included_index(document: Any) -> Index:
    """The document's `included` resources by (type, id)."""
    found: dict[tuple[str, str], Mapping[str, Any]] = {}
    included = document.get("included") if isinstance(document, dict) else None
    for resource in included if isinstance(included, list) else ():
        key = _key(resource)
        if key is not None:
            found[key] = resource
    return found


def _key(resource: Any) -> tuple[str, str] | None:
    if not isinstance(resource, dict):
        return None
    kind, ident = resource.get("type"), resource.get("id")
    if kind is None or ident is None:
        return None
    return str(kind), str(ident)


def join(resource: Any, index: Index, depth: int = 0) -> Any:
    """One resource object as a flat record; anything else is returned as it is."""
    if not isinstance(resource, dict) or "type" not in resource:
        return resource
    record: dict[str, Any] = {"id": resource.get("id"), "type": resource.get("type")}
    attributes = resource.get("attributes")
    if isinstance(attributes, dict):
        record.update(attributes)
    relationships = resource.get("relationships")
    if isinstance(relationships, dict):
        for name, relation in relationships.items():
            linkage = relation.get("data") if isinstance(relation, dict) else None
            record[name] = _related(linkage, index, depth)
    return record


def _related(linkage: Any, index: Index, depth: int) -> Any:
    if isinstance(linkage, list):
        return [_one(item, index, depth) for item in linkage]
    return _one(linkage, index, depth)


def _one(identifier: Any, index: Index, depth: int) -> Any:
    key = _key(identifier)
    if key is None:
        return None
    found = index.get(key)
    if found is None or depth + 1 >= MAX_DEPTH:
        return {"id": key[1], "type": key[0]}
    return join(found, index, depth + 1)


def source_parts(resource: Any, parts: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """Where a joined record's field sits in the resource, for contract findings:
    `state` → `attributes.state`, `refund` → `relationships.refund.data`."""
    if not parts or not isinstance(resource, dict):
        return parts
    head, rest = parts[0], parts[1:]
    attributes = resource.get("attributes")
    if isinstance(attributes, dict) and head in attributes:
        return ("attributes", head, *rest)
    relationships = resource.get("relationships")
    if isinstance(relationships, dict) and head in relationships:
        return ("relationships", head, "data")
    return parts
