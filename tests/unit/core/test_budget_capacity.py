"""A plan smaller than its budget says why: the data's bound, or the planner's shares."""

from __future__ import annotations

import functools
import random
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from markupsafe import escape

from auditor._config import GateSection
from auditor._facts import Snapshot, StockFact, availability_of
from auditor._probes import load_suites, plan_probes
from auditor._probes._capacity import bucket_capacities, budget_note
from auditor._report import build_audit, render_html, render_junit, render_markdown
from auditor.reference.shop._catalogue import build_catalogue
from tests.unit.report.conftest import meta, mixed_results

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


@functools.cache
def _shop() -> Snapshot:
    items = build_catalogue(random.Random(11), 30, NOW)
    facts = [
        StockFact(i.sku, i.name, availability_of(None, n % 7), n % 7, NOW)
        for n, i in enumerate(items)
    ]
    return Snapshot.of(NOW, stock=facts)


def _note(kinds: set[str], budget: int) -> tuple[int, int | None, str | None]:
    suites = [s for s in load_suites(["stock"]) if s.kind in kinds]
    plan = plan_probes(_shop(), suites, max_probes=budget, seed=7, channels=["web"])
    buckets = bucket_capacities(_shop(), suites, max_probes=budget, channels=1)
    bounded = [b.distinct for b in buckets]
    supported = None if None in bounded else sum(d or 0 for d in bounded)
    return (
        len(plan),
        supported,
        budget_note(budget, len(plan), buckets, Counter(p.kind for p in plan)),
    )


@pytest.mark.slow
def test_a_budget_the_data_cannot_fill_names_the_data():
    planned, supported, note = _note({"stock.quantity"}, 400)
    assert supported is not None and planned <= supported < 400  # an honest upper bound
    assert note is not None
    assert note.startswith(f"budget 400, planned {planned:,}: the shop's data supports at most")
    assert f"{supported:,} distinct probes" in note
    assert "subjects × 3 phrasings × 5 mention forms" in note


@pytest.mark.slow
def test_a_budget_the_shares_cannot_fill_names_the_short_buckets():
    kinds = {"stock.availability", "recommend.available", "catalog.unknown_item"}
    planned, supported, note = _note(kinds, 300)
    assert supported is None  # made-up unknown SKUs: the data sets no bound
    assert note is not None and note.startswith(f"budget 300, planned {planned:,}: ")
    assert "draws its weighted share of the budget" in note
    assert "recommend.available × shared_noun: 2 nouns × 3 phrasings = 6 of a share of" in note


def test_a_filled_budget_says_nothing():
    planned, _, note = _note({"stock.quantity"}, 40)
    assert planned == 40 and note is None


def test_every_report_says_why_the_plan_is_short():
    why = "budget 10,000, planned 6,874: the shop's data supports at most 6,874 distinct probes"
    results = mixed_results()
    audit = build_audit(
        meta(planned=len(results), budget={"max_probes": 10_000, "planned": 6_874, "why": why}),
        results,
        gate=GateSection(),
        contract_findings=[],
        status="complete",
        finished_at=NOW + timedelta(minutes=1),
    )
    assert audit.short_of_budget == why
    assert f"Plan short of its budget: {why}." in render_markdown(audit)
    assert f"plan short of its budget: {escape(why)}" in render_html(audit)
    assert f'name="short_of_budget" value="{why}"' in render_junit(audit)
    plain = build_audit(
        meta(planned=len(results)),
        results,
        gate=GateSection(),
        contract_findings=[],
        status="complete",
        finished_at=NOW,
    )
    assert "short_of_budget" not in plain.model_dump_json()  # older audits' bytes unchanged
