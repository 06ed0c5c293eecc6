"""Retries: busy answers are retried and recorded; a dead anchor fails fast and bounded."""

from __future__ import annotations

import pytest

from auditor._anchors import AnchorConfig, AnchorUnreachable, open_anchors
from auditor._serve import bind_socket, serve_in_thread, url_of
from tests.apps import NORTHWIND_ENV, SPECS, Northwind, northwind_anchors


def _catalog_only(url: str) -> dict[str, AnchorConfig]:
    return {"catalog": northwind_anchors(url, backoff_s=0.01)["catalog"]}


@pytest.mark.parametrize(
    ("status", "retry_after"),
    [
        (503, "0"),
        # An HTTP date already past (fixed, so the test ids are the same in every worker and
        # the test reads no clock): retry at once.
        (429, "Wed, 01 Jan 2020 00:00:00 GMT"),
        (502, None),
    ],
)
async def test_busy_answers_are_retried_then_read(status: int, retry_after: str | None) -> None:
    shop = Northwind(fail_first=2, fail_status=status, retry_after=retry_after)
    with serve_in_thread(shop.app) as url:
        configs = _catalog_only(url)
        async with open_anchors(configs, read_only=True, env=NORTHWIND_ENV, base_dir=SPECS) as a:
            snap = await a.snapshot()
            retries = a.retries
    assert len(snap.stock) == len(shop.products)
    assert [(r.operation_id, r.attempt, r.reason) for r in retries] == [
        ("products.list", 1, f"status {status}"),
        ("products.list", 2, f"status {status}"),
    ]
    if retry_after is not None:
        assert all(r.wait_s == 0 for r in retries)  # Retry-After said "now"


async def test_an_anchor_that_stays_busy_is_unreachable() -> None:
    shop = Northwind(fail_first=100, retry_after="0")
    with serve_in_thread(shop.app) as url:
        configs = _catalog_only(url)
        async with open_anchors(configs, read_only=True, env=NORTHWIND_ENV, base_dir=SPECS) as a:
            with pytest.raises(AnchorUnreachable, match="status 503 after 4 attempts"):
                await a.snapshot()
    assert len(shop.requests) == 4  # retries = 3, then it gave up


async def test_connection_refused_is_unreachable_quickly() -> None:
    sock = bind_socket()
    url = url_of(sock)
    sock.close()  # nothing listens there now
    configs = _catalog_only(url)
    async with open_anchors(configs, read_only=True, env=NORTHWIND_ENV, base_dir=SPECS) as a:
        with pytest.raises(AnchorUnreachable, match="ConnectError after 4 attempts"):
            await a.snapshot()
        assert [r.reason for r in a.retries] == ["ConnectError"] * 3
        # Quickly by its own schedule: the waits it chose, not a wall clock a busy machine slows.
        assert sum(r.wait_s for r in a.retries) < 1
