"""`auditor extract` as a user runs it: a subprocess, JSON lines out, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

AUDITOR = Path(sys.executable).with_name("auditor")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(AUDITOR), "extract", *args], capture_output=True, text=True, timeout=60, check=False
    )


def lines(result: subprocess.CompletedProcess[str]) -> list[dict[str, object]]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_relative_dates_resolve_against_the_current_time_without_now():
    before = datetime.now().astimezone().date()
    result = run("--kind", "delivery_date", "It will arrive tomorrow.")
    after = datetime.now().astimezone().date()
    assert result.returncode == 0, result.stderr
    ((claim,),) = [line["claims"] for line in lines(result)]
    assert claim["value"] in {str(d + timedelta(days=1)) for d in (before, after)}


def test_texts_as_arguments():
    result = run("--kind", "availability", "We're sold out of that one.", "It's in stock, I think.")
    assert result.returncode == 0, result.stderr
    first, second = lines(result)
    assert first == {
        "text": "We're sold out of that one.",
        "claims": [
            {
                "kind": "availability",
                "value": "out_of_stock",
                "span": [6, 14],
                "subject": None,
                "hedged": False,
            }
        ],
    }
    assert [(c["value"], c["hedged"]) for c in second["claims"]] == [("in_stock", True)]


def test_a_file_with_a_clock_and_several_kinds(tmp_path):
    texts = tmp_path / "texts.jsonl"
    texts.write_text(
        json.dumps({"id": 1, "text": "ORD-12345 has shipped and arrives tomorrow. Refund: €5."})
        + "\n\n"
        + json.dumps({"text": "Sorry, I can't check that."})
        + "\n",
        encoding="utf-8",
    )
    result = run(
        "--file", str(texts), "--kind", "delivery_date", "-k", "deflection",
        "--now", "2026-11-24T10:00:00+00:00",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    first, second = lines(result)
    assert [(c["kind"], c["value"], c["subject"]) for c in first["claims"]] == [
        ("delivery_date", "2026-11-25", "ORD-12345")
    ]
    assert [(c["kind"], c["value"]) for c in second["claims"]] == [("deflection", "cannot_check")]


def test_all_kinds_by_default():
    result = run("Only 2 left!")
    assert result.returncode == 0, result.stderr
    (answer,) = lines(result)
    assert {(c["kind"], c["value"]) for c in answer["claims"]} == {
        ("availability", "low_stock"),
        ("quantity", 2),
    }


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        (None, ["--file", "missing.jsonl"], "cannot read"),
        ("not json\n", ["--file", "bad.jsonl"], "bad.jsonl:1: invalid JSON"),
        ('{"text": "ok"}\n{"body": "x"}\n', ["--file", "bad.jsonl"], "bad.jsonl:2: expected"),
        (None, ["--kind", "weather", "It rains."], "unknown claim kind 'weather'"),
        (None, ["--now", "tomorrow", "x"], "not an ISO 8601"),
        (None, ["--now", "2026-11-24T10:00:00", "x"], "time zone"),
        (None, [], "give answer texts"),
    ],
)
def test_bad_input_is_one_line_on_stderr_and_exit_2(tmp_path, content, args, message):
    if content is not None:
        (tmp_path / "bad.jsonl").write_text(content, encoding="utf-8")
    args = [str(tmp_path / a) if a.endswith(".jsonl") else a for a in args]
    result = run(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
