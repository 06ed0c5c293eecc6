"""A language model's wordings read by mechanism (issue 17; llm8).

Found on the hand-judged model audits of seeds 43 to 46 and 49, 50 (`docs/llm.md`): "as of my
last update, I don't have any additional information about the current status of …" is a
stated limit, a deflection, as "I don't have real-time data" already was. The sentences are
written for this test and are in none of the fixtures; each states the claims it makes, and the
mechanism has look-alikes that must stay as they were (more of an item, other colours, a
limit beside an answer).
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
