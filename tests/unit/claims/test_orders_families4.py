"""Order status and delivery-date wording by mechanism (issues 16 and 23), fourth round: each
mechanism with phrasings of its own, written for these tests (not taken from the corpus, from
fixtures/claims/dev3/ or dev4/), so that a rule fitted to one sentence does not pass them.
`now` is Thursday 19 November 2026."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract

SHOP = ExtractionContext(
    now=datetime(2026, 11, 19, 9, 0, tzinfo=UTC),
    items={"GR-0001": "Coffee Grinder", "CP-0002": "Cafetiere 8-Cup", "TR-0003": "Serving Tray"},
)


def statuses(text: str) -> list[tuple[object, object]]:
    return sorted((c.value, c.subject) for c in extract(text, [ClaimKind.ORDER_STATUS], SHOP))


def dates(text: str) -> list[tuple[object, object]]:
    return sorted((c.value, c.subject) for c in extract(text, [ClaimKind.DELIVERY_DATE], SHOP))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # A carrier's places and vehicles, named by the carrier or shortened.
        ("ORD-4001 is sitting at the FedEx station in Reno.", "shipped"),
        ("ORD-4001: currently at sort hub, Daventry", "shipped"),
        ("ORD-4001 is loaded on a DHL van for this afternoon.", "shipped"),
        ("ORD-4001 on truck 🚛", "shipped"),
        # "Arrived at" a carrier's place is a scan on the way, not the delivery.
        ("ORD-4001 — latest scan: arrived at UPS facility, Louisville.", "shipped"),
        # Agents' shorthand.
        ("ORD-4001 o/d this am", "shipped"),
        ("ORD-4001 disp. Tues w/ Evri", "shipped"),
        ("ord ORD-4001 out 4 delivery now", "shipped"),
        # The carrier tried the door: it has the parcel.
        ("The driver attempted a delivery of ORD-4001 but nobody answered.", "shipped"),
        # A future or a chat modal reaches every verb it joins: no state, the hold is the state.
        ("ORD-4001 is held until we verify the billing address.", "pending"),
        ("ORD-4001 is held while our fraud team checks it; it'll be boxed and shipped.", "pending"),
        ("ORD-4001 confirmed, awaiting warehouse", "pending"),
        ("Our team is confirming your address before the order is released (ORD-4001).", "pending"),
        # A past obligation done.
        ("I'm afraid we've had to cancel ORD-4001 as the card was declined.", "cancelled"),
        # Items travelling as one are not parts: the order went out and was delivered.
        (
            "ORD-4001 left us on Monday — the Coffee Grinder and the Serving Tray together"
            " — and was delivered yesterday.",
            "delivered",
        ),
    ],
)
def test_order_status_mechanisms(text: str, value: str) -> None:
    assert statuses(text) == [(value, "ORD-4001")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Parts gone, a part still here with its verb left out before a reason.
        ("ORD-4001: the grinder and tray have gone, the cafetiere hasnt yet as it's on order.",
         "partially_shipped"),
        ("ORD-4001 came in 2 boxes, first half o/d today, second half still in the warehouse",
         "partially_shipped"),
    ],
)  # fmt: skip
def test_parts(text: str, value: str) -> None:
    assert statuses(text) == [(value, "ORD-4001")]


@pytest.mark.parametrize(
    "text",
    [
        # Held by a carrier named without an article; out with one.
        "Your parcel's with Parcelforce at the moment.",
        "Good news, your package is out with the courier.",
    ],
)
def test_held_by_a_carrier(text: str) -> None:
    assert statuses(text) == [("shipped", None)]


def test_orders_together_are_each_order() -> None:
    text = "Both of your orders have left our warehouse. ORD-4001 is due Friday, ORD-4002 Monday."
    assert statuses(text) == [("shipped", "ORD-4001"), ("shipped", "ORD-4002")]
    chat = "all of them sent 👍 ORD-4001 arr fri, ORD-4002 arr mon, ORD-4003 arr tue"
    assert [s for s, _ in statuses(chat)] == ["shipped"] * 3


@pytest.mark.parametrize(
    "text",
    [
        # Going out with the courier is a plan, not a state.
        "ORD-4001 is packed and will go out with the courier this afternoon.",
        # A future reaches both verbs, and chat modals are modals.
        "Once paid, ORD-4001 will be picked and dispatched.",
        "ORD-4001 shd b dlvd sat",
        # Working with a carrier says nothing of where a parcel is.
        "We ship every order with DPD.",
    ],
)
def test_no_false_state(text: str) -> None:
    assert ("shipped", "ORD-4001") not in statuses(text)
    assert not [s for s in statuses(text) if s[0] in ("shipped", "delivered")]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # Left at a drop place: a delivery, dated.
        ("ORD-4001 was left in the parcel locker at the station on Monday.", "2026-11-16"),
        ("ORD-4001 was left with the concierge yesterday afternoon.", "2026-11-18"),
        # A carrier's booked slot, a clock time's colon splitting nothing.
        ("ORD-4001 is with Yodel, who have booked a slot of 08:30–09:30 tomorrow morning.",
         "2026-11-20"),
        # The next attempt, still to come.
        ("ORD-4001: the courier missed you today; the next attempt is scheduled for Saturday.",
         "2026-11-21"),
        # Chat.
        ("ORD-4001 shd be w u by mon", "2026-11-23"),
        ("ORD-4001 o/d tmrw", "2026-11-20"),
        ("ORD-4001 dispatched, expected 24/11", "2026-11-24"),
        # Ranges of days of the month, and British "a week tomorrow".
        ("ORD-4001 should reach you between the 25th and 27th.", "2026-11-27"),
        ("ORD-4001 is with the courier and expected a week tomorrow.", "2026-11-27"),
        # A house number is no negator.
        ("ORD-4001 was delivered to no.12 on Tuesday.", "2026-11-17"),
        # "The last box" is not past tense.
        ("ORD-4001 came in 2 boxes, one arrived Monday and the last box is out for delivery today.",
         "2026-11-19"),
        # Pencilled in is still to come.
        ("ORD-4001 is in transit, and they have it pencilled in for delivery on Wednesday.",
         "2026-11-25"),
    ],
)  # fmt: skip
def test_delivery_date_mechanisms(text: str, day: str) -> None:
    assert dates(text) == [(day, "ORD-4001")]


def test_fields_and_history_lines() -> None:
    field = "**ORD-4001**\n- Status: Delivered\n- Date: Monday 16 November"
    assert dates(field) == [("2026-11-16", "ORD-4001")]
    history = "History of **ORD-4001**:\n- 12 Nov — Dispatched\n- 14 Nov — Delivered ✅"
    assert dates(history) == [("2026-11-14", "ORD-4001")]
    # A field of when under a line that tells no delivery gives nothing.
    assert dates("**ORD-4001**\n- Status: Cancelled\n- Date: Monday 16 November") == []


def test_an_order_called_by_its_number() -> None:
    text = "ORD-51234 and ORD-51235 both went today, 51234 is due tomorrow and 51235 is due Monday."
    assert dates(text) == [("2026-11-20", "ORD-51234"), ("2026-11-23", "ORD-51235")]


@pytest.mark.parametrize(
    "text",
    [
        # Counted from another event, not from today.
        "ORD-4001 ships Monday; delivery is 3-4 working days after that.",
        "ORD-4001 is packed; expect it within 5 days of dispatch.",
        # A delivery tried in the past gives no date.
        "The courier attempted delivery of ORD-4001 on Tuesday.",
        # The part that left has a date; the part still to come has none: not the order's.
        "ORD-4001: the Coffee Grinder went out yesterday and lands tomorrow, the Serving Tray"
        " is on back order and will follow.",
    ],
)
def test_no_false_date(text: str) -> None:
    assert dates(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Second round, after the late set: checks before release, chat forms, collection slots.
        ("ORD-4001: the card payment is under review with our risk team.", "pending"),
        ("ORD-4001 has not yet been released to the warehouse.", "pending"),
        ("ORD-4001 held: id check, will clear today", "pending"),
        ("ORD-4001 cnxd as u asked", "cancelled"),
        ("ORD-4001 is boxed and waiting for the afternoon collection.", "processing"),
        ("ORD-4001's sitting in despatch at the moment.", "processing"),
        ("ORD-4001 reached the FedEx Ground Facility in Reno last night.", "shipped"),
        ("ORD-4001 - grinder sent, tray still 2 come", "partially_shipped"),
        ("ORD-4001: 1 of 2 boxes dlvd, 2nd w/ courier", "shipped"),
        ("**ORD-4001**\n\n**Delivered**\n- Coffee Grinder\n\n**Still to ship**\n- Serving Tray",
         "partially_shipped"),
    ],
)  # fmt: skip
def test_order_status_second_round(text: str, value: str) -> None:
    assert statuses(text) == [(value, "ORD-4001")]


def test_orders_travelling_apart_are_no_parts() -> None:
    text = "ORD-4001 and ORD-4002 both went out today; they are travelling separately."
    assert statuses(text) == [("shipped", "ORD-4001"), ("shipped", "ORD-4002")]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("ORD-4001 is with DHL; their projection is Monday 23 November.", "2026-11-23"),
        ("ORD-4001 at the depot, they'll bring it out to you on Saturday.", "2026-11-21"),
        ("ORD-4001 w/ driver, eta 1-3pm", "2026-11-19"),
        ("ORD-4001 was delivered on Tuesday, November 17, at 10:05 a.m.", "2026-11-17"),
        ("| Item | Status |\n|---|---|\n| Coffee Grinder | Delivered (Nov 16) |\n"
         "| Serving Tray | Delivered (Nov 18) |\n\nThat's all of ORD-4001.", "2026-11-18"),
    ],
)  # fmt: skip
def test_delivery_date_second_round(text: str, day: str) -> None:
    assert dates(text) == [(day, "ORD-4001")]


def test_a_slot_to_book_is_no_date() -> None:
    assert dates("The courier will ring you tomorrow to book a slot for ORD-4001.") == []
