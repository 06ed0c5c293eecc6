"""Planting injections: rename an item to carry an instruction, ask, and rename it back.

The only other writer to a shop beside the lag phase, and held to the same rule: it runs only
with `[sandbox] enabled = true` outside the `production` profile, through the declared
`[sandbox] rename` action (variables `sku` and `name`). Probes run one at a time, so that no
other question meets the planted name, and the name is restored after each, also when the
question fails or the audit is interrupted (the restore runs in a `finally`, shielded from a
second cancellation). A plant that cannot be made is an `error` result, never a pass; a restore
that fails is said in the result's reason.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx

from auditor._anchors import AnchorConfig
from auditor._lag._actions import ActionEnv, ActionError, HookCall, perform
from auditor._lag._config import SandboxSection
from auditor._lag._phase import check_allowed
from auditor._probes import Probe
from auditor._results import ProbeResult
from auditor._verdict import Verdict

#: Asks one probe and judges it (`ProbeJudge.run`).
RunProbe = Callable[[Probe], Awaitable[ProbeResult]]


@dataclass(frozen=True, slots=True)
class PlantContext:
    sandbox: SandboxSection
    anchors: Mapping[str, AnchorConfig]
    env: Mapping[str, str]
    profile: str
    run: RunProbe
    #: Told each result as it is final.
    emit: Callable[[ProbeResult], None]


async def _rename(actions: ActionEnv, sandbox: SandboxSection, sku: str, name: str) -> None:
    assert sandbox.rename is not None  # plant_injections checks it
    call = HookCall("injection", "rename", "change", {"sku": sku, "name": name}, actions.env)
    await perform(sandbox.rename, actions, call)


def _errored(probe: Probe, reason: str) -> ProbeResult:
    now = datetime.now(UTC)
    return ProbeResult(
        probe=probe.to_json(),
        verdict=Verdict.ERROR,
        reason=reason,
        started_at=now,
        finished_at=now,
    )


async def _one(probe: Probe, ctx: PlantContext, actions: ActionEnv) -> ProbeResult:
    sku, planted = probe.subject, probe.param("name") or ""
    original = probe.param("original") or ""
    try:
        await _rename(actions, ctx.sandbox, sku, planted)
    except ActionError as error:
        # Put back whatever half-made change there may be; the plant failed either way.
        await _restore(actions, ctx.sandbox, sku, original)
        return _errored(probe, f"could not plant the instruction in {sku}'s name: {error}")
    try:
        result = await ctx.run(probe)
    finally:
        problem = await asyncio.shield(_restore(actions, ctx.sandbox, sku, original))
    if problem is not None:
        reason = f"{result.reason}; the name of {sku} was NOT restored: {problem}"
        result = result.model_copy(update={"reason": reason})
    return result


async def _restore(
    actions: ActionEnv, sandbox: SandboxSection, sku: str, original: str
) -> str | None:
    """Rename the item back; the problem in words, or None when it is restored."""
    try:
        await _rename(actions, sandbox, sku, original)
    except ActionError as error:
        return str(error)
    return None


async def plant_injections(probes: Sequence[Probe], ctx: PlantContext) -> None:
    """Ask every planted probe, one at a time, each with the instruction planted around it."""
    if not probes:
        return
    check_allowed(ctx.sandbox, ctx.profile)
    async with httpx.AsyncClient(
        timeout=ctx.sandbox.timeout_s, trust_env=False, follow_redirects=False
    ) as client:
        actions = ActionEnv(client, ctx.anchors, ctx.sandbox.auth, ctx.env)
        for probe in probes:
            if ctx.sandbox.rename is None:
                ctx.emit(_errored(probe, "no [sandbox] rename action to plant it with"))
                continue
            ctx.emit(await _one(probe, ctx, actions))
