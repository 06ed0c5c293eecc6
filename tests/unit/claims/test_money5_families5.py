"""Returns, refunds, refund amounts and discounts read by mechanism, fifth session (issues 16,
23).

The mechanisms were found on `fixtures/claims/dev5/money5*.jsonl` and on the blind misses of
the earlier sets (`fixtures/claims/dev5/money5.md`); the sentences below are written for this
test, in none of the fixtures, so that each asserts a mechanism (a negated ability, a predicate
split from its subject, a field state, a part kept, a threshold), not a sentence. Each has
look-alikes that must stay unread."""

from __future__ import annotations

import re

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract
from auditor._claims._lexicon import CANNOT

ITEMS = {
    "KT-0001": "Blue Kettle",
    "TP-0001": "Glass Teapot",
    "MG-0016": "Travel Mug",
    "LM-0002": "Floor Lamp",
}


def read(text: str, kind: ClaimKind) -> list[tuple[object, str | None]]:
    context = ExtractionContext(items=ITEMS)
    return [(c.value, c.subject) for c in extract(text, [kind], context)]


def values(text: str, kind: ClaimKind) -> list[object]:
    return [value for value, _ in read(text, kind)]


def test_not_able_to_is_one_class_in_every_spelling():
    for said in ("can't", "cant", "unable to", "couldnt", "won't be able to"):
        assert re.fullmatch(CANNOT, said)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Not able to, over the verb or a light verb and the noun, apostrophe or none.
        ("sorry we cant refund opened headphones", "none"),
        ("I'm unable to arrange a refund for that order.", "none"),
        ("we can't do refunds on clearance lines", "none"),
        # A mark right after the word.
        ("rfnd ❌ (past 60 days)", "none"),
        ("refund ✅ — see your banking app", "issued"),
        # Shown as done, and money that has left the shop.
        ("Your refund is listed as paid in our system.", "issued"),
        ("the refund left us on Monday", "issued"),
        # The infinitive is still to come.
        ("We're waiting for the refund to be processed by finance.", "pending"),
        # A second verb after "and", and chat's subject without its apostrophe.
        ("We voided the order and issued a full refund.", "issued"),
        ("ive sent the refund to your paypal", "issued"),
        # Money the customer has had back, in the past.
        ("you got $18 back on the 3rd", "issued"),
        # Under review, said of the refund request.
        ("Your refund request is under review.", "pending"),
    ],
)
def test_refund_states_by_mechanism(text, value):
    assert values(text, ClaimKind.REFUND) == [value]


@pytest.mark.parametrize(
    "text",
    [
        # One agent's authority is no state of the refund.
        "i can't do refunds myself, I've passed this to a supervisor",
        # A part kept is not the refund refused.
        "The return postage is not refundable.",
        # Shown as something else, and an infinitive of something else.
        "The teapot is listed as discontinued.",
        # "Left" said of a parcel, not of money.
        "The parcel left us on Monday.",
    ],
)
def test_refund_look_alikes_stay_unread(text):
    assert values(text, ClaimKind.REFUND) == []


def test_a_predicate_split_from_its_refund_by_commas_is_the_refunds():
    text = "The refund of $52.00 for the Floor Lamp, return RMA-40001, was issued on Friday."
    assert read(text, ClaimKind.REFUND) == [("issued", "RMA-40001")]
    joined = "Your refund for the Blue Kettle and Travel Mug will be sent tomorrow."
    assert values(joined, ClaimKind.REFUND) == ["pending"]
    # A predicate with a subject of its own, after a refund, is not the refund's.
    other = "Your refund of $20.00, and the order was processed yesterday."
    assert values(other, ClaimKind.REFUND) == []


def test_a_waiting_word_in_a_refund_field_is_pending():
    text = "| Return | Refund |\n|---|---|\n| RMA-40002 | on hold |\n| RMA-40003 | paid |"
    assert sorted(read(text, ClaimKind.REFUND)) == [
        ("issued", "RMA-40003"),
        ("pending", "RMA-40002"),
    ]
    assert values("- **Refund:** not yet, after inspection", ClaimKind.REFUND) == ["pending"]


def test_nothing_refunded_yet_of_a_return_is_a_refund_still_to_come():
    text = "RMA-40004 is in QC, nothing refunded yet"
    assert read(text, ClaimKind.REFUND) == [("pending", "RMA-40004")]
    assert values(text, ClaimKind.RETURN_STATUS) == ["received"]


def test_a_part_kept_and_a_sums_terms_are_not_the_refund_amount():
    kept = "Your refund of £30.00 went through today, but the £3.95 postage isn't refundable."
    assert values(kept, ClaimKind.REFUND_AMOUNT) == ["30.00"]
    assert values(kept, ClaimKind.REFUND) == ["issued"]
    summed = "refund £20 + £4.50 shipping = £24.50 back to ur card"
    assert values(summed, ClaimKind.REFUND_AMOUNT) == ["24.50"]


def test_thresholds_and_credit_toward_the_next_order_are_not_refund_amounts():
    assert values("Refunds over £250 need a manager's sign-off.", ClaimKind.REFUND_AMOUNT) == []
    assert values("Passing to Tier 2: refund exception > €300.", ClaimKind.REFUND_AMOUNT) == []
    gift = "I've added a $10 credit toward your next order."
    assert values(gift, ClaimKind.REFUND_AMOUNT) == []
    # Store credit for a returned item is still the refund.
    returned = "Your store credit of $40.00 for the returned kettle is now on your account."
    assert values(returned, ClaimKind.REFUND_AMOUNT) == ["40.00"]


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        # Here is the shop, and the place that takes returns in as a subject.
        ("RMA-40010 got here this morning", "received", "RMA-40010"),
        ("The warehouse received it on Tuesday (RMA-40011).", "received", "RMA-40011"),
        ("Your return got delivered to our warehouse, RMA-40012.", "received", "RMA-40012"),
        ("The return for your kettle (RMA-40013) was received yesterday.", "received", "RMA-40013"),
        ("RMA-40014 is showing as received.", "received", "RMA-40014"),
        ("Your return RMA-40015 was inspected on Friday.", "received", "RMA-40015"),
        ("RMA-40016 was logged in at our returns centre.", "received", "RMA-40016"),
        # Waiting on the customer to send it: approved.
        ("RMA-40017: we're waiting for you to post it back", "approved", "RMA-40017"),
    ],
)
def test_return_states_by_mechanism(text, value, subject):
    assert read(text, ClaimKind.RETURN_STATUS) == [(value, subject)]


def test_a_bare_status_under_a_refund_heading_is_not_the_returns():
    text = "## Refund\n\n**Status:** Pending approval\n**Return:** RMA-40020"
    assert values(text, ClaimKind.RETURN_STATUS) == []
    assert values(text, ClaimKind.REFUND) == ["pending"]
    under_return = "## Return\n\n**Status:** Pending approval\n**Return:** RMA-40021"
    assert values(under_return, ClaimKind.RETURN_STATUS) == ["requested"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The Glass Teapot is now $30, a savings of 25 percent.", "25"),
        ("The Floor Lamp comes with a reduction of $15 this week.", "unspecified"),
        ("Travel Mug: 3 for 2 this weekend", "unspecified"),
        ("The Glass Teapot is a tenner today, usually £14.", "unspecified"),
    ],
)
def test_discounts_by_mechanism(text, value):
    assert values(text, ClaimKind.DISCOUNT) == [value]


@pytest.mark.parametrize(
    "text",
    [
        # Refused with the offer named in full, or said expired or unavailable.
        "We can't apply the 10% welcome discount to sale items.",
        "Sorry, the code SAVE15 has expired.",
        "the £10 off voucher ended last week",
        "Price adjustments are not available after purchase.",
        "Your request for a price match on the Floor Lamp was declined.",
        # Used by the customer when buying, not offered now.
        "The order was paid with a gift voucher.",
        # A delivery threshold, and no charge taken.
        "Delivery: free over £40",
        "No charge was taken from your card.",
    ],
)
def test_discount_look_alikes_stay_unread(text):
    assert values(text, ClaimKind.DISCOUNT) == []


def test_a_pronoun_opening_the_sentence_after_a_refund_is_the_refund():
    text = "I've checked the refund for RMA-40030 with finance. It's processing now."
    assert read(text, ClaimKind.REFUND) == [("pending", "RMA-40030")]
    # Not after a sentence about anything else, nor in mid-sentence after one.
    assert values("Your kettle has shipped. It's processing now.", ClaimKind.REFUND) == []


def test_store_credit_available_on_the_account_for_a_return_is_issued():
    text = "Your store credit of $30.00 is now available in your account for the returned mug."
    assert values(text, ClaimKind.REFUND) == ["issued"]
    assert values("A credit card is available in your account settings.", ClaimKind.REFUND) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Still to come, told by when with no verb.
        ("rfnd on RMA-40040 next week", "pending"),
        ("- 💰 Refund to follow", "pending"),
        # Two verbs of review before the approval.
        ("The refund was checked and approved this morning.", "pending"),
        # Declined with the auxiliary dropped.
        ("refund of £12 declined, outside the window", "none"),
    ],
)
def test_refund_states_said_curtly(text, value):
    assert values(text, ClaimKind.REFUND) == [value]


def test_refund_with_a_past_weekday_is_no_promise():
    assert values("The refund on Monday was for another order?", ClaimKind.REFUND) == []


def test_landed_with_us_in_chat_spelling_is_received():
    assert read("RMA-40041 turned up w us this am", ClaimKind.RETURN_STATUS) == [
        ("received", "RMA-40041")
    ]


def test_already_reduced_is_a_price_cut():
    text = "The code won't work on the Floor Lamp, which is already reduced."
    assert read(text, ClaimKind.DISCOUNT) == [("unspecified", "LM-0002")]


def test_items_that_are_already_reduced_name_a_kind_not_an_offer():
    text = "We can't add a code to items that are already reduced."
    assert values(text, ClaimKind.DISCOUNT) == []
