"""HTTP plumbing shared by the HTTP-based adapters: one client, retries, bounded bodies."""

from __future__ import annotations

import asyncio
import email.utils
import random
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime

import httpx

from auditor._adapters._base import AdapterError, AdapterSettings

_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_MAX_BACKOFF_S = 10.0


def make_client(settings: AdapterSettings) -> httpx.AsyncClient:
    limits = httpx.Limits(
        max_connections=settings.max_connections,
        max_keepalive_connections=settings.max_connections,
    )
    timeout = httpx.Timeout(settings.timeout_s, connect=min(settings.timeout_s, 10.0))
    return httpx.AsyncClient(limits=limits, timeout=timeout, follow_redirects=False)


def retry_after_s(response: httpx.Response) -> float | None:
    """`Retry-After` in seconds (delta or HTTP-date), capped so a hostile value cannot stall us."""
    value = response.headers.get("retry-after")
    if value is None:
        return None
    try:
        return min(max(float(value), 0.0), _MAX_BACKOFF_S)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    delay: float = (when - datetime.now(UTC)).total_seconds()
    return min(max(delay, 0.0), _MAX_BACKOFF_S)


def backoff_s(attempt: int) -> float:
    base: float = min(0.1 * 2.0**attempt, _MAX_BACKOFF_S)
    return base * (0.5 + random.random() / 2)


@asynccontextmanager
async def send_with_retries(
    client: httpx.AsyncClient, request: httpx.Request, settings: AdapterSettings
) -> AsyncIterator[tuple[httpx.Response, int]]:
    """Yields the streamed response (body not yet read) and the number of attempts made."""
    attempt = 0
    while True:
        attempt += 1
        try:
            response = await client.send(request, stream=True)
        except httpx.TransportError as error:
            if attempt > settings.retries:
                raise AdapterError(f"transport error: {type(error).__name__}: {error}") from None
            await asyncio.sleep(backoff_s(attempt))
            continue
        if response.status_code in _RETRY_STATUSES and attempt <= settings.retries:
            wait = retry_after_s(response)
            await response.aclose()
            await asyncio.sleep(backoff_s(attempt) if wait is None else wait)
            continue
        try:
            yield response, attempt
        finally:
            await response.aclose()
        return


async def read_bounded(response: httpx.Response, limit: int) -> bytes:
    """The whole body, or an AdapterError as soon as it passes `limit` bytes."""
    declared = response.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise AdapterError(f"answer body of {declared} bytes exceeds the {limit}-byte cap")
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > limit:
            raise AdapterError(f"answer body exceeds the {limit}-byte cap")
        chunks.append(chunk)
    return b"".join(chunks)


def check_status(response: httpx.Response, body: bytes) -> None:
    if response.status_code >= 400:
        excerpt = body[:200].decode("utf-8", "replace")
        raise AdapterError(f"HTTP {response.status_code}: {excerpt}")


class Stopwatch:
    def __init__(self) -> None:
        self.start = time.perf_counter()

    def ms(self) -> float:
        return (time.perf_counter() - self.start) * 1000
