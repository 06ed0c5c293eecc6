"""A bad configuration is refused before any request, with the field path and a reason."""

import pytest

from auditor._config import ConfigError, load_config, parse_config

GOOD = {
    "assistant": [{"name": "web", "kind": "openai", "base_url": "http://127.0.0.1:1/v1"}],
    "anchors": {
        "inventory": {
            "spec": "inventory.yaml",
            "base_url": "http://127.0.0.1:2",
            "stock": {
                "list": "listItems",
                "fields": {"sku": "$.sku", "name": "$.name", "on_hand": "$.stock.available"},
            },
        }
    },
}


def test_good_config_parses_with_defaults():
    config = parse_config(GOOD)
    assert config.audit.profile == "ci" and config.gate.min_agreement == 0.95


@pytest.mark.parametrize(
    ("patch", "path_fragment"),
    [
        ({"audit": {"concurrency": 0}}, "audit.concurrency"),
        ({"audit": {"profile": "prod"}}, "audit.profile"),
        ({"audit": {"colour": "blue"}}, "audit.colour"),
        ({"assistant": []}, "assistant"),
        ({"assistant": [{"name": "x", "kind": "carrier-pigeon"}]}, "assistant.0"),
        ({"anchors": {"inventory": {"spec": "s", "base_url": "u"}}}, "anchors.inventory"),
        ({"gate": {"min_agreement": 1.5}}, "gate.min_agreement"),
    ],
)
def test_bad_fields_name_their_path(patch, path_fragment):
    with pytest.raises(ConfigError) as caught:
        parse_config({**GOOD, **patch}, source="audit.toml")
    assert any(p.startswith(path_fragment) for p in caught.value.problems), caught.value.problems


def test_duplicate_channel_names_are_refused():
    twice = GOOD["assistant"] * 2
    with pytest.raises(ConfigError, match="own `name`"):
        parse_config({**GOOD, "assistant": twice})


def test_unreadable_and_malformed_files(tmp_path):
    with pytest.raises(ConfigError, match="file not found"):
        load_config(tmp_path / "missing.toml")
    bad = tmp_path / "audit.toml"
    bad.write_text("[audit\nname = 1")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(bad)
    py = tmp_path / "pyproject.toml"
    py.write_text("[project]\nname = 'x'\n")
    with pytest.raises(ConfigError, match=r"tool\.auditor"):
        load_config(py)


def test_vocabulary_problems_name_their_field_path():
    vocabulary = {
        "availability": {"in_stock": ["ready to roll", "{item}"], "sold": ["gone"]},
        "quantity": {"3": ["a few"]},
        "order_status": {"shipped": ["{item} left"]},
    }
    with pytest.raises(ConfigError) as caught:
        parse_config({**GOOD, "vocabulary": vocabulary}, source="audit.toml")
    problems = caught.value.problems
    assert [p.split(": ")[0] for p in problems] == [
        "vocabulary.availability.in_stock[1]",
        "vocabulary.availability.sold",
        "vocabulary.quantity",
        "vocabulary.order_status.shipped[0]",
    ]
    assert "only a placeholder" in problems[0] and "unknown value 'sold'" in problems[1]


def test_a_good_vocabulary_is_kept_as_written():
    vocabulary = {"availability": {"in_stock": ["{item}: ready to roll"]}}
    config = parse_config({**GOOD, "vocabulary": vocabulary})
    assert config.vocabulary == vocabulary
    assert config.extraction_vocabulary().phrases["availability"]["in_stock"] == (
        "{item}: ready to roll",
    )
    assert parse_config(GOOD).vocabulary == {}


def test_the_example_configuration_loads():
    from pathlib import Path

    example = Path(__file__).parents[3] / "examples" / "audit.toml"
    config = load_config(example)
    assert config.vocabulary["availability"]["in_stock"][0] == "{item}: ready to roll"
