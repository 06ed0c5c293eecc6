"""One bucket's search: it keeps the finding, never grows the case, and stays in its bounds.

The assistant here is a predicate over the question (`_data.asker`), so every property can be
checked against the whole bucket without a server.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor._probes import PROBE_KINDS, Probe
from auditor._probes._planner import DrawRenderer
from auditor._probes._strategies import Draw, draws, subjects
from auditor._shrink import (
    BucketSearch,
    Found,
    SearchLimits,
    SearchTarget,
    complexity,
    failure_pattern,
)
from tests.unit.shrink._data import SUITES, asker, judged, shop

SNAPSHOT = shop()
KIND = PROBE_KINDS["stock.availability"]
EDGE = "catalogued_out_of_stock"
MEMBERS = subjects(SNAPSHOT, KIND, EDGE)
PATTERN = "says in_stock where the truth is out_of_stock"
RENDER = DrawRenderer(SNAPSHOT, SUITES[KIND.name], KIND, EDGE, "web").probe


def search(
    original: Draw,
    fails: Callable[[Probe], bool],
    *,
    budget: int = 25,
    seconds: float = 30.0,
    database: Path | None = None,
    stop: threading.Event | None = None,
) -> tuple[Found, list[Probe]]:
    strategy = draws(SNAPSHOT, SUITES[KIND.name], KIND, EDGE)
    assert strategy is not None
    start = judged(SNAPSHOT, RENDER(original), fails=True)
    target = SearchTarget(strategy, RENDER, PATTERN, start)
    asked: list[Probe] = []
    limits = SearchLimits(
        budget=budget, deadline=time.monotonic() + seconds, seed=1, database=database
    )
    found = BucketSearch(
        target,
        limits,
        asker(SNAPSHOT, fails, asked),
        lambda p: complexity(SNAPSHOT, p),
        stop=stop or threading.Event(),
    ).run()
    return found, asked


def key(probe: Probe) -> tuple[object, ...]:
    return complexity(SNAPSHOT, probe)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.nested_given])
@given(
    failing=st.sets(st.sampled_from(MEMBERS), min_size=1),
    mentions=st.sets(st.sampled_from(["name", "sku", "lower", "partial", "typo"]), min_size=1),
    data=st.data(),
)
def test_the_case_kept_fails_the_same_way_and_is_never_more_complex(failing, mentions, data):
    original = Draw(
        data.draw(st.sampled_from(sorted(failing))),
        data.draw(st.integers(0, 6)),
        data.draw(st.sampled_from(sorted(mentions))),
    )

    def fails(probe: Probe) -> bool:
        return probe.subject in failing and probe.param("form") in mentions

    found, asked = search(original, fails, budget=10)
    assert failure_pattern(found.result) == PATTERN
    assert fails(found.probe)
    assert key(found.probe) <= key(RENDER(original))
    assert found.asked == len(asked) <= 10
    assert asked[0] == RENDER(original)  # the plan's failure is confirmed first


def test_when_everything_fails_the_simplest_case_of_the_bucket_is_kept():
    original = Draw(MEMBERS[-1], 6, "typo")
    found, asked = search(original, lambda _probe: True)
    assert found.probe == RENDER(Draw(MEMBERS[0], 0, "name"))
    assert SNAPSHOT.stock[found.probe.subject].name == "Cup"
    assert found.stopped == "done"
    assert len(asked) <= 3


def test_only_same_pattern_failures_count():
    # The simplest members "fail" differently (another claimed value): not this finding.
    other = {MEMBERS[0], MEMBERS[1]}
    asked_before: list[Probe] = []
    original = Draw(MEMBERS[5], 2, "name")

    def ask(probe: Probe, _timeout: float):
        asked_before.append(probe)
        result = judged(SNAPSHOT, probe, fails=True)
        if probe.subject in other:
            claims = [result.claims[0].model_copy(update={"value": "backorder"})]
            return result.model_copy(update={"claims": claims})
        return result

    strategy = draws(SNAPSHOT, SUITES[KIND.name], KIND, EDGE)
    assert strategy is not None
    target = SearchTarget(strategy, RENDER, PATTERN, judged(SNAPSHOT, RENDER(original), True))
    found = BucketSearch(
        target, SearchLimits(25, time.monotonic() + 30, 1), ask, key, stop=threading.Event()
    ).run()
    assert found.probe.subject not in other
    assert failure_pattern(found.result) == PATTERN
    assert any(p.subject in other for p in asked_before)  # they were tried, and refused


def test_no_time_left_asks_nothing_and_keeps_the_plan_failure():
    original = Draw(MEMBERS[3], 1, "sku")
    found, asked = search(original, lambda _probe: True, seconds=-1)
    assert asked == []
    assert found.stopped == "time"
    assert found.probe == RENDER(original) and found.asked == 0


def test_a_stopped_search_asks_nothing():
    stop = threading.Event()
    stop.set()
    found, asked = search(Draw(MEMBERS[3], 1, "sku"), lambda _probe: True, stop=stop)
    assert asked == [] and found.stopped == "time"


def test_the_budget_bounds_the_asks():
    original = Draw(MEMBERS[-1], 6, "typo")
    found, asked = search(original, lambda p: p.subject == MEMBERS[-1], budget=3)
    assert len(asked) == 3
    assert found.stopped == "budget"
    assert found.probe.subject == MEMBERS[-1]


def test_the_example_database_replays_the_minimal_case_first(tmp_path: Path):
    fails = {MEMBERS[4]}
    original = Draw(MEMBERS[-1], 6, "typo")
    first, _ = search(original, lambda p: p.subject in fails | {MEMBERS[-1]}, database=tmp_path)
    assert any(tmp_path.iterdir())
    again, asked = search(original, lambda p: p.subject in fails | {MEMBERS[-1]}, database=tmp_path)
    assert again.probe == first.probe
    assert first.probe in asked[:2]  # the explicit example, then the stored failure
