"""Unread answers, answers about another subject and imprecise answers, in metrics, the gate,
findings and every report format."""

from __future__ import annotations

from junitparser import JUnitXml, Skipped

from auditor._config import GateSection
from auditor._report import compute_metrics, decide, render_html, render_junit, render_markdown
from auditor._report._findings import group_findings
from auditor._verdict import Verdict
from tests.unit.report.conftest import audit, result

MUMBLE = "Blorp <script>alert(1)</script> | `wump` **fizzle**"


def unread(n: int, answer: str = MUMBLE):
    return result(
        n,
        verdict=Verdict.UNREAD,
        answer=answer,
        said=None,
        reason=f"could not read a availability claim about KT-{n:04d}",
    )


def clean(count: int):
    return [result(n) for n in range(count)]


def test_read_rate_counts_unread_of_the_answered_and_leaves_errors_out():
    errors = [result(90 + n, verdict=Verdict.ERROR, answer=None, said=None) for n in range(2)]
    m = compute_metrics([*clean(18), unread(50), unread(51), *errors])
    assert (m.read_rate.numerator, m.read_rate.denominator) == (18, 20)


def test_unread_is_neither_agreement_nor_deflection():
    deflected = result(60, verdict=Verdict.UNANSWERED, said=None, answer="Please call us.")
    m = compute_metrics([*clean(9), deflected, unread(50), unread(51), unread(52)])
    assert (m.agreement.numerator, m.agreement.denominator) == (9, 9)
    assert (m.deflection.numerator, m.deflection.denominator) == (1, 10)
    assert m.by_kind["stock.availability"].agreement.denominator == 9


def test_a_low_read_rate_is_inconclusive_never_ready_and_says_how_to_fix_it():
    readiness = decide(GateSection(), compute_metrics([*clean(18), unread(50), unread(51)]))
    assert not readiness.ready
    (check,) = [c for c in readiness.checks if c.name == "min_read_rate"]
    assert not check.passed and check.measured == 0.9
    for words in ("inconclusive", "2 of 20", "[vocabulary]", "auditor review DIR", "--rejudge"):
        assert words in check.reason, words
    assert check.reason in readiness.reasons


def test_the_read_rate_threshold_is_configurable():
    metrics = compute_metrics([*clean(18), unread(50), unread(51)])
    assert decide(GateSection(min_read_rate=0.9), metrics).ready


WRONG = {
    "verdict": Verdict.FAIL,
    "label": "wrong_subject",
    "reason": "answered about Blue Kettle Pro (KT-0002) when asked about Blue Kettle (KT-0001)",
}


def test_wrong_subject_is_counted_gated_and_not_a_hallucination():
    wrong = [result(70 + n, subject="KT-0001", **WRONG) for n in range(2)]
    unknown = result(
        80, kind="catalog.unknown_item", truth=None, subject="ZZ-0001", **{**WRONG, "reason": "x"}
    )
    m = compute_metrics([*clean(30), *wrong, unknown])
    assert m.wrong_subject == 3 and m.hallucinations == 0
    readiness = decide(GateSection(min_agreement=0), m)
    (check,) = [c for c in readiness.checks if c.name == "max_wrong_subject"]
    assert not check.passed and not readiness.ready and check.measured == 3


def test_wrong_subject_findings_are_grouped_by_asked_and_answered():
    other = "answered about Blue Kettle Max (KT-0003) when asked about Blue Kettle (KT-0001)"
    results = [
        result(70, subject="KT-0001", **WRONG),
        result(71, subject="KT-0001", **WRONG),
        result(72, subject="KT-0001", **{**WRONG, "reason": other}),
    ]
    findings = group_findings(results)
    assert sorted((f.pattern, f.count) for f in findings) == [(other, 1), (WRONG["reason"], 2)]


def test_imprecise_passes_are_a_finding_of_their_own_that_no_gate_counts():
    imprecise = result(
        80,
        kind="catalog.unknown_item",
        edge_class="unknown_sku",
        subject="ZZ-0001",
        truth=None,
        said="out_of_stock",
        answer="That one is out of stock.",
        label="imprecise",
        reason="imprecise: says out_of_stock where the truth is not_carried",
    )
    a = audit([*clean(20), imprecise])
    assert a.readiness.ready and a.metrics.hallucinations == 0
    (finding,) = a.findings
    assert finding.verdict == "imprecise" and finding.pattern.startswith("imprecise: says")


def test_junit_skips_unread_answers_with_reason_and_answer():
    a = audit([*clean(3), unread(50)])
    xml = JUnitXml.fromstring(render_junit(a).encode("utf-8"))
    skipped = [
        r
        for suite in xml
        if suite.name != "coverage"  # edge classes this small audit did not reach
        for case in suite
        for r in case.result
        if isinstance(r, Skipped)
    ]
    assert len(skipped) == 1
    assert skipped[0].message == "could not read a availability claim about KT-0050"
    assert MUMBLE in (skipped[0].text or "")


def test_markdown_lists_unread_answers_as_inert_text():
    text = render_markdown(audit([*clean(3), unread(50), unread(51, "x" * 2_000)]))
    assert "## Unread answers (2)" in text
    assert "| answers read | 60.0% (3/5; 95% CI 23.1%–88.2%) |" in text
    section = text.split("## Unread answers (2)", 1)[1]
    assert "``Blorp <script>alert(1)</script> \\| `wump` **fizzle**``" in section
    assert "[shortened: 500 of 2,000 characters shown" in section


def test_html_lists_unread_answers_escaped():
    page = render_html(audit([*clean(3), unread(50)]))
    section = page.split('<section id="unread">', 1)[1].split("</section>", 1)[0]
    assert "Blorp &lt;script&gt;alert(1)&lt;/script&gt;" in section
    assert "<script>alert" not in page
    assert "answers read (3 of 4)" in page


def test_no_unread_section_when_everything_was_read():
    a = audit(clean(3))
    assert "Unread answers" not in render_markdown(a)
    assert 'id="unread"' not in render_html(a)
