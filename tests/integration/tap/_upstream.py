"""A small upstream for the proxy tests: every kind of answer a proxy can get wrong."""

from __future__ import annotations

import base64
import gzip
import json
import threading
from collections.abc import AsyncIterator

import anyio
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

#: How long the streamed answer waits for the test to say it saw the first chunk.
RELEASE_TIMEOUT_S = 10.0


class Upstream:
    """The app plus the streaming endpoint's handshake with the test."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.released_by_test: bool | None = None
        self.app = Starlette(
            routes=[
                Route("/json", self.json, methods=["GET", "HEAD"]),
                Route("/gzip", self.gzip),
                Route("/binary", self.binary),
                Route("/stream", self.stream),
                Route("/missing", self.missing),
                Route("/boom", self.boom),
                Route("/empty", self.empty),
                Route("/echo/{rest:path}", self.echo, methods=["GET", "POST", "PUT", "DELETE"]),
            ]
        )

    async def json(self, request: Request) -> Response:
        response = JSONResponse(
            {"sku": "KT-1", "name": "Blue Kettle ☕"},
            headers={"ETag": '"v1"', "X-Shop": "reference"},
        )
        response.set_cookie("a", "1")
        response.set_cookie("b", "2")
        return response

    async def gzip(self, request: Request) -> Response:
        body = gzip.compress(b'{"compressed": true}' * 50, mtime=0)
        return Response(body, media_type="application/json", headers={"Content-Encoding": "gzip"})

    async def binary(self, request: Request) -> Response:
        return Response(bytes(range(256)) * 64, media_type="application/octet-stream")

    async def stream(self, request: Request) -> Response:
        async def chunks() -> AsyncIterator[bytes]:
            yield b"first chunk\n"
            released = await anyio.to_thread.run_sync(self.release.wait, RELEASE_TIMEOUT_S)
            self.released_by_test = released
            yield b"second chunk\n"
            yield b"last\n"

        return StreamingResponse(chunks(), media_type="text/plain")

    async def missing(self, request: Request) -> Response:
        return JSONResponse({"error": "not_found", "message": "no such item"}, status_code=404)

    async def boom(self, request: Request) -> Response:
        return Response("upstream broke", status_code=500, media_type="text/plain")

    async def empty(self, request: Request) -> Response:
        return Response(status_code=204)

    async def echo(self, request: Request) -> Response:
        body = await request.body()
        seen = {
            "method": request.method,
            "raw_path": request.scope["raw_path"].decode("latin-1"),
            "query": request.scope["query_string"].decode("latin-1"),
            "headers": [
                [k.decode("latin-1"), v.decode("latin-1")] for k, v in request.scope["headers"]
            ],
            "body": base64.b64encode(body).decode("ascii"),
        }
        return Response(json.dumps(seen), media_type="application/json")
