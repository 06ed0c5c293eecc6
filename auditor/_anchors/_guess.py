"""Guessing how a document's operations and schemas map onto canonical facts.

Pure functions of a loaded document: which operations list and read each fact kind, where the
records sit in a list response, which property holds each canonical field, which shop word means
which canonical word, and how lists are paginated. Every guess says whether it is sure.
"""

from __future__ import annotations

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

    @property
    def path(self) -> str:
        return "$." + ".".join(self.parts)

    @property
    def dotted(self) -> str:
        return ".".join(self.parts)


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


def schema_of(spec: Spec, node: Any) -> dict[str, Any]:
    """A schema with `$ref`s followed and `allOf` merged (properties and required)."""
    node = spec.resolve(node) or {}
    if "allOf" not in node:
        return dict(node)
    merged: dict[str, Any] = {k: v for k, v in node.items() if k != "allOf"}
    props = dict(merged.get("properties", {}))
    for part in node["allOf"]:
        sub = schema_of(spec, part)
        props.update(sub.get("properties", {}))
        merged.setdefault("type", sub.get("type"))
    merged["properties"] = props
    return merged


def _types(schema: Mapping[str, Any]) -> set[str]:
    kind = schema.get("type")
    if isinstance(kind, list):
        return {str(k) for k in kind}
    return {str(kind)} if kind else set()


def response_schema(spec: Spec, op: Operation) -> dict[str, Any] | None:
    for status in ("200", "2XX", "default"):
        if status in op.responses:
            content = spec.resolve(op.responses[status]).get("content", {})
            for media, body in content.items():
                if "json" in media and "schema" in body:
                    return schema_of(spec, body["schema"])
    return None


def leaves(spec: Spec, schema: Mapping[str, Any], prefix: tuple[str, ...] = ()) -> Iterator[Leaf]:
    """Every property of a record schema, nested objects flattened to dotted paths."""
    for name, raw in (schema.get("properties") or {}).items():
        sub = schema_of(spec, raw)
        parts = (*prefix, str(name))
        if "object" in _types(sub) and sub.get("properties") and len(parts) < _MAX_DEPTH:
            yield from leaves(spec, sub, parts)
        else:
            yield Leaf(parts, sub)


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


def pick_operations(spec: Spec, kind: str) -> tuple[Operation | None, Operation | None]:
    """The best-scoring list and get operations (GET only) for `kind`."""
    best: dict[str, tuple[int, Operation]] = {}
    for op in spec.operations.values():
        if op.method != "GET":
            continue
        score = _kind_score(op, kind)
        if score <= 0 or any(_kind_score(op, k) > score for k in KIND_WORDS if k != kind):
            continue
        role = "get" if _ends_with_param(op) else "list"
        if role == "list" and op.path_parameters():
            continue
        if role not in best or score > best[role][0]:
            best[role] = (score, op)
    return (best["list"][1] if "list" in best else None, best["get"][1] if "get" in best else None)


_ITEM_NAMES = ("items", "data", "results", "records", "entries", "content", "values")


def find_items(spec: Spec, schema: Mapping[str, Any], kind: str) -> tuple[Guess, Any] | None:
    """Where the records sit in a list response, and their schema."""
    if "array" in _types(schema):
        return Guess("$[*]", True), schema_of(spec, schema.get("items", {}))
    arrays: list[tuple[tuple[str, ...], dict[str, Any]]] = []
    _collect_arrays(spec, schema, (), arrays)
    if not arrays:
        return None
    names = {*_ITEM_NAMES, *(w + "s" for w in KIND_WORDS[kind]), *KIND_WORDS[kind]}
    preferred = [a for a in arrays if norm(a[0][-1]) in names]
    chosen = (preferred or arrays)[0]
    sure = len(arrays) == 1 or len(preferred) == 1
    path = "$." + ".".join(chosen[0]) + "[*]"
    note = "" if sure else f"one of {len(arrays)} arrays in the response"
    return Guess(path, sure, note), chosen[1]


def _collect_arrays(
    spec: Spec,
    schema: Mapping[str, Any],
    prefix: tuple[str, ...],
    out: list[tuple[tuple[str, ...], dict[str, Any]]],
) -> None:
    for name, raw in (schema.get("properties") or {}).items():
        sub = schema_of(spec, raw)
        parts = (*prefix, str(name))
        if "array" in _types(sub):
            items = schema_of(spec, sub.get("items", {}))
            if "object" in _types(items) or items.get("properties"):
                out.append((parts, items))
        elif "object" in _types(sub) and len(parts) < 2:
            _collect_arrays(spec, sub, parts, out)


def _fits(name: str, leaf: Leaf) -> bool:
    """Whether a leaf's type can hold the canonical field."""
    types = _types(leaf.schema)
    if not types:
        return True
    if name in ("on_hand", "quantity", "shipped_quantity"):
        return bool(types & {"integer", "number"})
    if name == "lines":
        return "array" in types
    if name == "refund_amount":
        return bool(types & {"number", "string", "integer"})
    return bool(types & {"string", "integer"})


def _score(names: tuple[str, ...], leaf: Leaf) -> tuple[int, int] | None:
    """(strength, preference): 2 when the whole path names the field, 1 when its last part does."""
    whole, last = norm(leaf.dotted), norm(leaf.parts[-1])
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
    list_op, get_op = pick_operations(spec, kind)
    if list_op is None and get_op is None:
        return None
    guess = KindGuess(kind, list_op, get_op)
    record = _record_schema(spec, guess)
    if record is None:
        guess.notes.append("no JSON record schema found: map the fields by hand")
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
            return dict(record)
        guess.notes.append(f"`{guess.list_op.operation_id}` answers no list of records")
        guess.list_op = None
    if guess.get_op is not None:
        return response_schema(spec, guess.get_op)
    return None


def _guess_fields(spec: Spec, kind: str, record: Mapping[str, Any], guess: KindGuess) -> None:
    found = list(leaves(spec, record))
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
