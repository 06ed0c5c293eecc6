"""The agent voice by mechanism (issues 16 and 23), sixth round: a contact-centre agent reading
their screen (a system's label in quotes, ETA shorthand, stock screens, an order's hold or
queue), restocks told by a purchase order, returns booked in at the dock, refunds raised but
not released, and hand-offs of an agent's shapes. Each case states its claim; the sentences
were written for these tests (not taken from the corpus nor from fixtures/claims/dev3–dev6),
with look-alikes that must stay unread. `now` is Tuesday 1 December 2026."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract

SHOP = ExtractionContext(
    now=datetime(2026, 12, 1, 10, 0, tzinfo=UTC),
    items={
        "TN-0701": "Trail Tent",
        "TN-0702": "Trail Tent XL",
        "LM-0710": "Camp Lamp",
        "BV-0720": "Bivvy Bag",
        "CK-0730": "Cook Set",
        "PL-0740": "Pillow",
    },
)
K = ClaimKind


def got(text: str, kind: ClaimKind) -> list[tuple[object, object]]:
    return sorted(((c.value, c.subject) for c in extract(text, [kind], SHOP)), key=repr)


@pytest.mark.parametrize(
    ("text", "kind", "want"),
    [
        # A system's label the agent quotes is the system's state, not the customer's words.
        ("The portal flipped ORD-7001 to 'Delivered' on Sunday.", K.ORDER_STATUS,
         [("delivered", "ORD-7001")]),
        ("The portal flipped ORD-7001 to 'Delivered' on Sunday.", K.DELIVERY_DATE,
         [("2026-11-29", "ORD-7001")]),
        ("Carrier system has ORD-7002 as 'Delivered - left in porch' this morning.",
         K.DELIVERY_DATE, [("2026-12-01", "ORD-7002")]),
        ("ORD-7003 has been sitting in 'awaiting payment' since Friday.", K.ORDER_STATUS,
         [("pending", "ORD-7003")]),
        ("Our stock page is showing the Camp Lamp as 'In stock - ships today'.", K.AVAILABILITY,
         [("in_stock", "LM-0710")]),
        # ETA as an agent types it, and a carrier's hand-over.
        ("ORD-7010 is with Yodel, their ETA's Fri", K.DELIVERY_DATE, [("2026-12-04", "ORD-7010")]),
        ("ORD-7011: ETA now Thu", K.DELIVERY_DATE, [("2026-12-03", "ORD-7011")]),
        ("ORD-7012 should land 3rd-4th", K.DELIVERY_DATE, [("2026-12-04", "ORD-7012")]),
        ("Estimated delivery for ORD-7013 is showing as 05/12", K.DELIVERY_DATE,
         [("2026-12-05", "ORD-7013")]),
        ("Tracking for ORD-7014 reads 'Delivered - handed to resident' at 09:05 today",
         K.DELIVERY_DATE, [("2026-12-01", "ORD-7014")]),
        # An order's hold, queue or pick, read off the screen; the carrier's failed try.
        ("ORD-7020 is on a fraud hold until the risk team clear it", K.ORDER_STATUS,
         [("pending", "ORD-7020")]),
        ("ORD-7021 hasn't been released to the DC yet", K.ORDER_STATUS, [("pending", "ORD-7021")]),
        ("ORD-7022 is in the pick queue", K.ORDER_STATUS, [("processing", "ORD-7022")]),
        ("WMS says 'Pack complete' for ORD-7023", K.ORDER_STATUS, [("processing", "ORD-7023")]),
        ("ORD-7024 is despatching tonight", K.ORDER_STATUS, [("processing", "ORD-7024")]),
        ("The courier couldn't get into your building with ORD-7025", K.ORDER_STATUS,
         [("shipped", "ORD-7025")]),
        ("ORD-7026 shows a carrier exception: address not found", K.ORDER_STATUS,
         [("shipped", "ORD-7026")]),
        ("ORD-7027 left the DC at 6am", K.ORDER_STATUS, [("shipped", "ORD-7027")]),
        # Stock screens: available to sell, stock on hand, free, a level "at" a number.
        ("ATS on the Bivvy Bag is 4", K.QUANTITY, [(4, "BV-0720")]),
        ("SOH for the Pillow is 12", K.QUANTITY, [(12, "PL-0740")]),
        ("Cook Set has 9 free", K.QUANTITY, [(9, "CK-0730")]),
        ("Trail Tent XL is at 0 with more on order", K.QUANTITY, [(0, "TN-0702")]),
        ("I can see the Trail Tent is at 2 now", K.QUANTITY, [(2, "TN-0701")]),
        ("the Camp Lamp is showing 0 at the moment but we have 20 due in on the 9th",
         K.QUANTITY, [(0, "LM-0710")]),
        ("the Camp Lamp is showing 0 at the moment but we have 20 due in on the 9th",
         K.AVAILABILITY, [("backorder", "LM-0710")]),
        # A restock told by its purchase order, its landing, a new batch.
        ("Bivvy Bag: next PO is due on the 14th", K.AVAILABILITY, [("backorder", "BV-0720")]),
        ("the Pillow restock lands Friday", K.AVAILABILITY, [("backorder", "PL-0740")]),
        ("sold out of the Cook Set but it'll go out as soon as the new batch lands",
         K.AVAILABILITY, [("backorder", "CK-0730")]),
        ("the Camp Lamp has just come off backorder", K.AVAILABILITY, [("in_stock", "LM-0710")]),
        ("3 Cook Sets in the DC, all earmarked for click and collect orders", K.AVAILABILITY,
         [("out_of_stock", "CK-0730")]),
        # Returns as the agent's screen tells their arrival.
        ("RMA-7101 was booked in at the returns dock yesterday", K.RETURN_STATUS,
         [("received", "RMA-7101")]),
        ("RMA-7102 is pending QC", K.RETURN_STATUS, [("received", "RMA-7102")]),
        ("Your return's been received, RMA-7103", K.RETURN_STATUS, [("received", "RMA-7103")]),
        ("RMA-7104 passed inspection this morning", K.RETURN_STATUS, [("received", "RMA-7104")]),
        ("RMA-7105 came back into the DC on Friday", K.RETURN_STATUS, [("received", "RMA-7105")]),
        ("I can see the return came in on Friday, RMA-7106", K.RETURN_STATUS,
         [("received", "RMA-7106")]),
        # Refunds raised or held, and a charge kept beside money sent.
        ("The refund for RMA-7110 is raised and waiting on finance", K.REFUND,
         [("pending", "RMA-7110")]),
        ("RMA-7111: the refund's not been released yet", K.REFUND, [("pending", "RMA-7111")]),
        ("No refund on the delivery charge, but the £20.00 for the lamp went back to your card",
         K.REFUND, [("issued", None)]),
        # An agent's hand-offs.
        ("Raising a ticket with tier 2 now", K.DEFLECTION, [("contact_support", None)]),
        ("Please try us again after 3pm", K.DEFLECTION, [("contact_support", None)]),
        ("Best to check with your card issuer about that charge", K.DEFLECTION,
         [("contact_support", None)]),
        ("The warranty team will be able to advise you", K.DEFLECTION, [("contact_support", None)]),
        ("The manufacturer deals with repairs", K.DEFLECTION, [("contact_support", None)]),
        ("I can't see delivery costs, accounts would know", K.DEFLECTION,
         [("cannot_check", None), ("contact_support", None)]),
        ("I can't see card details for security, sorry", K.DEFLECTION, [("cannot_check", None)]),
        ("Can't go into ORD-7040, it's not linked to the account you're messaging from",
         K.REFUSAL, [("privacy", "ORD-7040")]),
    ],
)  # fmt: skip
def test_agent_wording_is_read(text: str, kind: ClaimKind, want: list[object]) -> None:
    assert got(text, kind) == sorted(want, key=repr)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # The customer's words in quotes stay theirs.
        ("I searched for 'tent in stock' and found nothing.", K.AVAILABILITY),
        ("You said the page called it 'sold out'.", K.AVAILABILITY),
        # Today of the agent's shift, a message due, a span counted from dispatch: no date.
        ("I'm on the late shift tonight so message me any time", K.DELIVERY_DATE),
        ("ORD-7015 - an update from the courier is expected tomorrow", K.DELIVERY_DATE),
        ("ORD-7016 dispatches tomorrow on a 48 hour service from then", K.DELIVERY_DATE),
        ("the Pillow restock lands Friday", K.DELIVERY_DATE),
        ("Bivvy Bag: next lot lands on the 14th", K.DELIVERY_DATE),
        # Stock at the DC set aside is no order at the DC.
        ("3 Cook Sets in the DC, all earmarked for click and collect orders", K.ORDER_STATUS),
        ("3 Cook Sets in the DC, all earmarked for click and collect orders", K.QUANTITY),
        # "With the exception of" is no carrier exception; "free stock" and "9 free" no offer.
        ("With the exception of the pillow, we can't find anything", K.ORDER_STATUS),
        ("Cook Set has 9 free", K.DISCOUNT),
        ("Bivvy Bag shows 6 free stock", K.DISCOUNT),
        # A gift is no count.
        ("You get 2 free Pillows with the Trail Tent", K.QUANTITY),
        # Pending QC of an order, in an answer about no return, is no return state.
        ("ORD-7031 is pending QC at the DC before it ships", K.RETURN_STATUS),
        # Retrying the system, and a carrier's next try, are no hand-off.
        ("Sorry, our order system is down. Please try again later.", K.DEFLECTION),
        ("The driver will try again tomorrow with ORD-7032", K.DEFLECTION),
        # Card details kept from the agent are no one else's record.
        ("I can't see card details for security, sorry", K.REFUSAL),
    ],
)  # fmt: skip
def test_agent_look_alikes_stay_unread(text: str, kind: ClaimKind) -> None:
    if kind is K.DEFLECTION and "system is down" in text:
        # The outage is a blindness; only the hand-off is absent.
        assert ("contact_support", None) not in got(text, kind)
        return
    assert got(text, kind) == []
