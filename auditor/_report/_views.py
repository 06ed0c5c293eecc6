"""What the report formats list, kept while the results stream past: bounded samples, counts.

The HTML probe table, the unread answers (HTML and Markdown) and the JUnit testcases list
probes one by one. A `ReportViews` keeps, in one pass, at most `limit` of each (failures first
when there are more; see `_sample`) and counts the rest, so rendering holds a few hundred
results whatever the size of the audit. JUnit keeps its testcases per probe kind, already
built, with the kind's verdict counts and total time.

`build_audit` fills the views in the pass that counts the metrics and attaches them to the
audit; an `Audit` read back from `audit.json` (or made in a test) gets its views from its
results on first use.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET  # builds, never parses: nothing untrusted is read

from auditor._report._junit_cases import testcase
from auditor._report._sample import DEFAULT_SAMPLE, BoundedSample
from auditor._results import ProbeResult
from auditor._verdict import Verdict

if TYPE_CHECKING:
    from auditor._report._model import Audit


@dataclass(slots=True)
class KindCases:
    """One probe kind's JUnit testcases (a bounded sample) and what they stand for."""

    cases: BoundedSample[ET.Element]
    verdicts: Counter[str] = field(default_factory=Counter)
    #: The kind's latencies summed, in milliseconds (the suite's time, all probes counted).
    ms: float = 0.0


@dataclass(slots=True)
class ReportViews:
    limit: int = DEFAULT_SAMPLE
    probes: BoundedSample[ProbeResult] = field(init=False)
    unread: BoundedSample[ProbeResult] = field(init=False)
    junit: dict[str, KindCases] = field(default_factory=dict)
    latencies: array[float] = field(default_factory=lambda: array("d"))

    def __post_init__(self) -> None:
        self.probes = BoundedSample(self.limit)
        self.unread = BoundedSample(self.limit)

    def add(self, result: ProbeResult, *, latency: bool = True) -> None:
        """Count one result; `latency=False` when the caller keeps the latencies itself."""
        notable = result.verdict is not Verdict.PASS
        self.probes.add(lambda: result, notable=notable)
        if result.verdict is Verdict.UNREAD:
            self.unread.add(lambda: result)
        kind = str(result.probe.get("kind"))
        cases = self.junit.get(kind)
        if cases is None:
            cases = self.junit[kind] = KindCases(BoundedSample(self.limit))
        cases.cases.add(lambda: testcase(result), notable=notable)
        cases.verdicts[result.verdict.value] += 1
        cases.ms += result.latency_ms or 0.0
        if latency and result.latency_ms is not None:
            self.latencies.append(result.latency_ms)


def collect_views(results: Iterable[ProbeResult], limit: int = DEFAULT_SAMPLE) -> ReportViews:
    views = ReportViews(limit)
    for result in results:
        views.add(result)
    return views


def views_of(audit: Audit) -> ReportViews:
    """The views `build_audit` kept; for an audit made otherwise, collected from its results
    (once: they are kept on the audit)."""
    views = audit._views
    if not isinstance(views, ReportViews):
        views = collect_views(audit.results)
        audit._views = views
    return views
