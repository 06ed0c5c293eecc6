"""The recording proxy forwards faithfully and never changes what the assistant sees.

Each answer is fetched twice, straight from the upstream and through the proxy, and compared
byte for byte: status, headers (all but `date`, whose value moves with the clock) and the raw
body bytes as they came off the wire (compressed stays compressed).
"""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from auditor._serve import bind_socket, serve_in_thread, url_of
from auditor._tap import OperationIndex, TapProxy, TapRecorder, read_calls
from tests.integration.tap._upstream import Upstream

SECRET = "Bearer staff-very-secret-token-123456"


@dataclass
class Setup:
    upstream: Upstream
    direct: str
    proxied: str
    recorder: TapRecorder
    recording: Path


@pytest.fixture
def setup(tmp_path: Path) -> Iterator[Setup]:
    upstream = Upstream()
    with serve_in_thread(upstream.app) as direct:
        recording = tmp_path / "tap.jsonl"
        with TapRecorder(recording, OperationIndex([])) as recorder:
            proxy = TapProxy(direct, recorder, timeout_s=30)
            with serve_in_thread(proxy, server_header=False, date_header=False) as proxied:
                yield Setup(upstream, direct, proxied, recorder, recording)


def _fetch(client: httpx.Client, method: str, url: str, **kwargs: object):
    with client.stream(method, url, **kwargs) as response:  # type: ignore[arg-type]
        raw = b"".join(response.iter_raw())
        return response.status_code, list(response.headers.raw), raw


def _without_date(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    return [(k.lower(), b"" if k.lower() == b"date" else v) for k, v in headers]


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/json"),
        ("HEAD", "/json"),
        ("GET", "/gzip"),
        ("GET", "/binary"),
        ("GET", "/missing"),
        ("GET", "/boom"),
        ("GET", "/empty"),
        ("GET", "/json?q=caf%C3%A9&q=two&empty="),
    ],
)
def test_answers_are_identical_direct_and_through_the_proxy(setup, method, path):
    headers = {"Accept-Encoding": "gzip", "X-On-Behalf-Of": "C-003", "Authorization": SECRET}
    with httpx.Client(timeout=30, trust_env=False) as client:
        direct = _fetch(client, method, setup.direct + path, headers=headers)
        proxied = _fetch(client, method, setup.proxied + path, headers=headers)
    assert proxied[0] == direct[0]
    assert _without_date(proxied[1]) == _without_date(direct[1])
    assert proxied[2] == direct[2]
    if path == "/gzip":
        assert proxied[2][:2] == b"\x1f\x8b"  # still compressed: not decoded on the way


def test_a_streamed_answer_is_passed_on_chunk_by_chunk(setup):
    """The upstream holds its second chunk until the test has read the first via the proxy."""
    with (
        httpx.Client(timeout=30, trust_env=False) as client,
        client.stream("GET", setup.proxied + "/stream") as response,
    ):
        assert response.headers.get("transfer-encoding") == "chunked"
        chunks = response.iter_raw()
        received = next(chunks)
        assert received.startswith(b"first chunk")
        setup.upstream.release.set()
        received += b"".join(chunks)
    assert received == b"first chunk\nsecond chunk\nlast\n"
    assert setup.upstream.released_by_test is True  # not the upstream's own timeout


def test_the_request_reaches_the_upstream_unchanged(setup):
    body = b'{"order_id": "ORD-1", "note": "caf\xc3\xa9"}'
    headers = [
        ("X-Dup", "one"),
        ("X-Dup", "two"),
        ("Content-Type", "application/json"),
        ("Authorization", SECRET),
        ("User-Agent", "assistant/1.0"),
    ]
    path = "/echo/returns/RMA%201?order_id=ORD-1&x=%2F"
    seen = []
    with httpx.Client(timeout=30, trust_env=False) as client:
        for base in (setup.direct, setup.proxied):
            response = client.post(base + path, content=body, headers=headers)
            seen.append(json.loads(response.content))
    direct, proxied = seen
    for key in ("method", "raw_path", "query", "body"):
        assert proxied[key] == direct[key], key
    assert base64.b64decode(proxied["body"]) == body

    def end_to_end(pairs: list[list[str]]) -> list[list[str]]:
        return [p for p in pairs if p[0] not in ("host", "connection")]

    assert end_to_end(proxied["headers"]) == end_to_end(direct["headers"])


def test_every_exchange_is_recorded_without_its_credentials(setup):
    headers = {"X-On-Behalf-Of": "C-003", "Authorization": SECRET}
    with httpx.Client(timeout=30, trust_env=False) as client:
        for path in ("/json", "/missing", "/boom"):
            client.get(setup.proxied + path, headers=headers)
    # The proxy records an exchange just after its last byte went out: wait for the third.
    deadline = time.monotonic() + 10
    while len(setup.recorder.calls) < 3 and time.monotonic() < deadline:
        time.sleep(0.01)  # polling a condition with a deadline
    calls = read_calls(setup.recording)
    assert calls is not None
    assert [(c.path, c.status) for c in calls] == [
        ("/json", 200),
        ("/missing", 404),
        ("/boom", 500),
    ]
    assert all(c.identity == "C-003" and c.auth is not None for c in calls)
    assert calls[0].response_bytes > 0 and calls[0].ttfb_ms is not None
    assert "very-secret" not in setup.recording.read_text(encoding="utf-8")


def test_an_unreachable_anchor_is_a_recorded_502(tmp_path):
    dead = bind_socket()
    target = url_of(dead)
    dead.close()  # nothing listens there any more
    with TapRecorder(None, OperationIndex([])) as recorder:
        proxy = TapProxy(target, recorder, timeout_s=5)
        with serve_in_thread(proxy, server_header=False, date_header=False) as proxied:
            response = httpx.get(proxied + "/inventory/items", trust_env=False, timeout=30)
        assert response.status_code == 502
        deadline = time.monotonic() + 10
        while not recorder.calls and time.monotonic() < deadline:
            time.sleep(0.01)  # polling a condition with a deadline
        (call,) = recorder.calls
    assert call.status == 502 and call.error is not None and "reached" in call.error
