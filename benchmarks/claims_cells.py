"""Every development cell, right or wrong, text by text: what a change to the reading rules
gained and lost, on every labelled set that may be read to tune them.

    .venv/bin/python benchmarks/claims_cells.py --out /tmp/before.json
    (change the rules)
    .venv/bin/python benchmarks/claims_cells.py --out /tmp/after.json --compare /tmp/before.json

A cell is one (text, claim kind) that is labelled or read, scored as `tests/unit/claims/
_scoring.py` scores it. The sets read are every JSON Lines file under `fixtures/claims/` that
is not a test part (`*.test.jsonl`, never opened here): the corpus's and the delays corpus's
dev parts, dev2–dev*, fresh, the labelled and holdout sets. A table of accuracy per set says
where a figure moved; `--compare` prints every cell that went from right to wrong and back,
with what was wanted, what was read and the text, so that no loss hides behind a gain.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.unit.claims._corpus import DELAY_KINDS, KINDS
from tests.unit.claims._scoring import FIXTURES, load, score_kinds


def dev_files() -> list[Path]:
    """Every labelled file with texts that may be tuned on (no test part, no stored audit)."""
    files = []
    for path in sorted(FIXTURES.rglob("*.jsonl")):
        if path.name.endswith(".test.jsonl") or "llm_audits" in path.parts:
            continue
        first = next((line for line in path.read_text(encoding="utf-8").splitlines() if line), "")
        if first and "text" in json.loads(first) and "claims" in json.loads(first):
            files.append(path)
    return files


def cells() -> dict[str, dict[str, str]]:
    """`file#id kind` → {"ok": "1"|"0", "miss": the scorer's miss line when wrong}."""
    out: dict[str, dict[str, str]] = {}
    for path in dev_files():
        name = str(path.relative_to(FIXTURES))
        kinds = DELAY_KINDS if "delays" in path.parts else KINDS
        examples = load(name)
        for example in examples:
            scores = score_kinds([example], kinds)
            for kind, score in scores.items():
                if not score.n:
                    continue
                key = f"{name}#{example.id} {kind}"
                out[key] = {"ok": "1" if score.correct else "0", "miss": "; ".join(score.misses)}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="write every cell here (JSON)")
    parser.add_argument("--compare", type=Path, help="an earlier --out file to compare with")
    args = parser.parse_args()
    now = cells()
    by_file: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for key, cell in now.items():
        name = key.split("#", 1)[0]
        by_file[name] += 1
        right[name] += cell["ok"] == "1"
    for name in sorted(by_file):
        print(f"{name:44} {right[name]:5}/{by_file[name]:<5} {right[name] / by_file[name]:6.1%}")
    total, good = sum(by_file.values()), sum(right.values())
    print(f"{'all development cells':44} {good:5}/{total:<5} {good / total:6.1%}")
    if args.out:
        args.out.write_text(json.dumps(now, sort_keys=True), encoding="utf-8")
    if args.compare:
        before = json.loads(args.compare.read_text(encoding="utf-8"))
        was = {key: cell["ok"] for key, cell in before.items()}
        lost = [k for k, c in now.items() if c["ok"] == "0" and was.get(k) == "1"]
        gained = [k for k, c in now.items() if c["ok"] == "1" and was.get(k) != "1"]
        new = [k for k, c in now.items() if c["ok"] == "0" and k not in before]
        for label, keys in (("LOST", lost), ("NEW WRONG", new)):
            for key in sorted(keys):
                print(f"{label} {key}: {now[key]['miss']}")
        # A cell is labelled or read: one that is gone was read and not labelled, a false
        # reading no longer made.
        gone = [k for k in before if k not in now]
        for key in sorted(gained):
            print(f"GAINED {key}")
        for key in sorted(gone):
            print(f"GONE (a false reading no longer made) {key}")
        print(
            f"gained {len(gained)}, false readings gone {len(gone)}, lost {len(lost)},"
            f" new cells wrong {len(new)}"
        )


if __name__ == "__main__":
    main()
