"""`:save`: a question found while exploring becomes a phrasing of the user's own probe suite.

The concrete subject is replaced by the placeholder the planner fills (`{item}` for items, so
the plan still varies how the item is named; `{id}` for orders and returns), and every other
brace is doubled so `str.format_map` leaves the wording alone. The file is the same TOML as
`probes/*.toml`; it is checked with `load_suites` before it replaces the old one, so a file
that `auditor run` would refuse is never written.
"""

from __future__ import annotations

import os
import tempfile
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditor._anchors._toml import toml_tables
from auditor._explore._subjects import Subject
from auditor._explore._verdicts import NOUNS
from auditor._probes import PROBE_KINDS, ProbeKind, SuiteError, load_suites

_HEADER = (
    "# Probe phrasings saved from `auditor explore`; list this file under [probes] files.\n"
    "# `{item}` names an item the way the plan chooses, `{id}` is an order or return id.\n"
)
#: The weight `:save KIND EDGE_CLASS` gives the class: drawn twice as often as the default.
SAVED_WEIGHT = 2


class SaveError(ValueError):
    """The question cannot be saved as asked; the message says what to change."""


@dataclass(frozen=True, slots=True)
class Saved:
    path: Path
    kind: str
    template: str
    edge_class: str | None
    #: Phrasings the kind has in this file after saving.
    phrasings: int


def _escape(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


def placeholder(fact_kind: str) -> str:
    return "{item}" if fact_kind == "stock" else "{id}"


def template_of(question: str, kind_name: str, subjects: Sequence[Subject]) -> str:
    """The question with its subject, of the kind's fact kind, turned into a placeholder."""
    kind = _kind(kind_name)
    named = [s for s in subjects if s.fact_kind == kind.fact_kind and s.span is not None]
    if not named:
        raise SaveError(
            f"the question names no {NOUNS.get(kind.fact_kind, kind.fact_kind)} for "
            f"{kind_name} to ask about; ask one that does, then :save"
        )
    start, end = named[0].span or (0, 0)
    return _escape(question[:start]) + placeholder(kind.fact_kind) + _escape(question[end:])


def _kind(name: str) -> ProbeKind:
    if name not in PROBE_KINDS:
        known = ", ".join(sorted(k.name for k in PROBE_KINDS))
        raise SaveError(f"unknown probe kind {name!r}; known kinds: {known}")
    return PROBE_KINDS[name]


def _read(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise SaveError(f"{path}: cannot read it: {error}") from None
    entries = data.get("kind", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise SaveError(f"{path}: `kind` must be an array of tables")
    return [dict(e) for e in entries]


def _merge(
    entries: list[dict[str, Any]], kind: str, template: str, edge_class: str | None
) -> dict[str, Any]:
    entry = next((e for e in entries if e.get("name") == kind), None)
    if entry is None:
        entry = {"name": kind, "phrasings": []}
        entries.append(entry)
    phrasings = list(entry.get("phrasings") or [])
    if template not in phrasings:
        phrasings.append(template)
    entry["phrasings"] = phrasings
    if edge_class is not None:
        weights = dict(entry.get("weights") or {})
        weights[edge_class] = max(SAVED_WEIGHT, int(weights.get(edge_class, 0)))
        entry["weights"] = weights
    return entry


def save_phrasing(
    path: Path, kind_name: str, template: str, edge_class: str | None = None
) -> Saved:
    """Add `template` to `kind_name` in the suite file at `path` (created if missing)."""
    kind = _kind(kind_name)
    if edge_class is not None and edge_class not in kind.edge_classes:
        raise SaveError(
            f"{kind_name} has no edge class {edge_class!r}; "
            f"its classes: {', '.join(kind.edge_classes)}"
        )
    entries = _read(path)
    entry = _merge(entries, kind_name, template, edge_class)
    text = _HEADER + toml_tables({"kind": entries})
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        load_suites([], [Path(temporary)])
        os.replace(temporary, path)
    except SuiteError as error:
        raise SaveError(f"the suite file would not load: {error}") from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return Saved(path, kind_name, template, edge_class, len(entry["phrasings"]))
