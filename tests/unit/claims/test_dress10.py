"""Dresses that keep every fact (branch dress10, `benchmarks/claims_invariance.py`): a sum with
its currency's code, spaces a typographic locale sets, a code in backticks, a small count
spelt out. Each case is the same fact in a form the reader missed at the session's base.

Sentences written for the test, none taken from the labelled sets.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from auditor._claims import ExtractionContext, extract
from auditor._claims._bullets import dashed
from auditor._claims._currency import with_signs
from auditor._claims._ticks import unticked

CONTEXT = ExtractionContext(
    now=datetime(2026, 12, 8, 10, tzinfo=UTC),
    items={
        "LN-0410": "Lantern 410",
        "HM-0020": "Hammock",
        "HM-0021": "Hammock Double",
        "CP-0007": "Camp Pillow",
    },
)


def _read(text: str) -> list[tuple[str, object, object]]:
    return sorted(
        ((c.kind.value, c.value, c.subject) for c in extract(text, context=CONTEXT)), key=str
    )


# --- A sum written with its currency's code (`_currency`) ---------------------------------


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (
            "we paid you 14 GBP back for RMA-3301 yesterday",
            [("refund", "issued", "RMA-3301"), ("refund_amount", "14.00", "RMA-3301")],
        ),
        (
            "RMA-3302: 23.90 EUR refunded this morning",
            [("refund", "issued", "RMA-3302"), ("refund_amount", "23.90", "RMA-3302")],
        ),
        # The part paid back is the refund's amount; the whole it is part of is not.
        (
            "We have refunded 30.00 USD of the 42.00 USD you paid for RMA-3303.",
            [("refund", "issued", "RMA-3303"), ("refund_amount", "30.00", "RMA-3303")],
        ),
        (
            "The Hammock is down to 45 GBP from 60 GBP this week.",
            [("discount", "unspecified", "HM-0020")],
        ),
        ("Lantern 410 USD 8 off until Sunday", [("discount", "unspecified", "LN-0410")]),
        # A currency's word after the figure, as a voice transcript writes it.
        (
            "we paid you 14 pounds back for RMA-3306 yesterday",
            [("refund", "issued", "RMA-3306"), ("refund_amount", "14.00", "RMA-3306")],
        ),
        # A sum in pounds and pence takes the code after it; chat's "2" is "to", no sum.
        (
            "refund done ✅ 19.99 GBP 2 ur card for RMA-3305",
            [("refund", "issued", "RMA-3305"), ("refund_amount", "19.99", "RMA-3305")],
        ),
    ],
)
def test_a_sum_with_its_currency_code_reads_as_with_its_sign(
    answer: str, expected: list[tuple[str, object, object]]
) -> None:
    assert _read(answer) == sorted(expected, key=str)


def test_a_sum_with_a_code_keeps_its_span_in_the_answer() -> None:
    answer = "we paid you 14 GBP back for RMA-3304 yesterday"
    (amount,) = [c for c in extract(answer, context=CONTEXT) if c.kind.value == "refund_amount"]
    assert answer[amount.span[0] : amount.span[1]] == "14 GBP"


@pytest.mark.parametrize(
    "answer",
    [
        "Thanks, the usual reply time is 2 days.",
        "Your code is USD5OFF, a price of 12GBPX is no sum",
        "The eureka moment came later, at 40 past",
    ],
)
def test_a_code_not_beside_a_figure_is_left(answer: str) -> None:
    assert with_signs(answer) is None


# --- Spaces a typographic locale or an editor sets ------------------------------------------


def test_thin_spaces_between_every_word_keep_a_markdown_list() -> None:
    answer = (
        "Your refund:\n\n-\u202f**Return:**\u202fRMA-3305\n-\u202f**Status:**\u202fPaid\u202f✅"
    )
    assert _read(answer) == [("refund", "issued", "RMA-3305")]


def test_a_no_break_space_before_a_chat_two_reads_as_a_space() -> None:
    assert ("refund", "pending", "ORD-4410") in _read(
        "ORD-4410\u00a0cancelled, refund\u00a02\u00a0follow"
    )


# --- A code in backticks (`_ticks`) ---------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("`ORD-5120`'s with the courier now", [("order_status", "shipped", "ORD-5120")]),
        (
            "`ORD-5121` is at 'Despatch Confirmed' since 7am",
            [("order_status", "shipped", "ORD-5121")],
        ),
        (
            "`RMA-5122` is 'Credited', so that's your money back",
            [("return_status", "refunded", "RMA-5122")],
        ),
    ],
)
def test_a_code_in_backticks_reads_as_the_code(
    answer: str, expected: list[tuple[str, object, object]]
) -> None:
    assert _read(answer) == expected


def test_backticks_around_words_are_left() -> None:
    assert unticked("type `yes` to confirm") is None
    assert unticked("no backtick here") is None


# --- A small count spelt out (`_numbers.SMALL_COUNT`) ---------------------------------------


def test_a_count_spelt_out_before_left_is_stock_not_an_order_leaving() -> None:
    assert _read("Only three Camp Pillows left. ORD-6130 is waiting for payment to clear.") == [
        ("availability", "low_stock", "CP-0007"),
        ("order_status", "pending", "ORD-6130"),
        ("quantity", 3, "CP-0007"),
    ]


def test_a_count_spelt_out_before_free_is_stock_not_an_offer() -> None:
    assert ("discount", "free", "HM-0020") not in _read("the Hammock has eight free on my screen")


def test_counts_spelt_out_in_turn_after_a_pair() -> None:
    assert _read("the Hammock and the Camp Pillow are both in, five and twelve") == [
        ("availability", "in_stock", "CP-0007"),
        ("availability", "in_stock", "HM-0020"),
        ("quantity", 12, "CP-0007"),
        ("quantity", 5, "HM-0020"),
    ]


# --- A date told month first, where a part is still to come ---------------------------------


@pytest.mark.parametrize(
    "answer",
    [
        "**ORD-7140**\n\n- Hammock — ✅ delivered 5 Dec\n"
        "- Camp Pillow — 🚚 with the courier, due **December 14th**",
        "ORD-7140: the Hammock was delivered on Saturday, the Camp Pillow is due December 14.",
        "**ORD-7140**\n\n- Hammock — ✅ delivered 5 Dec\n"
        "- Camp Pillow — 🚚 with the courier, due **the 14th of December**",
    ],
)
def test_a_part_due_on_a_date_said_month_first_is_still_to_come(answer: str) -> None:
    assert ("order_status", "shipped", "ORD-7140") in _read(answer)


def test_counts_in_turn_after_a_state_marked_with_an_emoji() -> None:
    assert _read("The Hammock and the Camp Pillow are in stock ✅, 9 and 4") == [
        ("availability", "in_stock", "CP-0007"),
        ("availability", "in_stock", "HM-0020"),
        ("quantity", 4, "CP-0007"),
        ("quantity", 9, "HM-0020"),
    ]


# --- A list written with bullet characters (`_bullets`) -------------------------------------


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (
            "**Your refund for RMA-8810**\n\n• **Where it stands:** paid ✅\n• **Sum:** £12.00",
            [("refund", "issued", "RMA-8810"), ("refund_amount", "12.00", "RMA-8810")],
        ),
        (
            "Sorry, none of these are available right now:\n\n◦ Hammock\n◦ Hammock Double\n"
            "◦ Camp Pillow",
            [
                ("availability", "out_of_stock", "CP-0007"),
                ("availability", "out_of_stock", "HM-0020"),
                ("availability", "out_of_stock", "HM-0021"),
            ],
        ),
    ],
)
def test_a_list_of_bullet_characters_reads_as_a_markdown_list(
    answer: str, expected: list[tuple[str, object, object]]
) -> None:
    assert _read(answer) == expected


def test_a_bullet_inside_a_line_is_left() -> None:
    assert dashed("Hammock • Camp Pillow • Lantern 410") is None
    assert dashed("• Hammock: 3 left") == "- Hammock: 3 left"


# --- An order named by its number reads as its id does (`_subjects._with_order_numbers`) ----


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (
            "order #30417 and order #30418 both left the warehouse this morning",
            [("order_status", "shipped", "ORD-30417"), ("order_status", "shipped", "ORD-30418")],
        ),
        (
            "The team are packing order #30419 right now.",
            [("order_status", "processing", "ORD-30419")],
        ),
        (
            "accounts will email u about order no. 30420",
            [("deflection", "contact_support", "ORD-30420")],
        ),
        # A system's label an agent quotes after the order (`_screen`).
        (
            "order #30421 is still in 'Awaiting Allocation' on my screen",
            [("order_status", "processing", "ORD-30421")],
        ),
    ],
)
def test_an_order_named_by_its_number_reads_as_its_id(
    answer: str, expected: list[tuple[str, object, object]]
) -> None:
    assert _read(answer) == expected


# --- Chat's "u" spelt out where it is no question (`_shorthand`) ----------------------------


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (
            "we can hold a Camp Pillow for u till Monday if u like",
            [("availability", "in_stock", "CP-0007")],
        ),
        (
            "I've booked u a call back from the returns team for tmrw morning",
            [("deflection", "contact_support", None)],
        ),
        ("Thank u so much for ur patience.", [("deflection", "other", None)]),
    ],
)
def test_chat_u_reads_as_you(answer: str, expected: list[tuple[str, object, object]]) -> None:
    assert _read(answer) == expected


def test_chat_u_in_a_question_stays_as_written() -> None:
    assert ("deflection", "contact_support", None) not in _read(
        "the refunds screen won't load for me, can u msg back in a bit?"
    )


# --- "&" read as "and" (`_shorthand`) -------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (
            "the Hammock is sold out & the Camp Pillow too, sorry",
            [
                ("availability", "out_of_stock", "CP-0007"),
                ("availability", "out_of_stock", "HM-0020"),
            ],
        ),
        (
            "ORD-9150 left our depot on December 1 & was delivered on December 4.",
            [
                ("delivery_date", "2026-12-04", "ORD-9150"),
                ("order_status", "delivered", "ORD-9150"),
            ],
        ),
    ],
)
def test_an_ampersand_reads_as_and(answer: str, expected: list[tuple[str, object, object]]) -> None:
    assert _read(answer) == expected


def test_a_range_joined_by_an_ampersand_ends_on_its_later_day() -> None:
    assert _read("ORD-9150 should land between the 14th & 16th") == [
        ("delivery_date", "2026-12-16", "ORD-9150")
    ]


def test_an_ampersand_inside_a_name_stays() -> None:
    context = ExtractionContext(
        items={"SP-0001": "Salt & Pepper Mill", "SP-0002": "Salt & Pepper Mill Large"}
    )
    answer = "Salt & Pepper Mill & the Salt & Pepper Mill Large both in stock"
    assert sorted((c.value, c.subject) for c in extract(answer, context=context)) == [
        ("in_stock", "SP-0001"),
        ("in_stock", "SP-0002"),
    ]


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (
            "Use **NAP15** at checkout for **15 percent off** the **Hammock**.",
            [("discount", "15", "HM-0020")],
        ),
        ("Sorry, the 20 percent voucher was for the spring sale and has expired now.", []),
    ],
)
def test_a_share_in_words_reads_as_its_sign(
    answer: str, expected: list[tuple[str, object, object]]
) -> None:
    assert _read(answer) == expected


# --- A weekday cut to three letters (`_dates`) ----------------------------------------------


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("Evri have ORD-9160 down for a Sat delivery", "2026-12-12"),
        ("ORD-9161 could turn up as early as Wed.", "2026-12-09"),
        ("ORD-9162 is booked in for delivery a week on Mon.", "2026-12-21"),
    ],
)
def test_a_short_weekday_after_a_booking_or_a_comparison_is_the_day(
    answer: str, expected: str
) -> None:
    assert [v for k, v, _ in _read(answer) if k == "delivery_date"] == [expected]


# --- The chat's own wait, apologised for as the answer opens (`_delay`) ---------------------


def test_sorry_for_the_wait_opening_an_answer_is_no_late_order() -> None:
    assert _read(
        "Sorry for the wait! I've passed ORD-9170 to our warehouse team, they'll email you today."
    ) == [("deflection", "contact_support", "ORD-9170")]


def test_sorry_for_the_wait_after_a_late_parcel_is_about_it() -> None:
    assert ("delay", "apologised", "ORD-9171") in _read(
        "ORD-9171 is three days past its expected date. I'm sorry for the wait!"
    )


def test_a_denial_by_none_of_after_a_mark_opening_the_sentence() -> None:
    assert _read(
        "✔️ None of the hammocks we sell, including the Hammock Double, are in stock today."
    ) == [("availability", "out_of_stock", "HM-0020"), ("availability", "out_of_stock", "HM-0021")]
