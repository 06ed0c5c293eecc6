"""Intents and ids the reference assistant reads from a question."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor.reference.assistant._catalogue import CatalogueIndex, Resolved
from auditor.reference.assistant._nlu import (
    Intent,
    find_order_id,
    find_return_id,
    find_sku,
    mention_of,
    parse,
)

INDEX = CatalogueIndex(
    [("KT-1001", "Blue Kettle"), ("BD-1002", "Return Address Stamp"), ("SC-1003", "Track Light")]
)


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("Is the Blue Kettle in stock?", Intent.STOCK),
        ("Do you have the Blue Kettle?", Intent.STOCK),
        ("Can I buy the Blue Kettle today?", Intent.STOCK),
        ("Can I order a Blue Kettle?", Intent.STOCK),
        ("When will the Blue Kettle be back in stock?", Intent.STOCK),
        ("How many Blue Kettles do you have?", Intent.QUANTITY),
        ("What's the stock level of KT-1001?", Intent.QUANTITY),
        ("What's the status of my order ORD-10003?", Intent.ORDER_STATUS),
        ("Where is my order ORD-10003?", Intent.ORDER_STATUS),
        ("Has ORD-10003 shipped?", Intent.ORDER_STATUS),
        ("ORD-10003?", Intent.ORDER_STATUS),
        ("When will my order ORD-10003 arrive?", Intent.DELIVERY),
        ("What's the ETA for order 10003?", Intent.DELIVERY),
        ("What's the tracking number for ORD-10003?", Intent.TRACKING),
        ("Can I track my order ORD-10003?", Intent.TRACKING),
        ("What's happening with my return RMA-5004?", Intent.RETURN_STATUS),
        ("Did you get my return for ORD-10003?", Intent.RETURN_STATUS),
        ("RMA-5004", Intent.RETURN_STATUS),
        ("Has my refund for RMA-5004 been issued?", Intent.REFUND),
        ("How much money will I get back for ORD-10003?", Intent.REFUND),
        ("Hello there", Intent.GREETING),
        ("What's the weather like in Lyon?", None),
        ("Is the Return Address Stamp in stock?", Intent.STOCK),
        ("Do you sell the Track Light?", Intent.STOCK),
    ],
)
def test_intents(question, intent):
    assert parse(question, INDEX).intent is intent


def test_item_words_do_not_leak_into_the_intent():
    parsed = parse("How many Return Address Stamps do you have?", INDEX)
    assert parsed.intent is Intent.QUANTITY
    assert parsed.item == Resolved("BD-1002")


@pytest.mark.parametrize(
    ("text", "order_id"),
    [
        ("ORD-10003", "ORD-10003"),
        ("my order ord-10003 please", "ORD-10003"),
        ("ORD10003", "ORD-10003"),
        ("order number 1234567", "ORD-1234567"),
        ("order #10003", "ORD-10003"),
        ("no order here", None),
        ("RMA-5004", None),
    ],
)
def test_order_ids(text, order_id):
    assert find_order_id(text) == order_id


@pytest.mark.parametrize(
    ("text", "return_id"),
    [("RMA-5004", "RMA-5004"), ("rma-1001?", "RMA-1001"), ("return #1001", "RMA-1001"),
     ("ORD-10003", None)],
)  # fmt: skip
def test_return_ids(text, return_id):
    assert find_return_id(text) == return_id


@pytest.mark.parametrize(
    ("text", "sku"),
    [("kt-0001", "KT-0001"), ("Is GR-123456 in stock?", "GR-123456"), ("ORD-10003", None),
     ("RMA-1001", None), ("KT-12", None), ("XKT-0001", None)],
)  # fmt: skip
def test_skus(text, sku):
    assert find_sku(text) == sku


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Is the Purple Teapot in stock?", "Purple Teapot"),
        ("Do you have any Crème Brûlée Torches?", "Crème Brûlée Torches"),
        ("and is it in stock?", None),
        ("How many do you have left?", None),
        ("Do you have the Moon Lamp for my kids?", "Moon Lamp"),
    ],
)
def test_mentions_are_the_first_run_of_non_filler_words(text, mention):
    assert mention_of(text) == mention


@given(st.text(max_size=300))
def test_parsing_never_fails_on_any_text(text):
    parsed = parse(text, INDEX)
    assert parsed.intent is None or isinstance(parsed.intent, Intent)
