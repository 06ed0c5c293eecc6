"""Probe results as data: one pydantic record per finished probe, stored as append-only JSONL.

Each line is written and flushed as soon as its probe is judged, so a crash or SIGKILL loses
at most the line being written (the OS keeps what was flushed; a power cut may lose more, which
`--resume` then simply asks again). A torn last line is ignored on reading and cut off before
the next append, so the file is always whole lines.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import json
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, Self, overload

from pydantic import BaseModel, ConfigDict, Field

from auditor._claims import Claim
from auditor._facts import Fact
from auditor._jsonl import JsonlWriter, complete_lines
from auditor._verdict import Verdict

RESULTS_FILE = "results.jsonl"

#: The reason of a probe the audit's deadline cut; such a probe counts as not yet asked.
DEADLINE_REASON = "audit deadline passed before this probe finished"
#: How far back from the end a torn line is looked for: longer than any one result line.
_TAIL_WINDOW = 1 << 20


def _jsonable(value: Any) -> Any:
    if type(value) in _PLAIN:
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _dataclass_json(value)
    return value


def _dataclass_json(value: Any) -> dict[str, Any]:
    # Most fields are plain: tested here, without a call each (a result has a fact or two).
    data = {}
    cls: type = type(value)
    for name in _field_names(cls):
        field = getattr(value, name)
        data[name] = field if type(field) in _PLAIN else _jsonable(field)
    return data


#: Most of a fact's fields: passed through before any other test (every result has facts).
_PLAIN = frozenset({str, int, float, bool, type(None)})


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def fact_to_json(fact: Fact) -> dict[str, Any]:
    return _dataclass_json(fact)


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ClaimRecord(_Record):
    kind: str
    value: str | int | None
    span: tuple[int, int]
    subject: str | None = None
    hedged: bool = False
    #: Who read the claim, when a model reader is configured (issue 21): the rules, a phrase
    #: taught with `auditor review`, or the model. Not written without a reader.
    reader: Literal["rules", "review", "model"] | None = Field(
        None, exclude_if=lambda value: value is None
    )

    @staticmethod
    def data(claim: Claim) -> dict[str, Any]:
        """The record's fields, for `ProbeResult` to validate with the rest of the result in
        one call rather than one record at a time."""
        return {
            "kind": claim.kind.value,
            "value": claim.value,
            "span": claim.span,
            "subject": claim.subject,
            "hedged": bool(getattr(claim, "hedged", False)),
        }


class TruthRecord(_Record):
    #: The fact as the anchor gave it; None when the subject does not exist.
    fact: dict[str, Any] | None
    read_at: datetime
    source: Literal["snapshot", "read"]


class ModelReadingRecord(_Record):
    """What the model reader read in the answer (issue 21), kept beside the rules' claims."""

    #: The grounded claims (each `reader: "model"`).
    claims: list[ClaimRecord] = Field(default_factory=list)
    #: Why there is no reading (down, timed out, HTTP error, not the JSON asked for).
    error: str | None = None
    seconds: float = 0.0
    tokens: int = 0
    #: Read from the audit's cache: no request was made.
    cached: bool = False
    #: Claims the model made whose quote is not in the answer (dropped).
    dropped: int = 0
    #: The verdict rests on this reading, not on the rules'.
    decided: bool = False
    #: The claim kinds the model was asked for (what agreement is counted over).
    kinds: list[str] = Field(default_factory=list)


class ProbeResult(_Record):
    entry_type: Literal["probe"] = "probe"
    probe: dict[str, Any]
    verdict: Verdict
    reason: str
    answer: str | None = None
    #: Every turn's answer when the probe was a conversation.
    turn_answers: list[str] = Field(default_factory=list)
    claims: list[ClaimRecord] = Field(default_factory=list)
    #: Indices into `claims` of the claims the verdict rests on.
    judged: list[int] = Field(default_factory=list)
    #: Claim values that would have agreed with the truth before the question.
    accepted: list[str] = Field(default_factory=list)
    #: A failure or remark with a finding of its own (`wrong_subject`, `imprecise`); None for
    #: the rest, and in results written before labels existed.
    label: str | None = None
    truth_before: TruthRecord | None = None
    truth_after: TruthRecord | None = None
    latency_ms: float | None = None
    ttft_ms: float | None = None
    attempts: int = 0
    started_at: datetime
    finished_at: datetime
    #: The W3C trace id sent with the probe's requests (`traceparent`): the assistant's spans
    #: in this trace are the work it did for this probe. None in results written before it.
    trace_id: str | None = None
    #: The model reader's reading of the answer (issue 21); not written without one.
    model_reading: ModelReadingRecord | None = Field(None, exclude_if=lambda value: value is None)

    @property
    def probe_id(self) -> str:
        return str(self.probe["id"])


class ResultsStore(JsonlWriter):
    """Appends results to `DIR/results.jsonl`; reading tolerates a torn last line."""

    def __init__(self, directory: Path, *, redact: Callable[[str], str] | None = None) -> None:
        super().__init__(directory / RESULTS_FILE, mode="a", redact=redact)

    def __enter__(self) -> Self:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._repair_tail()
        return super().__enter__()

    def _repair_tail(self) -> None:
        """Cut a torn last line (a run killed mid-write) so appends start on a clean line.

        Reads only the end of the file: a large audit's results need not fit in memory.
        """
        if not self.path.exists():
            return
        with self.path.open("r+b") as file:
            size = file.seek(0, 2)
            start = max(0, size - _TAIL_WINDOW)
            file.seek(start)
            tail = file.read()
            if not tail or tail.endswith(b"\n"):
                return
            cut = tail.rfind(b"\n")
            if cut < 0 and start > 0:
                raise ResultsDamaged(f"{self.path}: a line longer than {_TAIL_WINDOW} bytes")
            file.truncate(start + cut + 1)


class ResultsDamaged(Exception):
    """The results file cannot be repaired by cutting a torn last line."""


def finished_ids(directory: Path) -> set[str]:
    """Probes a resumed audit need not ask again: all with a result, but those the deadline cut.

    A probe asked again gets a second line; `read_results` keeps the later one.
    """
    return answered_ids(stored_results(directory))


def answered_ids(results: Iterable[ProbeResult]) -> set[str]:
    """The probes of `results` that were asked: all but those the deadline cut."""
    return {r.probe_id for r in results if r.reason != DEADLINE_REASON}


def read_results(directory: Path, file: str = RESULTS_FILE) -> list[ProbeResult]:
    """Every complete result on disk; a later line for the same probe replaces an earlier one.

    `file` is the run's own results unless given (`results.rejudged.jsonl`, say).
    """
    by_id: dict[str, ProbeResult] = {}
    for result in _iter_lines(directory / file):
        by_id[result.probe_id] = result
    return list(by_id.values())


class StoredResults(Sequence[ProbeResult]):
    """The results on disk, read back one at a time, in report order (started, then probe id).

    Holds where each kept line is (two integers per probe), never the results themselves, so
    an audit of any size is read in flat memory: each iteration reads the file again. A later
    line for the same probe replaces an earlier one, as in `read_results`; a torn last line and
    lines that are not results are skipped.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        latest: dict[str, tuple[datetime, int, int]] = {}
        for offset, line, result in _scan(path):
            latest[result.probe_id] = (result.started_at, offset, len(line))
        order = sorted(latest.items(), key=lambda item: (item[1][0], item[0]))
        self._offsets = array("q", (at for _, (_, at, _) in order))
        self._sizes = array("q", (size for _, (_, _, size) in order))

    def __len__(self) -> int:
        return len(self._offsets)

    @overload
    def __getitem__(self, index: int) -> ProbeResult: ...
    @overload
    def __getitem__(self, index: slice) -> list[ProbeResult]: ...
    def __getitem__(self, index: int | slice) -> ProbeResult | list[ProbeResult]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        with self.path.open("rb") as file:
            file.seek(self._offsets[index])
            return _parse(file.read(self._sizes[index])) or _gone(self.path)

    def __iter__(self) -> Iterator[ProbeResult]:
        with self.path.open("rb") as file:
            for offset, size in zip(self._offsets, self._sizes, strict=True):
                file.seek(offset)
                yield _parse(file.read(size)) or _gone(self.path)


def _gone(path: Path) -> ProbeResult:
    raise ResultsDamaged(f"{path} changed while it was being read")


def stored_results(directory: Path, file: str = RESULTS_FILE) -> StoredResults:
    """The results of `directory` (or its `file`) as a lazily read sequence in report order."""
    return StoredResults(directory / file)


def _scan(path: Path) -> Iterator[tuple[int, bytes, ProbeResult]]:
    """(offset, line, result) of every complete line that holds a result."""
    if not path.exists():
        return
    offset = 0
    with path.open("rb") as lines:
        for line in lines:
            if not line.endswith(b"\n"):
                return  # torn by a crash mid-write
            result = _parse(line)
            if result is not None:
                yield offset, line, result
            offset += len(line)


def _parse(line: bytes) -> ProbeResult | None:
    """One stored line as a result, or None; as `complete_lines` reads it, in one call when it
    can (the JSON parser of pydantic), else the slower way that tolerates lone surrogates."""
    try:
        return ProbeResult.model_validate_json(line)
    except ValueError:
        pass
    try:
        data = json.loads(line.decode("utf-8", "surrogatepass"))
        return ProbeResult.model_validate(data) if isinstance(data, dict) else None
    except ValueError:
        return None


def _iter_lines(path: Path) -> Iterator[ProbeResult]:
    for data in complete_lines(path):
        try:
            yield ProbeResult.model_validate(data)
        except ValueError:
            continue


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    tmp.replace(path)
