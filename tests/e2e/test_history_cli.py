"""`auditor history` and `auditor diff` as a scheduler's user runs them: two audits, compared."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.integration.ops._world import config_of, ops_world, run_cli

AUDITOR = [sys.executable, "-c", "from auditor._cli import main; main()"]


def auditor(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*AUDITOR, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "COLUMNS": "200", **(env or {})},
        cwd=cwd,
        check=False,
    )


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def two_audits(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    """A ready audit, then a not-ready one (the assistant starts ignoring stock).

    They run in-process (as `auditor run` runs them) to save two interpreter start-ups; the
    commands under test are `history` and `diff`.
    """
    root = tmp_path_factory.mktemp("history")
    directories = [root / "reports" / f"2026-11-2{n}T10-00-00Z" for n in (3, 4)]
    history = {"path": str(root / "reports" / "history.sqlite")}
    for n, faults in enumerate([(), ("ignores_stock",)]):
        with ops_world(faults=faults) as world:
            config = config_of(
                world,
                suites=["stock"],
                max_probes=12,
                audit={"name": "acme", "concurrency": 8},
                history=history,
            )
            assert run_cli(config, directories[n], world.env) == n
    return root, directories


def test_history_lists_both_audits_newest_first(two_audits):
    root, directories = two_audits
    listed = auditor("history", "--json", cwd=root)  # default: reports/history.sqlite
    assert listed.returncode == 0, listed.stderr
    data = json.loads(listed.stdout)
    audits = data["audits"]
    assert [a["run_id"] for a in audits] == [d.name for d in reversed(directories)]
    assert [a["ready"] for a in audits] == [False, True]
    assert audits[0]["metrics"]["agreement"] < audits[1]["metrics"]["agreement"] == 1.0
    assert audits[0]["findings"] and audits[0]["reasons"]
    table = auditor("history", "--name", "acme", "--limit", "1", cwd=root)
    assert table.returncode == 0
    assert "NOT READY" in table.stdout and directories[1].name in table.stdout
    assert directories[0].name not in table.stdout


def test_diff_by_run_id_and_by_directory(two_audits):
    root, (first, second) = two_audits
    by_id = auditor("diff", first.name, second.name, "--json", cwd=root)
    assert by_id.returncode == 0, by_id.stderr
    comparison = json.loads(by_id.stdout)
    assert comparison["regressed"] and comparison["new_findings"]
    assert {f["kind"] for f in comparison["new_findings"]} >= {"stock.availability"}
    assert not comparison["fixed_findings"]
    by_dir = auditor("diff", str(second), str(first), cwd=root)
    assert by_dir.returncode == 0, by_dir.stderr
    text = flat(by_dir.stdout)
    assert "no regression" in text and "fixed: stock.availability" in text
    assert "agreement" in text


def test_diff_fails_on_a_regression_when_asked(two_audits):
    root, (first, second) = two_audits
    worse = auditor("diff", str(first), str(second), "--fail-on", "regression", cwd=root)
    assert worse.returncode == 1, worse.stderr
    assert "regressed" in flat(worse.stdout)
    better = auditor("diff", str(second), str(first), "--fail-on", "regression", cwd=root)
    assert better.returncode == 0, better.stderr
    gate = auditor("diff", str(first), str(second), "--fail-on", "gate", cwd=root)
    assert gate.returncode == 2 and "only --fail-on regression" in flat(gate.stderr)


def test_without_a_database_history_says_how_to_get_one(tmp_path):
    missing = auditor("history", cwd=tmp_path)
    assert missing.returncode == 2
    assert "history.sqlite beside audit.toml" in flat(missing.stderr)


def test_an_unknown_audit_is_a_usage_error(two_audits):
    root, (first, _) = two_audits
    unknown = auditor("diff", first.name, "no-such-run", cwd=root)
    assert unknown.returncode == 2
    assert "no-such-run: neither an audit directory nor a run id" in flat(unknown.stderr)
