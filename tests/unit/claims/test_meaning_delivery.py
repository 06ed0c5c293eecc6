"""Delivery dates read by meaning (issue 16 item 1): chat shorthand for days and for arriving,
ordinals without a month, ranges, label lines, deliveries already made, and the dates that are
not the customer's delivery (a restock, a refund, a dispatch, an earlier part of an order).

The clock is Wednesday 14 October 2026, 09:30 UTC, throughout."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract

NOW = datetime(2026, 10, 14, 9, 30, tzinfo=UTC)
CONTEXT = ExtractionContext(now=NOW)


def dates(text: str) -> list[tuple[object, str | None]]:
    return [(c.value, c.subject) for c in extract(text, [ClaimKind.DELIVERY_DATE], CONTEXT)]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("ORD-1234 eta 2moro", "2026-10-15"),
        ("ORD-1234 should be w/ you tmr", "2026-10-15"),
        ("ORD-1234 dlvd yest 4pm", "2026-10-13"),
        ("ORD-1234 arr thurs", "2026-10-15"),
        ("ORD-1234: out now, arr 2-4 biz days", "2026-10-20"),
        ("ORD-1234 gets to u tues", "2026-10-20"),
        ("ORD-1234 left the hub, shd be there mon", "2026-10-19"),
    ],
)
def test_chat_shorthand_for_days_and_arriving(text, day):
    assert dates(text) == [(day, "ORD-1234")]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("ORD-1234 is booked in for delivery on the 22nd.", "2026-10-22"),
        # Past tense: the last such day up to today, here in September.
        ("ORD-1234 was dropped off on the 20th, the driver took a photo.", "2026-09-20"),
        ("ORD-1234 reached you on the 2nd of October.", "2026-10-02"),
    ],
)
def test_an_ordinal_day_without_a_month_is_the_nearest_such_day(text, day):
    assert dates(text) == [(day, "ORD-1234")]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Your parcel ORD-1234 will land somewhere between Friday and Monday.", "2026-10-19"),
        ("ORD-1234 should turn up Thursday or Friday.", "2026-10-16"),
        ("Delivery of ORD-1234 is expected 20-22 October.", "2026-10-22"),
        ("ORD-1234 will arrive within 48 hours.", "2026-10-16"),
        ("ORD-1234 will be with you in the next 3-4 days.", "2026-10-18"),
        ("ORD-1234 should arrive in a fortnight.", "2026-10-28"),
    ],
)
def test_a_range_or_a_duration_is_its_latest_day(text, day):
    assert dates(text) == [(day, "ORD-1234")]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Order ORD-1234\nCarrier: Royal Mail\nExpected arrival: 19/10/2026", "2026-10-19"),
        ("ORD-1234. Estimated delivery - 17.10.2026.", "2026-10-17"),
        ("**ORD-1234**\n**Delivery slot:** 8am – 10am tomorrow", "2026-10-15"),
        ("ORD-1234 is with the courier; their latest estimate is Saturday.", "2026-10-17"),
        ("ORD-1234 will be at your door by teatime.", "2026-10-14"),
        ("ORD-1234 will be at your door tomorrow by lunchtime.", "2026-10-15"),
    ],
)
def test_labels_estimates_and_times_of_day(text, day):
    assert dates(text) == [(day, "ORD-1234")]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("ORD-1234 landed on your doorstep on Monday.", "2026-10-12"),
        ("The courier confirmed ORD-1234 turned up at 9:10 a.m. yesterday.", "2026-10-13"),
        ("Good news, ORD-1234 arrived earlier this morning!", "2026-10-14"),
    ],
)
def test_deliveries_already_made(text, day):
    assert dates(text) == [(day, "ORD-1234")]


def test_a_short_clause_goes_on_from_the_delivery_before_it():
    text = "Every box of ORD-1234 has been delivered, the final one on 9 October."
    assert dates(text) == [("2026-10-09", "ORD-1234")]


def test_the_first_and_the_second_are_the_orders_named_before():
    text = "ORD-1111 and ORD-2222 were both delivered, the first on Friday and the second today."
    assert sorted(dates(text)) == [("2026-10-09", "ORD-1111"), ("2026-10-14", "ORD-2222")]


def test_a_date_set_aside_is_not_the_date():
    text = "ORD-1234 is held up, so it'll now reach you on Monday instead of tomorrow."
    assert dates(text) == [("2026-10-19", "ORD-1234")]


@pytest.mark.parametrize(
    "text",
    [
        # The shop's own stock arriving.
        "The Milk Frother is sold out, but we're expecting a shipment from the maker on Friday.",
        "We had a fresh delivery of the Milk Frother on Monday, so there are plenty.",
        "The Milk Frother is due back in stock soon — our next delivery lands 20 October.",
        "We've had the Milk Frother come back in, 12 of them arrived yesterday.",
        "More are expected to arrive by 30 October.",
        # A dispatch date, not a delivery date.
        "ORD-1234 is being packed and is due out on Friday.",
        "I expect ORD-1234 to ship by Monday.",
        # A refund's timing.
        "The refund for ORD-1234 is approved but not yet paid — expect it within 5 working days.",
        # A return arriving back with the shop.
        "RMA-4321 arrived at our returns centre on Monday.",
    ],
)
def test_dates_that_are_not_the_customers_delivery(text):
    assert dates(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "ORD-1234 is split in two: the Milk Frother was delivered on Monday, but the Kettle "
        "hasn't shipped yet.",
        "ORD-1234:\n- Parcel 1: delivered on Saturday\n- Parcel 2: arriving on Friday",
    ],
)
def test_the_day_an_earlier_part_arrived_is_not_the_orders(text):
    assert ("2026-10-12", "ORD-1234") not in dates(text)
    assert ("2026-10-10", "ORD-1234") not in dates(text)


def test_the_last_part_to_come_is_the_orders_date():
    text = "ORD-1234:\n- Parcel 1: delivered on Saturday\n- Parcel 2: arriving on Friday"
    assert dates(text) == [("2026-10-16", "ORD-1234")]


@pytest.mark.parametrize(
    "text",
    [
        "You'll get a delivery text from the courier, and ORD-1234 arrives on Friday.",
        "ORD-1234 is on pre-order and will be delivered on Friday.",
    ],
)
def test_a_delivery_word_beside_the_customers_parcel_still_counts(text):
    assert dates(text) == [("2026-10-16", "ORD-1234")]


def test_short_weekdays_that_are_words_need_a_lead_in():
    assert dates("ORD-1234 was delivered, we sat on the call for an hour.") == []
    assert dates("ORD-1234 arriving sat") == [("2026-10-17", "ORD-1234")]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("ORD-1234 was signed for on Monday.", "2026-10-12"),
        ("The driver left ORD-1234 with your neighbour on Tuesday.", "2026-10-13"),
        ("ORD-1234 was left in your safe place yesterday.", "2026-10-13"),
        ("ORD-1234 arriving weds", "2026-10-21"),
    ],
)
def test_handed_over_and_short_ranges(text, day):
    assert dates(text) == [(day, "ORD-1234")]


def test_leaving_the_warehouse_is_not_a_delivery():
    assert dates("ORD-1234 left the warehouse on Monday.") == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # Written for branch readmore: "you'll receive ORD-…", a date the courier aims for.
        ("You'll receive ORD-12345 on Thursday.", "2026-12-10"),
        ("The courier is aiming for Friday for ORD-12345.", "2026-12-11"),
        ("Target date for ORD-12345 is 15 December.", "2026-12-15"),
    ],
)
def test_delivery_cues_of_branch_readmore(text, day):
    now = datetime.fromisoformat("2026-12-07T10:00:00+00:00")
    found = extract(text, [ClaimKind.DELIVERY_DATE], context=ExtractionContext(now=now))
    assert [c.value for c in found] == [day]


def test_a_date_the_shop_aims_to_ship_by_is_no_delivery_date():
    now = datetime.fromisoformat("2026-12-07T10:00:00+00:00")
    text = "We're aiming for Friday to ship ORD-12345."
    assert extract(text, [ClaimKind.DELIVERY_DATE], context=ExtractionContext(now=now)) == []
