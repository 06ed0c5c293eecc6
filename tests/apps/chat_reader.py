"""A language model server for the model reader's tests: OpenAI chat completions on loopback,
one behaviour per path (`/<behaviour>/v1/chat/completions`), as `faulty_bot` does for
assistants, so that a `[reader] base_url = f"{url}/<behaviour>/v1"` meets that behaviour alone:

    table          reads like a model that reads well: every phrase of `TABLE` found in the
                   answer becomes a claim quoting it (for the kinds the request asks about),
                   and the model reader's check sentences (`auditor/_reader/_exam.py`) as
                   they say
    once           as `table` (a path of its own, to count one test's requests)
    careless       reads `TABLE` the same, but the check sentences not at all
    invents        claims whose quote is nowhere in the answer (a hallucinating model)
    garbage        200 with a chat completion whose text is not JSON
    wrong-shape    200 with JSON of the wrong shape (an unknown kind and value)
    status-500     always 500
    stall          never answers (until the client hangs up)
    no-json-schema refuses `response_format: json_schema` with a 422, else reads as `table`

It records every request's body and headers, so tests can check what was sent (temperature,
seed, schema, the bearer key). Starlette and uvicorn, in a thread (`serve_chat_reader`).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from auditor._reader._exam import EXAM
from auditor._serve import serve_in_thread

#: phrase (case-insensitive) -> (claim kind, value): what the `table` model reads.
TABLE: dict[str, tuple[str, str | int | None]] = {}
_ANSWER = re.compile(r"<<<\n(.*)\n>>>", re.S)


@dataclass
class ChatReaderServer:
    url: str
    requests: Counter[str] = field(default_factory=Counter)
    bodies: dict[str, list[Any]] = field(default_factory=dict)
    headers: dict[str, list[dict[str, str]]] = field(default_factory=dict)

    def base_url(self, behaviour: str) -> str:
        return f"{self.url}/{behaviour}/v1"


def _completion(content: str) -> JSONResponse:
    return JSONResponse(
        {
            "id": "chatcmpl-test",
            "object": "chat.completion",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content},
                    "finish_reason": "stop",
                }
            ],
            "usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120},
        }
    )


def _answer(body: dict[str, Any]) -> str:
    """The answer to read: in the last user turn (the first holds the worked example)."""
    for message in reversed(body.get("messages", [])):
        found = _ANSWER.search(str(message.get("content", "")))
        if found and message.get("role") == "user":
            return found.group(1)
    return ""


def _asked_kinds(body: dict[str, Any]) -> set[str]:
    users = [m for m in body.get("messages", []) if m.get("role") == "user"]
    prompt = str(users[-1].get("content", "")) if users else ""
    return set(re.findall(r"^- (\w+):", prompt, re.M))


#: The check sentences, read as they say: what a model that reads well reads in them.
_EXAM_TABLE = {text: (kind.value, value) for kind, rows in EXAM.items() for text, value in rows}


def _table_reading(body: dict[str, Any], *, exam: bool = True) -> str:
    answer, kinds = _answer(body), _asked_kinds(body)
    claims = []
    table = {**TABLE, **(_EXAM_TABLE if exam else {})}
    for phrase, (kind, value) in table.items():
        at = answer.casefold().find(phrase.casefold())
        if at >= 0 and kind in kinds:
            quote = answer[at : at + len(phrase)]
            claims.append({"kind": kind, "value": value, "quote": quote, "hedged": False})
    return json.dumps({"claims": claims})


def _app(served: ChatReaderServer) -> Starlette:
    async def chat(request: Request) -> Any:
        behaviour = request.path_params["behaviour"]
        body = await request.json()
        served.requests[behaviour] += 1
        served.bodies.setdefault(behaviour, []).append(body)
        served.headers.setdefault(behaviour, []).append(dict(request.headers))
        if behaviour in ("table", "once"):
            return _completion(_table_reading(body))
        if behaviour == "careless":
            return _completion(_table_reading(body, exam=False))
        if behaviour == "no-json-schema":
            if (body.get("response_format") or {}).get("type") == "json_schema":
                return JSONResponse({"detail": "response_format: json_schema unsupported"}, 422)
            return _completion(_table_reading(body))
        if behaviour == "invents":
            claim = {"kind": "availability", "value": "in_stock", "quote": "in stock right now"}
            return _completion(json.dumps({"claims": [claim]}))
        if behaviour == "garbage":
            return _completion("Sure! The item is available :) {not json")
        if behaviour == "wrong-shape":
            return _completion(json.dumps({"claims": [{"kind": "mood", "value": "sunny"}]}))
        if behaviour == "stall":
            # The body is read: the next message is the client hanging up, whenever it does.
            while (await request.receive())["type"] != "http.disconnect":
                pass
            return _completion("{}")
        return JSONResponse({"error": {"message": "internal error"}}, 500)

    routes = [Route("/{behaviour}/v1/chat/completions", chat, methods=["POST"])]
    return Starlette(routes=routes)


@contextmanager
def serve_chat_reader() -> Iterator[ChatReaderServer]:
    served = ChatReaderServer(url="")
    with serve_in_thread(_app(served), timeout_graceful_shutdown=1) as url:
        served.url = url
        yield served
