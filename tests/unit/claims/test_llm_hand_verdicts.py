"""The hand verdicts on two audits of the language model are frozen and well-formed.

They were written by reading each probe's question, answer and truth, before the tool's verdicts
were looked at, and are what `benchmarks/llm_hand_verdicts.py` scores the auditor against
(docs/llm.md, "Verdicts against a careful reader"). A changed digest means the file was edited:
it must never be, or the measurement is no longer blind.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter

from tests.unit.claims._scoring import FIXTURES

NAME = "llm_hand_verdicts.jsonl"
#: Pinned when the hand verdicts were written, before any comparison with the tool's.
SHA256 = "716770e45dcf72e551505f9b6ccf0be09aedcde71f46c242dcca6482883f169b"
_FIELDS = {
    "seed",
    "probe_id",
    "kind",
    "edge_class",
    "channel",
    "mention",
    "question",
    "answer",
    "truth",
    "hand",
    "reason",
}
#: `unread` is the auditor's own limit, never a careful reader's verdict.
_HAND = {"pass", "fail", "unanswered", "unclear"}


def _rows() -> list[dict[str, object]]:
    lines = (FIXTURES / NAME).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_hand_verdicts_are_unchanged():
    assert hashlib.sha256((FIXTURES / NAME).read_bytes()).hexdigest() == SHA256


def test_rows_are_well_formed():
    rows = _rows()
    assert len(rows) >= 120
    assert len({(row["seed"], row["probe_id"]) for row in rows}) == len(rows)
    for row in rows:
        assert set(row) == _FIELDS, row
        assert isinstance(row["seed"], int) and re.fullmatch(r"[0-9a-f]{16}", str(row["probe_id"]))
        assert row["hand"] in _HAND, row
        question, answer = row["question"], row["answer"]
        assert isinstance(question, list) and isinstance(answer, list), row
        assert len(question) == len(answer) >= 1, row
        assert all(isinstance(text, str) and text for text in question + answer), row
        for field in ("kind", "edge_class", "channel", "truth", "reason"):
            assert isinstance(row[field], str) and row[field], (field, row)


def test_two_fresh_seeds_each_fully_judged():
    """Two audits, seeds never used before in docs/llm.md or the fixtures, every probe kept."""
    per_seed = Counter(int(str(row["seed"])) for row in _rows())
    assert len(per_seed) == 2 and not set(per_seed) & {1, 2, 3, 7, 11, 23}
    assert all(count >= 60 for count in per_seed.values())
