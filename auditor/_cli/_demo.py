"""`auditor demo`: audit the built-in reference shop and assistant, nothing else needed."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from auditor._audit import new_audit_dir
from auditor._cli._app import EXIT_USAGE, app
from auditor._cli._run import execute

DEFAULT_SUITES = ("stock", "orders", "returns", "safety", "consistency")


@app.command()
def demo(
    fault: Annotated[
        list[str],
        typer.Option(
            "--fault",
            help="switch on a fault of the reference assistant (repeatable), "
            "e.g. ignores_stock, stale_cache=30",
        ),
    ] = [],  # noqa: B006 (typer reads, never mutates)
    out: Annotated[Path, typer.Option(help="folder for the audit's directory")] = Path("reports"),
    seed: Annotated[int, typer.Option(help="seed of the shop's data and of the plan")] = 7,
    items: Annotated[int, typer.Option(help="catalogue size of the reference shop")] = 60,
    max_probes: Annotated[int, typer.Option(help="probe budget")] = 300,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress output")] = False,
) -> None:
    """Start the reference shop and assistant on loopback and audit them (exit 0 when ready)."""
    from auditor.reference._demo import STAFF_TOKEN_ENV, demo_config
    from auditor.reference._world import running_world
    from auditor.reference.assistant import parse_faults

    console = Console(stderr=True)
    try:
        faults = parse_faults(fault)
    except ValueError as error:
        console.print(f"[bold red]error:[/bold red] {error}", highlight=False)
        raise typer.Exit(EXIT_USAGE) from None
    with running_world(seed=seed, items=items, faults=faults) as world:
        console.print(
            f"reference shop on {world.shop_url} · assistant on {world.assistant_url}"
            + (f" · faults: {', '.join(fault)}" if fault else "")
        )
        config = demo_config(
            shop_url=world.shop_url,
            assistant_url=world.assistant_url,
            seed=seed,
            max_probes=max_probes,
            suites=list(DEFAULT_SUITES),
        )
        code = execute(
            config,
            new_audit_dir(out),
            base_dir=Path.cwd(),
            env={STAFF_TOKEN_ENV: world.staff_token},
            resume=False,
            quiet=quiet,
        )
    raise typer.Exit(code)
