"""The edge classes of a snapshot are reckoned once, however often an audit asks for them.

Before its first question an audit needs them for meta.json's counts and for the planner's
buckets (issue 20: 14 ms each on the reference shop); the second asks must find them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import UTC, datetime

import pytest

from auditor import _edges
from auditor._edges import EDGE_CLASSES, edge_class_members
from auditor._facts import Snapshot, StockFact, availability_of

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


def _shop(on_hand: int) -> Snapshot:
    items = [
        StockFact(f"KT-{n:04d}", f"Item {n}", availability_of(None, on_hand), on_hand, NOW)
        for n in range(1, 6)
    ]
    return Snapshot.of(NOW, stock=items)


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every edge class's membership test, counting the snapshots it reads."""
    calls: list[str] = []

    def counting(edge: _edges.EdgeClass) -> _edges.EdgeClass:
        def members(snap: Snapshot) -> Iterable[str]:
            calls.append(edge.name)
            return edge.members(snap)

        return dataclasses.replace(edge, members=members)

    monkeypatch.setattr(_edges, "EDGE_CLASSES", {n: counting(e) for n, e in EDGE_CLASSES.items()})
    monkeypatch.setattr(_edges, "_LAST", [])
    return calls


EMPTY = "catalogued_out_of_stock"
ALL = [f"KT-{n:04d}" for n in range(1, 6)]


def test_one_snapshot_is_read_once_and_each_caller_gets_its_own_lists(counted: list[str]) -> None:
    snap = _shop(0)
    first = edge_class_members(snap)
    assert len(counted) == len(EDGE_CLASSES)
    first[EMPTY].clear()  # a caller's own list: the next caller must not see this
    second = edge_class_members(snap)
    assert len(counted) == len(EDGE_CLASSES)  # not read again
    assert second[EMPTY] == ALL


def test_another_snapshot_is_read_anew_even_when_equal(counted: list[str]) -> None:
    in_stock, empty, equal = _shop(20), _shop(0), _shop(0)
    assert edge_class_members(in_stock)[EMPTY] == []
    assert edge_class_members(empty)[EMPTY] == ALL
    assert edge_class_members(equal) == edge_class_members(equal)
    assert len(counted) == 3 * len(EDGE_CLASSES)  # the last snapshot is kept, by identity
    assert edge_class_members(in_stock)[EMPTY] == []  # not the last one's any more
    assert len(counted) == 4 * len(EDGE_CLASSES)
