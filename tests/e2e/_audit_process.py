"""Running `auditor run` as a process of its own against a reference world, and watching it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from auditor._anchors._toml import toml_tables
from auditor.reference._demo import STAFF_TOKEN_ENV, demo_config
from auditor.reference._world import World

REPO = Path(__file__).resolve().parents[2]
AUDITOR = [sys.executable, "-c", "from auditor._cli import main; main()"]


def write_config(directory: Path, world: World, **audit: Any) -> Path:
    config = demo_config(
        shop_url=world.shop_url,
        assistant_url=world.assistant_url,
        seed=7,
        max_probes=40,
        suites=["stock"],
    )
    data = config.model_dump(mode="json", exclude_none=True)
    data["audit"].update({"shrink_budget": 0, **audit})
    path = directory / "audit.toml"
    path.write_text(toml_tables(data), encoding="utf-8")
    return path


def env(world: World) -> dict[str, str]:
    # Wide enough that rich does not wrap the long paths it prints.
    return {
        **os.environ,
        STAFF_TOKEN_ENV: world.staff_token,
        "PYTHONPATH": str(REPO),
        "COLUMNS": "400",
    }


def start(args: list[str], world: World) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*AUDITOR, *args], env=env(world), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def run(args: list[str], world: World, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*AUDITOR, *args],
        env=env(world),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def result_lines(directory: Path) -> list[dict[str, Any]]:
    path = directory / "results.jsonl"
    if not path.exists():
        return []
    return [
        json.loads(line)
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.endswith("}")
    ]


def wait_for_results(
    out: Path, at_least: int, process: subprocess.Popen[str], timeout: float = 60
) -> Path:
    """The audit directory under `out`, once its results file holds `at_least` lines.

    Polls the file: the audit is a process of its own, there is nothing else to wait on.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(
                f"the audit ended early ({process.returncode}): "
                f"{process.stderr.read() if process.stderr else ''}"
            )
        for directory in out.glob("*"):
            if len(result_lines(directory)) >= at_least:
                return directory
        time.sleep(0.01)  # polling interval, not a stand-in for synchronisation
    raise AssertionError(f"no {at_least} results under {out} within {timeout} s")
