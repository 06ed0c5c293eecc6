"""`junit.xml`: one testcase per probe, a testsuite per probe kind, for any CI's test view.

Bounded: a kind with more probes than the report sample (`[audit] report_sample`, 200 by
default) lists its failing, erroring and skipped probes first, then passing ones, up to the
bound, and one more testcase stands for the rest: failed when any of them failed, with the
counts and "showing N of M" in its message. CI test views (GitLab, Jenkins, GitHub's test
reporters) show a failure's message and body and count the testcases; they need every failure
to be visible as failing, not every passing probe listed, and a 100,000-testcase document is
more than they load. Every result stays in audit.json.

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

from collections import Counter
from xml.etree import ElementTree as ET  # builds, never parses: nothing untrusted is read

from auditor._report._coverage import not_covered
from auditor._report._decision import stop_words
from auditor._report._delays import delay_words
from auditor._report._junit_cases import ANSWER_LIMIT as ANSWER_LIMIT
from auditor._report._model import Audit, BaselineComparison, GateCheck
from auditor._report._reader import agreement_words, summary_words
from auditor._report._robustness import mention_lines, recontact_words, share
from auditor._report._sample import showing
from auditor._report._text import clean, one_line
from auditor._report._views import KindCases, views_of
from auditor._verdict import Verdict


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
        kind = "undecided" if check.undecided else "gate"
        ET.SubElement(case, "failure", {"message": clean(check.reason), "type": kind})
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
    """The headline rates with their 95 % intervals, the gate's intervals, and robustness
    measured beside the gate: per mention style, and re-contact."""
    m = audit.metrics
    properties = ET.Element("properties")
    shown = [
        ("agreement", share(m.agreement)),
        ("read_rate", share(m.read_rate)),
        ("deflection", share(m.deflection)),
        ("conflict_rate", share(m.conflicts.rate)),
        ("error_rate", share(m.errors)),
        *(
            (f"gate.{c.name}.interval", f"{c.interval[0]:.4f}–{c.interval[1]:.4f}")
            for c in audit.readiness.checks
            if c.interval is not None
        ),
        *([("stopped", stop_words(audit.stopped))] if audit.stopped is not None else []),
        ("caved_on_pushback", str(m.caved_on_pushback)),
        ("false_available", str(m.false_available)),
        ("typo_deflection", share(m.typo_deflection)),
        ("recontact", recontact_words(m.recontact)),
        ("delays", delay_words(m.delays)),
    ]
    if audit.short_of_budget:
        shown.append(("short_of_budget", audit.short_of_budget))
    for style, probes, agreement, deflection in mention_lines(m):
        shown.append(
            (f"mention.{style}", f"{probes} probes, agreement {agreement}, deflection {deflection}")
        )
    if audit.reader is not None:
        shown.append(("reader", summary_words(audit.reader)))
        shown += [(f"reader.agreement.{k}", words) for k, words in agreement_words(audit.reader)]
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


def _more_case(kind: str, cases: KindCases) -> ET.Element | None:
    """The kind's probes beyond the sample, as one testcase: failed when any of them failed
    (an error when any errored and none failed), so a CI view stays red for what it cannot
    list; its message says how many are shown and where the rest are."""
    sample = cases.cases
    if not sample.cut:
        return None
    shown = sample.items()
    omitted = Counter(cases.verdicts)
    for case in shown:
        omitted.subtract([_case_verdict(case)])
    failed = omitted[Verdict.FAIL.value] + omitted[Verdict.UNANSWERED.value]
    errors = omitted[Verdict.ERROR.value]
    rest = sample.total - len(shown)
    counts = ", ".join(f"{n:,} {v}" for v, n in sorted(omitted.items()) if n > 0)
    words = (
        f"{showing(len(shown), sample.total, 'probes')} of this kind; the other {rest:,} "
        f"({counts}) are in audit.json"
    )
    case = ET.Element(
        "testcase",
        {
            "classname": one_line(f"{kind}.more"),
            "name": one_line(f"{rest:,} more probes"),
            "time": "0",
        },
    )
    if failed:
        ET.SubElement(case, "failure", {"message": one_line(words), "type": "more"}).text = words
    elif errors:
        ET.SubElement(case, "error", {"message": one_line(words), "type": "more"}).text = words
    else:
        ET.SubElement(case, "system-out").text = words
    return case


def _case_verdict(case: ET.Element) -> str:
    """The verdict a kept testcase stands for (as `testcase` wrote it)."""
    for tag in ("failure", "error"):
        child = case.find(tag)
        if child is not None:
            return str(child.get("type"))
    skipped = case.find("skipped")
    if skipped is not None:
        return Verdict.UNREAD.value if skipped.get("type") == "unread" else "indeterminate"
    return Verdict.PASS.value


def render_junit(audit: Audit) -> str:
    """The JUnit document; a probe kind with more probes than the views keep lists its
    failures first, then passes, up to the bound, and one testcase for the rest (`_more_case`).
    """
    views = views_of(audit)
    timestamp = audit.started_at.isoformat(timespec="seconds")
    suites = []
    for kind, cases in sorted(views.junit.items()):
        listed = cases.cases.items()
        more = _more_case(kind, cases)
        suites.append(
            _suite(kind, listed if more is None else [*listed, more], cases.ms / 1000, timestamp)
        )
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
