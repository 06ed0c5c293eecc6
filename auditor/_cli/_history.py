"""`auditor history` (past audits and their key metrics) and `auditor diff A B` (compare two)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from auditor._cli._app import EXIT_NOT_READY, EXIT_READY, EXIT_USAGE, app
from auditor._names import HISTORY_FILE, FailOn

if TYPE_CHECKING:
    from auditor._history import HistoryDB, HistoryEntry
    from auditor._report import BaselineComparison

#: Where to look without `--db` or `-c`: beside an audit.toml in this folder (where `auditor
#: run` records), then where `auditor demo` records (its `--out`, `reports/`).
DEFAULT_DBS = (Path(HISTORY_FILE), Path("reports") / HISTORY_FILE)
#: How to get a history, for a reader who has none yet.
HOW_TO_GET_ONE = (
    "every `auditor run -c audit.toml` records its audit in history.sqlite beside audit.toml "
    "(or `[history] path`), and `auditor demo` in reports/history.sqlite; "
    "give the database with --db or the configuration with -c"
)
DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        help="the history database (default: the one of -c, else ./history.sqlite, "
        "else reports/history.sqlite)",
    ),
]
ConfigOption = Annotated[
    Path | None, typer.Option("--config", "-c", help="audit.toml whose \\[history] path to read")
]
_PIPED_WIDTH = 200
#: Columns of `auditor history`: headline metrics people scan for.
_SHOWN = ("agreement", "hallucinations", "privacy_leaks", "error_rate", "deflection_rate")


def _error(message: str) -> typer.Exit:
    Console(stderr=True).print(f"[bold red]error:[/bold red] {escape(message)}", highlight=False)
    return typer.Exit(EXIT_USAGE)


def _db_path(db: Path | None, config: Path | None) -> Path:
    if db is not None:
        return db
    if config is None:
        return next((p for p in DEFAULT_DBS if p.is_file()), DEFAULT_DBS[0])
    from auditor._config import ConfigError, load_config

    try:
        configured = load_config(config).history.path
    except ConfigError as error:
        raise _error(f"{error.source}: " + "; ".join(error.problems)) from None
    return config.resolve().parent / (configured or HISTORY_FILE)


def _console() -> Console:
    """Tables as wide as they need when piped (a file or a log has no width to fit)."""
    console = Console(soft_wrap=True)
    return console if console.is_terminal else Console(soft_wrap=True, width=_PIPED_WIDTH)


def _safe(text: str) -> str:
    from auditor._report import terminal_safe

    return escape(terminal_safe(text))


def _table(entries: list[HistoryEntry]) -> Table:
    from auditor._report._baseline import show_metric

    table = Table()
    for name in ("run", "finished", "name"):
        table.add_column(name, no_wrap=True)
    for name in ("profile", "readiness", "probes", *(n.replace("_", " ") for n in _SHOWN)):
        table.add_column(name)
    table.add_column("findings", justify="right")
    for e in entries:
        table.add_row(
            _safe(e.run_id),
            e.finished_at.strftime("%Y-%m-%d %H:%M"),
            _safe(e.name),
            _safe(e.profile),
            "[green]READY[/green]" if e.ready else "[red]NOT READY[/red]",
            f"{e.probes}/{e.planned}",
            *(show_metric(n, e.metrics.get(n)) for n in _SHOWN),
            str(len(e.finding_ids)),
        )
    return table


@app.command("history")
def history(
    name: Annotated[str | None, typer.Option(help="only audits of this \\[audit] name")] = None,
    profile: Annotated[str | None, typer.Option(help="only audits of this profile")] = None,
    limit: Annotated[int, typer.Option(min=1, help="how many audits, newest first")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="print one JSON document")] = False,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """List past audits, newest first, with readiness and key metrics."""
    from auditor._history import HistoryError, read_history

    path = _db_path(db, config)
    if not path.is_file():
        raise _error(f"no history database at {path}: {HOW_TO_GET_ONE}")
    try:
        with read_history(path) as opened:
            entries = opened.entries(name=name, profile=profile, limit=limit)
    except HistoryError as error:
        raise _error(str(error)) from None
    if as_json:
        typer.echo(
            json.dumps(
                {"database": str(path), "audits": [e.to_json() for e in entries]},
                indent=2,
                ensure_ascii=False,
            )
        )
    elif entries:
        _console().print(_table(entries))
    else:
        typer.echo(f"no audits recorded in {path}" + (f" named {name}" if name else ""))
    raise typer.Exit(EXIT_READY)


def _print_diff(console: Console, comparison: BaselineComparison, after: str) -> None:
    from auditor._report._baseline import show_metric

    console.print(
        f"[b]{_safe(after)}[/b] against [b]{_safe(comparison.run_id)}[/b]: "
        f"{len(comparison.new_findings)} new findings · "
        f"{len(comparison.fixed_findings)} fixed · "
        f"{comparison.persisting_findings} persisting · "
        + ("[red]regressed[/red]" if comparison.regressed else "no regression")
    )
    table = Table("metric", "before", "after", "change", "")
    for d in comparison.deltas:
        table.add_row(
            d.name,
            show_metric(d.name, d.baseline),
            show_metric(d.name, d.current),
            show_metric(d.name, d.delta, signed=True),
            "[red]worse[/red]" if d.worse and d.gated else ("worse" if d.worse else ""),
        )
    console.print(table)
    for title, refs in (("new", comparison.new_findings), ("fixed", comparison.fixed_findings)):
        for f in refs:
            where = f" · {f.edge_class}" if f.edge_class else ""
            console.print(f"  {title}: {_safe(f.kind + where)}: {_safe(f.pattern)} ({f.count})")


@app.command("diff")
def diff(
    before: Annotated[str, typer.Argument(help="the earlier audit: a directory or a run id")],
    after: Annotated[str, typer.Argument(help="the later audit: a directory or a run id")],
    as_json: Annotated[bool, typer.Option("--json", help="print one JSON document")] = False,
    db: DbOption = None,
    config: ConfigOption = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            help="regression: exit 1 when the later audit is worse than the earlier one "
            "(a new finding, a gated metric moved the wrong way), as `run --fail-on` does"
        ),
    ] = None,
) -> None:
    """Compare two audits: new and fixed findings, and how each key metric moved.

    The exit code is 0 whatever the comparison shows, unless `--fail-on regression` asks for
    1 on a regression."""
    from auditor._history import DiffError, HistoryError, diff_audits, resolve_audit

    if fail_on == "gate":
        raise _error("diff compares two audits: only --fail-on regression applies")
    path = _db_path(db, config)
    try:
        with _maybe_history(path) as opened:
            comparison = diff_audits(resolve_audit(before, opened), resolve_audit(after, opened))
    except (DiffError, HistoryError) as error:
        raise _error(str(error)) from None
    if as_json:
        typer.echo(comparison.model_dump_json(indent=2))
    else:
        _print_diff(_console(), comparison, after)
    regressed = fail_on == "regression" and comparison.regressed
    raise typer.Exit(EXIT_NOT_READY if regressed else EXIT_READY)


@contextmanager
def _maybe_history(path: Path) -> Iterator[HistoryDB | None]:
    """The history database when there is one; directories alone need none."""
    from auditor._history import read_history

    if not path.is_file():
        yield None
        return
    with read_history(path) as opened:
        yield opened
