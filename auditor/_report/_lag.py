"""The information-lag section: its gate check, its chart, and its Markdown and HTML views.

A lag is a duration, so the gate check is in seconds; a scenario never reflected before its
deadline fails the gate outright (its lag is at least the deadline, and unknown beyond it).
"""

from __future__ import annotations

from dataclasses import dataclass

import pygal  # type: ignore[import-untyped]
from markupsafe import Markup

from auditor._lag import LagRecord, LagStats, LagSummary
from auditor._report._charts import Chart, _config, _svg
from auditor._report._markdown import code
from auditor._report._model import GateCheck


def _s(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f} s"


def lag_check(max_lag_s: float | None, summary: LagSummary | None) -> GateCheck | None:
    """`[gate] max_lag_s` against the longest measured lag; None when not gated."""
    if max_lag_s is None:
        return None
    overall = summary.overall if summary is not None else None
    if overall is None or overall.reflected + overall.not_reflected == 0:
        return GateCheck(
            name="max_lag_s",
            unit="seconds",
            threshold=max_lag_s,
            measured=None,
            passed=False,
            reason="no information lag could be measured",
        )
    if overall.not_reflected:
        floor = max(overall.max_s or 0.0, overall.deadline_s or 0.0)
        return GateCheck(
            name="max_lag_s",
            unit="seconds",
            threshold=max_lag_s,
            measured=floor,
            passed=False,
            reason=f"{overall.not_reflected} lag scenario(s) never reflected within "
            f"{_s(overall.deadline_s)}",
        )
    measured = overall.max_s or 0.0
    passed = measured <= max_lag_s
    return GateCheck(
        name="max_lag_s",
        unit="seconds",
        threshold=max_lag_s,
        measured=measured,
        passed=passed,
        reason=f"longest lag {_s(measured)} {'≤' if passed else '>'} {_s(max_lag_s)}",
    )


def _ticks(top: float) -> list[float]:
    """About five round steps from 0 past `top`."""
    raw = max(top, 0.5) / 5
    step = next(
        s
        for s in (0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800)
        if s >= raw or s == 1800
    )
    return [round(i * step, 1) for i in range(int(top // step) + 2)]


def lag_chart(summary: LagSummary) -> Chart:
    """A box per scenario kind: the spread of its measured lags (seconds)."""
    kinds = list(summary.by_kind)
    top = max([s.max_s or 0.0 for s in summary.by_kind.values()] + [0.5])
    ticks = _ticks(top)
    chart = pygal.Box(
        **_config(
            height=300,
            width=480,
            print_values=False,
            show_legend=False,
            range=(0, ticks[-1]),
            y_labels=ticks,
            x_label_rotation=30,
            value_formatter=lambda v: f"{v:.1f} s",
            no_data_text="no lag measured",
        )
    )
    chart.x_labels = kinds
    for kind in kinds:
        lags = [
            r.lag_s
            for r in summary.scenarios
            if r.kind == kind and r.status == "reflected" and r.lag_s is not None
        ]
        chart.add(kind, lags)
    if not kinds:  # an interrupted phase: pygal's box chart fails without any series
        chart.add("", [])
    text = "; ".join(f"{k}: {_stats_text(s)}" for k, s in summary.by_kind.items()) or "no data"
    return Chart("lag", "Information lag by scenario kind (seconds)", _svg(chart, "lag"), text)


def lag_lines(summary: LagSummary | None) -> list[str]:
    """The lag phase in a few plain lines for the console: overall, then each kind when there
    are several, then what was never reflected (untrusted names: the caller makes them safe)."""
    if summary is None:
        return []
    lines = [f"information lag: {_stats_text(summary.overall)}"]
    if len(summary.by_kind) > 1:
        lines += [f"  {kind}: {_stats_text(s)}" for kind, s in summary.by_kind.items()]
    lines += [f"  never reflected: {name}" for name in summary.never_reflected]
    return lines


def _stats_text(stats: LagStats) -> str:
    never = f", {stats.not_reflected} never reflected" if stats.not_reflected else ""
    return (
        f"{stats.reflected}/{stats.scenarios} reflected, p50 {_s(stats.p50_s)}, "
        f"p95 {_s(stats.p95_s)}, max {_s(stats.max_s)}{never}"
    )


@dataclass(frozen=True, slots=True)
class LagRow:
    name: str
    stats: LagStats
    p50: str
    p95: str
    max: str


@dataclass(frozen=True, slots=True)
class LagView:
    summary: LagSummary
    chart: Chart
    #: The chart's SVG, ready for the page (pygal escapes every label).
    svg: Markup
    rows: list[LagRow]
    scenarios: list[LagRecord]


def lag_view(summary: LagSummary | None) -> LagView | None:
    if summary is None:
        return None
    rows = [
        LagRow(k, s, _s(s.p50_s), _s(s.p95_s), _s(s.max_s))
        for k, s in [*summary.by_kind.items(), ("all", summary.overall)]
    ]
    chart = lag_chart(summary)
    svg = Markup(chart.svg)  # noqa: S704 (pygal escapes; no script, see _charts.py)
    return LagView(summary, chart, svg, rows, summary.scenarios)


def show_lag(record: LagRecord) -> str:
    if record.lag_s is not None:
        return _s(record.lag_s)
    if record.status == "not_reflected":
        return f"> {record.deadline_s:g} s"
    return "—"


def lag_markdown(summary: LagSummary | None) -> list[str]:
    if summary is None:
        return []
    lines = [
        "## Information lag",
        "",
        "| scenario kind | reflected | p50 | p95 | max | never reflected |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for kind, s in [*summary.by_kind.items(), ("all", summary.overall)]:
        lines.append(
            f"| {code(kind, in_table=True)} | {s.reflected}/{s.scenarios} | "
            f"{_s(s.p50_s)} | {_s(s.p95_s)} | {_s(s.max_s)} | {s.not_reflected} |"
        )
    lines.append("")
    for record in summary.scenarios:
        if record.status != "reflected":
            subject = record.changed_subject or record.subject or ""
            lines.append(
                f"- {code(record.scenario)} {code(subject)}: **{record.status}** "
                f"{code(record.reason) if record.reason else ''}".rstrip()
            )
    if summary.reset_ok is False:
        lines.append(f"- sandbox reset failed: {code(summary.reset_reason)}")
    return [*lines, ""]
