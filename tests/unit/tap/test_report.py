"""The orchestration map in the reports: Mermaid for summary.md, an SVG for report.html."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from auditor._config import GateSection
from auditor._report import build_audit, render_html, render_markdown
from auditor._report._map import _positions, graph_of, map_svg, mermaid
from auditor._tap import orchestration_map
from tests.unit.report.conftest import meta
from tests.unit.tap._build import T0, call, probe

ANCHORS = {"stock": "inventory", "orders": "orders", "returns": "returns"}
HOSTILE = 'get"Item`]--><script>alert(1)</script>'


def _results():
    return [
        probe("KT-1", 0, 2),
        probe("KT-2", 10, 12),
        probe("RMA-1", 20, 22, fact_kind="returns", customer="C-1", said="approved"),
    ]


def _calls():
    return [call(1, params={"sku": "KT-1"}), call(11, HOSTILE, params={"sku": "KT-2"})]


def _omap():
    return orchestration_map(_results(), _calls(), ANCHORS)


def test_the_graph_has_an_edge_per_kind_and_operation_and_a_dashed_one_for_the_missing():
    graph = graph_of(_omap())
    assert graph.calls == {
        ("stock.availability", "inventory", "getItem"): 1,
        ("stock.availability", "inventory", HOSTILE): 1,
    }
    assert graph.missing == [("return.status", "returns")]
    assert graph.anchors["returns"] == []


def test_mermaid_labels_cannot_break_out():
    source = mermaid(_omap())
    assert source.startswith("flowchart LR")
    assert "<script" not in source and "`" not in source
    for label in re.findall(r'\["(.*?)"\]', source):
        assert '"' not in label
    assert "-.->|not consulted: 1 of 1| a" in source
    assert "-->|1|" in source


def test_the_svg_is_well_formed_escaped_and_script_free():
    svg = map_svg(_omap())
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    assert "<script" not in svg
    texts = [t.text for t in root.iter() if t.tag.endswith("text")]
    assert any(t and t.startswith('get"Item') for t in texts)  # shown as text, cut to fit
    assert any(p.get("stroke-dasharray") for p in root.iter() if p.tag.endswith("path"))


def test_the_layout_uncrosses_what_can_be_drawn_without_crossings():
    """Each kind calls one operation of its own anchor: the computed order has no crossing."""
    results = [
        probe("RMA-1", 0, 1, fact_kind="returns", customer="C-1", said="approved"),
        probe("KT-1", 2, 3),
        probe("ORD-1", 4, 5, fact_kind="orders", customer="C-1", said="shipped"),
    ]
    calls = [
        call(
            0.5, "getReturn", anchor="returns", fact_kind="returns", params={"return_id": "RMA-1"}
        ),
        call(2.5, params={"sku": "KT-1"}),
        call(4.5, "getOrder", anchor="orders", fact_kind="orders", params={"order_id": "ORD-1"}),
    ]
    graph = graph_of(orchestration_map(results, calls, ANCHORS))
    kinds, ops, _, _ = _positions(graph)
    edges = sorted((kinds[k].y, ops[(a, o)].y) for (k, a, o) in graph.calls)
    assert [right for _, right in edges] == sorted(right for _, right in edges)


def _audit():
    results = _results()
    return build_audit(
        meta(planned=len(results)),
        results,
        gate=GateSection(),
        contract_findings=[],
        status="complete",
        finished_at=T0,
        calls=_calls(),
    )


def test_summary_md_carries_the_mermaid_source_and_the_flags():
    markdown = render_markdown(_audit())
    assert "## Orchestration map" in markdown and "```mermaid\nflowchart LR" in markdown
    assert "⚠️ `answered 1 return.status questions without calling the returns API`" in markdown
    assert "<script>" not in markdown.split("```mermaid")[1].split("```")[0]


def test_report_html_carries_the_svg_table_and_mermaid_source():
    html = render_html(_audit())
    section = html[html.index('<section id="orchestration">') :]
    assert "<svg" in section and "Mermaid source" in section
    assert "<script>alert(1)</script>" not in html
    assert "answered 1 return.status questions without calling the returns API" in section
