"""Small HTTP helpers the exchange and the adapters share: waits between attempts, bodies."""

from __future__ import annotations

import email.utils
import random
from datetime import UTC, datetime

import httpx

from auditor._adapters._aiohttp import body_chunks, header
from auditor._adapters._attempt import Attempt
from auditor._adapters._base import AdapterError

#: The longest we wait between attempts, whatever `Retry-After` asks.
MAX_BACKOFF_S = 10.0
#: How much of an error body is quoted in the reason.
EXCERPT_BYTES = 200


def retry_after_s(response: httpx.Response, cap: float | None = MAX_BACKOFF_S) -> float | None:
    """`Retry-After` in seconds (delta or HTTP-date), capped so a hostile value cannot stall us."""
    value = response.headers.get("retry-after")
    if value is None:
        return None
    try:
        delay = max(float(value), 0.0)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            return None
        delay = max((when - datetime.now(UTC)).total_seconds(), 0.0)
    return delay if cap is None else min(delay, cap)


def backoff_s(attempt: int) -> float:
    """Exponential back-off with jitter, so that concurrent workers do not retry in step."""
    base: float = min(0.1 * 2.0**attempt, MAX_BACKOFF_S)
    return base * (0.5 + random.random() / 2)


async def read_bounded(response: httpx.Response, attempt: Attempt, limit: int) -> bytes:
    """The whole body, or an AdapterError as soon as it passes `limit` bytes (decoded)."""
    declared = header(response, "content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise AdapterError(f"answer body of {declared} bytes exceeds the {limit}-byte cap")
    chunks: list[bytes] = []
    async for chunk in body_chunks(response):
        attempt.got(len(chunk))
        if attempt.received > limit:
            raise AdapterError(f"answer body exceeds the {limit}-byte cap")
        chunks.append(chunk)
    return b"".join(chunks)


async def read_excerpt(response: httpx.Response, attempt: Attempt) -> str:
    """The start of an error body, for the reason; the rest is never read."""
    head = b""
    async for chunk in body_chunks(response):
        attempt.got(len(chunk))
        head += chunk
        if len(head) >= EXCERPT_BYTES:
            break
    return excerpt(head)


def excerpt(raw: bytes) -> str:
    text = raw[:EXCERPT_BYTES].decode("utf-8", "replace")
    return repr(text + ("…" if len(raw) > EXCERPT_BYTES else ""))
