"""What the adapters put on the wire, seen by a real server: the faulty bot's `echo` and the
bodies it records."""

from __future__ import annotations

import json
from collections.abc import Iterator
from urllib.parse import parse_qs

import pytest

from auditor._adapters import ADAPTERS, AdapterError, AdapterSettings, Conversation
from auditor._config import HttpAssistant, OpenAIAssistant
from tests.apps.faulty_bot import ANSWER, FaultyBot, serve_faulty_bot


@pytest.fixture
def bot() -> Iterator[FaultyBot]:
    with serve_faulty_bot() as served:
        yield served


def http_adapter(settings: AdapterSettings | None = None, **options):
    config = HttpAssistant.model_validate({"kind": "http", **options})
    return ADAPTERS.get("http")(config, settings or AdapterSettings(timeout_s=5))


async def test_openai_sends_model_system_prompt_history_identity_key_and_headers(bot):
    config = OpenAIAssistant(
        kind="openai",
        base_url=bot.base_url("echo"),
        model="shop-bot-2",
        system_prompt="You are the shop's assistant.",
        api_key_env="BOT_KEY",
        headers={"X-Tenant": "acme"},
    )
    settings = AdapterSettings(timeout_s=5, env={"BOT_KEY": "sk-test"})
    adapter = ADAPTERS.get("openai")(config, settings)
    with pytest.raises(AdapterError, match="not a chat completion"):  # echo is not one
        await adapter.ask(Conversation(["Is it in stock?"], customer_id="C-042"))
    await adapter.aclose()
    (headers,) = bot.headers["echo"]
    assert headers["authorization"] == "Bearer sk-test"
    assert headers["x-tenant"] == "acme" and headers["x-customer-id"] == "C-042"
    (body,) = bot.bodies["echo"]
    assert body == {
        "model": "shop-bot-2",
        "messages": [
            {"role": "system", "content": "You are the shop's assistant."},
            {"role": "user", "content": "Is it in stock?"},
        ],
        "user": "C-042",
    }


async def test_http_headers_carry_the_key_env_templates_and_the_customer(bot):
    config = HttpAssistant(
        kind="http",
        url=f"{bot.url}/echo/headers?q={{{{question}}}}",
        answer_path="$.headers",
        api_key_env="BOT_KEY",
        headers={"X-Tenant": "{{env.TENANT}}"},
    )
    adapter = http_adapter(
        AdapterSettings(env={"BOT_KEY": "sk-test", "TENANT": "acme"}), **config.model_dump()
    )
    answer = await adapter.ask(Conversation(["?"], customer_id="C-042"))
    await adapter.aclose()
    headers = json.loads(answer.text)
    assert headers["authorization"] == "Bearer sk-test"
    assert headers["x-tenant"] == "acme" and headers["x-customer-id"] == "C-042"


async def test_openai_conversation_sends_the_earlier_answers_back(bot):
    config = OpenAIAssistant(kind="openai", base_url=bot.base_url("ok"))
    adapter = ADAPTERS.get("openai")(config, AdapterSettings(timeout_s=5))
    answer = await adapter.ask(Conversation(["Is it in stock?", "How many?"]))
    await adapter.aclose()
    assert answer.turns == (ANSWER, ANSWER) and answer.attempts == 2
    assert bot.bodies["ok"][1]["messages"] == [
        {"role": "user", "content": "Is it in stock?"},
        {"role": "assistant", "content": ANSWER},
        {"role": "user", "content": "How many?"},
    ]


async def test_http_form_body_get_url_and_several_answer_paths(bot):
    form = http_adapter(
        url=f"{bot.url}/echo/form",
        answer_path="$.body",
        form={"q": "{{question}}", "who": "{{customer_id}}"},
    )
    answer = await form.ask(Conversation(["Is the kettle in stock? 100% sure?"], "C-7"))
    await form.aclose()
    assert parse_qs(answer.text) == {"q": ["Is the kettle in stock? 100% sure?"], "who": ["C-7"]}

    get = http_adapter(
        url=f"{bot.url}/echo/ask?q={{{{question}}}}&s={{{{session_id}}}}",
        method="GET",
        answer_path=["$.reply.parts[0]", "$.reply.parts[1]", "$.target"],
    )
    answer = await get.ask(Conversation(["a&b=c #1?"], session_id="s/1"))
    await get.aclose()
    first, second, target = answer.text.split("\n")
    assert (first, second) == ("one", "two")
    path, _, query = target.partition("?")
    assert path == "/echo/ask" and parse_qs(query) == {"q": ["a&b=c #1?"], "s": ["s/1"]}


async def test_http_session_id_read_back_is_sent_with_the_next_turn(bot):
    adapter = http_adapter(
        url=f"{bot.url}/echo/chat",
        answer_path="$.reply.parts[0]",
        session_path="$.session",
        body={"text": "{{question}}", "session": "{{session_id}}"},
    )
    answer = await adapter.ask(Conversation(["first", "second", "third"]))
    await adapter.aclose()
    assert [sent["session"] for sent in bot.bodies["echo"]] == [None, "s-1", "s-2"]
    assert answer.session_id == "s-3" and answer.attempts == 3


async def test_http_answer_path_that_finds_nothing_says_where_it_looked(bot):
    adapter = http_adapter(url=f"{bot.url}/echo/x?q={{{{question}}}}", answer_path="$.reply.text")
    with pytest.raises(AdapterError, match=r"no answer at \$\.reply\.text in "):
        await adapter.ask(Conversation(["?"]))
    await adapter.aclose()


def test_http_configuration_mistakes_are_refused_before_any_request():
    # The file's checks refuse a bad JSONPath first; the adapter still does, for configurations
    # built without them.
    unchecked = HttpAssistant.model_construct(
        kind="http", url="http://127.0.0.1:9/x?q={{question}}", answer_path="$.[[", headers={}
    )
    with pytest.raises(AdapterError, match="bad JSONPath"):
        ADAPTERS.get("http")(unchecked, AdapterSettings(timeout_s=5))
    with pytest.raises(AdapterError, match="BOT_KEY is not set"):
        http_adapter(url="http://127.0.0.1:9/x?q={{question}}", api_key_env="BOT_KEY")
