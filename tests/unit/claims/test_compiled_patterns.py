"""The claim rules' compiled patterns, remembered across runs (`auditor/_claims/_compiled.py`).

A pattern built from the remembered code must be the pattern `re.compile` makes: the same
flags, groups and matches on every text; and a cache that is missing, damaged or switched off
must only cost the compiling, never a wrong pattern or an error.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from auditor._claims import _compiled, extract

SOURCES = (
    r"(?:we\s+have\s+(?P<n>\d+)\s+(?:units?|left))(?!\w)",
    r"(?<![\w/.-])(?P<d>\d{1,2})[/.](?P<m>\d{1,2})(?![\w/.]\d)",
    r"xx++\s*(?:is|are)\s+(?:back|out)\b",
    r"(?i)refund(?:ed)?\s+(?:of\s+)?£?(\d+(?:\.\d\d)?)",
)
TEXTS = (
    "we have 12 units",
    "We have 3 left.",
    "due 9/12 or 10.1",
    "xxxx is back soon",
    "Refunded £24.99 today",
    "nothing to see",
)


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """A cache folder of its own, and the module as a new process finds it."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("AUDITOR_NO_CACHE", raising=False)
    _new_process(monkeypatch)
    monkeypatch.setattr(_compiled, "_registered", True)  # no exit hook from a test
    return tmp_path


def _same(built: re.Pattern[str], source: str) -> None:
    expected = re.compile(source)
    assert (built.pattern, built.flags, built.groups, built.groupindex) == (
        expected.pattern,
        expected.flags,
        expected.groups,
        expected.groupindex,
    )
    for text in TEXTS:
        found = [(m.span(), m.groups()) for m in built.finditer(text)]
        assert found == [(m.span(), m.groups()) for m in expected.finditer(text)], text


def _remembered_patterns(path: Path) -> dict[tuple[str, int], Any]:
    """Every pattern the file at `path` remembers (empty when it cannot be read)."""
    found = _compiled._File.read(path)
    return {} if found is None else found.entries()


def _new_process(monkeypatch) -> None:
    monkeypatch.setattr(_compiled, "_file", False)
    monkeypatch.setattr(_compiled, "_caching", False)
    monkeypatch.setattr(_compiled, "_added", {})
    monkeypatch.setattr(_compiled, "_derived_added", {})
    monkeypatch.setattr(_compiled, "_built", {})


def test_a_pattern_built_from_the_remembered_code_is_the_compiled_one(fresh, monkeypatch):
    for source in SOURCES:
        _same(_compiled.compile_pattern(source), source)
    _compiled.save()
    path = _compiled.patterns_file()
    assert path is not None and path.is_file()

    _new_process(monkeypatch)

    class Refuse:
        def parse(self, *_args: object) -> None:
            raise AssertionError("compiled again although remembered")

    monkeypatch.setattr(_compiled, "_parser", Refuse())
    for source in SOURCES:
        _same(_compiled.compile_pattern(source), source)
    assert _compiled._added == {}  # nothing new to write


def test_a_later_run_adds_its_patterns_to_the_file(fresh, monkeypatch):
    _compiled.compile_pattern(SOURCES[0])
    _compiled.save()
    _new_process(monkeypatch)
    _compiled.compile_pattern(SOURCES[1])
    _compiled.save()
    path = _compiled.patterns_file()
    assert path is not None
    assert set(_remembered_patterns(path)) == {(SOURCES[0], 0), (SOURCES[1], 0)}


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: blob[:-7],  # cut short
        lambda blob: blob[:40] + bytes([blob[40] ^ 0xFF]) + blob[41:],  # a flipped byte
        lambda blob: b"",
        lambda blob: b"not a cache file at all",
    ],
)
def test_a_damaged_file_is_an_empty_cache(fresh, monkeypatch, damage):
    for source in SOURCES:
        _compiled.compile_pattern(source)
    _compiled.save()
    path = _compiled.patterns_file()
    assert path is not None
    path.write_bytes(damage(path.read_bytes()))
    _new_process(monkeypatch)
    for source in SOURCES:
        _same(_compiled.compile_pattern(source), source)
    assert set(_compiled._added) == {(s, 0) for s in SOURCES}  # compiled, to be written again


def test_code_the_engine_refuses_is_compiled_again(fresh, monkeypatch):
    source = SOURCES[0]
    _compiled.compile_pattern(source)
    _compiled.save()
    path = _compiled.patterns_file()
    assert path is not None
    known = _remembered_patterns(path)
    flags, code, groups, index, names = known[(source, 0)]
    known[(source, 0)] = (flags, b"\xff" * len(code), groups, index, names)  # a valid file
    _compiled._write(path, known)
    _new_process(monkeypatch)
    _same(_compiled.compile_pattern(source), source)


def test_no_file_when_the_cache_is_switched_off(fresh, monkeypatch):
    monkeypatch.setenv("AUDITOR_NO_CACHE", "1")
    assert _compiled.patterns_file() is None
    _same(_compiled.compile_pattern(SOURCES[0]), SOURCES[0])
    _compiled.save()
    assert not (Path(fresh) / "cache").exists()


def test_claims_read_from_remembered_patterns_are_the_same(fresh, monkeypatch):
    """Every labelled text read with patterns compiled anew and with remembered ones."""
    fixtures = Path(__file__).resolve().parents[3] / "fixtures" / "claims"
    texts = [
        json.loads(line)["text"]
        for line in (fixtures / "labelled.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ][:150]
    first = [extract(text) for text in texts]
    _compiled.save()
    assert _compiled.patterns_file() is not None

    _new_process(monkeypatch)
    again = [extract(text) for text in texts]
    assert again == first
    assert _compiled._added == {}  # every pattern came from the file


def test_asking_again_in_one_process_returns_the_built_pattern(fresh, monkeypatch):
    first = _compiled.compile_pattern(SOURCES[0])

    class Refuse:
        def parse(self, *_args: object) -> None:
            raise AssertionError("compiled again in the same process")

    monkeypatch.setattr(_compiled, "_parser", Refuse())
    assert _compiled.compile_pattern(SOURCES[0]) is first


def test_new_rules_get_a_file_of_their_own_and_old_files_are_pruned(fresh, monkeypatch):
    # Every version of the rules met (an upgrade, an edit) writes a file of its own; only the
    # newest few stay, so the folder does not gather every version's patterns.
    written = []
    for version in range(_compiled._KEEP + 2):
        monkeypatch.setattr(_compiled, "_rules_stamp", lambda version=version: f"rules{version}")
        _new_process(monkeypatch)
        _compiled.compile_pattern(SOURCES[version % len(SOURCES)])
        _compiled.save()
        path = _compiled.patterns_file()
        assert path is not None and path.is_file()
        written.append(path)
        # the newest is always the one just written, whatever the clock's resolution
        os.utime(path, ns=(version * 10**9, version * 10**9))
    assert len(set(written)) == len(written)
    left = sorted(written[0].parent.glob("*.bin"))
    assert left == sorted(written[-_compiled._KEEP :])
    assert set(_remembered_patterns(written[-1])) == {
        (SOURCES[(len(written) - 1) % len(SOURCES)], 0)
    }


def test_the_rules_stamp_follows_the_modules(tmp_path):
    # Computed from the package's modules: it is the same twice in a process (one file per run).
    assert _compiled._rules_stamp() == _compiled._rules_stamp()
    assert len(_compiled._rules_stamp()) == 12


def test_a_value_worked_out_once_is_read_back_by_a_later_run(fresh, monkeypatch):
    calls = []

    def work() -> list[str]:
        calls.append(1)
        return ["we have", "we've got"]

    assert _compiled.remembered("variants", "(?:we have|we've got)", work) == [
        "we have",
        "we've got",
    ]
    _compiled.save()
    _new_process(monkeypatch)
    assert _compiled.remembered("variants", "(?:we have|we've got)", work) == [
        "we have",
        "we've got",
    ]
    assert len(calls) == 1  # the later run read it, and worked out nothing
    assert _compiled._derived_added == {}


def test_values_and_patterns_of_two_runs_are_merged(fresh, monkeypatch):
    _compiled.compile_pattern(SOURCES[0])
    _compiled.remembered("needles", "a", lambda: ["x"])
    _compiled.save()
    _new_process(monkeypatch)
    _compiled.remembered("needles", "b", lambda: None)
    _compiled.save()
    _new_process(monkeypatch)
    found = _compiled._open()
    assert found is not None
    assert found.derived() == {"needles": {"a": ["x"], "b": None}}
    assert set(found.entries()) == {(SOURCES[0], 0)}


def test_a_damaged_file_works_every_value_out_again(fresh, monkeypatch):
    _compiled.remembered("variants", "key", lambda: ["one"])
    _compiled.save()
    path = _compiled.patterns_file()
    assert path is not None
    blob = path.read_bytes()
    path.write_bytes(blob[:-1] + bytes([blob[-1] ^ 0xFF]))
    _new_process(monkeypatch)
    assert _compiled.remembered("variants", "key", lambda: ["worked out"]) == ["worked out"]


def test_without_a_cache_every_value_is_worked_out(fresh, monkeypatch):
    monkeypatch.setenv("AUDITOR_NO_CACHE", "1")
    calls = []
    for _ in range(2):
        _compiled.remembered("variants", "key", lambda: calls.append(1) or ["v"])
    assert len(calls) == 2
    _compiled.save()
    assert not (Path(fresh) / "cache").exists()


def test_rule_tables_filed_from_the_file_are_the_ones_worked_out(fresh, monkeypatch):
    """Every built-in rule table, filed anew and from the remembered filings of a run before:
    the same words, prefixes, regexes and searched-in-full patterns."""
    from auditor._claims import _availability, _deflection, _orders, _refunds
    from auditor._claims._dispatch import RuleSet

    tables = [
        value
        for module in (_availability, _deflection, _orders, _refunds)
        for value in vars(module).values()
        if isinstance(value, RuleSet)
    ]
    assert tables, "no rule table found to check"

    def shape(table: RuleSet) -> tuple[object, ...]:
        return (table._exact_regexes, table._prefix_regexes, table._anywhere_regexes)

    first = [shape(RuleSet.of(*table.rules)) for table in tables]
    _compiled.save()
    _new_process(monkeypatch)
    monkeypatch.setattr(
        "auditor._claims._dispatch._lead",
        lambda source: pytest.fail("filed again although remembered"),
    )
    assert [shape(RuleSet.of(*table.rules)) for table in tables] == first
