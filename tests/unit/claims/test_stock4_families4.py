"""Availability and counts read by mechanism (issues 16, 23; stock4): the scope of a negative
quantifier and of the list it opens, a variant's shortage kept apart from its item, orders
that are only hypothetical, terse counts with chat tails, stock read off a system, counts paired
in turn, a table's yes/no stock column, names asked back. The sentences are written for this
test and are in none of the fixtures; each states the claims it makes, and each mechanism has a
look-alike that must stay unread."""

from __future__ import annotations

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract

ITEMS = ExtractionContext(
    items={
        "KT-0001": "Blue Kettle",
        "TS-0004": "4 Slice Toaster",
        "KN-0001": "Bread Knife",
        "BT-0001": "AA Battery",
        "RT-3000": "Router AX3000",
        "JK-0002": "Rain Jacket Kids",
        "MG-0001": "Enamel Mug",
    }
)
AVAILABILITY = ClaimKind.AVAILABILITY
QUANTITY = ClaimKind.QUANTITY


def read(text: str, kind: ClaimKind) -> set[tuple[object, str | None]]:
    return {(c.value, c.subject) for c in extract(text, [kind], ITEMS)}


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # A negative quantifier is the subject of a predicate clauses later.
        (
            "None of the kettles we sell, not even the Blue Kettle, are available today.",
            {("out_of_stock", "KT-0001")},
        ),
        # … and is about each name listed right after it, on lines or after a dash.
        (
            "Sorry, none of these are in stock at the moment:\n- Blue Kettle\n- 4 Slice Toaster",
            {("out_of_stock", "KT-0001"), ("out_of_stock", "TS-0004")},
        ),
        (
            "none of those r available sry - blue kettle, enamel mug",
            {("out_of_stock", "KT-0001"), ("out_of_stock", "MG-0001")},
        ),
        # A colour's shortage is the variant's when the item is in stock in others.
        (
            "The Enamel Mug is available in grey and cream, but the cream is sold out.",
            {("in_stock", "MG-0001")},
        ),
        (
            "enamel mug in grey only, cream sold out",
            {("in_stock", "MG-0001")},
        ),
        # An order in a condition is no order of the customer's: stock told by what happens next.
        (
            "If your order goes in before noon, the Blue Kettle can be dispatched the same day.",
            {("in_stock", "KT-0001")},
        ),
        # Restocked in the past is in stock; a restock to come is a backorder.
        ("The Enamel Mug was restocked yesterday.", {("in_stock", "MG-0001")}),
        ("The Enamel Mug will be restocked on Friday.", {("backorder", "MG-0001")}),
        ("enamel mug sold out, back in 3 wks", {("backorder", "MG-0001")}),
        # A table's stock column answered yes or no, row by row.
        (
            "| Item | In stock |\n|---|---|\n| Blue Kettle | Yes |\n| Enamel Mug | No |",
            {("in_stock", "KT-0001"), ("out_of_stock", "MG-0001")},
        ),
        # A name asked back, then answered.
        (
            "enamel mug? nah none. blue kettle yes",
            {("out_of_stock", "MG-0001"), ("in_stock", "KT-0001")},
        ),
        # Every way of getting it denied is out of stock.
        (
            "The Blue Kettle isn't available for delivery or in-store pickup right now.",
            {("out_of_stock", "KT-0001")},
        ),
        # A service word does not reach past "but".
        (
            "The Blue Kettle is unavailable for delivery but available for click & collect.",
            {("in_stock", "KT-0001")},
        ),
        # Emphasis after "available for" is the assistant's word, not an echo.
        ("The **Blue Kettle** is available for **pre-order**.", {("backorder", "KT-0001")}),
        # Idioms of none and of plenty.
        ("There's not a Blue Kettle to be had this week.", {("out_of_stock", "KT-0001")}),
        ("Not one of the Enamel Mug left, sorry.", {("out_of_stock", "MG-0001")}),
        ("We've sold the last one of the Enamel Mug.", {("out_of_stock", "MG-0001")}),
        ("blue kettle? yep, loads.", {("in_stock", "KT-0001")}),
        ("We've a small number of the Enamel Mug left.", {("low_stock", "MG-0001")}),
        # A word of a name that describes another noun names no item.
        ("We don't sell kids' scooters, I'm afraid.", {("not_carried", None)}),
        # A phrase that names the last of a group is about the whole group …
        (
            "blue kettle n enamel mug both out",
            {("out_of_stock", "KT-0001"), ("out_of_stock", "MG-0001")},
        ),
        # … but not about a name with a verb of its own before it.
        (
            "The Blue Kettle is in stock and the Enamel Mug is out.",
            {("in_stock", "KT-0001"), ("out_of_stock", "MG-0001")},
        ),
        # A terse "out" after a modal.
        ("I think the Blue Kettle might be out, sorry", {("out_of_stock", "KT-0001")}),
        # A stock column asked as a question, answered by marks.
        (
            "| Item | In stock? |\n|---|---|\n| Blue Kettle | \u2705 |\n| Enamel Mug | \u274c |",
            {("in_stock", "KT-0001"), ("out_of_stock", "MG-0001")},
        ),
    ],
)
def test_availability_by_mechanism(text, claims):
    assert read(text, AVAILABILITY) == claims


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        # Terse counts with a chat tail, a spaced multiplier, a yes before the count.
        ("blue kettle: 0 atm sry", {(0, "KT-0001")}),
        ("enamel mug x 25 in wh", {(25, "MG-0001")}),
        ("blue kettle yes tho, 8", {(8, "KT-0001")}),
        # Stock read off a system or a shelf.
        ("The stock screen shows 12 Enamel Mug units.", {(12, "MG-0001")}),
        ("We're currently holding 4 of the Blue Kettle.", {(4, "KT-0001")}),
        # Plurals that change the word.
        ("We have two Bread Knives left.", {(2, "KN-0001")}),
        ("There are 40 AA Batteries in stock.", {(40, "BT-0001")}),
        # Counts paired in turn with the group just said to be in stock.
        (
            "The Blue Kettle and the Enamel Mug are both in stock, 9 and 30.",
            {(9, "KT-0001"), (30, "MG-0001")},
        ),
        ("Enamel Mug - in stock, 11 sets", {(11, "MG-0001")}),
        # A scarce count with a chat tail; a count closing on a time word.
        ("enamel mug avail, only 3 tho", {(3, "MG-0001")}),
        ("The **Blue Kettle** is in stock, we have **17** right now.", {(17, "KT-0001")}),
    ],
)
def test_counts_by_mechanism(text, counts):
    assert read(text, QUANTITY) == counts


@pytest.mark.parametrize(
    "text",
    [
        # A lower bound is approximate: availability, no count.
        "We have more than 200 Enamel Mugs.",
        # A name's pronoun, not a count.
        "The 4 Slice one is sold out, I'm afraid.",
        # Sold the last one: none left, no count of one.
        "We've sold the last one of the Enamel Mug.",
        # A count of orders seen on a system is no stock.
        "I can see 3 of your orders on the system.",
        # Prices paired after a stock phrase are no counts.
        "Both are in stock, at £20 and £30.",
        # A model number is no count.
        "The Router AX3000 is in stock, 3000 is the model.",
    ],
)
def test_no_count(text):
    assert read(text, QUANTITY) == set()


@pytest.mark.parametrize(
    "text",
    [
        # "Back in 2 days" of a person is no restock.
        "I'll get back in 2 days with an update on that.",
        # One channel denied says nothing of stock.
        "The Blue Kettle isn't available for delivery to Jersey.",
        # "A small number of" choices is no scarcity.
        "We have a small number of colours for the Enamel Mug.",
    ],
)
def test_no_stock_claim(text):
    assert not {v for v, _ in read(text, AVAILABILITY)} & {"backorder", "out_of_stock", "low_stock"}
