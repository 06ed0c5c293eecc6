"""The agent voice by mechanism (issues 16 and 23), ninth round: hand-offs reported as done
(a case passed on to a desk or a role, or followed by what they will do next; moved to a desk;
someone asked to contact the customer; a colleague copied in; a third party's channel said to
be where the customer goes), a channel that holds the answer beside a non-answer, blindness
told by the screen, limits; stock worked out on the screen in one sentence; an order's stage
told by what people did (`_agent_handoffs`, `_screen_sums`, `_status_codes`). The sentences
were written for these tests (not taken from the corpus nor from fixtures/claims/dev3–dev9),
with look-alikes that must stay unread. `now` is Thursday 10 December 2026."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract

SHOP = ExtractionContext(
    now=datetime(2026, 12, 10, 10, 0, tzinfo=UTC),
    items={"WB-0100": "Wetsuit 3mm", "WB-0101": "Wetsuit 5mm", "BO-0200": "Bodyboard 42in"},
)
K = ClaimKind
SUPPORT = ("contact_support", None)
BLIND = ("cannot_check", None)
OTHER = ("other", None)


def got(text: str, kind: ClaimKind) -> list[tuple[object, object]]:
    return sorted(((c.value, c.subject) for c in extract(text, [kind], SHOP)), key=repr)


@pytest.mark.parametrize(
    ("text", "kind", "want"),
    [
        # A case passed on, to a desk or a role, or followed by what they will do next.
        ("I've messaged Kai in the hire workshop about your board", K.DEFLECTION, [SUPPORT]),
        ("I've popped you in the wetsuit specialist's queue", K.DEFLECTION, [SUPPORT]),
        (
            "I've sent your video to our repair lead and he'll decide by Monday",
            K.DEFLECTION,
            [SUPPORT],
        ),
        ("your query has gone up to tier 3 now", K.DEFLECTION, [SUPPORT]),
        ("I've emailed Ana about it, she'll update you tomorrow", K.DEFLECTION, [SUPPORT]),
        (
            "I've fired off an email to the buyer to check when more are due",
            K.DEFLECTION,
            [SUPPORT],
        ),
        ("that's with the repairs team now and they'll let you know", K.DEFLECTION, [SUPPORT]),
        # A third party's channel as the customer's way.
        ("their claims portal is where you'd report the damage", K.DEFLECTION, [SUPPORT]),
        ("it's the maker's repair line you need for that one", K.DEFLECTION, [SUPPORT]),
        ("the service centre would need to look at the zip", K.DEFLECTION, [SUPPORT]),
        (
            "the board hire is run by Surf Co, they'd need to change the booking",
            K.DEFLECTION,
            [SUPPORT],
        ),
        # Beside a non-answer, a channel that holds the answer.
        (
            "I can't see the instalments at all, the finance portal is the place that has them",
            K.DEFLECTION,
            [BLIND, SUPPORT],
        ),
        # Blindness by the screen, and a limit.
        ("the gift card balance is masked out for me", K.DEFLECTION, [BLIND]),
        ("my screen only shows the last 90 days", K.DEFLECTION, [BLIND]),
        ("I'm not set up on the trade accounts system", K.DEFLECTION, [BLIND]),
        ("surf lessons are not something we cover, sorry", K.DEFLECTION, [OTHER]),
        ("we're unable to advise on wave conditions", K.DEFLECTION, [OTHER]),
        # Stock worked out on the screen.
        (
            "Wetsuit 3mm is 12 on hand but 10 are reserved for a school booking, so 2 to sell",
            K.QUANTITY,
            [(2, "WB-0100")],
        ),
        (
            "Wetsuit 3mm is 12 on hand but 10 are reserved for a school booking, so 2 to sell",
            K.AVAILABILITY,
            [("low_stock", "WB-0100")],
        ),
        ("Bodyboard 42in: 15 on hand, 4 reserved", K.QUANTITY, [(11, "BO-0200")]),
        ("the Wetsuit 5mm is 0 free, 3 allocated to back orders", K.QUANTITY, [(0, "WB-0101")]),
        (
            "Bodyboard 42in has 4 free but 3 are promised to a club order, so really 1",
            K.QUANTITY,
            [(1, "BO-0200")],
        ),
        (
            "the Wetsuit 5mm shows 2 on hand but 2 are allocated so effectively none",
            K.AVAILABILITY,
            [("out_of_stock", "WB-0101")],
        ),
        (
            "the Wetsuit 3mm is at 3 now, it was 14 yesterday",
            K.AVAILABILITY,
            [("low_stock", "WB-0100")],
        ),
        ("the Bodyboard 42in went from 9 to 2 since lunch", K.QUANTITY, [(2, "BO-0200")]),
        ("the Wetsuit 5mm is all reserved, sorry", K.AVAILABILITY, [("out_of_stock", "WB-0101")]),
        ("the Wetsuit 5mm isn't showing any stock", K.AVAILABILITY, [("out_of_stock", "WB-0101")]),
        (
            "happy to hold one of the Wetsuit 3mm for you at the Bude shop",
            K.AVAILABILITY,
            [("in_stock", "WB-0100")],
        ),
        # Hard-wrapped, the sum still reads as one sentence.
        (
            "Bodyboard 42in has 4 free but 3 are promised to\na club order, so really 1",
            K.QUANTITY,
            [(1, "BO-0200")],
        ),
        # An order's stage by what people did.
        ("the driver scanned ORD-30101 on at half six", K.ORDER_STATUS, [("shipped", "ORD-30101")]),
        (
            "Royal Mail's tracking has ORD-30102 at the Exeter centre",
            K.ORDER_STATUS,
            [("shipped", "ORD-30102")],
        ),
        ("Jess boxed ORD-30103 up after lunch", K.ORDER_STATUS, [("processing", "ORD-30103")]),
        ("ORD-30104 is sat in a payment review", K.ORDER_STATUS, [("pending", "ORD-30104")]),
        (
            "there's a photo of ORD-30105 on your doorstep from 10:02",
            K.ORDER_STATUS,
            [("delivered", "ORD-30105")],
        ),
        ("ORD-30107 is on the Evri network now", K.ORDER_STATUS, [("shipped", "ORD-30107")]),
        (
            "ORD-30109 is waiting on the Wetsuit 5mm to come in",
            K.ORDER_STATUS,
            [("processing", "ORD-30109")],
        ),
        # A delivery service counted to its day, after the parcel was sent on it.
        (
            "ORD-30110 went out last night on a 48hr service, so Saturday",
            K.DELIVERY_DATE,
            [("2026-12-12", "ORD-30110")],
        ),
        # Returns and refunds by what people did.
        (
            "goods-in scanned RMA-7710 this morning",
            K.RETURN_STATUS,
            [("received", "RMA-7710")],
        ),
        (
            "RMA-7711 is waiting on pictures of the tear from you",
            K.RETURN_STATUS,
            [("requested", "RMA-7711")],
        ),
        ("I've put the refund for RMA-7712 through just now", K.REFUND, [("issued", "RMA-7712")]),
        # Someone else put on it.
        ("one of the mechanics in the workshop would know, not me", K.DEFLECTION, [SUPPORT]),
        # Stock on its way to the shop.
        (
            "the Bodyboard 42in is in transit from the manufacturer",
            K.AVAILABILITY,
            [("backorder", "BO-0200")],
        ),
    ],
)
def test_read(text: str, kind: ClaimKind, want: list[tuple[object, object]]) -> None:
    assert got(text, kind) == sorted(want, key=repr)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("my screen isn't showing stock right now", K.AVAILABILITY),
        # A record at its next step, no hand-off.
        ("we've got your return and it's with the returns team", K.DEFLECTION),
        ("nothing I can do to hurry the customs check, sorry", K.DEFLECTION),
        # A count said free is what is left already; a carrier moving the day is no stage.
        ("the Wetsuit 5mm shows 7 free and 2 allocated", K.AVAILABILITY),
        ("ORD-30106 isn't coming Friday, DPD have pushed it to Monday", K.ORDER_STATUS),
        ("the courier scanned RMA-4410 into our returns centre", K.ORDER_STATUS),
    ],
)
def test_left_unread(text: str, kind: ClaimKind) -> None:
    if kind is K.AVAILABILITY:  # a count said free, a blind screen: no shortage read
        assert got(text, K.QUANTITY) in ([(7, "WB-0101")], [])
        assert all(value != "out_of_stock" for value, _ in got(text, kind))
    else:
        assert got(text, kind) == []
