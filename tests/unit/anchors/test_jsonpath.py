"""The fast lane for plain key chains reads exactly what jsonpath-ng reads."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from jsonpath_ng.ext.parser import parse

from auditor._anchors._jsonpath import JsonPath

_keys = st.sampled_from(["a", "b", "sku", "stock", "available"])
_json: Any = st.recursive(
    st.none() | st.integers() | st.text(max_size=3),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_keys, inner, max_size=3),
    max_leaves=12,
)


@given(data=_json, chain=st.lists(_keys | st.integers(0, 2), min_size=1, max_size=4))
def test_plain_chains_agree_with_jsonpath_ng(data: Any, chain: list[str | int]) -> None:
    text = "$" + "".join(f"[{c}]" if isinstance(c, int) else f".{c}" for c in chain)
    compiled = JsonPath.compile(text)
    assert compiled.steps is not None  # took the fast lane
    found = [m.value for m in parse(text).find(data)]
    assert compiled.first(data, "MISSING") == (found[0] if found else "MISSING")


@given(data=st.dictionaries(_keys, st.lists(st.dictionaries(_keys, st.integers()), max_size=4)))
def test_wildcards_agree_with_jsonpath_ng(data: dict[str, Any]) -> None:
    for key in ("a", "b"):
        text = f"$.{key}[*].sku"
        expected = [m.value for m in parse(text).find(data)]
        assert JsonPath.compile(text).values(data) == expected


def test_matches_carry_their_concrete_path() -> None:
    body = {"items": [{"sku": "A"}, {"sku": "B"}]}
    assert JsonPath.compile("$.items[*]").all(body) == [
        (("items", 0), {"sku": "A"}),
        (("items", 1), {"sku": "B"}),
    ]


def test_filters_go_through_jsonpath_ng() -> None:
    path = JsonPath.compile("$.items[?(@.n > 1)].sku")
    assert path.steps is None
    assert path.values({"items": [{"n": 1, "sku": "A"}, {"n": 2, "sku": "B"}]}) == ["B"]
