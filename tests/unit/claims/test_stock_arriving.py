"""A date told beside an item's stock that is not on the shelf, of no order, is when stock
comes in, whatever words bring it (`_extract._stock_arriving`); a date of the customer's own
parcel stays a delivery date.

Sentences written for the test, none taken from the labelled sets.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from auditor._claims import ExtractionContext, extract

CONTEXT = ExtractionContext(
    now=datetime(2026, 12, 9, 10, tzinfo=UTC),  # a Wednesday
    items={"CS-0007": "Camp Stove", "LB-0040": "Lantern Battery Pack"},
)


def _kinds(text: str) -> dict[str, list[object]]:
    found: dict[str, list[object]] = {}
    for claim in extract(text, context=CONTEXT):
        found.setdefault(claim.kind.value, []).append(claim.value)
    return found


@pytest.mark.parametrize(
    "answer",
    [
        "The Camp Stove is on back order, due in around the 20th.",
        "camp stove: none in, next delivery tues",
        "Sorry, the Camp Stove has sold out. A new consignment should reach us on December 18.",
        "The Lantern Battery Pack is out of stock, with the next lorry expected on Friday.",
    ],
)
def test_a_date_beside_stock_not_on_the_shelf_is_no_delivery(answer: str) -> None:
    read = _kinds(answer)
    assert read.get("availability") in (["out_of_stock"], ["backorder"])
    assert "delivery_date" not in read


@pytest.mark.parametrize(
    "answer",
    [
        "The Camp Stove is out of stock, but your order will arrive on Friday.",
        "ORD-44120 will arrive on Friday; the Camp Stove you asked about is out of stock.",
    ],
)
def test_the_customers_own_parcel_keeps_its_date(answer: str) -> None:
    assert _kinds(answer)["delivery_date"] == ["2026-12-11"]
