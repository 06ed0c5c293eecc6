"""Claim extraction accuracy on the second development texts (fixtures/claims/dev2/), kind × voice.

    .venv/bin/python benchmarks/claims_dev2.py                       # every dev2 file
    .venv/bin/python benchmarks/claims_dev2.py stockread --misses    # one file, and its misses

Each reading helper wrote its file (`<task>.jsonl`, rows as fixtures/claims/fresh/, one `voice`
per row) before changing a rule, so that its first figure is not fitted; they are development
data, not frozen: read their misses freely. The last line is one JSON object of the figures.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.unit.claims._corpus import KINDS, VOICES, Matrix, render
from tests.unit.claims._scoring import FIXTURES, Example, load, score_kinds

DEV2 = FIXTURES / "dev2"


def by_voice(names: list[str]) -> dict[str, list[Example]]:
    """The examples of the named dev2 files, grouped by each row's `voice`."""
    groups: dict[str, list[Example]] = {voice: [] for voice in VOICES}
    for name in names:
        path = DEV2 / f"{name}.jsonl"
        voices = [
            json.loads(line)["voice"]
            for line in path.read_text("utf-8").splitlines()
            if line.strip()
        ]
        for voice, example in zip(voices, load(str(path.relative_to(FIXTURES))), strict=True):
            groups.setdefault(voice, []).append(example)
    return {voice: examples for voice, examples in groups.items() if examples}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="dev2 file names without .jsonl (default: all)")
    parser.add_argument("--misses", action="store_true", help="print every miss")
    args = parser.parse_args()
    names = args.names or sorted(path.stem for path in DEV2.glob("*.jsonl"))
    scores: Matrix = {
        voice: score_kinds(examples, KINDS) for voice, examples in by_voice(names).items()
    }
    print(render(scores), end="\n\n")
    if args.misses:
        for voice, kinds in scores.items():
            for kind, s in kinds.items():
                for miss in s.misses:
                    print(f"MISS {voice} {kind} {miss}")
        print()
    figures = {
        voice: {kind: {"correct": s.correct, "n": s.n} for kind, s in kinds.items() if s.n}
        for voice, kinds in scores.items()
    }
    print(json.dumps(figures, sort_keys=True))


if __name__ == "__main__":
    main()
