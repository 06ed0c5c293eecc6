"""One JUnit testcase per probe: its name, its class, and the body a CI view shows.

Apart from `_junit` so that the report views can build the testcases they keep while reading
the results as a stream (`_views`), without importing the renderer that reads the views.
"""

from __future__ import annotations

from xml.etree import ElementTree as ET  # builds, never parses: nothing untrusted is read

from auditor._report._reader import READ_BY_MODEL, decided_by_model
from auditor._report._text import clean, excerpt, one_line
from auditor._report._truth import question, truth, truth_word
from auditor._results import ProbeResult
from auditor._verdict import Verdict

#: Characters of an answer in a failure's body; the rest stays in audit.json.
ANSWER_LIMIT = 4000
FAILED = (Verdict.FAIL, Verdict.UNANSWERED)


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
        *([f"reader: {READ_BY_MODEL}"] if decided_by_model(result) else []),
    ]
    return clean("\n".join(lines))


def testcase(result: ProbeResult) -> ET.Element:
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
    if result.verdict in FAILED:
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
    if decided_by_model(result) and result.verdict not in FAILED:
        ET.SubElement(case, "system-out").text = _body(result)  # says who read it
    return case
