"""The chatty Markdown voice, ninth session (issues 16, 23): mechanisms found on the misses of
`fixtures/claims/dev9/markdown9.jsonl` and the `llm_markdown` rows of dev4-dev8
(`fixtures/claims/dev9/markdown9.md`). The answers below are written for this test and are in
none of the fixtures; each mechanism has look-alikes that must keep their reading."""

from __future__ import annotations

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
