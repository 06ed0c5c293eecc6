"""A reference world whose shop is also served behind a recorder, and audits run as `run` runs.

The auditor's anchors point at the recording server; the assistant reads the same shop through
a plain one, so the recording holds the auditor's requests and nothing else.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console

from auditor._cli._ops import conclude_run, prepare_run
from auditor._cli._run import execute
from auditor._config import AuditConfig, parse_config
from auditor._serve import serve_in_thread
from auditor.reference._demo import STAFF_TOKEN_ENV, demo_config
from auditor.reference.assistant import create_assistant, parse_faults
from auditor.reference.shop import create_shop

ALL_SUITES = ["stock", "orders", "returns", "safety", "consistency"]


@dataclass
class Recorder:
    """An ASGI wrapper noting the method and path of every HTTP request it passes on."""

    app: Any
    seen: list[tuple[str, str]] = field(default_factory=list)

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            self.seen.append((scope["method"], scope["path"]))
        await self.app(scope, receive, send)


@dataclass(frozen=True)
class OpsWorld:
    anchors_url: str
    assistant_url: str
    staff_token: str
    recorder: Recorder

    @property
    def env(self) -> dict[str, str]:
        return {STAFF_TOKEN_ENV: self.staff_token}


@contextmanager
def ops_world(*, items: int = 30, seed: int = 7, faults: Sequence[str] = ()) -> Iterator[OpsWorld]:
    shop = create_shop(seed=seed, items=items)
    recorder = Recorder(shop.app)
    with serve_in_thread(recorder) as anchors_url, serve_in_thread(shop.app) as shop_url:
        app = create_assistant(
            shop_url=shop_url, staff_token=shop.staff_token, faults=parse_faults(list(faults))
        )
        with serve_in_thread(app) as assistant_url:
            yield OpsWorld(anchors_url, assistant_url, shop.staff_token, recorder)


def config_of(
    world: OpsWorld,
    *,
    suites: Sequence[str] = ALL_SUITES,
    seed: int = 7,
    max_probes: int = 40,
    **sections: Mapping[str, Any],
) -> AuditConfig:
    """The demo configuration against this world; `audit=` and other sections override."""
    base = demo_config(
        shop_url=world.anchors_url,
        assistant_url=world.assistant_url,
        seed=seed,
        max_probes=max_probes,
        suites=list(suites),
    )
    data = base.model_dump(mode="json", exclude_unset=True)
    data["audit"] = {**data["audit"], "shrink_budget": 0, **sections.pop("audit", {})}
    return parse_config({**data, **sections}, source="test")


def run_cli(
    config: AuditConfig,
    directory: Path,
    env: Mapping[str, str],
    *,
    shard: str | None = None,
    history: bool = True,
    tmp: Path | None = None,
) -> int:
    """`auditor run` in-process, as the command runs it: profile, shard, history, notify."""
    console = Console(stderr=True)
    plan = prepare_run(
        console,
        config,
        directory,
        shard=shard,
        history=history,
        resume=False,
        base_dir=tmp or directory.parent,
    )
    code = execute(
        plan.config,
        directory,
        base_dir=tmp or directory.parent,
        env=dict(env),
        resume=False,
        quiet=True,
        ops=plan,
    )
    return conclude_run(console, plan, directory, code, env={**os.environ, **env})
