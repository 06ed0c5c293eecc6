"""The shell commands of examples/kubernetes/ as a pod runs them, with a stand-in `auditor`.

The Indexed Job's index arithmetic, its exit codes and the merge step's glob are shell: they
are run here by /bin/sh, once per completion index, with `auditor` replaced by a script that
records its arguments and exits with the code the test asks for.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from auditor._shards import Shard

KUBERNETES = Path(__file__).parents[2] / "examples" / "kubernetes"
STUB = """#!/bin/sh
printf '%s\\n' "$@" > "$STUB_ARGS"
exit "$STUB_CODE"
"""


def job(name: str) -> tuple[dict[str, Any], str]:
    document = yaml.safe_load((KUBERNETES / name).read_text(encoding="utf-8"))
    (container,) = document["spec"]["template"]["spec"]["containers"]
    assert container["command"] == ["/bin/sh", "-c"]
    (script,) = container["args"]
    return document, script


def run(
    script: str, tmp_path: Path, index: int | None = None, code: int = 0
) -> tuple[int, list[str]]:
    """The pod's script with /reports at tmp_path; (exit code, the auditor's arguments)."""
    stubs = tmp_path / "bin"
    stubs.mkdir(exist_ok=True)
    (stubs / "auditor").write_text(STUB)
    (stubs / "auditor").chmod(0o755)
    recorded = tmp_path / "args"
    recorded.unlink(missing_ok=True)
    env = {
        "PATH": f"{stubs}:{os.environ['PATH']}",
        "AUDIT_RUN": "rc1",
        "STUB_ARGS": str(recorded),
        "STUB_CODE": str(code),
    }
    if index is not None:
        env["JOB_COMPLETION_INDEX"] = str(index)
    done = subprocess.run(
        ["/bin/sh", "-c", script.replace("/reports/", f"{tmp_path}/reports/")],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    args = recorded.read_text().splitlines() if recorded.exists() else []
    return done.returncode, args


def test_each_index_runs_its_own_shard_and_together_they_are_the_whole_plan(tmp_path):
    document, script = job("shards-indexed-job.yaml")
    count = document["spec"]["completions"]
    shards, outs = [], set()
    for index in range(count):
        code, args = run(script, tmp_path, index)
        assert code == 0 and args[:3] == ["run", "-c", "/config/audit.toml"]
        shard = Shard.parse(args[args.index("--shard") + 1])
        assert shard.count == count
        shards.append(shard.index)
        outs.add(args[args.index("--out") + 1])
    assert sorted(shards) == list(range(1, count + 1))
    assert len(outs) == count


@pytest.mark.parametrize(("auditor", "pod"), [(0, 0), (1, 0), (2, 2), (3, 3)])
def test_a_not_ready_shard_has_done_its_part_other_codes_are_kept(tmp_path, auditor, pod):
    _, script = job("shards-indexed-job.yaml")
    assert run(script, tmp_path, 0, code=auditor)[0] == pod


def test_a_retried_shard_replaces_its_earlier_attempt(tmp_path):
    _, script = job("shards-indexed-job.yaml")
    earlier = tmp_path / "reports" / "shards" / "rc1" / "shard-2" / "2026-12-07T00-00-00Z"
    earlier.mkdir(parents=True)
    code, args = run(script, tmp_path, 1)
    assert code == 0 and args[args.index("--out") + 1].endswith("/shard-2")
    assert not earlier.exists()


def test_the_merge_step_joins_each_shard_folder_once(tmp_path):
    _, script = job("merge-job.yaml")
    for n in (1, 2, 3):
        (tmp_path / "reports" / "shards" / "rc1" / f"shard-{n}" / f"audit-{n}").mkdir(parents=True)
    code, args = run(script, tmp_path)
    assert code == 0 and args[0] == "merge"
    joined = [a for a in args[1:] if not a.startswith("--") and "/shards/" in a]
    assert [Path(a).parent.name for a in joined] == ["shard-1", "shard-2", "shard-3"]
    assert args[args.index("--out") + 1] == f"{tmp_path}/reports/merged/rc1"
    assert run(script, tmp_path, code=1)[0] == 1, "the merged gate is the Job's outcome"
