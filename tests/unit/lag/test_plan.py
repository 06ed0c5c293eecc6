"""Planning scenarios: subjects drawn by seed, never one subject for two scenarios."""

from __future__ import annotations

from auditor._lag import ScenarioConfig, plan_scenarios
from tests.unit.lag._facts import snapshot

ACTION = {"method": "POST", "url": "http://127.0.0.1:9/_sandbox/x"}


def scenario(kind: str, **extra: object) -> ScenarioConfig:
    return ScenarioConfig.model_validate({"kind": kind, "action": ACTION, **extra})


def test_the_same_seed_picks_the_same_subjects():
    scenarios = [scenario("stock_out", subjects=2), scenario("order_shipped")]
    first = [(p.name, p.subject and p.subject.id) for p in plan_scenarios(scenarios, snapshot(), 3)]
    again = [(p.name, p.subject and p.subject.id) for p in plan_scenarios(scenarios, snapshot(), 3)]
    assert first == again
    assert [name for name, _ in first] == ["stock_out#1", "stock_out#2", "order_shipped"]


def test_no_subject_is_changed_twice_and_a_shortfall_is_skipped_with_a_reason():
    scenarios = [scenario("stock_out", subjects=2), scenario("stock_out", name="more")]
    planned = plan_scenarios(scenarios, snapshot(), 0)
    ids = [p.subject.id for p in planned if p.subject is not None]
    assert sorted(ids) == ["KT-0001", "KT-0002"]
    assert planned[-1].subject is None
    assert "no subject left" in planned[-1].reason


def test_a_pinned_subject_is_used_or_reported_missing():
    planned = plan_scenarios(
        [scenario("order_shipped", subject="ORD-10002"), scenario("stock_out", subject="KT-9999")],
        snapshot(),
        0,
    )
    assert planned[0].subject is not None and planned[0].subject.id == "ORD-10002"
    assert planned[1].subject is None and "KT-9999" in planned[1].reason
