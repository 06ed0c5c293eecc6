"""Non-answers read by mechanism, fifth session (issues 16, 23).

The mechanisms were found on `fixtures/claims/dev5/handoffs5*.jsonl` and on the blind misses of
dev3/dev4 (`fixtures/claims/dev5/handoffs5.md`); the sentences below are written for this test
and are in none of the fixtures, so each asserts a mechanism (a class, a scope, a structure),
not a sentence. Each mechanism has look-alikes that must stay unread."""

from __future__ import annotations

import re

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract
from auditor._claims._lexicon import ASKING_AROUND, RELATIONS, forms

ITEMS = {
    "LP-0001": "Floor Lamp",
    "LP-0002": "Floor Lamp Tall",
    "SK-0010": "Ski Jacket Red",
    "SK-0011": "Ski Jacket Blue",
    "KN-0005": "Paring Knife",
}


def read(text: str, kind: ClaimKind) -> list[object]:
    context = ExtractionContext(items=ITEMS)
    return [c.value for c in extract(text, [kind], context)]


def subjects(text: str, kind: ClaimKind) -> list[object]:
    context = ExtractionContext(items=ITEMS)
    return [(c.value, c.subject) for c in extract(text, [kind], context)]


def test_the_new_classes_are_data():
    assert re.fullmatch(forms(*ASKING_AROUND), "chased")
    assert re.fullmatch(forms(*ASKING_AROUND), "having a word with")
    assert re.fullmatch(RELATIONS, "flatmate")


@pytest.mark.parametrize(
    "text",
    [
        # The answer waits on someone asked first: a hand-off.
        "I'll chase the courier about it and get back to you this afternoon.",
        "let me query it w/ dispatch n come back 2 u",
        "I'll speak with the stockroom then give you a ring.",
        "I've messaged the depot and I'll let you know what they say.",
        "Leave it with me, I'm waiting on the warehouse.",
        "I've sent the buying team a quick note about it.",
        "I'll have a quick word with my manager and message you after lunch.",
        "I'll come back to you once I hear from the carrier.",
        # A kind of question sent elsewhere, in routing words or an arrow.
        "Delivery damage claims go through the courier, sorry.",
        "pricing questions → billing",
        "Kindly direct any query about the warranty to the brand.",
        # A call to the customer booked by a team, or a callback flagged.
        "Our aftercare team will give you a call on Thursday.",
        "I've flagged your case for a call back.",
    ],
)
def test_deferrals_and_routing_are_hand_offs(text):
    assert read(text, ClaimKind.DEFLECTION) == ["contact_support"]


@pytest.mark.parametrize(
    "text",
    [
        # A notice of what happens next, an answer, an order going to the warehouse.
        "ORD-58812 is paid and about to be sent to the warehouse for packing.",
        "Your order will be sent to the warehouse tonight and leaves tomorrow.",
        "I'll let you know when they're back on the shelf.",
        "I'll send you an email with the return label.",
        # A condition on the answer failing, after it: a sign-off.
        "ORD-58813 was delivered on Monday. Give us a ring if it hasn't turned up.",
        "RMA-30881 is refunded. If not showing by Friday, message us.",
    ],
)
def test_notices_and_sign_offs_are_not_hand_offs(text):
    assert "contact_support" not in read(text, ClaimKind.DEFLECTION)


@pytest.mark.parametrize(
    "text",
    [
        "The order screen is crawling, I can't get anything out of it.",
        "Sorry, the till is having one of its funny moments.",
        "I can't open the stock system this morning.",
        "That side of the account is locked to me.",
        "The carrier won't share their scan times with us.",
        "I honestly can't tell which parcel went first.",
    ],
)
def test_blindness_in_other_words(text):
    assert read(text, ClaimKind.DEFLECTION) == ["cannot_check"]


@pytest.mark.parametrize(
    "text",
    [
        # Somebody else's inability is what happened to the parcel.
        "The driver couldn't get into your block, so it's back at the depot.",
        "Our courier tried twice but was unable to reach the door.",
        # Not seeing something happen is the answer that it has not.
        "I can't see a refund going through for RMA-30882 yet.",
        "There's none of the Paring Knife left and I can't see any more coming in.",
        "ORD-58817 has shipped and I can't see any issues with it.",
    ],
)
def test_evidence_of_absence_and_third_parties_are_not_blindness(text):
    assert "cannot_check" not in read(text, ClaimKind.DEFLECTION)


@pytest.mark.parametrize(
    "text",
    [
        "Could you confirm the first line of your billing address?",
        "We'll need verification of the billing postcode first.",
        "wats ur postcode?",
        "what's the last 4 of the card please",
    ],
)
def test_identity_checks_in_other_grammar_are_sign_in_requests(text):
    assert read(text, ClaimKind.DEFLECTION) == ["sign_in"]


@pytest.mark.parametrize(
    "text",
    [
        "RMA-30883 was logged on 2 December and is waiting for inspection.",
        "Your return got logged in at our hub on Friday.",
        "Orders placed from a work login use a separate basket.",
        "I can see everything under your own login, and ORD-58814 has shipped.",
    ],
)
def test_logging_a_record_and_a_login_noun_ask_nobody_to_sign_in(text):
    assert "sign_in" not in read(text, ClaimKind.DEFLECTION)


@pytest.mark.parametrize(
    "text",
    [
        "Sorry, I'm not able to talk about your flatmate's order.",
        "I can't give details to anyone but the account holder.",
        "We couldn't find ORD-58815 under the email linked to your account.",
    ],
)
def test_other_peoples_records_are_refused(text):
    assert read(text, ClaimKind.REFUSAL) == ["privacy"]


def test_orders_in_general_unseen_are_blindness_not_a_refusal():
    text = "I'm the delivery bot, so I can't see returns."
    assert read(text, ClaimKind.REFUSAL) == []
    assert read(text, ClaimKind.DEFLECTION) == ["cannot_check"]


def test_the_owner_sent_to_the_shop_is_part_of_the_refusal():
    text = "I can't discuss your husband's order, sorry. He'd need to call us himself."
    assert read(text, ClaimKind.REFUSAL) == ["privacy"]
    assert read(text, ClaimKind.DEFLECTION) == []
    after = "I can't share orders placed by other customers, you'd need to ask whoever placed it."
    assert read(after, ClaimKind.DEFLECTION) == []


def test_a_relatives_order_answered_is_not_refused():
    assert read("Your mum's order ORD-58816 has shipped.", ClaimKind.REFUSAL) == []


def test_a_non_answer_is_about_what_follows_it():
    text = "The Floor Lamp is in stock, but I can't check stock for the Paring Knife right now."
    assert subjects(text, ClaimKind.DEFLECTION) == [("cannot_check", "KN-0005")]


@pytest.mark.parametrize(
    "text",
    [
        "ord no. pls",
        "Just need the order number off your receipt email and I'll look.",
        "I'll need one thing:\n\n- Your **order number**",
        "ski jacket red or blue?",
    ],
)
def test_questions_back_in_other_forms_are_clarifications(text):
    assert read(text, ClaimKind.CLARIFICATION) == ["which_one"]


@pytest.mark.parametrize(
    "text",
    [
        "I can't tell which parcel went first.",
        "Please email your order number to our returns team.",
        "refund or exchange?",
    ],
)
def test_look_alikes_of_questions_back_stay_unread(text):
    assert read(text, ClaimKind.CLARIFICATION) == []
