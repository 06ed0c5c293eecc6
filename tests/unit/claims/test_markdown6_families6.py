"""The chatty Markdown voice read by its structure, sixth session (issues 16, 23).

The mechanisms were found on `fixtures/claims/dev6/markdown6.jsonl` and on the blind misses of
dev2-dev5 (`fixtures/claims/dev6/markdown6.md`): a label's synonym class read as its canonical
label, a bold line alone as a heading whose subject is the section's, a count behind a status
mark in a stock cell, a count-label line, a status mark as a refund field's value, a line
labelled by a part kept, a step table's rows, a count's phrase kept inside its Markdown block.
The answers below are written for this test and are in none of the fixtures; each mechanism
has look-alikes that must stay unread."""

from __future__ import annotations

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract
from auditor._claims._markdown import LABEL_SYNONYMS, layout

ITEMS = {
    "MG-0101": "Milk Frother",
    "MG-0102": "Milk Frother Duo",
    "TS-0201": "Toast Rack",
    "PL-0301": "Pie Dish Deep",
}


def subjects(text: str, kind: ClaimKind) -> list[tuple[object, object]]:
    context = ExtractionContext(items=ITEMS)
    return [(c.value, c.subject) for c in extract(text, [kind], context)]


def test_a_synonym_label_is_read_as_its_canonical_label_without_moving_the_text():
    text = "**Where it's at:** packed\n**How much:** $4.00"
    found = layout(text)
    assert found is not None
    assert len(found.plain) == len(text)
    assert "status:" in found.plain
    assert "amount:" in found.plain
    # Every canonical label fits in the room of each of its synonyms.
    assert all(len(s) >= len(c) for c, synonyms in LABEL_SYNONYMS.items() for s in synonyms)


def test_a_synonym_inside_a_sentence_is_no_label():
    found = layout("I've checked **where it's at** for you: still packing.")
    assert found is not None
    assert "status" not in found.plain


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A refund's own label, in a model's words.
        ("**Money back:** ✅ sent to your Mastercard\n\nThat's for RMA-7310.", "issued"),
        # A bare status label under a bold line about the refund.
        ("**Your refund — RMA-7311** 💳\n\n- **Where it's at:** done and paid", "issued"),
        ("**Refund update for RMA-7312**\n\n- **Progress:** awaiting sign-off", "pending"),
        # A status mark as the refund field's value, in a checklist table.
        (
            "### RMA-7313\n\n| Step | Done? |\n|---|---|\n| Label sent | ✅ |\n| Refund | ⏳ |",
            "pending",
        ),
        ("**RMA-7314**\n\n- **Refund:** ✅\n- **Return:** closed", "issued"),
        ("**RMA-7324**\n\n- **Refund status:** Being processed\n- **Amount:** $8.00", "pending"),
    ],
)
def test_refund_fields_in_a_models_words(text, want):
    assert [v for v, _ in subjects(text, ClaimKind.REFUND)] == [want]


@pytest.mark.parametrize(
    "text",
    [
        # A bold line that is a sentence, not a heading: its "Status" stays the order's.
        "**ORD-44120**\n\n- **Status:** ✅ packed",
        # A part of the money kept, by its line's label.
        "**ORD-44121** 🧾\n\n- **Return postage:** $5.50 — not refundable",
        # A cross in a checklist is "not yet", never read as "no refund".
        "### RMA-7315\n\n| Step | Done? |\n|---|---|\n| Refund | ❌ |",
    ],
)
def test_refund_look_alikes_stay_unread(text):
    assert subjects(text, ClaimKind.REFUND) == []


def test_an_amount_in_a_section_headed_by_the_refund_is_its_amount():
    text = "## Refund details — RMA-7316\n\nWe'll release the **€23.40** once the photo is in."
    assert subjects(text, ClaimKind.REFUND_AMOUNT) == [("23.40", "RMA-7316")]
    # Under a heading about the order, the sum is the order's, not money back.
    text = "## Order details — ORD-44122\n\nYou paid **€23.40** for this one. A refund is not due."
    assert subjects(text, ClaimKind.REFUND_AMOUNT) == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A count behind a status mark in a stock column.
        ("| Item | Stock |\n|---|---|\n| Toast Rack | ✅ 14 |\n| Pie Dish Deep | ❌ 0 |",
         [(14, "TS-0201"), (0, "PL-0301")]),
        # A count label in a model's words, on a line of its own.
        ("**Toast Rack**\n- **Warehouse count:** 19\n- **Colour:** steel", [(19, "TS-0201")]),
        ("Here's the **Pie Dish Deep**:\n\n- **How many:** 7", [(7, "PL-0301")]),
        # A nested bullet's count is its parent item's, not the next item's.
        ("- **Milk Frother**\n  - Quantity: 9\n- **Toast Rack**\n  - In stock: no",
         [(9, "MG-0101")]),
    ],
)  # fmt: skip
def test_counts_in_markdown_structure(text, want):
    assert subjects(text, ClaimKind.QUANTITY) == want


@pytest.mark.parametrize(
    "text",
    [
        # A count label of something that is not stock.
        "**Milk Frother**\n- **Warranty:** 2 years\n- **Settings:** 3",
        # A count inside a sentence that only ends in a colon.
        "We sold how many: 40 last week alone!",
    ],
)
def test_count_look_alikes_stay_unread(text):
    assert subjects(text, ClaimKind.QUANTITY) == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("**ORD-44123**\n\n**Current stage:** Packing 📦", "processing"),
        ("Thanks for shopping with us!\n\n**Order:** ORD-44124\n**Status:** Confirmed", "pending"),
        ("**ORD-44125**\n\n- **Latest:** In transit", "shipped"),
    ],
)
def test_order_status_fields_in_a_models_words(text, want):
    assert [v for v, _ in subjects(text, ClaimKind.ORDER_STATUS)] == [want]


@pytest.mark.parametrize(
    "text",
    [
        # A step of a record's history in a checklist table is no hand-off.
        "### RMA-7317\n\n| Step | Done |\n|---|---|\n| Request submitted | ✅ |\n| Approved | ⏳ |",
        "| Step | When |\n|---|---|\n| Case raised | 3 Dec |",
        # A record logged on a day is no request to log in.
        "**RMA-7318**\n\n- **Return request:** logged on 4 December",
        "Your return RMA-7319 was logged on Monday.",
    ],
)
def test_records_are_no_deflection(text):
    assert subjects(text, ClaimKind.DEFLECTION) == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A contact table still hands the customer on.
        ("### Get in touch\n\n| Channel | Hours |\n|---|---|\n| Live chat | Mon–Fri 9–5 |",
         "contact_support"),
        ("log in first please, then I can look", "sign_in"),
        ("**Next step:** please log on to your account", "sign_in"),
    ],
)  # fmt: skip
def test_hand_offs_next_to_those_look_alikes_are_still_read(text, want):
    assert [v for v, _ in subjects(text, ClaimKind.DEFLECTION)] == [want]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A table's status column in the words a "Status:" label would need.
        ("| Order | Placed | Status |\n|---|---|---|\n| ORD-44126 | 2 Dec | Being packed |",
         [("processing", "ORD-44126")]),
        ("| Order | Stage |\n|---|---|\n| ORD-44127 | Confirmed ✅ |", [("pending", "ORD-44127")]),
        # A carrier's event quoted in a table cell or as a field's value is the record's.
        ("| Order | Carrier update |\n|---|---|\n| ORD-44128 | \"Out for delivery\" |",
         [("shipped", "ORD-44128")]),
        ("The newest scan event for **ORD-44129** is *\"Delivered to reception\"*.",
         [("delivered", "ORD-44129")]),
    ],
)  # fmt: skip
def test_order_states_in_tables_and_quoted_events(text, want):
    assert subjects(text, ClaimKind.ORDER_STATUS) == want


@pytest.mark.parametrize(
    "text",
    [
        # A status column of returns, not orders.
        "| Return | Status |\n|---|---|\n| RMA-7320 | Confirmed |",
        # The customer's words echoed back in a sentence are still an echo.
        'You asked whether ORD-44130 is "out for delivery" — let me check that for you.',
    ],
)
def test_order_look_alikes_in_tables_and_quotes_stay_unread(text):
    assert subjects(text, ClaimKind.ORDER_STATUS) == []


def test_an_unspecified_cut_of_another_item_stays_beside_a_figure():
    text = "### Deals today\n\n- **Toast Rack** — **25% off**\n- **Pie Dish Deep** — **$4 off**"
    assert subjects(text, ClaimKind.DISCOUNT) == [("25", "TS-0201"), ("unspecified", "PL-0301")]
    # The same item's cut is told by its figure; a figure of no item covers every cut.
    assert subjects("The Toast Rack is on sale: 25% off.", ClaimKind.DISCOUNT) == [
        ("25", "TS-0201")
    ]
    text = "Everything is 10% off today, and our pie dishes are reduced too."
    assert subjects(text, ClaimKind.DISCOUNT) == [("10", None)]


def test_a_table_laid_across_gives_each_column_its_items_count():
    text = (
        "| | Toast Rack | Pie Dish Deep |\n|---|---|---|\n| Price | $12 | $30 |\n| Units | 6 | 0 |"
    )
    assert subjects(text, ClaimKind.QUANTITY) == [(6, "TS-0201"), (0, "PL-0301")]
    # A row of prices is no count, nor a row whose label is no stock field.
    text = "| | Toast Rack | Pie Dish Deep |\n|---|---|---|\n| Price | 12 | 30 |"
    assert subjects(text, ClaimKind.QUANTITY) == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("I couldn't find that one 🤔 Could you share the **item code** from its page?", 1),
        ("Could you paste the **product link**, please? 🔗", 1),
        # Telling where a code is, or asking for a promo code, asks for no item.
        ("You'll find the product code on the box's label. 📦", 0),
    ],
)
def test_asking_for_an_items_code_or_link_is_a_clarification(text, want):
    assert len(subjects(text, ClaimKind.CLARIFICATION)) == want


@pytest.mark.parametrize(
    ("text", "kind", "want"),
    [
        # A checklist row whose step is not done yet claims nothing; its ⏳ is the refund's wait.
        ("**RMA-7321**\n\n| Step | Status |\n|---|---|\n| Received | ✅ |\n| Refunded | ⏳ |",
         ClaimKind.REFUND, [("pending", "RMA-7321")]),
        ("**RMA-7322**\n\n| Step | Status |\n|---|---|\n| Approved | ✅ |\n| Received | — |",
         ClaimKind.RETURN_STATUS, [("approved", "RMA-7322")]),
        ("**RMA-7323**\n\n| Step | Status |\n|---|---|\n| Approved | ✅ |\n| Received | ✅ |",
         ClaimKind.RETURN_STATUS, [("received", "RMA-7323")]),
        # A carrier's update pasted as a blockquote is the record's, not an echo.
        ("Latest for **ORD-44131**:\n\n> 📍 *\"Delivered — left with neighbour\"* · 9:40",
         ClaimKind.ORDER_STATUS, [("delivered", "ORD-44131")]),
        # The customer's words quoted after "You asked:" stay an echo.
        ("You asked:\n\n> \"has ORD-44132 been delivered\"\n\nLet me look into it.",
         ClaimKind.ORDER_STATUS, []),
    ],
)  # fmt: skip
def test_checklist_steps_and_pasted_records(text, kind, want):
    assert subjects(text, kind) == want


def test_a_refund_phrase_does_not_run_across_table_cells():
    text = "| Return | Refund |\n|---|---|\n| RMA-7325 | Not yet issued |"
    assert subjects(text, ClaimKind.REFUND) == [("pending", "RMA-7325")]
    text = "| Return | Refund |\n|---|---|\n| RMA-7326 | Declined ❌ |"
    assert subjects(text, ClaimKind.REFUND) == [("none", "RMA-7326")]
