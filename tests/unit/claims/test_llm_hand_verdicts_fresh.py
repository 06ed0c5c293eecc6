"""The fresh hand verdicts (seeds 43 and 44) and the audits they judge are frozen and well-formed.

Written from `benchmarks/llm_hand_sheet.py`'s sheets (question, answer, truth; never the tool's
verdict) and committed before any change to judging or reading was made, so that the figure
scored on them at the end (docs/llm.md, "Verdicts against a careful reader") is out of sample:
the rules were improved on seeds 41 and 42 only. A changed digest means a file was edited after
it was frozen, and the measurement is no longer blind.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from tests.unit.claims._fresh import AUDITS, check_whole_audits, load_frozen
from tests.unit.claims._scoring import FIXTURES

NAME = "llm_hand_verdicts_fresh.jsonl"
#: Pinned when the hand verdicts were written, before any comparison with the tool's.
SHA256 = {
    NAME: "f1b8f83505d974a7cd4622790950984c15bfb2b6728f1d2e96ca9f9d5bf29975",
    "llm_audits/seed43/items.json": (
        "af243434f580dd1f84f140ec8e21ec8b765eb2cef8eba37d2acdfbd3d8857254"
    ),
    "llm_audits/seed43/meta.json": (
        "4a69810bf6160609d4bc96703b4bbff5c860ebd4200873fbed8ab9f6af690e2b"
    ),
    "llm_audits/seed43/results.jsonl": (
        "6528ece5ba07d3771ac8db087a582d5010f60d965dfc6ecc1513001595dabae9"
    ),
    "llm_audits/seed44/items.json": (
        "892f033bce97c9aa14cfd7b3acdbc31c8712fd7346cd1c77bd65607fcd696d2e"
    ),
    "llm_audits/seed44/meta.json": (
        "88e7aeaa70655fc528fb78acde9f280ed8322d1204434581b5b9c39f4e6a5ce6"
    ),
    "llm_audits/seed44/results.jsonl": (
        "dabf334a5b270c42166475c5b9d9e42f90c888dfa58b20fc00d07edba75bbf9e"
    ),
}
#: Seeds of every audit judged or used before this set: never a fresh one.
_USED = {1, 2, 3, 7, 11, 23, 41, 42}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_fresh_files_are_unchanged():
    for name, digest in SHA256.items():
        assert _digest(FIXTURES / name) == digest, name


def test_rows_are_well_formed_like_the_first_set():
    old = load_frozen(FIXTURES / "llm_hand_verdicts.jsonl")
    rows = load_frozen(FIXTURES / NAME)
    assert len(rows) >= 120
    assert all(list(row) == list(old[0]) for row in rows)
    assert len({(row["seed"], row["probe_id"]) for row in rows}) == len(rows)
    assert {row["hand"] for row in rows} <= {"pass", "fail", "unanswered", "unclear"}
    for row in rows:
        question, answer = row["question"], row["answer"]
        assert isinstance(question, list) and isinstance(answer, list), row
        assert len(question) == len(answer) >= 1, row
        assert all(isinstance(text, str) and text for text in question + answer), row


def test_two_fresh_seeds_every_probe_judged_against_its_stored_audit():
    check_whole_audits(NAME, {43, 44}, _USED)


_SECRET_KEY = re.compile(r"token|secret|password|api_key|authorization", re.IGNORECASE)


def _secret_values(node: object, path: str = "") -> list[str]:
    """Paths of non-empty string values under secret-looking keys, other than env var names."""
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            where = f"{path}.{key}"
            named = _SECRET_KEY.search(str(key)) and not str(key).endswith("_env")
            if named and isinstance(value, str) and value:
                found.append(where)
            found += _secret_values(value, where)
    elif isinstance(node, list):
        for number, value in enumerate(node):
            found += _secret_values(value, f"{path}[{number}]")
    return found


def test_stored_audits_hold_no_secret_and_stay_small():
    """Only env var names are stored, never a token, key or password, and no header value."""
    files = sorted(path for path in AUDITS.rglob("*") if path.is_file())
    assert {path.name for path in files} == {"results.jsonl", "meta.json", "items.json"}
    for path in files:
        assert path.stat().st_size < 200_000, path
        text = path.read_text(encoding="utf-8")
        assert "bearer " not in text.lower(), path
        documents = load_frozen(path) if path.suffix == ".jsonl" else [json.loads(text)]
        for document in documents:
            assert _secret_values(document) == [], path
