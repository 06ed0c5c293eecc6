"""What the reference assistant's `widget` voice (a web shop's chat widget, its cards, chips
and buttons flattened to text) found the reader could not read, by mechanism (voice10d): a bare
"Got it" opening a line acknowledges the message and says nothing of stock; a search's count
of nothing ("0 items found", "no results for …") is `not_carried`; a refund card's fields
after "·" or "|" on its title line, or its "Key | value" rows below it, give the refund's
state; a line of bracketed quick-reply buttons ("[Speak to someone]") offers, and hands the
customer off to no one. The sentences were written for these tests, in a bicycle shop's
words (not taken from the voice's templates nor from fixtures/claims), with look-alikes that
must keep their reading. `now` is Tuesday 8 December 2026."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract

SHOP = ExtractionContext(
    now=datetime(2026, 12, 8, 10, 0, tzinfo=UTC),
    items={"BL-0410": "Bike Light", "HL-0220": "Helmet Lock", "PU-0035": "Track Pump"},
)
K = ClaimKind


def got(text: str, kind: ClaimKind) -> list[object]:
    return sorted((c.value for c in extract(text, [kind], SHOP)), key=repr)


# --- an acknowledgement opening the line ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ('Got it, checking now.\n🔎 "ZX-4410" · 0 items found', ["not_carried"]),
        ("Got it. Track Pump (PU-0035)\nStock · none, sold out", ["out_of_stock"]),
        # look-alikes: a "got it" with someone who has it still says it is in
        ("yep got it, 30 left", ["in_stock"]),
        ("Track Pump? we got it, loads", ["in_stock"]),
    ],
)
def test_a_got_it_opening_the_line_acknowledges_and_says_no_stock(text, want):
    assert got(text, K.AVAILABILITY) == want


# --- a search that found nothing ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '🔎 "ZX-4410" · 0 items found. Try another name?',
        'Search: "QQ-1180" | zero products found',
        '🔎 No results for "ZX-4410", sorry.',
    ],
)
def test_a_search_count_of_nothing_is_not_carried(text):
    assert got(text, K.AVAILABILITY) == ["not_carried"]


def test_no_results_on_an_account_is_no_product_search():
    assert got("No results found for ORD-4471 on your account.", K.AVAILABILITY) == []


# --- a refund card ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("💸 Refund · RMA-3301 · £24.50 · [Sent ✓] · 3 Dec", ["issued"]),
        ("💸 Refund · RMA-3302 · £9.99 · [Processing]", ["pending"]),
        ("Your money back 👇\n💸 Refund for RMA-3303\nSum | £40.00\nStatus | Queued", ["pending"]),
        ("💸 Refund for RMA-3304\nSum | £12.00\nPaid on | 1 Dec 2026", ["issued"]),
    ],
)
def test_a_refund_cards_fields_give_its_state(text, want):
    assert got(text, K.REFUND) == want


def test_a_card_of_something_else_with_the_same_rows_gives_no_refund():
    card = "🚲 Helmet Lock (HL-0220)\nPrice | £18.00\nStatus | Paid on checkout"
    assert got(card, K.REFUND) == []


# --- quick-reply buttons ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "📦 ORD-5512 · Delivered ✓\n\n[Report a problem] [Speak to someone] [Main menu]",
        "Bike Light (BL-0410) — 6 in stock\n\nSuggested: [Compare lights] [Chat with our team]",
    ],
)
def test_a_line_of_buttons_hands_no_one_off(text):
    assert got(text, K.DEFLECTION) == []


@pytest.mark.parametrize(
    "text",
    [
        "I can't sort that here, please speak to someone at help@bikes.example.",
        "For a warranty claim, please [chat with our team](https://bikes.example/help).",
    ],
)
def test_a_hand_off_in_words_or_a_link_still_hands_off(text):
    assert got(text, K.DEFLECTION) == ["contact_support"]


# --- an order not yet sent, apologised for ------------------------------------------------------


def test_an_apology_that_the_order_has_not_left_is_lateness():
    text = "Apologies, ORD-7720 hasn't been dispatched.\nPromised | 4 Dec\nStatus | chasing"
    assert got(text, K.DELAY) == ["apologised"]


def test_not_yet_sent_without_an_apology_is_no_lateness():
    assert got("ORD-7721 hasn't been dispatched yet, it goes out tomorrow.", K.DELAY) == []
