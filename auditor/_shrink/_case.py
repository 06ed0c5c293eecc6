"""Minimal cases as data: what makes two failures "the same", what makes a case simpler.

A failure's pattern is what was said against what was true ("says in_stock where the truth is
out_of_stock"), so that shrinking stays within one finding. Simplicity follows the order the
probe strategies shrink towards: plain ASCII before other scripts, a short name before a long
one, the exact name or SKU before a lower-cased, partial or misspelt one, the first (plainest)
phrasing before the others.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from auditor._facts import Snapshot
from auditor._probes import Probe
from auditor._probes._strategies import MENTIONS, Draw
from auditor._results import ProbeResult, write_jsonl
from auditor._store import MINIMAL_FILE
from auditor._verdict import Verdict

#: Why a bucket's search ended: it ran its course, spent its budget or the phase's time, or
#: Hypothesis itself failed (the plan's failure is kept then).
Stopped = Literal["done", "budget", "time", "error"]

Complexity = tuple[int, int, str, int, int, str]


def failure_pattern(result: ProbeResult) -> str | None:
    """What a `fail` said against what was true; None for any other verdict."""
    if result.verdict is not Verdict.FAIL:
        return None
    said = sorted(
        {str(result.claims[i].value) for i in result.judged if 0 <= i < len(result.claims)}
    )
    says = f"says {' and '.join(said) or 'nothing'}"
    if not result.accepted:
        return f"{says} where nothing should be said"
    return f"{says} where the truth is {' or '.join(sorted(result.accepted))}"


def phrasing_index(probe: Probe) -> int:
    """Which phrasing of its kind the probe uses (`kind#3` → 3)."""
    _, _, index = probe.phrasing.rpartition("#")
    return int(index) if index.isdigit() else 0


def draw_of(probe: Probe) -> Draw:
    """The draw a planned probe came from, as far as its question needs it."""
    return Draw(
        probe.subject,
        phrasing_index(probe),
        probe.param("form") or probe.param("mention") or "id",
        probe.customer_id,
    )


def complexity(snapshot: Snapshot, probe: Probe) -> Complexity:
    """Orders probes simplest first; the shrink phase keeps the least of its failures."""
    fact = snapshot.stock.get(probe.subject) if probe.fact_kind == "stock" else None
    name = probe.subject if fact is None else fact.name
    mention = probe.param("form") or probe.param("mention") or ""
    rank = MENTIONS.index(mention) if mention in MENTIONS else 0
    return (
        0 if name.isascii() else 1,
        len(name),
        probe.subject,
        rank,
        phrasing_index(probe),
        probe.customer_id or "",
    )


class MinimalCase(BaseModel):
    """One line of `minimal.jsonl`: a failing bucket's simplest failing probe and its answer."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    entry_type: Literal["minimal"] = "minimal"
    kind: str
    edge_class: str | None
    #: The finding the case belongs to (`failure_pattern`).
    pattern: str
    #: `Probe.to_json()` of the minimal probe: exactly what `auditor replay` asks again.
    probe: dict[str, Any]
    result: ProbeResult
    #: The plan probe the search started from (its result is in results.jsonl).
    original_probe_id: str
    #: How many times Hypothesis ran the search's test (answers it had already seen included).
    examples: int
    #: How many of those asked the assistant (the rest were answered from earlier asks).
    asked: int
    stopped: Stopped

    @property
    def probe_id(self) -> str:
        return str(self.probe["id"])

    def to_probe(self) -> Probe:
        return Probe.from_json(self.probe)


def write_minimal(directory: Path, cases: Iterable[MinimalCase]) -> None:
    write_jsonl(directory / MINIMAL_FILE, (c.model_dump(mode="json") for c in cases))


def read_minimal(directory: Path) -> list[MinimalCase] | None:
    """The stored minimal cases; None when the audit has none stored (no shrink phase ran)."""
    path = directory / MINIMAL_FILE
    if not path.exists():
        return None
    with path.open(encoding="utf-8") as lines:
        return [MinimalCase.model_validate(json.loads(line)) for line in lines if line.strip()]
