"""The reference assistant traces itself into the auditor's receiver: the map from its spans.

The assistant reaches the shop through the tap as well, so each of its calls is recorded twice:
once by the tap proxy (with the `traceparent` the assistant propagated), once as an HTTP client
span of the httpx instrumentation. Joined by trace id, the two must tell the same story for every
probe, with no ambiguity at concurrency 8 (the tap's own time-window join cannot promise that).
"""

from __future__ import annotations

from collections import Counter

import pytest

from auditor._tap import read_calls
from auditor._tap._map import map_of_join
from auditor._traces import calls_of, join_traced, read_spans
from auditor.reference.assistant import Faults
from tests.integration.traces._audit import audit_traced

pytestmark = pytest.mark.slow

RETURN_KINDS = ("return.status", "refund.status")


def _per_probe(joined):
    return {
        probe_id: Counter(
            (c.anchor, c.operation_id, c.status, tuple(sorted(c.path_params.items())))
            for c, _ in calls
        )
        for probe_id, calls in joined.calls.items()
    }


def _kinds(omap):
    return [
        (
            k.kind,
            k.answered,
            k.consulted,
            sorted((o.anchor, o.operation_id, o.calls, o.probes) for o in k.operations),
        )
        for k in omap.by_kind
    ]


def test_spans_give_the_taps_map_for_every_probe_at_concurrency_8(tmp_path):
    directory = tmp_path / "a"
    audit, tracing = audit_traced(
        directory, suites=("stock", "orders", "returns"), max_probes=40, tap=True, concurrency=8
    )
    assert tracing.missing == set()  # every answered probe's spans arrived
    omap = audit.orchestration
    assert omap is not None and omap.source == "traces"
    assert omap.ambiguous == 0 and omap.shared == 0 and omap.direct > 0 and omap.unmatched == 0
    results = [r for r in audit.results if r.verdict.value != "error"]
    assert len(results) >= 30 and all(r.trace_id for r in results)
    assert len({r.trace_id for r in audit.results}) == len(audit.results)

    tapped = read_calls(directory / "tap.jsonl")
    spans = read_spans(directory / "traces.jsonl")
    assert tapped and spans
    # Both channels (openai and http adapters) sent each question's trace context, and the
    # assistant propagated it to the shop: the tap saw it on the calls.
    seen = {c.trace_id for c in tapped}
    assert {r.probe["channel"] for r in results if r.trace_id in seen} == {"web", "sms"}
    by_tap = _per_probe(join_traced(audit.results, tapped))
    by_spans = _per_probe(join_traced(audit.results, calls_of(spans)))
    assert by_spans == by_tap
    assert sum(len(calls) for calls in by_spans.values()) == omap.direct
    listed = {a.probe_id: a.calls for a in omap.answers}
    assert set(listed) == {r.probe_id for r in results}
    assert all(c.endswith(" 200") or c.endswith(" 404") for cs in listed.values() for c in cs)
    # The whole map, per probe kind, is the one the tap's calls draw when joined the same way.
    anchors = dict(audit.anchors)
    from_tap = map_of_join(audit.results, join_traced(audit.results, tapped), tapped, anchors)
    assert _kinds(omap) == _kinds(from_tap)
    for kind in omap.by_kind:
        assert kind.consulted == kind.answered > 0, kind
    assert not [f for f in omap.flags if f.severity == "warning"]
    html = (directory / "report.html").read_text(encoding="utf-8")
    assert 'id="orchestration"' in html and "Source: traces" in html


def test_blind_to_returns_shows_from_traces_alone(tmp_path):
    audit, tracing = audit_traced(
        tmp_path / "a",
        faults=Faults(blind_to_returns=True),
        suites=("returns",),
        max_probes=10,
        garbage=True,  # bad exports first: refused, and the audit goes on unharmed
    )
    assert tracing.missing == set()
    assert not (tmp_path / "a" / "tap.jsonl").exists()
    omap = audit.orchestration
    assert omap is not None and omap.source == "traces"
    kinds = {k.kind: k for k in omap.by_kind}
    flags = {f.kind: f for f in omap.flags if f.flag == "not_consulted"}
    for name in RETURN_KINDS:
        kind = kinds[name]
        assert kind.answered > 0 and kind.consulted == 0
        assert all(op.anchor != "returns" for op in kind.operations)
        assert flags[name].message == (
            f"answered {kind.answered} {name} questions without calling the returns API"
        )
    summary = (tmp_path / "a" / "summary.md").read_text(encoding="utf-8")
    assert "without calling the returns API" in summary
    answers = [a for a in omap.answers if a.kind in RETURN_KINDS]
    assert answers and not [c for a in answers for c in a.calls if c.startswith("returns.")]
    html = (tmp_path / "a" / "report.html").read_text(encoding="utf-8")
    assert 'id="answer-calls"' in html


def test_the_audit_exports_its_own_spans_as_the_parents_of_the_assistants(tmp_path):
    directory = tmp_path / "a"
    audit, _ = audit_traced(
        directory,
        faults=Faults(ignores_stock=True),
        suites=("stock",),
        max_probes=12,
        export=True,
        concurrency=4,
    )
    spans = read_spans(directory / "traces.jsonl")
    own = read_spans(tmp_path / "collector.jsonl")
    assert own and {s.service for s in own} == {"readiness-auditor"}
    assert {s.service for s in spans} == {"reference-assistant"}
    names = Counter(s.name.split(" ")[0] + " " + s.name.split(" ")[1] for s in own)
    assert names["audit reference-demo"] == 1 and names["anchor snapshot"] == 1
    probes = {s.trace_id: s for s in own if s.name.startswith("probe ")}
    assert set(probes) == {r.trace_id for r in audit.results}
    assert all(s.parent_span_id is None and s.kind == "client" for s in probes.values())
    for result in audit.results:
        probe = probes[result.trace_id]
        assert probe.name == f"probe {result.probe['kind']}"
        assert (probe.status == "error") == (result.verdict.value == "error")
        served = [
            s for s in spans if s.trace_id == result.trace_id and s.service == "reference-assistant"
        ]
        if result.verdict.value != "error":
            # The assistant's server span is the child of the probe's span, and its calls to
            # the shop (httpx instrumentation) the children of its server span.
            [server] = [s for s in served if s.kind == "server"]
            assert server.parent_span_id == probe.span_id
            calls = [s for s in served if s.category == "http"]
            assert calls and all(c.parent_span_id == server.span_id for c in calls)
    reads = [s for s in own if s.name == "anchor read stock"]
    rechecked = [r for r in audit.results if r.truth_after is not None]
    assert rechecked and len(reads) >= len(rechecked)
    assert all(probes[s.trace_id].span_id == s.parent_span_id for s in reads)
