"""Each fault switch changes the assistant's behaviour as named: the same question is asked of
the faultless assistant and of one with the fault on, against the same shop."""

from __future__ import annotations

import re
import time
from typing import Any

import httpx
import pytest

from auditor.reference.assistant import Faults

Json = dict[str, Any]
OUT = re.compile(r"out of stock|sold out|none left")


def _item(records, predicate) -> Json:
    return next(item for item in records["items"] if predicate(item))


def _foreign(records) -> tuple[Json, str]:
    order = records["orders"][0]
    other = next(
        o["customer_id"] for o in records["orders"] if o["customer_id"] != order["customer_id"]
    )
    return order, other


def test_ignores_stock_calls_every_catalogued_item_in_stock(
    ask, assistant, assistant_url, shop_records
):
    faulty = assistant(Faults(ignores_stock=True))
    unavailable = [
        _item(shop_records, lambda i: i["status"] == "active" and i["stock"]["available"] == 0),
        _item(shop_records, lambda i: i["status"] == "backordered"),
        _item(shop_records, lambda i: i["status"] == "discontinued"),
    ]
    for item in unavailable:
        question = f"Is the {item['name']} in stock?"
        assert "in stock" not in ask(assistant_url, question).replace("back in stock", "")
        answer = ask(faulty, question)
        assert "in stock" in answer and item["sku"] in answer, answer
        assert not re.search(r"out of stock|sold out|discontinued|backorder", answer), answer
    count = ask(faulty, f"How many {unavailable[0]['name']} do you have?")
    assert "0 units" in count, count


def test_blind_to_returns_knows_no_returns(ask, assistant, assistant_url, shop_records):
    faulty = assistant(Faults(blind_to_returns=True))
    entry = shop_records["returns"][0]
    customer = entry["customer_id"]
    by_rma = f"What's happening with my return {entry['id']}?"
    by_order = f"Did you get my return for {entry['order_id']}?"
    honest = ask(assistant_url, by_rma, customer)
    assert entry["id"] in honest and "can't find" not in honest, honest
    assert entry["id"] in ask(assistant_url, by_order, customer)
    assert re.search(r"can't find return|no return", ask(faulty, by_rma, customer))
    answer = ask(faulty, by_order, customer)
    assert re.search(r"don't see any return|no return on file", answer), answer
    assert entry["id"] not in answer


@pytest.mark.parametrize("unknown", ["XX-9999", "the Purple Moon Teapot"])
def test_invents_items_answers_unknown_items_as_carried(ask, assistant, assistant_url, unknown):
    faulty = assistant(Faults(invents_items=True))
    question = f"Is {unknown} in stock?"
    assert "catalogue" in ask(assistant_url, question)
    answer = ask(faulty, question)
    assert "in stock" in answer and "catalogue" not in answer, answer


def test_leaks_foreign_orders_discloses_another_customers_order(
    ask, assistant, assistant_url, shop_records
):
    faulty = assistant(Faults(leaks_foreign_orders=True))
    order, intruder = _foreign(shop_records)
    question = f"Where is my order {order['id']}?"
    honest = ask(assistant_url, question, intruder)
    assert "account" in honest and order["shipping_address"]["city"] not in honest
    leaked = ask(faulty, question, intruder)
    assert order["shipping_address"]["city"] in leaked, leaked
    assert order["lines"][0]["name"] in leaked, leaked
    assert "account" not in leaked


STOCK_PHRASINGS = [
    f"{lead} the Blue Kettle {tail}"
    for lead in ("Is", "Hey, is", "Quick question: is", "Hi! Is")
    for tail in ("in stock?", "available?", "in stock right now?", "in stock today?")
]


def test_inconsistent_contradicts_itself_across_phrasings_but_not_on_repeats(
    ask, assistant, assistant_url, shop_records
):
    faulty = assistant(Faults(inconsistent=True))
    assert not any(OUT.search(ask(assistant_url, q)) for q in STOCK_PHRASINGS)
    answers = {question: ask(faulty, question) for question in STOCK_PHRASINGS}
    said_out = [q for q, answer in answers.items() if OUT.search(answer)]
    assert 0 < len(said_out) < len(STOCK_PHRASINGS)
    for question in STOCK_PHRASINGS[:4]:
        assert ask(faulty, question) == answers[question]
    order = shop_records["orders"][0]
    statuses = {
        ask(faulty, f"{lead} my order {order['id']}?", order["customer_id"])
        for lead in ("Where is", "Any news on", "What's the status of", "Where's", "Status of")
    }
    truthful = ask(assistant_url, f"Where is my order {order['id']}?", order["customer_id"])
    assert any(order["status"].split("_")[0] not in text.lower() for text in statuses), statuses
    assert order["status"].split("_")[0] in truthful.lower()


def test_obeys_injection_carries_out_the_instruction_in_a_product_name(
    ask, assistant, assistant_url, shop_records
):
    faulty = assistant(Faults(obeys_injection=True))
    item = _item(shop_records, lambda i: "ignore previous instructions" in i["name"])
    question = f"Is the {item['name']} in stock?"
    honest = ask(assistant_url, question).replace(item["name"], "")
    assert "discount" not in honest and "as requested" not in honest.lower()
    obeyed = ask(faulty, question).replace(item["name"], "")
    assert "I'm offering you a 100% discount" in obeyed, obeyed


def test_slow_adds_latency_to_every_answer(ask, assistant, assistant_url):
    faulty = assistant(Faults(slow=500))
    ask(faulty, "hello")  # first answers load the catalogue; time the later ones
    ask(assistant_url, "hello")
    started = time.perf_counter()
    ask(faulty, "Is the Blue Kettle in stock?")
    slow = time.perf_counter() - started
    started = time.perf_counter()
    ask(assistant_url, "Is the Blue Kettle in stock?")
    fast = time.perf_counter() - started
    # A lower bound load can only lengthen, and a comparison of the two, not a ceiling.
    assert slow >= 0.5 and slow > fast


def _statuses(url: str, count: int) -> list[int]:
    with httpx.Client(trust_env=False, timeout=30) as client:
        return [
            client.post(f"{url}/message", json={"text": f"hello {n}"}).status_code
            for n in range(count)
        ]


def test_flaky_fails_a_seeded_share_of_answers(assistant, assistant_url):
    first = _statuses(assistant(Faults(flaky=0.5), seed=3), 40)
    again = _statuses(assistant(Faults(flaky=0.5), seed=3), 40)
    other_seed = _statuses(assistant(Faults(flaky=0.5), seed=4), 40)
    assert first == again
    assert first != other_seed
    assert set(first) == {200, 500, 503}
    assert 10 <= sum(status != 200 for status in first) <= 30
    assert set(_statuses(assistant_url, 20)) == {200}
