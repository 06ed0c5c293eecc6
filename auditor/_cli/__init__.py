"""The `auditor` command line: one module per command group, all on one Typer app.

Registering the commands imports only Typer, rich and `auditor._names`; each command imports
the engine when it runs (see `_app`), and `tests/e2e/test_cli_startup.py` keeps it so.
"""

from __future__ import annotations

from auditor._cli._app import app


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
        _run,
        _tap,
    )


def main() -> None:
    register()
    app()


__all__ = ["app", "main", "register"]
