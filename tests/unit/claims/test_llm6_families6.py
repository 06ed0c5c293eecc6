"""A language model's stock, return and order wordings read by mechanism (issue 17; llm6).

Found on the hand-judged model audits of seeds 43 to 46 (`docs/llm.md`): stock the answerer
will have "soon" (a restock to come, never in stock now), a misspelt name between "don't have
any" and "available", delivery offered this week, a return that "has been returned", an order
"in the status of In Progress". The sentences are written for this test and are in none of the
fixtures; each states the claims it makes, and each mechanism has a look-alike that must stay
as it was (a condition, a denial, a reason given in the past tense, two statuses offered).
"""

from __future__ import annotations

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract

ITEMS = ExtractionContext(
    items={
        "KT-0001": "Blue Kettle",
        "TS-0002": "Slate Toaster 2-Slice",
        "LM-0100": "Floor Lamp",
        "MG-0001": "Enamel Mug",
    }
)
AVAILABILITY = ClaimKind.AVAILABILITY


def read(text: str, kind: ClaimKind) -> set[tuple[object, str | None]]:
    return {(c.value, c.subject) for c in extract(text, [kind], ITEMS)}


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # Had later by the one who answers: a restock to come, not stock now.
        (
            "Apologies! We'll be sure to have the Floor Lamp available soon.",
            {("backorder", "LM-0100")},
        ),
        ("The Enamel Mug will be available shortly.", {("backorder", "MG-0001")}),
        ("I'll make sure to have them in stock again soon.", {("backorder", None)}),
        # Look-alikes: available now, and money that will be available.
        ("The Floor Lamp is available now.", {("in_stock", "LM-0100")}),
        ("Your refund will be available soon.", set()),
        # A misspelt name between "don't have any" and "available" is still denied.
        (
            "Sorry, I don't have any Slaet Tosater 2-Slice available today.",
            {("out_of_stock", "TS-0002")},
        ),
        ("We haven't got any Enamle Mug left.", {("out_of_stock", "MG-0001")}),
        # Look-alikes: information had, or a way to check, is no stock.
        ("I haven't got any information on stock available.", set()),
        ("I don't have any way to check if it's available.", set()),
        # Delivery offered soon by the answerer: it can be had.
        ("Good news: we can ship the Blue Kettle tomorrow.", {("in_stock", "KT-0001")}),
        ("I can send it to your door this week, just say the word.", {("in_stock", None)}),
        # Look-alikes: denied, or on a condition.
        ("I can't deliver the Blue Kettle this week.", set()),
        ("We can ship it tomorrow once the new batch lands.", set()),
        ("If it's in stock, we can ship it today.", set()),
    ],
)
def test_stock(text: str, claims: set[tuple[object, str | None]]) -> None:
    assert read(text, AVAILABILITY) == claims


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # "Has been returned": back with the shop, wherever the answer says it went.
        ("Your item for RMA-2201 has been returned to our supplier.", {("received", "RMA-2201")}),
        ("The return RMA-2202 has been returned.", {("received", "RMA-2202")}),
        # Look-alikes: sent back to the customer, a reason in the past tense, not yet, money.
        (
            "Return RMA-2203: the mug has been returned to you as it failed inspection.",
            {("rejected", "RMA-2203")},
        ),
        ("For RMA-2204, the kettle was returned without its lid, so the refund is partial.", set()),
        ("Your return RMA-2205 hasn't been returned to us yet.", set()),
        ("For RMA-2206, your money has been returned to your card.", set()),
    ],
)
def test_return_status(text: str, claims: set[tuple[object, str | None]]) -> None:
    assert read(text, ClaimKind.RETURN_STATUS) == claims


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        (
            'Order ORD-3301 is currently in the status of "In Progress".',
            {("processing", "ORD-3301")},
        ),
        ("Your order ORD-3302 is in progress.", {("processing", "ORD-3302")}),
        # Look-alikes: two statuses offered, and work on something else in progress.
        ('ORD-3303 is in a status of "In Progress" or "On Hold".', set()),
        ("For ORD-3304, the refund is in progress.", set()),
    ],
)
def test_order_status(text: str, claims: set[tuple[object, str | None]]) -> None:
    assert read(text, ClaimKind.ORDER_STATUS) == claims
