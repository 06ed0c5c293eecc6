"""The orchestration-map section: a Mermaid diagram for summary.md, an SVG for report.html.

Both draw the same two-layer graph: probe kinds on the left, the anchor operations they called
on the right (grouped by anchor), one edge per pair with its call count, and a dashed edge to
the anchor that holds the truth wherever answers were given without asking it.

Mermaid lays itself out where it renders (GitHub). For the offline HTML the layout is computed
here, Sugiyama-style for two layers: anchors and operations are ordered by the barycentre of the
kinds that call them and the kinds by that of their operations, in a few sweeps, which removes
most edge crossings; the SVG is then written with ElementTree, so every label is escaped.
(networkx's layouts need numpy, a heavy dependency for one diagram.)
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field

from markupsafe import Markup

from auditor._report._markdown import code
from auditor._tap import KindMap, MapFlag, OperationCount, OrchestrationMap

_UNSAFE = re.compile(r"[^A-Za-z0-9_.:/{}#@ ()-]")
_BOX_W, _BOX_H, _GAP, _HEADER, _MARGIN, _MIDDLE = 250.0, 34.0, 12.0, 24.0, 16.0, 200.0
_MAX_LABEL = 34
_SWEEPS = 4
_BLUE, _RED, _GREY = "#2b6cb0", "#c53030", "#718096"


def _safe(text: str) -> str:
    return _UNSAFE.sub("_", text)[:80]


Edge = tuple[str, str, str]  # kind, anchor, operation


@dataclass(slots=True)
class Graph:
    """The map as a two-layer graph, in drawing order."""

    kinds: list[KindMap]
    #: Anchor -> its operations called, in drawing order.
    anchors: dict[str, list[str]]
    calls: dict[Edge, int]
    #: (kind, anchor) where answers were given without consulting that (truth) anchor.
    missing: list[tuple[str, str]] = field(default_factory=list)


def graph_of(omap: OrchestrationMap) -> Graph:
    calls: dict[Edge, int] = {}
    anchors: dict[str, list[str]] = {}
    for kind in omap.by_kind:
        for op in kind.operations:
            calls[(kind.kind, op.anchor, op.operation_id)] = op.calls
            ops = anchors.setdefault(op.anchor, [])
            if op.operation_id not in ops:
                ops.append(op.operation_id)
    missing = [(k.kind, k.truth_anchor) for k in omap.by_kind if k.consulted < k.answered]
    for _, anchor in missing:
        anchors.setdefault(anchor, [])
    graph = Graph(list(omap.by_kind), anchors, calls, missing)
    _order(graph)
    return graph


def _mean(pairs: Sequence[tuple[float, float]], default: float) -> float:
    """Weighted mean of (value, weight) pairs; `default` when there are none."""
    total = sum(w for _, w in pairs)
    return sum(v * w for v, w in pairs) / total if total else default


def _centre(graph: Graph, rank: dict[str, int], anchor: str, op: str | None = None) -> float:
    """Mean left-layer position, by calls, of what points at an anchor (or one operation)."""
    at = [
        (rank[k], n)
        for (k, a, o), n in graph.calls.items()
        if a == anchor and (op is None or o == op)
    ]
    if op is None:
        at += [(rank[k], 1) for k, a in graph.missing if a == anchor]
    return _mean(at, len(rank))


def _sorted_ops(graph: Graph, rank: dict[str, int], anchor: str) -> list[str]:
    def key(op: str) -> tuple[float, str]:
        return (_centre(graph, rank, anchor, op), op)

    return sorted(graph.anchors[anchor], key=key)


def _order(graph: Graph) -> None:
    """Barycentric sweeps: right layer by the left's positions, then left by the right's."""
    for _ in range(_SWEEPS):
        rank = {k.kind: i for i, k in enumerate(graph.kinds)}
        ordered = sorted(graph.anchors, key=lambda a: (_centre(graph, rank, a), a))
        graph.anchors = {a: _sorted_ops(graph, rank, a) for a in ordered}
        pairs = [(a, o) for a, ops in graph.anchors.items() for o in ops]
        slot = {pair: i for i, pair in enumerate(pairs)}
        group = {a: i for i, a in enumerate(graph.anchors)}

        def position(
            kind: KindMap, slot: dict[tuple[str, str], int] = slot, group: dict[str, int] = group
        ) -> tuple[float, str]:
            at = [(slot[(a, o)], n) for (k, a, o), n in graph.calls.items() if k == kind.kind]
            at += [(len(slot) + group[a], 1) for k, a in graph.missing if k == kind.kind]
            return (_mean(at, len(slot)), kind.kind)

        graph.kinds.sort(key=position)


# -- Mermaid ---------------------------------------------------------------------------------


def mermaid(omap: OrchestrationMap) -> str:
    """Mermaid flowchart source (renders on GitHub); every label reduced to safe characters."""
    graph = graph_of(omap)
    lines = ["flowchart LR", '  subgraph assistant ["assistant: probe kinds"]']
    kind_id = {k.kind: f"k{i}" for i, k in enumerate(graph.kinds)}
    for k in graph.kinds:
        lines.append(
            f'    {kind_id[k.kind]}["{_safe(k.kind)}<br/>answered {k.answered}, '
            f'consulted {_safe(k.truth_anchor)} for {k.consulted}"]'
        )
    lines.append("  end")
    op_id: dict[tuple[str, str], str] = {}
    anchor_id = {a: f"a{i}" for i, a in enumerate(graph.anchors)}
    for anchor, ops in graph.anchors.items():
        lines.append(f'  subgraph {anchor_id[anchor]} ["{_safe(anchor)}"]')
        for j, op in enumerate(ops):
            op_id[(anchor, op)] = f"{anchor_id[anchor]}o{j}"
            lines.append(f'    {op_id[(anchor, op)]}["{_safe(op)}"]')
        if not ops:
            lines.append(f'    {anchor_id[anchor]}none["no call"]')
        lines.append("  end")
    for (kind, anchor, op), n in graph.calls.items():
        lines.append(f"  {kind_id[kind]} -->|{n}| {op_id[(anchor, op)]}")
    for kind, anchor in graph.missing:
        k = next(x for x in graph.kinds if x.kind == kind)
        lines.append(
            f"  {kind_id[kind]} -.->|not consulted: {k.answered - k.consulted} of "
            f"{k.answered}| {anchor_id[anchor]}"
        )
    return "\n".join(lines)


# -- SVG ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Box:
    x: float
    y: float
    label: str


def _short(text: str) -> str:
    return text if len(text) <= _MAX_LABEL else text[: _MAX_LABEL - 1] + "…"


def _group_height(ops: Sequence[str]) -> float:
    return _HEADER + max(1, len(ops)) * (_BOX_H + _GAP) - _GAP + 6


def _group_tops(graph: Graph, kinds: dict[str, _Box]) -> dict[str, float]:
    """Each anchor group as near as it fits to the mean height of the kinds pointing at it."""
    wanted: dict[str, float] = {}
    for anchor, ops in graph.anchors.items():
        at = [(kinds[k].y + _BOX_H / 2, n) for (k, a, _), n in graph.calls.items() if a == anchor]
        at += [(kinds[k].y + _BOX_H / 2, 1) for k, a in graph.missing if a == anchor]
        wanted[anchor] = _mean(at, _MARGIN) - _group_height(ops) / 2
    tops: dict[str, float] = {}
    floor = _MARGIN
    for anchor, ops in graph.anchors.items():  # in their barycentric order: no overlap
        tops[anchor] = max(floor, wanted[anchor])
        floor = tops[anchor] + _group_height(ops) + _GAP
    return tops


def _positions(
    graph: Graph,
) -> tuple[dict[str, _Box], dict[tuple[str, str], _Box], dict[str, tuple[float, float]], float]:
    """Boxes of kinds and operations, the vertical extent of each anchor group, and height."""
    right_x = _MARGIN + _BOX_W + _MIDDLE
    kinds = {
        k.kind: _Box(_MARGIN, _MARGIN + i * (_BOX_H + _GAP), _short(k.kind))
        for i, k in enumerate(graph.kinds)
    }
    ops: dict[tuple[str, str], _Box] = {}
    groups: dict[str, tuple[float, float]] = {}
    for anchor, top in _group_tops(graph, kinds).items():
        names = graph.anchors[anchor]
        for i, op in enumerate(names):
            ops[(anchor, op)] = _Box(right_x, top + _HEADER + i * (_BOX_H + _GAP), _short(op))
        groups[anchor] = (top, top + _group_height(names))
    bottom = max([b for _, b in groups.values()] + [_MARGIN + len(kinds) * (_BOX_H + _GAP)])
    return kinds, ops, groups, bottom + _MARGIN


def _curve(
    svg: ET.Element, start: tuple[float, float], end: tuple[float, float], attrs: dict[str, str]
) -> None:
    (x1, y1), (x2, y2) = start, end
    middle = (x1 + x2) / 2
    path = f"M{x1:.1f},{y1:.1f} C{middle:.1f},{y1:.1f} {middle:.1f},{y2:.1f} {x2:.1f},{y2:.1f}"
    ET.SubElement(svg, "path", attrib={"d": path, "fill": "none", **attrs})


def _along(start: tuple[float, float], end: tuple[float, float], t: float) -> tuple[float, float]:
    """The point at `t` on the curve `_curve` draws from `start` to `end`."""
    (x1, y1), (x2, y2) = start, end
    middle = (x1 + x2) / 2
    u = 1 - t
    x = u**3 * x1 + 3 * u * u * t * middle + 3 * u * t * t * middle + t**3 * x2
    y = u**3 * y1 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t**3 * y2
    return x, y


def _text(
    svg: ET.Element, x: float, y: float, text: str, attrs: dict[str, str] | None = None
) -> None:
    attrib = {"x": f"{x:.1f}", "y": f"{y:.1f}", **(attrs or {})}
    ET.SubElement(svg, "text", attrib=attrib).text = text


def _draw_edges(
    svg: ET.Element,
    graph: Graph,
    kinds: dict[str, _Box],
    ops: dict[tuple[str, str], _Box],
    groups: dict[str, tuple[float, float]],
) -> None:
    for (kind, anchor, op), n in graph.calls.items():
        a, b = kinds[kind], ops[(anchor, op)]
        width = min(8.0, 1.0 + 1.5 * math.log2(1 + n))
        start, end = (a.x + _BOX_W, a.y + _BOX_H / 2), (b.x, b.y + _BOX_H / 2)
        _curve(
            svg, start, end, {"stroke": _BLUE, "opacity": "0.55", "stroke-width": f"{width:.1f}"}
        )
        x, y = _along(start, end, 0.22)
        _text(svg, x, y - 5, str(n), {"text-anchor": "middle", "font-size": "11"})
    for kind, anchor in graph.missing:
        a = kinds[kind]
        top = groups[anchor][0]
        start, end = (a.x + _BOX_W, a.y + _BOX_H / 2), (_MARGIN + _BOX_W + _MIDDLE, top + 12)
        _curve(svg, start, end, {"stroke": _RED, "stroke-width": "1.5", "stroke-dasharray": "6 4"})


def _rect(svg: ET.Element, x: float, y: float, width: float, height: float, **style: str) -> None:
    geometry = {
        "x": f"{x:.1f}",
        "y": f"{y:.1f}",
        "width": f"{width:.1f}",
        "height": f"{height:.1f}",
    }
    ET.SubElement(svg, "rect", attrib={**geometry, **style})


def _draw_nodes(
    svg: ET.Element,
    graph: Graph,
    kinds: dict[str, _Box],
    ops: dict[tuple[str, str], _Box],
    groups: dict[str, tuple[float, float]],
) -> None:
    right_x = _MARGIN + _BOX_W + _MIDDLE
    for anchor, (top, bottom) in groups.items():
        _rect(
            svg, right_x - 8, top, _BOX_W + 16, bottom - top, rx="8", fill="#edf2f7", stroke=_GREY
        )
        label = anchor if graph.anchors[anchor] else f"{anchor} (no call)"
        _text(svg, right_x, top + 16, _short(label), {"font-weight": "bold"})
    flagged = {kind for kind, _ in graph.missing}
    for k in graph.kinds:
        box = kinds[k.kind]
        colour = _RED if k.kind in flagged else _BLUE
        _rect(svg, box.x, box.y, _BOX_W, _BOX_H, rx="6", fill="#ffffff", stroke=colour)
        _text(svg, box.x + 8, box.y + 14, box.label)
        counts = f"answered {k.answered} · consulted {k.consulted}"
        _text(svg, box.x + 8, box.y + 28, counts, {"font-size": "11", "fill": colour})
    for box in ops.values():
        _rect(svg, box.x, box.y, _BOX_W, _BOX_H, rx="6", fill="#ffffff", stroke=_GREY)
        _text(svg, box.x + 8, box.y + 21, box.label)


def map_svg(omap: OrchestrationMap) -> str:
    """The map as one inline SVG: no script, no external reference, labels escaped."""
    graph = graph_of(omap)
    kinds, ops, groups, height = _positions(graph)
    width = 2 * _MARGIN + 2 * _BOX_W + _MIDDLE + 8
    svg = ET.Element(
        "svg",
        attrib={
            "xmlns": "http://www.w3.org/2000/svg",
            "role": "img",
            "viewBox": f"0 0 {width:.0f} {height:.0f}",
            "width": f"{width:.0f}",
            "height": f"{height:.0f}",
            "font-family": "system-ui, sans-serif",
            "font-size": "13",
        },
    )
    ET.SubElement(svg, "title").text = "Orchestration map: probe kinds → anchor operations"
    _draw_edges(svg, graph, kinds, ops, groups)
    _draw_nodes(svg, graph, kinds, ops, groups)
    return ET.tostring(svg, encoding="unicode")


# -- Markdown and HTML views -------------------------------------------------------------------


def _outcomes(op: OperationCount) -> str:
    """`7` when every call answered 200 (or ended well), else `7: 200×6, 404×1`."""
    if set(op.statuses) <= {"200", "ok"}:
        return str(op.calls)
    return f"{op.calls}: " + ", ".join(f"{status}×{n}" for status, n in op.statuses.items())


def _operations(kind: KindMap) -> str:
    return ", ".join(f"{op.anchor}.{op.operation_id} ({_outcomes(op)})" for op in kind.operations)


def _totals(omap: OrchestrationMap) -> str:
    if omap.source == "traces":
        return (
            f"Source: traces — from the assistant's traces (OTLP spans, joined to the probes by "
            f"trace id): {omap.calls} calls (HTTP, database, tool), {omap.direct} in a probe's "
            f"trace, {omap.unattributed} in no probe's trace, {omap.unmatched} matching no "
            "documented operation"
        )
    return (
        f"Source: tap — from the recording proxies: {omap.calls} anchor calls recorded: "
        f"{omap.direct} direct, {omap.shared} shared, {omap.ambiguous} ambiguous, "
        f"{omap.unattributed} outside any probe, {omap.unmatched} matching no documented "
        "operation"
    )


def map_markdown(omap: OrchestrationMap | None) -> list[str]:
    if omap is None:
        return []
    lines = [
        "## Orchestration map",
        "",
        _totals(omap) + ".",
        "",
        "```mermaid",
        mermaid(omap),
        "```",
        "",
        "| probe kind | answered | consulted the truth anchor | operations called (calls) |",
        "| --- | --- | --- | --- |",
    ]
    for k in omap.by_kind:
        lines.append(
            f"| {code(k.kind, in_table=True)} | {k.answered} | "
            f"{k.consulted} ({code(k.truth_anchor, in_table=True)}) | "
            f"{code(_operations(k), in_table=True, limit=400)} |"
        )
    lines.append("")
    lines += [
        f"- {'⚠️' if f.severity == 'warning' else 'ℹ️'} {code(f.message, limit=300)}"
        for f in omap.flags
    ]
    lines += ["", f"Join rule: {omap.rule}", ""]
    return lines


@dataclass(frozen=True, slots=True)
class MapView:
    map: OrchestrationMap
    #: Built with ElementTree, which escapes every label: safe to insert as markup.
    svg: Markup
    mermaid: str
    totals: str
    flags: list[MapFlag]
    operations: dict[str, str]


def map_view(omap: OrchestrationMap | None) -> MapView | None:
    if omap is None:
        return None
    svg = Markup(map_svg(omap))  # noqa: S704 (ElementTree-escaped, no script or URL)
    return MapView(
        omap,
        svg,
        mermaid(omap),
        _totals(omap),
        list(omap.flags),
        {k.kind: _operations(k) for k in omap.by_kind},
    )
