"""Every way the faulty bot fails ends as the right result, and the run ends on time.

One run asks every behaviour at once (one channel each): timeouts cut, retries retry, caps stop
reading, nothing hangs (pytest-timeout bounds the run; the records show them side by side).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from auditor._adapters import AdapterSettings
from auditor._runner import RunSettings
from tests.apps.faulty_bot import FaultyBot, serve_faulty_bot
from tests.integration.runner._support import openai, probe, run

TIMEOUT_S = 1.0

# behaviour, streamed, verdict, reason (regex), attempts
CASES = [
    ("ok", False, "pass", r"^says in_stock$", 1),
    ("slow", False, "error", r"^no response within 1 s$", 1),
    ("status-503", False, "error", r"^HTTP 503 after 3 attempts: '.*overloaded", 3),
    ("429-then-ok", False, "pass", r"^says in_stock$", 2),
    (
        "retry-after-long",
        False,
        "error",
        r"^HTTP 429; asked to retry after 3600 s, more than the 10 s we wait: ",
        1,
    ),
    (
        "reset-mid-body",
        False,
        "error",
        r"^connection lost mid-answer, after 100 bytes \(.+\) after 3 attempts$",
        3,
    ),
    ("reset-once", False, "pass", r"^says in_stock$", 2),
    (
        "hang-up",
        False,
        "error",
        r"^connection lost before the answer began \(.+\) after 3 attempts$",
        3,
    ),
    ("malformed", False, "error", r"^answer is not JSON: '\{\"object\"", 1),
    ("huge", False, "error", r"^answer body of 52428800 bytes exceeds the 1000000-byte cap$", 1),
    ("huge-chunked", False, "error", r"^answer body exceeds the 1000000-byte cap$", 1),
    ("sse-ok", True, "pass", r"^says in_stock$", 1),
    (
        "sse-endless",
        True,
        "error",
        r"^stream not finished within 1 s \(\d+ bytes received, the last 0\.\d s before the cut\)$",
        1,
    ),
    ("sse-silent", True, "error", r"^stream silent for 1 s after its headers$", 1),
]


@pytest.fixture
def bot() -> Iterator[FaultyBot]:
    with serve_faulty_bot() as served:
        yield served


@pytest.mark.parametrize("transport", ["aiohttp", "httpx"])
async def test_every_fault_is_recorded_precisely_and_the_run_ends_on_time(bot, transport):
    settings = AdapterSettings(timeout_s=TIMEOUT_S, retries=2, transport=transport)
    assistants = {
        name: openai(bot.base_url(name), settings, name=name, stream=stream)
        for name, stream, *_ in CASES
    }
    probes = {name: probe(channel=name) for name, *_ in CASES}

    outcome = await run(
        assistants,
        probes.values(),
        RunSettings(concurrency=len(CASES), timeout_s=TIMEOUT_S, retries=2),
    )

    assert outcome.completed
    for name, _, verdict, reason, attempts in CASES:
        result = outcome.of(probes[name])
        assert (result.verdict.value, result.attempts) == (verdict, attempts), (name, result)
        assert re.search(reason, result.reason), (name, result.reason)
        assert bot.requests[name] == attempts, name
    # All ran side by side: every probe had started before the first one finished.
    results = outcome.results.values()
    assert max(r.started_at for r in results) < min(r.finished_at for r in results)


async def test_retry_after_is_honoured_and_counted_in_latency(bot):
    settings = AdapterSettings(timeout_s=5, retries=1)
    outcome = await run(
        {"web": openai(bot.base_url("429-then-ok"), settings)},
        [probe("web")],
        RunSettings(timeout_s=5, retries=1),
    )
    (result,) = outcome.results.values()
    assert result.attempts == 2 and result.verdict.value == "pass"
    assert result.latency_ms is not None and result.latency_ms >= 1000


async def test_a_stream_gives_time_to_first_token(bot):
    settings = AdapterSettings(timeout_s=5)
    outcome = await run(
        {"web": openai(bot.base_url("sse-ok"), settings, stream=True)},
        [probe("web")],
        RunSettings(timeout_s=5),
    )
    (result,) = outcome.results.values()
    assert result.answer == "Yes, Blue Kettle (KT-0001) is in stock: we have 12 units available."
    assert result.ttft_ms is not None and result.latency_ms is not None
    # Three pieces 20 ms apart: the first token comes well before the end of the answer.
    assert 0 < result.ttft_ms < result.latency_ms
    assert result.latency_ms - result.ttft_ms >= 30


async def test_without_retries_a_single_failure_is_final(bot):
    settings = AdapterSettings(timeout_s=5, retries=0)
    outcome = await run(
        {"web": openai(bot.base_url("reset-once"), settings)},
        [probe("web")],
        RunSettings(timeout_s=5, retries=0),
    )
    (result,) = outcome.results.values()
    assert result.verdict.value == "error" and result.attempts == 1
    assert result.reason.startswith("connection lost mid-answer")
