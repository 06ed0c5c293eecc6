"""Server-sent events are read the same however the bytes are cut, and bounded in size."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from itertools import pairwise

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor._adapters import AdapterError
from auditor._adapters._attempt import Attempt
from auditor._adapters._sse import sse_data


def response(chunks: Sequence[bytes]) -> httpx.Response:
    async def stream() -> AsyncIterator[bytes]:
        for chunk in chunks:
            yield chunk

    return httpx.Response(200, content=stream())


async def read(chunks: Sequence[bytes], max_line: int = 10_000) -> tuple[list[str], Attempt]:
    attempt = Attempt.begin(1)
    return [data async for data in sse_data(response(chunks), attempt, max_line=max_line)], attempt


def cut(data: bytes, points: list[int]) -> list[bytes]:
    bounds = sorted({0, len(data), *(p % (len(data) + 1) for p in points)})
    return [data[a:b] for a, b in pairwise(bounds)]


# Event data: text without line breaks (each becomes one `data:` line).
_DATA = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"),
    min_size=1,
    max_size=30,
)


@given(
    events=st.lists(_DATA, max_size=8),
    newline=st.sampled_from([b"\n", b"\r\n"]),
    noise=st.booleans(),
    points=st.lists(st.integers(min_value=0, max_value=10_000), max_size=12),
)
def test_any_cutting_of_a_stream_gives_the_same_events(events, newline, noise, points):
    wire = b""
    for data in events:
        if noise:
            wire += b": keep-alive" + newline + b"event: message" + newline + b"id: 7" + newline
        wire += b"data: " + data.encode() + newline + newline
    got, attempt = asyncio.run(read(cut(wire, points)))
    assert got == events
    assert attempt.received == len(wire)


async def test_multi_line_data_is_joined_and_a_last_event_without_blank_line_counts():
    got, _ = await read([b"data: one\ndata: two\n\ndata:three"])
    assert got == ["one\ntwo", "three"]


async def test_a_line_without_end_is_refused_once_it_passes_the_cap():
    with pytest.raises(AdapterError, match="stream line longer than 100 bytes"):
        await read([b"data: " + b"x" * 60, b"x" * 60], max_line=100)


async def test_multibyte_characters_split_across_chunks_survive():
    wire = "data: Smørrebrød Ø60 ☕\n\n".encode()
    got, _ = await read([wire[:9], wire[9:10], wire[10:]])
    assert got == ["Smørrebrød Ø60 ☕"]
