"""The local model server: it starts on loopback, answers greedily, and leaves nothing behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import httpx
import pytest

from auditor.reference.assistant import ModelServer
from auditor.reference.assistant._llm import MAX_TOKENS, system_prompt
from auditor.reference.assistant._llm_server import MODEL_ALIAS, model_path

pytestmark = pytest.mark.llm


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie still answers kill(0); it is gone for our purposes once nobody runs it.
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(") ", 1)[1][0] != "Z"
    except FileNotFoundError:
        return False


def _wait_gone(pid: int, deadline_s: float) -> bool:
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        if not _alive(pid):
            return True
        time.sleep(0.1)  # polling another process's exit, with a deadline
    return False


def _ask(url: str, question: str, records: str) -> str:
    body = {
        "model": MODEL_ALIAS,
        "messages": [
            {"role": "system", "content": system_prompt(records)},
            {"role": "user", "content": question},
        ],
        "temperature": 0.0,
        "top_k": 1,
        "seed": 0,
        "max_tokens": MAX_TOKENS,
    }
    response = httpx.post(f"{url}/v1/chat/completions", json=body, timeout=120, trust_env=False)
    assert response.status_code == 200, response.text
    content: str = response.json()["choices"][0]["message"]["content"]
    return content


def test_the_model_file_ships_in_the_wheel():
    path = model_path()
    assert path.suffix == ".gguf" and path.stat().st_size > 50_000_000


def test_the_server_answers_on_loopback_the_same_way_twice_and_stops():
    records = "Blue Kettle (KT-0001) is in stock: 12 units available."
    with ModelServer() as server:
        pid = server.pid
        assert pid is not None and server.url.startswith("http://127.0.0.1:")
        first = _ask(server.url, "Is the Blue Kettle in stock?", records)
        assert first.strip(), "the model said nothing"
        assert _ask(server.url, "Is the Blue Kettle in stock?", records) == first
    assert _wait_gone(pid, 15), "the model server outlived its context"
    with pytest.raises(httpx.TransportError):
        httpx.get(f"{server.url}/v1/models", timeout=2, trust_env=False)


def test_the_server_exits_when_its_parent_dies():
    script = textwrap.dedent(
        """
        import sys
        from auditor.reference.assistant import ModelServer
        server = ModelServer()
        server.start()
        print(server.pid, flush=True)
        sys.stdin.read()
        """
    )
    with subprocess.Popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as parent:
        assert parent.stdout is not None
        child = int(parent.stdout.readline())
        try:
            assert _alive(child)
            parent.send_signal(signal.SIGKILL)
            parent.wait(10)
            assert _wait_gone(child, 15), "the orphaned model server kept running"
        finally:
            if parent.poll() is None:
                parent.kill()
            if _alive(child):  # only when the test has failed: leave nothing behind
                os.kill(child, signal.SIGKILL)
