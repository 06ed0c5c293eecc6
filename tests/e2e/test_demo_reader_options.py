"""`auditor demo --reader …`: a wrong option is a usage error (exit 2) with one line, before
any server starts, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (["--reader", "ftp://x/v1", "--reader-model", "m"], "must start with http:// or https://"),
        (["--reader", "http://127.0.0.1:9/v1"], "--reader URL needs --reader-model"),
        (["--reader-mode", "both"], "--reader-mode must be fallback or compare"),
    ],
)
def test_a_wrong_reader_option_is_a_usage_error(options: list[str], said: str, tmp_path: Path):
    completed = subprocess.run(
        [
            sys.executable,
            "-c",
            "from auditor._cli import main; main()",
            "demo",
            *options,
            "--out",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 2, completed.stderr
    assert said in completed.stderr and "Traceback" not in completed.stderr
    assert not any(tmp_path.iterdir())  # nothing was started or written
