"""A rule's alternative spelt out into variants (`_rules.expand`) matches exactly what it
matches as written, and only groups that open a variant are spelt
out, so that each variant starts with a literal word."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from auditor._claims._rules import _MAX_EXPANSION, expand

_WORDS = st.sampled_from(["in", "out", "stock", "we", "have", "no", "it"])


def _group(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.tuples(st.lists(inner, min_size=1, max_size=3), st.booleans()).map(
        lambda parts: "(?:" + "|".join(parts[0]) + ")" + ("?" if parts[1] else "")
    )


def _alternative(depth: int) -> st.SearchStrategy[str]:
    piece: st.SearchStrategy[str] = (
        _WORDS if depth == 0 else st.one_of(_WORDS, _group(_alternative(depth - 1)))
    )
    return st.lists(piece, min_size=1, max_size=4).map(" ".join)


_ALTERNATIVES = st.lists(_alternative(2), min_size=1, max_size=3).map("|".join)


@given(_ALTERNATIVES, st.lists(_WORDS, min_size=1, max_size=5).map(" ".join))
def test_the_variants_match_what_the_alternative_matches(alternative, text):
    variants = expand(alternative)
    assert len(variants) <= _MAX_EXPANSION or variants == [alternative]
    whole = re.fullmatch(f"(?:{alternative})", text) is not None
    spelt = any(re.fullmatch(f"(?:{v})", text) is not None for v in variants)
    assert whole == spelt


def test_leading_groups_are_spelt_out_until_a_variant_opens_on_a_word():
    assert expand("(?:we (?:have|hold)|it is) in stock|none left") == [
        "we (?:have|hold) in stock",
        "it is in stock",
        "none left",
    ]
    assert expand("(?:(?:no|zero) )?(?:units|stock) left") == [
        "no (?:units|stock) left",
        "zero (?:units|stock) left",
        "units left",
        "stock left",
    ]


def test_an_alternative_that_multiplies_too_far_stays_whole():
    many = "(?:" + "|".join(f"w{i}" for i in range(_MAX_EXPANSION + 1)) + ")"
    wide = f"{many} left"
    assert expand(wide) == [wide]
    inner = "(?:" + "|".join(f"w{i}" for i in range(_MAX_EXPANSION + 1)) + ")"
    # The cap holds per variant: the branch that would multiply too far stays whole, its
    # sibling is still spelt out.
    assert expand(f"(?:a|{inner}) left") == ["a left", f"{inner} left"]
