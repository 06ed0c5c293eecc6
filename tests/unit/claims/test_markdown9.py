"""The chatty Markdown voice, ninth session (issues 16, 23): mechanisms found on the misses of
`fixtures/claims/dev9/markdown9.jsonl` and the `llm_markdown` rows of dev4-dev8
(`fixtures/claims/dev9/markdown9.md`). The answers below are written for this test and are in
none of the fixtures; each mechanism has look-alikes that must keep their reading."""

from __future__ import annotations

from datetime import UTC, datetime

from auditor._claims import ClaimKind, ExtractionContext, extract

ITEMS = {
    "HB-0101": "Herb Planter Trio",
    "HB-0102": "Herb Planter Trio XL",
    "LT-0201": "Lantern Solar 20",
    "TW-0301": "Trowel Steel",
    "GL-0401": "Gloves Leather",
}


def read(text: str, kind: ClaimKind) -> list[tuple[object, object]]:
    context = ExtractionContext(items=ITEMS)
    return [(c.value, c.subject) for c in extract(text, [kind], context)]


# -- goods that came with a fault are a complaint, not the order's state ------------------------


def test_goods_arrived_with_a_fault_named_after_with_are_no_delivery():
    text = "As the **Lantern Solar 20** arrived with a snapped hook, we're posting a spare today."
    assert read(text, ClaimKind.ORDER_STATUS) == []


def test_goods_arrived_chipped_are_no_delivery():
    text = "I'm so sorry the **Herb Planter Trio** arrived chipped 😞 — a new one is on the way."
    assert ("delivered", None) not in read(text, ClaimKind.ORDER_STATUS)


def test_goods_arrived_with_pieces_missing_are_no_delivery():
    text = "Since the **Trowel Steel** arrived with its handle missing, you can keep it."
    assert read(text, ClaimKind.ORDER_STATUS) == []


def test_an_order_that_arrived_with_the_customer_is_still_delivered():
    # Look-alike: "with" and a person, not a fault.
    text = "Your order **ORD-3301** arrived with you on Friday ✅"
    assert read(text, ClaimKind.ORDER_STATUS) == [("delivered", "ORD-3301")]


def test_an_order_that_arrived_late_is_still_delivered():
    text = "Because **ORD-3302** arrived late, I've added a voucher to your account."
    assert read(text, ClaimKind.ORDER_STATUS) == [("delivered", "ORD-3302")]


# -- an id asked to be looked at again; a record the assistant does not have -----------------


def test_asked_to_double_check_the_return_number_is_a_clarification():
    text = "Would you mind double-checking? Could you re-check the return number for me? 🔎"
    assert read(text, ClaimKind.CLARIFICATION) == [("which_one", None)]


def test_a_plain_check_of_the_number_after_not_found_stays_no_clarification():
    # Look-alike kept as labelled: "check" alone closes the refusal.
    text = "There's no order with that number on your account. Could you check the number?"
    assert read(text, ClaimKind.CLARIFICATION) == []


def test_telling_where_the_number_is_is_no_clarification():
    text = "You can double-check the order number in your confirmation email."
    assert read(text, ClaimKind.CLARIFICATION) == []


def test_not_having_any_record_of_a_return_is_a_refusal():
    text = "Hmm, I don't have any record of **RMA-4410** 🤔 — is there another number I can try?"
    assert read(text, ClaimKind.REFUSAL) == [("privacy", "RMA-4410")]


def test_having_a_record_of_a_return_is_no_refusal():
    text = "I do have a record of **RMA-4411**: it's approved ✅"
    assert read(text, ClaimKind.REFUSAL) == []


# -- an order told part by part ----------------------------------------------------------------


def test_a_part_delivered_and_a_part_arriving_on_its_line_is_shipped():
    text = (
        "**ORD-3310** came in two boxes:\n\n- **Box 1** (Trowel Steel) — delivered Saturday ✅\n"
        "- **Box 2** (Gloves Leather) — arriving **Thursday** 🚚"
    )
    assert read(text, ClaimKind.ORDER_STATUS) == [("shipped", "ORD-3310")]


def test_a_part_delivered_and_a_part_due_on_a_date_is_shipped():
    text = (
        "**ORD-3311**\n\n- Trowel Steel — ✅ delivered 5 Dec\n- Gloves Leather — 🚚 out, due 12 Dec"
    )
    assert read(text, ClaimKind.ORDER_STATUS) == [("shipped", "ORD-3311")]


def test_every_part_delivered_stays_delivered():
    # Look-alike: no part still to come.
    text = (
        "**ORD-3312**\n\n- Trowel Steel — ✅ delivered 5 Dec\n- Gloves Leather — ✅ delivered 7 Dec"
    )
    assert read(text, ClaimKind.ORDER_STATUS) == [("delivered", "ORD-3312")]


def test_parts_all_on_their_way_but_travelling_apart_are_shipped():
    text = (
        "Good news on **ORD-3313** 🎉 Both parcels are in transit — they're coming separately "
        "from two depots."
    )
    assert read(text, ClaimKind.ORDER_STATUS) == [("shipped", "ORD-3313")]


def test_one_named_part_coming_separately_after_a_part_gone_is_partial():
    # Look-alike: one part named, said to come on its own.
    text = (
        "The Trowel Steel on **ORD-3314** went out today, and the Gloves Leather are coming "
        "separately."
    )
    assert read(text, ClaimKind.ORDER_STATUS) == [("partially_shipped", "ORD-3314")]


def test_neither_parcel_arrived_is_no_delivery():
    text = "Both parcels of **ORD-3315** have left us 🚚🚚 — neither has arrived yet."
    assert read(text, ClaimKind.ORDER_STATUS) == [("shipped", "ORD-3315")]


# -- counts on a name's line -------------------------------------------------------------------


def test_copies_are_counted_on_each_line():
    text = "Both in!\n\n1. **Herb Planter Trio** — 12 copies\n2. **Lantern Solar 20** — 4 copies"
    assert read(text, ClaimKind.QUANTITY) == [(12, "HB-0101"), (4, "LT-0201")]


def test_a_count_after_an_arrow_and_a_tick_is_the_line_items():
    text = "**Stock now**\n\n- Trowel Steel → ✅ 8\n- Gloves Leather → ✅ 21"
    assert read(text, ClaimKind.QUANTITY) == [(8, "TW-0301"), (21, "GL-0401")]


def test_a_count_in_brackets_after_a_ticked_stock_word():
    text = "**Gloves Leather** — In stock ✅ (15)"
    assert read(text, ClaimKind.QUANTITY) == [(15, "GL-0401")]


def test_the_number_in_a_name_is_no_count_of_copies():
    # Look-alike: "20" is part of the lantern's name.
    text = "The **Lantern Solar 20** is in stock ✅"
    assert read(text, ClaimKind.QUANTITY) == []


def test_copies_of_an_order_are_no_stock():
    text = "Your order **ORD-3320** has 2 copies of the planter guide; it shipped today."
    assert read(text, ClaimKind.QUANTITY) == []


# -- a sentence whose subject is a description, not a name --------------------------------------


def test_the_large_one_is_the_item_whose_name_holds_large():
    items = {"PT-1": "Plant Tub Large", "PT-2": "Plant Tub Small"}
    text = (
        "* **Plant Tub Large** — 0 units\n* **Plant Tub Small** — 9 units\n\n"
        "If the large one matters most, I can let you know when it's back."
    )
    claims = extract(text, [ClaimKind.AVAILABILITY], ExtractionContext(items=items))
    assert [(c.value, c.subject) for c in claims] == [
        ("out_of_stock", "PT-1"),
        ("in_stock", "PT-2"),
    ]


def test_the_original_is_the_name_its_look_alike_extends():
    text = (
        "| Item | Stock |\n|---|---|\n| Herb Planter Trio | 6 |\n| Herb Planter Trio XL | 0 |\n\n"
        "The original can go out today, though stock moves quickly."
    )
    assert read(text, ClaimKind.AVAILABILITY) == [
        ("in_stock", "HB-0101"),
        ("out_of_stock", "HB-0102"),
    ]


def test_a_plural_description_picks_the_name_it_holds():
    text = (
        "I checked the **Trowel Steel** and the **Gloves Leather**:\n\n"
        "- The trowel is **sold out** 😕\n- The gloves are fine — there are **plenty** available"
    )
    assert read(text, ClaimKind.AVAILABILITY) == [
        ("out_of_stock", "TW-0301"),
        ("in_stock", "GL-0401"),
    ]


# -- a breakdown of sums closed by its total ---------------------------------------------------


def test_a_list_of_sums_closed_by_a_total_line_refunds_the_total():
    text = (
        "Your refund for **RMA-4420** 💷\n\n- Trowel Steel — £14.00\n- Gloves Leather — £19.50\n\n"
        "**Total back to you:** £33.50"
    )
    assert read(text, ClaimKind.REFUND_AMOUNT) == [("33.50", "RMA-4420")]


def test_a_table_row_of_what_you_get_back_is_the_amount():
    text = (
        "| | |\n|---|---|\n| Lantern Solar 20 | £24.00 |\n| Return label | −£2.50 |\n"
        "| **You get back** | **£21.50** |\n\nThat's **RMA-4421**."
    )
    assert read(text, ClaimKind.REFUND_AMOUNT) == [("21.50", "RMA-4421")]


def test_two_returns_listed_with_their_sums_keep_both():
    # Look-alike: a status board of two returns, no total line.
    text = (
        "Your returns:\n\n- **RMA-4422** — £14.00 refunded ✅\n- **RMA-4423** — £9.50 refunded ✅"
    )
    assert read(text, ClaimKind.REFUND_AMOUNT) == [("14.00", "RMA-4422"), ("9.50", "RMA-4423")]


# -- numbers that number a parcel or a step ----------------------------------------------------


def test_the_number_of_a_parcel_is_no_count():
    text = "Parcel 1 with the **Trowel Steel** left us this morning; Parcel 2 follows Friday."
    assert read(text, ClaimKind.QUANTITY) == []
    assert read(text, ClaimKind.AVAILABILITY) == []


def test_a_count_beside_a_parcel_word_after_it_is_still_a_count():
    # Look-alike: the number before the noun counts.
    text = "We've got **3** of the **Trowel Steel** left, each in its own box."
    assert read(text, ClaimKind.QUANTITY) == [(3, "TW-0301")]


# -- goods coming to the shop are no delivery date ---------------------------------------------


def test_a_reprint_due_in_the_warehouse_is_no_delivery_date():
    text = (
        "The **Herb Planter Trio XL** is on pre-order: the reprint is due in our warehouse on "
        "**14 January**, and orders placed this week go out first."
    )
    context = ExtractionContext(items=ITEMS, now=datetime(2026, 12, 8, 10, tzinfo=UTC))
    assert extract(text, [ClaimKind.DELIVERY_DATE], context) == []


def test_an_order_due_on_a_day_keeps_its_date():
    # Look-alike: the customer's order, not the shop's stock.
    context = ExtractionContext(items=ITEMS, now=datetime(2026, 12, 8, 10, tzinfo=UTC))
    text = "Your order **ORD-3330** is due on **14 December** 📦"
    claims = extract(text, [ClaimKind.DELIVERY_DATE], context)
    assert [(c.value, c.subject) for c in claims] == [("2026-12-14", "ORD-3330")]


# -- a status board: columns named by states, rows ticked --------------------------------------


def test_ticks_under_a_received_column_are_each_rows_return():
    text = (
        "Your returns:\n\n| Return | Received | Refund |\n|---|---|---|\n"
        "| RMA-4430 | ✅ | ✅ £12.00 |\n| RMA-4431 | ✅ | ⏳ £8.00 |"
    )
    assert read(text, ClaimKind.RETURN_STATUS) == [
        ("received", "RMA-4430"),
        ("received", "RMA-4431"),
    ]


def test_ticks_under_a_delivered_column_are_each_rows_order():
    text = (
        "Your orders:\n\n| Order | Delivered |\n|---|---|\n"
        "| ORD-3340 | ✅ 3 Dec |\n| ORD-3341 | ✅ 6 Dec |"
    )
    assert read(text, ClaimKind.ORDER_STATUS) == [
        ("delivered", "ORD-3340"),
        ("delivered", "ORD-3341"),
    ]


def test_a_state_column_not_ticked_claims_nothing():
    # Look-alike: the header names the state, the cell says it has not happened.
    text = "| Return | Received |\n|---|---|\n| RMA-4432 | ⏳ |"
    assert read(text, ClaimKind.RETURN_STATUS) == []


# -- a refund's state with a modal, and after an echoed question --------------------------------


def test_a_refund_that_might_still_be_pending_is_pending_and_hedged():
    text = "It seems the refund for **RMA-4440** may still be pending — give it until Friday."
    context = ExtractionContext(items=ITEMS)
    claims = extract(text, [ClaimKind.REFUND], context)
    assert [(c.value, c.subject, c.hedged) for c in claims] == [("pending", "RMA-4440", True)]


def test_a_short_answer_then_its_pending_after_an_echoed_question():
    text = (
        "You asked whether the refund for **RMA-4441** has gone out. Sadly not yet — it's "
        "**pending** while we check the box."
    )
    assert read(text, ClaimKind.REFUND) == [("pending", "RMA-4441")]


def test_its_pending_after_a_sentence_about_an_order_is_no_refund():
    # Look-alike: the sentence before names no refund.
    text = "You asked whether **ORD-3350** has shipped. Not yet — it's pending a payment check."
    assert read(text, ClaimKind.REFUND) == []
