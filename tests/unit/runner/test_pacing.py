"""The rate limiter spaces request starts evenly and never bursts."""

from __future__ import annotations

import asyncio
import time

import pytest

from auditor._adapters import RateLimiter


async def test_concurrent_callers_are_spaced_evenly():
    limiter = RateLimiter(100)
    starts: list[float] = []

    async def call() -> None:
        await limiter.wait()
        starts.append(time.monotonic())

    await asyncio.gather(*(call() for _ in range(10)))
    # Slot k is 10 ms after slot k-1; a caller may wake late, never early.
    assert all(t - starts[0] >= k * 0.01 - 0.002 for k, t in enumerate(starts))
    assert starts[-1] - starts[0] < 0.5


async def test_no_limit_never_waits_and_a_bad_rate_is_refused():
    limiter = RateLimiter(None)
    started = time.monotonic()
    for _ in range(1000):
        await limiter.wait()
    assert time.monotonic() - started < 0.5
    with pytest.raises(ValueError, match="positive"):
        RateLimiter(0)
