"""The same answer dressed as assistants dress it — a closing line, a greeting, a heading, a
bullet, a label — keeps its reading (`benchmarks/claims_invariance.py` found each case).

Sentences written for the test, none taken from the labelled sets.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from auditor._claims import ExtractionContext, extract
from auditor._claims._hyphens import unhyphenated
from auditor._claims._linebreaks import closing_at_line_ends
from auditor._compat import tracking_key

CONTEXT = ExtractionContext(
    now=datetime(2026, 12, 7, 10, tzinfo=UTC),
    items={
        "PN-0021": "Pasta Pot",
        "TM-0300": "Tent Mallet",
        "MX-0900": "Stand Mixer 900",
        "MX-0500": "Stand Mixer 500",
    },
)


def _read(text: str) -> list[tuple[str, object, object]]:
    return sorted(
        ((c.kind.value, c.value, c.subject) for c in extract(text, context=CONTEXT)), key=str
    )


@pytest.mark.parametrize(
    ("source", "compiled"),
    [
        (r"7(?=\s*(?:[.,!]|$))", r"7(?=\s*(?:[\n.,!]|$))"),
        # The line break goes first, so that it never ends a range.
        (r"x(?:[.\u2014-]|$)", r"x(?:[\n.\u2014-]|$)"),
        # A "]" opening a class is a literal: the break goes after it.
        (r"x(?:[].]|$)", r"x(?:[]\n.]|$)"),
        # Left as written: a negated class, a class holding a break already, a class not
        # followed by "or the end", an escaped bracket.
        (r"[^.]|$", r"[^.]|$"),
        (r"[.\n]|$", r"[.\n]|$"),
        (r"[.,] |$", r"[.,] |$"),
        (r"\[.]|$", r"\[.]|$"),
        (r"no end here [.,]", r"no end here [.,]"),
    ],
)
def test_a_line_break_is_added_to_every_closing_class(source: str, compiled: str) -> None:
    assert closing_at_line_ends(source) == compiled


@pytest.mark.parametrize(
    "answer",
    [
        "pasta pot - we've got 9",
        "pasta pot - we've got 9\n\nAnything else I can do for you?",
        "pasta pot - we've got 9\nCheers, Sam",
    ],
)
def test_a_count_that_ends_its_line_is_read_whatever_follows_the_line(answer: str) -> None:
    assert _read(answer) == [
        ("availability", "in_stock", "PN-0021"),
        ("quantity", 9, "PN-0021"),
    ]


@pytest.mark.parametrize(
    "answer",
    [
        "None of our stand mixers, the Stand Mixer 900 included, are in stock.",
        "Thanks for waiting. None of our stand mixers, the Stand Mixer 900 included, are in stock.",
        "## What I found\n\nNone of our stand mixers, the Stand Mixer 900 included, are in stock.",
    ],
)
def test_none_of_a_group_denies_stock_after_a_sentence_before_it(answer: str) -> None:
    # Each stand mixer the shop has is out (`_groups`), the one named among them too.
    assert _read(answer) == [
        ("availability", "out_of_stock", "MX-0500"),
        ("availability", "out_of_stock", "MX-0900"),
    ]


def test_a_question_that_carries_a_fact_is_no_non_answer() -> None:
    # Before: the greeting was filler and the question passed over, so the answer "said
    # nothing" beside its stock claim.
    answer = "Hi there, thanks for reaching out! yes we've got 4 tent mallets, shall I hold one?"
    assert _read(answer) == [
        ("availability", "in_stock", "TM-0300"),
        ("quantity", 4, "TM-0300"),
    ]


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        # A heading says nothing when its answer says nothing …
        ("### Your question\n\nApologies for the mix-up!", [("other",)]),
        # … and a heading's own claim overrules the non-answer.
        ("### Sold out\n\nSorry about that!", [("out_of_stock",)]),
    ],
)
def test_a_heading_over_filler(answer: str, expected: list[tuple[str]]) -> None:
    assert [(value,) for _, value, _ in _read(answer)] == expected


def test_a_label_before_a_delivery_date_is_no_message() -> None:
    assert _read("**Update:** it should be with you on Friday 11th December.") == [
        ("delivery_date", "2026-12-11", None)
    ]
    # The message itself still is one: its time is the update's, not the parcel's.
    assert _read("An update should be with you by Friday.") == []


@pytest.mark.parametrize("answer", ["- last 2 tent mallet", "**Stock:** last 2 tent mallet"])
def test_the_last_few_named_after_a_bullet_or_a_label(answer: str) -> None:
    assert _read(answer) == [
        ("availability", "low_stock", "TM-0300"),
        ("quantity", 2, "TM-0300"),
    ]


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (
            "**pasta pot** x2 left",
            [("availability", "low_stock", "PN-0021"), ("quantity", 2, "PN-0021")],
        ),
        # The denial in reach again: no stock read beside it.
        (
            "There are zero units of the **Pasta Pot** available today.",
            [("availability", "out_of_stock", "PN-0021"), ("quantity", 0, "PN-0021")],
        ),
        ("The _Tent Mallet_ is sold out.", [("availability", "out_of_stock", "TM-0300")]),
        # A bold line of its own stays a heading over the lines below it.
        (
            "**Pasta Pot**\n\nIn stock: 6",
            [("availability", "in_stock", "PN-0021"), ("quantity", 6, "PN-0021")],
        ),
        # An emphasised name that is not the catalogue's stays as it is.
        (
            "We don't sell anything called *Pasta Pot Deluxe*.",
            [("availability", "not_carried", None)],
        ),
    ],
)
def test_emphasis_around_a_name_is_taken_off_before_reading(
    answer: str, expected: list[tuple[str, object, object]]
) -> None:
    assert _read(answer) == sorted(expected, key=str)


def test_spans_of_an_answer_read_without_its_emphasis_are_the_answer_s_own() -> None:
    answer = "There are zero units of the **Pasta Pot** available today."
    spans = {answer[slice(*c.span)] for c in extract(answer, context=CONTEXT)}
    assert spans == {"zero units"}
    answer = "Only 2 **Pasta Pot** left!"
    assert {answer[slice(*c.span)] for c in extract(answer, context=CONTEXT)} == {
        "2 **Pasta Pot** left"
    }


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("Of course! Apologies for the mix-up.", [("deflection", "other", None)]),
        ("Apologies for the mix-up. Hope this helps!", [("deflection", "other", None)]),
        # "Sure!" alone may be a yes: never a non-answer of its own.
        ("Sure!", []),
        ("Certainly! The Pasta Pot is in stock.", [("availability", "in_stock", "PN-0021")]),
    ],
)
def test_a_model_s_opening_and_closing_words(
    answer: str, expected: list[tuple[str, object, object]]
) -> None:
    assert _read(answer) == expected


@pytest.mark.parametrize(
    "answer",
    [
        "I've looked into that for you: RMA-5120 is all sorted, refunded and closed.",
        "Right, RMA-5120 is all sorted, refunded and closed.",
    ],
)
def test_a_clause_with_no_noun_goes_on_with_the_nearest_before_it(answer: str) -> None:
    # Before: the sentence's first noun ("I") was the refund's topic, and the return's state
    # was read as money paid.
    assert ("return_status", "refunded", "RMA-5120") in _read(answer)


def test_a_letter_s_closing_says_nothing() -> None:
    assert _read("Apologies for the mix-up!\n\nKind regards,\nJo, Support Team") == [
        ("deflection", "other", None)
    ]
    assert _read("The Pasta Pot is in stock.\n\nBest regards,\nJo") == [
        ("availability", "in_stock", "PN-0021")
    ]


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (
            "pasta pot (PN-0021): 0 atm, tent mallet (TM-0300): loads",
            [("availability", "in_stock", "TM-0300"), ("availability", "out_of_stock", "PN-0021")],
        ),
        (
            "The Tent Mallet (TM-0300)'s sold out, but the Pasta Pot (PN-0021)'s in.",
            [("availability", "in_stock", "PN-0021"), ("availability", "out_of_stock", "TM-0300")],
        ),
        # The id wins over the name beside it: it says which item the answer means.
        ("Pasta Pot (TM-0300): 0 left", [("availability", "out_of_stock", "TM-0300")]),
    ],
)
def test_a_name_with_its_id_in_brackets_is_one_mention(
    answer: str, expected: list[tuple[str, object, object]]
) -> None:
    assert [c for c in _read(answer) if c[0] == "availability"] == expected


@pytest.mark.parametrize(
    "answer",
    [
        "| Return | Refund |\n|---|---|\n| RMA-5120 | £14.00 — paid |\n| RMA-5121 | on hold |\n\n"
        "Anything else?",
        "Where your refund is:\n\n1. Return received ✅\n2. Refund approved ✅\n"
        "3. Payment sent ⏳\n\nAnything else?",
    ],
)
def test_lines_ended_with_a_carriage_return_read_as_lines(answer: str) -> None:
    # Before: a table's rows read nothing, a numbered line's state ran into the next.
    assert _read(answer.replace("\n", "\r\n")) == _read(answer)


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (
            "the driver missed u, theyll try again tomorrow for ORD-44120",
            ("delivery_date", "2026-12-08", "ORD-44120"),
        ),
        ("the moneys on its way back to ur card for RMA-5120", ("refund", "issued", "RMA-5120")),
        ("its with the courier, ORD-44120", ("order_status", "shipped", "ORD-44120")),
        (
            "Refunds pending for RMA-5120, finance need to sign it off",
            ("refund", "pending", "RMA-5120"),
        ),
        ("youll have ORD-44120 by Friday", ("delivery_date", "2026-12-11", "ORD-44120")),
    ],
)
def test_contractions_typed_without_their_apostrophe(
    answer: str, expected: tuple[str, object, object]
) -> None:
    assert expected in _read(answer)


def test_its_before_a_noun_stays_the_possessive() -> None:
    assert _read("Your order ORD-44120 is on its way") == [("order_status", "shipped", "ORD-44120")]


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("The Pasta Pot is out-of-stock.", [("availability", "out_of_stock", "PN-0021")]),
        # a non-breaking hyphen, as a word processor puts it
        ("The Pasta Pot is out\u2011of\u2011stock.", [("availability", "out_of_stock", "PN-0021")]),
        ("The Pasta Pot is currently sold-out.", [("availability", "out_of_stock", "PN-0021")]),
        ("The Tent Mallet is Low-Stock right now.", [("availability", "low_stock", "TM-0300")]),
        ("ORD-44120 is out-for-delivery today.", [("order_status", "shipped", "ORD-44120")]),
    ],
)
def test_phrases_of_state_written_with_hyphens(
    answer: str, expected: list[tuple[str, object, object]]
) -> None:
    assert [c for c in _read(answer) if c[0] != "delivery_date"] == expected


def test_only_the_phrases_lose_their_hyphens() -> None:
    assert unhyphenated("The in-store out-of-stock list: KT-1042, N-Series.") == (
        "The in-store out of stock list: KT-1042, N-Series."
    )
    assert unhyphenated("The stand-out item is in-store only.") is None


def test_a_ups_number_printed_in_groups_is_one_number() -> None:
    claims = extract("Your tracking number is 1Z 999 AA1 01 2345 6784.", context=CONTEXT)
    (tracking,) = [c for c in claims if c.kind.value == "tracking"]
    assert tracking_key(str(tracking.value)) == "1Z999AA10123456784"


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("ORD-44120 will be delivered on Dec. 10.", "2026-12-10"),
        ("ORD-44120 should arrive by Thu., Dec. 10, weather permitting.", "2026-12-10"),
        ("ORD-44120 shipped Dec. 4 and arrives Dec. 9.", "2026-12-09"),
    ],
)
def test_a_month_abbreviated_with_a_stop_ends_no_sentence(answer: str, expected: str) -> None:
    assert ("delivery_date", expected, "ORD-44120") in _read(answer)
