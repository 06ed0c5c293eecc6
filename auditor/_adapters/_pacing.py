"""Pacing requests to the assistant: the audit may be pointed at a production system."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable


class RateLimiter:
    """Spaces request starts evenly, `per_second` at most; no bursts, even after a pause.

    Each caller reserves the next free slot under a lock and sleeps outside it, so waiting
    callers do not serialise on the lock for the length of their sleep. `clock` and `sleep`
    are seams: a test gives its own to check the schedule itself, not wall-clock gaps that a
    busy machine stretches or squeezes.
    """

    def __init__(
        self,
        per_second: float | None,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if per_second is not None and per_second <= 0:
            raise ValueError("the rate limit must be positive")
        self._interval = 0.0 if per_second is None else 1.0 / per_second
        self._next = 0.0
        self._clock = clock
        self._sleep = sleep

    @property
    def paces(self) -> bool:
        """Whether `wait` ever waits (False without a limit)."""
        return bool(self._interval)

    async def wait(self) -> None:
        if not self._interval:
            return
        # No lock needed: between awaits the event loop runs one coroutine at a time.
        now = self._clock()
        start = max(now, self._next)
        self._next = start + self._interval
        if start > now:
            await self._sleep(start - now)
