"""Deflections and privacy refusals by wording family, not by sentence (issue 16 item 1): a
system that cannot answer in any words, hand-offs in any verb, "no idea" idioms, limits an
assistant states instead of answering, and privacy said through whose records these are.
Sentences written for these tests; none is from the corpus or the fresh held-out set."""

from __future__ import annotations

import pytest

from auditor._claims import ClaimKind, extract


def read(text: str, kind: ClaimKind) -> list[object]:
    return [c.value for c in extract(text, [kind])]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # A system that cannot answer.
        ("Our order system is on the blink today, sorry.", "cannot_check"),
        ("the network's acting up so nothing will come through", "cannot_check"),
        ("Sorry, I can't bring your details up at all right now.", "cannot_check"),
        ("As a shopping assistant I don't have live inventory data.", "cannot_check"),
        # Hand-offs in any verb, and pointing elsewhere.
        ("I'm putting you through to our returns desk.", "contact_support"),
        ("Let me fetch a team leader for you.", "contact_support"),
        ("I'll flag this to the warehouse team and they'll sort it.", "contact_support"),
        ("A colleague will text you back within the hour.", "contact_support"),
        ("Give customer services a bell and they'll look into it.", "contact_support"),
        ("You'd need to speak to the bank about that charge.", "contact_support"),
        ("Head down to your local store with the receipt.", "contact_support"),
        # Sign-in in other words.
        ("Please confirm your identity before I go on.", "sign_in"),
        # "I can't answer" as idiom and as a stated limit.
        ("No clue, sorry!", "other"),
        ("I haven't the faintest, I'm afraid.", "other"),
        ("That's really not my department.", "other"),
        ("I can't assist with that one.", "other"),
        ("I can only give general information in this chat.", "other"),
        ("I can't provide a specific product right now.", "other"),
        ("The delivery date for that parcel is not known.", "other"),
    ],
)
def test_deflection_families(text, value):
    assert value in read(text, ClaimKind.DEFLECTION)


@pytest.mark.parametrize(
    "text",
    [
        "Nothing shows up for ORD-12345 under your profile.",
        "ORD-12345 doesnt belong to ur acct",
        "RMA-4410 was opened under a different email, so that's as far as I can go.",
        "GDPR means I can't go through it with you.",
        "Privacy policy won't let me say anything about ORD-12345.",
        "I'm not authorised to disclose that return's details.",
        "Order updates only go to the account holder, I'm afraid.",
        "I'm only able to chat about your own orders here.",
        "that order is on someone else's account, can't help sorry",
    ],
)
def test_privacy_refusal_families(text):
    assert read(text, ClaimKind.REFUSAL) == ["privacy"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # Answers that carry such words but are not non-answers.
        ("Our finance team will email you once the refund is paid out.", ClaimKind.DEFLECTION),
        ("I've logged a return request for the kettle on ORD-12345.", ClaimKind.DEFLECTION),
        ("For security reasons, please verify your identity first.", ClaimKind.REFUSAL),
        ("The Desk Lamp is in stock and ships tomorrow.", ClaimKind.DEFLECTION),
    ],
)
def test_near_misses_are_not_non_answers(text, kind):
    values = read(text, kind)
    assert "privacy" not in values and "contact_support" not in values
    assert "other" not in values and "cannot_check" not in values


@pytest.mark.parametrize(
    "text",
    [
        "My apologies for the mix-up. Happy to assist you further!",
        "Sorry about that. I'll try to give you a better answer next time.",
        "Thanks for your patience. How can I help you today?",
        "Hello there! I'm sorry for the inconvenience this has caused you.",
    ],
)
def test_an_answer_of_filler_alone_is_a_deflection(text):
    assert read(text, ClaimKind.DEFLECTION) == ["other"]


@pytest.mark.parametrize(
    "text",
    [
        "Sorry for the wait! The Desk Lamp is in stock.",
        "Would you like a restock alert?",
        "Happy to help. Which lamp did you mean, the Desk Lamp or the Desk Lamp Mini?",
    ],
)
def test_filler_beside_an_answer_or_a_lone_offer_is_no_deflection(text):
    assert read(text, ClaimKind.DEFLECTION) == []


def test_not_knowing_what_is_going_on_is_a_deflection():
    assert read("Your order's stuck and I'm not sure what happened.", ClaimKind.DEFLECTION) == [
        "other"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Available" said of delivery or of advice is not the item's stock.
        ("The kettle is in stock, but it isn't available for next-day delivery.", ["in_stock"]),
        ("I'm afraid I don't have any suggestions available for that.", []),
        ("There are no alternatives available in that colour.", []),
    ],
)
def test_available_said_of_delivery_or_advice_is_not_stock(text, expected):
    assert read(text, ClaimKind.AVAILABILITY) == expected


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("I'd have to refer you to our billing team.", ClaimKind.DEFLECTION, "contact_support"),
        ("You're better off ringing the store.", ClaimKind.DEFLECTION, "contact_support"),
        ("Please fill in the contact form on our site.", ClaimKind.DEFLECTION, "contact_support"),
        ("We're having technical difficulties today.", ClaimKind.DEFLECTION, "cannot_check"),
        ("That order isn't in your name, so I can't go through it.", ClaimKind.REFUSAL, "privacy"),
        ("I can only discuss it with the person who placed it.", ClaimKind.REFUSAL, "privacy"),
        ("Sorry, that information is confidential.", ClaimKind.REFUSAL, "privacy"),
    ],
)
def test_more_hand_off_and_privacy_families(text, kind, value):
    assert value in read(text, kind)


def test_a_refund_not_in_the_account_yet_is_no_refusal():
    assert read("The refund isn't in your account yet, give it 3 days.", ClaimKind.REFUSAL) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Can I get someone to call you back this afternoon?", "contact_support"),
        ("That needs to go to our returns team.", "contact_support"),
        ("I'd suggest contacting the courier directly.", "contact_support"),
        ("I'm not authorised to approve refunds, sorry.", "other"),
        ("I don't have the permissions to change that.", "cannot_check"),
    ],
)
def test_agent_hand_offs_and_limits(text, value):
    assert read(text, ClaimKind.DEFLECTION) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "The courier will pick it up from your address tomorrow.",
        "We recommend you keep the receipt.",
    ],
)
def test_collections_and_advice_are_no_hand_off(text):
    assert read(text, ClaimKind.DEFLECTION) == []
