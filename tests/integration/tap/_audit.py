"""One audit of the reference world as `auditor demo` runs it, tapped and with lag if asked."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from auditor._audit import AuditOptions, run_audit
from auditor._config import parse_config
from auditor._report import Audit
from auditor._tap import TAP_FILE, tap_front
from auditor.reference._audit_config import reference_anchors
from auditor.reference._demo import STAFF_TOKEN_ENV, demo_config
from auditor.reference._lag_config import reference_scenarios
from auditor.reference._world import running_world
from auditor.reference.assistant import Faults


def audit_reference(
    directory: Path,
    *,
    faults: Faults | None = None,
    suites: tuple[str, ...] = ("stock",),
    max_probes: int = 10,
    tap: bool = False,
    lag: dict[str, Any] | None = None,
    gate: dict[str, Any] | None = None,
    **audit: Any,
) -> Audit:
    """Audit a fresh reference world; `lag` holds keyword arguments of `reference_scenarios`."""

    def front(shop_url: str) -> Any:
        anchors = reference_anchors(shop_url, STAFF_TOKEN_ENV)
        return tap_front(shop_url, anchors, directory / TAP_FILE, base_dir=Path.cwd())

    with running_world(seed=7, items=60, faults=faults, shop_proxy=front if tap else None) as w:
        config = demo_config(
            shop_url=w.shop_url,
            assistant_url=w.assistant_url,
            seed=7,
            max_probes=max_probes,
            suites=list(suites),
        )
        data = config.model_dump(mode="json")
        data["audit"].update({"shrink_budget": 0, **audit})
        data["history"] = {"enabled": False}
        data["gate"].update(gate or {})
        if lag is not None:
            data.update(reference_scenarios(w.shop_url, STAFF_TOKEN_ENV, **lag))
        options = AuditOptions(
            directory=directory, env={STAFF_TOKEN_ENV: w.staff_token}, base_dir=Path.cwd()
        )
        return asyncio.run(run_audit(parse_config(data), options)).audit
