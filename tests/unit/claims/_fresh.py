"""Checks every fresh hand-verdict set shares: frozen digests, well-formed rows, whole audits.

A fresh set is judged by hand from `benchmarks/llm_hand_sheet.py`'s sheets (question, answer,
truth; never the tool's verdict) and committed before any judging change of its branch, so that
the figure scored on it once, later, is out of sample. Each set's test names its file, its
digests and the seeds used before it, and calls these; the checks live once, here.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Mapping, Set
from pathlib import Path

from tests.unit.claims._scoring import FIXTURES

HAND = {"pass", "fail", "unanswered", "unclear"}
AUDITS = FIXTURES / "llm_audits"


def load_frozen(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def load_stored() -> dict[tuple[int, str], dict[str, object]]:
    """(seed, probe id) -> the stored result, as `benchmarks/llm_hand_verdicts.py` finds them."""
    found: dict[tuple[int, str], dict[str, object]] = {}
    for results in sorted(AUDITS.rglob("results.jsonl")):
        seed = int(json.loads(results.with_name("meta.json").read_text(encoding="utf-8"))["seed"])
        for row in load_frozen(results):
            if row.get("entry_type") == "probe":
                probe = row["probe"]
                assert isinstance(probe, dict)
                found[(seed, str(probe["id"]))] = row
    return found


def check_unchanged(digests: Mapping[str, str]) -> None:
    """Every pinned file still has the sha256 it had when the set was frozen."""
    for name, digest in digests.items():
        assert hashlib.sha256((FIXTURES / name).read_bytes()).hexdigest() == digest, name


def check_well_formed(name: str, count: int) -> None:
    """`count` rows, keyed like the first set's, one per probe, a hand verdict and a reason each."""
    old = load_frozen(FIXTURES / "llm_hand_verdicts.jsonl")
    rows = load_frozen(FIXTURES / name)
    assert len(rows) == count
    assert all(list(row) == list(old[0]) for row in rows)
    assert len({(row["seed"], row["probe_id"]) for row in rows}) == len(rows)
    assert {row["hand"] for row in rows} <= HAND
    for row in rows:
        question, answer, reason = row["question"], row["answer"], row["reason"]
        assert isinstance(question, list) and isinstance(answer, list), row
        assert len(question) == len(answer) >= 1, row
        assert all(isinstance(text, str) and text for text in question + answer), row
        assert isinstance(reason, str) and reason, row


def check_whole_audits(name: str, seeds: Set[int], used: Set[int]) -> None:
    """Each row's probe is in the stored audit of its seed, with the same question(s) and
    answer(s), and every stored probe of those seeds has a row: nothing was left out. The seeds
    are exactly `seeds`, none of them in `used` (tuned on or scored before)."""
    rows = load_frozen(FIXTURES / name)
    per_seed = Counter(int(str(row["seed"])) for row in rows)
    assert set(per_seed) == set(seeds) and not set(per_seed) & set(used)
    stored = {key: row for key, row in load_stored().items() if key[0] in per_seed}
    assert {(int(str(row["seed"])), str(row["probe_id"])) for row in rows} == set(stored)
    for row in rows:
        result = stored[(int(str(row["seed"])), str(row["probe_id"]))]
        answers = result.get("turn_answers") or [result["answer"]]
        assert row["answer"] == answers, row["probe_id"]
        probe = result["probe"]
        assert isinstance(probe, dict) and row["question"] == probe["turns"], row["probe_id"]
