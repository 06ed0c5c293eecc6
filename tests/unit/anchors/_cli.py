"""The `auditor` command in-process (Typer's runner): exit code and output, no subprocess.

`init` and `validate` send no request, so these tests need no server and stay fast.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import Result
from typer.testing import CliRunner

from auditor._cli import register
from auditor._cli._app import app

register()

PUBLIC = Path(__file__).parents[3] / "fixtures" / "openapi" / "public"
OWN = Path(__file__).parents[3] / "fixtures" / "openapi"


def auditor(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(app, list(args), env=env)


def no_traceback(result: Result) -> bool:
    """The command ended by an exit code of its own, not by an exception."""
    return result.exception is None or isinstance(result.exception, SystemExit)
