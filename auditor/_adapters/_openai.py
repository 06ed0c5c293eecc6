"""OpenAI-compatible chat completions, streaming (SSE) or not."""

from __future__ import annotations

import json
from typing import Any

import httpx

from auditor._adapters._base import ADAPTERS, AdapterError, AdapterSettings, Answer, Conversation
from auditor._adapters._http_common import (
    Stopwatch,
    check_status,
    make_client,
    read_bounded,
    send_with_retries,
)
from auditor._config import OpenAIAssistant


class OpenAIAdapter:
    def __init__(self, config: OpenAIAssistant, settings: AdapterSettings) -> None:
        self.name = config.name
        self._config = config
        self._settings = settings
        self._client = make_client(settings)
        self._url = config.base_url.rstrip("/") + "/chat/completions"
        self._headers = dict(config.headers)
        if config.api_key_env:
            key = settings.env.get(config.api_key_env)
            if not key:
                raise AdapterError(f"environment variable {config.api_key_env} is not set")
            self._headers["Authorization"] = f"Bearer {key}"

    async def aclose(self) -> None:
        await self._client.aclose()

    async def ask(self, conversation: Conversation) -> Answer:
        messages: list[dict[str, str]] = []
        if self._config.system_prompt:
            messages.append({"role": "system", "content": self._config.system_prompt})
        answers: list[str] = []
        attempts = 0
        latency = 0.0
        ttft: float | None = None
        for turn in conversation.turns:
            messages.append({"role": "user", "content": turn})
            text, tries, latency, ttft = await self._complete(messages, conversation.customer_id)
            attempts += tries
            answers.append(text)
            messages.append({"role": "assistant", "content": text})
        return Answer(answers[-1], tuple(answers), latency, ttft, attempts)

    async def _complete(
        self, messages: list[dict[str, str]], customer_id: str | None
    ) -> tuple[str, int, float, float | None]:
        body: dict[str, Any] = {"model": self._config.model, "messages": messages}
        headers = dict(self._headers)
        if customer_id is not None:
            body["user"] = customer_id
            if self._config.customer_header:
                headers[self._config.customer_header] = customer_id
        if self._config.stream:
            body["stream"] = True
        request = self._client.build_request("POST", self._url, json=body, headers=headers)
        watch = Stopwatch()
        async with send_with_retries(self._client, request, self._settings) as (response, tries):
            if self._config.stream and response.status_code < 400:
                text, ttft = await self._read_stream(response, watch)
                return text, tries, watch.ms(), ttft
            raw = await read_bounded(response, self._settings.max_answer_bytes)
            check_status(response, raw)
            return _message_content(raw), tries, watch.ms(), None

    async def _read_stream(
        self, response: httpx.Response, watch: Stopwatch
    ) -> tuple[str, float | None]:
        parts: list[str] = []
        size = 0
        ttft: float | None = None
        async for line in response.aiter_lines():
            if not line.startswith("data:"):
                continue
            data = line[5:].strip()
            if data == "[DONE]":
                break
            delta = _delta_content(data)
            if delta:
                ttft = watch.ms() if ttft is None else ttft
                size += len(delta.encode())
                if size > self._settings.max_answer_bytes:
                    raise AdapterError(
                        f"streamed answer exceeds the {self._settings.max_answer_bytes}-byte cap"
                    )
                parts.append(delta)
        return "".join(parts), ttft


def _message_content(raw: bytes) -> str:
    try:
        content = json.loads(raw)["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError):
        raise AdapterError(f"not a chat completion: {raw[:200]!r}") from None
    if not isinstance(content, str):
        raise AdapterError("chat completion without text content")
    return content


def _delta_content(data: str) -> str:
    try:
        chunk = json.loads(data)
        content = chunk["choices"][0].get("delta", {}).get("content")
    except (ValueError, KeyError, IndexError, TypeError, AttributeError):
        raise AdapterError(f"malformed stream chunk: {data[:200]!r}") from None
    return content if isinstance(content, str) else ""


@ADAPTERS.register("openai")
def _make(config: OpenAIAssistant, settings: AdapterSettings) -> OpenAIAdapter:
    return OpenAIAdapter(config, settings)
