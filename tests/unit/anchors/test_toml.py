"""The small TOML writer round-trips through the standard library's reader."""

from __future__ import annotations

import tomllib
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from auditor._anchors._toml import toml_key, toml_tables, toml_value

_scalar = st.text() | st.integers(-(2**63), 2**63 - 1) | st.booleans()
_value: Any = st.recursive(
    _scalar,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
)


@given(key=st.text(), value=_value)
def test_values_round_trip(key: str, value: Any) -> None:
    assert tomllib.loads(f"{toml_key(key)} = {toml_value(value)}\n") == {key: value}


@given(st.dictionaries(st.text(min_size=1), st.dictionaries(st.text(min_size=1), _scalar)))
def test_tables_round_trip(data: dict[str, dict[str, Any]]) -> None:
    assert tomllib.loads(toml_tables({"anchors": data})) == {"anchors": data}
