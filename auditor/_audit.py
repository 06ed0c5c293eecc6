"""One audit, end to end: anchors → snapshot → plan → runner → results → reports.

This is the only module that wires the layers together; each layer below stays ignorant of
the others' I/O.
"""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import json
import secrets
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from contextlib import AsyncExitStack, nullcontext
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from auditor._adapters import ADAPTERS, AdapterError, AdapterSettings, Assistant, Conversation
from auditor._adapters._redacting import RedactingAssistant
from auditor._anchors import (
    AnchorConfigError,
    AnchorError,
    Anchors,
    AnchorUnreachable,
    open_anchors,
)
from auditor._claims import Claim, ExtractionContext, Vocabulary
from auditor._config import AuditConfig, ConfigError, GateSection
from auditor._customers import customer_auth, identities
from auditor._edges import edge_class_members
from auditor._events import (
    AuditFinished,
    AuditStarted,
    EventBus,
    Handler,
    ProbeFinished,
    ProbeStarted,
)
from auditor._facts import Snapshot
from auditor._instructions import InstructionRules
from auditor._probes import (
    KindPlan,
    PlanScope,
    Probe,
    ScopeFactory,
    asked_record,
    load_suites,
    plan_probes,
    unread_fact_kinds,
)
from auditor._probes._capacity import bucket_capacities, budget_note
from auditor._probes._planted import KIND as PLANTED
from auditor._probes._planted import planted_probes
from auditor._redact import Redactor
from auditor._results import (
    DEADLINE_REASON,
    RESULTS_FILE,
    ResultsStore,
    answered_ids,
    stored_results,
)
from auditor._runner import ProbeJudge, RateLimiter, RunSettings, run_probes
from auditor._shards import Shard
from auditor._store import (
    BUDGET_KEY,
    CONTRACT_FILE,
    FINISHED_KEY,
    ITEMS_FILE,
    META_FILE,
    RECORDS_FILE,
    REJUDGED_FILE,
    REJUDGED_RESULTS_FILE,
    STATUS_KEY,
    STOP_KEY,
    read_contract_findings,
    read_meta,
    read_plan,
    read_rejudged,
    write_json,
    write_plan,
)
from auditor._traces._tracing import AuditTracing
from auditor._verdict import Verdict

if TYPE_CHECKING:
    # The phases after the questions (shrink, lag, reports, history) are imported where they
    # run: importing them cost about half of the time before an audit's first question.
    from auditor._report._decision import StopWatch
    from auditor._report._model import Audit

TOOL_VERSION = "0.1.0"


class AuditCouldNotRun(Exception):
    """The anchors or the assistant could not be reached or set up (exit code 3)."""


@dataclass(frozen=True, slots=True)
class AuditOptions:
    directory: Path
    env: Mapping[str, str]
    #: Where relative paths in the configuration are resolved.
    base_dir: Path
    resume: bool = False
    handlers: Sequence[Handler] = ()
    #: Narrows the plan: the production profile's test customers and rotation (`_profiles`).
    scope: ScopeFactory | None = None
    #: Runs one slice of the plan (`auditor run --shard K/N`, `_shards`).
    shard: Shard | None = None
    #: Trace context, the receiver's settle wait and the audit's own spans
    #: (`_traces.audit_tracing`); None: random trace ids, nothing received or exported.
    tracing: AuditTracing | None = None


@dataclass(frozen=True, slots=True)
class AuditOutcome:
    directory: Path
    audit: Audit


def new_audit_dir(out_dir: Path, now: datetime | None = None) -> Path:
    """A new folder under `out_dir`, named by the moment (to the millisecond) and so the run id.

    Milliseconds: audits of one configuration share one history keyed by run id, whatever
    their `--out`; two written to different folders within a second once shared a run id, and
    the history kept only the later one. A name taken in `out_dir` gets a random suffix."""
    moment = now or datetime.now(UTC)
    stamp = moment.strftime("%Y-%m-%dT%H-%M-%S") + f".{moment.microsecond // 1000:03d}Z"
    directory = out_dir / stamp
    while directory.exists():
        directory = out_dir / f"{stamp}-{secrets.token_hex(2)}"
    return directory


_REDACTED = "<redacted: not stored>"


def _redact_headers(node: Any) -> Any:
    """Literal header values may be credentials; `{{env.NAME}}` templates name them safely.

    A customer's `headers` are a table per channel, each redacted the same way."""
    if isinstance(node, dict):
        return {
            key: (
                {h: _redact_value(v) for h, v in value.items()}
                if key == "headers" and isinstance(value, dict)
                else _redact_headers(value)
            )
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_redact_headers(item) for item in node]
    return node


def _redact_value(value: Any) -> Any:
    if isinstance(value, dict):
        return {h: _redact_value(v) for h, v in value.items()}
    return value if "{{" in str(value) else _REDACTED


def stored_config(config: AuditConfig) -> dict[str, Any]:
    """The configuration as `meta.json` keeps it for `auditor replay`: no literal header value.

    The file itself names secrets only by environment variable, but a header written out
    literally (`Authorization = "Bearer …"`) would otherwise land in every audit directory.
    """
    data = _redact_headers(config.model_dump(mode="json"))
    assert isinstance(data, dict)
    return data


def config_digest(config: AuditConfig) -> str:
    return "sha256:" + hashlib.sha256(config.model_dump_json().encode()).hexdigest()


def _snapshot_info(snapshot: Snapshot) -> dict[str, Any]:
    return {
        "taken_at": snapshot.taken_at.isoformat(),
        "counts": {
            "stock": len(snapshot.stock),
            "orders": len(snapshot.orders),
            "returns": len(snapshot.returns),
        },
        "edge_classes": {k: len(v) for k, v in edge_class_members(snapshot).items()},
    }


def _extractor(snapshot: Snapshot, vocabulary: Vocabulary | None = None) -> Any:
    """Claims as the audit reads them: the shop's item names and its `[vocabulary]`."""
    return extractor_for(
        {sku: fact.name for sku, fact in snapshot.stock.items()},
        vocabulary,
        orders=snapshot.orders,
        returns=snapshot.returns,
    )


def extractor_for(
    items: Mapping[str, str],
    vocabulary: Vocabulary | None = None,
    *,
    orders: Iterable[str] = (),
    returns: Iterable[str] = (),
) -> Any:
    """`extract(text, now)` over a catalogue (SKU -> name), the shop's order and return ids
    and a vocabulary; shared with the re-judging of stored answers (`auditor report
    --rejudge`)."""
    from auditor._claims._records import shop_records

    records = shop_records(orders, returns)
    # The item index is built once (~1 ms per 50 items) and shared by every clock's context;
    # the clock only resolves relative dates ("tomorrow"), so one context per date reads the same.
    base = ExtractionContext(items=items, vocabulary=vocabulary or Vocabulary(), records=records)
    contexts: dict[date, ExtractionContext] = {}
    # The rules (`extract`: every rule module, their tables, markdown-it) are imported here,
    # before the first question, although deferring them to the first answer would start the
    # audit ~0.2 s sooner: that import blocks the event loop, and answers arriving meanwhile
    # would have it counted in their measured latency.
    from auditor._claims._extract import extract

    def run(text: str, now: datetime) -> list[Claim]:
        context = contexts.get(now.date())
        if context is None:
            context = contexts[now.date()] = base.at(now)
        return extract(text, context=context)

    return run


def open_reader(
    config: AuditConfig, env: Mapping[str, str], directory: Path, redactor: Redactor
) -> Any:
    """The `[reader]` model reader, or None: imported only when one is configured, so that an
    audit without one loads none of it (issue 21)."""
    if config.reader is None:
        return None
    from auditor._reader._client import ModelReader

    return ModelReader(config.reader, env, directory, redact=redactor.text)


def _enter_reader(
    config: AuditConfig, options: AuditOptions, redactor: Redactor, stack: AsyncExitStack
) -> Any:
    reader = open_reader(config, options.env, options.directory, redactor)
    if reader is not None:
        stack.push_async_callback(reader.aclose)
    return reader


def _untaught(snapshot: Snapshot, config: AuditConfig) -> Any:
    """The extractor without `[vocabulary]`, to mark claims a taught phrase read (`review`);
    None without a reader or a vocabulary (nothing to tell apart)."""
    if config.reader is None or not config.vocabulary:
        return None
    return _extractor(snapshot, None)


async def _open_assistants(
    config: AuditConfig, settings: AdapterSettings, stack: AsyncExitStack
) -> dict[str, Assistant]:
    """Every channel's adapter, its answers and errors cleaned of the configuration's secrets."""
    redactor = Redactor.from_config(config, settings.env)
    assistants: dict[str, Assistant] = {}
    for entry in config.assistant:
        try:
            assistant: Assistant = ADAPTERS.get(entry.kind)(entry, settings)
        except AdapterError as error:
            raise AuditCouldNotRun(f"assistant {entry.name}: {redactor.text(str(error))}") from None
        stack.push_async_callback(assistant.aclose)
        if redactor:
            assistant = RedactingAssistant(assistant, redactor.text)
        assistants[entry.name] = assistant
    return assistants


def _suites(config: AuditConfig, options: AuditOptions) -> list[KindPlan]:
    return load_suites(config.probes.suites, [options.base_dir / f for f in config.probes.files])


def plan_for(
    config: AuditConfig,
    snapshot: Snapshot,
    suites: Sequence[KindPlan],
    channels: Sequence[str],
    scope: PlanScope | None = None,
) -> list[Probe]:
    """The whole plan an audit of `config` draws from `snapshot` (before a shard's slice and
    planted probes); `auditor explore`'s `:plan` shares it, so both draw the same probes."""
    injection = config.probes.injection
    return plan_probes(
        snapshot,
        suites,
        max_probes=config.audit.max_probes,
        seed=config.audit.seed,
        channels=channels,
        scope=scope,
        instructions=InstructionRules.of(injection.patterns, injection.subjects),
        min_per_class=config.audit.min_per_class,
    )


def _plan(
    config: AuditConfig, options: AuditOptions, snapshot: Snapshot
) -> tuple[list[Probe], dict[str, Any]]:
    """The probes to run, and what shaped them (scope, shard) for meta.json."""
    suites = _suites(config, options)
    scope = None if options.scope is None else options.scope(snapshot, suites)
    channels = [a.name for a in config.assistant]
    plan = plan_for(config, snapshot, suites, channels, scope)
    shaped: dict[str, Any] = {} if scope is None else {"scope": scope.to_json()}
    # Of the whole plan, before a shard takes its slice: every shard (and the merge) agree.
    shaped["asked"] = asked_record(snapshot, suites, plan, scope)
    if len(plan) < config.audit.max_probes:
        shaped[BUDGET_KEY] = _short_of_budget(config, snapshot, suites, scope, plan)
    if options.shard is not None:
        plan, shaped["shard"] = options.shard.select(plan)
    if _plants(config) and (options.shard is None or options.shard.index == 1):
        plan += planted_probes(snapshot, config.audit.seed, channels, plan)
    return plan, shaped


def _short_of_budget(
    config: AuditConfig,
    snapshot: Snapshot,
    suites: Sequence[KindPlan],
    scope: PlanScope | None,
    plan: Sequence[Probe],
) -> dict[str, Any]:
    """meta.json's record of a plan smaller than its budget, and why (the console and every
    report say it); computed from the data the planner drew from, not by planning again."""
    budget = config.audit.max_probes
    buckets = bucket_capacities(
        snapshot,
        suites,
        max_probes=budget,
        channels=len(config.assistant),
        scope=scope,
        rules=InstructionRules.of(
            config.probes.injection.patterns, config.probes.injection.subjects
        ),
    )
    why = budget_note(budget, len(plan), buckets, Counter(p.kind for p in plan))
    return {"max_probes": budget, "planned": len(plan), "why": why}


def _plants(config: AuditConfig) -> bool:
    """Planted injections change the shop: only with a sandbox, never in production."""
    sandbox = config.sandbox
    return (
        config.probes.injection.plant
        and sandbox.enabled
        and sandbox.rename is not None
        and config.audit.profile != "production"
    )


def _start(
    config: AuditConfig, options: AuditOptions, snapshot: Snapshot, redactor: Redactor
) -> tuple[list[Probe], dict[str, Verdict]]:
    """The plan, and the verdicts of its probes an earlier run finished (when resumed)."""
    directory = options.directory
    if options.resume:
        plan = read_plan(directory)
        planned = {p.id for p in plan}
        # All with a result but the deadline's cuts.
        done = {
            r.probe_id: r.verdict
            for r in stored_results(directory)  # a stream: one result in memory at a time
            if r.reason != DEADLINE_REASON and r.probe_id in planned
        }
        meta = read_meta(directory)  # refuses a directory that is not an audit's
        if FINISHED_KEY in meta or STATUS_KEY in meta:  # the earlier run's end is no more
            ended = {FINISHED_KEY, STATUS_KEY}
            write_json(directory / META_FILE, {k: v for k, v in meta.items() if k not in ended})
        # New answers make an earlier re-judging out of date: the run's verdicts stand again.
        (directory / REJUDGED_FILE).unlink(missing_ok=True)
        return plan, done
    directory.mkdir(parents=True, exist_ok=True)
    plan, shaped = _plan(config, options, snapshot)
    meta = {
        "name": config.audit.name,
        "run_id": directory.name,
        "started_at": datetime.now(UTC).isoformat(),
        "profile": config.audit.profile,
        "seed": config.audit.seed,
        "config_digest": config_digest(config),
        "tool_version": TOOL_VERSION,
        "channels": [a.name for a in config.assistant],
        "snapshot": _snapshot_info(snapshot),
        "planned": len(plan),
        "gate": config.gate.model_dump(),
        "anchors": {
            kind: name for name, anchor in config.anchors.items() for kind in anchor.mappings()
        },
        # What `auditor replay` needs without the config file: env var names, never secrets.
        "config": stored_config(config),
        "base_dir": str(options.base_dir),
        **shaped,
    }
    write_json(directory / META_FILE, redactor.data(meta))
    write_plan(directory, plan)
    # What extraction knew of the shop's names, so that stored answers can be read again.
    write_json(directory / ITEMS_FILE, {sku: fact.name for sku, fact in snapshot.stock.items()})
    # And of its order and return ids, however the shop writes them (`_claims/_records.py`).
    records = {"orders": sorted(snapshot.orders), "returns": sorted(snapshot.returns)}
    write_json(directory / RECORDS_FILE, redactor.data(records))
    return plan, {}


def _stop_watch(
    config: AuditConfig,
    directory: Path,
    plan: Sequence[Probe],
    done: Mapping[str, Verdict],
    bus: EventBus,
) -> StopWatch | None:
    """Under `stop = "decided"`, the watch the runner consults, primed with the results of an
    earlier run (resumed) and fed this run's as they finish (on `bus`). The rule goes to
    meta.json, so that the reports (and a merge of shards) decide the same way, and the gate's
    confidence with it when it was unset. Without it, an earlier run's rule is dropped: this
    run asks the whole plan."""
    meta = read_meta(directory)
    if config.audit.stop != "decided":
        if STOP_KEY in meta:
            write_json(directory / META_FILE, {k: v for k, v in meta.items() if k != STOP_KEY})
        return None
    from auditor._report._decision import StopPlan, StopWatch  # the report model: only here

    # The planted injections are asked after the plan, only when it was not decided first.
    rule = StopPlan.of(
        (p for p in plan if p.kind != PLANTED), config.gate.confidence, config.audit.min_per_class
    )
    gate = {**meta["gate"], "confidence": meta["gate"].get("confidence") or rule.confidence}
    write_json(directory / META_FILE, {**meta, STOP_KEY: rule.to_json(), "gate": gate})
    earlier = (
        [r for r in stored_results(directory) if r.probe_id in done and r.reason != DEADLINE_REASON]
        if done
        else []
    )
    watch = StopWatch(GateSection.model_validate(gate), rule, earlier)
    bus.subscribe(lambda e: watch.add(e.result) if isinstance(e, ProbeFinished) else None)
    return watch


def check_reads(suites: Sequence[KindPlan], anchors: Anchors, snapshot: Snapshot) -> None:
    """Refuse a snapshot without a record of a fact kind the suites probe (exit 2).

    Otherwise that kind's probes would silently vanish from the plan, and an audit that asked
    nothing about stock could look complete: a wrong `items_path`, an empty `list`, a mapping
    whose `fields` fit no record all end here, named by anchor, operation and path.
    """
    problems = [
        f"the suites ask {', '.join(kinds)}, but {line}"
        for fact_kind, kinds in unread_fact_kinds(snapshot, suites).items()
        for line in anchors.why_empty(fact_kind)
    ]
    if problems:
        raise ConfigError("anchors", [*problems, "no question was asked"])


async def _take_snapshot(anchors: Anchors, tracing: AuditTracing | None = None) -> Snapshot:
    try:
        with nullcontext() if tracing is None else tracing.snapshot():
            return await anchors.snapshot()
    except AnchorUnreachable as error:
        raise AuditCouldNotRun(str(error)) from None
    except AnchorError as error:
        raise AuditCouldNotRun(f"anchors: {error}") from None


def _save_contract_findings(directory: Path, anchors: Anchors) -> None:
    """Merge this run's contract findings with those of earlier (resumed) runs."""
    merged = {
        json.dumps(f, sort_keys=True, default=str): f for f in read_contract_findings(directory)
    }
    for finding in anchors.contract_findings:
        record = dataclasses.asdict(finding)
        merged.setdefault(json.dumps(record, sort_keys=True, default=str), record)
    write_json(directory / CONTRACT_FILE, list(merged.values()))


def _ended(
    directory: Path,
    meta: dict[str, Any],
    status: Literal["complete", "interrupted"],
    finished_at: datetime,
) -> dict[str, Any]:
    meta = {**meta, FINISHED_KEY: finished_at.isoformat(), STATUS_KEY: status}
    write_json(directory / META_FILE, meta)
    return meta


def report_sample(meta: Mapping[str, Any]) -> int:
    """The probes each report view lists, as the audit was configured (`meta.json`)."""
    stored = (meta.get("config") or {}).get("audit") or {}
    value = stored.get("report_sample") if isinstance(stored, dict) else None
    if isinstance(value, int) and value >= 1:
        return value
    from auditor._report._sample import DEFAULT_SAMPLE

    return DEFAULT_SAMPLE


def _finished_at(meta: Mapping[str, Any], results: Iterable[Any]) -> datetime:
    """The stored end; for a directory whose run never got that far (killed), the last
    result's end, or the start: a moment the stored data fixes, never the time of rendering."""
    stored = meta.get(FINISHED_KEY)
    if stored:
        return datetime.fromisoformat(str(stored))
    ends = (r.finished_at for r in results)
    return max(ends, default=datetime.fromisoformat(str(meta["started_at"])))


def finish(
    directory: Path,
    status: Literal["complete", "interrupted"] | None = None,
    *,
    env: Mapping[str, str] | None = None,
    finished_at: datetime | None = None,
    redactor: Redactor | None = None,
) -> Audit:
    """Build and write the reports from what is on disk alone.

    Used at the end of a run, after an interruption, and by `auditor report DIR`. The run
    passes its status and the moment it ended (`finished_at`), kept in meta.json; re-rendering
    passes neither and reads them back, so the same directory always renders the same bytes.
    For a directory without them (a killed run), the audit is complete when every planned probe
    has a result other than the deadline's cut (such a probe was never answered: `--resume`
    asks it again). `env` is only consulted for `GITHUB_STEP_SUMMARY`; `redactor` cleans every
    rendered report of the configuration's secrets (a run passes its own; what is on disk was
    cleaned when written).

    Once the stored answers have been judged again (`auditor report --rejudge`), the reports
    are those verdicts, under that configuration's gate, every time they are rendered.
    """
    from auditor._history import read_trend
    from auditor._lag import read_lag
    from auditor._report._baseline import read_stored_baseline
    from auditor._report._build import build_audit
    from auditor._report._model import Rejudged
    from auditor._report._write import write_reports
    from auditor._tap import TAP_FILE, read_calls
    from auditor._traces import TRACES_FILE, read_spans

    meta = read_meta(directory)
    rejudged = read_rejudged(directory)
    # Read lazily, as a stream, each time they are needed: never all of them in memory.
    results = stored_results(directory, REJUDGED_RESULTS_FILE if rejudged else RESULTS_FILE)
    if status is not None and finished_at is not None:
        meta = _ended(directory, meta, status, finished_at)
    if status is None:
        recorded = meta.get(STATUS_KEY)
        status = recorded if recorded in ("complete", "interrupted") else None
    if status is None:
        planned = {p.id for p in read_plan(directory)}
        status = "complete" if planned <= answered_ids(results) else "interrupted"
    stored = read_stored_baseline(directory)
    audit = build_audit(
        meta,
        results,
        gate=GateSection.model_validate(meta["gate"] if rejudged is None else rejudged["gate"]),
        contract_findings=read_contract_findings(directory),
        status=status,
        finished_at=_finished_at(meta, results),
        baseline=None if stored is None else stored.baseline,
        fail_on="gate" if stored is None or stored.baseline is None else stored.fail_on,
        trend=read_trend(directory),
        lag=read_lag(directory),
        calls=read_calls(directory / TAP_FILE),
        spans=read_spans(directory / TRACES_FILE),
        sample=report_sample(meta),
    )
    if rejudged is not None:
        record = Rejudged.model_validate({k: v for k, v in rejudged.items() if k != "gate"})
        audit = audit.model_copy(update={"rejudged": record})
    write_reports(directory, audit, env=env, redact=redactor.text if redactor else None)
    return audit


async def _shrink(
    config: AuditConfig, options: AuditOptions, snapshot: Snapshot, judge: ProbeJudge
) -> None:
    """The shrink phase: each failing bucket's simplest failing case, for `auditor replay`."""
    from auditor._shrink import ShrinkContext, ShrinkSettings, shrink_failures

    settings = ShrinkSettings(
        budget=config.audit.shrink_budget, time_s=config.audit.shrink_time_s, seed=config.audit.seed
    )
    stored = read_meta(options.directory).get("scope")  # the plan's, even when resumed
    scope = None if stored is None else PlanScope.from_json(stored)
    context = ShrinkContext(
        options.directory, snapshot, _suites(config, options), judge, settings, scope
    )
    await shrink_failures(context, stored_results(options.directory))


async def _plant_phase(
    config: AuditConfig,
    options: AuditOptions,
    planted: list[Probe],
    snapshot: Snapshot,
    anchors: Anchors,
    assistants: Mapping[str, Assistant],
    bus: EventBus,
    tracing: AuditTracing | None = None,
) -> None:
    """Planted injections, one at a time, each name restored after its question."""
    if not planted:
        return
    from auditor._lag._plant import PlantContext, plant_injections

    if not _plants(config):  # the profile may have been overridden after the plan was made
        raise ConfigError("configuration", ["probes.injection: planting needs the sandbox"])
    settings = RunSettings(
        concurrency=1,
        timeout_s=config.audit.timeout_s,
        rate_limit=config.audit.rate_limit,
        retries=config.audit.retries,
    )
    extractor = _extractor(snapshot, config.extraction_vocabulary())
    judge = ProbeJudge(snapshot, anchors, assistants, extractor, settings, tracing=tracing)
    context = PlantContext(
        config.sandbox,
        config.anchors,
        options.env,
        config.audit.profile,
        judge.run,
        lambda result: bus.emit(ProbeFinished(result)),
    )
    for probe in planted:
        bus.emit(ProbeStarted(probe))
    await plant_injections(planted, context)


async def _lag_phase(
    config: AuditConfig,
    options: AuditOptions,
    anchors: Anchors,
    assistants: Mapping[str, Assistant],
    snapshot: Snapshot,
    extractor: Any,
    bus: EventBus,
) -> None:
    """The lag phase: change the truth on purpose and time how long answers take to follow."""
    from auditor._lag import LagContext, run_lag_phase

    assert config.lag is not None
    channel = config.lag.channel or config.assistant[0].name
    assistant = assistants[channel]
    limiter = RateLimiter(config.audit.rate_limit)

    async def ask(question: str, customer: str | None, session: str) -> str:
        conversation = Conversation((question,), customer, session, limiter.wait)
        return (await assistant.ask(conversation)).text

    await run_lag_phase(
        LagContext(
            config.lag,
            config.sandbox,
            config.anchors,
            anchors,
            ask,
            extractor,
            snapshot,
            options.env,
            options.directory,
            config.audit.profile,
            config.audit.seed,
            channel,
            emit=bus.emit,
        )
    )


def _measures_lag(shard: Shard | None) -> bool:
    return shard is None or shard.index == 1


def _start_tracing(config: AuditConfig, options: AuditOptions) -> AuditTracing:
    """The audit's tracing (random trace ids unless the options bring more), its span begun."""
    tracing = options.tracing or AuditTracing(tracestate=config.traces.tracestate)
    attributes = {"auditor.profile": config.audit.profile, "auditor.seed": config.audit.seed}
    tracing.start_audit(config.audit.name, attributes)
    return tracing


def _settings(config: AuditConfig, options: AuditOptions) -> tuple[AdapterSettings, RunSettings]:
    """How the adapters talk to the assistant, and how the runner paces the questions."""
    adapter = AdapterSettings(
        timeout_s=config.audit.timeout_s,
        retries=config.audit.retries,
        max_answer_bytes=config.audit.max_answer_bytes,
        max_connections=config.audit.concurrency,
        env=options.env,
        identities=identities(config.customers),
    )
    run = RunSettings(
        concurrency=config.audit.concurrency,
        timeout_s=config.audit.timeout_s,
        rate_limit=config.audit.rate_limit,
        deadline_s=config.audit.deadline_s,
        retries=config.audit.retries,
    )
    return adapter, run


def _check_lag_allowed(config: AuditConfig) -> None:
    """Lag scenarios change the shop: refused where the sandbox does not allow them (the
    profile may have been overridden after the file was checked)."""
    if config.lag is None:
        return
    from auditor._lag import SandboxRefused, check_allowed

    try:
        check_allowed(config.sandbox, config.audit.profile)
    except SandboxRefused as error:
        raise ConfigError("configuration", [f"lag: {error}"]) from None


async def run_audit(config: AuditConfig, options: AuditOptions) -> AuditOutcome:
    _check_lag_allowed(config)
    settings, run_settings = _settings(config, options)
    status: Literal["complete", "interrupted"] = "interrupted"
    redactor = Redactor.from_config(config, options.env)
    tracing = _start_tracing(config, options)
    async with AsyncExitStack() as stack:
        try:
            anchors = await stack.enter_async_context(
                open_anchors(
                    config.anchors,
                    read_only=config.audit.profile == "production",
                    env=options.env,
                    base_dir=options.base_dir,
                    customers=customer_auth(config.customers),
                    redact=redactor.text,
                )
            )
        except AnchorConfigError as error:
            raise ConfigError("configuration", [str(error)]) from None
        except AnchorError as error:
            raise AuditCouldNotRun(f"anchors: {error}") from None
        snapshot = await _take_snapshot(anchors, tracing)
        check_reads(_suites(config, options), anchors, snapshot)
        plan, done = _start(config, options, snapshot, redactor)
        assistants = await _open_assistants(config, settings, stack)
        store = stack.enter_context(
            ResultsStore(options.directory, redact=redactor.text if redactor else None)
        )
        bus = EventBus(*options.handlers, tracing.handle)
        bus.subscribe(lambda e: store.append(e.result) if isinstance(e, ProbeFinished) else None)
        watch = _stop_watch(config, options.directory, plan, done, bus)
        earlier = Counter(done.values())
        short = (read_meta(options.directory).get(BUDGET_KEY) or {}).get("why")
        bus.emit(
            AuditStarted(
                total=len(plan), already_done=len(done), earlier=earlier, short_of_budget=short
            )
        )
        extractor = _extractor(snapshot, config.extraction_vocabulary())
        reader = _enter_reader(config, options, redactor, stack)
        try:
            todo = [p for p in plan if p.id not in done]
            completed = await run_probes(
                [p for p in todo if p.kind != PLANTED],
                snapshot=snapshot,
                truth=anchors,
                assistants=assistants,
                extractor=extractor,
                settings=run_settings,
                bus=bus,
                tracing=tracing,
                reader=reader,
                untaught=_untaught(snapshot, config),
                stop=None if watch is None else watch.decided,
            )
            if completed and (watch is None or not watch.decided()):
                planted = [p for p in todo if p.kind == PLANTED]
                await _plant_phase(
                    config, options, planted, snapshot, anchors, assistants, bus, tracing
                )
            status = "complete" if completed else "interrupted"
            if completed:
                await _shrink(
                    config,
                    options,
                    snapshot,
                    ProbeJudge(
                        snapshot,
                        anchors,
                        assistants,
                        extractor,
                        run_settings,
                        RateLimiter(run_settings.rate_limit),
                    ),
                )
            # Lag scenarios change the shop: one shard measures them, never all at once.
            if completed and config.lag is not None and _measures_lag(options.shard):
                await _lag_phase(config, options, anchors, assistants, snapshot, extractor, bus)
            await tracing.settle()  # the assistant's spans, before the map is drawn
        except asyncio.CancelledError:
            status = "interrupted"  # also when every probe ran and a later phase was cut
            bus.emit(AuditFinished(interrupted=True))
            raise
        finally:
            _save_contract_findings(options.directory, anchors)
            audit = finish(
                options.directory,
                status,
                env=options.env,
                finished_at=datetime.now(UTC),
                redactor=redactor,
            )
        bus.emit(AuditFinished(interrupted=status != "complete"))
    tracing.close({"auditor.ready": audit.readiness.ready, "auditor.status": status})
    return AuditOutcome(options.directory, audit)
