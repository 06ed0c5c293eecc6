"""`trend.json`: the earlier audits' points of the report's trend chart, kept in the directory.

They are read from the history database when the audit starts and stored with it, so that
`auditor report DIR` re-renders the same chart from the directory alone; the audit's own point
is added when its report is built.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from auditor._report import TrendPoint

TREND_FILE = "trend.json"
_POINTS = TypeAdapter(list[TrendPoint])


def write_trend(directory: Path, points: Sequence[TrendPoint]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / TREND_FILE
    tmp = path.with_suffix(".json.tmp")
    tmp.write_bytes(_POINTS.dump_json(list(points), indent=2) + b"\n")
    tmp.replace(path)
    return path


def read_trend(directory: Path) -> list[TrendPoint] | None:
    """The stored points; None when the audit ran without history (or the file is damaged)."""
    path = directory / TREND_FILE
    try:
        return _POINTS.validate_json(path.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValidationError, json.JSONDecodeError):
        return None
