"""`auditor merge DIR...`: the shards of one audit (`run --shard K/N`) joined into one audit.

The merged directory is a normal audit directory; its reports are rendered here, the step
summary appended when `$GITHUB_STEP_SUMMARY` is set, and it is recorded and notified like an
unsharded run. The exit code is the merged audit's gate.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from auditor._cli._app import EXIT_USAGE, app


def _fail(console: Console, message: str) -> typer.Exit:
    console.print(f"[bold red]error:[/bold red] {escape(message)}", highlight=False)
    return typer.Exit(EXIT_USAGE)


@app.command("merge")
def merge(
    directories: Annotated[
        list[Path],
        typer.Argument(help="the audit directories of every shard (`auditor run --shard K/N`)"),
    ],
    out: Annotated[
        Path | None,
        typer.Option(help="the merged audit's directory (default: a new one under reports/)"),
    ] = None,
    no_history: Annotated[
        bool, typer.Option("--no-history", help="neither read nor record the history database")
    ] = False,
) -> None:
    """Join the shards of one audit into one audit and render its reports (exit code: gate)."""
    from auditor._audit import finish, new_audit_dir
    from auditor._cli._ops import after_audit, history_path, store_trend
    from auditor._cli._outcome import print_outcome
    from auditor._config import ConfigError, parse_config
    from auditor._shards import ShardError, merge_shards

    console = Console(stderr=True)
    target = out if out is not None else new_audit_dir(Path("reports"))
    try:
        meta = merge_shards(directories, target)
    except ShardError as error:
        raise _fail(console, str(error)) from None
    try:
        config = parse_config(meta["config"], source=f"{target}/meta.json")
    except (ConfigError, KeyError) as error:
        raise _fail(console, f"the shards hold no usable configuration: {error}") from None
    # Beside the configuration the shards were run with, as `auditor run` records it.
    base_dir = Path(str(meta.get("base_dir") or "."))
    path = history_path(config, not no_history, base_dir)
    store_trend(console, config, target, path, exclude=target.name)
    audit = finish(target, env=dict(os.environ))
    console.print(f"merged {len(directories)} shards: {audit.metrics.probes} probes")
    code = print_outcome(Console(), audit, target)
    after_audit(console, config, target, history=path, env=os.environ)
    raise typer.Exit(code)
