"""Availability and counts read by mechanism (issues 16, 23; stock5): stock set aside for other
orders, words for nothing read off a screen, restock dates in chat, a shortage said of one
channel, every stock column of a table, a name said in part as a list line's label, scarcity
said after a count, and the look-alikes the stock rules used to over-read (staff who are
"available", money "back with you", parcels in a warehouse, "any information"). The sentences
are written for this test and are in none of the fixtures; each states the claims it makes,
and each mechanism has a look-alike that must stay unread."""

from __future__ import annotations

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract

ITEMS = ExtractionContext(
    items={
        "KT-0001": "Blue Kettle",
        "KT-0002": "Blue Kettle Pro",
        "LM-0100": "Floor Lamp",
        "MG-0001": "Enamel Mug",
        "RT-3000": "Router AX3000",
        "RT-6000": "Router AX6000",
        "FN-0012": "Desk Fan 12in",
        "BK-0001": "Oak Bookcase",
    }
)
AVAILABILITY = ClaimKind.AVAILABILITY
QUANTITY = ClaimKind.QUANTITY


def read(text: str, kind: ClaimKind) -> set[tuple[object, str | None]]:
    return {(c.value, c.subject) for c in extract(text, [kind], ITEMS)}


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # Stock set aside for other orders is none to sell, however it is said.
        (
            "The Floor Lamp is all committed to customer orders right now.",
            {("out_of_stock", "LM-0100")},
        ),
        ("oak bookcase - showing as reserved on my screen", {("out_of_stock", "BK-0001")}),
        ("Every Enamel Mug we had is spoken for, I'm afraid.", {("out_of_stock", "MG-0001")}),
        # Words for nothing, read off a screen.
        ("Desk Fan 12in: nil stock in both warehouses", {("out_of_stock", "FN-0012")}),
        ("the Oak Bookcase is showing zero across all sites", {("out_of_stock", "BK-0001")}),
        ("Blue Kettle reads none on the stock page", {("out_of_stock", "KT-0001")}),
        ("enamel mug none free atm", {("out_of_stock", "MG-0001")}),
        # A restock's date in chat shorthand, or read off a screen.
        ("floor lamp oos, back w/c 9th", {("backorder", "LM-0100")}),
        ("oak bookcase gone, shd b back nxt wk", {("backorder", "BK-0001")}),
        (
            "The Desk Fan 12in is out and the system has a restock date of the 20th.",
            {("backorder", "FN-0012")},
        ),
        ("The Enamel Mug is on order from the manufacturer.", {("backorder", "MG-0001")}),
        ("Enamel Mug sold out, next batch arrives thurs", {("backorder", "MG-0001")}),
        # A shortage said of one channel is that channel's when another has it.
        (
            "The Oak Bookcase is sold out on the website, but our Leeds store has it in stock.",
            {("in_stock", "BK-0001")},
        ),
        ("desk fan 12in none in store but fine online", set()),
        # Every channel denied leaves the item out.
        ("Floor Lamp: not in any of our shops and none online", {("out_of_stock", "LM-0100")}),
        # Only one way of buying it, which is to be had.
        ("Oak Bookcase is in-store only for now", {("in_stock", "BK-0001")}),
        # Terse answers: a name and "in", a soft modal.
        ("yep blue kettle pro in, loads", {("in_stock", "KT-0002")}),
        ("floor lamp might b in, will check", {("in_stock", "LM-0100")}),
        # Restock told by who sends it, or by a due date read off a screen.
        ("oak bookcase oos, the maker's shipping us more next wk", {("backorder", "BK-0001")}),
        (
            "The Floor Lamp is unavailable, the system has a due date of 4th March for it.",
            {("backorder", "LM-0100")},
        ),
        # Scarce in chat's abbreviation; a group gone; chat's "2" for "to"; a relative clause.
        ("enamel mug - ltd stock", {("low_stock", "MG-0001")}),
        (
            "floor lamp n oak bookcase both gone",
            {("out_of_stock", "LM-0100"), ("out_of_stock", "BK-0001")},
        ),
        ("desk fan 12in ready 2 go", {("in_stock", "FN-0012")}),
        ("We have the Enamel Mug in white and blue, which are all in.", {("in_stock", "MG-0001")}),
        ("Oak Bookcase showing loads on the system", {("in_stock", "BK-0001")}),
        # More to come beside stock now is in stock; beside none, a backorder.
        ("We have 12 Floor Lamp in stock and more arriving next week.", {("in_stock", "LM-0100")}),
        ("Floor Lamp is out, more arriving next week", {("backorder", "LM-0100")}),
        # Struck out is said no more.
        ("**Floor Lamp:** ~~available~~ sold out", {("out_of_stock", "LM-0100")}),
        # A variant the shop does not make says nothing of the item.
        (
            "We don't do the Enamel Mug in yellow, but it's in stock in white.",
            {("in_stock", "MG-0001")},
        ),
    ],
)
def test_reads_availability(text: str, claims: set[tuple[object, str | None]]) -> None:
    if claims:
        assert claims <= read(text, AVAILABILITY)
        # No other state of the same items is read beside them.
        assert read(text, AVAILABILITY) == claims
    else:
        assert ("out_of_stock", "FN-0012") not in read(text, AVAILABILITY)


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # A list of name-value pairs joined by "and", valued by "is" or "at".
        ("Blue Kettle is 9 and Blue Kettle Pro is 0", {(9, "KT-0001"), (0, "KT-0002")}),
        ("got the floor lamp at 14 and the oak bookcase at 3", {(14, "LM-0100"), (3, "BK-0001")}),
        # A range is approximate: availability, no count.
        ("floor lamp, maybe 6 or 7 left", set()),
        ("Enamel Mug: 10-12 in stock", set()),
        # A count closing its clause, read off a screen.
        ("the Oak Bookcase is showing 9 now", {(9, "BK-0001")}),
        # A count of zero read off a screen.
        ("The Desk Fan 12in is showing zero everywhere.", {(0, "FN-0012")}),
        ("zero enamel mug in the warehouse, sorry", {(0, "MG-0001")}),
        # Counts at a stock place agents shorten, or closing a chat clause.
        ("system shows 27 at DC for the Oak Bookcase", {(27, "BK-0001")}),
        ("oak bookcase yes, 8 in", {(8, "BK-0001")}),
        ("floor lamp: none in store but 5 online", {(5, "LM-0100")}),
        # "down to N", "N last".
        ("The Enamel Mug is down to 2.", {(2, "MG-0001")}),
        ("got 1 last floor lamp", {(1, "LM-0100")}),
        # A table's yes/no column and its count column, both read.
        (
            "| Item | In stock? | Qty |\n|---|---|---|\n| Router AX3000 | Yes | 12 |\n"
            "| Router AX6000 | No | 0 |",
            {(12, "RT-3000"), (0, "RT-6000")},
        ),
        # A name said in part as a list line's label names its line's item.
        (
            "The Router AX3000 and the Router AX6000 are both in stock:\n- AX3000: 40 units\n"
            "- AX6000: 7 units",
            {(40, "RT-3000"), (7, "RT-6000")},
        ),
    ],
)
def test_reads_counts(text: str, claims: set[tuple[object, str | None]]) -> None:
    assert read(text, QUANTITY) == claims


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        # Scarcity said around the count, not only before it.
        ("the Oak Bookcase is showing 2 at the York store only", "low_stock", "BK-0001"),
        ("got 1 last floor lamp", "low_stock", "LM-0100"),
        ("There's a couple of the Enamel Mug in the back.", "low_stock", "MG-0001"),
        ("The Enamel Mug is down to 2.", "low_stock", "MG-0001"),
    ],
)
def test_scarce_counts(text: str, value: str, subject: str) -> None:
    assert read(text, AVAILABILITY) == {(value, subject)}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # "Available" of people, feeds and screens.
        ("I'll pass you to the next available advisor.", AVAILABILITY),
        ("Our product specialists are available on the phone until 6pm.", AVAILABILITY),
        ("The stock feed is unavailable at the moment, sorry.", AVAILABILITY),
        # Money back, not stock back.
        ("The refund's done, it should be back on your card by Friday.", AVAILABILITY),
        ("Your £30 will be back with you next week.", AVAILABILITY),
        # "Have any" of what is not stock.
        ("I don't have any information on that, I'm afraid.", AVAILABILITY),
        ("We don't have any updates from the courier yet.", AVAILABILITY),
        # Parcels and people in a warehouse are no stock.
        ("Your order came in two boxes: one was delivered, the other 1 is at the wh.", QUANTITY),
        ("I'll ask one of the guys in the warehouse to call you.", QUANTITY),
        ("Your order was split and one parcel is still in our warehouse.", AVAILABILITY),
        # A count set aside, and "one" after a verb of getting.
        ("I can see 6 units but they're all reserved for existing orders.", QUANTITY),
        ("You could reserve one in the Leeds store.", QUANTITY),
        # A return's id and "in" is a return logged, not stock.
        ("We've booked RMA-4411 in, it'll be checked tomorrow.", AVAILABILITY),
        # An order's due date is no restock.
        ("Your order ORD-1234 has a due date of 4th March.", AVAILABILITY),
        # A return refused is no shortage.
        ("RMA-5204 - no go, past return window", AVAILABILITY),
        # A reservation for the customer is no shortage.
        ("I've reserved one for your order.", AVAILABILITY),
    ],
)
def test_look_alikes_stay_unread(text: str, kind: ClaimKind) -> None:
    assert read(text, kind) == set()
