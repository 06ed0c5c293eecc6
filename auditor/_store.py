"""The audit directory: what one audit writes, and how `report` and `--resume` read it back.

meta.json               name, run id, seed, config digest, gate, snapshot summary; the end
                        (`finished_at`, `status`) once the run has one
plan.jsonl              every planned probe, in order (resume and shards read it)
results.jsonl           one line per finished probe, appended as they finish
contract_findings.json  anchor responses that broke their documents
items.json              the snapshot's item names (SKU -> name): what extraction knew
records.json            the snapshot's order and return ids: which records an answer may name
results.rejudged.jsonl  the stored answers judged again (`auditor report --rejudge`)
rejudged.json           when, how and under which configuration they were judged again
audit.json, summary.md  the rendered reports
minimal.jsonl           the simplest failing case of each failing bucket (the shrink phase)
shrink.jsonl            every answer the shrink phase judged (not plan probes)
.hypothesis/            the shrink phase's Hypothesis example database
replay.json             the last `auditor replay` of the minimal cases
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from auditor._probes import Probe
from auditor._results import write_jsonl

META_FILE = "meta.json"
PLAN_FILE = "plan.jsonl"
CONTRACT_FILE = "contract_findings.json"
ITEMS_FILE = "items.json"
RECORDS_FILE = "records.json"
REJUDGED_RESULTS_FILE = "results.rejudged.jsonl"
REJUDGED_FILE = "rejudged.json"
MINIMAL_FILE = "minimal.jsonl"
SHRINK_FILE = "shrink.jsonl"
REPLAY_FILE = "replay.json"
#: meta.json's record of how the run ended, written once by the run, so that `auditor report
#: DIR` renders the same audit however often and however late it runs.
FINISHED_KEY = "finished_at"
STATUS_KEY = "status"
#: meta.json's record of a plan smaller than its budget: budget, planned, and why.
BUDGET_KEY = "budget"
#: meta.json's record of the stop rule an audit ran under (`[audit] stop = "decided"`).
STOP_KEY = "stop"


class AuditDirError(Exception):
    pass


def write_json(path: Path, data: Any) -> None:
    """Write via a temporary file, so a crash never leaves half a document."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(
        json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8"
    )
    tmp.replace(path)


def write_text(path: Path, text: str) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def write_plan(directory: Path, probes: Sequence[Probe]) -> None:
    write_jsonl(directory / PLAN_FILE, (p.to_json() for p in probes))


def read_plan(directory: Path) -> list[Probe]:
    path = directory / PLAN_FILE
    if not path.exists():
        raise AuditDirError(f"{directory} holds no {PLAN_FILE}: not an audit directory")
    with path.open(encoding="utf-8") as lines:
        return [Probe.from_json(json.loads(line)) for line in lines if line.strip()]


def read_meta(directory: Path) -> dict[str, Any]:
    path = directory / META_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AuditDirError(f"{directory} holds no {META_FILE}: not an audit directory") from None
    except ValueError as error:
        raise AuditDirError(f"{path} is damaged: {error}") from None
    if not isinstance(data, dict):
        raise AuditDirError(f"{path} is damaged: not an object")
    return data


def read_contract_findings(directory: Path) -> list[dict[str, Any]]:
    path = directory / CONTRACT_FILE
    if not path.exists():
        return []
    data = json.loads(path.read_text(encoding="utf-8"))
    return data if isinstance(data, list) else []


def read_rejudged(directory: Path) -> dict[str, Any] | None:
    """The record of the last `auditor report --rejudge`, or None: the run's verdicts stand.

    Written after the re-judged results, so that a record always has its results.
    """
    path = directory / REJUDGED_FILE
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as error:
        raise AuditDirError(f"{path} is damaged: {error}") from None
    if not isinstance(data, dict) or not (directory / REJUDGED_RESULTS_FILE).exists():
        raise AuditDirError(f"{path} names no re-judged results; run --rejudge again")
    return data
