"""Order states read by meaning (issue 16 item 1, issue 23 item 3): by activity, by where the
parcel is, by its parts taken as a whole, in curt and chatty voices. Written in the style of
the corpus's dev part, never from its test part."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract
from auditor._claims._lexicon import forms, past

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)  # a Tuesday
SHOP = ExtractionContext(
    now=NOW,
    items={"KT-0001": "Blue Kettle", "TS-0101": "Red Toaster", "MG-0007": "Stoneware Mug"},
)


def statuses(text: str) -> list[tuple[object, str | None]]:
    return [(c.value, c.subject) for c in extract(text, [ClaimKind.ORDER_STATUS], SHOP)]


def test_forms_spell_every_inflection_of_a_lemma():
    assert forms("ship") == "(?:shipping|shipped|ships|ship)"
    assert set(forms("leave")[3:-1].split("|")) == {"leave", "leaves", "left", "leaving"}
    assert set(forms("go out")[3:-1].split("|")) == {
        "go out", "goes out", "went out", "gone out", "going out"
    }  # fmt: skip
    assert past("send", "post") == "(?:posted|sent)"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Waiting to start: queued, held for the payment, not even picked.
        ("ORD-12345 is in the queue and will be picked soon.", "pending"),
        ("Your order ORD-12345 is on hold till the payment clears.", "pending"),
        ("ORD-12345 confirmed, not packed yet", "pending"),
        ("We're still waiting on your bank to confirm the payment for ORD-12345.", "pending"),
        # Being made ready.
        ("We're packing ORD-12345 right now.", "processing"),
        ("ORD-12345 bein packed", "processing"),
        ("ORD-12345 is in fulfilment at the moment.", "processing"),
        ("ORD-12345 is all packed, just waiting on the courier.", "processing"),
        ("ORD-12345 ships tmrw", "processing"),
        ("ORD-12345 is booked to go out on Friday.", "processing"),
        ("hasnt gone out yet its still being picked, ORD-12345", "processing"),
        # Left the shop: where the parcel is.
        ("ORD-12345 has left our warehouse.", "shipped"),
        ("ORD-12345 left us this morning", "shipped"),
        ("Your order ORD-12345 is in the post.", "shipped"),
        ("ORD-12345 is on the van today.", "shipped"),
        ("ORD-12345 has been handed to Parcelforce.", "shipped"),
        ("ORD-12345 reached the local depot overnight.", "shipped"),
        ("ORD-12345 out, eta fri", "shipped"),
        # Arrived.
        ("ORD-12345 turned up yesterday.", "delivered"),
        ("ORD-12345 landed this am", "delivered"),
        ("The courier confirmed delivery of ORD-12345 this morning.", "delivered"),
        ("ORD-12345 was scrapped at your request.", "cancelled"),
    ],
)
def test_states_by_activity_and_place(text, value):
    assert statuses(text) == [(value, "ORD-12345")]


@pytest.mark.parametrize(
    "text",
    [
        # Some parts gone, some still here: the order is partially shipped.
        "The Blue Kettle from ORD-12345 went out on Monday; the mugs are still being packed.",
        "ORD-12345 was split in two. The first parcel has left us, the second hasn't left yet.",
        "ORD-12345: parcel 1 delivered, parcel 2 still waiting to be picked",
        "ORD-12345 part shipped, mug to follow",
        "We've posted 1 of the 2 items on ORD-12345.",
        "ORD-12345 went out in two boxes.\n- Box 1: dispatched\n- Box 2: waiting for stock",
        "Your order ORD-12345: the kettle was sent yesterday, the toaster will come separately.",
    ],
)
def test_some_parts_gone_and_some_not_is_a_partial_shipment(text):
    assert statuses(text) == [("partially_shipped", "ORD-12345")]


def test_every_part_gone_but_not_every_part_delivered_is_shipped():
    text = "ORD-12345:\n- Parcel 1: delivered on Saturday\n- Parcel 2: in transit, due tomorrow"
    assert statuses(text) == [("shipped", "ORD-12345")]


def test_every_part_delivered_is_delivered():
    text = "ORD-12345 came in two parcels. Parcel 1: delivered. Parcel 2: delivered."
    assert {value for value, _ in statuses(text)} == {"delivered"}


@pytest.mark.parametrize(
    "text",
    [
        # Plans, promises and other things than the order's state.
        "ORD-12345 will most likely be delivered by Thursday.",
        "ORD-12345 should be on its way within a day.",
        "I've had a word with the courier about ORD-12345.",
        "The Blue Kettle is available to order and ships within one business day.",
        "It's ready to go out today if you order before 3pm.",
        "The Blue Kettle is on its way back into stock.",
        "The refund should be with you by Monday; we sent it on Tuesday. ORD-12345",
        "RMA-44556 arrived at the warehouse on Tuesday.",
    ],
)
def test_no_order_state_where_none_is_asserted(text):
    assert statuses(text) == []


def test_a_tracking_number_to_follow_is_not_a_part_to_follow():
    text = "ORD-12345 left our warehouse today, tracking to follow."
    assert statuses(text) == [("shipped", "ORD-12345")]
