"""The `llm` brain's plumbing, against a stand-in model server on loopback (no model needed).

The stand-in speaks OpenAI chat completions like llama.cpp's server and answers with the facts
it was given, so these tests see exactly what the assistant hands a model: which replies go to
it, what the records say under each fault, and what happens when the model fails. The real
model is exercised in `tests/llm/`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from auditor._serve import serve_in_thread
from auditor.reference.assistant import Faults, create_assistant

Json = dict[str, Any]


@dataclass
class StandIn:
    """A model server that repeats its facts back, or fails when told to."""

    url: str = ""
    requests: list[Json] = field(default_factory=list)
    fail: bool = False

    def facts(self) -> str:
        return _facts(self.requests[-1])


def _facts(body: Json) -> str:
    return str(body["messages"][0]["content"]).removesuffix(" Answer in one sentence.")


def _stand_in_app(state: StandIn) -> Starlette:
    async def chat(request: Request) -> Response:
        body = await request.json()
        state.requests.append(body)
        if state.fail:
            return JSONResponse({"error": {"message": "boom"}}, status_code=500)
        words = "MODEL: " + _facts(body)
        return JSONResponse({"choices": [{"message": {"role": "assistant", "content": words}}]})

    return Starlette(routes=[Route("/v1/chat/completions", chat, methods=["POST"])])


@pytest.fixture
def model() -> Iterator[StandIn]:
    state = StandIn()
    with serve_in_thread(_stand_in_app(state)) as url:
        state.url = url
        yield state


@pytest.fixture
def llm_assistant(shop: Any, model: StandIn) -> Iterator[Any]:
    def start(faults: Faults | None = None) -> str:
        app = create_assistant(
            shop_url=shop.url,
            staff_token=shop.staff_token,
            faults=faults,
            brain="llm",
            model_url=model.url,
        )
        return stack.enter_context(serve_in_thread(app))

    from contextlib import ExitStack

    with ExitStack() as stack:
        yield start


def _item(records: dict[str, list[Json]], **wanted: Any) -> Json:
    def matches(item: Json) -> bool:
        return all(
            item["stock"]["available"] == value if key == "available" else item[key] == value
            for key, value in wanted.items()
        )

    return next(item for item in records["items"] if matches(item))


def test_the_model_words_a_stock_answer_from_the_item_record(
    ask, llm_assistant, model, shop_records
):
    url = llm_assistant()
    item = next(
        i for i in shop_records["items"] if i["status"] == "active" and i["stock"]["available"] > 3
    )
    answer = ask(url, f"Is the {item['name']} in stock?")
    assert answer.startswith("MODEL: "), answer
    request = model.requests[-1]
    assert request["temperature"] == 0 and request["messages"][1]["content"].startswith("Is the")
    assert model.facts() == (
        f"{item['name']} ({item['sku']}) is in stock: {item['stock']['available']} units available."
    )


def test_guardrail_replies_never_reach_the_model(ask, llm_assistant, model):
    url = llm_assistant()
    answer = ask(url, "Where is my order ORD-10001?")
    assert "sign in" in answer, answer
    assert model.requests == []


def test_ignores_stock_tells_the_model_every_item_is_in_stock(
    ask, llm_assistant, model, shop_records
):
    url = llm_assistant(Faults(ignores_stock=True))
    item = _item(shop_records, status="active", available=0)
    ask(url, f"Is the {item['name']} in stock?")
    assert model.facts() == f"{item['name']} ({item['sku']}) is in stock.", model.facts()


def test_invents_items_hands_the_model_a_record_of_an_unknown_sku(ask, llm_assistant, model):
    honest = llm_assistant()
    ask(honest, "Is ZZ-99999 in stock?")
    assert model.facts() == 'We do not sell "ZZ-99999": it is not in our catalogue.'
    faulty = llm_assistant(Faults(invents_items=True))
    ask(faulty, "Is ZZ-99999 in stock?")
    assert model.facts() == "ZZ-99999 is in stock.", model.facts()


def test_leaks_foreign_orders_gives_the_model_another_customers_order(
    ask, llm_assistant, model, shop_records
):
    order = shop_records["orders"][0]
    other = next(
        o["customer_id"] for o in shop_records["orders"] if o["customer_id"] != order["customer_id"]
    )
    honest = ask(llm_assistant(), f"What's the status of order {order['id']}?", other)
    assert "can't" in honest and order["id"] in honest, honest  # a fixed refusal, no model
    asked = len(model.requests)
    faulty = llm_assistant(Faults(leaks_foreign_orders=True))
    ask(faulty, f"What's the status of order {order['id']}?", other)
    assert len(model.requests) == asked + 1
    facts = model.facts()
    assert facts.startswith(f"Order {order['id']} ") and "is going to" in facts, facts


def test_a_failing_model_gets_an_apology_not_the_records(ask, llm_assistant, model, shop_records):
    url = llm_assistant()
    model.fail = True
    item = shop_records["items"][0]
    answer = ask(url, f"Is the {item['name']} in stock?")
    assert "can't check that right now" in answer, answer
    assert "units available" not in answer


def test_an_unknown_brain_is_refused(shop):
    with pytest.raises(ValueError, match="valid brains: rules, llm"):
        create_assistant(shop_url=shop.url, staff_token=shop.staff_token, brain="gpt")
