"""The reference assistant's wire formats: OpenAI chat completions (plain and streamed), the
plain JSON channel with sessions, identity, API keys, and refusing malformed requests."""

from __future__ import annotations

import json
import re

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor._serve import bind_socket
from auditor.reference.assistant import MODEL, Faults

QUESTION = "Is the Blue Kettle in stock?"


def chat(url, messages, *, key=None, headers=None, **body):
    all_headers = dict(headers or {})
    if key is not None:
        all_headers["Authorization"] = f"Bearer {key}"
    return httpx.post(
        f"{url}/v1/chat/completions",
        json={"model": MODEL, "messages": messages} | body,
        headers=all_headers,
        timeout=30,
        trust_env=False,
    )


def user(text):
    return {"role": "user", "content": text}


def sse_events(response):
    assert response.headers["content-type"].startswith("text/event-stream")
    return [line.removeprefix("data: ") for line in response.text.splitlines() if line]


def test_chat_completion_is_well_formed(assistant_url):
    response = chat(assistant_url, [user(QUESTION)])
    assert response.status_code == 200
    body = response.json()
    assert body["object"] == "chat.completion"
    assert body["id"].startswith("chatcmpl-") and isinstance(body["created"], int)
    assert body["model"] == MODEL
    (choice,) = body["choices"]
    assert choice["index"] == 0 and choice["finish_reason"] == "stop"
    assert choice["message"]["role"] == "assistant"
    assert "Blue Kettle" in choice["message"]["content"]
    assert set(body["usage"]) >= {"prompt_tokens", "completion_tokens", "total_tokens"}


def test_streamed_completion_is_the_same_answer_in_several_chunks(assistant_url):
    whole = chat(assistant_url, [user(QUESTION)]).json()["choices"][0]["message"]["content"]
    response = chat(assistant_url, [user(QUESTION)], stream=True)
    assert response.status_code == 200
    events = sse_events(response)
    assert events[-1] == "[DONE]"
    chunks = [json.loads(event) for event in events[:-1]]
    assert len(chunks) >= 4  # several content deltas and the closing one
    assert {chunk["object"] for chunk in chunks} == {"chat.completion.chunk"}
    assert len({chunk["id"] for chunk in chunks}) == 1
    deltas = [chunk["choices"][0]["delta"] for chunk in chunks]
    assert deltas[0]["role"] == "assistant"
    assert "".join(delta.get("content", "") for delta in deltas) == whole
    assert chunks[-1]["choices"][0]["finish_reason"] == "stop"
    assert all(chunk["choices"][0]["finish_reason"] is None for chunk in chunks[:-1])


def test_stream_can_end_with_usage(assistant_url):
    response = chat(
        assistant_url, [user(QUESTION)], stream=True, stream_options={"include_usage": True}
    )
    last = json.loads(sse_events(response)[-2])
    assert last["choices"] == [] and last["usage"]["completion_tokens"] > 0


def test_models_lists_the_one_model(assistant_url):
    body = httpx.get(f"{assistant_url}/v1/models", trust_env=False).json()
    assert body["object"] == "list"
    assert [model["id"] for model in body["data"]] == [MODEL]


def test_health(assistant_url):
    response = httpx.get(f"{assistant_url}/health", trust_env=False)
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_follow_ups_use_the_earlier_messages(assistant_url):
    first = chat(assistant_url, [user(QUESTION)]).json()["choices"][0]["message"]["content"]
    sku = re.search(r"\b[A-Z]{2}-\d{4,6}\b", first).group(0)
    messages = [user(QUESTION), {"role": "assistant", "content": first}]
    how_many = chat(assistant_url, [*messages, user("And how many do you have?")])
    answer = how_many.json()["choices"][0]["message"]["content"]
    assert sku in answer and re.search(r"\d+ units?", answer), answer
    other = chat(assistant_url, [*messages, user("What about the Blue Kettle Pro?")])
    answer = other.json()["choices"][0]["message"]["content"]
    assert "Blue Kettle Pro" in answer and sku not in answer, answer


def test_plain_channel_keeps_a_session(ask, assistant_url):
    first = httpx.post(f"{assistant_url}/message", json={"text": QUESTION}, trust_env=False)
    session = first.json()["session"]
    assert re.fullmatch(r"[0-9a-f]{32}", session)
    sku = re.search(r"\b[A-Z]{2}-\d{4,6}\b", first.json()["reply"]["text"]).group(0)
    follow_up = ask(assistant_url, "and how many do you have?", session=session)
    assert sku in follow_up, follow_up
    fresh = ask(assistant_url, "and how many do you have?", session="another-session")
    assert sku not in fresh and "which" in fresh.lower(), fresh


def test_customer_identity_from_header_user_field_or_body(ask, assistant_url, shop):
    customer, order_id = _some_order(shop)
    question = [user(f"Where is my order {order_id}?")]
    by_header = chat(assistant_url, question, headers={"X-Customer-Id": customer})
    by_user = chat(assistant_url, question, user=customer)
    anonymous = chat(assistant_url, question)
    for response in (by_header, by_user):
        assert order_id in response.json()["choices"][0]["message"]["content"]
    assert "sign in" in anonymous.json()["choices"][0]["message"]["content"]
    assert order_id in ask(assistant_url, f"Where is my order {order_id}?", customer=customer)


def _some_order(shop):
    headers = {"Authorization": f"Bearer {shop.staff_token}"}
    order = httpx.get(f"{shop.url}/orders/orders", headers=headers, trust_env=False).json()
    first = order["orders"][0]
    return first["customer_id"], first["id"]


def test_api_key_guards_the_chat_endpoints(assistant):
    url = assistant(api_key="sesame")
    assert chat(url, [user(QUESTION)]).status_code == 401
    assert chat(url, [user(QUESTION)], key="wrong").status_code == 401
    assert chat(url, [user(QUESTION)], key="sesame").status_code == 200
    denied = httpx.post(f"{url}/message", json={"text": QUESTION}, trust_env=False)
    assert denied.status_code == 401 and denied.json()["message"]
    allowed = httpx.post(
        f"{url}/message",
        json={"text": QUESTION},
        headers={"Authorization": "Bearer sesame"},
        trust_env=False,
    )
    assert allowed.status_code == 200
    assert httpx.get(f"{url}/v1/models", trust_env=False).status_code == 401
    assert httpx.get(f"{url}/health", trust_env=False).status_code == 200


@pytest.mark.parametrize(
    ("path", "content"),
    [
        ("/v1/chat/completions", b"{not json"),
        ("/v1/chat/completions", b"[]"),
        ("/v1/chat/completions", b'{"messages": []}'),
        ("/v1/chat/completions", b'{"messages": [{"role": "user", "content": 7}]}'),
        ("/v1/chat/completions", b'{"messages": [{"role": "user", "content": "hi"}], "stream": 1}'),
        ("/v1/chat/completions", b'{"messages": [{"role": "system", "content": "hi"}]}'),
        ("/v1/chat/completions", "\udcff".encode("utf-8", "surrogatepass")),
        ("/message", b"{}"),
        ("/message", b'{"text": ""}'),
        ("/message", b'{"text": 3}'),
        ("/message", b'{"text": "hi", "session": 5}'),
        ("/message", b'{"text": "hi", "customer": ["C-001"]}'),
        ("/message", ('{"text": "' + "x" * 5000 + '"}').encode()),
        ("/message", b"null"),
    ],
)
def test_malformed_requests_get_400_with_a_message(assistant_url, path, content):
    response = httpx.post(
        f"{assistant_url}{path}",
        content=content,
        headers={"Content-Type": "application/json"},
        trust_env=False,
    )
    assert response.status_code == 400, response.text
    body = response.json()
    message = body["error"]["message"] if path.startswith("/v1") else body["message"]
    assert isinstance(message, str) and message


def test_wrong_paths_and_methods_get_json_errors(assistant_url):
    missing = httpx.get(f"{assistant_url}/nowhere", trust_env=False)
    wrong_method = httpx.get(f"{assistant_url}/message", trust_env=False)
    assert (missing.status_code, wrong_method.status_code) == (404, 405)
    assert missing.json()["message"] and wrong_method.json()["message"]


def test_an_unreachable_shop_gets_an_apology_not_a_500(assistant):
    sock = bind_socket()
    closed = f"http://127.0.0.1:{sock.getsockname()[1]}"
    sock.close()  # nothing listens there now

    class Nowhere:
        url, staff_token = closed, "irrelevant"

    url = assistant(shop=Nowhere())
    response = httpx.post(f"{url}/message", json={"text": QUESTION}, trust_env=False)
    assert response.status_code == 200
    assert "can't check that right now" in response.json()["reply"]["text"]


def test_running_world_serves_shop_and_assistant_together(world):
    started = world(seed=7, items=60, faults=Faults(ignores_stock=True), api_key="k")
    assert started.faults == Faults(ignores_stock=True)
    assert started.openai_base_url == f"{started.assistant_url}/v1"
    assert started.customers and started.shop.staff_token == started.staff_token
    orders = httpx.get(
        f"{started.shop_url}/orders/orders",
        headers={"Authorization": f"Bearer {started.staff_token}"},
        trust_env=False,
    )
    assert orders.status_code == 200
    answer = chat(started.assistant_url, [user("Is the Blue Kettle Pro in stock?")], key="k")
    assert "in stock" in answer.json()["choices"][0]["message"]["content"]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)
bodies = st.one_of(
    json_values,
    st.fixed_dictionaries(
        {
            "messages": st.lists(
                st.fixed_dictionaries({"role": json_values, "content": json_values})
            )
        },
        optional={"stream": json_values, "user": json_values, "model": json_values},
    ),
    st.fixed_dictionaries(
        {"text": json_values}, optional={"session": json_values, "customer": json_values}
    ),
)
FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(body=bodies, path=st.sampled_from(["/v1/chat/completions", "/message"]))
def test_no_body_gets_a_server_error(ask, assistant_url, body, path):
    response = ask.client.post(f"{assistant_url}{path}", json=body)
    assert response.status_code in (200, 400), response.text
    assert response.json()


@FUZZ
@given(text=st.text(min_size=1, max_size=200).filter(str.strip))
def test_any_question_gets_an_answer(ask, assistant_url, text):
    assert ask(assistant_url, text).strip()
