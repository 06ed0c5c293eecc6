"""The OTLP/HTTP receiver: `POST /v1/traces`, protobuf or JSON, as the OTLP exporters send.

A raw ASGI app, like the tap's proxy, served by uvicorn in a thread (`auditor/_serve.py`). What
it refuses, it refuses with a status and a one-line reason, never a crash of the audit: 404 for
another path, 405 for another method, 400 for a payload that is not OTLP (garbage, a wrong
content type, an unknown `Content-Encoding`, a gzip stream that does not inflate), 413 for a
body over `max_body_bytes` (declared, streamed, or once inflated: a small gzip bomb is refused
as soon as it passes the bound). A success answers the empty `ExportTraceServiceResponse` in
the request's encoding.
"""

from __future__ import annotations

import threading
import zlib
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest

from auditor._tap._operations import OperationIndex
from auditor._traces._otlp import PayloadError, decode, encode_response, spans_of
from auditor._traces._store import SpanStore

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

PATH = "/v1/traces"


class _Refused(Exception):
    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status


async def _answer(send: Send, status: int, body: bytes, content_type: str) -> None:
    headers = [
        (b"content-type", content_type.encode("latin-1")),
        (b"content-length", str(len(body)).encode()),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _headers(scope: Scope) -> dict[str, str]:
    return {
        name.decode("latin-1").lower(): value.decode("latin-1")
        for name, value in scope.get("headers", [])
    }


async def _body(receive: Receive, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise _Refused(400, "the client went away mid-body")
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise _Refused(413, f"the body exceeds {limit} bytes")
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def _inflate(body: bytes, encoding: str, limit: int) -> bytes:
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return body
    if encoding not in ("gzip", "deflate"):
        raise _Refused(400, f"Content-Encoding {encoding!r}: send gzip or none")
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 32)  # gzip or zlib headers, either
    try:
        out = inflater.decompress(body, limit + 1)
    except zlib.error as error:
        raise _Refused(400, f"the {encoding} body does not inflate: {error}") from None
    if len(out) > limit:
        raise _Refused(413, f"the body inflates past {limit} bytes")
    return out


#: Exports held while the receiver has no operations to match them onto yet.
MAX_PENDING = 10_000


class OtlpReceiver:
    """Decodes each export into span records (operations matched by `index`) kept by `store`.

    Started without an index (the demo starts it before the shop, whose URL the index needs),
    it holds the exports it gets until `use` gives one, then records them all.
    """

    def __init__(
        self, store: SpanStore, index: OperationIndex | None, *, max_body_bytes: int
    ) -> None:
        self.store = store
        self.max_body_bytes = max_body_bytes
        self._index = index
        self._pending: list[ExportTraceServiceRequest] = []
        self._lock = threading.Lock()

    def use(self, index: OperationIndex) -> None:
        with self._lock:
            self._index = index
            pending, self._pending = self._pending, []
            for request in pending:
                self.store.add(spans_of(request, index))

    def _keep(self, request: ExportTraceServiceRequest) -> None:
        with self._lock:
            if self._index is not None:
                self.store.add(spans_of(request, self._index))
            elif len(self._pending) < MAX_PENDING:
                self._pending.append(request)
            else:
                raise _Refused(503, "the receiver is not ready for spans yet")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        elif scope["type"] == "http":
            try:
                body, content_type = await self._export(scope, receive)
                await _answer(send, 200, body, content_type)
            except _Refused as refused:
                await _answer(send, refused.status, str(refused).encode(), "text/plain")

    async def _export(self, scope: Scope, receive: Receive) -> tuple[bytes, str]:
        if scope["path"].rstrip("/") != PATH:
            raise _Refused(404, f"OTLP/HTTP traces are received at {PATH}")
        if scope["method"] != "POST":
            raise _Refused(405, f"{PATH} takes POST")
        headers = _headers(scope)
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_body_bytes:
            raise _Refused(413, f"the body exceeds {self.max_body_bytes} bytes")
        raw = await _body(receive, self.max_body_bytes)
        body = _inflate(raw, headers.get("content-encoding", ""), self.max_body_bytes)
        content_type = headers.get("content-type")
        try:
            request = decode(body, content_type)
            self._keep(request)
        except _Refused:
            raise
        except PayloadError as error:
            raise _Refused(400, str(error)) from None
        except Exception as error:  # never a traceback, never the audit's end
            raise _Refused(400, f"the export could not be read: {type(error).__name__}") from None
        return encode_response(content_type)
