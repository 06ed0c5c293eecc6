"""The runner against the reference world: its `slow` and `flaky` faults, channels, identity and
conversations, with the real anchors for truth and the real planner for probes."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

from auditor._adapters import ADAPTERS, AdapterSettings, Assistant
from auditor._anchors import Anchors, open_anchors
from auditor._config import HttpAssistant, OpenAIAssistant
from auditor._facts import Snapshot
from auditor._probes import PROBE_KINDS, Probe, load_suites, plan_probes
from auditor._runner import RunSettings
from auditor.reference._audit_config import reference_anchors
from auditor.reference._world import World
from auditor.reference.assistant import Faults
from tests.integration.runner._support import run

TOKEN_ENV = "REFERENCE_SHOP_STAFF_TOKEN"


@asynccontextmanager
async def truth_of(world: World) -> AsyncIterator[tuple[Anchors, Snapshot]]:
    env = {TOKEN_ENV: world.staff_token}
    async with open_anchors(
        reference_anchors(world.shop_url, TOKEN_ENV), read_only=True, env=env, base_dir=Path.cwd()
    ) as anchors:
        yield anchors, await anchors.snapshot()


def planned(
    snap: Snapshot, suites: Sequence[str], channels: Sequence[str], count: int, seed: int = 7
) -> list[Probe]:
    return plan_probes(snap, load_suites(suites), max_probes=count, seed=seed, channels=channels)


def web(world: World, settings: AdapterSettings, **options: object) -> Assistant:
    config = OpenAIAssistant.model_validate(
        {"kind": "openai", "name": "web", "base_url": world.openai_base_url, **options}
    )
    return ADAPTERS.get("openai")(config, settings)


def sms(world: World, settings: AdapterSettings) -> Assistant:
    """The plain JSON channel; the customer travels in the body only, not in a header."""
    config = HttpAssistant(
        kind="http",
        name="sms",
        url=world.message_url,
        customer_header=None,
        body={"text": "{{question}}", "session": "{{session_id}}", "customer": "{{customer_id}}"},
        answer_path="$.reply.text",
        session_path="$.session",
    )
    return ADAPTERS.get("http")(config, settings)


async def test_a_slow_assistant_times_out_every_probe_and_the_run_ends_on_time(world):
    served = world(faults=Faults(slow=1500))
    async with truth_of(served) as (anchors, snap):
        probes = planned(snap, ["stock"], ["web"], 12)
        settings = AdapterSettings(timeout_s=0.5, max_connections=6)
        outcome = await run(
            {"web": web(served, settings)},
            probes,
            RunSettings(concurrency=6, timeout_s=0.5),
            snap,
            truth=anchors,
        )
    assert len(outcome.results) == len(probes) == 12
    for result in outcome.results.values():
        assert (result.verdict.value, result.reason, result.attempts) == (
            "error",
            "no response within 0.5 s",
            1,
        )
    # Two rounds of six half-second timeouts, not retried: never more than six open at once,
    # read from the records' own start and end times.
    spans = sorted((r.started_at, r.finished_at) for r in outcome.results.values())
    assert max(sum(s <= start < f for s, f in spans) for start, _ in spans) <= 6


async def test_a_flaky_assistant_is_retried_and_what_still_fails_says_why(world):
    served = world(faults=Faults(flaky=0.5), seed=3)
    async with truth_of(served) as (anchors, snap):
        probes = planned(snap, ["stock"], ["web"], 24)
        settings = AdapterSettings(timeout_s=10, retries=2, max_connections=8)
        outcome = await run(
            {"web": web(served, settings)},
            probes,
            RunSettings(concurrency=8, timeout_s=10, retries=2),
            snap,
            truth=anchors,
        )
    results = list(outcome.results.values())
    assert len(results) == 24
    errors = [r for r in results if r.verdict.value == "error"]
    answered = [r for r in results if r.verdict.value != "error"]
    for result in errors:
        assert re.fullmatch(r"HTTP 50[03] after 3 attempts: '.*flaky fault.*'", result.reason)
        assert result.attempts == 3
    assert any(r.attempts > 1 for r in answered), "no answer needed a retry at flaky=0.5"
    assert all(r.verdict.value in ("pass", "unanswered") for r in answered)
    assert len(errors) < len(results) / 2


async def test_channels_carry_identity_and_each_channel_answers(world):
    served = world()
    settings = AdapterSettings(timeout_s=10, max_connections=8)
    assistants = {
        "web": web(served, settings),
        "sms": sms(served, settings),
        "stream": web(served, settings, name="stream", stream=True),
    }
    async with truth_of(served) as (anchors, snap):
        probes = planned(snap, ["stock", "orders", "safety"], list(assistants), 60)
        outcome = await run(
            assistants, probes, RunSettings(concurrency=8, timeout_s=10), snap, truth=anchors
        )
    results = list(outcome.results.values())
    assert len(results) == len(probes)
    assert {r.probe["channel"] for r in results} == set(assistants)
    assert not [r for r in results if r.verdict.value == "error"]
    owners = [r for r in results if PROBE_KINDS[r.probe["kind"]].identity == "owner"]
    assert owners and {r.probe["channel"] for r in owners} == set(assistants)
    # Without the customer's identity the assistant asks them to sign in.
    assert [r.answer for r in owners if "sign in" in (r.answer or "")] == []
    assert sum(r.verdict.value == "pass" for r in owners) >= 0.9 * len(owners)
    streamed = [r for r in results if r.probe["channel"] == "stream"]
    assert all(r.ttft_ms is not None for r in streamed)
    assert all(r.ttft_ms is None for r in results if r.probe["channel"] != "stream")


async def test_a_conversation_keeps_its_context_on_every_channel(world):
    served = world()
    settings = AdapterSettings(timeout_s=10)
    assistants = {
        "web": web(served, settings),
        "sms": sms(served, settings),
        "stream": web(served, settings, name="stream", stream=True),
    }
    async with truth_of(served) as (anchors, snap):
        fact = next(f for f in snap.stock.values() if (f.on_hand or 0) > 10)
        probes = [
            Probe(
                kind="stock.quantity",
                subject=fact.sku,
                fact_kind="stock",
                turns=(f"Is the {fact.name} in stock?", "How many do you have?"),
                channel=channel,
            )
            for channel in assistants
        ]
        outcome = await run(assistants, probes, RunSettings(timeout_s=10), snap, truth=anchors)
    for probe in probes:
        result = outcome.of(probe)
        assert result.verdict.value == "pass", (probe.channel, result.reason, result.answer)
        assert len(result.turn_answers) == 2 and result.attempts == 2
        assert f"{fact.on_hand} units" in result.turn_answers[1]
