"""The HTTP client every HTTP adapter uses, and what its failures mean in words.

Adapters speak httpx (requests, responses, `MockTransport` in tests), but the connections
underneath are aiohttp's by default (`_aiohttp.py` says why); `benchmarks/runner.py` measures
both.
"""

from __future__ import annotations

import json as _json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import aiohttp
import httpx

from auditor._adapters._aiohttp import AiohttpTransport
from auditor._adapters._base import AdapterSettings

#: Connecting never gets more than this, whatever the answer timeout: a host that does not
#: accept a connection in 10 s is down, and the attempt is better retried.
_MAX_CONNECT_S = 10.0
#: Characters of the underlying exception quoted in a reason.
_MAX_DETAIL = 200


class HttpClient:
    """What the adapters need of httpx: build a request, send it, close.

    Requests go straight to the transport, past `httpx.AsyncClient.send`: its cookie jar would
    mix the sessions of concurrent probes (each probe must be a stranger to the others), the
    adapters follow no redirects and set their own headers, and the client's machinery for
    those costs more CPU per request than the transport itself (see benchmarks/README.md).
    """

    def __init__(self, settings: AdapterSettings) -> None:
        connect = min(settings.timeout_s, _MAX_CONNECT_S)
        timeout = httpx.Timeout(settings.timeout_s, connect=connect)
        self._extensions = {"timeout": timeout.as_dict()}
        # Proxies from the environment are not used, whichever the transport; `trust_env`
        # reads certificate settings (SSL_CERT_FILE, SSL_CERT_DIR) only.
        self._transport: httpx.AsyncBaseTransport
        if settings.transport == "aiohttp":
            self._transport = AiohttpTransport(
                max_connections=settings.max_connections, connect_s=connect
            )
        else:
            limits = httpx.Limits(
                max_connections=settings.max_connections,
                max_keepalive_connections=settings.max_connections,
            )
            self._transport = httpx.AsyncHTTPTransport(limits=limits, trust_env=True)

    def request(
        self,
        method: str,
        url: httpx.URL | str,
        *,
        headers: Mapping[str, str],
        json: object = None,
        data: Mapping[str, Any] | None = None,
    ) -> httpx.Request:
        if json is None:
            return httpx.Request(
                method, url, headers=headers, data=data, extensions=self._extensions
            )
        # JSON, every chat request, is encoded here as httpx would: its encoding and header
        # merging cost as much as the rest of a request's CPU in the adapter.
        body = _json.dumps(json, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        content = body.encode()
        url = httpx.URL(url)
        given = {name.lower() for name in headers}
        auto = {} if "host" in given else {"Host": url.netloc.decode("ascii")}
        auto.update(headers)
        if "content-type" not in given:
            auto["Content-Type"] = "application/json"
        auto["Content-Length"] = str(len(content))
        request = httpx.Request(
            method, url, headers=auto, stream=httpx.ByteStream(content), extensions=self._extensions
        )
        request.read()
        return request

    async def send(self, request: httpx.Request) -> httpx.Response:
        """The response with its body unread: read it, then `aclose` it."""
        return await self._transport.handle_async_request(request)

    async def aclose(self) -> None:
        await self._transport.aclose()


#: What the exchange can raise from below: httpx's errors (its own transport), aiohttp's (the
#: aiohttp transport passes them through as they are).
TRANSPORT_ERRORS = (httpx.RequestError, aiohttp.ClientError)


@dataclass(frozen=True, slots=True)
class Failure:
    reason: str
    #: The connection failed or broke: the assistant may well answer the next attempt.
    retryable: bool


def classify(error: Exception, *, answered: bool, received: int) -> Failure:
    """What went wrong below HTTP, and whether it is worth another attempt.

    An httpx error that wraps an aiohttp one (a transport from another package) is judged by
    the aiohttp one, the more precise.
    """
    cause = error.__cause__ if isinstance(error.__cause__, aiohttp.ClientError) else error
    detail = f"{type(cause).__name__}: {cause}" if str(cause) else type(cause).__name__
    detail = detail if len(detail) <= _MAX_DETAIL else detail[: _MAX_DETAIL - 1] + "…"
    if isinstance(cause, aiohttp.ClientError):
        cannot = isinstance(cause, aiohttp.ClientConnectorError | aiohttp.ConnectionTimeoutError)
        timeout = isinstance(cause, aiohttp.SocketTimeoutError)
        broken = isinstance(cause, aiohttp.ClientConnectionError | aiohttp.ClientPayloadError)
    else:
        cannot = isinstance(error, httpx.ConnectError | httpx.ConnectTimeout)
        timeout = isinstance(error, httpx.TimeoutException)
        broken = isinstance(error, httpx.NetworkError | httpx.RemoteProtocolError)
    if cannot:
        return Failure(f"cannot connect to the assistant ({detail})", retryable=True)
    if timeout:
        return Failure(f"the assistant stopped sending ({detail})", retryable=False)
    if broken and not answered:
        return Failure(f"connection lost before the answer began ({detail})", retryable=True)
    if broken:
        return Failure(f"connection lost mid-answer, after {received} bytes ({detail})", True)
    return Failure(f"HTTP exchange failed ({detail})", retryable=False)
