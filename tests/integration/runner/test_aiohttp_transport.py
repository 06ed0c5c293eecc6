"""The aiohttp transport's short cuts past httpx give what httpx's own transport gives."""

from __future__ import annotations

import asyncio
import gzip
from collections.abc import AsyncIterator

import httpx
import pytest

from auditor._adapters._aiohttp import AiohttpTransport, aclose, body_chunks, header
from auditor._adapters._http_common import retry_after_s

_BODY = b'{"answer": "in stock"}'
_ZIPPED = gzip.compress(_BODY)


def _reply(path: bytes) -> bytes:
    body, extra = (_ZIPPED, b"Content-Encoding: gzip\r\n") if b"/gzip" in path else (_BODY, b"")
    return (
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Twice: a\r\nx-twice: b\r\n"
        b"Retry-After: 7\r\n" + extra + b"Content-Length: %d\r\n\r\n" % len(body) + body
    )


async def _serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while request := await reader.readuntil(b"\r\n\r\n"):
            writer.write(_reply(request.split(b"\r\n", 1)[0]))
            await writer.drain()
    except asyncio.IncompleteReadError:  # the client hung up
        writer.close()


@pytest.fixture
async def url() -> AsyncIterator[str]:
    server = await asyncio.start_server(_serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    server.close()


async def _exchange(transport: httpx.AsyncBaseTransport, url: str) -> tuple[httpx.Response, bytes]:
    response = await transport.handle_async_request(httpx.Request("GET", url))
    body = b"".join([chunk async for chunk in body_chunks(response)])
    return response, body


@pytest.mark.parametrize("path", ["/plain", "/gzip"])
async def test_headers_body_and_closing_are_httpx_own(url, path):
    ours_transport = AiohttpTransport(max_connections=1, connect_s=5)
    theirs_transport = httpx.AsyncHTTPTransport()
    ours, ours_body = await _exchange(ours_transport, url + path)
    theirs, theirs_body = await _exchange(theirs_transport, url + path)
    assert ours_body == theirs_body == _BODY
    if path == "/plain":  # read from aiohttp's headers; httpx's made only once asked for
        assert "headers" not in vars(ours) and vars(ours).get("_headers") is None
    for name in ["content-type", "X-TWICE", "content-encoding", "content-length", "date"]:
        assert header(ours, name) == header(theirs, name) == theirs.headers.get(name)
    assert ours.headers.multi_items() == theirs.headers.multi_items()
    assert retry_after_s(ours) == retry_after_s(theirs) == 7.0
    for response in (ours, theirs):
        await aclose(response)
        assert response.is_closed
        await aclose(response)
    await ours_transport.aclose()
    await theirs_transport.aclose()
