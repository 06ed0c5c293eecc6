"""Stock counts by wording family (issue 16 item 1): "N or so" gives no quantity, the
places a person sees stock ("on our system", "in the main warehouse"), "they've got N",
"got N in", "only N sets", "the last couple", "zero stock", "stock level for the X is N".
Sentences written for these tests, not taken from any corpus."""

from __future__ import annotations

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract

ITEMS = {"OT-0001": "Oak Table", "TB-0006": "Tea Bowl Set of 6", "LP-0009": "Lamp Post 9"}


def counts(text: str) -> list[object]:
    found = extract(text, [ClaimKind.QUANTITY], context=ExtractionContext(items=ITEMS))
    return [(c.value, c.subject) for c in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We've got zero stock on the Oak Table.", [(0, "OT-0001")]),
        ("Stock level for the Oak Table is 14.", [(14, "OT-0001")]),
        ("There are 35 Tea Bowl Set of 6 in the stockroom.", [(35, "TB-0006")]),
        ("I can see 7 Lamp Post 9 on our system.", [(7, "LP-0009")]),
        ("The Oak Table? I can see 4 in our central warehouse.", [(4, "OT-0001")]),
        ("Asked the store about the Oak Table, they've got 9.", [(9, "OT-0001")]),
        ("Oak Table: we've got 3 in.", [(3, "OT-0001")]),
        ("The Tea Bowl Set of 6 is in stock, only 2 sets though.", [(2, "TB-0006")]),
        ("The Oak Table is available but we're down to the last couple.", [(2, "OT-0001")]),
    ],
)
def test_count_families(text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "There are 60 or so Oak Tables in stock.",
        "We have 25-ish Lamp Post 9 available.",
        "No stock of the Oak Table, I'm afraid.",
    ],
)
def test_approximate_or_wordless_counts_give_no_quantity(text):
    assert counts(text) == []
