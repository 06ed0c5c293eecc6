"""Claim extraction accuracy on the evaluation corpus in other voices, per kind × voice, for
the dev and the test parts separately (fixtures/claims/corpus/README.md).

    .venv/bin/python benchmarks/claims_corpus.py             # both tables
    .venv/bin/python benchmarks/claims_corpus.py --misses    # and the dev part's misses
    .venv/bin/python benchmarks/claims_corpus.py --part dev  # the dev part only (test not scored)

The delays corpus (fixtures/claims/corpus/delays/, the `delay` kind) is scored after them
(`--part` chooses its part too, so that a dev run scores no test part at all).

Misses are printed for the dev part only: the test part is scored, never read to tune rules.
The last line is one JSON object of the figures.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.unit.claims._corpus import (
    DELAY_KINDS,
    PARTS,
    delay_file,
    delay_matrix,
    matrix,
    part_file,
    render,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", action="store_true", help="print the dev part's misses")
    parser.add_argument("--part", choices=PARTS, help="score this part only")
    args = parser.parse_args()
    figures: dict[str, object] = {}
    for part in (args.part,) if args.part else PARTS:
        started = time.perf_counter()
        scores = matrix(part)
        elapsed = time.perf_counter() - started
        texts = sum(1 for voice in scores for _ in _ids(part, voice))
        print(f"{part} part ({texts} texts, extracted and scored in {elapsed:.2f} s)")
        print(render(scores), end="\n\n")
        figures[part] = {
            voice: {kind: {"correct": s.correct, "n": s.n} for kind, s in by_kind.items()}
            for voice, by_kind in scores.items()
        }
        if args.misses and part == "dev":
            for voice, by_kind in scores.items():
                for kind, s in by_kind.items():
                    for miss in s.misses:
                        print(f"MISS {voice} {kind} {miss}")
            print()
    for part in (args.part,) if args.part else PARTS:
        scores = delay_matrix(part)
        texts = sum(1 for voice in scores for _ in _ids(part, voice, delays=True))
        print(f"delays {part} part ({texts} texts, fixtures/claims/corpus/delays)")
        print(render(scores, DELAY_KINDS), end="\n\n")
        figures[f"delays.{part}"] = {
            voice: {kind: {"correct": s.correct, "n": s.n} for kind, s in by_kind.items()}
            for voice, by_kind in scores.items()
        }
        if args.misses and part == "dev":
            for voice, by_kind in scores.items():
                for kind, s in by_kind.items():
                    for miss in s.misses:
                        print(f"MISS delays {voice} {kind} {miss}")
            print()
    print(json.dumps(figures, sort_keys=True))


def _ids(part: str, voice: str, *, delays: bool = False) -> list[str]:
    path = delay_file(voice, part) if delays else part_file(voice, part)
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["id"] for line in lines if line.strip()]


if __name__ == "__main__":
    main()
