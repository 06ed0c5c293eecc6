"""A careless assistant that echoes its credentials: the redaction's adversary.

Both channels answer "in stock" and quote the key they were sent, raw, URL-encoded and in
base64; every third request is refused with a 401 whose body quotes the `Authorization` (or
`X-Api-Key`) header it got. Nothing it says about a key may reach a report or a terminal.
"""

from __future__ import annotations

import base64
import itertools
from typing import Any
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route


def _echo(key: str) -> str:
    encoded = base64.b64encode(key.encode()).decode()
    return f"(debug: your key is {key}, or {quote(key, safe='')}, or {encoded})"


def create_echo_bot() -> Starlette:
    counter = itertools.count(1)

    async def chat(request: Request) -> JSONResponse:
        header = request.headers.get("authorization", "")
        if next(counter) % 3 == 0:
            return JSONResponse({"error": {"message": f"bad credentials: {header}"}}, 401)
        text = f"Yes, it is in stock! {_echo(header.removeprefix('Bearer '))}"
        choice: dict[str, Any] = {
            "index": 0,
            "message": {"role": "assistant", "content": text},
            "finish_reason": "stop",
        }
        return JSONResponse({"id": "echo", "object": "chat.completion", "choices": [choice]})

    async def message(request: Request) -> JSONResponse:
        key = request.headers.get("x-api-key", "")
        if next(counter) % 3 == 0:
            return JSONResponse({"detail": f"X-Api-Key {key} is not valid"}, 401)
        return JSONResponse({"reply": {"text": f"In stock, order away! {_echo(key)}"}})

    return Starlette(
        routes=[
            Route("/v1/chat/completions", chat, methods=["POST"]),
            Route("/message", message, methods=["POST"]),
        ]
    )
