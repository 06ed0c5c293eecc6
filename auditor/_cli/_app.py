"""The Typer application every command module registers on."""

from __future__ import annotations

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
