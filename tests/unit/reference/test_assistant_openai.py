"""Reading chat-completion requests and writing completions and stream chunks."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor.reference.assistant._openai import (
    MODEL,
    BadRequest,
    chunks,
    completion,
    read_chat_request,
    split_answer,
)


def request(**body):
    return read_chat_request(
        {"messages": [{"role": "user", "content": "Is the Blue Kettle in stock?"}]} | body,
        max_chars=100,
    )


def test_reads_the_last_user_message_and_earlier_ones_as_history():
    parsed = read_chat_request(
        {
            "model": "m",
            "user": "C-001",
            "messages": [
                {"role": "system", "content": "be nice"},
                {"role": "user", "content": "Is the Blue Kettle in stock?"},
                {"role": "assistant", "content": "Yes."},
                {"role": "user", "content": [{"type": "text", "text": "and how many?"}]},
            ],
        },
        max_chars=100,
    )
    assert parsed.question == "and how many?"
    assert parsed.history == ("Is the Blue Kettle in stock?",)
    assert (parsed.model, parsed.user, parsed.stream) == ("m", "C-001", False)


def test_defaults():
    parsed = request()
    assert (parsed.model, parsed.stream, parsed.user, parsed.include_usage) == (
        MODEL, False, None, False,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ([], "JSON object"),
        ({}, "'messages'"),
        ({"messages": []}, "'messages'"),
        ({"messages": "hi"}, "'messages'"),
        ({"messages": [1]}, "must be an object"),
        ({"messages": [{"role": "robot", "content": "x"}]}, "role"),
        ({"messages": [{"role": "system", "content": "x"}]}, "role 'user'"),
        ({"messages": [{"role": "user", "content": "   "}]}, "empty"),
        ({"messages": [{"role": "user", "content": 5}]}, "content"),
        ({"messages": [{"role": "user", "content": [{"text": "x"}]}]}, "'type'"),
        ({"messages": [{"role": "user", "content": "x" * 101}]}, "longer"),
        ({"messages": [{"role": "user", "content": "hi"}], "stream": "yes"}, "'stream'"),
        ({"messages": [{"role": "user", "content": "hi"}], "model": 3}, "'model'"),
        ({"messages": [{"role": "user", "content": "hi"}], "user": True}, "'user'"),
    ],
)
def test_malformed_requests_are_refused_with_a_reason(body, reason):
    with pytest.raises(BadRequest, match=reason):
        read_chat_request(body, max_chars=100)


def test_completion_shape():
    body = completion(request(), "Yes, it is in stock.")
    assert body["object"] == "chat.completion"
    assert body["id"].startswith("chatcmpl-")
    assert isinstance(body["created"], int)
    assert body["model"] == MODEL
    (choice,) = body["choices"]
    assert choice["message"] == {"role": "assistant", "content": "Yes, it is in stock."}
    assert choice["finish_reason"] == "stop"
    usage = body["usage"]
    assert usage["total_tokens"] == usage["prompt_tokens"] + usage["completion_tokens"]


@given(st.text(max_size=200))
def test_split_answer_reassembles_exactly(answer):
    assert "".join(split_answer(answer)) == answer


def test_split_answer_gives_several_pieces():
    assert len(split_answer("Yes, the Blue Kettle (KT-0001) is in stock right now.")) >= 3


def test_stream_events():
    events = list(chunks(request(stream_options={"include_usage": True}), "one two three four"))
    assert events[-1] == "data: [DONE]\n\n"
    decoded = [json.loads(event.removeprefix("data: ")) for event in events[:-1]]
    assert all(event.endswith("\n\n") for event in events)
    assert all(chunk["object"] == "chat.completion.chunk" for chunk in decoded)
    assert len({chunk["id"] for chunk in decoded}) == 1
    deltas = [chunk["choices"][0]["delta"] for chunk in decoded if chunk["choices"]]
    assert deltas[0]["role"] == "assistant"
    assert all("role" not in delta for delta in deltas[1:])
    assert "".join(delta.get("content", "") for delta in deltas) == "one two three four"
    finishes = [chunk["choices"][0]["finish_reason"] for chunk in decoded if chunk["choices"]]
    assert finishes[-1] == "stop" and set(finishes[:-1]) == {None}
    assert decoded[-1]["usage"]["completion_tokens"] == 4
