"""The evaluation corpus in other voices (fixtures/claims/corpus/README.md): its test parts are
frozen, every line is well-formed, and the extractor's accuracy per kind × voice on the test
parts never falls below the floor measured when the corpus was frozen.

Run with `-s` to see the kind × voice table; `benchmarks/claims_corpus.py` prints it for the
dev and test parts. Read misses from the dev parts only: the test parts are never tuned on.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date, datetime
from pathlib import Path

import pytest

from auditor._claims import CATEGORICAL_VALUES, ClaimKind
from auditor._claims._model import NOT_RECEIVED, NOT_SHIPPED
from tests.unit.claims._corpus import (
    CORPUS,
    EXTRA_KINDS,
    FRESH,
    KINDS,
    VOICES,
    Matrix,
    matrix,
    render,
)

#: sha256 of each test part, pinned when the corpus was frozen: any edit fails here.
DIGESTS = {
    "formal_us.test.jsonl": "9551168798fc7275286234e5504e7a859933e0b82ea401a16e654a49aacccd3f",
    "british.test.jsonl": "7c22ef22117625b92c9d7ecb86c8e8fbdc21da5a71c94c72819f554a829c7d14",
    "sms.test.jsonl": "c277de628b9d06ac194a45d3dbd4902bd7cd9b2a0bdf01b5f9be93caa67bb1ed",
    "llm_markdown.test.jsonl": "4261a4e8034e64393ac299b487d658c8597d1d4eb9eb39b9f33c43d63e0656a7",
    "agent.test.jsonl": "fce61f65a360ab32054ccd73f8e17859262ed75798801910dc4377a0bd87cd28",
}

#: Accuracy (percent, rounded down) per (voice, kind) on the test parts, measured on
#: 2026-12-06 at 54fca2c, before any rule change for the corpus (correct/n in the comments);
#: raised where the stock kinds and clarification improved (branch `extract`).
#: Floors may only rise. Cells with fewer than _MIN_N texts are reported, not asserted.
#: Raised on branch extract2 for order_status … refusal after rules written from the dev
#: parts only ("was" keeps the frozen measurement); delivery_date raised on branch extract3.
#: "(readmore; was N)": raised on branch readmore (2026-12-07) to its last measured test
#: figure, after rules written by wording family from the dev parts and sentences of its own.
FLOORS = {
    ("formal_us", "availability"): 75,  # 41/54 (39/54 when frozen)
    ("formal_us", "quantity"): 91,  # 11/12
    ("formal_us", "order_status"): 78,  # 39/50 (was 69: 34/49)
    ("formal_us", "delivery_date"): 93,  # 14/15 (readmore; was 86)
    ("formal_us", "tracking"): 100,  # 7/7
    ("formal_us", "return_status"): 88,  # 15/17 (readmore; was 82)
    ("formal_us", "refund"): 88,  # 16/18 (was 83: 15/18)
    ("formal_us", "refund_amount"): 100,  # 9/9
    ("formal_us", "deflection"): 81,  # 9/11
    ("formal_us", "refusal"): 100,  # 6/6 (readmore; was 83)
    ("formal_us", "discount"): 40,  # 2/5
    ("formal_us", "clarification"): 100,  # 5/5 (0/5 when frozen: no such kind yet)
    ("british", "availability"): 75,  # 36/48 (readmore; was 72)
    ("british", "quantity"): 80,  # 8/10 (readmore; was 70)
    ("british", "order_status"): 90,  # 28/31 (was 61: 19/31)
    ("british", "delivery_date"): 93,  # 14/15 (was 80: 12/15)
    ("british", "tracking"): 100,  # 5/5
    ("british", "return_status"): 92,  # 12/13 (readmore; was 84)
    ("british", "refund"): 75,  # 6/8 (readmore; was 50)
    ("british", "deflection"): 66,  # 6/9 (readmore; was 44)
    ("british", "refusal"): 83,  # 5/6 (was 66: 4/6)
    ("british", "clarification"): 66,  # 2/3 (0/3 when frozen)
    ("sms", "availability"): 78,  # 32/41 (readmore; was 75)
    ("sms", "quantity"): 81,  # 9/11
    ("sms", "order_status"): 70,  # 24/34 (was 64: 22/34)
    ("sms", "delivery_date"): 91,  # 11/12 (was 41: 5/12)
    ("sms", "tracking"): 100,  # 5/5 (readmore; was 80)
    ("sms", "return_status"): 78,  # 11/14 (was 42: 6/14)
    ("sms", "refund"): 53,  # 7/13 (readmore; was 46)
    ("sms", "refund_amount"): 100,  # 6/6 (was 66: 4/6)
    # sms deflection and refusal: one test text moved from deflection to refusal with the fix
    # to optional blanks in rules (`_rules._compile`: "can't find order X" is a refusal, as the
    # labelling rules say). The fix was not tuned here; its cost was counted, not inspected.
    ("sms", "deflection"): 70,  # 12/17 (readmore; was 43)
    ("sms", "refusal"): 83,  # 5/6 (readmore; was 33)
    ("sms", "discount"): 62,  # 5/8
    ("sms", "clarification"): 80,  # 4/5 (0/5 when frozen)
    # llm_markdown and agent: measured at 201ccb8, the same extractor.
    ("llm_markdown", "availability"): 84,  # 53/63
    ("llm_markdown", "quantity"): 80,  # 20/25
    ("llm_markdown", "order_status"): 85,  # 55/64 (was 78: 50/64)
    ("llm_markdown", "delivery_date"): 84,  # 28/33 (was 75: 27/36)
    ("llm_markdown", "tracking"): 100,  # 15/15
    ("llm_markdown", "return_status"): 89,  # 25/28 (readmore; was 82)
    ("llm_markdown", "refund"): 75,  # 28/37 (readmore; was 67)
    ("llm_markdown", "refund_amount"): 89,  # 17/19 (was 78: 15/19)
    ("llm_markdown", "deflection"): 81,  # 9/11 (was 72: 8/11)
    ("llm_markdown", "refusal"): 85,  # 6/7
    ("llm_markdown", "discount"): 77,  # 7/9 (readmore; was 66)
    ("llm_markdown", "clarification"): 60,  # 3/5 (readmore; was 0)
    ("agent", "availability"): 79,  # 46/58 (readmore; was 75)
    ("agent", "quantity"): 66,  # 14/21 (readmore; was 63)
    ("agent", "order_status"): 76,  # 46/60 (was 70: 42/60)
    ("agent", "delivery_date"): 66,  # 18/27 (was 62: 17/27)
    ("agent", "tracking"): 100,  # 13/13
    ("agent", "return_status"): 80,  # 21/26 (readmore; was 76)
    ("agent", "refund"): 82,  # 19/23 (readmore; was 78)
    ("agent", "refund_amount"): 84,  # 11/13 (was 53: 7/13)
    ("agent", "deflection"): 57,  # 23/40 (readmore; was 48)
    ("agent", "refusal"): 75,  # 6/8 (readmore; was 37)
    ("agent", "discount"): 83,  # 5/6
    ("agent", "clarification"): 87,  # 7/8 (readmore; was 0)
}
_MIN_N = 5

#: sha256 of each file of the fresh held-out set (fixtures/claims/fresh/README.md), pinned when
#: it was written, before the rule changes it measures.
FRESH_DIGESTS = {
    "agent.jsonl": "cadb0d64e99b5139f52161329b9c2437afb5ba6234507f0698e474defcf7d944",
    "british.jsonl": "244c4b3e848a4ecec76c975c6d86dbed6a94e0137a2666f494d7395b69d1e2e4",
    "formal_us.jsonl": "5c1335a0ca283042f309c91aff6abcd2fa2c1edf781d7e1a78eff041a851e025",
    "sms.jsonl": "f900187219cf5731a7a4fafde7d07b19e97ac7ffd88b5b67e34dd26a15d3c913",
}

_FIELDS = {"id", "voice", "text", "now", "items", "claims"}
_CLAIM_FIELDS = {"kind", "value", "subject", "hedged"}
_AMOUNT = re.compile(r"\d+\.\d\d")
_SUBJECT = re.compile(r"(ORD|RMA)-[A-Z0-9-]+")
#: Values the frozen corpus was labelled with: `not_shipped` came after it was frozen (its
#: labelling rules had no value for "hasn't shipped yet"), so no voice holds it.
_VALUES = {
    **{
        # Values added after the corpus was frozen: no voice's labels need hold them.
        k.value: v - {NOT_SHIPPED, NOT_RECEIVED}
        for k, v in CATEGORICAL_VALUES.items()
        if k.value in KINDS
    },
    **EXTRA_KINDS,
}


def _files() -> list[Path]:
    return sorted(CORPUS.glob("*.jsonl"))


def _rows(path: Path) -> list[dict[str, object]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.mark.parametrize("name", sorted(DIGESTS))
def test_test_part_is_frozen(name):
    assert hashlib.sha256((CORPUS / name).read_bytes()).hexdigest() == DIGESTS[name]


def test_every_test_part_is_pinned():
    assert {path.name for path in CORPUS.glob("*.test.jsonl")} <= set(DIGESTS)


def test_every_voice_has_both_parts_and_nothing_unsplit():
    names = {path.name for path in _files()}
    assert {f"{voice}.{part}.jsonl" for voice in VOICES for part in ("dev", "test")} <= names
    assert all(name.endswith((".dev.jsonl", ".test.jsonl")) for name in names), names


def _check_claim(claim: dict[str, object], items: dict[str, str]) -> None:
    assert set(claim) <= _CLAIM_FIELDS and {"kind", "value"} <= set(claim), claim
    kind, value = str(claim["kind"]), claim["value"]
    assert kind in KINDS, kind
    if kind in _VALUES:
        assert value in _VALUES[kind], claim
    elif kind == ClaimKind.QUANTITY:
        assert isinstance(value, int) and not isinstance(value, bool) and value >= 0, claim
    elif kind == ClaimKind.DELIVERY_DATE:
        assert isinstance(value, str) and date.fromisoformat(value).isoformat() == value, claim
    elif kind == ClaimKind.REFUND_AMOUNT:
        assert isinstance(value, str) and _AMOUNT.fullmatch(value), claim
    else:  # tracking, discount: a non-empty string
        assert isinstance(value, str) and value, claim
    subject = claim.get("subject")
    assert subject is None or subject in items or _SUBJECT.fullmatch(str(subject)), claim
    assert isinstance(claim.get("hedged", False), bool), claim


@pytest.mark.parametrize("path", _files(), ids=lambda path: path.name)
def test_rows_are_well_formed_and_split_by_the_rule(path):
    voice, part = path.name.split(".")[:2]
    for row in _rows(path):
        assert _FIELDS - {"items"} <= set(row) <= _FIELDS, row
        assert row["voice"] == voice and isinstance(row["text"], str) and row["text"], row
        assert datetime.fromisoformat(str(row["now"])).utcoffset() is not None, row["id"]
        items = row.get("items", {})
        assert isinstance(items, dict) and all(isinstance(n, str) for n in items.values())
        assert isinstance(row["claims"], list), row["id"]
        for claim in row["claims"]:
            _check_claim(claim, items)
        first = hashlib.sha256(str(row["id"]).encode()).hexdigest()[0]
        assert (first in "01234567") == (part == "test"), (row["id"], part)


def test_ids_are_unique_across_the_corpus():
    ids = [row["id"] for path in _files() for row in _rows(path)]
    assert len(ids) == len(set(ids))


def test_every_kind_and_value_is_labelled_in_every_voice():
    for voice in VOICES:
        rows = [row for part in ("dev", "test") for row in _rows(CORPUS / f"{voice}.{part}.jsonl")]
        claims = [c for row in rows for c in row["claims"]]
        assert len(rows) >= 250, voice
        assert {c["kind"] for c in claims} == set(KINDS), voice
        for kind, values in _VALUES.items():
            assert {c["value"] for c in claims if c["kind"] == kind} == values, (voice, kind)


@pytest.fixture(scope="module")
def test_scores() -> Matrix:
    scores = matrix("test")
    print(f"\ntest parts\n{render(scores)}")
    return scores


def test_accuracy_per_kind_and_voice_holds_its_floor(test_scores):
    below = {
        f"{voice}/{kind}": f"{s.correct}/{s.n} < {FLOORS.get((voice, kind), 0)}%"
        for voice, by_kind in test_scores.items()
        for kind, s in by_kind.items()
        if s.n >= _MIN_N and s.correct * 100 < FLOORS.get((voice, kind), 0) * s.n
    }
    assert not below, below


def test_floors_name_known_cells():
    assert {voice for voice, _ in FLOORS} <= set(VOICES)
    assert {kind for _, kind in FLOORS} <= set(KINDS)


@pytest.mark.parametrize("name", sorted(FRESH_DIGESTS))
def test_fresh_set_is_frozen_and_well_formed(name):
    path = FRESH / name
    assert hashlib.sha256(path.read_bytes()).hexdigest() == FRESH_DIGESTS[name]
    assert {p.name for p in FRESH.glob("*.jsonl")} == set(FRESH_DIGESTS)
    for row in _rows(path):
        assert _FIELDS - {"items"} <= set(row) - {"cell"} <= _FIELDS, row
        assert row["voice"] == path.stem and row["cell"] in KINDS, row
        for claim in row["claims"]:
            _check_claim(claim, row.get("items", {}))
