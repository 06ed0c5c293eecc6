"""Deflections, refusals and clarifications read by family (issues 16, 17, 23): each family is
built from the lexicon's classes (who reaches the customer, how, what is handed on to whom), so
these sentences — written for this test, in none of the fixtures — are read by the family, not
by a phrase written for them. Each family has its look-alikes that must stay unread."""

from __future__ import annotations

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract
from auditor._claims._lexicon import CONTACTING, HANDING_ON, forms


def read(text: str, kind: ClaimKind) -> list[object]:
    return [c.value for c in extract(text, [kind])]


def test_the_classes_are_data_that_inflect():
    assert "rang" in forms("ring") and "written to" in forms("write to")
    assert {"contact", "txt", "get back to"} <= set(CONTACTING)
    assert {"pass", "log", "escalate"} <= set(HANDING_ON)


@pytest.mark.parametrize(
    "text",
    [
        # Someone else will reach the customer, by any channel, in any spelling.
        "An advisor from our payments area will phone you this afternoon.",
        "they'll ring you back once they've had a look",
        "theyll txt u in a bit",
        "one of them will email you before Friday.",
        "A colleague is going to drop you a line about it later today.",
        # Handed on, with any verb of the class and any team.
        "I've bounced this over to the payments team.",
        "sent ur msg on to dispatch",
        "I've reported it to my supervisor and they'll pick it up.",
        "That's gone over to the exchanges desk now.",
        "I've asked the returns lot to write to you directly.",
        # Sent elsewhere: imperatives, numbers, branches, teams.
        "Please phone the helpline on 0300 123 4567.",
        "Feel free to message our social team on Instagram.",
        "You'll need the warranty team for that one.",
        "Head down to your nearest store and they can look at it.",
        "case logged for you, the team will message",
        "I've lodged your query with the exchanges desk.",
        "Your question has been submitted to our payments team for review.",
        "I'll have a colleague from the stock room call you back.",
        "that one's a job for the billing team",
        "hold on while I fetch one of our specialists",
        "I'll give you their email, they handle all the warranty stuff.",
        "You're better off phoning the branch.",
    ],
)
def test_hand_offs_are_contact_support(text):
    assert read(text, ClaimKind.DEFLECTION) == ["contact_support"]


@pytest.mark.parametrize(
    "text",
    [
        # A notice after an answer, not a hand-off instead of one.
        "ORD-12345 was delivered on Tuesday. Our finance team will email you the invoice.",
        # Delivery facts about couriers and dates are not phone numbers or hand-offs.
        "ORD-12345 arrives on 2026-12-10.",
        "The driver will text you a one-hour slot on the day.",
        # Instructions to the customer that send them nowhere.
        "If it hasn't come, please check with your neighbours first.",
        "ORD-12345 shipped yesterday. Any probs, give us a shout.",
        "Your refund for RMA-1001 has been issued.",
        # A check that failed on the order is what happened to it.
        "ORD-12345 was cancelled: we couldn't verify the payment card.",
    ],
)
def test_look_alikes_of_hand_offs_are_not_deflections(text):
    assert read(text, ClaimKind.DEFLECTION) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I don't really have sight of the carrier's system.", "cannot_check"),
        ("We don't have live stock figures in this chat.", "cannot_check"),
        ("the order screen keeps timing out on me", "cannot_check"),
        ("I can't get the refunds page to load at all.", "cannot_check"),
        ("Could you tell me your date of birth so I know it's you?", "sign_in"),
        ("need to confirm ur identity first", "sign_in"),
        ("idk tbh", "other"),
        ("That sits outside the scope of this chat, I'm afraid.", "other"),
        ("I'm only set up to answer questions about deliveries.", "other"),
        ("I do apologise for the hassle earlier.", "other"),
        ("🙏 Sorry for the mix up! 😊 Happy to help with anything you need.", "other"),
        ("I haven't got access to the payments side of things.", "cannot_check"),
        ("Stock levels aren't visible to me here.", "cannot_check"),
        ("the tracking lookup isn't returning anything at the moment", "cannot_check"),
        ("Could you give me the full name on the account first?", "sign_in"),
        ("Whoops! Not sure, sorry.", "other"),
        ("That's really out of my hands, I'm afraid.", "other"),
    ],
)
def test_non_answers_by_family(text, value):
    assert read(text, ClaimKind.DEFLECTION) == [value]


def test_a_stated_limit_is_the_reason_of_a_more_specific_non_answer():
    alone = "I can only answer in one short sentence here."
    assert read(alone, ClaimKind.DEFLECTION) == ["other"]
    with_reason = "I can only help with online orders, so please ring the store for that."
    assert read(with_reason, ClaimKind.DEFLECTION) == ["contact_support"]
    # "I can't help with X" is a non-answer of its own, beside the hand-off.
    both = "That's outside what I can help with — please speak to one of our agents."
    assert sorted(map(str, read(both, ClaimKind.DEFLECTION))) == ["contact_support", "other"]


def test_a_partial_answer_stays_read_beside_its_hand_off():
    text = "ORD-20417 was dispatched on Monday, but for the refund you'll need the accounts team."
    claims = {(c.kind, c.value) for c in extract(text)}
    assert (ClaimKind.ORDER_STATUS, "shipped") in claims
    assert (ClaimKind.DEFLECTION, "contact_support") in claims


def test_escalating_a_late_order_is_escalation_not_deflection():
    late = "ORD-20500 is running late, sorry. I've passed it to our delivery team to chase."
    assert read(late, ClaimKind.DEFLECTION) == []
    assert "escalated" in read(late, ClaimKind.DELAY)
    # A ticket about an order nobody says is late is still a hand-off.
    on_time = "I've raised a ticket for ORD-20501 and one of the team will be in touch."
    assert read(on_time, ClaimKind.DEFLECTION) == ["contact_support"]


@pytest.mark.parametrize(
    "text",
    [
        "I can't discuss a different customer's return, sorry.",
        "someone elses order so I cant share it",
        "Data protection reasons, so I can't say anything about that order.",
        "I can only go through orders that were placed under your own login.",
    ],
)
def test_privacy_refusals_by_family(text):
    assert read(text, ClaimKind.REFUSAL) == ["privacy"]


def test_ownership_of_a_login_is_a_refusal_not_a_sign_in_request():
    text = "ORD-20999 isn't under your login, so I can't go into it."
    assert read(text, ClaimKind.REFUSAL) == ["privacy"]
    assert "sign_in" not in read(text, ClaimKind.DEFLECTION)


def test_an_ai_disclaimer_is_the_reason_of_what_it_cannot_do():
    text = "As an AI, I can't access order systems."
    assert read(text, ClaimKind.DEFLECTION) == ["cannot_check"]


def test_security_reasons_in_a_sign_in_request_are_not_a_refusal():
    text = "Security reasons, sorry — please log in and I'll check."
    assert read(text, ClaimKind.REFUSAL) == []
    assert read(text, ClaimKind.DEFLECTION) == ["sign_in"]


@pytest.mark.parametrize(
    "text",
    [
        "which return do u mean",
        "u mean the grey one?",
        "Was that the parcel from Monday or the other one?",
        "Is it about your order or your return?",
        "Could you drop me the **order number**?",
        "return no. please?",
        "Can I check whether you mean the grey one or the blue one?",
    ],
)
def test_clarification_questions_by_family(text):
    assert read(text, ClaimKind.CLARIFICATION) == ["which_one"]


@pytest.mark.parametrize(
    "text",
    [
        "Would you like a refund or an exchange?",
        "Lost your order number? It's in the confirmation email.",
        "Please email us your order number at help@example.com.",
        "Could you confirm your identity first?",
        "Delivery or collection?",
    ],
)
def test_questions_that_ask_nothing_of_which_record(text):
    assert read(text, ClaimKind.CLARIFICATION) == []


def test_two_choices_are_a_clarification_when_one_is_a_catalogued_name():
    # "hoover" names nothing; "cordless" is the last word of one name: one catalogued choice.
    shop = ExtractionContext(items={"VC-1": "Vacuum Cleaner", "VC-2": "Vacuum Cleaner Cordless"})
    asked = extract("hoover or cordless?", [ClaimKind.CLARIFICATION], context=shop)
    assert [c.value for c in asked] == ["which_one"]
    offer = extract("refund or exchange?", [ClaimKind.CLARIFICATION], context=shop)
    assert offer == []
