"""Formal US retail and British casual voices read by mechanism, eighth session (issues 16, 23).

The mechanisms were found on `fixtures/claims/dev8/formal8.jsonl`, its late set and the blind
misses of dev3–dev7 (`fixtures/claims/dev8/formal8.md`); the sentences below are written for
this test and are in none of the fixtures, so each asserts a class of words or a scope, not a
sentence. Each mechanism has look-alikes that must stay unread."""

from __future__ import annotations

from datetime import datetime

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract
from auditor._claims._groups import members

ITEMS = {
    "LN-0001": "Storm Lantern",
    "LN-0002": "Storm Lantern Mini",
    "LN-0003": "Camping Lantern",
    "SA-0010": "Saucepan",
    "SA-0011": "Saucepan Deep",
    "RK-0020": "Garden Rake",
    "SH-0030": "Secateurs",
    "BX-0040": "Bread Box",
    "PN-0050": "Pruning Saw",
    "MT-0060": "Doormat",
}
NOW = datetime.fromisoformat("2026-12-07T10:00:00+00:00")


def read(text: str, kind: ClaimKind) -> list[tuple[object, str | None]]:
    context = ExtractionContext(now=NOW, items=ITEMS)
    return sorted(
        ((c.value, c.subject) for c in extract(text, [kind], context)), key=lambda v: str(v)
    )


STOCK = ClaimKind.AVAILABILITY


def test_a_group_is_the_items_whose_names_hold_its_noun():
    parts = ExtractionContext(now=NOW, items=ITEMS).index.parts
    assert members(parts, "saucepans") == ("SA-0010", "SA-0011")
    # The name words said before the noun narrow it: "storm lanterns" are not the Camping one.
    assert members(parts, "storm lanterns") == ("LN-0001", "LN-0002")
    assert members(parts, "lanterns") == ("LN-0001", "LN-0002", "LN-0003")
    # One item is no group; nor is a word no name holds.
    assert members(parts, "rakes") == ()
    assert members(parts, "products") == ()


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Both saucepans are in stock at the moment.", "in_stock"),
        ("I'm afraid neither of the saucepans is available right now.", "out_of_stock"),
        ("Each of our storm lanterns is currently in stock.", "in_stock"),
        ("None of the storm lanterns are in stock today, sorry.", "out_of_stock"),
        # The group's own terse state: its subject is no masked name.
        ("Both saucepans are in at the minute.", "in_stock"),
        ("Neither of the storm lanterns is in at the mo.", "out_of_stock"),
    ],
)
def test_a_claim_said_of_a_group_is_each_members(text: str, want: str) -> None:
    got = read(text, STOCK)
    pair = ["SA-0010", "SA-0011"] if "saucepan" in text else ["LN-0001", "LN-0002"]
    assert got == [(want, sku) for sku in pair]


def test_a_group_look_alike_stays_one_item_or_none():
    # "Both" of three lanterns does not say which two.
    assert read("Both lanterns are in stock.", STOCK) != [
        ("in_stock", "LN-0001"),
        ("in_stock", "LN-0002"),
        ("in_stock", "LN-0003"),
    ]
    # Another item named between the group and the claim takes its own claim.
    assert read("Both saucepans are fine, but the Garden Rake is out of stock.", STOCK) == [
        ("out_of_stock", "RK-0020")
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A terse state closed by a time of the present, and doubled by "both".
        ("The Doormat is in at the minute.", [("in_stock", "MT-0060")]),
        ("The Bread Box is out at present, sorry.", [("out_of_stock", "BX-0040")]),
        (
            "The Garden Rake and the Pruning Saw are both in.",
            [("in_stock", "PN-0050"), ("in_stock", "RK-0020")],
        ),
        # A one-word name in the plural is the name.
        ("We've got 14 Doormats.", [("in_stock", "MT-0060")]),
        # Place, search and what happens next.
        ("The Bread Box is held at our Reno distribution center.", [("in_stock", "BX-0040")]),
        (
            "If you order the Doormat now, it will leave our warehouse today.",
            [("in_stock", "MT-0060")],
        ),
        (
            "I am unable to locate any units of the Pruning Saw in our inventory.",
            [("out_of_stock", "PN-0050")],
        ),
        ("I'm not seeing any Doormats anywhere, I'm afraid.", [("out_of_stock", "MT-0060")]),
        (
            "The Bread Box sold well, and the last one went on Monday.",
            [("out_of_stock", "BX-0040")],
        ),
        # Degree and time, formal and British.
        ("There's barely any of the Garden Rake left.", [("low_stock", "RK-0020")]),
        ("We carry a strong supply of the Doormat.", [("in_stock", "MT-0060")]),
        ("The Pruning Saw is well stocked at every branch.", [("in_stock", "PN-0050")]),
        ("The Doormat's not been in for months.", [("out_of_stock", "MT-0060")]),
        ("The Garden Rake's back, we had a delivery on Friday.", [("in_stock", "RK-0020")]),
        ("The Bread Box is still going strong.", [("in_stock", "BX-0040")]),
        ("The Saucepan will not be available until February.", [("backorder", "SA-0010")]),
        ("We expect a fresh shipment of the Doormat on the 20th.", [("backorder", "MT-0060")]),
        (
            "The Secateurs are not expected to return to inventory.",
            [("discontinued", "SH-0030")],
        ),
        # A denial raised onto a verb of seeming; a product named inside a longer one.
        ("It does not appear that we carry a leaf blower.", [("not_carried", None)]),
        (
            "I'm afraid a cordless saucepan is not something we have ever sold.",
            [("not_carried", None)],
        ),
        ("A Doormat is not something we sell.", [("not_carried", "MT-0060")]),
        # Withheld from sale for now; a rough count; the catalogue as the subject.
        (
            "We are not selling the Pruning Saw until the recall is over.",
            [("out_of_stock", "PN-0050")],
        ),
        ("There are thirty-odd Doormats in the back.", [("in_stock", "MT-0060")]),
        ("Our range doesn't include a log splitter.", [("not_carried", None)]),
        # The item as the object of a relative clause of denial (not one limited to a place).
        (
            "The Garden Rake is in stock, unlike the Pruning Saw, which we are unable to supply.",
            [("in_stock", "RK-0020"), ("out_of_stock", "PN-0050")],
        ),
        ("The Doormat, which we can't ship to Alaska, is in stock.", [("in_stock", "MT-0060")]),
        # A variant not made, or short, is no claim about the item in stock.
        (
            "We don't offer the Saucepan in a larger capacity, but the Saucepan is in stock.",
            [("in_stock", "SA-0010")],
        ),
        (
            "The Bread Box is in stock in oak. The pine version, however, is unavailable.",
            [("in_stock", "BX-0040")],
        ),
    ],
)
def test_stock_told_by_place_search_degree_time_and_scope(
    text: str, want: list[tuple[str, str | None]]
) -> None:
    assert read(text, STOCK) == want


@pytest.mark.parametrize(
    "text",
    [
        # Not stock: the shop's other things, and an order's parcel.
        "Your order has gone out today.",
        "I'm not seeing any orders on your account.",
        "The last one went out with DPD this morning.",
        "The Bread Box is being held in our warehouse for quality review.",
        "The shop doesn't have a lift, sorry.",
        "We are not selling gift cards online.",
    ],
)
def test_look_alikes_of_stock_stay_unread(text: str) -> None:
    assert read(text, STOCK) == []


def test_a_service_unavailable_until_a_time_is_no_backorder():
    # (Read out_of_stock before this session too: a look-alike left, formal8.md "Left".)
    for text in (
        "The chat service won't be available until 9am tomorrow.",
        "Price matching will not be available until January.",
    ):
        assert ("backorder", None) not in read(text, STOCK)


def test_counts_in_plural_names_and_a_screen_zero():
    assert read("We've got 12 Doormats and 2 Bread Boxes left.", ClaimKind.QUANTITY) == [
        (12, "MT-0060"),
        (2, "BX-0040"),
    ]
    assert read("Stock says nought for the Garden Rake.", ClaimKind.QUANTITY) == [(0, "RK-0020")]
    # A rough count joined to a count: stock, no quantity; not after an order's line.
    assert read("We've got 5 Saucepans left and roughly 30 Doormats.", STOCK) == [
        ("in_stock", "MT-0060"),
        ("in_stock", "SA-0010"),
    ]
    assert read("We've got 5 Saucepans left and roughly 30 Doormats.", ClaimKind.QUANTITY) == [
        (5, "SA-0010")
    ]
    assert read("Your parcel holds the Saucepan and about 20 Doormats.", STOCK) == []
    assert read("The order total says nought.", ClaimKind.QUANTITY) == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("ORD-5511 was received at your address on Tuesday.", [("delivered", "ORD-5511")]),
        ("ORD-5512 remains on hold pending confirmation of payment.", [("pending", "ORD-5512")]),
        # Gone out of stock sends no parcel.
        ("Sorry, the Doormat has gone out of stock and we're waiting on the next delivery.", []),
        # A return received at a warehouse is no delivery of an order.
        ("RMA-5513 was received at our warehouse.", []),
    ],
)
def test_order_states_in_a_formal_register(text: str, want: list[tuple[str, str]]) -> None:
    assert read(text, ClaimKind.ORDER_STATUS) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The Doormat is down to £9 in the sale this week.", [("unspecified", "MT-0060")]),
        ("The Bread Box is down to £20, it was £26.", [("unspecified", "BX-0040")]),
        # An offer named before its figure and said over offers nothing.
        ("The spring promotion of 25% off ended on May 31, so it cannot be applied.", []),
        # Not a price: a balance brought down.
        ("Your gift card balance is down to £9.", []),
    ],
)
def test_prices_brought_down_and_offers_over(text: str, want: list[tuple[str, str]]) -> None:
    assert read(text, ClaimKind.DISCOUNT) == want
