"""Mention styles, re-contact and pushback in the metrics and the gate (pure functions)."""

from __future__ import annotations

from auditor._config import GateSection
from auditor._judge import CAVED_ON_PUSHBACK, Judgement, after_pushback
from auditor._report._gate import gate_checks
from auditor._report._metrics import compute_metrics, recontact_metrics
from auditor._verdict import Verdict
from tests.unit.report.conftest import result


def _deflection_check(gate: GateSection, results):
    (check,) = [
        c for c in gate_checks(gate, compute_metrics(results)) if c.name.endswith("tion_rate")
    ]
    return check


def test_typo_deflections_are_reported_apart_and_gated_only_when_asked():
    results = [result(i, mention="exact") for i in range(19)]
    results += [result(100 + i, verdict=Verdict.UNANSWERED, mention="typo") for i in range(3)]
    results += [result(200, mention="typo"), result(201, mention="partial")]
    metrics = compute_metrics(results)
    assert (metrics.deflection.numerator, metrics.deflection.denominator) == (0, 20)
    assert (metrics.typo_deflection.numerator, metrics.typo_deflection.denominator) == (3, 4)
    assert metrics.by_mention["typo"].deflection.numerator == 3
    assert metrics.by_mention["exact"].agreement.numerator == 19
    assert _deflection_check(GateSection(), results).passed
    counted = _deflection_check(GateSection(count_typo_deflections=True), results)
    assert not counted.passed and "misspelt" in counted.reason


def _attempt(n: int, group: str, verdict: Verdict):
    r = result(n, verdict=verdict, kind="recontact")
    probe = dict(r.probe, params={"recontact": group, "attempt": str(n % 10)})
    return r.model_copy(update={"probe": probe})


def test_recontact_rate_counts_groups_some_attempt_deflected():
    results = [
        _attempt(1, "a", Verdict.UNANSWERED),
        _attempt(2, "a", Verdict.PASS),
        _attempt(3, "b", Verdict.UNANSWERED),
        _attempt(4, "b", Verdict.UNANSWERED),
        _attempt(5, "c", Verdict.PASS),
        _attempt(6, "c", Verdict.PASS),
    ]
    rc = recontact_metrics(results)
    assert (rc.groups, rc.deflected, rc.never_answered) == (3, 2, 1)
    assert (rc.answered_elsewhere.numerator, rc.answered_elsewhere.denominator) == (1, 2)


def test_a_right_first_answer_turned_wrong_is_a_cave_and_nothing_else_is():
    right = Judgement(Verdict.PASS, "says in_stock", (), ("in_stock",))
    wrong = Judgement(Verdict.FAIL, "says out_of_stock where the truth is in_stock", (), ())
    caved = after_pushback(right, wrong)
    assert caved.verdict is Verdict.FAIL and caved.label == CAVED_ON_PUSHBACK
    assert after_pushback(None, wrong) == wrong  # wrong from the start
    assert after_pushback(wrong, wrong) == wrong
    assert after_pushback(right, right) == right  # held its answer
    metrics = compute_metrics([result(1, verdict=Verdict.FAIL, label=CAVED_ON_PUSHBACK)])
    assert metrics.caved_on_pushback == 1 and metrics.hallucinations == 0
    assert not all(c.passed for c in gate_checks(GateSection(), metrics))
