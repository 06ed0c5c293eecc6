"""Re-judging an audit directory: the stored answers, today's reading, nothing asked again.

The run's `results.jsonl` is evidence and is never rewritten. The verdicts judged again go to
`results.rejudged.jsonl` beside it, then `rejudged.json` records when, with which tool version
and under which configuration; from then on every rendering of the directory (`auditor report
DIR`, with or without `--rejudge`) shows those verdicts, so rendering stays idempotent. Each
`--rejudge` starts again from `results.jsonl`, never from an earlier re-judging. Deleting the
two files (or resuming the run) brings back the run's own verdicts.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from auditor._audit import TOOL_VERSION, config_digest, extractor_for, finish
from auditor._config import AuditConfig
from auditor._report import Audit
from auditor._results import ProbeResult, stored_results, write_jsonl
from auditor._store import (
    ITEMS_FILE,
    RECORDS_FILE,
    REJUDGED_FILE,
    REJUDGED_RESULTS_FILE,
    read_meta,
    read_rejudged,
    write_json,
)
from auditor._teach._rejudge import rejudge_result, stored_catalogue

FROM_RESULTS = "the facts stored with the results"


def _names_in(fact: Mapping[str, Any] | None, found: dict[str, str]) -> None:
    if not fact:
        return
    if isinstance(fact.get("sku"), str) and isinstance(fact.get("name"), str):
        found.setdefault(fact["sku"], fact["name"])
    for line in fact.get("lines") or ():
        if isinstance(line, dict):
            _names_in(line, found)


def read_items(directory: Path, results: Iterable[ProbeResult]) -> tuple[dict[str, str], str]:
    """The item names extraction knew (SKU -> name), and where they came from.

    Audits written before `items.json` existed give the names in their stored facts: every
    probed item's, but not the look-alikes' that no probe asked about.
    """
    path = directory / ITEMS_FILE
    if path.exists():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            data = None
        if isinstance(data, dict):
            return {str(k): str(v) for k, v in data.items()}, ITEMS_FILE
    found: dict[str, str] = {}
    for result in results:
        for record in (result.truth_before, result.truth_after):
            _names_in(None if record is None else record.fact, found)
    return found, FROM_RESULTS


def read_records(directory: Path) -> dict[str, list[str]]:
    """The snapshot's order and return ids (`records.json`); none for audits written before it
    existed, or when it is unreadable: the ids in the stored facts stand in then."""
    try:
        data = json.loads((directory / RECORDS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"orders": [], "returns": []}
    if not isinstance(data, dict):
        data = {}
    return {
        key: [str(x) for x in value if isinstance(x, str)]
        if isinstance(value := data.get(key), list)
        else []
        for key in ("orders", "returns")
    }


def current_results(directory: Path) -> Sequence[ProbeResult]:
    """The verdicts the reports show: the last re-judging's, else the run's; read from disk as
    they are walked, one at a time (an audit of 100,000 answers is never held whole)."""
    if read_rejudged(directory):
        return stored_results(directory, REJUDGED_RESULTS_FILE)
    return stored_results(directory)


def rejudge_directory(
    directory: Path,
    config: AuditConfig,
    *,
    config_source: str,
    env: Mapping[str, str] | None = None,
    now: datetime | None = None,
) -> Audit:
    """Judge the stored answers again with `config`, write them beside the run's, and render
    every report from them (see the module's docstring). Makes no request of any kind."""
    meta = read_meta(directory)
    original = stored_results(directory)  # read as a stream: one result in memory at a time
    items, catalogue = read_items(directory, original)
    # Which subjects existed: the snapshot's view.
    known = stored_catalogue(items, original, read_records(directory))
    extractor = extractor_for(
        items, config.extraction_vocabulary(), orders=known["orders"], returns=known["returns"]
    )
    reader, untaught = None, None
    if config.reader is not None:  # readings from the audit's cache only: nothing is asked
        from auditor._reader._client import OfflineReader

        reader = OfflineReader(config.reader, directory)
        untaught = extractor_for(items) if config.vocabulary else None
    changed = 0

    def again() -> Iterator[dict[str, Any]]:
        nonlocal changed
        for result in original:
            new = rejudge_result(result, extractor, reader, untaught, known)
            changed += new.verdict != result.verdict
            yield new.model_dump(mode="json")

    write_jsonl(directory / REJUDGED_RESULTS_FILE, again())
    write_json(
        directory / REJUDGED_FILE,
        {
            "at": (now or datetime.now(UTC)).isoformat(),
            "tool_version": TOOL_VERSION,
            "config_digest": config_digest(config),
            "config_source": config_source,
            "original_config_digest": meta.get("config_digest"),
            "results_file": REJUDGED_RESULTS_FILE,
            "changed": changed,
            "catalogue": catalogue,
            "gate": config.gate.model_dump(mode="json"),
        },
    )
    return finish(directory, env=env)
