"""The agent voice by mechanism (issues 16 and 23), seventh round: delivery days told by the
carrier's booking ("pushed it to Tuesday", "rebooked for Monday", "they've got it for Friday"),
the carrier as the one who brings it ("they'll get it to you", "it'll come Monday"), a copula
that only points at the day ("so it'll be Tuesday the 15th"), where a parcel went; hand-offs of
an agent's shapes (someone's own helpline, "handled by X directly", a desk that will need to
sort it, a note left for a team, a depot asked to call); an agent's stock screen and restock
words; returns and refunds as an agent actions them. Each case states its claim; the sentences
were written for these tests (not taken from the corpus nor from fixtures/claims/dev3–dev7),
with look-alikes that must stay unread. `now` is Wednesday 2 December 2026."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract

SHOP = ExtractionContext(
    now=datetime(2026, 12, 2, 10, 0, tzinfo=UTC),
    items={
        "RD-0801": "Radiator",
        "RD-0802": "Radiator Slim",
        "DH-0810": "Dehumidifier",
        "KB-0820": "Kettle Base",
        "JG-0830": "Juicer",
        "MW-0840": "Microwave 800W",
    },
)
K = ClaimKind


def got(text: str, kind: ClaimKind) -> list[tuple[object, object]]:
    return sorted(((c.value, c.subject) for c in extract(text, [kind], SHOP)), key=repr)


@pytest.mark.parametrize(
    ("text", "kind", "want"),
    [
        # The carrier moving the day: the new day is the delivery date.
        ("Yodel have pushed ORD-8001 back to Friday, sorry", K.DELIVERY_DATE,
         [("2026-12-04", "ORD-8001")]),
        ("ORD-8002 missed its slot and has been rebooked for Monday", K.DELIVERY_DATE,
         [("2026-12-07", "ORD-8002")]),
        ("ORD-8003 is at their hub and they've got it for Saturday now", K.DELIVERY_DATE,
         [("2026-12-05", "ORD-8003")]),
        ("ORD-8004 left us this morning, it's a 2 day service so you're looking at Friday",
         K.DELIVERY_DATE, [("2026-12-04", "ORD-8004")]),
        # The carrier as the one who brings it.
        ("ORD-8005 is with DPD and they'll get it to you on Thursday", K.DELIVERY_DATE,
         [("2026-12-03", "ORD-8005")]),
        ("ORD-8006 will come Friday with the Parcelforce van", K.DELIVERY_DATE,
         [("2026-12-04", "ORD-8006")]),
        # A copula that only points at the day, going on from a delivery clause.
        ("Our own vans deliver to you on Mondays, so it'll be Monday the 7th for ORD-8007",
         K.DELIVERY_DATE, [("2026-12-07", "ORD-8007")]),
        # Where a parcel went: delivered there, that day.
        ("ORD-8008 went to your neighbour yesterday at 3pm", K.ORDER_STATUS,
         [("delivered", "ORD-8008")]),
        ("ORD-8008 went to your neighbour yesterday at 3pm", K.DELIVERY_DATE,
         [("2026-12-01", "ORD-8008")]),
        ("ORD-8009 was handed to your neighbour on the 1st", K.DELIVERY_DATE,
         [("2026-12-01", "ORD-8009")]),
        ("ORD-8010: POD is showing, signed by 'R KHAN'", K.ORDER_STATUS,
         [("delivered", "ORD-8010")]),
        # Dates as an agent types them: dotted without a year, and a dotted date after "eta"
        # (not the hour 4 closing a sentence).
        ("ORD-8015 - delivered 30.11.", K.DELIVERY_DATE, [("2026-11-30", "ORD-8015")]),
        ("ORD-8016, eta 04.12.2026", K.DELIVERY_DATE, [("2026-12-04", "ORD-8016")]),
        # Under way is not delivered: on the van.
        ("ORD-8011 is being delivered today", K.ORDER_STATUS, []),
        ("ORD-8011 is being delivered today", K.DELIVERY_DATE, [("2026-12-02", "ORD-8011")]),
        # The order and its lines: one line cancelled is not the order cancelled.
        ("We've cancelled that line on ORD-8012 as it's out of stock", K.ORDER_STATUS, []),
        ("the first attempt on ORD-8013 failed as nobody was in", K.ORDER_STATUS,
         [("shipped", "ORD-8013")]),
        ("ORD-8014 is boxed and still waiting to be collected", K.ORDER_STATUS,
         [("processing", "ORD-8014")]),
        # Hand-offs of an agent's shapes.
        ("the finance plan is handled by PayPal directly", K.DEFLECTION,
         [("contact_support", None)]),
        ("that's a fault on the unit, Dyson have their own helpline for those", K.DEFLECTION,
         [("contact_support", None)]),
        ("it's a marketplace order so the seller will need to sort that one", K.DEFLECTION,
         [("contact_support", None)]),
        ("my screen's frozen so I can't see your order, the orders team can call you back",
         K.DEFLECTION, [("cannot_check", None), ("contact_support", None)]),
        ("I've asked the depot to ring you about a new slot", K.DEFLECTION,
         [("contact_support", None)]),
        ("I've left a note for the returns team and they'll pick it up in the morning",
         K.DEFLECTION, [("contact_support", None)]),
        ("I'll get this over to the warehouse and someone there will reply", K.DEFLECTION,
         [("contact_support", None)]),
        ("I'd suggest giving the manufacturer a call about the warranty", K.DEFLECTION,
         [("contact_support", None)]),
        ("I've logged a complaint for you and customer relations will be in touch", K.DEFLECTION,
         [("contact_support", None)]),
        ("sorry, that isn't something I'm able to help with", K.DEFLECTION, [("other", None)]),
        ("I don't deal with refunds, I'm on the sales desk", K.DEFLECTION, [("other", None)]),
        ("the courier's notes aren't something I can see from here", K.DEFLECTION,
         [("cannot_check", None)]),
        ("our order history doesn't go back that far", K.DEFLECTION, [("cannot_check", None)]),
        ("I haven't got the tools to check card payments", K.DEFLECTION,
         [("cannot_check", None)]),
        ("the tracking page won't show me where ORD-8017 is", K.DEFLECTION,
         [("cannot_check", "ORD-8017")]),
        ("I've lost connection to the stock system, bear with me", K.DEFLECTION,
         [("cannot_check", None)]),
        ("the billing team are better placed to answer that, I've sent them your details",
         K.DEFLECTION, [("contact_support", None)]),
        # Stock as an agent reads it.
        ("the Dehumidifier is down to 2 on my screen", K.QUANTITY, [(2, "DH-0810")]),
        ("the Dehumidifier is down to 2 on my screen", K.AVAILABILITY,
         [("low_stock", "DH-0810")]),
        ("Juicer x 12 at Leeds", K.QUANTITY, [(12, "JG-0830")]),
        ("I can see around 30 of the Juicer in stock", K.QUANTITY, []),
        ("the Radiator Slim is out of stock online but the Bristol store has them",
         K.AVAILABILITY, [("in_stock", "RD-0802")]),
        ("ORD-8020 hasn't gone yet, it's waiting on the Microwave 800W to come in",
         K.AVAILABILITY, [("backorder", "MW-0840")]),
        ("the Kettle Base on your order is held up at the supplier", K.AVAILABILITY,
         [("backorder", "KB-0820")]),
        ("we have none of the Juicer, the next delivery from the supplier is the 9th",
         K.DELIVERY_DATE, []),
        # Returns and refunds as an agent actions them.
        ("I've resent the returns label for RMA-8030 to your email", K.RETURN_STATUS,
         [("approved", "RMA-8030")]),
        ("I've booked a courier to collect the Juicer for RMA-8031 on Friday", K.RETURN_STATUS,
         [("approved", "RMA-8031")]),
        ("DPD scanned RMA-8032 into our returns centre on Monday", K.RETURN_STATUS,
         [("received", "RMA-8032")]),
        ("I've raised a refund for the Radiator on ORD-8033", K.REFUND,
         [("pending", "ORD-8033")]),
    ],
)  # fmt: skip
def test_agent_family_reads(text: str, kind: ClaimKind, want: list[tuple[object, object]]) -> None:
    assert got(text, kind) == want


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # A courier's collection from the shop is a dispatch day, not a delivery day.
        ("ORD-8040 wasn't collected yesterday, so it's rebooked collection for Friday",
         K.DELIVERY_DATE),
        # A refund not raised is no state of it.
        ("I haven't raised a refund for ORD-8041", K.REFUND),
        # A note on the order, not for a team; a team doing the thing itself after an answer.
        ("ORD-8042 was delivered Monday, the warehouse team will pick up the old one next week",
         K.DEFLECTION),
        # "the kettle x 2 at 5pm" is no stock count.
        ("the Kettle Base x 2 at 5pm", K.QUANTITY),
        # A carrier that can't get in is the parcel's story, not the agent's blindness.
        ("the driver couldn't access your building", K.DEFLECTION),
        # "went to the depot" is on the way: no delivery day.
        ("ORD-8043 went to the depot on Monday", K.DELIVERY_DATE),
    ],
)  # fmt: skip
def test_agent_look_alikes_stay_unread(text: str, kind: ClaimKind) -> None:
    assert got(text, kind) == []
