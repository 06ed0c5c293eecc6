"""Markdown structure (issue 23 item 1): markup is no part of what is said, spans stay slices of
the original answer, and a list item, a heading or a "Label: value" line is a scope."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor._claims import ClaimKind, ExtractionContext, extract
from auditor._claims._markdown import layout

SHOP = ExtractionContext(
    items={"KT-0001": "Blue Kettle", "KT-0002": "Blue Kettle Pro", "TS-0101": "Red Toaster"}
)
AVAILABILITY = [ClaimKind.AVAILABILITY]


def read(text: str, kinds: list[ClaimKind] | None = None) -> list[tuple[object, str | None]]:
    return [(c.value, c.subject) for c in extract(text, kinds or AVAILABILITY, SHOP)]


def test_plain_prose_is_not_parsed():
    assert layout("The Blue Kettle is in stock, order ORD-12345 shipped.") is None


@pytest.mark.parametrize(
    "text",
    [
        "**Blue Kettle** is *out of stock*.",
        "- **Status:** Out of stock\n- **Expected back:** 12 December",
        "## Red Toaster ##\n1. one `KT-0001` [link](https://x.test/a)\n> quoted\n\n---\n",
        "a\r\n* b\r\n* _c_\r\n",
        "snake_case, 3 * 4 and a\\*b",
    ],
)
def test_the_plain_text_is_as_long_as_the_answer_and_blanks_only_markup(text):
    found = layout(text)
    assert found is not None
    assert len(found.plain) == len(text)
    for original, plain in zip(text, found.plain, strict=True):
        assert plain in (original, " ") or (original, plain) == ("\r", "\n")
    if text.startswith("**"):
        assert found.plain == "  Blue Kettle   is  out of stock ."


def test_emphasis_does_not_break_a_phrase_and_spans_cut_the_original():
    text = "**Blue Kettle** is *out of stock*."
    [claim] = extract(text, AVAILABILITY, SHOP)
    assert (claim.value, claim.subject) == ("out_of_stock", "KT-0001")
    assert text[claim.span[0] : claim.span[1]] == "out of stock"


def test_a_label_takes_its_subject_from_its_value():
    text = "- In stock: Blue Kettle\n- Sold out: Red Toaster"
    assert sorted(read(text)) == [("in_stock", "KT-0001"), ("out_of_stock", "TS-0101")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("**Blue Kettle**\n- In stock: No", [("out_of_stock", "KT-0001")]),
        ("Red Toaster\nAvailable: ❌", [("out_of_stock", "TS-0101")]),
        ("**Red Toaster**\n- **In stock:** yes", [("in_stock", "TS-0101")]),
        ("Blue Kettle Pro\nIn stock: not at the moment", [("out_of_stock", "KT-0002")]),
    ],
)
def test_a_value_can_deny_its_label(text, expected):
    assert read(text) == expected


def test_a_bullet_is_not_about_the_item_the_bullet_before_names():
    text = "- Blue Kettle: sold out\n- Red Toaster: in stock\n- Back in stock next week"
    assert sorted(read(text), key=str) == [
        ("backorder", None),
        ("in_stock", "TS-0101"),
        ("out_of_stock", "KT-0001"),
    ]
    # A heading does scope the bullets under it.
    assert read("### Red Toaster\n- Availability: in stock") == [("in_stock", "TS-0101")]


def test_a_phrase_does_not_run_from_one_bullet_into_the_next():
    text = "- Blue Kettle: we're out\n- of stock alerts can be set up on the product page"
    found = extract(text, AVAILABILITY, SHOP)
    assert all("\n" not in text[c.span[0] : c.span[1]] for c in found)


def test_list_markers_and_numbers_are_not_counts():
    text = "1. **Blue Kettle** — in stock\n2. **Red Toaster** — sold out"
    assert read(text, [ClaimKind.QUANTITY]) == []
    assert sorted(read(text)) == [("in_stock", "KT-0001"), ("out_of_stock", "TS-0101")]


@given(st.text(alphabet=list("ab 1.)-+>#=*_`[](\n\t"), max_size=14))
@settings(max_examples=400, deadline=None)
def test_the_quick_markup_test_agrees_with_the_pattern(text):
    from auditor._claims._markdown import _MAYBE_MARKUP, _maybe_markup

    assert _maybe_markup(text) == (_MAYBE_MARKUP.search(text) is not None)
