"""httpx's transport interface over aiohttp's connection pool, with nothing else in between.

The adapters speak httpx; underneath, aiohttp keeps the connections, because httpx's own pool
costs several times the CPU per request and slows down as concurrency grows
(encode/httpx#3215). `httpx-aiohttp` did this job first; this transport does only what the
adapters need of it, which took the runner from 0.658 to 0.569 ms of CPU per probe (medians
side by side, benchmarks/README.md), and lets aiohttp's exceptions through unchanged, so that
`classify` can say exactly what failed (httpx-aiohttp maps a server that hangs up onto
`ConnectTimeout`).
"""

from __future__ import annotations

import ssl
from collections.abc import AsyncIterator

import aiohttp
import httpx

_EXTENSIONS = {"http_version": b"HTTP/1.1"}


class _Body(httpx.AsyncByteStream):
    def __init__(self, response: aiohttp.ClientResponse) -> None:
        self._response = response
        self.headers = response.headers

    def __aiter__(self) -> AsyncIterator[bytes]:
        # aiohttp's own iterator, whatever has arrived at each step: no generator of ours
        # around it, one step fewer per chunk.
        return self._response.content.iter_any()

    async def aclose(self) -> None:
        self._response.release()


class _Response(httpx.Response):
    """httpx's response, its `headers` made from aiohttp's raw ones only when read.

    The adapters read the few headers they need through `header`, from aiohttp's parsed
    multidict; building httpx's `Headers` for every answer (a list normalised and encoded
    header by header) cost CPU that nothing on the way of a plain answer used.
    """

    @property
    def headers(self) -> httpx.Headers:
        made: httpx.Headers | None = self.__dict__.get("_headers")
        if made is None:
            stream = self.stream
            raw = stream._response.raw_headers if isinstance(stream, _Body) else None
            made = self.__dict__["_headers"] = httpx.Headers(raw)
        return made

    @headers.setter
    def headers(self, value: httpx.Headers) -> None:
        # httpx's own constructor sets empty headers first: made later, from aiohttp's.
        self.__dict__["_headers"] = value if value else None


class AiohttpTransport(httpx.AsyncBaseTransport):
    """One aiohttp session, opened on the first request (it needs the running loop).

    Time limits: only connecting is bounded here (`connect_s`); the exchange bounds each whole
    attempt itself. Bodies are passed on undecoded, for httpx to decode as usual.
    """

    def __init__(self, *, max_connections: int, connect_s: float) -> None:
        self._max_connections = max_connections
        self._timeout = aiohttp.ClientTimeout(total=None, sock_connect=connect_s)
        self._ssl: ssl.SSLContext | None = None
        self._session: aiohttp.ClientSession | None = None

    def _ssl_for(self, url: httpx.URL) -> ssl.SSLContext | bool:
        """Certificates as httpx finds them (SSL_CERT_FILE, SSL_CERT_DIR, else certifi).

        Loaded on the first https request only: it takes ~0.1 s of CPU, a tenth of a
        loopback audit's start.
        """
        if url.scheme != "https":
            return True
        if self._ssl is None:
            self._ssl = httpx.create_ssl_context(trust_env=True)
        return self._ssl

    def _open(self) -> aiohttp.ClientSession:
        connector = aiohttp.TCPConnector(limit=self._max_connections)
        # No cookie jar: each probe must be a stranger to the others.
        return aiohttp.ClientSession(
            connector=connector,
            cookie_jar=aiohttp.DummyCookieJar(),
            auto_decompress=False,
            timeout=self._timeout,
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._session is None:
            self._session = self._open()
        response = await self._session.request(
            request.method,
            str(request.url),
            headers=request.headers,
            data=request.content or None,
            allow_redirects=False,
            compress=None,
            ssl=self._ssl_for(request.url),
        )
        return _Response(
            status_code=response.status,
            stream=_Body(response),
            request=request,
            extensions=_EXTENSIONS,
        )

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()


def header(response: httpx.Response, name: str) -> str | None:
    """A response header as httpx gives it (repeated ones joined), from aiohttp's when at hand.

    httpx's `Headers` scans and decodes its whole list on every look-up; aiohttp's are parsed
    already, in a C multidict.
    """
    stream = response.stream
    if not isinstance(stream, _Body):
        value: str | None = response.headers.get(name)
        return value
    values = stream.headers.getall(name, None)
    return None if values is None else ", ".join(values)


async def aclose(response: httpx.Response) -> None:
    """Release the response's connection: aiohttp's at once, without httpx's request context."""
    stream = response.stream
    if not isinstance(stream, _Body):
        await response.aclose()
    elif not response.is_closed:
        response.is_closed = True
        stream._response.release()


def body_chunks(response: httpx.Response) -> AsyncIterator[bytes]:
    """The body as it arrives, decoded: straight from aiohttp when there is nothing to decode.

    httpx's own iteration (decoders, chunker, request context) costs more CPU than reading
    the socket; a compressed body still goes through it.
    """
    stream = response.stream
    if isinstance(stream, _Body) and "content-encoding" not in stream.headers:
        return stream.__aiter__()
    return response.aiter_bytes()
