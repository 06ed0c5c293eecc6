"""An audit cut by its deadline says so, and keeps saying so when its report is rebuilt."""

import asyncio

from auditor._audit import AuditOptions, finish, run_audit
from auditor._results import DEADLINE_REASON
from auditor.reference._demo import STAFF_TOKEN_ENV, demo_config
from auditor.reference._world import running_world
from auditor.reference.assistant import parse_faults


def test_a_deadline_cut_audit_is_interrupted_in_its_report_and_after_a_rebuild(tmp_path):
    # 40 probes at 0.2 s each, two at a time, cannot finish in 1 s.
    with running_world(seed=7, items=30, faults=parse_faults(["slow=200"])) as world:
        config = demo_config(
            shop_url=world.shop_url,
            assistant_url=world.assistant_url,
            seed=7,
            max_probes=40,
            suites=["stock"],
            concurrency=2,
        )
        audit_settings = config.audit.model_copy(update={"deadline_s": 1.0})
        config = config.model_copy(update={"audit": audit_settings})
        options = AuditOptions(
            directory=tmp_path / "audit",
            env={STAFF_TOKEN_ENV: world.staff_token},
            base_dir=tmp_path,
        )
        audit = asyncio.run(run_audit(config, options)).audit

    cut = [r for r in audit.results if r.reason == DEADLINE_REASON]
    answered = [r for r in audit.results if r.reason != DEADLINE_REASON]
    assert cut and answered, (len(cut), len(answered))
    assert len(audit.results) == audit.planned
    assert audit.status == "interrupted" and not audit.readiness.ready

    rebuilt = finish(tmp_path / "audit", env={})  # what `auditor report DIR` does
    assert rebuilt.status == "interrupted"
    assert not rebuilt.readiness.ready
