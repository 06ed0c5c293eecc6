"""Edge classes as strategies for a team's own `@given` tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from auditor._explore import EdgeCases, EmptyEdgeClass
from auditor._facts import Availability, StockFact

from .conftest import make_snapshot

EDGES = EdgeCases(make_snapshot())


@given(EDGES.strategy("catalogued_out_of_stock"))
def test_a_class_draws_its_facts(fact: StockFact) -> None:
    assert fact.availability is Availability.OUT_OF_STOCK


@settings(max_examples=25)
@given(EDGES.subjects("unknown_sku"))
def test_unknown_skus_are_in_the_shops_format_and_unknown(sku: str) -> None:
    assert sku not in EDGES.snapshot.stock
    assert sku[:3] in {s[:3] for s in EDGES.snapshot.stock}


def test_members_come_simplest_first_and_unknown_names_are_refused() -> None:
    # ASCII before non-ASCII, then shorter names first: what Hypothesis shrinks towards.
    assert EDGES.members("catalogued_out_of_stock") == ["KT-1712", "GR-1790"]
    assert EDGES.members("unknown_sku") == []
    assert EDGES.customers == ["C-003", "C-009"]
    assert "foreign_order" in EDGES.names
    with pytest.raises(InvalidArgument, match="unknown edge class 'nonsense'"):
        EDGES.strategy("nonsense")
    with pytest.raises(EmptyEdgeClass, match="injected_name"):
        EDGES.strategy("injected_name")


def test_drawing_orders_gives_order_facts() -> None:
    drawn = st.data()

    @given(drawn)
    def check(data: st.DataObject) -> None:
        order = data.draw(EDGES.strategy("order_delivered"))
        assert order.order_id == "ORD-10001"

    check()
