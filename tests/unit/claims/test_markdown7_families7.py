"""The chatty Markdown voice read by its structure, seventh session (issues 16, 23).

The mechanisms were found on `fixtures/claims/dev7/markdown7.jsonl` and on the blind misses of
dev3-dev6 (`fixtures/claims/dev7/markdown7.md`): counts by place or channel (a zero at one
place beside units at another is that place's), counts of an item's variants (its stock, not
its quantity), scarcity in a stock row's other cells, refunds listed one a line under a lead
about money, a "Refund" row's status column, a third party's channel named as the one who
knows, an id re-asked, a choice between offers, "at no cost" said of a policy, a heading that
only names its section, an emphasised figure, and the modal "can" that ends an item's name.
The answers below are written for this test and are in none of the fixtures; each mechanism
has look-alikes that must stay unread."""

from __future__ import annotations

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract

ITEMS = {
    "KB-0101": "Knife Block",
    "KB-0102": "Knife Block Slim",
    "JR-0201": "Storage Jar",
    "OC-0301": "Oil Can",
    "TR-0401": "Tea Tray",
}


def read(text: str, kind: ClaimKind) -> list[tuple[object, object]]:
    context = ExtractionContext(items=ITEMS)
    return [(c.value, c.subject) for c in extract(text, [kind], context)]


# -- counts by place or channel --------------------------------------------------------------


def test_a_zero_at_one_place_beside_units_at_another_is_the_places():
    # The item is in stock (6 online); the shop floor's zero is no claim about the item.
    text = "Here's the **Knife Block** 🔪\n\n- **In store:** 0\n- **Online:** 6\n\nOrder away!"
    assert read(text, ClaimKind.AVAILABILITY) == [("in_stock", "KB-0101")]
    assert read(text, ClaimKind.QUANTITY) == [(6, "KB-0101")]


def test_a_warehouse_table_with_one_site_empty_is_in_stock():
    text = (
        "Stock for the **Storage Jar**:\n\n| Warehouse | Units |\n|---|---|\n"
        "| Derby | 0 |\n| Exeter | 21 |"
    )
    assert read(text, ClaimKind.AVAILABILITY) == [("in_stock", "JR-0201")]
    assert read(text, ClaimKind.QUANTITY) == [(21, "JR-0201")]


def test_zero_everywhere_is_still_out_of_stock():
    # Every place is empty: the zero is the item's, said once.
    text = "**Tea Tray**\n\n- **Online:** 0\n- **Click & collect:** 0"
    assert read(text, ClaimKind.AVAILABILITY) == [("out_of_stock", "TR-0401")]
    assert read(text, ClaimKind.QUANTITY) == [(0, "TR-0401")]


def test_a_zero_and_units_of_two_items_are_each_their_own():
    # Look-alike: two items' counts, not two places of one item.
    text = "| Item | Qty |\n|---|---|\n| Knife Block | 0 |\n| Tea Tray | 9 |"
    assert sorted(read(text, ClaimKind.QUANTITY), key=str) == [(0, "KB-0101"), (9, "TR-0401")]


# -- variants and scarce rows ---------------------------------------------------------------


def test_counts_of_an_items_colours_give_its_stock_and_no_quantity():
    text = "- **Storage Jar**\n  - Green: 7\n  - Cream: 1\n\nBoth can go out today."
    assert read(text, ClaimKind.AVAILABILITY) == [("in_stock", "JR-0201")]
    assert read(text, ClaimKind.QUANTITY) == []


def test_a_colour_column_gives_the_item_in_stock():
    text = "The **Tea Tray** comes in two finishes:\n\n| Colour | Stock |\n|---|---|\n"
    text += "| Oak | 15 |\n| Walnut | 2 |"
    assert read(text, ClaimKind.AVAILABILITY) == [("in_stock", "TR-0401")]
    assert read(text, ClaimKind.QUANTITY) == []


def test_scarcity_in_a_stock_rows_note_makes_its_count_low():
    text = "| Item | Stock | Note |\n|---|---|---|\n| Oil Can | 4 | last few |"
    assert read(text, ClaimKind.AVAILABILITY) == [("low_stock", "OC-0301")]
    # Look-alike: the same row with a plain note is in stock.
    plain = "| Item | Stock | Note |\n|---|---|---|\n| Oil Can | 4 | ships today |"
    assert read(plain, ClaimKind.AVAILABILITY) == [("in_stock", "OC-0301")]


def test_a_count_label_of_units_on_the_shelf():
    text = "### Knife Block Slim\n\n**Units on the shelf:** 8"
    assert read(text, ClaimKind.QUANTITY) == [(8, "KB-0102")]


# -- refunds listed one a line -----------------------------------------------------------------


def test_refunds_listed_under_a_money_lead_each_have_their_state_and_amount():
    text = (
        "You have two refunds with us:\n\n- **RMA-5101** — £12.00, paid on 2 December\n"
        "- **RMA-5102** — £30.00, due to be paid on Friday"
    )
    assert sorted(read(text, ClaimKind.REFUND), key=str) == [
        ("issued", "RMA-5101"),
        ("pending", "RMA-5102"),
    ]
    assert sorted(read(text, ClaimKind.REFUND_AMOUNT), key=str) == [
        ("12.00", "RMA-5101"),
        ("30.00", "RMA-5102"),
    ]


def test_a_list_under_a_lead_about_something_else_is_no_refund():
    # Look-alike: the same lines under a lead about payments taken.
    text = (
        "Here are your last two orders:\n\n- **ORD-51010** — £12.00, paid on 2 December\n"
        "- **ORD-51011** — £30.00, due to be paid on Friday"
    )
    assert read(text, ClaimKind.REFUND) == []
    assert read(text, ClaimKind.REFUND_AMOUNT) == []


def test_a_line_of_a_part_kept_back_is_no_state_of_the_refund():
    text = (
        "**RMA-5103** refund breakdown:\n\n- Tea Tray: £22.00 ✅\n"
        "- Original delivery: £3.99 ❌ (not refundable)"
    )
    assert read(text, ClaimKind.REFUND) == [("issued", "RMA-5103")]
    assert read(text, ClaimKind.REFUND_AMOUNT) == [("22.00", "RMA-5103")]


def test_a_key_value_table_whose_key_is_the_state():
    text = "Refund breakdown for **RMA-5104**:\n\n| | Amount |\n|---|---|\n"
    text += "| Refunded | $20.00 |\n| Still pending | $8.00 |"
    assert sorted(read(text, ClaimKind.REFUND), key=str) == [
        ("issued", "RMA-5104"),
        ("pending", "RMA-5104"),
    ]


def test_a_refund_row_read_by_its_status_column_and_a_fee_row_is_no_amount():
    text = (
        "All set for **RMA-5105**:\n\n| | Amount | Status |\n|---|---|---|\n"
        "| Refund | $31.00 | Sent ✅ |\n| Return postage | $3.50 | Kept |"
    )
    assert read(text, ClaimKind.REFUND) == [("issued", "RMA-5105")]
    assert read(text, ClaimKind.REFUND_AMOUNT) == [("31.00", "RMA-5105")]


# -- non-answers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I can't see the courier's van times 🚚 — the **DPD app** is your best bet.",
        "I don't have access to card statements 💳. Your **bank** will be able to explain it.",
        "I can't view that here. Their **customer service line** is the quickest way.",
    ],
)
def test_a_third_partys_channel_named_as_the_one_who_knows_is_a_hand_off(text):
    assert ("contact_support", None) in read(text, ClaimKind.DEFLECTION)


def test_praise_passed_on_to_a_team_is_no_hand_off():
    text = "Thank you for the kind words! 😊 I'll pass them on to the **packing team**."
    assert read(text, ClaimKind.DEFLECTION) == []
    # Look-alike: a complaint passed on, with someone to follow up, still is one.
    handed = "I've passed your complaint to the **packing team** — someone will call you."
    assert ("contact_support", None) in read(handed, ClaimKind.DEFLECTION)


def test_records_that_belong_to_the_signed_in_customer_is_privacy():
    text = "I can only discuss orders that belong to the signed-in customer, so not ORD-51020."
    assert read(text, ClaimKind.REFUSAL) == [("privacy", "ORD-51020")]
    mine = "**RMA-5106** isn't one I can find for your account, sorry. 🔍"
    assert read(mine, ClaimKind.REFUSAL) == [("privacy", "RMA-5106")]


def test_the_modal_can_is_not_the_item_whose_name_ends_in_can():
    text = "I'm not able to check that here — our team can help on live chat."
    assert {s for _, s in read(text, ClaimKind.DEFLECTION)} == {None}


# -- clarification -------------------------------------------------------------------------------


def test_an_id_to_check_and_send_again_is_a_which_one_question():
    text = "That order number looks too short 🤔 — could you double-check the order number and"
    text += " send it again?"
    assert read(text, ClaimKind.CLARIFICATION) == [("which_one", None)]
    # Look-alike: after "no order with that number", checking it only closes a refusal.
    refusal = "There's no order with that number on your account. Could you check the number?"
    assert read(refusal, ClaimKind.CLARIFICATION) == []


@pytest.mark.parametrize(
    "text",
    [
        "Two options:\n\n1. A **new jar**\n2. A **refund**\n\nLet me know which you'd prefer!",
        "You can swap it or get your money back. Which works best for you?",
    ],
)
def test_choosing_between_offers_is_no_which_one_question(text):
    assert read(text, ClaimKind.CLARIFICATION) == []


def test_which_record_to_check_still_asks_which_one():
    text = "I see **ORD-51030** and **ORD-51031**. Which one would you like me to check?"
    assert read(text, ClaimKind.CLARIFICATION) == [("which_one", None)]


# -- discounts -----------------------------------------------------------------------------------


def test_an_emphasised_percentage_after_for_is_an_offer_not_an_echo():
    text = "The **Oil Can** is in! Use code **OIL12** at checkout for **12% off**."
    assert [value for value, _ in read(text, ClaimKind.DISCOUNT)] == ["12"]


@pytest.mark.parametrize(
    "text",
    [
        "Delivery is free over £30, so the **Tea Tray** would ship at no extra cost.",
        "I've added **free gift wrapping** to ORD-51040 at no charge 🎁.",
        "**Discounts** 🏷️\n\nThere are no promotions on the **Tea Tray** at the moment.",
    ],
)
def test_a_policy_free_of_charge_or_a_section_title_is_no_offer(text):
    assert read(text, ClaimKind.DISCOUNT) == []


def test_no_promotions_on_an_item_is_no_stock_claim():
    text = "We don't have any promotions running on the **Tea Tray** right now."
    assert read(text, ClaimKind.AVAILABILITY) == []


def test_a_multi_buy_with_the_third_free_is_an_unspecified_offer():
    text = "Buy any two **Storage Jar** and get the third free! 🫙"
    assert read(text, ClaimKind.DISCOUNT) == [("unspecified", "JR-0201")]


def test_units_ready_to_go_are_a_count_and_parcels_ready_are_not():
    text = "The **Tea Tray** is in stock, with **11** ready to go today."
    assert read(text, ClaimKind.QUANTITY) == [(11, "TR-0401")]
    # Look-alike: parcels of an order ready to go are no stock.
    assert read("Your 2 parcels are ready to go out tomorrow.", ClaimKind.QUANTITY) == []


def test_an_item_shipped_at_no_charge_is_given_free():
    """The thing shipped free is the item named after the shipping word, not postage (a dev2
    text read again at the seventh session's merge)."""
    text = "We will ship you a second **Tea Tray** at no charge to you."
    assert read(text, ClaimKind.DISCOUNT) == [("free", "TR-0401")]
