"""The auditor's verdicts against a careful reader's, on answers a real language model wrote.

    .venv/bin/python benchmarks/llm_hand_verdicts.py --audits DIR [DIR ...] [--disagreements]
    .venv/bin/python benchmarks/llm_hand_verdicts.py --audits COPY
        --frozen fixtures/claims/llm_hand_verdicts_fresh.jsonl

The second form scores the fresh set (seeds 43, 44; audits stored in
`fixtures/claims/llm_audits/`, re-judged on a copy): it was frozen before the rules changed
and is scored once, at the end.

`fixtures/claims/llm_hand_verdicts.jsonl` holds one hand verdict per probe of two `--brain llm`
demo audits, written before the tool's verdicts were read and frozen (its sha256 is pinned in
`tests/unit/claims/test_llm_hand_verdicts.py`). This script matches each row to the stored
result of the same audit seed and probe id under the given directories (each searched for
`results.jsonl` beside a `meta.json`), so the same frozen file re-scores any later re-judging of
those audits (`auditor report DIR --rejudge` writes its verdicts to `results.rejudged.jsonl`,
read instead of `results.jsonl` where present). It prints the confusion
matrix (rows: hand verdict; columns: tool verdict), the agreement (tool == hand; `unread`,
`error` and `indeterminate` never agree) and the precision and recall of `fail`, then one JSON
object of the figures as its last line.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

FROZEN = Path(__file__).resolve().parent.parent / "fixtures" / "claims" / "llm_hand_verdicts.jsonl"
HAND = ("pass", "fail", "unanswered", "unclear")
TOOL = ("pass", "fail", "unanswered", "unread", "indeterminate", "error", "missing")


def load_frozen(path: Path = FROZEN) -> list[dict[str, object]]:
    """The hand-verdict rows, in file order."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def load_tool(directories: Iterable[Path]) -> dict[tuple[int, str], dict[str, object]]:
    """(audit seed, probe id) -> the stored result, for every audit under the directories."""
    found: dict[tuple[int, str], dict[str, object]] = {}
    for directory in directories:
        for results in sorted(directory.rglob("results.jsonl")):
            meta = results.with_name("meta.json")
            if not meta.is_file():
                continue
            seed = int(json.loads(meta.read_text(encoding="utf-8"))["seed"])
            # `auditor report DIR --rejudge` never rewrites results.jsonl: its verdicts go
            # beside it, and those are the ones to score when they exist.
            rejudged = results.with_name("results.rejudged.jsonl")
            source = rejudged if rejudged.is_file() else results
            for line in source.read_text(encoding="utf-8").splitlines():
                row = json.loads(line)
                if row.get("entry_type") == "probe":
                    found[(seed, str(row["probe"]["id"]))] = row
    return found


def score(
    frozen: Sequence[Mapping[str, object]], tool: Mapping[tuple[int, str], Mapping[str, object]]
) -> dict[str, object]:
    """The confusion matrix, agreement and `fail` precision/recall (pure)."""
    matrix: Counter[tuple[str, str]] = Counter()
    for row in frozen:
        result = tool.get((int(str(row["seed"])), str(row["probe_id"])))
        verdict = str(result["verdict"]) if result is not None else "missing"
        matrix[(str(row["hand"]), verdict)] += 1
    total = sum(matrix.values())
    agree = sum(n for (hand, verdict), n in matrix.items() if hand == verdict)
    tool_fail = sum(n for (_, verdict), n in matrix.items() if verdict == "fail")
    hand_fail = sum(n for (hand, _), n in matrix.items() if hand == "fail")
    both_fail = matrix[("fail", "fail")]
    judged = sum(n for (_, verdict), n in matrix.items() if verdict != "unread")
    return {
        "probes": total,
        "agreement": agree / total if total else 0.0,
        "agreeing": agree,
        "judged": judged,
        "agreement_judged": agree / judged if judged else 0.0,
        "fail_precision": both_fail / tool_fail if tool_fail else 0.0,
        "fail_recall": both_fail / hand_fail if hand_fail else 0.0,
        "tool_fail": tool_fail,
        "hand_fail": hand_fail,
        "matrix": {f"{hand}->{verdict}": n for (hand, verdict), n in sorted(matrix.items())},
    }


def markdown(figures: Mapping[str, object]) -> str:
    """The confusion matrix as a Markdown table; empty tool columns left out."""
    cells = figures["matrix"]
    assert isinstance(cells, dict)
    columns = [c for c in TOOL if any(k.endswith(f"->{c}") for k in cells)]
    lines = [
        "| hand \\ tool | " + " | ".join(f"`{c}`" for c in columns) + " | total |",
        "| --- | " + " | ".join("---:" for _ in columns) + " | ---: |",
    ]
    for hand in HAND:
        row = [int(cells.get(f"{hand}->{c}", 0)) for c in columns]
        if sum(row):
            lines.append(f"| `{hand}` | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--audits", nargs="+", type=Path, required=True, metavar="DIR")
    parser.add_argument("--frozen", type=Path, default=FROZEN)
    parser.add_argument("--disagreements", action="store_true", help="list every disagreement")
    args = parser.parse_args(argv)
    frozen = load_frozen(args.frozen)
    tool = load_tool(args.audits)
    figures = score(frozen, tool)
    print(markdown(figures))
    print(
        f"\nagreement {figures['agreeing']}/{figures['probes']} = {figures['agreement']:.1%} "
        f"({figures['agreement_judged']:.1%} of the {figures['judged']} not unread); "
        f"fail precision {figures['fail_precision']:.2f} (of {figures['tool_fail']} tool fails), "
        f"recall {figures['fail_recall']:.2f} (of {figures['hand_fail']} hand fails)"
    )
    if args.disagreements:
        for row in frozen:
            result = tool.get((int(str(row["seed"])), str(row["probe_id"])))
            verdict = str(result["verdict"]) if result is not None else "missing"
            if verdict != row["hand"]:
                reason = result.get("reason", "") if result is not None else ""
                answers = row["answer"]
                last = answers[-1] if isinstance(answers, list) and answers else ""
                print(
                    f"- s{row['seed']} {row['probe_id']} {row['kind']}: hand {row['hand']}, "
                    f"tool {verdict} ({reason}) | {last!r} | truth: {row['truth']}"
                )
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
