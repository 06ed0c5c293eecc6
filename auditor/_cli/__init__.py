"""The `auditor` command line: one module per command group, all on one Typer app."""

from __future__ import annotations

from auditor._cli._app import app


def main() -> None:
    # Importing the command modules registers their commands on `app`.
    from auditor._cli import _anchors, _demo, _extract, _reference, _run  # noqa: F401

    app()


__all__ = ["app", "main"]
