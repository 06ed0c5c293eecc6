"""The second fresh hand verdicts (seeds 45 and 46) and the audits they judge are frozen.

Recorded and judged from `benchmarks/llm_hand_sheet.py`'s sheets (question, answer, truth; never
the tool's verdict) and committed before any judging change of branch `verdicts2`, so that the
figure the lead scores on them once, after every branch of the day is merged, is out of sample:
seeds 41 to 44 were all used for tuning or scored already. A changed digest means a file was
edited after it was frozen, and the measurement is no longer blind.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

from tests.unit.claims._scoring import FIXTURES
from tests.unit.claims.test_llm_hand_verdicts_fresh import load_frozen, load_stored

NAME = "llm_hand_verdicts_fresh2.jsonl"
#: Pinned when the hand verdicts were written, before any comparison with the tool's.
SHA256 = {
    NAME: "3ded4b9011a23e0f6cd96ede71ac65289c17f9bca687eb73d4df5e8758007c1c",
    "llm_audits/seed45/items.json": (
        "69387c7e77add5b72c83257eec9cc09ade1b97a0da377b2126cee79abbbd5395"
    ),
    "llm_audits/seed45/meta.json": (
        "ab65d22fd932c09e629e3cb71b72433f2025096f987aab088722f1c0ac76b016"
    ),
    "llm_audits/seed45/results.jsonl": (
        "9a338fa906be5fea33ba02455718dacf75b26ad08703bd83df84a77c349c52ef"
    ),
    "llm_audits/seed46/items.json": (
        "6c0563116764cb41dfa6e63731c7f4b6335ad57a3b9a9c4e9d62c67273238cb6"
    ),
    "llm_audits/seed46/meta.json": (
        "823d5a01e611fe27130c3669c06043bf2dd7287e9f4c3106958f6056675cbc9a"
    ),
    "llm_audits/seed46/results.jsonl": (
        "f5c06c7a42176f400fc68e0aae8e5120e7d2aa51fe4727bccc4f72b7a7890299"
    ),
}
#: Seeds of every audit judged, tuned on or scored before this set: never a fresh one.
_USED = {1, 2, 3, 7, 11, 23, 41, 42, 43, 44}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_second_fresh_files_are_unchanged():
    for name, digest in SHA256.items():
        assert _digest(FIXTURES / name) == digest, name


def test_rows_are_well_formed_like_the_first_set():
    old = load_frozen(FIXTURES / "llm_hand_verdicts.jsonl")
    rows = load_frozen(FIXTURES / NAME)
    assert len(rows) == 120
    assert all(list(row) == list(old[0]) for row in rows)
    assert len({(row["seed"], row["probe_id"]) for row in rows}) == len(rows)
    assert {row["hand"] for row in rows} <= {"pass", "fail", "unanswered", "unclear"}
    for row in rows:
        question, answer, reason = row["question"], row["answer"], row["reason"]
        assert isinstance(question, list) and isinstance(answer, list), row
        assert len(question) == len(answer) >= 1, row
        assert all(isinstance(text, str) and text for text in question + answer), row
        assert isinstance(reason, str) and reason, row


def test_two_unused_seeds_every_probe_judged_against_its_stored_audit():
    """Each row's probe is in the stored audit of its seed, with the same question(s) and
    answer(s), and every stored probe of those seeds has a row: nothing was left out."""
    rows = load_frozen(FIXTURES / NAME)
    per_seed = Counter(int(str(row["seed"])) for row in rows)
    assert set(per_seed) == {45, 46} and not set(per_seed) & _USED
    stored = {key: row for key, row in load_stored().items() if key[0] in per_seed}
    assert {(int(str(row["seed"])), str(row["probe_id"])) for row in rows} == set(stored)
    for row in rows:
        result = stored[(int(str(row["seed"])), str(row["probe_id"]))]
        answers = result.get("turn_answers") or [result["answer"]]
        assert row["answer"] == answers, row["probe_id"]
        probe = result["probe"]
        assert isinstance(probe, dict) and row["question"] == probe["turns"], row["probe_id"]
