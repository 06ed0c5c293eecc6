"""`junit.xml`: one testcase per probe, a testsuite per probe kind, for any CI's test view.

`fail` and `unanswered` are failures whose body holds the question, the answer and the truth;
`error` verdicts are errors; `indeterminate` ones are skipped with the reason, and `unread` ones
(the auditor could not read the answer: its own limit, not the assistant's failure) are skipped
with the reason and the same body, answer included, so a CI view shows what could not be read.
A last testsuite, `readiness`, holds the gate's checks (and the baseline comparison), so the
gate shows up in the same view; it is apart from the probe suites, whose failures are one per
failing probe.

The document is built with ElementTree, which escapes markup; characters XML 1.0 forbids are
removed first, since no escaping can carry them.
"""

from __future__ import annotations

from collections import defaultdict
from xml.etree import ElementTree as ET  # builds, never parses: nothing untrusted is read

from auditor._report._coverage import not_covered
from auditor._report._delays import delay_words
from auditor._report._model import Audit, BaselineComparison, GateCheck
from auditor._report._robustness import mention_lines, recontact_words, share
from auditor._report._text import clean, excerpt, one_line
from auditor._report._truth import question, truth, truth_word
from auditor._results import ProbeResult
from auditor._verdict import Verdict

#: Characters of an answer in a failure's body; the rest stays in audit.json.
ANSWER_LIMIT = 4000
_FAILED = (Verdict.FAIL, Verdict.UNANSWERED)


def _short(text: str, limit: int) -> str:
    cut = excerpt(text, limit=limit)
    return cut.text + (f"\n{cut.note}" if cut.note else "")


def _body(result: ProbeResult) -> str:
    record = truth(result)
    read = "" if record is None else f" (read {record.read_at.isoformat()} from {record.source})"
    lines = [
        f"probe: {result.probe_id} · {result.probe.get('kind')} · "
        f"edge class {result.probe.get('edge_class') or '-'} · "
        f"channel {result.probe.get('channel') or '-'}",
        f"subject: {result.probe.get('subject')}",
        f"question: {question(result)}",
        f"answer: {_short(result.answer or '', ANSWER_LIMIT)}",
        f"truth: {truth_word(result)}{read}",
        f"verdict: {result.verdict.value}: {result.reason}",
    ]
    return clean("\n".join(lines))


def _testcase(result: ProbeResult) -> ET.Element:
    probe = result.probe
    name = f"{probe.get('subject')} · {probe.get('channel') or 'default'} · {result.probe_id}"
    case = ET.Element(
        "testcase",
        {
            "classname": one_line(f"{probe.get('kind')}.{probe.get('edge_class') or 'any'}"),
            "name": one_line(name),
            "time": f"{(result.latency_ms or 0.0) / 1000:.3f}",
        },
    )
    message = one_line(_short(result.reason, 500))
    if result.verdict in _FAILED:
        child = ET.SubElement(case, "failure", {"message": message, "type": result.verdict.value})
        child.text = _body(result)
    elif result.verdict is Verdict.ERROR:
        child = ET.SubElement(case, "error", {"message": message, "type": "error"})
        child.text = _body(result)
    elif result.verdict is Verdict.INDETERMINATE:
        ET.SubElement(case, "skipped", {"message": message})
    elif result.verdict is Verdict.UNREAD:
        child = ET.SubElement(case, "skipped", {"message": message, "type": "unread"})
        child.text = _body(result)
    return case


def _suite(name: str, cases: list[ET.Element], seconds: float, timestamp: str) -> ET.Element:
    suite = ET.Element(
        "testsuite",
        {
            "name": one_line(name),
            "tests": str(len(cases)),
            "failures": str(sum(1 for c in cases if c.find("failure") is not None)),
            "errors": str(sum(1 for c in cases if c.find("error") is not None)),
            "skipped": str(sum(1 for c in cases if c.find("skipped") is not None)),
            "time": f"{seconds:.3f}",
            "timestamp": timestamp,
        },
    )
    suite.extend(cases)
    return suite


def _check_case(check: GateCheck) -> ET.Element:
    case = ET.Element("testcase", {"classname": "readiness.gate", "name": check.name, "time": "0"})
    if not check.passed:
        ET.SubElement(case, "failure", {"message": clean(check.reason), "type": "gate"})
    return case


def _baseline_case(comparison: BaselineComparison) -> ET.Element:
    case = ET.Element(
        "testcase",
        {
            "classname": "readiness.baseline",
            "name": one_line(f"no regression against {comparison.run_id}"),
            "time": "0",
        },
    )
    lines = [f"new: {f.kind}: {f.pattern} ({f.count})" for f in comparison.new_findings]
    lines += [f"fixed: {f.kind}: {f.pattern} ({f.count})" for f in comparison.fixed_findings]
    lines += [f"{d.name}: {d.baseline} -> {d.current}" for d in comparison.deltas]
    out = ET.SubElement(case, "system-out")
    out.text = clean("\n".join(lines))
    if comparison.regressed:
        failure = ET.SubElement(
            case,
            "failure",
            {"message": one_line("; ".join(comparison.regressions)), "type": "regression"},
        )
        failure.text = clean("\n".join(comparison.regressions))
    return case


def _properties(audit: Audit) -> ET.Element:
    """Robustness measured beside the gate: per mention style, and re-contact."""
    m = audit.metrics
    properties = ET.Element("properties")
    shown = [
        ("caved_on_pushback", str(m.caved_on_pushback)),
        ("typo_deflection", share(m.typo_deflection)),
        ("recontact", recontact_words(m.recontact)),
        ("delays", delay_words(m.delays)),
    ]
    for style, probes, agreement, deflection in mention_lines(m):
        shown.append(
            (f"mention.{style}", f"{probes} probes, agreement {agreement}, deflection {deflection}")
        )
    for name, value in shown:
        ET.SubElement(properties, "property", {"name": name, "value": one_line(value)})
    return properties


def _coverage_cases(audit: Audit) -> list[ET.Element]:
    """One skipped testcase per edge class or probe kind asked for and not covered."""
    cases = []
    for line in not_covered(audit.metrics.coverage):
        name, _, why = line.partition(": ")
        attributes = {"classname": "coverage", "name": one_line(name), "time": "0"}
        case = ET.Element("testcase", attributes)
        ET.SubElement(case, "skipped", {"message": one_line(why)})
        cases.append(case)
    return cases


def render_junit(audit: Audit) -> str:
    by_kind: dict[str, list[ProbeResult]] = defaultdict(list)
    for result in audit.results:
        by_kind[str(result.probe.get("kind"))].append(result)
    timestamp = audit.started_at.isoformat(timespec="seconds")
    suites = [
        _suite(
            kind,
            [_testcase(r) for r in results],
            sum(r.latency_ms or 0.0 for r in results) / 1000,
            timestamp,
        )
        for kind, results in sorted(by_kind.items())
    ]
    gate = [_check_case(c) for c in audit.readiness.checks]
    if audit.readiness.could_not_run is not None:
        outage = ET.Element(
            "testcase", {"classname": "readiness", "name": "the audit ran", "time": "0"}
        )
        message = one_line(f"could not run: {audit.readiness.could_not_run}")
        ET.SubElement(outage, "error", {"message": message, "type": "could_not_run"})
        gate.insert(0, outage)
    if audit.baseline is not None:
        gate.append(_baseline_case(audit.baseline))
    readiness = _suite("readiness", gate, 0.0, timestamp)
    readiness.insert(0, _properties(audit))
    suites.append(readiness)
    if coverage := _coverage_cases(audit):
        suites.append(_suite("coverage", coverage, 0.0, timestamp))
    root = ET.Element(
        "testsuites",
        {
            "name": one_line(f"readiness audit {audit.name} ({audit.run_id})"),
            "tests": str(sum(int(s.get("tests", "0")) for s in suites)),
            "failures": str(sum(int(s.get("failures", "0")) for s in suites)),
            "errors": str(sum(int(s.get("errors", "0")) for s in suites)),
            "skipped": str(sum(int(s.get("skipped", "0")) for s in suites)),
            "time": f"{(audit.finished_at - audit.started_at).total_seconds():.3f}",
        },
    )
    root.extend(suites)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")
