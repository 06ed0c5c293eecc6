"""One HTTP client per anchor: timeouts, bounded retries, and read-only by construction.

Read-only is enforced below the client, in the transport, so no code path above it (ours, a
plugin's, a future one's) can send a write to a production system: the request is refused
before a byte leaves the process.
"""

from __future__ import annotations

import asyncio
import os
import ssl
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from functools import cache
from urllib.parse import urlsplit

import httpx

from auditor._anchors._auth import credentials
from auditor._anchors._config import AnchorConfig
from auditor._anchors._errors import AnchorUnreachable, ReadOnlyViolation

SAFE_METHODS = frozenset({"GET", "HEAD"})
#: Answers worth another try: the server is busy or briefly broken, not refusing the request.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class ReadOnlyTransport(httpx.AsyncBaseTransport):
    """Refuses every method but GET and HEAD before the inner transport sees the request."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.method not in SAFE_METHODS:
            raise ReadOnlyViolation(
                f"refused {request.method} {request.url.copy_with(query=None)}: "
                "this audit is read-only (profile `production`)"
            )
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


@dataclass(frozen=True, slots=True)
class RetryRecord:
    anchor: str
    operation_id: str
    attempt: int  # 1 for the first retry
    reason: str  # e.g. "status 503" or "ConnectError"
    wait_s: float


@dataclass(slots=True)
class CallStats:
    calls: int = 0
    total_ms: float = 0.0
    max_ms: float = 0.0
    first_ms: float | None = None

    def add(self, ms: float) -> None:
        self.calls += 1
        self.total_ms += ms
        self.max_ms = max(self.max_ms, ms)
        if self.first_ms is None:
            self.first_ms = ms

    @property
    def mean_ms(self) -> float | None:
        return self.total_ms / self.calls if self.calls else None


def retry_after_s(response: httpx.Response, *, now: datetime | None = None) -> float | None:
    """`Retry-After` in seconds, from either of its forms (delta-seconds or an HTTP-date)."""
    value = response.headers.get("Retry-After")
    if value is None:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


@dataclass(slots=True)
class AnchorClient:
    name: str
    config: AnchorConfig
    http: httpx.AsyncClient
    #: Query parameters on every request (an API key in the query). httpx replaces a URL's own
    #: query when `params` are passed, which would drop a `Link` URL's page, so they are merged
    #: into the URL here instead.
    query: Mapping[str, str] = field(default_factory=dict)
    retries: list[RetryRecord] = field(default_factory=list)
    stats: CallStats = field(default_factory=CallStats)

    async def send(
        self,
        method: str,
        url: str,
        *,
        operation_id: str,
        params: Mapping[str, str | int] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> tuple[httpx.Response, datetime]:
        """Send with retries; returns the response and when it arrived."""
        attempts = self.config.retries + 1
        target = httpx.URL(url).copy_merge_params({**(params or {}), **self.query})
        for attempt in range(attempts):
            last = attempt == attempts - 1
            try:
                started = time.perf_counter()
                response = await self.http.request(method, target, headers=headers)
            except httpx.TransportError as error:
                reason = type(error).__name__
                if last:
                    raise self._unreachable(operation_id, url, reason, attempts) from None
                await self._wait(operation_id, attempt, reason, None)
                continue
            arrived = datetime.now(UTC)
            self.stats.add((time.perf_counter() - started) * 1000)
            if response.status_code not in RETRY_STATUSES:
                return response, arrived
            reason = f"status {response.status_code}"
            if last:
                raise self._unreachable(operation_id, url, reason, attempts)
            await self._wait(operation_id, attempt, reason, retry_after_s(response))
        raise AssertionError("unreachable")  # pragma: no cover

    async def _wait(
        self, operation_id: str, attempt: int, reason: str, retry_after: float | None
    ) -> None:
        if retry_after is not None:
            wait = min(retry_after, self.config.max_retry_after_s)
        else:
            wait = self.config.backoff_s * 2**attempt
        self.retries.append(RetryRecord(self.name, operation_id, attempt + 1, reason, wait))
        await asyncio.sleep(wait)

    def _unreachable(
        self, operation_id: str, url: str, reason: str, attempts: int
    ) -> AnchorUnreachable:
        shown = httpx.URL(url).copy_with(query=None)
        return AnchorUnreachable(
            f"anchor `{self.name}`: {operation_id} at {shown}: {reason} "
            f"after {attempts} attempt{'s' if attempts > 1 else ''}"
        )

    async def aclose(self) -> None:
        await self.http.aclose()


def open_client(
    name: str,
    config: AnchorConfig,
    *,
    read_only: bool,
    env: Mapping[str, str],
    transport: httpx.AsyncBaseTransport | None = None,
) -> AnchorClient:
    creds = credentials(config.auth, env, anchor=name)
    inner = transport or httpx.AsyncHTTPTransport(retries=0, verify=tls_context(config))
    if read_only:
        inner = ReadOnlyTransport(inner)
    http = httpx.AsyncClient(
        transport=inner,
        headers=creds.headers,
        auth=creds.auth,
        timeout=httpx.Timeout(config.timeout_s),
        follow_redirects=False,
        trust_env=False,
    )
    return AnchorClient(name=name, config=config, http=http, query=creds.params)


def tls_context(config: AnchorConfig) -> ssl.SSLContext:
    """What the anchor's connections verify TLS with.

    An anchor talks only to its base URL's origin (no redirects are followed, a `Link` page
    must stay on the origin) and fetches its document from `spec`: when neither is https, it
    never makes a TLS connection, and its context trusts no certificate at all, so that one it
    did make would fail verification instead of going unchecked. Otherwise the certificates
    are httpx's defaults (SSL_CERT_FILE, SSL_CERT_DIR, else certifi), loaded once for every
    anchor. Loading them costs about 50 ms of CPU, and httpx loaded them for each anchor's
    transport: 0.15 s before the first question of an audit of three local anchors.
    """
    if all(urlsplit(url).scheme != "https" for url in (config.base_url, config.spec)):
        return _trusting_nothing()
    return _certificates(os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR"))


@cache
def _trusting_nothing() -> ssl.SSLContext:
    # PROTOCOL_TLS_CLIENT verifies certificates and host names; no authority is loaded.
    return ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


@cache
def _certificates(cert_file: str | None, cert_dir: str | None) -> ssl.SSLContext:
    """httpx's default context, once per value of the variables it reads."""
    return httpx.create_ssl_context(trust_env=True)
