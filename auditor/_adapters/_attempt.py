"""One HTTP attempt's progress: what arrived and when, for timings and for precise reasons."""

from __future__ import annotations

import time
from dataclasses import dataclass


@dataclass(slots=True)
class Attempt:
    """Filled in by the exchange and the body readers as bytes arrive."""

    number: int
    started: float
    #: The status line and headers have arrived.
    answered: bool = False
    #: The body is an event stream (SSE).
    streaming: bool = False
    received: int = 0
    last_byte: float | None = None
    first_token: float | None = None

    @classmethod
    def begin(cls, number: int) -> Attempt:
        return cls(number, time.perf_counter())

    def got(self, size: int) -> None:
        self.received += size
        self.last_byte = time.perf_counter()

    def token(self) -> None:
        """A piece of answer text arrived; the first one fixes the time to first token."""
        if self.first_token is None:
            self.first_token = time.perf_counter()

    def ttft_ms(self) -> float | None:
        return None if self.first_token is None else (self.first_token - self.started) * 1000

    def timeout_reason(self, timeout_s: float) -> str:
        """Why the attempt ran out of time, from what it had received by then."""
        limit = f"{timeout_s:g} s"
        if not self.answered:
            return f"no response within {limit}"
        if not self.streaming:
            return f"answer not complete within {limit} ({self.received} bytes received)"
        if self.last_byte is None:
            return f"stream silent for {limit} after its headers"
        quiet = time.perf_counter() - self.last_byte
        return (
            f"stream not finished within {limit} ({self.received} bytes received, "
            f"the last {quiet:.1f} s before the cut)"
        )
