"""The reference assistant with the `llm` brain, in a whole reference world on loopback."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from auditor.reference._world import running_world

pytestmark = pytest.mark.llm


def _ask(client: httpx.Client, url: str, text: str, customer: str | None = None) -> str:
    body: dict[str, Any] = {"text": text}
    if customer is not None:
        body["customer"] = customer
    response = client.post(f"{url}/message", json=body)
    assert response.status_code == 200, response.text
    answer: str = response.json()["reply"]["text"]
    return answer


def test_the_model_words_answers_and_the_world_stops_its_server():
    with httpx.Client(timeout=120, trust_env=False) as client:
        with (
            running_world(seed=7, items=30) as rules,
            running_world(seed=7, items=30, brain="llm") as world,
        ):
            assert world.brain == "llm" and world.model_url is not None
            items = client.get(f"{world.shop_url}/inventory/items").json()["items"]
            item = next(i for i in items if i["status"] == "active" and i["stock"]["available"])
            question = f"Is the {item['name']} in stock?"
            worded = _ask(client, world.assistant_url, question)
            templated = _ask(client, rules.assistant_url, question)
            assert worded and worded != templated, worded
            # A guardrail reply is the rule brain's fixed sentence, model or not.
            order = "Where is my order ORD-10001?"
            assert _ask(client, world.assistant_url, order) == _ask(
                client, rules.assistant_url, order
            )
            model_url = world.model_url
        with pytest.raises(httpx.TransportError):
            client.get(f"{model_url}/v1/models", timeout=2)
