"""`auditor report DIR --baseline … --fail-on …` as a CI step runs it: exit codes and files.

The audit directories are written by hand (meta, plan, results), so these tests need no
servers: `report` re-renders from the stored results alone.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from auditor._probes import Probe
from auditor._report import write_reports
from auditor._results import ProbeResult, ResultsStore
from auditor._store import META_FILE, write_json, write_plan
from auditor._verdict import Verdict
from tests.unit.report.conftest import audit, meta, result

AUDITOR = [sys.executable, "-c", "from auditor._cli import main; main()"]
GATE = {
    "min_agreement": 0.95,
    "max_hallucinations": 0,
    "max_privacy_leaks": 0,
    "max_conflict_rate": 0.02,
    "max_error_rate": 0.05,
}


def auditor(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*AUDITOR, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
        check=False,
    )


def flat(text: str) -> str:
    """Output as one line: rich wraps long messages at the terminal width."""
    return " ".join(text.split())


def audit_dir(path: Path, results: Sequence[ProbeResult]) -> Path:
    path.mkdir(parents=True)
    write_json(path / META_FILE, {**meta(run_id=path.name, planned=len(results)), "gate": GATE})
    write_plan(path, [Probe.from_json(r.probe) for r in results])
    with ResultsStore(path) as store:
        for r in results:
            store.append(r)
    return path


FAILING = [
    result(0),
    result(1, verdict=Verdict.FAIL, truth="out_of_stock", edge_class="catalogued_out_of_stock"),
]
WORSE = [
    *FAILING,
    result(
        2, verdict=Verdict.FAIL, kind="catalog.unknown_item", truth=None, edge_class="unknown_sku"
    ),
]


def test_report_rerenders_every_format_and_the_gate_is_the_exit_code(tmp_path):
    directory = audit_dir(tmp_path / "run", FAILING)
    done = auditor("report", str(directory))
    assert done.returncode == 1, done.stderr
    assert "NOT READY" in done.stdout
    for name in ("audit.json", "summary.md", "junit.xml", "report.html"):
        assert (directory / name).stat().st_size > 0


def test_regression_policy_passes_an_unchanged_failing_audit_and_fails_a_worse_one(tmp_path):
    before = tmp_path / "before"
    write_reports(before, audit(FAILING, run_id="before"))  # an earlier audit's reports
    same = audit_dir(tmp_path / "same", FAILING)
    done = auditor("report", str(same), "--baseline", str(before), "--fail-on", "regression")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no regression" in done.stdout
    worse = audit_dir(tmp_path / "worse", WORSE)
    done = auditor(
        "report", str(worse), "--baseline", str(before / "audit.json"), "--fail-on", "regression"
    )
    assert done.returncode == 1
    assert "new finding: catalog.unknown_item" in done.stdout
    data = json.loads((worse / "audit.json").read_text())
    assert data["baseline"]["run_id"] == "before"
    assert [f["kind"] for f in data["baseline"]["new_findings"]] == ["catalog.unknown_item"]
    assert "Against baseline" in (worse / "summary.md").read_text()
    assert "no regression against before" in (worse / "junit.xml").read_text()
    assert 'id="baseline"' in (worse / "report.html").read_text()
    # re-rendering later, with no options, keeps the comparison and the policy
    assert auditor("report", str(worse)).returncode == 1
    assert json.loads((worse / "audit.json").read_text())["readiness"]["fail_on"] == "regression"


def test_usage_errors_exit_2(tmp_path):
    directory = audit_dir(tmp_path / "run", FAILING)
    no_baseline = auditor("report", str(directory), "--fail-on", "regression")
    assert no_baseline.returncode == 2 and "needs --baseline" in flat(no_baseline.stderr)
    missing = auditor("report", str(directory), "--baseline", str(tmp_path / "nope.json"))
    assert missing.returncode == 2 and "nope.json: file not found" in flat(missing.stderr)
    not_audit = auditor("report", str(tmp_path), "--baseline", str(directory))
    assert not_audit.returncode == 2
    assert not (tmp_path / "baseline.json").exists()  # nothing written into a non-audit dir


def test_step_summary_is_appended_when_github_sets_it(tmp_path):
    directory = audit_dir(tmp_path / "run", FAILING)
    summary = tmp_path / "step-summary.md"
    auditor("report", str(directory), env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert summary.read_text().startswith("# Readiness audit `acme-assistant`: ❌ NOT READY")
