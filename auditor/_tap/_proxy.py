"""The recording reverse proxy: an ASGI app that forwards every request to one origin, unchanged.

Faithful both ways: the request keeps its method, raw path, query, headers (duplicates and case
included) and body; the answer keeps its status, headers and the body's raw bytes (compressed
stays compressed), streamed chunk by chunk as they arrive. Only hop-by-hop headers are dropped
(RFC 9110 §7.6.1), `Host` names the anchor, and `Content-Length` is recomputed from the same
bytes. Serve it with uvicorn's own `server` and `date` headers off, so that the anchor's are the
only ones the assistant sees.

The request is built directly (not through `AsyncClient.build_request`) so that httpx adds no
default headers of its own (`User-Agent`, `Accept` ...). When the anchor cannot be reached the
proxy answers 502 itself and records why.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, MutableMapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

import httpx

from auditor._tap._recorder import Exchange, TapRecorder

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

_HOP_BY_HOP = frozenset(
    {
        b"connection",
        b"keep-alive",
        b"proxy-authenticate",
        b"proxy-authorization",
        b"proxy-connection",
        b"te",
        b"trailer",
        b"trailers",
        b"transfer-encoding",
        b"upgrade",
    }
)
#: Request bodies to anchors are small (mostly none); past this the proxy answers 413.
MAX_REQUEST_BYTES = 16 * 1024 * 1024


def _hop_names(headers: list[tuple[bytes, bytes]]) -> frozenset[bytes]:
    """Hop-by-hop headers, including those the `Connection` header itself names."""
    named = {
        token.strip().lower()
        for name, value in headers
        if name.lower() == b"connection"
        for token in value.split(b",")
    }
    return _HOP_BY_HOP | named


def _end_to_end(headers: list[tuple[bytes, bytes]], *also: bytes) -> list[tuple[bytes, bytes]]:
    drop = _hop_names(headers) | set(also)
    return [(name, value) for name, value in headers if name.lower() not in drop]


class _TooLarge(Exception):
    pass


async def _body(receive: Receive) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_REQUEST_BYTES:
            raise _TooLarge
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _target(upstream: str, scope: Scope) -> str:
    raw = scope.get("raw_path")
    path = raw.decode("latin-1") if raw else quote(scope["path"])
    query = scope.get("query_string", b"").decode("latin-1")
    return upstream + path + ("?" + query if query else "")


async def _answer(send: Send, status: int, body: bytes) -> None:
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class TapProxy:
    """Forwards to `upstream` (an origin, `http://host:port`) and records each exchange."""

    def __init__(self, upstream: str, recorder: TapRecorder, *, timeout_s: float = 60.0) -> None:
        self.upstream = upstream.rstrip("/")
        self.recorder = recorder
        self._timeout = httpx.Timeout(timeout_s)
        self._client: httpx.AsyncClient | None = None

    def _http(self) -> httpx.AsyncClient:
        if self._client is None:
            self._client = httpx.AsyncClient(
                timeout=self._timeout, trust_env=False, follow_redirects=False
            )
        return self._client

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
        elif scope["type"] == "http":
            await self._forward(scope, receive, send)

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                self._http()
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                if self._client is not None:
                    await self._client.aclose()
                    self._client = None
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def _forward(self, scope: Scope, receive: Receive, send: Send) -> None:
        started, clock = datetime.now(UTC), time.perf_counter()
        raw_headers: list[tuple[bytes, bytes]] = list(scope.get("headers", []))
        state: dict[str, Any] = {"status": 502, "ttfb": None, "out": 0, "in": 0, "error": None}
        try:
            body = await _body(receive)
            state["in"] = len(body)
            await self._exchange(scope, raw_headers, body, send, state, clock)
        except _TooLarge:
            state.update(status=413, error="request body too large to forward")
            await _answer(send, 413, b'{"error":"payload_too_large"}')
        finally:
            self._record(scope, raw_headers, started, clock, state)

    async def _exchange(
        self,
        scope: Scope,
        headers: list[tuple[bytes, bytes]],
        body: bytes,
        send: Send,
        state: dict[str, Any],
        clock: float,
    ) -> None:
        request = httpx.Request(
            scope["method"],
            _target(self.upstream, scope),
            headers=_end_to_end(headers, b"host", b"content-length"),
            content=body,
        )
        try:
            response = await self._http().send(request, stream=True)
        except httpx.HTTPError as error:
            state["error"] = f"the anchor could not be reached: {type(error).__name__}"
            message = f'{{"error":"bad_gateway","message":"{type(error).__name__}"}}'
            await _answer(send, 502, message.encode())
            return
        state.update(status=response.status_code, ttfb=(time.perf_counter() - clock) * 1000)
        try:
            await send(
                {
                    "type": "http.response.start",
                    "status": response.status_code,
                    "headers": _end_to_end(list(response.headers.raw)),
                }
            )
            async for chunk in response.aiter_raw():
                state["out"] += len(chunk)
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
            await send({"type": "http.response.body", "body": b""})
        except httpx.HTTPError as error:
            state["error"] = f"the anchor broke off its answer: {type(error).__name__}"
            raise
        finally:
            await response.aclose()

    def _record(
        self,
        scope: Scope,
        raw_headers: list[tuple[bytes, bytes]],
        started: datetime,
        clock: float,
        state: dict[str, Any],
    ) -> None:
        headers = {
            name.decode("latin-1").lower(): value.decode("latin-1") for name, value in raw_headers
        }
        raw = scope.get("raw_path")
        self.recorder.record(
            Exchange(
                upstream=self.upstream,
                method=scope["method"],
                path=raw.decode("latin-1") if raw else quote(scope["path"]),
                query_string=scope.get("query_string", b"").decode("latin-1"),
                headers=headers,
                started_at=started,
                duration_ms=(time.perf_counter() - clock) * 1000,
                ttfb_ms=state["ttfb"],
                status=state["status"],
                request_bytes=state["in"],
                response_bytes=state["out"],
                error=state["error"],
            )
        )
