"""Unread answers grouped by shape: what varies between probes is taken out, the most
frequent shape comes first, and deflections are not unread."""

from __future__ import annotations

import pytest

from auditor._claims import ClaimKind
from auditor._claims._subjects import ItemIndex
from auditor._facts import OrderStatus
from auditor._teach import group_unread, is_unread, shape, suggest_phrase, teachable_kind
from auditor._verdict import Verdict
from tests.unit.teach._stored import DEFLECTION, ITEMS, order_result, stored

INDEX = ItemIndex.build(ITEMS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Blue Kettle: ready to roll!", "{item} ready to roll"),
        ("Red Toaster: READY to roll.", "{item} ready to roll"),
        ("Blue Kettle (KT-1042) -- ready to roll", "{item} ready to roll"),
        ("We've 12 of the Stone Mug, back on 2026-12-03.", "we ve N of the {item} back on DATE"),
        ("ORD-123456 left us on 3 March; RMA-2001 too.", "{id} left us on DATE {id} too"),
        ("Only 1,250 left", "only N left"),
    ],
)
def test_shape_takes_out_what_varies(text, expected):
    assert shape(text, INDEX) == expected


def test_unread_means_no_claim_and_no_deflection():
    assert is_unread(stored(1, "Blue Kettle: ready to roll"))
    assert is_unread(stored(1, "Blue Kettle: ready to roll", verdict=Verdict.UNREAD))
    assert not is_unread(stored(1, "Please call us.", claims=(DEFLECTION,)))
    assert not is_unread(stored(1, "In stock.", verdict=Verdict.PASS))


def test_groups_are_most_frequent_first_with_one_full_example():
    results = [
        stored(3, "Red Toaster: ready to roll!", sku="TS-2001"),
        stored(1, "Blue Kettle: ready to roll", sku="KT-1042"),
        stored(2, "Stone Mug: ready to roll.", sku="MG-3003"),
        stored(4, "Stone Mug? Nope, the cupboard is bare", sku="MG-3003"),
        stored(5, "Call the store.", claims=(DEFLECTION,)),  # a deflection: not unread
        stored(6, "Yes, in stock.", verdict=Verdict.PASS),
        order_result(7, "ORD-100007 has left the building.", OrderStatus.SHIPPED),
    ]
    groups = group_unread(results, ITEMS)
    assert [(g.shape, g.count) for g in groups] == [
        ("{item} ready to roll", 3),
        ("{id} has left the building", 1),
        ("{item} nope the cupboard is bare", 1),
    ]
    first = groups[0]
    assert first.probe_kind == "stock.availability"
    assert first.claim_kind is ClaimKind.AVAILABILITY
    assert "in_stock" in first.values and "out_of_stock" in first.values
    assert first.example.answer == "Blue Kettle: ready to roll"  # whole, the first probe's
    assert first.phrase == "{item}: ready to roll"
    assert groups[1].claim_kind is ClaimKind.ORDER_STATUS
    assert groups[1].phrase == "{id} has left the building"
    assert first.to_json()["probe_ids"] == list(first.probe_ids)


def test_the_suggested_phrase_is_the_subjects_sentence():
    text = "Hi there! Thanks for asking. The Blue Kettle is good to go. Anything else?"
    assert suggest_phrase(text, "KT-1042", ClaimKind.AVAILABILITY, INDEX) == (
        "The {item} is good to go"
    )
    # A placeholder that cannot stand in the kind stays literal; nothing but one is no phrase.
    assert suggest_phrase("Blue Kettle", "KT-1042", ClaimKind.AVAILABILITY, INDEX) is None


def test_what_each_probe_kind_is_taught_through():
    assert teachable_kind("stock.availability") is ClaimKind.AVAILABILITY
    assert teachable_kind("stock.quantity") is ClaimKind.AVAILABILITY
    assert teachable_kind("order.status") is ClaimKind.ORDER_STATUS
    assert teachable_kind("privacy.foreign_order") is ClaimKind.REFUSAL
    assert teachable_kind("order.eta") is None  # a date is read, not taught
    assert teachable_kind("no.such.kind") is None
