"""A language model's wordings read by mechanism (issue 17; llm8).

Found on the hand-judged model audits of seeds 43 to 46 and 49, 50 (`docs/llm.md`): "as of my
last update, I don't have any additional information about the current status of …" is a
stated limit, a deflection, as "I don't have real-time data" already was; "I'll make sure to
have a few more in stock soon" is a restock to come (`backorder`), as "I'll be sure to have
them available soon" was, never in stock now. The sentences are written for this test and are
in none of the fixtures; each states the claims it makes, and each mechanism has look-alikes
that must stay as they were (more of an item, other colours, a limit beside an answer; more in
stock elsewhere now, more details to come, a count beside the promise).
"""

from __future__ import annotations

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract

ITEMS = ExtractionContext(
    items={"SC-0007": "Brass Kitchen Scale", "GR-0042": "Conical Burr Grinder"},
)
KINDS = [ClaimKind.DEFLECTION, ClaimKind.AVAILABILITY]


def read(text: str) -> set[tuple[str, object]]:
    return {(c.kind.value, c.value) for c in extract(text, KINDS, ITEMS)}


@pytest.mark.parametrize(
    "text",
    [
        "Sorry, I don't have any further information about the Brass Kitchen Scale right now.",
        "As of my last check I do not have any more details on GR-0042, apologies.",
        "I don't have additional info regarding the Conical Burr Grinder.",
        "Unfortunately I don't have any new updates on that grinder.",
    ],
)
def test_nothing_more_to_tell_is_a_deflection(text):
    assert read(text) == {("deflection", "cannot_check")}


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # More of the item itself: a stock claim, no stated limit.
        (
            "We don't have any more Brass Kitchen Scales in stock.",
            {("availability", "out_of_stock")},
        ),
        # Other things of the item, not information about it: no stated limit.
        ("We don't have any other colours of the Brass Kitchen Scale.", None),
        # A limit beside an answer: the answer is still read.
        (
            "The Brass Kitchen Scale is in stock; I don't have any further details on it.",
            {("availability", "in_stock"), ("deflection", "cannot_check")},
        ),
    ],
)
def test_look_alikes_stay_as_they_were(text, claims):
    if claims is None:
        assert not {kind for kind, _ in read(text)} & {"deflection"}
    else:
        assert read(text) == claims


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # More to come: a restock, not stock now.
        ("Sorry, we'll have more in stock soon.", {("availability", "backorder")}),
        (
            "The Conical Burr Grinder is empty, but I'll make sure to have a few more in stock"
            " soon!",
            {("availability", "backorder")},
        ),
        ("We'll get some more in stock shortly.", {("availability", "backorder")}),
        ("I will try to have more available soon.", {("availability", "backorder")}),
        ("We will have some more of them available shortly.", {("availability", "backorder")}),
        # Look-alikes: more in stock now, somewhere; more of something else to come.
        ("We have more in stock at our York store.", {("availability", "in_stock")}),
        ("We'll have more details on the Conical Burr Grinder soon.", set()),
    ],
)
def test_more_to_come_is_a_restock_not_stock_now(text, claims):
    assert {c for c in read(text) if c[0] == "availability"} == claims


def test_a_count_beside_more_to_come_is_still_the_answer():
    text = "We have 1 Conical Burr Grinder left, and we'll have more in stock soon."
    found = extract(text, [ClaimKind.AVAILABILITY, ClaimKind.QUANTITY], ITEMS)
    assert {(c.kind.value, c.value) for c in found} == {
        ("availability", "low_stock"),
        ("quantity", 1),
    }
