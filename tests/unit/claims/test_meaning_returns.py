"""Return and refund states read from the events that tell them (issue 16 item 1): the parcel
came back, being assessed, given the go-ahead, knocked back, the money on its way back, and
the amount told beside the refund. Written in the style of the corpus's dev part."""

from __future__ import annotations

import pytest

from auditor._claims import ClaimKind, extract


def read(text: str, kind: ClaimKind) -> list[tuple[object, str | None]]:
    return [(c.value, c.subject) for c in extract(text, [kind])]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("RMA-55501 is waiting on a decision from the returns team.", "requested"),
        ("Return req for RMA-55501 logged, waiting for someone to approve it", "requested"),
        ("Your return RMA-55501 has been given the green light.", "approved"),
        ("We've okayed your return, RMA-55501.", "approved"),
        ("RMA-55501 cleared for return", "approved"),
        ("RMA-55501 made it back to us and is being inspected.", "received"),
        ("Your return RMA-55501 is with our returns team now.", "received"),
        ("We've had the kettle back, RMA-55501, and it's being tested.", "received"),
        ("RMA-55501 got knocked back as it was outside the window.", "rejected"),
        ("We can't accept the return RMA-55501, the seal was broken.", "rejected"),
        ("RMA-55501 is all done, refunded and closed.", "refunded"),
    ],
)
def test_return_states_by_event(text, value):
    assert read(text, ClaimKind.RETURN_STATUS) == [(value, "RMA-55501")]


def test_the_latest_stage_anywhere_in_the_answer_is_the_returns_status():
    text = "RMA-55501:\n1. Came back to us on Monday\n2. Your return is now fully refunded"
    assert read(text, ClaimKind.RETURN_STATUS) == [("refunded", "RMA-55501")]


@pytest.mark.parametrize(
    "text",
    [
        "RMA-55501's refund has been approved but not paid out yet.",
        "Your refund for ORD-12345 has been declined.",
    ],
)
def test_a_refund_decision_is_not_the_returns_status(text):
    assert read(text, ClaimKind.RETURN_STATUS) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The money's on its way back to your card.", "issued"),
        ("Your refund's gone through.", "issued"),
        ("ur refund went thru this am", "issued"),
        ("We've put the £40 back on your card.", "issued"),
        ("£27.00 went back to your account this morning.", "issued"),
        ("Your refund's all sorted.", "issued"),
        ("The refund may have been issued already.", "issued"),
        ("Your refund's being processed.", "pending"),
        ("The refund for ORD-12345 is still going through.", "pending"),
        ("refund for RMA-55501 approved, not paid yet", "pending"),
        ("Your refund was £7.99 and it's still pending.", "pending"),
        ("The £16 will go back to you once we have it.", "pending"),
        ("There won't be a refund on this one, it's outside the window.", "none"),
        ("Your refund's been turned down, the item was used.", "none"),
        ("We won't be able to refund the mat as it's been used.", "none"),
    ],
)
def test_refund_states_by_event(text, value):
    assert [v for v, _ in read(text, ClaimKind.REFUND)] == [value]


def test_a_pronoun_still_pending_is_a_refund_only_beside_one():
    text = "ORD-12345 hasn't been cancelled, it's still being processed."
    assert read(text, ClaimKind.REFUND) == []


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Your refund's gone through, £15.00, you'll see it in a day or two.", "15.00"),
        ("Your refund's been paid. It was £12.00.", "12.00"),
        ("The money is on its way back to your card. That was £45.00.", "45.00"),
        ("£27.00 went back this morning.", "27.00"),
        ("refund sent, $22.00", "22.00"),
    ],
)
def test_the_amount_beside_a_refund_is_its_amount(text, amount):
    assert [v for v, _ in read(text, ClaimKind.REFUND_AMOUNT)] == [amount]


@pytest.mark.parametrize(
    "text",
    [
        "Your refund has been issued. The new kettle costs £30.",
        "Your order has shipped. It was £12.00 with postage.",
    ],
)
def test_a_price_beside_a_refund_is_not_its_amount(text):
    assert read(text, ClaimKind.REFUND_AMOUNT) == []
