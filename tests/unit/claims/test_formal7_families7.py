"""Formal US retail and British casual voices read by mechanism, seventh session (issues 16, 23).

The mechanisms were found on `fixtures/claims/dev7/formal7.jsonl` and on the blind misses of
dev3–dev6 (`fixtures/claims/dev7/formal7.md`); the sentences below are written for this test
and are in none of the fixtures, so each asserts a class of words or a scope, not a sentence.
Each mechanism has look-alikes that must stay unread."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract
from auditor._claims._lexicon import CARRIERS, FULFILLING

ITEMS = {
    "LP-0001": "Reading Lamp",
    "LP-0002": "Reading Lamp Mini",
    "TR-0010": "Serving Tray",
    "VS-0020": "Glass Vase",
    "CH-0030": "Armchair",
    "BK-0040": "Bookend Pair",
}
NOW = datetime.fromisoformat("2026-12-07T10:00:00+00:00")


def read(text: str, kind: ClaimKind) -> list[tuple[object, str | None]]:
    context = ExtractionContext(now=NOW, items=ITEMS)
    return [(c.value, c.subject) for c in extract(text, [kind], context)]


def test_the_new_words_are_data():
    assert re.fullmatch(FULFILLING, "get hold of")
    assert re.fullmatch(FULFILLING, "replenish")
    assert re.fullmatch(CARRIERS, "united states postal service")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A degree of supply, said of the item: in stock.
        ("We hold an ample supply of the Serving Tray at present.", "in_stock"),
        ("There is sufficient inventory of the Glass Vase on hand for your event.", "in_stock"),
        ("The Armchair is plentiful in our Ohio warehouse.", "in_stock"),
        ("The Bookend Pair is still around in good numbers.", "in_stock"),
        ("A good few of the Serving Tray are kicking about in the stockroom.", "in_stock"),
        # A short supply in a formal register: low.
        ("Our supply of the Glass Vase is somewhat constrained this month.", "low_stock"),
        ("Only a small number of Bookend Pairs remain.", "low_stock"),
        # What the shop offers to do with one: set one aside (in stock) ...
        ("I can hold a Glass Vase for you at our Denver store until Friday.", "in_stock"),
        ("Shall I put an Armchair aside for collection?", None),
        ("We'd be happy to place a hold on a Serving Tray at the Leeds branch.", "in_stock"),
        # ... or tell them when it is back (none now; its coming back says nothing).
        ("We can notify you the moment the Armchair is back in stock.", "out_of_stock"),
        ("I'll drop you a line as soon as the Serving Tray's restocked.", "out_of_stock"),
        # A denial of supply whose present is said earlier in its sentence, or its cause after.
        (
            "I regret to advise that, at the present time, we are unable to supply the Armchair.",
            "out_of_stock",
        ),
        ("We can't get hold of the Glass Vase as things stand.", "out_of_stock"),
        ("We have been unable to replenish the Bookend Pair since the summer.", "out_of_stock"),
        ("The Serving Tray has been out for weeks, I'm afraid.", "out_of_stock"),
        # Coming in from the maker: a backorder.
        ("The Glass Vase is in transit to our warehouse and can be ordered now.", "backorder"),
        ("Our buyers anticipate replenishment of the Armchair in January.", "backorder"),
        ("The Bookend Pair is sold out till after Christmas.", "backorder"),
    ],
)
def test_stock_told_by_degree_offer_and_denial(text: str, want: str | None) -> None:
    values = [value for value, _ in read(text, ClaimKind.AVAILABILITY)]
    assert values == ([] if want is None else [want])


@pytest.mark.parametrize(
    "text",
    [
        # A degree of something that is not stock.
        "We have ample time to get the Armchair to you before Christmas.",
        "There's a good number of reviews on the Glass Vase page.",
        # Setting aside money or a time, not an item.
        "I can hold your refund until the Armchair is back with us.",
        # A notice of a system coming back up, of an order, of no item.
        "I'll email you when the system's back up.",
        "We'll let you know when it's back online.",
        # A denial of a place or a day, with no present said.
        "We can't supply the Serving Tray to addresses outside the UK.",
        # A return on its way to us is no stock.
        "Your return RMA-5501 is in transit to our warehouse.",
        # "Available" said of the shop's offers and services, and checking stock.
        "No further promotions are available on the Armchair.",
        "Price adjustments are not available after 14 days.",
        "Pop into the branch and they can check the stock on the shelf for you.",
    ],
)
def test_look_alikes_of_stock_stay_unread(text: str) -> None:
    assert read(text, ClaimKind.AVAILABILITY) == []


def test_a_variant_had_is_the_item_in_stock() -> None:
    text = "We've the Reading Lamp in black and white, but the brass one has gone."
    assert read(text, ClaimKind.AVAILABILITY) == [("in_stock", "LP-0001")]
    text = "The Armchair in grey has sold out, but we've still got it in navy."
    assert read(text, ClaimKind.AVAILABILITY) == [("in_stock", "CH-0030")]


def test_kinds_counted_before_a_which_question_are_no_stock() -> None:
    text = "We've got two reading lamps – the Reading Lamp and the Reading Lamp Mini. Which one?"
    assert read(text, ClaimKind.QUANTITY) == []
    assert read(text, ClaimKind.AVAILABILITY) == []
    # A count with no question after it stays a count.
    text = "We've got two Reading Lamps left in the warehouse."
    assert read(text, ClaimKind.QUANTITY) == [(2, "LP-0001")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The stock check for the Glass Vase came back as nil this morning.", [(0, "VS-0020")]),
        ("Our system says 5 of the Serving Tray are available to order.", [(5, "TR-0010")]),
        # A number the customer asks for is no count of stock.
        ("We can certainly meet your request for 40 units of the Serving Tray.", []),
        ("We are looking at 12 of the Armchair in the Leeds warehouse.", [(12, "CH-0030")]),
    ],
)
def test_counts(text: str, want: list[tuple[int, str]]) -> None:
    assert read(text, ClaimKind.QUANTITY) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Order ORD-77001 is now in the hands of UPS.", "shipped"),
        ("ORD-77002 has left our premises and is on a truck to you.", "shipped"),
        (
            "ORD-77003 was handed off to the United States Postal Service this morning.",
            "shipped",
        ),
        ("ORD-77004 is on hold pending confirmation of your shipping address.", "pending"),
        ("ORD-77005 has not yet been transferred to our warehouse for picking.", "pending"),
    ],
)
def test_order_states_in_a_formal_register(text: str, want: str) -> None:
    assert [v for v, _ in read(text, ClaimKind.ORDER_STATUS)] == [want]


def test_other_customers_pending_orders_are_no_status() -> None:
    text = "Every Armchair we hold is reserved for pending orders, so we can't offer one today."
    assert read(text, ClaimKind.ORDER_STATUS) == []
    assert read(text, ClaimKind.AVAILABILITY) == [("out_of_stock", "CH-0030")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The bundle of the Armchair and the Serving Tray saves you 15 percent.", ["15", "15"]),
        ("I have issued a courtesy credit of $12.00 for your next purchase.", ["unspecified"]),
        # An offer said to be over offers nothing.
        ("The 20% coupon you mentioned concluded on November 30.", []),
        ("That promotion code expired last week and can no longer be applied.", []),
        ("The voucher you used has lapsed, I'm afraid.", []),
    ],
)
def test_offers(text: str, want: list[str]) -> None:
    assert [v for v, _ in read(text, ClaimKind.DISCOUNT)] == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # Where it is made ready: processing.
        ("ORD-77006 is sat on the packing bench, ready for the afternoon run.", ["processing"]),
        # What would happen is no status.
        ("Spend £40 and you'd get the Armchair sent for free.", []),
    ],
)
def test_order_stages_by_place_and_by_hypothesis(text: str, want: list[str]) -> None:
    assert [v for v, _ in read(text, ClaimKind.ORDER_STATUS)] == want


def test_a_courier_collection_day_is_no_delivery_day() -> None:
    text = "ORD-77007 is boxed and awaiting collection by the courier, which is due tomorrow."
    assert read(text, ClaimKind.DELIVERY_DATE) == []
    # The parcel's own day after the collection still reads.
    text = "The courier collected ORD-77008 this morning and it is due with you tomorrow."
    assert read(text, ClaimKind.DELIVERY_DATE) == [("2026-12-08", "ORD-77008")]


def test_a_few_said_to_be_all_there_is_are_low() -> None:
    text = "We've three Serving Trays in the back and that's your lot."
    assert read(text, ClaimKind.AVAILABILITY) == [("low_stock", "TR-0010")]
    # Many said to be all there is are still plenty.
    text = "We've 40 Serving Trays in the warehouse and that's all we have."
    assert read(text, ClaimKind.AVAILABILITY) == [("in_stock", "TR-0010")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A name and its bare verb with a contrast between them take the claim before.
        (
            "The Reading Lamp is not available at present. The Reading Lamp Mini, however, is.",
            [("out_of_stock", "LP-0001"), ("in_stock", "LP-0002")],
        ),
        (
            "The Glass Vase is in stock; the Armchair, on the other hand, is not.",
            [("in_stock", "VS-0020"), ("out_of_stock", "CH-0030")],
        ),
        # A contrast with a verb of its own is read by its own words, or not at all.
        (
            "The Glass Vase is in stock. The Armchair, however, ships from our partner.",
            [("in_stock", "VS-0020")],
        ),
    ],
)
def test_an_ellipsis_across_a_contrast(text: str, want: list[tuple[str, str]]) -> None:
    assert read(text, ClaimKind.AVAILABILITY) == want
