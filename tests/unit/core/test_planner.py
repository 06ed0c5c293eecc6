"""The plan is deterministic, covers every edge class present, and respects the budget."""

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor._edges import edge_class_members
from auditor._facts import Availability, Snapshot, StockFact, availability_of
from auditor._probes import PROBE_KINDS, load_suites, plan_probes

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
SUITES = load_suites(["stock"])
ALL_SUITES = load_suites(["stock", "orders", "returns", "safety", "consistency"])


def item(n: int, name: str, status: Availability | None, on_hand: int) -> StockFact:
    return StockFact(f"KT-{n:04d}", name, availability_of(status, on_hand), on_hand, NOW)


def shop() -> Snapshot:
    items = [item(i, f"Plain Item {i}", None, 20) for i in range(1, 30)]
    items += [
        item(40, "Empty Shelf Kettle", None, 0),
        item(41, "Old Toaster", Availability.DISCONTINUED, 0),
        item(42, "Later Mixer", Availability.BACKORDER, 0),
        item(43, "Lonely Mug", None, 1),
        item(44, "Blue Kettle", None, 8),
        item(45, "Blue Kettle Pro", None, 8),
        item(46, "Crème Brûlée Torch", None, 9),
    ]
    return Snapshot.of(NOW, stock=items)


def test_same_seed_same_plan_and_other_seed_other_plan():
    a = plan_probes(shop(), SUITES, max_probes=40, seed=1, channels=["web"])
    b = plan_probes(shop(), SUITES, max_probes=40, seed=1, channels=["web"])
    c = plan_probes(shop(), SUITES, max_probes=40, seed=2, channels=["web"])
    assert [p.id for p in a] == [p.id for p in b]
    assert [p.id for p in a] != [p.id for p in c]


def test_small_budget_still_reaches_every_edge_class_present():
    snap = shop()
    present = {name for name, members in edge_class_members(snap).items() if members}
    plan = plan_probes(snap, SUITES, max_probes=12, seed=3, channels=["web"])
    reachable = {ec for suite in SUITES for ec in PROBE_KINDS[suite.kind].edge_classes}
    assert {p.edge_class for p in plan} == present & reachable
    assert len(plan) == 12


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.nested_given])
@given(budget=st.integers(1, 200), seed=st.integers(0, 2**32), channels=st.integers(1, 3))
def test_plan_respects_budget_has_unique_ids_and_spreads_channels(budget, seed, channels):
    names = [f"ch{i}" for i in range(channels)]
    plan = plan_probes(shop(), SUITES, max_probes=budget, seed=seed, channels=names)
    assert len(plan) <= budget
    assert len({p.id for p in plan}) == len(plan)
    if len(plan) >= channels:
        assert {p.channel for p in plan} == set(names)


def test_unknown_skus_keep_the_format_and_are_unknown():
    snap = shop()
    plan = plan_probes(snap, SUITES, max_probes=80, seed=5, channels=["web"])
    unknown = [p.subject for p in plan if p.kind == "catalog.unknown_item"]
    assert len(unknown) >= 3
    for sku in unknown:
        assert sku not in snap.stock
        assert sku[:3] == "KT-" and sku[3:].isdigit() and len(sku) == 7


def test_questions_name_their_subject():
    snap = shop()
    for probe in plan_probes(snap, SUITES, max_probes=80, seed=9, channels=["web"]):
        question = probe.turns[0].lower()
        fact = snap.stock.get(probe.subject)
        form, style = probe.param("form"), probe.param("mention")
        if form in ("sku",) or fact is None:
            assert probe.subject.lower() in question
        elif form in ("name", "lower") or style == "exact":
            assert fact.name.lower() in question
        elif style == "partial":
            # The head noun, not a lone adjective ("Blue" of "Blue Kettle Pro").
            assert any(w in question for w in fact.name.lower().split()[1:])


_PLAN_IN_A_FRESH_PROCESS = """
import importlib, json, sys
sys.path.insert(0, sys.argv[1])
for name in sys.argv[2:]:
    importlib.import_module(name)
from datetime import UTC, datetime
from auditor._facts import Snapshot, StockFact, availability_of
from auditor._probes import load_suites, plan_probes
now = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
stock = [StockFact(f"KT-{n:04d}", f"Plain Item {n}", availability_of(None, n % 4), n % 4, now)
         for n in range(1, 40)]
suites = load_suites(["stock", "safety", "consistency"])
plan = plan_probes(Snapshot.of(now, stock=stock), suites, max_probes=60, seed=11,
                   channels=["web", "sms"])
print(json.dumps({"ids": [p.id for p in plan], "hypothesis": "hypothesis" in sys.modules}))
"""

#: A module of the user's own (a conftest, a python assistant target) full of constants.
_OWN_MODULE = "LIMITS = ({})\nNAMES = ({})\n".format(
    ", ".join(str(n) for n in range(-5, 300)),
    ", ".join(repr(f"KT-{n:04d}") for n in range(60)),
)


def test_the_plan_draws_without_hypothesis_whatever_else_is_imported(tmp_path):
    """Same seed, same data, same plan, whatever modules the process loaded before planning.

    The plan once drew through Hypothesis, whose engine cost 5-6 ms of CPU per planned probe
    and (6.170 here) mixes constants read from the source of every local module loaded into
    its draws: loading another module could change the plan. Now the plan neither needs nor
    imports it (the shrink phase does)."""
    root = Path(__file__).resolve().parents[3]
    (tmp_path / "own_constants.py").write_text(_OWN_MODULE, encoding="utf-8")

    def plan_after(*modules: str) -> dict[str, Any]:
        result = subprocess.run(
            [sys.executable, "-c", _PLAN_IN_A_FRESH_PROCESS, str(tmp_path), *modules],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
            cwd=root,
        )
        found: dict[str, Any] = json.loads(result.stdout)
        return found

    bare = plan_after()
    assert len(bare["ids"]) == 60
    assert bare["hypothesis"] is False
    loaded = plan_after("own_constants", "hypothesis", "auditor._shrink")
    assert loaded["ids"] == bare["ids"]


def test_any_prefix_of_the_plan_is_balanced_across_its_buckets():
    """`stop = "decided"` asks the plan in order and may stop anywhere: every prefix must
    spread over the buckets (kind × edge class) by their weights, round by round, so that no
    class is judged on the others' answers."""
    plan = plan_probes(shop(), SUITES, max_probes=60, seed=5, channels=["web"])
    weights = {
        (suite.kind, ec): suite.weights.get(ec, 1)
        for suite in SUITES
        for ec in PROBE_KINDS[suite.kind].edge_classes
    }
    final: dict[tuple[str, str | None], int] = {}
    for probe in plan:
        final[(probe.kind, probe.edge_class)] = final.get((probe.kind, probe.edge_class), 0) + 1
    assert len(final) > 5  # several buckets, some of weight > 1 or exhausted early
    counts = dict.fromkeys(final, 0)
    for probe in plan:
        counts[(probe.kind, probe.edge_class)] += 1
        # The rounds each bucket with probes still to come has had: one draw in the first
        # round, its weight in each later one. They may differ by the round under way.
        rounds = [
            0 if n == 0 else 1 + (n - 1) // weights[bucket]
            for bucket, n in counts.items()
            if n < final[bucket]
        ]
        if rounds:
            assert max(rounds) - min(rounds) <= 1, (len(counts), counts)
