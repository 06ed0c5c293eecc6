"""The delays corpus (fixtures/claims/corpus/delays/README.md): its test parts are frozen,
every line is well-formed and split by the corpus's rule, every voice holds every delay value,
and the extractor's accuracy on the `delay` kind never falls below the floor.

`benchmarks/claims_corpus.py` prints the kind × voice tables for its dev and test parts. Read
misses from the dev parts only: the test parts are never tuned on.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from pathlib import Path

import pytest

from tests.unit.claims._corpus import (
    DELAY_KIND,
    DELAY_KINDS,
    DELAY_VALUES,
    DELAYS,
    VOICES,
    delay_matrix,
    render,
)
from tests.unit.claims.test_corpus import _VALUES

#: sha256 of each test part, pinned when the delays corpus was frozen (before any delay rule).
DIGESTS = {
    "agent.test.jsonl": "fbfbba61b6c0ed46263745ffa17fd824ebd8c824505accbaf51d0ad13ef0d119",
    "british.test.jsonl": "d0458f1cdd8ea3cdcdf2ad3d337c07470550656e36a76871806086c3934209a6",
    "formal_us.test.jsonl": "e3bc37f5bb2f3dd5b8f69f0a8e995dfa05ed76a541f47b4c0b34693ceffb4834",
    "llm_markdown.test.jsonl": "c6dc0958dcd950b8c71f15fd98504dc9fc14b1040964fec0fdbdf6f2b8d77382",
    "sms.test.jsonl": "ad97b2e500b8be24ae7a938ad029055ff2ba8a97fb00fc9dcc09ac351724f3da",
}


def _rows(path: Path) -> list[dict[str, object]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.mark.parametrize("name", sorted(DIGESTS))
def test_test_part_is_frozen(name):
    assert hashlib.sha256((DELAYS / name).read_bytes()).hexdigest() == DIGESTS[name]


def test_every_voice_has_both_parts_and_every_test_part_is_pinned():
    names = {path.name for path in DELAYS.glob("*.jsonl")}
    assert names == {f"{voice}.{part}.jsonl" for voice in VOICES for part in ("dev", "test")}
    assert {name for name in names if name.endswith(".test.jsonl")} == set(DIGESTS)


def _check_claim(claim: dict[str, object]) -> None:
    assert {"kind", "value", "subject"} <= set(claim) <= {"kind", "value", "subject", "hedged"}
    kind, value = str(claim["kind"]), claim["value"]
    assert kind in DELAY_KINDS, claim
    if kind == DELAY_KIND:
        assert value in DELAY_VALUES, claim
    elif kind in _VALUES:
        assert value in _VALUES[kind], claim
    elif kind == "delivery_date":
        assert date.fromisoformat(str(value)).isoformat() == value, claim
    assert str(claim["subject"]).startswith("ORD-"), claim


@pytest.mark.parametrize("voice", VOICES)
def test_rows_are_split_by_the_rule_and_every_delay_value_is_labelled(voice):
    rows = []
    for part in ("dev", "test"):
        for row in _rows(DELAYS / f"{voice}.{part}.jsonl"):
            assert row["voice"] == voice, row["id"]
            assert set(row) == {"id", "voice", "text", "now", "claims"}, row["id"]
            assert datetime.fromisoformat(str(row["now"])).utcoffset() is not None, row["id"]
            for claim in row["claims"]:  # type: ignore[attr-defined]
                _check_claim(claim)
            first = hashlib.sha256(str(row["id"]).encode()).hexdigest()[0]
            assert (first in "01234567") == (part == "test"), (row["id"], part)
            rows.append(row)
    assert len(rows) >= 30, voice
    claims = [c for row in rows for c in row["claims"]]  # type: ignore[attr-defined]
    delays = [c for c in claims if c["kind"] == DELAY_KIND]
    assert {c["value"] for c in delays} == DELAY_VALUES, voice
    assert all(str(c["subject"]).startswith("ORD-") for c in delays), voice
    # Negatives as well: texts with no delay label at all (plain dates, statuses).
    assert sum(not any(c["kind"] == DELAY_KIND for c in row["claims"]) for row in rows) >= 5


#: Accuracy (percent, rounded down) of the `delay` kind per voice on the test parts, measured
#: when the first delay reader was written (auditor/_claims/_delay.py, from the dev parts).
#: The texts and the rules have one author, so these figures overstate how the reader does on a
#: stranger's wording; they guard against regressions. Floors may only rise.
FLOORS = {
    "formal_us": 100,  # 9/9
    "british": 92,  # 13/14
    "sms": 100,  # 9/9
    "llm_markdown": 100,  # 15/15
    "agent": 100,  # 11/11
}


def test_delay_accuracy_per_voice_holds_its_floor():
    scores = delay_matrix("test")
    print(f"\ndelays test parts\n{render(scores, DELAY_KINDS)}")
    below = {
        voice: f"{s.correct}/{s.n} < {FLOORS[voice]}%"
        for voice, by_kind in scores.items()
        if (s := by_kind[DELAY_KIND]).correct * 100 < FLOORS[voice] * s.n
    }
    assert not below, below
    assert all(scores[voice][DELAY_KIND].n >= 5 for voice in VOICES)
