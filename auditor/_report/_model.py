"""The audit as data: one versioned model; every report format is a view of it.

`schema_version` follows semver for readers of `audit.json`: a new optional field is a minor
bump, a renamed or removed field a major one. `schemas/audit.schema.json` is exported from this
module (`python -m auditor._report._schema`) and a test keeps it current.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, computed_field, model_validator

from auditor._lag import LagSummary
from auditor._names import FailOn as FailOn
from auditor._report._intervals import wilson
from auditor._results import ProbeResult
from auditor._tap import OrchestrationMap

#: 1.5 added: each rate's `interval`, the gate's `confidence`/`undecided`/`more_answers`,
#: `stopped`, `metrics.delays`, `reader`, `short_of_budget`, each result's `trace_id` and
#: `model_reading`, and the orchestration map's `source`; every 1.4 document is a 1.5 one.
#: 1.6 added `metrics.false_available` (0 when absent: every 1.5 document is a 1.6 one).
SCHEMA_VERSION = "1.6"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Rate(_Model):
    """A share with the counts it was computed from, so readers can judge small samples."""

    numerator: int
    denominator: int

    @model_validator(mode="before")
    @classmethod
    def _drop_derived(cls, data: Any) -> Any:
        """`value` and `interval` are written for readers of the JSON; they are derived, so
        reading ignores them."""
        if isinstance(data, dict) and ("value" in data or "interval" in data):
            return {k: v for k, v in data.items() if k not in ("value", "interval")}
        return data

    @computed_field  # type: ignore[prop-decorator]
    @property
    def value(self) -> float | None:
        return None if self.denominator == 0 else self.numerator / self.denominator

    @computed_field  # type: ignore[prop-decorator]
    @property
    def interval(self) -> tuple[float, float] | None:
        """Added in 1.5: the 95 % Wilson score interval of `value` (`_intervals.py` says why
        Wilson); None without data."""
        return wilson(self.numerator, self.denominator)


class GroupMetrics(_Model):
    probes: int
    verdicts: dict[str, int]
    agreement: Rate


class MentionMetrics(GroupMetrics):
    """A mention style's probes (added in 1.4): agreement, and deflection where data exists."""

    deflection: Rate


class RecontactMetrics(_Model):
    """Re-contact (added in 1.4): questions asked again in fresh sessions and on other
    channels (`recontact` probes), among those that some attempt deflected."""

    #: Re-contact groups in which at least one attempt deflected.
    deflected: int = 0
    #: Of those, the groups another attempt answered (said something of the kind asked).
    answered_elsewhere: Rate = Field(default_factory=lambda: Rate(numerator=0, denominator=0))
    #: Of those, the groups no attempt answered.
    never_answered: int = 0
    #: Re-contact groups asked in all.
    groups: int = 0


class Coverage(_Model):
    """What could have been probed against what was: edge classes, order or return states."""

    possible: list[str]
    covered: list[str]
    missing: list[str]
    rate: Rate
    #: Added in 1.3: subjects the data holds per possible edge class; a class the suites ask
    #: for with none is missing with 0 ("not covered: 0 subjects").
    subjects: dict[str, int] = Field(default_factory=dict)
    #: Added in 1.3: why a missing entry was not covered, where the audit knows.
    why: dict[str, str] = Field(default_factory=dict)


class DelayMetrics(_Model):
    """Late and stalled orders (issue 24): the owners' questions about an order that was late
    or stalled when read, and what the answers said of the delay."""

    #: Distinct late, stalled or partly late orders asked about (an answer came back).
    orders_asked: int = 0
    #: Answers about them.
    answers: int = 0
    #: Answers that said the order is late (an apology for it included).
    acknowledged: int = 0
    #: Answers that apologised for the delay.
    apologised: int = 0
    #: Answers that handed the order on or opened an enquiry.
    escalated: int = 0
    #: Answers that reassured instead (`reassures_late`): gated by `max_reassured_late`.
    reassured: int = 0
    #: Answers that gave a new date no anchor holds (`invents_date`).
    invented_dates: int = 0


class CoverageMetrics(_Model):
    #: Edge classes with members in the snapshot or asked for by the suites, against those
    #: probed.
    edge_classes: Coverage
    #: Canonical order states, against the truth statuses seen in order probes.
    order_states: Coverage
    #: Canonical return states, against the truth statuses seen in return probes.
    return_states: Coverage
    #: Added in 1.3: the probe kinds the suites name, against those with an answer (a verdict
    #: other than `error`); None for audits that did not record what the suites asked.
    probe_kinds: Coverage | None = None


class ConflictMetrics(_Model):
    """Consistency across phrasings and channels: probes sharing `params["group"]`.

    A group counts once at least two of its probes made a judged claim about the same truth; it
    conflicts when such claims differ (answers given while the truth differed are not compared).
    """

    rate: Rate
    conflicting_groups: list[str]
    #: Per channel: conflicting groups it took part in, of the groups it took part in.
    by_channel: dict[str, Rate]


class Metrics(_Model):
    probes: int
    verdicts: dict[str, int]
    #: Judged answers (pass or fail) that agree with the truth.
    agreement: Rate
    #: Claims about things that do not exist: unknown items said to exist, and any failed probe
    #: whose truth says the subject does not exist.
    hallucinations: int
    #: Added in 1.6: answers promising a sale (in stock, a count above zero) of an item with no
    #: unit to sell before the question and after the answer (`false_available`).
    false_available: int = 0
    #: Another customer's order disclosed.
    privacy_leaks: int
    #: Instructions hidden in product names that the assistant followed.
    injections_obeyed: int = 0
    #: Added in 1.3: answers the auditor could read (not `unread`), of the probes that got an
    #: answer (not `error`).
    read_rate: Rate = Field(default_factory=lambda: Rate(numerator=0, denominator=0))
    #: Added in 1.3: `fail`s whose claims are about another item, order or return.
    wrong_subject: int = 0
    #: Recommendations of items that cannot be bought today (`recommend.available`).
    recommends_unavailable: int = 0
    #: Added in 1.4: right first answers that flipped to wrong ones when the customer pushed back.
    caved_on_pushback: int = 0
    #: Added in 1.4: agreement and deflection per mention style (`exact`, `partial`, `typo`).
    by_mention: dict[str, MentionMetrics] = Field(default_factory=dict)
    #: Added in 1.4: deflections on misspelt mentions, kept out of `deflection`; the gate
    #: counts them only under `[gate] count_typo_deflections = true`.
    typo_deflection: Rate = Field(default_factory=lambda: Rate(numerator=0, denominator=0))
    #: Added in 1.4: what another attempt made of deflected questions.
    recontact: RecontactMetrics = Field(default_factory=RecontactMetrics)
    #: Late and stalled orders (issue 24); zeros in audits written before it.
    delays: DelayMetrics = Field(default_factory=DelayMetrics)
    #: Answers that deflected although the data exists, of the probes whose subject exists
    #: (misspelt mentions apart: `typo_deflection`).
    deflection: Rate
    errors: Rate
    conflicts: ConflictMetrics
    latency_p50_ms: float | None
    latency_p95_ms: float | None
    ttft_p50_ms: float | None
    by_kind: dict[str, GroupMetrics]
    by_edge_class: dict[str, GroupMetrics]
    by_channel: dict[str, GroupMetrics]
    #: Keyed by anchor name (the anchor each probe's fact kind is read from).
    by_anchor: dict[str, GroupMetrics]
    coverage: CoverageMetrics
    contract_findings: int = 0


class Example(_Model):
    probe_id: str
    subject: str
    channel: str | None = None
    question: str
    answer: str
    #: Character spans of `answer` the verdict rests on (the judged claims).
    spans: list[tuple[int, int]] = Field(default_factory=list)
    truth: str
    read_at: datetime | None
    #: `model` when the verdict rests on the model reader's reading (issue 21); not written
    #: otherwise.
    read_by: Literal["model"] | None = Field(None, exclude_if=lambda value: value is None)


class Finding(_Model):
    id: str
    #: `imprecise` (added in 1.3): passes that are not quite right, e.g. an unknown SKU said to
    #: be out of stock; shown, never gated.
    verdict: Literal["fail", "unanswered", "imprecise"]
    kind: str
    edge_class: str | None
    #: What was said against what is true, e.g. "says in_stock where inventory says out_of_stock".
    pattern: str
    count: int
    #: Probes of the same kind and edge class, for "7 of 7".
    of: int
    subjects: list[str]
    #: The failing probe with the shortest answer.
    example: Example


class GateCheck(_Model):
    name: str
    #: `share` thresholds are fractions (0.95 is 95 %), `count` ones whole numbers, `seconds`
    #: durations (the information lag).
    unit: Literal["share", "count", "seconds"] = "share"
    threshold: float
    measured: float | None
    passed: bool
    reason: str
    #: Added in 1.5: the interval of a measured share, at `[gate] confidence` (95 % when it is
    #: unset); None for counts, durations and shares without data.
    interval: tuple[float, float] | None = None
    #: Added in 1.5: under `[gate] confidence`, a share whose interval straddles its threshold
    #: (or that has no data yet): neither passed nor failed, and the audit is not ready.
    undecided: bool = False
    #: Added in 1.5: for an undecided check, the further answers likely needed (the answers at
    #: which the interval around the same share would clear the threshold); None when no number
    #: would (the share sits on the threshold, or nothing was measured).
    more_answers: int | None = None
    #: Added in 1.5: the answers (or groups) a share was measured over, its denominator; None
    #: for counts and durations.
    answers: int | None = None


class FindingRef(_Model):
    """A finding as a baseline remembers it: enough to name it, matched by `id`."""

    id: str
    verdict: str
    kind: str
    edge_class: str | None
    pattern: str
    count: int


class MetricDelta(_Model):
    name: str
    baseline: float | None
    current: float | None
    #: current - baseline; None when either side could not be measured.
    delta: float | None
    better: Literal["higher", "lower"]
    #: The metric moved the wrong way; only gate metrics count as regressions.
    worse: bool
    gated: bool


class BaselineComparison(_Model):
    """This audit against an earlier one: findings by id, headline metrics by name."""

    source: str
    run_id: str
    name: str
    finished_at: datetime | None
    new_findings: list[FindingRef]
    fixed_findings: list[FindingRef]
    persisting_findings: int
    deltas: list[MetricDelta]
    regressed: bool
    #: One line per regression: each new finding and each gate metric that got worse.
    regressions: list[str]


class Readiness(_Model):
    ready: bool
    checks: list[GateCheck]
    #: `gate`: ready when every check passes; `regression`: ready unless the audit regressed
    #: against its baseline (the checks are still reported).
    fail_on: FailOn = "gate"
    #: Why the audit is not ready, one line each (empty when ready).
    reasons: list[str] = Field(default_factory=list)
    #: Added in 1.3: why the audit could not run (exit code 3: the assistant or the anchors
    #: did not answer for most probes); None when it ran. Such an audit is never ready.
    could_not_run: str | None = None
    #: Added in 1.5: `[gate] confidence`, the confidence share checks were decided at; None
    #: when they compared the measured share as it is.
    confidence: float | None = None


class StopRecord(_Model):
    """Added in 1.5: the audit ran under `[audit] stop = "decided"`: whether, and after how
    many questions, the gate was decided (`auditor/_report/_decision.py`)."""

    #: The gate was decided before the plan ran out.
    decided: bool
    #: Questions asked (results, the deadline's cuts aside) of the `planned` ones.
    after: int
    planned: int
    confidence: float
    min_per_class: int
    #: How it was decided, or what it still lacked when the plan ran out.
    why: str


class SnapshotInfo(_Model):
    taken_at: datetime
    counts: dict[str, int]
    edge_classes: dict[str, int]


class ContractFindingRecord(_Model):
    anchor: str
    operation_id: str
    status: int
    path: str
    reason: str
    example: str


class DependencyRow(_Model):
    """One line of the data-dependency map: an anchor, a fact kind, how much rests on it."""

    anchor: str
    fact_kind: str
    facts: int
    probes: int
    failures: int
    contract_findings: int


class TrendPoint(_Model):
    run_id: str
    finished_at: datetime
    ready: bool
    #: The headline metrics (as in a baseline comparison); None where not measured.
    metrics: dict[str, float | None]


class Trend(_Model):
    """The key metrics of the last audits of this name and profile (the history database).

    Oldest first; the last point is this audit.
    """

    points: list[TrendPoint]


class Rejudged(_Model):
    """The stored answers were judged again (`auditor report DIR --rejudge`): read with the
    extractor of `tool_version` and the configuration whose digest is `config_digest`, against
    the truth stored with them. Nothing was asked again; `results.jsonl` is as the run wrote it.
    """

    at: datetime
    tool_version: str
    config_digest: str
    #: The configuration file given with `-c`, or the audit's own (`meta.json`).
    config_source: str
    #: The digest of the configuration the audit was run with.
    original_config_digest: str | None = None
    #: Where the re-judged results are, beside the original `results.jsonl`.
    results_file: str
    #: Results whose verdict differs from the one the run gave.
    changed: int
    #: Where the item names came from: `items.json`, or the facts stored with the results
    #: (audits written before `items.json` existed).
    catalogue: str


class KindAgreement(_Model):
    """How often the two readers read one claim kind alike (`auditor/_reader/_agreement.py`)."""

    kind: str
    #: Answers where both read the same values of this kind.
    agree: int
    #: Answers where either read a claim of this kind.
    of: int
    rate: float | None


class ReaderSummary(_Model):
    """The model reader's part in the audit (issue 21): how many answers it read, at what
    cost, how many verdicts rest on its reading, and how often it agreed with the rules."""

    mode: str
    model: str
    #: Answers sent to the model (or found in the cache).
    answers: int
    cached: int
    #: Answers the model could not read (down, timed out, HTTP error, not the JSON asked for).
    failed: int
    #: Verdicts that rest on the model's reading (its claims are marked `reader: "model"`).
    decided: int
    #: Claims the model made whose quote is not in the answer: dropped.
    dropped: int
    seconds: float
    tokens: int
    #: Per claim kind, over the answers both read (compare mode reads every answer).
    agreement: list[KindAgreement] = Field(default_factory=list)


class Audit(_Model):
    schema_version: str = SCHEMA_VERSION
    name: str
    run_id: str
    status: Literal["complete", "interrupted"]
    started_at: datetime
    finished_at: datetime
    profile: str
    seed: int
    config_digest: str
    tool_version: str
    channels: list[str]
    snapshot: SnapshotInfo
    #: Fact kind -> the anchor it is read from.
    anchors: dict[str, str] = Field(default_factory=dict)
    planned: int
    metrics: Metrics
    readiness: Readiness
    findings: list[Finding]
    contract_findings: list[ContractFindingRecord] = Field(default_factory=list)
    dependencies: list[DependencyRow] = Field(default_factory=list)
    baseline: BaselineComparison | None = None
    #: Added in 1.2; None when the audit was run without a history database.
    trend: Trend | None = None
    #: Added in 1.2: the information-lag phase (`lag.jsonl`); None when it did not run.
    lag: LagSummary | None = None
    #: Added in 1.2: which anchor calls the answers rested on (`tap.jsonl`); None untapped.
    orchestration: OrchestrationMap | None = None
    #: Added in 1.3: the stored answers were judged again; None when they were not.
    rejudged: Rejudged | None = None
    #: Added in 1.5: under `[audit] stop = "decided"`, when the audit stopped; None otherwise.
    stopped: StopRecord | None = None
    #: The model reader (`[reader]`, issue 21); not written when the audit had none.
    reader: ReaderSummary | None = Field(None, exclude_if=lambda value: value is None)
    #: Why the plan is smaller than its budget, e.g. "budget 10,000, planned 6,874: the shop's
    #: data supports at most …"; written only when it is (so not in older audits).
    short_of_budget: str | None = Field(default=None, exclude_if=lambda v: v is None)
    #: Every result, in report order. `build_audit` keeps the stored results here as a lazily
    #: read sequence (`StoredResults`), never in memory; `audit.json` streams them.
    results: list[ProbeResult]
    #: What the views list (`_report._views.ReportViews`), kept while the results streamed by.
    _views: Any = PrivateAttr(default=None)
