"""Benchmark: a snapshot of the 100,000-item reference shop through the anchors.

The shop runs in a child process (this same file with `--serve`), so the figures are the
auditor's own: wall time of `Anchors.snapshot()` and this process's peak RSS. The last line
printed is one JSON object of the figures.

    .venv/bin/python benchmarks/snapshot.py [--items 100000] [--validator auto]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

_TOKEN_ENV = "BENCH_SHOP_STAFF_TOKEN"
GOAL_S = 30.0
GOAL_MB = 500.0


def _serve(items: int) -> None:
    """Child: serve the reference shop on a free loopback port until stdin closes."""
    from auditor._serve import serve_in_thread
    from auditor.reference.shop import create_shop

    shop = create_shop(items=items, staff_token=os.environ[_TOKEN_ENV])
    with serve_in_thread(shop.app) as url:
        print(url, flush=True)
        sys.stdin.read()


def _peak_rss_mb() -> float:
    # ru_maxrss is in KiB on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def _snapshot(url: str, validator: str) -> dict[str, object]:
    from auditor._anchors import open_anchors
    from auditor.reference._audit_config import reference_anchors

    configs = {
        name: config.model_copy(update={"validator": validator})
        for name, config in reference_anchors(url, _TOKEN_ENV).items()
    }
    async with open_anchors(configs, read_only=True, env=os.environ, base_dir=Path.cwd()) as a:
        started = time.perf_counter()
        snap = await a.snapshot()
        elapsed = time.perf_counter() - started
        cpu = time.process_time()
        # The shop memoises its own response checks, so a second snapshot shows the auditor's
        # share with the shop's cost mostly gone.
        del snap
        started = time.perf_counter()
        snap = await a.snapshot()
        again = time.perf_counter() - started
        engines = sorted({s.engine.name for s in a.sessions.values()})
        findings = len(a.contract_findings)
    return {
        "items": len(snap.stock),
        "orders": len(snap.orders),
        "returns": len(snap.returns),
        "snapshot_s": round(elapsed, 2),
        "client_cpu_first_s": round(cpu, 2),
        "second_snapshot_s": round(again, 2),
        "validator": ",".join(engines),
        "contract_findings": findings,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument(
        "--validator", default="auto", choices=["auto", "openapi-core", "jsonschema-rs"]
    )
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        _serve(args.items)
        return
    env = {**os.environ, _TOKEN_ENV: os.environ.get(_TOKEN_ENV, "bench-staff-token")}
    os.environ[_TOKEN_ENV] = env[_TOKEN_ENV]
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, __file__, "--serve", "--items", str(args.items)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        assert child.stdout is not None
        url = child.stdout.readline().strip()
        if not url:
            raise SystemExit("the shop did not start")
        print(
            f"shop with {args.items} items at {url} "
            f"(ready in {time.perf_counter() - started:.1f} s)"
        )
        figures = asyncio.run(_snapshot(url, args.validator))
    finally:
        if child.stdin is not None:
            child.stdin.close()
        child.wait(timeout=30)
    figures["peak_rss_mb"] = round(_peak_rss_mb(), 1)
    figures["client_cpu_total_s"] = round(time.process_time(), 2)
    figures["goal_met"] = figures["snapshot_s"] < GOAL_S and figures["peak_rss_mb"] < GOAL_MB  # type: ignore[operator]
    print(f"snapshot: {figures['snapshot_s']} s, peak RSS {figures['peak_rss_mb']} MB")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
