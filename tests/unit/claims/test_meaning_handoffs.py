"""Hand-offs as deflections and privacy refusals said as ownership (issue 16 item 1), and
sign-in requests that are not privacy refusals. Written in the style of the corpus's dev part."""

from __future__ import annotations

import pytest

from auditor._claims import ClaimKind, extract


def read(text: str, kind: ClaimKind) -> list[object]:
    return [c.value for c in extract(text, [kind])]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Let me pass you over to a colleague in billing.", "contact_support"),
        (
            "I've escalated this to the day team and they'll message you in the morning.",
            "contact_support",
        ),
        ("Someone from our returns team will follow up by email.", "contact_support"),
        ("I'm handing the chat to my supervisor now.", "contact_support"),
        ("Honestly, it's best if you ring us about this one.", "contact_support"),
        ("I've no way of checking that from here, sorry.", "cannot_check"),
        ("The page with your order won't load for me at the moment.", "cannot_check"),
        ("sry can't look it up rn", "cannot_check"),
        ("That's outside what I can help with in this chat.", "other"),
    ],
)
def test_hand_offs_and_non_answers(text, value):
    assert read(text, ClaimKind.DEFLECTION) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "ORD-12345 isn't one of your orders, so I can't go into it.",
        "That order is registered to a different email address, sorry.",
        "It was placed by another customer, so I can't share details.",
        "not ur order so can't discuss",
        "ORD-12345 doesn't appear to be linked to your account.",
        "I can't find that on your account at all.",
    ],
)
def test_privacy_refusals_said_as_ownership(text):
    assert read(text, ClaimKind.REFUSAL) == ["privacy"]


def test_a_sign_in_request_for_security_is_not_a_privacy_refusal():
    text = "Please sign in first: for security I can't look anything up while you're a guest."
    assert read(text, ClaimKind.REFUSAL) == []
    assert "sign_in" in read(text, ClaimKind.DEFLECTION)


def test_a_refusal_is_not_also_a_deflection():
    text = "I can't find ORD-12345 on your account, so I can't help with that one."
    assert read(text, ClaimKind.DEFLECTION) == []
    assert read(text, ClaimKind.REFUSAL) == ["privacy"]
