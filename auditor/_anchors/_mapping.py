"""One shop record -> one canonical fact, by configuration alone.

The rule for doubtful data is conservative, because a wrong fact makes a wrong verdict: a mapped
field holding a value that cannot be read (a word outside `values`, a string where a count
belongs) makes the whole record unmappable, and it is skipped with a finding. A mapped field
that is absent or null reads as "unknown" (None), unless the fact cannot exist without it.

A field may be derived from others (`_derive.py`). A required field the record lacks may come
from elsewhere when the reading context knows it (`defaults`): the owner of a record read with
one customer's credentials, the order a nested return was listed under.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from auditor._anchors._config import ANY_WORD, FactMapping
from auditor._anchors._derive import MISSING, DeriveError, FieldReader
from auditor._anchors._jsonpath import JsonPath
from auditor._facts import (
    Availability,
    Fact,
    OrderFact,
    OrderLineFact,
    OrderStatus,
    RefundState,
    ReturnFact,
    ReturnStatus,
    StockFact,
    availability_of,
)

_MISSING: Any = MISSING


class _Bad(Exception):
    """A value that cannot be read as its canonical field's type."""


def _kind_of(value: Any) -> str:
    return "null" if value is None else type(value).__name__


def as_str(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise _Bad(f"expected a string, got {_kind_of(value)}")


def as_int(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    raise _Bad(f"expected an integer, got {_kind_of(value)}")


def as_date(value: Any) -> date:
    if not isinstance(value, str):
        raise _Bad(f"expected a date string, got {_kind_of(value)}")
    try:
        return date.fromisoformat(value[:10]) if len(value) > 10 else date.fromisoformat(value)
    except ValueError:
        raise _Bad(f"not an ISO date: {value[:40]!r}") from None


def as_datetime(value: Any) -> datetime:
    if not isinstance(value, str):
        raise _Bad(f"expected a date-time string, got {_kind_of(value)}")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise _Bad(f"not an ISO date-time: {value[:40]!r}") from None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def as_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise _Bad(f"expected true or false, got {_kind_of(value)}")


def as_decimal(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise _Bad(f"expected a decimal amount, got {_kind_of(value)}")
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        raise _Bad(f"not a decimal amount: {str(value)[:40]!r}") from None
    if not amount.is_finite():
        raise _Bad(f"not a finite amount: {value!r}")
    return amount


_ENUMS: Mapping[
    str, Mapping[str, type[Availability | OrderStatus | ReturnStatus | RefundState]]
] = {
    "stock": {"status": Availability},
    "orders": {"status": OrderStatus},
    "returns": {"status": ReturnStatus, "refund_state": RefundState},
}
_CONVERT: Mapping[str, Callable[[Any], Any]] = {
    "sku": as_str,
    "name": as_str,
    "order_id": as_str,
    "customer_id": as_str,
    "return_id": as_str,
    "tracking_number": as_str,
    "carrier": as_str,
    "on_hand": as_int,
    "quantity": as_int,
    "shipped_quantity": as_int,
    "restock_date": as_date,
    "eta": as_date,
    "promised_date": as_date,
    "delivered": as_bool,
    "delivered_at": as_date,
    "last_update": as_datetime,
    "created_at": as_datetime,
    "refund_amount": as_decimal,
}


@dataclass(frozen=True, slots=True)
class Problem:
    """Why (part of) a record could not be mapped; `parts` is relative to the record."""

    parts: tuple[str | int, ...]
    reason: str
    value: Any


@dataclass(slots=True)
class _Reader:
    mapper: RecordMapper
    record: Any
    #: Canonical values the reading context knows (owner, parent order) for absent fields.
    defaults: Mapping[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    failed: bool = False

    def get(self, name: str, *, required: bool = False, within: Any = _MISSING) -> Any:
        paths = self.mapper.line_paths if within is not _MISSING else self.mapper.paths
        path = paths.get(name)
        source = self.record if within is _MISSING else within
        known = self.defaults.get(name) if within is _MISSING else None
        if path is None:
            if known is not None:
                return known
            if required:
                self.fail((), f"required field `{name}` is not mapped", None)
            return None
        try:
            raw = path.read(source)
        except DeriveError as bad:
            self.fail(self.mapper.parts(path.path), f"`{name}`: {bad}", None)
            return None
        if raw is _MISSING or raw is None:
            if known is not None:
                return known
            if required:
                self.fail(self.mapper.parts(path.path), f"required field `{name}` missing", raw)
            return None
        try:
            return self.mapper.convert(name, raw)
        except _Bad as bad:
            self.fail(self.mapper.parts(path.path), f"`{name}`: {bad}", raw)
            return None

    def fail(self, parts: tuple[str | int, ...], reason: str, value: Any) -> None:
        self.failed = True
        self.problems.append(Problem(parts, reason, None if value is _MISSING else value))


class RecordMapper:
    """Compiled once per fact mapping; `map` is called for every record."""

    def __init__(self, kind: str, mapping: FactMapping) -> None:
        self.kind = kind
        self.paths = {
            n: FieldReader.compile(p)
            for n, p in mapping.fields.items()
            if not n.startswith("lines.")
        }
        self.line_paths = {
            n[6:]: FieldReader.compile(p)
            for n, p in mapping.fields.items()
            if n.startswith("lines.")
        }
        self.words = {name: dict(table) for name, table in mapping.values.items()}
        self.stall_days = mapping.stall_days
        self.enums = _ENUMS[kind]
        self._build = _BUILDERS[kind]
        id_field = _SUBJECT[kind]
        self.subject_path = self.paths.get(id_field)

    @staticmethod
    def parts(path: JsonPath) -> tuple[str | int, ...]:
        steps = path.steps
        if steps is None or None in steps:
            return ()
        return tuple(s for s in steps if s is not None)

    def convert(self, name: str, raw: Any) -> Any:
        enum = self.enums.get(name)
        if enum is None:
            return _CONVERT[name](raw)
        if not isinstance(raw, str):
            raise _Bad(f"expected a word, got {_kind_of(raw)}")
        table = self.words.get(name, {})
        word = table.get(raw, raw)
        if raw not in table and ANY_WORD in table and raw not in enum._value2member_map_:
            word = table[ANY_WORD]
        try:
            return enum(word)
        except ValueError:
            raise _Bad(
                f"{raw!r} is not mapped onto a canonical word (add it to values.{name})"
            ) from None

    def map(
        self, record: Any, read_at: datetime, defaults: Mapping[str, Any] | None = None
    ) -> tuple[Fact | None, list[Problem]]:
        reader = _Reader(self, record, defaults or {})
        if not isinstance(record, dict):
            reader.fail((), f"a record must be an object, got {_kind_of(record)}", record)
            return None, reader.problems
        fact = self._build(reader, read_at)
        return (None if reader.failed else fact), reader.problems

    def subject(self, record: Any) -> str | None:
        """The record's id (SKU, order or return id) without mapping the rest."""
        if self.subject_path is None or not isinstance(record, dict):
            return None
        try:
            value = self.subject_path.read(record)
        except DeriveError:
            return None
        return str(value) if value is not _MISSING and value is not None else None


def _stock(r: _Reader, read_at: datetime) -> StockFact | None:
    sku = r.get("sku", required=True)
    name = r.get("name", required="name" in r.mapper.paths)
    on_hand = r.get("on_hand")
    status = r.get("status")
    restock = r.get("restock_date")
    if r.failed:
        return None
    if on_hand is None and status is None:
        r.fail((), "neither `on_hand` nor `status` has a value", None)
        return None
    return StockFact(
        sku=sku,
        name=name if name is not None else sku,
        availability=availability_of(status, on_hand),
        on_hand=on_hand,
        read_at=read_at,
        restock_date=restock,
    )


def _lines(r: _Reader) -> tuple[OrderLineFact, ...]:
    reader = r.mapper.paths.get("lines")
    if reader is None:
        return ()
    lines = []
    for parts, line in reader.path.all(r.record):
        before = len(r.problems)
        sku = r.get("sku", required=True, within=line)
        name = r.get("name", within=line)
        quantity = r.get("quantity", required=True, within=line)
        shipped = r.get("shipped_quantity", within=line)
        for i in range(before, len(r.problems)):
            p = r.problems[i]
            r.problems[i] = Problem((*parts, *p.parts), f"line: {p.reason}", p.value)
        if sku is not None and quantity is not None:
            lines.append(OrderLineFact(sku, name or "", quantity, shipped or 0))
    return tuple(lines)


def _order(r: _Reader, read_at: datetime) -> OrderFact | None:
    order_id = r.get("order_id", required=True)
    customer_id = r.get("customer_id", required=True)
    status = r.get("status", required=True)
    eta = r.get("eta")
    tracking = r.get("tracking_number")
    carrier = r.get("carrier")
    lines = _lines(r)
    promised, delivered = r.get("promised_date"), r.get("delivered")
    delivered_on, last_update = r.get("delivered_at"), r.get("last_update")
    if r.failed:
        return None
    return OrderFact(
        order_id,
        customer_id,
        status,
        read_at,
        eta,
        tracking,
        carrier,
        lines,
        promised_date=promised,
        delivered=delivered,
        delivered_on=delivered_on,
        last_update=last_update,
        stall_days=r.mapper.stall_days,
    )


def _return(r: _Reader, read_at: datetime) -> ReturnFact | None:
    return_id = r.get("return_id", required=True)
    order_id = r.get("order_id", required=True)
    customer_id = r.get("customer_id", required=True)
    status = r.get("status", required=True)
    created_at = r.get("created_at")
    sku = r.get("sku")
    refund_state = r.get("refund_state")
    refund_amount = r.get("refund_amount")
    if r.failed:
        return None
    return ReturnFact(
        return_id,
        order_id,
        customer_id,
        status,
        read_at,
        created_at,
        sku,
        refund_state if refund_state is not None else RefundState.NONE,
        refund_amount,
    )


_BUILDERS: Mapping[str, Callable[[_Reader, datetime], Fact | None]] = {
    "stock": _stock,
    "orders": _order,
    "returns": _return,
}
_SUBJECT: Mapping[str, str] = {"stock": "sku", "orders": "order_id", "returns": "return_id"}


def subject_of(fact: Fact) -> str:
    return fact.subject
