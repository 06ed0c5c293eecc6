"""Prose hard-wrapped by a mail client or an SMS gateway is read as the line it was written
(`_unwrap`), and lines someone chose to end stay ended.

Sentences written for the test, none taken from the labelled sets.
"""

from __future__ import annotations

import textwrap
from datetime import UTC, datetime

import pytest

from auditor._claims import ExtractionContext, extract
from auditor._claims._unwrap import unwrapped

CONTEXT = ExtractionContext(
    now=datetime(2026, 12, 9, 10, tzinfo=UTC),
    items={
        "LB-0040": "Lantern Battery Pack",
        "TR-0110": "Trail Runner 110",
        "TR-0120": "Trail Runner 120",
        "CS-0007": "Camp Stove",
    },
)


def _read(text: str) -> list[tuple[str, object, object]]:
    return sorted(
        ((c.kind.value, c.value, c.subject) for c in extract(text, context=CONTEXT)), key=str
    )


ANSWERS = [
    "Thanks for waiting, I've had a look and the Camp Stove is out of stock at the moment, "
    "we're expecting more in around the middle of January.",
    "Your order ORD-44120 left our warehouse this morning and should be with you by "
    "Friday, tracking will follow by email.",
    "I'm afraid I can't see anything about an order with that number on your account, "
    "could you double-check it for me?",
    "Good news: the refund for RMA-3310 has gone through and £42.50 should reach your card "
    "within a few working days.",
    "Hiya, sorry for the wait! Your return RMA-3318 has been **refunded** in full and the "
    "money went back to your card yesterday.",
    "I can see ORD-44131 but it belongs to a different account, so I'm not able to give you "
    "any details about it, sorry.",
    "The Lantern Battery Pack is back in stock, 14 of them arrived this morning and they "
    "can go out today.",
    "We have **6** of the **Trail Runner 110** left in the warehouse, but the Trail Runner "
    "120 is **sold out** until the new year.",
]


@pytest.mark.parametrize("answer", ANSWERS)
@pytest.mark.parametrize("width", [44, 50, 60, 72])
def test_a_wrapped_answer_reads_as_the_line_it_was(answer: str, width: int) -> None:
    wrapped = textwrap.fill(answer, width, break_long_words=False, break_on_hyphens=False)
    assert "\n" in wrapped
    assert _read(wrapped) == _read(answer)


def test_the_rewrite_keeps_every_offset() -> None:
    wrapped = "Your parcel is with the courier and should reach\nyou on Thursday afternoon."
    joined = unwrapped(wrapped)
    assert joined == wrapped.replace("\n", " ")
    assert joined is not None and len(joined) == len(wrapped)


@pytest.mark.parametrize(
    "answer",
    [
        # Label lines, list items and short lines are lines someone ended.
        "Status: shipped with the courier yesterday evening\nCarrier: Parcelforce, tracking "
        "to follow",
        "- Trail Runner 110: six left in our warehouse today\n- Trail Runner 120: none left "
        "until the new year",
        "ok\nur order shipped",
        "**ORD-44120**: ✅ Delivered to your porch on **Monday**\n**ORD-44121**: 🚚 Shipped, "
        "due **Thursday**",
        # A line that broke where the next word would have fitted was not filled by a gateway.
        "Here is what I found\nfor your order today: it shipped on Monday morning",
        # A break after a stop, or before a capital after a word that may end a clause.
        "Your order ORD-44120 was delivered to your porch.\nIs there anything else at all?",
        "Order ORD-44120 for the camp stove: shipped yesterday\nOrder ORD-44121 for the "
        "lantern: still packing",
    ],
)
def test_lines_someone_ended_stay_ended(answer: str) -> None:
    assert unwrapped(answer) is None


def test_only_the_wrapped_paragraph_is_joined() -> None:
    answer = (
        "Your refund for RMA-3310 was approved this morning and the money\nis on its way "
        "to you.\n\nStatus: approved\nAmount: £42.50"
    )
    joined = unwrapped(answer)
    assert joined is not None
    assert joined.split("\n\n")[0] == answer.split("\n\n")[0].replace("\n", " ")
    assert joined.split("\n\n")[1] == "Status: approved\nAmount: £42.50"
