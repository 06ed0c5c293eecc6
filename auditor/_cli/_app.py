"""The Typer application every command module registers on.

Command modules import at their top only what Typer needs to build the commands (typer, rich,
`auditor._names`); the engine is imported inside each command, so `auditor --help`,
`auditor --version` and every command's `--help` start in a fraction of a second.
"""

from __future__ import annotations

from typing import Annotated

import typer

app = typer.Typer(
    name="auditor",
    help="Audit a customer-service chatbot against the shop's systems of record.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

#: Exit codes: the gate's contract with CI systems and schedulers.
EXIT_READY = 0
EXIT_NOT_READY = 1
EXIT_USAGE = 2
EXIT_COULD_NOT_RUN = 3


def _print_version(value: bool) -> None:
    if not value:
        return
    from auditor import __version__

    typer.echo(f"auditor {__version__}")
    raise typer.Exit(EXIT_READY)


@app.callback()
def _options(
    _version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_print_version,
            is_eager=True,
            help="Print the version and exit.",
        ),
    ] = False,
) -> None:
    # No docstring: the app's help above is what `auditor --help` shows.
    pass
