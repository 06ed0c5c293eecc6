"""Driving `auditor` at a real terminal (pexpect): the command, and reading the screen."""

from __future__ import annotations

import os
import re
import sys
import time
from typing import Any

import pexpect

AUDITOR = [sys.executable, "-c", "from auditor._cli import main; main()"]
#: Rows and columns of the terminal the tests drive.
ROWS, COLUMNS = 60, 220


def terminal_env(**extra: str) -> dict[str, str]:
    """The environment for a child at a terminal of ROWS × COLUMNS: `LINES` and `COLUMNS` say
    the same as the pty (rich reads them first; pytest-xdist's workers set them to 24 × 80,
    which cut the screens the tests read)."""
    return {
        **os.environ,
        "TERM": "xterm-256color",
        "LINES": str(ROWS),
        "COLUMNS": str(COLUMNS),
        **extra,
    }


ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[()][A-Z0-9]|\x1b[=>]|\r")


def until(child: Any, pattern: str, timeout: float = 60) -> str:
    """What the terminal showed (styles stripped) up to the first match of `pattern`.

    Styles split a line into runs, so the match is made on the stripped text, not the stream.
    """
    seen = ""
    deadline = time.monotonic() + timeout
    while not re.search(pattern, ANSI.sub("", seen)):
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError(f"{pattern!r} never showed; the screen:\n{ANSI.sub('', seen)}")
        try:
            seen += child.read_nonblocking(65536, timeout=min(left, 1.0))
        except pexpect.TIMEOUT:
            continue
        except pexpect.EOF:
            raise AssertionError(f"the session ended; the screen:\n{ANSI.sub('', seen)}") from None
    return ANSI.sub("", seen)
