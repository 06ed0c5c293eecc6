"""The lag phase of an audit: every scenario at once, then the sandbox reset.

Scenarios of different kinds and subjects are independent, so they run concurrently and the
phase takes about as long as its slowest scenario, not the sum. Subjects are drawn from the
snapshot with the audit's seed (same seed, same data: same subjects), and no subject is changed
by two scenarios.

The phase refuses to start unless `[sandbox] enabled = true` and the profile is not
`production`, whatever the caller checked before: it is the one part of an audit that writes.
Cancelled midway (Ctrl-C), the scenarios' own restore actions do not run, but the sandbox's
reset does (when one is configured), before the cancellation goes on.
"""

from __future__ import annotations

import asyncio
import random
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx

from auditor._anchors import AnchorConfig
from auditor._events import Event, Handler, LagMeasured, LagStarted
from auditor._facts import Snapshot
from auditor._lag._actions import ActionEnv, ActionError, HookCall, perform
from auditor._lag._config import LagSection, SandboxSection, ScenarioConfig
from auditor._lag._kinds import LAG_KINDS, Subject, subject_of
from auditor._lag._metrics import LagSummary, summarise_lag
from auditor._lag._records import LagRecord, LagWriter, ResetRecord
from auditor._lag._scenario import Ask, Extractor, Planned, ScenarioEnv, TruthReader, run_scenario


class SandboxRefused(Exception):
    """The lag phase was asked to change a shop it may not change."""


@dataclass(frozen=True, slots=True)
class LagContext:
    lag: LagSection
    sandbox: SandboxSection
    #: For actions whose `path` is relative to an anchor's base URL.
    anchors: Mapping[str, AnchorConfig]
    truth: TruthReader
    ask: Ask
    extractor: Extractor
    snapshot: Snapshot
    env: Mapping[str, str]
    directory: Path
    profile: str
    seed: int = 0
    #: The channel `ask` reaches, for the records.
    channel: str | None = None
    #: Told when the phase starts and as each scenario finishes (the progress display).
    emit: Handler | None = None


def _names(config: ScenarioConfig) -> list[str]:
    name = config.name or config.kind
    return [name] if config.subjects == 1 else [f"{name}#{i + 1}" for i in range(config.subjects)]


def _candidates(config: ScenarioConfig, snapshot: Snapshot, seed: int) -> list[Subject]:
    kind = LAG_KINDS[config.kind]
    if config.subject is not None:
        pinned = subject_of(kind, snapshot, config.subject)
        return [pinned] if pinned is not None else []
    found = sorted(kind.candidates(snapshot), key=lambda s: s.id)
    random.Random(f"{seed}/{config.name or config.kind}").shuffle(found)
    return found


def plan_scenarios(
    scenarios: Sequence[ScenarioConfig], snapshot: Snapshot, seed: int
) -> list[Planned]:
    """Each configured scenario with its subjects; a subject is changed by one scenario only."""
    taken: set[str] = set()
    planned: list[Planned] = []
    for config in scenarios:
        kind = LAG_KINDS[config.kind]
        free = (s for s in _candidates(config, snapshot, seed) if s.id not in taken)
        for name in _names(config):
            subject = next(free, None)
            if subject is None:
                why = (
                    f"the snapshot has no {config.subject}"
                    if config.subject
                    else f"no subject left in the snapshot for {kind.name} ({kind.description})"
                )
                planned.append(Planned(name, config, kind, None, why))
                continue
            taken.add(subject.id)
            planned.append(Planned(name, config, kind, subject))
    return planned


def check_allowed(sandbox: SandboxSection, profile: str) -> None:
    if profile == "production":
        raise SandboxRefused(
            "the lag phase changes the shop's data: refused in the `production` profile"
        )
    if not sandbox.enabled:
        raise SandboxRefused(
            "the lag phase changes the shop's data: set [sandbox] enabled = true to allow it"
        )


async def _reset(sandbox: SandboxSection, actions: ActionEnv) -> ResetRecord | None:
    if sandbox.reset is None:
        return None
    call = HookCall("(reset)", "reset", "reset", {}, actions.env)
    try:
        await perform(sandbox.reset, actions, call)
    except ActionError as error:
        return ResetRecord(ok=False, reason=str(error), at=datetime.now(UTC))
    return ResetRecord(ok=True, at=datetime.now(UTC))


def _ignore(event: Event) -> None:
    pass


async def run_lag_phase(ctx: LagContext) -> LagSummary:
    """Measure every scenario concurrently into `DIR/lag.jsonl`; then reset the sandbox."""
    check_allowed(ctx.sandbox, ctx.profile)
    planned = plan_scenarios(ctx.lag.scenarios, ctx.snapshot, ctx.seed)
    records: list[LagRecord] = []
    emit = ctx.emit or _ignore
    async with httpx.AsyncClient(
        timeout=ctx.sandbox.timeout_s, trust_env=False, follow_redirects=False
    ) as client:
        actions = ActionEnv(client, ctx.anchors, ctx.sandbox.auth, ctx.env)
        env = ScenarioEnv(
            ctx.ask, ctx.extractor, ctx.truth, actions, ctx.lag, ctx.channel, secrets.token_hex(3)
        )
        with LagWriter(ctx.directory) as writer:

            async def one(scenario: Planned) -> None:
                record = await run_scenario(scenario, env)
                records.append(record)
                writer.append(record)
                emit(LagMeasured(record.scenario, record.status, record.lag_s, record.reason))

            emit(LagStarted(len(planned), ctx.lag.deadline_s))
            try:
                async with asyncio.TaskGroup() as group:
                    for scenario in planned:
                        group.create_task(one(scenario))
            finally:
                # Also when interrupted (Ctrl-C cancels the phase mid-change): the sandbox
                # must not keep the changes made to it.
                reset = await _reset(ctx.sandbox, actions)
                if reset is not None:
                    writer.append(reset)
    return summarise_lag(records, reset)
