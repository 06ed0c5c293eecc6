"""Refund states by wording family (issue 16 item 1): done said as "done", "thru", "credited
back", "have processed your refund"; still to come said as "being sorted", "with finance",
"okayed", "hasn't gone out". Sentences written for these tests, not taken from any corpus."""

from __future__ import annotations

import pytest

from auditor._claims import ClaimKind, extract


def refunds(text: str) -> list[object]:
    return [c.value for c in extract(text, [ClaimKind.REFUND])]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Good news: the refund's done.", "issued"),
        ("ur refund went thru this morning", "issued"),
        ("Our payments team have processed your refund.", "issued"),
        ("The cash has been credited back to your card.", "issued"),
        ("We popped £12 back onto your Visa.", "issued"),
        ("Your refund is being dealt with by our accounts team.", "pending"),
        ("The refund is with finance at the moment.", "pending"),
        ("Your refund has been signed off and goes out tomorrow.", "pending"),
        ("refund hasnt gone thru yet", "pending"),
        ("Sorry, gift cards aren't refundable.", "none"),
    ],
)
def test_refund_families(text, value):
    assert refunds(text) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "The return's been ok'd; pop it in the post.",
        "Your return has been signed off, the label is attached.",
    ],
)
def test_a_return_approved_is_not_a_refund(text):
    assert refunds(text) == []


@pytest.mark.parametrize(
    "text", ["refund £40 after testing", "Your refund follows once our team has checked it."]
)
def test_a_refund_due_after_an_event_is_pending(text):
    assert refunds(text) == ["pending"]


@pytest.mark.parametrize(
    "text", ["Your refund will go through on Friday.", "refund processing atm"]
)
def test_a_refund_still_going_through_is_pending(text):
    assert refunds(text) == ["pending"]
