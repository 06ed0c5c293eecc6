"""`auditor review` and `auditor report --rejudge` as commands, in-process: usage errors exit 2
before anything is written; without a terminal, review prints the groups and asks nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer

from auditor._anchors._toml import toml_tables
from auditor._cli._review import review
from auditor._cli._run import report
from auditor._results import StoredResults
from auditor._teach import current_results
from tests.unit.core.test_config import GOOD
from tests.unit.teach._stored import audit_dir, stored


def exit_code(command, *args, **options) -> int:
    with pytest.raises(typer.Exit) as raised:
        command(*args, **options)
    return raised.value.exit_code


@pytest.fixture
def directory(tmp_path: Path) -> Path:
    return audit_dir(
        tmp_path / "audit",
        [
            stored(1, "Blue Kettle: ready to roll"),
            stored(2, "Stone Mug: ready to roll", sku="MG-3003"),
        ],
    )


def test_review_without_a_terminal_prints_the_groups(directory, capsys):
    assert exit_code(review, directory, None, False, None) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "2 unread answers in 1 shapes" in out
    assert "2 × stock.availability (availability) shape: {item} ready to roll" in out
    assert "answer: Blue Kettle: ready to roll" in out


def test_review_json_is_for_scripts(directory, capsys):
    assert exit_code(review, directory, None, True, None) == 0
    groups = json.loads(capsys.readouterr().out)["groups"]
    assert [(g["shape"], g["count"], g["phrase"]) for g in groups] == [
        ("{item} ready to roll", 2, "{item}: ready to roll")
    ]


def test_review_reads_the_results_as_it_walks_them(directory):
    # `review` of a large audit must not hold every result: it walks them from disk.
    results = current_results(directory)
    assert isinstance(results, StoredResults)
    assert [r.answer for r in results] == [
        "Blue Kettle: ready to roll",
        "Stone Mug: ready to roll",
    ]


def test_review_usage_errors_write_nothing(directory, tmp_path, capsys):
    assert exit_code(review, tmp_path / "nowhere", None, False, None) == 2
    assert exit_code(review, directory, None, False, ["availability=in_stock:ok"]) == 2
    assert "--write needs -c" in capsys.readouterr().err
    path = tmp_path / "audit.toml"
    path.write_text(toml_tables(GOOD), encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    assert exit_code(review, directory, path, False, ["availability=sold:ok"]) == 2
    assert "unknown value 'sold'" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == before


def test_report_reads_c_only_with_rejudge(directory, tmp_path, capsys):
    assert exit_code(report, directory, None, "gate", False, tmp_path / "audit.toml") == 2
    assert "only with --rejudge" in capsys.readouterr().err
    assert not (directory / "results.rejudged.jsonl").exists()


def test_rejudge_of_an_audit_without_a_stored_config_asks_for_one(directory, capsys):
    assert exit_code(report, directory, None, "gate", True, None) == 2
    assert "pass one with -c" in " ".join(capsys.readouterr().err.split())
    assert not (directory / "results.rejudged.jsonl").exists()


def test_rejudge_defaults_to_the_configuration_the_audit_stored(tmp_path, capsys):
    taught = {**GOOD, "vocabulary": {"availability": {"in_stock": ["{item}: ready to roll"]}}}
    directory = audit_dir(
        tmp_path / "audit", [stored(1, "Blue Kettle: ready to roll")], config=taught
    )
    assert exit_code(report, directory, None, "gate", True, None) == 0  # READY: read and right
    err = " ".join(capsys.readouterr().err.split())
    assert "1 verdicts changed" in err and "meta.json" in err
    record = json.loads((directory / "rejudged.json").read_text(encoding="utf-8"))
    assert record["config_source"] == str(directory / "meta.json")


def test_extract_reads_answers_with_the_configurations_vocabulary(tmp_path, capsys):
    from auditor._cli._extract import extract_command

    path = tmp_path / "audit.toml"
    taught = {**GOOD, "vocabulary": {"availability": {"in_stock": ["{item}: ready to roll"]}}}
    path.write_text(toml_tables(taught), encoding="utf-8")
    extract_command(["KT-1042: ready to roll."], None, None, None, path)
    (line,) = capsys.readouterr().out.splitlines()
    claims = [(c["kind"], c["value"], c["subject"]) for c in json.loads(line)["claims"]]
    assert claims == [("availability", "in_stock", "KT-1042")]
    extract_command(["KT-1042: ready to roll."], None, None, None, None)
    assert json.loads(capsys.readouterr().out)["claims"] == []
    broken = {**GOOD, "vocabulary": {"availability": {"in_stock": ["{item}"]}}}
    path.write_text(toml_tables(broken), encoding="utf-8")
    assert exit_code(extract_command, ["x"], None, None, None, path) == 2
    assert "vocabulary.availability.in_stock[0]" in capsys.readouterr().err
