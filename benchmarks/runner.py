"""How fast the runner asks and judges, and what it costs in CPU, against a stub assistant.

Starts the stub assistant (`tests/apps/stub_bot.py`) as a separate process, answering
OpenAI-style JSON after 0 ms or 50 ms, then measures in one run, for each latency and for
concurrency 8 and 32:

* the full runner: the real `run_probes` with the `openai` adapter (its HTTP client, retries
  and timeouts), the real claim extractor as `auditor run` builds it, the real verdicts and the
  real JSONL results store; the truth comes from an in-process snapshot (no anchor process),
  and one answer in ten disagrees with it, so that a second truth read and a `fail` happen.
  Every probe asks about another item of a catalogue as large as the run, so every answer is
  new text and every truth record is built anew: nothing repeats that a cache could save;
* as the physical limit, a bare aiohttp loop sending the same requests to the same stub.

It reports probes/s, the wall time of each run including its start-up (client, adapter,
results store, connections), the auditor's CPU milliseconds per probe (`getrusage` of this
process only: the stub runs in its own) and the bare loop's requests/s. The last line is one
JSON object, for machines; `--out` also writes it to a file. Every configuration is measured
`--repeat` times (default 3), round-robin; the figures are the medians, each run is kept.

    .venv/bin/python benchmarks/runner.py [--probes 2000] [--repeat 3] [--transport aiohttp|httpx]
        [--out benchmarks/results/runner.json] [--profile runner.prof] [--no-extract]
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp

from auditor._adapters import ADAPTERS, AdapterSettings, TransportName
from auditor._audit import _extractor
from auditor._claims import Claim
from auditor._config import OpenAIAssistant
from auditor._events import EventBus, ProbeFinished, results_writer
from auditor._facts import Availability, Fact, Snapshot, StockFact
from auditor._probes import Probe
from auditor._results import ResultsStore
from auditor._runner import Extractor, RunSettings, run_probes

ROOT = Path(__file__).resolve().parent.parent
STUB = ROOT / "tests" / "apps" / "stub_bot.py"
LATENCIES_MS = (0, 50)
CONCURRENCIES = (8, 32)
#: Share of SKUs the stub misreports (says "in stock" whatever the truth).
LIE_SHARE = 0.1
_AVAILABILITY = (
    [Availability.IN_STOCK] * 6
    + [Availability.LOW_STOCK, Availability.OUT_OF_STOCK]
    + [Availability.OUT_OF_STOCK, Availability.BACKORDER, Availability.DISCONTINUED]
)


def catalogue(size: int, seed: int = 7) -> dict[str, dict[str, Any]]:
    rng = random.Random(seed)
    items: dict[str, dict[str, Any]] = {}
    for n in range(size):
        availability = rng.choice(_AVAILABILITY)
        on_hand = {
            Availability.IN_STOCK: rng.randint(12, 200),
            Availability.LOW_STOCK: rng.randint(1, 3),
        }.get(availability, 0)
        items[f"KT-{1000 + n}"] = {
            "name": f"{rng.choice(['Blue', 'Slate', 'Copper', 'Willow'])} "
            f"{rng.choice(['Kettle', 'Teapot', 'Saucepan', 'Grinder'])} {n}",
            "availability": availability.value,
            "on_hand": on_hand,
            "lie": rng.random() < LIE_SHARE,
        }
    return items


def snapshot_of(items: dict[str, dict[str, Any]]) -> Snapshot:
    now = datetime.now(UTC)
    return Snapshot.of(
        now,
        stock=[
            StockFact(sku, item["name"], Availability(item["availability"]), item["on_hand"], now)
            for sku, item in items.items()
        ],
    )


def plan(items: dict[str, dict[str, Any]], count: int) -> list[Probe]:
    skus = sorted(items)
    return [
        Probe(
            kind="stock.availability",
            subject=sku,
            fact_kind="stock",
            turns=(f"Is the {items[sku]['name']} ({sku}) in stock?",),
            channel="web",
            params=(("n", str(n)),),
        )
        for n, sku in ((n, skus[n % len(skus)]) for n in range(count))
    ]


class SnapshotTruth:
    """The truth source: the snapshot itself, read in-process (the truth does not move)."""

    def __init__(self, snapshot: Snapshot) -> None:
        self._snapshot = snapshot

    async def read(self, fact_kind: str, subject: str) -> Fact | None:
        table: dict[str, Fact] = getattr(self._snapshot, fact_kind)
        return table.get(subject)


def _no_claims(text: str, now: datetime) -> list[Claim]:
    return []


def cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class TimedExtractor:
    """The real extractor, with the CPU it takes counted, to tell it from the runner's own."""

    def __init__(self, extract: Extractor) -> None:
        self._extract = extract
        self.cpu_s = 0.0

    def __call__(self, text: str, now: datetime) -> list[Claim]:
        started = time.process_time()
        try:
            return self._extract(text, now)
        finally:
            self.cpu_s += time.process_time() - started


@dataclass(frozen=True, slots=True)
class Measured:
    count: int
    wall_s: float
    cpu_s: float
    verdicts: dict[str, int]
    extract_cpu_s: float = 0.0

    @property
    def per_s(self) -> float:
        return self.count / self.wall_s

    @property
    def cpu_ms_each(self) -> float:
        return self.cpu_s * 1000 / self.count

    @property
    def extract_ms_each(self) -> float:
        return self.extract_cpu_s * 1000 / self.count


async def full_runner(
    url: str,
    latency_ms: int,
    concurrency: int,
    probes: list[Probe],
    snapshot: Snapshot,
    transport: TransportName,
    folder: Path,
    no_extract: bool = False,
) -> Measured:
    wall, cpu = time.perf_counter(), cpu_s()
    config = OpenAIAssistant(kind="openai", name="web", base_url=f"{url}/{latency_ms}ms/v1")
    settings = AdapterSettings(timeout_s=30, max_connections=concurrency, transport=transport)
    assistant = ADAPTERS.get("openai")(config, settings)
    verdicts: Counter[str] = Counter()
    extractor = TimedExtractor(_no_claims if no_extract else _extractor(snapshot))
    try:
        with ResultsStore(folder) as store:
            bus = EventBus(results_writer(store))
            bus.subscribe(
                lambda e: (
                    verdicts.update([e.result.verdict.value])
                    if isinstance(e, ProbeFinished)
                    else None
                )
            )
            await run_probes(
                probes,
                snapshot=snapshot,
                truth=SnapshotTruth(snapshot),
                assistants={"web": assistant},
                extractor=extractor,
                settings=RunSettings(concurrency=concurrency),
                bus=bus,
            )
    finally:
        await assistant.aclose()
    return Measured(
        len(probes), time.perf_counter() - wall, cpu_s() - cpu, dict(verdicts), extractor.cpu_s
    )


async def bare_loop(
    url: str, latency_ms: int, concurrency: int, count: int, items: dict[str, dict[str, Any]]
) -> Measured:
    wall, cpu = time.perf_counter(), cpu_s()
    skus = sorted(items)
    target = f"{url}/{latency_ms}ms/v1/chat/completions"
    source = iter(range(count))
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=concurrency)) as http:

        async def worker() -> None:
            for n in source:
                sku = skus[n % len(skus)]
                question = f"Is the {items[sku]['name']} ({sku}) in stock?"
                body = {"model": "m", "messages": [{"role": "user", "content": question}]}
                async with http.post(target, json=body) as response:
                    json.loads(await response.read())

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    return Measured(count, time.perf_counter() - wall, cpu_s() - cpu, {})


@contextmanager
def stub_assistant(items: dict[str, dict[str, Any]], folder: Path) -> Iterator[str]:
    path = folder / "catalogue.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, str(STUB), "--catalogue", str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        if not url.startswith("http://"):
            raise RuntimeError(f"the stub assistant did not start: {url!r}")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def profiled(profile: Path | None, measure: Callable[..., Measured], *args: Any) -> Measured:
    """`measure(*args)`, under cProfile when `profile` names a file for the statistics."""
    if profile is None:
        return measure(*args)
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        return measure(*args)
    finally:
        profiler.disable()
        profiler.dump_stats(profile)


def run_full(*args: Any) -> Measured:
    return asyncio.run(full_runner(*args))


@dataclass(frozen=True, slots=True)
class _Setup:
    url: str
    items: dict[str, dict[str, Any]]
    probes: list[Probe]
    snapshot: Snapshot
    transport: TransportName
    no_extract: bool


def _measure_one(
    setup: _Setup, latency: int, concurrency: int, folder: Path, profile: Path | None
) -> tuple[Measured, Measured]:
    """The bare loop, then the full runner, for one configuration: side by side in time."""
    count = len(setup.probes)
    bare = asyncio.run(bare_loop(setup.url, latency, concurrency, count, setup.items))
    full = profiled(
        profile,
        run_full,
        setup.url,
        latency,
        concurrency,
        setup.probes,
        setup.snapshot,
        setup.transport,
        folder,
        setup.no_extract,
    )
    print(
        f"{latency:>3} ms, concurrency {concurrency:>2}: runner "
        f"{full.per_s:7.1f} probes/s, {full.wall_s:6.2f} s wall, "
        f"{full.cpu_ms_each:.3f} ms CPU/probe ({full.extract_ms_each:.3f} of it "
        f"extracting claims) · bare aiohttp {bare.per_s:7.1f} "
        f"req/s, {bare.cpu_ms_each:.3f} ms CPU/req · verdicts {full.verdicts}",
        flush=True,
    )
    return bare, full


def measure_all(args: argparse.Namespace) -> dict[str, Any]:
    """Every configuration `--repeat` times, round-robin, so that a slow spell of a shared
    machine hits all configurations alike; the figures are the medians, the runs are kept."""
    items = catalogue(args.probes)
    snapshot = snapshot_of(items)
    probes = plan(items, args.probes)
    runs: dict[str, list[tuple[Measured, Measured]]] = {}
    with tempfile.TemporaryDirectory() as tmp, stub_assistant(items, Path(tmp)) as url:
        # Warm-up, not reported: first imports, regex caches and the stub's own start.
        asyncio.run(
            full_runner(url, 0, 8, probes[:200], snapshot, args.transport, Path(tmp) / "warm-up")
        )
        setup = _Setup(url, items, probes, snapshot, args.transport, args.no_extract)
        for repeat in range(args.repeat):
            if args.repeat > 1:
                print(f"round {repeat + 1} of {args.repeat}", flush=True)
            for latency in LATENCIES_MS:
                for concurrency in CONCURRENCIES:
                    key = f"{latency}ms_c{concurrency}"
                    profile = args.profile if key == "0ms_c32" and repeat == 0 else None
                    folder = Path(tmp) / f"{key}-{repeat}"
                    pair = _measure_one(setup, latency, concurrency, folder, profile)
                    runs.setdefault(key, []).append(pair)
    figures: dict[str, Any] = {}
    for key, pairs in runs.items():
        bare = [b for b, _ in pairs]
        full = [f for _, f in pairs]
        figures |= {
            f"probes_per_s_{key}": _median([f.per_s for f in full], 1),
            f"wall_s_{key}": _median([f.wall_s for f in full], 3),
            f"cpu_ms_per_probe_{key}": _median([f.cpu_ms_each for f in full], 3),
            f"extract_cpu_ms_per_probe_{key}": _median([f.extract_ms_each for f in full], 3),
            f"bare_requests_per_s_{key}": _median([b.per_s for b in bare], 1),
            f"bare_cpu_ms_per_request_{key}": _median([b.cpu_ms_each for b in bare], 3),
            # Side by side in one round, so less moved by the machine than either figure.
            f"runner_to_bare_rate_{key}": _median([f.per_s / b.per_s for b, f in pairs], 3),
            f"verdicts_{key}": full[-1].verdicts,
            f"runs_{key}": [
                {
                    "probes_per_s": round(f.per_s, 1),
                    "cpu_ms_per_probe": round(f.cpu_ms_each, 3),
                    "bare_requests_per_s": round(b.per_s, 1),
                    "bare_cpu_ms_per_request": round(b.cpu_ms_each, 3),
                }
                for b, f in pairs
            ],
        }
    return figures


def _median(values: list[float], digits: int) -> float:
    return round(statistics.median(values), digits)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--probes", type=int, default=2000)
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="rounds over every configuration; the figures are the medians (default 3)",
    )
    parser.add_argument("--transport", choices=["aiohttp", "httpx"], default="aiohttp")
    parser.add_argument("--out", type=Path, help="also write the JSON summary here")
    parser.add_argument("--profile", type=Path, help="cProfile the 0 ms, c=32 runner run here")
    parser.add_argument(
        "--no-extract",
        action="store_true",
        help="the runner without claim extraction (every verdict `unanswered`): its own cost",
    )
    args = parser.parse_args()
    load = os.getloadavg()
    started = time.perf_counter()
    figures = measure_all(args)
    summary = {
        "probes": args.probes,
        "repeat": args.repeat,
        "transport": args.transport,
        "claims_extracted": not args.no_extract,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average_before": [round(x, 2) for x in load],
        "total_s": round(time.perf_counter() - started, 1),
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        **figures,
    }
    line = json.dumps(summary)
    if args.out is not None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(line)


if __name__ == "__main__":
    main()
