"""`stop = "decided"` on the reference world: an assistant that invents items is NOT READY at
its first hallucination, long before the budget, and a resumed run asks nothing again."""

import asyncio
from typing import Any

import pytest

from auditor._audit import AuditOptions, run_audit
from auditor._config import AuditConfig
from auditor._results import RESULTS_FILE, read_results
from auditor._store import read_plan
from auditor.reference._demo import STAFF_TOKEN_ENV, demo_config
from auditor.reference.assistant import parse_faults

SUITES = ["stock", "orders", "returns", "safety", "consistency"]
BUDGET = 200


def _decided(running: Any) -> AuditConfig:
    """The demo's configuration for `running`, with `stop = "decided"` and no shrink phase."""
    config = demo_config(
        shop_url=running.shop_url,
        assistant_url=running.assistant_url,
        seed=7,
        max_probes=BUDGET,
        suites=SUITES,
    )
    return config.model_copy(
        update={"audit": config.audit.model_copy(update={"stop": "decided", "shrink_budget": 0})}
    )


@pytest.mark.slow
def test_stop_decided_stops_at_the_decision_and_resume_does_not_ask_again(tmp_path, world):
    running = world(seed=7, items=60, faults=parse_faults(["invents_items"]))
    config = _decided(running)
    directory = tmp_path / "audit"
    env = {STAFF_TOKEN_ENV: running.staff_token}
    options = AuditOptions(directory=directory, env=env, base_dir=tmp_path)

    audit = asyncio.run(run_audit(config, options)).audit

    planned = len(read_plan(directory))
    asked = len(read_results(directory))
    stopped = audit.stopped
    assert stopped is not None and stopped.decided
    assert not audit.readiness.ready and audit.status == "complete"
    assert "hallucinations" in stopped.why
    assert stopped.planned == planned == BUDGET
    assert stopped.after == asked < planned // 2
    hallucinations = [c for c in audit.readiness.checks if c.name == "max_hallucinations"]
    assert hallucinations[0].measured and not hallucinations[0].passed
    before = (directory / RESULTS_FILE).read_bytes()

    resumed = asyncio.run(
        run_audit(
            config, AuditOptions(directory=directory, env=env, base_dir=tmp_path, resume=True)
        )
    ).audit

    assert (directory / RESULTS_FILE).read_bytes() == before  # nothing asked again
    assert resumed.stopped is not None and resumed.stopped.after == asked
    assert resumed.stopped.decided and not resumed.readiness.ready


@pytest.mark.slow
def test_an_assistant_that_ignores_stock_stops_at_its_first_false_available(tmp_path, world):
    """Issue 20: "in stock" of an item with none to sell decides at its first occurrence, not
    when the agreement interval has fallen below 95 % (a median of 88 questions before)."""
    running = world(seed=7, items=60, faults=parse_faults(["ignores_stock"]))
    config = _decided(running)
    directory = tmp_path / "audit"
    options = AuditOptions(
        directory=directory, env={STAFF_TOKEN_ENV: running.staff_token}, base_dir=tmp_path
    )

    audit = asyncio.run(run_audit(config, options)).audit

    stopped = audit.stopped
    assert stopped is not None and stopped.decided and not audit.readiness.ready
    assert "answers saying an item can be had when none could be sold" in stopped.why
    assert stopped.after < BUDGET // 4
    labelled = [r for r in read_results(directory) if r.label == "false_available"]
    assert len(labelled) == audit.metrics.false_available >= 1
    for result in labelled:
        assert result.truth_before is not None and result.truth_before.fact is not None
        assert result.truth_before.fact["availability"] in (
            "out_of_stock",
            "backorder",
            "discontinued",
        )
