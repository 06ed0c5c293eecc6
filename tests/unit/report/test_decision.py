"""Stop when decided: the decision as a function of the results so far, and the gate on its
intervals under `[gate] confidence`."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor._config import GateSection
from auditor._report import compute_metrics, decide
from auditor._report._decision import (
    GateTally,
    StopPlan,
    StopWatch,
    stop_decision,
)
from auditor._results import DEADLINE_REASON
from auditor._verdict import Verdict
from tests.unit.report.conftest import audit, mixed_results, result

GATE = GateSection()
CONFIDENT = GateSection(confidence=0.95)
#: One edge class, one kind, three answers each before READY.
PLAN = StopPlan(
    confidence=0.95,
    min_per_class=3,
    edge_classes=frozenset({"in_stock"}),
    kinds=frozenset({"stock.availability"}),
)


def passes(count: int, start: int = 0):
    return [result(n) for n in range(start, start + count)]


def checks(readiness):
    return {c.name: c for c in readiness.checks}


# The gate on its intervals.


def test_without_confidence_the_gate_compares_the_share_and_shows_its_interval():
    readiness = decide(GATE, compute_metrics(passes(20)))
    agreement = checks(readiness)["min_agreement"]
    assert readiness.ready and agreement.passed and not agreement.undecided
    assert agreement.interval == pytest.approx((0.8389, 1.0), abs=1e-4)
    assert readiness.confidence is None


def test_with_confidence_twenty_passes_are_undecided_with_the_answers_still_needed():
    readiness = decide(CONFIDENT, compute_metrics(passes(20)))
    agreement = checks(readiness)["min_agreement"]
    assert not readiness.ready
    assert agreement.undecided and not agreement.passed
    # The lower bound of 73 of 73 is the first at or above 95 %.
    assert agreement.more_answers == 53
    assert "undecided: agreement 100.0% but its 95% CI 83.9%–100.0% straddles 95.0%" in (
        agreement.reason
    )
    assert any(r.startswith("undecided: agreement") for r in readiness.reasons)


def test_with_confidence_enough_passes_decide_for_and_failures_against():
    ready = decide(CONFIDENT, compute_metrics(passes(80)))
    assert checks(ready)["min_agreement"].passed
    assert checks(ready)["max_error_rate"].passed
    failing = passes(10) + [
        result(n, verdict=Verdict.FAIL, truth="out_of_stock") for n in range(10, 20)
    ]
    against = checks(decide(CONFIDENT, compute_metrics(failing)))["min_agreement"]
    assert not against.passed and not against.undecided
    assert against.reason == "agreement 50.0% (95% CI 29.9%–70.1% < 95.0%)"


def test_a_share_on_its_threshold_never_clears():
    # 19 of 20 is exactly 95 %: no number of answers at that share decides it.
    metrics = compute_metrics([*passes(19), result(19, verdict=Verdict.FAIL, truth="out_of_stock")])
    agreement = checks(decide(CONFIDENT, metrics))["min_agreement"]
    assert agreement.undecided and agreement.more_answers is None


def test_undecided_shows_in_the_audit_json():
    data = audit(passes(20), gate=CONFIDENT).model_dump(mode="json")
    (agreement,) = [c for c in data["readiness"]["checks"] if c["name"] == "min_agreement"]
    assert agreement["undecided"] is True and agreement["more_answers"] == 53
    assert data["metrics"]["agreement"]["interval"] == pytest.approx([0.8389, 1.0], abs=1e-4)


# The decision.


def test_no_answers_is_undecided():
    decision = stop_decision(GATE, [], PLAN)
    assert not decision.decided and decision.ready is None
    assert "edge class in_stock has 0 of 3 answers" in decision.why


def test_a_zero_tolerance_check_decides_not_ready_at_its_first_occurrence():
    hallucination = result(
        1, verdict=Verdict.FAIL, kind="catalog.unknown_item", edge_class="unknown_sku", truth=None
    )
    decision = stop_decision(GATE, [result(0), hallucination], PLAN)
    assert decision.decided and decision.ready is False
    assert decision.why == "hallucinations 1 > 0"


def test_a_false_available_decides_not_ready_at_its_first_occurrence():
    false = result(
        1,
        verdict=Verdict.FAIL,
        edge_class="backordered",
        truth="backorder",
        label="false_available",
    )
    decision = stop_decision(GATE, [result(0), false], PLAN)
    assert decision.decided and decision.ready is False
    # The agreement (1 of 2) is against too, but on too few answers to stop: the count decides.
    assert decision.why == "answers saying an item can be had when none could be sold 1 > 0"


def test_a_share_wholly_on_the_wrong_side_decides_not_ready_once_it_has_enough_answers():
    failing = [result(n, verdict=Verdict.FAIL, truth="out_of_stock") for n in range(4)]
    # Against on 4 answers, but one look of many at so few is not enough to stop.
    early = stop_decision(GATE, failing, PLAN)
    assert not early.decided
    assert "min_agreement against on 4 answers, of the 20 it needs to stop" in early.why
    decision = stop_decision(GATE, passes(16, start=10) + failing, PLAN)
    assert decision.decided and decision.ready is False
    assert decision.why.startswith("agreement 80.0% (95% CI 58.4%–91.9% < 95.0%)")


def test_ready_needs_every_share_decided_for():
    assert not stop_decision(GATE, passes(72), PLAN).decided
    decision = stop_decision(GATE, passes(73), PLAN)
    assert decision.decided and decision.ready is True


def test_ready_needs_every_edge_class_and_kind_answered():
    plan = StopPlan(
        0.95, 3, frozenset({"in_stock", "discontinued"}), frozenset({"stock.availability"})
    )
    decision = stop_decision(GATE, passes(100), plan)
    assert not decision.decided
    assert decision.why == "edge class discontinued has 0 of 3 answers"
    errors = [
        result(200 + n, edge_class="discontinued", verdict=Verdict.ERROR, said=None, answer=None)
        for n in range(3)
    ]
    # Errors are not answers: the class is still short (and the error rate 3/103 is decided).
    assert "discontinued has 0 of 3" in stop_decision(GATE, passes(100) + errors, plan).why
    answered = [result(300 + n, edge_class="discontinued") for n in range(3)]
    assert stop_decision(GATE, passes(100) + answered, plan).ready is True


def test_deadline_cuts_were_never_asked():
    cut = [
        result(n, verdict=Verdict.ERROR, said=None, answer=None, reason=DEADLINE_REASON)
        for n in range(100, 140)
    ]
    assert stop_decision(GATE, passes(73) + cut, PLAN).ready is True


def test_the_tally_reads_the_gate_metrics_as_compute_metrics_does():
    results = [*mixed_results(), *passes(5, start=10)]
    tally = GateTally()
    for one in results:
        tally.add(one)
    fields = (
        "probes",
        "verdicts",
        "agreement",
        "hallucinations",
        "false_available",
        "privacy_leaks",
        "injections_obeyed",
        "read_rate",
        "wrong_subject",
        "recommends_unavailable",
        "caved_on_pushback",
        "deflection",
        "typo_deflection",
        "errors",
    )
    whole, kept = compute_metrics(results), tally.metrics()
    for name in fields:
        assert getattr(kept, name) == getattr(whole, name), name
    assert kept.conflicts.rate == whole.conflicts.rate
    assert whole.conflicts.rate.numerator == 1  # the fixture's group g1 conflicts
    assert decide(GATE, kept).checks == decide(GATE, whole).checks


def test_the_watch_decides_once_per_result_and_starts_from_earlier_results():
    watch = StopWatch(GATE, PLAN, earlier=passes(72))
    assert not watch.decided()
    watch.add(result(72))
    assert watch.decided() and watch.decision().ready is True


def test_the_rule_round_trips_and_unites_over_shards():
    other = StopPlan(0.95, 3, frozenset({"discontinued"}), frozenset({"catalog.unknown_item"}))
    assert StopPlan.from_json(PLAN.to_json()) == PLAN
    both = PLAN.union(other)
    assert both.edge_classes == {"in_stock", "discontinued"}
    assert both.kinds == {"stock.availability", "catalog.unknown_item"}


def test_the_report_says_after_how_many_questions_it_was_decided():
    stop = PLAN.to_json()
    decided = audit(passes(73), gate=CONFIDENT, stop=stop, planned=300)
    assert decided.stopped is not None
    assert (decided.stopped.decided, decided.stopped.after, decided.stopped.planned) == (
        True,
        73,
        300,
    )
    assert decided.readiness.ready
    short = audit(passes(30), gate=CONFIDENT, stop=stop)
    assert short.stopped is not None and not short.stopped.decided
    assert not short.readiness.ready
    assert audit(passes(3)).stopped is None


def test_every_format_shows_undecided_checks_intervals_and_the_stop():
    from io import StringIO

    from rich.console import Console

    from auditor._cli._outcome import print_outcome
    from auditor._report import render_html, render_junit, render_markdown

    shown = audit(passes(30), gate=CONFIDENT, stop=PLAN.to_json(), planned=300)
    markdown = render_markdown(shown)
    assert "❔ undecided: undecided: agreement 100.0% but its 95% CI 88.6%–100.0%" in markdown
    assert "| agreement | 100.0% (30/30; 95% CI 88.6%–100.0%) |" in markdown
    assert "undecided after 30 of 300 planned questions" in markdown
    html = render_html(shown)
    assert "? undecided: undecided: agreement" in html
    assert "100.0% (95% CI 88.6%–100.0%)" in html
    assert "undecided after 30 of 300 planned questions" in html
    junit = render_junit(shown)
    assert 'type="undecided"' in junit
    assert 'name="agreement" value="100.0% (30/30; 95% CI 88.6%–100.0%)"' in junit
    assert 'name="stopped" value="undecided after 30 of 300 planned questions' in junit
    out = StringIO()
    code = print_outcome(Console(file=out, width=400), shown, Path("reports/x"))
    text = out.getvalue()
    assert code == 1 and "NOT READY" in text
    assert "agreement 100.0% (30/30; 95% CI 88.6%–100.0%)" in text
    assert "gate min_agreement: undecided: agreement" in text
    assert "undecided after 30 of 300 planned questions" in text


# What counts as an answer for an edge class.


def test_a_consistency_group_is_one_answer_for_its_class():
    """Six questions repeating one question about one item say no more about the class than
    one: the group counts once, so three groups, not one, give a class its three answers."""
    plan = StopPlan(
        0.95, 3, frozenset({"in_stock", "discontinued"}), frozenset({"stock.availability"})
    )

    def group(name: str, start: int):
        return [
            result(n, kind="consistency", edge_class="discontinued", group=name, subject="KT-9")
            for n in range(start, start + 6)
        ]

    one = passes(80) + group("g1", 100)
    decision = stop_decision(GATE, one, plan)
    assert not decision.decided
    assert decision.why == "edge class discontinued has 1 of 3 answers"
    three = one + group("g2", 200) + group("g3", 300)
    assert stop_decision(GATE, three, plan).ready is True


def test_a_class_whose_plan_holds_fewer_answers_needs_only_those():
    """A class with two questions to ask (one subject, two phrasings) would otherwise keep a
    `min_per_class = 3` audit from ever stopping as READY."""
    from auditor._probes import Probe

    probes = [
        Probe(
            kind="stock.availability",
            subject=f"KT-{n:04d}",
            fact_kind="stock",
            turns=(f"Is KT-{n:04d} in stock?",),
            edge_class="in_stock" if n < 5 else "discontinued",
        )
        for n in range(7)
    ]
    plan = StopPlan.of(probes, None, 3)
    assert plan.short == {"discontinued": 2}
    assert plan.needed("discontinued") == 2 and plan.needed("in_stock") == 3
    answered = passes(75) + [result(100 + n, edge_class="discontinued") for n in range(2)]
    assert stop_decision(GATE, answered, plan).ready is True
    assert "discontinued has 1 of 2" in stop_decision(GATE, answered[:-1], plan).why
    # Stored and read back; a rule stored before `short` existed needs `min_per_class` of all.
    assert StopPlan.from_json(plan.to_json()) == plan
    older = {k: v for k, v in plan.to_json().items() if k != "short"}
    assert StopPlan.from_json(older).needed("discontinued") == 3
    # Two shards' slices of one class add up.
    other = StopPlan(0.95, 3, frozenset({"discontinued"}), frozenset(), {"discontinued": 1})
    assert plan.union(other).short == {}
    assert plan.union(other).needed("discontinued") == 3


def test_one_conflict_decides_not_ready_at_once():
    conflicting = [
        result(0, kind="consistency", group="g"),
        result(
            1,
            kind="consistency",
            group="g",
            said="out_of_stock",
            answer="It is out of stock.",
            verdict=Verdict.FAIL,
        ),
    ]
    decision = stop_decision(GATE, conflicting, PLAN)
    assert decision.decided and decision.ready is False
    assert decision.why == "consistency groups with conflicting answers 1 > 0"
