"""The lag section of the reports, and the gate on it."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from auditor._config import GateSection
from auditor._lag import LagRecord, ResetRecord, summarise_lag
from auditor._report import build_audit, render_html, render_markdown
from auditor._report._gate import show_gate_value
from auditor._report._lag import lag_check, lag_view
from tests.unit.lag._facts import NOW
from tests.unit.report.conftest import meta, result


def record(kind: str, status: str, lag: float | None, name: str | None = None) -> LagRecord:
    return LagRecord(
        scenario=name or kind,
        kind=kind,
        status=status,
        subject="KT-0001",  # type: ignore[arg-type]
        question="Is KT-0001 in stock?",
        answer="Sorry, <b>KT-0001</b> is out of stock.",
        lag_s=lag,
        deadline_s=40.0,
        started_at=NOW,
        finished_at=NOW + timedelta(seconds=31),
        reason="" if status == "reflected" else "no answer showed the change within 40 s",
    )


STALE = [record("stock_out", "reflected", 30.6), record("order_shipped", "reflected", 31.2)]


@pytest.mark.parametrize(
    ("records", "threshold", "passed", "measured", "reason"),
    [
        (STALE, 35, True, 31.2, "longest lag 31.2 s ≤ 35.0 s"),
        (STALE, 5, False, 31.2, "longest lag 31.2 s > 5.0 s"),
        (
            [*STALE, record("refund_issued", "not_reflected", None)],
            60,
            False,
            40.0,
            "1 lag scenario(s) never reflected within 40.0 s",
        ),
        (
            [record("stock_out", "skipped", None)],
            5,
            False,
            None,
            "no information lag could be measured",
        ),
    ],
)
def test_the_lag_gate(records, threshold, passed, measured, reason):
    check = lag_check(threshold, summarise_lag(records))
    assert check is not None
    assert (check.passed, check.measured, check.reason, check.unit) == (
        passed,
        measured,
        reason,
        "seconds",
    )
    assert show_gate_value(check, check.threshold).endswith(" s")


def test_no_threshold_no_check():
    assert lag_check(None, summarise_lag(STALE)) is None
    assert lag_check(3, None) is not None and not lag_check(3, None).passed  # type: ignore[union-attr]


def _audit(records, max_lag_s=None):
    return build_audit(
        meta(planned=1),
        [result(0)],
        gate=GateSection(max_lag_s=max_lag_s),
        contract_findings=[],
        status="complete",
        finished_at=NOW,
        lag=(records, ResetRecord(ok=True, at=NOW)),
    )


def test_a_failed_lag_gate_makes_the_audit_not_ready():
    assert _audit(STALE, max_lag_s=60).readiness.ready
    audit = _audit(STALE, max_lag_s=5)
    assert not audit.readiness.ready
    assert "longest lag 31.2 s > 5.0 s" in audit.readiness.reasons


def test_the_audit_json_holds_the_lag_summary():
    data = json.loads(_audit(STALE).model_dump_json())
    assert data["lag"]["by_kind"]["stock_out"]["p50_s"] == 30.6
    assert data["lag"]["reset_ok"] is True
    assert _audit(STALE).model_copy(update={"lag": None}).lag is None


def test_markdown_and_html_show_the_lag_section_with_untrusted_text_inert():
    records = [*STALE, record("refund_issued", "not_reflected", None)]
    audit = _audit(records)
    markdown = render_markdown(audit)
    assert "## Information lag" in markdown
    assert "| `stock_out` | 1/1 | 30.6 s | 30.6 s | 30.6 s | 0 |" in markdown
    assert "- `refund_issued` `KT-0001`: **not_reflected**" in markdown
    html = render_html(audit)
    assert '<section id="lag">' in html and "chart-lag" in html
    assert "&lt;b&gt;KT-0001&lt;/b&gt;" in html and "<b>KT-0001</b>" not in html
    assert "&gt; 40 s" in html  # the never-reflected scenario's lag is a lower bound


def test_the_chart_is_a_script_free_svg_per_kind():
    view = lag_view(summarise_lag(STALE))
    assert view is not None
    assert view.chart.svg.startswith("<svg") and "<script" not in view.chart.svg
    assert "stock_out: 1/1 reflected, p50 30.6 s" in view.chart.summary


def test_without_a_lag_phase_there_is_no_section():
    audit = build_audit(
        meta(planned=1),
        [result(0)],
        gate=GateSection(),
        contract_findings=[],
        status="complete",
        finished_at=NOW,
    )
    assert audit.lag is None and audit.orchestration is None
    assert "Information lag" not in render_markdown(audit)
    assert 'id="lag"' not in render_html(audit)


def test_a_phase_cut_before_any_scenario_finished_still_renders():
    summary = summarise_lag([], ResetRecord(ok=True, at=NOW))
    view = lag_view(summary)
    assert view is not None and "no lag measured" in view.svg and "<script" not in view.svg
    html = render_html(_audit([]))
    assert '<section id="lag">' in html and "no lag measured" in html


def test_the_console_summary_prints_the_lag_figures(tmp_path):
    from rich.console import Console

    from auditor._cli._outcome import print_outcome

    records = [*STALE, record("refund_issued", "not_reflected", None, name="refund\u202e")]
    audit = build_audit(
        meta(planned=1),
        [result(0)],
        gate=GateSection(),
        contract_findings=[],
        status="complete",
        finished_at=NOW,
        lag=(records, None),
    )
    console = Console(record=True, width=200)
    print_outcome(console, audit, tmp_path)
    printed = console.export_text()
    assert "information lag: 2/3 reflected, p50 30.6 s, p95 31.2 s, max 31.2 s" in printed
    assert "  stock_out: 1/1 reflected" in printed
    assert "never reflected: refund⟨U+202E⟩ (KT-0001)" in printed
