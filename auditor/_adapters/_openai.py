"""OpenAI-compatible chat completions, streamed (SSE) or not.

The customer rides in the request's `user` field and, when `customer_header` is set, in that
header too. A conversation is sent as the growing message list, the way chat clients do; the
assistant's earlier answers go back to it as `assistant` messages.
"""

from __future__ import annotations

import json
from contextlib import aclosing
from typing import Any

import httpx

from auditor._adapters._aiohttp import header
from auditor._adapters._attempt import Attempt
from auditor._adapters._base import AdapterError, AdapterSettings, Answer, Conversation
from auditor._adapters._exchange import Exchanged, exchange
from auditor._adapters._http_common import excerpt, read_bounded
from auditor._adapters._registry import ADAPTERS
from auditor._adapters._sse import sse_data
from auditor._adapters._template import customer_headers
from auditor._adapters._transport import HttpClient
from auditor._config import OpenAIAssistant
from auditor._customers import CUSTOMER_VARIABLE


class OpenAIAdapter:
    def __init__(self, config: OpenAIAssistant, settings: AdapterSettings) -> None:
        self.name = config.name
        self._config = config
        self._settings = settings
        self._url = httpx.URL(config.base_url.rstrip("/") + "/chat/completions")
        self._headers = dict(config.headers)
        if config.api_key_env:
            key = settings.env.get(config.api_key_env)
            if not key:
                raise AdapterError(f"environment variable {config.api_key_env} is not set")
            self._headers["Authorization"] = f"Bearer {key}"
        self._client = HttpClient(settings)

    async def aclose(self) -> None:
        await self._client.aclose()

    async def ask(self, conversation: Conversation) -> Answer:
        if not conversation.turns:
            raise AdapterError("a conversation needs at least one turn")
        messages: list[dict[str, str]] = []
        if self._config.system_prompt:
            messages.append({"role": "system", "content": self._config.system_prompt})
        answers: list[str] = []
        attempts, latency = 0, 0.0
        done: Exchanged[str] | None = None
        for turn in conversation.turns:
            messages.append({"role": "user", "content": turn})
            try:
                done = await exchange(
                    self._client,
                    self._request(messages, conversation.customer_id, conversation),
                    self._settings,
                    self._read,
                    conversation.pace,
                )
            except AdapterError as error:
                error.attempts += attempts  # the earlier turns' requests too
                raise
            attempts += done.attempts
            latency += done.latency_ms
            answers.append(done.value)
            messages.append({"role": "assistant", "content": done.value})
        assert done is not None
        return Answer(answers[-1], tuple(answers), latency, done.ttft_ms, attempts)

    def _request(
        self,
        messages: list[dict[str, str]],
        customer_id: str | None,
        conversation: Conversation,
    ) -> httpx.Request:
        body: dict[str, Any] = {"model": self._config.model, "messages": messages}
        headers = self._headers
        if conversation.trace is not None:
            headers = {**headers, **conversation.trace_headers()}
        if customer_id is not None:
            body["user"] = customer_id
            if self._config.customer_header:
                headers = {**headers, self._config.customer_header: customer_id}
            identity = self._settings.identity(customer_id)
            if identity is not None:
                variables: dict[str, str | None] = {"customer_id": customer_id}
                variables.update({CUSTOMER_VARIABLE + k: v for k, v in identity.variables.items()})
                headers = {
                    **headers,
                    **customer_headers(self._settings, self.name, customer_id, variables),
                }
        if self._config.stream:
            body["stream"] = True
        return self._client.request("POST", self._url, json=body, headers=headers)

    async def _read(self, response: httpx.Response, attempt: Attempt) -> str:
        limit = self._settings.max_answer_bytes
        if self._config.stream:
            content_type = header(response, "content-type") or ""
            if content_type.startswith("text/event-stream"):
                return await _read_stream(response, attempt, limit)
        # Not streamed (or a server that ignored `stream`): one JSON completion.
        return _message_content(await read_bounded(response, attempt, limit))


async def _read_stream(response: httpx.Response, attempt: Attempt, limit: int) -> str:
    attempt.streaming = True
    parts: list[str] = []
    size = 0
    async with aclosing(sse_data(response, attempt, max_line=limit)) as events:
        async for data in events:
            if data.strip() == "[DONE]":
                break
            delta = _delta_content(data)
            if not delta:
                continue
            attempt.token()
            size += len(delta.encode())
            if size > limit:
                raise AdapterError(f"streamed answer exceeds the {limit}-byte cap")
            parts.append(delta)
    return "".join(parts)


def _text(content: object) -> str | None:
    """Message content as text: a string, or the text parts of a list of parts."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        texts = [p.get("text") for p in content if isinstance(p, dict) and p.get("type") == "text"]
        return "".join(t for t in texts if isinstance(t, str))
    return None


def _message_content(raw: bytes) -> str:
    try:
        document = json.loads(raw)
    except ValueError:
        raise AdapterError(f"answer is not JSON: {excerpt(raw)}") from None
    if isinstance(document, dict) and isinstance(document.get("error"), dict | str):
        raise AdapterError(f"the assistant answered with an error: {excerpt(raw)}")
    try:
        message = document["choices"][0]["message"]
        text = _text(message.get("content")) or _text(message.get("refusal"))
    except (KeyError, IndexError, TypeError, AttributeError):
        raise AdapterError(f"not a chat completion: {excerpt(raw)}") from None
    if text is None:
        raise AdapterError(f"chat completion without text content: {excerpt(raw)}")
    return text


def _delta_content(data: str) -> str:
    try:
        chunk = json.loads(data)
    except ValueError:
        raise AdapterError(f"malformed stream chunk: {excerpt(data.encode())}") from None
    if not isinstance(chunk, dict):
        raise AdapterError(f"malformed stream chunk: {excerpt(data.encode())}")
    if "error" in chunk:
        raise AdapterError(f"the stream reported an error: {excerpt(data.encode())}")
    choices = chunk.get("choices")
    if not choices:  # a usage-only chunk, or a keep-alive
        return ""
    try:
        delta = choices[0].get("delta") or {}
        return _text(delta.get("content")) or ""
    except (IndexError, KeyError, TypeError, AttributeError):
        raise AdapterError(f"malformed stream chunk: {excerpt(data.encode())}") from None


@ADAPTERS.register("openai")
def _make(config: OpenAIAssistant, settings: AdapterSettings) -> OpenAIAdapter:
    return OpenAIAdapter(config, settings)
