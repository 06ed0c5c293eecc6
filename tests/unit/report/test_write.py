"""Every format is written from the one model; the step summary only when the env names one."""

from __future__ import annotations

from auditor._report import write_reports
from tests.unit.report.conftest import audit, mixed_results


def test_every_format_is_written(tmp_path):
    written = write_reports(tmp_path, audit(mixed_results()))
    assert sorted(p.name for p in written) == [
        "audit.json",
        "junit.xml",
        "metrics.prom",
        "report.html",
        "summary.md",
    ]
    assert all(p.stat().st_size > 0 for p in written)
    assert not list(tmp_path.glob("*.tmp"))


def test_step_summary_is_appended_when_the_env_names_it(tmp_path):
    summary = tmp_path / "step-summary.md"
    summary.write_text("earlier step\n")
    a = audit(mixed_results())
    write_reports(tmp_path / "run", a, env={"GITHUB_STEP_SUMMARY": str(summary)})
    write_reports(tmp_path / "run", a, env={"GITHUB_STEP_SUMMARY": str(summary)})
    text = summary.read_text()
    assert text.startswith("earlier step\n# Readiness audit")
    assert text.count("# Readiness audit `acme-assistant`") == 2


def test_no_step_summary_without_the_env(tmp_path, monkeypatch):
    summary = tmp_path / "step-summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))  # the process env is not consulted
    write_reports(tmp_path / "run", audit(mixed_results()))
    assert not summary.exists()
