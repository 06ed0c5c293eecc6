"""Order status, delivery dates and tracking read by meaning (issues 16 and 23), third session:
each case is a mechanism, not a sentence of the corpus or of fixtures/claims/dev3/orders3.jsonl
(written here in new words, so that a rule fitted to one sentence would not pass them).

Synonym classes (whoever pays, the carrier's collection and places, the parts of an order),
a denial with its verb left out taken with the part that left, an order's history told line by
line, a verb's object list, delivery cues across Markdown emphasis, a table column's header,
"the next day", weekday ranges, the last part's day, tracking codes in links and by format.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)  # a Monday
SHOP = ExtractionContext(now=NOW, items={"MG-0001": "Tall Mug", "TS-0002": "Slim Toaster"})


def read(text: str, kind: ClaimKind) -> list[tuple[object, str | None]]:
    return [(c.value, c.subject) for c in extract(text, [kind], SHOP)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Made ready: any preparing verb, in the passive too.
        ("Our team is gathering the items for ORD-80001 now.", [("processing", "ORD-80001")]),
        ("ORD-80002 has been boxed and labelled.", [("processing", "ORD-80002")]),
        ("ORD-80007 is staged for tomorrow's courier collection.", [("processing", "ORD-80007")]),
        # Waiting on whoever pays.
        ("We're still waiting on the bank transfer for ORD-80003.", [("pending", "ORD-80003")]),
        ("ORD-80004's card payment hasn't gone through yet.", [("pending", "ORD-80004")]),
        # Not gone, said outright.
        ("ORD-80005 has yet to leave our warehouse.", [("not_shipped", "ORD-80005")]),
        ("ORD-80006 hasnt left yet", [("not_shipped", "ORD-80006")]),
        # The carrier's places.
        ("ORD-80008 arrived at the regional DPD hub overnight.", [("shipped", "ORD-80008")]),
        # A part gone and a part denied, its verb left out or said on its own line.
        (
            "ORD-80009: the mug's gone out, the toaster hasn't.",
            [("partially_shipped", "ORD-80009")],
        ),
        (
            "**ORD-80010**\n- Lamp: dispatched\n- Shade: not yet",
            [("partially_shipped", "ORD-80010")],
        ),
        ("2 of 3 pkgs sent, rest follows (ORD-80011)", [("partially_shipped", "ORD-80011")]),
        # Brought back by the carrier: the order's cancellation, not a customer's return.
        (
            "ORD-80012 was refused at the door, so it's returned and cancelled",
            [("cancelled", "ORD-80012")],
        ),
        # A history told line by line: its latest stage.
        (
            "**ORD-80013**\n- Packed: 3 Dec\n- Shipped: 4 Dec\n- Delivered: 6 Dec",
            [("delivered", "ORD-80013")],
        ),
        # A verb's objects.
        (
            "I've cancelled ORD-80014 and ORD-80015 for you.",
            [("cancelled", "ORD-80014"), ("cancelled", "ORD-80015")],
        ),
        # With the people who make it ready; held up by the carrier; cancelled in slang.
        ("ORD-80043 is with our dispatch crew today.", [("processing", "ORD-80043")]),
        ("ORD-80044 is held up with Yodel, sorry.", [("shipped", "ORD-80044")]),
        ("ORD-80045's been axed as you asked.", [("cancelled", "ORD-80045")]),
        ("ORD-80046 half gone, rest fri", [("partially_shipped", "ORD-80046")]),
        # Chat and hurried typing: abbreviations and misspellings of the states.
        ("ORD-80048 otw", [("shipped", "ORD-80048")]),
        ("ORD-80049: prepped", [("processing", "ORD-80049")]),
        ("ORD-80050 shppd", [("shipped", "ORD-80050")]),
        ("ur order's being proccessed", [("processing", None)]),
        ("ORD-80051 still w/ us, not posted", [("not_shipped", "ORD-80051")]),
        ("ORD-80054 rdy 2 ship", [("processing", "ORD-80054")]),
        ("ORD-80055 status: boxing up", [("processing", "ORD-80055")]),
        ("ORD-80056 in the van now", [("shipped", "ORD-80056")]),
        ("ORD-80057 left the wh this am", [("shipped", "ORD-80057")]),
        ("ORD-80058 3 boxes dlvd, 1 to go", [("partially_shipped", "ORD-80058")]),
        ("ORD-80059 exited the Leeds depot at 6am.", [("shipped", "ORD-80059")]),
        # A message not sent is no parcel.
        ("The label was not sent, sorry. ORD-80052 is packed.", [("processing", "ORD-80052")]),
        # A clause with no subject of its own goes on with its sentence's: the refund's.
        ("The refund for ORD-80053 is approved and will go out tomorrow.", []),
        # Following a parcel with a carrier says nothing of where it is.
        ("You can follow ORD-80047 with DPD once it ships.", []),
        # A plan is not a state.
        (
            "ORD-80016 will be handed to Royal Mail this evening, it's being packed now.",
            [("processing", "ORD-80016")],
        ),
        # Two unnamed orders stay two: only a named order's history is read whole.
        (
            "Your order was delivered on Friday. Your newest order shipped this morning.",
            [("delivered", None), ("shipped", None)],
        ),
    ],
)
def test_order_status_by_meaning(text: str, expected: list[tuple[object, str | None]]) -> None:
    assert read(text, ClaimKind.ORDER_STATUS) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "The next day" after a date.
        (
            "ORD-80020 shipped on 1 December and was delivered the following day.",
            [("2026-12-02", "ORD-80020")],
        ),
        # Parts with days still to come: the order's day is the last.
        (
            "ORD-80021: parcel one is due Tuesday, parcel two is due Thursday.",
            [("2026-12-10", "ORD-80021")],
        ),
        # Weekday ranges, and ordinals, times and short weekdays after chat's delivery words.
        ("ORD-80022 eta thu-fri", [("2026-12-11", "ORD-80022")]),
        ("ORD-80023 due 15th", [("2026-12-15", "ORD-80023")]),
        ("ORD-80024 shd be w/ u sat", [("2026-12-12", "ORD-80024")]),
        ("ORD-80025 arr end of day", [("2026-12-07", "ORD-80025")]),
        # Markdown emphasis splits a cue phrase with blanks.
        (
            "**ORD-80026** was left **in your safe place** on **Friday 4 December**.",
            [("2026-12-04", "ORD-80026")],
        ),
        # A table column's header labels its cells.
        (
            "| Order | Status | ETA |\n|---|---|---|\n| ORD-80027 | Shipped | 10 Dec |",
            [("2026-12-10", "ORD-80027")],
        ),
        # Weekdays misspelt, in ranges too; the day it was sent is not the day it arrives.
        ("ORD-80036 should arive by wensday", [("2026-12-09", "ORD-80036")]),
        ("ORD-80037 eta thrusday-firday", [("2026-12-11", "ORD-80037")]),
        ("ORD-80038 shipped 2day eta thurs", [("2026-12-10", "ORD-80038")]),
        ("ORD-80041 dispatched, dlvry fri", [("2026-12-11", "ORD-80041")]),
        # The carrier's schedule; a clock time closing the sentence is today's.
        ("Yodel have ORD-80039 down for Saturday.", [("2026-12-12", "ORD-80039")]),
        ("ORD-80040 out w/ driver, w/ u by 5", [("2026-12-07", "ORD-80040")]),
        ("The system's down for an update this morning.", []),
        # A date without a year, where one reading only is near today on its tense's side.
        ("ORD-80033 arr 9/12", [("2026-12-09", "ORD-80033")]),
        ("ORD-80034 arr 11/12", [("2026-12-11", "ORD-80034")]),
        ("ORD-80035 eta 6/7", []),
        (
            "| Box | ETA |\n|---|---|\n| 1 | 8 Dec |\n| 2 | 10 Dec |\n\nBoth are for ORD-80042.",
            [("2026-12-10", "ORD-80042")],
        ),
        # A failed attempt is no delivery.
        ("The courier attempted delivery of ORD-80028 yesterday but nobody was in.", []),
        # A clause of a name and a time goes on from the delivery clause before it.
        (
            "Signed for at reception — ORD-80029, 9.40 this morning.",
            [("2026-12-07", "ORD-80029")],
        ),
        (
            "ORD-80030 could arrive earlier than planned — maybe tomorrow.",
            [("2026-12-08", "ORD-80030")],
        ),
        # "Came", "get there": a part's arrival.
        (
            "All three boxes of ORD-80031 are here now, the last one came on Saturday.",
            [("2026-12-05", "ORD-80031")],
        ),
        (
            "One box of ORD-80032 is here already and the other should get there on Wednesday.",
            [("2026-12-09", "ORD-80032")],
        ),
    ],
)
def test_delivery_dates_by_meaning(text: str, expected: list[tuple[object, str | None]]) -> None:
    assert read(text, ClaimKind.DELIVERY_DATE) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Your parcel's reference is RR123456785GB.", [("RR123456785GB", None)]),
        ("see dpd.co.uk/p/15501234567891 for ORD-80041", [("15501234567891", "ORD-80041")]),
        (
            "ORD-80042 went with DPD, parcel number 15501234567892.",
            [("15501234567892", "ORD-80042")],
        ),
        (
            "Follow **ORD-80043** [here](https://www.evri.com/track/parcel/H00A1B2C3D4E5F99).",
            [("H00A1B2C3D4E5F99", "ORD-80043")],
        ),
        ("See our [returns policy](https://shop.example/help/returns-2024123) for ORD-80044.", []),
    ],
)
def test_tracking_in_links_and_by_format(
    text: str, expected: list[tuple[object, str | None]]
) -> None:
    assert read(text, ClaimKind.TRACKING) == expected
