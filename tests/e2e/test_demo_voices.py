"""`auditor demo --voice V` as a person runs it: a voice it does not know is refused, and an
audit in another voice completes and writes its reports (its verdicts are not asserted: how well
the auditor reads a voice it was not written from is measured, not pinned)."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from auditor._cli import _demo  # noqa: F401  (registers `demo`)
from auditor._cli._app import EXIT_USAGE, app


def test_an_unknown_voice_exits_2_naming_the_voices(tmp_path):
    result = CliRunner().invoke(app, ["demo", "--voice", "welsh", "--out", str(tmp_path)])
    assert result.exit_code == EXIT_USAGE, result.output
    assert "unknown voice 'welsh'; valid voices: standard, british, sms, markdown" in " ".join(
        result.output.split()
    )
    assert list(tmp_path.iterdir()) == []  # refused before anything was started or written


@pytest.mark.slow
def test_a_demo_in_the_sms_voice_completes_and_writes_its_reports(tmp_path):
    args = ["demo", "--voice", "sms", "--max-probes", "20", "--out", str(tmp_path)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code in (0, 1), result.output  # ready or not: it ran
    assert "voice: sms" in result.output
    (directory,) = (path for path in tmp_path.iterdir() if path.is_dir())  # and the history
    for name in ("audit.json", "results.jsonl", "summary.md", "report.html", "junit.xml"):
        assert (directory / name).is_file(), name
    lines = (directory / "results.jsonl").read_text(encoding="utf-8").splitlines()
    probes = [entry for entry in map(json.loads, lines) if entry["entry_type"] == "probe"]
    assert len(probes) == 20
    # the sms voice names items "Name [SKU]"; the standard voice never does
    assert any(re.search(r"\[[A-Z]{2}-\d{4}\]", p["answer"] or "") for p in probes)
