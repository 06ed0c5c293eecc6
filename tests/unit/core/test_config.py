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
