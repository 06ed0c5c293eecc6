"""Non-answers read by mechanism, fourth session (issues 16, 23).

The mechanisms were found on `fixtures/claims/dev4/handoffs4*.jsonl`; the sentences below are
written for this test and are in none of the fixtures, so each asserts a mechanism (a class, a
scope, a structure), not a sentence. Each mechanism has look-alikes that must stay unread."""

from __future__ import annotations

import re

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract
from auditor._claims._lexicon import DESKS, THIRD_PARTY, forms, ing, past

ITEMS = {"KT-0001": "Blue Kettle", "KT-0002": "Blue Kettle Pro", "MX-0100": "Stand Mixer"}


def read(text: str, kind: ClaimKind) -> list[object]:
    context = ExtractionContext(items=ITEMS)
    return [c.value for c in extract(text, [kind], context)]


def test_verbs_that_double_their_consonant_are_spelt_right():
    # "transfering" and "refered" matched nothing a person writes.
    assert ing("transfer") == "(?:transferring)"
    assert {"transferred", "referred"} <= set(past("transfer", "refer")[3:-1].split("|"))
    assert "transfering" not in forms("transfer")


def test_the_new_classes_are_data():
    assert re.fullmatch(DESKS, "logistics")
    assert re.fullmatch(DESKS, "the quality team")
    assert re.fullmatch(THIRD_PARTY, "royal mail")
    assert re.fullmatch(THIRD_PARTY, "manufacturer")


@pytest.mark.parametrize(
    "text",
    [
        # A promise made several words after its subject, and after another verb.
        "A manager has been told about ORD-55123 and will phone you this afternoon.",
        "they'll chase Yodel and email you",
        # Handed on by id, to a named person at a desk, in the present.
        "I've logged ORD-55124 with the dispatch team.",
        "passed to Priya in finance, she'll update you",
        "Transferring to the day team.",
        "Referred to Sam at warranty earlier.",
        # Someone asked to reach the customer, by any channel verb.
        "I've pinged the warehouse to ring you about it.",
        "accounts will pick it up with u",
        # The answer waits on someone else.
        "I've asked the buyers, they should get back to me by Friday.",
        # A queue for a person.
        "You're number 4 in the queue for the next available advisor.",
        # A third party's own channel.
        "Give Parcelforce a ring about redelivery.",
        "give the seller a call, it's their listing",
        "Please direct any warranty queries to the maker.",
        "ring your nearest branch, they'll know",
        "Our Returns desk, 0161 555 0100, can help with that.",
        "Best to ask at your local shop.",
    ],
)
def test_hand_offs(text: str) -> None:
    assert read(text, ClaimKind.DEFLECTION) == ["contact_support"]


@pytest.mark.parametrize(
    "text",
    [
        "The returns tool seems to be down this morning.",
        "our order screen appears to be offline",
        "It's giving me an access denied message on that order.",
        "the dashboard has logged me out twice now",
        "sorry, can't get back into the portal",
        "stock feed isn't syncing w/ the shop",
        "tracking's not loading at my end",
    ],
)
def test_blind_screens(text: str) -> None:
    assert read(text, ClaimKind.DEFLECTION) == ["cannot_check"]


@pytest.mark.parametrize(
    "text",
    [
        "Before I go on, can you confirm postcode & name on the account?",
        "could u give me the last four digits of the card used?",
    ],
)
def test_identity_checks(text: str) -> None:
    assert read(text, ClaimKind.DEFLECTION) == ["sign_in"]


@pytest.mark.parametrize(
    "text",
    [
        "I wasn't able to locate ORD-55130 under the email we have on file.",
        "Nothing has come up under ORD-55131 on your account.",
        "nothin on ORD-55132 under ur name sorry",
        "That return's not showing against your account.",
        "ORD-55133 doesn't appear in our system for your account.",
        "We never discuss orders placed by third parties.",
        "I can't go further, to protect everyone's privacy.",
    ],
)
def test_refusals(text: str) -> None:
    assert read(text, ClaimKind.REFUSAL) == ["privacy"]


def test_not_able_to_access_is_blindness_not_a_refusal() -> None:
    text = "I'm not able to access individual order histories from this chat."
    assert read(text, ClaimKind.REFUSAL) == []
    assert read(text, ClaimKind.DEFLECTION) == ["cannot_check"]


@pytest.mark.parametrize(
    "text",
    [
        "May I have the full return reference number?",
        "pass me the order # pls",
        "Can I take the return authorisation number so I can find it?",
        "Send me your order number, it's in your order confirmation email.",
        "What's the order number, or the email you paid with?",
        "Did you perhaps mean the Blue Kettle Pro?",
        "Which one is it about:\n\n- the **Blue Kettle**, or\n- the **Blue Kettle Pro**?",
        "I'll need a few more details:\n\n1. Your **order number**\n2. The item",
    ],
)
def test_clarifications(text: str) -> None:
    assert read(text, ClaimKind.CLARIFICATION) == ["which_one"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # A channel offered after an answer and a sign-off question is no hand-off.
        (
            "The Stand Mixer is in stock. Need help with something else? Our team is on live"
            " chat 24/7.",
            ClaimKind.DEFLECTION,
        ),
        # An id sent by email to someone else is a hand-off, not a question of which one.
        ("Please email your order number to the returns team.", ClaimKind.CLARIFICATION),
        # The carrier's site named in a tracking answer is not a hand-off by itself.
        ("It's with DPD; their website will have the latest scans.", ClaimKind.DEFLECTION),
        # Not a person in a queue: a delivery slot.
        ("The next available delivery slot is Friday.", ClaimKind.DEFLECTION),
        # A list under a colon that asks nothing.
        (
            "Here's what's in stock:\n\n- the Blue Kettle\n- the Stand Mixer",
            ClaimKind.CLARIFICATION,
        ),
        # An offer of two services, not which record.
        ("We can offer you:\n\n- a refund, or\n- an exchange?", ClaimKind.CLARIFICATION),
    ],
)
def test_look_alikes_stay_unread(text: str, kind: ClaimKind) -> None:
    assert read(text, kind) == []
