"""Minimal cases as data: same failure, simpler case, the plan's own wording, stored lines."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor._probes import PROBE_KINDS, Probe, plan_probes
from auditor._probes._planner import DrawRenderer
from auditor._probes._strategies import MENTIONS
from auditor._shrink import (
    MinimalCase,
    complexity,
    draw_of,
    failure_pattern,
    read_minimal,
    write_minimal,
)
from auditor._store import MINIMAL_FILE
from auditor._verdict import Verdict
from tests.unit.shrink._data import SUITES, judged, shop

SNAPSHOT = shop()


def probe(subject: str, *, mention: str = "name", phrasing: int = 0) -> Probe:
    return Probe(
        kind="stock.availability",
        subject=subject,
        fact_kind="stock",
        turns=("q",),
        edge_class="catalogued_out_of_stock",
        channel="web",
        phrasing=f"stock.availability#{phrasing}",
        params=(("mention", mention),),
    )


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.nested_given])
@given(seed=st.integers(0, 2**32), channels=st.integers(1, 2))
def test_the_renderer_words_every_plan_probe_exactly_as_the_plan_did(seed, channels):
    names = ["web", "sms"][:channels]
    for planned in plan_probes(
        SNAPSHOT, list(SUITES.values()), max_probes=60, seed=seed, channels=names
    ):
        assert planned.edge_class is not None and planned.channel is not None
        renderer = DrawRenderer(
            SNAPSHOT,
            SUITES[planned.kind],
            PROBE_KINDS[planned.kind],
            planned.edge_class,
            planned.channel,
        )
        again = renderer.probe(draw_of(planned))
        assert again == planned
        assert again.id == planned.id


def test_a_pattern_is_what_was_said_against_what_is_true():
    failed = judged(SNAPSHOT, probe("KT-0021"), fails=True)
    assert failure_pattern(failed) == "says in_stock where the truth is out_of_stock"
    assert failure_pattern(judged(SNAPSHOT, probe("KT-0021"), fails=False)) is None
    leak = failed.model_copy(update={"accepted": []})
    assert failure_pattern(leak) == "says in_stock where nothing should be said"
    for verdict in (Verdict.UNANSWERED, Verdict.ERROR, Verdict.INDETERMINATE):
        assert failure_pattern(failed.model_copy(update={"verdict": verdict})) is None


def test_plain_ascii_then_short_names_then_exact_mentions_then_plain_phrasing_come_first():
    cup, jar, torch = "KT-0021", "KT-0026", "KT-0023"  # Cup, Jar, Crème Brûlée Torch
    order = [
        probe(cup),
        probe(cup, mention="sku"),
        probe(cup, mention="typo"),
        probe(cup, mention="typo", phrasing=3),
        probe(jar),
        probe("KT-0028"),  # Salt Mill
        probe(torch),
    ]
    keys = [complexity(SNAPSHOT, p) for p in order]
    assert keys == sorted(keys)
    assert list(MENTIONS) == ["name", "sku", "lower", "partial", "typo"]


def test_minimal_cases_survive_the_file(tmp_path: Path):
    assert read_minimal(tmp_path) is None
    result = judged(SNAPSHOT, probe("KT-0021"), fails=True)
    case = MinimalCase(
        kind="stock.availability",
        edge_class="catalogued_out_of_stock",
        pattern=str(failure_pattern(result)),
        probe=result.probe,
        result=result,
        original_probe_id="abc",
        examples=4,
        asked=2,
        stopped="done",
    )
    write_minimal(tmp_path, [case, case])
    assert (tmp_path / MINIMAL_FILE).read_text().count("\n") == 2
    assert read_minimal(tmp_path) == [case, case]
    assert case.to_probe() == Probe.from_json(result.probe)
    write_minimal(tmp_path, [])
    assert read_minimal(tmp_path) == []


def test_a_case_cannot_carry_unknown_fields():
    result = judged(SNAPSHOT, probe("KT-0021"), fails=True)
    data = {
        "kind": "k",
        "edge_class": None,
        "pattern": "p",
        "probe": result.probe,
        "result": result,
        "original_probe_id": "x",
        "examples": 1,
        "asked": 1,
        "stopped": "done",
    }
    MinimalCase.model_validate(data)
    with pytest.raises(ValueError, match="extra"):
        MinimalCase.model_validate({**data, "secret": "no"})
    with pytest.raises(ValueError, match="stopped"):
        MinimalCase.model_validate({**data, "stopped": "whenever"})


def test_draw_of_reads_subject_wording_and_identity():
    planned = dataclasses.replace(
        probe("KT-0021", mention="partial", phrasing=5), customer_id="C-1", id=""
    )
    draw = draw_of(planned)
    assert (draw.subject, draw.phrasing, draw.mention, draw.customer_id) == (
        "KT-0021",
        5,
        "partial",
        "C-1",
    )
