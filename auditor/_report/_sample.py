"""A bounded sample of a stream: what a report lists one by one when it cannot list them all.

An audit of 100,000 probes has no place in a page or a CI test view, and holding them all to
list them would grow memory with the audit. A sample keeps the first `limit` items, and the
first `limit` notable ones (failures, say), however long the stream; when the stream is longer
than `limit`, the notable ones are shown first and the rest fill up to `limit`, in stream
order. Views then say "showing N of M"; every item stays in audit.json.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from auditor._config import REPORT_SAMPLE

#: Items a report lists one by one per section, unless configured (`[audit] report_sample`).
DEFAULT_SAMPLE = REPORT_SAMPLE

T = TypeVar("T")


class BoundedSample(Generic[T]):
    """At most 2 × `limit` items held, whatever the length of the stream."""

    __slots__ = ("_first", "_notable", "limit", "total")

    def __init__(self, limit: int = DEFAULT_SAMPLE) -> None:
        self.limit = max(0, limit)
        self.total = 0
        self._first: list[tuple[int, T]] = []
        self._notable: list[tuple[int, T]] = []

    def add(self, make: Callable[[], T], *, notable: bool = False) -> None:
        """Count one item; `make` builds what is kept, called at most once, only if kept."""
        index = self.total
        self.total += 1
        first = len(self._first) < self.limit
        keep_notable = notable and len(self._notable) < self.limit
        if not (first or keep_notable):
            return
        item = make()
        if first:
            self._first.append((index, item))
        if keep_notable:
            self._notable.append((index, item))

    @property
    def cut(self) -> bool:
        """More items came than are shown."""
        return self.total > self.limit

    def items(self) -> list[T]:
        """What to show: every item when they fit; else the notable first, then the first
        others up to `limit`, in stream order."""
        if not self.cut:
            return [item for _, item in self._first]
        chosen = dict(self._notable)
        for index, item in self._first:
            if len(chosen) >= self.limit:
                break
            chosen.setdefault(index, item)
        return [chosen[index] for index in sorted(chosen)]


def showing(shown: int, total: int, noun: str) -> str:
    """ "showing 200 of 5,000 probes" — the words every view uses for a cut list."""
    return f"showing {shown:,} of {total:,} {noun}"
