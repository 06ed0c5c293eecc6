"""Pagination styles as pure functions of the page just read."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor._anchors import PaginationConfig
from auditor._anchors._pagination import PageRead, PageRequest, PaginationStop, Walk

URL = "http://127.0.0.1:9/v2/things"


def _read(request: PageRequest, count: int, body: Any = None, **headers: str) -> PageRead:
    url = httpx.URL(request.url, params=dict(request.params))
    response = httpx.Response(200, headers=headers, request=httpx.Request("GET", url))
    return PageRead(request, response, body, count)


def _walk_all(walk: Walk, total: int) -> list[PageRequest]:
    """Requests made when the server holds `total` records and honours the page size."""
    seen, request, served = [], walk.first(URL), 0
    while request is not None:
        seen.append(request)
        count = max(0, min(walk.size, total - served))
        served += count
        request = walk.next(_read(request, count))
    return seen


@given(total=st.integers(0, 300), size=st.integers(1, 60))
def test_page_style_reads_every_record_once(total: int, size: int) -> None:
    walk = Walk.of(PaginationConfig(style="page", size=size))
    requests = _walk_all(walk, total)
    assert [r.params["page"] for r in requests] == list(range(1, len(requests) + 1))
    assert len(requests) == total // size + 1


@given(total=st.integers(0, 300), size=st.integers(1, 60))
def test_offset_style_advances_by_what_arrived(total: int, size: int) -> None:
    walk = Walk.of(PaginationConfig(style="offset", size=size))
    requests = _walk_all(walk, total)
    offsets = [r.params["offset"] for r in requests]
    assert offsets == [i * size for i in range(len(requests))]


def test_the_documented_maximum_caps_the_page_size() -> None:
    walk = Walk.of(PaginationConfig(style="page", size=1000), maximum=500)
    assert walk.first(URL).params == {"page": 1, "page_size": 500}


def test_cursor_style_follows_the_body_and_stops_on_null() -> None:
    walk = Walk.of(
        PaginationConfig(style="cursor", size_param="limit", next_cursor_path="$.paging.next")
    )
    first = walk.first(URL)
    assert first.params == {"limit": 200}
    second = walk.next(_read(first, 2, {"paging": {"next": "c2"}}))
    assert second is not None and second.params == {"limit": 200, "cursor": "c2"}
    assert walk.next(_read(second, 2, {"paging": {"next": None}})) is None


def test_a_repeated_cursor_stops_the_walk() -> None:
    walk = Walk.of(PaginationConfig(style="cursor"))
    request = PageRequest(URL, {"cursor": "same"}, 3)
    with pytest.raises(PaginationStop, match="repeats"):
        walk.next(_read(request, 5, {"next_cursor": "same"}))


def test_link_style_follows_rel_next_on_the_same_origin_only() -> None:
    walk = Walk.of(PaginationConfig(style="link", size_param="per_page"))
    first = walk.first(URL)
    following = walk.next(_read(first, 5, Link='</v2/things?page=2&per_page=200>; rel="next"'))
    assert following is not None
    assert following.url == "http://127.0.0.1:9/v2/things?page=2&per_page=200"
    with pytest.raises(PaginationStop, match="origin"):
        walk.next(_read(first, 5, Link='<http://elsewhere.example/v2/things?page=2>; rel="next"'))
    assert walk.next(_read(first, 5)) is None


def test_max_pages_bounds_a_server_that_never_ends() -> None:
    walk = Walk.of(PaginationConfig(style="page", size=1, max_pages=3))
    request: PageRequest | None = walk.first(URL)
    pages = 0
    with pytest.raises(PaginationStop, match="max_pages"):
        while request is not None:
            pages += 1
            request = walk.next(_read(request, 1))
    assert pages == 3
