"""`auditor run --shard K/N` and `auditor merge`, as a CI matrix runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditor._anchors._toml import toml_tables
from tests.e2e.test_history_cli import auditor, flat
from tests.integration.ops._world import config_of, ops_world


def only_dir(parent: Path) -> Path:
    (directory,) = [d for d in parent.iterdir() if d.is_dir()]
    return directory


@pytest.mark.slow
def test_a_two_shard_matrix_merged_into_one_gate(tmp_path):
    summary = tmp_path / "step-summary.md"
    with ops_world() as world:
        config = config_of(
            world, suites=["stock", "consistency"], max_probes=16, audit={"concurrency": 8}
        )
        path = tmp_path / "audit.toml"
        path.write_text(
            toml_tables(config.model_dump(mode="json", exclude_unset=True)), encoding="utf-8"
        )
        for k in (1, 2):
            done = auditor(
                "run",
                "-c",
                str(path),
                "--shard",
                f"{k}/2",
                "--out",
                str(tmp_path / f"shard-{k}"),
                "--no-history",
                "-q",
                env=world.env,
            )
            assert done.returncode in (0, 1), done.stderr
            assert f"shard {k}/2" in done.stderr
    shards = [only_dir(tmp_path / f"shard-{k}") for k in (1, 2)]
    planned = [json.loads((d / "meta.json").read_text())["planned"] for d in shards]
    assert all(planned)
    merged = tmp_path / "merged"
    done = auditor(
        "merge",
        *map(str, shards),
        "--out",
        str(merged),
        "--no-history",
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert done.returncode == 0, done.stderr
    assert "READY" in done.stdout and f"merged 2 shards: {sum(planned)} probes" in flat(done.stderr)
    report = json.loads((merged / "audit.json").read_text())
    assert report["planned"] == sum(planned) == len(report["results"])
    assert report["status"] == "complete"
    for name in ("report.html", "junit.xml", "summary.md"):
        assert (merged / name).stat().st_size > 0
    assert (
        summary.read_text(encoding="utf-8").strip()
        == (merged / "summary.md").read_text(encoding="utf-8").strip()
    )
    assert not (tmp_path / "reports").exists(), "--no-history: no database written"


def test_a_bad_shard_is_a_usage_error_before_anything_runs(tmp_path):
    config = tmp_path / "audit.toml"
    config.write_text(
        '[[assistant]]\nkind = "http"\nurl = "http://127.0.0.1:1/m?q={{question}}"\n[anchors]\n',
        encoding="utf-8",
    )
    done = auditor("run", "-c", str(config), "--shard", "3/2", "--out", str(tmp_path / "r"))
    assert done.returncode == 2
    assert "K must be between 1 and N" in flat(done.stderr)
    assert not (tmp_path / "r").exists()
