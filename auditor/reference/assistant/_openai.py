"""The OpenAI chat-completions wire format: reading requests, writing completions and chunks.

Hand-written rather than borrowed from the `openai` package so that the reference assistant
depends on nothing an auditor's user must install, and so that tests parse the raw JSON and SSE
exactly as any client would see them.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

MODEL = "shop-assistant"
_ROLES = frozenset({"system", "developer", "user", "assistant", "tool", "function"})
_PIECE = re.compile(r"\S+\s*")
_WORDS_PER_DELTA = 3


class BadRequest(ValueError):
    """The request breaks the wire format; the message says how, for a 400 answer."""


@dataclass(frozen=True, slots=True)
class ChatRequest:
    model: str
    question: str
    #: Earlier user messages, oldest first: the context for follow-up questions.
    history: tuple[str, ...]
    stream: bool
    include_usage: bool
    user: str | None
    prompt_words: int


def _content_text(content: object, where: str) -> str:
    if content is None or isinstance(content, str):
        return content or ""
    if isinstance(content, list):
        texts = []
        for part in content:
            if not isinstance(part, dict) or not isinstance(part.get("type"), str):
                raise BadRequest(f"{where}.content parts must be objects with a 'type'")
            if part["type"] == "text":
                if not isinstance(part.get("text"), str):
                    raise BadRequest(f"{where}.content text parts need a string 'text'")
                texts.append(part["text"])
        return " ".join(texts)
    raise BadRequest(f"{where}.content must be a string, a list of parts, or null")


def _messages(body: Mapping[str, Any]) -> list[tuple[str, str]]:
    messages = body.get("messages")
    if not isinstance(messages, list) or not messages:
        raise BadRequest("'messages' must be a non-empty list")
    parsed = []
    for position, message in enumerate(messages):
        where = f"messages[{position}]"
        if not isinstance(message, dict):
            raise BadRequest(f"{where} must be an object")
        role = message.get("role")
        if not isinstance(role, str) or role not in _ROLES:
            raise BadRequest(f"{where}.role must be one of {sorted(_ROLES)}")
        parsed.append((str(role), _content_text(message.get("content"), where)))
    return parsed


def _optional(body: Mapping[str, Any], name: str, kind: type, default: Any) -> Any:
    value = body.get(name, default)
    if value is None:
        return default
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise BadRequest(f"'{name}' must be a {kind.__name__}")
    return value


def read_chat_request(body: object, *, max_chars: int) -> ChatRequest:
    """Validate a chat-completions body; raises BadRequest with a readable reason."""
    if not isinstance(body, dict):
        raise BadRequest("the body must be a JSON object")
    messages = _messages(body)
    users = [text for role, text in messages if role == "user"]
    if not users:
        raise BadRequest("'messages' must contain a message with role 'user'")
    question = users[-1].strip()
    if not question:
        raise BadRequest("the last user message is empty")
    if len(question) > max_chars:
        raise BadRequest(f"the last user message is longer than {max_chars} characters")
    options = _optional(body, "stream_options", dict, {})
    return ChatRequest(
        model=_optional(body, "model", str, MODEL),
        question=question,
        history=tuple(users[:-1]),
        stream=_optional(body, "stream", bool, False),
        include_usage=options.get("include_usage") is True,
        user=_optional(body, "user", str, None),
        prompt_words=sum(len(text.split()) for _, text in messages),
    )


def _usage(request: ChatRequest, answer: str) -> dict[str, int]:
    completion = len(answer.split())
    return {
        "prompt_tokens": request.prompt_words,
        "completion_tokens": completion,
        "total_tokens": request.prompt_words + completion,
    }


def new_completion_id() -> str:
    return f"chatcmpl-{uuid.uuid4().hex}"


def completion(request: ChatRequest, answer: str) -> dict[str, Any]:
    return {
        "id": new_completion_id(),
        "object": "chat.completion",
        "created": int(time.time()),
        "model": request.model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": answer},
                "logprobs": None,
                "finish_reason": "stop",
            }
        ],
        "usage": _usage(request, answer),
    }


def split_answer(answer: str) -> list[str]:
    """Pieces of a few words each that concatenate back to exactly `answer`."""
    words = _PIECE.findall(answer)
    leading = answer[: len(answer) - len(answer.lstrip())]
    pieces = [
        "".join(words[start : start + _WORDS_PER_DELTA])
        for start in range(0, len(words), _WORDS_PER_DELTA)
    ] or [""]
    pieces[0] = leading + pieces[0]
    return pieces


def chunks(request: ChatRequest, answer: str) -> Iterator[str]:
    """The server-sent events of a streamed completion, `[DONE]` included."""
    base = {
        "id": new_completion_id(),
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": request.model,
    }

    def event(delta: dict[str, str], finish: str | None) -> str:
        choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}
        return f"data: {json.dumps({**base, 'choices': [choice]})}\n\n"

    for position, piece in enumerate(split_answer(answer)):
        yield event(
            {"role": "assistant", "content": piece} if position == 0 else {"content": piece}, None
        )
    yield event({}, "stop")
    if request.include_usage:
        yield f"data: {json.dumps({**base, 'choices': [], 'usage': _usage(request, answer)})}\n\n"
    yield "data: [DONE]\n\n"


def error_body(message: str, kind: str, code: str | None = None) -> dict[str, Any]:
    return {"error": {"message": message, "type": kind, "param": None, "code": code}}


def models() -> dict[str, Any]:
    return {
        "object": "list",
        "data": [{"id": MODEL, "object": "model", "created": 0, "owned_by": "readiness-auditor"}],
    }
