"""The labelled sets are well-formed, cover every kind, and the holdout is unchanged."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from datetime import datetime

import pytest

from auditor._claims import CATEGORICAL_VALUES, ClaimKind, Vocabulary
from tests.unit.claims._scoring import FIXTURES

#: Written before the extractor; a changed hash means it was edited (it must never be).
HOLDOUT_SHA256 = "768643a4a2e2f0df662d0f356e0c33d74e4e5b3facaa403fb01315cbfebbc7aa"
_FIELDS = {"id", "text", "now", "items", "vocabulary", "claims"}
_CLAIM_FIELDS = {"kind", "value", "subject", "hedged"}


def _rows(name: str) -> list[dict[str, object]]:
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_holdout_is_unchanged():
    digest = hashlib.sha256((FIXTURES / "holdout.jsonl").read_bytes()).hexdigest()
    assert digest == HOLDOUT_SHA256


@pytest.mark.parametrize("name", ["labelled.jsonl", "holdout.jsonl"])
def test_rows_are_well_formed(name):
    rows = _rows(name)
    assert len({row["id"] for row in rows}) == len(rows)
    for row in rows:
        assert set(row) <= _FIELDS and isinstance(row["text"], str), row
        if "now" in row:
            assert datetime.fromisoformat(str(row["now"])).utcoffset() is not None
        Vocabulary.from_mapping(row.get("vocabulary", {}))
        for claim in row["claims"]:
            assert set(claim) <= _CLAIM_FIELDS, row["id"]
            kind = ClaimKind(claim["kind"])
            allowed = CATEGORICAL_VALUES.get(kind)
            assert allowed is None or claim["value"] in allowed, row["id"]


#: Kinds added after the labelled set was frozen: the corpus in other voices labels them.
_NEWER_THAN_THE_SET = frozenset({ClaimKind.CLARIFICATION, ClaimKind.DELAY})


def test_labelled_set_is_large_and_covers_every_kind():
    rows = _rows("labelled.jsonl")
    positives = Counter(c["kind"] for row in rows for c in row["claims"])
    assert len(rows) >= 300
    assert {
        kind.value: positives[kind.value]
        for kind in ClaimKind
        if positives[kind.value] < 20 and kind not in _NEWER_THAN_THE_SET
    } == {}
