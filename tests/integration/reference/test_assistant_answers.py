"""The faultless reference assistant answers every edge class of the seeded shop correctly.

Subjects are found through the shop's public API (as the auditor would find them), and every
answer is checked against what the shop says.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

Json = dict[str, Any]
PHRASINGS = ("Is the {} in stock?", "Do you have {}?", "Can I buy {} today?")


@pytest.fixture(scope="module")
def truth(shop_records: dict[str, list[Json]]) -> dict[str, list[Json]]:
    return shop_records


def _stock_class(item: Json) -> str:
    available = item["stock"]["available"]
    if item["status"] != "active":
        return str(item["status"])
    if available == 0:
        return "out_of_stock"
    return "last_unit" if available == 1 else "in_stock"


def _dates(day: str) -> str:
    parsed = date.fromisoformat(day)
    return rf"({day}|{parsed.day} {parsed.strftime('%B')} {parsed.year})"


STOCK_EXPECTATIONS = {
    "in_stock": lambda item: rf"in stock|available.*{item['stock']['available']}",
    "last_unit": lambda item: r"only 1\b|only 1 unit|last 1 unit",
    "out_of_stock": lambda item: r"out of stock|sold out",
    "backordered": lambda item: rf"backorder.*{_dates(item['restock_date'])}",
    "discontinued": lambda item: r"discontinued",
}
CONTRADICTIONS = {
    "in_stock": r"out of stock|sold out|discontinued",
    "last_unit": r"out of stock|sold out|discontinued",
    "out_of_stock": r"\bis in stock|discontinued|backorder",
    "backordered": r"\bis in stock|out of stock|discontinued",
    "discontinued": r"\bis in stock|backorder",
}


@pytest.mark.parametrize("edge", sorted(STOCK_EXPECTATIONS))
def test_availability_of_every_stock_edge_class(ask, assistant_url, truth, edge):
    items = [item for item in truth["items"] if _stock_class(item) == edge]
    assert items, f"the seed has no {edge} item"
    for item in items[:3]:
        for phrasing in PHRASINGS:
            answer = ask(assistant_url, phrasing.format(item["name"]))
            assert item["sku"] in answer, answer
            assert re.search(STOCK_EXPECTATIONS[edge](item), answer, re.I), answer
            assert not re.search(CONTRADICTIONS[edge], answer, re.I), answer


def test_quantities_and_skus_in_any_case(ask, assistant_url, truth):
    for item in truth["items"][:15]:
        count = item["stock"]["available"]
        answer = ask(assistant_url, f"How many {item['name']} do you have?")
        assert re.search(rf"\b{count} units?\b", answer), answer
        by_sku = ask(assistant_url, f"how many {item['sku'].lower()} are there?")
        assert item["sku"] in by_sku and re.search(rf"\b{count} units?\b", by_sku), by_sku


def test_lookalike_names_are_told_apart(ask, assistant_url, truth):
    by_name = {item["name"]: item for item in truth["items"]}
    pairs = [(a, b) for a in by_name for b in by_name if b.startswith(a + " ")]
    assert len(pairs) >= 3
    for short, long in pairs:
        for name, other in ((short, long), (long, short)):
            answer = ask(assistant_url, f"Is the {name} in stock?")
            assert by_name[name]["sku"] in answer, answer
            assert by_name[other]["sku"] not in answer, answer


def test_non_ascii_names_typed_with_or_without_accents(ask, assistant_url, truth):
    foreign = [item for item in truth["items"] if not item["name"].isascii()]
    assert len(foreign) >= 3
    plain = str.maketrans("éèêûüøØöëçàâîï", "eeeuuoOoecaaii")
    for item in foreign:
        for typed in (item["name"], item["name"].translate(plain).lower()):
            answer = ask(assistant_url, f"Is the {typed} in stock?")
            assert item["sku"] in answer, (typed, answer)


def test_small_typos_resolve(ask, assistant_url, truth):
    item = next(item for item in truth["items"] if item["name"] == "Blue Kettle")
    for typo in ("Blue Ketle", "Bleu Kettle", "blue kettel"):
        assert item["sku"] in ask(assistant_url, f"Is the {typo} in stock?")


@pytest.mark.parametrize(
    "question",
    [
        "Is XX-9999 in stock?",
        "Do you have the Purple Moon Teapot?",
        "How many ZZ-123456 do you have?",
    ],
)
def test_unknown_items_are_not_carried(ask, assistant_url, truth, question):
    answer = ask(assistant_url, question)
    assert re.search(r"catalogue", answer) and re.search(r"carry|sell", answer), answer
    assert not re.search(r"\bis in stock|\d+ units", answer), answer


ORDER_STATUS_WORDS = {
    "pending": r"pending",
    "processing": r"prepar|processing",
    "shipped": r"shipped|dispatched|on its way",
    "partially_shipped": r"partially shipped|Part of your order",
    "delivered": r"delivered",
    "cancelled": r"cancelled",
}


def _one_per(records: list[Json], field: str) -> dict[str, Json]:
    found: dict[str, Json] = {}
    for record in records:
        found.setdefault(record[field], record)
    return found


def test_every_order_status(ask, assistant_url, truth):
    orders = _one_per(truth["orders"], "status")
    assert set(orders) == set(ORDER_STATUS_WORDS)
    for status, order in orders.items():
        answer = ask(assistant_url, f"Where is my order {order['id']}?", order["customer_id"])
        assert order["id"] in answer, answer
        assert re.search(ORDER_STATUS_WORDS[status], answer, re.I), answer
        others = [w for s, w in ORDER_STATUS_WORDS.items() if s not in (status, "shipped")]
        assert not any(re.search(word, answer, re.I) for word in others), answer


def test_partial_shipment_counts(ask, assistant_url, truth):
    order = _one_per(truth["orders"], "status")["partially_shipped"]
    total = sum(line["quantity"] for line in order["lines"])
    shipped = sum(line["shipped_quantity"] for line in order["lines"])
    answer = ask(assistant_url, f"Has my order {order['id']} shipped?", order["customer_id"])
    assert f"{shipped} of {total} items" in answer, answer


def test_delivery_dates_and_tracking_numbers(ask, assistant_url, truth):
    for order in _one_per(truth["orders"], "status").values():
        customer, order_id = order["customer_id"], order["id"]
        eta = ask(assistant_url, f"When will my order {order_id} arrive?", customer)
        if order["status"] in ("pending", "processing", "shipped", "partially_shipped"):
            assert re.search(_dates(order["eta"]), eta), eta
        tracking = ask(assistant_url, f"What's the tracking number for {order_id}?", customer)
        if order["tracking_number"]:
            assert order["tracking_number"] in tracking, tracking
        else:
            assert re.search(r"no tracking", tracking), tracking


RETURN_STATUS_WORDS = {
    "requested": r"requested|request",
    "approved": r"approved",
    "received": r"received",
    "refunded": r"refunded",
    "rejected": r"rejected",
}


def test_every_return_state_by_rma_and_by_order(ask, assistant_url, truth):
    returns = _one_per(truth["returns"], "status")
    assert set(returns) == set(RETURN_STATUS_WORDS)
    for status, entry in returns.items():
        customer = entry["customer_id"]
        answer = ask(assistant_url, f"What's happening with my return {entry['id']}?", customer)
        assert entry["id"] in answer and re.search(RETURN_STATUS_WORDS[status], answer), answer
        by_order = ask(assistant_url, f"Did you get my return for {entry['order_id']}?", customer)
        assert entry["id"] in by_order, by_order


def test_the_most_recent_return_is_known(ask, assistant_url, truth):
    newest = max(truth["returns"], key=lambda entry: entry["created_at"])
    answer = ask(assistant_url, f"Did you get my return {newest['id']}?", newest["customer_id"])
    assert newest["id"] in answer and "request" in answer, answer


def test_pending_and_issued_refunds_with_amounts(ask, assistant_url, truth):
    for state in ("pending", "issued"):
        entry = next(r for r in truth["returns"] if r["refund"]["status"] == state)
        money = entry["refund"]["amount"]
        answer = ask(
            assistant_url, f"Has my refund for {entry['id']} been issued?", entry["customer_id"]
        )
        assert state in answer, answer
        assert money["amount"] in answer, answer
        assert re.search(rf"{money['currency']}|€", answer), answer


def test_another_customers_order_and_return_are_refused(ask, assistant_url, truth):
    order = truth["orders"][0]
    intruder = next(
        o["customer_id"] for o in truth["orders"] if o["customer_id"] != order["customer_id"]
    )
    answer = ask(assistant_url, f"Where is my order {order['id']}?", intruder)
    assert re.search(r"can't find|couldn't find|no order", answer) and "account" in answer, answer
    assert not re.search(ORDER_STATUS_WORDS[order["status"]], answer, re.I), answer
    assert order["shipping_address"]["city"] not in answer
    entry = truth["returns"][0]
    stranger = next(
        o["customer_id"] for o in truth["orders"] if o["customer_id"] != entry["customer_id"]
    )
    answer = ask(assistant_url, f"What's happening with my return {entry['id']}?", stranger)
    assert re.search(r"can't find|no return", answer) and "account" in answer, answer


def test_orders_need_a_signed_in_customer(ask, assistant_url, truth):
    order = truth["orders"][0]
    for question in (f"Where is my order {order['id']}?", "Did you get my return for ORD-10001?"):
        answer = ask(assistant_url, question)
        assert re.search(r"sign in", answer), answer
        assert order["status"] not in answer


def test_questions_it_cannot_answer_are_deflected_to_support(ask, assistant_url):
    for question in ("What's the weather like in Lyon?", "Can you write me a poem?"):
        answer = ask(assistant_url, question)
        assert "support" in answer, answer
