"""The fault matrix: for each fault of the reference assistant, is it detected, by which
finding, and after how many probes (in plan order) is the first one?

    .venv/bin/python benchmarks/fault_matrix.py [--max-probes 300] [--seed 7]

The last line is one JSON object of the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path

from auditor._audit import AuditOptions, run_audit
from auditor._store import read_plan
from auditor.reference._demo import STAFF_TOKEN_ENV, demo_config
from auditor.reference._world import running_world
from auditor.reference.assistant import parse_faults

SUITES = ["stock", "orders", "returns", "safety", "consistency"]
FAULTS = [
    "",
    "ignores_stock",
    "blind_to_returns",
    "invents_items",
    "leaks_foreign_orders",
    "inconsistent",
    "obeys_injection",
]


def one(fault: str, seed: int, max_probes: int, out: Path) -> dict[str, object]:
    started = time.perf_counter()
    with running_world(seed=seed, items=60, faults=parse_faults([fault] if fault else [])) as w:
        config = demo_config(
            shop_url=w.shop_url,
            assistant_url=w.assistant_url,
            seed=seed,
            max_probes=max_probes,
            suites=SUITES,
        )
        directory = out / (fault or "none")
        options = AuditOptions(
            directory=directory, env={STAFF_TOKEN_ENV: w.staff_token}, base_dir=out
        )
        audit = asyncio.run(run_audit(config, options)).audit
    order = {p.id: i for i, p in enumerate(read_plan(directory), start=1)}
    failing = [r for r in audit.results if r.verdict.value in ("fail", "unanswered")]
    first = min((order[r.probe_id] for r in failing), default=None)
    return {
        "fault": fault or "(none)",
        "detected": not audit.readiness.ready,
        "first_detection_at_probe": first,
        "fail": audit.metrics.verdicts.get("fail", 0),
        "unanswered": audit.metrics.verdicts.get("unanswered", 0),
        "findings": [f"{f.kind}: {f.pattern} ({f.count}/{f.of})" for f in audit.findings[:3]],
        "seconds": round(time.perf_counter() - started, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--max-probes", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for fault in FAULTS:
            row = one(fault, args.seed, args.max_probes, Path(tmp))
            rows.append(row)
            print(
                f"{row['fault']:22} detected={row['detected']!s:5} "
                f"first@{row['first_detection_at_probe']} fail={row['fail']} "
                f"unanswered={row['unanswered']} {row['seconds']}s",
                file=sys.stderr,
            )
            for finding in row["findings"]:  # type: ignore[attr-defined]
                print(f"    {finding}", file=sys.stderr)
    print(json.dumps({"seed": args.seed, "max_probes": args.max_probes, "matrix": rows}))


if __name__ == "__main__":
    main()
