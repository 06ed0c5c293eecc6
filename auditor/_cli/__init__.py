"""The `auditor` command line: one module per command group, all on one Typer app."""

from __future__ import annotations

from auditor._cli._app import app


def main() -> None:
    # Importing the command modules registers their commands on `app`.
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

    app()


__all__ = ["app", "main"]
