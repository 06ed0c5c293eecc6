"""Information lag measured against the reference assistant, its shop changed for real.

Without a fault every change shows in the very next answer; with `stale_cache=N` it shows about
N seconds after the anchor first showed it, for every scenario kind at once.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import httpx
import pytest

from auditor._anchors import open_anchors
from auditor._audit import AuditOptions, finish, run_audit
from auditor._claims import extract
from auditor._config import ConfigError, parse_config
from auditor._lag import (
    LAG_FILE,
    HookAction,
    LagContext,
    LagSection,
    SandboxSection,
    ScenarioConfig,
    run_lag_phase,
)
from auditor.reference._audit_config import reference_anchors
from auditor.reference._demo import STAFF_TOKEN_ENV, demo_config
from auditor.reference._lag_config import reference_scenarios
from auditor.reference.assistant import Faults
from tests.integration.tap._audit import audit_reference

KINDS = {"stock_out", "back_in_stock", "order_shipped", "return_filed", "refund_issued"}
STALE_S = 30.0


def test_without_a_fault_every_change_shows_at_once(tmp_path):
    audit = audit_reference(tmp_path / "a", max_probes=4, lag={"deadline_s": 20})
    lag = audit.lag
    assert lag is not None and set(lag.by_kind) == KINDS
    for record in lag.scenarios:
        assert record.status == "reflected", record
        assert record.lag_s is not None and 0 <= record.lag_s < 2.0, record
        assert record.polls <= 3
    assert lag.reset_ok is True
    assert {r.kind: r.restored for r in lag.scenarios}["stock_out"] is True
    stored = (tmp_path / "a" / LAG_FILE).read_text(encoding="utf-8").splitlines()
    assert len(stored) == len(KINDS) + 1  # a record per scenario, then the reset
    assert json.loads(stored[-1])["entry_type"] == "reset"
    assert finish(tmp_path / "a").lag == lag  # `auditor report DIR` shows the same


@pytest.mark.slow
def test_a_stale_cache_shows_as_its_lag_for_every_kind_at_once(tmp_path):
    audit = audit_reference(
        tmp_path / "a", faults=Faults(stale_cache=STALE_S), lag={"deadline_s": STALE_S + 15}
    )
    lag = audit.lag
    assert lag is not None and set(lag.by_kind) == KINDS
    for record in lag.scenarios:
        assert record.status == "reflected", record
        assert record.lag_s is not None and STALE_S - 1 <= record.lag_s <= STALE_S + 3, record
        assert record.lag_after_s is not None and record.lag_after_s < record.lag_s
    # Concurrently: the phase took about one lag, not five.
    started = min(r.started_at for r in lag.scenarios)
    finished = max(r.finished_at for r in lag.scenarios)
    assert (finished - started).total_seconds() < 2 * STALE_S


def test_a_change_never_shown_before_the_deadline_fails_the_lag_gate(tmp_path):
    audit = audit_reference(
        tmp_path / "a",
        max_probes=4,
        faults=Faults(stale_cache=20),
        lag={"deadline_s": 1.0},
        gate={"max_lag_s": 5},
    )
    assert audit.lag is not None
    assert {r.status for r in audit.lag.scenarios} == {"not_reflected"}
    assert audit.lag.overall.not_reflected == len(KINDS) == len(audit.lag.never_reflected)
    (check,) = [c for c in audit.readiness.checks if c.name == "max_lag_s"]
    assert not check.passed and "5 lag scenario(s) never reflected within 1.0 s" in check.reason
    assert not audit.readiness.ready


def test_a_profile_overridden_to_production_is_refused_before_any_request(tmp_path, world):
    w = world()
    base = demo_config(
        shop_url=w.shop_url, assistant_url=w.assistant_url, seed=7, max_probes=5, suites=["stock"]
    )
    data = base.model_dump(mode="json")
    data.update(reference_scenarios(w.shop_url, STAFF_TOKEN_ENV))
    config = parse_config(data)
    # What `auditor run --profile production` does: the file said `ci`.
    production = config.model_copy(
        update={"audit": config.audit.model_copy(update={"profile": "production"})}
    )
    options = AuditOptions(
        directory=tmp_path / "a", env={STAFF_TOKEN_ENV: w.staff_token}, base_dir=Path.cwd()
    )
    with pytest.raises(ConfigError, match="production"):
        asyncio.run(run_audit(production, options))
    assert not (tmp_path / "a").exists()


async def test_python_hooks_change_and_restore_the_truth(tmp_path, world):
    w = world()
    anchors = reference_anchors(w.shop_url, STAFF_TOKEN_ENV)
    env = {STAFF_TOKEN_ENV: w.staff_token, "HOOK_SHOP_URL": w.shop_url, "HOOK_TOKEN": w.staff_token}
    lag = LagSection(
        scenarios=[
            ScenarioConfig(
                kind="stock_out",
                action=HookAction(hook="tests.integration.lag._hooks:sell_out"),
                restore=HookAction(hook="tests.integration.lag._hooks:restock"),
            ),
            ScenarioConfig(
                kind="back_in_stock", action=HookAction(hook="tests.integration.lag._hooks:broken")
            ),
        ],
        deadline_s=10,
    )
    async with (
        httpx.AsyncClient(timeout=30, trust_env=False) as http,
        open_anchors(anchors, read_only=False, env=env, base_dir=Path.cwd()) as opened,
    ):

        async def ask(question: str, customer: str | None, session: str) -> str:
            reply = await http.post(w.message_url, json={"text": question, "session": session})
            return str(reply.json()["reply"]["text"])

        summary = await run_lag_phase(
            LagContext(
                lag,
                SandboxSection(enabled=True),
                anchors,
                opened,
                ask,
                lambda text, now: extract(text),
                await opened.snapshot(),
                env,
                tmp_path,
                "ci",
            )
        )
        by_kind = {r.kind: r for r in summary.scenarios}
        sold, broken = by_kind["stock_out"], by_kind["back_in_stock"]
        assert sold.status == "reflected" and sold.restored is True
        assert broken.status == "error" and "the hook's own failure" in broken.reason
        assert broken.polls == 1  # asked once before the change; nothing changed, nothing polled
        restored = await opened.read("stock", sold.subject or "")
    assert restored is not None and restored.on_hand not in (0, None)
