"""Orders, deliveries, returns and refunds read by meaning (issues 16, 23, 24), one test per
mechanism, on sentences written for these tests (not taken from any corpus or dev2 file):
activity lemmas, chat spellings of "with", "payment" and "delivered", a carrier's depot, a
promise not kept, a plan after a condition, parts told in one sentence, "not shipped", the
weekend and "24h", a logged return, a pronoun standing for the refund, refusals of a refund."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract
from auditor._claims._lexicon import ing, past

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)  # a Monday
CONTEXT = ExtractionContext(now=NOW)


def read(text: str, kind: ClaimKind) -> list[tuple[object, str | None]]:
    return [(c.value, c.subject) for c in extract(text, [kind], CONTEXT)]


def test_lemmas_spell_doubled_and_phrasal_forms():
    assert past("log", "submit") == "(?:submitted|logged)"
    assert ing("box up", "prep") == "(?:boxing up|prepping)"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Being made ready, by any verb of the class, or curtly with a word of now.
        ("ORD-55501 is being wrapped up by the team.", "processing"),
        ("ORD-55501's getting boxed up this morning.", "processing"),
        ("ORD-55501 prepping rn", "processing"),
        ("ORD-55501 queued for picking", "processing"),
        ("ORD-55501 is in the dispatch queue.", "processing"),
        ("We've got your order ORD-55501; it's waiting to be processed.", "pending"),
        # Held for the payment, in chat spelling.
        ("ORD-55501 on hold til pymt clears", "pending"),
        # Gone with the carrier: handed off, went off with, "w/".
        ("ORD-55501 was handed off to DHL at noon.", "shipped"),
        ("ORD-55501 went out with Evri on Thursday.", "shipped"),
        ("ORD-55501 now w/ dpd", "shipped"),
        ("ORD-55501 is sitting at the local sorting office.", "shipped"),
        ("ORD-55501 has been held at the courier's depot since Friday.", "shipped"),
        # Arrived, in chat shorthand or through the door.
        ("ORD-55501 dlvrd 10:14", "delivered"),
        ("The postie pushed ORD-55501 through your letterbox this morning.", "delivered"),
        ("ORD-55501 got collected by UPS an hour ago.", "shipped"),
        ("ORD-55501 is at the sorting centre in Leeds.", "shipped"),
        ("ORD-55501 is waiting at the parcel locker for you.", "shipped"),
        ("ORD-55501's on the courier's van now.", "shipped"),
        ("Royal Mail have got ORD-55501 now.", "shipped"),
        ("ORD-55501 is making its way to you.", "shipped"),
        ("ORD-55501 went off on the morning lorry.", "shipped"),
        ("ORD-55501 posted sat", "shipped"),
        ("ORD-55501: 2/3 boxes shipped", "partially_shipped"),
        ("Three of the four items from ORD-55501 were sent on Friday.", "partially_shipped"),
        ("ORD-55501 still sitting in warehouse", "processing"),
        ("ORD-55501 canc'd as requested", "cancelled"),
        ("The driver left ORD-55501 behind your side gate.", "delivered"),
        ("ORD-55501 awaiting pymt", "pending"),
        ("We're holding ORD-55501 until the payment is authorised.", "pending"),
        ("ORD-55501 not posted yet", "not_shipped"),
        # Not shipped, alone: its own value.
        ("ORD-55501 hasn't been sent out yet.", "not_shipped"),
        ("ORD-55501 has not left the warehouse.", "not_shipped"),
    ],
)
def test_order_states_by_activity_place_and_shorthand(text, value):
    assert read(text, ClaimKind.ORDER_STATUS) == [(value, "ORD-55501")]


@pytest.mark.parametrize(
    "text",
    [
        "ORD-55501 should have arrived on Friday, I'm sorry.",  # a promise not kept
        "ORD-55501 was supposed to be delivered last week.",
        "ORD-55501 should turn up on Wednesday.",  # to come, not there
        "Once the payment clears, ORD-55501 will ship the same day.",  # a plan after a condition
        "We've had the blenders come back in, 20 of them arrived today.",  # stock, not an order
        "Use the tracking link to follow your parcel, ORD-55501.",  # no part to follow
        "I've asked the courier about ORD-55501 and will follow up by email.",
    ],
)
def test_no_order_state_where_none_is_said(text):
    assert [v for v, _ in read(text, ClaimKind.ORDER_STATUS) if v != "shipped"] == []
    assert ("delivered", "ORD-55501") not in read(text, ClaimKind.ORDER_STATUS)


def test_a_part_delivered_and_a_part_in_transit_in_one_sentence_is_shipped_without_its_date():
    text = "The lamp from ORD-55501 was delivered on 3 December, but the shade is still in transit."
    assert read(text, ClaimKind.ORDER_STATUS) == [("shipped", "ORD-55501")]
    assert read(text, ClaimKind.DELIVERY_DATE) == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("ORD-55501 is due with you by the weekend.", "2026-12-13"),
        ("ORD-55501 should land within the next 48h.", "2026-12-09"),
        ("ORD-55501 late, sorry. revised ETA thurs", "2026-12-10"),
        ("ORD-55501 was posted through your letterbox on Saturday.", "2026-12-05"),
        ("ORD-55501 should be with you within a day or two.", "2026-12-09"),
        ("You'll get ORD-55501 on Friday.", "2026-12-11"),
        ("ORD-55501 got to you on 4 December.", "2026-12-04"),
        ("ORD-55501 dlvrd sat", "2026-12-05"),
        ("ORD-55501 is coming to you on Thursday.", "2026-12-10"),
        ("ORD-55501 left yesterday so you should have it by fri", "2026-12-11"),
        ("you should recieve ORD-55501 tommorow", "2026-12-08"),
        ("the driver will drop ORD-55501 off on Wednesday", "2026-12-09"),
    ],
)
def test_delivery_dates_of_the_weekend_hours_new_etas_and_the_letterbox(text, day):
    assert read(text, ClaimKind.DELIVERY_DATE) == [(day, "ORD-55501")]


@pytest.mark.parametrize(
    "text",
    [
        "We've got more of the lamps coming on Friday.",  # the shop's stock, not a parcel
        "The lamp is coming back on the 14th.",
    ],
)
def test_stock_coming_in_is_no_delivery_date(text):
    assert read(text, ClaimKind.DELIVERY_DATE) == []


def test_a_future_misspelt_delivery_is_no_status():
    assert read("ORD-55501 will be deliverd tomorrow", ClaimKind.ORDER_STATUS) == []


@pytest.mark.parametrize(
    "text",
    [
        "ORD-55501 was meant to reach you on Thursday; it's still with the carrier.",
        "ORD-55501 was due on the 3rd and hasn't come.",
        "ORD-55501 missed its delivery date of 2 December.",
        "The original ETA for ORD-55501 (4 Dec) has passed.",
    ],
)
def test_a_promised_date_said_to_have_passed_is_no_delivery_date(text):
    assert read(text, ClaimKind.DELIVERY_DATE) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I've submitted RMA-88001 for you; the team will review it.", "requested"),
        ("We've logged your return RMA-88001.", "requested"),
        ("RMA-88001 now back w/ us", "received"),
    ],
)
def test_return_states_logged_by_id_and_back_with_us(text, value):
    assert read(text, ClaimKind.RETURN_STATUS) == [(value, "RMA-88001")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("We're glad to take RMA-88001 back, the label is attached.", "approved"),
        ("RMA-88001 made it to our returns hub this morning.", "received"),
        ("RMA-88001 rcvd", "received"),
        ("RMA-88001 is with our team for approval.", "requested"),
        ("We had to say no to RMA-88001 as the tags were removed.", "rejected"),
        ("I've set up a return for you: RMA-88001.", "requested"),
        ("RMA-88001 is awaiting a decision from the returns team.", "requested"),
    ],
)
def test_return_states_in_other_words(text, value):
    assert read(text, ClaimKind.RETURN_STATUS) == [(value, "RMA-88001")]


def test_partly_delivered_says_nothing_of_the_rest_and_its_parts_decide():
    assert read("ORD-55501 has been partly delivered.", ClaimKind.ORDER_STATUS) == []
    text = "ORD-55501 is partly delivered:\n- Box 1: delivered\n- Box 2: still on the way"
    assert read(text, ClaimKind.ORDER_STATUS) == [("shipped", "ORD-55501")]


def test_every_part_delivered_makes_the_order_delivered_whatever_it_was_sent_as():
    text = "ORD-55501 went in two boxes.\n- Box 1: delivered\n- Box 2: delivered"
    assert read(text, ClaimKind.ORDER_STATUS) == [("delivered", "ORD-55501")]


def test_a_status_label_after_a_refund_on_its_line_is_no_order_status():
    text = "ORD-55501 — Refund amount: £32.00 — status: processing"
    assert read(text, ClaimKind.ORDER_STATUS) == []
    assert read("ORD-55501 — Status: cancelled, refund issued", ClaimKind.ORDER_STATUS) == [
        ("cancelled", "ORD-55501")
    ]


def test_a_pronoun_standing_for_the_refund_makes_no_return_state():
    text = "The refund on RMA-88001 hasn't been issued yet; it is pending approval from finance."
    assert read(text, ClaimKind.RETURN_STATUS) == []
    assert read(text, ClaimKind.REFUND) == [("pending", "RMA-88001")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("We're not able to provide a refund on RMA-88001, I'm afraid.", "none"),
        ("RMA-88001 isn't due a refund as it was a clearance item.", "none"),
        ("RMA-88001 wasnt eligible for refund", "none"),
        ("The refund for RMA-88001 is currently processing.", "pending"),
        ("RMA-88001 won't qualify for a refund, sorry.", "none"),
        ("refund for RMA-88001 on its way", "issued"),
        ("Refund for RMA-88001: €9.00 (paid)", "issued"),
        ("When RMA-88001 is back with us, we'll put the refund through.", "pending"),
        ("We'll give you a full refund for RMA-88001.", "pending"),
        ("You should get €9.40 back for RMA-88001 within the week.", "pending"),
        ("We've paid £6 back to you for RMA-88001.", "issued"),
    ],
)
def test_refund_states_refused_and_still_processing(text, value):
    assert read(text, ClaimKind.REFUND) == [(value, "RMA-88001")]


def test_an_amount_the_customer_will_see_after_a_refund_sentence_is_the_refund_amount():
    text = "RMA-88001 has been credited back to your card. You'll see €23.10 within a few days."
    assert read(text, ClaimKind.REFUND_AMOUNT) == [("23.10", "RMA-88001")]


def test_a_table_row_lends_its_label_cell_to_its_value():
    text = "Your return:\n\n| | |\n|---|---|\n| Return | RMA-88001 |\n| Status | Refunded |\n"
    text += "| Amount | €12.00 |"
    assert read(text, ClaimKind.RETURN_STATUS) == [("refunded", "RMA-88001")]
    assert read(text, ClaimKind.REFUND) == []  # the return's state, said in its own row
    assert read(text, ClaimKind.REFUND_AMOUNT) == [("12.00", "RMA-88001")]
