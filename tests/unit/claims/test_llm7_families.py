"""A language model's wordings read by mechanism (issue 17; llm7).

Found on the hand-judged model audits of seeds 43 to 46 (`docs/llm.md`): the item itself not
found ("I can't find the Steel Pocket Scale.") is a search that found nothing, as "I can't find
a product called …" already was: the shop does not carry it. The sentences are written for this
test and are in none of the fixtures; each states the claims it makes, and the mechanism has
look-alikes that must stay as they were (not found in the customer's account, not found in
stock, an order or a return not found, a question back).
"""

from __future__ import annotations

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract

ITEMS = ExtractionContext(
    items={"SC-0007": "Brass Kitchen Scale", "GR-0042": "Conical Burr Grinder"},
)
AVAILABILITY = ClaimKind.AVAILABILITY


def read(text: str, kind: ClaimKind) -> set[tuple[object, str | None]]:
    return {(c.value, c.subject) for c in extract(text, [kind], ITEMS)}


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # The item itself not found: the shop does not carry it.
        ("Sorry, I can't find the Brass Kitchen Scale.", {("not_carried", "SC-0007")}),
        ("I couldn't locate GR-0042, I'm afraid.", {("not_carried", "GR-0042")}),
        ("We were unable to find a Conical Burr Grinder.", {("not_carried", "GR-0042")}),
        # Look-alikes: not found in stock is out of stock, as before.
        ("I can't find the Brass Kitchen Scale in stock.", {("out_of_stock", "SC-0007")}),
        # Not found in the customer's account or order: a look-up, no stock claim.
        ("I can't find the Brass Kitchen Scale on your account.", set()),
        ("I couldn't find GR-0042 in your order history.", set()),
        # An order or a return not found: nobody's stock.
        ("I can't find ORD-20417.", set()),
        ("Sorry, I couldn't find order ORD-20417.", set()),
        # Which one was meant: a question back, no claim.
        ("I can't find the Brass Kitchen Scale, which one do you mean?", set()),
    ],
)
def test_the_item_itself_not_found_is_not_carried(text, claims):
    assert read(text, AVAILABILITY) == claims


ELSEWHERE_ITEMS = ExtractionContext(items={"PN-0300": "Copper Pan", "KT-0301": "Blue Kettle"})


def read_elsewhere(text: str) -> set[tuple[str, object]]:
    kinds = [ClaimKind.AVAILABILITY, ClaimKind.DEFLECTION]
    return {(c.kind.value, c.value) for c in extract(text, kinds, ELSEWHERE_ITEMS)}


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # Sent to buy it elsewhere: a deflection, no stock of the shop's.
        (
            "Sorry, you can find the Copper Pan at any kitchen store or on Amazon.",
            {("deflection", "contact_support")},
        ),
        ("You could get one from other retailers.", {("deflection", "contact_support")}),
        # Had by someone else: no claim of the shop's stock.
        ("It's a classic, available at the Copper Guild's official website.", set()),
        ("The Copper Pan is available from other retailers.", set()),
        ("The Blue Kettle is available on Amazon.", set()),
        # Look-alikes: the shop's own channels stay its stock.
        ("The Copper Pan is available on our official website.", {("availability", "in_stock")}),
        ("The Copper Pan is available at any of our stores.", {("availability", "in_stock")}),
        ("The Copper Pan is available in various stores.", {("availability", "in_stock")}),
        ("You can get one at any of our stores.", set()),
        ("You can order it online today.", set()),
        # A stock state said outright stays, whoever else sells it.
        ("The Blue Kettle is in stock, and on Amazon too.", {("availability", "in_stock")}),
        (
            "No, you can order the Blue Kettle at the official website of the maker.",
            set(),
        ),
    ],
)
def test_bought_or_had_elsewhere_is_no_stock_of_the_shop(text, claims):
    assert read_elsewhere(text) == claims
