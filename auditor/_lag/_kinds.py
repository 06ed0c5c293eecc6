"""Lag scenario kinds: which subject each changes, how the change shows, how an answer shows it.

A kind picks its subjects from the snapshot (an item in stock to sell out, an open order to
ship ...), names the variables its action and question templates see, says when the anchor
shows the change, and judges an answer through the probe kind that asks the same question, so
that "the answer reflects the change" means exactly what a probe's `pass` means.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from auditor._claims import Claim
from auditor._compat import admits
from auditor._facts import (
    Availability,
    Fact,
    OrderFact,
    OrderStatus,
    RefundState,
    ReturnFact,
    Snapshot,
    StockFact,
)
from auditor._judge import relevant_claims
from auditor._probes import PROBE_KINDS, Probe

Variables = Mapping[str, str | int | None]
#: How an answer showed a change: its claims agree with it, or it names the new subject.
Evidence = Literal["claim", "mention"]


@dataclass(frozen=True, slots=True)
class Subject:
    """One subject a scenario changes, as the snapshot showed it."""

    id: str
    fact: Fact
    #: Who asks about it: the owner of an order or return, nobody for stock.
    customer_id: str | None
    variables: Variables


@dataclass(frozen=True, slots=True)
class LagKind:
    name: str
    description: str
    #: Fact kind of the subject picked, and of the changed truth (a filed return is `returns`).
    fact_kind: str
    changed_kind: str
    #: The probe kind whose claims and accepted values judge an answer.
    probe_kind: str
    question: str
    candidates: Callable[[Snapshot], Iterable[Subject]]
    #: True while the subject can still be changed this way (checked on a fresh read).
    qualifies: Callable[[Fact | None], bool]
    #: True once the anchor shows the change (on the changed subject).
    shows: Callable[[Fact | None], bool]
    #: The change creates a new subject, named in the answer once the assistant knows it.
    creates: bool = False


LAG_KINDS: dict[str, LagKind] = {}


def _register(kind: LagKind) -> None:
    if kind.name in LAG_KINDS:
        raise ValueError(f"lag kind {kind.name!r} is registered twice")
    if kind.probe_kind not in PROBE_KINDS:
        raise ValueError(f"lag kind {kind.name!r} names unknown probe kind {kind.probe_kind!r}")
    LAG_KINDS[kind.name] = kind


def _stock(fact: StockFact) -> Subject:
    variables = {"subject": fact.sku, "sku": fact.sku, "name": fact.name, "on_hand": fact.on_hand}
    return Subject(fact.sku, fact, None, variables)


def _order(fact: OrderFact) -> Subject:
    shipped = [line.sku for line in fact.lines if line.shipped_quantity > 0]
    variables = {
        "subject": fact.order_id,
        "order_id": fact.order_id,
        "customer_id": fact.customer_id,
        "status": fact.status.value,
        "sku": shipped[0] if shipped else None,
    }
    return Subject(fact.order_id, fact, fact.customer_id, variables)


def _return(fact: ReturnFact) -> Subject:
    variables = {
        "subject": fact.return_id,
        "return_id": fact.return_id,
        "order_id": fact.order_id,
        "customer_id": fact.customer_id,
        "sku": fact.sku,
        "status": fact.status.value,
    }
    return Subject(fact.return_id, fact, fact.customer_id, variables)


def _in_stock(fact: Fact | None) -> bool:
    return isinstance(fact, StockFact) and fact.availability is Availability.IN_STOCK


def _sold_out(fact: Fact | None) -> bool:
    return isinstance(fact, StockFact) and fact.availability is Availability.OUT_OF_STOCK


def _available(fact: Fact | None) -> bool:
    return isinstance(fact, StockFact) and fact.availability in (
        Availability.IN_STOCK,
        Availability.LOW_STOCK,
    )


def _open_order(fact: Fact | None) -> bool:
    return isinstance(fact, OrderFact) and fact.status in (
        OrderStatus.PENDING,
        OrderStatus.PROCESSING,
    )


def _shipped(fact: Fact | None) -> bool:
    return isinstance(fact, OrderFact) and fact.status is OrderStatus.SHIPPED


def _returnable(fact: Fact | None) -> bool:
    return (
        isinstance(fact, OrderFact)
        and fact.status is OrderStatus.DELIVERED
        and any(line.shipped_quantity > 0 for line in fact.lines)
    )


def _refund_pending(fact: Fact | None) -> bool:
    return isinstance(fact, ReturnFact) and fact.refund_state is RefundState.PENDING


def _refund_issued(fact: Fact | None) -> bool:
    return isinstance(fact, ReturnFact) and fact.refund_state is RefundState.ISSUED


def _stock_where(test: Callable[[Fact | None], bool]) -> Callable[[Snapshot], Iterator[Subject]]:
    def pick(snapshot: Snapshot) -> Iterator[Subject]:
        return (_stock(f) for f in snapshot.stock.values() if test(f))

    return pick


def _open_orders(snapshot: Snapshot) -> Iterator[Subject]:
    return (_order(f) for f in snapshot.orders.values() if _open_order(f))


def _orders_without_returns(snapshot: Snapshot) -> Iterator[Subject]:
    """Delivered orders no return names yet, so the new return is the only one asked about."""
    returned = {f.order_id for f in snapshot.returns.values()}
    return (
        _order(f) for f in snapshot.orders.values() if _returnable(f) and f.order_id not in returned
    )


def _pending_refunds(snapshot: Snapshot) -> Iterator[Subject]:
    return (_return(f) for f in snapshot.returns.values() if _refund_pending(f))


def _exists(fact: Fact | None) -> bool:
    return fact is not None


_register(
    LagKind(
        "stock_out",
        "An item in stock sells out.",
        "stock",
        "stock",
        "stock.availability",
        "Is {{sku}} in stock?",
        _stock_where(_in_stock),
        _in_stock,
        _sold_out,
    )
)
_register(
    LagKind(
        "back_in_stock",
        "A sold-out item comes back in stock.",
        "stock",
        "stock",
        "stock.availability",
        "Is {{sku}} in stock?",
        _stock_where(_sold_out),
        _sold_out,
        _available,
    )
)
_register(
    LagKind(
        "order_shipped",
        "An open order ships.",
        "orders",
        "orders",
        "order.status",
        "Has my order {{order_id}} shipped yet?",
        _open_orders,
        _open_order,
        _shipped,
    )
)
_register(
    LagKind(
        "return_filed",
        "A return is filed for a delivered order.",
        "orders",
        "returns",
        "return.status",
        "Did you receive my return for order {{order_id}}?",
        _orders_without_returns,
        _returnable,
        _exists,
        creates=True,
    )
)
_register(
    LagKind(
        "refund_issued",
        "A pending refund is paid.",
        "returns",
        "returns",
        "refund.status",
        "Has the refund for return {{return_id}} been paid?",
        _pending_refunds,
        _refund_pending,
        _refund_issued,
    )
)


def subject_of(kind: LagKind, snapshot: Snapshot, subject_id: str) -> Subject | None:
    """A pinned subject, as the snapshot shows it (None when the snapshot does not have it)."""
    table: Mapping[str, Fact] = getattr(snapshot, kind.fact_kind)
    fact = table.get(subject_id)
    if isinstance(fact, StockFact):
        return _stock(fact)
    if isinstance(fact, OrderFact):
        return _order(fact)
    if isinstance(fact, ReturnFact):
        return _return(fact)
    return None


def _named(subject: str, text: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(subject)}(?![\w-])", text, re.IGNORECASE) is not None


def reflects(
    kind: LagKind, claims: Sequence[Claim], text: str, subject: str, truth: Fact | None
) -> Evidence | None:
    """How an answer shows the changed truth: "claim", "mention", or None when it does not.

    The answer's claims about the subject must all agree with the truth, as a probe of
    `kind.probe_kind` would require to pass. A kind that creates a subject (a new return) is
    also shown by naming it: an assistant cannot name a return it has not seen.
    """
    probe_kind = PROBE_KINDS[kind.probe_kind]
    probe = Probe(kind=probe_kind.name, subject=subject, fact_kind=kind.changed_kind, turns=(text,))
    judged = relevant_claims(probe_kind, probe, claims)
    if kind.creates:
        judged = [c for c in judged if c.subject == subject]
    accepted = probe_kind.accepts(truth)
    if judged and all(admits(accepted, probe_kind.tokens(c)) for c in judged):
        return "claim"
    if kind.creates and _named(subject, text):
        return "mention"
    return None
