"""Two false stock claims found on the fourth hand-judged model set (seeds 49 and 50,
`docs/llm.md`), after it was scored: each turned an answer into a `fail`.

- Words that run into a question assert nothing (`_scan.silent_at`, for phrases and counts):
  "3708 - in stock or not?" was read as 3,708 units in stock (the number is the item's name,
  and the sentence asks).
- Information had is no stock, whatever stands between "any" and the noun: "I don't have any
  additional information about …" was read as out of stock.

And one found by the `agent6` helper: a word of time ("by end of day") named the one item
whose only name word it is ("Day Pack 30L") as the subject of a hand-off.

The sentences are written for this test; each mechanism has look-alikes that must still read.
"""

from __future__ import annotations

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract

ITEMS = ExtractionContext(
    items={"PN-3708": "Harbor Frying Pan 3708", "TO-1239": "Matte Kitchen Torch 1239"}
)


def stock(text: str) -> set[tuple[str, object]]:
    kinds = [ClaimKind.AVAILABILITY, ClaimKind.QUANTITY]
    return {(c.kind.value, c.value) for c in extract(text, kinds, ITEMS)}


@pytest.mark.parametrize(
    "text",
    [
        "Checking for you: 3708 - in stock or not?",
        "Sorry, just so I'm sure - 12 in stock, or none?",
        "I'm afraid I don't have any further information on the Matte Kitchen Torch 1239.",
        "We don't have any recent stock data for that torch, sorry.",
        "I haven't got any new updates about the frying pan.",
    ],
)
def test_nothing_is_read(text: str) -> None:
    assert stock(text) == set()


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        ("Harbor Frying Pan 3708: 12 left.", {("availability", "in_stock"), ("quantity", 12)}),
        ("We don't have any left, I'm afraid.", {("availability", "out_of_stock")}),
        (
            "We don't have any of the frying pans left.",
            {("availability", "out_of_stock")},
        ),
        ("Sorry, we haven't got any at the moment.", {("availability", "out_of_stock")}),
        (
            "Yes - 12 in stock. Want me to reserve one?",
            {("availability", "in_stock"), ("quantity", 12)},
        ),
    ],
)
def test_stock_beside_them_is_still_read(text: str, claims: set[tuple[str, object]]) -> None:
    assert stock(text) == claims


#: A catalogue whose one name word is a word of time ("Day Pack 30L": "pack" names nothing).
TIMED = ExtractionContext(items={"DP-0030": "Day Pack 30L", "NL-0005": "Night Light"})


@pytest.mark.parametrize(
    "text",
    [
        "I've passed this to a colleague, who will email you by end of day.",
        "Let me pass you to the team; they reply the same day.",
    ],
)
def test_a_word_of_time_names_no_item(text: str) -> None:
    """Found by the `agent6` helper: "by end of day" named the Day Pack 30L as the subject of
    the hand-off (a wrong subject on any shop that sells one)."""
    claims = extract(text, [ClaimKind.DEFLECTION], TIMED)
    assert [(c.value, c.subject) for c in claims] == [("contact_support", None)]


def test_the_names_themselves_still_read() -> None:
    read = extract("The Day Pack 30L is in stock; the night light is sold out.", None, TIMED)
    assert {(c.value, c.subject) for c in read} == {
        ("in_stock", "DP-0030"),
        ("out_of_stock", "NL-0005"),
    }
