"""Phrases written into the user's configuration: the rest of the file kept, nothing written
when the result would not load."""

from __future__ import annotations

import pytest

from auditor._anchors._toml import toml_tables
from auditor._config import ConfigError, load_config
from auditor._teach import add_entries, parse_entry
from tests.unit.core.test_config import GOOD

HEADER = "# our audit — keep this comment\n"


@pytest.fixture
def audit_toml(tmp_path):
    path = tmp_path / "audit.toml"
    path.write_text(HEADER + toml_tables(GOOD) + "\n# the end\n", encoding="utf-8")
    return path


def test_entries_are_added_and_the_rest_is_kept(audit_toml):
    before = audit_toml.read_text(encoding="utf-8")
    added = add_entries(
        audit_toml,
        [
            parse_entry("availability=in_stock:{item}: ready to roll"),
            parse_entry('order_status=shipped:{id} has "left" the building'),
        ],
    )
    assert [str(e) for e in added] == [
        "availability=in_stock:{item}: ready to roll",
        'order_status=shipped:{id} has "left" the building',
    ]
    after = audit_toml.read_text(encoding="utf-8")
    assert after.startswith(before)  # appended; nothing above touched
    assert load_config(audit_toml).vocabulary == {
        "availability": {"in_stock": ["{item}: ready to roll"]},
        "order_status": {"shipped": ['{id} has "left" the building']},
    }
    # A phrase already there is not written twice; a new one joins its value's list.
    assert (
        add_entries(audit_toml, [parse_entry("availability=in_stock:{item}: ready to roll")]) == []
    )
    add_entries(audit_toml, [parse_entry("availability=in_stock:good to go")])
    assert load_config(audit_toml).vocabulary["availability"]["in_stock"] == [
        "{item}: ready to roll",
        "good to go",
    ]


def test_a_file_that_would_not_load_is_not_written(audit_toml):
    add_entries(audit_toml, [parse_entry("availability=in_stock:all set")])
    before = audit_toml.read_text(encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        add_entries(audit_toml, [parse_entry("availability=out_of_stock:All set")])
    assert caught.value.problems == [
        "vocabulary.availability.out_of_stock[0]: 'All set' is also a phrase of "
        "availability.in_stock"
    ]
    assert audit_toml.read_text(encoding="utf-8") == before


def test_pyproject_gets_its_vocabulary_under_tool_auditor(tmp_path):
    path = tmp_path / "pyproject.toml"
    path.write_text("[project]\nname = 'shop'\n\n" + toml_tables(GOOD, "tool.auditor"), "utf-8")
    add_entries(path, [parse_entry("refusal=privacy:not yours")])
    assert load_config(path).vocabulary == {"refusal": {"privacy": ["not yours"]}}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("availability in_stock ok", "expected kind=value:phrase"),
        ("stock=in_stock:ok", "unknown claim kind 'stock'"),
        ("availability=sold:ok", "unknown value 'sold'"),
        ("quantity=3:a few", "read from the text"),
        ("availability=in_stock:{item}", "only a placeholder"),
        ("availability=in_stock:{sku} ok", "unknown placeholder {sku}"),
        ("availability=in_stock:{id} ok", "{id} cannot stand in a phrase of availability"),
        ("availability=in_stock:  ", "blank"),
    ],
)
def test_bad_entries_say_what_is_wrong(text, message):
    with pytest.raises(ValueError, match=message.replace("{", r"\{").replace("}", r"\}")):
        parse_entry(text)
