"""An audit killed with SIGKILL part-way, then resumed, ends with exactly the results of an
audit that was never interrupted: the same probes, the same verdicts, one line each."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from auditor._audit import AuditOptions, run_audit
from auditor._config import load_config
from auditor.reference._demo import STAFF_TOKEN_ENV
from auditor.reference._world import World, running_world
from auditor.reference.assistant import Faults
from tests.e2e._audit_process import result_lines, run, start, wait_for_results, write_config

PROBES = 40


@pytest.fixture(scope="module")
def slow_world() -> Iterator[World]:
    # 150 ms an answer at concurrency 4: the audit takes a couple of seconds, time to kill it.
    with running_world(seed=7, items=60, faults=Faults(slow=150)) as world:
        yield world


@pytest.mark.slow
def test_a_killed_audit_resumes_to_the_results_of_an_uninterrupted_one(tmp_path, slow_world):
    config = write_config(tmp_path, slow_world, concurrency=4, max_probes=PROBES)

    # The uninterrupted audit runs in this process: the same code, a process start saved.
    whole_dir = tmp_path / "whole"
    asyncio.run(
        run_audit(
            load_config(config),
            AuditOptions(
                directory=whole_dir,
                env={STAFF_TOKEN_ENV: slow_world.staff_token},
                base_dir=tmp_path,
            ),
        )
    )
    expected = {r["probe"]["id"]: r["verdict"] for r in result_lines(whole_dir)}
    assert len(expected) == PROBES

    process = start(["run", "-c", str(config), "--out", str(tmp_path / "killed"), "-q"], slow_world)
    try:
        directory = wait_for_results(tmp_path / "killed", 5, process)
    finally:
        process.kill()
        process.communicate(timeout=30)
    before = result_lines(directory)
    assert 5 <= len(before) < PROBES, "the audit was not killed part-way"

    resumed = run(["run", "-c", str(config), "--resume", str(directory), "-q"], slow_world)
    assert resumed.returncode in (0, 1), resumed.stderr

    lines = result_lines(directory)
    ids = [r["probe"]["id"] for r in lines]
    assert len(ids) == len(set(ids)) == PROBES, "one line per probe, none lost, none repeated"
    assert {r["probe"]["id"]: r["verdict"] for r in lines} == expected
    # What was finished before the kill was kept as it was, not asked again.
    assert lines[: len(before)] == before
    raw = (directory / "results.jsonl").read_bytes()
    assert raw.endswith(b"\n") and raw.count(b"\n") == PROBES
