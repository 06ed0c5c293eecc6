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

    method: Literal["GET", "POST", "PUT", "PATCH", "DELETE"] = Field(
        "POST",
        description="The HTTP method.",
    )
    url: str | None = Field(None, description="Absolute http(s) URL; or give `path` and `anchor`.")
    path: str | None = Field(
        None,
        description=(
            "Path appended to the `anchor`'s base URL; `{{name}}` "
            "placeholders filled from the subject."
        ),
    )
    anchor: str | None = Field(None, description="The anchor whose base URL `path` is relative to.")
    body: dict[str, Any] | list[Any] | None = Field(
        None,
        description=(
            "JSON body; `{{name}}` placeholders filled from the subject (a "
            "lone placeholder keeps its value's type)."
        ),
    )
    headers: dict[str, str] = Field(default_factory=dict, description="Extra request headers.")
    auth: AuthConfig | None = Field(
        None,
        description="Credentials of this call; unset: `[sandbox].auth`.",
    )

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

    hook: str = Field(
        pattern=r"^[\w.]+:[\w.]+$",
        description=(
            "`package.module:function`, given a `HookCall` (may be async); returns the changed "
            "subject's id or a JSON-like value `subject_path` reads it from."
        ),
    )


Action = HttpAction | HookAction


class ScenarioConfig(_Strict):
    kind: LagKindName = Field(
        description=(
            "The change: stock_out, back_in_stock, order_shipped, return_filed or refund_issued."
        ),
    )
    name: str | None = Field(
        None,
        description="Shown in reports; defaults to the kind (numbered when `subjects` > 1).",
    )
    action: Action = Field(
        description="The call (`url`/`path` …) or hook (`hook`) that makes the change.",
    )
    restore: Action | None = Field(
        None,
        description=(
            "Undoes this scenario's change once it is measured (besides any `[sandbox].reset`)."
        ),
    )
    subjects: Annotated[int, Field(ge=1, le=50)] = Field(
        1,
        description="How many subjects of this kind to change, each measured on its own.",
    )
    subject: str | None = Field(
        None,
        description="Change this subject instead of one picked from the snapshot.",
    )
    question: str | None = Field(
        None,
        description="The question asked again and again; defaults to the kind's own.",
    )
    subject_path: str | None = Field(
        None,
        description=(
            "JSONPath of the changed subject's id in the action's answer (e.g. `$.id` of a new "
            "return); the change is confirmed and judged on that subject."
        ),
    )
    deadline_s: Annotated[float, Field(gt=0, le=3600)] | None = Field(
        None,
        description="Overrides `[lag].deadline_s` for this scenario.",
    )

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
    scenarios: Annotated[list[ScenarioConfig], Field(min_length=1)] = Field(
        description="The changes to make and measure, each a `[[lag.scenarios]]` table.",
    )
    deadline_s: Annotated[float, Field(gt=0, le=3600)] = Field(
        60.0,
        description=(
            "Seconds from the change (as the anchor first shows it) to giving up on the assistant."
        ),
    )
    first_interval_s: Annotated[float, Field(gt=0, le=10)] = Field(
        0.25,
        description=(
            "The assistant is asked again after this long, then each wait "
            "grows by half, up to `max_interval_s`."
        ),
    )
    max_interval_s: Annotated[float, Field(gt=0, le=10)] = Field(
        1.0,
        description=(
            "The cap on the wait between questions, which bounds how precisely the lag is measured."
        ),
    )
    confirm_timeout_s: Annotated[float, Field(gt=0, le=600)] = Field(
        10.0,
        description="How long the anchor may take to show the change after the action.",
    )
    channel: str | None = Field(
        None,
        description="The channel that is asked; the first `[[assistant]]` by default.",
    )


class SandboxSection(_Strict):
    """Permission to change the shop's data, and the defaults for doing it."""

    enabled: bool = Field(
        False,
        description=(
            "Allow the audit to change the shop's data (lag scenarios); "
            "refused in the `production` profile."
        ),
    )
    auth: AuthConfig = Field(
        default_factory=AuthConfig,
        description="Credentials of sandbox HTTP actions that name none of their own.",
    )
    reset: Action | None = Field(
        None,
        description="Run once after every lag scenario has finished, to restore the shop's data.",
    )
    rename: Action | None = Field(
        None,
        description=(
            "Renames an item (variables `sku` and `name`): planted injections rename an item to "
            "carry an instruction, ask about it, and rename it back (`[probes.injection] plant`)."
        ),
    )
    timeout_s: Annotated[float, Field(gt=0, le=600)] = Field(
        10.0,
        description="Bound on one sandbox action.",
    )


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
