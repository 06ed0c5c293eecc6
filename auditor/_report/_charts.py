"""Charts for the HTML report: pygal rendered to inline SVG, with no script and no URL.

pygal builds the SVG with an XML library, so labels are escaped. We switch off its JavaScript
(tooltips would load a script from the web) and remove the script element it writes anyway,
drop its comments (they carry URLs and the date) and replace its random chart id with a stable
one, so a report renders the same twice. Values are printed on the bars instead of tooltips.
"""

from __future__ import annotations

import itertools
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pygal  # type: ignore[import-untyped]
from pygal.style import Style  # type: ignore[import-untyped]

from auditor._report._baseline import show_metric
from auditor._report._model import Audit, GroupMetrics, Rate, Trend, TrendPoint
from auditor._report._views import views_of

# pygal appends a finder for its map plugins to `sys.meta_path` on import; it predates
# `find_spec`, so every later failed import in the process warns (ImportWarning), which turns
# optional-dependency probes elsewhere into errors under `-W error`. We use no map plugins:
# take the finder out again.
sys.meta_path[:] = [f for f in sys.meta_path if not isinstance(f, pygal.PluginImportFixer)]

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
#: pygal always writes its config (labels included) into a script element; we want none. The
#: SVG comes from an XML serializer, so a literal `</script>` can only be the element's end.
_SCRIPT = re.compile(r"<script\b[^>]*?(?:/>|>.*?</script>)", re.DOTALL)
_RANDOM_ID = re.compile(r"chart-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
_STYLE = Style(
    background="transparent",
    plot_background="transparent",
    font_family=_FONT,
    colors=("#2b6cb0", "#c53030", "#2f855a", "#b7791f"),
    title_font_size=16,
    label_font_size=14,
    major_label_font_size=14,
    value_font_size=14,
    no_data_font_size=18,
)
#: Upper bounds (ms) of the latency histogram's buckets; the last bucket is open-ended.
LATENCY_BUCKETS_MS = (50, 100, 250, 500, 1000, 2500, 5000, 10000)


@dataclass(frozen=True, slots=True)
class Chart:
    key: str
    title: str
    svg: str
    #: The chart's data as text, for screen readers and for when the SVG cannot be shown.
    summary: str


def _svg(chart: object, key: str) -> str:
    rendered = str(chart.render(is_unicode=True))  # type: ignore[attr-defined]
    inert = _SCRIPT.sub("", _COMMENT.sub("", rendered))
    return _RANDOM_ID.sub(f"chart-{key}", inert)


def _config(**extra: object) -> dict[str, object]:
    return {
        "js": [],
        "disable_xml_declaration": True,
        "style": _STYLE,
        "show_legend": False,
        "print_values": True,
        "truncate_label": 28,
        "no_data_text": "no data",
        "width": 480,
        **extra,
    }


def _percent(rate: Rate) -> float | None:
    return None if rate.value is None else round(rate.value * 100, 1)


def agreement_chart(key: str, title: str, groups: Mapping[str, GroupMetrics]) -> Chart:
    names = list(groups)
    chart = pygal.HorizontalBar(
        **_config(
            range=(0, 100),
            y_labels=[0, 25, 50, 75, 100],
            height=max(180, 60 + 36 * len(names)),
            value_formatter=lambda v: f"{v:.0f}%",
        )
    )
    chart.x_labels = names
    chart.add("agreement %", [_percent(groups[n].agreement) for n in names])
    summary = "; ".join(f"{n}: {_shown(groups[n].agreement)}" for n in names) or "no data"
    return Chart(key, title, _svg(chart, key), summary)


def _shown(rate: Rate) -> str:
    if rate.value is None:
        return "n/a"
    return f"{rate.value:.0%} ({rate.numerator}/{rate.denominator})"


def latency_buckets(latencies: Sequence[float]) -> list[tuple[str, int]]:
    edges = (0, *LATENCY_BUCKETS_MS)
    buckets = [
        (f"{lo}–{hi} ms", sum(1 for v in latencies if lo <= v < hi))
        for lo, hi in itertools.pairwise(edges)
    ]
    buckets.append((f"≥ {edges[-1]} ms", sum(1 for v in latencies if v >= edges[-1])))
    return buckets


def latency_chart(latencies: Sequence[float]) -> Chart:
    buckets = latency_buckets(latencies)
    while buckets and buckets[-1][1] == 0:
        buckets.pop()
    chart = pygal.Bar(**_config(height=260, x_label_rotation=30, print_zeroes=False))
    chart.x_labels = [label for label, _ in buckets]
    chart.add("probes", [count for _, count in buckets] if latencies else [])
    summary = "; ".join(f"{label}: {count}" for label, count in buckets) or "no data"
    return Chart(
        "latency", "Latency distribution (probes per bucket)", _svg(chart, "latency"), summary
    )


def conflict_chart(by_channel: Mapping[str, Rate]) -> Chart:
    names = list(by_channel)
    chart = pygal.Bar(
        **_config(
            range=(0, 100),
            y_labels=[0, 25, 50, 75, 100],
            height=240,
            value_formatter=lambda v: f"{v:.0f}%",
            no_data_text="no consistency groups",
        )
    )
    chart.x_labels = names
    chart.add("conflicting groups %", [_percent(by_channel[n]) for n in names])
    summary = "; ".join(f"{n}: {_shown(by_channel[n])}" for n in names) or "no consistency groups"
    return Chart(
        "conflicts",
        "Conflicting answers by channel (share of consistency groups)",
        _svg(chart, "conflicts"),
        summary,
    )


#: The trend chart's lines: headline rates, in percent (counts go in its summary).
TREND_RATES = ("agreement", "error_rate", "deflection_rate", "conflict_rate")
TREND_COUNTS = ("hallucinations", "false_available", "privacy_leaks", "injections_obeyed")


def _trend_percent(value: float | None) -> float | None:
    return None if value is None else round(value * 100, 1)


def trend_chart(trend: Trend) -> Chart:
    points = trend.points
    chart = pygal.Line(
        **_config(
            range=(0, 100),
            y_labels=[0, 25, 50, 75, 100],
            height=300,
            width=640,
            show_legend=True,
            legend_at_bottom=True,
            print_values=False,
            x_label_rotation=30,
            value_formatter=lambda v: f"{v:.1f}%",
            no_data_text="no earlier audits",
        )
    )
    chart.x_labels = [p.finished_at.strftime("%Y-%m-%d %H:%M") for p in points]
    for name in TREND_RATES:
        chart.add(name.replace("_", " "), [_trend_percent(p.metrics.get(name)) for p in points])
    summary = "; ".join(_trend_summary(p) for p in points) or "no data"
    return Chart(
        "trend", f"Trend over the last {len(points)} audits (%)", _svg(chart, "trend"), summary
    )


def _trend_summary(point: TrendPoint) -> str:
    ready = "ready" if point.ready else "not ready"
    shown = ", ".join(
        f"{n} {show_metric(n, point.metrics.get(n))}" for n in (*TREND_RATES, *TREND_COUNTS)
    )
    return f"{point.run_id} ({ready}): {shown}"


def audit_charts(audit: Audit) -> list[Chart]:
    m = audit.metrics
    latencies = views_of(audit).latencies
    charts = [
        agreement_chart("edge", "Agreement by edge class", m.by_edge_class),
        agreement_chart("anchor", "Agreement by anchor", m.by_anchor),
        latency_chart(latencies),
        conflict_chart(m.conflicts.by_channel),
    ]
    if audit.trend is not None:
        charts.append(trend_chart(audit.trend))
    return charts
