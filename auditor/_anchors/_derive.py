"""Reading one canonical field from a record: at a path, or derived from other fields.

Real APIs rarely hold every canonical field at one path: a refund is "issued" when a refund
object is present, an order's status follows from its shipments' states, a count is the length
of an array. Each `DerivedField` is compiled once into a `FieldReader`; `read` returns the
raw value (a shop word or a number) or `MISSING`, and the mapper converts it like any other.
The state table of `each` is data (`StateRule` rows), evaluated top down.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from auditor._anchors._config import DerivedField, FieldSpec, Scalar, StateRule
from auditor._anchors._jsonpath import JsonPath

MISSING: Any = object()


class DeriveError(Exception):
    """A derivation met a value it cannot use (a sum over words, a state that is not a word)."""


@dataclass(frozen=True, slots=True)
class FieldReader:
    """A compiled field: `read(record)` → raw value or `MISSING`; `path` locates problems."""

    spec: FieldSpec
    paths: tuple[JsonPath, ...]
    source: str  # path | present | count | sum | each

    @classmethod
    def compile(cls, spec: FieldSpec) -> FieldReader:
        if isinstance(spec, str):
            return cls(spec, (JsonPath.compile(spec),), "path")
        source, value = next(iter(spec.sources().items()))
        texts = [value] if isinstance(value, str) else list(value)
        return cls(spec, tuple(JsonPath.compile(t) for t in texts), source)

    @property
    def path(self) -> JsonPath:
        """The path a problem with this field is reported at (the first one)."""
        return self.paths[0]

    def read(self, record: Any) -> Any:
        if not isinstance(record, dict | list):
            return MISSING
        spec = self.spec
        if isinstance(spec, str):
            return self.paths[0].first(record, MISSING)
        value = _DERIVE[self.source](self, spec, record)
        if (value is MISSING or value is None) and spec.default is not None:
            return spec.default
        return value


def _first(reader: FieldReader, spec: DerivedField, record: Any) -> Any:
    for path in reader.paths:
        value = path.first(record, MISSING)
        if value is not MISSING and value is not None:
            return value
    return MISSING


def _present(reader: FieldReader, spec: DerivedField, record: Any) -> Any:
    found = [v for v in reader.paths[0].values(record) if v is not None]
    if found:
        return spec.then
    return spec.otherwise if spec.otherwise is not None else MISSING


def _count(reader: FieldReader, spec: DerivedField, record: Any) -> Any:
    return sum(1 for v in reader.paths[0].values(record) if v is not None)


def _sum(reader: FieldReader, spec: DerivedField, record: Any) -> Any:
    total = Decimal(0)
    for value in reader.paths[0].values(record):
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise DeriveError(f"`sum` over a {type(value).__name__}")
        try:
            total += Decimal(str(value))
        except InvalidOperation:
            raise DeriveError(f"`sum` over {str(value)[:40]!r}, not a number") from None
    return int(total) if total == total.to_integral_value() else float(total)


def _each(reader: FieldReader, spec: DerivedField, record: Any) -> Any:
    values = [v for v in reader.paths[0].values(record) if v is not None]
    if any(isinstance(v, dict | list) for v in values):
        raise DeriveError("`each` needs words or numbers, found an object or a list")
    words = [str(v) for v in values]
    if not words:
        return spec.empty if spec.empty is not None else _otherwise(spec)
    for rule in spec.rules:
        if holds(rule, words):
            return rule.then
    return _otherwise(spec)


def _otherwise(spec: DerivedField) -> Any:
    return spec.otherwise if spec.otherwise is not None else MISSING


def holds(rule: StateRule, words: list[str]) -> bool:
    """Whether one row of a state table holds for the (non-empty) list of words."""
    if rule.all is not None:
        allowed = set(rule.all)
        return bool(words) and all(w in allowed for w in words)
    wanted = set(rule.any or ())
    return any(w in wanted for w in words)


_DERIVE = {
    "path": _first,
    "present": _present,
    "count": _count,
    "sum": _sum,
    "each": _each,
}

__all__ = ["MISSING", "DeriveError", "FieldReader", "Scalar", "holds"]
