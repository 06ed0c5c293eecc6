"""The assistant's HTTP face: OpenAI-compatible chat, a plain JSON message endpoint, health.

Every malformed request gets a 400 with a reason, never a traceback; the only deliberate 5xx are
the `flaky` fault's. The shop client is created inside the server's event loop (at startup, or
on first use when the app runs without a lifespan) and closed with the app's lifespan.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import random
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from auditor.reference.assistant._brain import Answer, Memory
from auditor.reference.assistant._catalogue_loader import Catalogue
from auditor.reference.assistant._faults import Faults
from auditor.reference.assistant._llm import (
    Answering,
    BrainKind,
    LlmBrain,
    build_brain,
    check_brain,
    model_server_for,
)
from auditor.reference.assistant._openai import (
    BadRequest,
    chunks,
    completion,
    error_body,
    models,
    read_chat_request,
)
from auditor.reference.assistant._phrasing import Phrasebook
from auditor.reference.assistant._sessions import Sessions
from auditor.reference.assistant._shop_client import ShopClient
from auditor.reference.assistant._tracing import AssistantTracing, TracingMiddleware
from auditor.reference.assistant._voice import Voice
from auditor.reference.assistant._voices import check_voice

SUPPORT_CONTACT = "support@example.com"
_MAX_QUESTION_CHARS = 4_000
_MAX_BODY_BYTES = 1_000_000
_SHOP_TIMEOUT_S = 15.0
_MAX_CUSTOMER_CHARS = 64
_CUSTOMER_ID = re.compile(r"[!-~]+")

_Endpoint = Callable[[Request], Awaitable[Response]]


class _Runtime:
    """What the endpoints share: the brain (built lazily in the event loop), sessions, faults."""

    def __init__(
        self,
        *,
        shop_url: str,
        staff_token: str,
        faults: Faults,
        api_key: str | None,
        seed: int,
        brain: BrainKind = "rules",
        model_url: str | None = None,
        voice: Voice,
        tracing: AssistantTracing | None = None,
    ) -> None:
        self.faults = faults
        self.tracing = tracing
        self.voice = voice
        self.brain_kind = brain
        #: The `llm` brain's model server; the lifespan starts one when none was given.
        self.model_url = model_url
        self.api_key = api_key
        self.sessions = Sessions()
        self._shop_url = shop_url.rstrip("/")
        self._staff_token = staff_token
        self._rng = random.Random(seed)
        self._http: httpx.AsyncClient | None = None
        self._brain: Answering | None = None
        self._catalogue: Catalogue | None = None

    def brain(self) -> Answering:
        if self._brain is None:
            self._http = httpx.AsyncClient(
                base_url=self._shop_url, timeout=_SHOP_TIMEOUT_S, trust_env=False
            )
            if self.tracing is not None:
                self.tracing.instrument(self._http)
            client = ShopClient(self._http, staff_token=self._staff_token, faults=self.faults)
            phrases = Phrasebook(support=SUPPORT_CONTACT, voice=self.voice)
            self._catalogue = Catalogue(client)
            self._brain = build_brain(
                self.brain_kind,
                client=client,
                catalogue=self._catalogue,
                faults=self.faults,
                phrases=phrases,
                model_url=self.model_url,
            )
        return self._brain

    def warm_up(self) -> None:
        """Start loading the catalogue's names now, so that the first question need not wait."""
        self.brain()
        if self._catalogue is not None:
            self._catalogue.renew()

    def fails_next(self) -> int | None:
        """The `flaky` fault's verdict on the next answer: an HTTP status to fail with, or None.

        Drawn from a seeded generator in arrival order, so a run's failures are reproducible.
        """
        if self.faults.flaky <= 0:
            return None
        draw = self._rng.random()
        status = self._rng.choice((500, 503))
        return status if draw < self.faults.flaky else None

    async def delay(self) -> None:
        if self.faults.slow > 0:
            await asyncio.sleep(self.faults.slow / 1000)  # the `slow` fault itself

    async def aclose(self) -> None:
        if self._catalogue is not None:
            await self._catalogue.aclose()
        if isinstance(self._brain, LlmBrain):
            await self._brain.aclose()
        if self._http is not None:
            await self._http.aclose()
        if self.tracing is not None:
            await asyncio.to_thread(self.tracing.shutdown)  # flushes over HTTP: not on the loop


def _openai_error(status: int, message: str, kind: str, code: str | None = None) -> JSONResponse:
    return JSONResponse(error_body(message, kind, code), status_code=status)


def _plain_error(status: int, kind: str, message: str) -> JSONResponse:
    return JSONResponse({"error": kind, "message": message}, status_code=status)


def _authorised(runtime: _Runtime, request: Request) -> bool:
    if runtime.api_key is None:
        return True
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(
        token.strip().encode(), runtime.api_key.encode()
    )


async def _json(request: Request) -> object:
    try:
        return json.loads(await request.body())
    except (ValueError, UnicodeDecodeError) as exc:
        raise BadRequest(f"the body is not valid JSON: {exc}") from None


def _customer(request: Request, fallback: str | None) -> str | None:
    """Who is asking: the `X-Customer-Id` header, else the body's own field; None if nobody.

    The id travels on to the shop in a header, so anything that could not be a customer id
    (spaces, control or non-ASCII characters, absurd lengths) is refused as a bad request.
    """
    value = (request.headers.get("x-customer-id") or fallback or "").strip()
    if not value:
        return None
    if len(value) > _MAX_CUSTOMER_CHARS or not _CUSTOMER_ID.fullmatch(value):
        raise BadRequest("the customer id must be 1-64 visible ASCII characters")
    return value


async def _answer(runtime: _Runtime, question: str, customer: str | None, memory: Memory) -> Answer:
    await runtime.delay()
    return await runtime.brain().answer(question, customer, memory)


def _chat_endpoint(runtime: _Runtime) -> _Endpoint:
    async def chat(request: Request) -> Response:
        if not _authorised(runtime, request):
            return _openai_error(
                401, "invalid or missing API key", "invalid_request_error", "invalid_api_key"
            )
        try:
            chat_request = read_chat_request(await _json(request), max_chars=_MAX_QUESTION_CHARS)
            customer = _customer(request, chat_request.user)
        except BadRequest as exc:
            return _openai_error(400, str(exc), "invalid_request_error")
        failure = runtime.fails_next()
        if failure is not None:
            await runtime.delay()
            return _openai_error(failure, "the assistant failed (flaky fault)", "server_error")
        memory = await runtime.brain().recall(chat_request.history)
        answer = await _answer(runtime, chat_request.question, customer, memory)
        if chat_request.stream:
            return StreamingResponse(
                chunks(chat_request, answer.text), media_type="text/event-stream"
            )
        return JSONResponse(completion(chat_request, answer.text))

    return chat


def _read_message(body: object) -> tuple[str, str | None, str | None]:
    if not isinstance(body, dict):
        raise BadRequest("the body must be a JSON object")
    text, session, customer = body.get("text"), body.get("session"), body.get("customer")
    if not isinstance(text, str) or not text.strip():
        raise BadRequest("'text' must be a non-empty string")
    if len(text) > _MAX_QUESTION_CHARS:
        raise BadRequest(f"'text' is longer than {_MAX_QUESTION_CHARS} characters")
    if session is not None and (not isinstance(session, str) or not Sessions.valid_id(session)):
        raise BadRequest("'session' must be a printable string of at most 128 characters")
    if customer is not None and not isinstance(customer, str):
        raise BadRequest("'customer' must be a string")
    return text.strip(), session, customer


def _message_endpoint(runtime: _Runtime) -> _Endpoint:
    async def message(request: Request) -> Response:
        if not _authorised(runtime, request):
            return _plain_error(401, "unauthorized", "invalid or missing API key")
        try:
            text, session, given = _read_message(await _json(request))
            customer = _customer(request, given)
        except BadRequest as exc:
            return _plain_error(400, "bad_request", str(exc))
        failure = runtime.fails_next()
        if failure is not None:
            await runtime.delay()
            return _plain_error(failure, "server_error", "the assistant failed (flaky fault)")
        session = session or Sessions.new_id()
        memory = runtime.sessions.recall(session)
        answer = await _answer(runtime, text, customer, memory)
        runtime.sessions.keep(session, answer.memory)
        return JSONResponse({"reply": {"text": answer.text}, "session": session})

    return message


def _models_endpoint(runtime: _Runtime) -> _Endpoint:
    async def list_models(request: Request) -> Response:
        if not _authorised(runtime, request):
            return _openai_error(
                401, "invalid or missing API key", "invalid_request_error", "invalid_api_key"
            )
        return JSONResponse(models())

    return list_models


async def _health(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


async def _http_error(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    detail = exc.detail if isinstance(exc, HTTPException) else "internal error"
    return _plain_error(status, "http_error", str(detail))


async def _unexpected(request: Request, exc: Exception) -> Response:
    return _plain_error(500, "internal_error", "the assistant hit an unexpected error")


def create_assistant(
    *,
    shop_url: str,
    staff_token: str,
    faults: Faults | None = None,
    api_key: str | None = None,
    seed: int = 0,
    brain: str = "rules",
    model_url: str | None = None,
    voice: str = "standard",
    otlp_endpoint: str | None = None,
) -> Starlette:
    """The reference assistant as an ASGI app, answering from the shop at `shop_url`.

    `seed` drives the `flaky` fault's draws; `api_key`, when given, guards `/v1/*` and
    `/message` behind `Authorization: Bearer <api_key>`. `brain` is `rules` (templates) or
    `llm` (a language model words the answers, see `_llm.py`): its model server is the
    OpenAI-compatible one at `model_url`, or else one the app starts and stops with its lifespan.
    `voice` words the answers (`_voices.py`): the same facts in another style of wording.
    `otlp_endpoint`, an OTLP/HTTP base URL, makes it trace itself there (`_tracing.py`; needs
    the `otel` extra).
    """
    runtime = _Runtime(
        shop_url=shop_url,
        staff_token=staff_token,
        faults=faults or Faults(),
        api_key=api_key,
        seed=seed,
        brain=check_brain(brain),
        model_url=model_url,
        voice=check_voice(voice),
        tracing=None if otlp_endpoint is None else AssistantTracing(otlp_endpoint),
    )

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with model_server_for(runtime.brain_kind, runtime.model_url) as model_url:
            runtime.model_url = model_url
            runtime.warm_up()
            try:
                yield
            finally:
                await runtime.aclose()

    routes = [
        Route("/v1/chat/completions", _chat_endpoint(runtime), methods=["POST"]),
        Route("/v1/models", _models_endpoint(runtime), methods=["GET"]),
        Route("/message", _message_endpoint(runtime), methods=["POST"]),
        Route("/health", _health, methods=["GET"]),
    ]
    handlers: dict[Any, Any] = {HTTPException: _http_error, Exception: _unexpected}
    tracing = runtime.tracing
    return Starlette(
        routes=routes,
        exception_handlers=handlers,
        lifespan=lifespan,
        max_body_size=_MAX_BODY_BYTES,
        middleware=[] if tracing is None else [Middleware(TracingMiddleware, tracing=tracing)],
    )
