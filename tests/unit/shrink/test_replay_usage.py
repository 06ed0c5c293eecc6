"""`auditor replay` refuses what it cannot replay before asking anything (exit 2).

The command function is called in-process: these paths end before any server is needed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer

from auditor._anchors._toml import toml_tables
from auditor._cli._replay import replay
from auditor._store import MINIMAL_FILE
from auditor.reference._demo import demo_config


def exit_code(directory: Path, config: Path | None = None) -> int:
    with pytest.raises(typer.Exit) as raised:
        replay(directory, config)
    return raised.value.exit_code


def test_a_directory_that_is_not_an_audit_is_refused(tmp_path: Path, capsys):
    assert exit_code(tmp_path / "nowhere") == 2
    assert "not an audit directory" in " ".join(capsys.readouterr().err.split())


def test_an_audit_without_minimal_cases_is_refused(tmp_path: Path, capsys):
    (tmp_path / "meta.json").write_text(json.dumps({"run_id": "x"}))
    assert exit_code(tmp_path) == 2
    assert "no minimal cases" in " ".join(capsys.readouterr().err.split())


def test_damaged_minimal_cases_are_refused(tmp_path: Path, capsys):
    (tmp_path / "meta.json").write_text(json.dumps({"run_id": "x"}))
    (tmp_path / MINIMAL_FILE).write_text('{"entry_type": "minimal"}\n')
    assert exit_code(tmp_path) == 2
    assert "damaged minimal cases" in " ".join(capsys.readouterr().err.split())


def test_without_a_stored_config_or_c_it_asks_for_one(tmp_path: Path, capsys):
    (tmp_path / "meta.json").write_text(json.dumps({"run_id": "x"}))
    (tmp_path / MINIMAL_FILE).write_text("")
    assert exit_code(tmp_path) == 2
    assert "pass one with -c" in " ".join(capsys.readouterr().err.split())


def test_a_bad_c_file_names_its_problem(tmp_path: Path, capsys):
    (tmp_path / "meta.json").write_text(json.dumps({"run_id": "x"}))
    (tmp_path / MINIMAL_FILE).write_text("")
    bad = tmp_path / "audit.toml"
    bad.write_text('[audit]\nname = "x"\n')
    assert exit_code(tmp_path, bad) == 2
    assert "assistant" in capsys.readouterr().err


def test_no_minimal_case_means_nothing_to_fix(tmp_path: Path, capsys):
    """An audit without a failure stores no case; its replay asks nothing and passes."""
    unused = "http://127.0.0.1:9"  # nothing listens there, and nothing must be asked
    stored = demo_config(
        shop_url=unused, assistant_url=unused, seed=0, max_probes=1, suites=["stock"]
    )
    config = tmp_path / "audit.toml"
    config.write_text(toml_tables(stored.model_dump(mode="json", exclude_none=True)))
    (tmp_path / "meta.json").write_text(json.dumps({"run_id": "x"}))
    (tmp_path / MINIMAL_FILE).write_text("")
    assert exit_code(tmp_path, config) == 0
    assert "0 minimal cases" in capsys.readouterr().out
    assert json.loads((tmp_path / "replay.json").read_text())["cases"] == []
