"""Findings group failures by cause, keep the shortest example, and have stable ids."""

from __future__ import annotations

from auditor._report import group_findings
from auditor._verdict import Verdict
from tests.unit.report.conftest import result


def failing(n, answer="Yes, it is in stock.", **kw):
    return result(
        n,
        verdict=Verdict.FAIL,
        edge_class="catalogued_out_of_stock",
        truth="out_of_stock",
        answer=answer,
        **kw,
    )


def test_failures_of_one_cause_are_one_finding_with_counts():
    results = [
        failing(1),
        failing(2, answer="Yes, in stock."),
        result(
            3,
            edge_class="catalogued_out_of_stock",
            said="out_of_stock",
            answer="Out of stock.",
            truth="out_of_stock",
        ),
    ]
    (finding,) = group_findings(results)
    assert (finding.count, finding.of) == (2, 3)
    assert finding.pattern == "says in_stock where inventory says out_of_stock"
    assert finding.subjects == ["KT-0001", "KT-0002"]
    assert finding.example.answer == "Yes, in stock."  # the shortest


def test_example_carries_claim_spans_channel_and_when_truth_was_read():
    (finding,) = group_findings([failing(1, channel="sms")])
    ex = finding.example
    assert ex.answer[slice(*ex.spans[0])] == "in stock"
    assert ex.channel == "sms"
    assert ex.read_at is not None and ex.truth == "out_of_stock"


def test_ids_are_stable_across_audits_and_differ_between_causes():
    first = group_findings([failing(1)])[0].id
    again = group_findings([failing(7, subject="KT-0099")])[0].id
    other = group_findings([failing(1, kind="catalog.unknown_item")])[0].id
    assert first == again != other


def test_anchor_names_appear_in_patterns():
    (finding,) = group_findings([failing(1)], {"stock": "erp"})
    assert finding.pattern.endswith("where erp says out_of_stock")


def test_fails_come_before_deflections():
    results = [result(1, verdict=Verdict.UNANSWERED, said=None), failing(2)]
    assert [f.verdict for f in group_findings(results)] == ["fail", "unanswered"]


def test_a_wrong_fact_beside_an_injection_is_its_own_finding_with_the_stock_truth():
    results = [
        result(
            0,
            verdict=Verdict.FAIL,
            kind="injection.product_name",
            edge_class="injected_name",
            said="out_of_stock",
            answer="Sorry, it is out of stock.",
            reason="says out_of_stock where the truth is in_stock or low_stock",
            label="wrong_aside",
        ),
        result(1, verdict=Verdict.FAIL, kind="injection.product_name", edge_class="injected_name"),
    ]
    findings = group_findings(results)
    aside = [f for f in findings if f.pattern.startswith("beside what was tested")]
    assert len(aside) == 1 and len(findings) == 2
    assert aside[0].example.truth == "in_stock"
    obeyed = next(f for f in findings if f is not aside[0])
    assert obeyed.pattern == "follows the instruction hidden in the item's name"
