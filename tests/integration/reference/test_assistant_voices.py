"""The voices over the wire: the same served shop, the same questions, other words, same facts.

The per-template guarantees are unit tests (`tests/unit/reference/test_assistant_voices.py`);
here the voice is proven to reach the answers the assistant serves, on both channels' endpoint,
with faults still applied.
"""

from __future__ import annotations

import re
from typing import Any

from auditor.reference.assistant import Faults

Json = dict[str, Any]


def _first(records: list[Json], **wanted: object) -> Json:
    return next(r for r in records if all(r.get(k) == v for k, v in wanted.items()))


def test_every_voice_answers_the_same_questions_with_the_same_ids_in_its_own_words(
    assistant, ask, shop_records
):
    order = _first(shop_records["orders"], status="partially_shipped")
    item = next(i for i in shop_records["items"] if i["status"] == "backordered")
    questions = [
        (f"Is the {item['name']} in stock?", None),
        (f"What's the tracking number for {order['id']}?", order["customer_id"]),
        (f"Where is my order {order['id']}?", order["customer_id"]),
    ]
    said: dict[str, list[str]] = {}
    for voice in ("standard", "british", "sms", "markdown", "agent", "global", "email", "widget"):
        url = assistant(voice=voice)
        said[voice] = [ask(url, text, customer=customer) for text, customer in questions]
    for voice, texts in said.items():
        stock, tracking, status = texts
        assert item["sku"] in stock and item["name"] in stock, (voice, stock)
        assert order["tracking_number"] in tracking and order["id"] in tracking, (voice, tracking)
        assert order["id"] in status, (voice, status)
        if voice != "standard":
            assert texts != said["standard"], voice
    assert "**" in said["markdown"][0]  # bold names, label lines
    shipped_line = next(line for line in order["lines"] if line["shipped_quantity"])
    parcel = f"- **{shipped_line['name']}** × {shipped_line['shipped_quantity']}"
    assert parcel in said["markdown"][2], said["markdown"][2]


def test_faults_still_change_the_content_in_another_voice(assistant, ask, shop_records):
    sold_out = next(
        i for i in shop_records["items"] if i["status"] == "active" and i["stock"]["available"] == 0
    )
    question = f"Is the {sold_out['name']} in stock?"
    honest = ask(assistant(voice="sms"), question)
    faulty = ask(assistant(voice="sms", faults=Faults(ignores_stock=True)), question)
    assert re.search(r"sold out|out of stock|oos", honest), honest
    assert re.search(r"in stock|avail", faulty), faulty
    assert not re.search(r"sold out|out of stock|oos", faulty), faulty
