"""Two shards of one plan, merged, are the unsharded audit: same probes, same verdicts."""

from __future__ import annotations

import json
import os

import pytest

from auditor._audit import finish
from auditor._lag import LAG_FILE, read_lag
from auditor._report import Audit
from auditor._shards import ShardError, merge_shards
from auditor._store import read_meta, read_plan
from tests.integration.ops._world import config_of, ops_world, run_cli


def verdicts(audit: Audit) -> dict[str, str]:
    return {r.probe_id: r.verdict.value for r in audit.results}


def findings(audit: Audit) -> dict[str, tuple[str, int, int]]:
    return {f.id: (f.pattern, f.count, f.of) for f in audit.findings}


@pytest.mark.slow
@pytest.mark.parametrize("faults", [(), ("ignores_stock",)], ids=["faultless", "ignores_stock"])
def test_two_shards_merged_are_the_unsharded_audit(tmp_path, faults):
    with ops_world(faults=faults) as world:
        # 50: enough for the plan to reach a consistency group after every edge class's first
        # probe (the late-order classes of issue 24 took the last places of 40).
        config = config_of(world, max_probes=50, audit={"concurrency": 8})
        whole_dir = tmp_path / "whole"
        whole_code = run_cli(config, whole_dir, world.env, history=False)
        shard_dirs = [tmp_path / f"shard-{k}" for k in (1, 2)]
        for k, directory in enumerate(shard_dirs, start=1):
            assert run_cli(config, directory, world.env, shard=f"{k}/2", history=False) in (0, 1)
    whole = finish(whole_dir)
    slices = [read_plan(d) for d in shard_dirs]
    assert all(slices) and not {p.id for p in slices[0]} & {p.id for p in slices[1]}
    groups = [{p.param("group") for p in s} - {None} for s in slices]
    assert groups[0] | groups[1] and not groups[0] & groups[1], "a group was split"
    assert (
        read_meta(shard_dirs[0])["shard"]["plan_digest"]
        == read_meta(shard_dirs[1])["shard"]["plan_digest"]
    )

    merge_shards(list(reversed(shard_dirs)), tmp_path / "merged")
    merged = finish(tmp_path / "merged", env={})
    assert [p.id for p in read_plan(tmp_path / "merged")] == [p.id for p in read_plan(whole_dir)]
    assert verdicts(merged) == verdicts(whole)
    assert findings(merged) == findings(whole)
    assert merged.status == whole.status == "complete"
    assert merged.readiness.ready == whole.readiness.ready == (whole_code == 0)
    assert merged.planned == whole.planned == len(whole.results)
    if faults:
        assert any(f.kind == "stock.availability" for f in merged.findings)
        assert not merged.readiness.ready
    else:
        assert not [f for f in merged.findings if f.verdict == "fail"]


def test_merge_refuses_what_is_not_every_shard_of_one_plan(tmp_path):
    with ops_world() as world:
        config = config_of(world, suites=["stock"], max_probes=12, audit={"concurrency": 8})
        other = config_of(world, suites=["stock"], max_probes=12, seed=8, audit={"concurrency": 8})
        dirs = {}
        for name, cfg, shard in (
            ("a1", config, "1/2"),
            ("a2", config, "2/2"),
            ("b2", other, "2/2"),
            ("whole", config, None),
        ):
            dirs[name] = tmp_path / name
            run_cli(cfg, dirs[name], world.env, shard=shard, history=False)
    cases = [
        ([dirs["a1"], dirs["b2"]], "not shards of one audit: different configuration"),
        ([dirs["a1"], dirs["a1"]], "shard 1/2 given twice"),
        ([dirs["a1"]], "missing shard 2/2"),
        ([dirs["a1"], dirs["whole"]], "not a shard"),
        ([], "give the shards"),
    ]
    for n, (given, message) in enumerate(cases):
        out = tmp_path / f"out-{n}"
        with pytest.raises(ShardError, match=message):
            merge_shards(given, out)
        assert not out.exists(), "nothing is written when the merge is refused"
    # Only the first shard measures lag: its records are the merged audit's.
    reset = {"entry_type": "reset", "ok": True, "reason": "", "at": "2026-11-24T10:00:00+00:00"}
    (dirs["a1"] / LAG_FILE).write_text(json.dumps(reset) + "\n", encoding="utf-8")
    merge_shards([dirs["a1"], dirs["a2"]], tmp_path / "ok")
    assert read_lag(tmp_path / "ok") == read_lag(dirs["a1"]) is not None
    with pytest.raises(ShardError, match="not empty"):
        merge_shards([dirs["a1"], dirs["a2"]], tmp_path / "ok")
    assert os.listdir(tmp_path / "ok")


@pytest.mark.slow
def test_shards_stop_on_their_own_slice_and_the_merge_decides_on_the_union(tmp_path):
    with ops_world(faults=("invents_items",)) as world:
        config = config_of(
            world, max_probes=120, audit={"concurrency": 4, "stop": "decided", "shrink_budget": 0}
        )
        shard_dirs = [tmp_path / f"shard-{k}" for k in (1, 2)]
        for k, directory in enumerate(shard_dirs, start=1):
            assert run_cli(config, directory, world.env, shard=f"{k}/2", history=False) == 1
    shards = [finish(d) for d in shard_dirs]
    rules = [read_meta(d)["stop"] for d in shard_dirs]
    merge_shards(shard_dirs, tmp_path / "merged")
    merged = finish(tmp_path / "merged", env={})
    assert merged.stopped is not None and merged.stopped.decided
    assert not merged.readiness.ready
    asked = [len(s.results) for s in shards]
    assert merged.stopped.after == sum(asked) == len(merged.results)
    assert merged.stopped.planned == sum(s.planned for s in shards) == 120
    # Each shard stopped on its own slice, before its end; the merge's rule is the union.
    assert all(s.stopped is not None and s.stopped.after < s.planned for s in shards)
    union = sorted({c for r in rules for c in r["edge_classes"]})
    assert read_meta(tmp_path / "merged")["stop"]["edge_classes"] == union
