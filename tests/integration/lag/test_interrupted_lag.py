"""Ctrl-C in the lag phase: the sandbox is reset anyway, and the audit says it was cut."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import httpx

from auditor._audit import AuditOptions, run_audit
from auditor._config import parse_config
from auditor._events import Event, LagMeasured, LagStarted
from auditor._lag import LAG_FILE
from auditor._report import Audit
from auditor.reference._demo import STAFF_TOKEN_ENV, demo_config
from auditor.reference._lag_config import reference_scenarios
from auditor.reference._world import running_world
from auditor.reference.assistant import Faults


def _stock(shop_url: str) -> dict[str, object]:
    """Every item's status and stock, as the inventory API shows them (reads need no token)."""
    with httpx.Client(base_url=shop_url, trust_env=False) as http:
        page = http.get("/inventory/items", params={"page_size": 500}).raise_for_status().json()
    assert page["next_page"] is None
    return {i["sku"]: (i["status"], i["stock"], i["restock_date"]) for i in page["items"]}


def test_an_interrupted_lag_phase_still_resets_the_sandbox(tmp_path):
    events: list[Event] = []
    # The assistant lags by 60 s: every scenario is still waiting when the audit is cut.
    with running_world(seed=7, items=60, faults=Faults(stale_cache=60)) as world:
        before = _stock(world.shop_url)
        config = demo_config(
            shop_url=world.shop_url,
            assistant_url=world.assistant_url,
            seed=7,
            max_probes=4,
            suites=["stock"],
        )
        data = config.model_dump(mode="json")
        data["audit"]["shrink_budget"] = 0
        data["history"] = {"enabled": False}
        data.update(reference_scenarios(world.shop_url, STAFF_TOKEN_ENV, deadline_s=90))

        async def audit_cut_in_the_lag_phase() -> None:
            task = asyncio.current_task()
            assert task is not None
            lag_started = asyncio.Event()

            def watch(event: Event) -> None:
                events.append(event)
                if isinstance(event, LagStarted):
                    lag_started.set()

            async def cut_once_changed() -> None:
                await lag_started.wait()
                # Cut only once the shop's data differs from the seed: something to reset.
                while _stock(world.shop_url) == before:
                    await asyncio.sleep(0.05)
                task.cancel()

            options = AuditOptions(
                directory=tmp_path / "a",
                env={STAFF_TOKEN_ENV: world.staff_token},
                base_dir=Path.cwd(),
                handlers=[watch],
            )
            cutter = asyncio.create_task(cut_once_changed())
            try:
                await run_audit(parse_config(data), options)
            except asyncio.CancelledError:
                return
            finally:
                cutter.cancel()
            raise AssertionError("the audit was not cut")

        asyncio.run(audit_cut_in_the_lag_phase())
        after = _stock(world.shop_url)

    assert any(isinstance(e, LagStarted) for e in events)
    assert not any(isinstance(e, LagMeasured) for e in events), "a scenario finished: no cut"
    assert after == before
    lines = (tmp_path / "a" / LAG_FILE).read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[-1])["entry_type"] == "reset" and json.loads(lines[-1])["ok"]
    audit = Audit.model_validate_json((tmp_path / "a" / "audit.json").read_text(encoding="utf-8"))
    assert audit.status == "interrupted" and not audit.readiness.ready
