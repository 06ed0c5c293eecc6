"""The `[sandbox]` and `[lag]` tables: how an audit may change the truth, and what to measure.

Information lag can only be measured by changing the shop's data on purpose, so every change is
declared here (an HTTP call or a Python hook) and runs only where `[sandbox] enabled = true`;
the `production` profile refuses the sandbox outright. These models are part of `audit.toml`'s
public contract; `lag_problems` holds the checks that need the rest of the configuration.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from auditor._anchors._config import AnchorConfig, AuthConfig, check_jsonpath

#: The scenario kinds, each a change customers notice when the assistant lags behind it.
LagKindName = Literal[
    "stock_out", "back_in_stock", "order_shipped", "return_filed", "refund_issued"
]

#: Fact kinds each scenario kind needs an anchor for (to pick a subject and confirm the change).
NEEDED_FACTS: Mapping[str, tuple[str, ...]] = {
    "stock_out": ("stock",),
    "back_in_stock": ("stock",),
    "order_shipped": ("orders",),
    "return_filed": ("orders", "returns"),
    "refund_issued": ("returns",),
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class HttpAction(_Strict):
    """One HTTP call. `{{name}}` placeholders are filled from the scenario's subject.

    Give `url` (absolute) or `path` with `anchor` (appended to that anchor's `base_url`).
    A string that is nothing but one placeholder keeps the value's type (`"{{on_hand}}"` → 7).
    Credentials come from `auth` (else `[sandbox].auth`), named by environment variable.
    """

    method: Literal["GET", "POST", "PUT", "PATCH", "DELETE"] = "POST"
    url: str | None = None
    path: str | None = None
    anchor: str | None = None
    body: dict[str, Any] | list[Any] | None = None
    headers: dict[str, str] = Field(default_factory=dict)
    auth: AuthConfig | None = None

    @model_validator(mode="after")
    def _one_target(self) -> HttpAction:
        if (self.url is None) == (self.path is None):
            raise ValueError("give `url` or `path` (with `anchor`), not both or neither")
        if self.path is not None and self.anchor is None:
            raise ValueError("`path` is relative to an anchor's base_url: name the `anchor`")
        if self.url is not None and not self.url.startswith(("http://", "https://")):
            raise ValueError("`url` must be an absolute http(s) URL")
        return self


class HookAction(_Strict):
    """A Python callable `package.module:function`, given a `HookCall`; may be async.

    It may return the changed subject's id (a string) or a JSON-like value that `subject_path`
    reads it from.
    """

    hook: str = Field(pattern=r"^[\w.]+:[\w.]+$")


Action = HttpAction | HookAction


class ScenarioConfig(_Strict):
    kind: LagKindName
    #: Shown in reports; defaults to the kind (numbered when `subjects` > 1).
    name: str | None = None
    action: Action
    #: Undoes this scenario's change once it is measured (besides any `[sandbox].reset`).
    restore: Action | None = None
    #: How many subjects of this kind to change, each measured on its own.
    subjects: Annotated[int, Field(ge=1, le=50)] = 1
    #: Change this subject instead of one picked from the snapshot.
    subject: str | None = None
    #: The question asked again and again; defaults to the kind's own (see `_kinds.py`).
    question: str | None = None
    #: JSONPath of the changed subject's id in the action's answer (e.g. `$.id` of a new
    #: return); the change is confirmed and judged on that subject.
    subject_path: str | None = None
    #: Overrides `[lag].deadline_s` for this scenario.
    deadline_s: Annotated[float, Field(gt=0, le=3600)] | None = None

    @field_validator("subject_path")
    @classmethod
    def _path_parses(cls, path: str | None) -> str | None:
        return None if path is None else check_jsonpath(path)

    @model_validator(mode="after")
    def _new_subject_known(self) -> ScenarioConfig:
        http = isinstance(self.action, HttpAction)
        if self.kind == "return_filed" and http and self.subject_path is None:
            raise ValueError(
                "return_filed creates a new return: set `subject_path` to where the "
                'action\'s answer holds its id (e.g. "$.id")'
            )
        return self


class LagSection(_Strict):
    scenarios: Annotated[list[ScenarioConfig], Field(min_length=1)]
    #: Seconds from the change (as the anchor first shows it) to giving up on the assistant.
    deadline_s: Annotated[float, Field(gt=0, le=3600)] = 60.0
    #: The assistant is asked again after this long, then each wait grows by half...
    first_interval_s: Annotated[float, Field(gt=0, le=10)] = 0.25
    #: ...up to this cap, which bounds how precisely the lag is measured.
    max_interval_s: Annotated[float, Field(gt=0, le=10)] = 1.0
    #: How long the anchor may take to show the change after the action.
    confirm_timeout_s: Annotated[float, Field(gt=0, le=600)] = 10.0
    #: The channel that is asked; the first `[[assistant]]` by default.
    channel: str | None = None


class SandboxSection(_Strict):
    """Permission to change the shop's data, and the defaults for doing it."""

    enabled: bool = False
    #: Credentials of sandbox HTTP actions that name none of their own.
    auth: AuthConfig = Field(default_factory=AuthConfig)
    #: Run once after every lag scenario has finished, to restore the shop's data.
    reset: Action | None = None
    #: Renames an item (variables `sku` and `name`): planted injections rename an item to carry
    #: an instruction, ask about it, and rename it back (`[probes.injection] plant`).
    rename: Action | None = None
    timeout_s: Annotated[float, Field(gt=0, le=600)] = 10.0


def _actions(lag: LagSection | None, sandbox: SandboxSection) -> Iterator[tuple[str, Action]]:
    if sandbox.reset is not None:
        yield "sandbox.reset", sandbox.reset
    if sandbox.rename is not None:
        yield "sandbox.rename", sandbox.rename
    for i, scenario in enumerate(lag.scenarios if lag is not None else ()):
        yield f"lag.scenarios.{i}.action", scenario.action
        if scenario.restore is not None:
            yield f"lag.scenarios.{i}.restore", scenario.restore


def lag_problems(
    lag: LagSection | None,
    sandbox: SandboxSection,
    *,
    profile: str,
    anchors: Mapping[str, AnchorConfig],
    channels: Collection[str],
    max_lag_s: float | None,
) -> list[str]:
    """What the sandbox and lag tables get wrong against the rest of the configuration."""
    problems: list[str] = []
    if sandbox.enabled and profile == "production":
        problems.append(
            "sandbox.enabled: the sandbox changes the shop's data and is refused in the "
            "`production` profile"
        )
    if lag is not None and not sandbox.enabled:
        problems.append(
            "lag: lag scenarios change the shop's data; they need [sandbox] enabled = true "
            "(never in production)"
        )
    if max_lag_s is not None and lag is None:
        problems.append("gate.max_lag_s: there is nothing to gate without [lag] scenarios")
    if lag is not None and lag.channel is not None and lag.channel not in channels:
        problems.append(f"lag.channel: no [[assistant]] named {lag.channel!r}")
    for where, action in _actions(lag, sandbox):
        named = action.anchor if isinstance(action, HttpAction) else None
        if named is not None and named not in anchors:
            problems.append(f"{where}.anchor: no anchor named {named!r}")
    mapped = {kind for anchor in anchors.values() for kind in anchor.mappings()}
    for i, scenario in enumerate(lag.scenarios if lag is not None else ()):
        missing = [k for k in NEEDED_FACTS[scenario.kind] if k not in mapped]
        if missing:
            problems.append(
                f"lag.scenarios.{i}.kind: {scenario.kind} needs an anchor mapping "
                + ", ".join(missing)
            )
    return problems
