"""The production profile against a recorded shop: read-only, test customers only, rotating."""

from __future__ import annotations

import json

import pytest

from auditor._history import read_history
from auditor._probes import PROBE_KINDS
from auditor._results import read_results
from auditor._store import read_meta, read_plan
from tests.integration.ops._world import config_of, ops_world, run_cli

TEST_CUSTOMERS = ["C-001", "C-002"]


def test_production_reads_only_and_asks_only_as_test_customers(tmp_path):
    history = tmp_path / "history.sqlite"
    with ops_world() as world:
        config = config_of(
            world,
            max_probes=40,
            audit={"profile": "production", "rate_limit": 200.0, "concurrency": 8},
            production={"test_customers": TEST_CUSTOMERS},
            history={"path": str(history)},
        )
        codes = [run_cli(config, tmp_path / f"run-{n}", world.env) for n in range(2)]
    assert codes == [0, 0]
    seen = world.recorder.seen
    assert seen, "the anchors were read through the recorder"
    assert {method for method, _ in seen} <= {"GET", "HEAD"}, sorted(set(seen))
    assert not [path for _, path in seen if path.startswith("/sandbox")]
    for n in range(2):
        directory = tmp_path / f"run-{n}"
        meta = read_meta(directory)
        assert meta["profile"] == "production" and meta["config"]["audit"]["shrink_budget"] == 0
        assert meta["scope"]["customers"] == TEST_CUSTOMERS
        asked_as = [p for p in read_plan(directory) if p.customer_id is not None]
        assert {PROBE_KINDS[p.kind].identity for p in asked_as} == {"owner", "stranger"}
        assert {p.customer_id for p in asked_as} <= set(TEST_CUSTOMERS)
        assert len(read_results(directory)) == meta["planned"] <= 40
    first, second = (read_plan(tmp_path / f"run-{n}") for n in range(2))
    assert not {p.subject for p in first if p.kind not in NOT_ROTATED} & {
        p.subject for p in second if p.kind not in NOT_ROTATED
    }, "the second run probed subjects of the first while others had not had their turn"
    with read_history(history) as db:
        assert [e.run_id for e in db.entries()] == ["run-1", "run-0"]


#: Kinds whose subjects are not the shop's records: made-up SKUs, head nouns to recommend from.
NOT_ROTATED = frozenset({"catalog.unknown_item", "recommend.available"})


@pytest.mark.slow
def test_rotation_covers_the_whole_catalogue_over_successive_runs(tmp_path):
    history = tmp_path / "history.sqlite"
    covered: set[str] = set()
    runs = 0
    with ops_world(items=30) as world:
        config = config_of(
            world,
            suites=["stock"],
            max_probes=30,
            audit={"profile": "production", "rate_limit": 200.0, "concurrency": 8},
            history={"path": str(history), "trend": 5},
        )
        while runs < 8:
            directory = tmp_path / f"run-{runs}"
            assert run_cli(config, directory, world.env) == 0
            runs += 1
            covered |= {
                r.probe["subject"]
                for r in read_results(directory)
                if r.probe["kind"] not in NOT_ROTATED
            }
            catalogue = read_meta(directory)["snapshot"]["counts"]["stock"]
            if len(covered) == catalogue:
                break
    assert catalogue == 30
    assert len(covered) == 30, f"{len(covered)} of 30 items after {runs} runs"
    assert runs <= 5
    assert {m for m, _ in world.recorder.seen} <= {"GET", "HEAD"}
    rotation = read_meta(tmp_path / f"run-{runs - 1}")["scope"]["origin"]["rotation"]
    assert rotation["history_runs"] == runs - 1
    trend = json.loads((tmp_path / f"run-{runs - 1}" / "audit.json").read_text())["trend"]
    assert [p["run_id"] for p in trend["points"]][-1] == f"run-{runs - 1}"
    assert len(trend["points"]) == min(runs, 5)
