"""Every URL, template, JSONPath and reference is checked when the file is read (issue 19, 3).

A broken configuration is a `ConfigError` naming the field path, never a traceback and never an
audit that turns every probe into an `error`. The property test feeds `load_config` hundreds of
mutations of one valid file; `tests/e2e/test_config_fuzz_cli.py` sends a sample through the
real command.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings

from auditor._anchors._toml import toml_tables
from auditor._config import ConfigError, load_config, parse_config
from tests.unit.core._broken import BOM, broken_configs, valid_config

#: A field path (`assistant.1.http.url`, an unknown key's own name) or `(top level)`.
_FIELD = re.compile(r"[\w-]+(\.[\w-]+)*|\(top level\)")


def _refused(text: str, tmp_path) -> ConfigError:
    path = tmp_path / "audit.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    return caught.value


def test_the_valid_base_loads_with_and_without_a_byte_order_mark(tmp_path):
    path = tmp_path / "audit.toml"
    for prefix in ("", BOM):
        path.write_text(prefix + toml_tables(valid_config()), encoding="utf-8")
        assert load_config(path).anchors["inventory"].stock is not None


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://::1:8000/v1", "is not a URL"),
        ("http://127.0.0.1:99999/v1", "Port out of range"),
        ("ftp://127.0.0.1/v1", "must start with http:// or https://"),
        ("file:///etc/passwd", "must start with http:// or https://"),
        ("not a url", "spaces"),
        ("http://", "names no host"),
    ],
)
def test_a_url_that_cannot_work_is_refused_with_its_field_path(url, reason):
    data = valid_config()
    data["assistant"][0]["base_url"] = url
    with pytest.raises(ConfigError) as caught:
        parse_config(data)
    (problem,) = caught.value.problems
    assert problem.startswith("assistant.0.openai.base_url: ") and reason in problem


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ({"text": "{{qestion}}"}, "unknown placeholder {{qestion}}"),
        ({"text": "{{question}"}, "unclosed or malformed"),
        ({"text": "{question}"}, "two braces"),
        ({"text": "hello"}, "never carries the question"),
    ],
)
def test_a_template_that_cannot_work_is_refused(body, reason):
    data = valid_config()
    data["assistant"][1]["body"] = body
    with pytest.raises(ConfigError) as caught:
        parse_config(data)
    assert any(p.startswith("assistant.1.http") and reason in p for p in caught.value.problems)


def test_jsonpaths_empty_references_and_empty_suites_are_refused_at_load():
    cases = [
        (("assistant", 1, "answer_path"), "$.[[", "assistant.1.http.answer_path"),
        (("assistant", 1, "session_path"), "$.a[", "assistant.1.http.session_path"),
        (("anchors", "inventory", "stock", "list"), "", "anchors.inventory.stock.list"),
        (("anchors", "inventory", "stock", "get_param"), " ", "anchors.inventory.stock.get_param"),
        (("probes", "suites"), [], "probes"),
    ]
    for (*parents, key), value, field in cases:
        data = valid_config()
        node = data
        for part in parents:
            node = node[part]
        node[key] = value
        with pytest.raises(ConfigError) as caught:
            parse_config(data)
        assert any(p.startswith(field + ":") for p in caught.value.problems), caught.value


def test_suites_empty_with_a_suite_file_is_still_a_question_list():
    data = valid_config()
    data["probes"] = {"suites": [], "files": ["mine.toml"]}
    assert parse_config(data).probes.files == ["mine.toml"]


def test_tables_nested_deeper_than_the_reader_recurses_are_refused(tmp_path):
    deep = "x = " + "[" * 5000 + "1" + "]" * 5000 + "\n"
    error = _refused(toml_tables(valid_config()) + "\n[audit.extra]\n" + deep, tmp_path)
    assert "nested too deeply" in str(error)
    data = valid_config()
    node = data["audit"]
    for _ in range(200):
        node = node.setdefault("k", {})
    with pytest.raises(ConfigError, match="nested deeper than"):
        parse_config(data)


# 200 broken files in a few seconds: each is refused with a field path, and nothing else is
# raised (a RecursionError, a ValueError from a URL parser, a KeyError would fail the test).
@settings(
    max_examples=200,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(broken=broken_configs())
def test_every_broken_configuration_is_refused_with_a_field_path(broken, tmp_path):
    text, label = broken
    error = _refused(text, tmp_path)
    assert error.problems, label
    for problem in error.problems:
        if problem.startswith("not valid TOML: "):
            continue  # a syntax error: TOML's own message gives the line and column
        field, sep, reason = problem.partition(": ")
        assert sep and reason and _FIELD.fullmatch(field), (label, problem)
