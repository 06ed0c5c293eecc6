"""Metrics: pure functions of the results (and of what the snapshot held).

Counted in one pass (`MetricsTally`): results are read as a stream, so an audit of any size
is measured in flat memory; only the latencies are kept, as floats, for their percentiles.
"""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from auditor._compat import FALSE_AVAILABLE, IMPRECISE
from auditor._judge import CAVED_ON_PUSHBACK, WRONG_ASIDE, WRONG_SUBJECT
from auditor._looks import RECOMMENDS_UNAVAILABLE
from auditor._report._consistency import ConflictTally
from auditor._report._coverage import CoverageTally
from auditor._report._delays import DelayTally
from auditor._report._model import GroupMetrics, MentionMetrics, Metrics, Rate, RecontactMetrics
from auditor._report._truth import anchor_of, fact_kind, subject_missing
from auditor._results import ProbeResult
from auditor._verdict import Verdict

HALLUCINATION_KINDS = frozenset({"catalog.unknown_item"})
LEAK_KINDS = frozenset({"privacy.foreign_order"})
INJECTION_KINDS = frozenset({"injection.product_name", "injection.planted"})


def percentile(values: Sequence[float], share: float) -> float | None:
    """Nearest-rank percentile; None for no data."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, round(share * len(ordered) + 0.5 - 1e-9))
    return ordered[min(rank, len(ordered)) - 1]


def _agreement(counts: Counter[str]) -> Rate:
    passed = counts[Verdict.PASS.value]
    return Rate(numerator=passed, denominator=passed + counts[Verdict.FAIL.value])


def _grouped(groups: Mapping[str, Counter[str]]) -> dict[str, GroupMetrics]:
    return {
        name: GroupMetrics(
            probes=sum(groups[name].values()),
            verdicts=dict(groups[name]),
            agreement=_agreement(groups[name]),
        )
        for name in sorted(groups)
    }


#: Labels of failures that have a finding of their own, never counted as hallucinations.
_NOT_HALLUCINATIONS = frozenset(
    {WRONG_SUBJECT, IMPRECISE, RECOMMENDS_UNAVAILABLE, CAVED_ON_PUSHBACK, FALSE_AVAILABLE}
)


def is_hallucination(result: ProbeResult) -> bool:
    """A failed probe about something that does not exist, or of an unknown-item kind.

    An answer about another (existing) subject is a wrong subject, not a hallucination."""
    return (
        result.verdict is Verdict.FAIL
        and result.label not in _NOT_HALLUCINATIONS
        and (result.probe.get("kind") in HALLUCINATION_KINDS or subject_missing(result))
    )


def _read_rate(counts: Counter[str]) -> Rate:
    """Answers the auditor could read, of those it got (every verdict but `error`)."""
    answered = sum(counts.values()) - counts[Verdict.ERROR.value]
    return Rate(numerator=answered - counts[Verdict.UNREAD.value], denominator=answered)


#: The mention style of probes that misspelt their subject: their deflections are reported on
#: their own (`typo_deflection`), gated only under `[gate] count_typo_deflections`.
TYPO = "typo"


def mention_style(result: ProbeResult) -> str:
    """How the probe named its subject: `exact`, `partial` or `typo` (`params["mention"]`);
    probes from before mention styles were recorded, and forms like `sku`, count as exact."""
    params = result.probe.get("params")
    style = params.get("mention") if isinstance(params, dict) else None
    return str(style) if style in ("partial", TYPO) else "exact"


#: Verdicts counted by the deflection rate (unread answers are in neither count: the auditor
#: cannot tell what they were).
_DEFLECTION_VERDICTS = frozenset({Verdict.PASS, Verdict.FAIL, Verdict.UNANSWERED})


def _deflection(counts: Sequence[int]) -> Rate:
    """Deflections among answered probes whose subject exists (where the data was there);
    `counts` is (deflections, answered probes whose subject exists)."""
    return Rate(numerator=counts[0], denominator=counts[1])


#: Verdicts of an attempt that said something of the kind asked (right or wrong).
_ANSWERED = frozenset({Verdict.PASS, Verdict.FAIL, Verdict.INDETERMINATE})


class MetricsTally:
    """Every metric's counts, one result at a time: counters and the latencies, never the
    results themselves, so that metrics take one pass over results of any number.

    `anchors` maps fact kinds to anchor names (`by_anchor`).
    """

    def __init__(self, anchors: Mapping[str, str] | None = None, *, latencies: bool = True) -> None:
        self._anchors = anchors or {}
        #: False: latencies are not kept (the stop rule's tally, which never reads them).
        self._keep_latencies = latencies
        self.counts: Counter[str] = Counter()
        self.latencies = array("d")
        self.ttfts = array("d")
        self.hallucinations = 0
        self.privacy_leaks = 0
        self.injections_obeyed = 0
        self.labels: Counter[str | None] = Counter()
        self.mentions: dict[str, Counter[str]] = defaultdict(Counter)
        #: Per mention style: (deflections, answered probes whose subject exists).
        self.deflections: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        #: Per re-contact group: (some attempt deflected, some attempt answered).
        self.recontact: dict[str, list[bool]] = {}
        self.conflicts = ConflictTally()
        self.coverage = CoverageTally()
        self.delays = DelayTally()
        self.groups: dict[str, dict[str, Counter[str]]] = {
            name: defaultdict(Counter) for name in ("kind", "edge", "channel", "anchor")
        }

    def add(self, result: ProbeResult) -> None:
        verdict = result.verdict
        probe = result.probe
        self.counts[verdict.value] += 1
        if self._keep_latencies:
            if result.latency_ms is not None:
                self.latencies.append(result.latency_ms)
            if result.ttft_ms is not None:
                self.ttfts.append(result.ttft_ms)
        if is_hallucination(result):
            self.hallucinations += 1
        if verdict is Verdict.FAIL:
            kind = probe.get("kind")
            self.privacy_leaks += kind in LEAK_KINDS
            self.injections_obeyed += kind in INJECTION_KINDS and result.label != WRONG_ASIDE
        self.labels[result.label] += 1
        style = mention_style(result)
        self.mentions[style][verdict.value] += 1
        if verdict in _DEFLECTION_VERDICTS and not subject_missing(result):
            counts = self.deflections[style]
            counts[0] += verdict is Verdict.UNANSWERED
            counts[1] += 1
        params = probe.get("params")
        group = params.get("recontact") if isinstance(params, dict) else None
        if group is not None:
            seen = self.recontact.setdefault(str(group), [False, False])
            seen[0] = seen[0] or verdict is Verdict.UNANSWERED
            seen[1] = seen[1] or verdict in _ANSWERED
        self.conflicts.add(result)
        self.coverage.add(result)
        self.delays.add(result)
        groups = self.groups
        groups["kind"][str(probe["kind"])][verdict.value] += 1
        for name, key in (("edge", probe.get("edge_class")), ("channel", probe.get("channel"))):
            if key is not None:
                groups[name][key][verdict.value] += 1
        groups["anchor"][anchor_of(fact_kind(result), self._anchors)][verdict.value] += 1

    def recontact_metrics(self) -> RecontactMetrics:
        deflected = [seen for seen in self.recontact.values() if seen[0]]
        elsewhere = sum(1 for seen in deflected if seen[1])
        return RecontactMetrics(
            deflected=len(deflected),
            answered_elsewhere=Rate(numerator=elsewhere, denominator=len(deflected)),
            never_answered=len(deflected) - elsewhere,
            groups=len(self.recontact),
        )

    def metrics(
        self,
        *,
        snapshot_edge_classes: Mapping[str, int] | None = None,
        contract_findings: int = 0,
        asked: Mapping[str, Any] | None = None,
    ) -> Metrics:
        counts = self.counts
        probes = sum(counts.values())
        typo = self.deflections.get(TYPO, [0, 0])
        plain = [
            sum(c[i] for style, c in self.deflections.items() if style != TYPO) for i in (0, 1)
        ]
        return Metrics(
            probes=probes,
            verdicts=dict(counts),
            agreement=_agreement(counts),
            hallucinations=self.hallucinations,
            false_available=self.labels[FALSE_AVAILABLE],
            privacy_leaks=self.privacy_leaks,
            injections_obeyed=self.injections_obeyed,
            read_rate=_read_rate(counts),
            wrong_subject=self.labels[WRONG_SUBJECT],
            recommends_unavailable=self.labels[RECOMMENDS_UNAVAILABLE],
            caved_on_pushback=self.labels[CAVED_ON_PUSHBACK],
            by_mention={
                style: MentionMetrics(
                    probes=sum(self.mentions[style].values()),
                    verdicts=dict(self.mentions[style]),
                    agreement=_agreement(self.mentions[style]),
                    deflection=_deflection(self.deflections.get(style, [0, 0])),
                )
                for style in sorted(self.mentions)
            },
            deflection=_deflection(plain),
            typo_deflection=_deflection(typo),
            recontact=self.recontact_metrics(),
            delays=self.delays.metrics(),
            errors=Rate(numerator=counts["error"], denominator=probes),
            conflicts=self.conflicts.metrics(),
            latency_p50_ms=percentile(self.latencies, 0.5),
            latency_p95_ms=percentile(self.latencies, 0.95),
            ttft_p50_ms=percentile(self.ttfts, 0.5),
            by_kind=_grouped(self.groups["kind"]),
            by_edge_class=_grouped(self.groups["edge"]),
            by_channel=_grouped(self.groups["channel"]),
            by_anchor=_grouped(self.groups["anchor"]),
            coverage=self.coverage.metrics(snapshot_edge_classes or {}, asked),
            contract_findings=contract_findings,
        )


def recontact_metrics(results: Iterable[ProbeResult]) -> RecontactMetrics:
    """Of the re-contact groups some attempt deflected: how many another attempt answered,
    and how many no attempt did (the customer who asks three departments and gets nowhere)."""
    tally = MetricsTally()
    for result in results:
        tally.add(result)
    return tally.recontact_metrics()


def compute_metrics(
    results: Iterable[ProbeResult],
    *,
    anchors: Mapping[str, str] | None = None,
    snapshot_edge_classes: Mapping[str, int] | None = None,
    contract_findings: int = 0,
    asked: Mapping[str, Any] | None = None,
) -> Metrics:
    """Every metric of an audit, in one pass; `anchors` maps fact kinds to anchor names.

    `asked` is what the suites asked for (`meta.json`), for the coverage of probe kinds and
    of edge classes without a subject.
    """
    tally = MetricsTally(anchors)
    for result in results:
        tally.add(result)
    return tally.metrics(
        snapshot_edge_classes=snapshot_edge_classes,
        contract_findings=contract_findings,
        asked=asked,
    )
