"""The store: pages, scopes, and sandbox changes seen by the very next read."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor._facts import OrderStatus
from auditor.reference.shop import NotFound, ShopState, build_world
from auditor.reference.shop._state import paginate

NOW = datetime(2025, 3, 14, 12, 0, tzinfo=UTC)


def make_state(items: int = 60) -> ShopState:
    return ShopState(build_world(3, items, NOW), lambda: NOW)


@settings(max_examples=80, deadline=None)
@given(total=st.integers(0, 1200), page_size=st.integers(1, 500))
def test_pages_cover_every_record_once(total: int, page_size: int) -> None:
    records = list(range(total))
    seen: list[int] = []
    page: int | None = 1
    while page is not None:
        window = paginate(records, page, page_size)
        assert window.total == total
        assert len(window.entries) <= page_size
        seen += window.entries
        page = window.next_page
    assert seen == records


def test_a_page_past_the_end_is_empty() -> None:
    window = paginate(list(range(10)), 5, 5)
    assert (list(window.entries), window.total, window.next_page) == ([], 10, None)


def test_q_matches_name_or_sku_ignoring_case() -> None:
    state = make_state()
    found = state.item_page("bLuE kEtTlE", 1, 50)
    assert {i.name for i in found.entries} == {"Blue Kettle", "Blue Kettle Pro"}
    assert found.total == 2
    sku = next(iter(state.items))
    assert [i.sku for i in state.item_page(sku.lower(), 1, 50).entries] == [sku]
    assert state.item_page("BRÛLÉE", 1, 50).total == 1


def test_a_customer_scope_sees_only_its_own() -> None:
    state = make_state()
    mine = state.order_page("C-002", None, 1, 500).entries
    assert mine and all(o.customer_id == "C-002" for o in mine)
    assert state.order_page("C-002", "C-003", 1, 500).total == 0
    foreign = next(o for o in state.orders.values() if o.customer_id != "C-002")
    with pytest.raises(NotFound):
        state.order(foreign.order_id, "C-002")
    assert state.order(foreign.order_id, None) == foreign
    returns = state.return_page("C-002", None, 1, 500).entries
    assert all(r.customer_id == "C-002" for r in returns)


def test_changes_are_read_back_at_once_and_reset_restores_the_seed() -> None:
    state = make_state()
    items_view = state.items
    seeded = next(i for i in state.world.items if i.available > 0)
    sku = seeded.sku
    state.set_stock(sku, 0)
    assert items_view[sku].available == 0
    order = next(o for o in state.orders.values() if o.status is OrderStatus.DELIVERED)
    filed = state.file_return(order.order_id, order.lines[0].sku)
    assert state.return_page(None, order.order_id, 1, 50).entries[-1] == filed
    assert filed.return_id == f"RMA-{1001 + len(state.world.returns):04d}"
    state.reset()
    assert items_view[sku] == seeded
    assert filed.return_id not in state.returns
    assert dict(state.items) == {i.sku: i for i in state.world.items}
    assert state.file_return(order.order_id, order.lines[0].sku).return_id == filed.return_id
