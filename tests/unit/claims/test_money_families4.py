"""Returns, refunds, refund amounts and discounts read by mechanism, fourth session (issues 16,
23).

The mechanisms were found on `fixtures/claims/dev4/money4*.jsonl`; the sentences below are
written for this test, in none of the fixtures, so that each asserts a mechanism (a frame, a
structure, a scope), not a sentence. Each mechanism has look-alikes that must stay unread."""

from __future__ import annotations

import re

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract
from auditor._claims._lexicon import WALLET, WITH_CHAT

ITEMS = {
    "KT-0001": "Blue Kettle",
    "KT-0002": "Blue Kettle Pro",
    "TP-0001": "Glass Teapot",
    "MG-0016": "Travel Mug",
}


def read(text: str, kind: ClaimKind) -> list[tuple[object, str | None]]:
    context = ExtractionContext(items=ITEMS)
    return [(c.value, c.subject) for c in extract(text, [kind], context)]


def values(text: str, kind: ClaimKind) -> list[object]:
    return [value for value, _ in read(text, kind)]


def test_the_new_classes_are_data():
    assert re.fullmatch(WITH_CHAT, "w")
    assert re.fullmatch(WALLET, "your american express card")


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        # The way back given is the return approved: a label or QR code sent, in the inbox.
        ("We've sent a prepaid FedEx return label for RMA-30301.", "approved", "RMA-30301"),
        ("RMA-30302: returns label's in ur inbox", "approved", "RMA-30302"),
        ("the qr code for your return has been emailed", "approved", None),
        # Back with the shop, told by the id, the place or the record.
        ("RMA-30303 arrived at ours on Tuesday.", "received", "RMA-30303"),
        ("Our depot has your returned kettle (RMA-30304).", "received", "RMA-30304"),
        ("RMA-30305 was scanned in as received this morning.", "received", "RMA-30305"),
        ("Your return RMA-30306 is with our QC team now.", "received", "RMA-30306"),
        ("RMA-30307 back w us since fri", "received", "RMA-30307"),
        ("Return RMA-30308 remains under inspection.", "received", "RMA-30308"),
        ("RMA-30312:\n- ✅ Approved\n- ✅ Parcel received\n", "received", "RMA-30312"),
        # Waiting for a yes, the "for" left out.
        ("RMA-30309 is still waiting approval from a supervisor.", "requested", "RMA-30309"),
        # Not taken back, and a check not passed, typed without an apostrophe.
        ("We cannot take RMA-30310 back, it's past 60 days.", "rejected", "RMA-30310"),
        ("your return didnt pass the check, sorry", "rejected", None),
    ],
)
def test_return_states_by_mechanism(text: str, value: str, subject: str | None):
    assert read(text, ClaimKind.RETURN_STATUS) == [(value, subject)]


@pytest.mark.parametrize(
    "text",
    [
        "We'll email you a return label once it's approved.",  # still to come
        "Your Glass Teapot arrived, so you don't need to send anything back.",  # a delivery
        "ORD-30311 arrived yesterday, and the return window is 30 days.",  # an order's id
    ],
)
def test_return_look_alikes_stay_unread(text: str):
    assert read(text, ClaimKind.RETURN_STATUS) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # A charge taken back is money returned; one to be taken back is still to come.
        ("We voided the duplicate payment on ORD-30401 this morning.", "issued"),
        ("The charge for ORD-30402 has been reversed.", "issued"),
        ("We'll reverse the charge once the parcel is scanned.", "pending"),
        # Money already with the customer, or arrived in the past.
        ("The money should already be back with you for RMA-30403.", "issued"),
        ("Your refund landed in your account on Monday.", "issued"),
        ("Your refund for ORD-30404 was submitted to your bank yesterday.", "issued"),
        ("We've put £12 in store credit on your account for the returned mug.", "issued"),
        ("ok, £6.40 back to you for the late parcel, done", "issued"),
        # What comes next, in the present or after another step.
        ("they'll test it then the refund goes out", "pending"),
        ("inspecting rn, refund after that", "pending"),
        ("Your refund is scheduled to be released on Friday.", "pending"),
        ("rfnd not gone thru yet, still w accounts", "pending"),
        (
            "The refund for ORD-30405 came to £40 after the restocking fee and was paid today.",
            "issued",
        ),
        # A negation over two verbs joined by "or".
        ("I'm unable to accept the return or give a refund for it.", "none"),
        ("The return was closed without a refund.", "none"),
        # A relative clause's verb is the refund's; "in process"; "not possible".
        ("We sent a refund of $14.20 for ORD-30407, which was credited on Monday.", "issued"),
        ("Your refund for ORD-30408 is in process at the moment.", "pending"),
        ("I'm sorry, but a refund is not possible for opened software.", "none"),
        ("so refund's £8 and thats gone to your card already", "issued"),
        # Done or sent again by the assistant; waiting on someone; "not poss".
        ("I've sorted the refund for you, it's £9", "issued"),
        ("the payment bounced so we've reissued the refund", "issued"),
        ("ur refund is still waiting for the returns team", "pending"),
        ("refund not poss sorry", "none"),
        # Refused for a reason still to come is pending.
        ("Your refund hasn't been sent, since the parcel isn't back with us yet.", "pending"),
    ],
)
def test_refund_states_by_mechanism(text: str, value: str):
    assert values(text, ClaimKind.REFUND) == [value]


def test_money_to_come_is_left_unread():
    """The refund 'will reach your account' may be either (corpus README)."""
    assert values("The refund should land in your account by Friday.", ClaimKind.REFUND) == []


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("### Refund\n- **Status:** Not started yet\n", "pending"),
        ("| Order | Refund |\n|---|---|\n| ORD-30406 | Not eligible |", "none"),
        ("**Refund:** Will be issued after inspection", "pending"),
        ("- 🕒 Refund: queued for Friday\n", "pending"),
        ("## About your refund\n\n| | |\n|---|---|\n| Status | Sent |", "issued"),
        ("**Refund for ORD-30409:** declined (used item)", "none"),
    ],
)
def test_refund_fields_with_their_own_negation_or_future(text: str, field: str):
    assert values(text, ClaimKind.REFUND) == [field]


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        # Taken off, the gross it was cut from, set aside, kept back: not the refund.
        ("Your refund is $70.00 less the $5.00 return postage, so $65.00 went back.", ["65.00"]),
        ("We refunded €30 (€34.99 minus a €4.99 fee).", ["30.00"]),
        ("The refund for RMA-30501 will be $80.00 rather than the full $95.00.", ["80.00"]),
        ("We refunded $15.00 of the $60.00 you paid for ORD-30502.", ["15.00"]),
        ("The $7.99 shipping fee was deducted from your refund of $52.00.", ["52.00"]),
        ("Refunded you £18 (kept £2 for the postage).", ["18.00"]),
        # Fields: what was paid or kept is no refund; what the customer receives is.
        (
            "Your refund:\n- Item price: $50.00\n- Restocking fee: $5.00\n- You'll receive: $45.00",
            ["45.00"],
        ),
        # A credit given as a thank-you is a gift, not a refund.
        ("We've added a $10 credit to your account as a thank-you for waiting.", []),
        # A hold on the card is no refund; a reversal is refund talk.
        ("The $25.00 on your statement is an authorization hold. Refund sent: $40.00.", ["40.00"]),
        ("I've reversed the charge of £11.50 for ORD-30503.", ["11.50"]),
        # A stressed figure is the assistant's, not an echo.
        ("**Refund for ORD-30504:** it went through for **$9.99** today.", ["9.99"]),
    ],
)
def test_refund_amount_is_what_goes_back(text: str, amounts: list[str]):
    assert values(text, ClaimKind.REFUND_AMOUNT) == amounts


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        # A price cut told by its two prices, by a member price, a match or a saving.
        ("The Glass Teapot was £30, now £22.", "unspecified", "TP-0001"),
        ("Travel Mug 14.99 (was 19.99)", "unspecified", "MG-0016"),
        ("The Blue Kettle is down to $40 from $55 this weekend.", "unspecified", "KT-0001"),
        ("You can have the Glass Teapot for £20 instead of £26.", "unspecified", "TP-0001"),
        ("Members can pick up the Travel Mug for $8.", "unspecified", "MG-0016"),
        ("We'll match the lower price you found on the Blue Kettle Pro.", "unspecified", "KT-0002"),
        ("Buy it with a mug and you save $6 on the Glass Teapot.", "unspecified", "TP-0001"),
        ("The Travel Mug's £3 cheaper this month.", "unspecified", "MG-0016"),
        ("The Blue Kettle normally costs $60, but this week it's $48.", "unspecified", "KT-0001"),
        (
            "| Item | Was | Sale price |\n|---|---|---|\n| Blue Kettle | $60 | $48 |",
            "unspecified",
            "KT-0001",
        ),
        # Kept with a refund and no return: free.
        (
            "The Glass Teapot came cracked; I've refunded you and you don't need to send it back.",
            "free",
            "TP-0001",
        ),
        # A code named before "for": its figure is the offer, no echo.
        ("Use code **MUG5** for **5% off** the Travel Mug.", "5", "MG-0016"),
        ("Glass Teapot now 18.00, was 24.00", "unspecified", "TP-0001"),
        ("- **Travel Mug:** ~~£12~~ £9", "unspecified", "MG-0016"),
        (
            "A special price of $40 on the Blue Kettle, which usually retails at $55.",
            "unspecified",
            "KT-0001",
        ),
        (
            "We've added a $10 credit to your account as a thank-you for waiting.",
            "unspecified",
            None,
        ),
        ("The price of the Travel Mug has been lowered to $7.", "unspecified", "MG-0016"),
        ("The Blue Kettle Pro comes with a $10 mail-in rebate.", "unspecified", "KT-0002"),
    ],
)
def test_discounts_by_mechanism(text: str, value: str, subject: str):
    assert read(text, ClaimKind.DISCOUNT) == [(value, subject)]


@pytest.mark.parametrize(
    "text",
    [
        "**Shipping:** Free\n**Returns:** Free for 30 days",  # policies in fields
        "Return shipping on your exchange will be complimentary.",  # a policy in a predicate
        "We'll send the Glass Teapot back to you at no charge.",  # the customer's own item
        "You can return the Travel Mug free of charge.",  # returning costs nothing
        "Neither kettle is discounted at the moment.",  # said to be at its price
        "You were charged $60 instead of $55, so we refunded the difference.",  # an overcharge
        "Sorry, we don't price match.",  # refused
        "You don't need to send the old Glass Teapot back; a new one is on its way.",  # no refund
        "The Blue Kettle is $60, its regular price.",  # the price as it is
        "We can add complimentary next-day delivery to the replacement.",  # a policy
    ],
)
def test_discount_look_alikes_stay_unread(text: str):
    assert read(text, ClaimKind.DISCOUNT) == []
