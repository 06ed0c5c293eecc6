"""Comparison with a baseline: new and fixed findings by id, metric deltas, regression policy."""

from __future__ import annotations

import json

import pytest

from auditor._config import GateSection
from auditor._report import (
    BaselineError,
    read_baseline,
    read_stored_baseline,
    store_baseline,
    write_reports,
)
from auditor._verdict import Verdict
from tests.unit.report.conftest import audit, result

LENIENT = GateSection(min_agreement=0.5, max_error_rate=1)


def earlier(tmp_path, results, name="before"):
    directory = tmp_path / name
    write_reports(directory, audit(results, gate=LENIENT, run_id=name))
    return directory


def test_new_fixed_and_persisting_findings(tmp_path):
    before = [
        result(0),
        result(1, verdict=Verdict.FAIL, truth="out_of_stock", edge_class="catalogued_out_of_stock"),
        result(
            2,
            verdict=Verdict.UNANSWERED,
            said=None,
            edge_class="discontinued",
            truth="discontinued",
        ),
    ]
    now = [
        result(0),
        result(1, verdict=Verdict.FAIL, truth="out_of_stock", edge_class="catalogued_out_of_stock"),
        result(
            2,
            verdict=Verdict.FAIL,
            kind="catalog.unknown_item",
            truth=None,
            edge_class="unknown_sku",
        ),
    ]
    baseline = read_baseline(earlier(tmp_path, before))
    comparison = audit(now, gate=LENIENT, baseline=baseline).baseline
    assert comparison is not None
    assert [f.kind for f in comparison.new_findings] == ["catalog.unknown_item"]
    assert [f.pattern for f in comparison.fixed_findings] == [
        "deflects where inventory says discontinued"
    ]
    assert comparison.persisting_findings == 1
    assert comparison.regressed
    assert any(r.startswith("new finding: catalog.unknown_item") for r in comparison.regressions)
    assert "hallucinations worse: 0 → 1" in comparison.regressions


def test_metric_deltas_say_which_way_is_worse(tmp_path):
    before = [result(n) for n in range(4)]
    now = [*(result(n) for n in range(3)), result(3, verdict=Verdict.ERROR, said=None)]
    baseline = read_baseline(earlier(tmp_path, before))
    comparison = audit(now, gate=LENIENT, baseline=baseline).baseline
    deltas = {d.name: d for d in comparison.deltas}
    assert deltas["error_rate"].worse and deltas["error_rate"].delta == pytest.approx(0.25)
    assert not deltas["agreement"].worse  # 3/3 is as good as 4/4
    assert deltas["conflict_rate"].delta is None  # no groups on either side
    assert comparison.regressions == ["error_rate worse: 0.0% → 25.0%"]


def test_same_results_do_not_regress(tmp_path):
    results = [result(0), result(1, verdict=Verdict.FAIL, truth="out_of_stock")]
    comparison = audit(
        results, gate=LENIENT, baseline=read_baseline(earlier(tmp_path, results))
    ).baseline
    assert not comparison.regressed and comparison.persisting_findings == 1


def test_fail_on_regression_ignores_thresholds_but_not_regressions(tmp_path):
    failing = [result(0), result(1, verdict=Verdict.FAIL, truth="out_of_stock")]
    baseline = read_baseline(earlier(tmp_path, failing))
    same = audit(failing, baseline=baseline, fail_on="regression")
    assert same.readiness.ready and not all(c.passed for c in same.readiness.checks)
    worse = audit(
        [
            *failing,
            result(2, verdict=Verdict.FAIL, kind="privacy.foreign_order", fact_kind="orders"),
        ],
        baseline=baseline,
        fail_on="regression",
    )
    assert not worse.readiness.ready
    assert worse.readiness.reasons[0].startswith("regressed against before: new finding")


def test_ready_under_failing_gate_lines_says_why_the_exit_is_0(tmp_path):
    from rich.console import Console

    from auditor._cli._outcome import print_outcome

    failing = [result(0), result(1, verdict=Verdict.FAIL, truth="out_of_stock")]
    same = audit(failing, baseline=read_baseline(earlier(tmp_path, failing)), fail_on="regression")
    console = Console(record=True, width=300)
    assert print_outcome(console, same, tmp_path) == 0
    printed = console.export_text()
    assert "gate min_agreement" in printed
    assert (
        "READY under --fail-on regression: no regression against the baseline; the 1 failing "
        "gate check above is reported, not gated"
    ) in printed
    assert printed.index("gate min_agreement") < printed.index("reported, not gated")


def test_baseline_from_a_file_or_a_directory(tmp_path):
    directory = earlier(tmp_path, [result(0)])
    assert read_baseline(directory).run_id == read_baseline(directory / "audit.json").run_id


def test_an_older_audit_json_is_read_leniently(tmp_path):
    data = json.loads((earlier(tmp_path, [result(0)]) / "audit.json").read_text())
    data["schema_version"] = "1.0"
    for key in ("conflicts", "injections_obeyed", "by_anchor", "coverage"):
        del data["metrics"][key]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data))
    baseline = read_baseline(path)
    assert baseline.headline["agreement"] == 1.0
    assert baseline.headline["conflict_rate"] is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "file not found"),
        ("{not json", "cannot read"),
        ('{"a": 1}', "not an audit.json"),
        ('{"metrics": {}, "findings": []}', "run_id"),
    ],
)
def test_unusable_baselines_are_refused_with_a_reason(tmp_path, content, message):
    path = tmp_path / "audit.json"
    if content is not None:
        path.write_text(content)
    with pytest.raises(BaselineError, match=message):
        read_baseline(path)


def test_stored_baseline_round_trips(tmp_path):
    baseline = read_baseline(earlier(tmp_path, [result(0)]))
    assert read_stored_baseline(tmp_path / "run") is None
    store_baseline(tmp_path / "run", baseline, "regression")
    stored = read_stored_baseline(tmp_path / "run")
    assert stored is not None and stored.fail_on == "regression"
    assert stored.baseline == baseline


def test_a_new_false_available_is_a_regression(tmp_path):
    before = [result(n) for n in range(4)]
    now = [
        *(result(n) for n in range(3)),
        result(3, verdict=Verdict.FAIL, truth="out_of_stock", label="false_available"),
    ]
    baseline = read_baseline(earlier(tmp_path, before))
    comparison = audit(now, gate=LENIENT, baseline=baseline).baseline
    assert comparison is not None
    assert "false_available worse: 0 → 1" in comparison.regressions
