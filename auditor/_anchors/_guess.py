"""Guessing how a document's operations and schemas map onto canonical facts.

Pure functions of a loaded document: which operations list and read each fact kind, where the
records sit in a list response, which property holds each canonical field, which shop word means
which canonical word, and how lists are paginated. Every guess says whether it is sure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from auditor._anchors._config import CANONICAL_FIELDS
from auditor._anchors._spec import Operation, Spec
from auditor._anchors._words import (
    ENUM_FIELDS,
    FIELD_NAMES,
    KIND_WORDS,
    canonical_word,
    norm,
    singular,
    tokens,
)

_MAX_DEPTH = 3
_BARE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
#: Words jsonpath-ng reads as operators, so a property of that name must be quoted.
_OPERATORS = frozenset({"where", "wherenot"})


def _segment(name: str) -> str:
    if _BARE.fullmatch(name) and name not in _OPERATORS:
        return name
    return f'"{name}"' if '"' not in name else f"'{name}'"


def json_path(parts: tuple[str, ...], suffix: str = "") -> str:
    """`$.a.b` for plain names, each other name quoted: `$."e-mail"`."""
    return "$" + "".join("." + _segment(p) for p in parts) + suffix


def expressible(name: str) -> bool:
    """Whether a property name can be written in a JSONPath (not both quote characters)."""
    return not ('"' in name and "'" in name) and "\\" not in name


@dataclass(frozen=True, slots=True)
class Guess:
    value: str
    sure: bool
    note: str = ""


@dataclass(frozen=True, slots=True)
class Leaf:
    """A property of a record, flattened: `("stock", "available")` with its schema."""

    parts: tuple[str, ...]
    schema: Mapping[str, Any]
    #: The name the field is matched by, when it differs from its path: JSON:API's
    #: `attributes.state` is matched as `state`, `relationships.user.data.id` as `user_id`.
    alias: tuple[str, ...] | None = None

    @property
    def path(self) -> str:
        return json_path(self.parts)

    @property
    def dotted(self) -> str:
        return ".".join(self.parts)

    @property
    def named(self) -> tuple[str, ...]:
        return self.alias if self.alias is not None else self.parts

    def describe(self) -> str:
        kind = self.schema.get("type")
        return f"{self.path} ({kind})" if isinstance(kind, str) else self.path


@dataclass(slots=True)
class KindGuess:
    kind: str
    list_op: Operation | None = None
    get_op: Operation | None = None
    items_path: Guess | None = None
    fields: dict[str, Guess] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    values: dict[str, dict[str, Guess]] = field(default_factory=dict)
    unmatched: dict[str, list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    #: Where the record sits in a `get` response (`$.data` in JSON:API).
    record_path: str = "$"
    #: Every GET operation that looked like this kind, best first (for the TODO comments).
    candidates: list[Operation] = field(default_factory=list)
    #: Operations nested under another record (`/orders/{number}/returns`), which a mapping
    #: cannot walk yet: named in a comment, never mapped.
    nested: list[Operation] = field(default_factory=list)
    #: Every field of the record that was seen, for the TODO comments on missing fields.
    seen: list[Leaf] = field(default_factory=list)


_COMBINERS = ("allOf", "oneOf", "anyOf")
_MAX_MERGE = 8


def schema_of(spec: Spec, node: Any, depth: int = 0) -> dict[str, Any]:
    """A schema with `$ref`s followed and `allOf`/`oneOf`/`anyOf` merged.

    Merging the alternatives of `oneOf`/`anyOf` gives every property any of them may carry,
    which is what guessing a field (and checking that a path can exist) needs. Anything that
    is not a schema reads as an empty one.
    """
    node = spec.resolve(node)
    if not isinstance(node, Mapping):
        return {}
    if depth >= _MAX_MERGE or not any(isinstance(node.get(k), list) for k in _COMBINERS):
        return dict(node)
    merged: dict[str, Any] = {k: v for k, v in node.items() if k not in _COMBINERS}
    props = dict(merged.get("properties") or {})
    for key in _COMBINERS:
        for part in node.get(key) or []:
            sub = schema_of(spec, part, depth + 1)
            props.update(sub.get("properties") or {})
            for name in ("type", "items", "additionalProperties"):
                if name in sub:
                    merged.setdefault(name, sub[name])
    if props:
        merged["properties"] = props
    return merged


def schema_types(schema: Mapping[str, Any]) -> set[str]:
    """The JSON types a schema admits, from `type` or, without one, from its shape."""
    kind = schema.get("type")
    if isinstance(kind, list):
        return {str(k) for k in kind}
    if kind:
        return {str(kind)}
    if isinstance(schema.get("properties"), Mapping):
        return {"object"}
    if "items" in schema:
        return {"array"}
    return set()


def response_schema(spec: Spec, op: Operation) -> dict[str, Any] | None:
    """The JSON body schema of the operation's success response, if the document gives one."""
    for status in ("200", "2XX", "2xx", "default"):
        if status in op.responses:
            response = spec.resolve(op.responses[status])
            content = response.get("content") if isinstance(response, Mapping) else None
            for media, body in (content or {}).items():
                if "json" in str(media) and isinstance(body, Mapping) and "schema" in body:
                    return schema_of(spec, body["schema"])
    return None


def _properties(schema: Mapping[str, Any]) -> Mapping[str, Any]:
    props = schema.get("properties")
    return props if isinstance(props, Mapping) else {}


def is_jsonapi(spec: Spec, record: Mapping[str, Any]) -> bool:
    """A JSON:API resource object: `id`, `type` and `attributes` (or `relationships`)."""
    props = _properties(record)
    return "type" in props and ("attributes" in props or "relationships" in props)


def leaves(spec: Spec, schema: Mapping[str, Any], prefix: tuple[str, ...] = ()) -> Iterator[Leaf]:
    """Every property of a record schema, nested objects flattened to dotted paths.

    A JSON:API resource's `attributes` are matched by their own names, and each to-one
    relationship by `NAME_id` at `relationships.NAME.data.id`.
    """
    if not prefix and is_jsonapi(spec, schema):
        yield from _jsonapi_leaves(spec, schema)
        return
    for name, raw in _properties(schema).items():
        if not expressible(str(name)):
            continue
        sub = schema_of(spec, raw)
        parts = (*prefix, str(name))
        if "object" in schema_types(sub) and _properties(sub) and len(parts) < _MAX_DEPTH:
            yield from leaves(spec, sub, parts)
        else:
            yield Leaf(parts, sub)


def _jsonapi_leaves(spec: Spec, record: Mapping[str, Any]) -> Iterator[Leaf]:
    props = _properties(record)
    for name, raw in props.items():
        if name not in ("attributes", "relationships") and expressible(str(name)):
            yield Leaf((str(name),), schema_of(spec, raw))
    for leaf in leaves(spec, schema_of(spec, props.get("attributes", {})), ("attributes",)):
        yield Leaf(leaf.parts, leaf.schema, leaf.parts[1:])
    for name, raw in _properties(schema_of(spec, props.get("relationships", {}))).items():
        if not expressible(str(name)):
            continue
        data = schema_of(spec, _properties(schema_of(spec, raw)).get("data", {}))
        if "array" in schema_types(data):
            continue  # to-many: a join, which a mapping cannot express yet
        target = schema_of(spec, _properties(data).get("id", {"type": "string"}))
        yield Leaf(("relationships", str(name), "data", "id"), target, (f"{name}_id",))


def _kind_score(op: Operation, kind: str) -> int:
    segments = [s for s in op.path.split("/") if s and not s.startswith("{")]
    words = KIND_WORDS[kind]
    score = 0
    if segments and singular(tokens(segments[-1])[-1] if tokens(segments[-1]) else "") in words:
        score += 3
    score += sum(1 for s in segments[:-1] for t in tokens(s) if singular(t) in words)
    score += 2 * sum(1 for t in tokens(op.operation_id) if singular(t) in words)
    return score


def _ends_with_param(op: Operation) -> bool:
    return op.path.rstrip("/").endswith("}")


@dataclass(frozen=True, slots=True)
class Picked:
    """The operations that serve one fact kind: the chosen list and get, and the rest seen."""

    list_op: Operation | None
    get_op: Operation | None
    candidates: tuple[Operation, ...]
    nested: tuple[Operation, ...]


def _scored(spec: Spec, kind: str) -> list[tuple[int, Operation]]:
    scored = []
    for op in spec.operations.values():
        if op.method != "GET":
            continue
        score = _kind_score(op, kind)
        if score <= 0 or any(_kind_score(op, k) > score for k in KIND_WORDS if k != kind):
            continue
        scored.append((score, op))
    # Best score first; among equals, the shorter path (the collection before its children).
    scored.sort(key=lambda s: (-s[0], len(s[1].path), s[1].path))
    return scored


def _names_kind_last(op: Operation, kind: str) -> bool:
    segments = [s for s in op.path.split("/") if s and not s.startswith("{")]
    last = tokens(segments[-1]) if segments else []
    return bool(last) and singular(last[-1]) in KIND_WORDS[kind]


def pick_operations(spec: Spec, kind: str) -> Picked:
    """The best-scoring list and get operations (GET only) for `kind`.

    A list takes no path parameter and a get exactly one (the record's id), since that is
    what a mapping can call; operations under another record's id (`/orders/{n}/returns`)
    are kept apart as nested ones. A get under the chosen list's path is preferred.
    """
    scored = _scored(spec, kind)
    lists = [op for _, op in scored if not _ends_with_param(op) and not op.path_parameters()]
    gets = [op for _, op in scored if _ends_with_param(op) and len(op.path_parameters()) == 1]
    nested = [
        op
        for _, op in scored
        if op.path_parameters()
        and (not _ends_with_param(op) or len(op.path_parameters()) > 1)
        and _names_kind_last(op, kind)
    ]
    list_op = lists[0] if lists else None
    if list_op is not None:
        under = [op for op in gets if op.path.rsplit("/", 1)[0] == list_op.path.rstrip("/")]
        gets = under + [op for op in gets if op not in under]
    get_op = gets[0] if gets else None
    return Picked(list_op, get_op, tuple(op for _, op in scored), tuple(nested))


_ITEM_NAMES = ("items", "data", "results", "records", "entries", "content", "values")


def find_items(spec: Spec, schema: Mapping[str, Any], kind: str) -> tuple[Guess, Any] | None:
    """Where the records sit in a list response, and their schema."""
    if "array" in schema_types(schema):
        return Guess("$[*]", True), schema_of(spec, schema.get("items", {}))
    arrays: list[tuple[tuple[str, ...], dict[str, Any]]] = []
    _collect_arrays(spec, schema, (), arrays)
    if not arrays:
        return None
    names = {*_ITEM_NAMES, *(w + "s" for w in KIND_WORDS[kind]), *KIND_WORDS[kind]}
    preferred = [a for a in arrays if norm(a[0][-1]) in names]
    chosen = (preferred or arrays)[0]
    sure = len(arrays) == 1 or len(preferred) == 1
    path = json_path(chosen[0], "[*]")
    note = "" if sure else f"one of {len(arrays)} arrays in the response"
    return Guess(path, sure, note), chosen[1]


def _collect_arrays(
    spec: Spec,
    schema: Mapping[str, Any],
    prefix: tuple[str, ...],
    out: list[tuple[tuple[str, ...], dict[str, Any]]],
) -> None:
    for name, raw in _properties(schema).items():
        if not expressible(str(name)):
            continue
        sub = schema_of(spec, raw)
        parts = (*prefix, str(name))
        if "array" in schema_types(sub):
            items = schema_of(spec, sub.get("items", {}))
            if "object" in schema_types(items):
                out.append((parts, items))
        elif "object" in schema_types(sub) and len(parts) < 2:
            _collect_arrays(spec, sub, parts, out)


def _fits(name: str, leaf: Leaf) -> bool:
    """Whether a leaf's type can hold the canonical field."""
    types = schema_types(leaf.schema)
    if not types:
        return True
    if name in ("on_hand", "quantity", "shipped_quantity"):
        return bool(types & {"integer", "number"})
    if name == "lines":
        return "array" in types
    if name == "delivered":
        return "boolean" in types
    if name == "refund_amount":
        return bool(types & {"number", "string", "integer"})
    return bool(types & {"string", "integer"})


def _score(names: tuple[str, ...], leaf: Leaf) -> tuple[int, int] | None:
    """(strength, preference): 2 when the whole path names the field, 1 when its last part does."""
    whole, last = norm(".".join(leaf.named)), norm(leaf.named[-1])
    if whole in names:
        return 2, -names.index(whole)
    if last in names:
        return 1, -names.index(last)
    return None


def match_fields(
    vocabulary: Mapping[str, tuple[str, ...]], found: list[Leaf]
) -> dict[str, tuple[Leaf, bool]]:
    """Canonical field -> (leaf, sure). A leaf goes to the field that names it most strongly."""
    candidates: list[tuple[tuple[int, int], str, Leaf]] = []
    for name, names in vocabulary.items():
        for leaf in found:
            score = _score(names, leaf)
            if score is not None and _fits(name, leaf):
                candidates.append((score, name, leaf))
    candidates.sort(key=lambda c: c[0], reverse=True)
    chosen: dict[str, tuple[Leaf, bool]] = {}
    used: set[tuple[str, ...]] = set()
    for (strength, _), name, leaf in candidates:
        if name in chosen or leaf.parts in used:
            continue
        chosen[name] = (leaf, strength == 2)
        used.add(leaf.parts)
    return chosen


def guess_values(kind: str, name: str, leaf: Leaf, guess: KindGuess) -> None:
    vocabulary = ENUM_FIELDS.get((kind, name))
    words = leaf.schema.get("enum")
    if vocabulary is None or not isinstance(words, list):
        if vocabulary is not None:
            guess.notes.append(
                f"`{name}` has no enum in the document: add `values.{name}` "
                "if the shop's words differ from the canonical ones"
            )
        return
    table: dict[str, Guess] = {}
    for word in words:
        if not isinstance(word, str):
            continue
        canonical, same = canonical_word(vocabulary, word)
        if canonical is None:
            guess.unmatched.setdefault(name, []).append(word)
        else:
            table[word] = Guess(canonical, same, "" if same else "guessed by similarity")
    guess.values[name] = table


def guess_kind(spec: Spec, kind: str) -> KindGuess | None:
    picked = pick_operations(spec, kind)
    if not picked.candidates:
        return None
    guess = KindGuess(kind, picked.list_op, picked.get_op)
    guess.candidates = list(picked.candidates)
    guess.nested = list(picked.nested)
    record = _record_schema(spec, guess)
    if record is None:
        guess.missing = [f for f in CANONICAL_FIELDS[kind] if not f.startswith("lines.")]
        return guess
    _guess_fields(spec, kind, record, guess)
    return guess


def _record_schema(spec: Spec, guess: KindGuess) -> dict[str, Any] | None:
    if guess.list_op is not None:
        body = response_schema(spec, guess.list_op)
        found = find_items(spec, body, guess.kind) if body else None
        if found is not None:
            guess.items_path, record = found
            if "included" in _properties(body or {}) and is_jsonapi(spec, record):
                guess.notes.append(
                    "the list carries JSON:API `included` records: a mapping cannot join "
                    "them yet (map what the resource itself holds)"
                )
            return dict(record)
        guess.notes.append(f"`{guess.list_op.operation_id}` answers no list of records")
        guess.list_op = None
    if guess.get_op is None and guess.list_op is None and guess.nested:
        # Only nested lists: their records still show which fields a mapping would read.
        body = response_schema(spec, guess.nested[0])
        found = find_items(spec, body, guess.kind) if body else None
        return dict(found[1]) if found is not None else None
    if guess.get_op is not None:
        body = response_schema(spec, guess.get_op)
        if body is not None and is_jsonapi(spec, schema_of(spec, _properties(body).get("data"))):
            guess.record_path = "$.data"
            return schema_of(spec, _properties(body)["data"])
        return body
    return None


def _guess_fields(spec: Spec, kind: str, record: Mapping[str, Any], guess: KindGuess) -> None:
    found = list(leaves(spec, record))
    guess.seen = found
    matched = match_fields(FIELD_NAMES[kind], found)
    for name in CANONICAL_FIELDS[kind]:
        if name.startswith("lines."):
            continue
        if name not in matched:
            guess.missing.append(name)
            continue
        leaf, sure = matched[name]
        if name == "lines":
            guess.fields["lines"] = Guess(leaf.path + "[*]", sure, _from(leaf, sure))
            _guess_lines(spec, leaf, guess)
            continue
        guess.fields[name] = Guess(leaf.path, sure, _from(leaf, sure))
        guess_values(kind, name, leaf, guess)


def _from(leaf: Leaf, sure: bool) -> str:
    return "" if sure else f"guessed from `{leaf.dotted}`"


def _guess_lines(spec: Spec, leaf: Leaf, guess: KindGuess) -> None:
    line = schema_of(spec, leaf.schema.get("items", {}))
    matched = match_fields(FIELD_NAMES["lines"], list(leaves(spec, line)))
    for name in ("sku", "name", "quantity", "shipped_quantity"):
        if name in matched:
            sub, sure = matched[name]
            guess.fields[f"lines.{name}"] = Guess(sub.path, sure, _from(sub, sure))
        else:
            guess.missing.append(f"lines.{name}")
