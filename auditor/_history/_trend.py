"""`trend.json`: the earlier audits' points of the report's trend chart, kept in the directory.

They are read from the history database when the audit starts and stored with it, so that
`auditor report DIR` re-renders the same chart from the directory alone; the audit's own point
is added when its report is built.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import TypeAdapter, ValidationError

if TYPE_CHECKING:
    from auditor._report import TrendPoint

TREND_FILE = "trend.json"


@cache
def _points() -> TypeAdapter[list[TrendPoint]]:
    # The report model is imported when points are read or written, not before an audit's
    # first question, where a first audit (no history yet) stores an empty trend.
    from auditor._report import TrendPoint

    return TypeAdapter(list[TrendPoint])


def write_trend(directory: Path, points: Sequence[TrendPoint]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / TREND_FILE
    tmp = path.with_suffix(".json.tmp")
    tmp.write_bytes((_points().dump_json(list(points), indent=2) if points else b"[]") + b"\n")
    tmp.replace(path)
    return path


def read_trend(directory: Path) -> list[TrendPoint] | None:
    """The stored points; None when the audit ran without history (or the file is damaged)."""
    path = directory / TREND_FILE
    try:
        return _points().validate_json(path.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValidationError, json.JSONDecodeError):
        return None
