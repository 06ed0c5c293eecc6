"""The rate limiter spaces request starts evenly and never bursts.

Checked on the limiter's own schedule (an injected clock and sleep), never on wall-clock gaps,
which a busy machine stretches or squeezes.
"""

from __future__ import annotations

import asyncio

import pytest

from auditor._adapters import RateLimiter


class Clock:
    """A clock that moves only when a caller sleeps: each sleep ends at its own slot."""

    def __init__(self) -> None:
        self.now = 50.0
        self.woke: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        assert seconds > 0
        self.woke.append(self.now + seconds)
        await asyncio.sleep(0)


async def test_concurrent_callers_are_spaced_evenly():
    clock = Clock()
    limiter = RateLimiter(100, clock=clock, sleep=clock.sleep)
    await asyncio.gather(*(limiter.wait() for _ in range(10)))
    # The first goes at once; slot k is k x 10 ms after it.
    assert clock.woke == pytest.approx([50 + k * 0.01 for k in range(1, 10)])


async def test_after_a_pause_there_is_no_burst():
    clock = Clock()
    limiter = RateLimiter(10, clock=clock, sleep=clock.sleep)
    await limiter.wait()
    clock.now += 5  # idle for a while: the slots missed meanwhile are not saved up
    await asyncio.gather(*(limiter.wait() for _ in range(3)))
    assert clock.woke == pytest.approx([55.1, 55.2])


async def test_no_limit_never_waits_and_a_bad_rate_is_refused():
    clock = Clock()
    limiter = RateLimiter(None, clock=clock, sleep=clock.sleep)
    for _ in range(1000):
        await limiter.wait()
    assert clock.woke == [] and not limiter.paces
    with pytest.raises(ValueError, match="positive"):
        RateLimiter(0)
