"""The `stale_cache` fault as a time-shifted view of the shop.

A cache with a time-to-live shows a change after anything between 0 and TTL seconds, which makes
a flaky test and a vague finding. This view lags by a fixed amount instead: every read still
goes to the shop and is recorded with the time it was made, and the answer uses the newest record
that is at least `lag` seconds old (or, while none is that old, the oldest record there is).

So a change made at t1 shows in answers from about t1 + lag on, whatever the change. The
guarantee needs history: the entity must have been read before the change. An entity first
asked about after the change has only fresh records, and the oldest of them already shows it.
"""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

T = TypeVar("T")

#: Entities remembered at once; the least recently read are forgotten first.
_MAX_KEYS = 10_000


class TimeShiftedView(Generic[T]):
    """Per-key history of reads, answering with the value as it was `lag` seconds ago."""

    __slots__ = ("_clock", "_history", "_lag", "_max_keys")

    def __init__(
        self,
        lag: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        max_keys: int = _MAX_KEYS,
    ) -> None:
        self._lag = lag
        self._clock = clock
        self._max_keys = max_keys
        self._history: OrderedDict[Hashable, deque[tuple[float, T]]] = OrderedDict()

    @property
    def lag(self) -> float:
        return self._lag

    def observe(self, key: Hashable, value: T) -> T:
        """Record a fresh read of `key` and return the value the view shows now."""
        if self._lag <= 0:
            return value
        now = self._clock()
        history = self._history.get(key)
        if history is None:
            history = self._history[key] = deque()
            if len(self._history) > self._max_keys:
                self._history.popitem(last=False)
        else:
            self._history.move_to_end(key)
        history.append((now, value))
        # Drop every record older than the newest one that is old enough: it can never be
        # shown again, since that newer record will stay old enough from now on.
        while len(history) > 1 and now - history[1][0] >= self._lag:
            history.popleft()
        return history[0][1]

    def __len__(self) -> int:
        return len(self._history)
