"""Claim extraction accuracy on the second development sets (fixtures/claims/dev2/), per kind ×
voice.

    .venv/bin/python benchmarks/claims_dev2.py                      # every dev2 file
    .venv/bin/python benchmarks/claims_dev2.py statusread --misses  # one file, and its misses

The dev2 files were written by the reading helpers before their rule changes, in wording not
taken from the rules or the corpus, as development data: unlike the corpus's test part and
`fresh/`, they are not frozen, and their misses may be read. Each row carries its `voice`; rows
are grouped by it. The last line is one JSON object of the figures.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.unit.claims._corpus import KINDS, VOICES, Matrix, render
from tests.unit.claims._scoring import FIXTURES, Example, load, score_kinds

DEV2 = FIXTURES / "dev2"


def dev2_matrix(names: list[str]) -> Matrix:
    """voice → kind → score over the named dev2 files (every file when none is named)."""
    paths = [DEV2 / f"{n}.jsonl" for n in names] or sorted(DEV2.glob("*.jsonl"))
    by_voice: dict[str, list[Example]] = defaultdict(list)
    for path in paths:
        lines = [line for line in path.read_text("utf-8").splitlines() if line.strip()]
        voices = [json.loads(line)["voice"] for line in lines]
        for voice, example in zip(voices, load(str(path.relative_to(FIXTURES))), strict=True):
            by_voice[voice].append(example)
    return {v: score_kinds(by_voice[v], KINDS) for v in VOICES if v in by_voice}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="dev2 file names without .jsonl (default: all)")
    parser.add_argument("--misses", action="store_true", help="print every miss")
    args = parser.parse_args()
    scores = dev2_matrix(args.names)
    print(render(scores), end="\n\n")
    if args.misses:
        for voice, by_kind in scores.items():
            for kind, s in by_kind.items():
                for miss in s.misses:
                    print(f"MISS {voice} {kind} {miss}")
        print()
    figures = {
        voice: {kind: {"correct": s.correct, "n": s.n} for kind, s in by_kind.items()}
        for voice, by_kind in scores.items()
    }
    print(json.dumps(figures, sort_keys=True))


if __name__ == "__main__":
    main()
