"""Order status, delivery-date and tracking wording by mechanism (issues 16 and 23), fifth
round: each mechanism with phrasings of its own, written for these tests (not taken from the
corpus, from fixtures/claims/dev3/, dev4/ or dev5/), with look-alikes that must stay unread.
`now` is Wednesday 25 November 2026."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract

SHOP = ExtractionContext(
    now=datetime(2026, 11, 25, 10, 0, tzinfo=UTC),
    items={"KT-0501": "Stove Kettle", "MG-0502": "Travel Mug", "BL-0503": "Hand Blender"},
)


def statuses(text: str) -> list[tuple[object, object]]:
    return sorted((c.value, c.subject) for c in extract(text, [ClaimKind.ORDER_STATUS], SHOP))


def dates(text: str) -> list[tuple[object, object]]:
    return sorted((c.value, c.subject) for c in extract(text, [ClaimKind.DELIVERY_DATE], SHOP))


def tracking(text: str) -> list[object]:
    return [c.value for c in extract(text, [ClaimKind.TRACKING], SHOP)]


@pytest.mark.parametrize(
    "text",
    [
        # The money's, not the order's: a pronoun or a left-out subject goes on with the last
        # thing named, and the order a refund is for only modifies it.
        "We've started your refund for ORD-5001. It is awaiting sign-off from finance.",
        "ORD-5001 refund approved, pending with the bank now",
        "Your credit for ORD-5001 was sent on Monday, £12.50 back to your card.",
        "The money for ORD-5001 has gone through — the bank shows it went out yesterday.",
        # Stock and how an item is sold, naming no order.
        "The Travel Mug is in stock and ships within two working days.",
        "The Hand Blender can be ordered today and delivered to your door; stock is good.",
        "The Stove Kettle is back-ordered, so it cannot be shipped at the moment.",
        # A checklist step not ticked yet, and a plan joined to a modal.
        "ORD-5001 progress:\n\n☐ Delivered",
        "ORD-5001 will be checked by our team this afternoon and then dispatched.",
        # People at a place, a carrier's team, shipping as a cost.
        "I'll put you through to a colleague in the warehouse about ORD-5001.",
        "I've raised ORD-5001 with the courier support team; they'll email you.",
        "Shipping on your next order is on us, and ORD-5001's query is logged.",
        # A parcel back with the shop, goods that came broken, a money column or section.
        "Your parcel is back at our warehouse now; we'll check it over (RMA-5002).",
        "So sorry the Travel Mug arrived cracked! We'll refund it in full.",
        "| Order | Refund |\n|---|---|\n| ORD-5001 | Processing |",
        "Here's the update:\n\n### Refund\n- **Status:** processing",
    ],
)
def test_no_order_status(text: str) -> None:
    assert statuses(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Your refund for ORD-5001 is approved. It should reach you within 3 working days.",
        "ORD-5001 refund started, shd land by fri",
        # The shop's own stock coming in.
        "The Stove Kettle is due into our warehouse on Monday; order now and we'll send it.",
        "Out of stock for now, but there's a delivery booked in for Friday.",
        "A new delivery of Travel Mugs reaches our warehouse on Friday.",
        # A limit is no denial, but a promise set aside still is.
        "ORD-5001 had been due on Monday, which has now passed.",
    ],
)
def test_no_delivery_date(text: str) -> None:
    assert dates(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Couriers' screens and chat.
        ("ORD-5001 - POD received, left at rear door", "delivered"),
        ("ORD-5001 arr'd yday, all good", "delivered"),
        ("ORD-5001 signed 4 at reception", "delivered"),
        ("ORD-5001 was tucked behind your bin by the driver.", "delivered"),
        ("ORD-5001 is at the post office awaiting collection", "shipped"),
        ("ORD-5001 is sat at the InPost parcel locker on Mill Lane", "shipped"),
        ("ORD-5001 is held in customs", "shipped"),
        ("Delivery of ORD-5001 was attempted at noon.", "shipped"),
        ("ORD-5001 got to the regional depot overnight", "shipped"),
        ("ORD-5001 manifested, van collects at 4", "processing"),
        ("ORD-5001 sched for dispatch thurs", "processing"),
        ("ORD-5001 should go out by 5pm", "processing"),
        ("ORD-5001\n- Picking: underway", "processing"),
        ("ORD-5001 confirmd, thx", "pending"),
        ("ORD-5001 is now confirmed and will be packed soon.", "pending"),
        ("ORD-5001 is queued for processing.", "pending"),
        ("ORD-5001 is on hold pending an address check.", "pending"),
        # A curt denial ends at a chat particle or a dash.
        ("ORD-5001 not sent yet soz", "not_shipped"),
        ("ORD-5001 hasn't gone anywhere yet – chasing it now", "not_shipped"),
        # A quoted carrier status after "in the system as" is the carrier's, no echo.
        ("ORD-5001 is in the system as 'in transit'.", "shipped"),
        ("The driver's delivering ORD-5001 around lunchtime.", "shipped"),
        # Look-alikes of the money column and section, and of goods that came broken.
        ("| Order | Status |\n|---|---|\n| ORD-5001 | Processing |", "processing"),
        ("### ORD-5001\n- **Status:** processing", "processing"),
        ("ORD-5001 arrived late on Monday, sorry about that.", "delivered"),
    ],
)
def test_order_status_mechanisms(text: str, value: str) -> None:
    assert statuses(text) == [(value, "ORD-5001")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # A part delivered and a part still due: every part left, not all arrived.
        (
            "ORD-5001 went in two boxes; one was delivered on Monday and the other is due to"
            " arrive Friday.",
            "shipped",
        ),
        # A part that won't be sent yet, beside one that went.
        (
            "The Travel Mug from ORD-5001 went out today, but the Stove Kettle won't be sent"
            " until December.",
            "partially_shipped",
        ),
        # Look-alike: every part delivered is delivered.
        (
            "Both boxes of ORD-5001 were delivered: the first on Monday, the second yesterday.",
            "delivered",
        ),
    ],
)
def test_parts(text: str, value: str) -> None:
    assert statuses(text) == [(value, "ORD-5001")]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("ORD-5001 is with Evri and they're now saying Saturday.", "2026-11-28"),
        ("ORD-5001 left us Monday; DPD are showing it for tomorrow.", "2026-11-26"),
        ("ORD-5001: DPD gave a two-hour window on Friday.", "2026-11-27"),
        ("ORD-5001 missed today; the courier will try again Monday.", "2026-11-30"),
        ("ORD-5001 came to you on the 23rd, per the driver.", "2026-11-23"),
        ("ORD-5001 got delivered 3 days ago.", "2026-11-22"),
        ("ORD-5001 shd arrive fri/sat", "2026-11-28"),
        ("ORD-5001 POD received on mon 23/11", "2026-11-23"),
        ("ORD-5001 is at the hub, est delivery 27/11", "2026-11-27"),
        ("ORD-5001 exp thu", "2026-11-26"),
        ("ORD-5001 is on the van today.", "2026-11-25"),
        ("ORD-5001: driver's eta is 13:10-14:10", "2026-11-25"),
        ("ORD-5001 should arrive no later than Friday, November 27.", "2026-11-27"),
        ("ORD-5001 is running late; the new delivery date is Monday.", "2026-11-30"),
        (
            "ORD-5001 is booked to be delivered between Thursday, November 26 and Saturday,"
            " November 28.",
            "2026-11-28",
        ),
        ("Update for ORD-5001:\n\n> Delivered — Side gate — 24 Nov, 09:40", "2026-11-24"),
        (
            "Your order ORD-5001:\n\n| Field | Detail |\n|---|---|\n| Carrier | UPS |\n"
            "| Estimated delivery | Fri, Nov 27 |",
            "2026-11-27",
        ),
    ],
)
def test_delivery_dates(text: str, day: str) -> None:
    assert dates(text) == [(day, "ORD-5001")]


def test_a_time_alone_is_no_day() -> None:
    # Signed for "at 11:02" names no day; a window of the 24-hour clock after an ETA does.
    assert dates("It was delivered and signed for by 'Lee' at 11:02.") == []


def test_tracking_in_a_table_of_fields() -> None:
    text = "| Field | Detail |\n|---|---|\n| Status | Shipped |\n| Tracking | 923456789012 |"
    assert tracking(text) == ["923456789012"]
