"""The third and fourth fresh hand verdicts (seeds 47, 48; 49, 50) and the audits they judge
are frozen.

Recorded with `auditor demo --brain llm --seed 47|48 --max-probes 60` and judged from
`benchmarks/llm_hand_sheet.py`'s sheets (question, answer, truth; never the tool's verdict),
committed before any judging change of branch `verdicts3`, so that the figure the lead scores on
them once, after every branch of the day is merged, is out of sample: seeds 41 to 46 were all
tuned on or scored already. A changed digest means a file was edited after it was frozen, and
the measurement is no longer blind.

The fourth set (branch `llm6`) was recorded and judged the same way, and committed before any
reading change of that branch; the lead scores it once, after merging. So was the fifth (seeds
51, 52; branch `llm7`), committed before any judging or reading change of that branch, the
sixth (seeds 53, 54; branch `llm8`), the seventh (seeds 55, 56; branch `llm9`) and the eighth
(seeds 57, 58; branch `llm10`).
"""

from __future__ import annotations

from tests.unit.claims._fresh import check_unchanged, check_well_formed, check_whole_audits

NAME = "llm_hand_verdicts_fresh3.jsonl"
#: Pinned when the hand verdicts were written, before any comparison with the tool's.
SHA256 = {
    NAME: "746b6d3cd248a0b8bf5a56d7d274ce7dd2e94e97cc45d68457140ff9be40ed9e",
    "llm_audits/seed47/items.json": (
        "2bd42151df54451ea82be59f31c00a1216e56254afd9a908b41302c712c0310e"
    ),
    "llm_audits/seed47/meta.json": (
        "fd79fecf6eb84aa026011cf270dc08ad5e24ca7463defb89899b05f35d425ec0"
    ),
    "llm_audits/seed47/results.jsonl": (
        "402ca1ee4ea4291ddcb7399e98ed36abbe13b709b2340fddbe861c7d0b7a008f"
    ),
    "llm_audits/seed48/items.json": (
        "c088ba4b3501f6e29aad79b5cfb201897b9dca36432b7353dc275dc150abf1bf"
    ),
    "llm_audits/seed48/meta.json": (
        "ef41d8cc6d570b66ff256378932a1c03844ab8e6b9d942fb45e1a8b82e083967"
    ),
    "llm_audits/seed48/results.jsonl": (
        "770a64cd39f8cf2304c1ca3cca289ee8f083500d9fb8fa326bd52da0fb5cf27c"
    ),
}
#: Seeds of every audit judged, tuned on or scored before this set: never a fresh one.
_USED = {1, 2, 3, 7, 11, 23, 41, 42, 43, 44, 45, 46}


def test_third_fresh_files_are_unchanged():
    check_unchanged(SHA256)


def test_rows_are_well_formed_like_the_first_set():
    check_well_formed(NAME, 120)


def test_two_unused_seeds_every_probe_judged_against_its_stored_audit():
    check_whole_audits(NAME, {47, 48}, _USED)


NAME4 = "llm_hand_verdicts_fresh4.jsonl"
#: Pinned when the fourth set's hand verdicts were written, before any comparison.
SHA256_4 = {
    NAME4: "3bb87be869226dfc7a349f2b3a419290a241fe9c9793127cdc3fb76f095d5c5e",
    "llm_audits/seed49/items.json": (
        "f10c12fb109e03c551630b55c7ddb34b5134c41e8d51d69e07f2c1b64030cd11"
    ),
    "llm_audits/seed49/meta.json": (
        "eafccfd89ed2cdb77b23360c55b345884d4c2b4f1181dc3286018c9ead6eb180"
    ),
    "llm_audits/seed49/results.jsonl": (
        "62add27e535b200f947e0f58c1968c50ebb5e44f0debf0461d63ddd09a69976b"
    ),
    "llm_audits/seed50/items.json": (
        "ea103c7c6a83a47a1df87578364013ddbf485e61ad7e67a8ae0b85f599e2bac7"
    ),
    "llm_audits/seed50/meta.json": (
        "4fdab08579f623e8e7cc897468368b95da61d22010892cfabdbadc48f4d24959"
    ),
    "llm_audits/seed50/results.jsonl": (
        "650c3f2760d64fd4552c7a0ce992843b7e95707663a7aa68107047c566a91dc2"
    ),
}


def test_fourth_fresh_files_are_unchanged():
    check_unchanged(SHA256_4)


def test_fourth_set_rows_are_well_formed_like_the_first_set():
    check_well_formed(NAME4, 120)


def test_fourth_set_two_unused_seeds_every_probe_judged_against_its_stored_audit():
    check_whole_audits(NAME4, {49, 50}, _USED | {47, 48})


NAME5 = "llm_hand_verdicts_fresh5.jsonl"
#: Pinned when the fifth set's hand verdicts were written, before any comparison.
SHA256_5 = {
    NAME5: "6f1f98866ed908b279f95c7b0380c76729d61e3e8434bb6d36e79bac8b34d680",
    "llm_audits/seed51/items.json": (
        "1ac3058863288e6e09855cdd274cd0ae2acc8051474d1252b695639fbfc7e915"
    ),
    "llm_audits/seed51/meta.json": (
        "e90a50945aad71e4afceff4753dbda1e34aa404f3f37b677dc3daeb829885474"
    ),
    "llm_audits/seed51/results.jsonl": (
        "fb7ecc92392df548e6f06ec4640d3cff156216fab9492a08255e3504dab7104d"
    ),
    "llm_audits/seed52/items.json": (
        "9e27e6fa22d0ebaae98507d8e35567cbd9d8ef7b623aa2e76f81954f6056a8f4"
    ),
    "llm_audits/seed52/meta.json": (
        "fab65c684429c36d8eb378d364167c5d3e188c6ecc6b0556c9cd21d69b073cd1"
    ),
    "llm_audits/seed52/results.jsonl": (
        "5577eb25b1934b18fa8dc72aa7d40152e208d534cc6f6feec84fe025cec47b7c"
    ),
}


def test_fifth_fresh_files_are_unchanged():
    check_unchanged(SHA256_5)


def test_fifth_set_rows_are_well_formed_like_the_first_set():
    check_well_formed(NAME5, 120)


def test_fifth_set_two_unused_seeds_every_probe_judged_against_its_stored_audit():
    check_whole_audits(NAME5, {51, 52}, _USED | {47, 48, 49, 50})


NAME6 = "llm_hand_verdicts_fresh6.jsonl"
#: Pinned when the sixth set's hand verdicts were written, before any comparison.
SHA256_6 = {
    NAME6: "c062fd4cd4469c0a1dc5c2caf23c41229d965a623c19264049eacd1cecd36ced",
    "llm_audits/seed53/items.json": (
        "ae3f370500c3c47f3d8bd6e086b9c4f95c764391da72463bf1935bb332107cc8"
    ),
    "llm_audits/seed53/meta.json": (
        "66fd418a8c488d9fdf2e112e364cda0b63485a0d73058214335d294063e0b999"
    ),
    "llm_audits/seed53/results.jsonl": (
        "174efecaefc0f30ebeac1e5bf4e8885abf07ea58eac36532233ac0ff535fc940"
    ),
    "llm_audits/seed54/items.json": (
        "9d088632d3f28adf495cfbf3aac4adf221629e3fdf1fb5421196f411e812ed11"
    ),
    "llm_audits/seed54/meta.json": (
        "4d664e28a16e9e0f8d3c942b88d8f0a5622f154c808ef9aa4437b48c242504a0"
    ),
    "llm_audits/seed54/results.jsonl": (
        "4283e637e27aa9605c7f48eee29662f52d54143c885fdbe237218c12bdf317a6"
    ),
}


def test_sixth_fresh_files_are_unchanged():
    check_unchanged(SHA256_6)


def test_sixth_set_rows_are_well_formed_like_the_first_set():
    check_well_formed(NAME6, 120)


def test_sixth_set_two_unused_seeds_every_probe_judged_against_its_stored_audit():
    check_whole_audits(NAME6, {53, 54}, _USED | {47, 48, 49, 50, 51, 52})


NAME7 = "llm_hand_verdicts_fresh7.jsonl"
#: Pinned when the seventh set's hand verdicts were written (branch `llm9`), before any change.
SHA256_7 = {
    NAME7: "6b47364cdb2b16fc775ede0eb2f03248ca38885f31a05ce2dad9f7971bee7fbb",
    "llm_audits/seed55/items.json": (
        "537a4ac8ba967660c80ad22a1da077b8062ff44a9b6c0d43c72e84fb2e754872"
    ),
    "llm_audits/seed55/meta.json": (
        "13c27f8b21be52987f3cc6c742b160b8411a37fd13f4c77be4338ee03768055f"
    ),
    "llm_audits/seed55/results.jsonl": (
        "9fc4700acec76687fc0932ece2a465ecc8ed209c10b83840df6e88c9ba34ffd5"
    ),
    "llm_audits/seed56/items.json": (
        "e8a3f57f485c7c0b6070d804a81be4e54eaa92fc106df8e9d0fbb30410fabf33"
    ),
    "llm_audits/seed56/meta.json": (
        "5d60d9cc2f30a97a175b9b718165971dcec1663c9cd2519b8704dc2d27222eb9"
    ),
    "llm_audits/seed56/results.jsonl": (
        "8697d14279a2924439b93058f118c20b90590d9ef04d59d6c41872fa8110cf56"
    ),
}


def test_seventh_fresh_files_are_unchanged():
    check_unchanged(SHA256_7)


def test_seventh_set_rows_are_well_formed_like_the_first_set():
    check_well_formed(NAME7, 120)


def test_seventh_set_two_unused_seeds_every_probe_judged_against_its_stored_audit():
    check_whole_audits(NAME7, {55, 56}, _USED | {47, 48, 49, 50, 51, 52, 53, 54})


NAME8 = "llm_hand_verdicts_fresh8.jsonl"
#: Pinned when the eighth set's hand verdicts were written (branch `llm10`), before any change.
SHA256_8 = {
    NAME8: "b349656d9c8ad70274959adc57238438b85838d7852db63ca7bde69d818aeec8",
    "llm_audits/seed57/items.json": (
        "a3e1ba5f57aaff88e3c6ad5864911c6315b8a69c1c4383fc5b603668cec454c1"
    ),
    "llm_audits/seed57/meta.json": (
        "d8c77b252670bcdc41289b2ffac6c05a723383b9752a5e34906d51fe3a7062cf"
    ),
    "llm_audits/seed57/results.jsonl": (
        "945cd899645d2c8e0f45673519472036e1abb1f45b60839af1266798b18c4c2f"
    ),
    "llm_audits/seed58/items.json": (
        "22dfd7897f5707bfd6123e82e335a906e06eb4a93a0f58e7fe46a487a0e7a004"
    ),
    "llm_audits/seed58/meta.json": (
        "0e1d8702b9447293b43789e61d06f78e268e407d5d81c116a87a5a4627f3c97d"
    ),
    "llm_audits/seed58/results.jsonl": (
        "4f86f1efea34912b0e97c48cc2e0cfbc19efacd849df8aa545611608492c01bf"
    ),
}


def test_eighth_fresh_files_are_unchanged():
    check_unchanged(SHA256_8)


def test_eighth_set_rows_are_well_formed_like_the_first_set():
    check_well_formed(NAME8, 120)


def test_eighth_set_two_unused_seeds_every_probe_judged_against_its_stored_audit():
    check_whole_audits(NAME8, {57, 58}, _USED | set(range(47, 57)))
