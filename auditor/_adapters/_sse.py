"""Server-sent events, read from raw bytes with every size bounded.

Only `data` matters to chat completions: each event's data lines are joined with newlines;
`event`, `id`, `retry` and comments are skipped. A line longer than `max_line` bytes is refused
rather than buffered, so a stream without newlines cannot grow memory without end.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator

import httpx

from auditor._adapters._aiohttp import body_chunks
from auditor._adapters._attempt import Attempt
from auditor._adapters._base import AdapterError


async def sse_data(
    response: httpx.Response, attempt: Attempt, *, max_line: int
) -> AsyncGenerator[str, None]:
    """The data of each event, in order; the stream's end ends the iteration."""
    pending = b""
    data: list[str] = []
    async for chunk in body_chunks(response):
        attempt.got(len(chunk))
        pending += chunk
        if b"\n" in chunk:
            *lines, pending = pending.split(b"\n")
            for line in lines:
                event = _line(line.rstrip(b"\r"), data)
                if event is not None:
                    yield event
        if len(pending) > max_line:
            raise AdapterError(f"stream line longer than {max_line} bytes")
    if pending:
        _line(pending.rstrip(b"\r"), data)
    if data:
        yield "\n".join(data)


def _line(line: bytes, data: list[str]) -> str | None:
    """Take one line into `data`; returns the finished event's data at a blank line."""
    if not line:
        if not data:
            return None
        event = "\n".join(data)
        data.clear()
        return event
    if line.startswith(b"data:"):
        value = line[5:]
        data.append((value[1:] if value.startswith(b" ") else value).decode("utf-8", "replace"))
    return None
