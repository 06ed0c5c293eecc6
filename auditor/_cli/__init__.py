"""The `auditor` command line: one module per command group, all on one Typer app.

Registering the commands imports only Typer, rich and `auditor._names`; each command imports
the engine when it runs (see `_app`), and `tests/e2e/test_cli_startup.py` keeps it so. `main()`
registers only the module of the command it was given (`auditor run ...` builds one module's
commands instead of seventeen: 50 ms of CPU before an audit's first question); anything else
(`--help`, a misspelt command) registers them all.
"""

from __future__ import annotations

import atexit
import importlib
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence

from auditor._cli._app import app

#: The module that registers each command (`tests/e2e/test_cli_startup.py` checks the table).
COMMAND_MODULES = {
    "anchors": "_anchors",
    "init": "_anchors",
    "validate": "_anchors",
    "ask": "_ask",
    "explore": "_ask",
    "tap": "_tap",
    "run": "_run",
    "report": "_run",
    "reference": "_reference",
    "demo": "_demo",
    "extract": "_extract",
    "history": "_history",
    "diff": "_history",
    "merge": "_merge",
    "replay": "_replay",
    "review": "_review",
}

#: Where Hypothesis keeps its caches and databases unless told otherwise (`.hypothesis/` in the
#: current folder by default).
HYPOTHESIS_HOME_ENV = "HYPOTHESIS_STORAGE_DIRECTORY"


def register(args: Sequence[str] | None = None) -> None:
    """Import the command modules: importing one registers its commands on `app`. Given the
    command line's arguments, only the module of the command they name, when they name one."""
    module = COMMAND_MODULES.get(args[0]) if args else None
    if module is not None:
        importlib.import_module(f"auditor._cli.{module}")
        return
    from auditor._cli import (  # noqa: F401
        _anchors,
        _ask,
        _demo,
        _extract,
        _history,
        _merge,
        _reference,
        _replay,
        _review,
        _run,
        _tap,
    )


def keep_hypothesis_home_out_of_the_project() -> None:
    """The plan and the shrink phase use Hypothesis, which would leave a `.hypothesis/` folder
    of caches wherever the command runs (a project, a report folder). The command is no test
    suite: its caches go to a temporary folder, removed at exit, unless the environment names
    one. Set in the environment, so that Hypothesis (imported later) reads it."""
    if os.environ.get(HYPOTHESIS_HOME_ENV):
        return
    home = tempfile.mkdtemp(prefix="auditor-hypothesis-")
    os.environ[HYPOTHESIS_HOME_ENV] = home
    atexit.register(shutil.rmtree, home, ignore_errors=True)


def leave_out_httpx_command_line() -> None:
    """httpx imports its own command line (`httpx._main`: click, pygments, rich's progress and
    syntax) when it is imported, unless that import fails, which it is written to survive:
    90 ms of CPU before an audit's first question, for a command this process never runs."""
    if "httpx" not in sys.modules:
        sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]


def main() -> None:
    keep_hypothesis_home_out_of_the_project()
    leave_out_httpx_command_line()
    register(sys.argv[1:2])
    app()


__all__ = ["app", "main", "register"]
