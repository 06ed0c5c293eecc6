"""Instructions per probe of the runner, of the bare loop and of claim extraction, counted by
valgrind: a figure the shared machine's load does not move (`runner.py`'s CPU seconds do).

Each side runs in a child process under `valgrind --tool=cachegrind --cache-sim=no` twice,
with `--probes N` and with none (the same start-up, imports, stub and 200-probe warm-up), and
the difference over N is the cost per probe (`extract` runs once, under callgrind, counting
only inside the measured pass):

* `bare`: `runner.py`'s bare aiohttp loop, 0 ms, concurrency 32;
* `runner`: `runner.py`'s full runner (adapter, runner, extraction, verdicts, results store),
  0 ms, concurrency 32;
* `runner-no-extract`: the same without claim extraction (every verdict `unanswered`);
* `extract`: the extractor alone, as `auditor run` builds it, over the stub's N answers
  after 200 others; the pass runs inside `functools.reduce`, and callgrind counts only inside
  that C function (`--toggle-collect=functools_reduce`), so start-up is left out exactly.

Every answer is about another item of an N-item catalogue, as in `runner.py`.

    .venv/bin/python benchmarks/runner_instructions.py [--probes 1000] [--sides bare runner]
        [--out benchmarks/results/runner-instructions.json]
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import json
import os
import re
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SIDES = ("bare", "runner", "runner-no-extract", "extract")
_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def child(side: str, probes: int, size: int) -> None:
    """One side, in this process: what valgrind counts."""
    from runner import (
        bare_loop,
        catalogue,
        full_runner,
        plan,
        snapshot_of,
        stub_assistant,
    )

    from auditor._audit import _extractor
    from tests.apps.stub_bot import answer_text

    items = catalogue(size)
    snapshot = snapshot_of(items)
    every = plan(items, size)
    with tempfile.TemporaryDirectory() as tmp:
        if side == "extract":
            extract = _extractor(snapshot)
            now = datetime(2026, 12, 7, 10, tzinfo=UTC)
            answers = [answer_text(p.turns[0], items) for p in every]
            for text in answers[:200]:  # warm-up: first use of each table
                extract(text, now)
            measured = answers[200 : 200 + probes]
            functools.reduce(lambda n, text: n + len(extract(text, now)), measured, 0)
            return
        with stub_assistant(items, Path(tmp)) as url:
            asyncio.run(full_runner(url, 0, 8, every[:200], snapshot, "aiohttp", Path(tmp) / "w"))
            if probes == 0:
                return
            if side == "bare":
                asyncio.run(bare_loop(url, 0, 32, probes, items))
            else:
                asyncio.run(
                    full_runner(
                        url,
                        0,
                        32,
                        every[:probes],
                        snapshot,
                        "aiohttp",
                        Path(tmp) / "run",
                        side == "runner-no-extract",
                    )
                )


def instructions(side: str, probes: int, size: int) -> int:
    """Instructions valgrind counts in a child running `side` over `probes`."""
    if side == "extract":
        tool = ["--tool=callgrind", "--collect-atstart=no", "--toggle-collect=functools_reduce"]
    else:
        tool = ["--tool=cachegrind", "--cache-sim=no"]
    with tempfile.TemporaryDirectory() as tmp:
        command = [
            "valgrind",
            *tool,
            f"--{tool[0][7:]}-out-file={tmp}/out",
            sys.executable,
            __file__,
            "--child",
            side,
            "--probes",
            str(probes),
            "--size",
            str(size),
        ]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        found = _REFS.search(done.stderr)
        if done.returncode != 0 or found is None:
            raise SystemExit(f"valgrind run failed ({side}, {probes}):\n{done.stderr[-2000:]}")
        return int(found.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--probes", type=int, default=1000)
    parser.add_argument("--sides", nargs="+", choices=SIDES, default=list(SIDES))
    parser.add_argument("--out", type=Path)
    parser.add_argument("--child", choices=SIDES, help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    size = args.size or args.probes + 200
    if args.child is not None:
        child(args.child, args.probes, size)
        return
    load = os.getloadavg()
    figures: dict[str, float] = {}
    for side in args.sides:
        full = instructions(side, args.probes, size)
        none = 0 if side == "extract" else instructions(side, 0, size)
        figures[side] = round((full - none) / args.probes)
        print(f"{side}: {figures[side] / 1e6:.3f} M instructions per probe", flush=True)
    if "bare" in figures and "runner" in figures:
        figures["runner_to_bare"] = round(figures["runner"] / figures["bare"], 3)
        print(f"runner ÷ bare: {figures['runner_to_bare']}")
    summary = {
        "probes": args.probes,
        "python": sys.version.split()[0],
        "load_average_before": [round(x, 2) for x in load],
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "instructions_per_probe": figures,
    }
    if args.out is not None:
        args.out.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
