"""The reader's first pass with and without its remembered compiled patterns, side by side.

    .venv/bin/python benchmarks/pattern_cache.py              # 3 rounds
    .venv/bin/python benchmarks/pattern_cache.py --rounds 5

Each round runs three fresh child processes over the corpus's dev texts
(fixtures/claims/corpus/*.dev.jsonl): one with an empty cache folder (every pattern compiled as
the answers need it, then the file written at exit), one with that folder now filled, and one
with `AUDITOR_NO_CACHE=1`. Each child reports its CPU (`time.process_time`) for the import of
the reader, the first pass over the texts and a second pass (patterns already in memory). CPU,
not wall time: on a shared machine the load moves the wall time far more. Medians per mode are
printed, with their ratio to the uncached first pass.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = """
import json, sys, time
from pathlib import Path
t0 = time.process_time()
import auditor._claims as claims
claims.extract("warm up the import")
t1 = time.process_time()
texts = [
    json.loads(line)["text"]
    for path in sorted(Path(sys.argv[1]).glob("*.dev.jsonl"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
]
t2 = time.process_time()
for text in texts:
    claims.extract(text)
t3 = time.process_time()
for text in texts:
    claims.extract(text)
t4 = time.process_time()
print(json.dumps({"texts": len(texts), "import": t1 - t0, "first": t3 - t2, "second": t4 - t3}))
"""


def _child(cache: Path, *, no_cache: bool) -> dict[str, float]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "PYTHONPATH": str(ROOT)}
    env.pop("AUDITOR_NO_CACHE", None)
    if no_cache:
        env["AUDITOR_NO_CACHE"] = "1"
    corpus = ROOT / "fixtures" / "claims" / "corpus"
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(corpus)], env=env, capture_output=True, text=True
    )
    if out.returncode:
        raise SystemExit(out.stderr)
    figures: dict[str, float] = json.loads(out.stdout)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    runs: dict[str, list[dict[str, float]]] = {"empty cache": [], "filled cache": [], "off": []}
    for _ in range(args.rounds):
        with tempfile.TemporaryDirectory() as folder:
            cache = Path(folder)
            runs["empty cache"].append(_child(cache, no_cache=False))
            runs["filled cache"].append(_child(cache, no_cache=False))
            runs["off"].append(_child(cache, no_cache=True))
    texts = int(runs["off"][0]["texts"])
    base = statistics.median(r["first"] for r in runs["off"])
    print(f"{texts} texts, {args.rounds} rounds, load {os.getloadavg()[0]:.1f}; CPU seconds")
    print(f"{'mode':<14}{'import':>9}{'first pass':>12}{'second pass':>13}{'first/off':>11}")
    for mode, rows in runs.items():
        first = statistics.median(r["first"] for r in rows)
        print(
            f"{mode:<14}{statistics.median(r['import'] for r in rows):>9.2f}{first:>12.2f}"
            f"{statistics.median(r['second'] for r in rows):>13.2f}{first / base:>11.2f}"
        )


if __name__ == "__main__":
    main()
