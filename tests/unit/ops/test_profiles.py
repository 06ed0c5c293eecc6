"""Profiles: production defaults and safety, test customers only, and the rotation."""

from __future__ import annotations

from collections.abc import Mapping

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor._config import AuditConfig, parse_config
from auditor._probes import PROBE_KINDS, PlanScope, Probe, load_suites, plan_probes
from auditor._profiles import (
    EXPLORE_DEFAULTS,
    PRODUCTION_DEFAULTS,
    apply_profile,
    probeable,
    production_scope,
    rotate,
)
from tests.unit.ops._shop import TEST_CUSTOMERS, small_shop

ALL_SUITES = load_suites(["stock", "orders", "returns", "safety", "consistency"])
STOCK = load_suites(["stock"])


def config(audit: Mapping[str, object] | None = None, **sections: object) -> AuditConfig:
    return parse_config(
        {
            "audit": {"name": "shop", **(audit or {})},
            "assistant": [
                {"kind": "http", "url": "http://127.0.0.1:1/message", "body": {"q": "{{question}}"}}
            ],
            "anchors": {},
            **sections,
        }
    )


def test_production_fills_small_load_defaults_and_turns_the_shrink_phase_off():
    profiled = apply_profile(config({"profile": "production"}))
    audit = profiled.config.audit
    assert (audit.max_probes, audit.rate_limit, audit.concurrency) == (
        PRODUCTION_DEFAULTS["max_probes"],
        PRODUCTION_DEFAULTS["rate_limit"],
        PRODUCTION_DEFAULTS["concurrency"],
    )
    assert audit.shrink_budget == 0
    assert any("test_customers" in note for note in profiled.notes)
    assert not profiled.verbose


def test_production_keeps_what_the_configuration_sets():
    chosen = {
        "profile": "production",
        "max_probes": 7,
        "rate_limit": 5.0,
        "concurrency": 3,
        "shrink_budget": 4,
    }
    profiled = apply_profile(config(chosen, production={"test_customers": ["C-001"]}))
    audit = profiled.config.audit
    assert (audit.max_probes, audit.rate_limit, audit.concurrency) == (7, 5.0, 3)
    assert audit.shrink_budget == 0, "production never shrinks: it asks only planned probes"
    assert any("shrink phase skipped" in note for note in profiled.notes)
    assert not any("test_customers" in note for note in profiled.notes)


def test_explore_is_small_and_verbose_and_ci_is_the_configuration_as_is():
    explore = apply_profile(config({"profile": "explore"}))
    assert explore.config.audit.max_probes == EXPLORE_DEFAULTS["max_probes"]
    assert explore.verbose
    ci = config({"profile": "ci", "max_probes": 123})
    assert apply_profile(ci).config == ci
    assert apply_profile(config()).config.audit.max_probes == 300


def test_production_asks_as_test_customers_only():
    snapshot = small_shop()
    cfg = config({"profile": "production"}, production={"test_customers": list(TEST_CUSTOMERS)})
    scope = production_scope(cfg, [])(snapshot, ALL_SUITES)
    plan = plan_probes(snapshot, ALL_SUITES, max_probes=60, seed=3, channels=["web"], scope=scope)
    asked_as = [p for p in plan if p.customer_id is not None]
    assert {p.kind for p in asked_as} >= {"order.status", "return.status", "privacy.foreign_order"}
    assert {p.customer_id for p in asked_as} <= set(TEST_CUSTOMERS)
    for probe in asked_as:
        owner = getattr(snapshot, probe.fact_kind)[probe.subject].customer_id
        assert owner in TEST_CUSTOMERS, f"{probe.kind} about a real customer's {probe.subject}"
        if PROBE_KINDS[probe.kind].identity == "stranger":
            assert owner != probe.customer_id


def test_without_test_customers_nothing_is_asked_as_a_customer():
    snapshot = small_shop()
    scope = production_scope(config({"profile": "production"}), [])(snapshot, ALL_SUITES)
    plan = plan_probes(snapshot, ALL_SUITES, max_probes=60, seed=3, channels=["web"], scope=scope)
    assert plan, "stock probes still run"
    assert all(p.customer_id is None and p.fact_kind == "stock" for p in plan)


def test_one_test_customer_cannot_be_a_stranger_and_says_so():
    snapshot = small_shop()
    cfg = config({"profile": "production"}, production={"test_customers": ["C-001", "C-404"]})
    scope = production_scope(cfg, [])(snapshot, ALL_SUITES)
    plan = plan_probes(snapshot, ALL_SUITES, max_probes=60, seed=3, channels=["web"], scope=scope)
    assert "privacy.foreign_order" not in {p.kind for p in plan}
    assert any("C-404" in note for note in scope.notes)
    assert any("privacy.foreign_order skipped" in note for note in scope.notes)


def test_the_stored_scope_plans_the_same_again():
    snapshot = small_shop()
    cfg = config({"profile": "production"}, production={"test_customers": list(TEST_CUSTOMERS)})
    earlier = [{"stock": frozenset({"KT-0001", "KT-0040"}), "orders": frozenset({"ORD-0000"})}]
    scope = production_scope(cfg, earlier)(snapshot, ALL_SUITES)
    again = PlanScope.from_json(scope.to_json())
    first = plan_probes(snapshot, ALL_SUITES, max_probes=30, seed=5, channels=["web"], scope=scope)
    second = plan_probes(snapshot, ALL_SUITES, max_probes=30, seed=5, channels=["web"], scope=again)
    assert [p.id for p in first] == [p.id for p in second]
    assert not {p.subject for p in first} & {"KT-0001", "KT-0040", "ORD-0000"}


def probed(plan: list[Probe]) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for probe in plan:
        found.setdefault(probe.fact_kind, set()).add(probe.subject)
    return {k: frozenset(v) for k, v in found.items()}


#: The stock suite's kinds that ask about one catalogued item (a recommendation asks about a
#: head noun, so it takes a probe but names no item to rotate).
ITEM_KINDS = [plan for plan in STOCK if plan.kind != "recommend.available"]


def runs_to_cover(seed: int, budget: int) -> tuple[int, set[str]]:
    """Production runs of the 12-item shop until every item was probed (at most 12)."""
    snapshot = small_shop()
    cfg = config({"profile": "production"})
    universe = probeable(snapshot, ITEM_KINDS, PlanScope(customers=frozenset()))["stock"]
    history: list[dict[str, frozenset[str]]] = []
    covered: set[str] = set()
    while covered != universe and len(history) < 12:
        scope = production_scope(cfg, history)(snapshot, ITEM_KINDS)
        plan = plan_probes(
            snapshot, ITEM_KINDS, max_probes=budget, seed=seed, channels=["web"], scope=scope
        )
        history.insert(0, probed(plan))
        covered |= history[0].get("stock", frozenset()) & universe
    return len(history), covered


def test_rotation_covers_a_twelve_item_shop_in_four_runs_of_four_probes():
    universe = {f.sku for f in small_shop().stock.values()}
    for seed in (0, 1):
        runs, covered = runs_to_cover(seed, budget=4)
        assert covered == universe
        assert runs <= 4, f"seed {seed}: {runs} runs"


subject_sets = st.frozensets(st.sampled_from([f"S{i}" for i in range(12)]), min_size=1)


@settings(max_examples=60, deadline=None)
@given(universe=subject_sets, picks=st.lists(st.integers(0, 2**12), min_size=1, max_size=30))
def test_rotation_never_repeats_a_subject_before_the_others_had_their_turn(universe, picks):
    history: list[dict[str, frozenset[str]]] = []
    cycle: set[str] = set()  # probed since every subject last had its turn
    for pick in picks:
        resting, state = rotate({"stock": universe}, history)
        allowed = universe - resting["stock"]
        assert allowed, "a rotation slice is never empty"
        assert state["stock"]["subjects"] == len(universe)
        if cycle == set(universe):
            cycle = set()
        assert not allowed & cycle, "probed again before every subject had its turn"
        # Each run probes some non-empty part of what it was allowed.
        ordered = sorted(allowed)
        chosen = frozenset(s for i, s in enumerate(ordered) if pick >> i & 1) or {ordered[0]}
        history.insert(0, {"stock": frozenset(chosen)})
        cycle |= chosen


@settings(max_examples=40, deadline=None)
@given(universe=subject_sets)
def test_rotation_covers_the_universe_in_at_most_its_size_runs(universe):
    history: list[dict[str, frozenset[str]]] = []
    covered: set[str] = set()
    for _ in range(len(universe)):
        resting, _ = rotate({"stock": universe}, history)
        one = min(universe - resting["stock"])  # the least a run can do: one new subject
        history.insert(0, {"stock": frozenset({one})})
        covered.add(one)
    assert covered == set(universe)


def test_a_configuration_made_production_by_the_command_line_loses_its_sandbox():
    from auditor.reference._audit_config import reference_anchors
    from auditor.reference._lag_config import reference_scenarios

    shop = "http://127.0.0.1:9"
    anchors = reference_anchors(shop, "SHOP_TOKEN")
    with_lag = parse_config(
        {
            "assistant": [{"kind": "http", "url": f"{shop}/message?q={{{{question}}}}"}],
            "anchors": {name: a.model_dump() for name, a in anchors.items()},
            **reference_scenarios(shop, "SHOP_TOKEN"),
        }
    )
    assert with_lag.sandbox.enabled and with_lag.lag is not None
    # What `auditor run --profile production` does to the configuration it read:
    overridden = with_lag.model_copy(
        update={"audit": with_lag.audit.model_copy(update={"profile": "production"})}
    )
    profiled = apply_profile(overridden)
    assert not profiled.config.sandbox.enabled and profiled.config.lag is None
    assert {n.split(" ")[0] for n in profiled.notes} >= {"[sandbox]", "[lag]"}
    assert apply_profile(with_lag).config == with_lag, "ci keeps its scenarios"
