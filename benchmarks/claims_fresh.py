"""Claim extraction accuracy on the fresh held-out set (fixtures/claims/fresh/), per kind × voice.

    .venv/bin/python benchmarks/claims_fresh.py             # the table
    .venv/bin/python benchmarks/claims_fresh.py --misses    # and every miss

The set was written for the corpus's weak cells before the rules for them changed, and is
frozen (sha256 in tests/unit/claims/test_corpus.py): a second out-of-sample figure beside the
corpus's test part. The last line is one JSON object of the figures.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.unit.claims._corpus import fresh_matrix, render


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", action="store_true", help="print every miss")
    args = parser.parse_args()
    scores = fresh_matrix()
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
