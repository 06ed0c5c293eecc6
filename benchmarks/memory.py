"""Peak memory and wall time of a large audit against the fast stub, beside the bare loop.

Starts the stub assistant (`tests/apps/stub_bot.py`, 0 ms) once, then runs, each in a child
process of its own so that each peak RSS is its own (`ru_maxrss` of the child, read by the
child at its end):

* the bare loop: `--probes` requests from a bare aiohttp loop (`benchmarks/runner.py`), the
  physical limit;
* the audit: the same number of probes asked by the real runner (`run_probes`, the `openai`
  adapter, the real extractor and verdicts, the JSONL results store), then the audit's reading
  side as `auditor run` does it at its end: `auditor._audit.finish` (results read back, metrics,
  findings, gate, and every report format written: audit.json, summary.md, junit.xml,
  report.html). The probes are generated as they are asked (the plan is not this benchmark's
  subject: `runner.py` and the planner's own figures are), so what grows with the audit is
  what reads and reports its results.

Every probe asks about an item of a `--items` catalogue (1,000 by default: a shop's size,
asked many times over). The last line is one JSON object, for machines; `--out` also writes it.

    .venv/bin/python benchmarks/memory.py [--probes 100000] [--items 1000] [--concurrency 32]
        [--out benchmarks/results/memory.json]
    .venv/bin/python benchmarks/memory.py --report-only DIR   # the reports of DIR alone
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from runner import (
    SnapshotTruth,
    bare_loop,
    catalogue,
    cpu_s,
    snapshot_of,
    stub_assistant,
)

from auditor._adapters import ADAPTERS, AdapterSettings
from auditor._audit import _extractor, _snapshot_info, finish
from auditor._config import GateSection, OpenAIAssistant
from auditor._events import EventBus, results_writer
from auditor._probes import Probe
from auditor._results import ResultsStore
from auditor._runner import RunSettings, run_probes
from auditor._store import META_FILE, write_json


def peak_rss_mib() -> float:
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # ru_maxrss: KiB on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale


def probes(items: dict[str, dict[str, Any]], count: int) -> Iterator[Probe]:
    """`count` stock probes over the catalogue, made as they are asked."""
    skus = sorted(items)
    for n in range(count):
        sku = skus[n % len(skus)]
        yield Probe(
            kind="stock.availability",
            subject=sku,
            fact_kind="stock",
            turns=(f"Is the {items[sku]['name']} ({sku}) in stock?",),
            channel="web",
            params=(("n", str(n)),),
        )


async def _ask(url: str, args: argparse.Namespace, folder: Path) -> dict[str, Any]:
    items = catalogue(args.items)
    snapshot = snapshot_of(items)
    config = OpenAIAssistant(kind="openai", name="web", base_url=f"{url}/0ms/v1")
    settings = AdapterSettings(timeout_s=30, max_connections=args.concurrency)
    assistant = ADAPTERS.get("openai")(config, settings)
    started = datetime.now(UTC)
    try:
        with ResultsStore(folder) as store:
            await run_probes(
                probes(items, args.probes),
                snapshot=snapshot,
                truth=SnapshotTruth(snapshot),
                assistants={"web": assistant},
                extractor=_extractor(snapshot),
                settings=RunSettings(concurrency=args.concurrency),
                bus=EventBus(results_writer(store)),
            )
    finally:
        await assistant.aclose()
    return {
        "name": "memory-benchmark",
        "run_id": folder.name,
        "started_at": started.isoformat(),
        "profile": "staging",
        "seed": 1,
        "config_digest": "sha256:benchmark",
        "tool_version": "benchmark",
        "channels": ["web"],
        "snapshot": _snapshot_info(snapshot),
        "planned": args.probes,
        "gate": GateSection().model_dump(),
        "anchors": {"stock": "inventory"},
    }


def child_audit(url: str, args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "audit"
        wall, cpu = time.perf_counter(), cpu_s()
        meta = asyncio.run(_ask(url, args, folder))
        asked_wall, asked_cpu, asked_rss = time.perf_counter() - wall, cpu_s() - cpu, peak_rss_mib()
        write_json(folder / META_FILE, meta)
        wall, cpu = time.perf_counter(), cpu_s()
        audit = finish(folder, "complete", finished_at=datetime.now(UTC))
        report_wall, report_cpu = time.perf_counter() - wall, cpu_s() - cpu
        sizes = {p.name: p.stat().st_size for p in sorted(folder.iterdir()) if p.is_file()}
        return {
            "ask_wall_s": round(asked_wall, 2),
            "ask_cpu_s": round(asked_cpu, 2),
            "peak_rss_after_asking_mib": round(asked_rss, 1),
            "report_wall_s": round(report_wall, 2),
            "report_cpu_s": round(report_cpu, 2),
            "peak_rss_mib": round(peak_rss_mib(), 1),
            "verdicts": audit.metrics.verdicts,
            "file_bytes": sizes,
        }


def report_only(source: Path) -> dict[str, Any]:
    """The reading side alone, on a copy of an audit directory: `finish` as `auditor report
    DIR` runs it (every result read back, every report written)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "audit"
        shutil.copytree(source, folder)
        for name in ("audit.json", "summary.md", "junit.xml", "report.html"):
            (folder / name).unlink(missing_ok=True)
        rss_before = peak_rss_mib()
        wall, cpu = time.perf_counter(), cpu_s()
        audit = finish(folder, "complete", finished_at=datetime.now(UTC))
        return {
            "results": audit.metrics.probes,
            "report_wall_s": round(time.perf_counter() - wall, 2),
            "report_cpu_s": round(cpu_s() - cpu, 2),
            "peak_rss_before_mib": round(rss_before, 1),
            "peak_rss_mib": round(peak_rss_mib(), 1),
            "load_average": [round(x, 2) for x in os.getloadavg()],
        }


def child_bare(url: str, args: argparse.Namespace) -> dict[str, Any]:
    items = catalogue(args.items)
    measured = asyncio.run(bare_loop(url, 0, args.concurrency, args.probes, items))
    return {
        "wall_s": round(measured.wall_s, 2),
        "cpu_s": round(measured.cpu_s, 2),
        "peak_rss_mib": round(peak_rss_mib(), 1),
    }


def _child(role: str, url: str, args: argparse.Namespace) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", role, "--url", url]
    command += ["--probes", str(args.probes), "--items", str(args.items)]
    command += ["--concurrency", str(args.concurrency)]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{role} child failed:\n{done.stderr[-4000:]}")
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return {"process_wall_s": round(time.perf_counter() - started, 2), **figures}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--probes", type=int, default=100_000)
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--out", type=Path, help="also write the JSON summary here")
    parser.add_argument(
        "--report-only",
        type=Path,
        metavar="DIR",
        help="measure only the reports of an existing audit directory (a copy is used)",
    )
    parser.add_argument("--child", choices=["audit", "bare"], help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.report_only is not None:
        print(json.dumps(report_only(args.report_only)))
        return
    if args.child is not None:
        run = child_audit if args.child == "audit" else child_bare
        print(json.dumps(run(args.url, args)))
        return
    load = os.getloadavg()
    with (
        tempfile.TemporaryDirectory() as tmp,
        stub_assistant(catalogue(args.items), Path(tmp)) as url,
    ):
        bare = _child("bare", url, args)
        print(
            f"bare loop: {bare['wall_s']} s wall, peak RSS {bare['peak_rss_mib']} MiB", flush=True
        )
        audit = _child("audit", url, args)
    print(
        f"audit of {args.probes:,} probes: asking {audit['ask_wall_s']} s wall "
        f"(peak RSS {audit['peak_rss_after_asking_mib']} MiB), reports {audit['report_wall_s']} s "
        f"wall ({audit['report_cpu_s']} s CPU); peak RSS {audit['peak_rss_mib']} MiB"
    )
    summary = {
        "probes": args.probes,
        "items": args.items,
        "concurrency": args.concurrency,
        "latency_ms": 0,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average_before": [round(x, 2) for x in load],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "bare": bare,
        "audit": audit,
    }
    if args.out is not None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
