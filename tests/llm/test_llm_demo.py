"""`auditor demo --brain llm` end to end: it audits the model-backed assistant, writes the
reports, ends by itself and leaves no model server behind."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.llm


def test_the_llm_demo_audits_and_cleans_up(tmp_path: Path):
    completed = subprocess.run(
        [
            sys.executable,
            "-c",
            "from auditor._cli import main; main()",
            "demo",
            "--brain",
            "llm",
            "--max-probes",
            "24",
            "--out",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert completed.returncode in (0, 1), completed.stderr  # ready or not: the gate decides
    # The banner names the model server (not with --quiet, which keeps only the tally).
    said = completed.stdout + completed.stderr
    found = re.search(r"model server on (http://127\.0\.0\.1:\d+)", said)
    assert found, said
    (audit,) = [path for path in tmp_path.iterdir() if path.is_dir()]
    results = [json.loads(line) for line in (audit / "results.jsonl").read_text().splitlines()]
    probes = [row for row in results if row.get("entry_type") == "probe"]
    assert len(probes) >= 20
    errors = [row for row in probes if row["verdict"] == "error"]
    assert not errors, errors[:3]
    assert (audit / "report.html").is_file()
    with pytest.raises(httpx.TransportError):
        httpx.get(f"{found.group(1)}/v1/models", timeout=2, trust_env=False)
