"""The `auditor` command line: one module per command group, all on one Typer app.

Registering the commands imports only Typer, rich and `auditor._names`; each command imports
the engine when it runs (see `_app`), and `tests/e2e/test_cli_startup.py` keeps it so.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

from auditor._cli._app import app

#: Where Hypothesis keeps its caches and databases unless told otherwise (`.hypothesis/` in the
#: current folder by default).
HYPOTHESIS_HOME_ENV = "HYPOTHESIS_STORAGE_DIRECTORY"


def register() -> None:
    """Import the command modules: importing one registers its commands on `app`."""
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


def main() -> None:
    keep_hypothesis_home_out_of_the_project()
    register()
    app()


__all__ = ["app", "main", "register"]
