"""Ctrl-C stops `auditor run` cleanly: exit 130, finished results kept, a partial report."""

from __future__ import annotations

import json
import signal
from collections.abc import Iterator

import pytest

from auditor.reference._world import World, running_world
from auditor.reference.assistant import Faults
from tests.e2e._audit_process import result_lines, start, wait_for_results, write_config

PROBES = 40


@pytest.fixture(scope="module")
def slow_world() -> Iterator[World]:
    with running_world(seed=7, items=60, faults=Faults(slow=150)) as world:
        yield world


@pytest.mark.slow
@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_stop_ends_the_audit_with_130_a_partial_report_and_the_resume_hint(
    tmp_path, slow_world, stop
):
    config = write_config(tmp_path, slow_world, concurrency=4, max_probes=PROBES)
    process = start(["run", "-c", str(config), "--out", str(tmp_path / "out")], slow_world)
    try:
        directory = wait_for_results(tmp_path / "out", 3, process)
        process.send_signal(stop)
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 130, stderr
    assert f"interrupted: results so far and a partial report are in {directory}" in stderr
    assert f"finish it with: auditor run --resume {directory} -c <config>" in stderr
    assert "Traceback" not in stderr

    results = result_lines(directory)
    assert 3 <= len(results) < PROBES
    audit = json.loads((directory / "audit.json").read_text(encoding="utf-8"))
    assert audit["status"] == "interrupted"
    assert {r["probe"]["id"] for r in audit["results"]} == {r["probe"]["id"] for r in results}
    assert (directory / "results.jsonl").read_bytes().endswith(b"\n")
