"""`auditor replay DIR` as a user runs it after a fix: against the faulty assistant, then a
fixed one on the same shop, then with its anchors out of reach.

The audit runs once in this process (module scope) against the reference assistant with
`ignores_stock`; every replay is a subprocess reaching the servers served here. (Usage
errors end before any server is needed: `tests/unit/shrink/test_replay_usage.py`.)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from auditor._anchors._toml import toml_tables
from auditor._cli._run import execute
from auditor._config import AuditConfig
from auditor._serve import bind_socket, serve_in_thread
from auditor._shrink import read_minimal
from auditor._store import REPLAY_FILE
from auditor.reference._demo import STAFF_TOKEN_ENV, demo_config
from auditor.reference._world import World, running_world
from auditor.reference.assistant import Faults, create_assistant

AUDITOR = [sys.executable, "-c", "from auditor._cli import main; main()"]
PLAN: dict[str, Any] = {"seed": 3, "max_probes": 40, "suites": ["stock"]}


@dataclass(frozen=True, slots=True)
class Audited:
    world: World
    config: AuditConfig
    directory: Path
    env: dict[str, str]


def auditor(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*AUDITOR, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **env},
        check=False,
    )


@pytest.fixture(scope="module")
def audited(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Audited]:
    with running_world(items=60, seed=7, faults=Faults(ignores_stock=True)) as world:
        config = demo_config(shop_url=world.shop_url, assistant_url=world.assistant_url, **PLAN)
        directory = tmp_path_factory.mktemp("replay") / "audit"
        env = {STAFF_TOKEN_ENV: world.staff_token}
        code = execute(config, directory, base_dir=directory, env=env, resume=False, quiet=True)
        assert code == 1  # the fault was caught
        yield Audited(world, config, directory, env)


def config_file(path: Path, world: World, assistant_url: str) -> Path:
    """The audit's configuration, its channels pointed at another assistant."""
    config = demo_config(shop_url=world.shop_url, assistant_url=assistant_url, **PLAN)
    path.write_text(toml_tables(config.model_dump(mode="json", exclude_none=True)), "utf-8")
    return path


def replayed(directory: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((directory / REPLAY_FILE).read_text())
    return data


def test_the_faulty_assistant_still_fails_every_minimal_case(audited: Audited):
    cases = read_minimal(audited.directory)
    assert cases  # one per failing bucket
    result = auditor("replay", str(audited.directory), env=audited.env)
    assert result.returncode == 1, result.stderr
    report = replayed(audited.directory)
    statuses = [c["status"] for c in report["cases"]]
    assert statuses == ["still failing"] * len(cases)
    assert [c["probe_id"] for c in report["cases"]] == [c.probe_id for c in cases]
    assert f"{len(cases)} minimal cases · still failing {len(cases)}" in result.stdout


def test_a_fixed_assistant_on_the_same_shop_fixes_every_case(audited: Audited, tmp_path: Path):
    world = audited.world
    fixed = create_assistant(shop_url=world.shop_url, staff_token=world.staff_token, seed=7)
    with serve_in_thread(fixed) as url:
        path = config_file(tmp_path / "audit.toml", world, url)
        result = auditor("replay", str(audited.directory), "-c", str(path), env=audited.env)
    assert result.returncode == 0, result.stdout + result.stderr
    report = replayed(audited.directory)
    cases = report["cases"]
    assert cases and {c["status"] for c in cases} == {"fixed"}
    assert all(c["now"]["verdict"] == "pass" for c in cases)
    assert "fixed" in result.stdout


def test_unreachable_anchors_exit_3(audited: Audited, tmp_path: Path):
    with bind_socket("127.0.0.1") as sock:  # a port that is bound but never answers
        port = sock.getsockname()[1]
        data = audited.config.model_dump(mode="json", exclude_none=True)
        for anchor in data["anchors"].values():
            anchor["base_url"] = f"http://127.0.0.1:{port}"
        path = tmp_path / "audit.toml"
        path.write_text(toml_tables(data), encoding="utf-8")
        result = auditor("replay", str(audited.directory), "-c", str(path), env=audited.env)
    assert result.returncode == 3, result.stdout + result.stderr
    assert "could not run" in result.stderr
