"""Families of wording from the reference assistant's british, sms and markdown voices that
the audits misread (seeds 1-3): terse stock lists, carrier codes, label lines with an amount
before the state, negative quantifiers, abbreviations. Each case is worded apart from the
voices' own sentences, so a rule passes only when it reads the family, not one sentence."""

from __future__ import annotations

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract

CTX = ExtractionContext(
    items={"JR-4410": "Glass Jar", "MX-0099": "Stand Mixer 99", "LP-1200": "Desk Lamp"}
)


def read(text: str, kind: ClaimKind) -> list[tuple[object, str | None]]:
    return [(c.value, c.subject) for c in extract(text, [kind], CTX)]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("12 x Glass Jar [JR-4410] on hand", 12),
        ("4× Desk Lamp (LP-1200) in stock", 4),
        ("qty Stand Mixer 99 [MX-0099]: 140", 140),
        ("Qty for JR-4410 = 8", 8),
        ("Glass Jar (JR-4410): in stock (17)", 17),
        ("Desk Lamp LP-1200 available (6 units)", 6),
    ],
)
def test_terse_stock_lists_give_the_count(text, count):
    assert [value for value, _ in read(text, ClaimKind.QUANTITY)] == [count]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Quick, we're down to the last 2 Glass Jars (JR-4410).", 2),
        ("JR-4410 down to last 1, sorry", 1),
        ("Only the final 3 of the Desk Lamp LP-1200 remain.", 3),
    ],
)
def test_the_last_few_are_a_low_count(text, count):
    assert read(text, ClaimKind.QUANTITY)[0][0] == count
    assert read(text, ClaimKind.AVAILABILITY)[0][0] == "low_stock"


def test_a_count_of_a_price_or_a_model_is_not_a_stock_count():
    assert read("Glass Jar [JR-4410] in stock (€12.50 each)", ClaimKind.QUANTITY) == []
    assert read("2 x Desk Lamp [LP-1200] in your order ORD-1234", ClaimKind.QUANTITY) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("ORD-5521: out for delivery, DHL 4471920033", "4471920033"),
        ("ORD-5521 left us today - trk 00340434161094 (Hermes)", "00340434161094"),
        ("Your parcel code is JJ0982215503GB with Royal Mail.", "JJ0982215503GB"),
        ("ORD-5521 went out this morning: 9274899991 via FedEx", "9274899991"),
        ("ORD-5521, 1st box 1Z55X1237 (UPS), 2nd still here", "1Z55X1237"),
    ],
)
def test_a_code_beside_a_carrier_is_the_tracking_number(text, code):
    assert [value for value, _ in read(text, ClaimKind.TRACKING)] == [code]


def test_a_carrier_without_a_long_code_names_no_tracking_number():
    assert read("ORD-5521 ships with DPD tomorrow, order total 2", ClaimKind.TRACKING) == []
    assert read("ORD-5521 goes with UPS 2-day service", ClaimKind.TRACKING) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("- **Refund (RMA-88120):** $14.00, pending", "pending"),
        ("**Refund status:** 9.99 GBP, pending - not paid out yet", "pending"),
        ("- **Refund for RMA-88120:** none so far", "none"),
    ],
)
def test_a_refund_label_line_with_an_amount_reads_the_state_after_it(text, value):
    assert read(text, ClaimKind.REFUND)[0][0] == value


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Nothing's been refunded on RMA-88120 yet.", ClaimKind.REFUND, "pending"),
        ("Nothing has been refunded for RMA-88120.", ClaimKind.REFUND, "none"),
        ("We've none of the Desk Lamp (LP-1200) in stock right now.", ClaimKind.AVAILABILITY,
         "out_of_stock"),
        ("Nobody has looked at return RMA-88120 so far.", ClaimKind.RETURN_STATUS, "requested"),
    ],
)  # fmt: skip
def test_negative_quantifiers_deny_what_follows(text, kind, value):
    assert [v for v, _ in read(text, kind)] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("RMA-88120 for ORD-1234: parcel rec'd back, checks to follow", "received"),
        ("RMA-88120 (ORD-1234): item received back", "received"),
        ("**Status:**   Received", "received"),
        ("We've got your return request RMA-88120 and it's queued for the team.", "requested"),
        ("Return RMA-88120 (for order ORD-1234) was opened today.", "requested"),
        ("RMA-88120 is waiting to be looked at by a colleague.", "requested"),
    ],
)
def test_return_states_in_terse_and_label_forms(text, value):
    assert read(f"Return {text}" if text.startswith("**") else text, ClaimKind.RETURN_STATUS) == [
        (value, "RMA-88120" if "RMA" in text else None)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "ORD-1234 prepped, goes out tmrw",
        "They're packing order ORD-1234 right now.",
        "ORD-1234 is being prepped in the warehouse",
    ],
)
def test_preparing_an_order_is_processing(text):
    assert read(text, ClaimKind.ORDER_STATUS)[0] == ("processing", "ORD-1234")


@pytest.mark.parametrize(
    "text",
    [
        'sorry, no item "ZZ-0001" in our range',
        "There's no such product in our catalogue.",
        "no listing called ZZ-0001 on our site",
    ],
)
def test_an_empty_search_of_the_catalogue_is_not_carried(text):
    assert [v for v, _ in read(text, ClaimKind.AVAILABILITY)] == ["not_carried"]


@pytest.mark.parametrize(
    "text",
    [
        "ORD-7781 does not show up on your account, sorry.",
        "I was not able to find ORD-7781 among your orders.",
        "no ORD-7781 on ur acct".replace("ur", "your"),
        "Order **ORD-7781** didn't come up in your orders.",
    ],
)
def test_an_order_not_found_on_the_customers_account_is_a_privacy_refusal(text):
    assert read(text, ClaimKind.REFUSAL) == [("privacy", "ORD-7781")]
