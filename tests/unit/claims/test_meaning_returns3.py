"""Return and refund states read by meaning (issues 16 and 23), one test per mechanism rather
than per sentence: verb classes by lemma (`_lexicon.ARRIVING`, `ASSESSING`, `APPROVING`,
`STARTING`, `REFUND`, `WALLET`), separable phrasal verbs, "not yet" in its other words, a
future governing a payment, and refund states read from Markdown structure (a "Refund:" label,
a bare "Status:" under a refund heading, a table's refund column). Sentences written for these
tests, not taken from any corpus or dev set."""

from __future__ import annotations

import pytest

from auditor._claims import ClaimKind, extract


def values(text: str, kind: ClaimKind) -> list[tuple[object, str | None]]:
    return [(c.value, c.subject) for c in extract(text, [kind])]


def returns(text: str) -> list[tuple[object, str | None]]:
    return values(text, ClaimKind.RETURN_STATUS)


def refunds(text: str) -> list[tuple[object, str | None]]:
    return values(text, ClaimKind.REFUND)


def amounts(text: str) -> list[object]:
    return [c.value for c in extract(text, [ClaimKind.REFUND_AMOUNT])]


@pytest.mark.parametrize(
    "text",
    [
        "RMA-40001 showed up at our depot this morning.",
        "RMA-40001 has landed back at the returns centre.",
        "RMA-40001 got to our warehouse on Monday.",
        "RMA-40001 came through to us yesterday.",
        "RMA-40001: the lads are going over it now.",
        "RMA-40001 is getting tested by the warehouse.",
        "RMA-40001 has been examined by our team.",
        "RMA-40001 is in QC at the moment.",
    ],
)
def test_a_return_back_at_the_shop_by_any_arrival_or_assessing_verb_is_received(text):
    assert returns(text) == [("received", "RMA-40001")]


@pytest.mark.parametrize(
    "text",
    [
        "Your return RMA-40001 should arrive at our warehouse by Friday.",
        "RMA-40001 needs to come back to us first.",
        "Once RMA-40001 reaches our warehouse we'll be in touch.",
    ],
)
def test_an_arrival_still_to_come_is_no_received_return(text):
    assert ("received", "RMA-40001") not in returns(text)


@pytest.mark.parametrize(
    "text",
    [
        "They knocked the return back, RMA-40002, as it had been worn.",
        "We turned it down, RMA-40002, sorry.",
        "We couldn't authorise RMA-40002 as it's a sale item.",
        "We had RMA-40002 back but it failed its quality check.",
        "RMA-40002 didn't pass inspection, so it's coming back to you.",
    ],
)
def test_a_return_refused_in_other_shapes_is_rejected_and_ends_it(text):
    assert returns(text) == [("rejected", "RMA-40002")]


@pytest.mark.parametrize(
    "text",
    [
        "RMA-40003 has not been approved at this point; it's in the review queue.",
        "RMA-40003 still isn't approved.",
        "The return on your toaster has been registered, RMA-40003.",
        "RMA-40003 raised, the team will look at it tomorrow.",
        "Your return request has come through, RMA-40003.",
        "RMA-40003 needs approving before you send it.",
    ],
)
def test_a_return_not_yet_decided_is_requested(text):
    assert returns(text) == [("requested", "RMA-40003")]


@pytest.mark.parametrize(
    "text",
    [
        "RMA-40004 was granted this morning.",
        "We've said yes to RMA-40004.",
        "RMA-40004 has had the green light.",
    ],
)
def test_approval_in_other_words_is_approved(text):
    assert returns(text) == [("approved", "RMA-40004")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("rfnd done for RMA-40005", "issued"),
        ("RMA-40005: store credit of £15.00 added to your account.", "issued"),
        ("RMA-40005 - £15 back 2 ur acct", "issued"),
        ("The £15.00 for RMA-40005 was deposited to your savings account.", "issued"),
        ("We will put £15.00 back on your card for RMA-40005 once it's checked.", "pending"),
        ("The refund for RMA-40005 hasn't been kicked off yet.", "pending"),
        ("We've initiated the refund for RMA-40005.", "pending"),
        ("We're holding back the refund on RMA-40005 until it's inspected.", "pending"),
        ("The refund for RMA-40005 has not yet been authorised.", "pending"),
        ("You're owed a full refund on RMA-40005.", "pending"),
        ("no rfnd on RMA-40005 sorry", "none"),
    ],
)
def test_refund_states_by_class_not_by_sentence(text, value):
    assert refunds(text) == [(value, "RMA-40005")]


def test_credit_given_as_a_gesture_is_no_refund():
    assert refunds("We've added store credit to your account as a goodwill gesture.") == []


def test_a_credit_card_is_no_refund_cue():
    assert amounts("Your credit card was charged $40.00 for ORD-40006.") == []


@pytest.mark.parametrize(("text", "amount"), [("RMA-40007 refunded, 30 quid back", "30.00")])
def test_amounts_said_in_slang(text, amount):
    assert amounts(text) == [amount]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("**Refund:** $30.00 — in progress\n**Return:** RMA-40008", [("pending", "RMA-40008")]),
        ("## Refund\n\n- **Return:** RMA-40008\n- **Status:** Paid", [("issued", "RMA-40008")]),
        (
            "| Return | Refund |\n|---|---|\n| RMA-40008 | queued |\n| RMA-40009 | declined |",
            [("pending", "RMA-40008"), ("none", "RMA-40009")],
        ),
    ],
)
def test_refund_states_read_from_markdown_structure(text, expected):
    assert refunds(text) == expected


def test_a_bare_status_under_a_heading_about_something_else_is_no_refund():
    text = "## Your order\n\n- **Order:** ORD-40010\n- **Status:** Sent"
    assert refunds(text) == []


def test_an_amount_in_a_table_refund_column_is_a_refund_amount():
    text = "| Return | Refund |\n|---|---|\n| RMA-40011 | €12.50 |"
    assert amounts(text) == ["12.50"]


def test_approving_a_refund_is_the_moneys_approval_not_the_returns():
    text = "We've authorised a refund of £20.00 for RMA-40012."
    assert returns(text) == []
    assert refunds(text) == [("pending", "RMA-40012")]


@pytest.mark.parametrize(
    "text",
    [
        "rfnd not done yet for RMA-40013",
        "The refund's not gone out yet, RMA-40013.",
        "The refund for RMA-40013 won't be sent until the item is back.",
    ],
)
def test_a_refund_not_done_yet_or_held_until_later_is_pending(text):
    assert refunds(text) == [("pending", "RMA-40013")]


def test_an_amount_column_of_a_table_about_a_refund_is_a_refund_amount():
    text = (
        "Your refund:\n\n| Return | Status | Amount |\n|---|---|---|\n| RMA-40014 | Sent | $9.99 |"
    )
    assert amounts(text) == ["9.99"]


def test_a_status_line_is_not_the_object_of_the_next_paragraphs_refund():
    text = "**Return:** RMA-40015\n**Status:** Approved\n\nYour refund is pending."
    assert returns(text) == [("approved", "RMA-40015")]
