"""`auditor reference shop|assistant`: start the reference servers by hand."""

from __future__ import annotations

from typing import Annotated

import typer

from auditor._cli._app import app

reference = typer.Typer(help="Start the reference shop or assistant by hand.", no_args_is_help=True)
app.add_typer(reference, name="reference")
