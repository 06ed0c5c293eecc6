"""`auditor extract`: print the claims found in answer texts, one JSON line per text.

Inputs are checked before anything is printed, so a bad file or option never leaves half an
output behind: one line on stderr and exit code 2 (usage), as for every other command.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from auditor._cli._app import EXIT_USAGE, app

if TYPE_CHECKING:
    from auditor._claims import ClaimKind, Vocabulary


class _UsageError(Exception):
    """A bad input, reported on one line."""


def _kinds(names: Sequence[str]) -> list[ClaimKind] | None:
    from auditor._claims import ClaimKind

    if not names:
        return None
    kinds = []
    for name in names:
        try:
            kinds.append(ClaimKind(name))
        except ValueError:
            known = ", ".join(k.value for k in ClaimKind)
            raise _UsageError(f"unknown claim kind {name!r}; expected one of: {known}") from None
    return kinds


def _clock(now: str | None) -> datetime:
    """`--now`, or the current time in the machine's zone: "tomorrow" means what it says."""
    if now is None:
        return datetime.now().astimezone()
    try:
        clock = datetime.fromisoformat(now)
    except ValueError:
        raise _UsageError(f"--now {now!r} is not an ISO 8601 date-time") from None
    if clock.utcoffset() is None:
        raise _UsageError(f"--now {now!r} needs a time zone offset, e.g. {now}+00:00")
    return clock


def _vocabulary(path: Path | None) -> Vocabulary:
    """The `[vocabulary]` of an audit configuration, so answers read as the audit reads them."""
    from auditor._claims import Vocabulary

    if path is None:
        return Vocabulary()
    # Only with -c: the configuration model brings the anchors and openapi-core (~0.6 s).
    from auditor._config import ConfigError, load_config

    try:
        return load_config(path).extraction_vocabulary()
    except ConfigError as error:
        raise _UsageError("\n".join(f"{error.source}: {p}" for p in error.problems)) from None


def _file_texts(path: Path) -> list[str]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise _UsageError(f"cannot read {path}: {reason}") from None
    texts = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise _UsageError(f"{path}:{number}: invalid JSON ({error.msg})") from None
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            raise _UsageError(f'{path}:{number}: expected an object with a "text" string')
        texts.append(row["text"])
    return texts


@app.command("extract")
def extract_command(
    texts: Annotated[
        list[str] | None, typer.Argument(help="Answer texts to read.", show_default=False)
    ] = None,
    kind: Annotated[
        list[str] | None,
        typer.Option("--kind", "-k", help="Claim kind to extract (repeatable; default: all)."),
    ] = None,
    file: Annotated[
        Path | None,
        typer.Option("--file", "-f", help='JSON Lines file, one {"text": ...} per line.'),
    ] = None,
    now: Annotated[
        str | None,
        typer.Option(
            help="ISO date-time with offset that relative dates resolve against "
            "(default: now, in this machine's time zone)."
        ),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config", "-c", help="an audit.toml whose \\[vocabulary] the answers are read with"
        ),
    ] = None,
) -> None:
    """Print the claims each answer makes, as JSON lines."""
    from auditor._claims import ExtractionContext, extract

    try:
        kinds = _kinds(kind or [])
        context = ExtractionContext(now=_clock(now), vocabulary=_vocabulary(config))
        answers = [*(texts or []), *(_file_texts(file) if file is not None else [])]
        if not answers:
            raise _UsageError("give answer texts as arguments or --file texts.jsonl")
    except _UsageError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(EXIT_USAGE) from None
    for answer in answers:
        claims = extract(answer, kinds, context)
        sys.stdout.write(json.dumps({"text": answer, "claims": [c.to_json() for c in claims]}))
        sys.stdout.write("\n")
