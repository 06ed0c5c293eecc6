"""Stock wording families (issue 16 item 1) and numbers inside names (issue 23): each family
is tested with phrasings of its own, written for these tests."""

from __future__ import annotations

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract

SHOP = ExtractionContext(
    items={
        "PT-0016": "Frying Pan 16cm",
        "PT-0024": "Frying Pan 24cm",
        "GR-0001": "Coffee Grinder",
        "GR-0002": "Coffee Grinder Deluxe",
        "MX-3300": "Mixer MX3300",
        "JG-0004": "Jug 4 Litre",
        "JG-0002": "Jug 2 Litre",
        "TE-0099": "Sold Out Tee",
        "LB-0400": "Lamp Base 400",
    }
)


def read(text: str, kind: ClaimKind = ClaimKind.AVAILABILITY) -> list[tuple[object, object]]:
    return sorted(((c.value, c.subject) for c in extract(text, [kind], SHOP)), key=str)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The Coffee Grinder has sold through, I'm afraid.", "out_of_stock"),
        ("We've gone dry on the Coffee Grinder this week.", "out_of_stock"),
        ("None of the Coffee Grinder left in the shop.", "out_of_stock"),
        ("Coffee Grinder: nothing on the shelves today.", "out_of_stock"),
        ("We're sadly out of the Coffee Grinder.", "out_of_stock"),
        ("There are loads of the Coffee Grinder on the shelves.", "in_stock"),
        ("Coffee Grinder - avail", "in_stock"),
        ("Coffee Grinder ready to ship today.", "in_stock"),
        ("Stock on the Coffee Grinder is rather limited.", "low_stock"),
        ("The Coffee Grinder will be restocked on Friday.", "backorder"),
        ("Coffee Grinder b/o until the 9th.", "backorder"),
        ("Coffee Grinder back early jan", "backorder"),
        ("The Coffee Grinder sold out, but more are coming next week.", "backorder"),
        ("It'll be available again from 4 January, the Coffee Grinder.", "backorder"),
        ("The Coffee Grinder is EOL now.", "discontinued"),
        ("The Coffee Grinder is no longer in our range.", "discontinued"),
    ],
)
def test_stock_families(text, value):
    assert read(text) == [(value, "GR-0001")]


@pytest.mark.parametrize(
    "text",
    [
        "Toasters aren't part of our kitchen range, sorry.",
        "A waffle iron isn't something we've ever stocked.",
        "We never carried waffle irons.",
        "We don't do garden furniture, I'm afraid.",
        "We don't have anything called a Waffle Pro.",
    ],
)
def test_we_do_not_sell_that(text):
    assert read(text) == [("not_carried", None)]


def test_what_happens_next_to_an_order_is_no_stock_claim():
    text = "Your order is in the warehouse and will ship tomorrow; it's awaiting a delivery slot."
    assert read(text) == []


def test_a_count_decides_over_the_stock_words_inside_it():
    assert read("Coffee Grinder: 0 in stock.") == [("out_of_stock", "GR-0001")]


def test_left_as_a_verb_is_no_count():
    text = "Your order went in two parcels: one left on Monday, the other goes out today."
    assert read(text, ClaimKind.QUANTITY) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The 24cm is in stock; the 16cm is sold out.",
         [("in_stock", "PT-0024"), ("out_of_stock", "PT-0016")]),
        ("We have the grinder deluxe in stock.", [("in_stock", "GR-0002")]),
        ("The 2 litre is sold out.", [("out_of_stock", "JG-0002")]),
        ("mixer mx3300 — 5 avail", [("in_stock", "MX-3300")]),
    ],
)  # fmt: skip
def test_a_name_said_in_part_or_in_lower_case_names_its_item(text, expected):
    assert read(text) == sorted(expected, key=str)


def test_a_number_inside_a_name_is_never_a_count():
    assert read("The Lamp Base 400 is sold out.", ClaimKind.QUANTITY) == []
    assert read("lamp base 400 - 3 left", ClaimKind.QUANTITY) == [(3, "LB-0400")]


def test_a_bare_number_or_ordinary_words_do_not_name_an_item():
    # "400" alone is a count, and "sold out" is no mention of the Sold Out Tee.
    assert read("We have 400 in stock.", ClaimKind.QUANTITY) == [(400, None)]
    assert read("Sorry, the Coffee Grinder is sold out.") == [("out_of_stock", "GR-0001")]


def test_a_search_that_found_nothing_then_asks_is_a_clarification():
    text = "I couldn't find a product matching that. Which grinder did you mean?"
    kinds = {c.kind for c in extract(text, context=SHOP)}
    assert kinds == {ClaimKind.CLARIFICATION}


def test_keeping_the_item_with_a_refund_is_free_and_free_returns_are_policy():
    found = extract("Keep the grinder, we'll issue a full refund.", [ClaimKind.DISCOUNT], SHOP)
    assert [c.value for c in found] == ["free"]
    assert extract("returns r free, just use the label", [ClaimKind.DISCOUNT], SHOP) == []


def test_information_not_available_in_a_format_is_no_stock_claim():
    text = "I can only share product details here; invoices aren't available in that format."
    assert read(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Written for branch readmore: low stock, quantifier negation, dropped from the range.
        ("The Desk Lamp's in stock but about to sell out.", "low_stock"),
        ("Desk Lamps are flying fast this week.", "low_stock"),
        ("We've still got a handful of the Desk Lamp.", "low_stock"),
        ("None of the Desk Lamps are in stock right now.", "out_of_stock"),
        ("The Desk Lamp was taken off the range last year.", "discontinued"),
        ("We're not doing the Desk Lamp anymore.", "discontinued"),
    ],
)
def test_stock_families_of_branch_readmore(text, value):
    found = extract(text, [ClaimKind.AVAILABILITY], context=ExtractionContext(items=_LAMP))
    assert [c.value for c in found] == [value]


_LAMP = {"LM-0100": "Desk Lamp"}
