"""`junit.xml`, read back by a real JUnit consumer (junitparser): one failure per failing probe."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from junitparser import Error, Failure, JUnitXml, Skipped

from auditor._report import render_junit, write_reports
from auditor._report._text import clean
from auditor._verdict import Verdict
from tests.unit.report.conftest import (
    HOSTILE_ANSWERS,
    audit,
    hostile_results,
    mixed_results,
    result,
)


def parse(text: str) -> JUnitXml:
    return JUnitXml.fromstring(text.encode("utf-8"))


def probe_cases(xml: JUnitXml):
    apart = ("readiness", "coverage")
    return [(suite.name, case) for suite in xml for case in suite if suite.name not in apart]


def test_one_testcase_per_probe_grouped_by_kind_with_one_failure_per_failing_probe(tmp_path):
    a = audit(mixed_results())
    write_reports(tmp_path, a)
    xml = JUnitXml.fromfile(str(tmp_path / "junit.xml"))
    cases = probe_cases(xml)
    assert len(cases) == len(a.results)
    assert {name for name, _ in cases} == {"stock.availability", "catalog.unknown_item"}
    failures = [c for _, c in cases if any(isinstance(r, Failure) for r in c.result)]
    failing = [r for r in a.results if r.verdict in (Verdict.FAIL, Verdict.UNANSWERED)]
    assert len(failures) == len(failing) == 3
    assert all(len(c.result) == 1 for _, c in cases if c.result)
    errors = [c for _, c in cases if any(isinstance(r, Error) for r in c.result)]
    skipped = [c for _, c in cases if any(isinstance(r, Skipped) for r in c.result)]
    assert len(errors) == 1 and errors[0].result[0].message == "assistant timed out after 30 s"
    assert len(skipped) == 1 and "matches the truth after" in skipped[0].result[0].message


def test_failure_body_holds_question_answer_and_truth():
    xml = parse(render_junit(audit(mixed_results())))
    (case,) = [c for s in xml if s.name == "catalog.unknown_item" for c in s]
    body = case.result[0].text
    assert "question: Is ZZ-9999 in stock?" in body
    assert "answer: Yes, the Blue Kettle is in stock." in body
    assert "truth: does not exist (read 2026-11-24T10:00:00+00:00 from snapshot)" in body


def test_the_gate_is_a_separate_readiness_suite():
    xml = parse(render_junit(audit(mixed_results())))
    (gate,) = [s for s in xml if s.name == "readiness"]
    failed = sorted(c.name for c in gate if c.result)
    assert failed == [
        "max_conflicts",
        "max_deflection_rate",
        "max_error_rate",
        "max_hallucinations",
        "min_agreement",
    ]


def test_hostile_answers_are_carried_as_text():
    results = hostile_results()
    xml = parse(render_junit(audit(results)))
    bodies = [c.result[0].text for _, c in probe_cases(xml)]
    assert len(bodies) == len(HOSTILE_ANSWERS)
    for answer in HOSTILE_ANSWERS[:-1]:
        assert any(f"answer: {clean(answer)}\n" in body for body in bodies), answer
    long_body = next(b for b in bodies if "AAAA" in b)
    assert "shortened: 4,000 of 51,021 characters shown" in long_body
    names = [c.name for _, c in probe_cases(xml)]
    assert any("<b onmouseover=x>|`" in name for name in names)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200), st.text(max_size=60))
def test_any_answer_and_subject_give_a_document_a_parser_accepts(answer, subject):
    a = audit(
        [
            result(
                1,
                verdict=Verdict.FAIL,
                answer=answer,
                subject=subject or "s",
                truth="out_of_stock",
                reason=answer,
            )
        ]
    )
    (_, case) = probe_cases(parse(render_junit(a)))[0]
    shown = clean(answer).replace("\r\n", "\n").replace("\r", "\n")  # as XML parsers read it
    assert f"answer: {shown}" in case.result[0].text
