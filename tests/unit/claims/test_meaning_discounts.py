"""Discounts by wording family (issue 16 item 1): a percentage with a word naming the
discount ("12% welcome discount"), and discounts refused in any words. Sentences written for
these tests, not taken from any corpus."""

from __future__ import annotations

import pytest

from auditor._claims import ClaimKind, extract


def discounts(text: str) -> list[object]:
    return [c.value for c in extract(text, [ClaimKind.DISCOUNT])]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("You'll get a 12% welcome discount on your first order.", "12"),
        ("That's a 10 percent student saving.", "10"),
        ("I've added an 8% goodwill reduction.", "8"),
    ],
)
def test_a_percentage_with_a_named_discount(text, value):
    assert discounts(text) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "I'm afraid we're not able to give you a discount on sale items.",
        "We can't offer any further vouchers on this order.",
        "There are no promo codes running right now.",
        "We're not in a position to extend a discount here.",
    ],
)
def test_a_refused_discount_is_none(text):
    assert discounts(text) == []
