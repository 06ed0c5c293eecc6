"""`auditor review DIR`: the answers the auditor could not read, and teaching it their phrasing.

Unread answers are grouped by shape, most frequent first (`auditor/_teach/_shapes.py`). At a
terminal, each group offers the claim values of its kind and a phrase (the example's sentence,
editable); the phrases chosen are added to the configuration file's `[vocabulary]`, the rest of
the file untouched. `--json` prints the groups for scripts, `--write kind=value:phrase` writes
without asking; without a terminal the groups are printed and nothing is asked.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape

from auditor._cli._app import EXIT_READY, EXIT_USAGE, app

if TYPE_CHECKING:
    from auditor._teach import Entry, UnreadGroup

_SKIP = "skip"
_EXAMPLE_CHARS = 600


def _safe(text: str) -> str:
    """Untrusted text for the terminal: no control sequences, no rich markup."""
    from auditor._report import terminal_safe

    return escape(terminal_safe(text))


def _show(console: Console, number: int, group: UnreadGroup) -> None:
    kind = group.claim_kind.value if group.claim_kind is not None else "nothing to teach"
    console.print(
        f"[bold]{number}.[/bold] {group.count} × {_safe(group.probe_kind)} "
        f"([cyan]{escape(kind)}[/cyan])  shape: {_safe(group.shape)}",
        highlight=False,
    )
    example = group.example
    answer = example.answer
    if len(answer) > _EXAMPLE_CHARS:
        answer = answer[:_EXAMPLE_CHARS] + " …"
    console.print(f"   asked about {_safe(example.subject)}: {_safe(example.question)}")
    console.print(f"   answer: {_safe(answer)}", highlight=False)


def _print_groups(console: Console, directory: Path, groups: list[UnreadGroup]) -> None:
    total = sum(g.count for g in groups)
    if not groups:
        console.print(f"no unread answers in {_safe(str(directory))}")
        return
    console.print(f"{total} unread answers in {len(groups)} shapes ({_safe(str(directory))}):")
    for number, group in enumerate(groups, start=1):
        _show(console, number, group)


def _ask_entry(console: Console, group: UnreadGroup) -> Entry | None:
    from rich.prompt import Prompt

    from auditor._teach import check_entry

    if group.claim_kind is None:
        console.print("   (dates and tracking numbers are read from the text: nothing to teach)")
        return None
    choices = [_SKIP, *group.values]
    value = Prompt.ask("   value", choices=choices, default=_SKIP, console=console)
    if value == _SKIP:
        return None
    while True:
        phrase = Prompt.ask("   phrase", default=group.phrase or "", console=console)
        if not phrase.strip():
            return None
        try:
            return check_entry(group.claim_kind.value, value, phrase)
        except ValueError as error:
            console.print(f"   [red]{_safe(str(error))}[/red] (empty to skip)")


def _config_path(console: Console, path: Path | None) -> Path:
    from rich.prompt import Prompt

    if path is not None:
        return path
    default = "audit.toml" if Path("audit.toml").exists() else ""
    return Path(Prompt.ask("configuration file to add the phrases to", default=default))


def _write(console: Console, directory: Path, path: Path, entries: list[Entry]) -> None:
    from auditor._config import ConfigError
    from auditor._teach import add_entries

    try:
        added = add_entries(path, entries)
    except ConfigError as error:
        for problem in error.problems:
            console.print(
                f"[bold red]error:[/bold red] {_safe(error.source)}: {_safe(problem)}",
                highlight=False,
            )
        raise typer.Exit(EXIT_USAGE) from None
    for entry in added:
        console.print(f"added to {_safe(str(path))}: {_safe(str(entry))}", highlight=False)
    if len(added) < len(entries):
        console.print(f"{len(entries) - len(added)} phrases were there already")
    console.print(
        "judge the stored answers again with them: "
        f"auditor report {_safe(str(directory))} --rejudge -c {_safe(str(path))}",
        highlight=False,
    )


@app.command()
def review(
    directory: Annotated[Path, typer.Argument(help="an audit's directory")],
    config: Annotated[
        Path | None,
        typer.Option("--config", "-c", help="the audit.toml the phrases are added to"),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="print the groups as JSON, ask nothing")
    ] = False,
    write: Annotated[
        list[str] | None,
        typer.Option(
            "--write",
            help="add kind=value:phrase to \\[vocabulary] without asking (repeatable; needs -c)",
        ),
    ] = None,
) -> None:
    """Show the answers the auditor could not read, grouped by shape; teach it their phrasing."""
    from auditor._store import AuditDirError, read_meta
    from auditor._teach import current_results, group_unread, parse_entry, read_items

    # Soft wrap: a command to copy or a phrase to read must not be cut into lines.
    console = Console(stderr=True, soft_wrap=True)
    out = Console(highlight=False, soft_wrap=True)
    try:
        read_meta(directory)
        entries = [parse_entry(text) for text in write or []]
        results = current_results(directory)
    except (AuditDirError, ValueError) as error:
        console.print(f"[bold red]error:[/bold red] {_safe(str(error))}", highlight=False)
        raise typer.Exit(EXIT_USAGE) from None
    if entries and config is None:
        console.print("[bold red]error:[/bold red] --write needs -c FILE to write into")
        raise typer.Exit(EXIT_USAGE)
    items, _ = read_items(directory, results)
    groups = group_unread(results, items)
    if entries:
        assert config is not None
        _write(console, directory, config, entries)
    if as_json:
        document = {
            "directory": str(directory),
            "unread": sum(g.count for g in groups),
            "groups": [g.to_json() for g in groups],
        }
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        raise typer.Exit(EXIT_READY)
    if entries or not groups or not (sys.stdin.isatty() and sys.stdout.isatty()):
        if not entries:
            _print_groups(out, directory, groups)
        raise typer.Exit(EXIT_READY)
    _interactive(out, directory, config, groups)


def _interactive(
    console: Console, directory: Path, config: Path | None, groups: list[UnreadGroup]
) -> None:
    chosen: list[Entry] = []
    console.print(
        f"{sum(g.count for g in groups)} unread answers in {len(groups)} shapes: for each, "
        "pick the value it says and the phrase that says it, or skip"
    )
    for number, group in enumerate(groups, start=1):
        _show(console, number, group)
        entry = _ask_entry(console, group)
        if entry is not None:
            chosen.append(entry)
    if not chosen:
        console.print("nothing chosen; nothing written")
        raise typer.Exit(EXIT_READY)
    _write(console, directory, _config_path(console, config), chosen)
