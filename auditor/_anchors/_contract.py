"""Contract findings: where a response breaks the document that promises its shape.

A finding is evidence, not an exception: reading goes on with whatever can still be mapped, so
that one bad record cannot hide a thousand good ones.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

#: How much of an offending value a finding keeps.
EXAMPLE_CHARS = 200
#: Findings kept per anchor; beyond this they are only counted, so a shop whose every record
#: breaks the document cannot exhaust memory.
MAX_FINDINGS = 1000


@dataclass(frozen=True, slots=True)
class ContractFinding:
    anchor: str
    operation_id: str
    status: int
    #: JSON path into the body, e.g. `$.items[3].stock.available`.
    path: str
    reason: str
    example: str

    @property
    def pattern(self) -> str:
        """The path with indices folded, so repeats over records group together."""
        return _INDEX.sub("[*]", self.path)


_INDEX = re.compile(r"\[\d+\]")


def json_path(parts: Iterable[str | int]) -> str:
    """`["items", 3, "stock"]` -> `$.items[3].stock`, quoting keys that are not identifiers."""
    out = ["$"]
    for part in parts:
        if isinstance(part, int):
            out.append(f"[{part}]")
        elif part.isidentifier():
            out.append(f".{part}")
        else:
            out.append(f"[{json.dumps(part)}]")
    return "".join(out)


def one_line(text: str, limit: int = EXAMPLE_CHARS) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def excerpt(value: object) -> str:
    """A short, one-line JSON excerpt of an offending value."""
    try:
        text = json.dumps(value, ensure_ascii=False, default=str)
    except (TypeError, ValueError):
        text = repr(value)
    return one_line(text)


def _same(text: str) -> str:
    return text


@dataclass(slots=True)
class FindingLog:
    """Findings of one anchor in arrival order, bounded by `MAX_FINDINGS`."""

    anchor: str
    findings: list[ContractFinding] = field(default_factory=list)
    dropped: int = 0
    #: Applied to every reason and example, and to the anchor's refusals: what an anchor
    #: echoes may hold a secret (see `auditor/_redact.py`).
    redact: Callable[[str], str] = _same

    def add(
        self, operation_id: str, status: int, path: str, reason: str, example: str = ""
    ) -> None:
        if len(self.findings) >= MAX_FINDINGS:
            self.dropped += 1
            return
        reason, example = self.redact(one_line(reason)), self.redact(example)
        self.findings.append(
            ContractFinding(self.anchor, operation_id, status, path, reason, example)
        )

    def extend(self, findings: Sequence[ContractFinding]) -> None:
        for f in findings:
            self.add(f.operation_id, f.status, f.path, f.reason, f.example)
