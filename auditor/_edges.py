"""Edge classes: the named families of awkward subjects that chatbots get wrong.

Membership is a pure function of a snapshot, so `auditor anchors` can count subjects per class
and the probe planner can draw from them. Classes whose subjects do not exist in the data
(`unknown_sku`) or are pairs (`foreign_order`) are counted here by what the data makes possible.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from auditor._delays import has_late_part, is_late, is_stalled
from auditor._facts import (
    Availability,
    OrderFact,
    OrderStatus,
    RefundState,
    ReturnFact,
    ReturnStatus,
    Snapshot,
    StockFact,
)
from auditor._instructions import DEFAULT_RULES, InstructionRules, has_instruction
from auditor._nouns import recommendable_skus

#: A return filed within this long before the snapshot counts as recent.
RECENT_RETURN_WINDOW = timedelta(hours=24)


def has_injected_instruction(name: str) -> bool:
    """Whether a name reads as orders to the assistant (`auditor._instructions` says how)."""
    return has_instruction(name)


def injected_skus(snap: Snapshot, rules: InstructionRules = DEFAULT_RULES) -> list[str]:
    """Items whose name carries an instruction, by the detector and the configured rules."""
    return [sku for sku, fact in snap.stock.items() if rules.find(sku, fact.name) is not None]


@dataclass(frozen=True, slots=True)
class EdgeClass:
    name: str
    fact_kind: str  # "stock", "orders" or "returns"
    description: str
    members: Callable[[Snapshot], Iterable[str]]


def _stock_where(predicate: Callable[[StockFact], bool]) -> Callable[[Snapshot], list[str]]:
    return lambda snap: [sku for sku, fact in snap.stock.items() if predicate(fact)]


def _orders_where(predicate: Callable[[OrderFact], bool]) -> Callable[[Snapshot], list[str]]:
    return lambda snap: [oid for oid, fact in snap.orders.items() if predicate(fact)]


def _returns_where(predicate: Callable[[ReturnFact], bool]) -> Callable[[Snapshot], list[str]]:
    return lambda snap: [rid for rid, fact in snap.returns.items() if predicate(fact)]


def _has_status(status: OrderStatus | ReturnStatus) -> Callable[[Any], bool]:
    return lambda fact: bool(fact.status is status)


def _normal_name(name: str) -> str:
    return " ".join(name.casefold().split())


def lookalike_skus(snap: Snapshot) -> list[str]:
    """Items whose name is a whole-word prefix of another's ("Blue Kettle" / "Blue Kettle Pro").

    Sorting makes every such pair adjacent-or-near in one pass, so this stays O(n log n) for a
    100,000-item catalogue.
    """
    names = sorted((_normal_name(f.name), sku) for sku, f in snap.stock.items())
    found: set[str] = set()
    for i, (name, sku) in enumerate(names):
        for other, other_sku in names[i + 1 :]:
            if not other.startswith(name):
                break
            if other != name and other[len(name)] == " ":
                found.update((sku, other_sku))
    return sorted(found)


def _recent_returns(snap: Snapshot) -> list[str]:
    return [
        rid
        for rid, fact in snap.returns.items()
        if fact.created_at is not None and snap.taken_at - fact.created_at <= RECENT_RETURN_WINDOW
    ]


def _foreign_order_candidates(snap: Snapshot) -> list[str]:
    """Orders another known customer could ask about: any order, once two customers exist."""
    customers = {fact.customer_id for fact in snap.orders.values()}
    return list(snap.orders) if len(customers) >= 2 else []


def _in_catalogue_sample(snap: Snapshot) -> list[str]:
    # Unknown SKUs are generated, not found; the data makes them possible once SKUs exist to
    # imitate.
    return list(snap.stock)[:1]


EDGE_CLASSES: Mapping[str, EdgeClass] = {
    e.name: e
    for e in (
        EdgeClass(
            "in_stock",
            "stock",
            "ordinary items with comfortable stock",
            _stock_where(lambda f: f.availability is Availability.IN_STOCK),
        ),
        EdgeClass(
            "catalogued_out_of_stock",
            "stock",
            "active items in the catalogue with zero units",
            _stock_where(lambda f: f.availability is Availability.OUT_OF_STOCK),
        ),
        EdgeClass(
            "discontinued",
            "stock",
            "items that will not be sold again",
            _stock_where(lambda f: f.availability is Availability.DISCONTINUED),
        ),
        EdgeClass(
            "backordered",
            "stock",
            "items that can be ordered now and ship after a restock date",
            _stock_where(lambda f: f.availability is Availability.BACKORDER),
        ),
        EdgeClass(
            "last_unit",
            "stock",
            "items with exactly one unit left",
            _stock_where(lambda f: f.on_hand == 1 and f.availability is Availability.LOW_STOCK),
        ),
        EdgeClass(
            "unknown_sku",
            "stock",
            "SKUs in the shop's format that the shop does not carry (generated)",
            _in_catalogue_sample,
        ),
        EdgeClass(
            "lookalike_name",
            "stock",
            "items whose name is contained in another item's name",
            lookalike_skus,
        ),
        EdgeClass(
            "injected_name",
            "stock",
            "items whose name carries an instruction to the assistant",
            injected_skus,
        ),
        EdgeClass(
            "shared_noun",
            "stock",
            'items sharing a head noun ("kettle") with others, some available and some not',
            recommendable_skus,
        ),
        EdgeClass(
            "non_ascii_name",
            "stock",
            "items whose name has characters outside ASCII",
            _stock_where(lambda f: not f.name.isascii()),
        ),
        EdgeClass(
            "partially_shipped",
            "orders",
            "orders with some lines shipped and some still to come",
            _orders_where(lambda f: f.status is OrderStatus.PARTIALLY_SHIPPED),
        ),
        EdgeClass(
            "late_order",
            "orders",
            "orders past their promised date (or ETA), neither delivered nor cancelled",
            _orders_where(is_late),
        ),
        EdgeClass(
            "stalled_shipment",
            "orders",
            "shipped orders without a carrier update for longer than the mapping's stall_days",
            _orders_where(is_stalled),
        ),
        EdgeClass(
            "late_part",
            "orders",
            "late orders of which part has left and part has not",
            _orders_where(has_late_part),
        ),
        EdgeClass(
            "foreign_order",
            "orders",
            "orders asked about by a customer who does not own them",
            _foreign_order_candidates,
        ),
        *(
            EdgeClass(
                f"order_{status.value}",
                "orders",
                f"orders whose status is {status.value}",
                _orders_where(_has_status(status)),
            )
            for status in OrderStatus
            if status is not OrderStatus.PARTIALLY_SHIPPED
        ),
        *(
            EdgeClass(
                f"return_{status.value}",
                "returns",
                f"returns whose status is {status.value}",
                _returns_where(_has_status(status)),
            )
            for status in ReturnStatus
        ),
        EdgeClass(
            "recent_return",
            "returns",
            "returns filed within the last day",
            _recent_returns,
        ),
        EdgeClass(
            "refund_pending",
            "returns",
            "returns whose refund is not yet issued",
            _returns_where(lambda f: f.refund_state is RefundState.PENDING),
        ),
    )
}


#: The last snapshot's members: an audit asks for them several times before its first question
#: (its meta.json's counts, the planner's buckets, the asked record), each time the same. Kept
#: by identity (a snapshot is frozen), with the snapshot itself, so that its id is not reused.
_LAST: list[tuple[Snapshot, dict[str, tuple[str, ...]]]] = []


def edge_class_members(snap: Snapshot) -> dict[str, list[str]]:
    """Subjects of every edge class in the snapshot, in a stable order."""
    last = _LAST[0] if _LAST else None
    if last is None or last[0] is not snap:
        last = (snap, {name: tuple(sorted(e.members(snap))) for name, e in EDGE_CLASSES.items()})
        _LAST[:] = [last]
    return {name: list(members) for name, members in last[1].items()}  # the caller's own lists
