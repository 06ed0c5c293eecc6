"""Contract findings: JSON paths, one-line reasons, bounded storage."""

from __future__ import annotations

import json
import re

from hypothesis import given
from hypothesis import strategies as st

from auditor._anchors._contract import MAX_FINDINGS, FindingLog, excerpt, json_path, one_line


def test_json_path_reads_like_the_brief() -> None:
    assert json_path(["items", 3, "stock", "available"]) == "$.items[3].stock.available"
    assert json_path([]) == "$"
    assert json_path(["odd key"]) == '$["odd key"]'


_parts = st.lists(st.integers(0, 10_000) | st.from_regex(r"\A[a-z_][a-z0-9_]{0,8}\Z"), max_size=6)


@given(_parts, st.integers(0, 99))
def test_paths_differing_only_in_indices_fold_to_one_pattern(
    parts: list[str | int], shift: int
) -> None:
    other = [p + shift if isinstance(p, int) else p for p in parts]
    log = FindingLog("a")
    log.add("op", 200, json_path(parts), "r")
    log.add("op", 200, json_path(other), "r")
    first, second = log.findings
    assert first.pattern == second.pattern
    assert re.search(r"\[\d+\]", first.pattern) is None


@given(st.text())
def test_reasons_and_examples_stay_on_one_short_line(text: str) -> None:
    assert "\n" not in one_line(text)
    assert len(one_line(text)) <= 200
    shown = excerpt({"value": text})
    assert "\n" not in shown and len(shown) <= 200


def test_excerpt_is_json_when_short() -> None:
    assert json.loads(excerpt({"qty": "seven"})) == {"qty": "seven"}


def test_the_log_is_bounded_and_counts_what_it_drops() -> None:
    log = FindingLog("a")
    for i in range(MAX_FINDINGS + 5):
        log.add("op", 200, f"$.items[{i}]", "type: bad")
    assert len(log.findings) == MAX_FINDINGS
    assert log.dropped == 5
