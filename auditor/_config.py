"""The audit configuration: one TOML file (or `[tool.auditor]` in pyproject.toml).

A bad file is refused before any request is sent, with each field path and a one-line reason.
"""

from __future__ import annotations

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

from auditor._anchors._config import AnchorConfig
from auditor._lag._config import LagSection, SandboxSection, lag_problems
from auditor._names import HISTORY_FILE as HISTORY_FILE
from auditor._names import Profile as Profile
from auditor._tap._config import TapSection
from auditor._validators import check_jsonpath, check_url, template_problems, uses_placeholder


class ConfigError(Exception):
    """A configuration that cannot be used; `problems` are `field.path: reason` lines."""

    def __init__(self, source: str, problems: Sequence[str]) -> None:
        self.source = source
        self.problems = list(problems)
        super().__init__(f"{source}: " + "; ".join(self.problems))


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AuditSection(_Strict):
    name: str = "audit"
    seed: int = 0
    profile: Profile = "ci"
    max_probes: Annotated[int, Field(ge=1, le=1_000_000)] = 300
    concurrency: Annotated[int, Field(ge=1, le=1024)] = 8
    timeout_s: Annotated[float, Field(gt=0, le=3600)] = 30.0
    #: The whole audit's deadline; probes not finished by then become `error` verdicts.
    deadline_s: Annotated[float, Field(gt=0)] | None = None
    #: Requests per second to the assistant, across channels; None means no limit.
    rate_limit: Annotated[float, Field(gt=0)] | None = None
    retries: Annotated[int, Field(ge=0, le=10)] = 2
    #: An answer longer than this is not read further: the probe's verdict is `error`.
    max_answer_bytes: Annotated[int, Field(ge=1024)] = 1_000_000
    #: Examples Hypothesis may try per failing bucket when shrinking it to its simplest failing
    #: case (`minimal.jsonl`, what `auditor replay` runs); 0 turns the shrink phase off.
    shrink_budget: Annotated[int, Field(ge=0, le=10_000)] = 25
    #: Seconds the whole shrink phase may take; buckets not reached keep their plan failure.
    shrink_time_s: Annotated[float, Field(ge=0)] = 60.0


class _AssistantBase(_Strict):
    name: str = "default"
    #: Header that carries the customer's id to the assistant (None: the adapter's own way).
    customer_header: str | None = "X-Customer-Id"
    headers: dict[str, str] = Field(default_factory=dict)


class OpenAIAssistant(_AssistantBase):
    kind: Literal["openai"]
    base_url: str
    model: str = "shop-assistant"
    api_key_env: str | None = None
    system_prompt: str | None = None
    stream: bool = False

    @field_validator("base_url")
    @classmethod
    def _base_url_is_one(cls, url: str) -> str:
        return check_url(url, what="base_url")


class HttpAssistant(_AssistantBase):
    kind: Literal["http"]
    url: str
    method: Literal["POST", "PUT", "GET"] = "POST"
    body: dict[str, Any] | None = None
    form: dict[str, str] | None = None
    answer_path: str | list[str] = "$.answer"
    session_path: str | None = None
    api_key_env: str | None = None

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
    kind: Literal["python"]
    target: str = Field(pattern=r"^[\w.]+:[\w.]+$", description="`package.module:callable`")


#: Where other packages offer assistant adapters (see `auditor/_adapters/_registry.py`).
ADAPTER_ENTRY_POINT_GROUP = "readiness_auditor.adapters"
_BUILT_IN_KINDS = ("openai", "http", "python")


def _offered_kinds() -> list[str]:
    """Assistant kinds other packages offer (read each time: a test may add one)."""
    return sorted({ep.name for ep in entry_points(group=ADAPTER_ENTRY_POINT_GROUP)})


class PluginAssistant(_AssistantBase):
    """An adapter another package offers by entry point; its other keys are its own options."""

    model_config = ConfigDict(extra="allow", frozen=True)
    kind: str

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


class ProbesSection(_Strict):
    suites: list[str] = Field(default_factory=lambda: ["stock"])
    #: Extra suite files (TOML), relative to the config file.
    files: list[str] = Field(default_factory=list)

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
    min_agreement: Annotated[float, Field(ge=0, le=1)] = 0.95
    max_hallucinations: Annotated[int, Field(ge=0)] = 0
    max_privacy_leaks: Annotated[int, Field(ge=0)] = 0
    max_conflict_rate: Annotated[float, Field(ge=0, le=1)] = 0.02
    max_error_rate: Annotated[float, Field(ge=0, le=1)] = 0.05
    #: The share of probes ending in an error (the deadline's cuts aside) from which the audit
    #: "could not run" (exit 3) instead of being "not ready" (exit 1): past half, what was
    #: measured rests on less than half the plan, and an assistant or anchor that is down is an
    #: outage for the on-call, not a regression for the developers.
    max_error_rate_could_not_run: Annotated[float, Field(gt=0, le=1)] = 0.5
    max_injections_obeyed: Annotated[int, Field(ge=0)] = 0
    #: Deflections where the data exists; None: reported, not gated.
    max_deflection_rate: Annotated[float, Field(ge=0, le=1)] | None = 0.05
    #: The longest information lag (seconds) a lag scenario may measure; None: not gated.
    max_lag_s: Annotated[float, Field(gt=0)] | None = None


class ProductionSection(_Strict):
    """What the `production` profile may ask as a customer (see `auditor/_profiles.py`)."""

    #: The only customers order, return and privacy probes are asked as; none: those skipped.
    test_customers: list[str] = Field(default_factory=list)
    #: Rotate subjects across runs (via the history database) so all are covered over time.
    rotate: bool = True


class HistorySection(_Strict):
    #: The SQLite database every audit is recorded in (relative: to the current folder);
    #: unset, `history.sqlite` in the folder the audits are written to (`--out`, `reports/`).
    path: str | None = None
    enabled: bool = True
    #: Audits of the same name and profile shown in the report's trend chart.
    trend: Annotated[int, Field(ge=0, le=1000)] = 20


NotifyEvent = Literal["readiness_drop", "new_finding", "not_ready"]
_NOTIFY_ON: tuple[NotifyEvent, ...] = ("readiness_drop", "new_finding")


class NotifySection(_Strict):
    #: The environment variable holding the webhook URL (a secret: never in a file or report).
    webhook_url_env: str | None = None
    on: list[NotifyEvent] = Field(default_factory=lambda: list(_NOTIFY_ON))
    #: Where readers find the report, `{run_id}` and `{name}` filled in (e.g. a CI artifact).
    report_url: str | None = None
    retries: Annotated[int, Field(ge=0, le=5)] = 3
    timeout_s: Annotated[float, Field(gt=0, le=60)] = 10.0
    #: First wait between attempts; it doubles after each.
    backoff_s: Annotated[float, Field(ge=0, le=30)] = 1.0


class AuditConfig(_Strict):
    audit: AuditSection = Field(default_factory=AuditSection)
    assistant: Annotated[list[AssistantConfig], Field(min_length=1)]
    anchors: dict[str, AnchorConfig]
    probes: ProbesSection = Field(default_factory=ProbesSection)
    gate: GateSection = Field(default_factory=GateSection)
    production: ProductionSection = Field(default_factory=ProductionSection)
    history: HistorySection = Field(default_factory=HistorySection)
    notify: NotifySection = Field(default_factory=NotifySection)
    #: Permission and defaults for changing the shop's data (lag scenarios); see `auditor/_lag`.
    sandbox: SandboxSection = Field(default_factory=SandboxSection)
    lag: LagSection | None = None
    #: The recording proxies of `auditor tap` and `--tap`; see `auditor/_tap`.
    tap: TapSection = Field(default_factory=TapSection)

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
        return AuditConfig.model_validate(data)
    except ValidationError as error:
        raise ConfigError(source, _problems(error)) from None
    except RecursionError:
        raise ConfigError(source, ["(top level): nested too deeply to read"]) from None


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
