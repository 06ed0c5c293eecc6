"""The auditor's edge classes as Hypothesis strategies, for tests a team writes itself.

Members come out simplest first (plain ASCII, short names, then by id), because Hypothesis
shrinks `sampled_from` towards its first element: a failing `@given` test reports the plainest
item of the class that fails. `unknown_sku` has no members in the data; its strategy draws
SKUs in the shop's own format that the shop does not carry, as the audit's planner does.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from auditor._edges import EDGE_CLASSES, edge_class_members
from auditor._facts import Fact, Snapshot, StockFact
from auditor._probes._strategies import unknown_skus

#: Classes whose subjects are generated rather than found in the data.
GENERATED = frozenset({"unknown_sku"})


class EmptyEdgeClass(LookupError):
    """The snapshot has no subject of this edge class, so there is nothing to draw."""


class EdgeCases:
    """Edge classes over one snapshot: `strategy(name)` for facts, `subjects(name)` for ids."""

    def __init__(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self._members = edge_class_members(snapshot)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(EDGE_CLASSES)

    @property
    def customers(self) -> list[str]:
        """Every customer with an order, to pick an owner or a stranger from."""
        return sorted({f.customer_id for f in self.snapshot.orders.values()})

    def members(self, name: str) -> list[str]:
        """The subjects of a class, simplest first; empty for generated classes."""
        self._check(name)
        if name in GENERATED:
            return []
        table = self._table(name)
        present = [m for m in self._members.get(name, []) if m in table]
        return sorted(present, key=lambda m: _simplicity(table[m]))

    def subjects(self, name: str) -> st.SearchStrategy[str]:
        """Ids of the class's subjects (or generated unknown SKUs)."""
        self._check(name)
        if name in GENERATED:
            return unknown_skus(self.snapshot)
        members = self.members(name)
        if not members:
            return self.empty(name)
        return st.sampled_from(members)

    def strategy(self, name: str) -> st.SearchStrategy[Any]:
        """Facts of the class (`StockFact`, `OrderFact`, `ReturnFact`); SKUs for `unknown_sku`."""
        self._check(name)
        if name in GENERATED:
            return unknown_skus(self.snapshot)
        members = self.members(name)
        if not members:
            return self.empty(name)
        table = self._table(name)
        return st.sampled_from([table[m] for m in members])

    def empty(self, name: str) -> st.SearchStrategy[Any]:
        """What a class with no subjects gives; overridden by the pytest plugin to skip."""
        raise EmptyEdgeClass(f"the snapshot has no subject of edge class {name!r}")

    def _table(self, name: str) -> Mapping[str, Fact]:
        table: Mapping[str, Fact] = getattr(self.snapshot, EDGE_CLASSES[name].fact_kind)
        return table

    def _check(self, name: str) -> None:
        if name not in EDGE_CLASSES:
            raise InvalidArgument(
                f"unknown edge class {name!r}; known classes: {', '.join(EDGE_CLASSES)}"
            )


def _simplicity(fact: Fact) -> tuple[int, int, str]:
    if isinstance(fact, StockFact):
        return (0 if fact.name.isascii() else 1, len(fact.name), fact.sku)
    return (0, 0, fact.subject)
