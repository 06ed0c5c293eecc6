"""Claim extraction accuracy on the second development sets (fixtures/claims/dev2/), per kind ×
voice, one table per file.

    .venv/bin/python benchmarks/claims_dev2.py                      # every file in dev2/
    .venv/bin/python benchmarks/claims_dev2.py handoffs --misses    # one file, and its misses
    .venv/bin/python benchmarks/claims_dev2.py --dir dev3           # the files of dev3/ instead

Development data, not frozen: texts written by a reading session before its rule changes, in
wording not taken from the rules or the corpus, so that the session's rules can be measured on
sentences they were not written from (the corpus's test part stays blind). The last line is one
JSON object of the figures.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.unit.claims._corpus import KINDS, VOICES, render
from tests.unit.claims._scoring import FIXTURES, Example, load, score_kinds

DEV2 = FIXTURES / "dev2"


def _by_voice(name: str, folder: str = "dev2") -> dict[str, list[Example]]:
    voices: dict[str, list[Example]] = defaultdict(list)
    lines = (FIXTURES / folder / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    for row, example in zip(rows, load(f"{folder}/{name}.jsonl"), strict=True):
        voices[row["voice"]].append(example)
    return {voice: voices[voice] for voice in VOICES if voice in voices}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="file names in dev2/ (default: every file)")
    parser.add_argument("--misses", action="store_true", help="print every miss")
    parser.add_argument("--dir", default="dev2", help="folder in fixtures/claims/ (dev2, dev3)")
    args = parser.parse_args()
    names = args.names or sorted(path.stem for path in (FIXTURES / args.dir).glob("*.jsonl"))
    figures: dict[str, object] = {}
    for name in names:
        by_voice = _by_voice(name, args.dir)
        scores = {voice: score_kinds(ex, KINDS) for voice, ex in by_voice.items()}
        texts = sum(len(ex) for ex in by_voice.values())
        print(f"{args.dir}/{name}.jsonl ({texts} texts)")
        print(render(scores), end="\n\n")
        if args.misses:
            for voice, by_kind in scores.items():
                for kind, s in by_kind.items():
                    for miss in s.misses:
                        print(f"MISS {voice} {kind} {miss}")
            print()
        figures[name] = {
            voice: {kind: {"correct": s.correct, "n": s.n} for kind, s in by_kind.items()}
            for voice, by_kind in scores.items()
        }
    print(json.dumps(figures, sort_keys=True))


if __name__ == "__main__":
    main()
