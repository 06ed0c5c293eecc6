"""Delivery dates in every voice by mechanism (issues 16 and 23), eighth round (dates8): a
weekday a week on ("a week on Tuesday", "Friday week"), a window of clock times alone, a
carrier's time stamp ("01/12 at 17:05"), "today" closing a span, a sale offered, a service
counted to its day ("a next-day service, so tomorrow"), the carrier's run and word for the day,
a new date after a passed one, a carrier's event pasted in with its stamp, a stressed day,
"the week of …", "the next business day", a table cell of a date alone, a short weekday before
a clock time, goods coming to the shop, parts named by their items, a proof of delivery, feast
days, a weekday with its day number. Each case states its claim; the sentences were written
for these tests (not taken from the corpus nor from fixtures/claims/dev3–dev8), with
look-alikes that must stay unread. `now` is Thursday 3 December 2026."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract

SHOP = ExtractionContext(
    now=datetime(2026, 12, 3, 10, 0, tzinfo=UTC),
    items={
        "RD-0801": "Radiator",
        "DH-0810": "Dehumidifier",
        "JG-0830": "Juicer",
    },
)
K = ClaimKind


def dates(text: str) -> list[tuple[object, object]]:
    return sorted(((c.value, c.subject) for c in extract(text, [K.DELIVERY_DATE], SHOP)), key=repr)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A weekday a week (or a fortnight) on.
        ("ORD-5101 is booked in a week on Tuesday", [("2026-12-15", "ORD-5101")]),
        ("ORD-5102 comes on our own lorry Friday week", [("2026-12-11", "ORD-5102")]),
        ("ORD-5103 is due a fortnight on Monday", [("2026-12-21", "ORD-5103")]),
        # A window of clock times alone is today; beside a day, that day's.
        ("ORD-5104 is on the van, arrival window 10:20-11:20", [("2026-12-03", "ORD-5104")]),
        ("ORD-5105 should arrive between 9:00 a.m. and 11:00 a.m.", [("2026-12-03", "ORD-5105")]),
        ("ORD-5106 is booked for delivery Monday, 8am–12pm", [("2026-12-07", "ORD-5106")]),
        (
            "ORD-5107:\n\n- **Delivery day:** Saturday\n- **Window:** 14:00–16:00",
            [("2026-12-05", "ORD-5107")],
        ),
        # A carrier's time stamp is of a day past; so is a proof of delivery.
        ("ORD-5108 signed for 01/12 at 17:05", [("2026-12-01", "ORD-5108")]),
        ("POD is showing 01/12 for ORD-5109", [("2026-12-01", "ORD-5109")]),
        # "today" closing a span counted from it names no day of its own.
        ("ORD-5110 will reach you within 3 working days of today", [("2026-12-08", "ORD-5110")]),
        ("ORD-5111 arrived a week ago today", [("2026-11-26", "ORD-5111")]),
        # A service counted to its day; the carrier's run and word for the day.
        ("ORD-5112 is on a next-day service, so tomorrow", [("2026-12-04", "ORD-5112")]),
        ("ORD-5113 is a 2 day service, which takes you to Saturday", [("2026-12-05", "ORD-5113")]),
        ("ORD-5114 is on Monday's run", [("2026-12-07", "ORD-5114")]),
        ("carrier says Tuesday for ORD-5115", [("2026-12-08", "ORD-5115")]),
        ("ORD-5116 is on this afternoon's van", [("2026-12-03", "ORD-5116")]),
        # A new date after a passed one: the new one only.
        ("ORD-5117 was due Tuesday, now Friday", [("2026-12-04", "ORD-5117")]),
        # A carrier's event pasted in, split at its full stop, and a quote with its stamp.
        (
            'ORD-5118:\n\n> "Delivered to your porch. 02/12/2026 14:40"',
            [("2026-12-02", "ORD-5118")],
        ),
        ('ORD-5119 "left in safe place" 09:41 today', [("2026-12-03", "ORD-5119")]),
        # A stressed day is the assistant's, no echo.
        (
            "ORD-5120 is with the courier, now showing delivery for **Saturday**.",
            [("2026-12-05", "ORD-5120")],
        ),
        ("ORD-5121 is slated for delivery on the next business day", [("2026-12-04", "ORD-5121")]),
        ("| Order | ETA |\n|---|---|\n| ORD-5122 | 07/12 |", [("2026-12-07", "ORD-5122")]),
        ("ORD-5123 dlvd sun 10:15", [("2026-11-29", "ORD-5123")]),
        # Parts named by their items: the last part's day is the order's.
        (
            "The Radiator on ORD-5124 arrived on 30 November and the Dehumidifier was delivered "
            "yesterday",
            [("2026-12-02", "ORD-5124")],
        ),
        ("ORD-5125 should be with you by Christmas Eve", [("2026-12-24", "ORD-5125")]),
        ("ORD-5126 arrives between Monday 7 and Wednesday 9", [("2026-12-09", "ORD-5126")]),
        ("ORD-5127 out for del, est 13:10-14:10", [("2026-12-03", "ORD-5127")]),
        ("Evri have you down for Saturday, ORD-5128", [("2026-12-05", "ORD-5128")]),
        # The carrier's or its screen's word for the day; a numeric date after "arriving".
        ("ORD-5131 - Yodel reckon Monday", [("2026-12-07", "ORD-5131")]),
        ("ORD-5132: the portal says Tuesday", [("2026-12-08", "ORD-5132")]),
        ("ORD-5133 comes Saturday the 5th", [("2026-12-05", "ORD-5133")]),
        ("ORD-5134 arriving 07/12", [("2026-12-07", "ORD-5134")]),
        # The day it goes out is not the day it arrives; a tried delivery gives no day.
        ("ORD-5135 goes out tonight for delivery tomorrow", [("2026-12-04", "ORD-5135")]),
        (
            "the driver tried ORD-5136 at 8:50 this morning, next attempt Monday",
            [("2026-12-07", "ORD-5136")],
        ),
        # "you should see it on …"; a day struck out is withdrawn.
        (
            "**ORD-5137** is on its way! You should see it on **Monday (07/12)**.",
            [("2026-12-07", "ORD-5137")],
        ),
        ("**Delivery date:** ~~Friday~~ **Saturday** (ORD-5138)", [("2026-12-05", "ORD-5138")]),
        # The carrier's round is no past tense; a copula straight to a day; "on or before".
        ("the driver's got ORD-5140 on today's round", [("2026-12-03", "ORD-5140")]),
        ("ORD-5141 - should be monday now", [("2026-12-07", "ORD-5141")]),
        ("ORD-5142 should be delivered on or before 07/12", [("2026-12-07", "ORD-5142")]),
        # A label's value after Markdown's blanks; the line after a delivery clause's colon.
        ("ORD-5144 has shipped!\n\n- **ETA:** 2–3 business days", [("2026-12-08", "ORD-5144")]),
        (
            "Here's your delivery window for **ORD-5145**:\n\n🕐 **Tomorrow, 8:00 AM – 12:00 PM**",
            [("2026-12-04", "ORD-5145")],
        ),
        # Look-alikes that must stay unread.
        ("Our phone lines are open 9:00-17:00 if you need us", []),
        ("we can have a Juicer with you tomorrow if you order before 8pm", []),
        ("order within the next 2 hours and it'll arrive Saturday", []),
        ("we dispatch the next day after payment", []),
        ("ORD-5129 should arrive the week of December 14", []),
        ("### Juicer\n\n- **Stock:** 0\n- **Next delivery to us:** 10 December", []),
        ("The Juicer should be landing back with us on Tuesday", []),
        ("ORD-5130 won't reach you till after Christmas", []),
        ('I couldn\'t find anything called "Juicer Friday" in our range', []),
        ("The courier will call you tomorrow to book a slot.", []),
        ("the Juicer comes in a box of 2 on Monday", []),
        ("We will be closed on Monday", []),
        ("ORD-5146 is processing. Once it ships, expect delivery within 3–5 business days.", []),
        ("Your delivery for ORD-5147 is booked:\n\nWe will call you on Friday to confirm.", []),
        ("ORD-5143 will be dispatched on Monday", []),
        ("Your refund for ORD-5139 is approved; you should see it by Friday.", []),
    ],
)
def test_a_delivery_date_read_by_its_mechanism(text: str, want: list[tuple[str, str]]) -> None:
    assert dates(text) == want
