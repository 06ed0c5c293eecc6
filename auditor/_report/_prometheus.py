"""The audit as Prometheus metrics: `metrics.prom` (OpenMetrics text) and what is pushed.

Teams watch scheduled jobs in Prometheus and Grafana; this is the audit in their terms. The
metric families are a pure function of the report model, collected into a `CollectorRegistry`
of our own (never the client's global one, which would mix in this process's own metrics and
keep state between audits). Writing the file (`_write.py`) and pushing (`auditor/_push.py`)
happen at the edges.

Names are stable: `docs/metrics.md` lists each with its labels, and a test holds the table,
the examples in `examples/` and the emitted families to one another. Every label value is one
of our own identifiers (the audit's name, the profile, a channel's name from the
configuration, a probe or scenario kind, a verdict, a gate check's name), never text from the
assistant; each is still stripped of control characters and bounded in length, so a long or
odd audit name cannot make a series unwieldy.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence

from prometheus_client import CollectorRegistry
from prometheus_client.metrics_core import Metric
from prometheus_client.openmetrics.exposition import generate_latest
from prometheus_client.registry import Collector

from auditor._report._metrics import percentile
from auditor._report._model import Audit
from auditor._verdict import Verdict

PREFIX = "auditor_"
#: The quantiles of the answer-latency summaries (nearest rank over the audit's probes).
LATENCY_QUANTILES = (0.5, 0.9, 0.95, 0.99)
#: Longest label value kept; longer ones are cut (the audit name is the only free-form one).
MAX_LABEL_LENGTH = 120
#: The label that splits what is pushed into one Pushgateway group per channel.
CHANNEL = "channel"
#: A probe without a channel (a suite that names none) is counted under this one.
NO_CHANNEL = "default"


def label_value(text: str) -> str:
    """A label value: no control characters, at most `MAX_LABEL_LENGTH` characters.

    The exposition format escapes quotes, backslashes and newlines itself; this keeps values
    readable in a dashboard and bounded in size."""
    cleaned = "".join(c if c.isprintable() else " " for c in text).strip()
    return cleaned[:MAX_LABEL_LENGTH] or "unnamed"


def _family(name: str, doc: str, typ: str = "gauge", unit: str = "") -> Metric:
    return Metric(PREFIX + name, doc, typ, unit=unit)


def _base(audit: Audit) -> dict[str, str]:
    return {"audit": label_value(audit.name), "profile": label_value(audit.profile)}


def _readiness(audit: Audit, base: Mapping[str, str]) -> Iterator[Metric]:
    r = audit.readiness
    ready = _family("ready", "1 when the audit is READY (exit code 0), else 0.")
    ready.add_sample(ready.name, dict(base), float(r.ready))
    yield ready
    unread = any(c.name == "min_read_rate" and not c.passed for c in r.checks)
    inconclusive = _family(
        "inconclusive",
        "1 when the audit could not conclude: it could not run, was interrupted, or could "
        "not read enough answers (min_read_rate); never READY then.",
    )
    value = r.could_not_run is not None or audit.status != "complete" or unread
    inconclusive.add_sample(inconclusive.name, dict(base), float(value))
    yield inconclusive
    could_not_run = _family("could_not_run", "1 when the audit could not run (exit code 3).")
    could_not_run.add_sample(could_not_run.name, dict(base), float(r.could_not_run is not None))
    yield could_not_run


def _gate(audit: Audit, base: Mapping[str, str]) -> Iterator[Metric]:
    """Each gate check: its threshold, what was measured (NaN when nothing could be), passed."""
    measured = _family(
        "gate_measured", "What a gate check measured, in its unit; NaN when nothing could be."
    )
    threshold = _family("gate_threshold", "A gate check's threshold, in its unit.")
    passed = _family("gate_passed", "1 when the gate check passed, else 0.")
    for check in audit.readiness.checks:
        labels = {**base, "check": label_value(check.name), "unit": check.unit}
        value = float("nan") if check.measured is None else float(check.measured)
        measured.add_sample(measured.name, labels, value)
        threshold.add_sample(threshold.name, labels, float(check.threshold))
        passed.add_sample(passed.name, labels, float(check.passed))
    yield from (measured, threshold, passed)


def _channel_of(probe: Mapping[str, object]) -> str:
    channel = probe.get("channel")
    return label_value(str(channel)) if channel else NO_CHANNEL


def _verdicts(audit: Audit, base: Mapping[str, str]) -> Iterator[Metric]:
    """Verdict counts by probe kind and channel; every verdict of a pair, zeros included, so
    that a ratio over them never sees a series appear or vanish between audits."""
    counts: Counter[tuple[str, str, str]] = Counter(
        (label_value(str(r.probe.get("kind", ""))), _channel_of(r.probe), r.verdict.value)
        for r in audit.results
    )
    pairs = sorted({(kind, channel) for kind, channel, _ in counts})
    family = _family("probe_verdicts", "Probes by kind, channel and verdict in this audit.")
    for kind, channel in pairs:
        for verdict in Verdict:
            labels = {**base, "kind": kind, CHANNEL: channel, "verdict": verdict.value}
            family.add_sample(family.name, labels, float(counts[(kind, channel, verdict.value)]))
    yield family
    planned = _family("probes_planned", "Probes the plan held.")
    planned.add_sample(planned.name, dict(base), float(audit.planned))
    yield planned
    findings = _family("findings", "Findings (grouped failures) by verdict.")
    by_verdict = Counter(str(f.verdict) for f in audit.findings)
    for found in ("fail", "unanswered", "imprecise"):
        findings.add_sample(findings.name, {**base, "verdict": found}, float(by_verdict[found]))
    yield findings


def _summary(
    family: Metric,
    labels: Mapping[str, str],
    values: Sequence[float],
    quantiles: Iterable[float],
) -> None:
    """Quantile, count and sum samples of one summary series (values in seconds)."""
    for q in quantiles:
        found = percentile(values, q)
        family.add_sample(
            family.name,
            {**labels, "quantile": f"{q:g}"},
            float("nan") if found is None else found,
        )
    family.add_sample(family.name + "_count", dict(labels), float(len(values)))
    family.add_sample(family.name + "_sum", dict(labels), float(sum(values)))


def _latency(audit: Audit, base: Mapping[str, str]) -> Iterator[Metric]:
    latency: dict[str, list[float]] = defaultdict(list)
    ttft: dict[str, list[float]] = defaultdict(list)
    for r in audit.results:
        if r.latency_ms is not None:
            latency[_channel_of(r.probe)].append(r.latency_ms / 1000)
        if r.ttft_ms is not None:
            ttft[_channel_of(r.probe)].append(r.ttft_ms / 1000)
    answer = _family(
        "answer_latency_seconds",
        "Time from question to whole answer, per channel (nearest-rank quantiles).",
        "summary",
        "seconds",
    )
    for channel in sorted(latency):
        _summary(answer, {**base, CHANNEL: channel}, latency[channel], LATENCY_QUANTILES)
    yield answer
    first = _family(
        "first_token_seconds",
        "Time from question to the first streamed token, per channel (streaming channels only).",
        "summary",
        "seconds",
    )
    for channel in sorted(ttft):
        _summary(first, {**base, CHANNEL: channel}, ttft[channel], LATENCY_QUANTILES)
    yield first


#: Lag scenario statuses, grouped as the lag summary counts them.
_LAG_STATUSES = ("reflected", "not_reflected", "inconclusive", "not_run")


def _lag(audit: Audit, base: Mapping[str, str]) -> Iterator[Metric]:
    """Information lag per scenario kind: a summary of the reflected lags (the 1 quantile is
    the longest), and the scenarios by outcome; nothing when the lag phase did not run."""
    if audit.lag is None:
        return
    lag = _family(
        "lag_seconds",
        "Information lag per scenario kind: seconds from a change in the shop to the first "
        "answer reflecting it (reflected scenarios only; 1 is the longest).",
        "summary",
        "seconds",
    )
    scenarios = _family("lag_scenarios", "Lag scenarios per scenario kind by outcome.")
    for kind, stats in sorted(audit.lag.by_kind.items()):
        labels = {**base, "scenario_kind": label_value(kind)}
        lags = [
            r.lag_s
            for r in audit.lag.scenarios
            if r.kind == kind and r.status == "reflected" and r.lag_s is not None
        ]
        _summary(lag, labels, lags, (0.5, 0.95, 1.0))
        for status, count in zip(
            _LAG_STATUSES,
            (stats.reflected, stats.not_reflected, stats.inconclusive, stats.not_run),
            strict=True,
        ):
            scenarios.add_sample(scenarios.name, {**labels, "status": status}, float(count))
    yield from (lag, scenarios)


def _when(audit: Audit, base: Mapping[str, str]) -> Iterator[Metric]:
    finished = _family(
        "finished_timestamp_seconds",
        "When the audit finished (Unix time): alert when a scheduled audit stops arriving.",
        unit="seconds",
    )
    finished.add_sample(finished.name, dict(base), audit.finished_at.timestamp())
    yield finished
    duration = _family("duration_seconds", "How long the audit took.", unit="seconds")
    took = (audit.finished_at - audit.started_at).total_seconds()
    duration.add_sample(duration.name, dict(base), max(took, 0.0))
    yield duration
    info = _family("build", "The tool and report versions that produced the audit.", "info")
    info.add_sample(
        info.name + "_info",
        {
            **base,
            "tool_version": label_value(audit.tool_version),
            "schema_version": label_value(audit.schema_version),
        },
        1.0,
    )
    yield info


def metric_families(audit: Audit) -> list[Metric]:
    """Every metric family of the audit, in a stable order (pure)."""
    base = _base(audit)
    return [
        *_readiness(audit, base),
        *_gate(audit, base),
        *_verdicts(audit, base),
        *_latency(audit, base),
        *_lag(audit, base),
        *_when(audit, base),
    ]


class _Families(Collector):
    """A collector of families computed once: the registry holds the audit, not a live process."""

    def __init__(self, families: Sequence[Metric]) -> None:
        self._families = list(families)

    def collect(self) -> Iterable[Metric]:
        return iter(self._families)


def registry_of(families: Sequence[Metric]) -> CollectorRegistry:
    registry = CollectorRegistry(auto_describe=False)
    registry.register(_Families(families))
    return registry


def metrics_registry(audit: Audit) -> CollectorRegistry:
    """A registry of our own holding the audit's metrics (never the client's global one)."""
    return registry_of(metric_families(audit))


def render_metrics(audit: Audit) -> str:
    """`metrics.prom`: the audit's metrics as OpenMetrics text (ends with `# EOF`)."""
    text: bytes = generate_latest(metrics_registry(audit))  # type: ignore[no-untyped-call]
    return text.decode("utf-8")


def _subset(family: Metric, channel: str | None) -> Metric:
    kept = Metric(family.name, family.documentation, family.type, family.unit)
    kept.samples = [s for s in family.samples if s.labels.get(CHANNEL) == channel]
    return kept


def push_groups(audit: Audit) -> list[tuple[dict[str, str], CollectorRegistry]]:
    """The audit as Pushgateway groups: (grouping key, registry) pairs.

    A group's labels must agree with every series pushed in it, so the audit-wide series
    (readiness, gate, lag) go under `{audit, profile}` and each channel's series (verdicts,
    latency) under `{audit, profile, channel}`; each push replaces its group whole.
    """
    families = metric_families(audit)
    base = _base(audit)
    channels = sorted(
        {s.labels[CHANNEL] for f in families for s in f.samples if CHANNEL in s.labels}
    )
    groups = []
    for channel in [None, *channels]:
        subset = [f for f in (_subset(f, channel) for f in families) if f.samples]
        key = dict(base) if channel is None else {**base, CHANNEL: channel}
        groups.append((key, registry_of(subset)))
    return groups
