"""Walking a list operation to its end, whatever the shop's pagination style.

A style is a pair of pure functions: the first request, and the next one given the page just
read. Keeping them pure keeps them testable without a server and keeps the HTTP loop in one
place (`_snapshot.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from auditor._anchors._config import PaginationConfig
from auditor._anchors._jsonpath import JsonPath


class PaginationStop(Exception):
    """Walking cannot go on safely (a loop, a foreign link, too many pages)."""


@dataclass(frozen=True, slots=True)
class PageRequest:
    url: str
    params: Mapping[str, str | int] = field(default_factory=dict)
    number: int = 0  # pages read before this one


@dataclass(frozen=True, slots=True)
class PageRead:
    """What a style needs to know about the page just read."""

    request: PageRequest
    response: httpx.Response
    body: Any
    count: int  # records found on the page


@dataclass(frozen=True, slots=True)
class Walk:
    config: PaginationConfig
    #: The page size sent: the configured one, capped at the document's `maximum`.
    size: int
    cursor_path: JsonPath

    @classmethod
    def of(cls, config: PaginationConfig, *, maximum: int | None = None) -> Walk:
        size = min(config.size, maximum) if maximum else config.size
        return cls(config, size, JsonPath.compile(config.next_cursor_path))

    def first(self, url: str) -> PageRequest:
        return PageRequest(url, _FIRST[self.config.style](self), 0)

    def next(self, page: PageRead) -> PageRequest | None:
        if page.request.number + 1 >= self.config.max_pages:
            raise PaginationStop(f"stopped after max_pages={self.config.max_pages} pages")
        return _NEXT[self.config.style](self, page)

    def _sized(self, params: dict[str, str | int]) -> dict[str, str | int]:
        if self.config.size_param:
            params[self.config.size_param] = self.size
        return params


def _first_page(walk: Walk) -> dict[str, str | int]:
    return walk._sized({walk.config.page_param: walk.config.first_page})


def _first_offset(walk: Walk) -> dict[str, str | int]:
    return {walk.config.offset_param: 0, walk.config.limit_param: walk.size}


def _first_sized(walk: Walk) -> dict[str, str | int]:
    return walk._sized({})


def _short(walk: Walk, page: PageRead) -> bool:
    return page.count == 0 or page.count < walk.size


def _next_page(walk: Walk, page: PageRead) -> PageRequest | None:
    if _short(walk, page):
        return None
    params = dict(page.request.params)
    params[walk.config.page_param] = int(params[walk.config.page_param]) + 1
    return PageRequest(page.request.url, params, page.request.number + 1)


def _next_offset(walk: Walk, page: PageRead) -> PageRequest | None:
    if page.count == 0 or page.count < walk.size:
        return None
    params = dict(page.request.params)
    params[walk.config.offset_param] = int(params[walk.config.offset_param]) + page.count
    return PageRequest(page.request.url, params, page.request.number + 1)


def _next_cursor(walk: Walk, page: PageRead) -> PageRequest | None:
    cursor = walk.cursor_path.first(page.body) if isinstance(page.body, dict | list) else None
    if cursor is None or cursor == "" or page.count == 0:
        return None
    if page.request.params.get(walk.config.cursor_param) == str(cursor):
        raise PaginationStop(f"the next cursor repeats the current one ({cursor!r})")
    params = dict(page.request.params)
    params[walk.config.cursor_param] = str(cursor)
    return PageRequest(page.request.url, params, page.request.number + 1)


def _next_link(walk: Walk, page: PageRead) -> PageRequest | None:
    link = page.response.links.get("next", {}).get("url")
    if not link or page.count == 0:
        return None
    here = page.response.request.url
    target = here.join(link)
    if (target.scheme, target.host, target.port) != (here.scheme, here.host, here.port):
        raise PaginationStop(f"Link rel=next leaves the anchor's origin ({target.host})")
    if target == httpx.URL(page.request.url).copy_merge_params(dict(page.request.params)):
        raise PaginationStop("Link rel=next points at the page just read")
    # The link carries its own query; only the anchor's fixed parameters are added by the client.
    return PageRequest(str(target), {}, page.request.number + 1)


def _next_none(walk: Walk, page: PageRead) -> PageRequest | None:
    return None


_FIRST: Mapping[str, Callable[[Walk], dict[str, str | int]]] = {
    "page": _first_page,
    "offset": _first_offset,
    "cursor": _first_sized,
    "link": _first_sized,
    "none": lambda walk: {},
}
_NEXT: Mapping[str, Callable[[Walk, PageRead], PageRequest | None]] = {
    "page": _next_page,
    "offset": _next_offset,
    "cursor": _next_cursor,
    "link": _next_link,
    "none": _next_none,
}
