"""`auditor validate`: every offline check of a configuration, and the same checks for `run`.

Exit 0 when nothing is wrong (warnings are printed), 2 when the configuration cannot work as
written, or when `--strict` is given and there is any warning (an environment variable that is
not set, a fact kind left to do). `run`, `anchors` and `ask` call `check_before_requests`
before their first request, where an unset variable the audit needs is an error. The command
is registered beside `init` (in `_anchors`), so that `auditor --help` lists them together.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape

from auditor._cli._app import EXIT_READY, EXIT_USAGE

if TYPE_CHECKING:
    from auditor._config import AuditConfig
    from auditor._preflight import Preflight, Problem


def _config_problems(source: str, problems: list[str]) -> list[Problem]:
    from auditor._preflight import Problem

    found = []
    for text in problems:
        path, sep, message = text.partition(": ")
        found.append(Problem(path if sep else source, message if sep else text))
    return found


def _print(console: Console, problems: list[Problem]) -> None:
    for problem in problems:
        colour = "red" if problem.severity == "error" else "yellow"
        console.print(
            f"[bold {colour}]{problem.severity}:[/bold {colour}] "
            f"{escape(problem.path)}: {escape(problem.message)}",
            highlight=False,
            soft_wrap=True,
        )


def check_before_requests(console: Console, config: AuditConfig, base_dir: Path) -> None:
    """The offline checks `run`, `anchors` and `ask` make first; errors are exit 2 at once."""
    from auditor._preflight import preflight

    result = preflight(config, base_dir=base_dir, env=os.environ, env_required=True)
    _print(console, result.warnings)
    if result.errors:
        _print(console, result.errors)
        console.print(
            f"the configuration cannot be used: {len(result.errors)} "
            f"problem{'s' if len(result.errors) != 1 else ''} (`auditor validate` lists them)",
            highlight=False,
        )
        raise typer.Exit(EXIT_USAGE)


def _summary(path: Path, result: Preflight, strict: bool) -> str:
    errors, warnings = len(result.errors), len(result.warnings)
    verdict = "cannot be used" if errors or (strict and warnings) else "ok"
    return f"{path}: {verdict} ({errors} errors, {warnings} warnings)"


def validate(
    config: Annotated[Path, typer.Option("--config", "-c", help="audit.toml or pyproject.toml")],
    as_json: Annotated[bool, typer.Option("--json", help="print one JSON document")] = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="warnings are problems too (exit 2)")
    ] = False,
) -> None:
    """Check a configuration offline, sending no request: exit 0 ok, 2 with every problem."""
    from auditor._config import ConfigError, load_config
    from auditor._preflight import Preflight, preflight

    console = Console(stderr=True)
    try:
        loaded = load_config(config)
    except ConfigError as error:
        result = Preflight(_config_problems(error.source, error.problems))
    else:
        result = preflight(loaded, base_dir=config.resolve().parent, env=os.environ)
    failed = bool(result.errors) or (strict and bool(result.warnings))
    if as_json:
        typer.echo(json.dumps({**result.to_json(), "ok": not failed}, indent=2))
    else:
        _print(console, result.problems)
        Console().print(escape(_summary(config, result, strict)), highlight=False)
    raise typer.Exit(EXIT_USAGE if failed else EXIT_READY)
