"""Docs that run: the README's configuration parses, and its tables name what exists."""

import re
import tomllib
from pathlib import Path

import pytest

from auditor._config import parse_config
from auditor._probes import PROBE_KINDS
from auditor.reference.assistant import Faults

README = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
TOML_BLOCKS = re.findall(r"```toml\n(.*?)```", README, re.S)


def _merged(base: dict[str, object], part: dict[str, object]) -> dict[str, object]:
    merged = dict(base)
    for key, value in part.items():
        old = merged.get(key)
        both_tables = isinstance(old, dict) and isinstance(value, dict)
        merged[key] = _merged(old, value) if both_tables else value  # type: ignore[arg-type]
    return merged


@pytest.mark.parametrize("block", TOML_BLOCKS)
def test_every_toml_example_is_a_valid_configuration(block):
    """A whole example must load as it is; a fragment (no `[[assistant]]`) must load within the
    README's first, whole configuration."""
    data = tomllib.loads(block)
    if "assistant" not in data:
        data = _merged(tomllib.loads(TOML_BLOCKS[0]), data)
    parse_config(data, source="README.md")


def test_every_probe_kind_is_documented():
    for kind in PROBE_KINDS:
        assert f"`{kind.name}`" in README, kind.name


def test_every_fault_switch_is_documented():
    import dataclasses

    for field in dataclasses.fields(Faults):
        assert f"`{field.name}" in README, field.name


def test_the_two_commands_open_the_readme():
    head = README[:600]
    assert "make demo" in head and "make test" in head


def test_the_compatibility_table_is_the_one_in_auditor_compat():
    from auditor._compat import compat_markdown

    start = "<!-- compat-table: generated from auditor/_compat.py (compat_markdown) -->\n"
    assert start in README, "the README lost its compatibility table"
    shown = README.split(start, 1)[1].split("<!-- /compat-table -->", 1)[0]
    assert shown == compat_markdown()


def test_every_verdict_and_gate_threshold_is_documented():
    from auditor._config import GateSection
    from auditor._verdict import Verdict

    for verdict in Verdict:
        assert f"| `{verdict.value}` |" in README, verdict
    for name in GateSection.model_fields:
        assert f"`{name}`" in README, name
