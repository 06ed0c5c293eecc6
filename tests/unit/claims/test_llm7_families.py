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
