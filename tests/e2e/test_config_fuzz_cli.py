"""Broken configurations through the `auditor` command: exit 2, a message, no traceback.

A sample of the mutations `tests/unit/core/_broken.py` generates (the unit test feeds hundreds
to `load_config`) is run by `auditor run`, `anchors` and `ask` in-process (Typer's runner: the
command as registered, any exception caught and shown); the mistakes only the OpenAPI document
reveals (an unknown operationId, a `get_param` the operation lacks, a missing document) and
broken inputs of `auditor init` go through the installed command in a subprocess. Nothing
listens at the configured URLs: every one of these must be refused before a request is sent.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from typer.testing import CliRunner

from auditor._anchors._toml import toml_tables
from auditor._cli import app, register
from auditor._resources import openapi_document
from tests.unit.core._broken import BOM, broken_configs, valid_config

pytestmark = pytest.mark.slow
register()

AUDITOR = [sys.executable, "-c", "from auditor._cli import main; main()"]
EXIT_USAGE = 2


def _auditor(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*AUDITOR, *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )


def _command(name: str, config: Path) -> list[str]:
    if name == "run":
        return ["run", "-c", str(config), "--out", str(config.parent / "reports"), "--no-history"]
    if name == "ask":
        return ["ask", "-c", str(config), "Is the kettle in stock?"]
    return ["anchors", "-c", str(config)]


def _refused(result: subprocess.CompletedProcess[str], label: str) -> None:
    output = result.stdout + result.stderr
    assert "Traceback" not in output, (label, output)
    assert result.returncode == EXIT_USAGE, (label, result.returncode, output)
    assert "error" in result.stderr, (label, output)


@pytest.mark.parametrize("command", ["run", "anchors", "ask"])
@settings(
    max_examples=8,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(broken=broken_configs())
def test_a_broken_configuration_is_exit_2_without_a_traceback(command, broken, tmp_path):
    text, label = broken
    config = tmp_path / "audit.toml"
    config.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, _command(command, config))
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        label,
        result.exception,
    )
    assert result.exit_code == EXIT_USAGE, (label, result.output)
    assert "Traceback" not in result.output and "error" in result.output, label


def _mapping(change: dict[str, object]) -> dict[str, object]:
    data = valid_config()
    data["anchors"]["inventory"]["stock"].update(change)  # type: ignore[index]
    return data


@pytest.mark.parametrize(
    ("command", "data", "field"),
    [
        ("run", _mapping({"list": "listItemz"}), "anchors.inventory.stock.list"),
        ("anchors", _mapping({"get_param": "id"}), "anchors.inventory.stock.get_param"),
        ("ask", _mapping({"get": "getItemz"}), "anchors.inventory.stock.get"),
        ("run", {**valid_config(), "anchors": {}}, "ask about stock, which no anchor lists"),
    ],
)
def test_what_only_the_document_reveals_is_exit_2_with_the_field_path(
    command, data, field, tmp_path
):
    config = tmp_path / "audit.toml"
    config.write_text(BOM + toml_tables(data), encoding="utf-8")  # a BOM is no problem
    result = _auditor(*_command(command, config), cwd=tmp_path)
    _refused(result, command)
    assert field in result.stderr.replace("\n", " ")


def test_a_missing_document_is_exit_2_with_the_field_path(tmp_path):
    data = valid_config()
    data["anchors"]["inventory"]["spec"] = "nowhere/inventory.yaml"
    config = tmp_path / "audit.toml"
    config.write_text(toml_tables(data), encoding="utf-8")
    result = _auditor(*_command("run", config), cwd=tmp_path)
    _refused(result, "missing document")
    assert "anchors.inventory.spec" in result.stderr.replace("\n", " ")


@pytest.mark.parametrize(
    ("document", "extra"),
    [
        ("openapi: 3.1.0\npaths: [1, 2]\n", []),
        ("openapi: 3.1.0\npaths:\n  /x:\n    get:\n      parameters: [{name: a}]\n", []),
        ("[" * 3000 + "]" * 3000, []),
        (None, ["--base-url", "http://::1:8000"]),
    ],
)
def test_init_refuses_what_it_cannot_use(document, extra, tmp_path):
    spec = tmp_path / "shop.yaml"
    if document is None:
        spec.write_text(BOM + openapi_document("inventory").read_text("utf-8"), encoding="utf-8")
    else:
        spec.write_text(document, encoding="utf-8")
    result = _auditor("init", "--spec", str(spec), "-o", "audit.toml", *extra, cwd=tmp_path)
    _refused(result, f"init {document!r:.40} {extra}")
    assert not (tmp_path / "audit.toml").exists()
