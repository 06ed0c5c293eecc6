"""One audit spread over a CI matrix: each shard runs a slice of the plan, `merge` joins them.

Every shard computes the whole plan (the same for all: same configuration, seed and data) and
keeps its own slice. The unit of a slice is a consistency group (the probes of one fact asked
in several phrasings and on every channel, judged together), a re-contact's attempts, or else
one probe; units are dealt round-robin in plan order, so shards are balanced and each unit runs
in exactly one shard.

A shard's directory is a normal audit directory (its `plan.jsonl` is its slice, so `report`
and `--resume` work on it), marked in meta.json with the shard, the whole plan's digest and the
slice's positions in the whole plan. `merge_shards` checks that the directories are the shards
of one plan (one configuration, seed and plan; each shard once; no probe twice; none missing)
and writes the merged audit directory; rendering its reports is the caller's.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from auditor._probes import Probe
from auditor._results import ResultsStore, stored_results, write_jsonl
from auditor._store import (
    CONTRACT_FILE,
    FINISHED_KEY,
    META_FILE,
    MINIMAL_FILE,
    SHRINK_FILE,
    STATUS_KEY,
    STOP_KEY,
    AuditDirError,
    read_contract_findings,
    read_meta,
    read_plan,
    write_json,
    write_plan,
)

SHARD_KEY = "shard"
_SPEC = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")
#: Copied from the first shard that has it (every shard was given the same baseline).
_BASELINE_FILE = "baseline.json"


class ShardError(Exception):
    """Not the shards of one plan, or a bad `K/N` (a usage error, exit code 2)."""


@dataclass(frozen=True, slots=True)
class Shard:
    #: 1-based, as CI systems count matrix jobs (GitLab's CI_NODE_INDEX).
    index: int
    count: int

    def __post_init__(self) -> None:
        if not 1 <= self.index <= self.count:
            raise ShardError(f"shard {self.index}/{self.count}: K must be between 1 and N")

    @classmethod
    def parse(cls, text: str) -> Shard:
        match = _SPEC.match(text)
        if match is None:
            raise ShardError(f"--shard {text!r}: expected K/N, e.g. 1/2")
        return cls(int(match[1]), int(match[2]))

    def positions(self, plan: Sequence[Probe]) -> list[int]:
        """Indices into the whole plan of the probes this shard runs."""
        units: dict[str, int] = {}
        mine = []
        for i, probe in enumerate(plan):
            unit = units.setdefault(unit_of(probe), len(units))
            if unit % self.count == self.index - 1:
                mine.append(i)
        return mine

    def select(self, plan: Sequence[Probe]) -> tuple[list[Probe], dict[str, Any]]:
        """This shard's slice of the whole plan, and its mark for meta.json."""
        positions = self.positions(plan)
        mark = {
            "index": self.index,
            "count": self.count,
            "plan_digest": plan_digest(plan),
            "planned_total": len(plan),
            "positions": positions,
        }
        return [plan[i] for i in positions], mark

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"


def unit_of(probe: Probe) -> str:
    """What must run in one shard: a consistency group, the attempts of one re-contact (the
    same question asked again in fresh sessions and on other channels, whose share answered is
    reckoned over them together), or else the probe alone."""
    group = probe.param("group")
    if group is not None:
        return f"group:{group}"
    recontact = probe.param("recontact")
    return f"recontact:{recontact}" if recontact is not None else f"probe:{probe.id}"


def plan_digest(plan: Sequence[Probe]) -> str:
    ids = "\n".join(p.id for p in plan)
    return "sha256:" + hashlib.sha256(ids.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class _ShardDir:
    directory: Path
    meta: dict[str, Any]
    mark: dict[str, Any]
    plan: list[Probe]


def _read_shard(directory: Path) -> _ShardDir:
    try:
        meta = read_meta(directory)
        plan = read_plan(directory)
    except AuditDirError as error:
        raise ShardError(str(error)) from None
    mark = meta.get(SHARD_KEY)
    if not isinstance(mark, dict):
        raise ShardError(f"{directory} is not a shard (it was not run with --shard K/N)")
    if len(mark.get("positions", ())) != len(plan):
        raise ShardError(f"{directory}: its plan does not match its shard mark (damaged?)")
    return _ShardDir(directory, meta, mark, plan)


_SAME = (
    ("name", "audit name"),
    ("config_digest", "configuration (config digest)"),
    ("seed", "seed"),
)


def _check_same(shards: Sequence[_ShardDir]) -> None:
    first = shards[0]
    for other in shards[1:]:
        for key, what in _SAME:
            if other.meta.get(key) != first.meta.get(key):
                raise ShardError(
                    f"{other.directory} and {first.directory} are not shards of one audit: "
                    f"different {what} ({other.meta.get(key)} vs {first.meta.get(key)})"
                )
        for key, what in (("count", "shard count"), ("plan_digest", "plan")):
            if other.mark.get(key) != first.mark.get(key):
                raise ShardError(
                    f"{other.directory} and {first.directory} are not shards of one plan: "
                    f"different {what} (the anchors' data may have changed between them)"
                )


def _check_cover(shards: Sequence[_ShardDir]) -> int:
    """Each shard once, no probe twice, none missing; returns the whole plan's length."""
    count = int(shards[0].mark["count"])
    seen: dict[int, Path] = {}
    for shard in shards:
        index = int(shard.mark["index"])
        if index in seen:
            raise ShardError(
                f"shard {index}/{count} given twice: {seen[index]} and {shard.directory}"
            )
        seen[index] = shard.directory
    missing = sorted(set(range(1, count + 1)) - set(seen))
    if missing:
        shown = ", ".join(f"{i}/{count}" for i in missing)
        raise ShardError(f"missing shard {shown}: merge needs every shard of the plan")
    total = int(shards[0].mark["planned_total"])
    positions = [p for s in shards for p in s.mark["positions"]]
    if len(positions) != len(set(positions)):
        raise ShardError("the shards overlap: some probes were run by two shards")
    if sorted(positions) != list(range(total)):
        raise ShardError("the shards do not add up to the whole plan")
    return total


def _whole_plan(shards: Sequence[_ShardDir], total: int) -> list[Probe]:
    plan: list[Probe | None] = [None] * total
    for shard in shards:
        for position, probe in zip(shard.mark["positions"], shard.plan, strict=True):
            plan[position] = probe
    whole = [p for p in plan if p is not None]
    if plan_digest(whole) != shards[0].mark["plan_digest"]:
        raise ShardError("the shards' plans do not add up to the plan they were cut from")
    return whole


def _merged_meta(shards: Sequence[_ShardDir], out: Path, total: int) -> dict[str, Any]:
    # The merged audit's status follows from all the shards' results; it ends with the last.
    own = {SHARD_KEY, STATUS_KEY, FINISHED_KEY}
    meta = {k: v for k, v in shards[0].meta.items() if k not in own}
    ends = [s.meta.get(FINISHED_KEY) for s in shards]
    if all(ends):
        meta[FINISHED_KEY] = max(ends, key=lambda end: datetime.fromisoformat(str(end)))
    meta.update(
        run_id=out.name,
        started_at=min(str(s.meta["started_at"]) for s in shards),
        planned=total,
        merged_from=[
            {
                "run_id": s.meta.get("run_id"),
                "shard": f"{s.mark['index']}/{s.mark['count']}",
                "directory": str(s.directory),
            }
            for s in shards
        ],
    )
    rules = [s.meta[STOP_KEY] for s in shards if s.meta.get(STOP_KEY)]
    if rules:  # `stop = "decided"`: the merge decides on the union of the shards' slices
        meta[STOP_KEY] = {
            **rules[0],
            "edge_classes": sorted({c for r in rules for c in r.get("edge_classes") or ()}),
            "kinds": sorted({k for r in rules for k in r.get("kinds") or ()}),
        }
    notes = [n for s in shards for n in s.meta.get("notes", [])]
    if notes:
        meta["notes"] = list(dict.fromkeys(notes))
    return meta


def _jsonl_lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _merge_side_files(shards: Sequence[_ShardDir], out: Path) -> None:
    """Contract findings (deduplicated), minimal cases, shrink asks, tapped calls, received
    spans, lag records (only the first shard measures lag), baseline."""
    # Imported here: their modules' record models are not needed before a shard's questions.
    from auditor._lag import LAG_FILE
    from auditor._tap import TAP_FILE
    from auditor._traces import TRACES_FILE

    contract = {
        json.dumps(c, sort_keys=True, default=str): c
        for s in shards
        for c in read_contract_findings(s.directory)
    }
    write_json(out / CONTRACT_FILE, list(contract.values()))
    for name in (MINIMAL_FILE, SHRINK_FILE, TAP_FILE, TRACES_FILE, LAG_FILE):
        lines = [line for s in shards for line in _jsonl_lines(s.directory / name)]
        if lines:
            write_jsonl(out / name, (json.loads(line) for line in dict.fromkeys(lines)))
    for shard in shards:
        if (shard.directory / _BASELINE_FILE).exists():
            shutil.copyfile(shard.directory / _BASELINE_FILE, out / _BASELINE_FILE)
            break


def merge_shards(directories: Sequence[Path], out: Path) -> dict[str, Any]:
    """Write the audit directory `out` from the shards' directories; returns its meta.

    Refuses (ShardError) anything that is not every shard of one plan, before writing.
    """
    if not directories:
        raise ShardError("give the shards' audit directories")
    shards = [_read_shard(d) for d in directories]
    _check_same(shards)
    total = _check_cover(shards)
    plan = _whole_plan(shards, total)
    if out.exists() and any(out.iterdir()):
        raise ShardError(f"{out} exists and is not empty: choose another --out")
    out.mkdir(parents=True, exist_ok=True)
    meta = _merged_meta(sorted(shards, key=lambda s: int(s.mark["index"])), out, total)
    write_json(out / META_FILE, meta)
    write_plan(out, plan)
    with ResultsStore(out) as store:
        for shard in shards:
            for result in stored_results(shard.directory):  # a stream, shard by shard
                store.append(result)
    _merge_side_files(shards, out)
    return meta
