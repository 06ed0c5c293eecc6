"""`auditor validate`: each offline problem is found, with its field path, and no request sent.

The anchors' base URL is a port nobody listens on (the discard port): a command that read an
anchor would fail with exit 3, so exit 2 proves it stopped before its first request.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from auditor._anchors._config import FactMapping
from auditor._anchors._toml import toml_tables
from tests.unit.anchors._cli import OWN, auditor, no_traceback

NOWHERE = "http://127.0.0.1:9"
STOCK: dict[str, Any] = {
    "list": "listItems",
    "get": "getItem",
    "items_path": "$.items[*]",
    "fields": {"sku": "$.sku", "name": "$.name", "on_hand": "$.stock.available"},
}


def _write(tmp_path: Path, *, stock: dict[str, Any] | None = None, **extra: Any) -> Path:
    data: dict[str, Any] = {
        "assistant": [{"name": "web", "kind": "openai", "base_url": NOWHERE + "/v1"}],
        "anchors": {
            "inventory": {
                "spec": str(OWN / "inventory.yaml"),
                "base_url": NOWHERE,
                "stock": stock or STOCK,
            }
        },
        "probes": {"suites": ["stock"]},
        **extra,
    }
    path = tmp_path / "audit.toml"
    path.write_text(toml_tables(data), encoding="utf-8")
    return path


def _problems(path: Path, *args: str) -> tuple[int, dict[str, str]]:
    result = auditor("validate", "-c", str(path), "--json", *args)
    assert no_traceback(result), result.exception
    report = json.loads(result.stdout)
    return result.exit_code, {p["path"]: p["message"] for p in report["problems"]}


def test_a_sound_configuration_is_ok(tmp_path: Path) -> None:
    code, problems = _problems(_write(tmp_path))
    assert code == 0
    assert set(problems) == {"anchors"}  # orders and returns are left to do: warnings


def test_a_wrong_operation_id_is_named_with_the_ones_that_exist(tmp_path: Path) -> None:
    code, problems = _problems(_write(tmp_path, stock={**STOCK, "list": "listItemz"}))
    assert code == 2
    message = problems["anchors.inventory.stock.list"]
    assert "no operation `listItemz`" in message and "listItems" in message


def test_an_operation_may_be_named_by_method_and_path(tmp_path: Path) -> None:
    stock = {**STOCK, "list": "GET /items", "get": "GET /items/{sku}"}
    code, problems = _problems(_write(tmp_path, stock=stock))
    assert code == 0, problems
    code, problems = _problems(_write(tmp_path, stock={**stock, "list": "GET /itemz"}))
    assert code == 2 and "anchors.inventory.stock.list" in problems


@pytest.mark.parametrize("reference", ["get /items", "GET items", "GET /a b", " listItems", ""])
def test_a_malformed_operation_reference_is_refused_by_the_model(reference: str) -> None:
    with pytest.raises(ValueError, match="not an operation reference"):
        FactMapping.model_validate({**STOCK, "list": reference})


def test_a_jsonpath_into_a_missing_property_names_the_properties_there(tmp_path: Path) -> None:
    stock = {**STOCK, "fields": {**STOCK["fields"], "on_hand": "$.stock.availabel"}}
    code, problems = _problems(_write(tmp_path, stock=stock))
    assert code == 2
    message = problems["anchors.inventory.stock.fields.on_hand"]
    assert "no property `availabel`" in message and "available" in message
    code, problems = _problems(_write(tmp_path, stock={**STOCK, "items_path": "$.itemz[*]"}))
    assert code == 2 and "no property `itemz`" in problems["anchors.inventory.stock.items_path"]


def test_a_missing_document_is_named(tmp_path: Path) -> None:
    path = _write(tmp_path)
    path.write_text(path.read_text().replace(str(OWN / "inventory.yaml"), "nowhere.yaml"))
    code, problems = _problems(path)
    assert code == 2 and "cannot read the document" in problems["anchors.inventory.spec"]


def test_a_python_target_is_imported_from_the_configuration_folder(tmp_path: Path) -> None:
    (tmp_path / "shop_bot_here.py").write_text("def answer(question, **_):\n    return 'hi'\n")
    good = [{"name": "py", "kind": "python", "target": "shop_bot_here:answer"}]
    code, problems = _problems(_write(tmp_path, assistant=good))
    assert code == 0, problems
    bad = [{"name": "py", "kind": "python", "target": "no_such_bot_module:answer"}]
    code, problems = _problems(_write(tmp_path, assistant=bad))
    assert code == 2
    assert "No module named 'no_such_bot_module'" in problems["assistant[0].target"]


def test_unset_variables_are_warnings_and_strict_makes_them_problems(tmp_path: Path) -> None:
    assistant = [
        {"name": "web", "kind": "openai", "base_url": NOWHERE, "api_key_env": "VALIDATE_T_KEY"}
    ]
    path = _write(tmp_path, assistant=assistant)
    code, problems = _problems(path)
    assert code == 0 and "VALIDATE_T_KEY is not set" in problems["assistant[0].api_key_env"]
    assert _problems(path, "--strict")[0] == 2
    result = auditor("validate", "-c", str(path), env={"VALIDATE_T_KEY": "k"})
    assert result.exit_code == 0 and "VALIDATE_T_KEY" not in result.output


def test_suites_asking_about_facts_no_anchor_lists_are_named(tmp_path: Path) -> None:
    code, problems = _problems(_write(tmp_path, probes={"suites": ["stock", "orders"]}))
    assert code == 2
    assert "ask about orders, which no anchor lists" in problems["probes.suites"]


def test_a_configuration_the_model_refuses_is_exit_2_with_its_paths(tmp_path: Path) -> None:
    path = tmp_path / "audit.toml"
    path.write_text("[audit]\nseed = 'x'\n", encoding="utf-8")
    code, problems = _problems(path)
    assert code == 2 and "audit.seed" in problems and "assistant" in problems


def test_run_stops_before_any_request_when_the_python_target_cannot_be_imported(
    tmp_path: Path,
) -> None:
    bad = [{"name": "py", "kind": "python", "target": "no_such_bot_module:answer"}]
    path = _write(tmp_path, assistant=bad)
    result = auditor("run", "-c", str(path), "--out", str(tmp_path / "reports"), "--no-history")
    assert no_traceback(result), result.exception
    assert result.exit_code == 2, result.output
    assert "assistant[0].target" in result.output
    assert not (tmp_path / "reports").exists()


@pytest.mark.parametrize("command", [("anchors",), ("ask", "Is KT-1 in stock?")])
def test_anchors_and_ask_make_the_same_checks_first(tmp_path: Path, command: tuple[str]) -> None:
    stock = {**STOCK, "list": "listItemz"}
    path = _write(tmp_path, stock=stock)
    name, *rest = command
    result = auditor(name, "-c", str(path), *rest)
    assert no_traceback(result), result.exception
    assert result.exit_code == 2, result.output
    assert "anchors.inventory.stock.list" in result.output
