"""The chatty Markdown voice read by its structure, eighth session (issues 16, 23).

The mechanisms were found on the blind misses of dev3-dev7 in every voice's money rows and on
`fixtures/claims/dev8/markdown8.jsonl` (`fixtures/claims/dev8/markdown8.md`): checklists and
timelines (a step's mark says whether it happened), a refund's amount told as the whole or as
money moving to the customer, a return closed with its refund, what the customer "should see",
a refund asked back as a label, money sent in the passive, a refund that "goes" on a condition,
refunds as a policy, "half-price", a multi-buy's third pack, a sale column at the usual price.
The answers below are written for this test and are in none of the fixtures; each mechanism has
look-alikes that must stay unread."""

from __future__ import annotations

from auditor._claims import ClaimKind, ExtractionContext, extract

ITEMS = {
    "KT-0101": "Kite Delta",
    "KT-0102": "Kite Delta Pro",
    "SP-0201": "Spool Line 50m",
    "BG-0301": "Beach Bag",
    "WS-0401": "Wind Sock",
}


def read(text: str, kind: ClaimKind) -> list[tuple[object, object]]:
    context = ExtractionContext(items=ITEMS)
    return [(c.value, c.subject) for c in extract(text, [kind], context)]


# -- checklists and timelines ------------------------------------------------------------------


def test_a_refund_step_waiting_in_a_numbered_timeline_is_pending():
    text = "Where **RMA-5501** is up to:\n\n1. Parcel in ✅\n2. Checked ✅\n3. Refund ⏳"
    assert read(text, ClaimKind.REFUND) == [("pending", "RMA-5501")]


def test_an_unticked_refund_box_is_pending():
    text = "**RMA-5502**\n\n- [x] Label emailed\n- [x] Kite back with us\n- [ ] Refund"
    assert read(text, ClaimKind.REFUND) == [("pending", "RMA-5502")]


def test_a_refund_step_sent_but_still_to_do_is_not_issued():
    # The step's words say "sent"; its empty box says it has not happened.
    text = "| Step | |\n|---|---|\n| Item received | ✅ |\n| Refund sent | ⬜ |\n\nThat's RMA-5503."
    assert read(text, ClaimKind.REFUND) == [("pending", "RMA-5503")]


def test_every_step_ticked_refund_included_is_issued():
    text = "**RMA-5504**\n\n1. Received ✅\n2. Inspected ✅\n3. Refund ✅"
    assert read(text, ClaimKind.REFUND) == [("issued", "RMA-5504")]


def test_a_return_step_ticked_under_a_refund_lead_is_no_refund():
    # Look-alike: "Return received ✅" is the return's step, not the refund's state.
    text = (
        "Here's where your refund stands:\n\n1. Return received ✅\n2. Refund approved ✅\n"
        "3. Payment sent ⏳"
    )
    assert read(text, ClaimKind.REFUND) == [("pending", None)]


def test_a_delivery_step_still_to_do_is_no_delivery():
    text = "### ORD-55601\n\n1. Ordered ✅\n2. Packed ✅\n3. Delivered ⬜"
    assert ("delivered", "ORD-55601") not in read(text, ClaimKind.ORDER_STATUS)


def test_one_ticked_line_in_prose_is_no_checklist():
    # Look-alike: a single mark is a field's, not a step among steps.
    text = "**Refund:** ✅ sent to your card for RMA-5505."
    assert read(text, ClaimKind.REFUND) == [("issued", "RMA-5505")]


def test_refunds_of_several_parts_keep_their_own_marks():
    # Look-alike: lines naming a part and a sum are parts, not one refund's steps.
    text = (
        "Money back for **ORD-55602**:\n\n- Kite Delta — $40.00 ✅ refunded\n"
        "- Wind Sock — $12.00 ⏳"
    )
    assert sorted(read(text, ClaimKind.REFUND)) == [
        ("issued", "ORD-55602"),
        ("pending", "ORD-55602"),
    ]


# -- amounts told apart from the state ---------------------------------------------------------


def test_an_amount_told_as_the_whole_beside_the_refund():
    text = "Your refund for RMA-5506 has been approved and goes out Friday, £31.00 in total."
    assert read(text, ClaimKind.REFUND_AMOUNT) == [("31.00", "RMA-5506")]


def test_the_whole_after_the_refund_sentence_beats_its_parts():
    text = (
        "The refund for **RMA-5507** went through this morning. 💸\n\n"
        "That was **$20.00** for the kite plus **$5.00** postage, so **$25.00** in total."
    )
    assert read(text, ClaimKind.REFUND_AMOUNT) == [("25.00", "RMA-5507")]


def test_an_order_total_is_still_a_price():
    # Look-alike: "Order total" is what was paid.
    text = "Your refund for RMA-5508 is pending. Order total: £80.00."
    assert read(text, ClaimKind.REFUND_AMOUNT) == []


def test_an_amount_released_to_the_customer_in_an_answer_about_a_refund():
    text = "**Refund status:** on hold\n\nWe need a photo before the **$18.00** can be released."
    assert read(text, ClaimKind.REFUND_AMOUNT) == [("18.00", None)]


def test_an_amount_reaching_the_account():
    text = "Your refund for RMA-5509 is done. The **€14.50** reached your account on Monday."
    assert read(text, ClaimKind.REFUND_AMOUNT) == [("14.50", "RMA-5509")]


# -- returns closed with their refund ----------------------------------------------------------


def test_a_return_closed_with_its_refund_issued_is_refunded():
    text = "Return **RMA-5510**: **closed** ✅ — we refunded the full **£22.00**."
    assert read(text, ClaimKind.RETURN_STATUS) == [("refunded", "RMA-5510")]


def test_a_state_label_closed_in_a_quote_with_a_refund_issued():
    text = "> **RMA-5511**\n> Status: Closed\n> Resolution: Refund issued"
    assert read(text, ClaimKind.RETURN_STATUS) == [("refunded", "RMA-5511")]


def test_a_refunds_own_status_complete_is_not_the_returns():
    # Look-alike: the refund completed, under a heading about the refund.
    text = "### Refund update — RMA-5512\n\n**Status:** Complete ✅\n**Refunded:** £9.00"
    assert read(text, ClaimKind.RETURN_STATUS) == []


def test_a_return_closed_without_a_refund_is_not_refunded():
    text = "Return **RMA-5513** was closed without a refund."
    assert ("refunded", "RMA-5513") not in read(text, ClaimKind.RETURN_STATUS)


# -- refund states in a model's sentences ------------------------------------------------------


def test_what_the_customer_should_see_back_is_not_yet_issued():
    text = (
        "Your refund for RMA-5514 is still pending. "
        "You should see £10.00 back on your card by Friday."
    )
    assert read(text, ClaimKind.REFUND) == [("pending", "RMA-5514")]


def test_a_refund_asked_back_then_answered_is_a_field():
    text = "Refund for **RMA-5515**? ✅ **Paid** yesterday — **$16.00** to your Visa."
    assert read(text, ClaimKind.REFUND) == [("issued", "RMA-5515")]


def test_money_sent_in_the_passive_is_issued():
    text = "About **RMA-5516**: the money was sent to your card this morning."
    assert read(text, ClaimKind.REFUND) == [("issued", "RMA-5516")]


def test_a_refund_that_goes_on_a_condition_is_pending():
    text = (
        "Once the **Beach Bag** is back with us, the refund of £19.00 goes straight to your card."
    )
    assert read(text, ClaimKind.REFUND) == [("pending", None)]


def test_refunds_in_general_are_policy():
    # Look-alike: no refund of the customer's is told.
    text = (
        "Our policy in short:\n\n- Refunds go back to the original payment method\n"
        "- Banks take 3 days"
    )
    assert read(text, ClaimKind.REFUND) == []


# -- offers --------------------------------------------------------------------------------


def test_half_price_with_its_hyphen_is_fifty():
    text = "The **Wind Sock** is in our **half-price** sale this week! 🌬️"
    assert read(text, ClaimKind.DISCOUNT) == [("50", "WS-0401")]


def test_a_multi_buys_third_pack_free_is_no_free_item():
    text = "Buy any two **Spool Line 50m** and get a third pack free!"
    assert read(text, ClaimKind.DISCOUNT) == [("unspecified", "SP-0201")]


def test_a_sale_column_at_the_usual_price_is_no_offer():
    text = (
        "| Item | Was | Now |\n|---|---|---|\n| Kite Delta | £60 | £45 |\n| Beach Bag | £20 | £20 |"
    )
    assert read(text, ClaimKind.DISCOUNT) == [("unspecified", "KT-0101")]


# -- return states said of the item and in a request field --------------------------------------


def test_the_item_that_came_back_is_a_return_received():
    text = "I've looked at **RMA-5517**: the **Kite Delta** came back unused, so that's fine."
    assert read(text, ClaimKind.RETURN_STATUS) == [("received", "RMA-5517")]


def test_an_order_that_came_back_to_us_undelivered_is_no_return():
    # Look-alike: the carrier brought an order back; no return was made.
    text = "ORD-55603 came back to us undelivered, so we've cancelled it."
    assert read(text, ClaimKind.RETURN_STATUS) == []


def test_a_return_request_field_logged_is_requested():
    text = "For **RMA-5518**:\n\n- **Return request:** logged this morning\n- **Review:** pending"
    assert read(text, ClaimKind.RETURN_STATUS) == [("requested", "RMA-5518")]


def test_a_refund_completed_after_the_returns_id_is_not_the_return_closed():
    # Look-alike: "RMA-1: refund completed" closes the refund, not the return.
    text = "RMA-5519: refund completed in the amount of $42.00."
    assert read(text, ClaimKind.RETURN_STATUS) == []
