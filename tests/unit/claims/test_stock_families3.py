"""Stock, count and discount wording by families (issues 16 and 23), third round: each family
with phrasings of its own, written for these tests (not taken from the corpus or from
fixtures/claims/dev3/), so that a rule fitted to one sentence does not pass them."""

from __future__ import annotations

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract

SHOP = ExtractionContext(
    items={
        "PT-0016": "Frying Pan 16cm",
        "PT-0024": "Frying Pan 24cm",
        "GR-0001": "Coffee Grinder",
        "GR-0002": "Coffee Grinder Deluxe",
    }
)
_GRINDER = "GR-0001"


def read(text: str, kind: ClaimKind = ClaimKind.AVAILABILITY) -> list[tuple[object, object]]:
    return sorted(((c.value, c.subject) for c in extract(text, [kind], SHOP)), key=str)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Out of stock by negative quantifiers and idioms.
        ("There isn't a single Coffee Grinder left.", "out_of_stock"),
        ("We've been cleaned out of the Coffee Grinder.", "out_of_stock"),
        ("No remaining inventory of the Coffee Grinder, sorry.", "out_of_stock"),
        ("The Coffee Grinder is nowhere to be found on our shelves.", "out_of_stock"),
        ("not 1 coffee grinder left", "out_of_stock"),
        # Low stock.
        ("The Coffee Grinder is in very short supply.", "low_stock"),
        ("Coffee Grinder stock is practically exhausted.", "low_stock"),
        ("A handful of units of the Coffee Grinder remain.", "low_stock"),
        # In stock, in other words.
        ("The Coffee Grinder is well stocked.", "in_stock"),
        ("We've a healthy supply of the Coffee Grinder.", "in_stock"),
        ("The Coffee Grinder is stocked and ready for dispatch.", "in_stock"),
        # "Order" as the customer's act puts no order in view.
        ("You can order the Coffee Grinder now, it's sitting in our warehouse.", "in_stock"),
        # Stock to come: restock and replenishment words, dates, fields, softeners.
        ("The Coffee Grinder is being replenished on the 14th.", "backorder"),
        ("A replenishment of the Coffee Grinder is scheduled for next week.", "backorder"),
        ("The Coffee Grinder is expected to return to stock by the 20th.", "backorder"),
        ("Coffee Grinder out of stock until the 12th.", "backorder"),
        ("Coffee Grinder\nAvailability: none\nRestock date: 19 January", "backorder"),
        ("We have a fresh batch of the Coffee Grinder arriving on Friday.", "backorder"),
        ("The Coffee Grinder will ship once our next delivery comes in.", "backorder"),
        ("The Coffee Grinder will hopefully be back by the 3rd.", "backorder"),
        # Discontinued.
        ("The manufacturer has halted production of the Coffee Grinder.", "discontinued"),
        ("The Coffee Grinder isn't made anymore.", "discontinued"),
        ("We will not be receiving any further stock of the Coffee Grinder.", "discontinued"),
        ("The Coffee Grinder is gone for good.", "discontinued"),
    ],
)
def test_stock_families(text, value):
    assert read(text) == [(value, _GRINDER)]


@pytest.mark.parametrize(
    "text",
    [
        "Bread makers are not a product line we stock.",
        "Hot tubs are well outside our range, I'm afraid.",
        "There's nothing by that name in our catalogue.",
        "No such product here, sorry.",
    ],
)
def test_not_carried_in_other_words(text):
    assert read(text) == [("not_carried", None)]


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        # Where the stock is, in other words.
        ("The Coffee Grinder is available: we have 12 in our fulfillment center.", [12]),
        # After a stock word, of the item just named.
        ("The Coffee Grinder is in stock, 9 of them.", [9]),
        # The final one.
        ("We're down to the final unit of the Coffee Grinder.", [1]),
        ("We're on the last 3 of the Coffee Grinder.", [3]),
        # Markdown's emphasis and brackets.
        ("**Coffee Grinder** — in stock (**5 units**)", [5]),
        ("**Coffee Grinder**\n- Remaining: **2 units**", [2]),
        # A date is no count, a negated count is none, an approximate count no quantity.
        ("**Coffee Grinder**\n**Back in stock:** 14 January", []),
        ("There isn't a single Coffee Grinder left.", []),
        ("About 30 of the Coffee Grinder left.", []),
        ("We've got **about 25** of the Coffee Grinder.", []),
    ],
)
def test_counts(text, counts):
    assert read(text, ClaimKind.QUANTITY) == [(n, _GRINDER) for n in counts]


def test_counts_after_each_name_and_its_verb():
    text = "Frying Pan 16cm has 0, Frying Pan 24cm has 7."
    assert read(text, ClaimKind.QUANTITY) == [(0, "PT-0016"), (7, "PT-0024")]
    assert read(text) == [("in_stock", "PT-0024"), ("out_of_stock", "PT-0016")]


def test_a_remaining_few_is_low_stock():
    assert read("**Coffee Grinder**\n- Remaining: **2 units**") == [("low_stock", _GRINDER)]


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        ("The Coffee Grinder is on sale this week.", "unspecified", _GRINDER),
        ("We've marked down the Coffee Grinder.", "unspecified", _GRINDER),
        ("I can knock £15 off the Coffee Grinder.", "unspecified", _GRINDER),
        ("The Coffee Grinder is cheaper today.", "unspecified", _GRINDER),
        ("Here's a fiver off your next order.", "unspecified", None),
        ("Here's a code for **20% off**: SAVE20", "20", None),
    ],
)
def test_discounts_said_many_ways(text, value, subject):
    assert read(text, ClaimKind.DISCOUNT) == [(value, subject)]


@pytest.mark.parametrize(
    "text",
    [
        "Orders over £30 get free tracked delivery.",
        "Postage's free on this one.",
        "The Frying Pan 16cm is cheaper than the Frying Pan 24cm.",
        "Sale items can't be returned.",
    ],
)
def test_not_discounts(text):
    assert read(text, ClaimKind.DISCOUNT) == []


def test_a_yes_and_a_no_for_two_items_answer_each():
    assert read("frying pan 16cm yes, frying pan 24cm no") == [
        ("in_stock", "PT-0016"),
        ("out_of_stock", "PT-0024"),
    ]
    # A bare "yes" alone may answer anything: it is read only beside another stock claim.
    assert read("frying pan 16cm yes") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Our shelves are totally empty of the Coffee Grinder.", "out_of_stock"),
        ("We sold every last one of the Coffee Grinder.", "out_of_stock"),
        ("Our Coffee Grinder stock has been exhausted.", "out_of_stock"),
        ("We've not got a single Coffee Grinder in.", "out_of_stock"),
        ("The Coffee Grinder is in ample supply.", "in_stock"),
        ("The Coffee Grinder isn't coming back.", "discontinued"),
        ("The Coffee Grinder comes back into stock on Monday.", "backorder"),
        ("We won't have the Coffee Grinder back before the 9th.", "backorder"),
        ("The Coffee Grinder is out, we'll post it when more arrives.", "backorder"),
    ],
)
def test_stock_families_second_round(text, value):
    assert read(text) == [(value, _GRINDER)]


def test_never_done_is_not_carried():
    assert read("We've never done espresso machines.") == [("not_carried", None)]
    assert read("We've never done that before, but the Coffee Grinder is in stock.") == [
        ("in_stock", _GRINDER)
    ]


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("We currently hold 8 Coffee Grinder units in inventory.", [(8, _GRINDER)]),
        ("Only three of the Coffee Grinder remain.", [(3, _GRINDER)]),
        ("coffee grinder in stock but only 2", [(2, _GRINDER)]),
        ("We've not got a single Coffee Grinder in.", []),
        ("Frying Pan 16cm shows 4, Frying Pan 24cm shows 0.", [(0, "PT-0024"), (4, "PT-0016")]),
        ("frying pan 16cm: 0 | frying pan 24cm: 9", [(0, "PT-0016"), (9, "PT-0024")]),
        # A number after "only" that counts no stock: none.
        ("You can return only 2 items per order, the Coffee Grinder included.", []),
    ],
)
def test_counts_second_round(text, counts):
    assert read(text, ClaimKind.QUANTITY) == counts


def test_money_credit_for_next_time_is_an_offer_and_complimentary_returns_are_not():
    assert read("I've added a $10 credit to your account toward your next order.", D) == [
        ("unspecified", None)
    ]
    assert read("Returns are complimentary on every order.", D) == []


D = ClaimKind.DISCOUNT


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The Coffee Grinder is now £25, down from £35.", "unspecified"),
        ("The Coffee Grinder is on clearance.", "unspecified"),
        ("The Coffee Grinder's in the winter sale.", "unspecified"),
    ],
)
def test_price_cuts_without_a_figure(text, value):
    assert read(text, D) == [(value, _GRINDER)]


def test_a_sale_amount_is_no_sale():
    assert read("Your refund is the sale amount of the Coffee Grinder.", D) == []
    assert read("Your refund is in the sale amount.", D) == []


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("stock levels for the Coffee Grinder are at 5", [(5, _GRINDER)]),
        ("theres 6 of the coffee grinder left", [(6, _GRINDER)]),
        ("the coffee grinder we have 40 odd", []),
    ],
)
def test_counts_typed_by_agents(text, counts):
    assert read(text, ClaimKind.QUANTITY) == counts


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "The Coffee Grinder is out; we expect to replenish inventory within two weeks.",
            "backorder",
        ),
        ("The Coffee Grinder is no longer part of our assortment.", "discontinued"),
        ("We've had to stop selling the Coffee Grinder.", "discontinued"),
        ("coffee grinder dc'd", "discontinued"),
        ("coffee grinder outta stock", "out_of_stock"),
        ("coffee grinder none atm", "out_of_stock"),
        ("The Coffee Grinder isn't stocked at the moment.", "out_of_stock"),
        ("coffee grinder: low", "low_stock"),
    ],
)
def test_stock_families_third_round(text, value):
    assert read(text) == [(value, _GRINDER)]


def test_hoping_for_more_is_no_restock_date():
    text = "The Coffee Grinder is sold out. We're hoping to get more soon."
    assert read(text) == [("out_of_stock", _GRINDER)]


@pytest.mark.parametrize(
    "text", ["We have a few Coffee Grinders in stock.", "We've got a few Coffee Grinders."]
)
def test_a_few_of_the_item_is_low_stock(text):
    assert read(text) == [("low_stock", _GRINDER)]


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("The Coffee Grinder came back in, 10 of them arrived this morning.", [(10, _GRINDER)]),
        ("frying pan 16cm x5, frying pan 24cm x12", [(12, "PT-0024"), (5, "PT-0016")]),
        # A model's "x90" not after a name is no count.
        ("the x90 is in stock", []),
    ],
)
def test_counts_third_round(text, counts):
    assert read(text, ClaimKind.QUANTITY) == counts


def test_stock_returns_by_a_date_but_a_customer_returns_nothing():
    text = "The Coffee Grinder is out of stock, though it should return around the 20th."
    assert read(text) == [("backorder", _GRINDER)]
    assert read("You should return the Coffee Grinder by the 20th.") == []
