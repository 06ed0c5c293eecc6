"""One question over HTTP: paced, bounded in time, retried when that can help, never hanging.

Each attempt gets `timeout_s` from sending the request to the last byte of its answer, streams
included, so an assistant that trickles bytes forever is cut as surely as a silent one. The
attempt is repeated, with back-off, after a connection failure, a 5xx or a 429 (after the
`Retry-After` it asks for, when that is no more than `MAX_BACKOFF_S`); a timeout is not
repeated, since an assistant too slow once is likely too slow again and the audit must keep
to its time. Whatever cannot be answered ends as an `AdapterError` whose message says what
happened, where, and after how many attempts.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

import httpx

from auditor._adapters._aiohttp import aclose
from auditor._adapters._attempt import Attempt
from auditor._adapters._base import AdapterError, AdapterSettings, Pace
from auditor._adapters._http_common import (
    MAX_BACKOFF_S,
    backoff_s,
    read_excerpt,
    retry_after_s,
)
from auditor._adapters._transport import TRANSPORT_ERRORS, HttpClient, classify

T = TypeVar("T")

#: Reads a successful response's body into the adapter's value, reporting progress.
Reader = Callable[[httpx.Response, Attempt], Awaitable[T]]

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True, slots=True)
class Exchanged(Generic[T]):
    value: T
    attempts: int
    #: From the first attempt's start (after pacing) to the end of the successful read.
    latency_ms: float
    ttft_ms: float | None


@dataclass(frozen=True, slots=True)
class _Retry:
    wait_s: float


async def exchange(
    client: HttpClient,
    request: httpx.Request,
    settings: AdapterSettings,
    read: Reader[T],
    pace: Pace,
) -> Exchanged[T]:
    first: float | None = None
    number = 0
    while True:
        number += 1
        await pace()
        attempt = Attempt.begin(number)
        first = attempt.started if first is None else first
        outcome = await _attempt(client, request, settings, read, attempt)
        if isinstance(outcome, _Retry):
            await asyncio.sleep(outcome.wait_s)
            continue
        latency = (time.perf_counter() - first) * 1000
        return Exchanged(outcome, number, latency, attempt.ttft_ms())


async def _attempt(
    client: HttpClient,
    request: httpx.Request,
    settings: AdapterSettings,
    read: Reader[T],
    attempt: Attempt,
) -> T | _Retry:
    last = attempt.number > settings.retries
    after = f" after {attempt.number} attempts" if attempt.number > 1 else ""
    try:
        async with asyncio.timeout(settings.timeout_s):
            response = await client.send(request)
            try:
                attempt.answered = True
                if response.status_code >= 300:
                    return await _refused(response, attempt, last, after)
                return await read(response, attempt)
            except AdapterError as error:
                error.attempts = attempt.number
                raise
            finally:
                await aclose(response)
    # First: aiohttp's own timeouts (connecting) are also `TimeoutError`s, but only the
    # attempt's limit below is the assistant being too slow.
    except TRANSPORT_ERRORS as error:
        failure = classify(error, answered=attempt.answered, received=attempt.received)
        if failure.retryable and not last:
            return _Retry(backoff_s(attempt.number))
        raise AdapterError(failure.reason + after, attempts=attempt.number) from None
    except TimeoutError:
        reason = attempt.timeout_reason(settings.timeout_s) + after
        raise AdapterError(reason, attempts=attempt.number) from None


async def _refused(response: httpx.Response, attempt: Attempt, last: bool, after: str) -> _Retry:
    """A retry after a retryable status, else the AdapterError the status means."""
    status = response.status_code
    if status < 400:
        where = response.headers.get("location", "nowhere")
        raise AdapterError(f"HTTP {status}: redirected to {where} (redirects are not followed)")
    if status in RETRY_STATUSES and not last:
        asked = retry_after_s(response, cap=None)
        if asked is None:
            return _Retry(backoff_s(attempt.number))
        if asked <= MAX_BACKOFF_S:
            return _Retry(asked)
        after += f"; asked to retry after {asked:g} s, more than the {MAX_BACKOFF_S:g} s we wait"
    reason = f"HTTP {status}{after}: {await read_excerpt(response, attempt)}"
    raise AdapterError(reason, attempts=attempt.number)
