"""The second fresh hand verdicts (seeds 45 and 46) and the audits they judge are frozen.

Recorded and judged from `benchmarks/llm_hand_sheet.py`'s sheets (question, answer, truth; never
the tool's verdict) and committed before any judging change of branch `verdicts2`, so that the
figure the lead scores on them once, after every branch of the day is merged, is out of sample:
seeds 41 to 44 were all used for tuning or scored already. A changed digest means a file was
edited after it was frozen, and the measurement is no longer blind.
"""

from __future__ import annotations

from tests.unit.claims._fresh import check_unchanged, check_well_formed, check_whole_audits

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


def test_second_fresh_files_are_unchanged():
    check_unchanged(SHA256)


def test_rows_are_well_formed_like_the_first_set():
    check_well_formed(NAME, 120)


def test_two_unused_seeds_every_probe_judged_against_its_stored_audit():
    check_whole_audits(NAME, {45, 46}, _USED)
