"""The history database: audits recorded, listed newest first, trended, diffed, re-recorded."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from auditor._config import GateSection
from auditor._history import (
    DiffError,
    HistoryError,
    diff_audits,
    open_history,
    read_history,
    read_trend,
    resolve_audit,
    write_trend,
)
from auditor._report import build_audit, render_html, write_reports
from auditor._verdict import Verdict
from tests.unit.report.conftest import NOW, audit, meta, result

PASSING = [result(0), result(1, subject="KT-0002")]
FAILING = [
    result(0),
    result(1, verdict=Verdict.FAIL, truth="out_of_stock", edge_class="catalogued_out_of_stock"),
    result(2, verdict=Verdict.ERROR, answer=None, said=None, subject="KT-0003"),
]


def run(n: int, results=PASSING, **meta):
    return audit(
        results, run_id=f"run-{n}", started_at=(NOW + timedelta(hours=n)).isoformat(), **meta
    )


def test_audits_are_listed_newest_first_with_readiness_metrics_and_findings(tmp_path):
    path = tmp_path / "deep" / "history.sqlite"
    with open_history(path) as db:
        db.record(run(1), tmp_path / "run-1")
        db.record(run(2, FAILING), tmp_path / "run-2")
        db.record(run(3, name="other"), tmp_path / "run-3")
    with read_history(path) as db:
        entries = db.entries(name="acme-assistant")
        assert [e.run_id for e in entries] == ["run-2", "run-1"]
        newest = entries[0]
        assert not newest.ready and newest.reasons
        assert newest.metrics["agreement"] == pytest.approx(0.5)
        assert len(newest.finding_ids) == 1
        assert entries[1].ready and entries[1].finding_ids == ()
        assert [e.run_id for e in db.entries(limit=1)] == ["run-3"]
        assert db.entry("run-404") is None


def test_probed_subjects_skip_errors_and_follow_the_runs(tmp_path):
    path = tmp_path / "h.sqlite"
    with open_history(path) as db:
        db.record(run(1, profile="production"), tmp_path)
        db.record(run(2, FAILING, profile="production"), tmp_path)
        db.record(run(3, profile="ci"), tmp_path)
        probed = db.probed(name="acme-assistant", profile="production")
    assert probed == [
        {"stock": frozenset({"KT-0000", "KT-0001"})},  # KT-0003 was an error: asked again
        {"stock": frozenset({"KT-0000", "KT-0002"})},
    ]


def test_recording_a_run_again_replaces_it(tmp_path):
    path = tmp_path / "h.sqlite"
    with open_history(path) as db:
        db.record(run(1, FAILING), tmp_path)
        db.record(run(1), tmp_path)
        entries = db.entries()
    assert len(entries) == 1 and entries[0].ready and entries[0].finding_ids == ()


def test_trend_is_oldest_first_of_one_name_and_profile_and_lands_in_the_report(tmp_path):
    path = tmp_path / "h.sqlite"
    with open_history(path) as db:
        for n in range(1, 5):
            db.record(run(n, FAILING if n == 2 else PASSING), tmp_path)
        points = db.trend(name="acme-assistant", profile="ci", limit=3, exclude="run-4")
    assert [p.run_id for p in points] == ["run-1", "run-2", "run-3"]
    assert [p.ready for p in points] == [True, False, True]
    directory = tmp_path / "run-5"
    write_trend(directory, points)
    stored = read_trend(directory)
    assert stored == points
    assert audit(PASSING).trend is None, "no trend without a history"
    with_trend = build_audit(
        meta(run_id="run-5", planned=len(PASSING)),
        PASSING,
        gate=GateSection(),
        contract_findings=[],
        status="complete",
        finished_at=NOW,
        trend=stored,
    )
    assert with_trend.trend is not None
    assert [p.run_id for p in with_trend.trend.points] == ["run-1", "run-2", "run-3", "run-5"]
    assert with_trend.trend.points[-1].metrics["agreement"] == 1.0
    html = render_html(with_trend)
    assert 'id="chart-trend"' in html and "run-2 (not ready)" in html
    write_reports(directory, with_trend)
    assert '"trend"' in (directory / "audit.json").read_text(encoding="utf-8")


def test_diff_by_run_id_and_by_directory_agree(tmp_path):
    path = tmp_path / "h.sqlite"
    before, after = run(1), run(2, FAILING)
    write_reports(tmp_path / "run-1", before)
    write_reports(tmp_path / "run-2", after)
    with open_history(path) as db:
        db.record(before, tmp_path / "run-1")
        db.record(after, tmp_path / "run-2")
    with read_history(path) as db:
        by_id = diff_audits(resolve_audit("run-1", db), resolve_audit("run-2", db))
        by_dir = diff_audits(
            resolve_audit(str(tmp_path / "run-1"), db), resolve_audit(str(tmp_path / "run-2"), None)
        )
        back = diff_audits(resolve_audit("run-2", db), resolve_audit("run-1", db))
        with pytest.raises(DiffError, match="neither an audit directory nor a run id"):
            resolve_audit("run-404", db)
    for comparison in (by_id, by_dir):
        assert [f.id for f in comparison.new_findings] == [f.id for f in after.findings]
        assert comparison.regressed and not comparison.fixed_findings
        agreement = next(d for d in comparison.deltas if d.name == "agreement")
        assert agreement.delta == pytest.approx(-0.5) and agreement.worse
    assert [f.id for f in back.fixed_findings] == [f.id for f in after.findings]
    assert not back.regressed
    with pytest.raises(DiffError, match="no history database"):
        resolve_audit("run-1", None)


def test_missing_or_foreign_database_is_a_clear_error(tmp_path):
    with (
        pytest.raises(HistoryError, match="no history database"),
        read_history(tmp_path / "none.sqlite"),
    ):
        pass
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE t (x)")
    connection.close()
    with pytest.raises(HistoryError, match="not a history database"), read_history(other):
        pass
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"not sqlite at all" * 100)
    with pytest.raises(HistoryError, match="not a history database"), open_history(garbage):
        pass
