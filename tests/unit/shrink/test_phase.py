"""The phase around the searches: which buckets fail, where each starts, and its bounds."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from auditor._probes import PROBE_KINDS, PlanScope, Probe
from auditor._probes._planner import DrawRenderer
from auditor._probes._strategies import Draw, draws, subjects
from auditor._results import ProbeResult
from auditor._shrink import (
    BucketSearch,
    SearchLimits,
    SearchTarget,
    ShrinkContext,
    ShrinkSettings,
    complexity,
    failing_buckets,
    read_minimal,
    shrink_failures,
)
from auditor._store import MINIMAL_FILE, SHRINK_FILE
from tests.unit.shrink._data import SUITES, asker, judged, shop

SNAPSHOT = shop()
KIND = PROBE_KINDS["stock.availability"]


def planned(edge: str, subject: str, phrasing: int = 0, mention: str = "name") -> Probe:
    return DrawRenderer(SNAPSHOT, SUITES[KIND.name], KIND, edge, "web").probe(
        Draw(subject, phrasing, mention)
    )


def results() -> list[ProbeResult]:
    empty = subjects(SNAPSHOT, KIND, "catalogued_out_of_stock")
    out = [
        judged(SNAPSHOT, planned("catalogued_out_of_stock", s, 3, "typo"), True) for s in empty[2:6]
    ]
    out.append(judged(SNAPSHOT, planned("catalogued_out_of_stock", empty[0]), False))
    odd = judged(SNAPSHOT, planned("catalogued_out_of_stock", empty[1]), True)
    claims = [odd.claims[0].model_copy(update={"value": "backorder"})]
    out.append(odd.model_copy(update={"claims": claims}))
    (toaster,) = subjects(SNAPSHOT, KIND, "discontinued")
    out.append(judged(SNAPSHOT, planned("discontinued", toaster, 2, "sku"), True))
    return out


class NeverAsked:
    async def run(self, probe: Probe) -> ProbeResult:
        raise AssertionError(f"asked {probe.turns} with no time or budget to ask")


def test_failing_buckets_start_from_their_commonest_finding_and_its_simplest_case():
    buckets = failing_buckets(SNAPSHOT, results())
    assert [(b.kind, b.edge_class, b.failures) for b in buckets] == [
        ("stock.availability", "catalogued_out_of_stock", 5),
        ("stock.availability", "discontinued", 1),
    ]
    empty = buckets[0]
    assert empty.pattern == "says in_stock where the truth is out_of_stock"
    candidates = [
        r
        for r in results()
        if r.probe["edge_class"] == "catalogued_out_of_stock"
        and r.verdict.value == "fail"
        and r.claims[0].value == "in_stock"
    ]
    simplest = min(candidates, key=lambda r: complexity(SNAPSHOT, Probe.from_json(r.probe)))
    assert empty.original == simplest
    assert failing_buckets(SNAPSHOT, [r for r in results() if r.verdict.value != "fail"]) == []


async def test_without_time_every_failing_bucket_keeps_its_plan_failure(tmp_path: Path):
    context = ShrinkContext(
        tmp_path,
        SNAPSHOT,
        list(SUITES.values()),
        NeverAsked(),
        ShrinkSettings(budget=25, time_s=0, seed=1),
    )
    cases = await shrink_failures(context, results())
    assert [c.stopped for c in cases] == ["time", "time"]
    assert [c.asked for c in cases] == [0, 0]
    assert [c.probe_id for c in cases] == [c.original_probe_id for c in cases]
    assert read_minimal(tmp_path) == cases
    assert (tmp_path / SHRINK_FILE).read_text() == ""


async def test_a_budget_of_zero_turns_the_phase_off(tmp_path: Path):
    context = ShrinkContext(
        tmp_path,
        SNAPSHOT,
        list(SUITES.values()),
        NeverAsked(),
        ShrinkSettings(budget=0, time_s=60, seed=1),
    )
    assert await shrink_failures(context, results()) == []
    assert not (tmp_path / MINIMAL_FILE).exists()


async def test_no_failure_stores_an_empty_list(tmp_path: Path):
    context = ShrinkContext(
        tmp_path,
        SNAPSHOT,
        list(SUITES.values()),
        NeverAsked(),
        ShrinkSettings(budget=25, time_s=60, seed=1),
    )
    passing = [r for r in results() if r.verdict.value == "pass"]
    assert await shrink_failures(context, passing) == []
    assert read_minimal(tmp_path) == []


def test_the_same_seed_asks_the_same_questions():
    edge = "catalogued_out_of_stock"
    members = subjects(SNAPSHOT, KIND, edge)
    strategy = draws(SNAPSHOT, SUITES[KIND.name], KIND, edge)
    assert strategy is not None
    render = DrawRenderer(SNAPSHOT, SUITES[KIND.name], KIND, edge, "web").probe
    start = judged(SNAPSHOT, render(Draw(members[-1], 4, "typo")), True)
    target = SearchTarget(strategy, render, "says in_stock where the truth is out_of_stock", start)
    runs = []
    for _ in range(2):
        asked: list[Probe] = []
        BucketSearch(
            target,
            SearchLimits(12, time.monotonic() + 30, seed=5),
            asker(SNAPSHOT, lambda p: p.subject == members[-1], asked),
            lambda p: complexity(SNAPSHOT, p),
            stop=threading.Event(),
        ).run()
        runs.append([p.id for p in asked])
    assert runs[0] == runs[1] and len(runs[0]) > 1


class AlwaysInStock:
    """Calls every item in stock (as `ignores_stock` does) and remembers what it was asked."""

    def __init__(self) -> None:
        self.asked: list[Probe] = []

    async def run(self, probe: Probe) -> ProbeResult:
        self.asked.append(probe)
        return judged(SNAPSHOT, probe, fails=True)


async def test_the_search_stays_inside_the_plans_scope(tmp_path: Path):
    empty = subjects(SNAPSHOT, KIND, "catalogued_out_of_stock")
    allowed = frozenset(empty[3:6])  # not the simplest ones: the search would want those
    original = judged(SNAPSHOT, planned("catalogued_out_of_stock", empty[5], 3, "typo"), True)
    judge = AlwaysInStock()
    context = ShrinkContext(
        tmp_path,
        SNAPSHOT,
        list(SUITES.values()),
        judge,
        ShrinkSettings(budget=25, time_s=30, seed=1),
        PlanScope(only={"stock": allowed}),
    )
    (case,) = await shrink_failures(context, [original])
    assert len(judge.asked) > 1 and {p.subject for p in judge.asked} <= allowed
    assert case.to_probe() == planned("catalogued_out_of_stock", empty[3])
    assert case.stopped == "done"
    # What it found is in minimal.jsonl; no `.hypothesis/` is left in the report folder.
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([MINIMAL_FILE, SHRINK_FILE])
