"""The benchmark's stub assistant keeps its word: never early, and its answers read right.

`benchmarks/runner.py` measures the runner against it; an answer sent before its latency
would flatter every figure taken with it.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

STUB = Path(__file__).resolve().parents[2] / "apps" / "stub_bot.py"
ITEMS = {
    "KT-1000": {"name": "Blue Kettle", "availability": "out_of_stock", "on_hand": 0, "lie": False},
    "KT-1001": {"name": "Slate Teapot", "availability": "out_of_stock", "on_hand": 0, "lie": True},
}


@pytest.fixture(scope="module")
def stub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    catalogue = tmp_path_factory.mktemp("stub") / "catalogue.json"
    catalogue.write_text(json.dumps(ITEMS), encoding="utf-8")
    with subprocess.Popen(
        [sys.executable, str(STUB), "--catalogue", str(catalogue)],
        stdout=subprocess.PIPE,
        text=True,
    ) as process:
        try:
            assert process.stdout is not None
            yield process.stdout.readline().strip()
        finally:
            process.terminate()


async def _ask(client: httpx.AsyncClient, url: str, sku: str) -> tuple[float, str]:
    body = {"model": "m", "messages": [{"role": "user", "content": f"Is {sku} in stock?"}]}
    started = time.perf_counter()
    response = await client.post(url, json=body)
    elapsed = time.perf_counter() - started
    return elapsed, response.json()["choices"][0]["message"]["content"]


async def test_no_answer_leaves_before_its_latency(stub):
    async with httpx.AsyncClient() as client:
        timed = await asyncio.gather(
            *(_ask(client, f"{stub}/50ms/v1/chat/completions", "KT-1000") for _ in range(16))
        )
    assert min(elapsed for elapsed, _ in timed) >= 0.050
    assert {text for _, text in timed} == {
        "I'm afraid Blue Kettle (KT-1000) is out of stock right now: we have none left."
    }


async def test_a_lying_item_is_said_to_be_in_stock(stub):
    async with httpx.AsyncClient() as client:
        _, text = await _ask(client, f"{stub}/0ms/v1/chat/completions", "KT-1001")
    assert text == "Yes, Slate Teapot (KT-1001) is in stock: we have 12 units available."
