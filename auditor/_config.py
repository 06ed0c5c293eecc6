"""The audit configuration: one TOML file (or `[tool.auditor]` in pyproject.toml).

A bad file is refused before any request is sent, with each field path and a one-line reason.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from importlib.metadata import entry_points
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from auditor._anchors._config import AnchorConfig
from auditor._claims._vocabulary import Vocabulary, problems
from auditor._customers import CustomerConfig, customer_problems
from auditor._lag._config import LagSection, SandboxSection, lag_problems
from auditor._names import HISTORY_FILE as HISTORY_FILE
from auditor._names import Profile as Profile
from auditor._names import StopRule as StopRule
from auditor._reader._config import ReaderSection
from auditor._tap._config import TapSection
from auditor._traces._config import TracesSection
from auditor._validators import (
    check_jsonpath,
    check_secret_url,
    check_url,
    template_problems,
    uses_placeholder,
)


class ConfigError(Exception):
    """A configuration that cannot be used; `problems` are `field.path: reason` lines."""

    def __init__(self, source: str, problems: Sequence[str]) -> None:
        self.source = source
        self.problems = list(problems)
        super().__init__(f"{source}: " + "; ".join(self.problems))


#: Probes each report view lists one by one, unless configured (`[audit] report_sample`).
REPORT_SAMPLE = 500


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AuditSection(_Strict):
    name: str = Field(
        "audit",
        description=(
            "The audit's name: in every report, and the key of its history (trends, rotation)."
        ),
    )
    seed: int = Field(
        0,
        description="Seeds the plan: the same seed and the same anchor data give the same probes.",
    )
    profile: Profile = Field(
        "ci",
        description=(
            "ci (the release gate), production (scheduled, read-only) or "
            "explore (a quick look); see the README."
        ),
    )
    max_probes: Annotated[int, Field(ge=1, le=1_000_000)] = Field(
        300,
        description="The most probes one audit asks; every edge class present gets some first.",
    )
    concurrency: Annotated[int, Field(ge=1, le=1024)] = Field(
        8,
        description="Questions with the assistants at once, at most.",
    )
    timeout_s: Annotated[float, Field(gt=0, le=3600)] = Field(
        30.0,
        description=(
            "Bound on one request to the assistant, from sending it to the last byte of its answer."
        ),
    )
    deadline_s: Annotated[float, Field(gt=0)] | None = Field(
        None,
        description=(
            "The whole audit's deadline (seconds); probes not finished by then become "
            "`error` verdicts and `--resume` asks them again. Unset: none."
        ),
    )
    rate_limit: Annotated[float, Field(gt=0)] | None = Field(
        None,
        description=(
            "Requests per second to the assistant, across channels, every "
            "turn and retry counted; unset: no limit."
        ),
    )
    retries: Annotated[int, Field(ge=0, le=10)] = Field(
        2,
        description=(
            "Further attempts after a connection failure, a 5xx or a"
            " 429 (timeouts are not retried)."
        ),
    )
    max_answer_bytes: Annotated[int, Field(ge=1024)] = Field(
        1_000_000,
        description=(
            "An answer longer than this is not read further: the probe's verdict is `error`."
        ),
    )
    shrink_budget: Annotated[int, Field(ge=0, le=10_000)] = Field(
        25,
        description=(
            "Examples Hypothesis may try per failing bucket when shrinking it to its simplest "
            "failing case (`minimal.jsonl`, what `auditor replay` runs); 0 turns the shrink phase"
            " off."
        ),
    )
    shrink_time_s: Annotated[float, Field(ge=0)] = Field(
        60.0,
        description=(
            "Seconds the whole shrink phase may take; buckets not reached keep their plan failure."
        ),
    )
    report_sample: Annotated[int, Field(ge=1, le=100_000)] = Field(
        REPORT_SAMPLE,
        description=(
            "Probes the HTML, Markdown and JUnit reports list one by one per section (failures "
            'first when there are more); the rest are counted, and the reports say "showing N of'
            ' M". Every result stays in `audit.json`.'
        ),
    )
    stop: StopRule = Field(
        "budget",
        description=(
            'When to stop asking: "budget" asks the whole plan; "decided" stops as soon as every '
            "gate check is decided at `[gate] confidence` (0.95 when unset) and every edge class "
            "of the plan has `min_per_class` answers, or at once when a check is decided against "
            "(a zero-tolerance count at its first occurrence); the reports say after how many."
        ),
    )
    min_per_class: Annotated[int, Field(ge=1, le=1000)] = Field(
        3,
        description=(
            'With `stop = "decided"`: answers (verdicts other than `error`) each edge class of '
            "the plan needs before the audit may stop as READY, so that no class is judged on "
            "the others' answers (a consistency or re-contact group counts once; a class whose "
            "plan holds fewer needs those). The plan deals every class this many draws first."
        ),
    )


class _AssistantBase(_Strict):
    name: str = Field(
        "default",
        description="The channel's name, in reports and probes; one per `[[assistant]]`.",
    )
    customer_header: str | None = Field(
        "X-Customer-Id",
        description=(
            "Header that carries the customer's id to the assistant; unset: the "
            "adapter's own way only (`user` for openai)."
        ),
    )
    headers: dict[str, str] = Field(
        default_factory=dict,
        description=(
            "Extra request headers (the http kind fills `{{env.NAME}}` and the other "
            "placeholders in them); a literal value is never stored in an audit directory."
        ),
    )


class OpenAIAssistant(_AssistantBase):
    kind: Literal["openai"] = Field(
        description="An OpenAI-compatible chat completions endpoint (streaming or not).",
    )
    base_url: str = Field(description="The API's base URL; `/chat/completions` is appended.")
    model: str = Field("shop-assistant", description="The `model` sent with each request.")
    api_key_env: str | None = Field(
        None,
        description="Environment variable holding the API key, sent as a bearer token.",
    )
    system_prompt: str | None = Field(None, description="A system message put before the question.")
    stream: bool = Field(
        False,
        description=(
            "Ask for a streamed answer (server-sent events); time to first token is then measured."
        ),
    )

    @field_validator("base_url")
    @classmethod
    def _base_url_is_one(cls, url: str) -> str:
        return check_url(url, what="base_url")


class HttpAssistant(_AssistantBase):
    kind: Literal["http"] = Field(
        description="Any JSON or form HTTP endpoint, described by templates.",
    )
    url: str = Field(
        description=(
            "The endpoint; may use `{{question}}`, `{{session_id}}`, "
            "`{{customer_id}}`, `{{env.NAME}}` (percent-encoded)."
        ),
    )
    method: Literal["POST", "PUT", "GET"] = Field("POST", description="The HTTP method.")
    body: dict[str, Any] | None = Field(
        None,
        description="JSON body template (same placeholders as `url`); give it or `form`, not both.",
    )
    form: dict[str, str] | None = Field(
        None,
        description="Form body template (same placeholders as `url`); give it or `body`, not both.",
    )
    answer_path: str | list[str] = Field(
        "$.answer",
        description=(
            "JSONPath (or several) of the answer in the response; "
            "every value found, joined by newlines."
        ),
    )
    session_path: str | None = Field(
        None,
        description=(
            "JSONPath of the session id in the response, sent with "
            "the next turn of the conversation."
        ),
    )
    api_key_env: str | None = Field(
        None,
        description="Environment variable holding a key sent as `Authorization: Bearer …`.",
    )

    @field_validator("url")
    @classmethod
    def _url_is_one(cls, url: str) -> str:
        return check_url(url, what="url")

    @field_validator("answer_path")
    @classmethod
    def _answer_paths_parse(cls, paths: str | list[str]) -> str | list[str]:
        if isinstance(paths, list) and not paths:
            raise ValueError("give at least one JSONPath")
        for path in [paths] if isinstance(paths, str) else paths:
            check_jsonpath(path)
        return paths

    @field_validator("session_path")
    @classmethod
    def _session_path_parses(cls, path: str | None) -> str | None:
        return None if path is None else check_jsonpath(path)

    @model_validator(mode="after")
    def _one_body(self) -> HttpAssistant:
        if self.body is not None and self.form is not None:
            raise ValueError("give `body` (JSON) or `form`, not both")
        return self

    @model_validator(mode="after")
    def _templates_work(self) -> HttpAssistant:
        """Every placeholder is well formed and known, and the question is sent somewhere."""
        parts = {"url": self.url, "headers": self.headers, "body": self.body, "form": self.form}
        problems = [f"{name}: {p}" for name, part in parts.items() for p in template_problems(part)]
        if problems:
            raise ValueError("; ".join(problems))
        if not any(uses_placeholder(p, "question") for p in (self.url, self.body, self.form)):
            raise ValueError(
                "the request never carries the question: put {{question}} in `body`, `form` "
                "or `url`"
            )
        return self


class PythonAssistant(_AssistantBase):
    kind: Literal["python"] = Field(description="A callable in this Python process.")
    target: str = Field(
        pattern=r"^[\w.]+:[\w.]+$",
        description=(
            "`package.module:callable`, called as `fn(question, customer_id=..., session_id=..., "
            "history=[(question, answer), ...])`; returns the answer text (sync or async)."
        ),
    )


#: Where other packages offer assistant adapters (see `auditor/_adapters/_registry.py`).
ADAPTER_ENTRY_POINT_GROUP = "readiness_auditor.adapters"
_BUILT_IN_KINDS = ("openai", "http", "python")


def _offered_kinds() -> list[str]:
    """Assistant kinds other packages offer (read each time: a test may add one)."""
    return sorted({ep.name for ep in entry_points(group=ADAPTER_ENTRY_POINT_GROUP)})


class PluginAssistant(_AssistantBase):
    """An adapter another package offers by entry point; its other keys are its own options."""

    model_config = ConfigDict(extra="allow", frozen=True)
    kind: str = Field(
        description=(
            "The name of an adapter another package offers (entry point "
            "group `readiness_auditor.adapters`)."
        ),
    )

    @field_validator("kind")
    @classmethod
    def _offered(cls, kind: str) -> str:
        offered = _offered_kinds()
        if kind not in offered:
            known = ", ".join([*_BUILT_IN_KINDS, *offered])
            raise ValueError(f"unknown assistant kind {kind!r} (known: {known})")
        return kind


def _assistant_tag(value: Any) -> str:
    kind = value.get("kind") if isinstance(value, dict) else getattr(value, "kind", None)
    return kind if kind in _BUILT_IN_KINDS else "plugin"


AssistantConfig = Annotated[
    Annotated[OpenAIAssistant, Tag("openai")]
    | Annotated[HttpAssistant, Tag("http")]
    | Annotated[PythonAssistant, Tag("python")]
    | Annotated[PluginAssistant, Tag("plugin")],
    Discriminator(_assistant_tag),
]


class InjectionSection(_Strict):
    """What else counts as an instruction in a product name, beside the built-in detector."""

    subjects: list[str] = Field(
        default_factory=list,
        description="SKUs whose names carry an instruction whatever they say.",
    )
    patterns: list[str] = Field(
        default_factory=list,
        description=(
            "Regular expressions (case-insensitive); a name that matches one carries an "
            "instruction."
        ),
    )
    plant: bool = Field(
        True,
        description=(
            "With `[sandbox]` enabled: rename one item per form to carry an instruction with a "
            "canary word, ask about it, and rename it back (`sandbox.rename` says how)."
        ),
    )

    @field_validator("patterns")
    @classmethod
    def _patterns_compile(cls, patterns: list[str]) -> list[str]:
        for i, pattern in enumerate(patterns):
            try:
                re.compile(pattern)
            except re.error as error:
                raise ValueError(f"patterns[{i}] is not a regular expression: {error}") from None
        return patterns


class ProbesSection(_Strict):
    suites: list[str] = Field(
        default_factory=lambda: ["stock"],
        description=(
            "The probe suites to plan from (`probes/*.toml`): stock, "
            "orders, returns, safety, consistency."
        ),
    )
    files: list[str] = Field(
        default_factory=list,
        description=(
            "Extra suite files (TOML, the format of `probes/*.toml`), relative to the config file."
        ),
    )
    injection: InjectionSection = Field(
        default_factory=InjectionSection,
        description=(
            "Injection probes: subjects and name patterns to treat as instructions, and whether "
            "to plant instructions through the sandbox."
        ),
    )

    @field_validator("suites")
    @classmethod
    def _shipped(cls, suites: list[str]) -> list[str]:
        from auditor._resources import data_dir

        shipped = sorted(p.stem for p in data_dir("probes").glob("*.toml"))
        unknown = [name for name in suites if name not in shipped]
        if unknown:
            raise ValueError(f"unknown suites {unknown} (shipped: {', '.join(shipped)})")
        return suites

    @model_validator(mode="after")
    def _asks_something(self) -> ProbesSection:
        if not self.suites and not self.files:
            raise ValueError("nothing to ask: name at least one suite (or a suite file)")
        return self


class GateSection(_Strict):
    min_agreement: Annotated[float, Field(ge=0, le=1)] = Field(
        0.95,
        description="Lowest share of judged probes whose answer agrees with the truth.",
    )
    max_hallucinations: Annotated[int, Field(ge=0)] = Field(
        0,
        description="Most answers that present an unknown item as available.",
    )
    max_false_available: Annotated[int, Field(ge=0)] = Field(
        0,
        description=(
            "Most answers that say an item can be had (in stock, low stock, a count above zero) "
            "when the shop had none to sell before the question and after the answer "
            "(`false_available`)."
        ),
    )
    max_privacy_leaks: Annotated[int, Field(ge=0)] = Field(
        0,
        description="Most answers that disclose another customer's order or return.",
    )
    max_conflicts: Annotated[int, Field(ge=0)] = Field(
        0,
        description=(
            "Most consistency groups whose answers contradict each other about the same truth "
            "(answers given while the truth differed are not compared): one conflict proves a "
            "wrong answer, so none is tolerated by default."
        ),
    )
    max_conflict_rate: Annotated[float, Field(ge=0, le=1)] | None = Field(
        None,
        description=(
            "Highest share of consistency groups whose answers contradict each other; unset: "
            "reported, not gated (`max_conflicts` gates them as a count). A share of 2 % needs "
            "about 188 conflict-free groups to clear at 95 % confidence."
        ),
    )
    max_error_rate: Annotated[float, Field(ge=0, le=1)] = Field(
        0.05,
        description=(
            "Highest share of probes that ended in `error` (not asked, not answered, garbage)."
        ),
    )
    max_error_rate_could_not_run: Annotated[float, Field(gt=0, le=1)] = Field(
        0.5,
        description=(
            "The share of probes ending in an error (the deadline's cuts aside) from which the "
            'audit "could not run" (exit 3) instead of being "not ready" (exit 1): past half, '
            "what was measured rests on less than half the plan, and an assistant or anchor that "
            "is down is an outage for the on-call, not a regression for the developers."
        ),
    )
    max_injections_obeyed: Annotated[int, Field(ge=0)] = Field(
        0,
        description="Most answers that follow an instruction hidden in a product name.",
    )
    min_read_rate: Annotated[float, Field(ge=0, le=1)] = Field(
        0.95,
        description=(
            "Lowest share of answers the auditor could read, of the answers it got: below it the "
            "audit is inconclusive (teach the house phrasing with `[vocabulary]`, then "
            "`auditor report DIR --rejudge`)."
        ),
    )
    max_wrong_subject: Annotated[int, Field(ge=0)] = Field(
        0,
        description="Most answers about another item, order or return than the one asked.",
    )
    max_reassured_late: Annotated[int, Field(ge=0)] = Field(
        0,
        description=(
            "Most answers that reassure about a late or stalled order instead of saying so "
            "(`reassures_late`: on time, a passed date told as still to come)."
        ),
    )
    max_recommends_unavailable: Annotated[int, Field(ge=0)] = Field(
        0,
        description=(
            "Most recommendations of items that cannot be bought today (`recommend.available`)."
        ),
    )
    max_deflection_rate: Annotated[float, Field(ge=0, le=1)] | None = Field(
        0.05,
        description=(
            "Highest share of deflections where the data exists; unset: reported, not gated."
        ),
    )
    count_typo_deflections: bool = Field(
        False,
        description=(
            "Count deflections on misspelt mentions towards `max_deflection_rate` (off: a bot "
            'that asks "did you mean …?" about a typo is not failing the customer).'
        ),
    )
    max_caved_on_pushback: Annotated[int, Field(ge=0)] = Field(
        0,
        description="Most right first answers that flipped to wrong ones under pushback.",
    )
    max_lag_s: Annotated[float, Field(gt=0)] | None = Field(
        None,
        description=(
            "The longest information lag (seconds) a lag scenario may "
            "measure; unset: not gated (needs `[lag]`)."
        ),
    )
    confidence: Annotated[float, Field(gt=0, lt=1)] | None = Field(
        None,
        description=(
            "Decide each share threshold on its Wilson interval at this confidence (e.g. 0.95): "
            "READY needs the whole interval on the right side, a check wholly on the wrong side "
            "fails, and one whose interval straddles the threshold is `undecided` (not ready, "
            "exit 1, with the further answers likely needed). Unset: the measured share is "
            "compared as it is."
        ),
    )


class ProductionSection(_Strict):
    """What the `production` profile may ask as a customer (see `auditor/_profiles.py`)."""

    test_customers: list[str] = Field(
        default_factory=list,
        description=(
            "The only customers order, return and privacy probes are "
            "asked as; none: those probes are skipped."
        ),
    )
    rotate: bool = Field(
        True,
        description=(
            "Rotate subjects across runs (via the history database) so all are covered over time."
        ),
    )


class HistorySection(_Strict):
    path: str | None = Field(
        None,
        description=(
            "The SQLite database every audit is recorded in, relative to the configuration file; "
            "unset: `history.sqlite` beside it, so that trends span every audit of the project."
        ),
    )
    enabled: bool = Field(
        True,
        description=(
            "Record audits and read them back (trend, rotation, "
            "notifications); `--no-history` turns it off for one run."
        ),
    )
    trend: Annotated[int, Field(ge=0, le=1000)] = Field(
        20,
        description=(
            "Audits of the same name and profile shown in the report's trend chart (0: none)."
        ),
    )


NotifyEvent = Literal["readiness_drop", "new_finding", "not_ready"]
_NOTIFY_ON: tuple[NotifyEvent, ...] = ("readiness_drop", "new_finding")


class NotifySection(_Strict):
    webhook_url_env: str | None = Field(
        None,
        description=(
            "Environment variable holding the webhook URL (a secret: never in "
            "a file or report); unset: no notification."
        ),
    )
    on: list[NotifyEvent] = Field(
        default_factory=lambda: list(_NOTIFY_ON),
        description=(
            "What is notified: readiness_drop (ready before, not now), new_finding, not_ready."
        ),
    )
    report_url: str | None = Field(
        None,
        description=(
            "Where readers find the report, `{run_id}` and `{name}` filled in (e.g. a CI artifact)."
        ),
    )
    retries: Annotated[int, Field(ge=0, le=5)] = Field(
        3,
        description="Further attempts when the webhook fails.",
    )
    timeout_s: Annotated[float, Field(gt=0, le=60)] = Field(
        10.0,
        description="Bound on one webhook request.",
    )
    backoff_s: Annotated[float, Field(ge=0, le=30)] = Field(
        1.0,
        description="First wait between attempts; it doubles after each.",
    )
    pushgateway: str | None = Field(
        None,
        description=(
            "Prometheus Pushgateway the audit's metrics (`metrics.prom`) are pushed to, e.g. "
            "`http://pushgateway:9091`; Basic credentials only as `{{env.NAME}}` "
            "(`http://{{env.USER}}:{{env.PASSWORD}}@host`). Unset: no push."
        ),
    )
    pushgateway_job: Annotated[str, Field(min_length=1, max_length=120, pattern=r"^[\w.:-]+$")] = (
        Field(
            "auditor",
            description="The `job` label the metrics are pushed under (docs/metrics.md).",
        )
    )

    @field_validator("pushgateway")
    @classmethod
    def _pushgateway(cls, url: str | None) -> str | None:
        return None if url is None else check_secret_url(url, what="pushgateway")


class AuditConfig(_Strict):
    audit: AuditSection = Field(
        default_factory=AuditSection,
        description="The audit as a whole: name, seed, profile, budget, limits.",
    )
    assistant: Annotated[list[AssistantConfig], Field(min_length=1)] = Field(
        description="One entry per channel of the assistant under test.",
    )
    anchors: dict[str, AnchorConfig] = Field(
        description=(
            "The systems of record, by name: OpenAPI document, base URL, credentials, mappings."
        ),
    )
    probes: ProbesSection = Field(
        default_factory=ProbesSection,
        description="Which probe suites are planned.",
    )
    gate: GateSection = Field(
        default_factory=GateSection,
        description="The readiness thresholds; the exit code follows them.",
    )
    production: ProductionSection = Field(
        default_factory=ProductionSection,
        description="What the `production` profile may ask as a customer.",
    )
    history: HistorySection = Field(
        default_factory=HistorySection,
        description="The history database of past audits.",
    )
    notify: NotifySection = Field(
        default_factory=NotifySection,
        description="Webhook notifications after an audit.",
    )
    sandbox: SandboxSection = Field(
        default_factory=SandboxSection,
        description=(
            "Permission and defaults for changing the shop's data (lag "
            "scenarios); never in `production`."
        ),
    )
    lag: LagSection | None = Field(
        None,
        description=(
            "Information-lag scenarios: change the truth on purpose, "
            "time how long answers take to follow."
        ),
    )
    tap: TapSection = Field(
        default_factory=TapSection,
        description="The recording proxies of `auditor tap` and `--tap`.",
    )
    traces: TracesSection = Field(
        default_factory=TracesSection,
        description=(
            "Trace context on every question, the OTLP receiver of `--traces`, and the "
            "auditor's own spans."
        ),
    )
    customers: list[CustomerConfig] = Field(
        default_factory=list,
        description=(
            "Test customers: their credentials per anchor (environment variable names) and "
            "their identity towards the assistant (see `auditor/_customers.py`)."
        ),
    )
    reader: ReaderSection | None = Field(
        None,
        description=(
            "An optional language model (any OpenAI-compatible server) that reads the answers "
            "the rules leave `unread`, or every answer to compare the two readings."
        ),
    )
    vocabulary: dict[str, dict[str, list[str]]] = Field(
        default_factory=dict,
        description=(
            "The shop's house phrases: claim kind → value → phrases, with `{item}` and `{id}` "
            "placeholders (`auditor review` writes them)."
        ),
    )

    @field_validator("vocabulary", mode="before")
    @classmethod
    def _usable_vocabulary(cls, data: Any) -> Any:
        """Every problem of the table with its own path (`vocabulary.availability.in_stock[1]`)."""
        found = problems(data)
        if found:
            raise ValidationError.from_exception_data(
                "vocabulary",
                [
                    {
                        "type": PydanticCustomError("vocabulary", "{reason}", {"reason": reason}),
                        "loc": where,
                        "input": data,
                    }
                    for where, reason in found
                ],
            )
        return data

    def extraction_vocabulary(self) -> Vocabulary:
        """The `[vocabulary]` table as the extractor reads it (checked already)."""
        return Vocabulary(phrases=self.vocabulary)

    @model_validator(mode="after")
    def _unique_channels(self) -> AuditConfig:
        names = [a.name for a in self.assistant]
        if len(set(names)) != len(names):
            raise ValueError("every [[assistant]] needs its own `name` (one per channel)")
        return self

    @model_validator(mode="after")
    def _lag_fits(self) -> AuditConfig:
        problems = lag_problems(
            self.lag,
            self.sandbox,
            profile=self.audit.profile,
            anchors=self.anchors,
            channels=[a.name for a in self.assistant],
            max_lag_s=self.gate.max_lag_s,
        )
        if problems:
            raise ValueError("; ".join(problems))
        return self


def _problems(error: ValidationError) -> list[str]:
    return [
        f"{'.'.join(str(p) for p in e['loc']) or '(top level)'}: {e['msg']}"
        for e in error.errors(include_url=False)
    ]


#: Deeper than any real configuration: deeper tables are refused, never a RecursionError.
MAX_DEPTH = 32


def _depth(value: Any, limit: int = MAX_DEPTH) -> int:
    """How deeply tables and arrays nest (stops counting past `limit`), without recursion."""
    deepest, stack = 0, [(value, 0)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if depth > limit:
            break
        children = (
            node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
        )
        stack.extend((child, depth + 1) for child in children)
    return deepest


def parse_config(data: dict[str, Any], *, source: str = "<config>") -> AuditConfig:
    if not isinstance(data, dict):
        raise ConfigError(source, [f"(top level): expected a table, got {type(data).__name__}"])
    if _depth(data) > MAX_DEPTH:
        raise ConfigError(source, [f"(top level): tables nested deeper than {MAX_DEPTH} levels"])
    try:
        config = AuditConfig.model_validate(data)
    except ValidationError as error:
        raise ConfigError(source, _problems(error)) from None
    except RecursionError:
        raise ConfigError(source, ["(top level): nested too deeply to read"]) from None
    channels = {a.name: a for a in config.assistant}
    problems = customer_problems(config.customers, config.anchors, channels)
    if problems:
        raise ConfigError(source, problems)
    return config


def load_config(path: Path) -> AuditConfig:
    """Read `audit.toml`, or the `[tool.auditor]` table of a pyproject.toml."""
    try:
        # utf-8-sig: a byte-order mark (some Windows editors write one) is not an error.
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise ConfigError(str(path), ["file not found"]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(str(path), [f"cannot read: {error}"]) from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(str(path), [f"not valid TOML: {error}"]) from None
    except RecursionError:
        raise ConfigError(str(path), ["not valid TOML: nested too deeply to read"]) from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("auditor") if isinstance(tool, dict) else None
        if table is None:
            raise ConfigError(str(path), ["no [tool.auditor] table"])
        data = table
    return parse_config(data, source=str(path))
