"""Does claim extraction still give exactly the same claims? A guard for changes to the
extractor's mechanism (speed, not meaning), run before and after them.

`--dump FILE` writes every claim the extractor reads from every text of `fixtures/claims/`
(labelled, holdout, the corpus's dev and test parts and its delays, fresh, the model's
answers) and from the 2,000 answers of `benchmarks/runner.py`'s stub assistant, each with the
context its set gives it (catalogue, clock, vocabulary). `--check FILE` extracts again and
compares, text by text, every claim field (kind, value, span, subject, hedge, …).

Only outputs are compared: nothing here is scored, and the texts of the corpus's test part are
never printed (a difference there is counted by file, never shown).

    .venv/bin/python benchmarks/claims_identical.py --dump /tmp/claims-before.json
    .venv/bin/python benchmarks/claims_identical.py --check /tmp/claims-before.json
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from dataclasses import fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from auditor._claims import Claim, ExtractionContext, Vocabulary, extract  # noqa: E402

FIXTURES = ROOT / "fixtures" / "claims"
#: The runner benchmark's catalogue and clock: its answers are read as `auditor run` reads them.
BENCHMARK_ITEMS = 2000
BENCHMARK_NOW = datetime(2026, 12, 7, 10, tzinfo=UTC)


def _is_test_part(path: Path) -> bool:
    return path.name.endswith(".test.jsonl")


def fixture_texts() -> Iterator[tuple[str, str, ExtractionContext]]:
    """(file/id, text, context) for every row of every labelled set that has a text."""
    for path in sorted(FIXTURES.rglob("*.jsonl")):
        name = str(path.relative_to(FIXTURES))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            row = json.loads(line)
            if not isinstance(row.get("text"), str):
                continue
            now = datetime.fromisoformat(row["now"]) if "now" in row else None
            vocabulary = Vocabulary.from_mapping(row.get("vocabulary", {}))
            context = ExtractionContext(now=now, items=row.get("items", {}), vocabulary=vocabulary)
            yield f"{name}#{row.get('id', number)}", row["text"], context


def benchmark_texts() -> Iterator[tuple[str, str, ExtractionContext]]:
    """The stub assistant's answer to each of the runner benchmark's questions."""
    from runner import catalogue, plan

    from tests.apps.stub_bot import answer_text

    items = catalogue(BENCHMARK_ITEMS)
    context = ExtractionContext(
        now=BENCHMARK_NOW, items={sku: item["name"] for sku, item in items.items()}
    )
    for probe in plan(items, BENCHMARK_ITEMS):
        yield f"runner#{probe.subject}", answer_text(probe.turns[0], items), context


def _record(claim: Claim) -> dict[str, Any]:
    return {f.name: _plain(getattr(claim, f.name)) for f in fields(claim)}


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, str):  # StrEnum members as their value
        return str(value)
    return value


def outputs() -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for key, text, context in (*fixture_texts(), *benchmark_texts()):
        found[key] = [_record(c) for c in extract(text, context=context)]
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--dump", type=Path, help="write every output here")
    action.add_argument("--check", type=Path, help="compare with a dump made before")
    args = parser.parse_args()
    now = outputs()
    if args.dump is not None:
        args.dump.write_text(json.dumps(now, sort_keys=True) + "\n", encoding="utf-8")
        print(f"{len(now)} texts, {sum(map(len, now.values()))} claims written to {args.dump}")
        return 0
    before = json.loads(args.check.read_text(encoding="utf-8"))
    differing = sorted(k for k in before.keys() | now.keys() if before.get(k) != now.get(k))
    by_file: dict[str, int] = {}
    for key in differing:
        by_file[key.split("#")[0]] = by_file.get(key.split("#")[0], 0) + 1
    for key in differing:
        if not _is_test_part(Path(key.split("#")[0])):  # the test part is counted, never shown
            print(f"differs: {key}: {before.get(key)} -> {now.get(key)}")
    print(
        f"{len(now)} texts compared, {len(differing)} differ"
        + (f" ({json.dumps(by_file)})" if by_file else "")
    )
    return 1 if differing else 0


if __name__ == "__main__":
    raise SystemExit(main())
