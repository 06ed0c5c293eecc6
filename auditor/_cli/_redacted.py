"""A text stream that redacts the audit's secrets from everything printed through it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TextIO


class RedactedStream:
    """Wraps stdout or stderr for a rich `Console`; all else (isatty, fileno) is the stream's."""

    def __init__(self, stream: TextIO, redact: Callable[[str], str]) -> None:
        self._stream = stream
        self._redact = redact

    def write(self, text: str) -> int:
        return self._stream.write(self._redact(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)
