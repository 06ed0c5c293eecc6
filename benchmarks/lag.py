"""Information lag and the orchestration map of the reference assistant, measured for real.

Two audits of the reference world as `auditor demo --tap --lag` runs them: one with no fault,
one with `stale_cache=N`. Each lag scenario changes the shop through its sandbox and times how
long the assistant's answers take to follow; the tap records which anchor calls the answers
rested on. Both audits run at the same time (each world on its own ports), so the whole run
takes about N seconds plus the probes.

    .venv/bin/python benchmarks/lag.py [--stale 30] [--max-probes 60] [--seed 7]

The last line is one JSON object of the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from auditor._audit import AuditOptions, run_audit
from auditor._cli._tap import reference_front
from auditor._report import Audit
from auditor.reference._demo import STAFF_TOKEN_ENV, demo_config
from auditor.reference._lag_config import with_reference_lag
from auditor.reference._world import running_world
from auditor.reference.assistant import parse_faults

SUITES = ["stock", "orders", "returns", "safety"]


def audit_one(fault: str, seed: int, max_probes: int, deadline_s: float, out: Path) -> Audit:
    directory = out / (fault or "none")
    faults = parse_faults([fault] if fault else [])
    front = reference_front(directory)
    with running_world(seed=seed, items=60, faults=faults, shop_proxy=front) as world:
        config = demo_config(
            shop_url=world.shop_url,
            assistant_url=world.assistant_url,
            seed=seed,
            max_probes=max_probes,
            suites=SUITES,
        )
        data = config.model_copy(
            update={"audit": config.audit.model_copy(update={"shrink_budget": 0})}
        )
        config = with_reference_lag(data, world.shop_url, STAFF_TOKEN_ENV, deadline_s=deadline_s)
        options = AuditOptions(
            directory=directory, env={STAFF_TOKEN_ENV: world.staff_token}, base_dir=Path.cwd()
        )
        return asyncio.run(run_audit(config, options)).audit


def lags(audit: Audit) -> dict[str, Any]:
    assert audit.lag is not None
    return {
        r.kind: {
            "status": r.status,
            "lag_s": None if r.lag_s is None else round(r.lag_s, 2),
            "after_s": None if r.lag_after_s is None else round(r.lag_after_s, 2),
            "subject": r.changed_subject or r.subject,
            "asked": r.polls,
        }
        for r in audit.lag.scenarios
    }


def show_lags(columns: dict[str, dict[str, Any]]) -> None:
    names = list(columns)
    kinds = sorted({k for column in columns.values() for k in column})
    print(
        "information lag, seconds from the anchor showing the change to the first answer "
        "agreeing with it (the last answer still missing it, in brackets)"
    )
    print(f"  {'scenario kind':<16}" + "".join(f"{n:>24}" for n in names))
    for kind in kinds:
        cells = []
        for name in names:
            row = columns[name].get(kind)
            if row is None or row["lag_s"] is None:
                cells.append(f"{row['status'] if row else '-':>24}")
            else:
                after = "" if row["after_s"] is None else f" ({row['after_s']:.2f})"
                cells.append(f"{row['lag_s']:.2f}{after}".rjust(24))
        print(f"  {kind:<16}" + "".join(cells))


def the_map(audit: Audit) -> dict[str, Any]:
    omap = audit.orchestration
    assert omap is not None
    print(
        f"orchestration map ({omap.calls} anchor calls: {omap.direct} direct, {omap.shared} "
        f"shared, {omap.ambiguous} ambiguous, {omap.unattributed} outside any probe)"
    )
    for kind in omap.by_kind:
        ops = ", ".join(f"{o.anchor}.{o.operation_id} ({o.calls})" for o in kind.operations)
        print(
            f"  {kind.kind:<24} answered {kind.answered:>3}  consulted {kind.truth_anchor} "
            f"for {kind.consulted:>3}  called: {ops}"
        )
    for flag in omap.flags:
        print(f"  [{flag.severity}] {flag.message}")
    return {
        "calls": omap.calls,
        "kinds": {
            k.kind: {
                "answered": k.answered,
                "consulted": k.consulted,
                "operations": {f"{o.anchor}.{o.operation_id}": o.calls for o in k.operations},
            }
            for k in omap.by_kind
        },
        "flags": [f.message for f in omap.flags],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stale", type=float, default=30.0)
    parser.add_argument("--max-probes", type=int, default=60)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    stale = f"stale_cache={args.stale:g}"
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp, ThreadPoolExecutor(2) as pool:
        jobs = {
            fault: pool.submit(
                audit_one, fault, args.seed, args.max_probes, args.stale + 20, Path(tmp)
            )
            for fault in ("", stale)
        }
        audits = {fault or "no fault": job.result() for fault, job in jobs.items()}
    elapsed = time.perf_counter() - started
    print(
        f"reference assistant: seed {args.seed}, 60 items, {args.max_probes} probes "
        f"({', '.join(SUITES)}), both audits concurrently in {elapsed:.1f} s"
    )
    columns = {name: lags(audit) for name, audit in audits.items()}
    show_lags(columns)
    figures = the_map(audits["no fault"])
    print(
        json.dumps(
            {
                "seed": args.seed,
                "max_probes": args.max_probes,
                "lag": columns,
                "map": figures,
                "elapsed_s": round(elapsed, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
