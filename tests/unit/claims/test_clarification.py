"""Clarification (`clarification`/`which_one`): the assistant asks which item, order or return
is meant, by "which", by naming candidates, or by asking for the id."""

from __future__ import annotations

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract

SHOP = ExtractionContext(
    items={"KT-0001": "Blue Kettle", "KT-0002": "Blue Kettle Pro", "TS-0101": "Red Toaster"}
)


def asks(text: str) -> bool:
    found = extract(text, [ClaimKind.CLARIFICATION], SHOP)
    assert all(c.value == "which_one" and c.subject is None for c in found)
    return bool(found)


@pytest.mark.parametrize(
    "text",
    [
        "Which kettle are you asking about?",
        "Sorry, which one's this about?",
        "Could you let me know which order you mean? I can see two on your account.",
        "Let me know which return you're referring to.",
        "Do you mean the Blue Kettle or the Blue Kettle Pro?",
        "Is it the Red Toaster or the Blue Kettle you're after?",
        "Did you mean the Blue Kettle Pro?",
        "Please share the RMA number so I can look it up.",
        "Can I have your order number?",
    ],
)
def test_asking_which_is_a_clarification(text):
    assert asks(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Blue Kettle, which is in stock, ships tomorrow.",
        "It's the model which we sell most of.",
        "Would you like a refund or an exchange?",
        "Could you try again in a few minutes, or contact our support team?",
        "Is there anything else I can help with?",
        "The Red Toaster is in stock.",
    ],
)
def test_other_questions_and_relative_which_are_not(text):
    assert not asks(text)
